"""`sop/timeframes.yaml`: every timeframe, frequency and deadline that more than one document states, once.

A form, the SOP's structure and its prose cite a timeframe as `{timeframe:referral_feedback}` (3 working
days), `{timeframe:referral_feedback|within}` (within 3 working days) or `{timeframe:plan_review|every}`
(every 3 months); changing the value here changes every document in every language. A schedule that is
more than a number and a unit (visits weekly, then monthly) is a text, written once per language, that may
itself cite timeframes.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.model.base import Identifier, SourceModel
from generator.model.plural import plural_problem
from generator.model.text import LocalizedText

STYLES = ("count", "within", "every")
"""The ways a unit is written with its number; a reference's style chooses one (`default` is `count`)."""


class Unit(SourceModel):
    """A unit of time in every language, with its number, as ICU plural messages."""

    id: Identifier = Field(description="Stable id that timeframes name, such as `working_day`.")
    count: LocalizedText = Field(
        description="The number and unit: `{n, plural, one {# working day} other {# working days}}`."
    )
    within: LocalizedText = Field(description="A limit: `within # working days`, `в течение # рабочих дней`.")
    every: LocalizedText = Field(description="A frequency: `{n, plural, =1 {every month} other {every # months}}`.")

    @field_validator("count", "within", "every")
    @classmethod
    def _plural_messages(cls, text: LocalizedText, info: ValidationInfo) -> LocalizedText:
        for language, message in text.root.items():
            problem = plural_problem(message)
            if problem:
                raise ValueError(f"{info.field_name}.{language}: {problem}")
        return text


class Timeframe(SourceModel):
    """One shared timeframe: a value and a unit, or a schedule written as text."""

    id: Identifier = Field(description="Stable id that texts cite as {timeframe:id}, such as `referral_feedback`.")
    about: LocalizedText = Field(description="What it is the timeframe of, for the SOP's table of timeframes.")
    value: int | tuple[int, int] | None = Field(
        None, description="The number of units, or the lowest and highest of a range such as [6, 12]."
    )
    unit: Identifier | None = Field(None, description="The id of one of the `units`.")
    text: LocalizedText | None = Field(
        None, description="A schedule that is more than a number and a unit, instead of `value` and `unit`."
    )
    to_confirm: LocalizedText | None = Field(None, description="What NASP must still confirm about it.")

    @model_validator(mode="after")
    def _value_and_unit_or_text(self) -> Timeframe:
        if (self.value is None) != (self.unit is None):
            raise ValueError("give both value and unit, or a text instead")
        if (self.value is None) == (self.text is None):
            raise ValueError("give either value and unit, or text")
        if isinstance(self.value, tuple) and not 0 <= self.value[0] < self.value[1]:
            raise ValueError(f"a range goes from the lower to the higher value, found {list(self.value)}")
        if isinstance(self.value, int) and self.value < 0:
            raise ValueError(f"a timeframe cannot be negative, found {self.value}")
        return self

    @property
    def highest(self) -> int:
        return self.value[1] if isinstance(self.value, tuple) else self.value or 0

    @property
    def shown(self) -> str:
        """The value as printed: `3`, or `6–12` for a range."""
        return f"{self.value[0]}–{self.value[1]}" if isinstance(self.value, tuple) else str(self.value)


class Timeframes(SourceModel):
    """`sop/timeframes.yaml`."""

    units: tuple[Unit, ...] = Field(min_length=1, description="The units of time, with their words.")
    timeframes: tuple[Timeframe, ...] = Field(min_length=1, description="The shared timeframes, in table order.")
