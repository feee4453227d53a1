"""The trainer's kit's own forms and worked cases as loaded: a knowledge test keyed in its source, each case's
answers checked against its forms, and a located error for each thing that would make a wrong key or a wrong
handout."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Location, SourceErrors
from generator.load.project import load_project
from generator.messages import problem, quoted_list
from tests.conftest import WriteSource
from tests.load.test_project import problems
from tests.load.test_sop import edit
from tests.load.test_training import COURSE, MODULE

QUIZ = """
    id: quiz
    code: T-90
    version: "0.1"
    version_date: 2026-12-07
    status: {en: draft, ru: draft, uz: draft}
    title: {en: Knowledge test, ru: Тест знаний, uz: Bilim testi}
    purpose: {en: Measures learning., ru: Измеряет знания., uz: Bilimni oʻlchaydi.}
    filled_by: {en: Each participant., ru: Каждый участник., uz: Har bir ishtirokchi.}
    timing: {en: Before and after., ru: До и после., uz: Oldin va keyin.}
    record: course
    sections:
      - id: who
        title: {en: Participant, ru: Участник, uz: Ishtirokchi}
        questions:
          - id: participant
            type: number
            required: true
            label: {en: Your number, ru: Ваш номер, uz: Raqamingiz}
          - id: moment
            type: single
            required: true
            label: {en: When, ru: Когда, uz: Qachon}
            choices:
              - {id: pre, label: {en: Before the course, ru: До курса, uz: Kursdan oldin}}
              - {id: post, label: {en: After the course, ru: После курса, uz: Kursdan keyin}}
      - id: test
        title: {en: Questions, ru: Вопросы, uz: Savollar}
        scored: true
        questions:
          - id: deadline
            type: single
            label: {en: When is the assessment done?, ru: Когда проводится оценка?, uz: Baholash qachon oʻtkaziladi?}
            answer: b
            choices:
              - {id: a, label: {en: Any time, ru: В любое время, uz: Istalgan vaqtda}}
              - {id: b, label: {en: "{timeframe:assessment|within}", ru: "{timeframe:assessment|within}",
                                uz: "{timeframe:assessment|within}"}}
          - id: alone
            type: single
            label: {en: Is the child seen alone?, ru: Видят ли ребенка наедине?, uz: Bola yolgʻiz koʻriladimi?}
            answer: a
            choices:
              - {id: a, label: {en: "Yes", ru: Да, uz: Ha}}
              - {id: b, label: {en: "No", ru: Нет, uz: Yoʻq}}
"""
CASE = """
    id: amina
    title: {en: Amina goes home, ru: Амина едет домой, uz: Amina uyga qaytadi}
    summary:
      en: Amina is nine.
      ru: Амине девять лет.
      uz: Amina toʻqqiz yoshda.
    forms: [every-type]
"""
ANSWERS = """
    full_name: {en: Amina Valieva, ru: Амина Валиева, uz: Amina Valiyeva}
