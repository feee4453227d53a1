"""Reading one YAML source into plain data, remembering where every key and item stood.

Safe YAML only: YAML 1.2 scalars (so `no` stays the text "no"), no tags, no anchors or aliases, no
duplicate keys. What comes out is plain Python (dict, list, str, int, float, bool, None, date) plus a
map from each path inside the document to its line and column, so that a problem found later, by the
model's validation or a cross-reference check, still points at the exact place in the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.errors import Location, PathPart, Problem, SourceErrors
from generator.messages import problem

Path_ = tuple[PathPart, ...]


@dataclass(frozen=True)
class SourceDocument:
    """The data of one YAML file and where each part of it stood."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> Location:
        """The location of `path`, or of its nearest ancestor that exists in the file."""
        for depth in range(len(path), -1, -1):
            position = self.positions.get(path[:depth])
            if position is not None:
                return Location(self.file, position[0], position[1], path)
        return Location(self.file, 1, 1, path)


def read_source(path: Path, display: str, expected: str) -> SourceDocument:
    """Read `path` (shown as `display` in messages); `expected` describes what the file should hold.

    Raises `SourceErrors` for anything that is not a clean YAML mapping.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        detail = f"cannot read: {error.strerror}"
        raise SourceErrors([problem("bad-value", Location(display), detail=detail)]) from None
    text = decode_text(raw, display)
    yaml = YAML(typ="rt", pure=True)
    try:
        loaded = yaml.load(text)
    except MarkedYAMLError as error:
        raise SourceErrors([_syntax_problem(error, display)]) from None
    except YAMLError as error:
        raise SourceErrors([problem("yaml-syntax", Location(display, 1, 1), detail=str(error))]) from None
    if loaded is None:
        raise SourceErrors([problem("empty-file", Location(display, 1, 1), expected=expected)])
    if not isinstance(loaded, CommentedMap):
        found = "a list" if isinstance(loaded, CommentedSeq) else f"the single value {str(loaded)[:40]!r}"
        raise SourceErrors([problem("not-a-mapping", Location(display, 1, 1), expected=expected, found=found)])
    converter = _Converter(display)
    data = converter.convert(loaded, ())
    if converter.problems:
        raise SourceErrors(converter.problems)
    return SourceDocument(display, data, converter.positions)


def decode_text(raw: bytes, display: str) -> str:
    """`raw` as text; bytes that are not UTF-8 are reported with their line and column."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        where = Location(display, line, column)
        raise SourceErrors([problem("not-utf8", where, byte=raw[error.start])]) from None


def _syntax_problem(error: MarkedYAMLError, display: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    where = Location(display, line, column)
    if "duplicate key" in (error.problem or ""):
        key = (error.problem or "").split('"')[1] if '"' in (error.problem or "") else "?"
        return problem("duplicate-key", where, key=key)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return problem("yaml-syntax", where, detail=detail or "cannot parse")


class _Converter:
    """Turns ruamel's round-trip objects into plain data, recording positions and refusing the unsafe."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.positions: dict[Path_, tuple[int, int]] = {(): (1, 1)}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def convert(self, node: Any, path: Path_) -> Any:
        if isinstance(node, TaggedScalar) or (getattr(node, "tag", None) is not None and node.tag.value):
            self.problems.append(problem("yaml-tag", self._at(path), tag=_tag_text(node)))
            return None
        if isinstance(node, CommentedMap | CommentedSeq):
            if id(node) in self._seen or node.anchor.value is not None:
                self.problems.append(problem("yaml-anchor", self._at(path)))
                return None
            self._seen.add(id(node))
        if isinstance(node, CommentedMap):
            return self._convert_mapping(node, path)
        if isinstance(node, CommentedSeq):
            return self._convert_sequence(node, path)
        return _plain_scalar(node)

    def _convert_mapping(self, node: CommentedMap, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for raw_key, value in node.items():
            line, column = node.lc.key(raw_key)
            key = _plain_scalar(raw_key)
            child = (*path, key if isinstance(key, str | int) else str(key))
            self.positions[child] = (line + 1, column + 1)
            result[key] = self.convert(value, child)
        return result

    def _convert_sequence(self, node: CommentedSeq, path: Path_) -> list[Any]:
        result = []
        for index, value in enumerate(node):
            line, column = node.lc.item(index)
            child = (*path, index)
            self.positions[child] = (line + 1, column + 1)
            result.append(self.convert(value, child))
        return result

    def _at(self, path: Path_) -> Location:
        line, column = self.positions.get(path, (1, 1))
        return Location(self.display, line, column, path)


def _tag_text(node: Any) -> str:
    tag = str(node.tag.value)
    return tag.replace("tag:yaml.org,2002:", "!!")


def _plain_scalar(value: Any) -> Any:
    """ruamel's scalar subclasses (ScalarFloat, LiteralScalarString, ...) as the plain types they extend."""
    if isinstance(value, bool) or value is None:
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    return value
