"""A build killed at any moment leaves a build folder true to its manifest; the programs it ran end with it and
what they left is cleared by the next build; the same sources give the same bytes in any time zone or locale."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator.pdf import converter_problem
from generator.write import publish, staging_folder

TITLE = "title: {en: Every question type, ru: Все типы вопросов, uz: Barcha savol turlari}"


def oila(root: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(root), *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def true_to_its_manifest(out: Path) -> bool:
    """Whether `out` holds exactly the files its manifest lists, each with the bytes it lists."""
    listed = {item["path"]: item["sha256"] for item in json.loads((out / "manifest.json").read_text())["artifacts"]}
    present = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()} - {"manifest.json"}
    return present == set(listed) and all(
        hashlib.sha256((out / path).read_bytes()).hexdigest() == digest for path, digest in listed.items()
    )


def test_a_build_killed_at_any_moment_leaves_the_old_build_or_the_new_one(root: Path) -> None:
    out = root / "build"
    started = time.monotonic()
    assert oila(root, "build", "--only", "forms", "--only", "fillable").wait() == 0
    whole = time.monotonic() - started
    form = root / "forms" / "every-type.yaml"
    chance = random.Random(12)
    for trial in range(8):
        text = form.read_text(encoding="utf-8").replace(TITLE, TITLE.replace("type,", f"type {trial},"), 1)
        form.write_text(text, encoding="utf-8")
        running = oila(root, "build", "--only", "forms", "--only", "fillable")
        time.sleep(chance.uniform(0.5, 1.05) * whole)  # mostly while the files are being written
        running.send_signal(signal.SIGKILL)
        running.wait()
        assert true_to_its_manifest(out), f"trial {trial}"
    assert oila(root, "build", "--only", "forms", "--only", "fillable").wait() == 0
    assert true_to_its_manifest(out)
    assert not staging_folder(out).exists()


def test_publishing_links_what_did_not_change_and_removes_what_is_dropped(tmp_path: Path) -> None:
    out = tmp_path / "build"
    publish(out, {"a.txt": b"a", "b/c.txt": b"c"}, frozenset(), ("manifest.json", b"1"))
    first = (out / "a.txt").stat().st_ino
    staging_folder(out).mkdir()
    (staging_folder(out) / "left-by-a-killed-build").write_text("x")
    published = publish(out, {"a.txt": b"a", "d.txt": b"d"}, frozenset({"b/c.txt"}), ("manifest.json", b"2"))
    assert (published.written, published.unchanged) == (1, 1)
    assert (out / "a.txt").stat().st_ino == first
    assert sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()) == [
        "a.txt",
        "d.txt",
        "manifest.json",
    ]
    assert (out / "manifest.json").read_bytes() == b"2"
    assert not staging_folder(out).exists()


def _running() -> set[int]:
    return {int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()}


def _descendants(ancestor: int) -> set[int]:
    """The processes `ancestor` started, and those they started, that run now."""
    parents = {}
    for pid in _running():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {ancestor}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _converting(build: int) -> bool:
    """Whether LibreOffice runs for the build."""
    for pid in _processes_of(build):
        with contextlib.suppress(OSError):  # it may have ended since
            if b"soffice" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return True
    return False


def _processes_of(build: int) -> list[int]:
    """The running processes whose command line names the build's scratch folders."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if f"oila-{build}-".encode() in command:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(converter_problem() is not None, reason="LibreOffice is part of the set-up: run make test")
def test_a_build_killed_while_libreoffice_converts_takes_libreoffice_and_its_folders_with_it(root: Path) -> None:
    running = oila(root, "build", "--only", "pdf", "--lang", "en")
    deadline = time.monotonic() + 120
    try:  # the workers start beside the sources' loading, as LibreOffice does: wait until all of them run
        while not (_converting(running.pid) and len(_descendants(running.pid)) >= 5):
            assert running.poll() is None and time.monotonic() < deadline, "the workers and LibreOffice never all ran"
            time.sleep(0.05)
    except AssertionError:
        running.kill()
        running.wait()
        raise
    started = _descendants(running.pid)
    running.send_signal(signal.SIGKILL)
    running.wait()
    deadline = time.monotonic() + 30
    while (_processes_of(running.pid) or started & _running()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_of(running.pid) == []
    assert started & _running() == set(), "every process the build started should end with it"
    left = list(Path(tempfile.gettempdir()).glob(f"oila-{running.pid}-*"))
    assert left, "the killed build's scratch folders should be there until the next build"
    assert oila(root, "build", "--only", "forms", "--lang", "en").wait() == 0
    assert not any(folder.exists() for folder in left)


@pytest.mark.skipif(converter_problem() is not None, reason="LibreOffice is part of the set-up: run make test")
def test_the_same_sources_give_the_same_bytes_in_any_time_zone_and_locale(root: Path) -> None:
    outs = []
    for zone, locale in (("UTC", "C.UTF-8"), ("Asia/Tashkent", "ru_RU.UTF-8"), ("America/Los_Angeles", "uz_UZ")):
        out = root / f"build-{zone.replace('/', '-')}"
        env = {**os.environ, "TZ": zone, "LANG": locale, "LC_ALL": locale}
        assert oila(root, "build", "--out", str(out), "--lang", "ru", env=env).wait() == 0
        outs.append({path.relative_to(out): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()})
    assert len(outs[0]) > 30
    assert any(path.suffix == ".pdf" for path in outs[0])
    assert outs[0] == outs[1] == outs[2]
