"""A worker filling a fillable form in LibreOffice, run by the system Python (the one that has `uno`).

Usage: python3 libreoffice_fill.py PROFILE_DIR SOURCE.docx TARGET.docx PLAN.json REPORT.json

PLAN holds `type` ({tag: text}: typed into text and date controls as a worker types, the placeholder selected
as a click selects it, then the keys), `choose` ({tag: shown text}) and `tick` ([tag]), set through the API as
LibreOffice's own drop-down and checkbox do, and `labels` ([the start of a label]): `into_labels` typed at the
start of each of those labels, which forms protection must refuse. The filled form is saved as Word does, and REPORT
says what each label and each typed control holds afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generator"))

from uno_export import end_office, open_office, property_value


def main(profile: Path, source: Path, target: Path, plan_file: Path, report_file: Path) -> int:
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    office, context = open_office(profile)
    try:
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        document = desktop.loadComponentFromURL(source.as_uri(), "_blank", 0, ())
        controls, paragraphs = _controls_and_paragraphs(document)
        typist = _Typist(document, dispatcher)
        report: dict[str, dict[str, str]] = {"labels": {}, "typed": {}}
        for start in plan["labels"]:
            label = next(paragraph for paragraph in paragraphs if paragraph.getString().startswith(start))
            typist.type_at(label.getStart(), plan["into_labels"])
            report["labels"][start] = label.getString()
        for tag, text in plan["type"].items():
            typist.type_over(controls[tag], text)
            report["typed"][tag] = controls[tag].getAnchor().getString()
        for tag, shown in plan["choose"].items():
            _content(document, controls[tag]).setString(shown)
            controls[tag].ShowingPlaceHolder = False
        for tag in plan["tick"]:
            controls[tag].Checked = True
            _content(document, controls[tag]).setString(controls[tag].CheckedState)
        document.storeToURL(target.as_uri(), (property_value("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        report_file.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        desktop.terminate()
    finally:
        end_office(office)
    return 0


def _controls_and_paragraphs(document: Any) -> tuple[dict[str, Any], list[Any]]:
    """The content controls by tag, and the paragraphs of the body that hold none (the labels)."""
    controls: dict[str, Any] = {}
    paragraphs = []
    for paragraph in document.getText().createEnumeration():
        if not paragraph.supportsService("com.sun.star.text.Paragraph"):
            continue
        found = [
            part.ContentControl for part in paragraph.createEnumeration() if part.TextPortionType == "ContentControl"
        ]
        controls.update({control.Tag: control for control in found})
        if not found:
            paragraphs.append(paragraph)
    return controls, paragraphs


def _content(document: Any, control: Any) -> Any:
    """A text cursor over what the control holds, inside its boundaries."""
    anchor = control.getAnchor()
    cursor = document.getText().createTextCursorByRange(anchor.getStart())
    cursor.goRight(1, False)
    cursor.goRight(len(anchor.getString()), True)
    return cursor


class _Typist:
    """Keys typed through LibreOffice's own command, where the view cursor stands, as from a keyboard."""

    def __init__(self, document: Any, dispatcher: Any) -> None:
        self.document = document
        self.frame = document.getCurrentController().getFrame()
        self.cursor = document.getCurrentController().getViewCursor()
        self.dispatcher = dispatcher

    def type_at(self, place: Any, text: str) -> None:
        self.cursor.gotoRange(place, False)
        self._keys(text)

    def type_over(self, control: Any, text: str) -> None:
        """The control's content selected, as clicking into a control that shows its placeholder selects it."""
        self.cursor.gotoRange(_content(self.document, control), False)
        self._keys(text)

    def _keys(self, text: str) -> None:
        self.dispatcher.executeDispatch(self.frame, ".uno:InsertText", "", 0, (property_value("Text", text),))


if __name__ == "__main__":
    sys.exit(main(*(Path(argument) for argument in sys.argv[1:6])))
