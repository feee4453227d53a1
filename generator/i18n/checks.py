"""The translation checks of `oila check`, and `oila i18n fix`.

Orthography is checked for every language whose locale names a script with rules here (Uzbek Latin:
ʻ in oʻ and gʻ, ʼ for the tutuq belgisi, no look-alike letters); a fault is an error with its file and
line. Glossary terms are checked as warnings: where an English text uses a glossary term, its
translation should use the glossary's word for it, and a place that does not is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, Problem
from generator.i18n.changes import SourceChanges
from generator.i18n.inventory import Entry
from generator.i18n.orthography import Fault, fix_uzbek, uzbek_faults
from generator.i18n.state import TranslationState
from generator.load.files import GLOSSARY_FILE
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


def glossary_warnings(state: TranslationState) -> list[str]:
    """Places whose translation does not use the glossary's word for a term its English uses."""
    terms = [entry for entry in state.entries if entry.file == GLOSSARY_FILE and entry.path[-1:] == ("term",)]
    warnings = []
    for term in terms:
        english = re.compile(rf"\b{re.escape(term.source)}\b", re.IGNORECASE)
        users = [entry for entry in state.entries if entry.file != GLOSSARY_FILE and english.search(entry.source)]
        for language in state.targets:
            wanted = term.translations.get(language)
            if not wanted:
                continue
            stems = _alternatives(wanted)
            places = [
                f"{entry.file_in(language)}:{entry.lines.get(language, entry.line)}"
                for entry in users
                if (text := entry.translations.get(language, "").casefold())
                and not any(all(stem in text for stem in stem_set) for stem_set in stems)
            ]
            if places:
                warnings.append(
                    f"the glossary term '{term.source}' is not translated '{wanted}' ({language}) in "
                    f"{len(places)} places: {', '.join(places)}"
                )
    return warnings


def _alternatives(term: str) -> list[list[str]]:
    """The word stems of a glossary translation and of each alternative it gives in brackets or after `/`."""
    main, _, rest = term.partition("(")
    options = [main, *re.split(r"[/;,]", rest.rstrip(") "))] if rest else [main]
    found = []
    for option in options:
        words = re.findall(r"\w[\w\u02bb\u02bc-]*", option.casefold())
        if words:
            found.append([word[: max(3, round(len(word) * _STEM_KEEP))] for word in words])
    return found
