"""The whole set of sources, loaded and checked: the one model every renderer starts from."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field, ValidationInfo, field_validator

from generator.model.base import Identifier, SourceModel
from generator.model.choices import ChoiceList
from generator.model.fields import Question
from generator.model.form import Form
from generator.model.labels import LabelId
from generator.model.language import ProjectSettings
from generator.model.localize import localize_project
from generator.model.referents import Referents
from generator.model.resolve import Linker
from generator.model.sop import Sop
from generator.model.text import LocalizedText
from generator.model.timeframes import Timeframes
from generator.model.training import Training
from generator.model.view import OutdatedText, ProjectView


class CommonHeader(SourceModel):
    """`header.yaml`: the case details at the top of every form (case number, date, district, ...)."""

    questions: tuple[Question, ...] = Field(min_length=1, description="The header's questions, in order.")
    case_only: tuple[Identifier, ...] = Field(
        (), description="The ids of the questions only case records print, such as `case_number`."
    )

    @field_validator("case_only")
    @classmethod
    def _case_only_questions_exist(cls, case_only: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        ids = [question.id for question in info.data.get("questions", ())]
        unknown = [item for item in case_only if item not in ids]
        if ids and unknown:
            raise ValueError(f"'{unknown[0]}' is not a question of the header; questions: {', '.join(ids)}")
        return case_only


@dataclass(frozen=True)
class Project:
    """Every source of a project, validated and cross-checked."""

    settings: ProjectSettings
    labels: dict[LabelId, LocalizedText]
    choices: dict[str, ChoiceList]
    header: CommonHeader
    forms: tuple[Form, ...]
    sop: Sop
    timeframes: Timeframes
    docs: dict[str, dict[str, str]]
    """The site's hand-written pages (`docs/<lang>/<name>.md`): name to language to Markdown, derived languages
    included; a language without its own copy of a page is absent."""
    training: Training | None = None
    """The trainer's kit, in a project that has one (`training/`)."""

    @property
    def referents(self) -> Referents:
        """What references in the sources can name."""
        sop = self.sop
        return Referents.of(
            labels=self.labels,
            forms=list(self.forms),
            course_forms=self.training.forms if self.training else (),
            metadata=sop.metadata,
            structure=sop.structure,
            glossary=sop.glossary,
            timeframes=self.timeframes,
            sections=sop.sections,
            languages=self.settings.languages,
        )

    def localize(
        self, language: str, outdated: tuple[OutdatedText, ...] = (), linker: Linker | None = None
    ) -> ProjectView:
        """The project in one language, as renderers see it; `outdated` are its texts still to translate, and
        `linker`, when given, makes each reference a link (for the site)."""
        return localize_project(self, language, outdated, linker)
