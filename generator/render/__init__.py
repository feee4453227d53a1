"""The renderers: one module per output, each planning from the localized view the files it makes.

A renderer plans `PlannedFile`s: each names the function that makes one file and every input that function reads.
A build keys each document by those inputs, so it makes only the documents whose inputs changed, and can make
them in worker processes. A closed registry: the command line's `--only` choices come from it, without loading
any renderer.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from generator.model.view import FormView, ProjectView
    from generator.render.diagrams import Diagram


@dataclass(frozen=True)
class Artifact:
    """One output file: its bytes, and the source and version it was made from (for the manifest)."""

    content: bytes
    source: str
    version: str
    version_date: dt.date
    """The date of the source's version: it dates the file wherever a format records a date."""


@dataclass(frozen=True)
class PlannedFile:
    """One file a renderer will make: `make(*inputs)` gives its bytes. `make` is a module's own function and reads
    nothing but `inputs`, so the inputs' `repr` (with Oila's code and tool versions) is a key for the file, and a
    document can be made in another process."""

    path: str
    """Relative to the build folder."""
    make: Callable[..., bytes]
    inputs: tuple[Any, ...]
    source: str
    version: str
    version_date: dt.date
    base: PlannedFile | None = None
    """The file this one is made from, such as the printable form that a review edition adds comments to: `make`
    takes its bytes before `inputs`, so that a build renders the base once for both."""
    printed: bool = True
    """Whether a PDF is made beside it, where its output is one that prints; not for a form filled on a computer."""

    def made(self) -> Artifact:
        return Artifact(self.content(), self.source, self.version, self.version_date)

    def content(self, base: bytes | None = None) -> bytes:
        """The file's bytes; `base`, when given, is the bytes of `self.base`, already made."""
        if self.base is None:
            return self.make(*self.inputs)
        return self.make(self.base.content() if base is None else base, *self.inputs)


def form_file(
    path: str,
    make: Callable[..., bytes],
    form: FormView,
    view: ProjectView,
    *more: Any,
    base: PlannedFile | None = None,
) -> PlannedFile:
    """A file made from one form (and from `base`'s bytes, when it has one): `make` reads the form, the view's
    language and labels, and `more`."""
    inputs = (form, view.language, view.labels, *more)
    return PlannedFile(path, make, inputs, form.id, form.version, form.version_date, base)


Drawings = dict[str, tuple["Diagram", ...]]
"""The SOP's diagrams in one language, by the placeholder that shows them: drawn once, for every output."""
Planner = Callable[["ProjectView", Drawings], list[PlannedFile]]
"""Takes the project in one language and the SOP's diagrams; returns the files of one output, paths relative to
the build folder."""

RENDERERS: Final[dict[str, str]] = {
    "forms": "generator.render.forms:form_documents",
    "fillable": "generator.render.fillable:fillable_documents",
    "sop": "generator.render.sop:sop_documents",
    "review": "generator.render.review:review_documents",
    "training": "generator.render.training:training_documents",
}
"""Output name to its planner's `module:function`; a renderer's module is imported only when its output is built."""
PDF: Final = "pdf"
"""The PDF beside every Word output: an output kind of its own, made from the Word files of this build."""
SITE: Final = "site"
"""The documentation site, one MkDocs build per language, with this build's files as its downloads."""
XLSFORM: Final = "xlsform"
"""Each form as an XLSForm for tablets: one file a form, holding every language (`generator.render.xlsform`)."""
OUTPUTS: Final = (*RENDERERS, XLSFORM, PDF, SITE)
"""Every kind of output `oila build --only` can choose."""


def planner(name: str) -> Planner:
    module_name, function = RENDERERS[name].split(":")
    found: Planner = getattr(importlib.import_module(module_name), function)
    return found
