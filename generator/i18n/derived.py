"""Languages made from another by transliteration, declared in `oila.yaml` alone.

A language with `derived_from: uz` and `transliteration: uz-Latn-to-Cyrl` has no text of its own in
the sources: every localised text, review status and page of prose is taken from the language it is
derived from as the sources are read, so every output exists for it without a line of code per language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.i18n.transliterate import TRANSLITERATIONS
from generator.model.form import REVIEW_STATUSES
from generator.model.language import ProjectSettings


@dataclass(frozen=True)
class Derivation:
    base: str
    convert: Callable[[str], str]


@functools.cache
def _remembered(transliteration: str) -> Callable[[str], str]:
    """The transliteration named, remembering the texts it has converted: loading and the checks convert the same
    texts, and `oila serve` converts them again on every change."""
    return functools.lru_cache(maxsize=2**16)(TRANSLITERATIONS[transliteration])


@dataclass(frozen=True)
class Derivations:
    """The derived languages of a project, and every language it has."""

    languages: frozenset[str]
    made: dict[str, Derivation]

    @classmethod
    def of(cls, settings: ProjectSettings) -> Derivations:
        made = {
            language.code: Derivation(language.derived_from, _remembered(language.transliteration))
            for language in settings.languages
            if language.derived_from is not None and language.transliteration is not None
        }
        return cls(frozenset(settings.codes), made)

    def data(self, data: Any) -> Any:
        """`data` (read from YAML) with each derived language added beside the language it comes from."""
        if isinstance(data, dict):
            derived = {k: self.data(v) for k, v in data.items()}
            if self.made and set(derived) <= self.languages:
                for code, derivation in self.made.items():
                    if code not in derived and derivation.base in derived:
                        value = derived[derivation.base]
                        copy = not isinstance(value, str) or value in REVIEW_STATUSES  # a state, not text
                        derived[code] = value if copy else derivation.convert(value)
            return derived
        if isinstance(data, list):
            return [self.data(item) for item in data]
        return data
