"""The house style of the printed forms and the SOP: page, fonts, sizes, spacing and colours, in one place.

NASP reviews the look of the documents; the look changes only when this module does.
"""

from __future__ import annotations

from typing import Final

from docx.shared import Mm, Pt, RGBColor

# Page: A4 portrait; a wide left margin so that holes punched for a ring binder miss the text.
PAGE_WIDTH: Final = Mm(210)
PAGE_HEIGHT: Final = Mm(297)
MARGIN_LEFT: Final = Mm(25)
MARGIN_RIGHT: Final = Mm(15)
MARGIN_TOP: Final = Mm(20)
MARGIN_BOTTOM: Final = Mm(20)
HEADER_DISTANCE: Final = Mm(8)
FOOTER_DISTANCE: Final = Mm(8)
TEXT_WIDTH_MM: Final = 170
"""210 mm less both margins: every table is laid out to this width."""

# Fonts: Arial in Word, Liberation Sans (same metrics) in LibreOffice; both have Cyrillic and ʻ (U+02BB).
FONT: Final = "Arial"
SYMBOL_FONT: Final = "Segoe UI Symbol"
"""For the ☐ boxes: Word has it on Windows; LibreOffice falls back to DejaVu Sans, which has the glyph."""
BOX: Final = "☐"

BODY_SIZE: Final = Pt(10)
SMALL_SIZE: Final = Pt(8.5)
TINY_SIZE: Final = Pt(7.5)
TITLE_SIZE: Final = Pt(16)
HEADING_SIZE: Final = Pt(12)
HEADER_SIZE: Final = Pt(8.5)
BOX_SIZE: Final = Pt(12)

INK: Final = RGBColor(0x00, 0x00, 0x00)
ACCENT_HEX: Final = "1F3864"
ACCENT: Final = RGBColor.from_string(ACCENT_HEX)
MUTED: Final = RGBColor(0x59, 0x59, 0x59)
DRAFT_RED: Final = RGBColor(0xC0, 0x00, 0x00)
PLACEHOLDER_GREY: Final = RGBColor(0x80, 0x80, 0x80)
"""A fillable control's placeholder text: plainly not an answer, on screen and in print."""

HEADING_FILL: Final = "DCE3EE"
LABEL_FILL: Final = "F2F2F2"
NOTE_FILL: Final = "FFF4D6"
RULE_COLOUR: Final = "808080"
WRITING_RULE: Final = RGBColor.from_string(RULE_COLOUR)
DRAFT_COLOUR: Final = "C00000"

# Writing space: a line of handwriting needs about 8 mm.
WRITING_LINE_MM: Final = 8.0
TABLE_ROW_MM: Final = 9.0
SIGNATURE_ROW_MM: Final = 13.0
SPACE_BETWEEN_QUESTIONS: Final = Pt(6)

# Page breaks, by rule: what belongs together is never split by a page end.
TABLE_KEPT_WHOLE_ROWS: Final = 7
"""A table of up to this many rows (its header included) stays on one page."""
ROWS_KEPT_WITH_HEADER: Final = 3
"""A longer table may break, but never before its header and first three rows are on the page."""
LABEL_COLUMN_MM: Final = 72
"""Width of the label beside a one-line answer (short text, date, number, yes/no)."""
CASE_BOX_MM: Final = 45

# The SOP document: the same page and fonts; a quieter body size for prose, smaller type in tables.
SOP_BODY_SIZE: Final = Pt(10.5)
SOP_TABLE_SIZE: Final = Pt(9)
SIGNING_ROOM_PT: Final = 22
"""Room above a line to sign or date on by hand, such as the SOP's approval block: about 8 mm."""
SOP_BULLETS: Final = ("•", "–")
"""The bullet of each list level, in turn: characters of the body font, so they read and copy as text."""
SOP_TITLE_SIZE: Final = Pt(22)
SOP_HEADING_SIZES: Final = (Pt(14), Pt(12), Pt(11))
NOTE_BORDER_COLOUR: Final = "C9A227"
"""The left rule of a quotation: in the SOP, what NASP must still confirm."""

# The flow diagram (Graphviz): a font fontconfig finds on the build machine, and print resolution.
DIAGRAM_FONT: Final = "Arial"
DIAGRAM_TEXT_PT: Final = 10
DIAGRAM_LABEL_PT: Final = 9
DIAGRAM_PRINTED_MIN_PT: Final = 8
"""No diagram text prints smaller: a diagram wider than the text is scaled down only this far."""
DIAGRAM_DPI: Final = 150
FIGURE_HEIGHT_MM: Final = 215
"""The tallest a diagram prints: an A4 text block less its caption and the heading kept with it."""
