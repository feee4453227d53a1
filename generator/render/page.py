"""What every Word output shares: the A4 page of the house style and "Page X of Y" in the document's language."""

from __future__ import annotations

import datetime as dt
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


CORE_PROPERTY_LIMIT = 255


def set_fixed_properties(
    document: Document,
    *,
    title: str,
    subject: str,
    identifier: str,
    version: str,
    status: str,
    locale: str,
    comments: str,
    version_date: dt.date,
    author: str,
) -> None:
    """The document's properties, dated by the version, never by the build, so rebuilds are identical."""
    stamp = dt.datetime.combine(version_date, dt.time(0, 0))
    properties = document.core_properties
    properties.title = _fit_property(title)
    properties.subject = _fit_property(subject)
    properties.author = author
    properties.last_modified_by = author
    properties.comments = comments
    properties.identifier = identifier
    properties.version = version
    properties.content_status = status
    properties.language = locale
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    properties.revision = 1


def _fit_property(text: str) -> str:
    """Word keeps at most 255 characters in a document property: cut at a word, and say so with `…`."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rsplit(" ", 1)[0] + "…"
