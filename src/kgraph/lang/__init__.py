"""Russian and Kazakh text rules, in one place.

Everything that knows how Russian or Kazakh is written lives here; search,
resolution, similarity and the extractors use it (`from kgraph import lang`).

Letters and folding (`kgraph.lang.script`)
    LOWER, UPPER, LETTERS, KK_LETTERS   character-class bodies
    DASHES, QUOTES                      character-class bodies
    has_cyrillic(text), has_kazakh(text, count_i=True)
    repair_word(word), repair_homoglyphs(text)   Latin look-alikes -> Cyrillic (Latin i -> Kazakh і)
    fold(text)          extractor matching form (lower, ё->е, i->і; same length)
    fold_words(text)    comparison form (NFC, repaired, lower, ё->е, dashes, no quotes)
    fold_kazakh(text)   Kazakh letters -> nearest Russian letters
    fold_search(text)   fold_kazakh(fold_words(text))
    guillemets(text)    straight and curly double quotes as «» (same length)
    letter_words(text)  letter words of the comparison form
    without_state_word(words)   «уполномоченный государственный орган» as «уполномоченный орган» (resolution)
    detect_lang(text)   'ru' or 'kk'

Word forms (`kgraph.lang.forms`)
    morph()             the one pymorphy3 analyzer
    ru_lemma(word)      Russian normal form
    ru_join_broken(text) a Russian word cut by a line break without a hyphen, joined
    ru_infinitive(word) a Russian infinitive
    ru_noun(lemma), ru_preposition(word)   is a lemma a noun (a Russian noun phrase opens with its head), a preposition
    ru_derivation_stem(lemma)   a verb and its verbal noun alike («создавать», «создание» -> «созд»)
    kk_stem(word)       Kazakh stem without inflection (similarity)
    kk_stem_folded(word)  Kazakh stem of a search-folded word (search)
    kk_head_forms(word), kk_without_possessive(word)   nominatives of a Kazakh head word (resolution)
    kk_possessed(word)  a bare Kazakh noun with the 3rd-person possessive ("кеңес" -> "кеңесі")
    base_forms(text, lang)   lemmas (ru) or stems (kk) of a text's words
    compare_forms(text, lang), kk_compare_stem(word), kk_unvoice(stem)   the same for comparing texts (Kazakh voicing undone)
    kk_derivation_bases(stem)   what a Kazakh stem may derive from ("әлемдік" -> "әлем")
    prefix_stem(word)   crude stem of either language: a 60% prefix
    KK_CASE, KK_DATIVE, KK_POSSESSIVE, KK_PLURAL, KK_PARTICIPLE, ...   Kazakh endings by what they mark
    alternation(endings)   regex source of endings, longest first

Words (`kgraph.lang.words`)
    kk_bare(word)       a Kazakh word that ends like a case form is a bare noun ("сауда")

Clauses (`kgraph.lang.clauses`)
    predicates(text, lang) -> [Predicate(start, end, word, passive, copula, modal)]
    ru_participle(word), ru_adverb(word), ru_attribute_participle(word), ru_number(word), ru_case(word), ru_cases(word), clause_words(text)
    RU_MODALS, RU_INSTRUMENTAL_PREPOSITIONS, RU_ADVERBIAL_OPENING, RU_NOMINAL_OPENING, RU_VERBAL_NOUN, KK_COPULAS, KK_POSTPOSITIONS, KK_AGENT_POSTPOSITION, KK_BY_DECISION, RU_BY_DECISION, RU_TASKS_OF, KK_TASKS_WORDS,
    KK_SUBORDINATE_PARTICIPLE, KK_SUBORDINATE_CLOSERS,
    WORKING_BODY

Words of acts (`kgraph.lang.legal`)
    MONTHS_RU, MONTHS_KK, MONTHS_KK_PATTERN, month_number(word)
    UNITS[name] -> Unit(ru, kk, forms(lang), heading(lang), label(number, lang))
        article, chapter, paragraph, subparagraph, part, section, direction, annex
    TOC_WORD
    act_number(number)  an act's number without its form marker ("103-VIII ЗРК" -> "103-VIII")
    FOOTNOTE, FOOTNOTE_LINE, FOOTNOTE_MORE, FOOTNOTE_WORD, NOTE_WORD, TOTAL_WORD, DRAFT_WORD_RU, DRAFT_WORD_KK
    EXCLUDED, EXCLUDED_ITEM, PENDING_ITEM, SERVICE_NOTE, SIGNATURE
    OWN_COMPETENCE      a power limited to the body's own sphere («в пределах компетенции», «құзыреті шегінде»)
    BY_AGREEMENT, BY_AGREEMENT_WORDS, BY_AGREEMENT_OPEN, BY_AGREEMENT_CUT, BY_AGREEMENT_PART

Words of periods (`kgraph.lang.periods`, read by `kgraph.deadlines`)
    ROMAN, ORDINALS, QUARTER_WORD, HALF_WORD, RECURRENCE_WORDS, FROM_WORDS, BY_WORDS,
    RANGE_WORDS, YEAR_FORWARD (Kazakh attributive year), DAY_OF_MONTH, FILLER

Words of lists of bodies (`kgraph.lang.bodies`, read by `kgraph.sources.plan_parties`)
    LIST_WORDS_RU/KK, WITH_WORDS, WITH_AFTER_KK, SHARED_HEAD_RU/KK, KK_PLURAL_HEAD,
    BODY_NOUN_RU/KK, ADMIN_UNIT, COLLECTIVE

Words of a body's powers (`kgraph.lang.powers`, read by `kgraph.sources.regulation`)
    ABOUT, POWER_GROUPS, POWERS_WORD, POSTS, RESIDUAL_POWER, power_group(lead), is_residual(text)
"""

