"""Word to PDF through LibreOffice's UNO API, run by the system Python (the one that has `uno`).

Usage: python3 uno_export.py PROFILE_DIR BUILD_PID

It reads its jobs from standard input, one a line: the .docx path, a tab, the .pdf path. Each is converted as soon
as its line comes, so that a build can start LibreOffice before it knows its documents and hand each over the
moment it is rendered; the build closes standard input after the last. It says on standard output, a line a
document, when each PDF is written, so that the build can take it at once. One LibreOffice process converts them all;
before each export the document's indexes (the table of contents) are updated, which a plain
`soffice --convert-to pdf` does not do; its fields (page numbers) need none, LibreOffice sets them as it lays out
the pages. This file imports nothing from Oila: the system Python that runs it has only the standard library
and `uno`.

LibreOffice that goes away during a conversion (it crashed, or was killed) is started again with a new profile, and
the document is converted once more; a document during which it goes away twice is given up, with that reason.

It ends with the build: the kernel sends it SIGTERM when the build process (`BUILD_PID`) ends, even killed,
and it then ends LibreOffice, which runs in a process group of its own. LibreOffice is given as long as it
needs to start on a busy machine; if it ends before it accepts a connection, the reason says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import DisposedException

CONNECT_PAUSE_SECONDS = 0.1
START_SECONDS = 600
"""How long LibreOffice may take to accept a connection while it runs: minutes on a busy machine, not seconds."""
_PR_SET_PDEATHSIG = 1


def main(profile: Path, build: int) -> int:
    _end_with(build)
    office, desktop = _desktop(profile)
    restarts = 0
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            source, target = (Path(part) for part in line.rstrip("\n").split("\t"))
            try:
                _export(desktop, source, target)
            except DisposedException:  # LibreOffice went away during the call: once more, with a new LibreOffice
                end_office(office)
                restarts += 1
                office, desktop = _desktop(profile.with_name(f"{profile.name}-{restarts}"))
                try:
                    _export(desktop, source, target)
                except DisposedException:
                    raise SystemExit("LibreOffice stopped while converting it, twice") from None
            print(f"converted {source.name}", flush=True)
        desktop.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            office.wait(timeout=60)
    finally:
        end_office(office)
    return 0


def _desktop(profile: Path) -> tuple[subprocess.Popen[bytes], Any]:
    """LibreOffice with the user profile `profile`, and its desktop, which loads documents."""
    office, context = open_office(profile)
    return office, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def _fixed_addresses() -> list[str]:
    """`setarch <machine> -R`, which runs LibreOffice without address-space randomisation, where the machine
    allows it: its PDF writer numbers the embedded fonts in the order of their addresses in memory, so with
    randomisation two runs can write the same document with its objects in another order."""
    command = ["setarch", platform.machine(), "-R"]
    try:
        tried = subprocess.run([*command, "true"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return command if tried.returncode == 0 else []


def open_office(profile: Path) -> tuple[subprocess.Popen[bytes], Any]:
    """LibreOffice, headless, in a process group of its own with the user profile `profile`, and its component
    context once it accepts connections; told to end, this process ends LibreOffice first."""
    pipe = f"oila_{profile.parent.name}_{profile.name}"  # the run's own folder: concurrent runs never share a pipe
    command = [*_fixed_addresses(), "soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault"]
    command += [f"-env:UserInstallation={profile.as_uri()}", f"--accept=pipe,name={pipe};urp;"]
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})  # until the handler knows LibreOffice's group
    try:
        output = subprocess.DEVNULL
        office = subprocess.Popen(command, stdout=output, stderr=output, start_new_session=True)
        signal.signal(signal.SIGTERM, lambda number, frame: _stop(office, 128 + number))
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    try:
        return office, _connect(pipe, office)
    except BaseException:
        end_office(office)
        raise


def _end_with(build: int) -> None:
    """Have the kernel send this process SIGTERM when the build ends; end now if it already has."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != build:
        raise SystemExit("the build that started the converter has ended")


def _stop(office: subprocess.Popen[bytes], status: int) -> None:
    """End LibreOffice and this process at once. Without waiting for LibreOffice: the signal may have come while
    this process was itself waiting for it, and a second wait would wait forever for the first."""
    _kill_group(office)
    os._exit(status)


def end_office(office: subprocess.Popen[bytes]) -> None:
    """LibreOffice and every process it started, ended."""
    _kill_group(office)
    office.wait()


def _kill_group(office: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(office.pid, signal.SIGKILL)


def _connect(pipe: str, office: subprocess.Popen[bytes]) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit(f"LibreOffice ended with status {office.returncode} before it could convert") from None
            if time.monotonic() > deadline:
                raise SystemExit(f"LibreOffice did not start within {START_SECONDS} seconds") from None
            time.sleep(CONNECT_PAUSE_SECONDS)
    return context


def property_value(name: str, value: object) -> PropertyValue:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def _export(desktop: Any, source: Path, target: Path) -> None:
    """A Word document, its contents updated, or a slide deck, as PDF."""
    load = (property_value("Hidden", True), property_value("ReadOnly", True))
    document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, load)
    if document is None:
        if source.suffix == ".pptx":
            raise SystemExit(
                "LibreOffice cannot open it as a slide deck; is Impress installed? (tools/system-packages)"
            )
        raise SystemExit("LibreOffice cannot open it as a Word document")
    try:
        if document.supportsService("com.sun.star.text.TextDocument"):
            indexes = document.getDocumentIndexes()
            for number in range(indexes.getCount()):
                indexes.getByIndex(number).update()
            export = "writer_pdf_Export"
        else:
            export = "impress_pdf_Export"
        document.storeToURL(target.as_uri(), (property_value("FilterName", export),))
    finally:
        document.close(True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
