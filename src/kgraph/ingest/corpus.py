"""The public corpus layout: one folder per act with rus.md, kaz.md and meta.yaml.

The portal's git mirrors (`kazakhstan-law/codes`, `kazakhstan-law/government`,
the local-decision mirrors) keep each act as a folder holding its Russian and
Kazakh texts and a `meta.yaml`: `act_code`, `requisite` («Закон Республики
Казахстан от 1 июля 2024 года № 103-VIII ЗРК»), `title` (rus, kaz), `form`
(ЗАК, ПОСТ, РЕШ …), `approved_on`, `version_date` and `source` per language,
and `caused_by` (the act that made this version: its code, requisite, title
and link). `read_meta` reads it into `PortalMeta`; nothing else is assumed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kgraph.errors import InputError

META_FILE = "meta.yaml"
# The mirrors' language keys and file names -> our language codes.
LANGUAGES = {"rus": "ru", "kaz": "kk"}
TEXT_FILES = {"ru": "rus.md", "kk": "kaz.md"}


@dataclass(frozen=True)
class CausedBy:
    """The act that made this version of the act."""

    code: str | None
    requisite: str | None
    title: dict[str, str] = field(default_factory=dict)  # language -> title
    link: str | None = None


@dataclass(frozen=True)
class PortalMeta:
    act_code: str | None
    requisite: str | None
    title: dict[str, str]  # language -> title
    form: str | None
    approved_on: dt.date | None
    version_date: dict[str, dt.date]  # language -> version date
    source: dict[str, str]  # language -> URL of the portal page
    caused_by: CausedBy | None


def is_corpus_folder(path: Path) -> bool:
    return path.is_dir() and (path / META_FILE).is_file()


def texts(folder: Path) -> dict[str, Path]:
    """language -> text file, for the languages the folder holds."""
    return {lang: folder / name for lang, name in TEXT_FILES.items() if (folder / name).is_file()}


def read_meta(folder: Path) -> PortalMeta:
    path = folder / META_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "meta.yaml not found: a corpus folder holds rus.md, kaz.md and meta.yaml") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise InputError(path, f"{where}not a readable meta.yaml: {problem}") from None
    except ValueError as exc:  # a value YAML reads as a date but is none ("2024-13-01")
        raise InputError(path, f"not a readable meta.yaml: a date that is none ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping (act_code, requisite, title, version_date …)")
    caused = data.get("caused_by")
    return PortalMeta(
        act_code=_str(data.get("act_code")),
        requisite=_str(data.get("requisite")),
        title=_by_language(data.get("title"), path, "title"),
        form=_str(data.get("form")),
        approved_on=_date(data.get("approved_on"), path, "approved_on"),
        version_date={
            k: _date(v, path, "version_date")
            for k, v in _by_language(data.get("version_date"), path, "version_date", raw=True).items()
        },
        source=_by_language(data.get("source"), path, "source"),
        caused_by=CausedBy(
            _str(caused.get("code")),
            _str(caused.get("requisite")),
            _by_language(caused.get("title"), path, "caused_by.title"),
            _str(caused.get("link")),
        )
        if isinstance(caused, dict)
        else None,
    )


def _str(value) -> str | None:
    return None if value is None else str(value).strip() or None


def _by_language(value, path: Path, name: str, raw: bool = False) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(path, f"{name}: expected a mapping by language (rus, kaz)")
    return {LANGUAGES.get(str(k), str(k)): (v if raw else _str(v)) for k, v in value.items() if v is not None}


def _date(value, path: Path, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(path, f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None


__all__ = ["LANGUAGES", "META_FILE", "TEXT_FILES", "CausedBy", "PortalMeta", "is_corpus_folder", "read_meta", "texts"]