from __future__ import annotations

from kgraph.lang.clauses import (
    KK_AGENT_POSTPOSITION,
    KK_BY_DECISION,
    KK_COPULAS,
    KK_POSTPOSITIONS,
    KK_SUBORDINATE_CLOSERS,
    KK_SUBORDINATE_PARTICIPLE,
    KK_TASKS_WORDS,
    RU_ADVERBIAL_OPENING,
    RU_BY_DECISION,
    RU_INSTRUMENTAL_PREPOSITIONS,
    RU_MODALS,
    RU_NOMINAL_OPENING,
    RU_TASKS_OF,
    RU_VERBAL_NOUN,
    SELF_DESCRIPTION,
    WORKING_BODY,
    Predicate,
    predicates,
    ru_adjective,
    ru_adverb,
    ru_attribute_participle,
    ru_case,
    ru_cases,
    ru_number,
    ru_participle,
    ru_singular_nominative,
)
from kgraph.lang.clauses import words as clause_words
from kgraph.lang.forms import (
    KK_ATTRIBUTIVE,
    KK_CASE,
    KK_CASE_ENDINGS,
    KK_DATIVE,
    KK_DATIVE_AFTER_POSSESSIVE,
    KK_FOLDED_ENDINGS,
    KK_FOLDED_HYPHEN_ENDINGS,
    KK_LOCATIVE_ATTRIBUTIVE,
    KK_PARTICIPLE,
    KK_PLURAL,
    KK_PLURAL_POSSESSIVE,
    KK_POSSESSIVE,
    KK_POSSESSIVE_CASE,
    KK_POSSESSIVE_DATIVE,
    KK_VERBAL,
    alternation,
    base_forms,
    compare_forms,
    kk_compare_stem,
    kk_derivation_bases,
    kk_head_forms,
    kk_possessed,
    kk_stem,
    kk_stem_folded,
    kk_unvoice,
    kk_without_possessive,
    morph,
    prefix_stem,
    ru_derivation_stem,
    ru_infinitive,
    ru_join_broken,
    ru_lemma,
    ru_nominative_head,
    ru_noun,
    ru_preposition,
)
from kgraph.lang.legal import (
    BY_AGREEMENT,
    BY_AGREEMENT_CUT,
    BY_AGREEMENT_OPEN,
    BY_AGREEMENT_PART,
    BY_AGREEMENT_WORDS,
    DRAFT_WORD_KK,
    DRAFT_WORD_RU,
    EXCLUDED,
    EXCLUDED_ITEM,
    FOOTNOTE,
    FOOTNOTE_LINE,
    FOOTNOTE_MORE,
    FOOTNOTE_WORD,
    MONTHS_KK,
    MONTHS_KK_PATTERN,
    MONTHS_RU,
    NOTE_WORD,
    OWN_COMPETENCE,
    PENDING_ITEM,
    SERVICE_NOTE,
    SIGNATORY_AKIM,
    SIGNATURE,
    TOC_WORD,
    TOTAL_WORD,
    UNITS,
    Unit,
    act_number,
    month_number,
)
from kgraph.lang.script import (
    DASHES,
    FIELD_WORDS,
    HOMOGLYPHS,
    KK_FUNCTION_WORDS,
    KK_LETTERS,
    KK_TO_RU,
    LETTERS,
    LOWER,
    QUOTES,
    UPPER,
    detect_lang,
    fold,
    fold_kazakh,
    fold_search,
    fold_words,
    guillemets,
    has_cyrillic,
    has_kazakh,
    letter_words,
    repair_homoglyphs,
    repair_word,
    without_state_word,
)
from kgraph.lang.words import kk_bare

