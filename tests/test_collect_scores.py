"""`oila collect` on filled knowledge tests: each participant's score before and after the course and the gain,
each question's share of right answers, in CSV, XLSX and a printable summary; a test that cannot be paired is
left out and said so."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import docx
import openpyxl
import pytest

from generator.cli import main
from generator.fill import fill_form
from tests.conftest import WriteSource
from tests.load.test_training import COURSE, MODULE
from tests.load.test_training_forms import QUIZ

TESTS = {
    "p1-pre": "participant: '1'\nmoment: pre\ndeadline: a\nalone: a\n",
    "p1-post": "participant: '1'\nmoment: post\ndeadline: b\nalone: a\n",
    "p2-pre": "participant: '2'\nmoment: pre\ndeadline: a\nalone: b\n",
    "p2-post": "participant: '2'\nmoment: post\ndeadline: b\nalone: b\n",
    "p10-pre": "participant: '10'\nmoment: pre\ndeadline: b\n",
    "p2-second-pre": "participant: '2'\nmoment: pre\ndeadline: b\nalone: a\n",
    "nameless": "moment: post\ndeadline: b\nalone: a\n",
}


@pytest.fixture
def filled(root: Path, write_source: WriteSource, tmp_path: Path) -> Path:
    write_source("training/course.yaml", COURSE)
    write_source("training/modules/basics.yaml", MODULE)
    write_source("training/forms/quiz.yaml", QUIZ)
    folder = tmp_path / "filled"
    folder.mkdir()
    for name, answers in TESTS.items():
        data = tmp_path / f"{name}.yaml"
        data.write_text(textwrap.dedent(answers), encoding="utf-8")
        fill_form(root, "quiz", data, "ru", folder / f"{name}.docx")
    return folder


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_collect_scores_each_participant_and_the_gain(root: Path, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["--project", str(root), "collect", str(filled), "--out", str(out), "--lang", "ru"]) == 0
    people = rows(out / "quiz.scores.csv")
    assert people[0] == ["participant", "pre", "post", "gain"]
    assert people[1] == ["Участник", "До курса", "После курса", "Прирост"]
    assert people[2:] == [["1", "1", "2", "1"], ["2", "0", "1", "1"], ["10", "1", "", ""]]
    questions = rows(out / "quiz.questions.csv")
    assert questions[2:] == [["deadline", "2.1", "b", "33.3", "100"], ["alone", "2.2", "a", "33.3", "50"]]
    report = {(Path(file).name, problem) for file, _, problem in rows(out / "report.csv")[1:]}
    second = f"a second 'pre' test of participant 2 ({filled / 'p2-pre.docx'}); left out"
    assert ("p2-second-pre.docx", second) in report
    assert ("nameless.docx", "participant: not answered, so the test is left out of the scores") in report


def test_the_scores_workbook_holds_numbers_a_spreadsheet_can_count(root: Path, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    main(["--project", str(root), "collect", str(filled), "--out", str(out), "--lang", "en"])
    book = openpyxl.load_workbook(out / "quiz.scores.xlsx")
    sheet = book["participants"]
    assert [cell.value for cell in sheet[3]] == ["1", 1, 2, 1]
    assert [cell.value for cell in book["questions"][4]] == ["alone", "2.2", "a", 33.3, 50]


def test_the_printable_summary_shows_the_averages_a_bar_for_each_question_and_each_participant(
    root: Path, filled: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    main(["--project", str(root), "collect", str(filled), "--out", str(out), "--lang", "ru"])
    document = docx.Document(str(out / "quiz.summary.docx"))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Результаты теста знаний: T-90 Тест знаний"
    assert texts[1] == "Учтено тестов: 3 до курса и 2 после него; участников, прошедших оба теста: 2."
    averages, chart, people = document.tables[1:] if len(document.tables) > 3 else document.tables
    assert [cell.text for cell in averages.rows[1].cells] == ["Средний балл", "0,7 / 2", "1,5 / 2", "+0,8"]
    deadline = chart.rows[0].cells[1].paragraphs
    assert deadline[0].text == "█" * 13 + " 33%" and deadline[1].text == "█" * 40 + " 100%"
    assert [cell.text for cell in people.rows[3].cells] == ["10", "1", "–", "–"]
    assert document.core_properties.identifier == "quiz@0.1-summary"
