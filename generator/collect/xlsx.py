"""A minimal XLSX writer: sheets of text and number cells, written straight as SpreadsheetML.

Collected answers are text; a general spreadsheet library spends most of its time on what text cells
never need. Cells are inline strings, so no shared-string table is built; the package opens in Excel,
LibreOffice Calc and openpyxl.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.write import zip_files

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_NEEDS_CARE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f&<>]")
"""Characters a cell's text cannot hold as they are: XML's three, and control characters XML cannot hold
at all (a pasted answer may contain them), which are dropped."""
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _cell_text(value: str) -> str:
    if _NEEDS_CARE.search(value) is None:
        return value
    return _NEEDS_CARE.sub(lambda found: _ESCAPES.get(found.group(), ""), value)


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(65 + remainder) + name
    return name


Cell = str | int | float
"""A cell: text, or a number a spreadsheet can count with."""


def _cell(reference: str, value: Cell) -> str:
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value:g}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{_cell_text(value)}</t></is></c>'


def _sheet(rows: Sequence[Sequence[Cell]]) -> str:
    columns = [_column(index) for index in range(max((len(row) for row in rows), default=0))]
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(
            _cell(f"{column}{number}", value) for column, value in zip(columns, row, strict=False) if value != ""
        )
        lines.append(f'<row r="{number}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )


def workbook(sheets: Mapping[str, Sequence[Sequence[Cell]]]) -> bytes:
    """An .xlsx of `sheets` (name to rows); names are cut to Excel's 31 characters."""
    names = list(sheets)
    entries = "".join(
        f'<sheet name="{_cell_text(name[:31]).replace(chr(34), "&quot;")}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, start=1)
    )
    book = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{_RELATIONSHIP}"><sheets>{entries}</sheets></workbook>'
    )
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{_RELATIONSHIP}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(names) + 1)
    )
    book_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relations}</Relationships>'
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
        for i in range(1, len(names) + 1)
    )
    files = {
        "[Content_Types].xml": _CONTENT_TYPES.format(sheets=overrides),
        "_rels/.rels": _PACKAGE_RELS,
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": book_rels,
        **{f"xl/worksheets/sheet{i}.xml": _sheet(sheets[name]) for i, name in enumerate(names, start=1)},
    }
    content = {name: text.encode("utf-8") for name, text in files.items()}
    return zip_files(content, first="[Content_Types].xml", level=1)  # a quarter larger, three times faster
