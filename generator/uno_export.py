"""Word to PDF through LibreOffice's UNO API, run by the system Python (the one that has `uno`).

Usage: python3 uno_export.py PROFILE_DIR JOBS_FILE

`JOBS_FILE` holds one job per line: the .docx path, a tab, the .pdf path. One LibreOffice process
converts them all; before each export the document's indexes (the table of contents) and fields are
updated, which a plain `soffice --convert-to pdf` does not do. This file imports nothing from Oila: the
system Python that runs it has only the standard library and `uno`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_ATTEMPTS = 100
CONNECT_PAUSE_SECONDS = 0.1


def main(profile: Path, jobs_file: Path) -> int:
    jobs = [line.split("\t") for line in jobs_file.read_text(encoding="utf-8").splitlines() if line]
    pipe = f"oila_{profile.parent.name}"  # the run's own temporary folder: concurrent builds never share a pipe
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        desktop = _connect(pipe)
        for source, target in jobs:
            _export(desktop, Path(source), Path(target))
            print(f"converted {Path(source).name}", flush=True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


def _connect(pipe: str) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(CONNECT_ATTEMPTS):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            time.sleep(CONNECT_PAUSE_SECONDS)
    else:
        raise SystemExit("LibreOffice did not start")
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def _property(name: str, value: object) -> PropertyValue:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def _export(desktop: Any, source: Path, target: Path) -> None:
    load = (_property("Hidden", True), _property("ReadOnly", True))
    document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, load)
    try:
        indexes = document.getDocumentIndexes()
        for number in range(indexes.getCount()):
            indexes.getByIndex(number).update()
        document.getTextFields().refresh()
        document.storeToURL(target.as_uri(), (_property("FilterName", "writer_pdf_Export"),))
    finally:
        document.close(True)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
