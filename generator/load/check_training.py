"""Checks of the trainer's kit: each module's activities add up to its duration, a day holds no more than a training
day, every role, step and form a module names exists, and the course runs every module once."""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.load.check_forms import duplicate_ids
from generator.load.check_sop import known, numbered
from generator.load.source import SourceDocument
from generator.messages import problem
from generator.model.sop import SopStructure
from generator.model.training import MINUTES_A_DAY, Course, Module

ModuleSource = tuple[Module, SourceDocument]


def check_modules(
    modules: list[ModuleSource], structure: SopStructure | None, form_ids: list[str], case_ids: list[str]
) -> Iterator[Problem]:
    """Each module on its own, and what it names in the SOP (`structure`, when it could be read), the forms and
    the worked cases."""
    for module, document in modules:
        planned = sum(activity.minutes for activity in module.activities)
        if planned != module.duration:
            yield problem(
                "duration-mismatch", document.locate(("duration",)), duration=module.duration, planned=planned
            )
        for key in ("activities", "exercises"):
            items = getattr(module, key)
            yield from duplicate_ids(((document.locate((key, i, "id")), item.id) for i, item in enumerate(items)), "id")
        if structure is not None:
            roles = [role.id for role in structure.roles]
            steps = [step.id for step in structure.steps]
            yield from known(numbered(("audience",), module.audience), roles, "unknown-role", document)
            yield from known(numbered(("steps",), module.steps), steps, "unknown-step", document)
        for index, exercise in enumerate(module.exercises):
            used = numbered(("exercises", index, "forms"), exercise.forms)
            yield from known(used, form_ids, "unknown-form", document)
            cases = numbered(("exercises", index, "cases"), exercise.cases)
            yield from known(cases, case_ids, "unknown-case", document)


def check_course(course: Course, document: SourceDocument, modules: list[ModuleSource]) -> Iterator[Problem]:
    """Every day within a training day, every module run once and every module named one that exists."""
    durations = {module.id: module.duration for module, _ in modules}
    run: dict[str, str] = {}
    for day_index, day in enumerate(course.days):
        for index, module_id in enumerate(day.modules):
            where = document.locate(("days", day_index, "modules", index))
            if module_id not in durations:
                yield problem("unknown-module", where, found=module_id, allowed=", ".join(sorted(durations)) or "none")
            elif module_id in run:
                yield problem("duplicate-id", where, what="module", value=module_id, first=run[module_id])
            else:
                run[module_id] = f"{where.file}:{where.line}"
        minutes = sum(durations.get(module_id, 0) for module_id in day.modules)
        if minutes > MINUTES_A_DAY:
            where = document.locate(("days", day_index, "modules"))
            yield problem("day-too-long", where, day=day_index + 1, minutes=minutes, limit=MINUTES_A_DAY)
    for module, module_document in modules:
        if module.id not in run:
            yield problem("module-not-run", module_document.locate(("id",)), found=module.id)
