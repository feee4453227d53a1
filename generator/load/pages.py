"""The pages of prose of a folder with one sub-folder per language, derived languages included."""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n.derived import Derivations
from generator.i18n.transliterate import transliterate_markdown
from generator.load.files import Sources


@dataclass(frozen=True)
class Pages:
    """The Markdown pages of a folder with one sub-folder per language (`sop/`, `docs/`), as read once."""

    sources: Sources
    folder: str
    derivations: Derivations

    def _own(self, language: str) -> str:
        derivation = self.derivations.made.get(language)
        return derivation.base if derivation else language

    def written_in(self, file: str) -> bool:
        """False for a page of a derived language: its problems are those of the page it is made from."""
        return not any(file.startswith(f"{self.folder}/{code}/") for code in self.derivations.made)

    def names(self, language: str) -> list[str]:
        return self.sources.page_names(self.folder, self._own(language))

    def read(self, language: str, name: str) -> str | None:
        """The page's text in `language`, or None if the language has no such page."""
        text = self.sources.page(self.folder, self._own(language), name)
        derivation = self.derivations.made.get(language)
        return transliterate_markdown(text, derivation.convert) if derivation and text is not None else text
