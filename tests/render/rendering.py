"""One output of one language, rendered here and now, as a build would render it without its cache."""

from __future__ import annotations

from generator.model.view import ProjectView
from generator.render import Artifact, planner
from generator.render.diagrams import sop_diagrams


def rendered(name: str, view: ProjectView) -> dict[str, Artifact]:
    """Every file of output `name` in `view`'s language."""
    diagrams = sop_diagrams(view.sop, view.labels)
    return {document.path: document.made() for document in planner(name)(view, diagrams)}
