"""Interface language (ru / kk / en): ?lang= sets it and a cookie keeps it; the interface's
messages come from gettext catalogs.

The catalogs are Babel message catalogs, `locale/<lang>/LC_MESSAGES/messages.po`, one per
interface language (en included: English plural forms and wording live there too). Their
message ids are the English texts written in the templates (`{{ _("Tasks") }}`,
`{% trans count=n %}…{% pluralize %}…{% endtrans %}` through Jinja2's i18n extension) and in
the code (`gettext("lead executor")`), and the titles and descriptions of the named queries
(their `# title:` / `# description:` header lines). Plural forms follow CLDR's rules as Babel
states them (`Plural-Forms` of each catalog: three forms in Russian, two in Kazakh and English).
`make messages` extracts the ids (babel.cfg) and updates the catalogs; tests/test_i18n.py fails
on a message without a translation. The `.po` files are compiled in memory when first used.

Data labels are not messages: they come from the graph in the chosen language with a
fallback (kgraph.search.FALLBACK); the ontology's classes and properties carry their labels
in the three languages.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from importlib.resources import files

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from fastapi import Request
from jinja2 import pass_context
from markupsafe import Markup

from kgraph import queries

LANGS = ("ru", "kk", "en")
DEFAULT = "ru"
COOKIE = "kgraph_lang"
DOMAIN = "messages"
LOCALE_DIR = files("kgraph.web") / "locale"


def N_(message: str) -> str:
    """Marks a message for extraction where it is not translated yet (gettext's convention)."""
    return message


# Messages the overlap page's template still asks for by key (kgraph.web.overlaps owns that
# template): key -> message id. New templates call _() with the message itself.
KEYED = {
    "nav.overlaps": N_("Overlap check"),
    "overlaps.title": N_("Does a drafted competence duplicate an existing one?"),
    "overlaps.intro": N_(
        "Paste a drafted competence, or a whole article with numbered items. Each item gets a "
        "verdict: the existing powers it duplicates (same power), overlaps or relates to, and "
        "powers over the same object at another level of one function (develops, approves, "
        "implements, controls), with quotes and legal bases. Treat them as leads to review, not "
        "verdicts (art. 24 of the Law on legal acts asks for a clear delimitation of competences)."
    ),
    "overlaps.text": N_("Drafted text"),
    "overlaps.lang": N_("Language"),
    "overlaps.auto": N_("detect"),
    "overlaps.body": N_("Only for body"),
    "overlaps.any": N_("any"),
    "overlaps.check": N_("Check"),
    "overlaps.none": N_("No existing power overlaps this draft."),
    "overlaps.summary": N_("{n} item(s): {o} overlap an existing power, {c} complementary (levels of one function)"),
    "overlaps.band.duplicate": N_("same power (duplicate)"),
    "overlaps.band.overlapping": N_("overlapping"),
    "overlaps.band.complementary-levels": N_("complementary (levels of one function)"),
    "overlaps.band.related": N_("related"),
    "overlaps.csv": N_("Report as CSV"),
    "overlaps.print": N_("Printable report"),
    "overlaps.missing": N_("The overlap checker (kgraph.analysis.overlaps) is not installed in this build."),
}


def lang_of(request: Request) -> str:
    """?lang= first, then the cookie, then the browser's Accept-Language, then Russian."""
    q = request.query_params.get("lang")
    if q in LANGS:
        return q
    c = request.cookies.get(COOKIE)
    if c in LANGS:
        return c
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return DEFAULT


def po_path(lang: str):
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """The language's catalog, compiled from its .po file (an empty one for an unknown language)."""
    path = po_path(lang if lang in LANGS else DEFAULT)
    if not path.is_file():
        return Translations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def gettext(lang: str, message: str, **variables) -> str:
    """A message in `lang`, with %(name)s placeholders filled."""
    text = translations(lang).gettext(message)
    return text % variables if variables else text


def ngettext(lang: str, singular: str, plural: str, n: int, **variables) -> str:
    """The plural form CLDR's rule picks for `n` (available to the message as %(num)s)."""
    return translations(lang).ngettext(singular, plural, n) % ({"num": n} | variables)


def translator(lang: str) -> Callable[..., str]:
    """gettext bound to `lang`: t("Tasks"), t("%(n)s of %(m)s shown", n=1, m=2)."""
    return functools.partial(gettext, lang)


def template_callables(lang: str) -> dict[str, Callable]:
    """gettext, ngettext, pgettext and the keyed `t` for a template rendered in `lang`, as
    Jinja2's i18n extension calls them in its new style (`_("…", n=1)`: keyword arguments fill
    %(n)s; `{% trans count=n %}`; the message is Markup, variables are escaped)."""
    tr = translations(lang)

    def fill(context, text: str, variables: dict) -> str:
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables if variables else text

    @pass_context
    def _gettext(__context, __string: str, **variables) -> str:
        return fill(__context, tr.gettext(__string), variables)

    @pass_context
    def _ngettext(__context, __singular: str, __plural: str, __num: int, **variables) -> str:
        variables.setdefault("num", __num)
        return fill(__context, tr.ngettext(__singular, __plural, __num), variables)

    @pass_context
    def _pgettext(__context, __msgctxt: str, __string: str, **variables) -> str:
        return fill(__context, tr.pgettext(__msgctxt, __string), variables)

    def keyed(key: str, **variables) -> str:
        return gettext(lang, KEYED.get(key, key), **variables)

    return {"gettext": _gettext, "ngettext": _ngettext, "pgettext": _pgettext, "t": keyed}


__all__ = [
    "COOKIE",
    "DEFAULT",
    "KEYED",
    "LANGS",
    "extract_queries",
    "gettext",
    "lang_of",
    "ngettext",
    "template_callables",
    "translations",
    "translator",
]


def extract_queries(fileobj, keywords, comment_tags, options):
    """Babel extraction method for the named queries (babel.cfg): their title and description,
    which the query page shows, are messages (their ids: the English header text)."""
    query = queries.parse_text(fileobj.read().decode("utf-8"))
    for text, what in ((query.title, "title"), (query.description, "description")):
        if text:
            yield 1, "gettext", text, [f"named query {what}"]
