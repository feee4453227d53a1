"""Benchmark: how long loading the sources and rendering every form in every language take.

Run with `make bench`. Prints the median of several runs; a benchmark, not a test, so it never fails.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.load import load_project
from generator.render.forms import render_forms

RUNS = 5


def median_seconds(step: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    project = load_project(root)
    questions = sum(len(section.questions) for form in project.forms for section in form.sections)
    print(f"{len(project.forms)} forms, {questions} questions, languages {', '.join(project.settings.codes)}")
    print(f"load and check all sources: {median_seconds(lambda: load_project(root)) * 1000:8.1f} ms")
    for language in project.settings.codes:
        view = project.localize(language)
        seconds = median_seconds(lambda view=view: render_forms(view))  # type: ignore[misc]
        per_form = seconds / len(project.forms) * 1000
        print(f"render every form in {language}:    {seconds * 1000:8.1f} ms ({per_form:.1f} ms a form)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
