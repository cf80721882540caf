"""Score one source file against one golden file, through `kgraph.evaluate.score`.

    .venv/bin/python tests/score_file.py FILE GOLDEN [--kinds decree,regulation] [--misses N]

FILE is plain text or a mirror's Markdown (`.md`, converted by
`kgraph.ingest.markdown`); the extractors of `--kinds` run on its normalized
text (default: the first kind the document's metadata names, then the rest).
Stands in for `kgraph eval --file PATH --golden FILE` until that lands.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

import yaml

from kgraph import evaluate, kinds, registry
from kgraph.ingest import markdown
from kgraph.resolve import resolve
from kgraph.sources import metadata
from kgraph.text import normalize


def records_of(path: Path, kind_names: list[str], lang: str) -> dict[str, list[dict]]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        raw = markdown.convert(raw).text
    norm = normalize(raw)
    meta = _with_mirror_meta(metadata.extract(norm.text, fallback_kind=kind_names[0]), path, lang)
    found = []
    for name in kind_names:
        found.extend(kinds.extractor(name).parse(norm.text, meta))
    out = evaluate.as_golden(found)
    document = {"kind": meta.kind, "title": meta.title, "date": meta.date, "number": meta.number}
    for r in found:
        if hasattr(r, "document_fields"):
            document.update(r.document_fields())
    out["document"] = [document]
    reg = registry.load(Path("data") / "registry.yaml")
    for rec in out.get("competence", []):
        if rec.get("role") is None and rec.get("body"):
            res = resolve(rec["body"], lang, meta.date, registry=reg)
            rec["role"] = res.id if res.kind != "unresolved" else None
    return out


def _with_mirror_meta(meta, path: Path, lang: str):
    """Date, number and title from the mirror's meta.yaml beside a Markdown file (what the
    catalog supplies in a build)."""
    side = path.parent / "meta.yaml"
    if path.suffix != ".md" or not side.exists():
        return meta
    data = yaml.safe_load(side.read_text(encoding="utf-8"))
    m = re.search(r"№\s*(\S+)", data.get("requisite", ""))
    title = (data.get("title") or {}).get("rus" if lang == "ru" else "kaz")
    return dataclasses.replace(
        meta,
        date=data.get("approved_on") or meta.date,
        number=(m.group(1) if m else None) or meta.number,
        title=meta.title or title,
    )


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
