"""Each language's page not found (`<lang>/404.html`), which a server shows for any address under `<lang>/` that has
no page, however deep, and which also opens from the site's folder.

MkDocs writes the page with links from the server's root (`/assets/...`), which hold only when the site is served
from that root and fail from files. Oila writes them relative to the language's folder and lets the page find that
folder itself: served, from the address it was asked for (`/prefix/ru/forms/gone.html` gives `/prefix/ru/`), through
a `<base>`; opened from files, it is where the page is.
"""

from __future__ import annotations

import re

from generator.errors import BuildError

_ROOT_LINK = re.compile(r'(\b(?:href|src)="|"search": ")/(?!/)')
"""A link from the server's root: in the page's markup, or the theme's settings naming the search worker."""
_THEME_SCRIPT = re.compile(r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js">')
_FIND_FOLDER = (
    "<script>(function () {{"
    ' if (location.protocol === "file:") return;'
    ' var folder = "/{language}/", path = location.pathname, at = path.indexOf(folder);'
    ' var base = document.createElement("base");'
    " base.href = at < 0 ? folder : path.slice(0, at + folder.length);"
    " document.head.appendChild(base);"
    " }})();</script>"
)
"""The language's folder as the page's base, when served; before any link in the page is read."""
_THEME_BASE = (
    "<script>(function () {"
    ' var config = document.getElementById("__config"), values = JSON.parse(config.textContent);'
    ' values.base = document.baseURI.replace(/[^/]*$/, "");'
    " config.textContent = JSON.stringify(values);"
    " })();</script>"
)
"""The same folder for the theme's script, which finds the search index from it."""


def not_found_page(page: str, language: str, where: str) -> str:
    """The page not found MkDocs wrote for `language`, its links made to work from any address and from files."""
    page = _ROOT_LINK.sub(lambda match: match.group(1), page)
    theme_script = _THEME_SCRIPT.search(page)
    if "<head>" not in page or theme_script is None:
        raise BuildError(f"{where}: the theme's page not found is not laid out as Oila expects")
    page = page[: theme_script.start()] + _THEME_BASE + page[theme_script.start() :]
    return page.replace("<head>", "<head>" + _FIND_FOLDER.format(language=language), 1)
