"""Benchmark: `oila build` from nothing, with nothing changed, and after the edits an author makes most.

Run with `make bench`. The project is copied to a temporary folder; each case is run several times, as the
command line runs it, and reported as its median and as a share of the clean build's median in the same run. Every
edit writes text no earlier run wrote, so no case is answered from what the cache kept of an earlier run. A
benchmark, not a test: it never fails.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.load.files import PROJECT_SOURCES

RUNS = 3


@dataclass(frozen=True)
class Edit:
    """One line of one source, and how run `number` rewrites it."""

    file: str
    line: str
    rewrite: Callable[[str, int], str]


CASES = {
    "one form's English title edited": Edit(
        "forms/referral.yaml",
        "  en: Referral form with feedback slip\n",
        lambda line, number: line.replace("slip", f"slip ({number})"),
    ),
    "one Russian label edited": Edit(
        "labels.yaml",
        "  ru: Страница {page} из {pages}\n",
        lambda line, number: line.replace("Страница", f"Страница ({number})"),
    ),
    "one timeframe edited (the SOP and several forms)": Edit(
        "sop/timeframes.yaml",
        "    value: 30\n",
        lambda line, number: line.replace("30", str(30 + number)),
    ),
}


def main() -> int:
    project = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    oila = Path(sys.executable).with_name("oila")
    with tempfile.TemporaryDirectory(prefix="oila-bench-") as folder:
        root = Path(folder) / "project"
        root.mkdir()
        for name in PROJECT_SOURCES:  # the sources, not the build, its cache or the code
            copy = shutil.copytree if (project / name).is_dir() else shutil.copy2
            copy(project / name, root / name)
        out = root / "build"

        def build() -> float:
            started = time.perf_counter()
            subprocess.run([str(oila), "build", "--out", str(out)], cwd=root, check=True, capture_output=True)
            return time.perf_counter() - started

        def clean_build() -> float:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(out.with_name("build.cache"), ignore_errors=True)
            return build()

        clean = _report("clean build (no build folder, no cache)", [clean_build() for _ in range(RUNS)], None)
        _report("no-op build (nothing changed)", [build() for _ in range(RUNS)], clean)
        for name, edit in CASES.items():
            _report(name, [_edited(root, edit, number, build) for number in range(1, RUNS + 1)], clean)
    return 0


def _edited(root: Path, edit: Edit, number: int, build: Callable[[], float]) -> float:
    source = root / edit.file
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found = [
        index for index, line in enumerate(lines) if line == edit.line or line == edit.rewrite(edit.line, number - 1)
    ]
    if not found:
        raise SystemExit(f"{edit.file}: no line {edit.line!r} to edit; the benchmark needs updating")
    lines[found[0]] = edit.rewrite(edit.line, number)
    source.write_text("".join(lines), encoding="utf-8")
    return build()


def _report(case: str, seconds: list[float], clean: float | None) -> float:
    median = statistics.median(seconds)
    runs = ", ".join(f"{value:.2f}" for value in seconds)
    share = f"{median / clean:6.1%} of a clean build" if clean else ""
    print(f"{case:52} {median:6.2f} s  {share:24} (runs: {runs})", flush=True)
    return median


if __name__ == "__main__":
    sys.exit(main())
