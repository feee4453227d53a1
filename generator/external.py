"""Running the programs Oila builds with (Pandoc, Graphviz, MkDocs, LibreOffice), each within a time limit.

Whatever goes wrong with one of them, the build stops with a `BuildError` that says which program, what it
was making and why, never with a traceback: the program could not start, took longer than its limit, or ended
with an error (its last words quoted).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from generator.errors import BuildError


def run_tool(
    command: Sequence[str],
    failure: str,
    seconds: float,
    *,
    check: bool = True,
    slow_hint: str = "",
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`command`'s result. BuildError, starting with `failure`, when it cannot start, when it runs longer than
    `seconds` (it is killed, and `slow_hint` says what may have slowed it) and, if `check`, when it ends with an
    error."""
    try:
        result = subprocess.run(
            list(command), input=stdin, capture_output=True, timeout=seconds, check=False, cwd=cwd, env=env
        )
    except subprocess.TimeoutExpired:
        raise BuildError(f"{failure}: it did not finish in {seconds:g} s and was stopped{slow_hint}") from None
    except OSError as error:
        raise BuildError(f"{failure}: {command[0]} could not be started ({error.strerror})") from None
    if check and result.returncode != 0:
        raise BuildError(f"{failure}: {last_words(result)}")
    return result


def last_words(result: subprocess.CompletedProcess[bytes]) -> str:
    """The last line a program wrote, to standard error or else to standard output, or how it ended."""
    for stream in (result.stderr, result.stdout):
        said = stream.decode("utf-8", "replace").strip().splitlines() if stream else []
        if said:
            return said[-1]
    if result.returncode < 0:
        return f"it was stopped by signal {-result.returncode}"
    return f"it ended with status {result.returncode} and gave no reason"
