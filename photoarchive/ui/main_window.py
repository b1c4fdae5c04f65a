"""The main window: menu bar, toolbar, sidebar of views, the thumbnail grid, the inspector, banners and
the status bar. Keyboard culling (P/C/M, Shift to reject, Ctrl+R reviewed-and-next) and the full-screen
preview work on the grid's selection."""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSlider,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.catalog.photos import Category, CategoryState, PhotoQuery, PhotoSummary, SortKey
from photoarchive.ui.banner import Banner, Level
from photoarchive.ui.context import AppContext
from photoarchive.ui.inbox_watch import InboxWatch
from photoarchive.ui.inspector import Inspector
from photoarchive.ui.live_refresh import LiveRefresh
from photoarchive.ui.photo_model import PhotoListModel, photos_without_consent
from photoarchive.ui.quarantine_page import QuarantinePage
from photoarchive.ui.sidebar import Sidebar, view_icon, view_name
from photoarchive.ui.theme import Theme, apply_theme, current_theme, icon, user_state
from photoarchive.ui.thumbnails import ThumbnailCache
from photoarchive.ui.tile_delegate import DEFAULT_THUMB, MAX_THUMB, MIN_THUMB, TileDelegate, tile_size
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
# One step of Ctrl+plus / Ctrl+minus on the tile size.
ZOOM_STEP = 40
# The grid's sort choices: (key, descending). The first is the default: newest arrivals first, so a
# fresh drop from a camera with an old clock is at the top of the Inbox, not somewhere in the middle.
SORTS = (
    (SortKey.INGESTED_AT, True),
    (SortKey.CAPTURE_TIME, True),
    (SortKey.CAPTURE_TIME, False),
    (SortKey.NAME, False),
)
# Keyboard culling: key letter per category.
CULL_KEYS = {Category.PORTRAIT: "P", Category.CASE: "C", Category.MEDIA: "M"}


