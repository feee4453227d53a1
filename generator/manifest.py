"""`build/manifest.json`: every file a build made, with its kind, language, source, version and checksum."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from generator.render import Artifact

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Entry:
    path: str
    kind: str
    language: str
    source: str
    version: str
    sha256: str
    bytes: int

    @classmethod
    def describe(cls, path: str, kind: str, language: str, artifact: Artifact) -> Entry:
        digest = hashlib.sha256(artifact.content).hexdigest()
        return cls(path, kind, language, artifact.source, artifact.version, digest, len(artifact.content))


def read_manifest(out: Path) -> dict[str, Entry]:
    """The previous build's entries; an unreadable manifest counts as none (the build rewrites it)."""
    try:
        data: Any = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {item["path"]: Entry(**item) for item in data["artifacts"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def manifest_bytes(project: str, entries: dict[str, Entry]) -> bytes:
    """The manifest of a build holding `entries`."""
    artifacts = [asdict(entries[path]) for path in sorted(entries)]
    return (json.dumps({"project": project, "artifacts": artifacts}, ensure_ascii=False, indent=2) + "\n").encode()
