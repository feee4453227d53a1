"""The trainer's kit as Word documents, as python-docx reads them: the facilitator's guide with every session plan
and the answers, the participant's handbook without them, both following what the SOP says."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.document import Document

from generator.load.project import load_project
from tests.conftest import WriteSource
from tests.load.test_sop import edit
from tests.load.test_training import COURSE, MODULE
from tests.render.rendering import rendered

GUIDE = "training/{}/TEST-TRN-01-v0.1-facilitator.docx"
HANDBOOK = "training/{}/TEST-TRN-01-v0.1-participant.docx"


@pytest.fixture
def kit(root: Path, write_source: WriteSource) -> Path:
    write_source("training/course.yaml", COURSE)
    write_source("training/modules/basics.yaml", MODULE)
    return root


def documents(root: Path, language: str) -> tuple[Document, Document]:
    made = rendered("training", load_project(root).localize(language))
    decks = [f"training/{language}/TEST-TRN-01-v0.1-slides-01-basics.pptx"]
    assert sorted(made) == sorted([GUIDE.format(language), HANDBOOK.format(language), *decks])
    guide, handbook = (docx.Document(io.BytesIO(made[path.format(language)].content)) for path in (GUIDE, HANDBOOK))
    return guide, handbook


def words(document: Document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_guide_has_each_timed_session_plan_and_the_answers_and_the_handbook_neither(kit: Path) -> None:
    guide, handbook = documents(kit, "en")
    plan = next(table for table in guide.tables if table.rows[0].cells[0].text == "Time")
    rows = [[cell.text.split("\n")[0] for cell in row.cells] for row in plan.rows[1:]]
    assert rows == [["0:00–0:20", "Presentation", "Talk"], ["0:20–1:00", "Practice", "Practice"]]
    assert "For the facilitator: Every answer counts." in words(guide)
    assert "Blank forms." in words(guide)
    for text in ("Every answer counts.", "Session plan", "Blank forms.", "Present the form."):
        assert text not in words(handbook), text
    for document, title in ((guide, "Facilitator's guide"), (handbook, "Participant's handbook")):
        text = words(document)
        assert "Module 1. Basics" in text and "Fill in the form." in text and "Forms used: T-01" in text
        assert document.sections[0].header.paragraphs[0].text.startswith(f"TEST-TRN-01 · {title}\tVersion 0.1")
        assert "DRAFT" in document.sections[0].header.paragraphs[0].text
        assert document.core_properties.title == f"TEST-TRN-01 {title}"


def test_the_kit_follows_a_timeframe_changed_in_the_sop(kit: Path) -> None:
    _, handbook = documents(kit, "ru")
    assert "Оцените в течение 30 дней." in words(handbook)
    edit(kit, "sop/timeframes.yaml", "value: 30", "value: 21")
    _, handbook = documents(kit, "ru")
    assert "Оцените в течение 21 дня." in words(handbook)


def test_the_uzbek_cyrillic_kit_is_the_uzbek_one_transliterated(kit: Path) -> None:
    guide, handbook = documents(kit, "uz-Cyrl")
    assert "1-модул. Асослар" in words(guide)
    assert "Тренер учун қўлланма" in guide.sections[0].header.paragraphs[0].text
    assert "30 кун ичида баҳоланг." in words(handbook)
