"""A synthetic corpus of N documents made from the real ones (bench/build.py builds it).

Each synthetic document is a real catalogued document (a single file, or a portal
folder with its Russian and Kazakh texts and meta.yaml) with its details perturbed,
so that it is a different act that reads like ours:

* templates are drawn from data/catalog.yaml with equal weight per catalog entry, so
  the kinds (laws, plans, decrees, concepts, regulations …) and the languages come in
  the proportions of the real corpus (a folder brings both of its languages);
* the act's date moves by a random number of years and days and its number is new
  (given in the synthetic catalog entry, and replaced in the text where the text
  states it), so every synthetic act has an IRI of its own;
* every year in the text moves by the same number of years (deadlines, periods,
  amending acts keep their order);
* bodies: a few ministries named in the text are swapped for other ministries of the
  registry, in the text's language (their full names), so mandates move between bodies;
* amounts and other numbers of several digits get new digits (same length).

    python bench/corpus.py OUT --docs 100 [--seed 1]

writes OUT/catalog.yaml, OUT/sources/ and OUT/registry.yaml (the real registry).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
DIGITS = re.compile(r"(?<![\d.,/-])\d{3,}(?:[ ,.]\d{3})*(?:,\d+)?(?![\d./-])")
SWAPS = 3  # ministries swapped per document


@dataclasses.dataclass
class Template:
    entry: dict  # the catalog entry
    kind: str
    date: dt.date | None
    number: str | None
    files: dict[str, Path]  # language -> text file (a folder: rus.md, kaz.md)
    meta: Path | None  # a folder's meta.yaml


def templates(catalog: Path = DATA / "catalog.yaml") -> list[Template]:
    """The real documents, with the date and number the build reads for them."""
    from kgraph import catalog as catalog_mod

    raw = yaml.safe_load(catalog.read_text(encoding="utf-8"))["documents"]
    loaded = catalog_mod.load(catalog)
    out = []
    for entry in raw:
        own = [e for e in loaded if (e.folder or e.id) == entry["id"]]
        docs = [catalog_mod.read(e, catalog) for e in own]
        meta = docs[0].meta
        files = {d.entry.language: d.entry.path for d in docs}
        folder_meta = catalog.parent / "sources" / entry["folder"] / "meta.yaml" if "folder" in entry else None
        out.append(Template(entry, meta.kind, meta.date, meta.number, files, folder_meta))
    return out


def ministries(language: str) -> list[str]:
    """Full names of the registry's ministries in a language (longest first)."""
    from kgraph import registry

    reg = registry.load(DATA / "registry.yaml")
    names = {b.names.get(language) for b in reg.bodies if b.type == "Ministry" and b.names.get(language)}
    return sorted(names, key=len, reverse=True)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


class Perturb:
    """The changes made to one template's texts (the same for its two languages)."""

    def __init__(self, rng: random.Random, t: Template, number: str, years: int, days: int):
        self.rng, self.t, self.number, self.years, self.days = rng, t, number, years, days

    def text(self, text: str, language: str, names: list[str]) -> str:
        if self.t.number:
            text = re.sub(rf"(№\s*){re.escape(self.t.number)}(?![\w-])", lambda m: m[1] + self.number, text)
        text = YEAR.sub(lambda m: str(int(m[1]) + self.years), text)
        text = DIGITS.sub(self._digits, text)
        present = [n for n in names if n in text]
        for a in self.rng.sample(present, min(SWAPS, len(present))):
            text = text.replace(a, self.rng.choice([n for n in names if n != a]))
        return text

    def _digits(self, m: re.Match) -> str:
        s = m[0]
        if YEAR.fullmatch(s):
            return s
        return re.sub(r"\d", lambda d: str(self.rng.randint(1 if d.start() == 0 else 0, 9)), s)


def generate(out: Path, docs: int, seed: int = 1, catalog: Path = DATA / "catalog.yaml") -> dict:
    """Write a synthetic corpus of `docs` catalog entries into `out`; returns its size."""
    rng = random.Random(seed)
    out = Path(out)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "registry.yaml", out / "registry.yaml")
    tmpl = templates(catalog)
    names = {lang: ministries(lang) for lang in ("ru", "kk")}
    used: set[tuple] = set()
    entries, texts, size = [], 0, 0
    for i in range(docs):
        t = tmpl[i % len(tmpl)] if i < len(tmpl) else rng.choice(tmpl)
        years = rng.randint(-6, 6)
        days = rng.randint(-150, 150)
        date = _shift(t.date or dt.date(2015, 6, 1), years, days)
        while True:
            number = str(rng.randint(1, 2999))
            if (t.kind, date, number) not in used:
                used.add((t.kind, date, number))
                break
        p = Perturb(rng, t, number, years, days)
        sid = f"syn{i:05d}-{t.entry['id']}"[:80]
        entry = {k: v for k, v in t.entry.items() if k not in ("note", "file", "folder", "id", "work")}
        entry = {"id": sid, **entry, "date": date, "number": number}
        if t.meta is None:
            ((lang, path),) = t.files.items()
            name = f"{sid}{path.suffix}"
            text = p.text(path.read_text(encoding="utf-8"), lang, names.get(lang, []))
            (out / "sources" / name).write_text(text, encoding="utf-8")
            entry["file"] = name
            size += len(text.encode("utf-8"))
            texts += 1
        else:
            folder = out / "sources" / sid
            folder.mkdir()
            for lang, path in t.files.items():
                text = p.text(path.read_text(encoding="utf-8"), lang, names.get(lang, []))
                (folder / path.name).write_text(text, encoding="utf-8")
                size += len(text.encode("utf-8"))
                texts += 1
            meta = yaml.safe_load(t.meta.read_text(encoding="utf-8")) or {}
            (folder / "meta.yaml").write_text(
                yaml.safe_dump(_meta(meta, p, date), allow_unicode=True), encoding="utf-8"
            )
            entry["folder"] = sid
            entry.pop("version_date", None)
        entries.append(entry)
    (out / "catalog.yaml").write_text(
        "# A synthetic corpus made by bench/corpus.py from data/catalog.yaml (seed "
        f"{seed}).\n" + yaml.dump({"documents": entries}, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return {"docs": docs, "texts": texts, "bytes": size}


def _shift(d: dt.date, years: int, days: int) -> dt.date:
    try:
        d = d.replace(year=d.year + years)
    except ValueError:  # 29 February
        d = d.replace(year=d.year + years, day=28)
    return d + dt.timedelta(days=days)


def _meta(meta: dict, p: Perturb, date: dt.date) -> dict:
    """meta.yaml of a synthetic folder: the act's new date, number and code; versions moved."""
    out = dict(meta)
    if p.t.number and isinstance(out.get("requisite"), str):
        out["requisite"] = YEAR.sub(lambda m: str(int(m[1]) + p.years), out["requisite"].replace(p.t.number, p.number))
    if out.get("approved_on"):
        out["approved_on"] = date
    if isinstance(out.get("version_date"), dict):
        out["version_date"] = {
            k: _shift(v, p.years, p.days) if isinstance(v, dt.date) else v for k, v in out["version_date"].items()
        }
    if out.get("act_code"):
        out["act_code"] = str(p.rng.randint(100000, 999999))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    info = generate(args.out, args.docs, args.seed)
    print(f"{info['docs']} catalog entries, {info['texts']} texts, {info['bytes'] / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
