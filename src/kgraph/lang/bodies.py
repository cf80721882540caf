"""Words of lists of responsible bodies, Russian and Kazakh (`kgraph.sources.plan_parties`).

A plan's "responsible executors" cell lists bodies: "МНЭ, МФ, акиматы
Алматинской области и области Абай", "Акимы районов и гг. Капчагая,
Талдыкоргана, Текели", "Алматы облысының және Абай облысының әкімдіктері".
The patterns match the extractor folding of `kgraph.lang.fold` (lower case,
Latin "i" read as Kazakh "і").
"""

from __future__ import annotations

import re

# Words between two bodies of a list, besides commas and semicolons.
LIST_WORDS_RU = ("и", "а также", "совместно с", "с участием")
LIST_WORDS_KK = ("және", "мен", "бен", "пен", "сондай-ақ")
# The words after which the bodies are named in the instrumental ("совместно с райгоракимами").
WITH_WORDS = ("совместно с", "с участием")
# Kazakh puts them after the co-executors ("аудандық, қалалық әкiмдерiмен бiрлесiп"): not part of a name.
WITH_AFTER_KK = re.compile(r"\s+(?:бірлесіп|бірлесе\s+отырып|бірге)\s*\.?\s*$")

# Head nouns of a list whose members are bodies in their own right: the head is shared and
# distributed ("акиматы Алматинской области и области Абай" = two akimats; "руководители
# предприятий, хозяйств" = heads of enterprises and heads of farms). Russian heads come first,
# Kazakh heads last ("Алматы облысының және Абай облысының әкімдіктері").
SHARED_HEAD_RU = re.compile(
    r"^(?:аким\w*|райгораким\w*|руководител\w*|начальник\w*|глав[аы]\w*|председател\w*|(?:вет)?врач\w*|директор\w*)$"
)
# («Облыстық денсаулық сақтау, Мемсанэпидбақылау басқармалары» = two departments; «аудандардың,
# Қапшағай қалаларының бас дәрiгерлерi» = the chief doctors of each)
SHARED_HEAD_KK = re.compile(r"^(?:әкім\w*|басшы\w*|бастық\w*|төраға\w*|басқарма\w*|дәрігер\w*)$")
# Kazakh plural before the possessive or case ending ("әкімдіктері", "әкімдерімен", "басшылары").
KK_PLURAL_HEAD = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ын|ін|ына|іне|ымен|імен|ыныңы|інің|ының)?$")

# Nouns that name a body, an official or a kind of organisation (stems, folded). A piece of a
# list that starts (ru) or ends (kk) with one of them, in the nominative, names a party of its own.
BODY_NOUN_RU = re.compile(
    r"^(?:министерств|управлени|облуправлени|департамент|комитет|агентств|акимат|аким|райгораким|"
    r"руководител|начальник|глав[аы]|председател|институт|организаци|орган|госорган|холдинг|компани|"
    r"фонд|центр|совет|палат|ассоциаци|союз|университет|вуз|академи|канцеляри|администраци|служб|"
    r"банк|суд|прокуратур|правительств|парламент|сенат|мажилис|учреждени|загранучреждени|инспекци|"
    r"отдел|ведомств|корпораци|предприяти|общество|оператор|секретариат|штаб|комисси|групп|"
    r"представительств|посольств|миссии|дирекци|бюро|"
    # officials and local services: «главные ветврачи», «медицинские специалисты», «областная
    # инфекционная больница», «райветстанции», «ветеринарные участки», «облздрав», «СЭС»
    r"(?:вет)?врач|специалист|директор|заведующ|инспектор|больниц|поликлиник|лаборатори|"
    r"(?:рай|гор|обл)?(?:вет)?станци|участк|участок|(?:обл|гор|рай|мин)здрав|сэс)",
)
BODY_NOUN_KK = re.compile(
    r"^(?:министрлі|басқарма|комитет|агентті|әкімдік|әкімдіг|әкім|басшы|бастық|институт|ұйым|"
    r"орган|холдинг|компания|қор|орталығ|орталық|кеңес|палата|қауымдастығ|қауымдастық|университет|"
    r"академия|кеңсе|әкімшілі|қызмет|банк|сот|прокуратура|үкімет|парламент|сенат|мәжіліс|мекеме|"
    r"кәсіпорын|бөлімше|бөлім|департамент|инспекция|тобы|топ|оператор|хатшылығ|комиссия|бюро|"
    r"дәрігер|маман|аурухана|станция|учаске)"
)
# Administrative units: in a list under a shared akim/akimat head they name a member, never
# a party of their own ("акиматы областей, гг. Нур-Султана", "области Абай").
ADMIN_UNIT = re.compile(
    r"^(?:област\w*|обл|район\w*|город\w*|гг?|столиц\w*|сел\w*|аул\w*|поселк\w*|облыс\w*|аудан\w*|"
    r"қала\w*|астана\w*|ауыл\w*|кент\w*)$"
)

