"""Interface language (ru / kk / en): ?lang= sets it and a cookie keeps it.

Only the UI chrome is translated here; data labels come from the graph in the
chosen language with a fallback (kgraph.search.FALLBACK).
"""

from __future__ import annotations

from fastapi import Request

LANGS = ("ru", "kk", "en")
DEFAULT = "ru"
COOKIE = "kgraph_lang"

STRINGS: dict[str, dict[str, str]] = {
    "tagline": {
        "en": "State bodies of Kazakhstan, their tasks and competences, with provenance",
        "ru": "Государственные органы Казахстана, их задачи и компетенции — с источниками",
        "kk": "Қазақстанның мемлекеттік органдары, олардың міндеттері мен құзыреттері — дереккөздерімен",
    },
    "nav.home": {"en": "Home", "ru": "Главная", "kk": "Басты бет"},
    "nav.search": {"en": "Search", "ru": "Поиск", "kk": "Іздеу"},
    "nav.graph": {"en": "Graph", "ru": "Граф", "kk": "Граф"},
    "nav.query": {"en": "SPARQL", "ru": "SPARQL", "kk": "SPARQL"},
    "nav.overlaps": {"en": "Overlap check", "ru": "Проверка дублирования", "kk": "Қайталануды тексеру"},
    "nav.ontology": {"en": "Ontology", "ru": "Онтология", "kk": "Онтология"},
    "search.placeholder": {
        "en": "Body, abbreviation, task… e.g. МИНТ, ИЖТМ-ге, ministry of industry",
        "ru": "Орган, сокращение, мероприятие… напр. МИНТ, ИЖТМ-ге",
        "kk": "Орган, қысқарту, іс-шара… мысалы ИЖТМ-ге, МИНТ",
    },
    "search.button": {"en": "Search", "ru": "Найти", "kk": "Іздеу"},
    "search.all": {"en": "All kinds", "ru": "Все типы", "kk": "Барлық түрлері"},
    "search.results": {"en": "results", "ru": "результатов", "kk": "нәтиже"},
    "search.none": {"en": "Nothing found.", "ru": "Ничего не найдено.", "kk": "Ештеңе табылмады."},
    "search.more": {"en": "More results", "ru": "Ещё результаты", "kk": "Тағы нәтижелер"},
    "search.matched": {"en": "matched", "ru": "совпадение", "kk": "сәйкестік"},
    "home.title": {"en": "What the graph holds", "ru": "Что содержит граф", "kk": "Графта не бар"},
    "home.counts": {"en": "Resources by kind", "ru": "Ресурсы по типам", "kk": "Түрлері бойынша ресурстар"},
    "home.sources": {"en": "Source documents", "ru": "Исходные документы", "kk": "Бастапқы құжаттар"},
    "home.coverage": {"en": "Coverage", "ru": "Охват", "kk": "Қамту"},
    "home.triples": {"en": "triples", "ru": "триплетов", "kk": "триплет"},
    "home.document": {"en": "document", "ru": "документ", "kk": "құжат"},
    "home.act": {"en": "act", "ru": "акт", "kk": "акт"},
    "home.date": {"en": "date", "ru": "дата", "kk": "күні"},
    "home.language": {"en": "language", "ru": "язык", "kk": "тілі"},
    "home.records": {"en": "extracted", "ru": "извлечено", "kk": "алынды"},
    "home.unresolved": {"en": "unresolved mentions", "ru": "нераспознанных упоминаний", "kk": "танылмаған атаулар"},
    "home.undated": {"en": "undated", "ru": "без даты", "kk": "күні жоқ"},
    "home.dumps": {"en": "Bulk download", "ru": "Выгрузка целиком", "kk": "Толық жүктеу"},
    "coverage.title": {
        "en": "What was read of each document",
        "ru": "Что прочитано в каждом документе",
        "kk": "Әр құжаттан не оқылды",
    },
    "coverage.intro": {
        "en": "Kind, date and number as the text states them; what the readers found; the share of the text "
        "outside any recognised structure; warnings where a document looks under-read.",
        "ru": "Вид, дата и номер, как их указывает текст; что нашли читатели; доля текста вне распознанной "
        "структуры; предупреждения, где документ прочитан не полностью.",
        "kk": "Мәтін көрсеткен түрі, күні мен нөмірі; оқу құралдары не тапты; танылған құрылымнан тыс мәтін "
        "үлесі; құжат толық оқылмаған жерде ескертулер.",
    },
    "coverage.read": {"en": "documents read", "ru": "документов прочитано", "kk": "құжат оқылды"},
    "coverage.failed": {"en": "failed", "ru": "не прочитаны", "kk": "оқылмады"},
    "coverage.failed_one": {"en": "not read", "ru": "не прочитан", "kk": "оқылмады"},
    "coverage.warned": {"en": "with warnings", "ru": "с предупреждениями", "kk": "ескертулері бар"},
    "coverage.undated": {"en": "without date and number", "ru": "без даты и номера", "kk": "күні мен нөмірі жоқ"},
    "coverage.kind": {"en": "kind", "ru": "вид", "kk": "түрі"},
    "coverage.counts": {"en": "found", "ru": "найдено", "kk": "табылды"},
    "coverage.outside": {"en": "outside", "ru": "вне структуры", "kk": "құрылымнан тыс"},
    "coverage.warnings": {"en": "warnings", "ru": "предупреждения", "kk": "ескертулер"},
    "coverage.alignment": {
        "en": "Texts of one redaction",
        "ru": "Тексты одной редакции",
        "kk": "Бір редакция мәтіндері",
    },
    "coverage.parts": {"en": "parts", "ru": "частей", "kk": "бөлік"},
    "coverage.only_in": {"en": "in one text only", "ru": "только в одном тексте", "kk": "тек бір мәтінде"},
    "coverage.conflicts": {"en": "disagreements", "ru": "расхождения", "kk": "сәйкессіздіктер"},
    "entity.labels": {"en": "Labels", "ru": "Наименования", "kk": "Атаулары"},
    "entity.type": {"en": "Type", "ru": "Тип", "kk": "Түрі"},
    "entity.properties": {"en": "Properties", "ru": "Свойства", "kk": "Қасиеттері"},
    "entity.incoming": {"en": "Incoming links", "ru": "Входящие ссылки", "kk": "Кіріс сілтемелер"},
    "entity.provenance": {"en": "Provenance", "ru": "Источник", "kk": "Дереккөз"},
    "entity.open_source": {"en": "open in source", "ru": "открыть в источнике", "kk": "дереккөзден ашу"},
    "entity.graph": {"en": "Show in graph", "ru": "Показать на графе", "kk": "Графта көрсету"},
    "entity.rdf": {"en": "This resource as", "ru": "Этот ресурс в формате", "kk": "Бұл ресурс форматта"},
    "entity.tasks": {"en": "Tasks", "ru": "Мероприятия", "kk": "Іс-шаралар"},
    "entity.lead": {"en": "lead executor", "ru": "головной исполнитель", "kk": "бас орындаушы"},
    "entity.co": {"en": "co-executor", "ru": "соисполнитель", "kk": "қосалқы орындаушы"},
    "entity.by_agreement": {"en": "by agreement", "ru": "по согласованию", "kk": "келісім бойынша"},
    "entity.deadline": {"en": "Deadline", "ru": "Срок", "kk": "Мерзімі"},
    "entity.plan": {"en": "Plan", "ru": "План", "kk": "Жоспар"},
    "entity.direction": {"en": "Direction", "ru": "Направление", "kk": "Бағыт"},
    "entity.parties": {"en": "Parties", "ru": "Исполнители", "kk": "Орындаушылар"},
    "entity.role": {"en": "Role", "ru": "Роль", "kk": "Рөлі"},
    "entity.competences": {"en": "Competences", "ru": "Компетенции", "kk": "Құзыреттер"},
    "entity.article": {"en": "Article", "ru": "Статья", "kk": "Бап"},
    "entity.via_role": {"en": "as", "ru": "как", "kk": "ретінде"},
    "entity.roles": {"en": "Roles over time", "ru": "Роли во времени", "kk": "Уақыт бойынша рөлдер"},
    "entity.holders": {"en": "Holders over time", "ru": "Исполнители роли во времени", "kk": "Рөлді атқарушылар"},
    "entity.from": {"en": "from", "ru": "с", "kk": "бастап"},
    "entity.until": {"en": "until", "ru": "по", "kk": "дейін"},
    "entity.succession": {"en": "Succession", "ru": "Правопреемство", "kk": "Құқықтық мирасқорлық"},
    "entity.inherited": {
        "en": "Tasks of predecessors",
        "ru": "Мероприятия предшественников",
        "kk": "Алдыңғы органдардың іс-шаралары",
    },
    "entity.inherited_note": {
        "en": "Assigned to bodies this one descends from, before their reorganisation.",
        "ru": "Поручены органам, правопреемником которых является этот орган, до их реорганизации.",
        "kk": "Осы орган мирасқоры болып табылатын органдарға қайта ұйымдастырылғанға дейін жүктелген.",
    },
    "entity.abolished": {
        "en": "abolished on {date}; today:",
        "ru": "упразднён {date}; сегодня:",
        "kk": "{date} таратылды; бүгін:",
    },
    "entity.inherited_shared": {
        "en": "split or transfer: may rest with another successor",
        "ru": "разделение или передача: могут относиться к другому преемнику",
        "kk": "бөліну немесе беру: басқа мирасқорға тиесілі болуы мүмкін",
    },
    "entity.overlaps": {
        "en": "Possible overlaps (to review)",
        "ru": "Возможные дублирования (проверить)",
        "kk": "Ықтимал қайталанулар (тексеру керек)",
    },
    "entity.items": {"en": "Items", "ru": "Подпункты", "kk": "Тармақшалар"},
    "entity.grants": {
        "en": "Competences it grants",
        "ru": "Устанавливаемые компетенции",
        "kk": "Белгілейтін құзыреттер",
    },
    "entity.none": {"en": "none", "ru": "нет", "kk": "жоқ"},
    "entity.shown": {"en": "{n} of {m} shown", "ru": "показано {n} из {m}", "kk": "{m} ішінен {n} көрсетілді"},
    "entity.stale": {
        "en": "The source file changed since the graph was built; this is the quote recorded then.",
        "ru": "Файл источника изменился после сборки графа; показана цитата, записанная при сборке.",
        "kk": "Граф құрылғаннан кейін дереккөз файлы өзгерді; сол кездегі дәйексөз көрсетілді.",
    },
    "entity.more_incoming": {"en": "more not shown", "ru": "ещё не показано", "kk": "тағы көрсетілмеген"},
    "entity.score": {"en": "score", "ru": "оценка", "kk": "баға"},
    "graph.title": {"en": "Neighbourhood", "ru": "Окрестность", "kk": "Көршілері"},
    "graph.depth": {"en": "Depth", "ru": "Глубина", "kk": "Тереңдігі"},
    "graph.kinds": {"en": "Kinds", "ru": "Типы", "kk": "Түрлері"},
    "graph.doc": {"en": "Document", "ru": "Документ", "kk": "Құжат"},
    "graph.at": {"en": "As of", "ru": "На дату", "kk": "Күні"},
    "graph.limit": {"en": "Nodes at most", "ru": "Не более узлов", "kk": "Түйіндер саны"},
    "graph.show": {"en": "Show", "ru": "Показать", "kk": "Көрсету"},
    "graph.showing": {
        "en": "Showing {n} of {m} nodes",
        "ru": "Показано {n} из {m} узлов",
        "kk": "{m} түйіннің {n} көрсетілді",
    },
    "graph.expand": {"en": "Expand next {n}", "ru": "Показать ещё {n}", "kk": "Тағы {n} көрсету"},
    "graph.hidden": {
        "en": "Not shown yet, by kind",
        "ru": "Ещё не показаны, по типам",
        "kk": "Әлі көрсетілмегендер, түрлері бойынша",
    },
    "graph.share": {"en": "Link to this view", "ru": "Ссылка на этот вид", "kk": "Осы көрініске сілтеме"},
    "graph.hint": {
        "en": "Click a node to open its page.",
        "ru": "Щёлкните узел, чтобы открыть его страницу.",
        "kk": "Бетін ашу үшін түйінді басыңыз.",
    },
    "graph.pick": {
        "en": "Open a resource's page and choose “Show in graph”, or search:",
        "ru": "Откройте страницу ресурса и выберите «Показать на графе», или найдите:",
        "kk": "Ресурс бетін ашып, «Графта көрсету» таңдаңыз немесе іздеңіз:",
    },
    "graph.nodes": {"en": "Nodes", "ru": "Узлы", "kk": "Түйіндер"},
    "graph.layout": {
        "en": "Layout computed on the server (physics off) above {n} nodes.",
        "ru": "Свыше {n} узлов раскладка считается на сервере (физика выключена).",
        "kk": "{n} түйіннен көп болса, орналасу серверде есептеледі.",
    },
    "graph.held_by": {"en": "held by", "ru": "исполняет", "kk": "атқарады"},
    "graph.center": {"en": "centre here", "ru": "в центр", "kk": "ортаға"},
    "graph.deeper": {"en": "One level deeper", "ru": "На уровень глубже", "kk": "Бір деңгей тереңірек"},
    "graph.beyond": {"en": "One level further", "ru": "На следующем уровне", "kk": "Келесі деңгейде"},
    "graph.all_docs": {"en": "all documents", "ru": "все документы", "kk": "барлық құжаттар"},
    "graph.suggest": {
        "en": "Most connected bodies",
        "ru": "Органы с наибольшим числом связей",
        "kk": "Байланыстары ең көп органдар",
    },
    "graph.export": {"en": "Export", "ru": "Экспорт", "kk": "Экспорт"},
    "query.title": {"en": "SPARQL query", "ru": "SPARQL-запрос", "kk": "SPARQL сұрауы"},
    "query.examples": {"en": "Named queries", "ru": "Готовые запросы", "kk": "Дайын сұраулар"},
    "query.run": {"en": "Run", "ru": "Выполнить", "kk": "Орындау"},
    "query.csv": {"en": "Download CSV", "ru": "Скачать CSV", "kk": "CSV жүктеу"},
    "query.json": {"en": "Download JSON", "ru": "Скачать JSON", "kk": "JSON жүктеу"},
    "query.share": {"en": "Link to this query", "ru": "Ссылка на запрос", "kk": "Сұрауға сілтеме"},
    "query.endpoint": {"en": "Endpoint", "ru": "Точка доступа", "kk": "Қол жеткізу нүктесі"},
    "query.params": {"en": "parameters", "ru": "параметры", "kk": "параметрлер"},
    "overlaps.title": {
        "en": "Does a drafted competence duplicate an existing one?",
        "ru": "Дублирует ли проект компетенции уже существующую?",
        "kk": "Құзырет жобасы бұрыннан барын қайталай ма?",
    },
    "overlaps.intro": {
        "en": "Paste a drafted competence, or a whole article with numbered items. Each item gets a "
        "verdict: the existing powers it duplicates (same power), overlaps or relates to, and "
        "powers over the same object at another level of one function (develops, approves, "
        "implements, controls), with quotes and legal bases. Treat them as leads to review, not "
        "verdicts (art. 24 of the Law on legal acts asks for a clear delimitation of competences).",
        "ru": "Вставьте проект компетенции или целую статью с пронумерованными подпунктами. Для "
        "каждого подпункта — вердикт: существующие полномочия, которые он дублирует, с которыми "
        "пересекается или связан, и полномочия над тем же предметом на другом уровне одной "
        "функции (разработка, утверждение, реализация, контроль), с цитатами и правовыми "
        "основаниями. Это повод для проверки, а не вывод (ст. 24 Закона «О правовых актах»).",
        "kk": "Құзырет жобасын немесе нөмірленген тармақшалары бар бүкіл бапты қойыңыз. Әр "
        "тармақшаға қорытынды беріледі: ол қайталайтын, қиылысатын не байланысты өкілеттіктер "
        "және бір функцияның басқа деңгейіндегі өкілеттіктер (әзірлеу, бекіту, іске асыру, "
        "бақылау), дәйексөздерімен. Бұл — тексеруге негіз, қорытынды емес.",
    },
    "overlaps.text": {"en": "Drafted text", "ru": "Текст проекта", "kk": "Жоба мәтіні"},
    "overlaps.lang": {"en": "Language", "ru": "Язык", "kk": "Тілі"},
    "overlaps.auto": {"en": "detect", "ru": "определить", "kk": "анықтау"},
    "overlaps.body": {"en": "Only for body", "ru": "Только для органа", "kk": "Тек орган үшін"},
    "overlaps.any": {"en": "any", "ru": "любой", "kk": "кез келген"},
    "overlaps.check": {"en": "Check", "ru": "Проверить", "kk": "Тексеру"},
    "overlaps.none": {
        "en": "No existing power overlaps this draft.",
        "ru": "Ни одно существующее полномочие не пересекается с проектом.",
        "kk": "Жобамен қиылысатын қолданыстағы өкілеттік жоқ.",
    },
    "overlaps.summary": {
        "en": "{n} item(s): {o} overlap an existing power, {c} complementary (levels of one function)",
        "ru": "Подпунктов: {n}; пересекаются с существующими: {o}; дополняющие (уровни одной функции): {c}",
        "kk": "Тармақшалар: {n}; қолданыстағымен қиылысады: {o}; толықтырушы (бір функция деңгейлері): {c}",
    },
    "overlaps.band.duplicate": {
        "en": "same power (duplicate)",
        "ru": "то же полномочие (дубль)",
        "kk": "сол өкілеттік (қайталау)",
    },
    "overlaps.band.overlapping": {"en": "overlapping", "ru": "пересекается", "kk": "қиылысады"},
    "overlaps.band.complementary-levels": {
        "en": "complementary (levels of one function)",
        "ru": "дополняющее (уровни одной функции)",
        "kk": "толықтырушы (бір функцияның деңгейлері)",
    },
    "overlaps.band.related": {"en": "related", "ru": "связано", "kk": "байланысты"},
    "overlaps.csv": {"en": "Report as CSV", "ru": "Отчёт в CSV", "kk": "Есеп (CSV)"},
    "overlaps.print": {"en": "Printable report", "ru": "Отчёт для печати", "kk": "Басып шығаруға арналған есеп"},
    "overlaps.missing": {
        "en": "The overlap checker (kgraph.analysis.overlaps) is not installed in this build.",
        "ru": "Модуль проверки (kgraph.analysis.overlaps) не установлен.",
        "kk": "Тексеру модулі (kgraph.analysis.overlaps) орнатылмаған.",
    },
    "ontology.classes": {"en": "Classes", "ru": "Классы", "kk": "Кластар"},
    "ontology.objprops": {"en": "Object properties", "ru": "Объектные свойства", "kk": "Объектілік қасиеттер"},
    "ontology.dataprops": {"en": "Datatype properties", "ru": "Свойства-значения", "kk": "Мән қасиеттері"},
    "ontology.individuals": {
        "en": "Individuals (code lists)",
        "ru": "Индивиды (классификаторы)",
        "kk": "Даралар (жіктеуіштер)",
    },
    "source.title": {"en": "Source text", "ru": "Текст источника", "kk": "Дереккөз мәтіні"},
    "source.span": {
        "en": "Highlighted: characters {a}–{b} of the raw file",
        "ru": "Выделены символы {a}–{b} исходного файла",
        "kk": "Бастапқы файлдың {a}–{b} таңбалары белгіленген",
    },
    "error.title": {"en": "Not found", "ru": "Не найдено", "kk": "Табылмады"},
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


def translator(lang: str):
    def t(key: str, **fmt) -> str:
        entry = STRINGS.get(key)
        text = (entry.get(lang) or entry["en"]) if entry else key
        return text.format(**fmt) if fmt else text

    return t
