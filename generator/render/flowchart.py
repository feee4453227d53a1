"""The SOP's diagrams, drawn by Graphviz with labels in the document's language, and their text alternatives.

The steps diagram runs top to bottom; a step's other ways out (a breakdown back to the case conference,
say) are dashed arrows, labelled with their condition, to a connector circle that names the step they
lead to, so that no arrow crosses another; a step that runs throughout sits beside the others. The
pathways diagram gives each referral pathway a box whose hand-overs run in rows of a few, the next row
back the other way. The font is Arial, which fontconfig draws with the metric-compatible Liberation Sans,
so an SVG shows its labels at the same widths in Word on Windows.
"""

from __future__ import annotations

import functools
import html
import itertools
import shutil
import textwrap
from collections.abc import Sequence
from typing import Literal

from generator.errors import BuildError
from generator.external import run_tool
from generator.model.labels import LabelId, Labels
from generator.model.sop_view import PathwayView, SopView, step_name
from generator.render import house_style as hs

DOT_TIMEOUT_SECONDS = 60
INSTALL_HINT = "install Graphviz (Debian and Ubuntu: apt-get install graphviz), or run 'make build'"
STAGES_A_ROW = 3
"""Hand-overs of a pathway side by side before the next row: more would print the labels below 8 pt."""


def _preamble(name: str) -> list[str]:
    font = f'fontname="{hs.DIAGRAM_FONT}"'
    return [
        f"digraph {name} {{",
        f"  graph [rankdir=TB, nodesep=0.3, ranksep=0.22, pad=0.1, {font}, fontsize={hs.DIAGRAM_LABEL_PT}];",
        f'  node [shape=box, style="rounded,filled", fillcolor="#{hs.HEADING_FILL}", color="#{hs.ACCENT_HEX}", '
        f'{font}, fontsize={hs.DIAGRAM_TEXT_PT}, margin="0.12,0.05"];',
        f'  edge [color="#{hs.ACCENT_HEX}", {font}, fontsize={hs.DIAGRAM_LABEL_PT}, arrowsize=0.7];',
    ]


