"""The trainer's kit in one language: plain strings, every reference resolved (see `localize_training`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model.labels import LabelId
from generator.model.training import Method

if TYPE_CHECKING:
    from generator.model.view import FormView


def method_label(method: Method) -> LabelId:
    """The label that names `method` in every language."""
    return LabelId(f"method_{method.value}")


def clock(minutes: int) -> str:
    """Minutes from the start of a module as the facilitator's clock shows them: 0:00, 1:45."""
    return f"{minutes // 60}:{minutes % 60:02}"


@dataclass(frozen=True)
class ActivityView:
    id: str
    minutes: int
    start: int
    """Minutes from the start of the module."""
    method: Method
    title: str
    instructions: str


@dataclass(frozen=True)
class ExerciseView:
    id: str
    title: str
    task: str
    debrief: str
    forms: tuple[str, ...]
    """The forms it uses, each cited by its code and title."""
    cases: tuple[str, ...] = ()
    """The titles of the worked cases it uses."""


@dataclass(frozen=True)
class ModuleView:
    id: str
    number: int
    """The module's place in the course, from 1."""
    day: int
    """The day of the course it is run on, from 1."""
    title: str
    duration: int
    audience: tuple[str, ...]
    """The roles it is for, by name."""
    steps: tuple[str, ...]
    """The SOP steps it teaches, each cited by its number and title."""
    step_ids: tuple[str, ...]
    """The ids of those steps."""
    objectives: tuple[str, ...]
    materials: tuple[str, ...]
    activities: tuple[ActivityView, ...]
    key_messages: tuple[str, ...]
    exercises: tuple[ExerciseView, ...]


@dataclass(frozen=True)
class CourseView:
    code: str
    version: str
    version_date: dt.date
    status: str
    title: str
    purpose: str
    participants: str
    modules: tuple[ModuleView, ...]
    """In the order the course runs them."""
    days: int
    forms: tuple[FormView, ...] = ()
    """The course's own forms: the knowledge test, the attendance sheet, the session evaluation."""
    cases: tuple[CaseView, ...] = ()


@dataclass(frozen=True)
class FilledForm:
    """A form of a worked case, with its answers as the fillable form holds them."""

    form: FormView
    answers: tuple[tuple[str, str], ...]
    """`(field tag, answer)`, in the order of the case's file."""


@dataclass(frozen=True)
class MistakeView:
    """A deliberate mistake of a case, as the facilitator's answer key shows it."""

    form: str
    """The form's code."""
    question: str
    """The question's number and words, such as `2.3 Did you talk with the child alone?`."""
    answer: str
    """What the careless worker answered."""
    explanation: str


@dataclass(frozen=True)
class CaseView:
    id: str
    title: str
    summary: tuple[str, ...]
    """Paragraphs."""
    forms: tuple[FilledForm, ...]
    mistakes: tuple[MistakeView, ...]
