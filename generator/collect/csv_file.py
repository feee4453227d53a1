"""CSV files as `oila collect` writes them: readable by spreadsheet programs in every script, never a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from generator.write import write_atomic


def write_csv(path: Path, rows: Sequence[Sequence[str | int | float]]) -> None:
    """UTF-8 with a byte-order mark, which spreadsheet programs need to read Cyrillic and ʻ right; no text cell can
    be taken for a formula, and a number (a score, a gain of -2) is written as the number it is."""
    buffer = io.StringIO()
    cells = [[inert(cell) if isinstance(cell, str) else f"{cell:g}" for cell in row] for row in rows]
    csv.writer(buffer, lineterminator="\n").writerows(cells)
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A cell a spreadsheet would read as a formula (it starts with = + - @, a tab or a return) with a single
    quote before it, as OWASP recommends against CSV injection; any other cell as it is."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell
