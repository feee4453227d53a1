"""Reading one YAML source into plain data, remembering where every key and item stood.

Safe YAML only: YAML 1.2 scalars (so `no` stays the text "no"), no tags, no anchors or aliases, no
duplicate keys. Bounded: a file larger than `MAX_SOURCE_BYTES` is not parsed, nesting deeper than `MAX_DEPTH`
stops the parser where it starts, and a text longer than `MAX_TEXT_CHARS` or holding an invisible character is
refused where it stands. What comes out is plain Python (dict, list, str, int, float, bool, None, date) plus a
map from each path inside the document to its line and column, so that a problem found later, by the
model's validation or a cross-reference check, still points at the exact place in the file.

The file is read as libyaml's stream of events (C, fast) and the tree is built here, so that every
anchor, alias, tag and repeated key is seen where it is written, before anything is expanded.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Location, PathPart, Problem, SourceErrors
from generator.load.limits import MAX_SOURCE_BYTES
from generator.messages import problem

Path_ = tuple[PathPart, ...]

MAX_DEPTH = 32
"""Far deeper than any source nests (a form's table column's choice's label is 9 levels down)."""
MAX_TEXT_CHARS = 20_000
"""Far longer than any text of a form or the SOP's structure; the prose lives in Markdown pages."""
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2028\u2029\u2066-\u2069\ufeff\ufff9-\ufffb\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
)
"""Characters no text of a form or the SOP needs and a reader cannot see: control characters, zero-width and
direction marks (which hide or reverse text), line and paragraph separators (a line break to some programs and
not to others), a byte-order mark inside text, private-use characters."""


def hidden_character(text: str) -> tuple[int, str] | None:
    """The offset and a description of the first invisible character in `text`, or None."""
    found = _HIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    return found.start(), f"U+{ord(char):04X} {unicodedata.name(char, 'a control or private-use character')}"


MAX_BRACKETS = 3
"""How deep square brackets may nest in a text: pandoc's Markdown reader takes time that grows threefold with
each level (16 levels: minutes and gigabytes), and no sentence needs more than two."""
_SQUARE = re.compile(r"[\[\]]")


def deep_bracket(text: str) -> int | None:
    """The offset of the first `[` opened inside `MAX_BRACKETS` others, or None."""
    if text.count("[") <= MAX_BRACKETS:
        return None
    depth = 0
    for found in _SQUARE.finditer(text):
        depth = depth + 1 if found.group() == "[" else max(depth - 1, 0)
        if depth > MAX_BRACKETS:
            return found.start()
    return None


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
    raw = read_bounded(path, display)
    text = decode_text(raw, display)
    builder = _Builder(display)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as error:
        raise SourceErrors([_syntax_problem(error, display)]) from None
    except yaml.reader.ReaderError as error:
        raise SourceErrors([_character_problem(error, text, display)]) from None
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise SourceErrors([problem("yaml-syntax", Location(display, 1, 1), detail=detail)]) from None
    if builder.problems:
        raise SourceErrors(builder.problems)
    loaded = builder.result
    if builder.empty:
        raise SourceErrors([problem("empty-file", Location(display, 1, 1), expected=expected)])
    if not isinstance(loaded, dict):
        found = "a list" if isinstance(loaded, list) else f"the single value {str(loaded)[:40]!r}"
        raise SourceErrors([problem("not-a-mapping", Location(display, 1, 1), expected=expected, found=found)])
    return SourceDocument(display, loaded, builder.positions)


