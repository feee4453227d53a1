"""The one place that puts bytes on disk: atomically, and the same bytes for the same sources.

Renderers return `{relative path: bytes}`; this module writes them. A file is written to a temporary
name beside its target and renamed over it, so a reader never sees half a file. A build is put in place in
one step (`publish`): it is assembled in a folder beside the output (`.<name>.oila-next`), where files that did
not change are hard links to the old ones, and the two folders are exchanged by one atomic system call
(Linux's `renameat2` with `RENAME_EXCHANGE`); the old build, now in the staging folder, is then removed. So a
build killed at any moment leaves the old build or the new one, each true to its manifest, never a mix, and the
next build removes what a killed one left. Where the exchange is not available the old build is moved aside and
the new one moved in: two renames, a moment without either. Zip containers (.docx) are rewritten with fixed
entry times and a stable entry order, because python-docx stamps every entry with the current time.
"""

from __future__ import annotations

import calendar
import ctypes
import datetime as dt
import errno
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def steady_environment() -> dict[str, str]:
    """This process's environment with the time zone and the locale fixed (UTC, C.UTF-8), so that the programs a
    build runs write the same bytes in any time zone and any language the machine is set to."""
    return {**os.environ, "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def dated_environment(version_date: dt.date) -> dict[str, str]:
    """`steady_environment` with `SOURCE_DATE_EPOCH` at `version_date`: the date that tools such as pandoc and
    MkDocs write into their outputs instead of the clock's."""
    return {**steady_environment(), "SOURCE_DATE_EPOCH": str(calendar.timegm(version_date.timetuple()))}


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


def zip_files(files: dict[str, bytes], first: str | None = None, level: int = 6, stored: tuple[str, ...] = ()) -> bytes:
    """A zip of `files` that depends on nothing but them: fixed times and modes, names sorted (`first` first);
    `level` is zlib's, from 1 (fastest) to 9 (smallest), or 0 to store every file as it is; files whose names end
    with one of `stored` (already compressed, such as `.pdf`) are stored as they are."""
    names = sorted(files, key=lambda name: (name != first, name))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            kept_as_is = level == 0 or name.endswith(stored)
            info.compress_type = zipfile.ZIP_STORED if kept_as_is else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, files[name], compresslevel=None if kept_as_is else level)
    return output.getvalue()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV})


@dataclass(frozen=True)
class Published:
    written: int
    """Files whose bytes are new."""
    unchanged: int
    """Files made again with the bytes they had."""


def staging_folder(out: Path) -> Path:
    return out.parent / f".{out.name}.oila-next"


def publish(
    out: Path,
    files: Mapping[str, bytes],
    dropped: frozenset[str],
    index: tuple[str, bytes],
    progress: Callable[[str], None] = lambda message: None,
) -> Published:
    """Make `out` hold `files` (relative paths to bytes), its `index` (the manifest's name and bytes) and everything
    it held before but `dropped`, in one step."""
    staging = staging_folder(out)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    _link_kept(out, staging, files, dropped, index[0])
    written = 0
    for path in sorted(files):
        target, old = staging / path, out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        unchanged = old.is_file() and old.read_bytes() == files[path]
        if unchanged:
            os.link(old, target)
        else:
            target.write_bytes(files[path])
            written += 1
            progress(f"writing: {path}")
    for path in sorted(dropped):
        if (out / path).is_file():
            progress(f"writing: removed {path}, which this build does not make")
    progress(f"writing: {written} written, {len(files) - written} unchanged")
    (staging / index[0]).write_bytes(index[1])
    _sync(staging)
    _exchange(staging, out)
    shutil.rmtree(staging, ignore_errors=True)
    return Published(written, len(files) - written)


def _link_kept(out: Path, staging: Path, files: Mapping[str, bytes], dropped: frozenset[str], index: str) -> None:
    """Hard links in `staging` to every file of `out` this build neither makes nor drops."""
    if not out.is_dir():
        return
    for old in sorted(out.rglob("*")):
        relative = old.relative_to(out).as_posix()
        if old.is_dir() and not old.is_symlink():
            (staging / relative).mkdir(parents=True, exist_ok=True)
        elif relative not in files and relative not in dropped and relative != index:
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            os.link(old, staging / relative, follow_symlinks=False)


def _sync(folder: Path) -> None:
    """The staging folder's new files on disk before it becomes the build (the linked ones are there already)."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.stat().st_nlink == 1:
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


def _exchange(staging: Path, out: Path) -> None:
    """`staging` becomes `out`, and `out` (if it was there) becomes `staging`, in one step where the system can."""
    if not out.exists():
        os.rename(staging, out)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(out), _RENAME_EXCHANGE) == 0:
            return
        failure = ctypes.get_errno()
        if failure not in _UNSUPPORTED:
            raise OSError(failure, os.strerror(failure), str(out))
    aside = out.parent / f".{out.name}.oila-old"
    shutil.rmtree(aside, ignore_errors=True)
    os.rename(out, aside)
    os.rename(staging, out)
    os.rename(aside, staging)
