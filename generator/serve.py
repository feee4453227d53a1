"""`oila serve`: the site on a local address, rebuilt whenever a source changes, shown again in the browser.

A change to a form, a list, the SOP, a label, a hand-written page or the translation lock is built in two passes:
first the pages of the language being looked at, so that the page shows the change within seconds (its downloads
are those of the last build); then everything, Word files and PDFs included, in every language. Each page the
server sends keeps a question open to it, answered the moment a newer build is out (the page reloads) or the
sources have problems (it shows them above the page). A change that breaks the sources prints its problems and
leaves the last good site in place, so the page never goes blank while someone is typing.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from http import HTTPStatus
from pathlib import Path
from typing import Any

from generator.build import build
from generator.errors import OilaError, SourceErrors
from generator.last_build import source_files
from generator.render import SITE

POLL_SECONDS = 0.2
WAIT_SECONDS = 20.0
"""How long a page's question "is anything new?" waits for an answer before it is told "no"."""
LIVE_SCRIPT = Path(__file__).parent / "site" / "assets" / "oila-live.js"
LIVE_PREFIX = "/__oila__/"
"""Where the server answers for itself rather than from the site: its script and the state of the sources."""


def source_snapshot(root: Path) -> dict[str, int]:
    """Every source and when it last changed; a changed, added or removed file changes this."""
    return {str(path.relative_to(root)): path.stat().st_mtime_ns for path in source_files(root)}


class Preview:
    """What the pages being looked at learn from the server: which build is out, and what is wrong with the sources.
    Shared by the thread that builds and those that answer the browser."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._told = 0
        """Counts every change of what pages are told."""
        self.generation = 0
        self.problems: tuple[str, ...] = ()
        self.viewed: str | None = None
        """The language folder of the last page asked for, built first."""

    def published(self) -> None:
        with self._changed:
            self.generation += 1
            self.problems = ()
            self._told += 1
            self._changed.notify_all()

    def failed(self, problems: Sequence[str]) -> None:
        with self._changed:
            self.problems = tuple(problems)
            self._told += 1
            self._changed.notify_all()

    def state(self, seen: str | None) -> bytes:
        """The state, once it differs from what the page was last told (`seen`), or after `WAIT_SECONDS`: the page
        hears of a new build the moment it is out."""
        with self._changed:
            self._changed.wait_for(lambda: seen != str(self._told), timeout=WAIT_SECONDS)
            told = {"generation": self.generation, "problems": list(self.problems), "said": str(self._told)}
            return json.dumps(told).encode("utf-8")


def rebuild(
    root: Path,
    out: Path,
    languages: Sequence[str] | None,
    report: Callable[[str], None],
    preview: Preview,
    first: bool = True,
) -> bool:
    """One pass of the build (`first`: the pages of the language being looked at); on bad sources, report each
    problem, show them on the page and keep the last good site. True if built."""
    viewed = preview.viewed
    quick = first and viewed is not None and (languages is None or viewed in languages)
    chosen = [viewed] if quick and viewed is not None else languages
    started = time.perf_counter()
    try:
        build(root, out, languages=chosen, only=[SITE], preview=quick)
    except SourceErrors as errors:
        problems = [str(item) for item in errors.problems]
        for line in problems:
            report(line)
        report(f"oila: {errors}; the last good site is still served")
        preview.failed([*problems, f"oila: {errors}; the page shows the last good build"])
        return False
    except OilaError as error:
        report(f"oila: {error}; the last good site is still served")
        preview.failed([f"oila: {error}; the page shows the last good build"])
        return False
    preview.published()
    what = f"the pages in {viewed}" if quick else "the site"
    report(f"oila: {what} rebuilt in {time.perf_counter() - started:.1f} s")
    return True


COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})
"""Text the server sends compressed to a browser that accepts it: a search index is a fifth of its size."""
NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web server would: text compressed, and an address with no page answered by the page
    not found of the language whose folder it is under, at any depth. With a `preview`, each page also carries the
    script that reloads it when a newer build is out and shows the sources' problems."""

    def __init__(self, *args: Any, preview: Preview | None = None, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        address = urllib.parse.urlsplit(self.path).path
        if self.preview is not None and address.startswith(LIVE_PREFIX):
            self._answer_for_the_preview(address.removeprefix(LIVE_PREFIX), self.preview)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        live = self.preview is not None and path.suffix == ".html" and path.is_file()
        folder, inside, _ = address.lstrip("/").partition("/")
        if live and inside and self.preview is not None:  # a page of one language's site
            self.preview.viewed = urllib.parse.unquote(folder)
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            if not live:
                super().do_GET()
                return
            self._send(HTTPStatus.OK, path, _with_live_script(path.read_bytes()), compressed=False)
            return
        body = _with_live_script(path.read_bytes()) if live else path.read_bytes()
        self._send(HTTPStatus.OK, path, gzip.compress(body, mtime=0), compressed=True)

    def _answer_for_the_preview(self, name: str, preview: Preview) -> None:
        if name == "state":
            seen = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("seen", [None])[0]
            self._send(HTTPStatus.OK, Path("state.json"), preview.state(seen), compressed=False)
        elif name == "live.js":
            self._send(HTTPStatus.OK, LIVE_SCRIPT, LIVE_SCRIPT.read_bytes(), compressed=False)
        else:
            super().send_error(HTTPStatus.NOT_FOUND)

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
        if self.preview is not None:
            self.send_header("Cache-Control", "no-store")
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            with contextlib.suppress(ConnectionError):  # the reader went on to another page before this one came
                self.wfile.write(body)


def _with_live_script(page: bytes) -> bytes:
    """`page` with the preview's script, which reloads it and shows the sources' problems, before its body ends."""
    tag = f'<script src="{LIVE_PREFIX}live.js"></script>'.encode("ascii")
    head, found, tail = page.rpartition(b"</body>")
    return head + tag + found + tail if found else page + tag


def start_server(folder: Path, port: int, preview: Preview | None = None) -> http.server.ThreadingHTTPServer:
    """`folder` served on 127.0.0.1:`port` (0: any free port) from a background thread, without request logs; with
    `preview`, pages reload themselves when a newer build is out."""
    handler = functools.partial(SiteHandler, directory=str(folder), preview=preview)
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
    """Build, serve `out/site` on 127.0.0.1:`port`, and rebuild on every change until `stop` is set: the page being
    looked at first, then everything, unless the sources change again in between."""
    preview = Preview()
    rebuild(root, out, languages, report, preview, first=False)
    (out / SITE).mkdir(parents=True, exist_ok=True)
    server = start_server(out / SITE, port, preview)
    report(f"oila: serving the site at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        seen = source_snapshot(root)
        while not stop.wait(POLL_SECONDS):
            current = source_snapshot(root)
            if current == seen:
                continue
            seen = current
            if rebuild(root, out, languages, report, preview) and source_snapshot(root) == seen:
                rebuild(root, out, languages, report, preview, first=False)
    finally:
        server.shutdown()
        server.server_close()
