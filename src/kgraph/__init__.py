"""kgraph: a knowledge graph of Kazakhstan's state institutions and their mandates."""

__version__ = "0.1.0"
