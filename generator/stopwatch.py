"""When each stage of a long run started and ended, for the summary line a build ends with; stages may overlap."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

Arguments = ParamSpec("Arguments")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Span:
    stage: str
    start: float
    """Seconds from the start of the run."""
    end: float

    def __str__(self) -> str:
        return f"{self.stage} {self.start:.1f}–{self.end:.1f}"


class Stopwatch:
    """The spans of a run's stages, from any thread, in the order they ended."""

    def __init__(self) -> None:
        self._started = time.perf_counter()
        self._spans: list[Span] = []
        self._lock = threading.Lock()

    @contextmanager
    def span(self, stage: str) -> Iterator[None]:
        start = time.perf_counter() - self._started
        try:
            yield
        finally:
            ended = Span(stage, start, time.perf_counter() - self._started)
            with self._lock:
                self._spans.append(ended)

    def timed(self, stage: str, work: Callable[Arguments, Result]) -> Callable[Arguments, Result]:
        """`work`, its every call a span of `stage`."""

        @functools.wraps(work)
        def spanned(*args: Arguments.args, **kwargs: Arguments.kwargs) -> Result:
            with self.span(stage):
                return work(*args, **kwargs)

        return spanned

    @property
    def spans(self) -> tuple[Span, ...]:
        with self._lock:
            return tuple(self._spans)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self._started
