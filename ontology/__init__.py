"""The ontology (kgraph.ttl) and the SHACL shapes (shapes.ttl), installed as the
package data `kgraph.ontology` (pyproject.toml maps this folder into the package);
read them through `kgraph.vocab`."""
