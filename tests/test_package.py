"""Reading zip packages from outside: what their headers claim is not trusted, and no damage escapes as a crash."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.package import BadPackage, check_parts, open_package, read_part, regular_file_size
from tests.hostile import (
    lying_bomb,
    packed,
    with_compression,
    with_flags,
    with_flipped_bytes,
    with_version_needed,
)

PARTS = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document>" + b"text " * 2000 + b"</w:document>"}


def refusal(package: bytes, name: str = "word/document.xml") -> str:
    with pytest.raises(BadPackage) as refused, open_package(io.BytesIO(package), "a Word document") as archive:
        read_part(archive, name, 1_000_000)
    return str(refused.value)


def test_a_sound_part_is_read_and_a_missing_one_is_none() -> None:
    with open_package(io.BytesIO(packed(PARTS)), "a Word document") as archive:
        assert read_part(archive, "word/document.xml", 1_000_000) == PARTS["word/document.xml"]
        assert read_part(archive, "word/missing.xml", 1_000_000) is None


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda package: with_flipped_bytes(package, "word/document.xml"), "is damaged: a part cannot be unpacked"),
        (lambda package: with_flags(package, "word/document.xml", 0x1), "holds an encrypted part"),
        (lambda package: with_compression(package, "word/document.xml", 99), "packed in a way Word and Excel do not"),
        (lambda package: b"PK\x03\x04" + package[4:40], "not a Word document: the file is not a zip package"),
        (lambda package: with_version_needed(package, "word/document.xml", 84), "not a zip package, or is damaged"),
    ],
)
def test_damage_is_refused_with_its_reason(damage: object, reason: str) -> None:
    assert callable(damage)
    assert reason in refusal(damage(packed(PARTS)))


def test_a_part_larger_than_the_limit_is_stopped_at_the_limit() -> None:
    package = packed({**PARTS, "word/document.xml": b"<x>" + b"a" * 50_000 + b"</x>"})
    assert "zip bomb" in refusal(package)


def test_check_parts_counts_what_every_part_produces() -> None:
    with open_package(io.BytesIO(packed(PARTS)), "a workbook") as archive:
        check_parts(archive, 20_000)
        with pytest.raises(BadPackage, match="unpacks to far more"):
            check_parts(archive, 5_000)


def test_only_a_regular_file_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    device = tmp_path / "zero.docx"
    device.symlink_to("/dev/zero")
    for path in (fifo, device, tmp_path):
        with pytest.raises(BadPackage, match="not a regular file"):
            regular_file_size(path)
    with pytest.raises(BadPackage, match="cannot be read: No such file"):
        regular_file_size(tmp_path / "gone.docx")


def test_a_bomb_whose_headers_lie_is_stopped_in_little_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    lying_bomb(bomb, PARTS, "word/document.xml", unpacked=1 << 30, claimed=1000)
    assert bomb.stat().st_size < 2_000_000
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    reader = (
        "import sys; from pathlib import Path; from generator.package import *\n"
        "with open_package(Path(sys.argv[1]), 'x') as archive:\n"
        "    try:\n        read_part(archive, 'word/document.xml', 30 * 1024 * 1024)\n"
        "    except BadPackage as reason:\n        print(reason)\n"
        # VmHWM counts this program's own peak: the rusage peak would include the memory of the pytest process that
        # forked it, held until exec.
        "print(next(int(line.split()[1]) for line in Path('/proc/self/status').read_text().splitlines()\n"
        "           if line.startswith('VmHWM:')) // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", reader, str(bomb)], capture_output=True, text=True, check=True)
    reason, peak_mib = result.stdout.splitlines()
    assert reason == "is damaged: a part cannot be unpacked"
    assert int(peak_mib) < 300, f"{peak_mib} MiB at the most"
