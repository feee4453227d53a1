"""The trainer's kit in one language: plain strings, every reference resolved (see `localize_training`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.labels import LabelId
from generator.model.training import Method


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
