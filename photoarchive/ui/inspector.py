"""The right-hand panel: preview, facts about the file, privacy findings, categories and press fields.

Works on one or several selected photos. With several, a field whose values differ is left empty with
"(several values)" shown; only fields the user changes are written, to every selected photo.
(Over 400 lines: the panel's parts share its selection, its load requests and what is being typed, which
the save, the conflict question and other desks' changes must all respect.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import Category, CategoryState, PhotoRecord
from photoarchive.media.press_text import parse_keywords
from photoarchive.ui.context import AppContext
from photoarchive.ui.privacy_words import PrivacyPanel, flags_in_words, panel_for, several_in_words
from photoarchive.ui.thumbnails import GRID, read_image, thumbnail_file

log = logging.getLogger(__name__)

PREVIEW_BOUND = QSize(640, 480)
# Records loaded to fill the fields when many photos are selected (Ctrl+A on 100,000 photos).
MAX_LOADED = 500
TEXT_FIELDS = ("case_number", "headline", "byline", "credit", "copyright")


@dataclass(frozen=True)
class Loaded:
    ids: tuple[int, ...]
    records: list[PhotoRecord]


def load_preview(
    home_thumbnails: Path, originals: Path, record: PhotoRecord, bound: QSize = PREVIEW_BOUND
) -> QImage:
    """The preview JPEG, made and kept on first view when ingest did not; failing that, the original
    decoded by Qt with EXIF orientation applied. Runs on a worker thread."""
    from photoarchive.media.analyse import ensure_preview

    original = originals / record.archive_path
    try:
        return read_image(ensure_preview(original, home_thumbnails, record.sha256), bound)
    except Exception:  # noqa: BLE001 — an unreadable preview falls back to Qt's own decoder
        log.warning("no preview for %s", record.archive_path, exc_info=True)
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(original))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _file_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def _privacy_status(originals: Path, record: PhotoRecord, name_places: bool | None = None):  # type: ignore[no-untyped-def]
    """Runs on a worker: the core's three-state answer (clean / found / could not be checked) and, unless
    it could not be checked, the panel's words. The town of a GPS position is named only when the town
    list is already loaded, unless asked: loading it takes seconds, and the panel should not wait."""
    from photoarchive import places
    from photoarchive.privacy_state import PrivacyState, check_original

    status = check_original(originals / record.archive_path, record.privacy_findings)
    if status.state is PrivacyState.UNCHECKED:
        return status, None
    named = places.loaded() if name_places is None else name_places
    if status.findings:
        panel = panel_for(status.findings, name_places=named)
    elif status.kinds:  # what ingest recorded, when no scan ran now
        panel = PrivacyPanel(identifying=flags_in_words(record), other=", ".join(status.kinds))
    else:
        panel = PrivacyPanel()
    return status, panel


class Inspector(QWidget):
    # Photo ids whose catalog rows changed (the grid refreshes those tiles).
    photosChanged = Signal(list)
    message = Signal(str)
    # After a check of the shown photos against the catalog (another desk's change): whether they changed.
    liveChecked = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[PhotoRecord] = []
        self.ids: list[int] = []
        self._request = 0
        self._loaded_request = 0
        self._writing = False
        # The open "changed on another desk" question, if any (tests drive it).
        self.conflict_dialog = None
        # The picture behind the preview panel, unscaled: the grid thumbnail until the preview arrives.
        self.preview_source: QPixmap | None = None
        self._build()
        self.show_photos([])

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(220)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.preview)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)

        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)

        privacy_box = QGroupBox(self.tr("Personal data in the original"))
        privacy_layout = QVBoxLayout(privacy_box)
        # First what identifies a person or a place, one line each; then the rest in one line; every
        # field behind "Show all fields".
        self.privacy = QLabel()
        self.privacy.setObjectName("privacy_identifying")
        self.privacy.setWordWrap(True)
        self.privacy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        privacy_layout.addWidget(self.privacy)
        self.privacy_other = QLabel()
        self.privacy_other.setObjectName("privacy_other")
        self.privacy_other.setWordWrap(True)
        privacy_layout.addWidget(self.privacy_other)
        self.privacy_toggle = QPushButton(self.tr("Show all fields"))
        self.privacy_toggle.setObjectName("privacy_show_all")
        self.privacy_toggle.setCheckable(True)
        self.privacy_toggle.setFlat(True)
        self.privacy_toggle.toggled.connect(self._toggle_privacy_details)
        privacy_layout.addWidget(self.privacy_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.privacy_details = QLabel()
        self.privacy_details.setObjectName("privacy_details")
        self.privacy_details.setWordWrap(True)
        self.privacy_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.privacy_details.hide()
        privacy_layout.addWidget(self.privacy_details)
        layout.addWidget(privacy_box)

        # Redaction of the one selected photo: its review state (case photos) and the editor.
        redaction_row = QHBoxLayout()
        self.redaction_state = QLabel()
        self.redaction_state.setObjectName("redaction_state")
        self.redaction_state.setWordWrap(True)
        self.redaction_button = QPushButton(self.tr("Redaction…"))
        self.redaction_button.setObjectName("open_redaction")
        self.redaction_button.setToolTip(
            self.tr("Hide faces, plates or documents in the published copy (Ctrl+Shift+R)")
        )
        self.redaction_button.clicked.connect(self.open_redaction)
        redaction_row.addWidget(self.redaction_state, 1)
        redaction_row.addWidget(self.redaction_button)
        self.redaction_box = QWidget()
        self.redaction_box.setLayout(redaction_row)
        self.redaction_box.hide()
        layout.addWidget(self.redaction_box)
        self.redaction_dialog = None
        self.privacy_box = privacy_box

        cat_box = QGroupBox(self.tr("Categories"))
        grid = QGridLayout(cat_box)
        self.category_rows: dict[Category, tuple[QLabel, QPushButton, QPushButton]] = {}
        names = {
            Category.PORTRAIT: self.tr("Portrait"),
            Category.CASE: self.tr("Case photo"),
            Category.MEDIA: self.tr("Media / high-res"),
        }
        for row, category in enumerate(Category):
            state = QLabel()
            confirm = QPushButton(self.tr("Confirm"))
            reject = QPushButton(self.tr("Reject"))
            state.setWordWrap(True)
            confirm.setObjectName(f"confirm_{category.value}")
            reject.setObjectName(f"reject_{category.value}")
            confirm.clicked.connect(lambda _=False, c=category: self.decide(c, CategoryState.CONFIRMED))
            reject.clicked.connect(lambda _=False, c=category: self.decide(c, CategoryState.REJECTED))
            name = QLabel(names[category])
            name.setStyleSheet("font-weight: bold;")
            grid.addWidget(name, 2 * row, 0)
            grid.addWidget(confirm, 2 * row, 1)
            grid.addWidget(reject, 2 * row, 2)
            grid.addWidget(state, 2 * row + 1, 0, 1, 3)
            self.category_rows[category] = (state, confirm, reject)
        layout.addWidget(cat_box)

        press_box = QGroupBox(self.tr("Press information"))
        form = QFormLayout(press_box)
        # Another desk saved the photo being edited here: said, never written over what is typed.
        self.changed_notice = QLabel()
        self.changed_notice.setObjectName("changed_elsewhere")
        self.changed_notice.setWordWrap(True)
        self.changed_notice.setStyleSheet(
            "background:#fdf0c9; color:#5a4200; padding:4px; border-radius:3px;"
        )
        self.changed_notice.hide()
        form.addRow(self.changed_notice)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {
            "case_number": self.tr("Case number"),
            "headline": self.tr("Headline"),
            "caption": self.tr("Caption"),
            "keywords": self.tr("Keywords"),
            "byline": self.tr("Byline"),
            "credit": self.tr("Credit"),
            "copyright": self.tr("Copyright"),
        }
        for name in ("case_number", "headline", "caption", "keywords", "byline", "credit", "copyright"):
            widget: QLineEdit | QPlainTextEdit
            if name == "caption":
                widget = QPlainTextEdit()
                widget.setFixedHeight(80)
                widget.setTabChangesFocus(True)
            else:
                widget = QLineEdit()
            if name == "keywords":
                widget.setToolTip(self.tr("Separate keywords with commas"))
            widget.setObjectName(name)
            form.addRow(labels[name], widget)
            self.edits[name] = widget
        buttons = QHBoxLayout()
        self.template_button = QPushButton(self.tr("Apply press template"))
        self.template_button.setToolTip(
            self.tr("Fill byline, credit and copyright from the press defaults in Settings")
        )
        self.template_button.clicked.connect(self.apply_template)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save the press information (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        layout.addWidget(press_box)
        layout.addStretch(1)
        self.editable = [cat_box, press_box]

    # -- showing --------------------------------------------------------------------------------

    def show_photos(self, ids: list[int]) -> None:
        """Show the given photos (loads them on a worker; a newer call wins over an older one)."""
        self._request += 1
        request = self._request
        self.changed_notice.hide()
        self.preview.clear()
        self.preview_source = None
        if not ids:
            self.records = []
            self.ids = []
            self.title.setText(self.tr("No photo selected"))
            self.facts.clear()
            self._clear_privacy()
            self.privacy_box.hide()
            self.redaction_box.hide()
            for widget in self.editable:
                widget.setEnabled(False)
            for edit in self.edits.values():
                self._set_text(edit, "", "")
            for state, _c, _r in self.category_rows.values():
                state.clear()
            return
        self.ids = list(ids)
        # The fields show the first photos' values; edits still go to every selected photo.
        ctx, wanted = self.ctx, self.ids[:MAX_LOADED]
        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.get_many(wanted),
            on_done=lambda records: self._loaded(request, records),
            on_error=lambda exc: self.message.emit(str(exc)),
        )

    def _loaded(self, request: int, records: list[PhotoRecord]) -> None:
        if request != self._request:
            return  # the selection moved on
        self._loaded_request = request
        self.records = records
        for widget in self.editable:
            widget.setEnabled(bool(records))
        if not records:
            self.title.setText(self.tr("No photo selected"))
            return
        if len(self.ids) == 1:
            self._show_one(request, records[0])
        else:
            self.title.setText(self.tr("%n photos selected", "", len(self.ids)))
            self.redaction_box.hide()
            self.facts.clear()
            self._clear_privacy()
            self.privacy_box.show()
            # From what ingest recorded for each photo: no file is read for a summary.
            summary = several_in_words(records)
            if len(records) < len(self.ids):
                summary += " " + self.tr("(of the first %n)", "", len(records))
            self.privacy.setText(summary)
            self.preview.setText(self.tr("%n photos selected", "", len(self.ids)))
        self._fill_fields()
        self._fill_categories()

    def _show_one(self, request: int, record: PhotoRecord) -> None:
        self.title.setText(record.original_name)
        lines = [
            self.tr("Size: %1 × %2 px, %3")
            .replace("%1", str(record.width))
            .replace("%2", str(record.height))
            .replace("%3", _file_size(record.size_bytes)),
            self.tr("Format: %1").replace("%1", record.format),
        ]
        if record.capture_time:
            lines.append(
                self.tr("Taken: %1").replace("%1", record.capture_time.strftime("%Y-%m-%d %H:%M:%S"))
            )
        camera = record.camera_model
        if record.camera_make and not camera.lower().startswith(record.camera_make.lower()):
            camera = f"{record.camera_make} {camera}".strip()
        if camera:
            lines.append(self.tr("Camera: %1").replace("%1", camera))
        if record.lens:
            lines.append(self.tr("Lens: %1").replace("%1", record.lens))
        if record.faces:
            lines.append(self.tr("Faces found: %1").replace("%1", str(record.faces)))
        lines.append(self.tr("Archived: %1").replace("%1", record.ingested_at.strftime("%Y-%m-%d %H:%M")))
        lines.append(self.tr("In archive: %1").replace("%1", record.archive_path))
        self.facts.setText("\n".join(lines))
        self.redaction_box.show()
        self._load_redaction_state(request, record)
        self.privacy_box.show()
        self._clear_privacy()
        self.privacy.setText(self.tr("Checking…"))
        originals = self.ctx.home.originals
        self.ctx.runner.submit(
            _privacy_status,
            originals,
            record,
            on_done=lambda result: self._privacy_status_loaded(request, result),
            on_error=lambda exc: self._privacy_loaded(
                request, PrivacyPanel(identifying=flags_in_words(record))
            ),
        )
        # The grid thumbnail (a few kB, already on disk) stands in until the sharp preview is ready, so
        # stepping through photos never flashes an empty panel.
        grid = read_image(thumbnail_file(self.ctx.home.thumbnails, record.sha256, GRID))
        if grid.isNull():
            self.preview_source = None
            self.preview.setText(self.tr("Loading preview…"))
        else:
            self.preview_source = QPixmap.fromImage(grid)
            self._rescale_preview()
        self.ctx.runner.submit(
            load_preview,
            self.ctx.home.thumbnails,
            originals,
            record,
            on_done=lambda image: self._preview_loaded(request, image),
            on_error=lambda exc: self._preview_loaded(request, QImage()),
        )

    def _load_redaction_state(self, request: int, record: PhotoRecord) -> None:
        """ "Redaction: needs review" / "confirmed by X" for case photos and photos with regions."""
        self.redaction_state.clear()
        ctx = self.ctx

        def work():  # type: ignore[no-untyped-def]
            from photoarchive.redaction.service import RedactionService

            service = RedactionService(ctx.catalog, ctx.home)
            if not record.has_category(Category.CASE) and not service.regions(record.id):
                return None
            return service.review_needed(record.id), service.review(record.id)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if request != self._request or result is None:
                return
            from photoarchive.ui.redaction_dialog import review_in_words

            self.redaction_state.setText(review_in_words(*result))

        ctx.runner.submit(work, on_done=done, on_error=lambda exc: self.message.emit(str(exc)))

    def open_redaction(self) -> None:
        """Photo → Redaction… (Ctrl+Shift+R): the redaction editor on the one selected photo."""
        if len(self.ids) != 1 or len(self.records) != 1:
            self.message.emit(self.tr("Select one photo to redact."))
            return
        from photoarchive.ui.redaction_dialog import RedactionDialog

        record = self.records[0]
        dialog = RedactionDialog(self.ctx, record, self)
        dialog.saved.connect(self._redaction_saved)
        self.redaction_dialog = dialog
        dialog.show()

    def _redaction_saved(self, photo_id: int) -> None:
        if self.ids == [photo_id] and self.records:
            self._load_redaction_state(self._request, self.records[0])
        self.photosChanged.emit([photo_id])

    def _clear_privacy(self) -> None:
        self.privacy.clear()
        self.privacy_other.clear()
        self.privacy_other.hide()
        self.privacy_details.clear()
        self.privacy_toggle.hide()

    def _toggle_privacy_details(self, shown: bool) -> None:
        self.privacy_details.setVisible(shown)
        self.privacy_toggle.setText(self.tr("Hide the fields") if shown else self.tr("Show all fields"))

    def _privacy_loaded(self, request: int, panel: PrivacyPanel) -> None:
        if request != self._request:
            return
        self.privacy_panel = panel
        if panel.place_pending and len(self.records) == 1:
            # Shown at once without the town; again with it once the town list is loaded.
            record = self.records[0]
            self.ctx.runner.submit(
                _privacy_status,
                self.ctx.home.originals,
                record,
                True,
                on_done=lambda result: self._privacy_status_loaded(request, result),
            )
        if panel.clean:
            self.privacy.setText(self.tr("No personal data found."))
            return
        lines = panel.identifying or [self.tr("Nothing that names a person or a place.")]
        self.privacy.setText(self.tr("Removed before anything is published:") + "\n• " + "\n• ".join(lines))
        self.privacy_other.setText(panel.other)
        self.privacy_other.setVisible(bool(panel.other))
        if panel.details:
            self.privacy_details.setText("\n".join(f"• {line}" for line in panel.details))
            self.privacy_toggle.show()
            self._toggle_privacy_details(self.privacy_toggle.isChecked())

    # -- safeguards (issue 10): three privacy states, never two --------------------------------------

    def _privacy_status_loaded(self, request: int, result) -> None:  # type: ignore[no-untyped-def]
        """Show the core's privacy state: "could not be checked" (with the reason) is never shown as
        "No personal data found"."""
        from photoarchive.privacy_state import PrivacyState
        from photoarchive.ui.set_words import unchecked_in_words

        if request != self._request:
            return
        status, panel = result
        if status.state is PrivacyState.UNCHECKED:
            reason = unchecked_in_words([r.value for r in status.reasons], status.detail)
            self.privacy.setText(
                self.tr(
                    "Could not be checked for personal data: %1. It is never published or exported."
                ).replace("%1", reason)
            )
            return
        self._privacy_loaded(request, panel)

    def _preview_loaded(self, request: int, image: QImage) -> None:
        if request != self._request:
            return
        if image.isNull():
            self.preview_source = None
            self.preview.setText(self.tr("No preview available"))
        else:
            self.preview_source = QPixmap.fromImage(image)
            self._rescale_preview()

    def _rescale_preview(self) -> None:
        pixmap = self.preview_source
        if pixmap is None or not self.records:
            return
        width = max(120, self.scroll.viewport().width() - 24)
        self.preview.setPixmap(
            pixmap.scaled(
                width, 320, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._rescale_preview()

    def _fill_fields(self) -> None:
        several = self.tr("(several values)")
        for name, edit in self.edits.items():
            values = {self._field_text(r, name) for r in self.records}
            text, placeholder = (values.pop(), "") if len(values) == 1 else ("", several)
            # A field that shows this already is left alone (its cursor stays where the user put it).
            if self._text(edit) != text or edit.placeholderText() != placeholder:
                self._set_text(edit, text, placeholder)
        self._shown = {name: self._text(edit) for name, edit in self.edits.items()}

    def _fill_categories(self) -> None:
        words = {
            CategoryState.SUGGESTED: self.tr("suggested"),
            CategoryState.CONFIRMED: self.tr("confirmed"),
            CategoryState.REJECTED: self.tr("rejected"),
        }
        sources = {
            "size": self.tr("by size"),
            "folder": self.tr("by folder or file name"),
            "face": self.tr("a face was found"),
            "file": self.tr("from the file"),
            "words": self.tr("by case words in the folder or file name"),
        }
        for category, (label, confirm, reject) in self.category_rows.items():
            states = {
                r.categories[category].state if category in r.categories else None for r in self.records
            }
            # A decision already taken on every selected photo needs no button.
            confirm.setEnabled(states != {CategoryState.CONFIRMED})
            reject.setEnabled(states != {CategoryState.REJECTED})
            if len(states) > 1:
                label.setText(self.tr("mixed"))
            else:
                state = next(iter(states))
                if state is None:
                    label.setText("—")
                else:
                    text = words[state]
                    if state is CategoryState.SUGGESTED and len(self.records) == 1:
                        source = self.records[0].categories[category].source
                        text += f" ({sources.get(source, source)})"
                    label.setText(text)
            font = label.font()
            font.setItalic(CategoryState.SUGGESTED in states)
            label.setFont(font)

    @staticmethod
    def _field_text(record: PhotoRecord, name: str) -> str:
        if name == "keywords":
            return ", ".join(record.keywords)
        return str(getattr(record, name))

    @staticmethod
    def _text(edit: QLineEdit | QPlainTextEdit) -> str:
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    @staticmethod
    def _set_text(edit: QLineEdit | QPlainTextEdit, text: str, placeholder: str) -> None:
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)
        edit.setPlaceholderText(placeholder)

    # -- editing --------------------------------------------------------------------------------

    def changes(self) -> dict[str, object]:
        """The fields the user changed since the photos were shown."""
        out: dict[str, object] = {}
        for name, edit in self.edits.items():
            text = self._text(edit)
            if text == getattr(self, "_shown", {}).get(name):
                continue
            if name == "keywords":
                out[name] = parse_keywords(text)
            else:
                out[name] = text.strip() if name != "caption" else text.rstrip()
        return out

    def has_unsaved_changes(self) -> bool:
        return bool(self.records) and bool(self.changes())

    def save(self, versions: dict[int, int] | None = None) -> None:
        """Write the changed fields. A photo another desk saved since it was shown here is not written
        over: the conflict question asks whether to reload theirs or keep these (`versions` then)."""
        changes = self.changes()
        if not self.records or not changes:
            return
        ids = list(self.ids)
        expected = {r.id: r.version for r in self.records} if versions is None else versions
        photos, actor = self.ctx.catalog.photos, self.ctx.actor
        self._write(
            lambda: photos.update_fields(ids, changes, actor=actor, expected_versions=expected),
            ids,
            on_conflict=lambda conflict: self._ask_conflict(conflict, expected),
        )

    def _ask_conflict(self, conflict, expected: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
        from photoarchive.ui.conflict_dialog import Choice, ConflictDialog

        name = next((r.original_name for r in self.records if r.id == conflict.target_id), "")
        dialog = ConflictDialog(conflict, self, subject=name if len(self.ids) > 1 else "")
        self.conflict_dialog = dialog

        def chosen(choice: str) -> None:
            self.conflict_dialog = None
            if choice == Choice.RELOAD.value:
                self.show_photos(list(self.ids))
            else:  # on top of the version they saved; another desk saving meanwhile asks again
                self.save({**expected, conflict.target_id: conflict.current_version})

        dialog.chosen.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "conflict_dialog", None))
        dialog.open()

    # -- another desk's changes (the shared catalog) ----------------------------------------------

    def live_refresh(self) -> None:
        """Compare the shown photos with the catalog: quietly show their new values where nothing was
        typed here; where something was, keep it and say who changed the photo (saving then asks)."""
        if not self.ids or self._writing or self._loaded_request != self._request or not self.records:
            return  # nothing shown, or a load or save on its way brings the news anyway
        request = self._request
        ctx, wanted = self.ctx, [r.id for r in self.records]
        known = {r.id: r.version for r in self.records}

        def work():  # type: ignore[no-untyped-def]
            from photoarchive.ui.conflict_dialog import changes_since

            records = ctx.catalog.photos.get_many(wanted)
            since = []
            for record in records:
                if record.version != known.get(record.id, record.version):
                    since += changes_since(ctx.catalog.events.for_photo(record.id), known[record.id])
            return records, since

        self.ctx.runner.submit(
            work,
            on_done=lambda result: self._live_loaded(request, *result),
            on_error=lambda exc: log.info("live check of the inspector failed: %s", exc),
        )

    def _live_loaded(self, request: int, records: list[PhotoRecord], since) -> None:  # type: ignore[no-untyped-def]
        if request != self._request or self._writing:
            return
        old = {r.id: r for r in self.records}
        moved = [r for r in records if r.id in old and r.version != old[r.id].version]
        categories = [r for r in records if r.id in old and r.categories != old[r.id].categories]
        if not moved and not categories and len(records) == len(self.records):
            self.liveChecked.emit(False)
            return
        typing = self.has_unsaved_changes()
        if not records and not typing:
            self.show_photos([])  # taken out of the archive on another desk
            self.liveChecked.emit(True)
            return
        if typing:
            # Nothing is put over what is being typed: the records keep the versions shown (so saving
            # asks whose text stays); the categories (buttons, no typing) follow at once.
            if moved:
                from photoarchive.ui.conflict_dialog import conflict_in_words

                self.changed_notice.setText(
                    conflict_in_words(since, "photo")
                    + " "
                    + self.tr("What you typed is kept; when you save, you choose whose version stays.")
                )
                self.changed_notice.show()
            fresh = {r.id: r for r in records}
            self.records = [
                replace(r, categories=fresh[r.id].categories) if r.id in fresh else r for r in self.records
            ]
        else:
            self.records = records
            self._fill_fields()
        self._fill_categories()
        self.liveChecked.emit(True)

    def apply_template(self) -> None:
        press = self.ctx.settings.press
        for name, value in (
            ("byline", press.byline),
            ("credit", press.credit),
            ("copyright", press.copyright),
        ):
            self._set_text(self.edits[name], value, "")
        self.save()

    def decide(self, category: Category, state: CategoryState) -> None:
        if not self.records:
            return
        if len(self.ids) > 1:
            verb = self.tr("Confirm") if state is CategoryState.CONFIRMED else self.tr("Reject")
            answer = QMessageBox.question(
                self,
                verb,
                self.tr("Apply to all %n selected photos?", "", len(self.ids)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ids = list(self.ids)
        photos = self.ctx.catalog.photos
        self._write(lambda: photos.set_category(ids, category, state, actor=self.ctx.actor), ids)

    def _write(self, action, ids: list[int], on_conflict=None) -> None:  # type: ignore[no-untyped-def]
        from photoarchive.catalog.conflicts import EditConflict

        self.setEnabled(False)
        self._writing = True

        def done(_result: object) -> None:
            self._writing = False
            self.setEnabled(True)
            self.photosChanged.emit(ids)
            self.show_photos(ids)

        def failed(exc: BaseException) -> None:
            self._writing = False
            self.setEnabled(True)
            if isinstance(exc, EditConflict) and on_conflict is not None:
                on_conflict(exc)
                return
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))

        self.ctx.runner.submit(action, on_done=done, on_error=failed)
