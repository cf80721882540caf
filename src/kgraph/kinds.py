"""Document kinds: one declarative entry per kind of act or document.

Every table about kinds derives from `KINDS` below; nothing else lists them:

* the catalog's `kinds` field (`kgraph.catalog`) and the extractors and RDF
  writers the build runs for each (`extractor()`, `writer()`);
* IRI segments (`kgraph.iri.act`) and ontology classes (`kgraph.rdf.act_class`);
* labels of acts: the kind's name in references, the label of an act whose
  text states no title (`kgraph.rdf.document`, `kgraph.rdf.acts`);
* the words that cite a kind in Russian and Kazakh: the reference readers
  (`kgraph.acts_reader`), amendment footnotes (`kgraph.amendments`) and the
  heading of an act (`kgraph.sources.metadata`).

A kind has one name, used everywhere: in the catalog, in records
(`ActRef.kind`, `DocumentMeta.kind`, golden files) and, by default, as its IRI
segment. Adding a kind is one entry here, plus its extractor and writer
modules if it has its own records (CONTRIBUTING.md, "Adding a document kind").

The order of `KINDS` matters only where two kinds could both apply: an
amendment footnote is attributed to the first kind that `amends` whose `stem`
it contains.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import ModuleType

from kgraph.errors import KgraphError

LANGS = ("ru", "kk", "en")

# Letters of Russian and Kazakh words (for the kind words below).
_CYR = "А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі"
_END = rf"(?![{_CYR}\w])"  # a word ends here

# An annex's approval stamp: «Утверждена / Одобрена» and the lines of the approving act up to a
# blank line, or the Kazakh stamp's last line «… қаулысымен бекітілген / мақұлданған».
_STAMP_RU = rf"^[ \t]*+(?i:утвержден[аоы]?|одобрен[аоы]?)(?![{_CYR}])[^\n]*+\n(?:[ \t]*+\S[^\n]*+\n){{0,6}}?"
_STAMP_KK = r"^[^\n]*?(?:бек[іi]т[іi]лген|мақұлданған)[ \t]*+\.?[ \t]*+\n"


def annex_title(title: str) -> str:
    """The `detect` pattern of an annex whose title (`title`, one line) follows its approval stamp,
    after blank lines or none; the group `title` is the title."""
    return rf"(?m)(?:{_STAMP_RU}|{_STAMP_KK})(?:[ \t]*+\n)*+[ \t]*+(?P<title>{title})[ \t]*$"


@dataclass(frozen=True)
class Labels:
    ru: str
    kk: str
    en: str

    def get(self, lang: str) -> str:
        """The label in `lang`; Russian for a language without one."""
        return getattr(self, lang) if lang in LANGS else self.ru


@dataclass(frozen=True)
class Heading:
    """How an act of the kind names itself where its text starts (`kgraph.sources.metadata`).

    Russian: the words of the act line "<words> Республики Казахстан от <date> № <n>".
    Kazakh: the issuer in the approval stamp of an annex, "Қазақстан Республикасы
    <words> <date> № <n> <cite word>" ("Үкіметінің … қаулысымен бекітілген")."""

    words: str  # regular expression
    issuer: str | None = None  # the issuer these words imply, as written in that language


@dataclass(frozen=True)
class Words:
    """How texts in one language name acts of a kind. Regular expressions; empty when there are none."""

    word: str = ""  # the kind word that opens a reference to the act itself: "Постановление", "Қаулы"
    cite: str = ""  # the kind word of a reference to such an act, in every case form (it anchors the reference)
    headings: tuple[Heading, ...] = ()
    banner: str = ""  # the upper-case line above the title: "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН"
    # the enacting formula that opens the operative part: "Правительство Республики Казахстан
    # ПОСТАНОВЛЯЕТ", "ПРИКАЗЫВАЮ" (kgraph.ingest.describe tells an act's kind by it)
    enacts: str = ""


