"""The page cache of the sites' MkDocs runs: a page rendered before is taken as it was, and the checks MkDocs makes
of its links still fail a strict build when what they point at is gone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cache import Cache
from generator.site.build_site import HOOKS
from generator.site.mkdocs_hooks import PAGE_CACHE_VARIABLE
from generator.site.page_cache import PAGES

CONFIG = {
    "site_name": "Pages",
    "docs_dir": "docs",
    "site_dir": "site",
    "use_directory_urls": False,
    "strict": True,
    "validation": {"links": {"anchors": "warn"}},
    "hooks": [HOOKS.name],
}


@pytest.fixture
def stage(tmp_path: Path) -> Path:
    """A site of two pages, the first linking to a part of the second, with Oila's hooks."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nSee [the part](other.md#the-part).\n", encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n## The part\n\nText.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(json.dumps(CONFIG), encoding="utf-8")
    shutil.copy(HOOKS, tmp_path / HOOKS.name)
    return tmp_path


def mkdocs(stage: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, PAGE_CACHE_VARIABLE: str(stage / "cache"), "SOURCE_DATE_EPOCH": "0"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", "mkdocs.yml"]
    return subprocess.run(command, cwd=stage, env=environment, capture_output=True, text=True, check=False)


def entries(stage: Path) -> dict[str, Any]:
    cache = Cache(stage / "cache", PAGES)
    found = {}
    for path in sorted(cache.folder.iterdir()):
        content = cache.get(path.name)
        assert content is not None, path
        found[path.name] = json.loads(content)
    return found


def test_a_page_rendered_before_is_taken_from_the_cache_and_a_changed_one_is_not(stage: Path) -> None:
    assert mkdocs(stage).returncode == 0
    first = (stage / "site" / "index.html").read_text(encoding="utf-8")
    kept = entries(stage)
    assert len(kept) == 2
    cache = Cache(stage / "cache", PAGES)
    for key, saved in kept.items():  # what only the cache can have given
        saved["content"] = str(saved["content"]).replace("Text.", "Text kept.").replace("See ", "Seen ")
        cache.put(key, json.dumps(saved).encode("utf-8"))
    (stage / "docs" / "index.md").write_text("# Home\n\nRead [the part](other.md#the-part).\n", encoding="utf-8")
    assert mkdocs(stage).returncode == 0
    assert "Text kept." in (stage / "site" / "other.html").read_text(encoding="utf-8")
    home = (stage / "site" / "index.html").read_text(encoding="utf-8")
    assert "Read <a" in home and "Seen" not in home
    assert home.replace("Read", "See") == first
    assert 'href="#the-part"' in (stage / "site" / "other.html").read_text(encoding="utf-8")


def test_a_link_to_a_part_that_is_gone_fails_the_strict_build_though_its_page_is_kept(stage: Path) -> None:
    assert mkdocs(stage).returncode == 0
    (stage / "docs" / "other.md").write_text("# Other\n\n## Another part\n\nText.\n", encoding="utf-8")
    failed = mkdocs(stage)
    assert failed.returncode == 1
    assert "'other.md' does not contain an anchor '#the-part'" in failed.stderr


def test_a_link_to_a_page_that_is_gone_fails_the_strict_build_every_time(stage: Path) -> None:
    assert mkdocs(stage).returncode == 0
    (stage / "docs" / "other.md").unlink()
    for _ in range(2):  # the page that warned was not kept
        failed = mkdocs(stage)
        assert failed.returncode == 1
        assert "a link 'other.md#the-part', but the target 'other.md' is not found" in failed.stderr


def test_an_entry_that_is_not_a_rendered_page_is_rendered_again(stage: Path) -> None:
    assert mkdocs(stage).returncode == 0
    first = (stage / "site" / "index.html").read_bytes()
    cache = Cache(stage / "cache", PAGES)
    for key in entries(stage):
        cache.put(key, b'{"content": "no table of contents"}')
    assert mkdocs(stage).returncode == 0
    assert (stage / "site" / "index.html").read_bytes() == first


def test_a_pages_search_entries_are_taken_from_the_cache_until_its_html_changes(stage: Path) -> None:
    themed = {**CONFIG, "theme": {"name": "material", "features": []}, "plugins": ["search"]}
    (stage / "mkdocs.yml").write_text(json.dumps(themed), encoding="utf-8")
    assert mkdocs(stage).returncode == 0
    cache = Cache(stage / "cache", PAGES)
    kept = {key: saved for key, saved in entries(stage).items() if isinstance(saved, list)}
    assert len(kept) == 2
    for key, saved in kept.items():  # what only the cache can have given
        altered = [{**entry, "text": f"kept {entry['text']}"} for entry in saved if isinstance(entry, dict)]
        cache.put(key, json.dumps(altered).encode("utf-8"))
    (stage / "docs" / "index.md").write_text("# Home\n\nRead [the part](other.md#the-part).\n", encoding="utf-8")
    assert mkdocs(stage).returncode == 0
    index = json.loads((stage / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {entry["location"]: entry["text"] for entry in index["docs"]}
    assert texts["other.html#the-part"] == "kept <p>Text.</p>"
    assert texts["index.html"].startswith("<p>Read")
