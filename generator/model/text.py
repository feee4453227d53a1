"""Text that exists once per language: `{en: ..., ru: ..., uz: ...}`.

Which languages are required is not known to the type itself: the loader passes the project's
languages as validation context, so a fourth language is configuration, not code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import RootModel, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from generator.messages import CATALOGUE


@dataclass(frozen=True)
class TextContext:
    """What validating a localised text needs to know about the project."""

    languages: tuple[str, ...]
    english_names: dict[str, str]
    prepare: Callable[[Any], Any] | None = None
    """Applied to a source's data before validation: it adds the languages derived from others."""
    derived: frozenset[str] = frozenset()
    """Languages made from another: a text missing in them is missing in the language they come from."""


def custom_error(code: str, **values: Any) -> PydanticCustomError:
    """A validation error carrying an Oila catalogue code, so the loader can print the catalogue text."""
    return PydanticCustomError(code, CATALOGUE[code].replace("{{", "(").replace("}}", ")"), values)


class LocalizedText(RootModel[dict[str, str]]):
    """A text in every language of the project, keyed by language code."""

    model_config = {"frozen": True}

    @model_validator(mode="after")
    def _every_language_present(self, info: ValidationInfo) -> LocalizedText:
        context = info.context
        if not isinstance(context, TextContext):
            return self
        unknown = sorted(set(self.root) - set(context.languages))
        if unknown:
            raise custom_error("unknown-language", lang=unknown[0], allowed=", ".join(context.languages))
        missing = [code for code in context.languages if code not in self.root and code not in context.derived]
        if missing:
            raise custom_error(
                "missing-translation",
                langs=", ".join(f"'{code}'" for code in missing),
                languages=", ".join(context.english_names[code] for code in missing),
                example=", ".join(f"{code}: ..." for code in missing),
            )
        empty = [code for code in context.languages if not self.root[code].strip()]
        if empty:
            raise custom_error("empty-translation", lang=empty[0], language=context.english_names[empty[0]])
        return self

    def get(self, language: str) -> str:
        """The text in `language`; the loader has made sure every project language is present."""
        return self.root[language]


def paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs split by blank lines; a single line break inside one is a space, as in Markdown."""
    return tuple(" ".join(block.split()) for block in text.split("\n\n") if block.strip())
