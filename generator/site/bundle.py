"""`build/bundles/oila-<lang>.zip`: one language's offline site with every form and the SOP, for a USB stick.

The site already holds the downloads (printable forms and the SOP, Word and PDF), so the bundle is the
site folder plus a first page that opens it; unzipped anywhere, `index.html` works without a server. The bundle
holds one language, so its pages' language switchers offer that language alone.
"""

from __future__ import annotations

import re

from generator.site.root import LanguageChoice, bundle_start_page
from generator.write import zip_files

COMPRESSED_ALREADY = (".pdf", ".docx", ".pptx", ".xlsx", ".png", ".zip", ".gz", ".woff2")
"""Files that deflating would barely shrink: the bundle stores them as they are, which takes a fraction of the time."""
_SWITCHER_ITEM = re.compile(r'<li class="md-select__item" data-oila-language="(?P<code>[^"]+)">.*?</li>\s*', re.DOTALL)
"""One language in a page's switcher (overrides/partials/alternate.html)."""


def field_bundle(name: str, choice: LanguageChoice, site_files: dict[str, bytes]) -> bytes:
    """A zip of `site_files` (paths under `<language>/`) and an `index.html` that opens that language."""
    files = {"index.html": bundle_start_page(name, choice)}
    for path, content in site_files.items():
        files[path] = _alone(content, choice.code) if path.endswith(".html") else content
    return zip_files(files, stored=COMPRESSED_ALREADY)


def _alone(page: bytes, language: str) -> bytes:
    """`page` with its switcher offering only `language`, the one the bundle holds."""
    text = page.decode("utf-8")
    return _SWITCHER_ITEM.sub(lambda item: item.group() if item.group("code") == language else "", text).encode("utf-8")
