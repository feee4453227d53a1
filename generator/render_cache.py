"""Rendering that an earlier build already did: each document is kept under a key made from the inputs its
renderer reads (see `generator.render.PlannedFile`), Oila's own code and the versions of every library and tool a
renderer uses. A document whose inputs did not change is taken as it was, without rendering; the others are
rendered, in worker processes when there are several.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field

from generator.cache import Cache, key_of
from generator.last_build import code_version
from generator.render import Artifact, PlannedFile
from generator.render.flowchart import graphviz_version
from generator.workers import each


@functools.cache
def renderers_version() -> str:
    """Oila's code and data, the Python packages installed beside it, and Graphviz."""
    return key_of(code_version(), graphviz_version())


class DocumentKeys:
    """The keys a build's documents are kept under, each made once. An input that many documents share (a
    language's labels, the course that every guide and deck reads) is written out once, not once a document."""

    def __init__(self) -> None:
        self._inputs: dict[int, tuple[object, str]] = {}
        """`{id(input): (input, key of its repr)}`; the input is held so that its id is not given to another."""
        self._documents: dict[str, str] = {}

    def of(self, document: PlannedFile) -> str:
        known = self._documents.get(document.path)
        if known is None:
            maker = f"{document.make.__module__}.{document.make.__qualname__}"
            dated = (document.source, document.version, document.version_date.isoformat())
            base = self.of(document.base) if document.base else ""
            inputs = [self._input(value) for value in document.inputs]
            known = key_of(renderers_version(), document.path, maker, *inputs, *dated, base)
            self._documents[document.path] = known
        return known

    def _input(self, value: object) -> str:
        kept = self._inputs.get(id(value))
        if kept is None:
            kept = (value, key_of(repr(value)))
            self._inputs[id(value)] = kept
        return kept[1]


@dataclass(frozen=True)
class _Job:
    """Documents made one after another in one process: `first` (unless its bytes are `known`), then each document
    made from it."""

    first: PlannedFile
    known: bytes | None
    derived: list[PlannedFile] = field(default_factory=list)

    def documents(self) -> list[PlannedFile]:
        return ([self.first] if self.known is None else []) + self.derived


def made_or_kept(
    documents: Sequence[PlannedFile],
    cache: Cache,
    pool: Executor | None,
    progress: Callable[[str], None],
    stage: str,
    ready: Callable[[PlannedFile, bytes], None] = lambda document, content: None,
    making: Callable[[list[PlannedFile]], None] = lambda missing: None,
) -> dict[str, Artifact]:
    """`{path: artifact}` of every document, in their order. `ready` is told each document's bytes as soon as they
    are known: first those kept, then each as it is made; then `making` is told which must be made, before they
    are; `progress` hears, as `stage`, how many were kept and how many are made. A document made from another (its
    `base`) is made in the same process right after its base, or from the base's bytes when those are known; a
    base that is not among `documents` is made too when needed, and kept in the cache."""
    document_keys = DocumentKeys()
    keys = {document.path: document_keys.of(document) for document in documents}
    found = {path: cache.get(key) for path, key in keys.items()}
    missing = [document for document in documents if found[document.path] is None]
    progress(f"{stage}: {len(documents) - len(missing)} of {len(documents)} unchanged, kept from the cache")
    for document in documents:
        kept = found[document.path]
        if kept is not None:
            ready(document, kept)
    making(missing)
    made: list[PlannedFile] = []

    def done(job: _Job, contents: list[bytes]) -> None:
        for document, content in zip(job.documents(), contents, strict=True):
            cache.put(document_keys.of(document), content)
            if document.path in keys:
                found[document.path] = content
                made.append(document)
                ready(document, content)
        progress(f"{stage}: made {len(made)} of {len(missing)}")

    each(pool, _make, _jobs(missing, found, cache, document_keys), done)
    result: dict[str, Artifact] = {}
    for document in documents:
        content = found[document.path]
        assert content is not None, "every missing document was made"
        result[document.path] = Artifact(content, document.source, document.version, document.version_date)
    return result


def _jobs(
    missing: list[PlannedFile], kept: dict[str, bytes | None], cache: Cache, document_keys: DocumentKeys
) -> list[_Job]:
    """The `missing` documents in jobs: each made from another joins the job of its base; a base neither missing
    nor kept is made first in its own job."""
    jobs = {document.path: _Job(document, None) for document in missing if document.base is None}
    for document in missing:
        base = document.base
        if base is None:
            continue
        if base.path not in jobs:
            known = kept.get(base.path)
            jobs[base.path] = _Job(base, cache.get(document_keys.of(base)) if known is None else known)
        jobs[base.path].derived.append(document)
    return list(jobs.values())


def _make(job: _Job) -> list[bytes]:
    """The bytes of `job.documents()`, in their order."""
    first = job.first.content() if job.known is None else job.known
    made = [first] if job.known is None else []
    return made + [document.content(first) for document in job.derived]
