"""`oila collect` reads the submissions exported from ODK Central and KoboToolbox for the XLSForms into the tables
of the Word forms: the same answers give the same row, whatever the channel."""

from __future__ import annotations

import csv
import os
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.collect.exports import ExportForm, read_export
from generator.collect.run import collect
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.slots import Slot, SlotKind, form_slots
from generator.render.xlsform import VERSION_FIELD, Edition, Field, xlsform_fields
from tests.conftest import REPO
from tests.exports import Submitted, central_zip, kobo_csv, kobo_xlsx
from tests.odk_engine import fill, xform_of
from tests.render.test_xlsform import UZBEK, xlsforms
from tests.test_collect import fill_every_form, read_table

FORMS = ("child-needs-assessment", "follow-up-visit", "case-closure")
"""F-01 with its tables, F-05 with its ratings and skips, F-08 with its signatures."""


def _submitted(out: Path, form_id: str, row: dict[str, str], table_names: list[str]) -> Submitted:
    """What a tablet would have sent for the answers of `row`, a Word form's row as collected."""
    values = {name: value.replace(";", " ") for name, value in row.items() if name not in ("file", "channel")}
    tables = {}
    for table in table_names:
        rows = [cells for cells in read_table(out / f"{form_id}.{table}.csv") if cells["file"] == row["file"]]
        tables[table] = [{k: v for k, v in cells.items() if k not in ("file", "row")} for cells in rows]
    return Submitted({**values, "form_version": "1.0"}, tables)


def test_tablet_submissions_join_the_word_forms_in_one_table(real_project: Project, tmp_path: Path) -> None:
    fill_every_form(real_project, "uz", tmp_path / "filled")
    collect(REPO, [tmp_path / "filled"], tmp_path / "word", "uz", lambda message: None)
    view = real_project.localize("uz")
    exports = []
    for form in (form for form in view.forms if form.id in FORMS):
        slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
        fields = xlsform_fields(Edition(view.language, form, view.labels))
        choices = _choices(slots)
        tables = sorted({slot.table for slot in slots if slot.table})
        [row] = read_table(tmp_path / "word" / f"{form.id}.csv")
        submitted = [_submitted(tmp_path / "word", form.id, row, tables)]
        exports += [
            central_zip(tmp_path / f"{form.id}-central.zip", form.id, fields, submitted),
            kobo_xlsx(tmp_path / f"{form.id}-kobo.xlsx", f"{form.code} {form.title}", fields, choices, submitted),
            kobo_csv(tmp_path / f"{form.id}-kobo.csv", fields, choices, submitted),
        ]
    summary = collect(REPO, [tmp_path / "filled", *exports], tmp_path / "all", "uz", lambda message: None)
    assert summary.rejected == 0
    for form_id in FORMS:
        rows = read_table(tmp_path / "all" / f"{form_id}.csv")
        assert [row["channel"] for row in rows] == ["Word", "ODK Central", "KoboToolbox", "KoboToolbox"]
        answers = [{k: v for k, v in row.items() if k not in ("file", "channel")} for row in rows]
        assert answers[1:] == [answers[0]] * 3, form_id
        for table in sorted(path.name for path in (tmp_path / "word").glob(f"{form_id}.*.csv")):
            cells = read_table(tmp_path / "all" / table)
            by_file = {}
            for cell in cells:
                by_file.setdefault(cell.pop("file").split("#")[0], []).append(cell)
            word = next(value for key, value in by_file.items() if key.endswith(".docx"))
            assert by_file[str(tmp_path / f"{form_id}-central.zip")] == word, table
            assert by_file[str(tmp_path / f"{form_id}-kobo.xlsx")] == word, table
    assert not [
        line for line in _report(tmp_path / "all") if "version" in line["problem"] or "rejected" in line["problem"]
    ]


def _choices(slots: tuple[Slot, ...]) -> dict[str, list[str]]:
    """The answers of each question answered by ticking boxes on paper (a multiple choice, a yes/no)."""
    choices: dict[str, list[str]] = {}
    for slot in slots:
        if slot.kind is SlotKind.CHECK:
            choices.setdefault(slot.field, []).append(slot.choices[0].id)
    return choices


def _follow_up(real_project: Project) -> tuple[list[Field], dict[str, list[str]], dict[str, str]]:
    """F-05's fields, its multiple choices' answers, and answers to its required questions."""
    view = real_project.localize("en")
    form = next(form for form in view.forms if form.id == "follow-up-visit")
    fields = xlsform_fields(Edition(view.language, form, view.labels))
    slots = form_slots(form, "Other")
    values = {}
    for slot in (slot for slot in slots if slot.required):
        by_kind = {SlotKind.DATE: "2026-12-01", SlotKind.TEXT: "Answered", SlotKind.LONG_TEXT: "Answered"}
        values[slot.field] = by_kind.get(slot.kind) or slot.choices[0].id
    values.update({"header.case_number": "UZ-0001", "care_arrangement": "parents", "form_version": "1.0"})
    return fields, _choices(slots), values


