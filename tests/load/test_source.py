"""Reading YAML safely, with every refusal located in the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.errors import Location, SourceErrors
from generator.load.source import read_source
from generator.messages import problem

EXPECTED = "id:, title: and options:"


def errors_of(path: Path, content: bytes) -> list[str]:
    path.write_bytes(content)
    with pytest.raises(SourceErrors) as caught:
        read_source(path, "choices/x.yaml", EXPECTED)
    return [str(item) for item in caught.value.problems]


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", "id: x\ntitle: é\n".encode("latin-1"))
    assert found == [str(problem("not-utf8", Location("choices/x.yaml", 2, 8), byte=0xE9))]


def test_a_control_character_is_located_on_its_line_after_letters_of_several_bytes(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", "id: x\ntitle: {ru: Оценка\x07 семьи}\n".encode())
    detail = "the character U+0007 cannot stand in YAML (control characters are not allowed); delete it"
    assert found == [str(problem("yaml-syntax", Location("choices/x.yaml", 2, 19), detail=detail))]


def test_an_empty_file_says_what_it_should_hold(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", b"# only a comment\n")
    assert found == [str(problem("empty-file", Location("choices/x.yaml", 1, 1), expected=EXPECTED))]


def test_a_list_is_not_a_mapping(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", b"- a\n- b\n")
    expected = problem("not-a-mapping", Location("choices/x.yaml", 1, 1), expected=EXPECTED, found="a list")
    assert found == [str(expected)]


def test_tags_that_would_construct_objects_are_refused(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", b"id: x\ntitle: !!python/object/apply:os.system [ls]\n")
    location = Location("choices/x.yaml", 2, 1, ("title",))
    assert found == [str(problem("yaml-tag", location, tag="!!python/object/apply:os.system"))]


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    found = errors_of(tmp_path / "x.yaml", "\n".join(lines).encode())
    assert time.perf_counter() - started < 5, "expanding the aliases would take hours"
    assert found[0] == str(problem("yaml-anchor", Location("choices/x.yaml", 1, 1, ("a0",))))


def test_a_duplicate_key_names_the_key_and_line(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", b"id: x\ntitle: a\ntitle: b\n")
    assert found == [str(problem("duplicate-key", Location("choices/x.yaml", 3, 1), key="title"))]


def test_broken_syntax_is_located(tmp_path: Path) -> None:
    found = errors_of(tmp_path / "x.yaml", b"id: x\ntitle: [a, b\n")
    assert found[0].startswith("choices/x.yaml:3:1: not valid YAML:")


def test_no_stays_text_under_yaml_1_2(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("when: no\nen: No\n", encoding="utf-8")
    document = read_source(path, "x.yaml", EXPECTED)
    assert document.data == {"when": "no", "en": "No"}
    assert document.locate(("en",)) == Location("x.yaml", 2, 1, ("en",))
