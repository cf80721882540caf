"""Text similarity for mandates: normalise, lemmatise (ru) or stem (kk), map to
shared bilingual terms, and compare with TF-IDF over word and character n-grams.

Texts are reduced to base forms by `kgraph.lang.base_forms`: Russian lemmas
(pymorphy3), Kazakh stems without inflection (derivation kept: "салалық"
sectoral vs "сала" field). A small bilingual lexicon of the domain's vocabulary maps a
Russian lemma and a Kazakh stem to one term ("#approve" for утверждать /
бекіту), which is what lets a Kazakh law item and a Russian plan task share
features at all. Character n-grams over the term string catch what stemming
misses (derivations, typos, international words).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from kgraph.lang import base_forms, detect_lang, letter_words

# --- bilingual terms ------------------------------------------------------------------

# (term, Russian forms, Kazakh forms); forms are separated by ";", a form may be a
# phrase. Forms are reduced with the same lemmatiser/stemmer as the texts, so any
# inflected form in a text meets its entry. The vocabulary is the law's and the
# plans' own (article titles, defined terms, recurring verbs), not a general dictionary.
LEXICON: tuple[tuple[str, str, str], ...] = (
    ("approve", "утверждать;утверждение;утвердить", "бекіту;бекітеді"),
    ("develop", "разрабатывать;разработка;разработать;выработка;вырабатывать", "әзірлеу;әзірлейді;дайындау"),
    ("determine", "определять;определение;определить;выявление", "айқындау;айқындайды;анықтау"),
    (
        "amend",
        "внесение изменение;внесение изменение и дополнение;изменение и дополнение",
        "өзгеріс енгізу;өзгерістер мен толықтырулар енгізу",
    ),
    ("submit", "вносить;внесение;внести", "енгізу;енгізеді"),
    ("proposal", "предложение", "ұсыныс"),
    ("recommendation", "рекомендация", "ұсыным"),
    ("form", "формировать;формирование;сформировать", "қалыптастыру;қалыптастырады"),
    ("implement", "реализовывать;реализация;реализовать;исполнение;внедрение;внедрять", "іске асыру"),
    ("carry-out", "осуществлять;осуществление;осуществить", "жүзеге асыру"),
    ("study", "проработка;прорабатывать;рассмотрение;рассматривать", "пысықтау;қарау"),
    ("process", "процесс", "үдеріс;процесс"),
    ("participate", "участвовать;участие", "қатысу;қатысады"),
    ("participant", "участник", "қатысушы"),
    ("coordinate", "координировать;координация;координирование", "үйлестіру;үйлестіреді"),
    ("agree", "согласовывать;согласование;согласовать", "келісу;келіседі"),
    ("ensure", "обеспечивать;обеспечение;обеспечить", "қамтамасыз"),
    ("render", "оказывать;оказание;оказать", "көрсету;көрсетеді"),
    ("provide", "представлять;предоставлять;предоставление;представление;направлять", "ұсыну;ұсынады;беру;береді"),
    ("evaluate", "оценка;оценивать;оценить", "бағалау;бағалайды"),
    ("monitor", "мониторинг", "мониторинг;мониторингілеу"),
    ("analyse", "анализ;анализировать;аналитический", "талдау;талдамалық"),
    ("research", "исследование;исследовательский", "зерттеу"),
    ("conduct", "проводить;проведение;вести;ведение", "жүргізу;жүргізеді;өткізу;өткізеді"),
    ("create", "создавать;создание;создать;открытие;открывать;учреждение", "құру;құрады;ашу"),
    ("attract", "привлекать;привлечение;привлечь", "тарту"),
    ("promote", "продвигать;продвижение;продвинуть", "жылжыту;ілгерілету;ілгерілетеді"),
    ("assist", "содействовать;содействие;помощь", "жәрдем;жәрдемдесу"),
    (
        "cooperate",
        "сотрудничество;сотрудничать;взаимодействие;взаимодействовать",
        "ынтымақтастық;ынтымақтасу;ынтымақтасады;өзара іс-қимыл;өзара іс-әрекет;іс-әрекеттесу",
    ),
    ("stimulate", "стимулирование;стимулировать", "ынталандыру"),
    ("regulate", "регулирование;регулировать", "реттеу"),
    ("support", "поддержка;поддерживать", "қолдау"),
    ("reimburse", "возмещение;возмещать", "өтеу"),
    ("improve", "совершенствование;совершенствовать;улучшение;улучшать", "жетілдіру;жақсарту"),
    ("increase", "повышение;повышать;увеличение;увеличивать", "арттыру"),
    ("build", "строительство;строить", "салу;құрылыс"),
    ("update", "актуализация;актуализировать", "өзектендіру"),
    ("collect", "сбор;собирать", "жинау"),
    ("invest", "инвестирование;инвестировать;инвестиция;инвестиционный", "инвестициялау;инвестиция;инвестициялық"),
    ("forecast", "прогнозирование;прогноз;прогнозный", "болжау"),
    ("access", "доступ", "қол жеткізу;қолжетімділік"),
    ("information", "информация;информационный", "ақпарат;ақпараттық"),
    ("consulting", "консультационный;консультация;консалтинговый", "консультациялық"),
    ("expert", "экспертный;экспертиза;эксперт", "сараптама;сараптамалық;сарапшы"),
    ("conclusion", "заключение", "қорытынды"),
    ("state", "государственный;государство", "мемлекеттік;мемлекет"),
    ("policy", "политика", "саясат"),
    ("program", "программа", "бағдарлама"),
    ("plan", "план", "жоспар"),
    ("map", "карта", "карта"),
    ("list", "перечень;список", "тізбе;тізім"),
    ("rules", "правило;порядок", "қағида;қағидат;қағидатын;тәртіп"),
    ("statute", "положение;регламент", "ереже"),
    ("methodology", "методика;методология", "әдістеме"),
    ("legal-act", "нормативный правовой акт", "нормативтік құқықтық акт"),
    ("law", "закон;законодательство", "заң;заңнама"),
    ("priority", "приоритетный;приоритет", "басым;басымдық;басымдылық"),
    ("sector", "сектор", "сектор"),
    ("sectoral", "отраслевой;отрасль", "салалық"),
    ("region", "регион;региональный;областной", "өңір;өңірлік;облыс"),
    ("local", "местный", "жергілікті"),
    ("local-content", "местное содержание", "жергілікті қамту"),
    ("republican", "республиканский", "республикалық"),
    ("economy", "экономика;экономический", "экономика;экономикалық"),
    ("industrial-innovative", "индустриально-инновационный", "индустриялық-инновациялық"),
    ("industrialization", "индустриализация", "индустрияландыру"),
    ("innovation", "инновация;инновационный", "инновация;инновациялық"),
    ("technology", "технология", "технология"),
    ("technological", "технологический", "технологиялық"),
    ("high-tech", "высокотехнологичный;высокий технологический", "жоғары технологиялық"),
    ("science-tech", "научно-технологический;научно-технический", "ғылыми-технологиялық;ғылыми-техникалық"),
    ("science", "наука;научный", "ғылым;ғылыми"),
    ("scientist", "ученый", "ғалым"),
    ("development", "развитие;развивать", "даму;дамыту"),
    ("grant", "грант;грантовый", "грант"),
    ("goods", "товар", "тауар"),
    ("activity-service", "деятельность;услуга", "қызмет"),
    ("work", "работа", "жұмыс"),
    ("supplier", "поставщик", "жеткізуші"),
    ("product", "продукция;продукт", "өнім"),
    ("database", "база данных;банк данных", "деректер қоры;дерекқор;деректер базасы"),
    ("market", "рынок", "нарық"),
    ("external", "внешний", "сыртқы"),
    ("internal", "внутренний", "ішкі"),
    ("domestic", "отечественный", "отандық"),
    ("foreign", "иностранный;зарубежный", "шетелдік;шетел"),
    ("international", "международный", "халықаралық"),
    ("investor", "инвестор", "инвестор"),
    ("export", "экспорт;экспортный", "экспорт;экспорттық"),
    ("exporter", "экспортер", "экспорттаушы"),
    ("organization", "организация", "ұйым"),
    ("institution", "институт", "институт"),
    ("national", "национальный", "ұлттық"),
    ("operator", "оператор", "оператор"),
    ("authorized-body", "уполномоченный орган", "уәкілетті орган"),
    ("body", "орган", "орган"),
    ("government", "правительство", "үкімет"),
    ("president", "президент", "президент"),
    ("council", "совет", "кеңес"),
    ("working-group", "рабочая группа", "жұмыс тобы"),
    ("cluster", "кластер", "кластер"),
    ("technopark", "технопарк;технологический парк", "технопарк;технологиялық парк"),
    ("sez", "специальная экономическая зона;сэз", "арнайы экономикалық аймақ;аэа"),
    ("pit", "парк инновационных технологий;пит", "инновациялық технологиялар паркі;итп"),
    ("center", "центр", "орталық"),
    ("commercialization", "коммерциализация", "коммерцияландыру;коммерциялау"),
    ("transfer", "трансферт;трансфер", "трансферт"),
    ("infrastructure", "инфраструктура", "инфрақұрылым"),
    ("project", "проект", "жоба"),
    ("enterprise", "предприятие", "кәсіпорын"),
    ("company", "компания", "компания"),
    ("management", "управление;управляющий", "басқару;басқарушы"),
    ("fund", "фонд", "қор"),
    ("cost", "затрата;расход", "шығын;шығыс"),
    ("effectiveness", "эффективность;эффективный", "тиімділік;тиімді"),
    ("measure", "мера", "шара"),
    ("event", "мероприятие", "іс-шара"),
    ("personnel", "кадры;кадровый", "кадр;кадрлық"),
    ("qualified", "квалифицированный", "білікті"),
    ("training", "подготовка;обучение", "даярлау"),
    ("employment", "занятость", "еңбекпен қамту"),
    ("annual", "ежегодно;ежегодный", "жыл сайын"),
    ("competitiveness", "конкурентоспособность", "бәсекеге қабілеттілік"),
    ("added-value", "добавленный стоимость", "қосылған құн"),
    ("strategy", "стратегия", "стратегия"),
    ("task-goal", "задача", "міндет"),
    ("production", "производство", "өндіріс"),
    ("territorial", "территориальный", "аумақтық"),
    ("placement", "размещение", "орналастыру;орналасу"),
    ("issue", "вопрос", "мәселе"),
    ("kind", "вид", "түр"),
    ("processed", "обработанный", "өңделген"),
    ("second", "второй", "екінші"),
    ("stage", "очередь", "кезек"),
    ("laboratory", "лаборатория", "зертхана"),
    ("system", "система", "жүйе"),
    ("indicator", "индикатор;показатель", "көрсеткіш"),
    ("opportunity", "возможность", "мүмкіндік"),
    ("image", "имидж", "бедел"),
    ("meeting", "встреча", "кездесу"),
    ("negotiation", "переговоры", "келіссөз"),
    ("potential", "потенциал", "әлеует"),
    ("leading", "ведущий", "жетекші"),
    ("direction", "направление", "бағыт"),
    ("critical", "критический", "сындарлы"),
    ("composition", "состав", "құрам"),
    ("model", "типовой", "үлгілік"),
    ("design-bureau", "конструкторский бюро", "конструкторлық бюро"),
    ("holding", "холдинг", "холдинг"),
    ("trust-management", "доверительный управление", "сенімгерлік басқару"),
    ("function", "функция", "функция"),
)

_STOP = {
    "ru": "и в во на по с со к о об от до для из за а также или не что как при под через их его ее "
    "том числе т д др который этот год республика казахстан рк сфера свой",
    "kk": "және мен бен пен үшін бойынша жөніндегі жөнінде туралы оның олардың олар сондай-ақ немесе "
    "да де қазақстан республикасы өз шегінде шектерінде шеңберінде ету етеді етілетін болып "
    "табылады саласындағы сала оларды тиісті",
}


@lru_cache(maxsize=2)
def _lexicon(lang: str) -> dict[tuple[str, ...], str]:
    """Phrase (tuple of base forms) -> '#term' for one language."""
    column = 1 if lang == "ru" else 2
    out: dict[tuple[str, ...], str] = {}
    for entry in LEXICON:
        for form in entry[column].split(";"):
            key = tuple(base_forms(form, lang))
            if key:
                out.setdefault(key, "#" + entry[0])
    return out


@lru_cache(maxsize=2)
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(base_forms(_STOP[lang], lang)) | frozenset(letter_words(_STOP[lang]))


def terms(text: str, lang: str | None = None, extra: dict[tuple[str, ...], str] | None = None) -> list[str]:
    """The text as comparable terms: base forms, with known phrases replaced by
    shared '#terms' (longest match first) and stopwords dropped.

    `extra` adds phrase -> term entries of the graph's own (glossary expansions,
    registry names), keyed by base forms of the same language."""
    lang = lang or detect_lang(text)
    forms = base_forms(text, lang)
    table = _lexicon(lang)
    stop = _stopwords(lang)
    longest = max(_longest(lang), max(map(len, extra), default=0) if extra else 0)
    out: list[str] = []
    i = 0
    while i < len(forms):
        for n in range(min(longest, len(forms) - i), 0, -1):
            key = tuple(forms[i : i + n])
            hit = (extra or {}).get(key) or table.get(key)
            if hit:
                out.append(hit)
                i += n
                break
        else:
            if forms[i] not in stop and len(forms[i]) > 1:
                out.append(forms[i])
            i += 1
    return out


@lru_cache(maxsize=2)
def _longest(lang: str) -> int:
    return max(map(len, _lexicon(lang)))


def term_string(text: str, lang: str | None = None, extra=None) -> str:
    return " ".join(terms(text, lang, extra))


# --- main action -----------------------------------------------------------------------

# Terms that name what a body does. Two items about the same object with
# different actions ("develops the plan" / "approves the plan") are a division
# of labour between the stages of one procedure, not a duplicate.
ACTIONS = frozenset(
    [
        "#approve",
        "#amend",
        "#develop",
        "#determine",
        "#submit",
        "#form",
        "#implement",
        "#coordinate",
        "#agree",
        "#render",
        "#provide",
        "#evaluate",
        "#monitor",
        "#analyse",
        "#conduct",
        "#create",
        "#attract",
        "#promote",
        "#assist",
        "#cooperate",
        "#stimulate",
        "#regulate",
        "#support",
        "#reimburse",
        "#improve",
        "#increase",
        "#build",
        "#update",
        "#collect",
        "#forecast",
    ]
)
# Light verbs: "participates in developing", "ensures the process of forecasting",
# "carries out the evaluation", "studies the question of creating" - the action is the next one.
TRANSPARENT = frozenset(["#participate", "#ensure", "#carry-out", "#study", "#issue"])
_SAME_ACTION = {"#amend": "#approve"}  # approving an amendment is an approval


def main_actions(term_list: Sequence[str], lang: str) -> frozenset[str]:
    """The action terms of the main predicate: Kazakh puts it last (SOV), Russian
    items and tasks start with it ("утверждает …", "Разработка …")."""
    seq = list(reversed(term_list)) if lang == "kk" else list(term_list)
    main: set[str] = set()
    light: set[str] = set()
    for t in seq:
        if t in TRANSPARENT:
            light.add(t)
        elif t in ACTIONS:
            main.add(_SAME_ACTION.get(t, t))
        else:
            break
    return frozenset(main or light)


ACTION_PENALTY = 0.5  # fixed a priori, not tuned


def action_factor(a: frozenset[str], b: frozenset[str]) -> float:
    return ACTION_PENALTY if a and b and not (a & b) else 1.0


# --- TF-IDF index ---------------------------------------------------------------------

WORD_WEIGHT = 0.5  # share of the word channel; the rest is character n-grams (see tests/test_overlaps.py)


def _split(doc: str) -> list[str]:
    """Word analyzer: unigrams and bigrams of the term string (module-level so it pickles)."""
    toks = doc.split()
    return toks + [f"{a} {b}" for a, b in itertools.pairwise(toks)]


def _transform(vectorizer: TfidfVectorizer, docs: list[str]):
    if not docs:  # sklearn refuses an empty batch
        return csr_matrix((0, len(vectorizer.vocabulary_)))
    return vectorizer.transform(docs)


class Index:
    """TF-IDF over the term strings of a corpus: a word channel (unigrams +
    bigrams of terms) and a character channel (3-5-grams within word bounds).
    Cosine similarities of the two channels are mixed with `word_weight`."""

    def __init__(self, docs: Sequence[str], word_weight: float = WORD_WEIGHT):
        self.word_weight = word_weight
        corpus = list(docs)
        # An empty graph (or one without shared terms) still needs a fitted vocabulary.
        fit = corpus if any(d.strip() for d in corpus) else ["#empty"]
        self._word = TfidfVectorizer(analyzer=_split, sublinear_tf=True, norm="l2").fit(fit)
        self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, norm="l2").fit(fit)
        self.word_matrix = _transform(self._word, corpus)
        self.char_matrix = _transform(self._char, corpus)
        self.size = len(corpus)

    def transform(self, docs: Iterable[str]):
        docs = list(docs)
        return self._word.transform(docs), self._char.transform(docs)

    def similarity(self, a, b) -> np.ndarray:
        """Mixed cosine similarity of two transformed batches (rows of a x rows of b)."""
        wa, ca = a
        wb, cb = b
        w = (wa @ wb.T).toarray()
        c = (ca @ cb.T).toarray()
        return self.word_weight * w + (1 - self.word_weight) * c

    def self_similarity(self) -> np.ndarray:
        own = (self.word_matrix, self.char_matrix)
        return self.similarity(own, own)

    def query(self, doc: str) -> np.ndarray:
        """Similarity of one term string to every indexed document."""
        return self.similarity(self.transform([doc]), (self.word_matrix, self.char_matrix))[0]


def pair_scores(
    pairs: Sequence[tuple[str, str]], corpus: Sequence[str], word_weight: float = WORD_WEIGHT
) -> list[float]:
    """Scores of (term string, term string) pairs under an index fitted on `corpus`."""
    index = Index(corpus, word_weight)
    a = index.transform([p[0] for p in pairs])
    b = index.transform([p[1] for p in pairs])
    wa, ca = a
    wb, cb = b
    w = np.asarray(wa.multiply(wb).sum(axis=1)).ravel()
    c = np.asarray(ca.multiply(cb).sum(axis=1)).ravel()
    return list(word_weight * w + (1 - word_weight) * c)
