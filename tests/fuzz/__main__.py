"""`python -m tests.fuzz`: mutate the project's sources and filled forms, and report every wrong answer.

    python -m tests.fuzz --sources 20 --packages 200         # the budget `make test` runs
    python -m tests.fuzz --sources 600 --packages 6000 --seed 7
    python -m tests.fuzz --seed 7 --case sources:41          # one case, here, with its traceback

A finding is a traceback, a hang, a process that ran out of its memory or was killed, or an answer a user
could not act on. Each is printed with its seed, case and mutation, and its files are kept under
--findings. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from generator.load.project import load_project
from tests.conftest import REPO
from tests.fuzz.runner import Case, Limits, Result, run_cases, run_here
from tests.fuzz.targets import filled_packages, package_case, prepare_reader, source_case, source_files

ANSWERS = ("accepted", "rejected")


def main() -> int:
    arguments = _parser().parse_args()
    project = load_project(REPO)
    files = source_files(REPO)
    packages = filled_packages(project)
    prepare_reader(project)
    makers = {
        "sources": lambda index: source_case(files, arguments.seed, index),
        "packages": lambda index: package_case(packages, arguments.seed, index),
    }
    if arguments.case:
        kind, _, index = arguments.case.partition(":")
        print(f"{kind} case {index} answered: {run_here(makers[kind](int(index)))}")
        return 0
    cases: list[Case] = [makers["sources"](index) for index in range(arguments.sources)]
    cases += [makers["packages"](index) for index in range(arguments.packages)]
    limits = Limits(seconds=arguments.seconds, memory_mib=arguments.memory)
    print(f"fuzz: seed {arguments.seed}, {len(cases)} cases on {arguments.jobs} cores", flush=True)
    results = run_cases(cases, arguments.jobs, limits, _Progress(len(cases)))
    findings = [result for result in results if result.answer == "finding"]
    for result in findings:
        kept = _keep(result, arguments.findings)
        print(f"finding: --seed {arguments.seed} --case {result.case.kind}:{result.case.index}: {result.description}")
        print(f"  {result.finding.strip()}".replace("\n", "\n  "))
        print(f"  its files: {kept}")
    for kind in ("sources", "packages"):
        of_kind = [result for result in results if result.case.kind == kind]
        if of_kind:
            answers = {answer: sum(result.answer == answer for result in of_kind) for answer in ANSWERS}
            peak = max(result.peak_mib for result in of_kind)
            print(
                f"fuzz: {len(of_kind)} {kind} cases: {answers['accepted']} accepted, {answers['rejected']} rejected; "
                f"largest case {peak:.0f} MiB"
            )
    print(f"fuzz: {len(findings)} findings")
    return 1 if findings else 0


class _Progress:
    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0

    def __call__(self, result: Result) -> None:
        self.done += 1
        if self.done % 50 == 0 or self.done == self.total:
            print(f"fuzz: {self.done} of {self.total} cases", file=sys.stderr, flush=True)


def _keep(result: Result, findings: Path) -> Path:
    assert result.work is not None
    kept = findings / f"{result.case.kind}-{result.case.index}"
    shutil.rmtree(kept, ignore_errors=True)
    findings.mkdir(parents=True, exist_ok=True)
    shutil.move(result.work, kept)
    return kept


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=int, default=20, help="cases that mutate one source file")
    parser.add_argument("--packages", type=int, default=200, help="cases that mutate one filled .docx")
    parser.add_argument("--seed", type=int, default=0, help="the seed every mutation is drawn from")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cases run at once")
    parser.add_argument("--seconds", type=float, default=120, help="time a case may take before it is a hang")
    parser.add_argument("--memory", type=int, default=1024, help="MiB a case may take beyond the start")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"), help="where findings' files go")
    parser.add_argument("--case", metavar="KIND:N", help="run one case here and show its traceback")
    return parser


if __name__ == "__main__":
    sys.exit(main())
