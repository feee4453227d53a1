"""Fillable forms and `oila collect`: every control tagged, answers back out of Word and LibreOffice files,
hostile files rejected one by one, and no answer ever printed."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from generator.cli import main
from generator.collect.run import collect
from generator.collect.xlsx import workbook
from generator.load.project import load_project
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.slots import Slot, SlotKind, form_slots
from generator.render.fillable import fillable_document
from tests.conftest import REPO, ROOTS
from tests.filled import sample_answers
from tests.hostile import lying_bomb, with_compression, with_flags, with_flipped_bytes


def expected_fields(slots: tuple[Slot, ...], answers: dict[str, str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for slot in slots:
        if slot.table is not None:
            continue
        if slot.kind is SlotKind.CHECK:
            ticked = fields.get(slot.field, "")
            if answers[slot.tag] == "1":
                fields[slot.field] = ";".join(filter(None, [ticked, slot.choices[0].id]))
            else:
                fields.setdefault(slot.field, ticked)
        else:
            fields[slot.field] = answers[slot.tag]
    return fields


def read_table(path: Path) -> list[dict[str, str]]:
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[2:]]


def fill_every_form(project: Project, language: str, folder: Path) -> dict[str, dict[str, str]]:
    view = project.localize(language)
    folder.mkdir()
    expected = {}
    for form in view.forms:
        slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
        answers = sample_answers(slots)
        path = folder / f"{form.code}-{language}.docx"
        path.write_bytes(fillable_document(form, view.language, view.labels, answers))
        expected[str(path)] = expected_fields(slots, answers)
    return expected


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
def test_every_form_round_trips_through_collect(real_project: Project, tmp_path: Path, language: str) -> None:
    expected = fill_every_form(real_project, language, tmp_path / "filled")
    summary = collect(REPO, [tmp_path / "filled"], tmp_path / "out", language, lambda message: None)
    assert (summary.files, summary.rejected) == (14, 0)
    collected = {}
    for form in real_project.forms:
        for row in read_table(tmp_path / "out" / f"{form.id}.csv"):
            assert row.pop("channel") == "Word"
            collected[row.pop("file")] = row
    assert collected == expected
    book = openpyxl.load_workbook(tmp_path / "out" / "child-needs-assessment.xlsx", read_only=True)
    assert book.sheetnames[0] == "answers" and "siblings" in book.sheetnames
    rows = list(book["answers"].iter_rows(values_only=True))
    assert rows[0][:3] == ("file", "channel", "header.case_number")
    assert list(rows[2][1:]) == [
        value or None for value in list(read_table(tmp_path / "out" / "child-needs-assessment.csv")[0].values())[1:]
    ]


def test_a_spreadsheet_keeps_markup_characters_and_drops_those_xml_cannot_hold(tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").write_bytes(workbook({"answers": [["id", "note"], ["1", "A & B <i>\x01\x0b</i>"]]}))
    book = openpyxl.load_workbook(tmp_path / "book.xlsx", read_only=True)
    assert list(book["answers"].iter_rows(values_only=True)) == [("id", "note"), ("1", "A & B <i></i>")]


def test_every_control_is_tagged_once_and_the_file_names_its_form(real_project: Project) -> None:
    view = real_project.localize("uz")
    form = view.forms[0]
    document = docx.Document(io.BytesIO(fillable_document(form, view.language, view.labels, {})))
    tags = [node.get(qn("w:val")) for node in document.element.body.iter(qn("w:tag"))]
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    assert tags == [slot.tag for slot in slots]
    ids = [
        node.get(qn("w:val"))
        for node in document.element.body.iter(qn("w:id"))
        if node.getparent().tag == qn("w:sdtPr")
    ]
    assert len(ids) == len(set(ids)) == len(tags)
    assert document.core_properties.identifier == f"{form.id}@{form.version}"
    text = "\n".join(node.text or "" for node in document.element.body.iter(qn("w:t")))
    assert "Matn kiriting" in text and "Javobni tanlang" in text and "KK.OO.YYYY" in text


def test_a_form_filled_and_saved_in_libreoffice_is_still_collected(real_project: Project, tmp_path: Path) -> None:
    view = real_project.localize("ru")
    form = view.forms[0]
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    answers = sample_answers(slots)
    filled = tmp_path / "filled.docx"
    filled.write_bytes(fillable_document(form, view.language, view.labels, answers))
    soffice = shutil.which("soffice")
    assert soffice
    command = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless"]
    command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"), str(filled)]
    subprocess.run(
        command, check=True, capture_output=True, timeout=300, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    )
    saved = tmp_path / "saved" / "filled.docx"
    assert zipfile.ZipFile(saved).read("word/document.xml").count(b"<w:tag ") == len(slots)
    collect(REPO, [saved], tmp_path / "out", "ru", lambda message: None)
    [row] = read_table(tmp_path / "out" / f"{form.id}.csv")
    row.pop("file")
    assert row.pop("channel") == "Word"
    assert row == expected_fields(slots, answers)


@pytest.mark.parametrize(("saved_by", "tags"), [("libreoffice-7.4", 0), ("libreoffice-25.2", 52)])
def test_a_form_saved_by_an_older_or_a_newer_libreoffice_is_collected(
    root: Path, tmp_path: Path, saved_by: str, tags: int
) -> None:
    """The files in tests/roots/saved are the test form filled in Russian with `sample_answers`, then opened and
    saved by each LibreOffice (`soffice --convert-to "docx:MS Word 2007 XML"`): 7.4 drops every tag, and
    collect matches its controls by order and kind; 25.2 keeps them."""
    saved = ROOTS / "saved" / f"every-type-ru-{saved_by}.docx"
    assert zipfile.ZipFile(saved).read("word/document.xml").count(b"<w:tag ") == tags
    view = load_project(root).localize("ru")
    slots = form_slots(view.forms[0], view.labels[LabelId.OTHER_SPECIFY])
    collect(root, [saved], tmp_path / "out", "ru", lambda message: None)
    [row] = read_table(tmp_path / "out" / "every-type.csv")
    row.pop("file")
    assert row.pop("channel") == "Word"
    assert row == expected_fields(slots, sample_answers(slots))


def hostile_files(folder: Path, good: bytes) -> dict[str, str]:
    """Each hostile or broken file, and the words its rejection must contain."""
    folder.mkdir()
    (folder / "not-a-zip.docx").write_text("just text", encoding="utf-8")
    cases = {"not-a-zip.docx": "not a zip package"}
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}

    def package(name: str, changes: dict[str, bytes], reason: str, compress: int = zipfile.ZIP_DEFLATED) -> None:
        with zipfile.ZipFile(folder / name, "w", compression=compress) as target:
            for part, content in {**parts, **changes}.items():
                target.writestr(part, content)
        cases[name] = reason

    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>'
    package("external-entity.docx", {"word/document.xml": xxe}, "declares a DTD or entities")
    laughs = b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [' + laughs + b"]><w:document>&b;</w:document>"
    package("entity-expansion.docx", {"word/document.xml": bomb}, "declares a DTD or entities")
    package("zip-bomb.docx", {"word/padding.xml": b"\0" * 5_000_000}, "zip bomb")
    package("odd-path.docx", {"../../etc/evil.xml": b"<x/>"}, "unsafe path")
    giant = parts["word/document.xml"].replace(
        b"</w:body>",
        b"<w:p><w:sdt><w:sdtPr><w:tag w:val='giant'/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>"
        + b"x" * 200_001
        + b"</w:t></w:r></w:sdtContent></w:sdt></w:p></w:body>",
    )
    package("giant-field.docx", {"word/document.xml": giant}, "too long", compress=zipfile.ZIP_STORED)
    package("damaged.docx", {"word/document.xml": parts["word/document.xml"][:500]}, "not well-formed")
    package("no-document.docx", {}, "no word/document.xml")
    with zipfile.ZipFile(folder / "no-document.docx", "w") as target:
        target.writestr("[Content_Types].xml", parts["[Content_Types].xml"])
    other = parts["docProps/core.xml"].replace(b"child-needs-assessment@", b"some-other-form@")
    package("other-form.docx", {"docProps/core.xml": other}, "not a fillable form of this project")
    another = parts["docProps/core.xml"].replace(b"child-needs-assessment@1.0", b"referral@1.0")
    package("other-controls.docx", {"docProps/core.xml": another}, "answer fields are not those of the form")
    damages = {
        "flipped-bytes.docx": (with_flipped_bytes(good, "word/document.xml"), "is damaged: a part cannot be unpacked"),
        "encrypted.docx": (with_flags(good, "word/document.xml", 0x1), "holds an encrypted part"),
        "odd-compression.docx": (with_compression(good, "word/document.xml", 99), "packed in a way Word"),
    }
    for name, (content, reason) in damages.items():
        (folder / name).write_bytes(content)
        cases[name] = reason
    lying_bomb(folder / "lying-bomb.docx", parts, "word/document.xml", unpacked=1 << 28, claimed=1000)
    cases["lying-bomb.docx"] = "is damaged: a part cannot be unpacked"
    os.mkfifo(folder / "pipe.docx")
    (folder / "zero.docx").symlink_to("/dev/zero")
    cases.update(dict.fromkeys(("pipe.docx", "zero.docx"), "not a regular file"))
    return cases


def test_hostile_files_are_rejected_by_name_and_the_good_ones_still_read(
    real_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view = real_project.localize("en")
    form = view.forms[0]
    answers = {"full_name": "SECRET-CHILD-NAME", "header.case_number": "SECRET-CASE"}
    good = fillable_document(form, view.language, view.labels, answers)
    cases = hostile_files(tmp_path / "in", good)
    (tmp_path / "in" / "good.docx").write_bytes(good)
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    core = parts["docProps/core.xml"].replace(b"child-needs-assessment@1.0", b"child-needs-assessment@0.9")
    with zipfile.ZipFile(tmp_path / "in" / "older.docx", "w") as target:
        for part, content in {**parts, "docProps/core.xml": core}.items():
            target.writestr(part, content)
    status = main(["--project", str(REPO), "collect", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert status == 1
    printed = capsys.readouterr()
    report = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig")
    for text in (printed.out, printed.err, report):
        assert "SECRET" not in text
    lines = list(csv.reader(report.splitlines()))[1:]
    rejected = {Path(file).name: problem for file, _, problem in lines if problem.startswith("rejected")}
    assert set(rejected) == set(cases)
    for name, reason in cases.items():
        assert reason in rejected[name], (name, rejected[name])
    problems = [problem for file, _, problem in lines if Path(file).name == "older.docx"]
    assert "filled on version 0.9 of the form; this is 1.0" in problems
    assert "sex: required, left empty" in problems
    rows = read_table(tmp_path / "out" / f"{form.id}.csv")
    assert sorted(Path(row["file"]).name for row in rows) == ["good.docx", "older.docx"]


def test_a_wrong_answer_and_a_bad_date_are_reported_without_their_values(real_project: Project, tmp_path: Path) -> None:
    view = real_project.localize("ru")
    form = view.forms[0]
    filled = fillable_document(form, view.language, view.labels, {"birth_date": "2012-05-03", "sex": "female"})
    with zipfile.ZipFile(io.BytesIO(filled)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    xml = parts["word/document.xml"].replace(b'w:fullDate="2012-05-03T00:00:00Z"', b"")
    xml = xml.replace(b"03.05.2012", b"31.02.2012").replace(
        b">\xd0\x96\xd0\xb5\xd0\xbd\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9<", b">Kentavr<"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for part, content in {**parts, "word/document.xml": xml}.items():
            target.writestr(part, content)
    changed = buffer.getvalue()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "f.docx").write_bytes(changed)
    collect(REPO, [tmp_path / "in"], tmp_path / "out", "ru", lambda message: None)
    report = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig")
    assert "birth_date: not a date" in report
    assert "sex: an answer that is not in the list" in report
    assert "Kentavr" not in report and "31.02.2012" not in report


def test_fill_then_collect_gives_the_same_data(tmp_path: Path) -> None:
    data = tmp_path / "case.yaml"
    data.write_text(
        "full_name: Aziza Karimova\nsex: female\nbirth_date: 2012-05-03\nplacement_reasons=poverty: 1\n",
        encoding="utf-8",
    )
    out = tmp_path / "f01.docx"
    assert main(["--project", str(REPO), "fill", "F-01", "--data", str(data), "--lang", "uz", "--out", str(out)]) == 0
    collect(REPO, [out], tmp_path / "out", "uz", lambda message: None)
    [row] = read_table(tmp_path / "out" / "child-needs-assessment.csv")
    assert (row["full_name"], row["sex"], row["birth_date"], row["placement_reasons"]) == (
        "Aziza Karimova",
        "female",
        "2012-05-03",
        "poverty",
    )


def test_fill_names_an_unknown_field_and_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "case.yaml"
    data.write_text("ful_name: X\nsex: alien\n", encoding="utf-8")
    status = main(
        ["--project", str(REPO), "fill", "F-01", "--data", str(data), "--lang", "en", "--out", str(tmp_path / "o.docx")]
    )
    assert status == 1
    errors = capsys.readouterr().err
    assert f"{data}:1:1: ful_name: 'ful_name' is not a field of F-01" in errors
    assert f"{data}:2:1: sex: 'alien' is not an answer of this question" in errors
    assert not (tmp_path / "o.docx").exists()


def test_the_same_file_named_twice_is_read_once_and_a_formula_is_never_a_formula(
    real_project: Project, tmp_path: Path
) -> None:
    view = real_project.localize("en")
    form = view.forms[0]
    good = fillable_document(form, view.language, view.labels, {"full_name": '=HYPERLINK("http://x")'})
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "-good.docx").write_bytes(good)
    (tmp_path / "link.docx").symlink_to(tmp_path / "in" / "-good.docx")
    summary = collect(REPO, [tmp_path / "in", tmp_path / "link.docx"], tmp_path / "out", "en", lambda message: None)
    assert (summary.files, summary.per_form) == (1, {form.id: 1})
    rows = read_table(tmp_path / "out" / f"{form.id}.csv")
    assert [row["full_name"] for row in rows] == ['\'=HYPERLINK("http://x")']
    assert Path(rows[0]["file"]).name == "-good.docx"
    report = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig")
    assert f"the same file as {tmp_path / 'in' / '-good.docx'}; read once" in report
    sheet = openpyxl.load_workbook(tmp_path / "out" / f"{form.id}.xlsx").active
    assert sheet is not None
    assert '=HYPERLINK("http://x")' in [cell.value for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_an_out_that_is_a_file_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("taken", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--project", str(REPO), "collect", str(tmp_path), "--out", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "oila: out: a file of that name exists; --out names the folder the tables are written to\n"
