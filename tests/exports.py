"""Exports of submissions as ODK Central and KoboToolbox write them, made from answers, for `oila collect`'s tests.

ODK Central (its CSV export): `SubmissionDate`, the fields (group names before them, joined by `-`), then `KEY`,
`SubmitterID`, … `FormVersion`; a table's rows in `<form id>-<table>.csv`, fields then `PARENT_KEY` and `KEY`; a
comma between cells, quotes only where needed. KoboToolbox (XLSX, with "XML values and headers"): the fields (with
or without their groups, joined by `/`), each multiple choice followed by a 0/1 column an answer, each drawn
signature by its `_URL`, then `_id` … `_index`; dates as date cells; a table's rows in a sheet of its name, tied by
`_parent_index`. Its CSV export: the same columns, `;` between cells, every cell quoted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from generator.render.xlsform import Field

CENTRAL_LAST = ["KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status"]
CENTRAL_LAST += ["ReviewState", "DeviceID", "Edits", "FormVersion"]
KOBO_LAST = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by"]
KOBO_LAST += ["__version__", "_tags", "_index"]


@dataclass
class Submitted:
    """One submission: a value a field (a multiple choice's answers separated by spaces) and each table's rows."""

    values: dict[str, str]
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def _name(item: Field, groups: bool, joiner: str, inside: str | None = None) -> str:
    path = item.groups[item.groups.index(inside) + 1 :] if inside else item.groups
    return joiner.join((*path, item.name)) if groups else item.name


def _value(item: Field, submitted: dict[str, str]) -> str:
    return "1765432100000.png" if item.kind == "image" else submitted.get(item.name, "")


def central_zip(
    path: Path, form_id: str, fields: list[Field], submissions: list[Submitted], groups: bool = True
) -> Path:
    own = [item for item in fields if item.repeat is None]
    files = {}
    rows = [["SubmissionDate", *(_name(item, groups, "-") for item in own), "meta-instanceID", *CENTRAL_LAST]]
    tables: dict[str, list[list[str]]] = {}
    for number, submitted in enumerate(submissions, start=1):
        key = f"uuid:0000-{number}"
        values = [_value(item, submitted.values) for item in own]
        rows.append(["2026-12-01T09:00:00.000Z", *values, key, key, "5", "Dilnoza", "0", "0", "", "", "", "0", "1.0"])
        for table, table_rows in submitted.tables.items():
            inside = [item for item in fields if item.repeat == table]
            sheet = tables.setdefault(
                table, [[*(_name(item, groups, "-", table) for item in inside), "PARENT_KEY", "KEY"]]
            )
            for row_number, row in enumerate(table_rows, start=1):
                sheet.append([*(row.get(item.name, "") for item in inside), key, f"{key}/{table}[{row_number}]"])
    files[f"{form_id}.csv"] = rows
    files.update({f"{form_id}-{table}.csv": table_rows for table, table_rows in tables.items()})
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(content)
            archive.writestr(name, buffer.getvalue())
    return path


def _kobo_columns(fields: list[Field], choices: dict[str, list[str]], groups: bool, table: str | None) -> list[str]:
    columns = []
    for item in fields:
        if item.repeat != table or item.kind == "note":
            continue
        name = _name(item, groups, "/")
        columns.append(name)
        if item.kind == "select_multiple":
            columns += [f"{name}/{choice}" for choice in choices[item.name]]
        if item.kind == "image":
            columns.append(f"{name}_URL")
    return columns


def _kobo_row(columns: list[str], fields: list[Field], values: dict[str, str]) -> list[object]:
    by_column = {_name(item, True, "/"): item for item in fields} | {item.name: item for item in fields}
    row: list[object] = []
    for column in columns:
        item = by_column.get(column)
        if item is None:  # an answer of a multiple choice, or a signature's address
            stem, _, choice = column.rpartition("/")
            owner = by_column.get(stem)
            if owner is not None and owner.kind == "select_multiple":
                row.append(1 if choice in values.get(owner.name, "").split() else 0)
            else:
                row.append("https://kobo.example/media/1765432100000.png")
            continue
        value = _value(item, values)
        row.append(_date_cell(value) if item.kind == "date" else value)
    return row


def _date_cell(value: str) -> object:
    """A date as KoboToolbox writes it in a workbook: a date cell; what is not a date stays as it was typed."""
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return value


def kobo_xlsx(
    path: Path,
    title: str,
    fields: list[Field],
    choices: dict[str, list[str]],
    submissions: list[Submitted],
    groups: bool = False,
) -> Path:
    book = openpyxl.Workbook()
    main = book.active
    main.title = title[:31]
    columns = _kobo_columns(fields, choices, groups, None)
    main.append([*columns, *KOBO_LAST])
    sheets: dict[str, tuple[object, list[str]]] = {}
    for number, submitted in enumerate(submissions, start=1):
        meta = [
            number,
            f"0000-{number}",
            "2026-12-01T09:00:00",
            "",
            "",
            "submitted_via_web",
            "dilnoza",
            "v1",
            "",
            number,
        ]
        own = [item for item in fields if item.repeat is None]
        main.append([*_kobo_row(columns, own, submitted.values), *meta])
        for table, rows in submitted.tables.items():
            if table not in sheets:
                sheet = book.create_sheet(table)
                table_columns = _kobo_columns(fields, choices, groups, table)
                sheet.append([*table_columns, "_index", "_parent_table_name", "_parent_index", "_submission__id"])
                sheets[table] = (sheet, table_columns)
            sheet, table_columns = sheets[table]
            for row in rows:
                cells = _kobo_row(table_columns, [item for item in fields if item.repeat == table], row)
                sheet.append([*cells, sheet.max_row, main.title, number, number])  # type: ignore[attr-defined]
    book.save(path)
    return path


def kobo_csv(
    path: Path, fields: list[Field], choices: dict[str, list[str]], submissions: list[Submitted], groups: bool = True
) -> Path:
    columns = _kobo_columns(fields, choices, groups, None)
    rows: list[list[object]] = [[*columns, *KOBO_LAST]]
    for number, submitted in enumerate(submissions, start=1):
        own = [item for item in fields if item.repeat is None]
        made = _kobo_row(columns, own, submitted.values)
        cells = [cell.date().isoformat() if isinstance(cell, dt.datetime) else cell for cell in made]
        rows.append([*cells, number, f"0000-{number}", "2026-12-01T09:00:00", "", "", "", "", "v1", "", number])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