def test_an_export_of_another_version_is_rejected_naming_the_columns_that_differ(
    real_project: Project, tmp_path: Path
) -> None:
    fields, _, values = _follow_up(real_project)
    renamed = [replace(item, name="visit_day") if item.name == "visit_date" else item for item in fields]
    export = central_zip(tmp_path / "central.zip", "follow-up-visit", renamed, [Submitted(values)])
    not_export = tmp_path / "list.csv"
    not_export.write_text("name,phone\nDilnoza,+998 90 000 00 00\n", encoding="utf-8")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    summary = collect(REPO, [export, not_export, broken], tmp_path / "out", "en", lambda message: None)
    assert summary.rejected == 3
    report = {Path(line["file"]).name: line["problem"] for line in _report(tmp_path / "out")}
    assert report == {
        "central.zip": "rejected: an export from ODK Central of form follow-up-visit, but not of its version 1.0: in "
        "the submissions, missing visit_date; unknown visit-visit_day",
        "list.csv": "rejected: not an export of submissions from ODK Central or KoboToolbox (its columns are "
        "neither's)",
        "broken.zip": "rejected: not a zip of ODK Central's export: the file is not a zip package, or is damaged",
    }


def test_a_submission_is_checked_as_a_word_form_is(real_project: Project, tmp_path: Path) -> None:
    fields, choices, values = _follow_up(real_project)
    older = {**values, "form_version": "0.9", "header.case_number": ""}
    wrong = {**values, "care_arrangement": "orphanage", "visit_date": "yesterday"}
    export = kobo_xlsx(tmp_path / "kobo.xlsx", "F-05", fields, choices, [Submitted(values), Submitted(older)], True)
    csv_export = kobo_csv(tmp_path / "kobo.csv", fields, choices, [Submitted(wrong)])
    summary = collect(REPO, [export, csv_export], tmp_path / "out", "en", lambda message: None)
    assert (summary.rejected, summary.per_form) == (0, {"follow-up-visit": 3})
    problems = [(Path(line["file"]).name, line["problem"]) for line in _report(tmp_path / "out")]
    assert problems == [
        ("kobo.xlsx#0000-2", "header.case_number: required, left empty"),
        ("kobo.xlsx#0000-2", "filled on version 0.9 of the form; this is 1.0"),
        ("kobo.csv#0000-1", "visit_date: not a date"),
        ("kobo.csv#0000-1", "care_arrangement: an answer that is not in the list"),
        ("kobo.csv#0000-1", "visit_date: required, left empty"),  # as a Word form's wrong answer is
        ("kobo.csv#0000-1", "care_arrangement: required, left empty"),
    ]


def _report(out: Path) -> list[dict[str, str]]:
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as report:
        return list(csv.DictReader(report))


def test_an_export_that_unpacks_beyond_any_district_s_submissions_is_refused_unread(
    real_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fields, choices, values = _follow_up(real_project)
    monkeypatch.setattr("generator.collect.exports.MAX_EXPORT_BYTES", 2_000)
    central = central_zip(tmp_path / "central.zip", "follow-up-visit", fields, [Submitted(values)] * 3)
    kobo = kobo_xlsx(tmp_path / "kobo.xlsx", "F-05", fields, choices, [Submitted(values)])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"\x00" * 100)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # would block a reader for ever
    summary = collect(REPO, [central, kobo, broken, pipe], tmp_path / "out", "en", lambda message: None)
    assert summary.rejected == 4
    assert [line["problem"] for line in _report(tmp_path / "out")] == [
        "rejected: holds a part that unpacks to far more than any such file (a zip bomb)",
        "rejected: unpacks to far more than any such file (a zip bomb)",
        "rejected: not an Excel workbook (.xlsx): the file is not a zip package, or is damaged",
        "rejected: not a regular file (a folder, a device, a pipe or a socket); nothing was read from it",
    ]


