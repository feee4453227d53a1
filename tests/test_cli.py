"""The command line: one line per problem, a count, exit 1, never a traceback for bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import WriteSource


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *arguments], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_check_on_clean_sources_exits_0(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(root), "check"]) == 0
    assert "1 forms, " in capsys.readouterr().out


def test_check_reports_every_problem_then_a_count_and_exits_1(root: Path, write_source: WriteSource) -> None:
    write_source("forms/empty.yaml", "")
    write_source("forms/list.yaml", "- a\n")
    result = run("check", cwd=root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("forms/empty.yaml:1:1: the file is empty;")
    assert lines[1].startswith("forms/list.yaml:1:1: expected a mapping of keys")
    assert lines[-1] == "oila: 2 problems in the sources"
    assert "Traceback" not in result.stderr


def test_a_character_that_would_break_or_reverse_a_message_is_printed_as_an_escape(
    root: Path, write_source: WriteSource, capsys: pytest.CaptureFixture[str]
) -> None:
    write_source("forms/odd.yaml", 'id: odd\n"co\\u202ede\\r": F-99\n')
    assert main(["--project", str(root), "check"]) == 1
    printed = capsys.readouterr().err
    assert "co\\u202ede\\r" in printed
    assert "\u202e" not in printed and "\r" not in printed


def test_a_folder_without_oila_yaml_is_explained(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"oila: {tmp_path}: not an Oila project (oila.yaml is missing)")


def test_build_with_broken_sources_writes_nothing(root: Path, write_source: WriteSource) -> None:
    write_source("forms/broken.yaml", "id: [\n")
    result = run("build", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not (root / "build").exists()


def test_a_build_says_what_it_kept_and_made_and_when_each_stage_ran(root: Path) -> None:
    arguments = ("build", "--only", "forms", "--only", "sop", "--lang", "en")
    said = run(*arguments, cwd=root).stdout.splitlines()
    assert "Word documents: 0 of 2 unchanged, kept from the cache" in said
    assert "Word documents: made 2 of 2" in said
    assert "writing: 2 written, 0 unchanged" in said
    assert any(
        line.startswith("oila: took ") and "stages, in seconds from the start: sources " in line for line in said
    )
    (root / "build" / "forms" / "en" / "T-01-every-type.docx").write_bytes(b"changed by hand")
    again = run(*arguments, cwd=root).stdout.splitlines()
    assert "Word documents: 2 of 2 unchanged, kept from the cache" in again
    assert "writing: 1 written, 1 unchanged" in again
    unchanged = run(*arguments, cwd=root).stdout.splitlines()
    assert unchanged[0] == "nothing changed since the last build"
    assert unchanged[1] == f"oila: wrote 0 and kept 2 unchanged of 2 files in {root / 'build'}"


def test_an_unknown_language_lists_the_known_ones(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(root), "build", "--lang", "tg"]) == 1
    assert capsys.readouterr().err == "oila: unknown language 'tg'; choose from en, ru, uz, uz-Cyrl\n"


def test_bad_references_of_every_kind_are_reported_together_without_a_traceback(root: Path) -> None:
    structure = root / "sop" / "structure.yaml"
    text = structure.read_text(encoding="utf-8")
    text = text.replace('"{timeframe:assessment|within}", ru:', '"{timeframe:assesment|within}", ru:', 1)
    text = text.replace("title: {en: Review,", 'title: {en: "Review {step:review|title}",', 1)
    structure.write_text(text, encoding="utf-8")
    result = run("check", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "steps[0].timeframe.en: {timeframe:assesment|within}: no timeframe 'assesment'" in result.stderr
    assert "steps[1].title.en: {step:review|title}: the references go round in a circle" in result.stderr
    assert (
        "steps[1].title.ru: the 'ru' text names no references, but the 'en' text names {step:review}" in result.stderr
    )


def test_workers_run_the_builds_own_code_whatever_folder_it_is_run_from(root: Path, tmp_path: Path) -> None:
    """The worker processes import Oila from where the command's own code is, never from a `generator` folder in the
    working folder (here one that would stop any process that imports it)."""
    decoy = tmp_path / "elsewhere"
    (decoy / "generator").mkdir(parents=True)
    (decoy / "generator" / "__init__.py").write_text("raise SystemExit('the wrong generator was imported')\n")
    command = Path(sys.executable).with_name("oila")
    arguments = ["--project", str(root), "build", "--only", "forms", "--lang", "en", "--out", str(tmp_path / "out")]
    environment = {**os.environ, "OILA_JOBS": "2"}
    result = subprocess.run(
        [str(command), *arguments], cwd=decoy, env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "forms" / "en" / "T-01-every-type.docx").is_file()
