"""Sources an unlucky or hostile author could write: too large, too deep, too long, invisible characters, ids
used twice, one broken form; each a located problem, the others still checked, never a traceback or a hang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.errors import Location
from generator.messages import problem
from tests.conftest import WriteSource
from tests.load.test_project import FORM, problems
from tests.load.test_sop import edit

LIMIT_MEMORY = (
    "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    "from generator.cli import main; sys.exit(main(sys.argv[1:]))"
)
"""`oila` with its memory limited to 1 GiB: a source that made it grow without bound would kill it."""


def oila_bounded(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMIT_MEMORY, "--project", str(root), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_source_nested_a_hundred_thousand_deep_is_stopped_where_it_starts(
    root: Path, write_source: WriteSource
) -> None:
    write_source("forms/sample.yaml", FORM + "extra: " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = oila_bounded(root, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "forms/sample.yaml:17:40: " in result.stderr
    assert "nested more than 32 levels deep, far deeper than any source; the rest was not read [too-deep]" in (
        result.stderr
    )


def test_a_source_too_large_is_not_parsed(root: Path, write_source: WriteSource) -> None:
    path = write_source("forms/sample.yaml", FORM)
    with path.open("a", encoding="utf-8") as source:
        source.write("# " + "x" * (5 * 1024 * 1024) + "\n")
    location = Location("forms/sample.yaml")
    assert problems(root) == [str(problem("too-large", location, size=path.stat().st_size // 1024, limit=4))]


def test_a_text_too_long_is_named_where_it_stands(root: Path, write_source: WriteSource) -> None:
    path = write_source("forms/sample.yaml", FORM.replace("uz: Rozilik olinganmi?", "uz: " + "a" * 25_000))
    column = path.read_text(encoding="utf-8").splitlines()[15].index("uz:") + 1
    location = Location("forms/sample.yaml", 16, column, ("sections", 0, "questions", 0, "label", "uz"))
    assert problems(root) == [str(problem("too-long", location, length=25_000, limit=20_000))]


def test_an_invisible_character_is_named_in_yaml_and_in_prose(root: Path, write_source: WriteSource) -> None:
    path = write_source("forms/sample.yaml", FORM.replace("ru: Согласие получено?", "ru: Согласие\u202e получено?"))
    column = path.read_text(encoding="utf-8").splitlines()[15].index("ru:") + 1
    edit(root, "sop/ru/01-purpose.md", "\n\n{{ legal_basis }}", "\n\nТекст\u200b.\n\n{{ legal_basis }}")
    found = problems(root)
    assert found == [
        f"forms/sample.yaml:16:{column}: sections[0].questions[0].label.ru: the text holds U+202E RIGHT-TO-LEFT "
        "OVERRIDE, an invisible character that can hide or reverse text; delete it [invisible-character]",
        "sop/ru/01-purpose.md:5:6: the text holds U+200B ZERO WIDTH SPACE, an invisible character that can hide or "
        "reverse text; delete it [invisible-character]",
    ]


def test_an_answer_id_used_twice_in_one_list_is_a_problem(root: Path, write_source: WriteSource) -> None:
    choices = (
        "      - id: needs\n        type: single\n"
        "        label: {en: Needs, ru: Нужды, uz: Ehtiyojlar}\n        choices:\n"
        "          - {id: health, label: {en: Health, ru: Здоровье, uz: Sogʻliq}}\n"
        "          - {id: health, label: {en: School, ru: Школа, uz: Maktab}}\n"
    )
    write_source("forms/sample.yaml", FORM + choices)
    location = Location("forms/sample.yaml", 22, 14, ("sections", 0, "questions", 1, "choices", 1, "id"))
    expected = problem("duplicate-item", location, value="health", first="forms/sample.yaml:21")
    assert problems(root) == [str(expected)]


def test_a_broken_form_is_named_once_not_again_by_every_step_that_uses_it(root: Path) -> None:
    edit(root, "forms/every-type.yaml", "code: T-01", "code: X-1")
    found = problems(root, ignore=())
    assert len(found) == 1, found
    assert found[0].startswith("forms/every-type.yaml:3:1: code: 'X-1' is not allowed here")
