"""Writing translated texts back into the YAML sources, changing nothing but those texts.

The sources are written by hand: comments, blank lines, key order and quoting are the authors' own, so
they are never loaded and dumped again. Each localised mapping (`label: {en: Sex, ru: Пол}` or a block
of `en:`, `ru:` lines) is found in libyaml's event stream with its character offsets, and only the text of
one value is replaced, or one `ru: ...` entry added, in the original string.

A new value keeps the style of the old one where it can: a plain scalar stays plain unless the text needs
quotes, a single-quoted one stays single-quoted, a block scalar (`|`, `>-`) stays a block scalar at the
same indentation; anything else is written in double quotes. The result is read again, and unless it
holds exactly the old data with the new texts in place, nothing is returned: `EditError` is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import Location, OilaError, PathPart, format_path
from generator.load.source import plain_value

_WIDTH = 110
"""Folded block scalars are wrapped at spaces to lines of about this many columns."""


@dataclass(frozen=True)
class Edit:
    """Set the `language` text of the localised mapping at `path` to `value`."""

    path: tuple[PathPart, ...]
    """From the document root to the localised mapping, e.g. `("sections", 0, "questions", 2, "label")`."""
    language: str
    value: str


class EditError(OilaError):
    """An edit cannot be made safely; the message names the file, the line and the path inside the file."""

    def __init__(self, location: Location, message: str) -> None:
        self.location = location
        super().__init__(f"{location}: {message}")


def apply_edits(text: str, edits: Sequence[Edit], file: str) -> str:
    """`text` with each edit applied and every other byte unchanged; `file` names the text in errors.

    When several edits set the same text, the last one counts.
    """
    if not edits:
        return text
    source = _Source(text, file)
    root = source.parse()
    latest = {(edit.path, edit.language): edit for edit in edits}
    splices: list[_Splice] = []
    changes: dict[_Node, list[_Change]] = {}
    for order, edit in enumerate(latest.values()):
        mapping, entry = _target(root, edit, file)
        if entry is None:
            splices.append(source.insert(mapping, edit.language, edit.value, order))
        elif entry[1].plain_text() == edit.value:
            continue
        else:
            splices.append(source.replace(mapping, *entry, edit.value, order))
        changes.setdefault(mapping, []).append(_Change(edit, None if entry is None else entry[0]))
    if not splices:
        return text
    result = text
    for splice in sorted(splices, reverse=True):
        result = result[: splice.start] + splice.text + result[splice.end :]
    _verify(root, changes, result, file)
    return result


# The document as nodes with their places in the text


@dataclass(eq=False)
class _Node:
    """A scalar, mapping, sequence or alias, and the characters of the text it covers."""

    kind: str
    start: int
    end: int
    line: int
    column: int
    anchor: str | None = None
    value: str = ""
    """A scalar's text, or the name an alias refers to."""
    style: str = ""
    """'' for plain, one of ' " | > for the others."""
    plain: bool = False
    """Untagged and plain: the text may stand for a number, a date, true, false or null."""
    flow: bool = False
    children: list[_Node] = field(default_factory=list)
    """A sequence's items, or a mapping's keys and values in turn."""

    def pairs(self) -> Iterator[tuple[_Node, _Node]]:
        return zip(self.children[::2], self.children[1::2], strict=True)

    def plain_text(self) -> str | None:
        """The scalar's text when it is read as text, else None."""
        if self.kind != "scalar":
            return None
        data = _scalar(self)
        return data if isinstance(data, str) else None

    def location(self, file: str, path: tuple[PathPart, ...]) -> Location:
        return Location(file, self.line + 1, self.column + 1, path)


@dataclass(frozen=True, order=True)
class _Splice:
    """Replace `text[start:end]`; at one place, insertions go after replacements, in the order asked."""

    start: int
    end: int
    inserts: bool
    order: int
    text: str


@dataclass(frozen=True)
class _Change:
    """One text an edit sets, for checking the result."""

    edit: Edit
    key: _Node | None
    """The language's key in the mapping, or None where the entry is added."""


