"""Raw WordprocessingML that python-docx has no API for, as named builders.

Every element goes through `qn` and is inserted in the order the schema requires: Word refuses a file
whose property elements are out of order, even where LibreOffice does not mind. Importing this module gives
python-docx a quicker way to find where a new element goes (`_first_child_in`), with the same result.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence
from typing import Final

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

TWIPS_PER_MM = 1440 / 25.4

# Child order of w:tcPr, w:tblPr, w:trPr and w:pPr (ECMA-376 part 1, 17.4 and 17.3.1).
_CELL_ORDER = (
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
)
_TABLE_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
_ROW_ORDER = (
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
)
_PARAGRAPH_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

Border = tuple[str, int, str]
"""(style, width in eighths of a point, colour): `("single", 4, "808080")`, or `("nil", 0, "auto")`."""
NO_BORDER: Border = ("nil", 0, "auto")


LIBRARY_CHILD_LOOKUP: Final = BaseOxmlElement.first_child_found_in
"""python-docx's own way to find where a new child element goes."""


@functools.cache
def _clark_names(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(qn(tag) for tag in tags)


def _first_child_in(self: BaseOxmlElement, *tags: str) -> etree._Element | None:
    """The first child whose tag is one of `tags`: python-docx asks for each tag in turn (each of the thirty that
    may follow `w:keepNext`, say), a fifth of the time a form takes to render; this looks at each child once. It
    finds the same child as python-docx's wherever the children are in the schema's order, as Oila writes them."""
    wanted = _clark_names(tags)
    return next((child for child in self.iterchildren() if child.tag in wanted), None)


BaseOxmlElement.first_child_found_in = _first_child_in  # type: ignore[method-assign]


def remember_styles(document: Document) -> None:
    """Look each style up once in `document`: python-docx reads every style of the file at each lookup, which was
    a fifth of the time a form takes to render. For a document whose styles are all defined before its text."""
    part = document.part
    look_up = part.get_style_id
    by_name = functools.cache(look_up)

    def remembered(style_or_name: object, style_type: WD_STYLE_TYPE) -> str | None:
        found: str | None = (by_name if isinstance(style_or_name, str) else look_up)(style_or_name, style_type)
        return found

    part.get_style_id = remembered  # type: ignore[method-assign]


def twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """`<w:tag w:key="value" .../>`: attribute names are given without their `w:` prefix."""
    created: BaseOxmlElement = OxmlElement(tag)
    for key, value in attributes.items():
        created.set(qn(f"w:{key}"), value)
    return created


def _set_child(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Replace `parent`'s child of the same tag with `child`, keeping the schema's order."""
    tag = child.tag
    for existing in parent.findall(tag):
        parent.remove(existing)
    position = order.index(_prefixed(tag))
    for index, sibling in enumerate(parent):
        name = _prefixed(sibling.tag)
        if name in order and order.index(name) > position:
            parent.insert(index, child)
            return
    parent.append(child)


def _prefixed(tag: str) -> str:
    return "w:" + tag.rsplit("}", 1)[-1]


def _borders(tag: str, sides: dict[str, Border]) -> BaseOxmlElement:
    container = element(tag)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in sides:
            style, size, colour = sides[side]
            container.append(element(f"w:{side}", val=style, sz=str(size), space="0", color=colour))
    return container


# Tables ------------------------------------------------------------------------------------------


def cells(row: _Row) -> list[_Cell]:
    """The cells of `row`, one for each cell the file holds: python-docx's `row.cells` searches every cell's
    properties to repeat a merged one, a tenth of the time a form takes to render."""
    table = row.table
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def fix_table_layout(table: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths that LibreOffice honours too: the grid, the table width and every cell."""
    table.autofit = False
    tbl = table._tbl
    grid = tbl.tblGrid
    for column in list(grid):
        grid.remove(column)
    for width in widths_mm:
        grid.append(element("w:gridCol", w=twips(width)))
    properties = tbl.tblPr
    _set_child(properties, element("w:tblW", w=twips(sum(widths_mm)), type="dxa"), _TABLE_ORDER)
    _set_child(properties, element("w:tblLayout", type="fixed"), _TABLE_ORDER)
    for row in table.rows:
        for cell, width in zip(cells(row), _spanned_widths(row, widths_mm), strict=False):
            set_cell_width(cell, width)


def _spanned_widths(row: _Row, widths_mm: Sequence[float]) -> list[float]:
    widths = []
    column = 0
    for cell in cells(row):
        span = cell.grid_span
        widths.append(sum(widths_mm[column : column + span]))
        column += span
    return widths


def set_cell_width(cell: _Cell, width_mm: float) -> None:
    _set_child(cell._tc.get_or_add_tcPr(), element("w:tcW", w=twips(width_mm), type="dxa"), _CELL_ORDER)


def set_table_borders(table: Table, **sides: Border) -> None:
    _set_child(table._tbl.tblPr, _borders("w:tblBorders", sides), _TABLE_ORDER)


def set_table_cell_margins(table: Table, left_mm: float, right_mm: float, top_mm: float = 0.0) -> None:
    margins = element("w:tblCellMar")
    margins.append(element("w:top", w=twips(top_mm), type="dxa"))
    margins.append(element("w:left", w=twips(left_mm), type="dxa"))
    margins.append(element("w:bottom", w="0", type="dxa"))
    margins.append(element("w:right", w=twips(right_mm), type="dxa"))
    _set_child(table._tbl.tblPr, margins, _TABLE_ORDER)


def set_cell_borders(cell: _Cell, **sides: Border) -> None:
    _set_child(cell._tc.get_or_add_tcPr(), _borders("w:tcBorders", sides), _CELL_ORDER)


def shade_cell(cell: _Cell, fill: str) -> None:
    _set_child(cell._tc.get_or_add_tcPr(), element("w:shd", val="clear", color="auto", fill=fill), _CELL_ORDER)


def align_cell_bottom(cell: _Cell) -> None:
    _set_child(cell._tc.get_or_add_tcPr(), element("w:vAlign", val="bottom"), _CELL_ORDER)


def align_cell_centre(cell: _Cell) -> None:
    _set_child(cell._tc.get_or_add_tcPr(), element("w:vAlign", val="center"), _CELL_ORDER)


def repeat_as_header(row: _Row) -> None:
    """The row is printed again at the top of every page the table runs onto."""
    _set_child(row._tr.get_or_add_trPr(), element("w:tblHeader"), _ROW_ORDER)


def keep_row_whole(row: _Row) -> None:
    """The row is never split across two pages."""
    _set_child(row._tr.get_or_add_trPr(), element("w:cantSplit"), _ROW_ORDER)


def set_row_height(row: _Row, height_mm: float, exact: bool = False) -> None:
    rule = "exact" if exact else "atLeast"
    _set_child(row._tr.get_or_add_trPr(), element("w:trHeight", val=twips(height_mm), hRule=rule), _ROW_ORDER)


# Paragraphs and runs -----------------------------------------------------------------------------


def shade_paragraph(paragraph: Paragraph, fill: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    _set_child(properties, element("w:shd", val="clear", color="auto", fill=fill), _PARAGRAPH_ORDER)


def border_paragraph(paragraph: Paragraph, **sides: Border) -> None:
    properties = paragraph._p.get_or_add_pPr()
    box = element("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            style, size, colour = sides[side]
            box.append(element(f"w:{side}", val=style, sz=str(size), space="4", color=colour))
    _set_child(properties, box, _PARAGRAPH_ORDER)


def add_field(paragraph: Paragraph, instruction: str, cached: str) -> list[Run]:
    """A complex field such as `PAGE` or `NUMPAGES`: begin, instruction, separate, cached value, end."""
    runs = []
    for part in ("begin", "instruction", "separate", "value", "end"):
        run = paragraph.add_run()
        if part == "instruction":
            code = element("w:instrText")
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        elif part == "value":
            run.text = cached
        else:
            run._r.append(element("w:fldChar", fldCharType="end" if part == "end" else part))
            if part == "begin":
                run._r[-1].set(qn("w:dirty"), "true")
        runs.append(run)
    return runs


def set_run_language(run: Run, locale: str) -> None:
    properties = run._r.get_or_add_rPr()
    for existing in properties.findall(qn("w:lang")):
        properties.remove(existing)
    properties.append(element("w:lang", val=locale))


# Styles ------------------------------------------------------------------------------------------


def border_style(style_element: BaseOxmlElement, **sides: Border) -> None:
    """Rules beside every paragraph of a paragraph style, such as the left rule of a note."""
    _set_child(style_element.get_or_add_pPr(), _borders("w:pBdr", sides), _PARAGRAPH_ORDER)


def shade_style(style_element: BaseOxmlElement, fill: str) -> None:
    properties = style_element.get_or_add_pPr()
    _set_child(properties, element("w:shd", val="clear", color="auto", fill=fill), _PARAGRAPH_ORDER)


def border_table_style(style_element: BaseOxmlElement, **sides: Border) -> None:
    """Rules around and inside every table of a table style."""
    properties = style_element.find(qn("w:tblPr"))
    if properties is None:
        raise ValueError("the table style has no w:tblPr to hold borders")
    _set_child(properties, _borders("w:tblBorders", sides), _TABLE_ORDER)


# The document as a whole -------------------------------------------------------------------------


def set_document_language(document: Document, locale: str) -> None:
    """Spelling and hyphenation in `locale`: in the style defaults and in the settings' theme language."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    for existing in properties.findall(qn("w:lang")):
        properties.remove(existing)
    properties.append(element("w:lang", val=locale, eastAsia=locale, bidi=locale))
    set_setting(document, element("w:themeFontLang", val=locale))


def document_locale(document: Document) -> str:
    """The locale `set_document_language` gave `document`."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return str(language.get(qn("w:val")))


_SETTINGS_TAIL = (
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "w:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
"""The children of w:settings from w:documentProtection on, in schema order (ECMA-376 part 1, 17.15.1.78); the
ones before it are never set by Oila."""


def set_setting(document: Document, child: BaseOxmlElement) -> None:
    """Put `child` into the document settings in its schema place, replacing one of the same name."""
    settings = document.settings.element
    tag = _prefixed(child.tag)
    for existing in settings.findall(child.tag):
        settings.remove(existing)
    successors = _SETTINGS_TAIL[_SETTINGS_TAIL.index(tag) + 1 :]
    for index, present in enumerate(settings):
        if _prefixed(present.tag) in successors or _is_extension(present):
            settings.insert(index, child)
            return
    settings.append(child)


def _is_extension(child: BaseOxmlElement) -> bool:
    """w14, w15 ... elements such as w14:docId come after everything of the main namespace."""
    return not child.tag.startswith("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}") and not (
        child.tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}")
    )


def set_default_font(document: Document, font: str, size_half_points: int) -> None:
    """The font of every run that does not name its own, theme fonts removed so they cannot override it."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:rFonts", "w:sz", "w:szCs"):
        for existing in properties.findall(qn(tag)):
            properties.remove(existing)
    properties.insert(0, element("w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))
    properties.append(element("w:sz", val=str(size_half_points)))
    properties.append(element("w:szCs", val=str(size_half_points)))


def plain_bullets(numbering: BaseOxmlElement, symbols: Sequence[str], font: str) -> None:
    """Every bullet level of `numbering` as a character of `font` (`symbols[level % len(symbols)]`), not a
    private-use glyph of the Symbol font that screen readers and copy-paste turn into garbage."""
    for level in numbering.iter(qn("w:lvl")):
        text = level.find(qn("w:lvlText"))
        kind = level.find(qn("w:numFmt"))
        if kind is None or kind.get(qn("w:val")) != "bullet" or text is None or not text.get(qn("w:val"), "").strip():
            continue
        text.set(qn("w:val"), symbols[int(level.get(qn("w:ilvl"))) % len(symbols)])
        for properties in level.findall(qn("w:rPr")):
            level.remove(properties)
        properties = element("w:rPr")
        properties.append(element("w:rFonts", ascii=font, hAnsi=font, cs=font, hint="default"))
        level.append(properties)


SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def add_svg_picture(drawing: BaseOxmlElement, relationship_id: str) -> None:
    """The SVG of relationship `relationship_id` as the picture of `drawing`, its PNG kept as the fallback:
    an `asvg:svgBlip` in the extension list of the picture's `a:blip`."""
    blip = next(drawing.iter(qn("a:blip")))
    extensions = blip.find(qn("a:extLst"))
    if extensions is None:
        extensions = OxmlElement("a:extLst")
        blip.append(extensions)
    extension = OxmlElement("a:ext")
    extension.set("uri", SVG_EXTENSION)
    svg = etree.SubElement(extension, f"{{{SVG_NAMESPACE}}}svgBlip", nsmap={"asvg": SVG_NAMESPACE})
    svg.set(qn("r:embed"), relationship_id)
    extensions.append(extension)


def drop_theme_fonts(style_element: BaseOxmlElement) -> None:
    """Heading styles name theme fonts, which win over an explicit font; remove them."""
    for fonts in style_element.iter(qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)


# Content controls (fillable forms) ---------------------------------------------------------------

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
CHECKED, UNCHECKED = "☒", "☐"
CHECKBOX_FONT = "MS Gothic"
"""The font Word itself names for its checkboxes; LibreOffice falls back to one that has ☐ and ☒."""


def _w14(tag: str, **attributes: str) -> BaseOxmlElement:
    node = OxmlElement(f"w14:{tag}", nsdecls={"w14": W14})
    for name, value in attributes.items():
        node.set(f"{{{W14}}}{name}", value)
    return node


PLACEHOLDER_STYLE = "Placeholder Text"
"""Word's own character style for a control's placeholder; `add_placeholder_style` adds it to a document."""
PLACEHOLDER_STYLE_ID = "PlaceholderText"


def add_placeholder_style(document: Document, colour: RGBColor) -> None:
    style = document.styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = colour
    assert style.style_id == PLACEHOLDER_STYLE_ID


def protect_for_filling(document: Document) -> None:
    """Word's forms protection, without a password: only the content controls can be changed, in Word and in
    LibreOffice 25.2; a reviewer who must change the form itself can lift it (Review, Restrict Editing)."""
    set_setting(document, element("w:documentProtection", edit="forms", enforcement="1"))


def control_id(tag: str, taken: set[int]) -> int:
    """A w:id derived from the tag, unique in the document: the same sources give the same ids."""
    number = zlib.crc32(tag.encode("utf-8")) & 0x7FFFFFFF
    while number in taken or number == 0:
        number = (number + 1) & 0x7FFFFFFF
    taken.add(number)
    return number


def content_control(
    paragraph: Paragraph,
    tag: str,
    number: int,
    properties: BaseOxmlElement,
    shown: str,
    placeholder: bool,
) -> BaseOxmlElement:
    """A run-level content control in `paragraph`: `properties` is its type (w:text, w:date, ...), `shown`
    the text it holds, in the placeholder style when it is only `placeholder` text saying what to enter.

    A placeholder starts with a space in no style: LibreOffice gives what is typed over a selection the style of
    its first character, so a worker's answer comes out in the body style, not grey like the placeholder."""
    sdt = element("w:sdt")
    settings = element("w:sdtPr")
    settings.append(element("w:tag", val=tag))
    settings.append(element("w:id", val=str(number)))
    settings.append(element("w:lock", val="sdtLocked"))
    if placeholder:
        settings.append(element("w:showingPlcHdr"))
    settings.append(properties)
    content = element("w:sdtContent")
    run = element("w:r")
    run_properties = element("w:rPr")
    if properties.tag == f"{{{W14}}}checkbox":
        run_properties.append(
            element("w:rFonts", ascii=CHECKBOX_FONT, hAnsi=CHECKBOX_FONT, eastAsia=CHECKBOX_FONT, cs=CHECKBOX_FONT)
        )
    elif placeholder:
        run_properties.append(element("w:rStyle", val=PLACEHOLDER_STYLE_ID))
        content.append(_text_run(element("w:r"), " "))
    if len(run_properties):
        run.append(run_properties)
    content.append(_text_run(run, shown))
    sdt.append(settings)
    sdt.append(content)
    paragraph._p.append(sdt)
    return sdt


def _text_run(run: BaseOxmlElement, shown: str) -> BaseOxmlElement:
    text = element("w:t")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = shown
    run.append(text)
    return run


def text_control_type(multiline: bool) -> BaseOxmlElement:
    return element("w:text", multiLine="1") if multiline else element("w:text")


def date_control_type(locale: str, value: str | None) -> BaseOxmlElement:
    """A date picker showing DD.MM.YYYY in the form's language; `value` is an ISO date once one is chosen."""
    date = element("w:date", fullDate=f"{value}T00:00:00Z") if value else element("w:date")
    date.append(element("w:dateFormat", val="dd.MM.yyyy"))
    date.append(element("w:lid", val=locale))
    date.append(element("w:storeMappedDataAs", val="dateTime"))
    date.append(element("w:calendar", val="gregorian"))
    return date


def dropdown_control_type(items: Sequence[tuple[str, str]]) -> BaseOxmlElement:
    """A drop-down list of `(value, shown text)`; values are the answers' ids, unique and never empty."""
    listing = element("w:dropDownList")
    for value, shown in items:
        listing.append(element("w:listItem", displayText=shown, value=value))
    return listing


def checkbox_control_type(checked: bool) -> BaseOxmlElement:
    box = _w14("checkbox")
    box.append(_w14("checked", val="1" if checked else "0"))
    box.append(_w14("checkedState", val="2612", font=CHECKBOX_FONT))
    box.append(_w14("uncheckedState", val="2610", font=CHECKBOX_FONT))
    return box
