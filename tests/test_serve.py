"""`oila serve`: the site on 127.0.0.1, rebuilt when a source changes, the last good site kept on errors."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from generator.serve import serve

PAGE = "en/forms/T-01-every-type.html"


def wait_for(condition: Callable[[], bool], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_changed_source_shows_and_a_broken_one_keeps_the_last_good_site(root: Path) -> None:
    reports: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(target=serve, args=(root, root / "build", 0, ["en"], reports.append, stop))
    worker.start()
    try:
        wait_for(lambda: any("serving the site at" in line for line in reports))
        address = next(line for line in reports if "serving the site at" in line).split(" at ")[1].split()[0]

        def page() -> str:
            with urllib.request.urlopen(address + PAGE, timeout=10) as response:
                return str(response.read().decode("utf-8"))

        assert "Every question type" in page()
        form = root / "forms" / "every-type.yaml"
        form.write_text(form.read_text(encoding="utf-8").replace("en: Every question type", "en: Renamed form"))
        wait_for(lambda: "Renamed form" in page())
        form.write_text("id: every-type\ncode: [\n", encoding="utf-8")
        wait_for(lambda: any("the last good site is still served" in line for line in reports))
        assert any(line.startswith("forms/every-type.yaml:") for line in reports)
        assert "Renamed form" in page()
    finally:
        stop.set()
        worker.join(timeout=30)
