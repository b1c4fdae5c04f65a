"""The main window: sidebar of views, the thumbnail grid, the inspector, banners and the status bar."""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import PhotoQuery, PhotoSummary, SortKey
from photoarchive.ui.banner import Banner, Level
from photoarchive.ui.context import AppContext
from photoarchive.ui.inbox_watch import InboxWatch
from photoarchive.ui.inspector import Inspector
from photoarchive.ui.photo_model import PhotoListModel
from photoarchive.ui.quarantine_page import QuarantinePage
from photoarchive.ui.sidebar import Sidebar
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.tile_delegate import THUMB, TILE, TileDelegate
from photoarchive.ui.views import GridOptions, ViewKind, ViewSpec, query_for

log = logging.getLogger(__name__)


def published_photo_ids(catalog) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Photos in a set whose approved content is on Flickr (a few sets; read once per view)."""
    from photoarchive.sets.model import SetState

    ids: set[int] = set()
    for photo_set in catalog.sets.list():
        if photo_set.state is SetState.PUBLISHED and photo_set.approved_content is not None:
            ids.update(p.photo_id for p in photo_set.approved_content.photos)
    return frozenset(ids)


# New photos arriving within this window are announced together ("3 new photos from the inbox").
ANNOUNCE_AFTER_MS = 700
# Rows fetched together with a view's ids (about two screens); the rest are fetched as they are shown.
FIRST_ROWS = 300


class MainWindow(QMainWindow):
    # Emitted when the grid holds the rows of the current view (count), for tests and benchmarks.
    gridFilled = Signal(int)
    notified = Signal(str)

    def __init__(self, ctx: AppContext, *, watch_inbox: bool = True):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Photo archive"))
        self.resize(1400, 860)
        self._load_generation = 0
        self._new_photos: list[int] = []
        self._quarantined_since = 0
        self.notifications: list[str] = []
        self.inbox_online: dict[str, bool] = {}
        self.pages: dict[str, QWidget] = {}

        self.thumbnails = ThumbnailCache(ctx.home.thumbnails, THUMB, parent=self)
        self.model = PhotoListModel(self.thumbnails, self, fetch=self._fetch_rows)
        self._build_actions()
        self._build_ui()
        self._build_status_bar()

        self.watch = InboxWatch(ctx, self)
        self.watch.result.connect(self._ingest_result)
        self.watch.status.connect(self._inbox_status)
        self.watch.failed.connect(self._watch_failed)
        self._announce_timer = QTimer(self, singleShot=True, interval=ANNOUNCE_AFTER_MS)
        self._announce_timer.timeout.connect(self._announce_new_photos)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon() or QIcon(), self)
            self.tray.show()

        self.sidebar.select(ViewSpec(ViewKind.INBOX))
        self.refresh_sidebar()
        if "sync" in self.pages:
            # The Flickr account's state for the status bar, once the window is up (it is a network call).
            QTimer.singleShot(1500, self.sync_page, self.sync_page.refresh)
        if watch_inbox:
            self.watch.start()
        else:
            self.inbox_label.setText(self.tr("Inbox not watched"))

    # -- building -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, shortcut: QKeySequence | str | None, slot, name: str) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(text, self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.act_search = action(
            self.tr("Search"), QKeySequence.StandardKey.Find, self._focus_search, "search"
        )
        self.act_save = action(
            self.tr("Save"), QKeySequence.StandardKey.Save, lambda: self.inspector.save(), "save"
        )
        self.act_reviewed = action(self.tr("Mark as reviewed"), "Ctrl+R", self.mark_reviewed, "mark_reviewed")
        self.act_template = action(
            self.tr("Apply press template"),
            "Ctrl+T",
            lambda: self.inspector.apply_template(),
            "apply_template",
        )
        self.act_refresh = action(
            self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh_all, "refresh"
        )
        self.act_settings = action(
            self.tr("Settings…"), QKeySequence.StandardKey.Preferences, self.open_settings, "settings"
        )
        self.act_inbox = action(
            self.tr("Go to Inbox"),
            "Ctrl+1",
            lambda: self.sidebar.select(ViewSpec(ViewKind.INBOX)),
            "go_inbox",
        )
        self.act_all = action(
            self.tr("Go to All photos"),
            "Ctrl+2",
            lambda: self.sidebar.select(ViewSpec(ViewKind.ALL)),
            "go_all",
        )
        self.act_add_to_set = action(
            self.tr("Add to set…"), "Ctrl+Shift+S", self.add_selected_to_set, "add_to_set"
        )
        self.act_export = action(self.tr("Export clean copies…"), "Ctrl+E", self.export_selected, "export")
        self.act_quit = action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close, "quit")
        # Only on the grid (its context menu and the Delete key there), never a window-wide shortcut: a
        # Delete pressed in a text field must not offer to remove photos.
        self.act_remove = QAction(self.tr("Remove from archive…"), self)
        self.act_remove.setObjectName("remove_from_archive")
        self.act_remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.act_remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_remove.triggered.connect(self.remove_selected)

    def _build_ui(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search_box")
        self.search_box.setPlaceholderText(
            self.tr("Search caption, keywords, case number, file name (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(340)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        toolbar.addWidget(self.search_box)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort_box")
        for label, key, descending in (
            (self.tr("Newest taken first"), SortKey.CAPTURE_TIME, True),
            (self.tr("Oldest taken first"), SortKey.CAPTURE_TIME, False),
            (self.tr("Newest archived first"), SortKey.INGESTED_AT, True),
            (self.tr("Name A–Z"), SortKey.NAME, False),
        ):
            self.sort_box.addItem(label, (key, descending))
        self.sort_box.currentIndexChanged.connect(lambda _i: self.reload())
        toolbar.addWidget(self.sort_box)
        toolbar.addSeparator()
        toolbar.addAction(self.act_reviewed)
        toolbar.addAction(self.act_template)
        toolbar.addAction(self.act_add_to_set)
        toolbar.addAction(self.act_export)
        toolbar.addAction(self.act_refresh)
        toolbar.addAction(self.act_settings)

        self.sidebar = Sidebar()
        self.sidebar.viewSelected.connect(self._view_selected)
        self.sidebar.photosDropped.connect(self._add_to_set)

        self.grid = QListView()
        self.grid.setObjectName("grid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)  # static + uniform sizes keep layout cheap at 100k
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setWrapping(True)
        self.grid.setSpacing(2)
        self.grid.setGridSize(QSize(TILE.width() + 4, TILE.height() + 4))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setDragEnabled(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.verticalScrollBar().setSingleStep(40)
        self.grid.setItemDelegate(TileDelegate(self.grid))
        self.grid.setModel(self.model)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self.grid)
        separator.setSeparator(True)
        for act in (self.act_reviewed, self.act_add_to_set, self.act_export, separator, self.act_remove):
            self.grid.addAction(act)
        self._selection_timer = QTimer(self, singleShot=True, interval=60)
        self._selection_timer.timeout.connect(self._selection_settled)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._selection_timer.start())

        self.banner = Banner()
        self.banner.actionClicked.connect(self._banner_action)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        grid_page = QWidget()
        grid_layout = QVBoxLayout(grid_page)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.empty_label)
        grid_layout.addWidget(self.grid, 1)

        self.quarantine_page = QuarantinePage()
        self.quarantine_page.openRequested.connect(self._open_quarantine_folder)
        self.quarantine_page.resolveRequested.connect(self._resolve_quarantine)
        self.stack = QStackedWidget()
        self.stack.addWidget(grid_page)
        self.stack.addWidget(self.quarantine_page)
        self.pages["grid"] = grid_page
        self.pages["quarantine"] = self.quarantine_page
        self._add_optional_pages()

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(4, 4, 4, 4)
        centre_layout.addWidget(self.banner)
        centre_layout.addWidget(self.stack, 1)

        self.inspector = Inspector(self.ctx)
        self.inspector.setMinimumWidth(360)
        self.inspector.photosChanged.connect(self._photos_changed)
        self.inspector.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(centre)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 760, 420])
        self.splitter = splitter
        self.setCentralWidget(splitter)

    def _add_optional_pages(self) -> None:
        """Sets and Sync pages, when the sets and Flickr parts of the app are present."""
        try:
            from photoarchive.ui.sets_page import SetsPage
        except ImportError as exc:
            log.info("sets view not available: %s", exc)
        else:
            self.sets_page = SetsPage(self.ctx, self)
            self.sets_page.setsChanged.connect(self.refresh_sidebar)
            self.sets_page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.stack.addWidget(self.sets_page)
            self.pages["sets"] = self.sets_page
        try:
            from photoarchive.ui.sync_page import SyncPage
        except ImportError as exc:
            log.info("sync view not available: %s", exc)
        else:
            self.sync_page = SyncPage(self.ctx, self)
            self.sync_page.accountChanged.connect(self._account_status)
            self.stack.addWidget(self.sync_page)
            self.pages["sync"] = self.sync_page

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel()
        self.inbox_label = QLabel(self.tr("Inbox: starting…"))
        self.inbox_label.setObjectName("inbox_status")
        self.account_label = QLabel()
        self.busy_label = QLabel()
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.inbox_label)
        bar.addPermanentWidget(self.account_label)
        self.ctx.runner.busyChanged.connect(
            lambda n: self.busy_label.setText(self.tr("Working…") if n else "")
        )

    # -- views and loading ----------------------------------------------------------------------

    def current_view(self) -> ViewSpec:
        return self.sidebar.current_spec()

    def grid_options(self) -> GridOptions:
        key, descending = self.sort_box.currentData()
        return GridOptions(search=self.search_box.text().strip(), sort=key, descending=descending)

    def _view_selected(self, spec: ViewSpec) -> None:
        # The inspector belongs to the grid; the other pages use the room themselves.
        self.inspector.setVisible(spec.shows_grid)
        if spec.shows_grid:
            self.stack.setCurrentWidget(self.pages["grid"])
            self.reload()
        elif spec.kind is ViewKind.QUARANTINE:
            self.stack.setCurrentWidget(self.quarantine_page)
            self._load_quarantine()
        elif spec.kind in (ViewKind.SETS, ViewKind.SET) and "sets" in self.pages:
            self.model.set_photos([])
            self.stack.setCurrentWidget(self.pages["sets"])
            self.sets_page.show_set(spec.set_id)
        elif spec.kind is ViewKind.SYNC and "sync" in self.pages:
            self.stack.setCurrentWidget(self.pages["sync"])
            self.sync_page.refresh()
        else:
            self.stack.setCurrentWidget(self.pages["grid"])
            self.model.set_photos([])
            self.empty_label.setText(self.tr("This part of the app is not available in this build."))
            self.empty_label.show()

    def reload(self) -> None:
        """Query the current view on a worker; the newest request wins.

        First the count and the first screens of rows (fast, so the grid fills at once), then the ids
        of every photo in the view (at 100,000 photos this takes a few hundred milliseconds).
        """
        spec = self.current_view()
        if not spec.shows_grid:
            return
        self._load_generation += 1
        generation = self._load_generation
        query = query_for(spec, self.grid_options())
        ctx = self.ctx

        def first() -> tuple[int, list[PhotoSummary]]:
            photos = ctx.catalog.photos
            self._published = published_photo_ids(ctx.catalog)
            return photos.count(query), photos.summaries(replace(query, limit=FIRST_ROWS))

        def all_ids() -> list[int]:
            return ctx.catalog.photos.ids(query)

        def first_done(result: tuple[int, list[PhotoSummary]]) -> None:
            if generation != self._load_generation:
                return
            self._fill(spec, *result)
            if result[0] > len(result[1]):
                self.ctx.runner.submit(
                    all_ids, on_done=lambda ids: self._fill_ids(generation, ids), on_error=self._show_error
                )
            else:
                self._restore_selection()

        self._selected_before = set(self.selected_ids())
        self._asked_at = time.perf_counter()
        self.ctx.runner.submit(first, on_done=first_done, on_error=self._show_error)

    def _fetch_rows(self, ids: list[int], deliver) -> None:  # type: ignore[no-untyped-def]
        ctx = self.ctx
        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.summaries_for(ids), on_done=deliver, on_error=self._show_error
        )

    def _fill(self, spec: ViewSpec, total: int, first_rows: list[PhotoSummary]) -> None:
        self.thumbnails.forget_missing()  # thumbnails of photos just ingested exist now
        self.model.published = getattr(self, "_published", frozenset())
        self.model.begin_view(total, first_rows)
        # Seconds from asking for the view to the grid holding it (printed by benchmarks/gui.py).
        self.last_fill_seconds = time.perf_counter() - self._asked_at
        self.count_label.setText(self.tr("%n photo(s)", "", total))
        if total:
            self.empty_label.hide()
        else:
            self.empty_label.setText(self._empty_text(spec))
            self.empty_label.show()
        self.gridFilled.emit(total)

    def _fill_ids(self, generation: int, ids: list[int]) -> None:
        if generation != self._load_generation:
            return
        self.model.set_all_ids(ids)
        self._restore_selection()

    def _restore_selection(self) -> None:
        selected = getattr(self, "_selected_before", set())
        if selected:
            self._select_ids(selected)

    def _empty_text(self, spec: ViewSpec) -> str:
        if self.search_box.text().strip():
            return self.tr("No photos match the search.")
        if spec.kind is ViewKind.INBOX:
            folders = ", ".join(str(f) for f in self.ctx.settings.inbox_folders(self.ctx.home))
            return self.tr("No new photos. Photos dropped into %1 appear here within seconds.").replace(
                "%1", folders
            )
        return self.tr("No photos here yet.")

    def _select_ids(self, ids: set[int]) -> None:
        selection = self.grid.selectionModel()
        for photo_id in ids:
            row = self.model.row_of(photo_id)
            if row is not None:
                selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        ids = (self.model.id_at(r) for r in rows if r < self.model.rowCount())
        return [i for i in ids if i is not None]

    def _selection_settled(self) -> None:
        self.inspector.show_photos(self.selected_ids())

    def refresh_sidebar(self) -> None:
        """Counts and the case and set lists beside the views (one worker call)."""

        def gather():  # type: ignore[no-untyped-def]
            photos = self.ctx.catalog.photos
            out = {
                "inbox": photos.count(PhotoQuery(unreviewed_only=True)),
                "review": photos.count(PhotoQuery(needs_review=True)),
                "quarantine": len(self.ctx.catalog.quarantine.list()),
                "cases": photos.case_numbers(),
            }
            if "sets" in self.pages:
                out["sets"] = self.sets_page.sidebar_entries()
            return out

        def show(info) -> None:  # type: ignore[no-untyped-def]
            self.sidebar.set_count(ViewKind.INBOX, info["inbox"])
            self.sidebar.set_count(ViewKind.NEEDS_REVIEW, info["review"])
            self.sidebar.set_count(ViewKind.QUARANTINE, info["quarantine"])
            self.sidebar.set_cases(info["cases"])
            if "sets" in info:
                self.sidebar.set_sets(info["sets"])

        self.ctx.runner.submit(gather, on_done=show, on_error=self._show_error)

    def refresh_all(self) -> None:
        self.thumbnails.forget_missing()
        self._view_selected(self.current_view())
        self.refresh_sidebar()
        self.watch.rescan()

    def _open_quarantine_folder(self, relative: str) -> None:
        """Show the folder holding a quarantined file (or the quarantine folder) in Explorer."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.ctx.home.quarantine
        if relative:
            candidate = (folder / relative).parent
            folder = candidate if candidate.is_dir() else folder
        folder.mkdir(parents=True, exist_ok=True)
        self.last_opened_folder = folder
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("The folder is %1").replace("%1", str(folder)), 15000)

    def _resolve_quarantine(self, ids: list[int]) -> None:
        ctx = self.ctx

        def work() -> list[int]:
            return ctx.catalog.quarantine.resolve(ids)

        def done(_result: object) -> None:
            self.statusBar().showMessage(self.tr("%n file(s) marked as dealt with", "", len(ids)), 8000)
            self._load_quarantine()
            self.refresh_sidebar()

        self.ctx.runner.submit(work, on_done=done, on_error=self._show_error)

    def _load_quarantine(self) -> None:
        ctx = self.ctx
        self.ctx.runner.submit(
            lambda: ctx.catalog.quarantine.list(),
            on_done=self.quarantine_page.show_records,
            on_error=self._show_error,
        )

    def _photos_changed(self, ids: list[int]) -> None:
        """After an edit: fresh tiles for those photos, without reloading the whole view."""
        shown = [i for i in ids if self.model.row_of(i) is not None][:2000]
        ctx = self.ctx
        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.summaries_for(shown),
            on_done=self.model.replace,
            on_error=self._show_error,
        )
        self.refresh_sidebar()

    def mark_reviewed(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return

        def done(_r: object) -> None:
            self.statusBar().showMessage(self.tr("%n photo(s) marked as reviewed", "", len(ids)), 5000)
            self.reload()
            self.refresh_sidebar()

        ctx = self.ctx
        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.mark_reviewed(ids), on_done=done, on_error=self._show_error
        )

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- the inbox watcher ----------------------------------------------------------------------

    def _ingest_result(self, result) -> None:  # type: ignore[no-untyped-def]
        from photoarchive.ingest.pipeline import Outcome

        if result.outcome is Outcome.ARCHIVED:
            self._new_photos.append(result.photo_id)
            self._announce_timer.start()
        elif result.outcome is Outcome.DUPLICATE:
            self.statusBar().showMessage(
                self.tr("%1 is already in the archive; recorded as a duplicate.").replace(
                    "%1", result.source.name
                ),
                8000,
            )
        elif result.outcome is Outcome.QUARANTINED:
            # Several bad files in one drop are counted in one banner, not shown one over the other.
            shown = self.banner.isVisible() and self.banner.key == "quarantine"
            self._quarantined_since = (self._quarantined_since if shown else 0) + 1
            text = (
                self.tr("%1 could not be archived and was put in quarantine: %2")
                .replace("%1", result.source.name)
                .replace("%2", result.reason)
            )
            if self._quarantined_since > 1:
                text = (
                    self.tr(
                        "%n files could not be archived and were put in quarantine.",
                        "",
                        self._quarantined_since,
                    )
                    + " "
                    + self.tr("Latest: %1").replace("%1", text)
                )
            self.banner.show_message(Level.WARNING, text, key="quarantine", action=self.tr("Show quarantine"))
            self.notify(self.tr("%1 was put in quarantine").replace("%1", result.source.name))
            self.refresh_sidebar()
        elif result.outcome.value == "failed":
            self.banner.show_message(
                Level.ERROR,
                self.tr("%1 could not be archived: %2")
                .replace("%1", result.source.name)
                .replace("%2", result.reason),
                key="failed",
            )

    def _announce_new_photos(self) -> None:
        count = len(self._new_photos)
        self._new_photos.clear()
        if not count:
            return
        text = self.tr("%n new photo(s) from the inbox", "", count)
        self.banner.show_message(Level.INFO, text, key="new", action=self.tr("Show Inbox"))
        self.notify(text)
        self.reload()
        self.refresh_sidebar()

    def notify(self, text: str) -> None:
        """A desktop notification where the system offers one; always in the status bar."""
        self.notifications.append(text)
        self.statusBar().showMessage(text, 10000)
        if self.tray is not None and not self.isActiveWindow():
            self.tray.showMessage(
                self.tr("Photo archive"), text, QSystemTrayIcon.MessageIcon.Information, 5000
            )
        self.notified.emit(text)

    def _inbox_status(self, status) -> None:  # type: ignore[no-untyped-def]
        key = str(status.folder)
        self.inbox_online[key] = status.online
        offline = [f for f, ok in self.inbox_online.items() if not ok]
        if offline:
            self.inbox_label.setText(self.tr("Inbox offline"))
            self.inbox_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.inbox_label.setText(self.tr("Inbox: watching"))
            self.inbox_label.setStyleSheet("")
        self.inbox_label.setToolTip(status.message)
        if not status.online:
            self.banner.show_message(
                Level.ERROR,
                self.tr(
                    "The inbox %1 is not reachable. New photos will be picked up when it is back; retrying regularly."
                ).replace("%1", key),
                key="offline:" + key,
            )
        else:
            self.banner.clear("offline:" + key)

    def _watch_failed(self, message: str) -> None:
        self.inbox_label.setText(self.tr("Inbox not watched"))
        self.inbox_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.banner.show_message(
            Level.ERROR, self.tr("The inbox cannot be watched: %1").replace("%1", message), key="watch"
        )

    def _banner_action(self, key: str) -> None:
        if key == "quarantine":
            self.sidebar.select(ViewSpec(ViewKind.QUARANTINE))
        elif key == "new":
            self.sidebar.select(ViewSpec(ViewKind.INBOX))
        self.banner.hide()

    # -- sets ---------------------------------------------------------------------------------------

    def add_selected_to_set(self) -> None:
        ids = self.selected_ids()
        if "sets" not in self.pages or not ids:
            return
        entries = self.sidebar.set_entries()
        if not entries:
            self.statusBar().showMessage(self.tr("Create a set first (Sets in the sidebar)."), 8000)
            return
        from PySide6.QtWidgets import QInputDialog

        labels = [label for _id, label in entries]
        label, ok = QInputDialog.getItem(
            self, self.tr("Add to set"), self.tr("Add the selected photos to:"), labels, 0, False
        )
        if ok:
            self._add_to_set(entries[labels.index(label)][0], ids)

    # -- export for a journalist -------------------------------------------------------------------

    WEB_SIZE = 2048

    def export_selected(self) -> None:
        """Write clean, press-stamped copies of the selected photos into a folder the user picks."""
        ids = self.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the photos to export first."), 8000)
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QInputDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Export clean copies to"))
        if not folder:
            return
        sizes = [
            self.tr("Full size (image data unchanged)"),
            self.tr("Web size, %1 px (re-encoded)").replace("%1", str(self.WEB_SIZE)),
        ]
        size, ok = QInputDialog.getItem(self, self.tr("Export"), self.tr("Size:"), sizes, 0, False)
        if not ok:
            return
        max_size = self.WEB_SIZE if sizes.index(size) == 1 else None
        ctx = self.ctx

        def work():  # type: ignore[no-untyped-def]
            from photoarchive.publish import export_photos

            return export_photos(ctx.home, ctx.settings, ctx.catalog, ids, Path(folder), max_size=max_size)

        self.statusBar().showMessage(self.tr("Exporting %n photo(s)…", "", len(ids)))
        self.ctx.runner.submit(work, on_done=self._export_done, on_error=self._show_error)

    def _export_done(self, items) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QMessageBox

        written = [i for i in items if not i.error]
        failed = [i for i in items if i.error]
        self.last_export = items
        text = self.tr("%n clean copy(ies) written.", "", len(written))
        if written:
            text += "\n" + str(written[0].dest.parent)
        if failed:
            text += (
                "\n\n"
                + self.tr("Not exported:")
                + "\n"
                + "\n".join(f"{i.name or i.photo_id}: {self._export_problem(i)}" for i in failed)
            )
            QMessageBox.warning(self, self.tr("Export"), text)
        self.statusBar().showMessage(text.splitlines()[0], 10000)

    def _export_problem(self, item) -> str:  # type: ignore[no-untyped-def]
        """Why a photo was not exported; "could not be checked for personal data" in the user's language."""
        if item.unchecked is None:
            return item.error
        from photoarchive.ui.set_words import unchecked_in_words

        reason = unchecked_in_words([r.value for r in item.unchecked.reasons], item.unchecked.detail)
        return self.tr("could not be checked for personal data (%1), so no copy leaves the archive").replace(
            "%1", reason
        )

    # -- taking photos out of the archive ----------------------------------------------------------

    def remove_selected(self) -> None:
        """Ask why, then move the selected photos' originals to removed/ and forget them in the catalog."""
        ids = self.selected_ids()
        if not ids:
            return
        from PySide6.QtWidgets import QInputDialog

        question = (
            self.tr("Take %n photo(s) out of the archive?", "", len(ids))
            + "\n\n"
            + self.tr(
                "The original files are moved to the archive's 'removed' folder (nothing is deleted) and "
                "the catalog forgets them. Photos in a set stay. Why are they removed?"
            )
        )
        reason, ok = QInputDialog.getText(self, self.tr("Remove from archive"), question)
        if not ok:
            return
        if not reason.strip():
            self.statusBar().showMessage(self.tr("Nothing removed: a reason is needed."), 8000)
            return
        ctx = self.ctx

        def work():  # type: ignore[no-untyped-def]
            from photoarchive.ingest.removal import remove_photos

            return remove_photos(ctx.home, ctx.catalog, ids, reason=reason, actor=ctx.actor)

        self.ctx.runner.submit(work, on_done=self._removed, on_error=self._show_error)

    def _removed(self, results) -> None:  # type: ignore[no-untyped-def]
        removed = [r for r in results if r.done]
        kept = [r for r in results if not r.done]
        self.last_removal = results
        text = self.tr("%n photo(s) taken out of the archive.", "", len(removed))
        if kept:
            detail = "\n".join(f"{r.original_name or r.photo_id}: {r.refused}" for r in kept)
            QMessageBox.warning(
                self, self.tr("Remove from archive"), text + "\n\n" + self.tr("Kept:") + "\n" + detail
            )
        self.statusBar().showMessage(text, 10000)
        self.refresh_all()

    def _add_to_set(self, set_id: int, ids: list[int]) -> None:
        if "sets" not in self.pages:
            return

        def done(added) -> None:  # type: ignore[no-untyped-def]
            self.statusBar().showMessage(self.tr("%n photo(s) added to the set", "", len(added)), 8000)
            self.refresh_sidebar()
            self.reload()

        service = self.sets_page.service
        self.ctx.runner.submit(lambda: service().add(set_id, ids), on_done=done, on_error=self._show_error)

    def _account_status(self, text: str) -> None:
        self.account_label.setText(text)

    # -- settings -------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from photoarchive.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx.home, self.ctx.settings, self)
        if dialog.exec() and dialog.saved is not None:
            old_inbox = self.ctx.settings.inbox
            self.ctx.settings = dialog.saved
            self.inspector.ctx.settings = dialog.saved
            if dialog.saved.inbox != old_inbox:
                self.restart_watch()
            self.statusBar().showMessage(self.tr("Settings saved."), 5000)

    def restart_watch(self) -> None:
        """Watch the (new) inbox folders; stopping finishes the file in hand, on a worker."""
        old = self.watch
        self.inbox_online.clear()
        self.watch = InboxWatch(self.ctx, self)
        self.watch.result.connect(self._ingest_result)
        self.watch.status.connect(self._inbox_status)
        self.watch.failed.connect(self._watch_failed)
        self.ctx.runner.submit(old.stop, on_done=lambda _r: self.watch.start(), on_error=self._show_error)

    # -- errors and closing ---------------------------------------------------------------------

    def _show_error(self, exc: BaseException) -> None:
        log.warning("background task failed: %s", exc, exc_info=exc)
        self.banner.show_message(Level.ERROR, str(exc), key="error")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.inspector.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to the press information before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self.inspector.save()
        sync_page = self.pages.get("sync")
        if sync_page is not None and not sync_page.may_close():
            event.ignore()
            return
        self.shut_down()
        event.accept()

    def shut_down(self) -> None:
        """Finish background work cleanly: the file being ingested and any catalog writes complete."""
        self.ctx.runner.wait()
        self.watch.stop()
        self.ctx.runner.wait()
        self.thumbnails.wait()
        if "sync" in self.pages:
            self.sync_page.sync_runner.wait()
        if self.tray is not None:
            self.tray.hide()
        self.ctx.runner.close()