_KIND_NAMES = {"scalar": "a text", "mapping": "a mapping", "sequence": "a list", "alias": "an alias (*name)"}


def _target(root: _Node | None, edit: Edit, file: str) -> tuple[_Node, tuple[_Node, _Node] | None]:
    """The mapping at `edit.path`, and the key and value of its `edit.language` entry if it has one."""
    node = root
    for depth, part in enumerate(edit.path):
        if node is None:
            break
        child = _child(node, part)
        if child is None:
            where = node.location(file, edit.path)
            raise EditError(where, f"cannot set the '{edit.language}' text: {_no_child(node, part, edit.path[:depth])}")
        _refuse_anchor(node, edit, file)
        node = child
    if node is None:
        raise EditError(Location(file, 1, 1, edit.path), "cannot set a text: the file holds no YAML data")
    if node.kind != "mapping":
        found = _KIND_NAMES[node.kind]
        raise EditError(
            node.location(file, edit.path),
            f"cannot set the '{edit.language}' text: expected a mapping of languages such as "
            f"{{en: ..., ru: ...}}, found {found}",
        )
    _refuse_anchor(node, edit, file)
    found_pairs = [(key, value) for key, value in node.pairs() if key.kind == "scalar" and key.value == edit.language]
    if not found_pairs:
        return node, None
    key, value = found_pairs[-1]
    if len(found_pairs) > 1:
        raise EditError(key.location(file, edit.path), f"the key '{edit.language}' appears twice; keep one")
    if value.kind != "scalar":
        found = _KIND_NAMES[value.kind]
        raise EditError(key.location(file, edit.path), f"the '{edit.language}' entry holds {found}, not a text")
    _refuse_anchor(value, edit, file)
    return node, (key, value)


def _child(node: _Node, part: PathPart) -> _Node | None:
    if node.kind == "mapping":
        values = [value for key, value in node.pairs() if key.kind == "scalar" and key.value == str(part)]
        return values[-1] if values else None
    if node.kind == "sequence" and isinstance(part, int) and 0 <= part < len(node.children):
        return node.children[part]
    return None


def _no_child(node: _Node, part: PathPart, parent: tuple[PathPart, ...]) -> str:
    """Why `node`, found at `parent`, has no `part`."""
    here = f"'{format_path(parent)}'" if parent else "the document"
    if node.kind == "mapping":
        keys = ", ".join(key.value for key, _ in node.pairs())
        return f"{here} has no key '{part}'; its keys are: {keys}"
    if node.kind == "sequence" and isinstance(part, int):
        count = len(node.children)
        return f"{here} is a list of {count} item{'' if count == 1 else 's'}, counted from 0; there is no item {part}"
    if node.kind == "sequence":
        return f"{here} is a list; its items are addressed by number, not by '{part}'"
    return f"{here} holds {_KIND_NAMES[node.kind]}, so there is no '{part}' inside it"


def _refuse_anchor(node: _Node, edit: Edit, file: str) -> None:
    """An anchored node may be repeated elsewhere by an alias: editing it would change both places."""
    if node.anchor is not None:
        raise EditError(
            node.location(file, edit.path),
            f"cannot set the '{edit.language}' text inside the anchor &{node.anchor}; write the content out "
            "instead of using anchors and aliases",
        )


# Reading data back, as generator.load.source reads it


def _scalar(node: _Node) -> Any:
    """The value of a scalar under YAML 1.2's core schema, as `generator.load.source` reads it."""
    return plain_value(node.value) if node.plain else node.value


def _data(node: _Node, changes: dict[_Node, list[_Change]]) -> Any:
    """The plain data of `node`, with the texts in `changes` set as the edits ask."""
    if node.kind == "scalar":
        return _scalar(node)
    if node.kind == "alias":
        return f"*{node.value}"
    if node.kind == "sequence":
        return [_data(item, changes) for item in node.children]
    mapping: dict[Any, Any] = {}
    for index, (key, value) in enumerate(node.pairs()):
        mapping[_key(key, index)] = _data(value, changes)
    for change in changes.get(node, []):
        mapping[change.edit.language if change.key is None else _key(change.key, 0)] = change.edit.value
    return mapping


