"""Temporary folders for the programs a build runs (pandoc, MkDocs, LibreOffice), and the clearing of those that
a killed build left behind.

Each folder's name carries the id of the process that made it (`oila-<pid>-<purpose>-...`). A build removes its
own folders as it goes; one killed before it could is removed by the next build, which removes every such folder
whose process is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NAME = re.compile(r"oila-(?P<pid>\d+)-")


@contextmanager
def scratch_folder(purpose: str) -> Iterator[Path]:
    """A new temporary folder for `purpose`, removed when the block ends, however it ends."""
    with tempfile.TemporaryDirectory(prefix=f"oila-{os.getpid()}-{purpose}-") as folder:
        yield Path(folder)


def sweep_scratch() -> list[Path]:
    """Remove the scratch folders of processes that no longer run; returns those removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob("oila-*-*"):
        found = _NAME.match(folder.name)
        if found and folder.is_dir() and not _running(int(found.group("pid"))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
