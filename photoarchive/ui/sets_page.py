"""The Sets view: create sets, add photos (drag from the grid or the "Add to set" action), order them,
choose the cover, visibility and licence; submit, approve (after seeing what will be published and what
will be stripped) and revoke; the set's audit trail. Everything goes through `photoarchive.sets.SetService`.
(Over 400 lines: one page whose list, details, photos and workflow buttons follow the one shown set.)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from photoarchive.media.press_text import parse_keywords
from photoarchive.sets.errors import ApprovalRefused, SetError
from photoarchive.sets.model import LICENCES, AuditEntry, Visibility
from photoarchive.sets.service import Allowed, ApprovalCheck, SetService, SetView
from photoarchive.ui.approval_dialog import ApprovalDialog
from photoarchive.ui.context import AppContext
from photoarchive.ui.photo_model import PHOTO_IDS_MIME, PhotoListModel, photo_ids_from_mime
from photoarchive.ui.set_words import (
    action_in_words,
    audit_detail_in_words,
    audit_ids,
    describe,
    licence_in_words,
    view_state_in_words,
)
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.tile_delegate import THUMB, TILE, TileDelegate

log = logging.getLogger(__name__)


def _state_text(view: SetView) -> str:
    return view_state_in_words(view)


class _SetList(QListWidget):
    """The list of sets; photos dragged from the grid onto a set are added to it."""

    photosDropped = Signal(int, list)  # set id, photo ids

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasFormat(PHOTO_IDS_MIME) and self.itemAt(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = self.itemAt(event.position().toPoint())
        ids = photo_ids_from_mime(event.mimeData())
        if item is not None and ids:
            self.photosDropped.emit(item.data(Qt.ItemDataRole.UserRole), ids)
            event.acceptProposedAction()


class _SetPhotoView(QListView):
    """A set's photos as tiles; dragging tiles reorders the set (the buttons do the same by keyboard)."""

    photosDropped = Signal(list, int)  # photo ids, the row they are dropped before

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)

    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at ``pos`` lands before: the tile under it, or the next one when the drop is on
        the tile's right half; after the last tile when no tile is there."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.x() > rect.center().x() else 0)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasFormat(PHOTO_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    # Anywhere over the view is a place to drop (after the last tile when not over one).
    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        ids = photo_ids_from_mime(event.mimeData())
        if not ids:
            event.ignore()
            return
        # The page changes the catalog and reloads; the view's own item move must not happen as well.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.photosDropped.emit(ids, self.drop_row(event.position().toPoint()))


