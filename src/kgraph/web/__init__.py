"""The web explorer and SPARQL endpoint (a thin layer over kgraph.store)."""
