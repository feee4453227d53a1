"""Benchmark of `oila collect` on 1,000 filled copies of the child needs assessment.

Run with `make bench`. Reports forms per second for the whole command (start-up included), the time
merely to unzip the same files and parse their word/document.xml with lxml, and docx2python's rate
on a sample of them. Each of the first two is the median of five runs. A benchmark, not a test: it prints
and never fails.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from bench import median_seconds
from docx2python import docx2python
from lxml import etree

from generator.load.project import load_project
from generator.model.labels import LabelId
from generator.model.slots import SlotKind, form_slots
from generator.render.fillable import fillable_document

COPIES = 1000
DOCX2PYTHON_SAMPLE = 50


def _parse_all(files: list[Path]) -> None:
    for path in files:
        with zipfile.ZipFile(path) as archive:
            etree.fromstring(archive.read("word/document.xml"))


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    view = load_project(root).localize("ru")
    form = next(form for form in view.forms if form.code == "F-01")
    slots = form_slots(form, view.labels[LabelId.OTHER_SPECIFY])
    with tempfile.TemporaryDirectory(prefix="oila-bench-") as folder:
        work = Path(folder)
        filled = work / "filled"
        filled.mkdir()
        for copy in range(COPIES):
            answers = {slot.tag: f"Ответ {copy}" for slot in slots if slot.kind in (SlotKind.TEXT, SlotKind.LONG_TEXT)}
            (filled / f"{copy:04}.docx").write_bytes(fillable_document(form, view.language, view.labels, answers))
        files = sorted(filled.glob("*.docx"))
        # Oila's modules compiled to bytecode, as an installed tool has them (and as any second run finds
        # them, unless PYTHONDONTWRITEBYTECODE is set, as on some build machines).
        compileall.compile_dir(root / "generator", quiet=1)
        command = [sys.executable, "-m", "generator.cli", "--project", str(root), "collect", str(filled)]
        collect_seconds = median_seconds(
            lambda: subprocess.run([*command, "--out", str(work / "out")], check=True, capture_output=True)
        )
        parse_seconds = median_seconds(lambda: _parse_all(files))
        started = time.perf_counter()
        for path in files[:DOCX2PYTHON_SAMPLE]:
            with docx2python(path) as content:
                content.text  # noqa: B018 - reading is what is timed
        docx2python_per_file = (time.perf_counter() - started) / DOCX2PYTHON_SAMPLE
    print(f"{COPIES} filled copies of F-01 ({len(slots)} controls each)")
    print(f"oila collect, whole command:   {collect_seconds:7.2f} s = {COPIES / collect_seconds:6.0f} forms/s")
    print(f"unzip + lxml parse, one core:  {parse_seconds:7.2f} s = {COPIES / parse_seconds:6.0f} forms/s")
    print(f"collect / parse:               {collect_seconds / parse_seconds:7.2f}x")
    print(f"docx2python ({DOCX2PYTHON_SAMPLE} files):       {1 / docx2python_per_file:7.1f} forms/s")
    print(f"collect / docx2python speed:   {COPIES / collect_seconds * docx2python_per_file:7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
