"""Pandoc grid tables: the one Markdown table whose cells may hold several paragraphs and lists.

The generated parts of the SOP (roles, steps, pathways) need lists inside cells, which pipe tables
cannot hold. Column widths on paper follow the widths given here, in characters.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

LIST_ITEM_PREFIXES = ("- ", "* ")


def grid_table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    """A grid table of Markdown cells; each width is the column's inner width in characters."""
    if not all(len(row) == len(widths) for row in [headers, *rows]):
        raise ValueError("every row of a grid table needs one cell per column")
    scale = _scale(widths, [headers, *rows])
    widths = [width * scale for width in widths]
    rule = "+" + "+".join("-" * (width + 2) for width in widths) + "+"
    header_rule = rule.replace("-", "=")
    lines = [rule, *_row_lines(headers, widths), header_rule]
    for row in rows:
        lines += [*_row_lines(row, widths), rule]
    return "\n".join(lines) + "\n"


def _row_lines(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    wrapped = [_wrap_cell(cell, width) for cell, width in zip(cells, widths, strict=True)]
    height = max(len(cell) for cell in wrapped)
    lines = []
    for index in range(height):
        parts = [
            (cell[index] if index < len(cell) else "").ljust(width) for cell, width in zip(wrapped, widths, strict=True)
        ]
        lines.append("| " + " | ".join(parts) + " |")
    return lines


def _scale(widths: Sequence[int], rows: Sequence[Sequence[str]]) -> int:
    """How many times wider every column must be for its longest unbreakable run of characters (a comment's
    markup, a long web address) to fit on a line: pandoc takes the widths as proportions, so the table keeps
    its shape on paper, and no word is broken by a line break that pandoc would read as a space."""
    needed = [
        -(-len(token) // width)
        for row in rows
        for cell, width in zip(row, widths, strict=True)
        for token in cell.split()
    ]
    return max([1, *needed])


def _wrap_cell(text: str, width: int) -> list[str]:
    """The cell's Markdown wrapped to `width`: paragraphs kept apart by a blank line, list items indented."""
    lines: list[str] = []
    for block in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        for line in block.split("\n"):
            item = line.startswith(LIST_ITEM_PREFIXES) or _is_numbered(line)
            indent = " " * (line.index(" ") + 1) if item else ""
            lines += textwrap.wrap(
                line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
            ) or [""]
    return lines


def _is_numbered(line: str) -> bool:
    number, _, rest = line.partition(". ")
    return number.isdigit() and bool(rest)
