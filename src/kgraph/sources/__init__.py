"""Extractors, one module per document kind: `parse(text, meta) -> records`.

The catalog's `kinds` field names which ones run on a document. Each kind
has a matching writer in `kgraph.rdf`. Adding a kind is one entry here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# kind -> module; each module has parse(text: str, meta: DocumentMeta) -> list[record]
EXTRACTORS: dict[str, str] = {
    "law": "kgraph.sources.law",
    "decree": "kgraph.sources.decree",
    "plan": "kgraph.sources.plan",
    "concept": "kgraph.sources.concept",
}


def extractor(kind: str) -> ModuleType:
    try:
        return importlib.import_module(EXTRACTORS[kind])
    except KeyError:
        raise KeyError(f"no extractor for document kind {kind!r}; known: {', '.join(sorted(EXTRACTORS))}") from None
