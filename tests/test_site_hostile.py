"""Every place the site writes a text from the sources is escaped: a hostile string in every field of every source,
in every language, runs nowhere in any page or the search index."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from generator.build import build
from generator.i18n.changes import SourceChanges
from generator.i18n.inventory import inventory
from generator.load.files import read_sources

PAYLOAD = '"></title><svg onload=alert(1)>'


class _Page(HTMLParser):
    """The event handlers a browser would find in a page, and how many titles it has."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[tuple[str, str]] = []
        self.titles = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.titles += tag == "title"
        self.handlers += [(tag, name) for name, value in attrs if name.startswith("on") and "alert" in (value or "")]


def poison(root: Path) -> int:
    """The payload at the end of every text of every source, in every language: how many texts."""
    sources = read_sources(root)
    changes = SourceChanges()
    count = 0
    for entry in inventory(sources).entries:
        for language, text in {"en": entry.source, **entry.translations}.items():
            changes.set(entry, language, f"{text}\n\n{PAYLOAD}\n" if not entry.path else f"{text} {PAYLOAD}")
            count += 1
    changes.write(root)
    settings = root / "oila.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("name: Oila", f"name: '{PAYLOAD}'", 1), encoding="utf-8")
    return count


def test_a_hostile_string_in_every_source_runs_nowhere_on_the_site(root: Path) -> None:
    assert poison(root) > 500
    build(root, root / "build", only=["site"])
    pages = sorted((root / "build" / "site").rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Page()
        parser.feed(html)
        assert (parser.handlers, parser.titles) == ([], 1), page
        assert "<svg onload" not in html and "alert(1)" in html, page
    shown = 0
    for index in (root / "build" / "site").rglob("search_index.json"):
        for document in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            for field in ("title", "text"):
                assert "<svg" not in document.get(field, ""), (index, document["location"])
                shown += "alert(1)" in document.get(field, "")
    assert shown > 100
