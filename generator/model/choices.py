"""Answers to choose from, and the recurring choice lists defined once in `choices/`."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.model.base import ChoiceId, Slug, SourceModel
from generator.model.text import LocalizedText


class Option(SourceModel):
    """One answer a worker can tick."""

    id: ChoiceId = Field(description="Stable id of the answer, stored when a filled form is read back.")
    label: LocalizedText = Field(description="The answer as printed, in every language.")


def check_unique_options(options: tuple[Option, ...]) -> None:
    """Two answers with one id could never be told apart in a filled form."""
    seen: set[str] = set()
    for option in options:
        if option.id in seen:
            raise ValueError(f"the answer id '{option.id}' is used twice in this list")
        seen.add(option.id)


class ChoiceList(SourceModel):
    """A list of answers used by several questions, in `choices/<id>.yaml`: translated once, referenced by id."""

    id: Slug = Field(description="The list's id; must match the file name.")
    title: LocalizedText = Field(description="What the list is, for editors and the site.")
    options: tuple[Option, ...] = Field(min_length=2, description="The answers, in the order printed.")

    @model_validator(mode="after")
    def _unique(self) -> ChoiceList:
        check_unique_options(self.options)
        return self
