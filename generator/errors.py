"""Errors Oila raises, with the place in the sources they point at.

The library raises; only the command line prints and chooses exit codes. Every problem found in the
sources is a `Problem`: a stable code from `generator.messages`, a `Location` and a sentence. One
formatter prints them all the same way::

    forms/family-assessment.yaml:42:7: sections[2].fields[5].label: missing 'uz' translation ... [missing-translation]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PathPart = str | int
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` on one line and shown as written: control characters, line separators and direction marks that
    a source or a file name carries are written as escapes, so that they cannot break or reverse a message."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def format_path(path: Sequence[PathPart]) -> str:
    """`('sections', 2, 'label')` as `sections[2].label`, the way form authors read it."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file: line and column count from 1; 0 means the whole file."""

    file: str
    line: int = 0
    column: int = 0
    path: tuple[PathPart, ...] = ()

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        if self.path:
            where += f": {format_path(self.path)}"
        return where


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the sources, ready to print on one line."""

    location: Location
    message: str
    code: str

    def __str__(self) -> str:
        return printable(f"{self.location}: {self.message} [{self.code}]")


class OilaError(Exception):
    """The base of every error Oila expects; the CLI prints these as one line, without a traceback."""


class SourceErrors(OilaError):
    """The sources have problems; all of a run's problems travel together, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the sources")


def _problem_order(problem: Problem) -> tuple[str, int, int, str, str]:
    where = problem.location
    return (where.file, where.line, where.column, format_path(where.path), problem.message)


class BuildError(OilaError):
    """An output could not be made or written; the message says which and why."""
