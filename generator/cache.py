"""What a build keeps for the next: outputs that cost time to make, each under a key made from everything it is
made from, so that an output whose inputs did not change is taken from here rather than made again.

The cache is the folder beside the build folder (`build.cache/` for `build/`). A key covers the inputs' bytes and
the versions of whatever turns them into the output (Oila's own code for that step, the external tool), so an entry
can only be reused for exactly the inputs it was made from: a build with the cache gives the bytes a clean build
gives. Deleting the folder is always safe; the next build makes everything again. Entries not used for
`KEEP_DAYS` are removed at the end of a build.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time
import zipfile
from pathlib import Path

from generator.write import zip_files

KEEP_DAYS = 14
_SECONDS_A_DAY = 86_400
_DIGEST_BYTES = 32
"""Each entry starts with the SHA-256 of what follows."""
_TORN_SECONDS = 3_600
"""A half-written entry this old was left by a build that was killed."""


def cache_folder(out: Path) -> Path:
    """The cache beside the build folder `out`."""
    return out.with_name(f"{out.name}.cache")


def key_of(*parts: bytes | str) -> str:
    """A key for the inputs `parts`, in order; each part's length goes into the key, so no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def source_version(*files: Path) -> str:
    """A version of Oila's own code for a step: a key of the files that make its outputs."""
    return key_of(*(path.read_bytes() for path in files))


class Cache:
    """Entries of one kind (`pdf`, `site`) in `folder`, each a file named by its key."""

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder = folder / kind

    def get(self, key: str) -> bytes | None:
        """The entry for `key`, marked as used now; None when there is none, or when its bytes are not those that
        were put (a damaged disk, a hand that edited it): it is then made again."""
        path = self.folder / key
        try:
            stored = path.read_bytes()
        except OSError:
            return None
        digest, content = stored[:_DIGEST_BYTES], stored[_DIGEST_BYTES:]
        if hashlib.sha256(content).digest() != digest:
            path.unlink(missing_ok=True)
            return None
        os.utime(path)
        return content

    def put(self, key: str, content: bytes) -> None:
        """Keep `content` under `key`, after its digest; written whole or not at all, so a killed build leaves no
        torn entry."""
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{key}.{os.getpid()}.{threading.get_ident()}"
        partial.write_bytes(hashlib.sha256(content).digest() + content)
        partial.replace(self.folder / key)

    def prune(self) -> None:
        """Remove the entries no build has used for `KEEP_DAYS`, and any a killed build left half-written."""
        if not self.folder.is_dir():
            return
        now = time.time()
        for path in self.folder.iterdir():
            age = now - path.stat().st_mtime
            if path.is_file() and age > (_TORN_SECONDS if path.name.startswith(".") else KEEP_DAYS * _SECONDS_A_DAY):
                path.unlink(missing_ok=True)


def packed(files: dict[str, bytes]) -> bytes:
    """Many files as one entry: a zip that stores them as they are, the fastest to make and to read."""
    return zip_files(files, level=0)


def unpacked(entry: bytes) -> dict[str, bytes] | None:
    """The files of a `packed` entry; None for an entry that is not one (damaged: it is made again)."""
    try:
        with zipfile.ZipFile(io.BytesIO(entry)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
