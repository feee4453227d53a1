"""The documentation site: one MkDocs build per language, escaped, searchable in every language, no broken link."""

from __future__ import annotations

import html
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build
from generator.errors import BuildError
from generator.site.not_found import not_found_page
from tests.conftest import WriteSource
from tests.load.test_training import COURSE, MODULE

LANGUAGES = ("en", "ru", "uz")


@pytest.fixture
def site(root: Path) -> Path:
    """The test project's site, built with its Word downloads (no PDFs: that step has tests of its own)."""
    build(root, root / "build", only=["site"])
    return root / "build" / "site"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.language: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.language = values.get("lang")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(str(values[name]))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_each_language_is_a_site_of_its_own_with_its_theme_labels(site: Path) -> None:
    placeholders = {"en": "Search", "ru": "Поиск", "uz": "Qidirish", "uz-Cyrl": "Қидириш"}
    for language, placeholder in placeholders.items():
        for name in ("index.html", "404.html", "forms/T-01-every-type.html", "sop/02-steps.html", "glossary.html"):
            page = site / language / name
            assert parse(page).language == language, page
        assert f'placeholder="{placeholder}"' in (site / language / "index.html").read_text(encoding="utf-8")
    theme = (site / "uz" / "index.html").read_text(encoding="utf-8")
    assert (
        "Hech narsa topilmadi" in theme and "'" not in json.loads(_config(theme))["translations"]["search.result.none"]
    )


def _config(page: str) -> str:
    return page.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]


def test_the_first_page_offers_every_language_and_goes_nowhere_by_itself(site: Path) -> None:
    first = (site / "index.html").read_text(encoding="utf-8")
    assert "http-equiv" not in first
    for language, name in (("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha"), ("uz-Cyrl", "Ўзбекча")):
        assert f'<a href="{language}/index.html" hreflang="{language}"><strong>{name}</strong>' in first
    assert "Выберите язык" in first and "Тилни танланг" in first
    assert "localStorage" in first


def test_the_site_holds_nothing_it_never_loads(site: Path) -> None:
    for language in (*LANGUAGES, "uz-Cyrl"):
        files = {
            path.relative_to(site / language).as_posix() for path in (site / language).rglob("*") if path.is_file()
        }
        unused = [name for name in files if name.endswith(".map") or "/lunr/" in name or "sitemap" in name]
        assert unused == [], language
        assert "assets/javascripts/oila-search.js" in files
        assert not any(name.startswith("assets/javascripts/workers/") for name in files)
        page = (site / language / "sop" / "02-steps.html").read_text(encoding="utf-8")
        assert json.loads(_config(page))["search"] == "../assets/javascripts/oila-search.js"
        assert 'rel="alternate"' not in page  # the theme would fetch every language's sitemap for it


def test_no_link_or_image_in_the_site_is_broken(site: Path) -> None:
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:
                assert not parts.netloc, f"{page}: {link} leaves the site"
                continue
            base = site if parts.path.startswith("/") else page.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    assert broken == []


def test_the_language_switcher_keeps_the_page(site: Path) -> None:
    page = site / "ru" / "forms" / "T-01-every-type.html"
    switches = [link for link in parse(page).links if "/uz/" in link or "/en/" in link]
    assert "../../uz/forms/T-01-every-type.html" in switches
    assert "../../en/forms/T-01-every-type.html" in switches


def test_a_form_page_offers_its_downloads_in_the_page_language(site: Path) -> None:
    page = site / "uz" / "forms" / "T-01-every-type.html"
    text = page.read_text(encoding="utf-8")
    assert "Chop etish uchun shakl (Word)" in text
    assert "../downloads/T-01-every-type-uz.docx" in parse(page).links
    assert (site / "uz" / "downloads" / "T-01-every-type-uz.docx").read_bytes()[:2] == b"PK"
    offered = {language: sorted((site / language / "downloads").iterdir()) for language in LANGUAGES}
    names = {path.name for paths in offered.values() for path in paths if path.suffix != ".xlsx"}
    assert len(names) == sum(len(paths) - 1 for paths in offered.values())  # no two languages' files share a name
    # but the XLSForm, which holds every language, is one file of one name in each
    xlsforms = {language: [path for path in paths if path.suffix == ".xlsx"] for language, paths in offered.items()}
    assert all([path.name for path in paths] == ["T-01-every-type.xlsx"] for paths in xlsforms.values())
    assert len({paths[0].read_bytes() for paths in xlsforms.values()}) == 1
    text = page.read_text(encoding="utf-8")
    assert "../downloads/T-01-every-type.xlsx" in parse(page).links
    assert "Planshet uchun shakl" in text and "KoboToolbox" in text
    assert "Trainers only." not in (site / "ru" / "forms" / "T-01-every-type.html").read_text(encoding="utf-8")
    assert "Только для тренеров." in (site / "ru" / "forms" / "T-01-every-type.html").read_text(encoding="utf-8")


