"""The SOP's diagrams, drawn by Graphviz with labels in the document's language.

The steps diagram runs top to bottom; a step's other ways out (a breakdown back to the case
conference, say) are dashed arrows labelled with their condition; a step that runs throughout sits
beside the others. The pathways diagram gives each referral pathway a row of its hand-overs.
Graphviz draws PNG for Word: an SVG would need the viewer to have the font.
"""

from __future__ import annotations

import itertools
import shutil
import textwrap

from generator.errors import BuildError
from generator.external import run_tool
from generator.model.labels import LabelId, Labels
from generator.model.sop_view import SopView
from generator.render import house_style as hs

DOT_TIMEOUT_SECONDS = 60
INSTALL_HINT = "install Graphviz (Debian and Ubuntu: apt-get install graphviz), or run 'make build'"


def _preamble(name: str, direction: str) -> list[str]:
    font = f'fontname="{hs.DIAGRAM_FONT}"'
    return [
        f"digraph {name} {{",
        f"  graph [rankdir={direction}, nodesep=0.35, ranksep=0.3, dpi={hs.DIAGRAM_DPI}, {font}, fontsize=10];",
        f'  node [shape=box, style="rounded,filled", fillcolor="#{hs.HEADING_FILL}", color="#{hs.ACCENT_HEX}", '
        f'{font}, fontsize=10, margin="0.15,0.06"];',
        f'  edge [color="#{hs.ACCENT_HEX}", {font}, fontsize=8, arrowsize=0.7];',
    ]


def flowchart_dot(sop: SopView, labels: Labels) -> str:
    """The steps diagram in Graphviz's language; the same view gives the same text."""
    lines = _preamble("steps", "TB")
    sequence = [step for step in sop.steps if step.number is not None]
    for step in sop.steps:
        title = f"{step.number}. {step.title}" if step.number else f"{step.title}\n({labels[LabelId.THROUGHOUT]})"
        codes = ", ".join(form.code for form in step.forms)
        text = _wrap(title, 30) + (f"\n{codes}" if codes else "")
        extra = ', style="rounded,dashed", fillcolor=white' if step.number is None else ""
        lines.append(f"  {step.id} [label={_quote(text)}{extra}];")
    for before, after in itertools.pairwise(sequence):
        lines.append(f"  {before.id} -> {after.id} [weight=10];")
    for step in sop.steps:
        for move in step.transitions:
            lines.append(
                f"  {step.id} -> {move.to} [style=dashed, constraint=false, label={_quote(_wrap(move.when, 26))}];"
            )
    lines.append("}")
    return "\n".join(lines) + "\n"


def pathways_dot(sop: SopView) -> str:
    """Each pathway a labelled row, rows stacked: its concern, then who acts, in order, and by when."""
    lines = _preamble("pathways", "TB")
    for row, pathway in enumerate(sop.pathways):
        nodes = [f"p{row}_{index}" for index in range(len(pathway.stages))]
        lines.append(f"  subgraph cluster_{row} {{")
        lines.append(f'    label={_quote(pathway.title)}; labeljust=l; color="#{hs.RULE_COLOUR}"; style=rounded;')
        for node, (index, stage) in zip(nodes, enumerate(pathway.stages, start=1), strict=True):
            text = f"{index}. {_wrap(stage.role, 22)}\n{_wrap(stage.timeframe, 22)}"
            lines.append(f"    {node} [label={_quote(text)}];")
        lines.append(f"    {{ rank=same; {'; '.join(nodes)}; }}")
        if len(nodes) > 1:
            lines.append(f"    {' -> '.join(nodes)};")
        lines.append("  }")
    for row in range(1, len(sop.pathways)):
        lines.append(f"  p{row - 1}_0 -> p{row}_0 [style=invis];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def draw_png(dot_source: str) -> bytes:
    """The diagram as PNG; BuildError says how to install Graphviz when it is missing."""
    dot = shutil.which("dot")
    if dot is None:
        raise BuildError(f"cannot draw the SOP's flow diagram: Graphviz is not installed; {INSTALL_HINT}")
    failure = "Graphviz could not draw the SOP's flow diagram"
    return run_tool([dot, "-Tpng"], failure, DOT_TIMEOUT_SECONDS, stdin=dot_source.encode("utf-8")).stdout


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
