"""What NASP must still confirm, in the two editions of the SOP: none of it in the clean edition, which is the
one to adopt; in the review edition each note a Word comment anchored on what it concerns, so that NASP's
reviewers answer it in Word's review pane, and every note listed again in a closing annex.

The notes come from the `to_confirm` fields of the structured sources and, in the prose, from quotations
that start with the bold label "NASP to confirm:" (`sop/README.md`); a prose note concerns its section and is
anchored on the section's heading.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field

from generator.model.labels import LabelId, Labels
from generator.render.grid_table import grid_table
from generator.render.markdown_text import literal

NO_BREAK_SPACE = "\u00a0"


class Edition(enum.Enum):
    CLEAN = "clean"
    """For adoption and printing: no reviewer note anywhere."""
    REVIEW = "review"
    """For NASP's reviewers: every note a comment, and the list of them at the end."""


@dataclass
class ReviewNotes:
    """The notes of one document as it is written, numbered in reading order."""

    edition: Edition
    author: str
    """Who the comments are from, as Word's review pane names them."""
    date: dt.date
    listed: list[tuple[str, str]] = field(default_factory=list)
    """`(what the note concerns, the note)` of every comment made so far."""

    def noted(self, anchor: str, concerns: str, note: str | None) -> str:
        """`anchor`, Markdown, carrying `note` as a comment in the review edition the first time the note is
        made of what it concerns (the glossary's terms are shown twice); as it is otherwise."""
        if note is None or self.edition is Edition.CLEAN or (concerns, note) in self.listed:
            return anchor
        number = len(self.listed)
        self.listed.append((concerns, note))
        author = self.author.replace('"', "'").replace(" ", NO_BREAK_SPACE)  # a grid table wraps at spaces
        attributes = f'id="{number}" author="{author}" date="{self.date:%Y-%m-%d}T00:00:00Z"'
        text = note.replace("[", "(").replace("]", ")")
        return f'[{text}]{{.comment-start {attributes}}}{anchor}[]{{.comment-end id="{number}"}}'


def prose_notes(body: str, label: str) -> tuple[str, list[str]]:
    """`body` without its quotations that start with `**label:**`, and the texts of those quotations."""
    opening = re.compile(rf"^\*\*{re.escape(label)}:\*\*\s*")
    kept, notes = [], []
    for block in re.split(r"\n[ \t]*\n", body):
        lines = block.strip("\n").split("\n")
        quoted = [line.removeprefix(">").strip() for line in lines if line.startswith(">")]
        if len(quoted) == len(lines) and quoted and opening.match(quoted[0]):
            notes.append(opening.sub("", " ".join(quoted)))
        else:
            kept.append(block)
    return "\n\n".join(kept), notes


def review_annex(notes: ReviewNotes, labels: Labels) -> str:
    """The closing annex of the review edition: every note, numbered as the comments are, with what it concerns."""
    rows = [[str(number), literal(concerns), note] for number, (concerns, note) in enumerate(notes.listed, start=1)]
    headers = [labels[LabelId.ROW_NUMBER], labels[LabelId.APPLIES_TO], labels[LabelId.NASP_TO_CONFIRM]]
    return f"# {labels[LabelId.REVIEW_ANNEX]} {{.unnumbered}}\n\n{grid_table(headers, rows, (5, 28, 57))}"
