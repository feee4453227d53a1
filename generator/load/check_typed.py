"""Hand-typed references: a step, question or section number, a form code or a shared timeframe typed as words
where a reference belongs. Typed, it is right only until the step moves or the timeframe changes; cited,
it follows.

The words that introduce a step, question or section are known for English, Russian and Uzbek; a language
without patterns here is not checked for them (form codes and timeframes are checked in every language).
Numbers written as words ("three months") are not recognised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import Problem
from generator.i18n.inventory import Entry
from generator.load.check_references import reference_location, typed_words
from generator.load.files import FORMS_DIR, TIMEFRAMES_FILE
from generator.messages import problem
from generator.model.referents import Referents
from generator.model.timeframes import Timeframe

_NUMBER = r"(?P<number>\d+(?:\.\d+)*)"
_DIGIT = re.compile(r"\d")

NUMBERED: dict[str, dict[str, tuple[re.Pattern[str], ...]]] = {
    "en": {
        "step": (re.compile(rf"\bsteps?\s+{_NUMBER}\b", re.IGNORECASE),),
        "question": (re.compile(rf"\b(?:questions?|Q)\s*{_NUMBER}\b", re.IGNORECASE),),
        "section": (re.compile(rf"\bsections?\s+{_NUMBER}\b", re.IGNORECASE),),
    },
    "ru": {
        "step": (
            re.compile(rf"\bшаг\w*\s+{_NUMBER}\b", re.IGNORECASE),
            re.compile(rf"\b{_NUMBER}(?:-?[а-я]{{1,3}})?\s+шаг\w*", re.IGNORECASE),
        ),
        "question": (re.compile(rf"\bвопрос\w*\s+{_NUMBER}\b", re.IGNORECASE),),
        "section": (re.compile(rf"\bраздел\w*\s+{_NUMBER}\b", re.IGNORECASE),),
    },
    "uz": {
        "step": (
            re.compile(rf"\b{_NUMBER}-(?:qadam|bosqich)\w*", re.IGNORECASE),
            re.compile(rf"\b(?:qadam|bosqich)\w*\s+{_NUMBER}\b", re.IGNORECASE),
        ),
        "question": (
            re.compile(rf"\b{_NUMBER}-savol\w*", re.IGNORECASE),
            re.compile(rf"\bsavol\w*\s+{_NUMBER}\b", re.IGNORECASE),
        ),
        "section": (
            re.compile(rf"\b{_NUMBER}-boʻlim\w*", re.IGNORECASE),
            re.compile(rf"\bboʻlim\w*\s+{_NUMBER}\b", re.IGNORECASE),
        ),
    },
}
"""By language (without its script), the words that number a step, a question or a section."""

_CITED_AS = {
    "step": "{step:<id>|short}",
    "question": "{question:<form id>/<question id>}",
    "section": "{section:<name>|short} for the SOP, or {question:<form id>/<section id>} for a form",
}


@dataclass(frozen=True)
class _Units:
    """How the units of time are written after a number in one language, to find a timeframe typed."""

    pattern: re.Pattern[str]
    """A number, then the words of a unit (`unit`): `3 рабочих дня`, `72-hour`."""
    units: dict[str, str]
    """The words, in lower case, to the unit they are of."""


def check_typed(entries: tuple[Entry, ...], referents: Referents, source_language: str) -> Iterator[Problem]:
    codes = {form.code: form_id for form_id, form in (referents.forms or {}).items()}
    code_pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(codes))) + r")\b") if codes else None
    units = _unit_patterns(referents)
    for entry in entries:
        texts = {source_language: entry.source, **entry.translations}
        for language, text in texts.items():
            typed = typed_words(entry, text)
            numbered = NUMBERED.get(language.partition("-")[0], {}) if _DIGIT.search(typed) else {}
            for kind, patterns in numbered.items():
                for match in (found for pattern in patterns for found in pattern.finditer(typed)):
                    yield problem(
                        "typed-number",
                        reference_location(entry, language, text, match.start()),
                        found=match.group().strip(),
                        kind=kind,
                        cited=_CITED_AS[kind],
                        hint=_hint(kind, match.group("number"), referents, entry.file),
                    )
            if code_pattern is not None:
                for match in code_pattern.finditer(typed):
                    yield problem(
                        "typed-form-code",
                        reference_location(entry, language, text, match.start()),
                        found=match.group(),
                        form=codes[match.group()],
                    )
            if entry.file != TIMEFRAMES_FILE and language in units and numbered:
                yield from _typed_timeframes(entry, language, text, typed, units[language], referents)


def _hint(kind: str, number: str, referents: Referents, file: str) -> str:
    """What has the number now, if anything: the typed number may mean something else. In a form, a section or
    question number is taken to be the form's own."""
    form_id = file.removeprefix(f"{FORMS_DIR}/").removesuffix(".yaml") if file.startswith(f"{FORMS_DIR}/") else None
    form = (referents.forms or {}).get(form_id or "")
    if form is not None and kind in ("question", "section"):
        named = [item for item, question in form.questions.items() if question.number == number]
        where = f"{kind} {number} of this form"
    elif kind == "step":
        named = [step_id for step_id, step in (referents.steps or {}).items() if step.number == number]
        where = f"step {number}"
    elif kind == "section":
        named = [name for name, section in (referents.sections or {}).items() if section.number == number]
        where = f"section {number} of the SOP"
    else:
        return ""
    return f"; {where} is now '{named[0]}'" if named else f"; there is no {where}"


