"""Rendering that an earlier build already did: each document is kept under a key made from the inputs its
renderer reads (see `generator.render.PlannedFile`), Oila's own code and the versions of every library and tool a
renderer uses. A document whose inputs did not change is taken as it was, without rendering; the others are
rendered, in worker processes when there are several.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Executor

from generator.cache import Cache, key_of
from generator.last_build import code_version
from generator.render import Artifact, PlannedFile
from generator.render.flowchart import graphviz_version
from generator.workers import each


@functools.cache
def renderers_version() -> str:
    """Oila's code and data, the Python packages installed beside it, and Graphviz."""
    return key_of(code_version(), graphviz_version())


def document_key(document: PlannedFile) -> str:
    maker = f"{document.make.__module__}.{document.make.__qualname__}"
    dated = (document.source, document.version, document.version_date.isoformat())
    return key_of(renderers_version(), document.path, maker, repr(document.inputs), *dated)


def made_or_kept(
    documents: Sequence[PlannedFile],
    cache: Cache,
    pool: Executor | None,
    progress: Callable[[str], None],
    stage: str,
    making: Callable[[int], None] = lambda count: None,
) -> dict[str, Artifact]:
    """`{path: artifact}` of every document, in their order; `progress` hears, as `stage`, how many were kept and
    how many are made; `making` is told how many must be made before they are."""
    keys = [document_key(document) for document in documents]
    kept = {document.path: cache.get(key) for document, key in zip(documents, keys, strict=True)}
    missing = [document for document in documents if kept[document.path] is None]
    progress(f"{stage}: {len(documents) - len(missing)} of {len(documents)} unchanged, kept from the cache")
    making(len(missing))

    def done(count: int) -> None:
        progress(f"{stage}: made {count} of {len(missing)}")

    made = dict(zip((document.path for document in missing), each(pool, _make, missing, done), strict=True))
    result: dict[str, Artifact] = {}
    for document, key in zip(documents, keys, strict=True):
        content = kept[document.path]
        if content is None:
            content = made[document.path]
            cache.put(key, content)
        result[document.path] = Artifact(content, document.source, document.version, document.version_date)
    return result


def _make(document: PlannedFile) -> bytes:
    return document.made().content
