"""Submissions exported from ODK Central or KoboToolbox, read as the answers of filled forms (`oila collect`).

ODK Central: the zip its "Download all submissions" gives, or the CSV files in it. `<form id>.csv` holds a
submission a row, from `SubmissionDate` to `KEY` … `FormVersion`; each table question's rows are in
`<form id>-<table>.csv` beside it, tied to their submission by `PARENT_KEY`. A field's column is its name after its
groups, joined by `-` (`visit-visit_date`), or its name alone when exported without group names.

KoboToolbox: the XLSX export holds the submissions in its first sheet and each table question's rows in a sheet of
the table's name, tied by `_parent_index` to the submission's `_index`; the CSV export (`;`-separated) holds the
submissions alone. A field's column is its name, or its groups and name joined by `/` when exported with groups; a
multiple choice has, beside it, a column for each answer (`reasons/poverty`: the answers are read from the first),
and a drawn signature one for its address (`…signature_URL`).

A file whose columns are not those of a form of this project, as this version of the form names them, is rejected
whole, naming the columns missing or unknown. Each submission is then read as a filled Word form is: the same
answers checked, the same required questions, and the version it was filled on (the XLSForm's `form_version`).
A drawn signature stays with the server; the tables hold each signer's name, position and date, as on paper.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.collect.docx_reader import Control, Rejected
from generator.collect.matching import KIND_OF_SLOT, Answers, checked, read_answers
from generator.model.slots import Slot, SlotKind
from generator.package import BadPackage, check_parts, open_package, read_part, regular_file_size
from generator.render.xlsform import VERSION_FIELD, Field

CENTRAL = "ODK Central"
KOBO = "KoboToolbox"
EXPORTS = (".csv", ".xlsx", ".zip")
"""The endings of the exports `oila collect` reads, besides filled Word forms."""
MAX_EXPORT_BYTES = 256 * 1024 * 1024
"""What an export may unpack to: far beyond any district's submissions, far below what would exhaust the machine."""
EXPORT_PARTS = 100_000
"""The files a zip of ODK Central's may hold: its CSV files and a drawn signature a signer a submission."""
_CENTRAL_META = frozenset(
    {"SubmissionDate", "KEY", "PARENT_KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent"}
    | {"AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"}
    | {"instanceID", "instanceName", "deprecatedID"}
)
"""The columns ODK Central adds to a form's own; `meta-…` columns are the form's metadata."""


class TableRows(Exception):
    """The file holds the rows of a table question of ODK Central's export: they are read with the file of their
    submissions, beside it."""


@dataclass(frozen=True)
class ExportForm:
    """What reading a form's submissions needs: its version, its slots (as `oila collect` reads Word forms) and its
    XLSForm's fields."""

    id: str
    version: str
    slots: tuple[Slot, ...]
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Submission:
    name: str
    """The file and the submission's key in it: `export.zip#uuid:…`."""
    answers: Answers


@dataclass(frozen=True)
class Export:
    form_id: str
    channel: str
    submissions: list[Submission]


@dataclass(frozen=True)
class _Sheet:
    name: str
    header: list[str]
    rows: list[list[str]]

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.header, row + [""] * (len(self.header) - len(row)), strict=False)) for row in self.rows]


def read_export(path: Path, forms: Sequence[ExportForm]) -> Export:
    """Every submission of the export `path`; `Rejected`, saying why, when it is not an export of one of `forms`
    in its current version; `TableRows` for a table's own file of ODK Central's."""
    sheets = _sheets(path)
    main, *tables = sheets
    if "PARENT_KEY" in main.header:
        raise TableRows(f"the rows of a table, read with the file of their submissions beside it ({path.name})")
    channel = CENTRAL if {"KEY", "SubmissionDate"} <= set(main.header) else KOBO if _is_kobo(main.header) else ""
    if not channel:
        raise Rejected("not an export of submissions from ODK Central or KoboToolbox (its columns are neither's)")
    form = _form_of(main.header, forms, channel)
    repeats = {field.repeat for field in form.fields if field.repeat}
    by_table = {sheet.name: sheet for sheet in tables if sheet.name in repeats}
    columns = _matched(main.header, form, None, channel)
    key = "KEY" if channel == CENTRAL else "_index"
    parent = "PARENT_KEY" if channel == CENTRAL else "_parent_index"
    rows_of = {
        table: _grouped(by_table[table].records(), parent, _matched(by_table[table].header, form, table, channel))
        for table in sorted(by_table)
    }
    submissions = []
    for record in main.records():
        values = {columns[header]: value for header, value in record.items() if header in columns}
        tables_of = {table: rows.get(record.get(key, ""), []) for table, rows in rows_of.items()}
        name = record.get("KEY") or record.get("_uuid") or record.get("_index", "")
        submissions.append(Submission(f"{path}#{name}", _answers(form, values, tables_of)))
    return Export(form.id, channel, submissions)


