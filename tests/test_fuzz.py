"""Fuzzing: mutated sources and filled forms get a clear answer, never a traceback, a hang or runaway memory.

`make test` runs a small budget with a fixed seed; `make fuzz` runs a long one with a new seed each time.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

from generator.model.project import Project
from tests.conftest import REPO
from tests.fuzz.mutate import mutate_package, mutate_text, mutate_yaml
from tests.fuzz.runner import Case, Limits, run_cases
from tests.fuzz.targets import filled_packages


def test_mutated_sources_and_filled_forms_are_all_answered_clearly(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tests.fuzz", "--sources", "16", "--packages", "200", "--findings", str(tmp_path)]
    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900, check=False)
    assert finished.returncode == 0, finished.stdout[-6000:] + finished.stderr[-2000:]
    assert "fuzz: 0 findings" in finished.stdout
    for kind in ("sources", "packages"):
        counts = re.search(rf"fuzz: \d+ {kind} cases: (\d+) accepted, (\d+) rejected", finished.stdout)
        assert counts is not None, finished.stdout
        assert all(int(count) > 0 for count in counts.groups()), "the mutations are all harmless or all fatal"


def test_the_runner_tells_an_answer_from_a_traceback_a_hang_and_runaway_memory() -> None:
    def answers(work: Path) -> str:
        return "rejected"

    def raises(work: Path) -> str:
        raise ValueError("a bug")

    def hangs(work: Path) -> str:
        time.sleep(60)
        return "accepted"

    def grows(work: Path) -> str:
        held = [bytearray(2**20) for _ in range(2048)]
        return str(len(held))

    cases = [Case("test", index, run) for index, run in enumerate((answers, raises, hangs, grows))]
    results = run_cases(cases, jobs=2, limits=Limits(seconds=3, memory_mib=256), progress=lambda result: None)
    assert [result.answer for result in results] == ["rejected", "finding", "finding", "finding"]
    assert "ValueError: a bug" in results[1].finding
    assert results[2].finding == "no answer in time: a hang"
    assert "MemoryError" in results[3].finding
    assert all(result.work is not None and result.work.is_dir() for result in results[1:])


def test_a_seed_gives_the_same_mutations_again(real_project: Project) -> None:
    package = filled_packages(real_project)[0]
    source = (REPO / "forms" / "referral.yaml").read_bytes()
    for mutate, content in ((mutate_package, package), (mutate_yaml, source), (mutate_text, source)):
        first = [mutate(random.Random(seed), content) for seed in range(20)]
        assert first == [mutate(random.Random(seed), content) for seed in range(20)]
        assert len({mutated.content for mutated in first}) > 15