# Kinds of administrative units in the plural, none named («районов», «сельских округов»;
# «аудандардың», «қалалар»): under a shared akim head they make a collective, not a list of parties.
_UNITS_RU = r"(?:областей|районов|городов|(?:сельских|аульных)\s+округов|поселков|сел|аулов)"
_UNITS_KK = r"(?:облыстар\w*|аудандар\w*|қалалар\w*|ауылдық\s+округтер\w*|кенттер\w*|ауылдар\w*)"
# Collective phrases that stay ONE party though they read as a list: the standard formula for
# all regional-level akimats, in both languages (CONVENTIONS §6), and the akims (akimats) of kinds
# of units none of which is named: «акимы районов и городов», «Акимы районов, городов, сельских
# округов», «аудандар мен қалалардың әкiмдерi» (every akim of those kinds in the region).
# A list that names its units («Акимы районов и гг. Капчагая, …») is no collective.
COLLECTIVE = re.compile(
    r"(?:акимат\w*|аким\w*|местн\w+\s+исполнительн\w+\s+орган\w*)\s+област\w*\s*,\s*город\w*\s+"
    r"республиканского\s+значения\s*,?\s*(?:и|,)\s*столиц\w*"
    r"|облыс\w*\s*,\s*республикалық\s+маңызы\s+бар\s+қала\w*\s*(?:,|және|мен)\s*астана\w*\s+әкімдік\w*"
    rf"|(?<![\w-])(?:акимат\w*|аким\w*)\s+{_UNITS_RU}(?:(?:[ \t]*,[ \t]*|\s+и\s+|[ \t]*,\s*и\s+){_UNITS_RU})+"
    r"(?=[ \t]*(?:[,;.\n]|$))"
    rf"|(?<![\w-]){_UNITS_KK}(?:(?:[ \t]*,[ \t]*|\s+(?:және|мен|бен|пен)\s+|[ \t]+){_UNITS_KK})+\s+әкім\w*"
    r"(?=[ \t]*(?:[,;.\n]|$))",
)
# A full stop between two bodies, the next capitalised («… по ветеринарии. Главные ветврачи …»,
# «… комитет ветеринарии. Облздрав, …»): after a word, not after an initial or an abbreviation
# («гг. Астаны», «обл. управление», «К.К.»).
BETWEEN_SENTENCES = re.compile(r"(?<=[а-яёәғқңөұүһі]{4})\.[ \t]+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ])")
# Letters that open a name (officials are named «Курмашев К.К.», «Сыздықбаева Ұ.Қ.»).
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһі"
# A name that ends with an initial: its full stop is part of it («Садыкбаев С.К.»).
ENDS_WITH_INITIAL = re.compile(rf"(?:^|[\s.])[{_UPPER}]$")
# Two officials printed without a comma between them («Жакиянов О.Н. Садыкбаев С.К.»): the gap
# after one's initials, before the next surname and its initial.
BETWEEN_NAMES = re.compile(rf"(?<=[\s.][{_UPPER}]\.)[ \t]+(?=[{_UPPER}][{_LOWER}]+[ \t]+[{_UPPER}]\.)")
# Two officials named initials first, no comma between («А.Д.Дүйсекеев А.Қ.Талқымбаев»): the gap.
_INITIALED = rf"[{_UPPER}]\.[ \t]?(?:[{_UPPER}]\.[ \t]?)?[{_UPPER}][{_LOWER}]+"
BETWEEN_INITIALED_NAMES = re.compile(
    rf"(?:^|(?<=[\s,;(]))(?:{_INITIALED})(?P<gap>[ \t]+)(?={_INITIALED}(?![{_LOWER}]))"
)

