"""The size a source may have: shared by the loader and by the check that a build has nothing to do, which must
not read a file the loader would refuse."""

from __future__ import annotations

MAX_SOURCE_BYTES = 4 * 1024 * 1024
"""Far more than any source: the largest form is about 100 KB."""
