"""The renderers: one module per output, each a function from the localized view to files.

A closed registry: the command line's `--only` choices come from it, without loading any renderer.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from generator.model.view import ProjectView


@dataclass(frozen=True)
class Artifact:
    """One output file: its bytes, and the source and version it was made from (for the manifest)."""

    content: bytes
    source: str
    version: str
    version_date: dt.date
    """The date of the source's version: it dates the file wherever a format records a date."""


Renderer = Callable[["ProjectView"], dict[str, Artifact]]
"""Takes the project in one language; returns `{path relative to the build folder: artifact}`."""

RENDERERS: Final[dict[str, str]] = {
    "forms": "generator.render.forms:render_forms",
    "fillable": "generator.render.fillable:render_fillable",
    "sop": "generator.render.sop:render_sop",
    "review": "generator.render.review:render_review",
}
"""Renderer name to `module:function`; a renderer's module is imported only when its output is built."""
PDF: Final = "pdf"
"""The PDF beside every Word output: an output kind of its own, made from the Word files of this build."""
SITE: Final = "site"
"""The documentation site, one MkDocs build per language, with this build's files as its downloads."""
OUTPUTS: Final = (*RENDERERS, PDF, SITE)
"""Every kind of output `oila build --only` can choose."""


def renderer(name: str) -> Renderer:
    module_name, function = RENDERERS[name].split(":")
    found: Renderer = getattr(importlib.import_module(module_name), function)
    return found
