"""The SOP document as python-docx reads it: title page, history, contents, numbered sections, tables."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from generator.load.project import load_project
from generator.model.form import Status
from generator.model.project import Project
from generator.model.sop import Approval
from generator.model.text import LocalizedText
from generator.render.diagrams import natural_size_mm, printed_scale, sop_diagrams
from generator.render.flowchart import flowchart_dot, pathways_dot
from generator.render.review_notes import Edition, ReviewNotes
from generator.render.sop import review_path
from generator.render.sop_markdown import GeneratedParts
from tests.render.rendering import rendered

PATH = "sop/{}/TEST-SOP-01-v2.0.docx"


def render(project: Project, language: str) -> bytes:
    return rendered("sop", project.localize(language))[PATH.format(language)].content


def open_sop(project: Project, language: str) -> Document:
    return docx.Document(io.BytesIO(render(project, language)))


def texts(document: Document) -> str:
    return "\n".join(node.text or "" for node in document.element.body.iter(qn("w:t")))


def header_text(document: Document) -> str:
    return "".join(node.text or "" for node in document.sections[0].header._element.iter(qn("w:t")))


def approved(project: Project, language: str) -> Project:
    metadata = project.sop.metadata
    approval = Approval(
        by=LocalizedText(dict.fromkeys(("en", "ru", "uz"), "NASP")), order="15-P", date=dt.date(2026, 12, 1)
    )
    status = {**metadata.status, language: Status.APPROVED}
    sop = metadata.model_copy(update={"status": status, "approvals": {language: approval}})
    return Project(**{**vars(project), "sop": type(project.sop)(**{**vars(project.sop), "metadata": sop})})


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_sections_are_numbered_headings_in_the_sources_order(every_type_project: Project, language: str) -> None:
    document = open_sop(every_type_project, language)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    titles = [section.texts[language].title for section in every_type_project.sop.sections]
    assert [heading.split(maxsplit=1) for heading in headings] == [[str(n), t] for n, t in enumerate(titles, 1)]
    assert document.sections[0].page_width is not None and round(document.sections[0].page_width.mm) == 210


def test_the_title_page_says_what_version_it_is(every_type_project: Project) -> None:
    text = texts(open_sop(every_type_project, "ru"))
    for expected in ("Тестовая процедура", "TEST-SOP-01", "Дата версии", "04.03.2026", "Дата вступления в силу"):
        assert expected in text
    assert "Рассмотрен, ожидает утверждения" in text
    assert "Еще не утвержден. Утверждает: Набор тестов." in text
    assert "УТВЕРЖДАЮ\nРуководитель тестирования" in text
    assert "(подпись) / (инициалы, фамилия)" in text and "«____» ______________ 20____ г." in text
    assert "История версий" in text and "Шаги перенумерованы." in text


def test_a_toc_field_and_a_draft_marking_on_every_page(every_type_project: Project) -> None:
    document = open_sop(every_type_project, "uz")
    instructions = [node.text for node in document.element.body.iter(qn("w:instrText"))]
    assert any(text.strip().startswith("TOC") for text in instructions)
    assert "Mundarija" in texts(document)
    assert "LOYIHA" in header_text(document)
    assert "TEST-SOP-01" in header_text(document)
    assert document.core_properties.identifier == "TEST-SOP-01@2.0"
    assert document.core_properties.language == "uz-Latn-UZ"


def test_an_approved_language_names_its_order_and_drops_the_draft(every_type_project: Project) -> None:
    project = approved(every_type_project, "en")
    document = open_sop(project, "en")
    assert "DRAFT" not in header_text(document)
    assert "APPROVED\nApproved by NASP, order 15-P of 01.12.2026" in texts(document)
    assert "LOYIHA" in header_text(open_sop(project, "uz"))


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_one_body_size_for_prose_and_lists_and_bullets_that_read_as_text(
    every_type_project: Project, language: str
) -> None:
    document = open_sop(every_type_project, language)
    listed = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert listed, "the every-type SOP has lists in its prose"
    body = document.styles["Body Text"].font.size
    assert body is not None and body.pt == 10.5
    assert {p.style.font.size for p in listed if p.style is not None} == {body}
    numbering = document.part.numbering_part.element
    symbols = {node.get(qn("w:val")) for node in numbering.iter(qn("w:lvlText"))}
    assert not [symbol for symbol in symbols if any(0xE000 <= ord(c) <= 0xF8FF for c in symbol)]
    fonts = {node.get(qn("w:ascii")) for node in document.part.numbering_part.element.iter(qn("w:rFonts"))}
    assert fonts == {"Arial"}
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert {p.style.name for p in cells if p.style is not None} == {"Oila Table Text"}


def test_the_generated_tables_hold_exactly_the_sources(every_type_project: Project) -> None:
    document = open_sop(every_type_project, "en")
    first_cells = {
        table.rows[0].cells[0].text: [row.cells[0].text for row in table.rows[1:]] for table in document.tables
    }
    assert first_cells["Step"] == [
        "1. Assessment\nAssess the child.\nResult: A completed assessment",
        "2. Review\nReview the plan.\nResult: A reviewed plan\nIf The placement breaks down: go to step 1",
    ]
    assert first_cells["Situation"] == ["Disclosure of violence"]
    assert first_cells["Role"] == ["Social worker", "Supervisor", "The agency"]
    assert first_cells["Code"] == ["T-01"]
    definitions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Definition Term"]
    assert definitions == ["reintegration", "gatekeeping"]


def test_no_table_row_breaks_across_pages_and_headings_repeat(every_type_project: Project) -> None:
    document = open_sop(every_type_project, "ru")
    rows = [row for table in document.tables for row in table.rows]
    assert len(rows) > 10
    assert all(row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)
    headed = [
        table for table in document.tables if table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    ]
    assert len(headed) >= len(document.tables) - 1  # all but the title page's facts, which have no heading


def test_both_diagrams_are_embedded_as_svg_with_a_png_fallback_and_words(every_type_project: Project) -> None:
    content = render(every_type_project, "ru")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        images = sorted(name for name in archive.namelist() if name.startswith("word/media/"))
    assert sorted(name.rsplit(".", 1)[1] for name in images) == ["png", "png", "svg", "svg"]
    document = docx.Document(io.BytesIO(content))
    blips = list(document.element.body.iter(qn("a:blip")))
    svg = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
    assert len(blips) == 2 and all(len(list(blip.iter(svg))) == 1 for blip in blips)
    descriptions = [node.get("descr") for node in document.element.body.iter(qn("wp:docPr"))]
    assert descriptions[0].startswith("1. Оценка; 2. Пересмотр.")
    assert descriptions[1] == "Сообщение о насилии: Работник (Немедленно) → Супервизор (В тот же день)."
    text = texts(document)
    assert "Шаги ведения случая: сплошные стрелки" in text
    assert "Маршруты перенаправления: для каждой ситуации" in text


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_diagram_labels_print_at_eight_points_or_more(real_project: Project, language: str) -> None:
    view = real_project.localize(language)
    for diagram in itertools.chain.from_iterable(sop_diagrams(view.sop, view.labels).values()):
        width, height = natural_size_mm(diagram.svg)
        sizes = [float(size) for size in re.findall(rb'font-size="([\d.]+)"', diagram.svg)]
        assert min(sizes) * printed_scale(width, height) >= 8, (diagram.stem, width, height, min(sizes))
        assert diagram.printed_width_mm <= 170 and height * printed_scale(width, height) <= 215


def test_every_way_out_ends_beside_its_step_so_no_arrow_crosses_another(real_project: Project) -> None:
    view = real_project.localize("en")
    dot = flowchart_dot(view.sop, view.labels)
    dashed = re.findall(r"^  (\w+) -> (\w+) \[style=dashed", dot, re.MULTILINE)
    assert len(dashed) == sum(len(step.transitions) for step in view.sop.steps) >= 5
    for tail, head in dashed:
        assert f"{{ rank=same; {tail}; {head}; }}" in dot or f"{{ rank=same; {head}; {tail}; }}" in dot


def test_the_diagrams_carry_the_languages_words(every_type_project: Project) -> None:
    sop = every_type_project.localize("uz").sop
    steps = flowchart_dot(sop, every_type_project.localize("uz").labels)
    assert '"1. Baholash\\nT-01"' in steps
    assert "Joylashtirish barbod<BR/>boʻldi" in steps
    pathways = pathways_dot(sop.pathways)
    assert "<B>Zoʻravonlik haqida xabar</B>" in pathways
    assert "1. Xodim<BR/>Darhol" in pathways


def test_two_renderings_are_identical(every_type_project: Project) -> None:
    assert render(every_type_project, "uz") == render(every_type_project, "uz")


@pytest.mark.parametrize("language", ["ru", "uz"])
def test_no_label_pandoc_would_print_in_english(every_type_project: Project, language: str) -> None:
    assert re.findall(r"\b(?:Figure|Table|Contents)\b", texts(open_sop(every_type_project, language))) == []


def comments_and_body(content: bytes) -> tuple[list[str], str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        comments = archive.read("word/comments.xml").decode("utf-8") if "word/comments.xml" in names else ""
        body = archive.read("word/document.xml").decode("utf-8")
    texts = re.findall(r"<w:comment [^>]*>(.*?)</w:comment>", comments, re.DOTALL)
    return [re.sub(r"<[^>]+>", "", text) for text in texts], body


def test_the_clean_edition_carries_no_reviewer_note(every_type_project: Project) -> None:
    comments, body = comments_and_body(render(every_type_project, "ru"))
    assert comments == []
    assert "Подлежит подтверждению" not in body and "председательствует" not in body
    assert "Номер постановления" not in body and "w:commentRangeStart" not in body


def test_the_review_edition_makes_every_note_a_comment_where_it_applies_and_lists_them(
    every_type_project: Project,
) -> None:
    view = every_type_project.localize("ru")
    content = rendered("review", view)[review_path("ru", view.sop)].content
    comments, body = comments_and_body(content)
    assert comments == [
        "Номер постановления.",
        "кто председательствует на пересмотре.",
        "Кто проводит оценку.",
        "Узбекский термин.",
        "Кто проводит супервизию.",
        "Срок 30 дней.",
    ]
    assert body.count("<w:commentRangeStart ") == body.count("<w:commentRangeEnd ") == 6
    document = docx.Document(io.BytesIO(content))
    anchored = re.search(r'<w:commentRangeStart w:id="1"/>(.*?)<w:commentRangeEnd w:id="1"/>', body, re.DOTALL)
    assert anchored is not None and re.sub(r"<[^>]+>", "", anchored[1]) == "Шаги"  # the section's heading
    annex = document.tables[-1]
    assert [cell.text for cell in annex.rows[0].cells] == ["№", "К чему относится", "Подлежит подтверждению АГТ"]
    assert [row.cells[1].text for row in annex.rows[1:]] == [
        "Постановление № 1",
        "2. Шаги",
        "1. Оценка",
        "гейткипинг",
        "Супервизор",
        "Оценка",
    ]
    assert "вопросы, подлежащие подтверждению АГТ (всего: 6)" in texts(document)


def test_the_bodys_short_tables_and_the_referral_directory_come_from_the_structure(real_project: Project) -> None:
    view = real_project.localize("ru")
    parts = GeneratedParts(view.sop, view.labels, ReviewNotes(Edition.CLEAN, "", view.sop.version_date))
    steps = parts.steps_summary()
    for step in view.sop.steps:
        assert step.title.split()[0] in steps and step.lead.split()[0] in steps
    assert "Получено:" not in steps and "переход к шагу" not in steps  # the detail stays in the annex
    directory = parts.referral_directory()
    rows = [line for line in directory.splitlines() if line.startswith("| **")]
    assert len(rows) == len(view.sop.directory) >= 10
    assert "**Инспектор по" in directory and "Кто оказывает" in directory
    assert re.search(r"\| \*\*Инспектор[^|]*\|\s+\|\s+\|\s+\|\s+\|", directory)  # provider to hours left to fill in


def test_characters_pandoc_would_take_for_markup_print_as_written(root: Path) -> None:
    """In the prose, `$`, `~`, `^`, `@` and `<` are characters, never math, a subscript, a superscript, a citation or
    raw markup that the Word document would drop."""
    sentence = "A sum $n$ of cases, H~2~O, 2^10^ children, <b>bold</b> and @smith, written as they are."
    purpose = root / "sop" / "en" / "01-purpose.md"
    text = purpose.read_text(encoding="utf-8").replace("Why the procedure exists.", sentence)
    purpose.write_text(text, encoding="utf-8")
    document = docx.Document(io.BytesIO(render(load_project(root), "en")))
    assert sentence in [paragraph.text for paragraph in document.paragraphs]