def search_index(site: Path, language: str) -> dict[str, Any]:
    index: dict[str, Any] = json.loads((site / language / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index


def test_the_search_index_carries_the_rules_for_reading_words_and_unescaped_text(site: Path) -> None:
    for language in (*LANGUAGES, "uz-Cyrl"):
        words = search_index(site, language)["config"]["words"]
        assert all(words["folds"][mark] == "" for mark in ("ʻ", "ʼ", "‘", "’", "'", "`")), language
        assert words["folds"]["ё"] == "е"
    assert "ия" in search_index(site, "ru")["config"]["words"]["endings"]
    cyrillic = search_index(site, "uz-Cyrl")["config"]["words"]
    assert "нинг" in cyrillic["endings"] and "ning" not in cyrillic["endings"]
    assert cyrillic["folds"]["ъ"] == ""
    text = (site / "ru" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in text and "реинтеграция" in text
    offline = (site / "ru" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert offline == f"var __index = {text}"


def test_a_table_keeps_the_words_of_its_cells_apart_in_the_search_index(site: Path) -> None:
    glossary = next(doc for doc in search_index(site, "en")["docs"] if doc["location"] == "glossary.html")
    assert re.search(r"reintegration\s+реинтеграция\s+reintegratsiya\s+реинтеграция\s+\S", glossary["text"])


def test_text_from_the_sources_cannot_inject_html(root: Path) -> None:
    form = root / "forms" / "every-type.yaml"
    text = form.read_text(encoding="utf-8")
    form.write_text(text.replace("en: Full name,", "en: <script>alert(1)</script>,"), encoding="utf-8")
    build(root, root / "build", only=["site"], languages=["en"])
    page = (root / "build" / "site" / "en" / "forms" / "T-01-every-type.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_link_to_no_page_stops_the_build_and_is_named(root: Path) -> None:
    page = root / "docs" / "en" / "for-trainers.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the plan](session-plan.md).\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        build(root, root / "build", only=["site"], languages=["en"])
    said = str(raised.value)
    assert said.startswith("MkDocs could not build the site: WARNING")
    assert "'for-trainers.md' contains a link 'session-plan.md', but the target is not found" in said
    assert not (root / "build" / "site").exists()


def test_a_page_not_yet_translated_says_so_in_the_readers_language(root: Path) -> None:
    (root / "docs" / "uz" / "for-trainers.md").unlink(missing_ok=True)
    build(root, root / "build", only=["site"], languages=["uz"])
    page = (root / "build" / "site" / "uz" / "for-trainers.html").read_text(encoding="utf-8")
    assert "Bu sahifa hali oʻzbek tiliga tarjima qilinmagan va ingliz tilida koʻrsatilmoqda." in page


def test_a_field_bundle_per_language_holds_the_offline_site_and_its_downloads(site: Path) -> None:
    for language in LANGUAGES:
        with zipfile.ZipFile(site.parent / "bundles" / f"oila-{language}.zip") as bundle:
            names = set(bundle.namelist())
            opener = bundle.read("index.html").decode("utf-8")
            page = bundle.read(f"{language}/forms/T-01-every-type.html").decode("utf-8")
        assert {f"{language}/index.html", f"{language}/downloads/T-01-every-type-{language}.docx"} <= names
        assert f"{language}/downloads/TEST-SOP-01-v2.0-{language}.docx" in names
        assert not any(
            name.startswith(tuple(f"{other}/" for other in LANGUAGES if other != language)) for name in names
        )
        assert f"url={language}/index.html" in opener
        offered = set(re.findall(r'data-oila-language="([^"]+)"', page))
        assert offered == {language}, offered  # the bundle holds no other language to switch to


def test_a_reference_is_a_link_to_the_row_that_shows_what_it_names(site: Path) -> None:
    words = {"en": "Step 1 (Assessment)", "ru": "Шаг 1 («Оценка»)", "uz": "1-qadam («Baholash»)"}
    for language in LANGUAGES:
        form = (site / language / "forms" / "T-01-every-type.html").read_text(encoding="utf-8")
        assert f'<a href="../sop/02-steps.html#step-assessment">{html.escape(words[language])}</a>' in form, language
        assert '<a href="../sop/03-annexes.html#timeframe-assessment">' in form
        steps = (site / language / "sop" / "02-steps.html").read_text(encoding="utf-8")
        assert '<tr id="step-assessment">' in steps
        annexes = (site / language / "sop" / "03-annexes.html").read_text(encoding="utf-8")
        assert '<tr id="timeframe-assessment">' in annexes


def test_a_diagram_opens_at_full_size_and_has_its_words_as_alternative_text(site: Path) -> None:
    for language in LANGUAGES:
        pages = [page.read_text(encoding="utf-8") for page in sorted((site / language / "sop").glob("*.html"))]
        figures = re.findall(
            r'<figure class="oila-figure"><a href="([^"]+)"[^>]*><img src="([^"]+)" alt="([^"]*)"', "".join(pages)
        )
        assert sorted(link for link, _, _ in figures) == ["pathways-1.png", "steps.png"], language
        assert all(link == image and len(words) > 40 for link, image, words in figures), figures


def test_a_page_not_found_is_in_its_language_with_links_from_its_own_folder(site: Path) -> None:
    headings = {"en": "Page not found", "ru": "Страница не найдена", "uz": "Sahifa topilmadi"}
    for language, heading in headings.items():
        page = (site / language / "404.html").read_text(encoding="utf-8")
        assert f"<h1>{heading}</h1>" in page
        assert not re.search(r'(\b(href|src)="|"search": ")/(?!/)', page), (
            language
        )  # from the server's root: fails from files
        assert f'var folder = "/{language}/"' in page
    with pytest.raises(BuildError, match=r"404\.html: the theme's page not found is not laid out as Oila expects"):
        not_found_page("<html><body>404</body></html>", "ru", "site/ru/404.html")


def test_the_training_course_has_a_page_per_module_with_its_timed_session_plan(
    root: Path, write_source: WriteSource
) -> None:
    write_source("training/course.yaml", COURSE)
    write_source("training/modules/basics.yaml", MODULE)
    build(root, root / "build", only=["site"], languages=["en", "uz"])
    site = root / "build" / "site"
    course = (site / "en" / "training" / "index.html").read_text(encoding="utf-8")
    assert '<a href="01-basics.html">Module 1. Basics</a> · 60 min' in course
    for name, label in (("facilitator", "Facilitator's guide"), ("participant", "Participant's handbook")):
        assert f'<a href="../downloads/TEST-TRN-01-v0.1-{name}-en.docx">{label} (Word)</a>' in course
        assert (site / "en" / "downloads" / f"TEST-TRN-01-v0.1-{name}-en.docx").stat().st_size > 10_000
    page = (site / "en" / "training" / "01-basics.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td><strong>(.*?)</strong>", page)
    assert rows == [("0:00–0:20", "Presentation", "Talk"), ("0:20–1:00", "Practice", "Practice")]
    assert '<a href="../forms/T-01-every-type.html">T-01</a>' in page
    assert '<a href="../downloads/TEST-TRN-01-v0.1-slides-01-basics-en.pptx">Slides (PowerPoint)</a>' in page
    assert "For the facilitator" in page and "Every answer counts." in page
    glossary = (site / "en" / "glossary.html").read_text(encoding="utf-8")  # every page's navigation leads there
    assert 'href="training/index.html"' in glossary and 'href="training/01-basics.html"' in glossary
    uzbek = (site / "uz" / "training" / "01-basics.html").read_text(encoding="utf-8")
    assert "Mashgʻulot rejasi" in uzbek and "60 daqiqa" in uzbek and "1-kun" in uzbek
    module = root / "training" / "modules" / "basics.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("en: Basics", "en: First steps"), encoding="utf-8")
    assert build(root, root / "build", only=["site"], languages=["en", "uz"]).written > 0
    assert "Module 1. First steps" in (site / "en" / "training" / "01-basics.html").read_text(encoding="utf-8")
