"""What the last build into a folder was made from, so that a build with nothing changed ends at once.

After each build, `<out>.cache/last-build.json` records a fingerprint of everything a build reads (every source file,
Oila's own code, the Python packages installed, the programs it runs, the languages and outputs chosen) and the size
and time of every file the build folder holds. A build with the recorded fingerprint, into a folder whose files are
as recorded, has nothing to do. This module imports little, so that finding that out takes a fraction of a second.
"""

from __future__ import annotations

import json
import os
import shutil
import sysconfig
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.build_result import BuildResult
from generator.cache import cache_folder, key_of
from generator.load.files import SOURCE_PATTERNS
from generator.load.limits import MAX_SOURCE_BYTES
from generator.stopwatch import Span, Stopwatch

PROGRAMS = ("soffice", "pandoc", "dot", "setarch", "/usr/bin/python3")
"""The programs a build runs (LibreOffice is driven by the system Python); a new version is a new file."""
GENERATOR = Path(__file__).parent
RECORD = "last-build.json"


def source_files(root: Path) -> list[Path]:
    """The project's sources, in a fixed order."""
    return sorted({path for pattern in SOURCE_PATTERNS for path in root.glob(pattern) if path.is_file()})


def code_version() -> str:
    """Oila's own code and data (every file of `generator/`) and the Python packages installed beside it."""
    files = sorted(path for path in GENERATOR.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    parts: list[bytes | str] = []
    for path in files:
        parts += [path.relative_to(GENERATOR).as_posix(), path.read_bytes()]
    packages = Path(sysconfig.get_paths()["purelib"])
    parts += sorted(path.name for path in packages.glob("*.dist-info"))  # each name carries its version
    return key_of(*parts)


def fingerprint(root: Path, languages: Sequence[str] | None, only: Sequence[str] | None, preview: bool) -> str:
    """Everything a build of `root` with these choices reads, as one key."""
    choices = [sorted(languages or []), sorted(only or []), preview]
    parts: list[bytes | str] = [code_version(), repr(choices)]
    for path in source_files(root):
        status = path.stat()
        too_large = status.st_size > MAX_SOURCE_BYTES  # the build refuses it: never read it whole
        content = f"{status.st_size} {status.st_mtime_ns}".encode("ascii") if too_large else path.read_bytes()
        parts += [path.relative_to(root).as_posix(), content]
    for program in PROGRAMS:
        found = shutil.which(program)
        if found is None:
            parts.append(f"{program}: none")
            continue
        real = os.path.realpath(found)
        status = os.stat(real)
        parts.append(f"{program}: {real} {status.st_size} {status.st_mtime_ns}")
    return key_of(*parts)


@dataclass(frozen=True)
class LastBuild:
    made: int
    """How many files that build made."""
    warnings: tuple[str, ...]
    """What it could not make, and why."""


def current_build(out: Path, key: str) -> LastBuild | None:
    """The last build into `out`, when it had fingerprint `key` and every file in `out` is still as it left it;
    None when a build has something to do."""
    try:
        record = json.loads((cache_folder(out) / RECORD).read_text(encoding="utf-8"))
        if record["fingerprint"] != key:
            return None
        for name, (size, changed) in record["files"].items():
            status = (out / name).stat()
            if (status.st_size, status.st_mtime_ns) != (size, changed):
                return None
        return LastBuild(int(record["made"]), tuple(str(warning) for warning in record["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(out: Path, key: str, names: Sequence[str], build: LastBuild) -> None:
    """Record that the build folder `out`, holding `names`, was built from fingerprint `key` by `build`."""
    files = {}
    for name in sorted(names):
        status = (out / name).stat()
        files[name] = [status.st_size, status.st_mtime_ns]
    record = {"fingerprint": key, "made": build.made, "warnings": list(build.warnings), "files": files}
    folder = cache_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{RECORD}.{os.getpid()}"
    partial.write_text(json.dumps(record, ensure_ascii=False, indent=0), encoding="utf-8")
    partial.replace(folder / RECORD)


def nothing_to_do(
    root: Path,
    out: Path,
    languages: Sequence[str] | None,
    only: Sequence[str] | None,
    progress: Callable[[str], None],
    preview: bool = False,
) -> BuildResult | None:
    """What the last build into `out` did, when a build of `root` with these choices has nothing to do."""
    clock = Stopwatch()
    last = current_build(out, fingerprint(root, languages, only, preview))
    if last is None:
        return None
    progress("nothing changed since the last build")
    return BuildResult(0, last.made, last.made, last.warnings, (Span("checking", 0.0, clock.seconds),))
