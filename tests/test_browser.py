"""The built site in a real browser: headless Chromium, driven by Playwright, on a local server and from files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Browser, Page, sync_playwright

from generator.build import build
from generator.serve import start_server
from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
F01 = "forms/F-01-child-needs-assessment.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "build"
    build(REPO, out, only=["site"])
    return out / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = start_server(site, 0)
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert shutil.which("chromium"), "Chromium is part of the set-up: run 'make test' or tools/system-packages"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def search(page: Page, words: str) -> list[str]:
    """What the site's search box finds: the result links, once results show."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(words)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return _settled_results(page)


def _settled_results(page: Page) -> list[str]:
    """The result links once they stop changing: the search runs again at each key, so the first results shown
    may be those of the first letters typed."""
    found: list[str] = []
    for _ in range(50):
        page.wait_for_timeout(200)
        links = page.eval_on_selector_all(".md-search-result__link", "nodes => nodes.map(n => n.href)")
        current = [str(link) for link in links]
        if current and current == found:
            return current
        found = current
    raise AssertionError(f"the search results kept changing: {found[:5]}")


def test_the_language_switcher_keeps_the_page(page: Page, server: str) -> None:
    page.goto(f"{server}/ru/{F01}")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="uz"]').click()
    page.wait_for_url(f"**/uz/{F01}")
    assert page.locator("html").get_attribute("lang") == "uz"


@pytest.mark.parametrize(
    ("language", "words", "expected"),
    [
        ("ru", "реинтеграция", "/ru/sop/"),
        ("uz", "reintegratsiya", "/uz/sop/"),
        ("uz", "o'quv", "/uz/"),
        ("en", "reintegration", "/en/sop/"),
    ],
)
def test_search_finds_pages_in_the_readers_language(
    page: Page, server: str, language: str, words: str, expected: str
) -> None:
    page.goto(f"{server}/{language}/index.html")
    found = search(page, words)
    assert any(expected in link for link in found), found
    assert all(f"/{language}/" in link for link in found), found


def test_okina_typed_any_way_finds_the_same_pages(page: Page, server: str) -> None:
    page.goto(f"{server}/uz/index.html")
    results = {
        variant: sorted(_page_of(link) for link in search(page, f"{variant}quv"))
        for variant in ("oʻ", "o'", "o‘", "o’")
    }
    assert len({tuple(found) for found in results.values()}) == 1, results
    assert results["o'"]


def _page_of(link: str) -> str:
    """The result's page and place, without the words the search highlights there."""
    parts = urlsplit(link)
    return f"{parts.path}#{parts.fragment}"


def test_a_form_pages_downloads_return_the_files(page: Page, server: str) -> None:
    page.goto(f"{server}/ru/{F01}")
    links = page.eval_on_selector_all("a[href*='downloads/']", "nodes => nodes.map(n => n.href)")
    assert links
    for link in links:
        response = page.request.get(link)
        assert response.status == 200, link
        assert response.body()[:4] in (b"PK\x03\x04", b"%PDF"), link


@pytest.mark.parametrize("path", ["en/index.html", f"uz/{F01}", "ru/sop/06-case-management.html"])
def test_no_serious_accessibility_violation(page: Page, server: str, path: str) -> None:
    page.goto(f"{server}/{path}")
    page.evaluate(AXE_FILE_PATH.read_text(encoding="utf-8"))
    results = page.evaluate("axe.run().then(r => r.violations.map(v => [v.id, v.impact, v.nodes.length]))")
    serious = [violation for violation in results if violation[1] in ("serious", "critical")]
    assert serious == []


def test_the_site_opens_from_the_file_system(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.wait_for_url("**/en/index.html")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize(
    ("language", "words"), [("en", "reintegration"), ("ru", "реинтеграция"), ("uz", "reintegratsiya")]
)
def test_search_works_from_the_file_system(page: Page, site: Path, language: str, words: str) -> None:
    page.goto((site / language / "index.html").as_uri())
    found = search(page, words)
    assert any(f"/{language}/sop/" in link for link in found), found


def test_a_page_prints_without_the_navigation(page: Page, server: str) -> None:
    page.goto(f"{server}/ru/{F01}")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
