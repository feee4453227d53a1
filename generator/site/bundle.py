"""`build/bundles/oila-<lang>.zip`: one language's offline site with every form and the SOP, for a USB stick.

The site already holds the downloads (printable forms and the SOP, Word and PDF), so the bundle is the
site folder plus a first page that opens it; unzipped anywhere, `index.html` works without a server.
"""

from __future__ import annotations

from generator.write import zip_files


def field_bundle(language: str, site_files: dict[str, bytes]) -> bytes:
    """A zip of `site_files` (paths under `<language>/`) and an `index.html` that opens that language."""
    opener = (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={language}/index.html"><title>Oila</title></head>'
        f'<body><a href="{language}/index.html">{language}/index.html</a></body></html>\n'
    ).encode()
    return zip_files({"index.html": opener, **site_files})