class SetsPage(QWidget):
    setsChanged = Signal()
    message = Signal(str)
    # Emitted after each finished action (for tests): the name of the action.
    actionDone = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: SetView | None = None
        # The shown set's row version: a save on an older copy is refused (another desk saved since).
        self.current_version: int | None = None
        self.conflict_dialog = None
        # The open approval dialog, if any (tests drive it).
        self.approval_dialog: ApprovalDialog | None = None
        self._build()

    def service(self) -> SetService:
        return SetService.for_home(self.ctx.catalog, self.ctx.home, self.ctx.settings, actor=self.ctx.actor)

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        splitter = QSplitter()
        outer.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.set_list = _SetList()
        self.set_list.setObjectName("set_list")
        self.set_list.currentItemChanged.connect(self._set_chosen)
        self.set_list.photosDropped.connect(self.add_photos)
        left_layout.addWidget(QLabel(self.tr("Sets (drop photos on a set to add them)")))
        left_layout.addWidget(self.set_list, 1)
        new_button = QPushButton(self.tr("New set…"))
        new_button.setObjectName("new_set")
        new_button.clicked.connect(self._ask_new_set)
        left_layout.addWidget(new_button)
        splitter.addWidget(left)

        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.state_label = QLabel()
        self.state_label.setObjectName("set_state")
        layout.addWidget(self.state_label)

        details = QGroupBox(self.tr("Album on Flickr"))
        form = QFormLayout(details)
        self.title_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(60)
        self.visibility = QComboBox()
        self.visibility.setObjectName("visibility")
        for value, label in (
            (Visibility.PRIVATE, self.tr("Private")),
            (Visibility.FRIENDS, self.tr("Friends")),
            (Visibility.FAMILY, self.tr("Family")),
            (Visibility.PUBLIC, self.tr("Public")),
        ):
            self.visibility.addItem(label, value.value)
        self.licence = QComboBox()
        for licence_id, name in LICENCES.items():
            self.licence.addItem(licence_in_words(licence_id, name), licence_id)
        self.tags_edit = QLineEdit()
        self.tags_edit.setToolTip(self.tr("Separate tags with commas"))
        self.group_edit = QLineEdit()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Visibility"), self.visibility)
        form.addRow(self.tr("Licence"), self.licence)
        form.addRow(self.tr("Tags"), self.tags_edit)
        form.addRow(self.tr("Group pool"), self.group_edit)
        save_details = QPushButton(self.tr("Save album details"))
        save_details.setObjectName("save_set_details")
        save_details.clicked.connect(lambda: self.save_details())
        form.addRow("", save_details)
        layout.addWidget(details)

        self.thumbnails = ThumbnailCache(self.ctx.home.thumbnails, THUMB, parent=self)
        self.photos = PhotoListModel(self.thumbnails, self)
        self.photos.shows_one_set = True
        self.photo_view = _SetPhotoView()
        self.photo_view.setObjectName("set_photos")
        self.photo_view.photosDropped.connect(self.drop_photos)
        self.photo_view.setViewMode(QListView.ViewMode.IconMode)
        self.photo_view.setMovement(QListView.Movement.Static)
        self.photo_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_view.setUniformItemSizes(True)
        self.photo_view.setGridSize(QSize(TILE.width() + 4, TILE.height() + 4))
        self.photo_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.photo_view.setItemDelegate(TileDelegate(self.photo_view))
        self.photo_view.setModel(self.photos)
        self.photo_view.setMinimumHeight(TILE.height() + 30)
        layout.addWidget(self.photo_view, 1)
        layout.addWidget(QLabel(self.tr("Drag the photos into the order the album should have.")))

        photo_buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Move earlier"), lambda: self.move_selected(-1), "move_earlier"),
            (self.tr("Move later"), lambda: self.move_selected(1), "move_later"),
            (self.tr("Make cover"), self.make_cover, "make_cover"),
            (self.tr("Remove from set"), self.remove_selected, "remove_from_set"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        layout.addLayout(photo_buttons)

        workflow = QHBoxLayout()
        self.submit_button = QPushButton(self.tr("Submit for approval"))
        self.submit_button.setObjectName("submit_set")
        self.submit_button.clicked.connect(self.submit)
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.approve_button.setObjectName("approve_set")
        self.approve_button.clicked.connect(self.approve)
        self.revoke_button = QPushButton(self.tr("Revoke approval"))
        self.revoke_button.setObjectName("revoke_set")
        self.revoke_button.clicked.connect(self.revoke)
        for button in (self.submit_button, self.approve_button, self.revoke_button):
            workflow.addWidget(button)
        workflow.addStretch(1)
        layout.addLayout(workflow)

        audit_box = QGroupBox(self.tr("History"))
        audit_layout = QVBoxLayout(audit_box)
        self.audit = QTableWidget(0, 4)
        self.audit.setObjectName("audit")
        self.audit.setHorizontalHeaderLabels(
            [self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.audit.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.audit.verticalHeader().hide()
        self.audit.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit.setMaximumHeight(160)
        audit_layout.addWidget(self.audit)
        layout.addWidget(audit_box)
        splitter.addWidget(right)
        splitter.setSizes([240, 700])
        self.detail_widgets = [
            details,
            self.photo_view,
            self.submit_button,
            self.approve_button,
            self.revoke_button,
        ]
        self._show_view(None)

    # -- reading --------------------------------------------------------------------------------

    def sidebar_entries(self) -> list[tuple[int, str]]:
        """(id, "title (state)") for the sidebar; called on a worker thread, touches no widget."""
        return [(v.photo_set.id, f"{v.photo_set.title} ({_state_text(v)})") for v in self.service().views()]

    def show_set(self, set_id: int | None, after: str = "loaded") -> None:
        """Reload the list of sets and show one (or the first); `actionDone(after)` follows."""

        def load():  # type: ignore[no-untyped-def]
            service = self.service()
            views = service.views()
            chosen = next((v for v in views if v.photo_set.id == set_id), views[0] if views else None)
            version = service.catalog.sets.version_of(chosen.photo_set.id) if chosen is not None else None
            return views, chosen, self._detail(chosen), version

        self.ctx.runner.submit(
            load, on_done=lambda result: self._loaded(result, after), on_error=self._failed
        )

    def _detail(self, view: SetView | None):  # type: ignore[no-untyped-def]
        if view is None:
            return [], [], None, {}
        summaries = self.ctx.catalog.photos.summaries_for(view.photo_set.photo_ids)
        audit = self.ctx.catalog.sets.audit_entries(target_kind="set", target_id=view.photo_set.id)
        # The history names photos by file name, not by catalog id.
        ids = sorted({i for entry in audit for i in audit_ids(entry.detail)})
        names = {r.id: r.original_name for r in self.ctx.catalog.photos.get_many(ids)} if ids else {}
        return summaries, audit, self.service().allowed(view), names

    def _loaded(self, result, after: str) -> None:  # type: ignore[no-untyped-def]
        views, chosen, (summaries, audit, allowed, names), self.current_version = result
        # A refresh for another desk's change must not take back what was typed meanwhile.
        same = (
            chosen is not None
            and self.current is not None
            and chosen.photo_set.id == self.current.photo_set.id
        )
        typed = self._details() if after == "live" and same and self.details_changed() else None
        self.set_list.blockSignals(True)
        self.set_list.clear()
        for view in views:
            item = QListWidgetItem(f"{view.photo_set.title}\n{_state_text(view)}")
            item.setData(Qt.ItemDataRole.UserRole, view.photo_set.id)
            self.set_list.addItem(item)
            if chosen is not None and view.photo_set.id == chosen.photo_set.id:
                self.set_list.setCurrentItem(item)
        self.set_list.blockSignals(False)
        self._show_view(chosen, summaries, audit, allowed, names)
        if typed is not None:
            self._put_details(typed)
            self.message.emit(
                self.tr("Sets were changed on another desk; your album details are kept until you save.")
            )
        self.actionDone.emit(after)

    def _put_details(self, details: dict) -> None:  # type: ignore[type-arg]
        self.title_edit.setText(details["title"])
        self.description_edit.setPlainText(details["description"])
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(details["visibility"].value)))
        self.licence.setCurrentIndex(max(0, self.licence.findData(details["licence_id"])))
        self.tags_edit.setText(", ".join(details["tags"]))
        self.group_edit.setText(details["group_id"])

    def _set_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_set(item.data(Qt.ItemDataRole.UserRole), after="chosen")

    def _show_view(  # type: ignore[no-untyped-def]
        self,
        view: SetView | None,
        summaries=(),
        audit: list[AuditEntry] = (),
        allowed: Allowed | None = None,
        names: dict[int, str] | None = None,
    ) -> None:
        self.current = view
        for widget in self.detail_widgets:
            widget.setEnabled(view is not None)
        if view is None:
            self.heading.setText(self.tr("No sets yet"))
            self.state_label.setText(self.tr("Create a set, then drag photos from the grid onto it."))
            self.photos.cover = None
            self.photos.set_summaries([])
            self.audit.setRowCount(0)
            return
        s = view.photo_set
        self.heading.setText(s.title)
        state = self.tr("State: %1").replace("%1", _state_text(view))
        if s.approved_by and s.approved_at:
            state += " — " + self.tr("approved by %1 at %2").replace("%1", s.approved_by).replace(
                "%2", s.approved_at.strftime("%Y-%m-%d %H:%M")
            )
        self.state_label.setText(state + "\n" + self.tr("%n photo(s)", "", len(s.photo_ids)))
        self.title_edit.setText(s.title)
        self.description_edit.setPlainText(s.description)
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(s.visibility.value)))
        self.licence.setCurrentIndex(max(0, self.licence.findData(s.licence_id)))
        self.tags_edit.setText(", ".join(s.tags))
        self.group_edit.setText(s.group_id)
        # What Flickr will show as the album's primary photo: the chosen cover, else the first photo.
        chosen_cover = s.cover_photo_id if s.cover_photo_id in s.photo_ids else None
        self.photos.cover = (
            chosen_cover if chosen_cover is not None else (s.photo_ids[0] if s.photo_ids else None)
        )
        self.photos.set_summaries(list(summaries))
        # What may be done is the core's answer (sets.workflow via the service); a disabled button says why.
        if allowed is not None:
            for button, refusal in (
                (self.submit_button, allowed.submit),
                (self.approve_button, allowed.approve),
                (self.revoke_button, allowed.revoke),
            ):
                button.setEnabled(refusal is None)
                button.setToolTip("" if refusal is None else describe(refusal))
        self.audit.setRowCount(len(audit))
        for row, entry in enumerate(reversed(list(audit))):
            detail = audit_detail_in_words(entry.detail, names or {})
            for col, text in enumerate(
                (entry.at.strftime("%Y-%m-%d %H:%M"), entry.actor, action_in_words(entry.action), detail)
            ):
                self.audit.setItem(row, col, QTableWidgetItem(text))

    # -- actions --------------------------------------------------------------------------------

    def _run(self, name: str, action, reload_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
        def done(_result: object) -> None:
            self.setsChanged.emit()
            current = self.current.photo_set.id if self.current else None
            self.show_set(reload_id if reload_id is not None else current, after=name)

        self.ctx.runner.submit(action, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        notice = exc.notice if isinstance(exc, SetError) else None
        QMessageBox.warning(self, self.tr("Sets"), describe(notice) if notice is not None else str(exc))
        self.actionDone.emit("failed")

    def _ask_new_set(self) -> None:
        title, ok = QInputDialog.getText(
            self, self.tr("New set"), self.tr("Title of the new set (the Flickr album):")
        )
        if ok and title.strip():
            self.create_set(title.strip())

    def create_set(self, title: str) -> None:
        def create():  # type: ignore[no-untyped-def]
            return self.service().create(title)

        def done(photo_set) -> None:  # type: ignore[no-untyped-def]
            self.setsChanged.emit()
            self.show_set(photo_set.id, after="create")

        self.ctx.runner.submit(create, on_done=done, on_error=self._failed)

    def add_photos(self, set_id: int, photo_ids: list[int]) -> None:
        self._run("add", lambda: self.service().add(set_id, photo_ids), reload_id=set_id)

    def selected_in_set(self) -> list[int]:
        rows = sorted(i.row() for i in self.photo_view.selectionModel().selectedIndexes())
        return [self.photos.id_at(r) for r in rows]

    def move_selected(self, step: int) -> None:
        if self.current is None:
            return
        order = list(self.current.photo_set.photo_ids)
        chosen = set(self.selected_in_set())
        if not chosen:
            return
        indices = range(len(order)) if step < 0 else range(len(order) - 1, -1, -1)
        for i in indices:
            j = i + step
            if order[i] in chosen and 0 <= j < len(order) and order[j] not in chosen:
                order[i], order[j] = order[j], order[i]
        set_id = self.current.photo_set.id
        self._run("reorder", lambda: self.service().reorder(set_id, order))

    def drop_photos(self, photo_ids: list[int], row: int) -> None:
        """Photos dropped on the set's tiles before ``row``: moved there, or added there if new to the set."""
        if self.current is None:
            return
        set_id = self.current.photo_set.id

        def place() -> None:
            service = self.service()
            service.add(set_id, photo_ids)
            service.move(set_id, photo_ids, row)

        self._run("reorder", place)

    def make_cover(self) -> None:
        chosen = self.selected_in_set()
        if self.current is None or len(chosen) != 1:
            self.message.emit(self.tr("Choose one photo to be the cover."))
            return
        set_id = self.current.photo_set.id
        self._run("cover", lambda: self.service().edit(set_id, cover_photo_id=chosen[0]))

    def remove_selected(self) -> None:
        chosen = self.selected_in_set()
        if self.current is None or not chosen:
            return
        set_id = self.current.photo_set.id
        self._run("remove", lambda: self.service().remove(set_id, chosen))

    def _details(self) -> dict:  # type: ignore[type-arg]
        return {
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "visibility": Visibility(self.visibility.currentData()),
            "licence_id": int(self.licence.currentData()),
            "tags": parse_keywords(self.tags_edit.text()),
            "group_id": self.group_edit.text().strip(),
        }

    def details_changed(self) -> bool:
        """Whether the album details on screen differ from the shown set's (something typed, not saved)."""
        if self.current is None:
            return False
        s = self.current.photo_set
        saved = {
            "title": s.title.strip(),
            "description": s.description.strip(),
            "visibility": Visibility(s.visibility),
            "licence_id": int(s.licence_id),
            "tags": parse_keywords(", ".join(s.tags)),
            "group_id": s.group_id.strip(),
        }
        return self._details() != saved

    def save_details(self, version: int | None = None) -> None:
        """Save the album details; when another desk saved the set since it was shown, ask whose stay."""
        from photoarchive.catalog.conflicts import EditConflict

        if self.current is None:
            return
        set_id = self.current.photo_set.id
        changes = self._details()
        expected = self.current_version if version is None else version

        def done(_result: object) -> None:
            self.setsChanged.emit()
            self.show_set(set_id, after="details")

        def failed(exc: BaseException) -> None:
            if isinstance(exc, EditConflict):
                self._ask_conflict(exc)
            else:
                self._failed(exc)

        self.ctx.runner.submit(
            lambda: self.service().edit(set_id, expected_version=expected, **changes),
            on_done=done,
            on_error=failed,
        )

    def _ask_conflict(self, conflict) -> None:  # type: ignore[no-untyped-def]
        from photoarchive.ui.conflict_dialog import Choice, ConflictDialog

        dialog = ConflictDialog(conflict, self)
        self.conflict_dialog = dialog

        def chosen(choice: str) -> None:
            self.conflict_dialog = None
            if choice == Choice.RELOAD.value:
                self.show_set(conflict.target_id, after="reloaded")
            else:
                self.save_details(conflict.current_version)

        dialog.chosen.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "conflict_dialog", None))
        dialog.open()
        self.actionDone.emit("conflict")

    def live_refresh(self) -> None:
        """Another desk changed sets: show them again, unless album details typed here would be lost
        (then say so; saving asks whose version stays)."""
        if self.details_changed():
            self.message.emit(
                self.tr("Sets were changed on another desk; your album details are kept until you save.")
            )
            return
        self.show_set(self.current.photo_set.id if self.current else None, after="live")

    def submit(self) -> None:
        if self.current is not None:
            set_id = self.current.photo_set.id
            self._run("submit", lambda: self.service().submit(set_id))

    def revoke(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revoke approval"),
            self.tr("Revoke the approval of «%1»? The next sync takes the album down from Flickr.").replace(
                "%1", self.current.photo_set.title
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            set_id = self.current.photo_set.id
            self._run("revoke", lambda: self.service().revoke(set_id))

    def approve(self) -> None:
        """Show what will be published and stripped (worked out on a worker) in the approval dialog."""
        if self.current is None:
            return
        set_id = self.current.photo_set.id
        self.approve_button.setEnabled(False)
        self.ctx.runner.submit(self._checked, set_id, "", on_done=self._open_approval, on_error=self._failed)

    def approval_check(self, set_id: int, override_reason: str = "") -> ApprovalCheck:
        """Runs on a worker: the core's check of the set as it would be approved."""
        return self.service().check(set_id, override_reason)

    def _checked(self, set_id: int, override_reason: str) -> tuple[ApprovalCheck, dict[int, int]]:
        """Runs on a worker: the check, and how many redaction regions each photo awaiting a redaction
        review has (the dialog offers "regions are right" or "nothing needs hiding" by it)."""
        from photoarchive.redaction import RedactionService

        check = self.approval_check(set_id, override_reason)
        redaction = RedactionService(self.ctx.catalog, self.ctx.home)
        return check, {p.photo_id: len(redaction.regions(p.photo_id)) for p in check.unreviewed_redactions}

    def _open_approval(self, checked: tuple[ApprovalCheck, dict[int, int]]) -> None:
        check, regions = checked
        self.approve_button.setEnabled(True)
        dialog = ApprovalDialog(check, self, ctx=self.ctx)
        dialog.setObjectName("approval_dialog")
        dialog.show_check(check, regions)
        self.approval_dialog = dialog
        set_id = check.view.photo_set.id
        dialog.caseDecided.connect(
            lambda photo_id, is_case: self._decide_case(dialog, set_id, photo_id, is_case)
        )
        dialog.redactionReviewed.connect(
            lambda photo_id, has_regions: self._review_redaction(dialog, set_id, photo_id, has_regions)
        )
        dialog.approveRequested.connect(lambda reason: self._approve_from(dialog, set_id, reason))
        dialog.recheckRequested.connect(
            lambda: self._rechecked(dialog, set_id, lambda: None, "redaction_edited")
        )
        dialog.finished.connect(lambda _result: self._approval_closed(dialog))
        dialog.open()
        self.actionDone.emit("approval_shown")

    def _approval_closed(self, dialog: ApprovalDialog) -> None:
        if self.approval_dialog is dialog:
            self.approval_dialog = None
        dialog.deleteLater()

    def _rechecked(self, dialog: ApprovalDialog, set_id: int, change, after: str) -> None:  # type: ignore[no-untyped-def]
        """Run `change` (a person's decision in the dialog) on a worker, then show the new check."""
        reason = dialog.override_reason()  # read here: the worker must not touch widgets

        def work() -> tuple[ApprovalCheck, dict[int, int]]:
            change()
            return self._checked(set_id, reason)

        def done(checked: tuple[ApprovalCheck, dict[int, int]]) -> None:
            if self.approval_dialog is dialog:  # not closed meanwhile
                dialog.show_check(*checked)
            self.setsChanged.emit()
            self.actionDone.emit(after)

        def failed(exc: BaseException) -> None:
            if self.approval_dialog is dialog:
                self.ctx.runner.submit(
                    self._checked,
                    set_id,
                    reason,
                    on_done=lambda c: dialog.show_check(*c),
                    on_error=self._failed,
                )
            self._failed(exc)

        self.ctx.runner.submit(work, on_done=done, on_error=failed)

    def _decide_case(self, dialog: ApprovalDialog, set_id: int, photo_id: int, is_case: bool) -> None:
        """One click in the dialog: the person's decision is recorded, and the dialog shows the new check."""
        self._rechecked(
            dialog, set_id, lambda: self.service().decide_case([photo_id], is_case=is_case), "case_decided"
        )

    def _review_redaction(
        self, dialog: ApprovalDialog, set_id: int, photo_id: int, has_regions: bool
    ) -> None:
        """One click in the dialog: a person's review of a case photo's redaction (photoarchive.redaction)."""
        from photoarchive.redaction import RedactionService

        def review() -> None:
            redaction = RedactionService(self.ctx.catalog, self.ctx.home)
            if has_regions:
                redaction.confirm(photo_id, self.ctx.actor)
            else:
                redaction.nothing_to_redact(photo_id, self.ctx.actor)

        self._rechecked(dialog, set_id, review, "redaction_reviewed")

    def _approve_from(self, dialog: ApprovalDialog, set_id: int, reason: str) -> None:
        def approve():  # type: ignore[no-untyped-def]
            service = self.service()
            try:
                return service.approve_checked(set_id, override_reason=reason)
            except ApprovalRefused:
                # The dialog stays open with what is in the way now.
                return self._checked(set_id, reason)

        def done(result: object) -> None:
            showing = self.approval_dialog is dialog  # not cancelled while approval ran
            if isinstance(result, tuple):
                if showing:
                    dialog.refused(*result)
                self.actionDone.emit("refused")
                return
            if showing:
                dialog.accept()
            self.setsChanged.emit()
            self.show_set(set_id, after="approve")

        def failed(exc: BaseException) -> None:
            if self.approval_dialog is dialog:
                dialog.approve_button.setEnabled(True)
            self._failed(exc)

        self.ctx.runner.submit(approve, on_done=done, on_error=failed)