class MainWindow(QMainWindow):
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

    # -- building -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot,  # type: ignore[no-untyped-def]
        name: str,
        icon_name: str = "",
        *,
        window_wide: bool = True,
    ) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if icon_name:
            act.setIcon(icon(icon_name))
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{text.rstrip('…')} ({keys})" if keys else text.rstrip("…"))
        act.triggered.connect(slot)
        if window_wide:
            self.addAction(act)
        return act

    def _build_actions(self) -> None:
        action = self._action
        self.act_search = action(self.tr("Find"), QKeySequence.StandardKey.Find, self._focus_search, "search")
        self.act_save = action(
            self.tr("Save press information"), "Ctrl+S", lambda: self.inspector.save(), "save", "save"
        )
        self.act_reviewed = action(
            self.tr("Mark as reviewed"), "Ctrl+R", self.mark_reviewed, "mark_reviewed", "reviewed"
        )
        self.act_template = action(
            self.tr("Apply press template"),
            "Ctrl+T",
            lambda: self.inspector.apply_template(),
            "apply_template",
            "template",
        )
        self.act_refresh = action(self.tr("Refresh"), "F5", self.refresh_all, "refresh", "refresh")
        self.act_settings = action(self.tr("Settings…"), "Ctrl+,", self.open_settings, "settings", "settings")
        self.act_add_to_set = action(
            self.tr("Add to set…"), "Ctrl+Shift+S", self.add_selected_to_set, "add_to_set", "add_to_set"
        )
        self.act_export = action(
            self.tr("Export clean copies…"), "Ctrl+E", self.export_selected, "export", "export"
        )
        self.act_quit = action(self.tr("Exit"), "Ctrl+Q", self.close, "quit")
        self.act_select_all = action(self.tr("Select all"), "Ctrl+A", self._select_all, "select_all")
        self.act_zoom_in = action(
            self.tr("Larger tiles"), "Ctrl++", lambda: self.zoom(ZOOM_STEP), "zoom_in", "zoom_in"
        )
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = action(
            self.tr("Smaller tiles"), "Ctrl+-", lambda: self.zoom(-ZOOM_STEP), "zoom_out", "zoom_out"
        )
        self.act_help_keys = action(self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts, "shortcuts")
        self.act_about = action(self.tr("About Photo archive"), None, self.show_about, "about")
        self.view_actions: dict[ViewKind, QAction] = {}
        # Ctrl+1 … Ctrl+9 for the photo views in the Inbox-to-Sync order the menu has always had; the
        # registers (People, Cases) have no number left.
        numbered = (
            ViewKind.INBOX, ViewKind.ALL, ViewKind.PORTRAITS, ViewKind.CASES, ViewKind.MEDIA,
            ViewKind.NEEDS_REVIEW, ViewKind.SETS, ViewKind.QUARANTINE, ViewKind.SYNC,
        )  # fmt: skip
        for kind in (*numbered, ViewKind.PEOPLE, ViewKind.CASE_REGISTER):
            number = numbered.index(kind) + 1 if kind in numbered else None
            self.view_actions[kind] = action(
                view_name(kind),
                f"Ctrl+{number}" if number else None,
                lambda _=False, k=kind: self.sidebar.select(ViewSpec(k)),
                f"go_{kind.value}",
                view_icon(kind),
            )
        self.act_redaction = action(
            self.tr("Redaction…"),
            "Ctrl+Shift+R",
            lambda: self.inspector.open_redaction(),
            "redaction",
        )
        self.act_inbox = self.view_actions[ViewKind.INBOX]
        self.act_all = self.view_actions[ViewKind.ALL]

        # Only on the grid (and the full-screen preview), never window-wide: keys typed into a text field
        # must not confirm a category, and a Delete there must not offer to remove photos.
        def grid_action(text: str, shortcut: str, slot, name: str, icon_name: str = "") -> QAction:  # type: ignore[no-untyped-def]
            act = action(text, shortcut, slot, name, icon_name, window_wide=False)
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            return act

        self.act_remove = grid_action(
            self.tr("Remove from archive…"), "Del", self.remove_selected, "remove_from_archive"
        )
        self.act_fullscreen = grid_action(
            self.tr("Full-screen preview"), "F", self.open_fullscreen, "fullscreen", "fullscreen"
        )
        self.act_fullscreen.setShortcuts([QKeySequence("F"), QKeySequence("Space")])
        names = {
            Category.PORTRAIT: (self.tr("Confirm portrait"), self.tr("Reject portrait")),
            Category.CASE: (self.tr("Confirm case photo"), self.tr("Reject case photo")),
            Category.MEDIA: (self.tr("Confirm media / high-res"), self.tr("Reject media / high-res")),
        }
        self.cull_actions: dict[tuple[Category, CategoryState], QAction] = {}
        for category, key in CULL_KEYS.items():
            confirm, reject = names[category]
            for state, text, keys in (
                (CategoryState.CONFIRMED, confirm, key),
                (CategoryState.REJECTED, reject, f"Shift+{key}"),
            ):
                self.cull_actions[(category, state)] = grid_action(
                    text,
                    keys,
                    lambda _=False, c=category, s=state: self.cull(c, s),
                    f"{state.value}_{category.value}",
                )
        self.grid_actions = [self.act_remove, self.act_fullscreen, *self.cull_actions.values()]

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

    def _build_menus(self) -> None:
        """File, Edit, View, Photo, Set, Help, as Windows programs have them; shortcuts show beside."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addAction(self.act_export)
        if self._has_module("photoarchive.ui.check_dialog"):
            self.act_check = self._action(self.tr("Check archive…"), None, self.open_check, "check_archive")
            file_menu.addAction(self.act_check)
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.setObjectName("menu_edit")
        for act in (self.act_save, self.act_template):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.act_select_all)
        edit.addAction(self.act_search)
        edit.addSeparator()
        edit.addAction(self.act_remove)

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menu_view")
        for kind in (
            ViewKind.INBOX,
            ViewKind.ALL,
            ViewKind.PORTRAITS,
            ViewKind.CASES,
            ViewKind.MEDIA,
            ViewKind.NEEDS_REVIEW,
            ViewKind.QUARANTINE,
            ViewKind.PEOPLE,
            ViewKind.CASE_REGISTER,
        ):
            view.addAction(self.view_actions[kind])
        view.addSeparator()
        view.addAction(self.act_zoom_in)
        view.addAction(self.act_zoom_out)
        view.addAction(self.act_fullscreen)
        view.addSeparator()
        sort_menu = view.addMenu(self.tr("Sort"))
        self.sort_group = QActionGroup(self)
        for i in range(self.sort_box.count()):
            act = sort_menu.addAction(self.sort_box.itemText(i))
            act.setCheckable(True)
            act.setData(i)
            act.triggered.connect(lambda _=False, row=i: self.sort_box.setCurrentIndex(row))
            self.sort_group.addAction(act)
        theme_menu = view.addMenu(self.tr("Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[Theme, QAction] = {}
        for theme, text in ((Theme.DARK, self.tr("Dark grey")), (Theme.LIGHT, self.tr("Light"))):
            act = theme_menu.addAction(text)
            act.setObjectName(f"theme_{theme.value}")
            act.setCheckable(True)
            act.setChecked(current_theme() is theme)
            act.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            self.theme_group.addAction(act)
            self.theme_actions[theme] = act
        view.addSeparator()
        view.addAction(self.act_refresh)

        photo = bar.addMenu(self.tr("&Photo"))
        photo.setObjectName("menu_photo")
        for state in (CategoryState.CONFIRMED, CategoryState.REJECTED):
            for category in CULL_KEYS:
                photo.addAction(self.cull_actions[(category, state)])
            photo.addSeparator()
        photo.addAction(self.act_reviewed)
        photo.addAction(self.act_fullscreen)
        photo.addAction(self.act_redaction)
        photo.addSeparator()
        photo.addAction(self.view_actions[ViewKind.PEOPLE])
        photo.addAction(self.view_actions[ViewKind.CASE_REGISTER])

        set_menu = bar.addMenu(self.tr("&Set"))
        set_menu.setObjectName("menu_set")
        set_menu.addAction(self.act_add_to_set)
        set_menu.addSeparator()
        set_menu.addAction(self.view_actions[ViewKind.SETS])
        set_menu.addAction(self.view_actions[ViewKind.SYNC])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.act_help_keys)
        help_menu.addAction(self.act_about)
        self.menus: list[QMenu] = [file_menu, edit, view, photo, set_menu, help_menu]
        self._sort_changed(self.sort_box.currentIndex(), reload=False)

    @staticmethod
    def _has_module(name: str) -> bool:
        import importlib.util

        try:
            return importlib.util.find_spec(name) is not None
        except ImportError:
            return False

    def open_check(self) -> None:
        """File → Check archive…: the archive's own check, with progress (when this build has it)."""
        from photoarchive.ui.check_dialog import CheckDialog  # type: ignore[import-not-found]

        self.check_dialog = CheckDialog(self.ctx, self)
        self.check_dialog.start()
        self.check_dialog.show()

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

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.inbox_label = QLabel(self.tr("Inbox: starting…"))
        self.inbox_label.setObjectName("inbox_status")
        self.account_label = QLabel()
        self.account_label.setObjectName("account_status")
        self.busy_label = QLabel()
        self.tile_slider = QSlider(Qt.Orientation.Horizontal)
        self.tile_slider.setObjectName("tile_slider")
        self.tile_slider.setRange(MIN_THUMB, MAX_THUMB)
        self.tile_slider.setSingleStep(10)
        self.tile_slider.setPageStep(ZOOM_STEP)
        self.tile_slider.setFixedWidth(140)
        self.tile_slider.setToolTip(self.tr("Tile size (Ctrl+plus / Ctrl+minus)"))
        self.tile_slider.valueChanged.connect(self.set_tile_size)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.inbox_label)
        bar.addPermanentWidget(self.account_label)
        bar.addPermanentWidget(self.tile_slider)
        self.ctx.runner.busyChanged.connect(
            lambda n: self.busy_label.setText(self.tr("Working…") if n else "")
        )

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

    def _sort_changed(self, index: int, reload: bool = True) -> None:
        for act in self.sort_group.actions() if hasattr(self, "sort_group") else ():
            act.setChecked(act.data() == index)
        if reload:
            self.state.setValue("sort", index)
            self.reload()

    # -- tile size ----------------------------------------------------------------------------------

    def set_tile_size(self, thumb: int) -> None:
        """Tiles with thumbnails of this edge (logical px); thumbnails are read again to stay sharp."""
        self.delegate.set_thumb(thumb)
        cell = tile_size(self.delegate.thumb)
        self.grid.setGridSize(QSize(cell.width() + 4, cell.height() + 4))
        if self.tile_slider.value() != self.delegate.thumb:
            self.tile_slider.setValue(self.delegate.thumb)
        self.state.setValue("tile_size", self.delegate.thumb)
        self._zoom_timer.start()

    def _apply_thumbnail_bound(self) -> None:
        ratio = max(1.0, self.grid.devicePixelRatioF())
        edge = round(self.delegate.thumb * ratio)
        if self.thumbnails.set_bound(QSize(edge, edge)):
            self.grid.viewport().update()

    def zoom(self, step: int) -> None:
        self.tile_slider.setValue(self.delegate.thumb + step)

    def _select_all(self) -> None:
        if self.stack.currentWidget() is self.pages["grid"]:
            self.grid.selectAll()
            self.grid.setFocus()

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
            self._show_page(self.pages["sets"])
            self.sets_page.show_set(spec.set_id)
        elif spec.kind is ViewKind.SYNC and "sync" in self.pages:
            self._show_page(self.pages["sync"])
            self.sync_page.refresh()
        elif spec.kind is ViewKind.PEOPLE and "people" in self.pages:
            self._show_page(self.people_page)
            self.people_page.refresh()
        elif spec.kind is ViewKind.CASE_REGISTER and "cases" in self.pages:
            self._show_page(self.cases_page)
            self.cases_page.refresh()
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
            self._no_consent = photos_without_consent(ctx.catalog)
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

        if self._select_after_load is None:
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
        self.model.without_consent = getattr(self, "_no_consent", frozenset())
        self.model.begin_view(total, first_rows)
        # Seconds from asking for the view to the grid holding it (printed by benchmarks/gui.py).
        self.last_fill_seconds = time.perf_counter() - self._asked_at
        self.count_label.setText(self.tr("%n photo(s)", "", total))
        if not self.search_box.text().strip() and spec.kind in self.sidebar.names:
            # The view's count in the sidebar is the grid's own: the two never disagree during ingest.
            self.sidebar.set_count(spec.kind, total)
        if total:
            self.empty_label.hide()
        else:
            self.empty_label.setText(self._empty_text(spec))
            self.empty_label.show()
        self.gridFilled.emit(total)
        if self._counts_after_first_view:
            self._counts_after_first_view = False
            self.refresh_sidebar()

    def _fill_ids(self, generation: int, ids: list[int]) -> None:
        if generation != self._load_generation:
            return
        self.model.set_all_ids(ids)
        self._restore_selection()

    def _restore_selection(self) -> None:
        """Select again what was selected (or what was asked for), once every id of the view is known.
        The inspector follows: a photo that left the view (a search, "Mark as reviewed") leaves it empty."""
        wanted = self._select_after_load
        self._select_after_load = None
        selected = set(wanted) if wanted is not None else getattr(self, "_selected_before", set())
        self._select_ids(selected, current=wanted[0] if wanted else None)
        self._selection_settled()
        self.gridSettled.emit()

    def _empty_text(self, spec: ViewSpec) -> str:
        if self.search_box.text().strip():
            return self.tr("No photos match the search.")
        if spec.kind is ViewKind.INBOX:
            folders = ", ".join(str(f) for f in self.ctx.settings.inbox_folders(self.ctx.home))
            return self.tr("No new photos. Photos dropped into %1 appear here within seconds.").replace(
                "%1", folders
            )
        return self.tr("No photos here yet.")

    def _select_ids(self, ids: set[int], current: int | None = None, *, scroll: bool = True) -> None:
        selection = self.grid.selectionModel()
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        if current is not None and self.model.row_of(current) is not None:
            first = self.model.row_of(current)
        else:
            first = rows[0] if rows else None
        if first is not None:
            selection.setCurrentIndex(self.model.index(first), QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll:
                self.grid.scrollTo(self.model.index(first), QAbstractItemView.ScrollHint.PositionAtCenter)
        for row in rows:
            selection.select(self.model.index(row), QItemSelectionModel.SelectionFlag.Select)

    def select_photos(self, ids: list[int]) -> None:
        """Select these photos in the grid (the first becomes current and is scrolled to)."""
        self.grid.selectionModel().clearSelection()
        self._select_ids(set(ids), current=ids[0] if ids else None)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.grid.selectionModel().selectedIndexes())
        ids = (self.model.id_at(r) for r in rows if r < self.model.rowCount())
        return [i for i in ids if i is not None]

    def working_ids(self) -> list[int]:
        """What a key works on: the selection, else the photo with the grid's keyboard focus frame."""
        ids = self.selected_ids()
        if ids:
            return ids
        current = self.grid.currentIndex()
        photo_id = self.model.id_at(current.row()) if current.isValid() else None
        if photo_id is None:
            return []
        self.grid.selectionModel().select(current, QItemSelectionModel.SelectionFlag.Select)
        return [photo_id]

    def _selection_settled(self) -> None:
        ids = self.selected_ids()
        if ids != self.inspector.ids or not ids:
            self.inspector.show_photos(ids)

    def _current_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        preview = self.preview_window
        if preview is not None and preview.isVisible() and current.isValid():
            photo = self.model.photo(current.row())
            if photo is not None:
                preview.show_photo(photo, current.row(), self.model.rowCount())

    def refresh_sidebar(self) -> None:
        """Counts and the case and set lists beside the views (one worker call)."""

        def gather():  # type: ignore[no-untyped-def]
            photos = self.ctx.catalog.photos
            counts = {
                ViewKind.INBOX: photos.count(PhotoQuery(unreviewed_only=True)),
                ViewKind.ALL: photos.count(PhotoQuery()),
                ViewKind.PORTRAITS: photos.count(PhotoQuery(category=Category.PORTRAIT)),
                ViewKind.CASES: photos.count(PhotoQuery(category=Category.CASE)),
                ViewKind.MEDIA: photos.count(PhotoQuery(category=Category.MEDIA)),
                ViewKind.NEEDS_REVIEW: photos.count(PhotoQuery(needs_review=True)),
                ViewKind.QUARANTINE: len(self.ctx.catalog.quarantine.list()),
            }
            out = {"counts": counts, "cases": photos.case_numbers()}
            if "sets" in self.pages:
                out["sets"] = self.sets_page.sidebar_entries()
            if "people" in self.pages:
                out.update(self._consent_counts())
            return out

        def show(info) -> None:  # type: ignore[no-untyped-def]
            for kind, count in info["counts"].items():
                self.sidebar.set_count(kind, count)
            self.sidebar.set_cases(info["cases"])
            if "sets" in info:
                self.sidebar.set_sets(info["sets"])
                self.sidebar.set_count(ViewKind.SETS, len(info["sets"]))
            if "people" in info:
                self.sidebar.set_count(ViewKind.PEOPLE, info["people"])
                self.sidebar.set_count(ViewKind.CASE_REGISTER, info["case_register"])
                self._takedown_banner(info["takedowns"])

        self.ctx.runner.submit(gather, on_done=show, on_error=self._show_error)

    def _consent_counts(self) -> dict[str, int]:
        """People and cases in the registers, and the published photos the next sync takes down
        (someone withdrew consent, or a case's take-down date has come). Runs on a worker."""
        from photoarchive.cases.service import CaseService
        from photoarchive.people.service import PeopleService

        ctx = self.ctx
        people = PeopleService.for_home(ctx.catalog, ctx.home, ctx.settings, actor=ctx.actor)
        cases = CaseService.for_home(ctx.catalog, ctx.home, ctx.settings, actor=ctx.actor)
        waiting = set(people.pending_takedowns()) | set(cases.pending_takedowns())
        return {"people": len(people.list()), "case_register": len(cases.list()), "takedowns": len(waiting)}

    def _takedown_banner(self, waiting: int) -> None:
        if waiting:
            self.banner.show_message(
                Level.WARNING,
                self.tr(
                    "%n published photo(s) must come off Flickr: the next sync takes them down.", "", waiting
                ),
                "takedown",
                self.tr("Show people"),
            )
        elif self.banner.isVisible() and self.banner.key == "takedown":
            self.banner.hide()

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

    def _next_after(self, ids: list[int]) -> int | None:
        """The photo to move on to after working on these: the one after the last, else the one before."""
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        if not rows:
            return None
        chosen = set(ids)
        for row in list(range(rows[-1] + 1, len(self.model.ids()))) + list(range(rows[0] - 1, -1, -1)):
            photo_id = self.model.id_at(row)
            if photo_id is not None and photo_id not in chosen:
                return photo_id
        return None

    def mark_reviewed(self) -> None:
        """Mark the selection as reviewed and move on to the next photo (the Inbox drops them)."""
        ids = self.working_ids()
        if not ids:
            return
        following = self._next_after(ids)
        if following is not None:
            # At once, so the next key press already works on the next photo.
            self.select_photos([following])
        self._select_after_load = [following] if following is not None else []

        def done(_r: object) -> None:
            self.statusBar().showMessage(self.tr("%n photo(s) marked as reviewed", "", len(ids)), 5000)
            # Wherever the user is by now (they may have moved on already).
            self._select_after_load = self.selected_ids() or ([following] if following is not None else [])
            self.reload()
            self.refresh_sidebar()

        ctx = self.ctx
        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.mark_reviewed(ids), on_done=done, on_error=self._show_error
        )

    def cull(self, category: Category, state: CategoryState) -> None:
        """P/C/M (Shift rejects): decide a category for every selected photo, without asking."""
        ids = self.working_ids()
        if not ids:
            return
        ctx = self.ctx
        verb = self.tr("confirmed") if state is CategoryState.CONFIRMED else self.tr("rejected")
        names = {
            Category.PORTRAIT: self.tr("Portrait"),
            Category.CASE: self.tr("Case photo"),
            Category.MEDIA: self.tr("Media / high-res"),
        }

        def done(_r: object) -> None:
            self.statusBar().showMessage(
                self.tr("%1 %2 on %n photo(s)", "", len(ids))
                .replace("%1", names[category])
                .replace("%2", verb),
                5000,
            )
            self._photos_changed(ids)
            if self.inspector.ids == ids:
                self.inspector.show_photos(ids)

        self.ctx.runner.submit(
            lambda: ctx.catalog.photos.set_category(ids, category, state, actor=ctx.actor),
            on_done=done,
            on_error=self._show_error,
        )

    def open_fullscreen(self) -> None:
        """The current photo full screen; arrows step through the grid, Esc comes back."""
        from photoarchive.ui.preview_window import FullScreenPreview

        index = self.grid.currentIndex()
        selected = self.selected_ids()
        if selected and (not index.isValid() or self.model.id_at(index.row()) not in selected):
            index = self.model.index(self.model.row_of(selected[0]) or 0)
            self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        if not index.isValid():
            row = self.model.row_of(selected[0]) if selected else (0 if self.model.rowCount() else None)
            if row is None:
                return
            index = self.model.index(row)
            self.grid.setCurrentIndex(index)
        photo = self.model.photo(index.row())
        if photo is None:
            return
        if self.preview_window is None:
            self.preview_window = FullScreenPreview(self.ctx, self)
            self.preview_window.stepRequested.connect(self._preview_step)
            self.preview_window.closed.connect(lambda: self.grid.setFocus())
            for act in self.cull_actions.values():
                self.preview_window.addAction(act)
            self.preview_window.addAction(self.act_reviewed)
        self.preview_window.show_photo(photo, index.row(), self.model.rowCount())
        self.preview_window.showFullScreen()
        self.preview_window.activateWindow()
        self.preview_window.setFocus()

    def _preview_step(self, step: int) -> None:
        row = self.grid.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(row))

    def show_shortcuts(self) -> None:
        """Every menu command with its keys, in one list (Help → Keyboard shortcuts)."""
        lines = []
        for menu in self.menus:
            for act in menu.actions():
                keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys and not act.isSeparator():
                    lines.append(f"{act.text().replace('&', '')}\t{keys}")
        lines.append(self.tr("Arrow keys\tmove in the grid"))
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), "\n".join(lines), parent=self
        )
        box.setObjectName("shortcuts_box")
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        from photoarchive import __version__

        QMessageBox.about(
            self,
            self.tr("About Photo archive"),
            self.tr(
                "Photo archive %1: the press office's archive of photos, with personal data removed "
                "before anything leaves it."
            ).replace("%1", __version__),
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
            text = self.tr("%1 could not be archived and was put in quarantine.").replace(
                "%1", result.source.name
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
                self.tr(
                    "%1 could not be archived: the archive folder cannot be written (full disk, no access "
                    "or gone). The file stays in the inbox."
                ).replace("%1", result.source.name),
                key="failed",
            )

    def _announce_new_photos(self) -> None:
        count = len(self._new_photos)
        self._announced = list(self._new_photos)
        self._new_photos.clear()
        if not count:
            return
        text = self.tr("%n new photo(s) from the inbox", "", count)
        self.banner.show_message(Level.INFO, text, key="new", action=self.tr("Show them"))
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
            self.show_new_photos()
        elif key == "takedown":
            self.sidebar.select(ViewSpec(ViewKind.PEOPLE))
        self.banner.hide()

    def show_new_photos(self) -> None:
        """The Inbox with the photos just announced selected and scrolled to."""
        wanted = list(self._announced)
        self._select_after_load = wanted
        if self.current_view() == ViewSpec(ViewKind.INBOX) and not self.search_box.text():
            self.reload()
        else:
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.sidebar.select(ViewSpec(ViewKind.INBOX))
        self.grid.setFocus()

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

    def export_selected(self) -> None:
        """Clean, press-stamped copies of the selected photos, in one dialog (folder, size, date)."""
        ids = self.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the photos to export first."), 8000)
            return
        from photoarchive.ui.export_dialog import ExportDialog

        names = {}
        for photo_id in ids:
            row = self.model.row_of(photo_id)
            photo = self.model.photo(row) if row is not None else None
            if photo is not None:
                names[photo_id] = photo.original_name
        self.export_dialog = ExportDialog(self.ctx, ids, names, self)
        self.export_dialog.finished_export.connect(self._export_done)
        self.export_dialog.open()

    def _export_done(self, items) -> None:  # type: ignore[no-untyped-def]
        self.last_export = items
        written = [i for i in items if not i.error]
        self.statusBar().showMessage(self.tr("%n clean copy(ies) written.", "", len(written)), 10000)

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

    def signed_in(self, name: str) -> None:
        """A sign-in anywhere in the app shows in the status bar at once."""
        self.account_label.setText(self.tr("Flickr: signed in as %1").replace("%1", name))

    # -- settings -------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from photoarchive.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx.home, self.ctx.settings, self)
        dialog.signedIn.connect(self.signed_in)
        self.settings_dialog = dialog
        if dialog.exec() and dialog.saved is not None:
            old_inbox = self.ctx.settings.inbox
            self.ctx.settings = dialog.saved
            self.inspector.ctx.settings = dialog.saved
            if dialog.saved.inbox != old_inbox:
                self.restart_watch()
            if "sync" in self.pages:
                self.sync_page.refresh()  # the account line follows a new key or endpoint
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