@dataclass(frozen=True)
class Kind:
    name: str  # the one name of the kind
    cls: str  # ontology class, local name in kg: (ontology/kgraph.ttl)
    label: Labels  # the kind's name in labels: "Закон «…»", "Указ Президента от … № …"
    ru: Words = Words()
    kk: Words = Words()
    stem: str = ""  # what a short form ("(далее – Закон)") or an amendment footnote repeats, either language
    extractor: str | None = None  # module with parse(text, meta) -> records
    writer: str | None = None  # module with emit(records, ctx)
    untitled: Labels | None = None  # label of an act whose text states no title (default: `label`)
    segment: str = ""  # IRI segment, act/<segment>/… (default: `name`)
    named: bool = False  # identified by its designation ("Стратегия … до 2035 года"), not by a date and number
    annex: bool = False  # printed as an annex of the approving act: <act>/annex_<name>
    amends: bool = False  # acts of this kind amend others (amendment footnotes name them)
    forms: tuple[str, ...] = ()  # the portal's form codes of acts of this kind (meta.yaml `form`)
    reader: str = ""  # the extractor kind that reads an act of this kind when it has none of its own
    detect: str = ""  # an annex of this kind is in a text where this matches (kgraph add, kgraph.ingest.describe)

    def __post_init__(self) -> None:
        if not self.segment:
            object.__setattr__(self, "segment", self.name)

    def words(self, lang: str) -> Words:
        return getattr(self, lang) if lang in ("ru", "kk") else Words()

    def untitled_label(self, lang: str) -> str:
        return (self.untitled or self.label).get(lang)


