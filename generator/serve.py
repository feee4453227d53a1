"""`oila serve`: the site on a local address, rebuilt whenever a source changes.

A change to a form, a list, the SOP, a label or a hand-written page rebuilds the site; a change that
breaks the sources prints its problems and leaves the last good site in place, so the page in the
browser never goes blank while someone is typing.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from http import HTTPStatus
from pathlib import Path
from typing import Any

from generator.build import build
from generator.errors import OilaError, SourceErrors
from generator.render import SITE

WATCHED = ("*.yaml", "choices/*.yaml", "forms/*.yaml", "sop/*.yaml", "sop/*/*.md", "docs/*/*.md")
POLL_SECONDS = 1.0


def source_snapshot(root: Path) -> dict[str, int]:
    """Every watched source and when it last changed; a changed, added or removed file changes this."""
    return {str(path.relative_to(root)): path.stat().st_mtime_ns for pattern in WATCHED for path in root.glob(pattern)}


def rebuild(root: Path, out: Path, languages: Sequence[str] | None, report: Callable[[str], None]) -> bool:
    """Build the site; on bad sources, report each problem and keep the last good site. True if built."""
    try:
        build(root, out, languages=languages, only=[SITE])
    except SourceErrors as errors:
        for item in errors.problems:
            report(str(item))
        report(f"oila: {errors}; the last good site is still served")
        return False
    except OilaError as error:
        report(f"oila: {error}; the last good site is still served")
        return False
    report("oila: site rebuilt")
    return True


COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})
"""Text the server sends compressed to a browser that accepts it: a search index is a fifth of its size."""
NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web server would: text compressed, and an address with no page answered by the page
    not found of the language whose folder it is under, at any depth."""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        self._send(HTTPStatus.OK, path, gzip.compress(path.read_bytes(), mtime=0), compressed=True)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        self._send(HTTPStatus.NOT_FOUND, page, page.read_bytes(), compressed=False)

    def _not_found_page(self) -> Path | None:
        """The page not found of the language folder the address is under, if there is one."""
        folder = urllib.parse.urlsplit(self.path).path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / urllib.parse.unquote(folder) / NOT_FOUND
        return (
            page
            if folder and page.resolve().is_relative_to(Path(self.directory).resolve()) and page.is_file()
            else None
        )

    def _send(self, status: HTTPStatus, path: Path, body: bytes, *, compressed: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            with contextlib.suppress(ConnectionError):  # the reader went on to another page before this one came
                self.wfile.write(body)


def start_server(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """`folder` served on 127.0.0.1:`port` (0: any free port) from a background thread, without request logs."""
    handler = functools.partial(SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(
    root: Path,
    out: Path,
    port: int,
    languages: Sequence[str] | None,
    report: Callable[[str], None],
    stop: threading.Event,
) -> None:
    """Build, serve `out/site` on 127.0.0.1:`port`, and rebuild on every change until `stop` is set."""
    rebuild(root, out, languages, report)
    (out / SITE).mkdir(parents=True, exist_ok=True)
    server = start_server(out / SITE, port)
    report(f"oila: serving the site at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        seen = source_snapshot(root)
        while not stop.wait(POLL_SECONDS):
            current = source_snapshot(root)
            if current != seen:
                seen = current
                rebuild(root, out, languages, report)
    finally:
        server.shutdown()
        server.server_close()
