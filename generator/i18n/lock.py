"""`i18n.lock`: for each translation, the fingerprint of the English it was made from or last confirmed against.

One line per string and language, `key<TAB>language<TAB>fingerprint`, sorted, so that a review shows up
in version control as the lines it changed. A translation whose English no longer has the recorded
fingerprint, or that has no line at all, is stale until it is translated again or confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.errors import Location, SourceErrors
from generator.load.source import decode_text
from generator.messages import problem
from generator.write import write_atomic

LOCK_FILE = "i18n.lock"
_HEADER = (
    "# Written by `oila i18n import` and `oila i18n confirm`; do not edit by hand.\n"
    "# string<TAB>language<TAB>fingerprint of the English text the translation was made from or checked against\n"
)

Lock = dict[tuple[str, str], str]
"""`(string key, language)` to a fingerprint of the English source."""


def read_lock(root: Path) -> Lock:
    path = root / LOCK_FILE
    if not path.is_file():
        return {}
    lock: Lock = {}
    for number, line in enumerate(decode_text(path.read_bytes(), LOCK_FILE).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            detail = "each line should be: string, language and fingerprint, separated by tabs"
            raise SourceErrors([problem("bad-value", Location(LOCK_FILE, number, 1), detail=detail)])
        key, language, fingerprint = parts
        lock[(key, language)] = fingerprint
    return lock


def write_lock(root: Path, lock: Mapping[tuple[str, str], str]) -> bool:
    """Write the lock file; True if it changed."""
    lines = "".join(f"{key}\t{language}\t{lock[key, language]}\n" for key, language in sorted(lock))
    return write_atomic(root / LOCK_FILE, (_HEADER + lines).encode("utf-8"))
