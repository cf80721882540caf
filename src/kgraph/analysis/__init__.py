"""Analysis over the built graph: networks, text similarity, mandate overlaps.

Everything here reads the graph through SPARQL (`kgraph.store`), never parser
internals, so it works on any build, including one loaded from an N-Quads dump.

* `networks`  body-task, co-assignment, competence and succession networks + metrics
* `textsim`   normalisation, lemmas (ru) / stems (kk), bilingual terms, TF-IDF index
* `mandates`  competences and tasks as plain records, fetched by SPARQL
* `index`     the similarity index of a store's mandates and the rules on top of it (cached)
* `overlaps`  overlap detection and the drafter check
* `sample`    a small graph built from the hand-checked golden files (tests, demos)
"""
