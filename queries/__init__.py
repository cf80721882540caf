"""The SPARQL queries (*.rq), installed as the package data `kgraph.query_files`
(pyproject.toml maps this folder into the package); read them through `kgraph.queries`."""
