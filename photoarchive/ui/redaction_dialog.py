"""Photo → Redaction…: one photo's preview in the redaction editor, with the face search, the fill of new
(or the selected) regions, Save, and the review ("Regions confirmed" / "Nothing to redact").

Everything that touches the catalog or the original runs on the window's workers (the face search is
seconds of CPU); the editor itself (ui/redaction_editor.py) only edits regions in memory until Save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import PhotoRecord
from photoarchive.redaction.model import Fill, Review, ReviewState
from photoarchive.redaction.service import RedactionService
from photoarchive.ui.context import AppContext
from photoarchive.ui.person_picker import PersonPicker, consent_in_words
from photoarchive.ui.redaction_editor import RedactionEditor


def review_in_words(needed: bool, review: Review | None) -> str:
    """The inspector's and the dialog's line on a photo's redaction review."""
    if needed:
        return QCoreApplication.translate("RedactionDialog", "Redaction: needs review")
    if review is None:
        return QCoreApplication.translate("RedactionDialog", "Redaction: nothing recorded")
    if review.state is ReviewState.CONFIRMED:
        return QCoreApplication.translate("RedactionDialog", "Redaction: regions confirmed by %1").replace(
            "%1", review.actor
        )
    return QCoreApplication.translate(
        "RedactionDialog", "Redaction: nothing to redact (checked by %1)"
    ).replace("%1", review.actor)


