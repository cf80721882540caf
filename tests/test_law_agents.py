"""Who a sentence empowers (kgraph.sources.law_agents): the subject of its verb or the
agent of a passive verb; not a body in a participial phrase, after a preposition, or in
a sentence that only describes it."""

from __future__ import annotations

import pytest

from kgraph.sources.law_agents import agents


@pytest.mark.parametrize(
    "sentence, lang, roles",
    [
        ("Правительство Республики Казахстан утверждает правила предоставления грантов.", "ru", ["government"]),
        ("Правила предоставления грантов утверждаются Правительством Республики Казахстан.", "ru", ["government"]),
        ("Гранты выдаются в порядке, определяемом Правительством Республики Казахстан.", "ru", []),
        ("Субъекты обращаются в уполномоченный орган в области науки.", "ru", []),
        ("Гранттар беру қағидаларын Қазақстан Республикасының Үкіметі бекітеді.", "kk", ["government"]),
        ("Қазақстан Республикасының Үкіметі айқындайтын тәртіппен гранттар беріледі.", "kk", []),
        ("Уполномоченный орган осуществляет свою деятельность в соответствии с законом.", "ru", []),
    ],
)
def test_agents(sentence, lang, roles):
    assert [m.role for m in agents(sentence, lang, {"authorized-body": "science"})] == roles


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # a clause per closing verb; the passive agent with "тарапынан"
        (
            "Гранттар уәкілетті орган тарапынан беріледі, ал қағидаларды Үкімет бекітеді.",
            ["authorized-body-science", "government"],
        ),
        # a role before a participle modifies the noun after it
        ("Қазақстан Республикасының Үкіметі айқындайтын қаржы агенті несие береді.", ["financial-agent"]),
    ],
)
def test_kazakh_clauses(sentence, roles):
    assert [m.role for m in agents(sentence, "kk", {"authorized-body": "science"})] == roles


@pytest.mark.parametrize(
    "sentence, lang, roles",
    [
        # the body by whose decision a passive action is done decides it
        ("По решению Правительства Республики Казахстан срок может быть продлен.", "ru", ["government"]),
        ("Мерзімі Қазақстан Республикасы Үкіметінің шешімі бойынша ұзартылуы мүмкін.", "kk", ["government"]),
        ("Орталық Қазақстан Республикасы Үкіметінің шешімімен құрылады.", "kk", ["government"]),
        # ... not the decision a participle follows
        ("Работы выполняются предприятием, созданным по решению Правительства Республики Казахстан.", "ru", []),
        # a modal's reflexive infinitive is passive: its instrumental is the agent
        ("Иные услуги могут осуществляться уполномоченным органом в области науки.", "ru", ["authorized-body-science"]),
        # an attribute participle before the role; a preposition before the attribute
        ("Соответствующий местный исполнительный орган информирует центр.", "ru", ["local-executive-bodies"]),
        (
            "Решение принимается Правительством по согласованию с соответствующим местным исполнительным органом.",
            "ru",
            ["government"],
        ),
        # a role after the verb is its subject only when their numbers agree
        ("Субъекты предпринимательства уведомляют уполномоченный орган в области науки.", "ru", []),
        # the owner of the tasks a copula clause states
        ("Задачами Правительства Республики Казахстан являются развитие и продвижение зон.", "ru", ["government"]),
        ("Қазақстан Республикасы Үкіметінің міндеттері аймақтарды дамыту болып табылады.", "kk", ["government"]),
        # the agent of an adverbial's action or of a verbal noun is not the clause's
        (
            "В случае учреждения компании Правительством Республики Казахстан руководитель компании назначается "
            "по итогам конкурса.",
            "ru",
            [],
        ),
        (
            "Руководитель назначается по итогам конкурса, в течение десяти дней со дня принятия Правительством решения.",
            "ru",
            [],
        ),
        # ... unless the passive verb follows it right away, after a modal too
        (
            "После введения в действие постановления Правительством Республики Казахстан или местным "
            "исполнительным органом должно быть принято решение о создании компании.",
            "ru",
            ["government", "local-executive-bodies"],
        ),
        # ... and a duty in the dative "исполнению" is still the instrumental body's
        (
            "Решения подлежат обязательному исполнению уполномоченным органом в области науки.",
            "ru",
            ["authorized-body-science"],
        ),
        # a body listed with private persons: anyone's right, no body's power
        (
            "Предложение вносится в уполномоченный орган местными исполнительными органами, юридическими лицами.",
            "ru",
            [],
        ),
        ("Мүдделі жергілікті атқарушы органдар, заңды тұлғалар уәкілетті органға ұсыныс енгізеді.", "kk", []),
        # ... not alternatives ("либо"): each is bound
        (
            "Решения подлежат исполнению уполномоченным органом в области науки либо юридическими лицами.",
            "ru",
            ["authorized-body-science"],
        ),
        # ... a private person of two words before the body ("Жеке кәсіпкерлік, квазимемлекеттік сектор субъектілері")
        ("Жеке кәсіпкерлік, квазимемлекеттік сектор субъектілері құқықты тіркеуге құқылы.", "kk", []),
        # the quasi-public sector's entities are a group the law may task
        (
            "Обеспечение осуществляется центральными и местными исполнительными органами и субъектами "
            "квазигосударственного сектора.",
            "ru",
            ["central-and-local-executive-bodies", "quasi-public-organizations"],
        ),
        # a passive verb right after the role (past an adverb) makes it the agent, though a participle's noun precedes
        (
            "В целях информирования о принимаемых мерах Правительством Республики Казахстан ежегодно вносится "
            "Президенту Республики Казахстан доклад.",
            "ru",
            ["government"],
        ),
        # ... not the object of a purpose's verbal noun ("для управления X-ами")
        ("Отбор лиц для управления национальными операторами осуществляется по согласованию с советом.", "ru", []),
        # a Kazakh passive in -лан-/-лен- has no subject: the nominative body is its topic
        ("Академияның басқару органдары жарғысында белгіленеді.", "kk", []),
        # a role at a sentence's start, capitalised, is still the role
        ("Уәкілетті орган ұсынысты қабылдамайды.", "kk", ["authorized-body-science"]),
        # acquiring a status is no power
        ("Оның басқарушы компаниясы индустриялық аймақтың басқарушы компаниясы мәртебесіне ие болады.", "kk", []),
        # a role inside a quoted name is none: the corporation (a body named by name) is the agent
        ("Қызметтерді «Азаматтарға арналған үкімет» мемлекеттік корпорациясы көрсетеді.", "kk", [None]),
    ],
)
def test_agents_of_passives_modals_and_copulas(sentence, lang, roles):
    assert [m.role for m in agents(sentence, lang, {"authorized-body": "science"})] == roles


