"""Where the translations stand: per string and language translated, missing or stale; per document the
counts and the review status; the coverage a CI gate compares with its bar; and the English strings that
are translated differently in different places."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import StrEnum

from generator.i18n.inventory import Entry, inventory
from generator.i18n.lock import Lock, read_lock
from generator.load.files import Sources
from generator.model.language import ProjectSettings
from generator.model.view import OutdatedText


class UnitState(StrEnum):
    TRANSLATED = "translated"
    """Translated and up to date."""
    MISSING = "missing"
    """No translation yet; the target is empty."""
    STALE = "stale"
    """The English changed since the translation was written or confirmed, or a tool has not confirmed it."""


@dataclass(frozen=True)
class Counts:
    translated: int = 0
    missing: int = 0
    stale: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.missing + self.stale


@dataclass(frozen=True)
class Inconsistency:
    """One English string translated in more than one way in a language."""

    language: str
    source: str
    translations: dict[str, tuple[str, ...]]
    """Each translation found, and the strings (keys) that use it."""


@dataclass(frozen=True)
class TranslationState:
    settings: ProjectSettings
    entries: tuple[Entry, ...]
    lock: Lock
    review: dict[str, dict[str, str]]
    """Document to its review status in each language (draft, reviewed, approved), where it states one."""

    @property
    def targets(self) -> tuple[str, ...]:
        """The languages translated from the source language (not those derived from another)."""
        return tuple(code for code in self.settings.written if code != self.settings.source_language)

    def state(self, entry: Entry, language: str) -> UnitState:
        if language not in entry.translations:
            return UnitState.MISSING
        if self.lock.get((entry.key, language)) != entry.fingerprint:
            return UnitState.STALE
        return UnitState.TRANSLATED

    def counts(self, language: str) -> dict[str, Counts]:
        """Per document, in a stable order."""
        tally: dict[str, Counter[UnitState]] = defaultdict(Counter)
        for entry in self.entries:
            tally[entry.document][self.state(entry, language)] += 1
        return {
            document: Counts(found[UnitState.TRANSLATED], found[UnitState.MISSING], found[UnitState.STALE])
            for document, found in sorted(tally.items())
        }

    def coverage(self, language: str) -> float:
        """The percentage of strings translated and up to date in `language`."""
        if not self.entries or language == self.settings.source_language:
            return 100.0
        done = sum(1 for entry in self.entries if self.state(entry, language) is UnitState.TRANSLATED)
        return 100.0 * done / len(self.entries)

    def not_up_to_date(self, language: str) -> list[tuple[Entry, UnitState]]:
        found = [(entry, self.state(entry, language)) for entry in self.entries]
        return [(entry, state) for entry, state in found if state is not UnitState.TRANSLATED]

    def outdated(self, language: str) -> tuple[OutdatedText, ...]:
        """The texts of `language` that outputs must mark: missing, or made from English that has changed."""
        if language not in self.targets:
            return ()
        return tuple(
            OutdatedText(entry.key, entry.file_in(language), entry.source, found.value)
            for entry, found in self.not_up_to_date(language)
        )

    def inconsistencies(self) -> list[Inconsistency]:
        """English strings used in several places whose translations differ, in each language."""
        found = []
        for language in self.targets:
            by_source: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for entry in self.entries:
                if entry.path and language in entry.translations:
                    by_source[entry.source][entry.translations[language]].append(entry.key)
            for source, translations in sorted(by_source.items()):
                if len(translations) > 1:
                    places = {text: tuple(keys) for text, keys in sorted(translations.items())}
                    found.append(Inconsistency(language, source, places))
        return found


def translation_state(sources: Sources) -> TranslationState:
    """Where the translations of the sources read stand, against the project's `i18n.lock`."""
    found = inventory(sources)
    return TranslationState(sources.settings, found.entries, read_lock(sources.root), found.review)
