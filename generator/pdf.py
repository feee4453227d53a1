"""PDF beside every Word output, made by LibreOffice, the same bytes every time.

LibreOffice is driven through UNO by the system Python, so that the SOP's table of contents is filled before
export, in UTC and the C locale wherever the build runs; a build starts it before its documents are rendered, and
shares many documents between two runs. Its PDFs carry the time of conversion, a random id and objects in an
order that changes from run to run: the dates are set to the document's, and qpdf writes the objects again in a
fixed order with an id derived from the content. The converter and LibreOffice end with the build, even one
that was killed.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

import pikepdf

from generator.cache import Cache, key_of, source_version
from generator.errors import BuildError, OilaError
from generator.external import last_words, run_tool
from generator.scratch import scratch_folder
from generator.write import steady_environment

EXPORT_SCRIPT = Path(__file__).with_name("uno_export.py")
SYSTEM_PYTHON = "/usr/bin/python3"
TIMEOUT_SECONDS = 1800
NEEDED_VERSION = (25, 2)
"""Older releases print writing lines at half the height the forms ask for, grey placeholders black, and drop
the fillable forms' tags on saving."""
INSTALL_HINT = (
    "install LibreOffice 25.2 or newer and its Python bridge: run 'sudo tools/system-packages' (Debian 12 takes "
    "them from bookworm-backports, Debian 13 from its main archive), or 'make build'"
)
_FAILURE = "LibreOffice could not convert the documents to PDF"
DOCUMENTS_A_RUN = 8
"""Fewer documents than this a run are not worth starting a second LibreOffice for: one starts in about a second."""
_VERSION = re.compile(r"LibreOffice (\d+)\.(\d+)")
_PDF_CODE = source_version(EXPORT_SCRIPT, Path(__file__))
"""Oila's own part in a PDF: the export script and the fixing of its dates and ids."""

