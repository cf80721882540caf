"""Analysis over the built graph: networks, text similarity, mandate overlaps.

Everything here reads the graph through SPARQL (`kgraph.store`), never parser
internals, so it works on any build, including one loaded from an N-Quads dump.

* `networks`  body-task, co-assignment, competence and succession networks + metrics
* `textsim`   a power's object (base forms less its governing verbs), its Russian words, TF-IDF index
* `levels`    the governing verbs: develops / approves / implements / controls (levels of one function)
* `align`     Kazakh-Russian word correspondences learned from parallel texts (IBM Model 2)
* `bands`     the verdict bands and their fitted thresholds (bands.json)
* `mandates`  competences and tasks as plain records, fetched by SPARQL
* `index`     the similarity index of a store's mandates (cached)
* `overlaps`  the drafter check (verdicts, errors) and overlap detection (findings)
* `article`   a whole draft article item by item, CSV and JSON exports
* `calibration`  the labelled set, its golden corpus, scoring and fitting the bands
* `sample`    a small graph built from the hand-checked golden files (tests, demos)
"""