def _is_kobo(header: list[str]) -> bool:
    return "_uuid" in header or "_index" in header


def _form_of(header: list[str], forms: Sequence[ExportForm], channel: str) -> ExportForm:
    """The form whose fields name the most of `header`'s columns and, of those, the one that leaves the fewest of
    its fields without a column: a short form whose fields a longer one has too is still told from it."""

    def fit(form: ExportForm) -> tuple[int, int]:
        spellings = _spellings(form, None, channel)
        named = {spellings[column].name for column in header if column in spellings}
        return len(named), -len({field.name for field in spellings.values() if field.read} - named)

    best = max(forms, key=fit, default=None)
    if best is None or fit(best)[0] == 0:
        raise Rejected(f"an export from {channel}, but of no form of this project (none of its columns is known)")
    return best


def _spellings(form: ExportForm, repeat: str | None, channel: str) -> dict[str, Field]:
    """Each way `channel` may name the columns of the fields in `repeat` (the submission's own, for None)."""
    found: dict[str, Field] = {}
    for field in form.fields:
        if field.repeat != repeat:
            continue
        groups = field.groups
        if channel == CENTRAL and repeat is not None:
            groups = groups[groups.index(repeat) + 1 :]  # a repeat's file names its fields from the repeat
        joiner = "-" if channel == CENTRAL else "/"
        found[joiner.join((*groups, field.name))] = field
        found[field.name] = field
    return found


def _matched(header: list[str], form: ExportForm, repeat: str | None, channel: str) -> dict[str, str]:
    """`{column: field name}` of the columns of a sheet that are read; `Rejected`, naming them, if any column is
    unknown or any field read has no column."""
    spellings = _spellings(form, repeat, channel)
    unknown = [
        column
        for column in header
        if column not in spellings and not _metadata(column, channel) and not _beside(column, spellings)
    ]
    read = {column: spellings[column].name for column in header if column in spellings and spellings[column].read}
    present = set(read.values())
    missing = [field.name for field in dict.fromkeys(spellings.values()) if field.read and field.name not in present]
    if unknown or missing:
        where = f"the rows of table {repeat}" if repeat else "the submissions"
        said = [f"missing {', '.join(missing)}" if missing else "", f"unknown {', '.join(unknown)}" if unknown else ""]
        raise Rejected(
            f"an export from {channel} of form {form.id}, but not of its version {form.version}: in {where}, "
            f"{'; '.join(part for part in said if part)}"
        )
    return read


def _metadata(column: str, channel: str) -> bool:
    if channel == CENTRAL:
        return column in _CENTRAL_META or column.startswith("meta-")
    return column.startswith(("_", "meta/")) or column in ("start", "end")


def _beside(column: str, spellings: dict[str, Field]) -> bool:
    """Whether `column` is one KoboToolbox writes beside a field: an answer of a multiple choice, or a file's
    address."""
    stem, _, answer = column.rpartition("/")
    if answer and spellings.get(stem) is not None and spellings[stem].kind == "select_multiple":
        return True
    address = column.removesuffix("_URL")
    return address != column and address in spellings and spellings[address].kind == "image"


