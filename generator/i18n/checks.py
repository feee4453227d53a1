"""The translation checks of `oila check`, and `oila i18n fix`.

Orthography is checked for every language whose locale names a script with rules here (Uzbek Latin:
ʻ in oʻ and gʻ, ʼ for the tutuq belgisi, no look-alike letters); a fault is an error with its file and
line. (Glossary terms are checked with the other checks across documents, in `generator.load.check_terms`.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, Problem
from generator.i18n.changes import SourceChanges
from generator.i18n.inventory import Entry
from generator.i18n.orthography import Fault, fix_uzbek, uzbek_faults
from generator.i18n.state import TranslationState
from generator.messages import problem

_STEM_KEEP = 0.75
"""The share of a glossary word that must appear as written: Russian and Uzbek inflect word endings."""


@dataclass(frozen=True)
class _Orthography:
    faults: Callable[[str], list[Fault]]
    fix: Callable[[str], str]


ORTHOGRAPHIES: dict[str, _Orthography] = {"uz-Latn": _Orthography(uzbek_faults, fix_uzbek)}
"""Locale prefix to the orthography check and repair of texts written in it."""


def _checked_texts(state: TranslationState) -> Iterator[tuple[Entry, str, str, _Orthography]]:
    """Every translation in a language whose locale has orthography rules, with those rules."""
    for language in state.targets:
        locale = state.settings.language(language).locale
        rules = next((rules for prefix, rules in ORTHOGRAPHIES.items() if locale.startswith(prefix)), None)
        if rules is not None:
            for entry in state.entries:
                if language in entry.translations:
                    yield entry, language, entry.translations[language], rules


def orthography_problems(state: TranslationState) -> list[Problem]:
    found = []
    for entry, language, text, rules in _checked_texts(state):
        for fault in rules.faults(text):
            line = entry.lines.get(language, entry.line) + (text[: fault.offset].count("\n") if not entry.path else 0)
            where = Location(entry.file_in(language), line, 1, entry.path)
            found.append(problem("orthography", where, found=fault.found, rule=fault.rule, expected=fault.expected))
    return found


def fix_orthography(root: Path, state: TranslationState) -> dict[str, int]:
    """Repair every text that has a certain repair; returns the files changed and how many texts in each."""
    changes = SourceChanges()
    for entry, language, text, rules in _checked_texts(state):
        fixed = rules.fix(text)
        if fixed != text:
            changes.set(entry, language, fixed)
    return changes.write(root)
