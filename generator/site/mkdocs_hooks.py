"""MkDocs hooks for the sites Oila stages: copied beside each staged `mkdocs.yml` and named in its `hooks`.

The theme's templates are compiled by Jinja on every build; with `OILA_TEMPLATE_CACHE` set, the compiled templates
are kept in that folder, so that later builds (the other languages, the next edit) load them instead. Jinja checks
each template's source against what it compiled, so a changed template is compiled again. With `OILA_PAGE_CACHE`
naming a build's cache folder, what each page's Markdown renders to is kept there (`generator.site.page_cache`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache

from generator.cache import Cache
from generator.site.page_cache import PAGES, PageCache

TEMPLATE_CACHE_VARIABLE = "OILA_TEMPLATE_CACHE"
PAGE_CACHE_VARIABLE = "OILA_PAGE_CACHE"


class _ByName(FileSystemBytecodeCache):
    """Compiled templates kept by their names: the staged overrides live in a new folder each build."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(name)


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    folder = os.environ.get(TEMPLATE_CACHE_VARIABLE)
    if folder:
        os.makedirs(folder, exist_ok=True)
        env.bytecode_cache = _ByName(folder)
    return env


def on_config(config: Any) -> Any:
    folder = os.environ.get(PAGE_CACHE_VARIABLE)
    if folder:
        PageCache(Cache(Path(folder), PAGES)).install()
    return config