def _grouped(records: list[dict[str, str]], parent: str, columns: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """A table's rows by the key of their submission, each as `{field name: value}`, in the file's order."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for record in records:
        row = {columns[header]: value for header, value in record.items() if header in columns}
        grouped.setdefault(record.get(parent, ""), []).append(row)
    return grouped


def _answers(form: ExportForm, values: dict[str, str], tables: dict[str, list[dict[str, str]]]) -> Answers:
    """One submission's answers, checked as a Word form's are."""
    pairs = []
    for slot in form.slots:
        if slot.table is not None:
            continue
        if slot.kind is SlotKind.CHECK:
            value = "1" if slot.choices[0].id in values.get(slot.field, "").split() else ""
        else:
            value = values.get(slot.field, "")
        pairs.append((slot, Control(slot.tag, KIND_OF_SLOT[slot.kind], value)))
    answers = read_answers(pairs, form.slots, frozenset())
    columns = {(slot.table, slot.field): slot for slot in form.slots if slot.table is not None and slot.row == 1}
    for table, rows in tables.items():
        for number, row in enumerate(rows, start=1):
            for column, value in row.items():
                slot = columns[(table, column)]
                cell, problem = checked(slot, value.strip())
                if problem:
                    answers.problems.append(f"{table}[{number}].{column}: {problem}")
                elif cell:
                    answers.tables.setdefault(table, {}).setdefault(number, {})[column] = cell
    filled_on = values.get(VERSION_FIELD, "")
    if filled_on != form.version:
        answers.problems.append(f"filled on version {filled_on or '?'} of the form; this is {form.version}")
    return answers


def _sheets(path: Path) -> list[_Sheet]:
    """The export's sheets, the submissions' first, each table's named by its table; read within bounds
    (`generator.package`), as every file from outside is."""
    try:
        if path.suffix.lower() == ".zip":
            return _central_zip(path)
        if path.suffix.lower() == ".xlsx":
            return _kobo_workbook(path)
        return _csv_files(path)
    except BadPackage as reason:
        raise Rejected(str(reason)) from None
    except (OSError, UnicodeDecodeError, csv.Error, KeyError, ValueError) as error:
        raise Rejected(f"cannot be read as an export ({type(error).__name__})") from None


def _central_zip(path: Path) -> list[_Sheet]:
    """A zip of ODK Central's: the submissions' CSV first, each table's after it; the media beside them unread."""
    regular_file_size(path)
    with open_package(path, "a zip of ODK Central's export", EXPORT_PARTS) as archive:
        names = [info.filename for info in archive.infolist() if info.filename.endswith(".csv")]
        texts, left = {}, MAX_EXPORT_BYTES
        for name in (name for name in names if "/" not in name):
            data = read_part(archive, name, left) or b""
            left -= len(data)
            texts[Path(name).stem] = data.decode("utf-8-sig")
    return _central_sheets(texts)


def _csv_files(path: Path) -> list[_Sheet]:
    """A CSV export: KoboToolbox's (`;`), or ODK Central's with the tables' files found beside it."""
    beside = sorted(path.parent.glob(f"{path.stem}-*.csv"))
    if sum(regular_file_size(each) for each in (path, *beside)) > MAX_EXPORT_BYTES:
        raise Rejected("larger than an export of submissions can be: refused unread")
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(","):
        return [_sheet(path.stem, text, ";")]
    texts = {path.stem: text, **{other.stem: other.read_text(encoding="utf-8-sig") for other in beside}}
    return _central_sheets(texts, path.stem)


def _central_sheets(texts: dict[str, str], main: str | None = None) -> list[_Sheet]:
    """ODK Central's CSV files by name: the submissions' (the one without `PARENT_KEY`), then each table's, named by
    the part of its file's name after the form id."""
    sheets = {stem: _sheet(stem, text, ",") for stem, text in texts.items()}
    if main is None:
        roots = sorted(stem for stem, sheet in sheets.items() if "PARENT_KEY" not in sheet.header)
        if len(roots) != 1:
            raise Rejected("holds no single file of submissions; is it a zip of ODK Central's export?")
        main = roots[0]
    tables = [
        _Sheet(stem.removeprefix(f"{main}-"), sheet.header, sheet.rows)
        for stem, sheet in sorted(sheets.items())
        if stem.startswith(f"{main}-")
    ]
    return [sheets[main], *tables]


def _sheet(name: str, text: str, delimiter: str) -> _Sheet:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        raise Rejected("is empty")
    return _Sheet(name, rows[0], rows[1:])


def _kobo_workbook(path: Path) -> list[_Sheet]:
    """KoboToolbox's XLSX export: the submissions' sheet, then each table's."""
    from openpyxl import load_workbook  # noqa: PLC0415 (openpyxl takes a third of a second to load)

    regular_file_size(path)
    with open_package(path, "an Excel workbook (.xlsx)") as archive:
        check_parts(archive, MAX_EXPORT_BYTES)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in book.worksheets:
            rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            if rows:
                sheets.append(_Sheet(sheet.title, rows[0], rows[1:]))
    finally:
        book.close()
    if not sheets:
        raise Rejected("is empty")
    return sheets


def _cell(value: object) -> str:
    """A cell as the text a CSV export would hold: a date as YYYY-MM-DD, a whole number without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