__all__ = [
    "BY_AGREEMENT",
    "BY_AGREEMENT_CUT",
    "BY_AGREEMENT_OPEN",
    "BY_AGREEMENT_PART",
    "BY_AGREEMENT_WORDS",
    "DASHES",
    "DRAFT_WORD_KK",
    "DRAFT_WORD_RU",
    "EXCLUDED",
    "EXCLUDED_ITEM",
    "FIELD_WORDS",
    "FOOTNOTE",
    "FOOTNOTE_LINE",
    "FOOTNOTE_MORE",
    "FOOTNOTE_WORD",
    "HOMOGLYPHS",
    "KK_AGENT_POSTPOSITION",
    "KK_ATTRIBUTIVE",
    "KK_BY_DECISION",
    "KK_CASE",
    "KK_CASE_ENDINGS",
    "KK_COPULAS",
    "KK_DATIVE",
    "KK_DATIVE_AFTER_POSSESSIVE",
    "KK_FOLDED_ENDINGS",
    "KK_FOLDED_HYPHEN_ENDINGS",
    "KK_FUNCTION_WORDS",
    "KK_LETTERS",
    "KK_LOCATIVE_ATTRIBUTIVE",
    "KK_PARTICIPLE",
    "KK_PLURAL",
    "KK_PLURAL_POSSESSIVE",
    "KK_POSSESSIVE",
    "KK_POSSESSIVE_CASE",
    "KK_POSSESSIVE_DATIVE",
    "KK_POSTPOSITIONS",
    "KK_SUBORDINATE_CLOSERS",
    "KK_SUBORDINATE_PARTICIPLE",
    "KK_TASKS_WORDS",
    "KK_TO_RU",
    "KK_VERBAL",
    "LETTERS",
    "LOWER",
    "MONTHS_KK",
    "MONTHS_KK_PATTERN",
    "MONTHS_RU",
    "NOTE_WORD",
    "OWN_COMPETENCE",
    "PENDING_ITEM",
    "QUOTES",
    "RU_ADVERBIAL_OPENING",
    "RU_BY_DECISION",
    "RU_INSTRUMENTAL_PREPOSITIONS",
    "RU_MODALS",
    "RU_NOMINAL_OPENING",
    "RU_TASKS_OF",
    "RU_VERBAL_NOUN",
    "SELF_DESCRIPTION",
    "SERVICE_NOTE",
    "SIGNATORY_AKIM",
    "SIGNATURE",
    "TOC_WORD",
    "TOTAL_WORD",
    "UNITS",
    "UPPER",
    "WORKING_BODY",
    "Predicate",
    "Unit",
    "act_number",
    "alternation",
    "base_forms",
    "clause_words",
    "compare_forms",
    "detect_lang",
    "fold",
    "fold_kazakh",
    "fold_search",
    "fold_words",
    "guillemets",
    "has_cyrillic",
    "has_kazakh",
    "kk_bare",
    "kk_compare_stem",
    "kk_derivation_bases",
    "kk_head_forms",
    "kk_possessed",
    "kk_stem",
    "kk_stem_folded",
    "kk_unvoice",
    "kk_without_possessive",
    "letter_words",
    "month_number",
    "morph",
    "predicates",
    "prefix_stem",
    "repair_homoglyphs",
    "repair_word",
    "ru_adjective",
    "ru_adverb",
    "ru_attribute_participle",
    "ru_case",
    "ru_cases",
    "ru_derivation_stem",
    "ru_infinitive",
    "ru_join_broken",
    "ru_lemma",
    "ru_nominative_head",
    "ru_noun",
    "ru_number",
    "ru_participle",
    "ru_preposition",
    "ru_singular_nominative",
    "without_state_word",
]
