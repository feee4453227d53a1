"""Translator round trips: `oila i18n export` and `oila i18n import`.

One English string is one unit, however many places use it, so that it is translated once for every
form and the SOP (a translation memory of the project's own). A unit carries the translation most of
its places use; a new translation is written into every place whose English is still the one exported
(places translated differently come into line), changing nothing else in the sources, and `i18n.lock`
records what it was made from. A unit whose English changed since the export is reported, not written.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import OilaError
from generator.i18n.changes import SourceChanges
from generator.i18n.formats import TranslationFile, Unit, read_translations
from generator.i18n.inventory import Entry, fingerprint
from generator.i18n.lock import write_lock
from generator.i18n.state import TranslationState, UnitState
from generator.model.references import UNMATCHED_KINDS, references_in

_WORST_FIRST = (UnitState.STALE, UnitState.MISSING, UnitState.TRANSLATED)


def export_units(state: TranslationState, language: str) -> TranslationFile:
    """Every English string once, with its most used translation in `language` and its worst state."""
    _check_target(state, language)
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in state.entries:
        groups[entry.source].append(entry)
    units = []
    for source, entries in groups.items():
        translations = Counter(entry.translations[language] for entry in entries if language in entry.translations)
        states = {state.state(entry, language) for entry in entries}
        worst = next(found for found in _WORST_FIRST if found in states)
        target = translations.most_common(1)[0][0] if translations else ""
        places = tuple(entry.key for entry in entries)
        units.append(Unit(fingerprint(source), source, target, worst, places))
    return TranslationFile(state.settings.source_language, language, tuple(units))


@dataclass
class ImportResult:
    language: str
    written: list[str] = field(default_factory=list)
    """The files changed."""
    translated: int = 0
    """Strings given a new or confirmed translation."""
    changed_since_export: list[Unit] = field(default_factory=list)
    """Units whose English is no longer in the sources: the English changed after the export."""
    broken_references: list[Unit] = field(default_factory=list)
    """Units whose translation does not keep the references of its English: not written."""
    unknown: list[Unit] = field(default_factory=list)
    """Units whose id is not that of their English text: edited by hand, or from another file."""


def import_file(root: Path, state: TranslationState, path: Path) -> ImportResult:
    """Write the translations in `path` into the sources; nothing is written if any file cannot be."""
    translations = read_translations(path)
    language = translations.target_language
    _check_target(state, language)
    source = state.settings.source_language
    if translations.source_language != source:
        raise OilaError(
            f"{path}: the file translates from '{translations.source_language}', but this project's texts are "
            f"written in '{source}'; export the file again with oila i18n export"
        )
    by_fingerprint: dict[str, list[Entry]] = defaultdict(list)
    for entry in state.entries:
        by_fingerprint[entry.fingerprint].append(entry)
    exported = {unit.id: unit.target for unit in export_units(state, language).units}
    result = ImportResult(language)
    changes = SourceChanges()
    lock = dict(state.lock)
    for unit in translations.units:
        if unit.state is UnitState.MISSING or not unit.target.strip():
            continue
        entries = by_fingerprint.get(unit.id, [])
        if fingerprint(unit.source) != unit.id:
            result.unknown.append(unit)
            continue
        if not entries:
            result.changed_since_export.append(unit)
            continue
        if _named(unit.target) != _named(unit.source):
            result.broken_references.append(unit)
            continue
        unchanged = exported.get(unit.id) == unit.target
        for entry in entries:
            current = entry.translations.get(language)
            if unchanged and current != unit.target:
                continue  # translated differently here, and the translator did not change the text: left as is
            if current != unit.target:
                changes.set(entry, language, unit.target)
            if unit.state is UnitState.TRANSLATED:
                lock[(entry.key, language)] = entry.fingerprint
                result.translated += 1
    result.written.extend(changes.write(root))
    if write_lock(root, lock):
        result.written.append("i18n.lock")
    return result


def confirm(root: Path, state: TranslationState, language: str, names: frozenset[str] | None) -> int:
    """Record that the translations into `language` of the strings named (by key, or by the file that
    holds them; None for every string) were checked against their current English; returns how many
    were not recorded so already."""
    _check_target(state, language)
    unknown = sorted((names or frozenset()) - {name for e in state.entries for name in _names(e, language)})
    if unknown:
        raise OilaError(f"no such string or file: {', '.join(unknown)}")
    lock = dict(state.lock)
    confirmed = 0
    for entry in state.entries:
        chosen = names is None or not names.isdisjoint(_names(entry, language))
        if chosen and language in entry.translations:
            confirmed += lock.get((entry.key, language)) != entry.fingerprint
            lock[(entry.key, language)] = entry.fingerprint
    write_lock(root, lock)
    return confirmed


_TEMPLATE_PART = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
"""A placeholder, statement or comment of a page's template: a translation keeps each exactly."""


def _named(text: str) -> Counter[tuple[str, str]]:
    """The references and template parts of a text, which its translation keeps, each as often."""
    named = Counter(reference.key for reference in references_in(text) if reference.kind not in UNMATCHED_KINDS)
    named.update(("template", " ".join(part.split())) for part in _TEMPLATE_PART.findall(text))
    return named


def kept_parts(text: str) -> list[str]:
    """The references and template parts of a text as written, for telling a translator what to keep."""
    written = {reference.written for reference in references_in(text) if reference.kind not in UNMATCHED_KINDS}
    return sorted(written | set(_TEMPLATE_PART.findall(text)))


def _names(entry: Entry, language: str) -> tuple[str, ...]:
    """What a reviewer may call a string by: its key, its file, its file in the language reviewed."""
    return (entry.key, entry.file, entry.file_in(language))


def _check_target(state: TranslationState, language: str) -> None:
    if language not in state.targets:
        choices = ", ".join(state.targets)
        raise OilaError(f"'{language}' is not a language translated from English here; choose from {choices}")
