"""Zip packages that come from outside (a filled .docx, a translator's .xlsx, an export of submissions): read within
bounds, never trusted.

What a package's headers say is only a claim. Every part is inflated as a stream and the bytes it actually
produces are counted, so a part whose header lies about its size (a zip bomb) is stopped at the limit, never
unpacked whole. Encrypted parts, unknown compression, damaged streams, bad checksums and unsafe names are each
refused with a reason that names no content. Only regular files are opened: a FIFO would block the reader and a
link to a device would never end.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path
from typing import IO

MAX_PARTS = 500
"""Far more than a Word document or a workbook holds."""
MAX_RATIO = 200
"""A part its header says expands more than this is refused unread; one whose header lies is stopped by counting."""
_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_CHUNK = 1024 * 1024


class BadPackage(Exception):
    """Why a package cannot be read; never any of its content."""


def regular_file_size(path: Path) -> int:
    """The size of `path`, which must be a regular file (a link to one is followed)."""
    try:
        status = path.stat()
    except OSError as error:
        raise BadPackage(f"cannot be read: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise BadPackage("not a regular file (a folder, a device, a pipe or a socket); nothing was read from it")
    return status.st_size


def open_package(source: Path | IO[bytes], what: str, max_parts: int = MAX_PARTS) -> zipfile.ZipFile:
    """`source` as a zip package whose directory is sound, of at most `max_parts` parts; `what` names the kind of
    file in messages."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise BadPackage(f"not {what}: the file is not a zip package, or is damaged") from None
    try:
        _check_directory(archive.infolist(), max_parts)
    except BadPackage:
        archive.close()
        raise
    return archive


def _check_directory(parts: list[zipfile.ZipInfo], max_parts: int) -> None:
    if len(parts) > max_parts:
        raise BadPackage(f"holds {len(parts)} parts, far more than any such file")
    for part in parts:
        name = part.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise BadPackage("holds a part with an unsafe path name")
        if part.flag_bits & 0x1:
            raise BadPackage("holds an encrypted part; save the file again without a password")
        if part.compress_type not in _COMPRESSIONS:
            raise BadPackage("holds a part packed in a way Word and Excel do not use (the file is damaged)")
        if part.compress_size and part.file_size / part.compress_size > MAX_RATIO:
            raise BadPackage("holds a part that expands far beyond its packed size (a zip bomb)")


def read_part(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """The part `name` inflated, None if the package has none; `BadPackage` if it would exceed `limit` bytes
    or its data is damaged. Memory never holds more than `limit` bytes of it."""
    try:
        with archive.open(name) as stream:
            data = stream.read(limit + 1)
            if len(data) > limit:
                raise BadPackage("holds a part that unpacks to far more than any such file (a zip bomb)")
            return data
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        raise BadPackage("is damaged: a part cannot be unpacked") from None


def check_parts(archive: zipfile.ZipFile, limit: int) -> None:
    """Inflate every part as a stream, counting the bytes it produces, before another library reads the package:
    `BadPackage` if they would exceed `limit` bytes in all, or a part is damaged."""
    produced = 0
    try:
        for part in archive.infolist():
            with archive.open(part) as stream:
                while chunk := stream.read(_CHUNK):
                    produced += len(chunk)
                    if produced > limit:
                        raise BadPackage("unpacks to far more than any such file (a zip bomb)")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        raise BadPackage("is damaged: a part cannot be unpacked") from None
