"""The trainer's slide decks as python-pptx and LibreOffice Impress read them: a deck per module, body text
readable from the back of a room, the steps a module teaches shown in the SOP's order, every text following the
sources."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.presentation import Presentation as PresentationType
from pptx.util import Pt

from generator.load.project import load_project
from generator.pdf import convert_to_pdf, converter_problem, converter_version
from generator.render import planner
from generator.render.slides import HEIGHT
from generator.render_cache import DocumentKeys
from tests.conftest import WriteSource
from tests.load.test_sop import edit
from tests.load.test_training import MODULE
from tests.render.rendering import rendered
from tests.render.test_training import kit  # noqa: F401  (the fixture)

DECK = "training/{}/TEST-TRN-01-v0.1-slides-01-basics.pptx"
FOOTER_TOP = HEIGHT - Pt(45)


def deck(root: Path, language: str) -> tuple[bytes, PresentationType]:
    made = rendered("training", load_project(root).localize(language))
    content = made[DECK.format(language)].content
    return content, Presentation(io.BytesIO(content))


def slide_texts(presentation: PresentationType) -> list[str]:
    """Each slide's words, a box after another (`|`), its lines joined by spaces."""
    return [
        " | ".join(
            shape.text_frame.text.replace("\n", " ")
            for shape in slide.shapes
            if shape.has_text_frame and shape.text_frame.text
        )
        for slide in presentation.slides
    ]


def test_a_deck_holds_one_idea_a_slide_in_text_a_room_can_read(kit: Path) -> None:  # noqa: F811
    _, presentation = deck(kit, "en")
    texts = slide_texts(presentation)
    assert texts[0].startswith("Module 1 Basics 60 min · Day 1 A course | TEST-TRN-01 · Version 0.1 · Module 1")
    assert texts[1].startswith("Objectives | •  Use T-01.")
    assert texts[2].startswith("Steps it teaches | 1. Assessment | 2. Review")
    assert texts[3].startswith("Key messages (1/1) | Assess within 30 days.")
    assert texts[4].startswith("Exercises: Fill it in | Fill in the form. | Forms used: T-01")
    assert all(text.endswith(f"DRAFT · {number}/5") for number, text in enumerate(texts, start=1))
    sizes = [
        run.font.size
        for slide in presentation.slides
        for shape in slide.shapes
        if shape.has_text_frame and shape.top < FOOTER_TOP
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= Pt(24)


def test_the_steps_a_module_teaches_stand_out_among_their_neighbours(kit: Path) -> None:  # noqa: F811
    _, presentation = deck(kit, "ru")
    shapes = presentation.slides[2].shapes
    steps = [shape for shape in shapes if shape.has_text_frame and shape.text_frame.text and shape.top < FOOTER_TOP]
    runs = {shape.text_frame.text: shape.text_frame.paragraphs[0].runs[0].font.bold for shape in steps[1:]}
    assert runs == {"1. Оценка": True, "2. Пересмотр": False}


def test_a_deck_follows_a_timeframe_changed_in_the_sop_and_is_the_same_for_the_same_sources(kit: Path) -> None:  # noqa: F811
    first, _ = deck(kit, "uz")
    assert deck(kit, "uz")[0] == first
    edit(kit, "sop/timeframes.yaml", "value: 30", "value: 21")
    changed, presentation = deck(kit, "uz")
    assert "21 kun ichida baholang." in slide_texts(presentation)[3]
    assert changed != first


@pytest.mark.skipif(converter_problem() is not None, reason="LibreOffice is part of the set-up: run make test")
def test_impress_prints_every_slide_of_a_deck(kit: Path, tmp_path: Path) -> None:  # noqa: F811
    content, presentation = deck(kit, "uz-Cyrl")
    path = DECK.format("uz-Cyrl")
    pdf = convert_to_pdf({path: content}, {path: "20261207"}, converter_version(), lambda said: None)
    made = tmp_path / "deck.pdf"
    made.write_bytes(pdf[path.removesuffix(".pptx") + ".pdf"])
    text = subprocess.run(["pdftotext", "-layout", str(made), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("\f") == len(presentation.slides) == 5
    assert "1-модул" in text and "Асослар" in text and "30 кун ичида баҳоланг." in text


def test_editing_one_module_makes_its_deck_again_and_no_other(kit: Path, write_source: WriteSource) -> None:  # noqa: F811
    write_source("training/modules/another.yaml", MODULE.replace("id: basics", "id: another"))
    edit(kit, "training/course.yaml", "[basics]", "[basics, another]")

    def keys() -> dict[str, str]:
        view = load_project(kit).localize("en")
        document_keys = DocumentKeys()
        return {document.path: document_keys.of(document) for document in planner("training")(view, {})}

    before = keys()
    edit(kit, "training/modules/basics.yaml", "en: Basics", "en: First steps")
    after = keys()
    changed = sorted(path.rsplit("/", 1)[1] for path in before if before[path] != after[path])
    assert changed == [
        "TEST-TRN-01-v0.1-facilitator.docx",
        "TEST-TRN-01-v0.1-participant.docx",
        "TEST-TRN-01-v0.1-slides-01-basics.pptx",
    ]