KINDS: tuple[Kind, ...] = (
    # A resolution (постановление) of the Government, officially translated "Government Decree".
    Kind(
        "decree",
        "GovernmentDecree",
        Labels("Постановление Правительства", "Үкімет қаулысы", "Government decree"),
        Words(
            "Постановление",
            rf"[Пп]остановлени(?:е|я|ю|ем|и|й|ями){_END}",
            (Heading("Постановление Правительства", "Правительство Республики Казахстан"),),
            enacts=r"Правительство\s+Республики\s+Казахстан\s+ПОСТАНОВЛЯЕТ",
        ),
        Words(
            "Қаулы",
            r"қаулы(?:сы|сын|сына|сында|сымен|ларымен)(?!\w)",
            (Heading("Үкіметінің", "Қазақстан Республикасының Үкіметі"),),
            enacts=r"Үкіметі\s+ҚАУЛЫ\s+ЕТЕДІ",
        ),
        stem=r"[Пп]остановлени|[Ққ]аулы",
        extractor="kgraph.sources.decree",
        writer="kgraph.rdf.decree",
        amends=True,
        forms=("ПОСТ", "ПП"),
    ),
    Kind(
        "presidential-decree",
        "PresidentialDecree",
        Labels("Указ Президента", "Президент Жарлығы", "Presidential decree"),
        Words(
            "Указ",
            rf"[Уу]каз(?:а|у|ом|е|ы|ов|ами)?{_END}",
            (Heading("Указ Президента", "Президент Республики Казахстан"),),
            enacts=r"ПОСТАНОВЛЯЮ",
        ),
        Words(
            "Жарлық",
            r"Жарлы[ғқ](?:ы|ын|ына|ында|ымен)?(?!\w)",
            (Heading("Президентінің", "Қазақстан Республикасының Президенті"),),
            enacts=r"ҚАУЛЫ\s+ЕТЕМІН",
        ),
        stem=r"[Уу]каз|Жарлы",
        amends=True,
        forms=("УК",),
        reader="decree",
    ),
    Kind(
        "law",
        "Law",
        Labels("Закон", "Заң", "Law"),
        Words(
            "Закон",
            rf"(?:(?:Федеральн|Национальн|Конституционн)\w+\s+)?[Зз]акон(?:а|у|ом|е|ы|ов|ами|ах)?{_END}",
            (Heading("Закон"),),
            r"ЗАКОН\s+РЕСПУБЛИКИ\s+КАЗАХСТАН",
        ),
        Words("Заң", r"Заң(?:ы|ын|ына|ында|ымен|нан|ының)?(?!\w)", banner=r"ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ\s+ЗАҢЫ"),
        stem=r"[Зз]акон|[Зз]аң(?!нам)",  # "заңдарымен" (by the laws), not "заңнама" (legislation)
        extractor="kgraph.sources.law",
        writer="kgraph.rdf.law",
        amends=True,
        forms=("ЗАК", "КЗ"),
    ),
    # Orders of ministers (приказ) and of the Prime Minister (распоряжение).
    Kind(
        "order",
        "Order",
        Labels("Приказ", "Бұйрық", "Order"),
        Words(
            "Приказ",
            rf"(?:[Пп]риказ(?:а|у|ом|е|ы|ов)?|[Рр]аспоряжени(?:е|я|ю|ем|и)){_END}",
            (
                Heading(r"Приказ[^\n]*?"),
                Heading("Распоряжение Премьер-Министра", "Премьер-Министр Республики Казахстан"),
            ),
            enacts=r"ПРИКАЗЫВАЮ",
        ),
        # a minister's order (бұйрық); the Prime Minister's распоряжение is an өкім
        Words("Бұйрық", r"(?:бұйрығ(?:ы|ын|ымен)|өкім(?:і|ін|іне|імен))(?!\w)", enacts=r"БҰЙЫРАМЫН"),
        stem=r"[Пп]риказ|[Рр]аспоряжени|[Бб]ұйры[қғ]",
        amends=True,
        forms=("ПРИК", "РАСП"),
        reader="decree",
    ),
    # Decisions and resolutions of local bodies: akims, akimats, maslikhats.
    Kind(
        "local-act",
        "LocalAct",
        Labels("Решение местного органа", "Жергілікті органның шешімі", "Local act"),
        Words(
            "Решение",
            rf"(?:[Рр]ешени(?:е|я|ю|ем|и|й)|[Пп]остановлени(?:е|я|ю|ем|и))\s+(?:[Аа]кима|[Аа]кимата|[^\s,.;№]+\s+[Мм]аслихата)"
            rf"(?:\s+(?!от{_END}|Республики{_END})[^\s,.;№]+){{0,4}}?(?=\s+от{_END}|\s*№)",
            (
                # older texts capitalise the holder («Решение Акима … области»)
                Heading(r"Решение\s+[Аа]кима[^\n№]*?"),
                Heading(r"Постановление\s+[Аа]кимата[^\n№]*?"),
                Heading(r"Решение\s+[^\n№]*?[Мм]аслихата[^\n№]*?"),
            ),
            enacts=r"акимат[^\n]{0,150}?ПОСТАНОВЛЯЕТ|РЕШИЛ|РЕШАЕТ|РЕШАЮ|(?:[Аа]ким|маслихат)[^\n]{0,100}?решил\s*:",
        ),
        Words(
            "Шешім",
            r"[Шш]еш[іi]м(?:[іi]|[іi]н|[іi]не|[іi]нде|[іi]мен)?(?!\w)",
            enacts=r"әкімдігі[^\n]{0,150}?ҚАУЛЫ\s+ЕТЕДІ|ШЕШІМ\s+(?:ЕТТІ|ҚАБЫЛДАДЫ)|ШЕШТІ|ШЕШЕДІ",
        ),
        stem=r"[Рр]ешени|[Шш]ешім",
        amends=True,
        forms=("РЕШ",),
        reader="decree",
    ),
    Kind(
        "code",
        "Code",
        Labels("Кодекс", "Кодекс", "Code"),
        Words(
            "Кодекс",
            rf"(?:[А-ЯӘҒҚҢӨҰҮІ][{_CYR}]+(?:ым|ом|ый|ий|ого|ому|ой|ем|им)\s+)?[Кк]одекс(?:а|у|ом|е|ы)?{_END}",
        ),
        Words("Кодекс", r"[Кк]одекс(?:і|i|ін|іне|інде|імен)?(?!\w)"),
        stem=r"[Кк]одекс",
        amends=True,
        forms=("КОД",),
        reader="law",
    ),
    # Cited by laws (kgraph.rdf.law); the ontology has no class of its own for it yet.
    Kind(
        "constitution",
        "OtherAct",
        Labels("Конституция", "Конституция", "Constitution"),
        stem=r"[Кк]онституци",
    ),
    Kind(
        "address",
        "PresidentialAddress",
        Labels("Послание", "Жолдау", "Presidential address"),
        Words(cite=rf"[Пп]ослани(?:е|я|ю|ем|и|й|ях|ями){_END}"),
        Words(cite=r"Жолдау(?:ы|ын|ына|ында|ымен)?(?!\w)"),
        stem=r"[Пп]ослани|[Жж]олдау",
    ),
    Kind(
        "national-plan",
        "NationalPlan",
        Labels("Национальный план", "Ұлттық жоспар", "National plan"),
        Words(cite=rf"[Нн]ациональн\w+\s+план(?:а|у|ом|е)?{_END}"),
        stem=r"[Пп]лан|[Жж]оспар",
        named=True,
    ),
    Kind(
        "strategy",
        "Strategy",
        Labels("Стратегия", "Стратегия", "Strategy"),
        Words(cite=rf"Стратеги(?:я|и|ей|ю){_END}"),
        Words(cite=r"стратегия(?:сы|сын|сына|сында)?(?!\w)"),
        stem=r"[Сс]тратеги",
        named=True,
    ),
    Kind(
        "concept",
        "Concept",
        Labels("Концепция", "Тұжырымдама", "Concept"),
        Words(cite=rf"Концепци(?:я|и|ей|ю){_END}"),
        stem=r"[Кк]онцепци|[Тт]ұжырымдама",
        extractor="kgraph.sources.concept",
        writer="kgraph.rdf.concept",
        named=True,
        annex=True,
        # its title right after an approval stamp («Утверждена постановлением … № 1134» / «… қаулысымен
        # бекітілген»): a concept merely cited, even wrapped to a line of its own, is no annex
        detect=annex_title(
            r"КОНЦЕПЦИЯ|Концепция(?:\s+\S[^\n]{0,200})?|[^\n]{0,200}?(?:ТҰЖЫРЫМДАМА(?:СЫ)?|тұжырымдамасы)"
        ),
    ),
    Kind(
        "plan",
        "Plan",
        Labels("План мероприятий", "Іс-шаралар жоспары", "Action plan"),
        stem=r"[Пп]лан|[Кк]арт|[Жж]оспар",  # "дорожная карта": a roadmap
        extractor="kgraph.sources.plan",
        writer="kgraph.rdf.plan",
        annex=True,
        # a plan table's header: a row of cells (TAB|TAB, pipes, tabs or a typed table's «!») naming the responsible
        # executors or developers («Ответственные за исполнение», «Ответств. за исполнение», «Ответ.
        # исполнители», «Исполнитель»,
        # «Государственный орган-разработчик», «Жауапты», «Орындауға жауаптылар», «Әзірлеуші») and the
        # task, its deadline or its number; or that column's name on a line of its own (a header
        # printed cell by cell)
        detect=r"(?im)^(?=[^\n]*(?:\t|\||!))"
        r"(?=[^\n]*(?:ответств|ответ\.|исполнител|разработчик|жауапт|орындаушы|әзірлеуші))"
        r"(?=[^\n]*(?:срок|мерз[іi]м|мероприяти|[іi]с-шара|наименовани|форма|нысан|№))[^\n]*"
        r"|^[ \t]*(?:ответственн\w*\s+(?:за\s+)?исполн\w*|жауапты\s+орындаушы\w*)[ \t]*$",
    ),
    # The regulation of a state body («Положение о Министерстве …», «… туралы ереже»), approved by
    # a Government decree as its annex (or by an order): the body's tasks, rights, duties and functions.
    # `word` opens its title (kgraph.sources.regulation). No cite words: other acts cite a regulation
    # by its designation and approving act ("Положением о Министерстве …, утвержденным постановлением
    # … № 580"), which the reference reader reads as the decree; and the bare words mean "provision"
    # ("положения закона", "Заңның ережесі").
    Kind(
        "regulation",
        "Regulation",
        Labels("Положение", "Ереже", "Regulation of a state body"),
        Words("Положение"),
        Words("Ереже"),
        stem=r"[Пп]оложени|[Ее]реже",
        extractor="kgraph.sources.regulation",
        writer="kgraph.rdf.regulation",
        named=True,
        annex=True,
        # its title on a line of its own: "Положение о Министерстве …", "… министрлігі туралы ереже"
        detect=r"(?mi)^[ \t]*(?:положение(?:\s+об?\s+[^\n]{3,300})?|[^\n\d][^\n]{2,300}\sтуралы\s+ереже)[ \t]*$",
    ),
    # Any other act; references to instructions (поручение) are read as this kind.
    Kind(
        "other",
        "OtherAct",
        Labels("Акт", "Акт", "Act"),
        Words(cite=rf"(?:[Пп]ротокольн\w+\s+)?[Пп]оручени(?:е|я|ю|ем|и|й){_END}"),
        stem=r"[Пп]оручени|[Тт]апсырма",
        untitled=Labels("Документ", "Құжат", "Document"),
    ),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
SEGMENTS: frozenset[str] = frozenset(k.segment for k in KINDS)
OTHER = BY_NAME["other"]


class UnknownKind(KgraphError):
    pass


def get(name: str) -> Kind:
    try:
        return BY_NAME[name]
    except KeyError:
        raise UnknownKind(f"unknown document kind {name!r}; known: {', '.join(BY_NAME)}") from None


def extracted() -> tuple[str, ...]:
    """Kinds with an extractor: the values the catalog's `kinds` field takes."""
    return tuple(k.name for k in KINDS if k.extractor)


def extractor(name: str) -> ModuleType:
    """The extractor module of a kind: `parse(text, meta) -> list[record]`."""
    kind = get(name)
    if kind.extractor is None:
        raise UnknownKind(f"no extractor for document kind {name!r}; kinds with one: {', '.join(extracted())}")
    return importlib.import_module(kind.extractor)


def writer(name: str) -> ModuleType | None:
    """The RDF writer module of a kind, `emit(records, ctx)`; None for a kind without one."""
    kind = get(name)
    return importlib.import_module(kind.writer) if kind.writer else None


def cites(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern of its kind word) for every kind a `lang` reference can name."""
    return tuple((k.name, re.compile(k.words(lang).cite)) for k in KINDS if k.words(lang).cite)


def by_form(form: str) -> str | None:
    """The kind whose acts the portal marks with a form code (meta.yaml `form`: ЗАК, ПОСТ …)."""
    return next((k.name for k in KINDS if form.strip().upper() in k.forms), None)


def reader_of(name: str) -> str:
    """The extractor kind that reads an act of a kind: its own, its `reader`, else the decree reader."""
    kind = get(name)
    if kind.extractor:
        return kind.name
    return kind.reader or "decree"


def amending() -> tuple[Kind, ...]:
    """Kinds whose acts amend others, in the order footnotes are read."""
    return tuple(k for k in KINDS if k.amends)


def annexes() -> tuple[Kind, ...]:
    """Kinds printed as an annex of the act that approves them."""
    return tuple(k for k in KINDS if k.annex)


__all__ = [
    "BY_NAME",
    "KINDS",
    "OTHER",
    "SEGMENTS",
    "Heading",
    "Kind",
    "Labels",
    "UnknownKind",
    "Words",
    "amending",
    "annexes",
    "by_form",
    "cites",
    "extracted",
    "extractor",
    "get",
    "reader_of",
    "writer",
]
