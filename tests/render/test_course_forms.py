"""The trainer's kit's forms as the build makes them: the course's forms printable and fillable, a test's answer
key holding the right answers, each worked case's forms holding its answers (read back by `oila collect`'s own
reader), and the guides telling each case's story, with the mistakes for the facilitator alone."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from generator.collect.docx_reader import read_filled
from generator.collect.matching import match_controls, read_answers
from generator.load.project import load_project
from generator.model.labels import LabelId
from generator.model.slots import form_slots
from generator.render import planner
from generator.render.diagrams import sop_diagrams
from tests.conftest import WriteSource
from tests.load.test_sop import edit
from tests.load.test_training_forms import write_kit
from tests.render.rendering import rendered
from tests.render.test_training import GUIDE, HANDBOOK, words

MISTAKE = """
mistakes:
  - form: every-type
    field: full_name
    explanation: {en: "Ask {timeframe:assessment|within}.", ru: "Спросите {timeframe:assessment|within}.",
                  uz: "{timeframe:assessment|within} soʻrang."}
"""


@pytest.fixture
def kit(root: Path, write_source: WriteSource) -> Path:
    write_kit(write_source)
    return root


def answers_in(kit: Path, content: bytes, form_id: str, language: str, tmp_path: Path) -> dict[str, str]:
    """The answers a file holds, as `oila collect` reads them."""
    path = tmp_path / f"{form_id}-{language}.docx"
    path.write_bytes(content)
    view = load_project(kit).localize(language)
    form = next(form for form in (*view.forms, *view.training.forms) if form.id == form_id)
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    answers = read_answers(match_controls(read_filled(path), slots), slots, frozenset())
    return {name: value for name, value in answers.fields.items() if value}


@pytest.mark.parametrize("language", ["ru", "uz-Cyrl"])
def test_the_kit_makes_the_course_s_forms_a_key_and_the_case_s_filled_forms(
    kit: Path, language: str, tmp_path: Path
) -> None:
    made = rendered("training", load_project(kit).localize(language))
    kit_forms = {path: item for path, item in made.items() if "/T-90-" in path or "/cases/" in path}
    assert sorted(kit_forms) == [
        f"training/{language}/T-90-quiz.docx",
        f"training/{language}/T-90-quiz.fillable.docx",
        f"training/{language}/T-90-quiz.key.docx",
        f"training/{language}/cases/amina/T-01-every-type.docx",
    ]
    key = answers_in(kit, made[f"training/{language}/T-90-quiz.key.docx"].content, "quiz", language, tmp_path)
    assert key == {"deadline": "b", "alone": "a"}
    blank = answers_in(kit, made[f"training/{language}/T-90-quiz.fillable.docx"].content, "quiz", language, tmp_path)
    assert blank == {}
    case = made[f"training/{language}/cases/amina/T-01-every-type.docx"].content
    expected = {"ru": "Амина Валиева", "uz-Cyrl": "Амина Валиева"}[language]
    assert answers_in(kit, case, "every-type", language, tmp_path) == {"full_name": expected}


def test_a_pdf_is_made_of_the_printed_form_and_the_key_not_of_what_is_filled_on_a_computer(kit: Path) -> None:
    view = load_project(kit).localize("en")
    planned = planner("training")(view, sop_diagrams(view.sop, view.labels))
    printed = {file.path for file in planned if file.printed and ("/T-90-" in file.path or "/cases/" in file.path)}
    assert printed == {"training/en/T-90-quiz.docx", "training/en/T-90-quiz.key.docx"}


def test_the_guide_tells_the_case_and_its_mistakes_and_keys_the_test_the_handbook_only_tells_the_case(
    kit: Path,
) -> None:
    edit(kit, "training/cases/amina/case.yaml", "forms: [every-type]\n", "forms: [every-type]\n" + MISTAKE)
    made = rendered("training", load_project(kit).localize("en"))
    guide, handbook = (docx.Document(io.BytesIO(made[path.format("en")].content)) for path in (GUIDE, HANDBOOK))
    for document in (guide, handbook):
        assert "Amina goes home" in words(document) and "Amina is nine." in words(document)
    mistakes = next(table for table in guide.tables if table.rows[0].cells[-2].text == "Answer given")
    assert [cell.text for cell in mistakes.rows[1].cells] == [
        "T-01",
        "1.1 Full name",
        "Amina Valieva",
        "Ask within 30 days.",
    ]
    key = next(table for table in guide.tables if table.rows[0].cells[-1].text == "Right answer")
    assert [cell.text for cell in key.rows[1].cells] == ["2.1", "When is the assessment done?", "b) Within 30 days"]
    assert "Answer given" not in words(handbook) and "Right answer" not in words(handbook)


def test_the_test_s_key_follows_a_timeframe_changed_in_the_sop(kit: Path) -> None:
    """The right answer of a timeframe question is the timeframe itself, cited: edited once in the SOP, the key
    printed for the facilitator and the guide's table of answers say the new one."""

    def key_texts() -> tuple[str, str]:
        made = rendered("training", load_project(kit).localize("ru"))
        key = docx.Document(io.BytesIO(made["training/ru/T-90-quiz.key.docx"].content))
        guide = docx.Document(io.BytesIO(made[GUIDE.format("ru")].content))
        table = next(table for table in guide.tables if table.rows[0].cells[-1].text == "Правильный ответ")
        return key.element.xml, table.rows[1].cells[-1].text

    key, guide = key_texts()
    assert "В течение 30 дней" in key and guide == "b) В течение 30 дней"
    edit(kit, "sop/timeframes.yaml", "value: 30", "value: 21")
    key, guide = key_texts()
    assert "В течение 21 дня" in key and "30 дней" not in key and guide == "b) В течение 21 дня"
