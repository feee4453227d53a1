"""The frame of a printed form: A4 page, styles, language, page header and footer, document properties."""

from __future__ import annotations

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from generator.model.labels import LabelId, Labels
from generator.model.view import FormView, LanguageView
from generator.render import house_style as hs
from generator.render import wordml
from generator.render.page import set_a4_page, set_fixed_properties, write_page_numbers


def new_document(form: FormView, language: LanguageView, labels: Labels) -> Document:
    document = docx.Document()
    _drop_thumbnail(document)
    set_a4_page(document)
    _set_styles(document)
    wordml.remember_styles(document)
    wordml.set_document_language(document, language.locale)
    _set_properties(document, form, language, labels)
    _write_page_header(document, form, language, labels)
    _write_page_footer(document, labels, with_case_box=form.record == "case")
    return document


def _drop_thumbnail(document: Document) -> None:
    """python-docx's template carries a picture of an unrelated page as the file's preview."""
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]


def _set_styles(document: Document) -> None:
    wordml.set_default_font(document, hs.FONT, int(hs.BODY_SIZE.pt * 2))
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = hs.FONT
    normal.font.size = hs.BODY_SIZE
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, size in (("Title", hs.TITLE_SIZE), ("Heading 1", hs.HEADING_SIZE), ("Heading 2", hs.BODY_SIZE)):
        style = styles[name]
        wordml.drop_theme_fonts(style.element)
        style.font.name = hs.FONT
        style.font.size = size
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = hs.ACCENT
        style.paragraph_format.keep_with_next = True
    title = styles["Title"].paragraph_format
    title.space_before, title.space_after = Pt(0), Pt(4)
    heading = styles["Heading 1"].paragraph_format
    heading.space_before, heading.space_after = Pt(12), Pt(6)
    subheading = styles["Heading 2"].paragraph_format
    subheading.space_before, subheading.space_after = Pt(8), Pt(3)
    for name in ("Title",):
        _drop_title_border(styles[name].element)
    hint = styles.add_style("Oila Hint", WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = normal
    hint.font.size = hs.SMALL_SIZE
    hint.font.italic = True
    hint.font.color.rgb = hs.MUTED


def _drop_title_border(style_element: object) -> None:
    properties = style_element.find(qn("w:pPr"))  # type: ignore[attr-defined]
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


def _set_properties(document: Document, form: FormView, language: LanguageView, labels: Labels) -> None:
    set_fixed_properties(
        document,
        title=f"{form.code} {form.title}",
        subject=form.purpose,
        identifier=f"{form.id}@{form.version}",
        version=form.version,
        status=form.status,
        locale=language.locale,
        comments="" if form.approved else labels[LabelId.DRAFT_NOTICE],
        version_date=form.version_date,
        author=form.agency,
    )
    document.core_properties.keywords = f"{form.code}; {form.id}; {language.code}"
    document.core_properties.category = labels[_confidential(form)]


def _confidential(form: FormView) -> LabelId:
    """Whose personal data the form holds: a child's, or, for a worker's supervision or training (a course's own
    forms among them), staff's."""
    return LabelId.CONFIDENTIAL if form.record == "case" else LabelId.CONFIDENTIAL_STAFF


def _header_paragraph(cell: _Cell, text: str, bold: bool = False, align_right: bool = False) -> Paragraph:
    paragraph: Paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = hs.HEADER_SIZE
    run.bold = bold
    if align_right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def _write_page_header(document: Document, form: FormView, language: LanguageView, labels: Labels) -> None:
    header = document.sections[0].header
    header.is_linked_to_previous = False
    table = header.add_table(rows=1, cols=2, width=hs.PAGE_WIDTH)
    wordml.fix_table_layout(table, (hs.TEXT_WIDTH_MM - 50, 50))
    wordml.set_table_borders(table, bottom=("single", 6, hs.RULE_COLOUR))
    wordml.set_table_cell_margins(table, 0, 0)
    left, right = wordml.cells(table.rows[0])
    _header_paragraph(left, f"{form.code} · {form.title}", bold=True)
    version = labels.format(LabelId.VERSION, version=form.version)
    _header_paragraph(left, f"{version} · {form.version_date:%d.%m.%Y} · {language.name}")
    if not form.approved:
        draft = right.paragraphs[0]
        draft.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = draft.add_run(labels[LabelId.DRAFT])
        run.bold = True
        run.font.size = hs.HEADING_SIZE
        run.font.color.rgb = hs.DRAFT_RED
    _header_paragraph(right, labels[_confidential(form)], align_right=True).runs[0].italic = True
    _close_with_small_paragraph(header.paragraphs[0])


def _write_page_footer(document: Document, labels: Labels, with_case_box: bool) -> None:
    """Page X of Y, and on case records a case-number box on every page, so loose pages find their file."""
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    table = footer.add_table(rows=1, cols=3, width=hs.PAGE_WIDTH)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    label_width = 25
    wordml.fix_table_layout(table, (hs.TEXT_WIDTH_MM - label_width - hs.CASE_BOX_MM, label_width, hs.CASE_BOX_MM))
    wordml.set_table_cell_margins(table, 1, 1)
    pages, case_label, case_box = wordml.cells(table.rows[0])
    write_page_numbers(pages.paragraphs[0], labels, hs.HEADER_SIZE)
    if with_case_box:
        label = case_label.paragraphs[0]
        label.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        label.add_run(labels[LabelId.CASE_NUMBER]).font.size = hs.HEADER_SIZE
        box = dict.fromkeys(("top", "left", "bottom", "right"), ("single", 8, "000000"))
        wordml.set_cell_borders(case_box, **box)
    wordml.set_row_height(table.rows[0], 7, exact=True)
    for cell in (pages, case_label, case_box):
        wordml.align_cell_centre(cell)
    _close_with_small_paragraph(footer.paragraphs[0])


def _close_with_small_paragraph(paragraph: Paragraph) -> None:
    """A header or footer must end with a paragraph: move the empty one after the table and shrink it."""
    element = paragraph._p
    parent = element.getparent()
    parent.remove(element)
    parent.append(element)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(2)
