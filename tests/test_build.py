"""`oila build`: every form in every language, a manifest, atomic writes, identical bytes on rebuild."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import SourceErrors
from tests.conftest import WriteSource

FORMS = ["forms/en/T-01-every-type.docx", "forms/ru/T-01-every-type.docx", "forms/uz/T-01-every-type.docx"]


def test_build_writes_every_language_and_a_manifest(root: Path) -> None:
    result = build(root, root / "build")
    assert result.total == result.written == 3
    manifest = json.loads((root / "build" / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["artifacts"]] == FORMS
    for entry in manifest["artifacts"]:
        content = (root / "build" / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        assert (entry["kind"], entry["source"], entry["version"]) == ("forms", "every-type", "2.1")


def test_two_builds_give_identical_bytes(root: Path) -> None:
    build(root, root / "one")
    build(root, root / "two")
    for path in [*FORMS, "manifest.json"]:
        assert (root / "one" / path).read_bytes() == (root / "two" / path).read_bytes(), path
    assert build(root, root / "one").written == 0


def test_a_failed_build_keeps_the_last_good_one(root: Path, write_source: WriteSource) -> None:
    build(root, root / "build")
    before = {path: (root / "build" / path).read_bytes() for path in FORMS}
    write_source("forms/every-type.yaml", "id: every-type\ncode: [\n")
    with pytest.raises(SourceErrors):
        build(root, root / "build")
    assert {path: (root / "build" / path).read_bytes() for path in FORMS} == before


def test_a_removed_form_disappears_from_the_build(root: Path, write_source: WriteSource) -> None:
    text = (root / "forms" / "every-type.yaml").read_text(encoding="utf-8")
    write_source("forms/second.yaml", text.replace("id: every-type", "id: second").replace("T-01", "T-02"))
    structure = (root / "sop" / "structure.yaml").read_text(encoding="utf-8")
    write_source("sop/structure.yaml", structure.replace("forms: [every-type]", "forms: [every-type, second]", 1))
    build(root, root / "build")
    assert (root / "build" / "forms/ru/T-02-second.docx").is_file()
    (root / "forms" / "second.yaml").unlink()
    write_source("sop/structure.yaml", structure)
    build(root, root / "build")
    assert not (root / "build" / "forms/ru/T-02-second.docx").exists()
    assert sorted(p.name for p in (root / "build" / "forms" / "ru").iterdir()) == ["T-01-every-type.docx"]


def test_one_language_only_keeps_the_others_in_the_manifest(root: Path) -> None:
    build(root, root / "build")
    build(root, root / "build", languages=["ru"])
    manifest = json.loads((root / "build" / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["artifacts"]] == FORMS