def test_central_s_csv_files_are_read_as_its_zip_is(real_project: Project, tmp_path: Path) -> None:
    """The submissions' file finds its tables' files beside it; a table's file named too is not read twice."""
    fields, _, values = _follow_up(real_project)
    tables = sorted({field.repeat for field in fields if field.repeat})
    rows = {table: [{field.name: "Answered" for field in fields if field.repeat == table}] for table in tables}
    export = central_zip(tmp_path / "central.zip", "follow-up-visit", fields, [Submitted(values, rows)])
    with zipfile.ZipFile(export) as archive:
        archive.extractall(tmp_path / "csv")
    named = sorted((tmp_path / "csv").iterdir())
    expected = ["follow-up-visit.csv", *(f"follow-up-visit-{table}.csv" for table in tables)]
    assert [path.name for path in named] == sorted(expected)
    for inputs, out in (([export], "from-zip"), (named, "from-csv")):
        summary = collect(REPO, inputs, tmp_path / out, "en", lambda message: None)
        assert (summary.files, summary.rejected, summary.per_form) == (len(inputs), 0, {"follow-up-visit": 1})
    for table in tables:
        [zipped] = read_table(tmp_path / "from-zip" / f"follow-up-visit.{table}.csv")
        [from_csv] = read_table(tmp_path / "from-csv" / f"follow-up-visit.{table}.csv")
        assert zipped.pop("file").endswith("central.zip#uuid:0000-1")
        assert from_csv.pop("file").endswith("follow-up-visit.csv#uuid:0000-1")
        assert zipped == from_csv and "Answered" in zipped.values()


def _an_answer(field: dict[str, Any]) -> str:
    """What a worker would put in a required field on a tablet."""
    if field["choices"]:
        return str(field["choices"][0])
    return {"date": "2026-12-01", "int": "2"}.get(field["valueType"], "Javob")


def test_f05_filled_on_a_tablet_in_uzbek_joins_the_word_forms_filled_in_the_office(
    real_project: Project, tmp_path: Path
) -> None:
    """F-05's XLSForm goes to KoboToolbox unchanged (pyxform takes it), is filled in Uzbek in ODK's form engine with
    its skip logic working, and its submission, exported, is collected into the table of the Word forms."""
    xform = xform_of(xlsforms(real_project)["follow-up-visit"], tmp_path)
    empty = fill(xform, UZBEK, [("child_seen", "no")])
    assert not empty.shown("seen_alone") and empty.shown("not_seen_reason")
    assert empty.fields["visit_date"]["label"] == "1.1 Tashrif sanasi"
    required = [
        (name, _an_answer(field)) for name, field in empty.fields.items() if "/" not in name and field["required"]
    ]
    answers = [*required, ("child_seen", "no"), ("visit_number", "3"), ("visit_place", "home")]
    filled = fill(xform, UZBEK, answers)
    assert filled.blocking() == []
    sent = {
        name: field["value"] for name, field in filled.fields.items() if "/" not in name and field["value"] is not None
    }
    view = real_project.localize("uz")
    form = next(form for form in view.forms if form.id == "follow-up-visit")
    fields = xlsform_fields(Edition(view.language, form, view.labels))
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    export = kobo_xlsx(tmp_path / "kobo.xlsx", "F-05 Monitoring", fields, _choices(slots), [Submitted(sent)])
    word = tmp_path / "f05.docx"
    case = REPO / "training" / "cases" / "jasur" / "follow-up-visit.yaml"
    assert main(["--project", str(REPO), "fill", "F-05", "--data", str(case), "--lang", "uz", "--out", str(word)]) == 0
    summary = collect(REPO, [word, export], tmp_path / "out", "uz", lambda message: None)
    assert (summary.rejected, summary.per_form) == (0, {"follow-up-visit": 2})
    office, tablet = read_table(tmp_path / "out" / "follow-up-visit.csv")
    assert (office["channel"], tablet["channel"]) == ("Word", "KoboToolbox")
    assert office["visit_date"] and tablet["visit_number"] == "3" and tablet["child_seen"] == "no"
    for column in tablet:
        if column not in ("file", "channel"):
            assert tablet[column] == sent.get(column, "").replace(" ", ";"), column


def test_an_export_is_told_from_a_longer_form_that_has_all_its_fields(real_project: Project, tmp_path: Path) -> None:
    view = real_project.localize("en")
    form = next(form for form in view.forms if form.id == "follow-up-visit")
    fields = tuple(xlsform_fields(Edition(view.language, form, view.labels)))
    slots = form_slots(form, "Other")
    short_fields = tuple(field for field in fields if field.groups == ("header",) or field.name == VERSION_FIELD)
    short = ExportForm("a-short-form", "1.0", tuple(s for s in slots if s.field.startswith("header.")), short_fields)
    forms = [ExportForm(form.id, form.version, slots, fields), short]
    _, _, values = _follow_up(real_project)
    for chosen in forms:
        export = central_zip(tmp_path / f"{chosen.id}.zip", chosen.id, list(chosen.fields), [Submitted(values)])
        assert read_export(export, forms).form_id == chosen.id
