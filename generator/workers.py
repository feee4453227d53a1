"""Worker processes for the work of a build that keeps a core busy, such as rendering Word documents.

A build uses as many workers as this process may use cores (`OILA_JOBS` sets another number); with one, everything
runs in the build's own process. Workers are forked from a server process that has imported the renderers once,
so a worker starts in milliseconds and a build that runs while other threads serve pages forks no threads.
What the workers return is put in the order it was asked for, never in the order it finished, so a build's
output does not depend on which worker was quicker.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import forkserver
from typing import Generic, TypeVar

from generator.errors import BuildError, OilaError

JOBS_VARIABLE = "OILA_JOBS"
PRELOADED = (
    "generator.render.forms",
    "generator.render.fillable",
    "generator.render.review",
    "generator.render.sop",
    "generator.render.training",
    "generator.render.xlsform",
)
"""What the server imports once for every worker it forks."""
SAFE_PATH_VARIABLE = "PYTHONSAFEPATH"
"""Set, Python puts no script's or working folder on the import path."""
_lock = threading.Lock()

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_count() -> int:
    """How many processes a build may keep busy: `OILA_JOBS` if set, else the cores this process may use."""
    asked = os.environ.get(JOBS_VARIABLE, "").strip()
    if asked:
        if not asked.isdigit() or int(asked) < 1:
            raise OilaError(f"{JOBS_VARIABLE} must be a whole number of workers, 1 or more, not {asked!r}")
        return int(asked)
    return len(os.sched_getaffinity(0))


@contextmanager
def worker_pool(count: int) -> Iterator[Executor | None]:
    """`count` worker processes, or None for one: the caller then works in its own process."""
    if count < 2:
        yield None
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOADED))
    _start_server()
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_server() -> None:
    """Start the server that forks the workers, unless it runs, without the working folder on its import path:
    Python's server (3.11's at least) does not take the build's path but puts the working folder first, so that a
    folder holding another `generator` package would give the workers other code than the build's."""
    with _lock:
        before = os.environ.get(SAFE_PATH_VARIABLE)
        os.environ[SAFE_PATH_VARIABLE] = "1"
        try:
            forkserver.ensure_running()
        finally:
            if before is None:
                del os.environ[SAFE_PATH_VARIABLE]
            else:
                os.environ[SAFE_PATH_VARIABLE] = before


def warm_up(pool: Executor | None) -> None:
    """Start `pool`'s server and a worker now. It returns once the server has imported the renderers (a third of a
    second), so a build calls it in a thread of its own, while it reads its sources."""
    if pool is not None:
        pool.submit(os.getpid)


def each(
    pool: Executor | None,
    work: Callable[[Item], Result],
    items: Sequence[Item],
    done: Callable[[Item, Result], None] = lambda item, result: None,
) -> list[Result]:
    """`work` of every item, in the order of `items`; in `pool` when there is one and more than one item. `done` is
    told each item and its result as its work finishes."""
    if pool is None or len(items) < 2:
        results = []
        for item in items:
            results.append(work(item))
            done(item, results[-1])
        return results
    with _failures_told():
        futures = {pool.submit(_Reported(work), item): item for item in items}
        for future in as_completed(futures):
            done(futures[future], future.result())
        return [future.result() for future in futures]


@contextmanager
def _failures_told() -> Iterator[None]:
    """What went wrong in a worker as a `BuildError` that says it in a sentence."""
    try:
        yield
    except BrokenProcessPool as broken:
        raise BuildError(f"a worker process of the build stopped unexpectedly ({broken})") from None
    except _WorkerError as error:
        raise BuildError(str(error)) from None


def _end_with(build: int) -> None:
    """End this worker when the build process `build` ends, even killed. A worker waiting for work would otherwise
    wait for ever: it is the server's child, not the build's, and holds the server open."""
    try:
        ended = os.pidfd_open(build)
    except ProcessLookupError:
        os._exit(1)

    def watch() -> None:
        select.select([ended], [], [])  # readable once `build` has ended
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class _WorkerError(Exception):
    """An `OilaError` raised in a worker, carried back as its message (its own arguments may not travel)."""


class _Reported(Generic[Item, Result]):
    """`work`, raising what went wrong in a way that crosses from the worker to the build."""

    def __init__(self, work: Callable[[Item], Result]) -> None:
        self.work = work

    def __call__(self, item: Item) -> Result:
        try:
            return self.work(item)
        except OilaError as error:
            raise _WorkerError(str(error)) from None
