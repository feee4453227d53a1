"""Glossary terms used as the glossary says: where an English text uses a term, its translation in the same
string uses the glossary's rendering of it, or a variant the glossary accepts.

A rendering is the glossary's term without what it adds in brackets (`holat (keys)` is `holat`), or any of
the alternatives it separates with ` / `. Words are compared by their first letters (`STEM_KEPT`), so that Russian
and Uzbek endings (`случая`, `holatni`) count; where grammar changes more than an ending, the term's
`variants` record the accepted form. A longer term wins over a shorter one inside it (`case conference`
over `case`), and references are left out on both sides: what they render is right by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import Problem
from generator.i18n.inventory import Entry
from generator.load.check_references import reference_location, typed_words
from generator.load.files import GLOSSARY_FILE
from generator.messages import problem
from generator.model.resolve import main_words
from generator.model.sop import Glossary, Term

STEM_KEPT = 0.6
STEM_LEAST = 4
"""Each word of a rendering must appear with at least this share of its letters, and at least this many
letters, as written: Russian and Uzbek change word endings (уровень, уровня; organi, organlari)."""
_JOINS = re.compile(r"[\s-]+")
_WORD = re.compile(r"\w[\w\u02bb\u02bc]*")
"""A word; the parts of a hyphenated word are words of their own (школа-интернат, школы-интерната)."""


@dataclass(frozen=True)
class TermUse:
    """One place whose English uses a glossary term, and whether each translation uses the term too."""

    term: Term
    entry: Entry
    english: str
    """The words of the English text that are the term."""
    missing: tuple[str, ...]
    """The languages whose text does not use the term."""


def renderings(term: Term, language: str) -> tuple[str, ...]:
    """The forms of `term` a text in `language` may use: the glossary's, then its variants."""
    written = main_words(term.term.get(language))
    return (*(part.strip() for part in written.split(" / ") if part.strip()), *term.variants.get(language, ()))


def term_uses(entries: tuple[Entry, ...], glossary: Glossary, source_language: str) -> Iterator[TermUse]:
    """Every use of a glossary term in an English text outside the glossary's own terms."""
    forms: dict[str, Term] = {}
    for term in glossary.terms:
        for english in renderings(term, source_language):
            forms.setdefault(_words(english), term)
    if not forms:
        return
    pattern = re.compile(
        r"\b(" + "|".join(_spaced(form) for form in sorted(forms, key=len, reverse=True)) + r")(?:e?s)?\b",
        re.IGNORECASE,
    )
    stems = {
        (term.id, language): [_stems(rendering) for rendering in renderings(term, language)]
        for term in glossary.terms
        for language in (*term.term.root, *term.variants)
    }
    for entry in entries:
        if entry.file == GLOSSARY_FILE and entry.path[-1:] == ("term",):
            continue
        seen: set[str] = set()
        for match in pattern.finditer(typed_words(entry, entry.source)):
            term = forms[_words(match.group(1))]
            if term.id in seen:
                continue
            seen.add(term.id)
            missing = tuple(
                language
                for language, text in entry.translations.items()
                if not _uses(typed_words(entry, text).casefold(), stems.get((term.id, language), []))
            )
            yield TermUse(term, entry, match.group(), missing)


def check_terms(entries: tuple[Entry, ...], glossary: Glossary, source_language: str) -> Iterator[Problem]:
    for use in term_uses(entries, glossary, source_language):
        for language in use.missing:
            text = use.entry.translations[language]
            wanted = " or ".join(f"'{rendering}'" for rendering in renderings(use.term, language))
            yield problem(
                "term-not-used",
                reference_location(use.entry, language, text, 0),
                english=use.english,
                wanted=wanted,
                lang=language,
                term=use.term.id,
            )


def _words(form: str) -> str:
    """`form` with its words joined by single spaces, whether it joined them by spaces or hyphens."""
    return " ".join(_JOINS.split(form.casefold().strip()))


def _spaced(form: str) -> str:
    """`form` as a pattern in which its words may be joined by spaces or hyphens (case-management steps)."""
    return _JOINS.pattern.join(re.escape(word) for word in form.split())


def _stems(rendering: str) -> list[str]:
    return [_stem(word) for word in _WORD.findall(rendering.casefold())]


def _stem(word: str) -> str:
    """The letters of `word` an inflected form keeps: most of a long word, all but the last of a short one (uyi,
    uylari)."""
    if len(word) <= STEM_LEAST:
        return word[: max(2, len(word) - 1)]
    return word[: max(STEM_LEAST, round(len(word) * STEM_KEPT))]


def _uses(text: str, alternatives: list[list[str]]) -> bool:
    """Whether `text` holds every word stem of one of the alternatives; true when the term has none in its
    language (nothing to compare with)."""
    return not alternatives or any(all(stem in text for stem in stems) for stems in alternatives)