class RedactionDialog(QDialog):
    # The photo's regions or review were written (the inspector and the grid refresh it).
    saved = Signal(int)

    def __init__(self, ctx: AppContext, record: PhotoRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.photo_id = record.id
        self.setObjectName("redaction_dialog")
        self.setWindowTitle(self.tr("Redaction: %1").replace("%1", record.original_name))
        self.resize(900, 700)
        self._dirty = False
        self._stored: list = []  # the regions as last read from the catalog
        self._busy = 0

        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Drag on the photo to draw a region to hide. Delete removes the selected region. "
                "The published copy is made with these regions burnt in; the original is never changed."
            )  # fmt: skip
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = RedactionEditor(self)
        self.editor.setObjectName("redaction_editor")
        self.editor.regionsChanged.connect(self._edited)
        self.editor.selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.editor, 1)

        tools = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find faces"))
        self.find_button.setObjectName("find_faces")
        self.find_button.setToolTip(
            self.tr("Search the full-size original for faces and add them as regions.")
        )
        self.find_button.clicked.connect(self.find_faces)
        tools.addWidget(self.find_button)
        tools.addWidget(QLabel(self.tr("Fill:")))
        self.fill = QComboBox()
        self.fill.setObjectName("redaction_fill")
        self.fill.addItem(self.tr("Box"), Fill.BOX)
        self.fill.addItem(self.tr("Mosaic"), Fill.MOSAIC)
        self.fill.setToolTip(self.tr("The fill of new regions and of the selected one."))
        self.fill.currentIndexChanged.connect(self._fill_chosen)
        tools.addWidget(self.fill)
        self.this_is_button = QPushButton(self.tr("This is…"))
        self.this_is_button.setObjectName("redaction_this_is")
        self.this_is_button.setToolTip(
            self.tr("Say who the selected box shows: links the person to the photo (for their consent).")
        )
        self.this_is_button.clicked.connect(self.this_is)
        tools.addWidget(self.this_is_button)
        tools.addStretch(1)
        self.count_label = QLabel()
        tools.addWidget(self.count_label)
        layout.addLayout(tools)

        self.state_label = QLabel()
        self.state_label.setObjectName("redaction_state")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.people_label = QLabel()
        self.people_label.setObjectName("redaction_people")
        self.people_label.setWordWrap(True)
        layout.addWidget(self.people_label)
        self.person_picker: PersonPicker | None = None
        self.message = QLabel()
        self.message.setObjectName("redaction_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("redaction_save")
        self.save_button.clicked.connect(self.save)
        self.confirm_button = QPushButton(self.tr("Regions confirmed"))
        self.confirm_button.setObjectName("redaction_confirm")
        self.confirm_button.setToolTip(self.tr("Save, and record that you checked every region."))
        self.confirm_button.clicked.connect(self.confirm)
        self.nothing_button = QPushButton(self.tr("Nothing to redact"))
        self.nothing_button.setObjectName("redaction_nothing")
        self.nothing_button.setToolTip(self.tr("Record that this photo shows nothing that must be hidden."))
        self.nothing_button.clicked.connect(self.nothing_to_redact)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.confirm_button, self.nothing_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._update_buttons()
        self.load()

    # -- loading ----------------------------------------------------------------------------------

    def service(self) -> RedactionService:
        return RedactionService(self.ctx.catalog, self.ctx.home)

    def load(self) -> None:
        """The preview (as displayed) and the stored regions and review, on a worker."""
        from photoarchive.ui.inspector import load_preview

        ctx, record = self.ctx, self.record
        self._start()
        ctx.runner.submit(
            load_preview,
            ctx.home.thumbnails,
            ctx.home.originals,
            record,
            on_done=self._preview_loaded,
            on_error=lambda _exc: self._preview_loaded(QImage()),
        )
        self._run(lambda service: None)
        self._people_job(lambda people: None)

    def _preview_loaded(self, image: QImage) -> None:
        self._finish()
        if image.isNull():
            self.message.setText(self.tr("No preview available"))
        else:
            self.editor.set_image(image)

    def _start(self) -> None:
        self._busy += 1
        self._update_buttons()

    def _finish(self) -> None:
        self._busy = max(0, self._busy - 1)
        self._update_buttons()

    def _run(self, work, done_text="", *, written: bool = False) -> None:  # type: ignore[no-untyped-def]
        """`work(service)` on a worker, then the stored regions and review read back into the dialog."""
        photo_id = self.photo_id

        def job():  # type: ignore[no-untyped-def]
            service = self.service()
            work(service)
            return service.regions(photo_id), service.review_needed(photo_id), service.review(photo_id)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self._finish()
            regions, needed, review = result
            self.editor.set_regions(regions)
            self._stored = list(regions)
            self._dirty = False
            self.state_label.setText(review_in_words(needed, review))
            self.message.setText(done_text() if callable(done_text) else done_text)
            self.message.setStyleSheet("")
            self._update_buttons()
            if written:
                self.saved.emit(photo_id)

        self._start()
        self.ctx.runner.submit(job, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.message.setText(self.problem(exc))
        self.message.setStyleSheet("color: #b00020;")

    def problem(self, exc: BaseException) -> str:
        code = getattr(exc, "code", "")
        if code == "redaction.nothing_to_confirm":
            return self.tr("There are no regions to confirm; use “Nothing to redact” instead.")
        if code == "redaction.has_regions":
            return self.tr("The photo has regions: remove them first, or confirm them.")
        if code == "redaction.invalid_region":
            return self.tr("A region is outside the picture or has no area.")
        if code.startswith("people."):  # linking a person ("This is…")
            from photoarchive.ui.people_words import error_in_words

            return error_in_words(code, getattr(exc, "params", {}), str(exc))
        return self.tr("Could not save the redaction: %1").replace("%1", str(exc))

    # -- editing ----------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._dirty = self.editor.regions() != self._stored
        self.message.setText(self.tr("Not saved yet.") if self._dirty else "")
        self.message.setStyleSheet("")
        self._update_buttons()

    def _selection_changed(self, index: int) -> None:
        self._update_buttons()
        if 0 <= index < len(self.editor.regions()):
            fill = self.editor.regions()[index].fill
            self.fill.blockSignals(True)
            self.fill.setCurrentIndex(max(0, self.fill.findData(fill)))
            self.fill.blockSignals(False)

    def _fill_chosen(self, _index: int) -> None:
        fill = Fill(self.fill.currentData())
        self.editor.new_fill = fill
        if self.editor.selected_index() >= 0:
            self.editor.set_selected_fill(fill)

    def _update_buttons(self) -> None:
        idle = self._busy == 0
        has_regions = bool(self.editor.regions())
        self.count_label.setText(self.tr("%n region(s)", "", len(self.editor.regions())))
        self.find_button.setEnabled(idle)
        self.save_button.setEnabled(idle and self._dirty)
        self.confirm_button.setEnabled(idle and has_regions)
        self.nothing_button.setEnabled(idle and not has_regions)
        # A box is named once it is stored (it has an id the link can point at): save first.
        selected = self.editor.selected_index()
        region = self.editor.regions()[selected] if 0 <= selected < len(self.editor.regions()) else None
        self.this_is_button.setEnabled(
            idle and not self._dirty and region is not None and region.id is not None
        )

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # -- commands ---------------------------------------------------------------------------------

    def _save_then(self, then=None, done_text="") -> None:  # type: ignore[no-untyped-def]
        """Store the editor's regions (when edited), then `then(service)`, in one worker job."""
        regions, dirty, photo_id, actor = self.editor.regions(), self._dirty, self.photo_id, self.ctx.actor

        def work(service: RedactionService) -> None:
            if dirty:
                service.replace_all(photo_id, regions, actor)
            if then is not None:
                then(service)

        self._run(work, done_text, written=True)

    def save(self) -> None:
        self._save_then(done_text=self.tr("Saved."))

    def confirm(self) -> None:
        photo_id, actor = self.photo_id, self.ctx.actor
        self._save_then(lambda s: s.confirm(photo_id, actor), self.tr("Saved; the regions are confirmed."))

    def nothing_to_redact(self) -> None:
        photo_id, actor = self.photo_id, self.ctx.actor
        self._save_then(
            lambda s: s.nothing_to_redact(photo_id, actor), self.tr("Recorded: nothing to redact.")
        )

    def find_faces(self) -> None:
        """The face search on the full-size original (seconds of CPU, on a worker); unsaved edits are
        saved first so the search adds to them."""
        photo_id = self.photo_id
        found: list[int] = []

        def search(service: RedactionService) -> None:
            found.append(len(service.detect(photo_id)))

        self.message.setText(self.tr("Searching for faces…"))
        self.message.setStyleSheet("")
        self._save_then(search, lambda: self.tr("%n new face(s) found.", "", found[0] if found else 0))

    # -- who is in the photo ---------------------------------------------------------------------

    def people_service(self):  # type: ignore[no-untyped-def]
        from photoarchive.people.service import PeopleService

        return PeopleService.for_home(
            self.ctx.catalog, self.ctx.home, self.ctx.settings, actor=self.ctx.actor
        )

    def _people_job(self, work, done_text="") -> None:  # type: ignore[no-untyped-def]
        """`work(people service)` on a worker, then the people linked to the photo shown."""
        photo_id = self.photo_id

        def job():  # type: ignore[no-untyped-def]
            people = self.people_service()
            work(people)
            return people.people_in_photo(photo_id)

        def done(found) -> None:  # type: ignore[no-untyped-def]
            self._finish()
            self.people_label.setText(
                self.tr("In this photo: %1").replace(
                    "%1", "; ".join(f"{p.name} — {consent_in_words(c)}" for p, c in found)
                )
                if found
                else ""
            )
            text = done_text() if callable(done_text) else done_text
            if text:
                self.message.setText(text)
                self.message.setStyleSheet("")

        self._start()
        self.ctx.runner.submit(job, on_done=done, on_error=self._failed)

    def this_is(self) -> None:
        """Ask who the selected box shows (the register's people, on a worker), then link them."""
        index = self.editor.selected_index()
        regions = self.editor.regions()
        if not 0 <= index < len(regions) or regions[index].id is None:
            return
        region_id = regions[index].id

        def everyone():  # type: ignore[no-untyped-def]
            people = self.people_service()
            consents = self.ctx.catalog.people.consents()
            return [(p, consents.get(p.id)) for p in people.list()]

        def ask(found) -> None:  # type: ignore[no-untyped-def]
            self._finish()
            picker = PersonPicker(found, self.tr("This is…"), self)
            picker.accepted.connect(lambda: self._picked(picker, region_id))
            self.person_picker = picker
            picker.open()

        self._start()
        self.ctx.runner.submit(everyone, on_done=ask, on_error=self._failed)

    def _picked(self, picker: PersonPicker, region_id: int) -> None:
        person_id, new_name, photo_id = picker.chosen_id(), picker.new_name(), self.photo_id
        named: list[str] = []

        def link(people) -> None:  # type: ignore[no-untyped-def]
            person = people.add(new_name) if new_name else people.find(person_id)
            people.link_region(person.id, photo_id, region_id)
            named.append(person.name)

        self._people_job(
            link, lambda: self.tr("%1 is linked to this photo.").replace("%1", named[0] if named else "")
        )

    def reject(self) -> None:
        # Closing with unsaved regions would lose them silently: keep what was drawn.
        if self._dirty and self._busy == 0:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                self.tr("Unsaved regions"),
                self.tr("Save the regions before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
        super().reject()
