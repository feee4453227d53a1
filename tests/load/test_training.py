"""Loading the trainer's kit: a course of modules whose minutes add up and whose names exist, located errors
otherwise, and none at all for a project without a kit."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Location
from generator.load.project import load_project
from generator.messages import problem, quoted_list
from tests.conftest import WriteSource
from tests.load.test_project import problems
from tests.load.test_sop import edit

COURSE = """
    code: TEST-TRN-01
    version: "0.1"
    version_date: 2026-12-07
    status: {en: draft, ru: draft, uz: draft}
    title: {en: A course, ru: Курс, uz: Kurs}
    purpose:
      en: To teach {step:assessment}.
      ru: Научить {step:assessment}.
      uz: "{step:assessment}ni oʻrgatish."
    participants: {en: Workers., ru: Работники., uz: Xodimlar.}
    days:
      - modules: [basics]
"""
MODULE = """
    id: basics
    title: {en: Basics, ru: Основы, uz: Asoslar}
    duration: 60
    audience: [worker]
    steps: [assessment]
    objectives:
      - en: Use {form:every-type|code}.
        ru: Применять {form:every-type|code}.
        uz: "{form:every-type|code}ni qoʻllash."
    materials:
      - {en: Blank forms., ru: Пустые бланки., uz: Boʻsh blankalar.}
    activities:
      - id: talk
        minutes: 20
        method: presentation
        title: {en: Talk, ru: Рассказ, uz: Hikoya}
        instructions: {en: Present the form., ru: Представьте форму., uz: Shaklni tanishtiring.}
      - id: practice
        minutes: 40
        method: practice
        title: {en: Practice, ru: Практика, uz: Amaliyot}
        instructions: {en: Fill in the form., ru: Заполните форму., uz: Shaklni toʻldiring.}
    key_messages:
      - {en: "Assess {timeframe:assessment|within}.", ru: "Оцените {timeframe:assessment|within}.",
         uz: "{timeframe:assessment|within} baholang."}
    exercises:
      - id: fill
        title: {en: Fill it in, ru: Заполните, uz: Toʻldiring}
        task: {en: Fill in the form., ru: Заполните форму., uz: Shaklni toʻldiring.}
        debrief: {en: Every answer counts., ru: Важен каждый ответ., uz: Har bir javob muhim.}
        forms: [every-type]
"""


@pytest.fixture
def kit(root: Path, write_source: WriteSource) -> Path:
    write_source("training/course.yaml", COURSE)
    write_source("training/modules/basics.yaml", MODULE)
    return root


def test_a_project_without_a_kit_has_no_training(root: Path) -> None:
    assert load_project(root).training is None


def test_the_kit_loads_with_its_modules_in_the_order_the_course_runs_them(kit: Path, write_source: WriteSource) -> None:
    write_source("training/modules/another.yaml", MODULE.replace("id: basics", "id: another"))
    edit(kit, "training/course.yaml", "[basics]", "[basics]\n  - modules: [another]")
    training = load_project(kit).training
    assert training is not None
    assert training.course.code == "TEST-TRN-01"
    assert [module.id for module in training.modules] == ["basics", "another"]
    assert training.modules[0].activities[1].title.get("uz") == "Amaliyot"


def test_a_module_whose_activities_do_not_add_up_is_named_at_its_duration(kit: Path) -> None:
    edit(kit, "training/modules/basics.yaml", "minutes: 40", "minutes: 45")
    where = Location("training/modules/basics.yaml", 3, 1, ("duration",))
    assert problems(kit) == [str(problem("duration-mismatch", where, duration=60, planned=65))]


def test_a_day_longer_than_a_training_day_is_named(kit: Path, write_source: WriteSource) -> None:
    long = MODULE.replace("id: basics", "id: long").replace("duration: 60", "duration: 400")
    long = long.replace("minutes: 20\n", "minutes: 200\n").replace("minutes: 40\n", "minutes: 200\n")
    write_source("training/modules/long.yaml", long)
    edit(kit, "training/course.yaml", "[basics]", "[basics, long]")
    where = Location("training/course.yaml", 12, 5, ("days", 0, "modules"))
    assert problems(kit) == [str(problem("day-too-long", where, day=1, minutes=460, limit=420))]


def test_an_exercise_naming_a_missing_form_and_an_unknown_role_and_step_are_named(kit: Path) -> None:
    edit(kit, "training/modules/basics.yaml", "forms: [every-type]", "forms: [every-typo]")
    edit(kit, "training/modules/basics.yaml", "audience: [worker]", "audience: [workers]")
    edit(kit, "training/modules/basics.yaml", "steps: [assessment]", "steps: [asessment]")
    module = "training/modules/basics.yaml"
    assert problems(kit) == [
        str(problem("unknown-role", Location(module, 4, 12, ("audience", 0)), found="workers",
                    allowed=quoted_list(["worker", "supervisor", "nasp"]))),
        str(problem("unknown-step", Location(module, 5, 9, ("steps", 0)), found="asessment",
                    allowed=quoted_list(["assessment", "review"]))),
        str(problem("unknown-form", Location(module, 31, 13, ("exercises", 0, "forms", 0)), found="every-typo",
                    allowed=quoted_list(["every-type"]))),
    ]  # fmt: skip


def test_a_reference_to_a_missing_question_in_a_module_is_a_located_error(kit: Path) -> None:
    edit(
        kit,
        "training/modules/basics.yaml",
        "task: {en: Fill in the form.",
        "task: {en: 'Answer {question:every-type/nope}.'",
    )
    [found] = problems(kit, ignore=("unused-form", "reference-mismatch"))
    assert found.startswith("training/modules/basics.yaml:29:12: exercises[0].task.en: {question:every-type/nope}:")
    assert found.endswith("[bad-reference]")


def test_a_module_on_no_day_and_a_day_naming_no_module_are_named(kit: Path, write_source: WriteSource) -> None:
    write_source("training/modules/spare.yaml", MODULE.replace("id: basics", "id: spare"))
    edit(kit, "training/course.yaml", "[basics]", "[basics, basic]")
    assert problems(kit) == [
        str(problem("unknown-module", Location("training/course.yaml", 12, 23, ("days", 0, "modules", 1)),
                    found="basic", allowed="basics, spare")),
        str(problem("module-not-run", Location("training/modules/spare.yaml", 1, 1, ("id",)), found="spare")),
    ]  # fmt: skip


def test_modules_without_a_course_name_the_missing_file(kit: Path) -> None:
    (kit / "training" / "course.yaml").unlink()
    expected = "it should hold code:, version:, title:, days: and so on"
    assert problems(kit) == [str(problem("missing-file", Location("training/course.yaml"), expected=expected))]
