"""The words that say when an act comes into force and when it stops, in Russian and Kazakh.

* the act's own clause: «Настоящий Закон вводится в действие по истечении десяти календарных
  дней после его первого официального опубликования», «Осы Заң … қолданысқа енгізіледі»;
* the portal's note that the act lost force, at its head or in its requisite: «Утрачивает силу
  Кодексом РК от 29.10.2015 № 375-V (вводится в действие с 01.01.2016)», «Утратило силу
  решением акима …», «Ескерту. Күші жойылды - … шешімімен»;
* a repeal the act states of other acts: «Признать утратившими силу: 1) Закон …»,
  «… Заңының күші жойылды деп танылсын».

Compiled patterns, case-insensitive; `kgraph.inforce` matches them on the folded text
(`kgraph.lang.fold`: Latin "i" as Kazakh "і", the same length as the text).
"""

from __future__ import annotations

import re

# The act's own entry-into-force clause. ru: «Настоящий Закон вводится в действие …» (the
# kind word may be followed by a few words, «Настоящее постановление вводится …»); kk: «Осы Заң
# … қолданысқа енгізіледі» (what comes between the head and the verb says when).
ENTRY_RU = re.compile(
    r"настоящ(?:ий|ее|ая|ие)[ \t]+(?:[\w-]+[ \t]+){1,4}?(?:вводится|вводятся)\s+в\s+действие\s+(?P<when>[^.;]{0,300})",
    re.IGNORECASE,
)
ENTRY_KK_VERB = re.compile(r"(?:қолданысқа|күшіне)\s+енгізіл(?:еді|ді)\b", re.IGNORECASE)
# The head of its sentence, looked for (case-sensitive) before the verb: «Осы Заң», «Осы қаулы».
ENTRY_KK_HEAD = re.compile(r"(?<![\w-])Осы[ \t]+[\w-]+")
# The exceptions of an entry-into-force clause: ru after its main part, kk before it.
EXCEPT_RU = re.compile(r",?\s*за\s+исключением\b", re.IGNORECASE)
EXCEPT_KK = re.compile(r"қоспағанда,?", re.IGNORECASE)
# When: on the day it is signed; from its (first) official publication (a date the texts do not
# give); so many calendar days after it; from a stated date.
ON_SIGNING = re.compile(r"со\s+дня\s+(?:его\s+)?подписания|қол\s+қойылған\s+күн\w*", re.IGNORECASE)
AFTER_PUBLICATION = re.compile(
    r"по\s+истечении\s+(?P<n>\S+)\s+календарн\w+\s+дней"
    r"|күнтізбелік\s+(?P<k>\S+(?:\s+бес)?)\s+күн\s+өткен",
    re.IGNORECASE,
)
ON_PUBLICATION = re.compile(r"официального\s+опубликования|ресми\s+жариялан", re.IGNORECASE)
# Day counts written as words ("десяти", "он"); digits are read as they stand.
NUMERALS = {
    "пяти": 5,
    "десяти": 10,
    "пятнадцати": 15,
    "двадцати": 20,
    "тридцати": 30,
    "сорока": 40,
    "шестидесяти": 60,
    "девяноста": 90,
    "бес": 5,
    "он": 10,
    "он бес": 15,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "алпыс": 60,
    "тоқсан": 90,
}

# The note that the act lost force: at the start of a line or after the requisite's full stop,
# optionally after the footnote word. ru «Утрачивает силу» / «Утратил(а, о, и) силу»; kk «Күші
# жойылды» (the act's own, not «5-баптың күші жойылды», which is about an article).
LOST_FORCE = re.compile(
    r"(?:^|(?<=\.\s)|(?<=\*))[ \t>*]*(?:(?:Сноска|Ескерту)\.\s*)?"
    r"(?P<word>Утрачивает\s+силу|Утратил[аио]?\s+силу|Күші\s+жойыл(?:ды|ады))"
    r"(?P<rest>[^\n]{0,400})",
    re.MULTILINE | re.IGNORECASE,
)
# Its date of effect, in the note's parentheses: «(вводится в действие с 01.01.2016)»,
# «(01.01.2016 бастап қолданысқа енгізіледі)», «(вводится в действие со дня его подписания)».
EFFECT = re.compile(
    r"\(\s*(?:вводится\s+в\s+действие\s+(?P<ru>[^()]*)|(?P<kk>[^()]*?)\s*қолданысқа\s+енгізіледі)\s*\)",
    re.IGNORECASE,
)

# A repeal the act states: ru «Признать утратившим(и) силу …» (what follows, to the end of its
# clause); kk «… күші жойылды деп танылсын» (what precedes, from the start of its item).
REPEAL_RU = re.compile(r"(?<![\w-])признать\s+утратившим(?:и)?\s+силу", re.IGNORECASE)
REPEAL_KK = re.compile(r"күші\s+жойылды\s+деп\s+танылсын", re.IGNORECASE)
# Acts listed in an annex («согласно приложению»): not read from the clause.
BY_ANNEX = re.compile(r"согласно\s+приложени|қосымшаға\s+сәйкес", re.IGNORECASE)

__all__ = [
    "AFTER_PUBLICATION",
    "BY_ANNEX",
    "EFFECT",
    "ENTRY_KK_HEAD",
    "ENTRY_KK_VERB",
    "ENTRY_RU",
    "EXCEPT_KK",
    "EXCEPT_RU",
    "LOST_FORCE",
    "NUMERALS",
    "ON_PUBLICATION",
    "ON_SIGNING",
    "REPEAL_KK",
    "REPEAL_RU",
]