def test_the_subject_of_a_kazakh_subordinate_clause_is_not_the_main_verbs():
    sentence = "Жергілікті атқарушы орган ұсыныс енгізгеннен кейін Қазақстан Республикасының Үкіметі шешім қабылдайды."
    assert [m.role for m in agents(sentence, "kk", {})] == ["government"]


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # the role is the subject of a participle further on, over adverbials only
        (
            "Қаржы агенті уәкілетті орган Қазақстан Республикасы Қорғаныс министрлігімен бірлесіп айқындайтын "
            "тәртіппен несие береді.",
            ["financial-agent"],
        ),
        (
            "Объектілерде уәкілетті орган халықаралық стандарттарға сәйкес айқындайтын таңбалар болуға тиіс.",
            [],
        ),
        # a participle with a subject of its own, or a passive one, leaves the role the main verb's agent
        (
            "Бас тартылған кезде уәкілетті орган өтініш келіп түскен күннен бастап жауап жібереді.",
            ["authorized-body-science"],
        ),
        (
            "Ғылым саласындағы уәкілетті органдар Қазақстан Республикасы ратификациялаған халықаралық шарттарға "
            "сәйкес ақпаратты беруі мүмкін.",
            ["authorized-body-science"],
        ),
        (
            "Қауіпсіздікті мемлекеттік органдар Қазақстан Республикасының заңнамасында белгіленген құзырет "
            "шегінде қамтамасыз етеді.",
            ["state-bodies"],
        ),
    ],
)
def test_a_kazakh_role_before_a_participle_over_adverbials(sentence, roles):
    assert [m.role for m in agents(sentence, "kk", {"authorized-body": "science"})] == roles


@pytest.mark.parametrize(
    "sentence, lang",
    [
        # a prohibition grants nothing
        ("Уполномоченный орган не вправе предъявлять требования к партнеру.", "ru"),
        ("Уәкілетті орган әлеуетті жекеше әріптеске талаптар қоюға құқылы емес.", "kk"),
        # nor does a sentence saying something operates
        ("Единый государственный фонд функционирует в соответствии с законодательством.", "ru"),
    ],
)
def test_prohibitions_and_descriptions_grant_nothing(sentence, lang):
    assert agents(sentence, lang, {"authorized-body": "science"}) == []


@pytest.mark.parametrize(
    "sentence, lang, roles",
    [
        # a rule's exception grants nothing
        ("Данное требование не распространяется на уполномоченный орган в области науки.", "ru", []),
        # nor a negated passive
        ("Уполномоченным органом в области науки не принимаются меры в отношении таких лиц.", "ru", []),
        # a body coordinated with the private partner shares a rule of both parties
        ("Государственные органы и частный партнер учреждают компанию.", "ru", []),
        # the working body of a commission is the function the subject after the copula is given
        ("Рабочим органом комиссии является уполномоченный орган в области науки.", "ru", ["authorized-body-science"]),
        # "бұрын" (earlier) after a body is no izafet
        ("Қазақстан Республикасының Үкіметі бұрын бекітілген тарифтерді түзетуге құқылы.", "kk", ["government"]),
    ],
)
def test_exceptions_parties_working_bodies(sentence, lang, roles):
    assert [m.role for m in agents(sentence, lang, {"authorized-body": "science"})] == roles
