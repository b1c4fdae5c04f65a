"""Two desks saved the same photo or set: who changed which fields and when, in the user's language, and
the choice between their version and one's own ("Reload theirs" / "Keep mine (overwrite)").

The core's `EditConflict` (catalog/conflicts.py) carries the facts; this module puts them in words and
asks. Nothing typed is thrown away unless the user chooses "Reload theirs".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from photoarchive.catalog.conflicts import ChangeSince, EditConflict

_CONTEXT = "ConflictWords"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _field_words() -> dict[str, str]:
    return {
        "caption": _tr(QT_TRANSLATE_NOOP("ConflictWords", "caption")),
        "keywords": _tr(QT_TRANSLATE_NOOP("ConflictWords", "keywords")),
        "headline": _tr(QT_TRANSLATE_NOOP("ConflictWords", "headline")),
        "byline": _tr(QT_TRANSLATE_NOOP("ConflictWords", "byline")),
        "credit": _tr(QT_TRANSLATE_NOOP("ConflictWords", "credit")),
        "copyright": _tr(QT_TRANSLATE_NOOP("ConflictWords", "copyright")),
        "case_number": _tr(QT_TRANSLATE_NOOP("ConflictWords", "case number")),
        "title": _tr(QT_TRANSLATE_NOOP("ConflictWords", "title")),
        "description": _tr(QT_TRANSLATE_NOOP("ConflictWords", "description")),
        "visibility": _tr(QT_TRANSLATE_NOOP("ConflictWords", "visibility")),
        "licence_id": _tr(QT_TRANSLATE_NOOP("ConflictWords", "licence")),
        "tags": _tr(QT_TRANSLATE_NOOP("ConflictWords", "tags")),
        "group_id": _tr(QT_TRANSLATE_NOOP("ConflictWords", "group pool")),
        "cover_photo_id": _tr(QT_TRANSLATE_NOOP("ConflictWords", "cover")),
    }


def listed(words: Sequence[str]) -> str:
    """Words joined the way the language does it: a; a and b; a, b and c."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return (
        _tr(QT_TRANSLATE_NOOP("ConflictWords", "%1 and %2"))
        .replace("%1", ", ".join(words[:-1]))
        .replace("%2", words[-1])
    )


def local_time(at: datetime | None, today: date | None = None) -> str:
    """The catalog's naive-UTC time as the user's clock shows it: "14:02", with the date when not today."""
    if at is None:
        return "—"
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    here = aware.astimezone()
    if here.date() == (today or datetime.now().astimezone().date()):
        return here.strftime("%H:%M")
    return here.strftime("%Y-%m-%d %H:%M")


def change_in_words(change: ChangeSince, kind: str) -> str:
    """ "Kari changed caption and keywords at 14:02" (a photo) / "Kari changed this set (Submitted) at 14:02"."""
    if kind == "set":
        from photoarchive.ui.set_words import action_in_words

        what = listed([_field_words().get(f) or action_in_words(f) for f in change.fields])
    else:
        words = _field_words()
        what = listed([words.get(f, f) for f in change.fields])
    when = local_time(change.at)
    if kind == "set":
        text = (
            _tr(QT_TRANSLATE_NOOP("ConflictWords", "%1 changed this set (%2) at %3"))
            if what
            else _tr(QT_TRANSLATE_NOOP("ConflictWords", "%1 changed this set at %3"))
        )
    else:
        text = (
            _tr(QT_TRANSLATE_NOOP("ConflictWords", "%1 changed %2 at %3"))
            if what
            else _tr(QT_TRANSLATE_NOOP("ConflictWords", "%1 changed this photo at %3"))
        )
    return text.replace("%1", change.actor).replace("%2", what).replace("%3", when)


def conflict_in_words(changes: Sequence[ChangeSince], kind: str) -> str:
    """What happened while the user was editing, one sentence per change (the latest three)."""
    if not changes:
        return _tr(
            QT_TRANSLATE_NOOP("ConflictWords", "Someone on another desk saved this while you were editing.")
        )
    shown = list(changes)[-3:]
    sentences = [change_in_words(c, kind) for c in shown]
    return "; ".join(sentences) + " " + _tr(QT_TRANSLATE_NOOP("ConflictWords", "while you were editing."))


class Choice(StrEnum):
    RELOAD = "reload"  # take theirs: what was typed here is dropped
    KEEP_MINE = "keep_mine"  # save again on top of their version


class ConflictDialog(QMessageBox):
    """Non-modal question (opened with `open()`): `chosen(Choice)` follows a click; closing it with Esc
    chooses nothing, and what was typed stays in the fields."""

    chosen = Signal(str)

    def __init__(self, conflict: EditConflict, parent: QWidget | None = None, *, subject: str = ""):
        super().__init__(parent)
        self.setObjectName("edit_conflict")
        self.conflict = conflict
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed on another desk"))
        heading = conflict_in_words(conflict.changes, conflict.kind)
        if subject:
            heading = f"{subject}: {heading}"
        self.setText(heading)
        self.setInformativeText(
            self.tr(
                "Reload theirs shows their version (what you typed is dropped). Keep mine saves your "
                "version on top of theirs."
            )
        )
        self.reload_button: QPushButton = self.addButton(
            self.tr("Reload theirs"), QMessageBox.ButtonRole.RejectRole
        )
        self.reload_button.setObjectName("reload_theirs")
        self.keep_button: QPushButton = self.addButton(
            self.tr("Keep mine (overwrite)"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button.setObjectName("keep_mine")
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.keep_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:  # type: ignore[no-untyped-def]
        if button is self.reload_button:
            self.chosen.emit(Choice.RELOAD.value)
        elif button is self.keep_button:
            self.chosen.emit(Choice.KEEP_MINE.value)


def changes_since(events: Sequence, version: int) -> list[ChangeSince]:  # type: ignore[type-arg]
    """Who saved a photo after the version shown here, from its `edited` events (core PhotoEvent rows)."""
    return [
        ChangeSince(e.actor, e.at, tuple(sorted((e.detail or {}).get("after", {}))))
        for e in events
        if e.kind == "edited" and int((e.detail or {}).get("version", 0)) > version
    ]
