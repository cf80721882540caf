"""Extractors, one module per document kind: `parse(text, meta) -> list[record]`.

Pure functions: text in, records out; they never read files, touch RDF or look
up the registry. Which module reads which kind is declared in the kind
registry (`kgraph.kinds`, field `extractor`); `kgraph.kinds.extractor(name)`
returns it. `metadata` runs on every document first.
"""
