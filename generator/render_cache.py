"""Rendering that an earlier build already did: each kind of output in each language is kept under a key made from
the whole view it was rendered from (the project in that language), Oila's own code and the versions of every
library and tool a renderer uses. A view that did not change gives the files it gave before, without rendering.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import json
import shutil
import subprocess
from pathlib import Path

from generator.cache import Cache, key_of, packed, unpacked
from generator.model.view import ProjectView
from generator.render import Artifact, renderer

GENERATOR = Path(__file__).parent
_METADATA = "oila-artifacts.json"
"""The name, inside a kept entry, of each file's source, version and date."""


@functools.cache
def renderers_version() -> str:
    """Oila's code and data (every file of `generator/`), the installed Python packages and Graphviz, as one key."""
    files = sorted(path for path in GENERATOR.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    parts: list[bytes | str] = []
    for path in files:
        parts += [path.relative_to(GENERATOR).as_posix(), path.read_bytes()]
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    parts += packages
    dot = shutil.which("dot")
    if dot is not None:
        parts.append(subprocess.run([dot, "-V"], capture_output=True, check=False).stderr)
    return key_of(*parts)


def render_or_keep(kind: str, view: ProjectView, cache: Cache) -> tuple[dict[str, Artifact], bool]:
    """What `kind` renders of `view`, and whether it came from `cache`."""
    key = key_of(renderers_version(), kind, repr(view))
    kept = cache.get(key)
    files = unpacked(kept) if kept is not None else None
    if files is not None and _METADATA in files:
        described = json.loads(files.pop(_METADATA))
        artifacts = {}
        for path, content in files.items():
            source, version, date = described[path]
            artifacts[path] = Artifact(content, source, version, dt.date.fromisoformat(date))
        return artifacts, True
    artifacts = renderer(kind)(view)
    described = {path: [item.source, item.version, item.version_date.isoformat()] for path, item in artifacts.items()}
    entry = {path: item.content for path, item in artifacts.items()}
    cache.put(key, packed({**entry, _METADATA: json.dumps(described, sort_keys=True).encode("utf-8")}))
    return artifacts, False
