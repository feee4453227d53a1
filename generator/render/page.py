"""What every Word output shares: the A4 page of the house style and "Page X of Y" in the document's language."""

from __future__ import annotations

import re

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Length
from docx.text.paragraph import Paragraph

from generator.model.labels import LabelId, Labels
from generator.render import house_style as hs
from generator.render import wordml

_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")


def set_a4_page(document: Document) -> None:
    """A4 portrait, with the wide left margin that a hole punch needs, on every section."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = hs.PAGE_WIDTH
        section.page_height = hs.PAGE_HEIGHT
        section.left_margin = hs.MARGIN_LEFT
        section.right_margin = hs.MARGIN_RIGHT
        section.top_margin = hs.MARGIN_TOP
        section.bottom_margin = hs.MARGIN_BOTTOM
        section.header_distance = hs.HEADER_DISTANCE
        section.footer_distance = hs.FOOTER_DISTANCE


def write_page_numbers(paragraph: Paragraph, labels: Labels, size: Length) -> None:
    """`Page X of Y` in the labels' language, X and Y as fields that Word and LibreOffice fill in."""
    for part in _PLACEHOLDER.split(labels[LabelId.PAGE_OF]):
        if part == "{page}":
            runs = wordml.add_field(paragraph, "PAGE", "1")
        elif part == "{pages}":
            runs = wordml.add_field(paragraph, "NUMPAGES", "1")
        elif part:
            runs = [paragraph.add_run(part)]
        else:
            continue
        for run in runs:
            run.font.size = size
