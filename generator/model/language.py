"""The languages of a project, declared once in `oila.yaml`."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from generator.i18n.transliterate import TRANSLITERATIONS
from generator.model.base import SourceModel

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Z][a-z]{3})?$")]


class Language(SourceModel):
    """One language every document is published in."""

    code: LanguageCode = Field(description="Short code used as the key of every translation, such as `uz`.")
    name: str = Field(description="The language's name in the language itself, such as `Oʻzbekcha`.")
    english_name: str = Field(description="The language's name in English, used in messages to editors.")
    locale: str = Field(
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$",
        description="BCP 47 tag written into documents so that spelling is checked in the right language, "
        "such as `uz-Latn-UZ`.",
    )
    derived_from: LanguageCode | None = Field(
        default=None,
        description="The language this one is made from by `transliteration`, with no text of its own in the "
        "sources, such as `uz` for Uzbek in Cyrillic script.",
    )
    transliteration: str | None = Field(
        default=None, description="How it is made from `derived_from`, such as `uz-Latn-to-Cyrl`."
    )

    @model_validator(mode="after")
    def _derived_with_a_known_transliteration(self) -> Language:
        if (self.derived_from is None) != (self.transliteration is None):
            raise ValueError("give both derived_from and transliteration, or neither")
        if self.transliteration is not None and self.transliteration not in TRANSLITERATIONS:
            raise ValueError(
                f"unknown transliteration '{self.transliteration}'; known: {', '.join(sorted(TRANSLITERATIONS))}"
            )
        return self


class ProjectSettings(SourceModel):
    """The contents of `oila.yaml`."""

    name: str = Field(description="The project's name, shown in messages and document properties.")
    source_language: LanguageCode = Field(description="The language every other language is translated from.")
    languages: tuple[Language, ...] = Field(min_length=1, description="Every language, in the order shown.")

    @model_validator(mode="after")
    def _source_is_declared(self) -> ProjectSettings:
        codes = [language.code for language in self.languages]
        if len(set(codes)) != len(codes):
            raise ValueError(f"each language code may appear once, found {', '.join(codes)}")
        if self.source_language not in codes:
            raise ValueError(f"source_language '{self.source_language}' is not in languages ({', '.join(codes)})")
        for language in self.languages:
            base = language.derived_from
            if base is not None and (base not in codes or self.language(base).derived_from is not None):
                raise ValueError(f"'{language.code}' is derived from '{base}', which is not a language written here")
        return self

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    @property
    def written(self) -> tuple[str, ...]:
        """The languages whose text is in the sources: every language but those derived from another."""
        return tuple(language.code for language in self.languages if language.derived_from is None)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)