_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_XMP_DATE = re.compile(rb"(<(?:xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate|rdf:li)>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
"""A date in the XMP metadata that LibreOffice 25.2 writes beside the document information."""


class PdfUnavailable(OilaError):
    """LibreOffice or its Python bridge is not installed; everything else can still be built."""


def converter_problem() -> str | None:
    """Why PDFs cannot be made on this machine, or None when they can."""
    try:
        converter_version()
    except PdfUnavailable as unavailable:
        return str(unavailable)
    return None


def converter_version() -> str:
    """The version LibreOffice says it is, once it is known to be one Oila can use with its Python bridge. Asked
    once for each installed LibreOffice (a process that builds again, `oila serve`, does not ask it again)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise PdfUnavailable(f"LibreOffice is not installed; {INSTALL_HINT}")
    installed = Path(soffice).resolve().stat()
    return _version_of(soffice, installed.st_size, installed.st_mtime_ns)


@functools.cache
def _version_of(soffice: str, size: int, changed: int) -> str:
    """`converter_version` of the LibreOffice whose program `soffice` has this size and time."""
    said = run_tool([soffice, "--version"], "LibreOffice could not say its version", 120, check=False).stdout
    found = _VERSION.search(said.decode("utf-8", "replace"))
    if found is None:
        raise PdfUnavailable(f"cannot tell which LibreOffice is installed (it says {said[:80]!r}); {INSTALL_HINT}")
    if (int(found.group(1)), int(found.group(2))) < NEEDED_VERSION:
        needed = ".".join(map(str, NEEDED_VERSION))
        raise PdfUnavailable(f"{found.group()} is installed, but Oila's PDFs need {needed} or newer; {INSTALL_HINT}")
    bridge = run_tool([SYSTEM_PYTHON, "-c", "import uno"], "the Python bridge could not be tried", 120, check=False)
    if bridge.returncode != 0:
        raise PdfUnavailable(f"LibreOffice's Python bridge (python3-uno) is not installed; {INSTALL_HINT}")
    return said.decode("utf-8", "replace").strip()


def convert_to_pdf(
    documents: dict[str, bytes],
    stamps: dict[str, str],
    version: str,
    progress: Callable[[str], None],
    cache: Cache | None = None,
    processes: int = 1,
) -> dict[str, bytes]:
    """`{path.docx: bytes}` to `{path.pdf: bytes}` with LibreOffice `version` (see `converter_version`); `stamps`
    gives each path's date as `YYYYMMDD`. See `PdfMaker`."""
    with contextlib.closing(PdfMaker(version, progress, cache, processes)) as maker:
        for path in sorted(documents):
            maker.add(path, documents[path], stamps[path])
        return maker.result()


class PdfMaker:
    """The PDFs of Word documents handed over one at a time, as they are rendered. A document whose bytes, date,
    LibreOffice and Oila's PDF code are those of an earlier build is taken from `cache`; the others are converted
    at once, while the next render, by up to `processes` LibreOffice runs in turn, those `started` by the caller
    first (the caller closes those). How many runs is decided when `expect` is told how many documents are still
    to come (or at `result`), since a run is worth its start-up only for several; until then the documents wait."""

    def __init__(
        self,
        version: str,
        progress: Callable[[str], None],
        cache: Cache | None,
        processes: int,
        started: Sequence[LibreOfficeRun] = (),
    ) -> None:
        self._version = version
        self._progress = progress
        self._cache = cache
        self._processes = processes
        self._started_before = list(started)
        self._runs: list[LibreOfficeRun] | None = None
        self._started = contextlib.ExitStack()
        self._waiting: list[tuple[str, bytes, str]] = []
        self._kept: dict[str, bytes] = {}
        self._sent: dict[str, str] = {}
        """The cache key of each document sent to LibreOffice, by path."""

    def add(self, path: str, content: bytes, stamp: str) -> None:
        """The Word file `path`, dated `stamp` (`YYYYMMDD`)."""
        kept = self._cache.get(self._key(content, stamp)) if self._cache else None
        if kept is not None:
            self._kept[pdf_name(path)] = kept
        elif self._runs is None:
            self._waiting.append((path, content, stamp))
        else:
            self._send(self._runs, path, content, stamp)

    def expect(self, more: int) -> None:
        """`more` documents are still to come: start the LibreOffice runs they and those waiting need."""
        if self._runs is not None:
            return
        count = len(self._waiting) + more
        runs = run_count(count, self._processes) if count else 0
        self._runs = self._started_before[:runs]
        while len(self._runs) < runs:
            self._runs.append(self._started.enter_context(contextlib.closing(LibreOfficeRun())))
        for path, content, stamp in self._waiting:
            self._send(self._runs, path, content, stamp)
        self._waiting.clear()

    def result(self) -> dict[str, bytes]:
        """`{path.pdf: bytes}` of every document added, once LibreOffice has converted the last."""
        self.expect(0)
        runs = self._runs or []
        total = len(self._kept) + len(self._sent)
        self._progress(f"PDF: {len(self._kept)} of {total} unchanged, kept from the cache")
        pdfs = dict(self._kept)
        if self._sent:
            plural = "s" if len(runs) > 1 else ""
            self._progress(f"PDF: converting {len(self._sent)} with LibreOffice, in {len(runs)} run{plural}")
            with ThreadPoolExecutor(len(runs)) as finishing:
                for made in finishing.map(LibreOfficeRun.finish, runs):
                    pdfs.update(made)
            for path, key in self._sent.items():
                if self._cache is not None:
                    self._cache.put(key, pdfs[pdf_name(path)])
            self._progress(f"PDF: {len(self._sent)} converted")
        return {name: pdfs[name] for name in sorted(pdfs)}

    def close(self) -> None:
        """End every LibreOffice run this started."""
        self._started.close()

    def _key(self, content: bytes, stamp: str) -> str:
        return key_of(content, stamp, self._version, _PDF_CODE)

    def _send(self, runs: list[LibreOfficeRun], path: str, content: bytes, stamp: str) -> None:
        runs[len(self._sent) % len(runs)].send(path, content, stamp)
        self._sent[path] = self._key(content, stamp)


def run_count(documents: int, processes: int) -> int:
    """How many LibreOffice runs share `documents`: up to `processes`, each worth its start-up."""
    return max(1, min(processes, documents // DOCUMENTS_A_RUN))


def pdf_name(path: str) -> str:
    """The PDF beside the Word file or slide deck `path`."""
    return str(PurePosixPath(path).with_suffix(".pdf"))


class LibreOfficeRun:
    """One LibreOffice, started before a build knows the documents it will convert, so that it has started (which
    takes a second or two) by the time they are rendered. Each document sent is converted at once, and its PDF made
    reproducible the moment LibreOffice has written it, while the next converts; `finish` waits for the last;
    `close` ends it, used or not."""

    def __init__(self) -> None:
        self._scratch = contextlib.ExitStack()
        self.work = self._scratch.enter_context(scratch_folder("pdf"))
        self.command = [SYSTEM_PYTHON, str(EXPORT_SCRIPT), str(self.work / "profile"), str(os.getpid())]
        self._sent: list[tuple[str, str]] = []
        """Each document sent: its path and date stamp, in the order sent."""
        self._made: dict[str, bytes] = {}
        self._failure: BaseException | None = None
        said = self._scratch.enter_context((self.work / "said.txt").open("wb"))
        try:
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=said,
                cwd=self.work,
                env=steady_environment(),
            )
        except OSError as error:
            self._scratch.close()
            raise BuildError(f"{_FAILURE}: {SYSTEM_PYTHON} could not be started ({error.strerror})") from None
        self._fixing = threading.Thread(target=self._fix_each_converted, daemon=True)
        self._fixing.start()

    def send(self, path: str, content: bytes, stamp: str) -> None:
        """Convert the Word file `path`, dated `stamp` (`YYYYMMDD`), once those sent before are done."""
        source = self.work / f"{len(self._sent):04}{PurePosixPath(path).suffix}"
        source.write_bytes(content)
        self._sent.append((path, stamp))
        assert self.process.stdin is not None, "started with a pipe to its standard input"
        with contextlib.suppress(BrokenPipeError):  # the converter has ended: `finish` says why
            self.process.stdin.write(f"{source}\t{source.with_suffix('.pdf')}\n".encode())
            self.process.stdin.flush()

    def finish(self) -> dict[str, bytes]:
        """`{path.pdf: bytes}` of every document sent, once the last is converted."""
        self._close_input()
        try:
            self.process.wait(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.terminate()  # the converter ends LibreOffice first
            self.process.wait()
            raise BuildError(f"{_FAILURE}: it did not finish in {TIMEOUT_SECONDS:g} s and was stopped") from None
        finally:
            self._fixing.join()
        if self._failure is not None:
            raise self._failure
        for path, _ in self._sent:
            if self.process.returncode != 0 or pdf_name(path) not in self._made:
                raise OilaError(f"LibreOffice could not convert {path} to PDF: {self._reason()}")
        return dict(self._made)

    def close(self) -> None:
        """End the run: one not asked to `finish` (never given a document, or in a build that failed) is stopped
        at once, and ends LibreOffice first, however far it has started. The pipe to the converter is closed even
        when the converter has ended by itself."""
        if self.process.poll() is None:
            self.process.terminate()
        self._close_input()
        self.process.wait()
        self._fixing.join()
        self._scratch.close()

    def _close_input(self) -> None:
        assert self.process.stdin is not None, "started with a pipe to its standard input"
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.close()

    def _fix_each_converted(self) -> None:
        """Make each PDF reproducible as the converter says it has written it: a line a document, in the order
        sent. Ends when the converter does; what went wrong is kept for `finish`."""
        assert self.process.stdout is not None, "started with a pipe from its standard output"
        with self.process.stdout as said:
            for index, _ in enumerate(said):
                if self._failure is not None:
                    continue
                path, stamp = self._sent[index]
                try:
                    made = (self.work / f"{index:04}.pdf").read_bytes()
                    self._made[pdf_name(path)] = reproducible_pdf(made, stamp)
                except (OSError, pikepdf.PdfError) as error:
                    self._failure = OilaError(f"LibreOffice could not convert {path} to PDF: {error}")

    def _reason(self) -> str:
        """What the converter said last, or how it ended when it said nothing."""
        said = (self.work / "said.txt").read_bytes()
        result = subprocess.CompletedProcess(self.command, self.process.returncode, b"", said)
        if result.returncode != 0 or said.strip():
            return last_words(result)
        return "LibreOffice made no PDF of it and gave no reason"


def reproducible_pdf(content: bytes, stamp: str) -> bytes:
    """`content` with its dates set to `stamp` (YYYYMMDD), its objects in a fixed order and its id derived from
    itself.

    LibreOffice writes the same document's objects in an order that changes from run to run (its embedded fonts
    in the order they lie in memory), so qpdf writes them again in the order they are reached from the document's
    root, with an id made from the content.
    """
    dated = _DATE.sub(lambda match: b"/" + match.group(1) + b"(D:" + stamp.encode("ascii") + b"000000", content)
    day = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}T00:00:00".encode("ascii")
    dated = _XMP_DATE.sub(lambda match: match.group(1) + day, dated)
    with pikepdf.open(io.BytesIO(dated)) as pdf:
        for key in ("/ID", "/DocChecksum"):  # made by LibreOffice from the time and the order it wrote
            if key in pdf.trailer:
                del pdf.trailer[key]
        written = io.BytesIO()
        pdf.save(written, deterministic_id=True)
    return written.getvalue()
