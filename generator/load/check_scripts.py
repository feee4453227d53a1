"""A language made by transliteration holds no word of the other script but codes: each word its rules leave as
it was is named at its place in the text it is made from, to be marked as a code (`{code:PDF}`) or rewritten.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.i18n.derived import Derivations
from generator.i18n.inventory import Entry
from generator.i18n.transliterate import latin_left, latin_left_in_markdown
from generator.load.check_references import reference_location
from generator.messages import problem
from generator.model.language import ProjectSettings


def check_scripts(entries: tuple[Entry, ...], settings: ProjectSettings) -> Iterator[Problem]:
    derivations = Derivations.of(settings)
    for code, derivation in derivations.made.items():
        name = settings.language(code).english_name
        for entry in entries:
            text = (
                entry.source if derivation.base == settings.source_language else entry.translations.get(derivation.base)
            )
            if not text:
                continue
            left = (
                latin_left(derivation.convert(text)) if entry.path else latin_left_in_markdown(text, derivation.convert)
            )
            for word in dict.fromkeys(left):
                latin = "".join(char for char in word if char.isascii())
                offset = max(text.find(latin), 0)
                yield problem(
                    "left-in-script",
                    reference_location(entry, derivation.base, text, offset),
                    found=latin,
                    language=name,
                )
