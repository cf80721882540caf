"""Score one source file against one golden file, through `kgraph.evaluate.score`.

    .venv/bin/python tests/score_file.py FILE GOLDEN [--kinds decree,regulation] [--misses N]

FILE is read as the build reads a source (`kgraph.ingest.read`: a mirror's Markdown
converted), normalized, described (`kgraph.ingest.describe`, with the meta.yaml of a
corpus folder it stands in), and the extractors of `--kinds` run on it; a competence
granted to a body the text names is compared by the registry id `kgraph.resolve`
finds (`kgraph.evaluate.resolve_bodies`). Stands in for `kgraph eval --file PATH
--golden FILE` until that lands.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kgraph import evaluate, ingest, kinds, registry, settings
from kgraph.ingest import corpus, describe
from kgraph.text import normalize


def records_of(path: Path, kind_names: list[str], lang: str) -> dict[str, list[dict]]:
    norm = normalize(ingest.read(path).text)
    portal = corpus.read_meta(path.parent) if corpus.is_corpus_folder(path.parent) else None
    meta = describe.describe(norm.text, lang, tuple(kind_names), portal).meta
    found = [r for name in kind_names for r in kinds.extractor(name).parse(norm.text, meta)]
    out = evaluate.as_golden(found)
    out["document"] = [evaluate.document_record(meta, found)]
    reg = registry.load(settings.DEFAULT_CATALOG.parent / settings.REGISTRY_FILE)
    return evaluate.resolve_bodies(out, lang, meta.date, reg)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("golden", type=Path)
    ap.add_argument("--kinds", default="decree", help="comma-separated extractor kinds")
    ap.add_argument("--misses", type=int, default=0, help="show up to N misses and extras per kind")
    args = ap.parse_args(argv)
    golden = json.loads(args.golden.read_text(encoding="utf-8"))["records"]
    lang = "kk" if args.golden.stem.endswith("-kk") else "ru"
    scores = evaluate.score(golden, records_of(args.file, args.kinds.split(","), lang))
    print(f"{args.file} vs {args.golden.name} (kinds {args.kinds})")
    print(f"{'kind':<12}{'expected':>9}{'found':>7}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}  fields")
    for kind, s in scores.items():
        fields = " ".join(f"{n}={s.field_accuracy(n):.2f}" for n in sorted(s.fields))
        print(
            f"{kind:<12}{s.expected:>9}{s.extracted:>7}{s.tp:>6}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}  {fields}"
        )
        if args.misses:
            for m in s.misses[: args.misses]:
                print(f"    miss  {m}")
            for m in s.extras[: args.misses]:
                print(f"    extra {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
