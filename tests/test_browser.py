"""The built site in a real browser: headless Chromium, driven by Playwright, on a local server and from files."""

from __future__ import annotations

import shutil
import zipfile
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
PHONE = {"width": 390, "height": 844}


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
    box = page.locator("input.md-search__input")
    magnifier = page.locator('label.md-header__button[for="__search"]')  # a narrow screen's way in
    if not page.locator("#__search").is_checked():
        (magnifier if magnifier.is_visible() else box).click()
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


F03 = "forms/F-03-reintegration-plan.html"
F07 = "forms/F-07-referral.html"
F10 = "forms/F-10-gatekeeping-screening.html"
F13 = "forms/F-13-training-needs-assessment.html"
QUERIES = [
    ("en", "reintegration plan", F03, 1),
    ("en", "F-03", F03, 1),
    ("en", "gatekeeping", F10, 1),
    ("ru", "реинтеграция", F03, 5),
    ("ru", "план реинтеграции", F03, 1),
    ("ru", "гейткипинг", F10, 1),
    ("ru", "направление", F07, 1),
    ("uz", "oquv", F13, 1),
    ("uz", "reintegratsiyasi", F03, 1),
    ("uz", "yonaltirish", F07, 2),
    ("uz", "F-07", F07, 1),
    ("uz-Cyrl", "ўқув", F13, 1),
    ("uz-Cyrl", "реинтеграцияси", F03, 1),
]
"""What a reader types in each language, the page they want, and how near the top it must come."""


@pytest.mark.parametrize(("language", "words", "wanted", "within"), QUERIES)
def test_search_finds_the_page_a_reader_wants_near_the_top(
    page: Page, server: str, language: str, words: str, wanted: str, within: int
) -> None:
    page.goto(f"{server}/{language}/index.html")
    found = search(page, words)
    pages = [urlsplit(link).path.removeprefix(f"/{language}/") for link in found]
    assert wanted in pages[:within], pages[:5]
    assert all(f"/{language}/" in link for link in found), found


def test_on_a_phone_okina_typed_any_way_or_not_at_all_finds_the_same_pages_and_marks_the_word_whole(
    browser: Browser, server: str
) -> None:
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{server}/uz/index.html")
    results = {variant: _found(page, f"{variant}quv") for variant in ("oʻ", "o'", "o‘", "o’", "o`", "o")}
    assert len(set(results.values())) == 1, results
    assert results["o"][1][0] == f"/uz/{F13}"
    marked = page.eval_on_selector_all(".md-search-result__item mark", "nodes => nodes.map(n => n.textContent)")
    assert "oʻquv" in {word.lower() for word in marked}, marked
    assert all(word.lower().startswith("oʻquv") for word in marked), marked  # whole words, never "o" and "quv"
    page.context.close()


def test_russian_search_reads_yo_as_ye(page: Page, server: str) -> None:
    page.goto(f"{server}/ru/index.html")
    assert _found(page, "ребёнок") == _found(page, "ребенок")


def _found(page: Page, words: str) -> tuple[str, tuple[str, ...]]:
    """How many pages the search finds, and the first ten it shows (the theme shows more as the reader scrolls)."""
    search(page, words)
    shown = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link:first-child", "links => links.map(link => link.href)"
    )
    return page.inner_text(".md-search-result__meta"), tuple(urlsplit(link).path for link in shown[:10])


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


def test_the_first_page_offers_the_languages_and_remembers_the_choice(page: Page, server: str) -> None:
    page.goto(f"{server}/index.html")
    assert page.locator("a[hreflang]").count() == 4
    page.locator('a[hreflang="ru"]').click()
    page.wait_for_url("**/ru/index.html")
    page.goto(f"{server}/index.html")
    page.wait_for_url("**/ru/index.html")
    assert page.locator("html").get_attribute("lang") == "ru"


