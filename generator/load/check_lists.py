"""Every list of items with ids, in every source: each id once. Two answers with one id would make a ticked
answer come back empty; two roles with one id would make a reference name either."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import Problem
from generator.load.source import Path_, SourceDocument
from generator.messages import problem

FORM_WIDE: tuple[tuple[str, ...], ...] = (("sections",), ("sections", "*", "questions"))
"""The lists whose ids are checked across the whole form (a skip can name a section or a question)."""


def check_list_ids(document: SourceDocument, form_wide: bool = False) -> Iterator[Problem]:
    """A problem at each item whose id an earlier item of the same list has; `form_wide` leaves out the lists
    `check_forms` checks across the whole form."""
    for path, items in _id_lists(document.data, ()):
        if form_wide and _general(path) in FORM_WIDE:
            continue
        first: dict[str, str] = {}
        for index, item in enumerate(items):
            where = document.locate((*path, index, "id"))
            value = item["id"]
            if value in first:
                yield problem("duplicate-item", where, value=value, first=first[value])
            else:
                first[value] = f"{where.file}:{where.line}"


def _id_lists(data: Any, path: Path_) -> Iterator[tuple[Path_, list[dict[str, Any]]]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _id_lists(value, (*path, key))
    elif isinstance(data, list):
        if data and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in data):
            yield path, data
        for index, item in enumerate(data):
            yield from _id_lists(item, (*path, index))


def _general(path: Path_) -> tuple[str, ...]:
    return tuple("*" if isinstance(part, int) else part for part in path)
