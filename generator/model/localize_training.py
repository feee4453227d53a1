"""The trainer's kit in one language: every text's references resolved, each module numbered and placed on its day."""

from __future__ import annotations

import itertools

from generator.model.resolve import Resolver
from generator.model.text import LocalizedText
from generator.model.training import Module, Training
from generator.model.training_view import ActivityView, CourseView, ExerciseView, ModuleView


def localize_training(training: Training, resolver: Resolver) -> CourseView:
    language = resolver.language
    course = training.course
    day_of = {module_id: day for day, plan in enumerate(course.days, start=1) for module_id in plan.modules}

    def text(value: LocalizedText) -> str:
        return resolver.resolve(value.get(language))

    case_titles = {worked.case.id: text(worked.case.title) for worked in training.cases}

    def module_view(number: int, module: Module) -> ModuleView:
        starts = itertools.accumulate((activity.minutes for activity in module.activities), initial=0)
        return ModuleView(
            id=module.id,
            number=number,
            day=day_of[module.id],
            title=text(module.title),
            duration=module.duration,
            audience=tuple(resolver.resolve(f"{{role:{role}|name}}") for role in module.audience),
            steps=tuple(resolver.resolve(f"{{step:{step}}}") for step in module.steps),
            step_ids=module.steps,
            objectives=tuple(text(item) for item in module.objectives),
            materials=tuple(text(item) for item in module.materials),
            activities=tuple(
                ActivityView(item.id, item.minutes, start, item.method, text(item.title), text(item.instructions))
                for item, start in zip(module.activities, starts, strict=False)
            ),
            key_messages=tuple(text(item) for item in module.key_messages),
            exercises=tuple(
                ExerciseView(
                    item.id,
                    text(item.title),
                    text(item.task),
                    text(item.debrief),
                    tuple(resolver.resolve(f"{{form:{form}}}") for form in item.forms),
                    tuple(case_titles[case] for case in item.cases),
                )
                for item in module.exercises
            ),
        )

    return CourseView(
        code=course.code,
        version=course.version,
        version_date=course.version_date,
        status=course.status[language].value,
        title=text(course.title),
        purpose=text(course.purpose),
        participants=text(course.participants),
        modules=tuple(module_view(number, module) for number, module in enumerate(training.modules, start=1)),
        days=len(course.days),
    )