def test_the_site_opens_from_the_file_system(page: Page, site: Path) -> None:
    errors = _errors(page)
    page.goto((site / "index.html").as_uri())
    page.locator('a[hreflang="uz-Cyrl"]').click()
    page.wait_for_url("**/uz-Cyrl/index.html")
    assert page.locator("html").get_attribute("lang") == "uz-Cyrl"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Қидириш"
    page.goto((site / "ru" / F01).as_uri())
    page.wait_for_load_state("load")
    assert errors == []


def _errors(page: Page) -> list[str]:
    """What the page reports as failing: console errors, uncaught exceptions and requests that fail."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}"))
    return errors


def test_pages_load_nothing_that_is_not_there(page: Page, server: str) -> None:
    errors = _errors(page)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    for language in ("en", "ru", "uz", "uz-Cyrl"):
        page.goto(f"{server}/{language}/{F01}")
        page.wait_for_load_state("networkidle")
    assert errors == []
    assert not [url for url in asked if "sitemap" in url or url.endswith(".map")]


@pytest.mark.parametrize("language", ["en", "ru", "uz", "uz-Cyrl"])
def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, server: str, site: Path, language: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    wide = []
    for path in sorted((site / language).rglob("*.html")):
        phone.goto(f"{server}/{path.relative_to(site).as_posix()}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((path.name, width))
    context.close()
    assert wide == []


def test_a_diagram_on_a_phone_scrolls_in_its_box_at_a_readable_size_and_opens_full_size(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{server}/ru/sop/12-annexes.html")
    figure = phone.locator("figure.oila-figure").first
    image_width = figure.locator("img").evaluate("image => image.getBoundingClientRect().width")
    box = figure.locator("a").evaluate("box => [box.clientWidth, box.scrollWidth]")
    assert image_width >= 560 and box[0] <= PHONE["width"] < box[1], (image_width, box)
    with phone.expect_navigation():
        figure.locator("img").click()
    assert phone.url.endswith(".png")
    context.close()


def test_a_page_not_found_is_answered_in_its_language_from_any_depth(page: Page, server: str) -> None:
    errors = _errors(page)
    response = page.goto(f"{server}/ru/forms/gone/deeper/page.html")
    assert response is not None and response.status == 404
    errors.clear()  # the page itself comes with status 404, which the console reports
    assert page.locator("article h1").inner_text() == "Страница не найдена"
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    assert search(page, "реинтеграция")  # the search index is found from the language's folder
    switch = page.locator('a.md-select__link[hreflang="uz"]').get_attribute("href")
    assert page.evaluate("href => new URL(href, document.baseURI).pathname", switch) == "/uz/index.html"
    page.goto(f"{server}/ru/forms/gone/deeper/page.html")
    errors.clear()
    page.locator("article a").first.click()
    page.wait_for_url(f"{server}/ru/index.html")
    assert errors == []


def test_a_page_not_found_opened_from_the_files_is_styled_and_in_its_language(page: Page, site: Path) -> None:
    errors = _errors(page)
    page.goto((site / "uz" / "404.html").as_uri())
    assert page.locator("article h1").inner_text() == "Sahifa topilmadi"
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    assert errors == []


@pytest.mark.parametrize("language", ["ru", "uz-Cyrl"])
def test_an_unzipped_bundle_opens_its_language_and_its_switcher_offers_only_what_it_holds(
    page: Page, site: Path, tmp_path: Path, language: str
) -> None:
    with zipfile.ZipFile(site.parent / "bundles" / f"oila-{language}.zip") as bundle:
        bundle.extractall(tmp_path)
    errors = _errors(page)
    page.goto((tmp_path / "index.html").as_uri())
    page.wait_for_url(f"**/{language}/index.html")
    page.goto((tmp_path / language / F01).as_uri())
    links = page.eval_on_selector_all("a.md-select__link", "links => links.map(link => link.href)")
    assert links and all(Path(urlsplit(link).path).is_file() for link in links), links
    assert search(page, "F-01")
    assert errors == []


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