# The legal form of an organisation, printed before its quoted name (ru: «ЗАО «Фонд …»», «НАО
# «Государственная корпорация …»») or after it (kk: «"Самұрық-Қазына" АҚ»); with the name it
# makes one body even where a line break parts them.
ORG_FORM = re.compile(
    r"^(?:[ОЗП]?АО|НАО|ТОО|ГУ|ГККП|ГКП|РГП|РГКП|РГУ|АОО|НПО|ОЮЛ|ЧУ|АҚ|ЖАҚ|ЖШС|КЕАҚ|КЕ\s*АҚ|РМК|РМҚК|ШЖҚ|ММ|ҰК|НК)"
    r"(?:\s+(?:НК|НХ|НУХ|НИХ|СПК|ФНБ|ҰК|ҰБХ|на\s+ПХВ|ПХВ))*$"
)

# A body named by a Soviet-style stump compound, one word: «облтубдиспансер», «облвоенкомат»,
# «раймолтурспортуправления», «горздрав» (a region/district/city prefix glued to a stem). A piece
# of a list that is one such word names a party of its own, in either language.
STUMP_BODY = re.compile(r"^(?:обл|рай|гор|гос|мин)[бвгджзклмнпрстфхцчшщ][а-яё]{3,}$")
# Two capitalised adjectives of place in a row, no comma between («Акимы Кербулакского Аксуского,
# Райымбекского районов»): two members of a list. The gap between them.
BETWEEN_PLACE_ADJECTIVES = re.compile(
    r"(?:(?<=ского)|(?<=цкого)|(?<=ской)|(?<=цкой))[ \t]+(?=[А-ЯЁ][а-яё]+(?:ского|цкого|ской|цкой)\b)"
)
# A Kazakh head noun that ends a body's name (nominative, possessive: «басқармалары», «комитеті»):
# words after it, ending with a body noun again, name the next body («… басқармалары аудандардың бас
# дәрiгерлерi»: a comma missing).
KK_HEAD_ENDING = re.compile(r"(?:сы|сі|ы|і)$")
KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# A word that attaches what follows to the head before it («… басқармасы жанындағы орталық»: the
# centre at the department, one body): an attributive or a postposition, no new body.
KK_ATTACHING = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі|ғы|гі|қы|кі|бойынша|қарасты|жанында)$")
# Words of an executors cell that name no body (Russian): a condition («После выхода Постан.
# Прав.РК.», «после выхода Постановления … Правительства,»), the instrument («по решению акима»,
# «По решению акимов-»), a qualifier («, исходя национального состава населения», «по заявкам
# районных управлений»), the word «Решения» before the officials whose decisions they are.
NOT_A_BODY_RU = re.compile(
    r"после\s+(?:выхода|принятия|утверждения|издания)\s+[^,]*?(?:правительств\w*|прав\.\s*рк|рк)\s*[.,]?"
    r"|\(?по\s+решени\w+\s+аким\w*\)?\s*[.\-–—]?"
    r"|,?\s*исходя\s+(?:из\s+)?[^,;\n]*"
    r"|\s+по\s+заявкам\s+[^,;\n]*"
    r"|^\s*решени[яеи]\s+(?=аким|руководител|глав)"
)
