"""What a build did, for the command line to tell."""

from __future__ import annotations

from dataclasses import dataclass

from generator.stopwatch import Span


@dataclass(frozen=True)
class BuildResult:
    written: int
    unchanged: int
    total: int
    warnings: tuple[str, ...] = ()
    """What could not be made, and how to make it possible, such as PDFs without LibreOffice."""
    stages: tuple[Span, ...] = ()
    """When each stage of the build started and ended; some run side by side."""
