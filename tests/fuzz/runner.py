"""Run fuzz cases each in a forked process of its own, bounded in time and memory, on every core.

A case is a function of a fresh working folder; it returns what Oila answered ("accepted" or "rejected") and
raises when the answer is wrong. The parent loads the project once and forks per case, so each case starts
from the same state in milliseconds, and a case that hangs, runs out of its memory or kills its process is
told apart from one that raised. What a case wrote stays in its folder when it is a finding.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

RESULT = "result.json"
DESCRIPTION = "case.txt"


@dataclass(frozen=True)
class Case:
    kind: str
    index: int
    run: Callable[[Path], str]
    """Does the case in the folder given; returns Oila's answer; raises when Oila answered wrongly."""


@dataclass(frozen=True)
class Result:
    case: Case
    answer: str
    """accepted, rejected or finding."""
    description: str
    finding: str = ""
    peak_mib: float = 0.0
    work: Path | None = None
    """The case's folder, kept when the case is a finding."""


@dataclass(frozen=True)
class Limits:
    seconds: float
    """How long a case may run before it is taken for a hang."""
    memory_mib: int
    """How much memory a case may take beyond what the parent holds when it forks."""


def run_cases(cases: list[Case], jobs: int, limits: Limits, progress: Callable[[Result], None]) -> list[Result]:
    """Every case's result, in the order of `cases`; `jobs` cases at a time."""
    address_limit = _address_space() + limits.memory_mib * 2**20
    pending = iter(cases)
    running: dict[int, tuple[Case, Path, float]] = {}
    results: dict[tuple[str, int], Result] = {}
    while True:
        while len(running) < jobs and (case := next(pending, None)) is not None:
            work = Path(tempfile.mkdtemp(prefix=f"oila-fuzz-{case.kind}-{case.index}-"))
            running[_fork(case, work, address_limit)] = (case, work, time.monotonic())
        if not running:
            break
        for pid, status, peak_mib in _ended(running, limits.seconds):
            case, work, started = running.pop(pid)
            late = time.monotonic() - started > limits.seconds
            result = _result(case, work, status, peak_mib, late)
            results[(case.kind, case.index)] = result
            progress(result)
    return [results[(case.kind, case.index)] for case in cases]


def run_here(case: Case) -> str:
    """One case in this process, for reading its traceback while mending what it found."""
    work = Path(tempfile.mkdtemp(prefix=f"oila-fuzz-{case.kind}-{case.index}-"))
    try:
        return case.run(work)
    finally:
        print(f"the case's files: {work}", file=sys.stderr)


def describe(work: Path, description: str) -> None:
    """Record what the case does before doing it, so that a case that hangs or is killed is still described."""
    (work / DESCRIPTION).write_text(description, encoding="utf-8")


def _fork(case: Case, work: Path, address_limit: int) -> int:
    pid = os.fork()
    if pid:
        return pid
    outcome: dict[str, str]
    try:
        resource.setrlimit(resource.RLIMIT_AS, (address_limit, address_limit))
        outcome = {"answer": case.run(work)}
    except BaseException:  # the child reports whatever happened, then ends without running the parent's cleanup
        outcome = {"answer": "finding", "finding": traceback.format_exc(limit=-12)[-16_000:]}
    try:
        (work / RESULT).write_text(json.dumps(outcome), encoding="utf-8")
    finally:
        os._exit(0)


def _ended(running: dict[int, tuple[Case, Path, float]], seconds: float) -> Iterator[tuple[int, int, float]]:
    """(pid, wait status, peak memory in MiB) of each case that ended; a case past its time is killed first."""
    found = False
    for pid, (_, _, started) in list(running.items()):
        if time.monotonic() - started > seconds:
            os.kill(pid, signal.SIGKILL)
        ended, status, usage = os.wait4(pid, os.WNOHANG)
        if ended:
            found = True
            yield pid, status, usage.ru_maxrss / 1024
    if not found:
        time.sleep(0.005)


def _result(case: Case, work: Path, status: int, peak_mib: float, late: bool) -> Result:
    description = _read(work / DESCRIPTION) or "(no description written)"
    outcome = json.loads(_read(work / RESULT) or "{}")
    if os.WIFSIGNALED(status):
        signal_name = signal.Signals(os.WTERMSIG(status)).name
        why = "no answer in time: a hang" if late else f"ended by {signal_name}"
        outcome = {"answer": "finding", "finding": why}
    elif not outcome:
        outcome = {"answer": "finding", "finding": f"ended with status {os.waitstatus_to_exitcode(status)}"}
    if outcome["answer"] != "finding":
        shutil.rmtree(work)
        return Result(case, outcome["answer"], description, peak_mib=peak_mib)
    return Result(case, "finding", description, outcome["finding"], peak_mib, work)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def _address_space() -> int:
    """The bytes of address space this process holds now: the children start from it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("/proc/self/status has no VmSize")
