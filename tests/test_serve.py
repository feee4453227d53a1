"""`oila serve`: the site on 127.0.0.1, rebuilt and reloaded when a source changes, the last good site kept and the
problems shown on errors."""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.serve import serve
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

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


def test_the_page_open_in_the_browser_shows_an_edit_and_the_problems_of_sources_that_do_not_build(root: Path) -> None:
    """The language of the page open is rebuilt first and the page reloads itself; sources that do not build are
    shown above the page, which keeps the last good build, until they are fixed."""
    reports: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(target=serve, args=(root, root / "build", 0, ["en", "ru"], reports.append, stop))
    worker.start()
    try:
        wait_for(lambda: any("serving the site at" in line for line in reports))
        address = next(line for line in reports if "serving the site at" in line).split(" at ")[1].split()[0]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(address + "ru/forms/T-01-every-type.html")
            assert "Все типы вопросов" in page.inner_text("h1")
            form = root / "forms" / "every-type.yaml"
            good = form.read_text(encoding="utf-8")
            form.write_text(good.replace("ru: Все типы вопросов", "ru: Вопросы всех типов"), encoding="utf-8")
            # While the page reloads it may have no heading yet: the question is asked again until it has one.
            page.wait_for_function("document.querySelector('h1')?.innerText.includes('Вопросы всех типов')")
            assert any("the pages in ru rebuilt" in line for line in reports)
            form.write_text("id: every-type\ncode: [\n", encoding="utf-8")
            banner = page.locator("#oila-live-problems")
            banner.wait_for(state="visible", timeout=90_000)
            assert "forms/every-type.yaml:" in banner.inner_text()
            assert "Вопросы всех типов" in page.inner_text("h1")
            form.write_text(good, encoding="utf-8")
            banner.wait_for(state="detached", timeout=90_000)
            assert "Все типы вопросов" in page.inner_text("h1")
            browser.close()
    finally:
        stop.set()
        worker.join(timeout=60)
