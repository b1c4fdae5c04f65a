"""The main window's assembly: toolbar, sidebar of views, the thumbnail grid, the inspector, the pages,
the user's window state and closing. What the window does is in mixins of their own: its actions and menus
(window_actions), the views and grid (window_grid), keyboard culling and the preview (window_culling), the
status bar and banners (window_status), and the commands' entry points (window_commands)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import SortKey
from photoarchive.ui.banner import Banner, Level
from photoarchive.ui.context import AppContext
from photoarchive.ui.inbox_watch import InboxWatch
from photoarchive.ui.inspector import Inspector
from photoarchive.ui.live_refresh import LiveRefresh
from photoarchive.ui.photo_model import PhotoListModel
from photoarchive.ui.quarantine_page import QuarantinePage
from photoarchive.ui.sidebar import Sidebar
from photoarchive.ui.theme import Theme, apply_theme, current_theme, user_state
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.tile_delegate import DEFAULT_THUMB, TileDelegate
from photoarchive.ui.views import ViewKind, ViewSpec
from photoarchive.ui.window_actions import WindowActions
from photoarchive.ui.window_commands import WindowCommands
from photoarchive.ui.window_culling import WindowCulling
from photoarchive.ui.window_grid import WindowGrid, published_photo_ids
from photoarchive.ui.window_status import ANNOUNCE_AFTER_MS, WindowStatus

log = logging.getLogger(__name__)

__all__ = ["MainWindow", "published_photo_ids"]


# The grid's sort choices: (key, descending). The first is the default: newest arrivals first, so a
# fresh drop from a camera with an old clock is at the top of the Inbox, not somewhere in the middle.
SORTS = (
    (SortKey.INGESTED_AT, True),
    (SortKey.CAPTURE_TIME, True),
    (SortKey.CAPTURE_TIME, False),
    (SortKey.NAME, False),
)


class MainWindow(WindowActions, WindowGrid, WindowCulling, WindowStatus, WindowCommands, QMainWindow):
    # Emitted when the grid holds the rows of the current view (count), for tests and benchmarks.
    gridFilled = Signal(int)
    # Emitted when the grid holds every id of the view and the selection is restored.
    gridSettled = Signal()
    notified = Signal(str)

    def __init__(self, ctx: AppContext, *, watch_inbox: bool = True):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Photo archive"))
        self.resize(1400, 860)
        self.state = user_state()
        apply_theme(str(self.state.value("theme", Theme.DARK.value)))
        self._load_generation = 0
        self._new_photos: list[int] = []
        self._announced: list[int] = []
        self._select_after_load: list[int] | None = None
        self._quarantined_since = 0
        self.notifications: list[str] = []
        self.inbox_online: dict[str, bool] = {}
        self.pages: dict[str, QWidget] = {}
        self._holders: dict[QWidget, QWidget] = {}
        self.preview_window = None

        self.thumbnails = ThumbnailCache(
            ctx.home.thumbnails, QSize(DEFAULT_THUMB, DEFAULT_THUMB), parent=self
        )
        self.model = PhotoListModel(self.thumbnails, self, fetch=self._fetch_rows)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._build_status_bar()
        self._restore_state()

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

        # The counts of every view once the first view is on screen, not competing with it.
        self._counts_after_first_view = True
        self.sidebar.select(ViewSpec(ViewKind.INBOX))
        if "sync" in self.pages:
            # The Flickr account's state for the status bar, once the window is up (it is a network call).
            QTimer.singleShot(1500, self.sync_page, self.sync_page.refresh)
        if watch_inbox:
            self.watch.start()
        else:
            self.inbox_label.setText(self.tr("Inbox not watched"))
        # Other desks' changes on the shared catalog, without F5 (nothing happens on SQLite).
        self.live = LiveRefresh(self)
        self.live.start()

    # -- building ----------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search_box")
        self.search_box.setPlaceholderText(
            self.tr("Search caption, keywords, case number, file name (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(300)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        toolbar.addWidget(self.search_box)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sort_box")
        self.sort_box.setToolTip(self.tr("Order of the photos"))
        labels = {
            (SortKey.INGESTED_AT, True): self.tr("Newest archived first"),
            (SortKey.CAPTURE_TIME, True): self.tr("Newest taken first"),
            (SortKey.CAPTURE_TIME, False): self.tr("Oldest taken first"),
            (SortKey.NAME, False): self.tr("Name A–Z"),
        }
        for choice in SORTS:
            self.sort_box.addItem(labels[choice], choice)
        self.sort_box.currentIndexChanged.connect(self._sort_changed)
        toolbar.addWidget(self.sort_box)
        toolbar.addSeparator()
        for act in (self.act_reviewed, self.act_template, self.act_add_to_set, self.act_export):
            toolbar.addAction(act)
        toolbar.addSeparator()
        for act in (self.act_fullscreen, self.act_refresh, self.act_settings):
            toolbar.addAction(act)
            button = toolbar.widgetForAction(act)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        self.sidebar = Sidebar()
        self.sidebar.setObjectName("sidebar")
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
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setDragEnabled(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.verticalScrollBar().setSingleStep(40)
        self.delegate = TileDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(self.model)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self.grid)
        separator.setSeparator(True)
        for act in (self.act_fullscreen, self.act_reviewed, self.act_add_to_set, self.act_export, separator):
            self.grid.addAction(act)
        for act in self.cull_actions.values():
            self.grid.addAction(act)
        separator2 = QAction(self.grid)
        separator2.setSeparator(True)
        self.grid.addAction(separator2)
        self.grid.addAction(self.act_remove)
        self.grid.doubleClicked.connect(lambda _index: self.open_fullscreen())
        self._selection_timer = QTimer(self, singleShot=True, interval=60)
        self._selection_timer.timeout.connect(self._selection_settled)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self._selection_timer.start())
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self._zoom_timer = QTimer(self, singleShot=True, interval=120)
        self._zoom_timer.timeout.connect(self._apply_thumbnail_bound)

        self.banner = Banner()
        self.banner.actionClicked.connect(self._banner_action)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
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
        self.inspector.setObjectName("inspector")
        self.inspector.setMinimumWidth(340)
        self.inspector.photosChanged.connect(self._photos_changed)
        self.inspector.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        splitter = QSplitter()
        splitter.setObjectName("main_splitter")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(centre)
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 760, 420])
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
            self._add_scrolled_page(self.sets_page)
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
        try:
            from photoarchive.ui.people_page import CasesPage, PeoplePage
        except ImportError as exc:
            log.info("people and cases views not available: %s", exc)
        else:
            self.people_page = PeoplePage(self.ctx, self)
            self.cases_page = CasesPage(self.ctx, self)
            for name, page in (("people", self.people_page), ("cases", self.cases_page)):
                # A consent or case edit changes the take-down banner and the grid's markers.
                page.changed.connect(self.refresh_sidebar)
                self._add_scrolled_page(page)
                self.pages[name] = page

    def _add_scrolled_page(self, page: QWidget) -> None:
        """A page in a scroll area, so a page that needs much room never makes the whole window too large
        for a laptop screen (1366 × 768)."""
        from PySide6.QtWidgets import QFrame, QScrollArea

        holder = QScrollArea()
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(page)
        self.stack.addWidget(holder)
        self._holders[page] = holder

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(self._holders.get(page, page))

    # -- the user's window state ------------------------------------------------------------------

    def _restore_state(self) -> None:
        """Size, splitters, sort and tile size as this user left them (QSettings, per user)."""
        state = self.state
        geometry = state.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        splitter = state.value("splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        try:
            sort = int(state.value("sort", 0))
        except (TypeError, ValueError):
            sort = 0
        if 0 <= sort < self.sort_box.count():
            self.sort_box.blockSignals(True)
            self.sort_box.setCurrentIndex(sort)
            self.sort_box.blockSignals(False)
            self._sort_changed(sort, reload=False)
        try:
            thumb = int(state.value("tile_size", DEFAULT_THUMB))
        except (TypeError, ValueError):
            thumb = DEFAULT_THUMB
        self.tile_slider.setValue(thumb)
        self.set_tile_size(self.tile_slider.value())

    def save_state(self) -> None:
        self.state.setValue("geometry", self.saveGeometry())
        self.state.setValue("splitter", self.splitter.saveState())
        self.state.setValue("sort", self.sort_box.currentIndex())
        self.state.setValue("tile_size", self.delegate.thumb)
        self.state.setValue("theme", current_theme().value)
        self.state.sync()

    def set_theme(self, theme: Theme) -> None:
        apply_theme(theme)
        self.theme_actions[theme].setChecked(True)
        self.state.setValue("theme", theme.value)
        self.grid.viewport().update()

    # -- errors and closing ---------------------------------------------------------------------

    def _show_error(self, exc: BaseException) -> None:
        live = getattr(self, "live", None)
        if live is not None and live.explains(exc):
            return  # the shared archive's "cannot be reached — retrying" banner says it
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
        self.save_state()
        self.live.stop()
        if self.preview_window is not None:
            self.preview_window.close()
        self.ctx.runner.wait()
        self.watch.stop()
        self.ctx.runner.wait()
        self.thumbnails.wait()
        if "sets" in self.pages:  # its tiles' thumbnails load on a pool of its own
            self.sets_page.thumbnails.wait()
        if "sync" in self.pages:
            self.sync_page.sync_runner.wait()
        if self.tray is not None:
            self.tray.hide()
        self.ctx.runner.close()
