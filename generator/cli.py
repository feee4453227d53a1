"""The `oila` command: the only place that prints and chooses exit codes.

Exit status 0 when all went well, 1 when the sources or the build have problems (printed one per line,
without a traceback), 2 for a command line that cannot be understood.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from generator.build_result import BuildResult
from generator.cli_i18n import add_commands as add_i18n_commands
from generator.cli_i18n import check_translations
from generator.errors import OilaError, SourceErrors, printable
from generator.load.files import find_project
from generator.render import OUTPUTS


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        root = find_project(Path(arguments.project).resolve())
        return int(arguments.run(root, arguments))
    except SourceErrors as errors:
        for item in errors.problems:
            print(item, file=sys.stderr)
        print(f"oila: {errors}", file=sys.stderr)
        return 1
    except OilaError as error:
        print(printable(f"oila: {error}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("oila: interrupted; nothing half-written was left behind", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oila",
        description="Build the reintegration SOP and its case-management forms from the YAML sources.",
    )
    parser.add_argument(
        "--project", default=".", metavar="DIR", help="the project folder (the one holding oila.yaml); default: here"
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="load and check every source; write nothing")
    check.add_argument(
        "--min-coverage", type=float, metavar="PERCENT", help="exit 1 if fewer strings are translated and up to date"
    )
    check.add_argument("--lang", action="append", metavar="L", help="the languages --min-coverage applies to")
    check.set_defaults(run=_check)

    build_command = commands.add_parser("build", help="build every output into build/")
    build_command.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    build_command.add_argument("--only", action="append", choices=OUTPUTS, help="only this kind of output (repeatable)")
    build_command.add_argument("--out", default="build", metavar="DIR", help="the output folder; default: build")
    build_command.set_defaults(run=_build)

    serve_command = commands.add_parser("serve", help="serve the site locally and rebuild it when a source changes")
    serve_command.add_argument("--lang", action="append", metavar="L", help="only this language (repeatable)")
    serve_command.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1; default: 8000")
    serve_command.add_argument("--out", default="build", metavar="DIR", help="the output folder; default: build")
    serve_command.set_defaults(run=_serve)

    collect_command = commands.add_parser(
        "collect", help="read filled fillable forms and tablet submissions into CSV and XLSX, with a report"
    )
    collect_command.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="FILE_OR_FOLDER",
        help="filled .docx files or folders of them, and exports of submissions from ODK Central or KoboToolbox",
    )
    collect_command.add_argument("--out", required=True, type=Path, metavar="DIR", help="where the tables go")
    collect_command.add_argument("--lang", default="en", metavar="L", help="the language of the label row; default: en")
    collect_command.set_defaults(run=_collect)

    fill_command = commands.add_parser("fill", help="write a fillable form with answers already in place")
    fill_command.add_argument("form", metavar="FORM", help="the form's id or code, such as F-03")
    fill_command.add_argument("--data", required=True, type=Path, help="a YAML file of answers, by field tag")
    fill_command.add_argument("--lang", required=True, metavar="L", help="the form's language")
    fill_command.add_argument("--out", required=True, type=Path, help="the .docx file to write")
    fill_command.set_defaults(run=_fill)

    add_i18n_commands(commands)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schemas that editors use to check and complete YAML, and the reference examples of "
        "sop/README.md",
    )
    schema.add_argument("--check", action="store_true", help="exit 1 if the schemas or the examples are out of date")
    schema.set_defaults(run=_schema)
    return parser


def _check(root: Path, arguments: argparse.Namespace) -> int:
    from generator.load.files import read_sources
    from generator.load.project import project_from

    sources = read_sources(root)
    project = project_from(sources)
    gate = check_translations(sources, arguments.lang, arguments.min_coverage)
    languages = ", ".join(project.settings.codes)
    print(f"oila: {len(project.forms)} forms, {len(project.choices)} choice lists, languages {languages}: no problems")
    return gate


def _build(root: Path, arguments: argparse.Namespace) -> int:
    out = Path(arguments.out)
    out = out if out.is_absolute() else root / out
    result = _current(root, out, arguments)
    if result is None:
        from generator.build import build

        result = build(root, out, languages=arguments.lang, only=arguments.only, progress=_StageLines())
    print(f"oila: wrote {result.written} and kept {result.unchanged} unchanged of {result.total} files in {out}")
    if result.stages:
        took = max(span.end for span in result.stages)
        stages = ", ".join(str(span) for span in result.stages)
        each = f"; stages, in seconds from the start: {stages}" if len(result.stages) > 1 else ""
        print(f"oila: took {took:.2f} s{each}" if took < 1 else f"oila: took {took:.1f} s{each}")
    for warning in result.warnings:
        print(f"oila: warning: {warning}", file=sys.stderr)
    return 0


def _current(root: Path, out: Path, arguments: argparse.Namespace) -> BuildResult | None:
    """The result of the last build into `out`, when it is current: found without loading the renderers."""
    from generator.last_build import nothing_to_do

    return nothing_to_do(root, out, arguments.lang, arguments.only, _progress)


def _serve(root: Path, arguments: argparse.Namespace) -> int:
    from generator.serve import serve

    out = Path(arguments.out)
    out = out if out.is_absolute() else root / out
    serve(root, out, arguments.port, arguments.lang, _progress, threading.Event())
    return 0


def _collect(root: Path, arguments: argparse.Namespace) -> int:
    from generator.collect.run import REPORT, collect

    summary = collect(root, arguments.inputs, arguments.out, arguments.lang, _progress)
    per_form = ", ".join(f"{form} {count}" for form, count in sorted(summary.per_form.items())) or "none"
    print(
        f"oila: read {summary.files - summary.rejected} of {summary.files} files ({per_form}); "
        f"{summary.rejected} rejected, {summary.problems} problems; see {arguments.out / REPORT}"
    )
    for form, names in sorted(summary.scored.items()):
        print(f"oila: scored the {form} tests: {', '.join(str(arguments.out / name) for name in names)}")
    return 1 if summary.rejected else 0


def _fill(root: Path, arguments: argparse.Namespace) -> int:
    from generator.fill import fill_form

    written = fill_form(root, arguments.form, arguments.data, arguments.lang, arguments.out)
    print(f"oila: wrote {written}")
    return 0


def _progress(message: str) -> None:
    print(message, flush=True)


class _StageLines:
    """A build's progress on a terminal: a line for each stage (the words before the first colon), showing its
    latest step, redrawn in place as the stages, some side by side, go on. Elsewhere, a line for each step."""

    def __init__(self) -> None:
        self.lines: dict[str, str] = {}
        self.lock = threading.Lock()

    def __call__(self, message: str) -> None:
        if not sys.stdout.isatty():
            _progress(message)
            return
        width = shutil.get_terminal_size().columns - 1
        with self.lock:
            up = f"\x1b[{len(self.lines)}F" if self.lines else ""
            self.lines[message.partition(": ")[0]] = message[:width]
            print(up + "".join(f"\x1b[2K{line}\n" for line in self.lines.values()), end="", flush=True)


def _schema(root: Path, arguments: argparse.Namespace) -> int:
    from generator.reference_examples import write_reference_examples
    from generator.schema import write_schemas

    stale = write_schemas(root, check_only=arguments.check)
    stale += write_reference_examples(root, check_only=arguments.check)
    if arguments.check and stale:
        for name in stale:
            print(f"{name}: out of date; run 'oila schema' and commit the result", file=sys.stderr)
        return 1
    done = "JSON Schemas and reference examples are up to date" if arguments.check else "wrote the JSON Schemas"
    print(f"oila: {done}" if arguments.check else f"oila: {done} in schema/ and the reference examples")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
