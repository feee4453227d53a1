"""The SOP's diagrams as files: each drawn once as PNG and SVG, with its caption, its text alternative and the
width it prints at, shared by the SOP document and the site.

A diagram prints at its natural size when that fits the text block, so its labels print at the sizes of
the house style; a wider or taller one is scaled down to fit, and `printed_scale` says by how much.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from generator.cache import Cache, key_of
from generator.model.labels import LabelId, Labels
from generator.model.sop_view import SopView
from generator.render import house_style as hs
from generator.render.flowchart import (
    draw,
    flowchart_dot,
    graphviz_version,
    pathways_description,
    pathways_dot,
    steps_description,
)

PATHWAYS_A_FIGURE = 3
"""Referral pathways drawn in one figure: more would not fit one A4 page at a legible size."""
MM_PER_POINT = 25.4 / 72
_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


@dataclass(frozen=True)
class Diagram:
    stem: str
    """The file name without its extension: `steps`, `pathways-1` ..."""
    caption: str
    description: str
    """The diagram in words, for a reader who cannot see it: the image's alternative text."""
    png: bytes
    svg: bytes

    @property
    def png_name(self) -> str:
        return f"{self.stem}.png"

    @property
    def svg_name(self) -> str:
        return f"{self.stem}.svg"

    @property
    def printed_width_mm(self) -> float:
        width, height = natural_size_mm(self.svg)
        return width * printed_scale(width, height)


def sop_diagrams(sop: SopView, labels: Labels, cache: Cache | None = None) -> dict[str, tuple[Diagram, ...]]:
    """The diagrams of each SOP placeholder that shows some: the steps, and the pathways a few a figure. Graphviz
    draws them side by side; a drawing `cache` holds is taken from it."""
    groups = [
        sop.pathways[start : start + PATHWAYS_A_FIGURE] for start in range(0, len(sop.pathways), PATHWAYS_A_FIGURE)
    ]
    caption = labels[LabelId.PATHWAYS_CHART]
    planned = [
        (
            f"pathways-{number}",
            caption if len(groups) == 1 else f"{caption} ({number}/{len(groups)})",
            pathways_description(group),
            pathways_dot(group),
        )
        for number, group in enumerate(groups, start=1)
    ]
    planned.append(("steps", labels[LabelId.FLOWCHART], steps_description(sop, labels), flowchart_dot(sop, labels)))
    kinds: tuple[Literal["png", "svg"], ...] = ("png", "svg")
    with ThreadPoolExecutor(len(planned) * len(kinds)) as drawing:
        drawn = {(dot, kind): drawing.submit(_drawn, dot, kind, cache) for *_, dot in planned for kind in kinds}
        diagrams = [
            Diagram(stem, caption, description, drawn[dot, "png"].result(), drawn[dot, "svg"].result())
            for stem, caption, description, dot in planned
        ]
    return {"flowchart": (diagrams[-1],), "pathways_chart": tuple(diagrams[:-1])}


def _drawn(dot: str, kind: Literal["png", "svg"], cache: Cache | None) -> bytes:
    """`draw`, or what `cache` kept of it: keyed by the diagram's source and the Graphviz that draws it."""
    if cache is None:
        return draw(dot, kind)
    key = key_of(graphviz_version(), kind, str(hs.DIAGRAM_DPI), dot)
    kept = cache.get(key)
    if kept is None:
        kept = draw(dot, kind)
        cache.put(key, kept)
    return kept


def natural_size_mm(svg: bytes) -> tuple[float, float]:
    """The width and height Graphviz drew at, in millimetres."""
    found = _SIZE.search(svg)
    assert found is not None, "Graphviz writes the size on the svg element"
    return float(found[1]) * MM_PER_POINT, float(found[2]) * MM_PER_POINT


def printed_scale(width_mm: float, height_mm: float) -> float:
    """1 when the diagram fits the text block; less, as much as it must shrink to fit, when it does not."""
    return min(1.0, hs.TEXT_WIDTH_MM / width_mm, hs.FIGURE_HEIGHT_MM / height_mm)
