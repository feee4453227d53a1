"""The two things a fuzz case does: check a project with one source mutated, and read one mutated filled form.

A right answer for a mutated source is `oila check` either passing (and then every renderer that runs without
LibreOffice or MkDocs working on the result) or failing with exit status 1 and one located line per problem.
A right answer for a mutated package is its answers or a reason it was rejected. Anything else raises, and
the runner reports it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import random
from pathlib import Path

from generator.cli import main
from generator.collect import run as collect_run
from generator.collect.csv_file import inert
from generator.collect.xlsx import workbook
from generator.load.files import PROJECT_SOURCES, read_sources
from generator.load.project import project_from
from generator.model.labels import LabelId
from generator.model.project import Project
from generator.model.slots import form_slots
from generator.render.diagrams import sop_diagrams
from generator.render.fillable import fillable_document
from generator.render.sop import document_markdown
from generator.site.build_site import mkdocs_config
from generator.site.links import site_linker
from generator.site.pages import generated_pages
from generator.site.root import LanguageChoice, language_choice_page
from generator.site.theme import OVERRIDES, theme_translation
from tests.filled import sample_answers
from tests.fuzz.mutate import mutate_package, mutate_text, mutate_yaml
from tests.fuzz.runner import Case, describe
from tests.render.rendering import rendered


class WrongAnswer(AssertionError):
    """Oila answered, but not as a user should be answered."""


def source_files(root: Path) -> dict[str, bytes]:
    """`{path: bytes}` of every source of the project at `root`."""
    files: dict[str, bytes] = {}
    for name in PROJECT_SOURCES:
        path = root / name
        found = sorted(item for item in path.rglob("*") if item.is_file()) if path.is_dir() else [path]
        files.update({item.relative_to(root).as_posix(): item.read_bytes() for item in found})
    return files


def source_case(files: dict[str, bytes], seed: int, index: int) -> Case:
    def run(work: Path) -> str:
        rng = random.Random(f"{seed}:sources:{index}")
        names = sorted(files)
        name = rng.choice([name for name in names if name.endswith(".yaml")] * 2 + names)
        structural = name.endswith(".yaml") and rng.random() < 0.5
        mutated = (mutate_yaml if structural else mutate_text)(rng, files[name])
        describe(work, f"{name}: {mutated.description}")
        project = work / "project"
        for relative, content in files.items():
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            (project / relative).write_bytes(mutated.content if relative == name else content)
        status, errors = _oila(project, "check")
        if status == 1:
            _located(errors)
            return "rejected"
        if status != 0:
            raise WrongAnswer(f"oila check ended with status {status}: {errors[-2000:]}")
        _render(project_from(read_sources(project)), rng)
        return "accepted"

    return Case("sources", index, run)


def filled_packages(project: Project) -> list[bytes]:
    """A filled fillable form of every form, in one of the languages each, in turn."""
    languages = project.settings.codes
    packages = []
    for number, form in enumerate(project.forms):
        view = project.localize(languages[number % len(languages)])
        localized = next(item for item in view.forms if item.id == form.id)
        slots = form_slots(localized, view.labels[LabelId.OTHER_SPECIFY])
        packages.append(fillable_document(localized, view.language, view.labels, sample_answers(slots)))
    return packages


def prepare_reader(project: Project) -> None:
    """Give this process what `oila collect`'s workers are given, so that forked cases read as they do."""
    view = project.localize(project.settings.source_language)
    other = view.labels[LabelId.OTHER_SPECIFY]
    definitions = {form.id: (form.version, form_slots(form, other)) for form in view.forms}
    prompt_labels = (LabelId.ENTER_TEXT, LabelId.CHOOSE_ANSWER, LabelId.DATE_FORMAT)
    prompts = frozenset(project.labels[label].get(code) for label in prompt_labels for code in project.settings.codes)
    collect_run._start_worker(definitions, prompts)


def package_case(packages: list[bytes], seed: int, index: int) -> Case:
    def run(work: Path) -> str:
        rng = random.Random(f"{seed}:packages:{index}")
        number = rng.randrange(len(packages))
        mutated = mutate_package(rng, packages[number])
        describe(work, f"filled form {number}: {mutated.description}")
        path = work / "filled.docx"
        path.write_bytes(mutated.content)
        _, outcome = collect_run._read_one(path)
        if isinstance(outcome, str):
            if not outcome.strip():
                raise WrongAnswer("rejected without a reason")
            return "rejected"
        cells = [*outcome.fields.values(), *outcome.problems]
        cells += [value for rows in outcome.tables.values() for row in rows.values() for value in row.values()]
        workbook({"answers": [[inert(cell) for cell in cells]]})
        return "accepted"

    return Case("packages", index, run)


def _oila(project: Path, *arguments: str) -> tuple[int, str]:
    """The command's exit status and what it printed to standard error."""
    errors = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
        status = main(["--project", str(project), *arguments])
    return status, errors.getvalue()


def _located(errors: str) -> None:
    """Every line `oila check` printed names a source file, or is the command's own summary."""
    lines = errors.splitlines()
    if not lines:
        raise WrongAnswer("exit status 1 without a word")
    for line in lines:
        if not line.startswith(("oila: ", *PROJECT_SOURCES)):
            raise WrongAnswer(f"a problem that names no source file: {line[:300]!r}")


def _render(project: Project, rng: random.Random) -> None:
    """What Oila renders without LibreOffice or MkDocs: the SOP through Pandoc in one language; in every language
    one form's Word files, the SOP's Markdown and diagrams, the site's pages and settings."""
    linker = site_linker(project)
    rendered("sop", project.localize(rng.choice(project.settings.codes)))
    for language in project.settings.codes:
        view = project.localize(language)
        form = rng.choice(view.forms)
        for kind in ("forms", "fillable"):
            rendered(kind, dataclasses.replace(view, forms=(form,)))
        diagrams = sop_diagrams(view.sop, view.labels)
        document_markdown(view.sop, view.labels, diagrams)
        site_view = project.localize(language, (), linker)
        pages = generated_pages(project, site_view, {}, diagrams)
        mkdocs_config(project, site_view, pages, OVERRIDES)
        theme_translation(language, site_view.labels)
        language_choice_page(project.settings.name, [LanguageChoice.of(site_view)])