"""


def write_kit(write_source: WriteSource) -> None:
    """A course of one module, with a knowledge test and a worked case."""
    files = {
        "training/course.yaml": COURSE,
        "training/modules/basics.yaml": MODULE,
        "training/forms/quiz.yaml": QUIZ,
        "training/cases/amina/case.yaml": CASE,
        "training/cases/amina/every-type.yaml": ANSWERS,
    }
    for name, text in files.items():
        write_source(name, text)


@pytest.fixture
def kit(root: Path, write_source: WriteSource) -> Path:
    write_kit(write_source)
    return root


def test_the_kit_holds_its_forms_and_cases_in_every_language(kit: Path) -> None:
    project = load_project(kit)
    assert project.training is not None
    assert [form.code for form in project.training.forms] == ["T-90"]
    assert [case.case.id for case in project.training.cases] == ["amina"]
    course = project.localize("uz-Cyrl").training
    assert course is not None
    assert course.forms[0].key() == {"deadline": "b", "alone": "a"}
    assert course.cases[0].title == "Амина уйга қайтади"
    assert dict(course.cases[0].forms[0].answers) == {"full_name": "Амина Валиева"}
    assert project.localize("ru").training.forms[0].scored_questions()[0].choices[1].label == "В течение 30 дней"


def test_the_kit_s_forms_are_cited_like_any_form(kit: Path) -> None:
    old = "{en: Blank forms., ru: Пустые бланки., uz: Boʻsh blankalar.}"
    new = '{en: "Blank forms and {form:quiz|code}.", ru: "Бланки и {form:quiz|code}.", uz: "Va {form:quiz|code}."}'
    edit(kit, "training/modules/basics.yaml", old, new)
    module = load_project(kit).localize("en").training.modules[0]
    assert module.materials[0] == "Blank forms and T-90."


@pytest.mark.parametrize(
    ("old", "new", "code", "path", "values"),
    [
        ("        answer: b\n", "", "test-question-without-key", (1, 0, "id"), {"found": "deadline"}),
        (
            "        answer: b\n",
            "        answer: c\n",
            "unknown-answer",
            (1, 0, "answer"),
            {"found": "c", "allowed": quoted_list(["a", "b"])},
        ),
        (
            "    scored: true\n    questions:\n",
            "    scored: true\n    questions:\n      - id: essay\n        type: text\n"
            "        label: {en: Why?, ru: Почему?, uz: Nega?}\n",
            "test-question-not-single",
            (1, 0, "type"),
            {"found": "essay"},
        ),
    ],
)
def test_a_wrong_key_is_a_located_error(
    kit: Path, old: str, new: str, code: str, path: tuple[object, ...], values: dict[str, str]
) -> None:
    edit(kit, "training/forms/quiz.yaml", old, new)
    section, question, key = path
    where = load_project_problem_location(kit, code)
    assert where.file == "training/forms/quiz.yaml"
    assert where.path == ("sections", section, "questions", question, key)
    assert str(problem(code, where, **values)) in problems(kit)


def load_project_problem_location(kit: Path, code: str) -> Location:
    with pytest.raises(SourceErrors) as raised:
        load_project(kit)
    return next(found.location for found in raised.value.problems if found.code == code)


def test_an_answer_outside_a_test_and_a_test_without_a_moment_are_located_errors(kit: Path) -> None:
    edit(kit, "training/forms/quiz.yaml", "    scored: true\n", "")
    edit(kit, "training/forms/quiz.yaml", "id: moment", "id: when")
    found = problems(kit)
    assert sum("'answer' keys a knowledge test's question" in line for line in found) == 2
    edit(kit, "training/forms/quiz.yaml", "title: {en: Questions", "scored: true\n    title: {en: Questions")
    assert any("[test-without-participant]" in line for line in problems(kit))


def test_a_case_answer_that_is_no_answer_of_its_field_is_a_located_error(kit: Path, write_source: WriteSource) -> None:
    write_source("training/cases/amina/every-type.yaml", ANSWERS + "    nickname: Ami\n    setting: boarding\n")
    found = problems(kit)
    file = "training/cases/amina/every-type.yaml"
    assert any(line.startswith(f"{file}:2:1: nickname: 'nickname' is not a field of T-01") for line in found)
    assert any(line.startswith(f"{file}:3:1: setting: 'boarding' is not an answer of this question") for line in found)


def test_a_case_must_answer_the_forms_it_lists_and_no_other(kit: Path, write_source: WriteSource) -> None:
    edit(kit, "training/cases/amina/case.yaml", "forms: [every-type]", "forms: [every-type, quiz]")
    write_source("training/cases/amina/nothing.yaml", "full_name: x\n")
    found = problems(kit)
    where = Location("training/cases/amina/case.yaml", 7, 21, ("forms", 1))
    assert str(problem("case-form-unanswered", where, found="quiz")) in found
    unlisted = "training/cases/amina/nothing.yaml:1:1: "
    assert any(line.startswith(unlisted) and "[case-answers-unlisted]" in line for line in found)


def test_a_mistake_must_be_an_answer_the_case_gives(kit: Path) -> None:
    edit(
        kit,
        "training/cases/amina/case.yaml",
        "forms: [every-type]",
        """forms: [every-type]
mistakes:
  - form: every-type
    field: birth_date
    explanation: {en: Always ask., ru: Всегда спрашивайте., uz: Doim soʻrang.}""",
    )
    assert any("'birth_date' is not answered in every-type.yaml of this case" in line for line in problems(kit))


def test_a_case_folder_without_its_description_is_a_located_error(kit: Path) -> None:
    (kit / "training/cases/amina/case.yaml").unlink()
    assert any(line.startswith("training/cases/amina/case.yaml: the file is missing") for line in problems(kit))


def test_a_case_named_unlike_its_folder_is_a_located_error(kit: Path) -> None:
    edit(kit, "training/cases/amina/case.yaml", "id: amina", "id: aminah")
    where = Location("training/cases/amina/case.yaml", 1, 1, ("id",))
    assert str(problem("id-mismatch", where, found="aminah", expected="training/cases/aminah/")) in problems(kit)
