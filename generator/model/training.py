"""The trainer's kit (`training/`): a course of modules, each a timed session plan for a facilitator. Its texts cite
the SOP's steps, the forms and their questions, timeframes, roles and terms by reference, so that the kit
follows every change of what it teaches."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from generator.model.base import Identifier, Slug, SourceModel
from generator.model.case import WorkedCase
from generator.model.form import Form, Status, Version
from generator.model.sop import DocumentCode
from generator.model.text import LocalizedText

MINUTES_A_DAY = 420
"""The longest training day a course may plan: seven hours of sessions, breaks not counted."""


class Method(StrEnum):
    """How an activity is run; the facilitator's guide and the slides show it."""

    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    GROUP_WORK = "group_work"
    CASE_STUDY = "case_study"
    ROLE_PLAY = "role_play"
    PRACTICE = "practice"
    QUIZ = "quiz"
    REFLECTION = "reflection"


class Activity(SourceModel):
    """One timed part of a session plan."""

    id: Identifier = Field(description="Stable id, unique in the module.")
    minutes: int = Field(ge=5, le=240, description="How long it takes, in minutes; a module's add up to its duration.")
    method: Method = Field(description="presentation, discussion, group_work, case_study, role_play, practice ...")
    title: LocalizedText = Field(description="The activity's name in the session plan.")
    instructions: LocalizedText = Field(description="What the facilitator does and says, step by step.")


class Exercise(SourceModel):
    """A task participants do in a module, with what the facilitator draws out of it."""

    id: Identifier = Field(description="Stable id, unique in the module.")
    title: LocalizedText = Field(description="The exercise's name.")
    task: LocalizedText = Field(description="What participants do, as the handbook tells them.")
    debrief: LocalizedText = Field(description="For the facilitator: the answers and points to draw out.")
    forms: tuple[Slug, ...] = Field((), description="The ids of the forms participants fill or read in it.")
    cases: tuple[Slug, ...] = Field((), description="The ids of the worked cases (`training/cases/`) it uses.")


class Module(SourceModel):
    """`training/modules/<id>.yaml`: one session of the course."""

    id: Slug = Field(description="Stable id, the file's name without `.yaml`.")
    title: LocalizedText = Field(description="The module's title.")
    duration: int = Field(ge=30, le=MINUTES_A_DAY, description="Minutes, the sum of its activities' minutes.")
    audience: tuple[Identifier, ...] = Field(min_length=1, description="The ids of the roles it is for.")
    steps: tuple[Identifier, ...] = Field((), description="The ids of the SOP steps it teaches.")
    objectives: tuple[LocalizedText, ...] = Field(min_length=1, description="What participants can do after it.")
    materials: tuple[LocalizedText, ...] = Field(min_length=1, description="What the facilitator prepares.")
    activities: tuple[Activity, ...] = Field(min_length=1, description="The session plan, in order.")
    key_messages: tuple[LocalizedText, ...] = Field(min_length=1, description="What participants must take away.")
    exercises: tuple[Exercise, ...] = Field((), description="The tasks of the module's practical activities.")


class CourseDay(SourceModel):
    """One day of the course."""

    modules: tuple[Slug, ...] = Field(min_length=1, description="The ids of the modules run that day, in order.")


class Course(SourceModel):
    """`training/course.yaml`: the course the modules make up."""

    code: DocumentCode = Field(description="The code printed on the kit's documents, such as `NASP-TRN-01`.")
    version: Version = Field(description='The version, such as "1.0" (in quotes).')
    version_date: dt.date = Field(description="The date of this version, YYYY-MM-DD; it dates every output.")
    status: dict[str, Status] = Field(description="Per language: draft, reviewed or approved.")
    title: LocalizedText = Field(description="The course's title.")
    purpose: LocalizedText = Field(description="Why the course is run, in a sentence or two.")
    participants: LocalizedText = Field(description="Who takes part, and how many in a group.")
    days: tuple[CourseDay, ...] = Field(min_length=1, description="The days of the course, each with its modules.")


class Training(SourceModel):
    """The course and its modules, in the order the course runs them, its own forms (`training/forms/`: the
    knowledge test, the attendance sheet, the evaluation) by code, and its worked cases by id."""

    course: Course
    modules: tuple[Module, ...]
    forms: tuple[Form, ...] = ()
    cases: tuple[WorkedCase, ...] = ()
