"""The reference document pandoc styles the SOP with, made by code from pandoc's own default.

A hand-edited binary would drift and could not be reviewed; this module states the SOP's look in the
house style: A4, Arial (Liberation Sans in LibreOffice, both with Cyrillic and ʻ), numbered headings
in the accent colour, bordered tables, notes NASP must confirm set off by a rule, and on every page a
header with the code, version and status and a footer with "Page X of Y" in the document's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle

from generator.external import run_tool
from generator.model.labels import LabelId, Labels
from generator.model.sop_view import SopView
from generator.model.view import LanguageView
from generator.render import house_style as hs
from generator.render import wordml
from generator.render.page import set_a4_page, write_page_numbers

AGENCY_STYLE = "Oila Agency"
DRAFT_STYLE = "Oila Draft"
APPROVAL_STYLE = "Oila Approval"
APPROVAL_LINE_STYLE = "Oila Approval Line"
CONTENTS_STYLE = "Oila Contents Title"
FIGURE_STYLE = "Oila Figure"
CAPTION_STYLE = "Oila Caption"
TABLE_TEXT_STYLE = "Oila Table Text"
TERM_STYLE = "Definition Term"
DEFINITION_STYLE = "Definition"
"""Pandoc's own styles of a definition list, given to the terms the prose lists: the SOP's Markdown has no
definition lists, which pandoc is a third slower to read for."""
CUSTOM_STYLES = (
    AGENCY_STYLE,
    DRAFT_STYLE,
    APPROVAL_STYLE,
    APPROVAL_LINE_STYLE,
    CONTENTS_STYLE,
    FIGURE_STYLE,
    CAPTION_STYLE,
)
"""Paragraph styles the SOP's Markdown names with `custom-style`."""

TABLE_BORDER: wordml.Border = ("single", 4, "808080")


@functools.cache
def pandoc_default_reference(pandoc: str) -> bytes:
    """pandoc's own reference.docx: its style names are the ones pandoc writes."""
    command = [pandoc, "--print-default-data-file", "reference.docx"]
    return run_tool(command, "pandoc could not give its reference document", 60).stdout


@dataclass(frozen=True)
class RunningHeader:
    """What the head of every page says: the document's code and short title, its version and date, and DRAFT
    until it is approved."""

    code: str
    title: str
    version: str
    version_date: dt.date
    approved: bool

    @classmethod
    def of_sop(cls, sop: SopView) -> RunningHeader:
        return cls(sop.code, sop.short_title, sop.version, sop.version_date, sop.approved)


def reference_docx(pandoc: str, header: RunningHeader, language: LanguageView, labels: Labels) -> bytes:
    """The Word file whose styles, page, header and footer pandoc gives a document it writes."""
    document = docx.Document(io.BytesIO(pandoc_default_reference(pandoc)))
    set_a4_page(document)
    wordml.set_default_font(document, hs.FONT, int(hs.SOP_BODY_SIZE.pt * 2))
    wordml.set_document_language(document, language.locale)
    _style_text(document)
    _style_headings(document)
    _style_tables(document)
    _add_custom_styles(document)
    _write_header(document, header, labels)
    _write_footer(document, labels)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph_style(document: Document, name: str) -> ParagraphStyle:
    style = document.styles[name]
    assert isinstance(style, ParagraphStyle)
    wordml.drop_theme_fonts(style.element)
    style.font.name = hs.FONT
    return style


def _style_text(document: Document) -> None:
    for name in ("Normal", "Body Text", "First Paragraph"):
        style = _paragraph_style(document, name)
        style.font.size = hs.SOP_BODY_SIZE
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = 1.1
    compact = _paragraph_style(document, "Compact")
    compact.font.size = hs.SOP_BODY_SIZE
    compact.paragraph_format.space_after = Pt(3)
    term = _paragraph_style(document, TERM_STYLE)
    term.font.bold = True
    term.paragraph_format.keep_with_next = True
    term.paragraph_format.space_before = Pt(4)
    _paragraph_style(document, DEFINITION_STYLE).paragraph_format.left_indent = Mm(8)
    note = _paragraph_style(document, "Block Text")
    note.font.size = hs.SOP_BODY_SIZE
    note.font.italic = False
    note.paragraph_format.left_indent = Mm(4)
    note.paragraph_format.right_indent = Mm(0)
    note.paragraph_format.space_before = Pt(4)
    note.paragraph_format.space_after = Pt(6)
    wordml.border_style(note.element, left=("single", 24, hs.NOTE_BORDER_COLOUR))
    wordml.shade_style(note.element, hs.NOTE_FILL)
    title = _paragraph_style(document, "Title")
    title.font.size = hs.SOP_TITLE_SIZE
    title.font.bold = True
    title.font.color.rgb = hs.ACCENT
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    title.paragraph_format.space_before = Pt(36)
    title.paragraph_format.space_after = Pt(18)


