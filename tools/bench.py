"""Benchmark: how long loading the sources, rendering every form and the SOP, and the PDF step take.

Run with `make bench`. Prints the median of several runs; a benchmark, not a test, so it never fails.
"""

from __future__ import annotations

import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.load.project import load_project
from generator.model.view import ProjectView
from generator.pdf import convert_to_pdf, converter_version
from generator.render import Artifact, Drawings, planner
from generator.render.diagrams import sop_diagrams

RUNS = 5


def median_seconds(step: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def rendered(kind: str, view: ProjectView, diagrams: Drawings) -> dict[str, Artifact]:
    """Every file of output `kind` in `view`'s language, made here, without a cache."""
    return {document.path: document.made() for document in planner(kind)(view, diagrams)}


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    project = load_project(root)
    questions = sum(len(section.questions) for form in project.forms for section in form.sections)
    print(f"{len(project.forms)} forms, {questions} questions, languages {', '.join(project.settings.codes)}")
    print(f"load and check all sources: {median_seconds(lambda: load_project(root)) * 1000:8.1f} ms")
    documents = {}
    for language in project.settings.codes:
        view = project.localize(language)
        diagrams = sop_diagrams(view.sop, view.labels)
        seconds = median_seconds(functools.partial(rendered, "forms", view, diagrams))
        per_form = seconds / len(project.forms) * 1000
        print(f"render every form in {language}:    {seconds * 1000:8.1f} ms ({per_form:.1f} ms a form)")
        seconds = median_seconds(functools.partial(rendered, "sop", view, diagrams))
        print(f"render the SOP in {language}:       {seconds * 1000:8.1f} ms")
        for path, item in [*rendered("forms", view, diagrams).items(), *rendered("sop", view, diagrams).items()]:
            documents[path] = item.content
    started = time.perf_counter()
    convert_to_pdf(documents, dict.fromkeys(documents, "20260101"), converter_version(), lambda message: None)
    seconds = time.perf_counter() - started
    each = seconds / len(documents) * 1000
    print(f"PDF of {len(documents)} documents, one run: {seconds * 1000:8.1f} ms ({each:.0f} ms each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
