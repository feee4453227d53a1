"""A fillable form filled in LibreOffice as a worker fills it: only the controls take what is typed, the answers
are not grey, and `oila collect` reads them back by their tags."""

from __future__ import annotations

import csv
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.collect.run import collect
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.slots import Slot, SlotKind, form_slots
from generator.model.view import QuestionView
from generator.pdf import SYSTEM_PYTHON, converter_problem
from generator.render.fillable import fillable_document
from generator.render.wordml import PLACEHOLDER_STYLE_ID
from tests.conftest import REPO

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def first(slots: tuple[Slot, ...], kind: SlotKind) -> Slot:
    return next(slot for slot in slots if slot.kind is kind and slot.table is None)


@pytest.mark.skipif(converter_problem() is not None, reason="LibreOffice 25.2 is part of the set-up: run make test")
def test_a_worker_types_only_into_the_controls_and_collect_reads_every_answer(
    real_project: Project, tmp_path: Path
) -> None:
    view = real_project.localize("ru")
    form = view.forms[0]
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    text, long_text, date = first(slots, SlotKind.TEXT), first(slots, SlotKind.LONG_TEXT), first(slots, SlotKind.DATE)
    choice, check = first(slots, SlotKind.CHOICE), first(slots, SlotKind.CHECK)
    question = next(item for item in form.sections[0].questions if isinstance(item, QuestionView))
    plan = {
        "type": {
            text.tag: "Иванова Малика",
            long_text.tag: "Хочет жить с бабушкой; 5-й класс.",
            date.tag: "05.03.2026",
        },
        "choose": {choice.tag: choice.choices[1].label},
        "tick": [check.tag],
        "labels": [form.title[:20], f"{question.number}  {question.label[:15]}"],
        "into_labels": "TYPED ",
    }
    blank = tmp_path / "blank.docx"
    blank.write_bytes(fillable_document(form, view.language, view.labels, {}))
    (tmp_path / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    filled, report_file = tmp_path / "filled" / "filled.docx", tmp_path / "report.json"
    filled.parent.mkdir()
    script = REPO / "tests" / "libreoffice_fill.py"
    arguments = [tmp_path / "profile", blank, filled, tmp_path / "plan.json", report_file]
    filling = subprocess.run(
        [SYSTEM_PYTHON, str(script), *map(str, arguments)], capture_output=True, timeout=600, check=False
    )
    assert filling.returncode == 0, filling.stderr.decode("utf-8", "replace")[-3000:]
    report = json.loads(report_file.read_text(encoding="utf-8"))

    assert all(not text.startswith("TYPED") for text in report["labels"].values()), report["labels"]
    assert report["labels"][plan["labels"][0]].startswith(form.title[:20])
    assert report["typed"] == plan["type"]
    package = zipfile.ZipFile(filled)
    protection = etree.fromstring(package.read("word/settings.xml")).find(f"{W}documentProtection")
    assert protection is not None and (protection.get(f"{W}edit"), protection.get(f"{W}enforcement")) == ("forms", "1")
    document = etree.fromstring(package.read("word/document.xml"))
    for control in document.iter(f"{W}sdt"):
        tag = control.find(f"{W}sdtPr/{W}tag")
        if tag is not None and tag.get(f"{W}val") in plan["type"]:
            styled = [run.find(f"{W}rPr/{W}rStyle") for run in control.iter(f"{W}r") if run.find(f"{W}t") is not None]
            assert all(style is None or style.get(f"{W}val") != PLACEHOLDER_STYLE_ID for style in styled)

    collect(REPO, [filled], tmp_path / "out", "ru", lambda message: None)
    header, _, row = csv.reader((tmp_path / "out" / f"{form.id}.csv").read_text(encoding="utf-8-sig").splitlines())
    values = dict(zip(header, row, strict=True))
    assert values[text.field] == "Иванова Малика"
    assert values[long_text.field] == "Хочет жить с бабушкой; 5-й класс."
    assert values[date.field] == "2026-03-05"
    assert values[choice.field] == choice.choices[1].id
    assert check.choices[0].id in values[check.field].split(";")