def _style_headings(document: Document) -> None:
    """The headings, and the heading LibreOffice writes over the contents when it fills them (`TOC Heading`),
    which must look like the first level, not fall back to a theme font no machine here has."""
    levels = [(f"Heading {level}", level, size) for level, size in enumerate(hs.SOP_HEADING_SIZES, start=1)]
    for name, level, size in [*levels, ("TOC Heading", 1, hs.SOP_HEADING_SIZES[0])]:
        style = _paragraph_style(document, name)
        style.font.size = size
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = hs.ACCENT
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(14 if level == 1 else 8)
        style.paragraph_format.space_after = Pt(4)


def _style_tables(document: Document) -> None:
    """pandoc's tables use the table style `Table`: give it rules and the smaller table type."""
    style = document.styles["Table"]
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    wordml.border_table_style(style.element, **dict.fromkeys(sides, TABLE_BORDER))
    style.font.size = hs.SOP_TABLE_SIZE


def _add_custom_styles(document: Document) -> None:
    normal = document.styles["Normal"]
    for name in CUSTOM_STYLES:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name = hs.FONT
        style.paragraph_format.space_after = Pt(6)
    agency = document.styles[AGENCY_STYLE]
    agency.font.size = Pt(12)
    agency.paragraph_format.space_before = Pt(18)
    agency.font.bold = True
    agency.font.color.rgb = hs.ACCENT
    draft = document.styles[DRAFT_STYLE]
    draft.font.bold = True
    draft.font.color.rgb = hs.DRAFT_RED
    draft.paragraph_format.space_before = Pt(12)
    for name, room in ((APPROVAL_STYLE, 0), (APPROVAL_LINE_STYLE, hs.SIGNING_ROOM_PT)):
        approval = document.styles[name]
        approval.paragraph_format.space_before = Pt(room)
        approval.paragraph_format.space_after = Pt(2)
        approval.paragraph_format.left_indent = Mm(85)
        approval.paragraph_format.keep_with_next = True
    table_text = document.styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = hs.SOP_TABLE_SIZE
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0
    figure = document.styles[FIGURE_STYLE]
    figure.paragraph_format.keep_with_next = True
    figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = document.styles[CAPTION_STYLE]
    caption.font.size = hs.SMALL_SIZE
    caption.font.italic = True
    caption.paragraph_format.space_after = Pt(10)
    contents = document.styles[CONTENTS_STYLE]
    contents.font.size = hs.SOP_HEADING_SIZES[0]
    contents.font.bold = True
    contents.font.color.rgb = hs.ACCENT


def _write_header(document: Document, running: RunningHeader, labels: Labels) -> None:
    header = document.sections[0].header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(hs.TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    left = paragraph.add_run(f"{running.code} · {running.title}")
    left.bold = True
    version = labels.format(LabelId.VERSION, version=running.version)
    paragraph.add_run(f"\t{version} · {running.version_date:%d.%m.%Y}")
    if not running.approved:
        marking = paragraph.add_run(f" · {labels[LabelId.DRAFT]}")
        marking.bold = True
        marking.font.color.rgb = hs.DRAFT_RED
    for run in paragraph.runs:
        run.font.size = hs.HEADER_SIZE
    wordml.border_paragraph(paragraph, bottom=("single", 4, hs.RULE_COLOUR))


def _write_footer(document: Document, labels: Labels) -> None:
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    write_page_numbers(paragraph, labels, hs.HEADER_SIZE)
