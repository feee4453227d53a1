"""Printed forms as python-docx reads them: the right language's words, A4, headers, footers, tags."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from generator.model.form import Status
from generator.model.project import Project
from generator.model.text import LocalizedText
from generator.render import wordml
from tests.render.rendering import rendered

PATH = "forms/{}/T-01-every-type.docx"


def open_form(project: Project, language: str) -> Document:
    files = rendered("forms", project.localize(language))
    return docx.Document(io.BytesIO(files[PATH.format(language)].content))


def xml_text(document: Document, xpath: str) -> list[str]:
    body = document.element.body
    return [str(node) for node in body.xpath(xpath)]


def all_text(document: Document) -> str:
    return "\n".join(node.text or "" for node in document.element.body.iter(qn("w:t")))


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_page_is_a4_portrait_with_a_binding_margin(every_type_project: Project, language: str) -> None:
    section = open_form(every_type_project, language).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 25
    assert section.left_margin > section.right_margin


@pytest.mark.parametrize(
    ("language", "locale", "heading", "yes", "page"),
    [
        ("en", "en-GB", "1. Basic answers", "Yes", "Page "),
        ("ru", "ru-RU", "1. Простые ответы", "Да", "Страница "),
        ("uz", "uz-Latn-UZ", "1. Oddiy javoblar", "Ha", "-sahifa, jami "),
    ],
)
def test_words_and_language_tags_are_the_forms_language(
    every_type_project: Project, language: str, locale: str, heading: str, yes: str, page: str
) -> None:
    document = open_form(every_type_project, language)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[0] == heading
    assert len(headings) == 3
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == locale
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == locale
    assert document.core_properties.language == locale
    assert f" {yes}" in all_text(document)
    footer = document.sections[0].footer._element
    footer_text = "".join(node.text or "" for node in footer.iter(qn("w:t")))
    assert page in footer_text
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_header_names_code_title_version_language_and_draft(every_type_project: Project) -> None:
    header = open_form(every_type_project, "ru").sections[0].header._element
    text = " ".join(node.text or "" for node in header.iter(qn("w:t")))
    assert "T-01 · Все типы вопросов" in text
    assert "Версия 2.1 · 04.03.2026 · Русский" in text
    assert "ПРОЕКТ" in text
    assert "Конфиденциально" in text


def test_an_approved_language_has_no_draft_marking(every_type_project: Project) -> None:
    status = {"en": Status.APPROVED, "ru": Status.DRAFT, "uz": Status.DRAFT}
    approved = every_type_project.forms[0].model_copy(update={"status": status})
    project = Project(**{**vars(every_type_project), "forms": (approved,)})
    document = open_form(project, "en")
    header = " ".join(node.text or "" for node in document.sections[0].header._element.iter(qn("w:t")))
    assert "DRAFT" not in header
    assert "DRAFT" not in all_text(document)
    assert "LOYIHA" in all_text(open_form(project, "uz"))


def test_numbers_and_skips_are_the_same_in_every_language(every_type_project: Project) -> None:
    skips = {
        "en": "→ If “No”, go to section 2.",
        "ru": "→ Если «Нет», перейдите к разделу 2.",
        "uz": "→ Agar «Yoʻq» boʻlsa, 2-boʻlimga oʻting.",
    }
    for language, skip in skips.items():
        document = open_form(every_type_project, language)
        text = all_text(document)
        assert skip in text
        numbers = [n for n in ("1.1", "1.5", "2.3", "3.3") if f"{n}  " in text]
        assert numbers == ["1.1", "1.5", "2.3", "3.3"]


def test_tables_repeat_their_header_and_keep_rows_whole(every_type_project: Project) -> None:
    document = open_form(every_type_project, "uz")
    body = document.element.body
    headers = body.xpath(".//w:tr[w:trPr/w:tblHeader]")
    assert len(headers) >= 3  # rating, table, signature
    rows = body.xpath(".//w:tbl/w:tr")
    assert all(row.xpath("./w:trPr/w:cantSplit") for row in rows)
    assert all(table.xpath("./w:tblPr/w:tblLayout[@w:type='fixed']") for table in body.xpath(".//w:tbl"))


def test_choices_print_a_box_for_each_answer(every_type_project: Project) -> None:
    text = all_text(open_form(every_type_project, "ru"))
    for answer in ("Высокий", "Средний", "Низкий", "Другое (укажите):"):
        assert f"☐ {answer}" in text.replace("☐\n ", "☐ ")


def test_guidance_for_trainers_is_never_printed(every_type_project: Project) -> None:
    assert "Trainers only." not in all_text(open_form(every_type_project, "en"))


def test_the_thumbnail_of_an_unrelated_page_is_gone(every_type_project: Project) -> None:
    files = rendered("forms", every_type_project.localize("en"))
    assert b"thumbnail" not in files[PATH.format("en")].content


def footer_text(document: Document) -> str:
    return "".join(node.text or "" for node in document.sections[0].footer._element.iter(qn("w:t")))


def test_a_staff_record_prints_no_case_number(every_type_project: Project) -> None:
    staff = every_type_project.forms[0].model_copy(update={"record": "staff"})
    document = open_form(Project(**{**vars(every_type_project), "forms": (staff,)}), "ru")
    assert "Номер случая" not in all_text(document)
    assert "случая" not in footer_text(document)
    assert "Район или город" in all_text(document)
    case_record = open_form(every_type_project, "ru")
    assert "Номер случая" in all_text(case_record)
    assert "№ случая" in footer_text(case_record)


def test_a_long_purpose_fits_the_document_properties(every_type_project: Project) -> None:
    purpose = LocalizedText({language: "Oʻquv maqsadi. " * 40 for language in ("en", "ru", "uz")})
    long = every_type_project.forms[0].model_copy(update={"purpose": purpose})
    document = open_form(Project(**{**vars(every_type_project), "forms": (long,)}), "uz")
    subject = document.core_properties.subject
    assert len(subject) <= 255
    assert subject.startswith("Oʻquv maqsadi. Oʻquv")
    assert subject.endswith("…")


def test_a_section_heading_and_its_intro_stay_with_the_first_question(every_type_project: Project) -> None:
    document = open_form(every_type_project, "en")
    paragraphs = document.paragraphs
    heading = next(index for index, p in enumerate(paragraphs) if p.text.endswith("Basic answers"))
    assert (
        paragraphs[heading].paragraph_format.keep_with_next or paragraphs[heading].style.paragraph_format.keep_with_next
    )
    assert paragraphs[heading + 1].text == "Answer every question."
    assert paragraphs[heading + 1].paragraph_format.keep_with_next


def test_a_section_can_start_a_new_page(every_type_project: Project) -> None:
    form = every_type_project.forms[0]
    slip = form.sections[2].model_copy(update={"new_page": True})
    paged = form.model_copy(update={"sections": (*form.sections[:2], slip)})
    document = open_form(Project(**{**vars(every_type_project), "forms": (paged,)}), "en")
    breaks = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["3. Concerns"]


def test_a_signature_block_is_never_split(every_type_project: Project) -> None:
    document = open_form(every_type_project, "en")
    signatures = document.tables[-1]
    assert signatures.rows[-1].cells[0].text == "Supervisor"
    kept = [p.paragraph_format.keep_with_next for row in signatures.rows[:-1] for c in row.cells for p in c.paragraphs]
    assert kept and all(kept)


def test_writing_lines_stay_on_the_page_of_their_question(every_type_project: Project) -> None:
    paragraphs = open_form(every_type_project, "en").paragraphs
    label = next(index for index, p in enumerate(paragraphs) if p.text.endswith("Describe the disability"))
    lines = paragraphs[label + 1 : label + 4]
    assert all(p.text == "\t" and p.paragraph_format.tab_stops[0].leader == WD_TAB_LEADER.LINES for p in lines)
    assert [p.paragraph_format.keep_with_next for p in paragraphs[label : label + 4]] == [True, True, True, False]


def test_the_required_mark_never_wraps_alone(every_type_project: Project) -> None:
    assert "Full name\u00a0*" in all_text(open_form(every_type_project, "en"))


def test_a_staff_record_says_it_holds_staff_data_not_a_childs(real_project: Project) -> None:
    view = real_project.localize("ru")
    forms = rendered("forms", view)
    for form in view.forms:
        document = docx.Document(io.BytesIO(forms[f"forms/ru/{form.code}-{form.id}.docx"].content))
        header = " ".join(node.text or "" for node in document.sections[0].header._element.iter(qn("w:t")))
        staff = form.record == "staff"
        assert ("персональные данные сотрудников" in header) is staff, form.code
        assert ("персональные данные ребенка" in header) is not staff, form.code
        assert document.core_properties.category.endswith("сотрудников" if staff else "ребенка")


def test_the_quicker_child_lookup_makes_the_bytes_python_docxs_own_makes(
    real_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Oila replaces python-docx's search for where a new element goes; every kind of form document must come out
    as python-docx's own search makes it."""
    view = real_project.localize("uz")
    kinds = ("forms", "fillable", "review")
    quicker = {path: item.content for kind in kinds for path, item in rendered(kind, view).items()}
    monkeypatch.setattr(BaseOxmlElement, "first_child_found_in", wordml.LIBRARY_CHILD_LOOKUP)
    for kind in kinds:
        for path, item in rendered(kind, view).items():
            assert item.content == quicker[path], path
