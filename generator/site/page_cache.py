"""What MkDocs made of each page's Markdown, and what the theme's search made of its HTML, kept for the next build
of the site: most pages of a site built again are as they were, and turning Markdown into HTML and HTML into search
entries is half of MkDocs' work.

`PageCache.install` wraps MkDocs' `Page.render` (MkDocs is pinned; see `pyproject.toml`). A page is kept under a key
made of everything its rendering reads: its Markdown and its place in the site, the settings of Markdown and of
link checking, the place of every file of the site (its links are resolved against them) and the versions of
Python, MkDocs and Markdown. What is kept is what the rendering gives the page: its HTML, table of contents, title,
anchors and the links to anchors that MkDocs checks once every page is rendered, so those are checked on every
build. A page whose rendering logged a warning is never kept, so that a strict build fails again where it failed.
`SearchIndex.add_entry_from_context` is wrapped the same way: a page's search entries are kept under a key made of
its HTML, address, title, metadata and table of contents, the search settings and the theme's version.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib.metadata import version
from typing import Any

import material
import mkdocs
from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator.cache import Cache, key_of

PAGES = "pages"
"""The kind of cache entry (`generator.cache.Cache`) a rendered page, or its search entries, is kept as."""
_MKDOCS_LOG = logging.getLogger("mkdocs")
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
"""MkDocs records a page's links to anchors only when this log is not at debug level."""


class PageCache:
    """Rendered pages, kept in `cache`."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def install(self) -> None:
        """From now on MkDocs takes each page it renders from the cache when it can, and keeps it there when not."""
        render = Page.render

        def cached_render(page: Page, config: MkDocsConfig, files: Files) -> None:
            key = _key(page, config, files)
            kept = self.cache.get(key)
            if kept is not None and _restored(page, kept, files):
                return
            with _Warnings() as warnings:
                render(page, config, files)
            if not warnings.count:
                self.cache.put(key, _saved(page))

        Page.render = cached_render  # type: ignore[method-assign, assignment]
        add_entries = SearchIndex.add_entry_from_context

        def cached_add_entries(index: SearchIndex, page: Page) -> None:
            key = _search_key(index, page)
            kept = _entries(self.cache.get(key))
            if kept is not None:
                index.entries.extend(kept)
                return
            before = len(index.entries)
            add_entries(index, page)
            self.cache.put(key, json.dumps(index.entries[before:], ensure_ascii=False, sort_keys=True).encode("utf-8"))

        SearchIndex.add_entry_from_context = cached_add_entries


def _key(page: Page, config: MkDocsConfig, files: Files) -> str:
    assert page.markdown is not None, "MkDocs reads a page's Markdown before it renders it"
    settings = [config[name] for name in ("markdown_extensions", "mdx_configs", "validation", "use_directory_urls")]
    places = [(file.src_uri, file.url, file.inclusion.name) for file in files]
    versions = [sys.version, mkdocs.__version__, version("markdown")]
    return key_of(page.markdown, page.file.src_uri, page.file.url, repr(settings), repr(places), repr(versions))


def _search_key(index: SearchIndex, page: Page) -> str:
    toc = [_token(item) for item in page.toc]
    about = [page.url, page.title, page.meta, toc, index.config, material.__version__]
    return key_of("search", page.content or "", json.dumps(about, ensure_ascii=False, sort_keys=True, default=repr))


def _entries(kept: bytes | None) -> list[dict[str, Any]] | None:
    """The search entries `kept`; None for an entry not as Oila writes them (the page is indexed again)."""
    if kept is None:
        return None
    try:
        entries = json.loads(kept)
    except ValueError:
        return None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return None
    return entries


def _saved(page: Page) -> bytes:
    links = {file.src_uri: anchors for file, anchors in (page.links_to_anchors or {}).items()}
    saved = {
        "content": page.content,
        "toc": [_token(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": links,
    }
    return json.dumps(saved, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _restored(page: Page, kept: bytes, files: Files) -> bool:
    """Whether `page` was given what its rendering gave it when it was `kept` (no, for an entry not as Oila writes
    them: the page is rendered again)."""
    try:
        saved = json.loads(kept)
        links = {files.get_file_from_path(uri): anchors for uri, anchors in saved["links"].items()}
        if None in links:
            return False
        page.content = saved["content"]
        page.toc = get_toc(saved["toc"])
        page._title_from_render = saved["title"]
        page.present_anchor_ids = set(saved["anchors"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return False
    if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links  # type: ignore[assignment]
    return True


def _token(item: AnchorLink) -> dict[str, Any]:
    """A table of contents entry as the Markdown extension `toc` gives it to MkDocs."""
    return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs while it is open."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> _Warnings:
        _MKDOCS_LOG.addHandler(self)
        return self

    def __exit__(self, *exception: object) -> None:
        _MKDOCS_LOG.removeHandler(self)
