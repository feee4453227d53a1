"""Shared fixtures: small source trees assembled in a temporary folder from the project's own settings."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.load.project import load_project
from generator.model.project import Project

REPO = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
SHARED_SOURCES = ("oila.yaml", "labels.yaml", "header.yaml", "choices")

WriteSource = Callable[[str, str], Path]


def assemble(target: Path, test_root: Path) -> Path:
    """A project in `target`: the repository's settings, labels, header and lists, with the forms, the SOP
    and the site's pages of `test_root`."""
    copy_sources(target, REPO, SHARED_SOURCES)
    copy_sources(target, test_root, ("forms", "sop", "docs"))
    return target


def copy_sources(target: Path, source_root: Path, names: tuple[str, ...]) -> None:
    """Copy the files and folders `names` of `source_root` into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project holding the one test form with every question type."""
    return assemble(tmp_path / "project", ROOTS / "every-type")


@pytest.fixture
def write_source(root: Path) -> WriteSource:
    """Write `text` (dedented) to `relative` inside the test project."""

    def write(relative: str, text: str) -> Path:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def every_type_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_project(assemble(tmp_path_factory.mktemp("every-type") / "project", ROOTS / "every-type"))


@pytest.fixture(scope="session")
def real_project() -> Project:
    """The repository's own sources, as shipped."""
    return load_project(REPO)