def _typed_timeframes(
    entry: Entry, language: str, text: str, typed: str, units: _Units, referents: Referents
) -> Iterator[Problem]:
    timeframes = referents.timeframes or {}
    for match in units.pattern.finditer(typed):
        value, unit = _value(match.group("value")), units.units[match.group("unit").lower()]
        same = [item.id for item in timeframes.values() if _same(item, value, unit)]
        if same:
            yield problem(
                "typed-timeframe",
                reference_location(entry, language, text, match.start()),
                found=match.group().strip(),
                cited=" or ".join(f"{{timeframe:{item}}}" for item in same),
            )


def _value(text: str) -> int | tuple[int, int]:
    numbers = [int(part) for part in re.split(r"\s*[–-]\s*", text)]
    return numbers[0] if len(numbers) == 1 else (numbers[0], numbers[-1])


def _same(timeframe: Timeframe, value: int | tuple[int, int], unit: str) -> bool:
    return timeframe.unit == unit and timeframe.value == value


def _unit_patterns(referents: Referents) -> dict[str, _Units]:
    """For each language, the ways the units are written after a number, from the words of their plural messages."""
    words: dict[str, dict[str, str]] = {}
    for unit in (referents.units or {}).values():
        for language in unit.count.root:
            for text in (unit.count, unit.within, unit.every):
                for word in _words_after_number(text.get(language)):
                    words.setdefault(language, {})[word.lower()] = unit.id
    found = {}
    for language, units in words.items():
        alternatives = "|".join(re.escape(word) for word in sorted(units, key=len, reverse=True))
        value = r"(?P<value>\d+(?:\s*[–-]\s*\d+)?)"
        pattern = re.compile(rf"(?<![\d.]){value}(?:\s+|-)(?P<unit>{alternatives})", re.IGNORECASE)
        found[language] = _Units(pattern, units)
    return found


_AFTER_NUMBER = re.compile(r"#\s+([^\s{}#]+(?:\s+[^\s{}#]+)?)")
"""The word or two after the number in a plural message: `рабочих дней`, `oy`, `hours`."""


def _words_after_number(message: str) -> set[str]:
    found = set()
    for match in _AFTER_NUMBER.finditer(message):
        found.add(" ".join(match.group(1).split()))
    return found