def flowchart_dot(sop: SopView, labels: Labels) -> str:
    """The steps diagram in Graphviz's language; the same view gives the same text."""
    lines = _preamble("steps")
    sequence = [step for step in sop.steps if step.number is not None]
    for step in sop.steps:
        title = f"{step.number}. {step.title}" if step.number else f"{step.title}\n({labels[LabelId.THROUGHOUT]})"
        codes = ", ".join(form.code for form in step.forms)
        text = _wrap(title, 24) + (f"\n{codes}" if codes else "")
        extra = ', style="rounded,dashed", fillcolor=white' if step.number is None else ""
        lines.append(f"  {step.id} [label={_quote(text)}{extra}];")
    for before, after in itertools.pairwise(sequence):
        lines.append(f"  {before.id} -> {after.id} [weight=10];")
    for step in sop.steps:
        if step.number is None:  # beside the first step, on the left, where no way out is drawn
            lines.append(f"  {{ rank=same; {step.id}; {sequence[0].id}; }}")
            lines.append(f"  {step.id} -> {sequence[0].id} [style=invis];")
        for index, move in enumerate(step.transitions):
            # The first way out leaves to the right; a second one to the left, so that neither crosses the other.
            connector = f"{step.id}_to_{index}"
            label = _connector(move.when, move.to_step, index)
            lines.append(f"  {connector} [shape=plain, style=solid, label=<{label}>];")
            lines.append(f"  {{ rank=same; {step.id}; {connector}; }}")
            edge = (
                f"{step.id} -> {connector} [style=dashed]"
                if index == 0
                else f"{connector} -> {step.id} [style=dashed, dir=back]"
            )
            lines.append(f"  {edge};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _connector(condition: str, step: str, index: int) -> str:
    """A way out as the arrow's end: its condition beside a rounded box naming the step it leads to."""
    words = f'<TD ALIGN="{"LEFT" if index == 0 else "RIGHT"}"><FONT POINT-SIZE="{hs.DIAGRAM_LABEL_PT}">'
    words += f"{_html(condition, 22)}</FONT></TD>"
    target = (
        f'<TD><TABLE STYLE="rounded" BORDER="1" COLOR="#{hs.ACCENT_HEX}" CELLBORDER="0" CELLPADDING="3">'
        f"<TR><TD>{html.escape(step)}</TD></TR></TABLE></TD>"
    )
    cells = words + target if index == 0 else target + words
    return f'<TABLE BORDER="0" CELLSPACING="4">{"<TR>" + cells + "</TR>"}</TABLE>'


def pathways_dot(pathways: Sequence[PathwayView]) -> str:
    """Each pathway a box, boxes stacked: its concern, then its hand-overs in rows of `STAGES_A_ROW`, each row
    running back the other way from the last, drawn as one table so that Graphviz keeps the order as written."""
    lines = _preamble("pathways")
    for row, pathway in enumerate(pathways):
        table = _pathway_table(pathway)
        lines.append(f'  p{row} [shape=box, style=rounded, fillcolor=white, margin="0.05", label=<{table}>];')
    lines += [f"  p{row - 1} -> p{row} [style=invis];" for row in range(1, len(pathways))]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _pathway_table(pathway: PathwayView) -> str:
    columns = 2 * STAGES_A_ROW - 1
    cells = [
        f'<TD BORDER="1" COLOR="#{hs.ACCENT_HEX}" BGCOLOR="#{hs.HEADING_FILL}" CELLPADDING="4">'
        f"{index}. {_html(stage.role, 18)}<BR/>{_html(stage.timeframe, 18)}</TD>"
        for index, stage in enumerate(pathway.stages, start=1)
    ]
    rows = [f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT"><B>{_html(pathway.title, 90)}</B></TD></TR>']
    chunks = [cells[start : start + STAGES_A_ROW] for start in range(0, len(cells), STAGES_A_ROW)]
    empty = "<TD></TD>"
    for number, chunk in enumerate(chunks):
        forward = number % 2 == 0
        padding = empty * (columns - (2 * len(chunk) - 1))
        if forward:
            rows.append("<TR>" + "<TD>→</TD>".join(chunk) + padding + "</TR>")
        else:
            rows.append("<TR>" + padding + "<TD>←</TD>".join(reversed(chunk)) + "</TR>")
        if number < len(chunks) - 1:
            turn = empty * (columns - 1)
            rows.append("<TR>" + (turn + "<TD>↓</TD>" if forward else "<TD>↓</TD>" + turn) + "</TR>")
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{"".join(rows)}</TABLE>'


def steps_description(sop: SopView, labels: Labels) -> str:
    """The steps diagram in words, for a reader who cannot see it: the steps in order and every other way out."""
    steps = "; ".join(step_name(step, labels) for step in sop.steps)
    moves = [
        f"{step_name(step, labels)}: {labels.format(LabelId.WHEN_TO_RETURN, condition=move.when, step=move.to_step)}."
        for step in sop.steps
        for move in step.transitions
    ]
    return " ".join([f"{steps}.", *moves])


def pathways_description(pathways: Sequence[PathwayView]) -> str:
    """A pathways diagram in words: each pathway's hand-overs, in order, with their timeframes."""
    return " ".join(
        f"{pathway.title}: " + " → ".join(f"{stage.role} ({stage.timeframe})" for stage in pathway.stages) + "."
        for pathway in pathways
    )


@functools.cache
def graphviz_version() -> str:
    """What Graphviz says it is; empty when it is not installed (then `draw` says how to install it)."""
    dot = shutil.which("dot")
    if dot is None:
        return ""
    said = run_tool([dot, "-V"], "Graphviz could not say its version", DOT_TIMEOUT_SECONDS, check=False)
    return said.stderr.decode("utf-8", "replace").strip()


@functools.lru_cache(maxsize=64)
def draw(dot_source: str, kind: Literal["png", "svg"]) -> bytes:
    """The diagram as PNG or SVG; BuildError says how to install Graphviz when it is missing. A process draws each
    diagram once: the SOP, its review edition and the site show the same ones."""
    dot = shutil.which("dot")
    if dot is None:
        raise BuildError(f"cannot draw the SOP's flow diagram: Graphviz is not installed; {INSTALL_HINT}")
    failure = "Graphviz could not draw the SOP's flow diagram"
    resolution = [f"-Gdpi={hs.DIAGRAM_DPI}"] if kind == "png" else []
    return run_tool(
        [dot, f"-T{kind}", *resolution], failure, DOT_TIMEOUT_SECONDS, stdin=dot_source.encode("utf-8")
    ).stdout


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _html(text: str, width: int) -> str:
    """`text` wrapped at `width` for a Graphviz HTML label."""
    return "<BR/>".join(html.escape(line, quote=False) for line in _wrap(text, width).split("\n"))


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