def read_bounded(path: Path, display: str) -> bytes:
    """The bytes of the source at `path`, if it is a regular file no larger than `MAX_SOURCE_BYTES`."""
    try:
        if not path.is_file():
            raise SourceErrors([problem("bad-value", Location(display), detail="not a regular file")])
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceErrors(
                [problem("too-large", Location(display), size=size // 1024, limit=MAX_SOURCE_BYTES // 2**20)]
            )
        return path.read_bytes()
    except OSError as error:
        detail = f"cannot read: {error.strerror}"
        raise SourceErrors([problem("bad-value", Location(display), detail=detail)]) from None


def decode_text(raw: bytes, display: str) -> str:
    """`raw` as text; bytes that are not UTF-8 are reported with their line and column."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        where = Location(display, line, column)
        raise SourceErrors([problem("not-utf8", where, byte=raw[error.start])]) from None


def _syntax_problem(error: yaml.MarkedYAMLError, display: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return problem("yaml-syntax", Location(display, line, column), detail=detail or "cannot parse")


def _character_problem(error: yaml.reader.ReaderError, text: str, display: str) -> Problem:
    """A character YAML does not allow (a control character), at its line and column; LibYAML counts the
    position in bytes of UTF-8."""
    before = text.encode("utf-8", errors="surrogatepass")[: error.position].decode("utf-8", errors="ignore")
    character = error.character if isinstance(error.character, int) else ord(error.character[:1] or "\0")
    detail = f"the character U+{character:04X} cannot stand in YAML ({error.reason}); delete it"
    return problem("yaml-syntax", located(display, text, len(before)), detail=detail)


def located(display: str, text: str, offset: int) -> Location:
    """The line and column of the character at `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return Location(display, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar under YAML 1.2's core schema: only plain scalars are anything but text."""
    value: str = event.value
    return value if event.style or not event.implicit[0] else plain_value(value)


def plain_value(value: str) -> Any:
    """What a plain (unquoted) scalar means under YAML 1.2's core schema: null, a boolean, a number, a
    date or text."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class _Builder:
    """Builds plain data from parser events, recording positions and refusing what is not plain data."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.positions: dict[Path_, tuple[int, int]] = {(): (1, 1)}
        self.problems: list[Problem] = []
        self.result: Any = None
        self.empty = True
        self._stack: list[tuple[Any, Path_, list[Any]]] = []
        """Open containers: the container, its path, and for mappings the key waiting for its value."""

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; True once the first document is complete, or nesting went too deep to go on."""
        if isinstance(event, yaml.DocumentEndEvent):
            return True
        if len(self._stack) > MAX_DEPTH:
            self.problems.append(problem("too-deep", self._mark(event.start_mark), limit=MAX_DEPTH))
            return True
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent | yaml.ScalarEvent | yaml.AliasEvent):
            self.empty = False
            self._node(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            container, _, _ = self._stack.pop()
            if not self._stack:
                self.result = container
        return False

    def _node(self, event: yaml.NodeEvent) -> None:
        mark = event.start_mark
        if self._stack and isinstance(self._stack[-1][0], dict) and not self._stack[-1][2]:
            self._key(event)
            return
        path = self._child_path(mark)
        refused = True
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.problems.append(problem("yaml-anchor", self._at(path)))
        elif event.tag is not None and event.tag not in _STANDARD_TAGS and event.tag != "!":
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(problem("yaml-tag", self._at(path), tag=tag))
        else:
            refused = False
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            container: dict[Any, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            self._place(None if refused else container)
            self._stack.append((container, path, []))
            return
        value = None if refused else _scalar(event)
        if isinstance(value, str):
            self._check_text(value, path, event)
        self._place(value)
        if not self._stack:
            self.result = value

    def _check_text(self, value: str, path: Path_, event: yaml.NodeEvent) -> None:
        if len(value) > MAX_TEXT_CHARS:
            self.problems.append(problem("too-long", self._at(path), length=len(value), limit=MAX_TEXT_CHARS))
        hidden = hidden_character(value)
        if hidden is not None:
            self.problems.append(problem("invisible-character", self._at(path), character=hidden[1]))
        if deep_bracket(value) is not None:
            self.problems.append(problem("deep-brackets", self._at(path), limit=MAX_BRACKETS))

    def _key(self, event: yaml.NodeEvent) -> None:
        container, path, waiting = self._stack[-1]
        if not isinstance(event, yaml.ScalarEvent):
            self.problems.append(
                problem("yaml-syntax", self._mark(event.start_mark), detail="a key must be plain text")
            )
            key: Any = f"?{len(container)}"
        else:
            key = _scalar(event)
            key = key if isinstance(key, str | int) else str(key)
        if key in container:
            self.problems.append(problem("duplicate-key", self._mark(event.start_mark), key=key))
        waiting.append(key)
        self.positions[(*path, key)] = (event.start_mark.line + 1, event.start_mark.column + 1)

    def _child_path(self, mark: Any) -> Path_:
        if not self._stack:
            return ()
        container, path, waiting = self._stack[-1]
        if isinstance(container, dict):
            return (*path, waiting[-1])
        child = (*path, len(container))
        self.positions[child] = (mark.line + 1, mark.column + 1)
        return child

    def _place(self, value: Any) -> None:
        if not self._stack:
            return
        container, _, waiting = self._stack[-1]
        if isinstance(container, dict):
            container[waiting.pop()] = value
        else:
            container.append(value)

    def _mark(self, mark: Any) -> Location:
        return Location(self.display, mark.line + 1, mark.column + 1)

    def _at(self, path: Path_) -> Location:
        line, column = self.positions.get(path, (1, 1))
        return Location(self.display, line, column, path)