def _key(node: _Node, index: int) -> Any:
    if node.kind != "scalar":
        return f"?{index}"
    key = _scalar(node)
    return key if isinstance(key, str | int) else str(key)


def _verify(root: _Node | None, changes: dict[_Node, list[_Change]], result: str, file: str) -> None:
    """Raise unless `result` reads as the old data with exactly the new texts in place."""
    mapping, mapping_changes = next(iter(changes.items()))
    where = mapping.location(file, mapping_changes[0].edit.path)
    bug = "the edit was refused. This is a bug in Oila's YAML writer: please report it with the new text"
    try:
        after = _Source(result, file).parse()
    except EditError as error:
        raise EditError(where, f"the edited file would not be valid YAML ({error}); {bug}") from None
    if root is None or after is None:
        raise EditError(where, f"the edited file would hold no data; {bug}")
    expected, actual = _data(root, changes), _data(after, {})
    path = _difference(expected, actual, ())
    if path is not None:
        node = _deepest(root, path)
        wrote = _describe(actual, path)
        raise EditError(node.location(file, path), f"the edited file would read differently here ({wrote}); {bug}")


def _difference(expected: Any, actual: Any, path: tuple[PathPart, ...]) -> tuple[PathPart, ...] | None:
    """The first path where the two differ in value or type, or None."""
    if type(expected) is not type(actual):
        return path
    if isinstance(expected, dict):
        if list(expected) != list(actual):
            return path
        for key, value in expected.items():
            found = _difference(value, actual[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return path
        for index, (old, new) in enumerate(zip(expected, actual, strict=True)):
            found = _difference(old, new, (*path, index))
            if found is not None:
                return found
        return None
    return None if expected == actual else path


def _deepest(root: _Node, path: tuple[PathPart, ...]) -> _Node:
    node = root
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node


def _describe(data: Any, path: tuple[PathPart, ...]) -> str:
    for part in path:
        found = isinstance(data, dict) and part in data
        found = found or (isinstance(data, list) and isinstance(part, int) and part < len(data))
        if not found:
            return "its entries would differ"
        data = data[part]
    text = repr(data)
    return f"it would read {text[:60]}{'…' if len(text) > 60 else ''}"


# Writing scalars


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0", "\x1b": "\\e"}
_ESCAPED = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
"""Characters that only a double-quoted scalar can hold, as escapes (tab and line feed are allowed)."""
_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_BLOCK_HEADER = re.compile(r"[|>]([1-9][-+]?|[-+][1-9]?)?")


@dataclass(frozen=True)
class _Place:
    """Where a block scalar can be written: the column of its mapping's keys and the indentation of its lines."""

    key_column: int
    indent: int


@dataclass(frozen=True)
class _Rendered:
    """A scalar as written: on one line, or as a block scalar's header and lines."""

    inline: str = ""
    header: str = ""
    lines: tuple[str, ...] = ()


def _render(value: str, style: str, flow: bool, place: _Place | None) -> _Rendered:
    """`value` written in `style` where the value allows it, else as a literal block or in double quotes."""
    if place is not None and (style in ("|", ">") or "\n" in value):
        block = _folded(value, place) if style == ">" else None
        block = block or _literal(value, place)
        if block is not None:
            return block
    if "\n" not in value and not _UNPRINTABLE.search(value):
        if style == "" and _plain_ok(value, flow):
            return _Rendered(inline=value)
        if style == "'":
            return _Rendered(inline="'" + value.replace("'", "''") + "'")
    return _Rendered(inline=_double_quoted(value))


def _plain_ok(value: str, flow: bool) -> bool:
    """Whether `value` can be written unquoted and still be read as this same text."""
    if not value or value != value.strip(" ") or "\t" in value or "\n" in value or _UNPRINTABLE.search(value):
        return False
    if value[0] in _INDICATORS or ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(character in value for character in ",?[]{}:"):
        return False
    plain = _Node("scalar", 0, 0, 0, 0, value=value, plain=True)
    # Text under YAML 1.2, as Oila reads it, and under YAML 1.1 too, so `yes` and `on` stay quoted for other tools.
    return isinstance(_scalar(plain), str) and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR


def _double_quoted(value: str) -> str:
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _ESCAPES:
        return _ESCAPES[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _literal(value: str, place: _Place) -> _Rendered | None:
    """`value` as a literal block (`|` or `|-`), or None when it cannot be one."""
    body = value.removesuffix("\n")
    if body.endswith("\n") or not body.strip() or _UNPRINTABLE.search(value):
        return None
    lines = body.split("\n")
    if any(line.isspace() for line in lines):
        return None
    header = "|"
    first = next(line for line in lines if line)
    if first[0] in " \t":
        increment = place.indent - place.key_column
        if not 1 <= increment <= 9:
            return None
        header += str(increment)
    header += "" if value.endswith("\n") else "-"
    return _Rendered(header=header, lines=tuple(" " * place.indent + line if line else "" for line in lines))


def _folded(value: str, place: _Place) -> _Rendered | None:
    """`value`, a single line, as a folded block (`>-` or `>`) wrapped at single spaces, or None."""
    body = value.removesuffix("\n")
    if not body or "\n" in body or body != body.strip(" \t") or _UNPRINTABLE.search(body):
        return None
    lines: list[str] = []
    for word in _words(body):
        if lines and place.indent + len(lines[-1]) + 1 + len(word) <= _WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    header = ">" if value.endswith("\n") else ">-"
    return _Rendered(header=header, lines=tuple(" " * place.indent + line for line in lines))


def _words(text: str) -> list[str]:
    """`text` cut at each single space: a folded block joins its lines with exactly one space."""
    words: list[str] = []
    start = 0
    for index in range(1, len(text) - 1):
        if text[index] == " " and text[index - 1] not in " \t" and text[index + 1] not in " \t":
            words.append(text[start:index])
            start = index + 1
    words.append(text[start:])
    return words


# Splicing into the text


class _Source:
    """One YAML text, with what it takes to change one value or add one entry in it."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.newline = "\r\n" if "\r\n" in text else "\n"

    def parse(self) -> _Node | None:
        """The first document as nodes; a file that is not YAML raises `EditError` with its line."""
        root: _Node | None = None
        stack: list[_Node] = []
        try:
            for event in yaml.parse(self.text, Loader=yaml.CSafeLoader):
                if isinstance(event, yaml.DocumentEndEvent):
                    break
                if isinstance(event, yaml.CollectionEndEvent):
                    stack.pop().end = event.end_mark.index
                    continue
                kind = _EVENT_KINDS.get(type(event))
                if kind is None:
                    continue
                node = _node(kind, event)
                if stack:
                    stack[-1].children.append(node)
                else:
                    root = node
                if kind in ("mapping", "sequence"):
                    stack.append(node)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            detail = " ".join(part for part in (error.context, error.problem) if part)
            raise EditError(Location(self.file, line, column), f"not valid YAML: {detail}") from None
        except yaml.YAMLError as error:
            raise EditError(Location(self.file, 1, 1), f"not valid YAML: {error}") from None
        return root

    def replace(self, mapping: _Node, key: _Node, value: _Node, new: str, order: int) -> _Splice:
        """Write `new` in place of the scalar `value`, the entry of `key` in `mapping`."""
        if value.style in ("|", ">"):
            return self._replace_block(key, value, new, order)
        start, end = value.start, value.end
        place = None
        if not mapping.flow and value.line == key.line and not self.text[end : self.line_end(end)].strip():
            place = _Place(key.column, key.column + 2)
        written = self._written(_render(new, value.style, mapping.flow, place), "", end, new)
        if start == end and self.text[start - 1 : start] == ":":
            written = " " + written
        return _Splice(start, end, False, order, written)

    def _replace_block(self, key: _Node, value: _Node, new: str, order: int) -> _Splice:
        header_end = self.line_end(value.start)
        rest = self.text[self.header(value).end() : header_end]
        end = self.block_end(value)
        place = _Place(key.column, self.block_indent(value, key.column))
        rendered = _render(new, value.style, False, place)
        return _Splice(value.start, end, False, order, self._written(rendered, rest, end, new))

    def insert(self, mapping: _Node, language: str, new: str, order: int) -> _Splice:
        """Add the entry `language: new` after the last entry of `mapping`."""
        key = _render(language, "", mapping.flow, None).inline
        if mapping.flow:
            entries = list(mapping.pairs())
            at = entries[-1][1].end if entries else mapping.start + 1
            written = f"{', ' if entries else ''}{key}: {_render(new, '', True, None).inline}"
            return _Splice(at, at, True, order, written)
        last_key, last_value = list(mapping.pairs())[-1]
        column = last_key.column
        leaf = _last_leaf(last_value)
        if leaf.style in ("|", ">") and last_value.kind == "scalar":
            style, place = leaf.style, _Place(column, self.block_indent(leaf, column))
        else:
            style, place = "", _Place(column, column + 2)
        at = self.block_end(leaf) if leaf.style in ("|", ">") else self.line_end(leaf.end)
        written = self._written(_render(new, style, False, place), "", at, new)
        return _Splice(at, at, True, order, f"{self.newline}{' ' * column}{key}: {written}")

    def _written(self, rendered: _Rendered, rest: str, end: int, value: str) -> str:
        """`rendered` as text; `rest` follows a block header; `end` is where the written text stops."""
        if not rendered.header:
            return rendered.inline + rest
        written = rendered.header + rest + self.newline + self.newline.join(rendered.lines)
        if end == len(self.text) and value.endswith("\n"):
            written += self.newline
        return written

    def header(self, node: _Node) -> re.Match[str]:
        """The header of the block scalar `node`: `|` or `>`, and its indentation and chomping indicators."""
        header = _BLOCK_HEADER.search(self.text, node.start)
        assert header is not None, "a block scalar starts with | or >"
        return header

    def line_end(self, at: int) -> int:
        """Where the line holding `at` ends, before its line break."""
        end = self.text.find("\n", at)
        if end == -1:
            return len(self.text)
        return end - 1 if end > at and self.text[end - 1] == "\r" else end

    def block_end(self, node: _Node) -> int:
        """Where the block scalar `node` ends: after its last line with text, or its last kept blank line."""
        header_end = self.line_end(node.start)
        content = self.text[header_end : node.end].rstrip()
        if not content.strip():
            return header_end
        end = min(self.line_end(header_end + len(content)), node.end)
        if "+" in self.header(node).group():
            last_break = self.text.rfind("\n", end, node.end)
            if last_break > end + len(self.newline) - 1:
                end = last_break - len(self.newline) + 1
        return end

    def block_indent(self, node: _Node, key_column: int) -> int:
        """The indentation of the lines of the block scalar `node`, a value in a mapping at `key_column`."""
        digits = [character for character in self.header(node).group() if character.isdigit()]
        if digits:
            return key_column + int(digits[0])
        for line in self.text[self.line_end(node.start) : node.end].split("\n")[1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        return key_column + 2


_EVENT_KINDS = {
    yaml.ScalarEvent: "scalar",
    yaml.MappingStartEvent: "mapping",
    yaml.SequenceStartEvent: "sequence",
    yaml.AliasEvent: "alias",
}


def _node(kind: str, event: Any) -> _Node:
    start, end = event.start_mark, event.end_mark
    node = _Node(kind, start.index, end.index, start.line, start.column, anchor=event.anchor)
    if kind == "scalar":
        node.value, node.style, node.plain = event.value, event.style or "", event.implicit[0]
    elif kind == "alias":
        node.value, node.anchor = event.anchor, None
    else:
        node.flow = bool(event.flow_style)
    return node


def _last_leaf(node: _Node) -> _Node:
    """The scalar or flow collection that a block collection's text ends with."""
    while node.kind in ("mapping", "sequence") and not node.flow and node.children:
        node = node.children[-1]
    return node
