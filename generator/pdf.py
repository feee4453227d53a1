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
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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
    started: Sequence[LibreOfficeRun] = (),
) -> dict[str, bytes]:
    """`{path.docx: bytes}` to `{path.pdf: bytes}` with LibreOffice `version` (see `converter_version`); `stamps`
    gives each path's date as `YYYYMMDD`. A document whose bytes, date, LibreOffice and Oila's PDF code are those of
    an earlier build is taken from `cache`; the others are shared among up to `processes` LibreOffice runs, those
    `started` already first. The caller closes the runs it started."""
    keys = {path: key_of(content, stamps[path], version, _PDF_CODE) for path, content in documents.items()}
    pdfs: dict[str, bytes] = {}
    for path, key in keys.items():
        kept = cache.get(key) if cache else None
        if kept is not None:
            pdfs[pdf_name(path)] = kept
    missing = {path: content for path, content in documents.items() if pdf_name(path) not in pdfs}
    progress(f"PDF: {len(pdfs)} of {len(documents)} unchanged, kept from the cache")
    if missing:
        shares = _shares(sorted(missing), max(processes, len(started)))
        progress(
            f"PDF: converting {len(missing)} with LibreOffice, in {len(shares)} run{'s' if len(shares) > 1 else ''}"
        )
        with contextlib.ExitStack() as more, ThreadPoolExecutor(len(shares)) as runners:
            runs = list(started[: len(shares)])
            runs += [more.enter_context(contextlib.closing(LibreOfficeRun())) for _ in range(len(shares) - len(runs))]
            batches = [
                runners.submit(run.convert, {path: missing[path] for path in share}, stamps)
                for run, share in zip(runs, shares, strict=True)
            ]
            for batch in batches:
                pdfs.update(batch.result())
        for path in missing:
            if cache is not None:
                cache.put(keys[path], pdfs[pdf_name(path)])
        progress(f"PDF: {len(missing)} converted")
    return {name: pdfs[name] for name in sorted(pdfs)}


def run_count(documents: int, processes: int) -> int:
    """How many LibreOffice runs share `documents`: up to `processes`, each worth its start-up."""
    return max(1, min(processes, documents // DOCUMENTS_A_RUN))


def _shares(paths: list[str], processes: int) -> list[list[str]]:
    """`paths` shared among the runs `run_count` says, in turn."""
    count = run_count(len(paths), processes)
    return [paths[start::count] for start in range(count)]


def pdf_name(path: str) -> str:
    """The PDF beside the Word file `path`."""
    return path.removesuffix(".docx") + ".pdf"


class LibreOfficeRun:
    """One LibreOffice, started before a build knows the documents it will convert, so that it has started (which
    takes a second or two) by the time they are rendered. It converts once; `close` ends it, used or not."""

    def __init__(self) -> None:
        self._scratch = contextlib.ExitStack()
        self.work = self._scratch.enter_context(scratch_folder("pdf"))
        self.command = [SYSTEM_PYTHON, str(EXPORT_SCRIPT), str(self.work / "profile"), "-", str(os.getpid())]
        pipe = subprocess.PIPE
        try:
            self.process = subprocess.Popen(
                self.command, stdin=pipe, stdout=pipe, stderr=pipe, cwd=self.work, env=steady_environment()
            )
        except OSError as error:
            self._scratch.close()
            raise BuildError(f"{_FAILURE}: {SYSTEM_PYTHON} could not be started ({error.strerror})") from None

    def convert(self, documents: dict[str, bytes], stamps: dict[str, str]) -> dict[str, bytes]:
        """`{path.docx: bytes}` to `{path.pdf: bytes}`, dated by `stamps` (`YYYYMMDD`)."""
        jobs = []
        for index, path in enumerate(sorted(documents)):
            source = self.work / f"{index:04}.docx"
            source.write_bytes(documents[path])
            jobs.append(f"{source}\t{source.with_suffix('.pdf')}\n")
        try:
            said, complaint = self.process.communicate("".join(jobs).encode("utf-8"), timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.terminate()  # the converter ends LibreOffice first
            self.process.communicate()
            raise BuildError(f"{_FAILURE}: it did not finish in {TIMEOUT_SECONDS:g} s and was stopped") from None
        result = subprocess.CompletedProcess(self.command, self.process.returncode, said, complaint)
        pdfs = {}
        for index, path in enumerate(sorted(documents)):
            made = self.work / f"{index:04}.pdf"
            if result.returncode != 0 or not made.is_file():
                raise OilaError(f"LibreOffice could not convert {path} to PDF: {_reason(result)}")
            pdfs[pdf_name(path)] = reproducible_pdf(made.read_bytes(), stamps[path])
        return pdfs

    def close(self) -> None:
        """End the run: one never given its documents is told there are none, and ends LibreOffice itself."""
        if self.process.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.communicate(b"", timeout=TIMEOUT_SECONDS)
        if self.process.poll() is None:
            self.process.terminate()
            self.process.communicate()
        self._scratch.close()


def _reason(result: subprocess.CompletedProcess[bytes]) -> str:
    """What the converter said last, or how it ended when it said nothing."""
    if result.returncode != 0 or result.stderr.strip():
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
