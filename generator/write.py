"""The one place that puts bytes on disk: atomically, and the same bytes for the same sources.

Renderers return `{relative path: bytes}`; this module writes them. A file is written to a temporary
name beside its target and renamed over it, so a reader never sees half a file and a failed build
leaves the previous file in place. Zip containers (.docx) are rewritten with fixed entry times and a
stable entry order, because python-docx stamps every entry with the current time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path

FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def dated_environment(version_date: dt.date) -> dict[str, str]:
    """This process's environment with `SOURCE_DATE_EPOCH` at `version_date`: the date that tools such
    as pandoc and MkDocs write into their outputs instead of the clock's."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(calendar.timegm(version_date.timetuple()))}


"""Zip entries carry no time zone and cannot go before 1980; one fixed value keeps rebuilds identical."""


def write_atomic(path: Path, content: bytes) -> bool:
    """Write `content` to `path` unless it already holds exactly that; True if the file changed."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def reproducible_zip(content: bytes) -> bytes:
    """The same zip with fixed entry times, `[Content_Types].xml` first and the other entries sorted."""
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    return zip_files(entries, first="[Content_Types].xml")


def zip_files(files: dict[str, bytes], first: str | None = None, level: int = 6) -> bytes:
    """A zip of `files` that depends on nothing but them: fixed times and modes, names sorted (`first` first);
    `level` is zlib's, from 1 (fastest) to 9 (smallest)."""
    names = sorted(files, key=lambda name: (name != first, name))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, files[name])
    return output.getvalue()
