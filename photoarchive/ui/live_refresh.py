"""Other desks' changes in this window within a moment, without F5 (the shared PostgreSQL catalog only).

`ChangeListener` (ui/change_listener.py) waits on the catalog's change feed (LISTEN/NOTIFY, `catalog.change_feed()`) on a thread
of its own and reports through Qt signals, Vorta-style: which tables changed, and whether the server can
be reached. `LiveRefresh` gathers the notices for a moment and asks the views that show those tables to
refresh: the grid keeps its selection, current photo and scroll position; the inspector never overwrites
text being typed (it says the photo changed instead); the sets page the same for the album details.
On SQLite there is no feed: the listener ends at once and nothing changes.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer, Signal

from photoarchive.ui.change_listener import ChangeListener

log = logging.getLogger(__name__)

# Notices arriving within this long are answered with one refresh of each view concerned.
GATHER_MS = 150
# The sidebar's counts (several queries) at most this often while another desk ingests a drop.
SIDEBAR_EVERY_S = 1.0

# Which views show which tables (the names the triggers of migrations 0004 and 0007 send).
GRID_TABLES = frozenset({"photos", "photo_categories", "photo_sets", "set_members"})
INSPECTOR_TABLES = frozenset({"photos", "photo_categories"})
SIDEBAR_TABLES = frozenset(
    {"photos", "photo_categories", "photo_sets", "set_members", "quarantine"}
    | {"people", "consents", "photo_people", "cases", "case_retention"}
)
SETS_TABLES = frozenset({"photo_sets", "set_members", "photos", "audit_log"})
PEOPLE_TABLES = frozenset({"people", "consents", "photo_people", "photos"})
CASES_TABLES = frozenset({"cases", "case_retention", "photos"})
# Everything, after the server was out of reach (notices sent meanwhile are lost).
SYNC_TABLES = frozenset({"flickr_journal", "sync_requests", "sync_request_log"})
EVERYTHING = GRID_TABLES | SIDEBAR_TABLES | SETS_TABLES | PEOPLE_TABLES | CASES_TABLES | SYNC_TABLES


class LiveRefresh(QObject):
    """Turns change notices into refreshes of the window's views (see the module's docstring)."""

    # The views refreshed for one batch of notices (names: "grid", "inspector", "sidebar", "sets", …).
    applied = Signal(object)

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        ctx = window.ctx

        def open_feed():  # type: ignore[no-untyped-def]
            # A catalog that could not be opened at start-up is the launcher's message, not a retry here.
            if ctx.catalog_future.exception() is not None:
                return None
            return ctx.catalog.change_feed()

        self.listener = ChangeListener(open_feed, self)
        self.listener.changed.connect(self._noticed)
        self.listener.reachable.connect(self._reachable)
        self._pending: set[str] = set()
        self._gather = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather.timeout.connect(self._apply)
        self._grid_busy = False
        self._grid_again = False
        self._sidebar_at = 0.0
        self._sidebar_after_grid = False
        self._sidebar_later = QTimer(self, singleShot=True)
        self._sidebar_later.timeout.connect(self._refresh_sidebar)
        self.online = True

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self._gather.stop()
        self._sidebar_later.stop()
        self.listener.stop()

    # -- notices --------------------------------------------------------------------------------

    def explains(self, exc: BaseException) -> bool:
        """Whether a failed background job failed because the shared catalog's server is out of reach:
        then the "cannot be reached — retrying" banner stands for it (not the driver's words), and the
        listener checks the server at once and clears the banner when it answers."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        from photoarchive.catalog.db import CatalogUnreachable

        future = self.window.ctx.catalog_future
        if not self.listener.running or (future.done() and future.exception() is not None):
            return False  # one desk's archive, or a catalog that never opened (the launcher says so)
        # A dropped or refused connection (no SQLSTATE, class 08, or the server shutting down: 57P0x),
        # not a query the server answered with an error (a timeout, a refusal by its rules).
        state = getattr(getattr(exc, "orig", None), "sqlstate", None)
        lost = isinstance(exc, CatalogUnreachable) or (
            isinstance(exc, DBAPIError)
            and (
                exc.connection_invalidated
                or isinstance(exc, OperationalError)
                and (state is None or state.startswith(("08", "57P0")))
            )
        )
        if lost:
            log.info("a catalog call failed while the server was out of reach: %s", exc)
            self._reachable(False)
            self.listener.suspect()
        return bool(lost)

    def _noticed(self, tables: frozenset[str]) -> None:
        self._pending |= tables
        if not self._gather.isActive():
            self._gather.start()  # not restarted by later notices: a busy desk cannot starve the refresh

    def _reachable(self, online: bool) -> None:
        from photoarchive.ui.banner import Level

        banner = self.window.banner
        if online:
            if not self.online or banner.key == "shared_offline":
                self._noticed(EVERYTHING)  # what failed or was told meanwhile is shown again
            self.online = True
            banner.clear("shared_offline")
        else:
            self.online = False
            banner.show_message(
                Level.ERROR, self.tr("The shared archive cannot be reached — retrying"), key="shared_offline"
            )

    def _apply(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        w = self.window
        spec = w.current_view()
        done: list[str] = []
        if tables & GRID_TABLES and spec.shows_grid:
            self.refresh_grid()
            done.append("grid")
        if tables & INSPECTOR_TABLES and w.inspector.isVisible():
            w.inspector.live_refresh()
            done.append("inspector")
        if tables & SIDEBAR_TABLES:
            # After the grid's refresh when there is one: the two would share the workers and both be late.
            if "grid" in done and (self._grid_busy or self._grid_again):
                self._sidebar_after_grid = True
            else:
                self._refresh_sidebar()
            done.append("sidebar")
        shown = w.stack.currentWidget()
        pages = w.pages
        if "quarantine" in tables and shown is pages.get("quarantine"):
            w._load_quarantine()
            done.append("quarantine")
        for name, watched in (("sets", SETS_TABLES), ("people", PEOPLE_TABLES), ("cases", CASES_TABLES)):
            page = pages.get(name)
            if page is not None and tables & watched and shown is w._holders.get(page, page):
                if hasattr(page, "live_refresh"):
                    page.live_refresh()
                else:
                    page.refresh()
                done.append(name)
        sync = pages.get("sync")
        # The sync page (its own module) follows the catalog's sync state where it offers a hook for it.
        if sync is not None and shown is sync and hasattr(sync, "live_refresh"):
            sync.live_refresh(tables)
            done.append("sync")
        log.debug("changes in %s refreshed %s", sorted(tables), done)
        self.applied.emit(tuple(done))

    def _refresh_sidebar(self) -> None:
        wait = self._sidebar_at + SIDEBAR_EVERY_S - time.monotonic()
        if wait > 0:
            if not self._sidebar_later.isActive():
                self._sidebar_later.start(int(wait * 1000) + 1)
            return
        self._sidebar_at = time.monotonic()
        self.window.refresh_sidebar()

    # -- the grid -------------------------------------------------------------------------------

    def refresh_grid(self) -> None:
        """The current view again, in place: the same selection, current photo and scroll position."""
        from photoarchive.ui.views import query_for
        from photoarchive.ui.window_grid import published_photo_ids

        w = self.window
        if self._grid_busy:
            self._grid_again = True
            return
        model = w.model
        if len(model.ids()) < model.rowCount():
            # The window's own load of this view is still arriving; look again once it has.
            self._grid_again = True
            QTimer.singleShot(300, self, self._grid_done)
            return
        spec = w.current_view()
        if not spec.shows_grid:
            return
        query = query_for(spec, w.grid_options())
        generation = w._load_generation
        anchor_row = self._top_row()
        shown = max(1, self._rows_on_screen())
        catalog_of = w.ctx

        def work():  # type: ignore[no-untyped-def]
            catalog = catalog_of.catalog
            ids = catalog.photos.ids(query)
            published = published_photo_ids(catalog)
            old = model_ids
            anchor = old[anchor_row] if 0 <= anchor_row < len(old) else None
            at = ids.index(anchor) if anchor in ids else min(max(anchor_row, 0), max(len(ids) - 1, 0))
            near = ids[max(0, at - 2 * shown) : at + 3 * shown]
            return ids, catalog.photos.summaries_for(near), published

        model_ids = model.ids()
        self._grid_busy = True

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self._grid_busy = False
            if generation == w._load_generation and w.current_view() == spec:
                self._show_grid(*result)
            self._grid_done()

        def failed(exc: BaseException) -> None:
            self._grid_busy = False
            log.info("live refresh of the grid failed: %s", exc)
            self._grid_done()

        w.ctx.runner.submit(work, on_done=done, on_error=failed)

    def _grid_done(self) -> None:
        """A refresh of the grid ended: the next one if more notices came meanwhile, else the sidebar's."""
        if self._grid_again and not self._grid_busy:
            self._grid_again = False
            if self.window.current_view().shows_grid:
                self.refresh_grid()
        if self._sidebar_after_grid and not self._grid_busy and not self._grid_again:
            self._sidebar_after_grid = False
            self._refresh_sidebar()

    def _top_row(self) -> int:
        grid = self.window.grid
        index = grid.indexAt(QPoint(grid.spacing() + 2, grid.spacing() + 2))
        return index.row() if index.isValid() else 0

    def _rows_on_screen(self) -> int:
        grid = self.window.grid
        cell = grid.gridSize()
        if cell.width() <= 0 or cell.height() <= 0:
            return 60
        across = max(1, grid.viewport().width() // cell.width())
        down = max(1, grid.viewport().height() // cell.height() + 1)
        return across * down

    def _show_grid(self, ids: list[int], fresh: list, published: frozenset[int]) -> None:  # type: ignore[type-arg]
        w = self.window
        model, grid = w.model, w.grid
        model.published = published
        w._published = published
        if list(ids) == model.ids():
            model.refresh_rows(fresh)  # nothing came or went: new rows only, no reset
            self.applied.emit(("grid_rows",))
            return
        # Photos came or went: remember what the user is looking at, show the new list, restore it.
        selected = set(w.selected_ids())
        current = grid.currentIndex()
        current_id = model.id_at(current.row()) if current.isValid() else None
        top_row = self._top_row()
        anchor = model.id_at(top_row)
        anchor_offset = grid.visualRect(model.index(top_row)).top() if anchor is not None else 0
        scroll = grid.verticalScrollBar()
        value = scroll.value()
        inspector_ids = list(w.inspector.ids)
        model.set_photos(ids, fresh)
        w.count_label.setText(QCoreApplication.translate("MainWindow", "%n photo(s)", "", len(ids)))
        w.empty_label.setVisible(not ids)
        if not ids:
            w.empty_label.setText(w._empty_text(w.current_view()))
        w._select_ids(selected, current=current_id, scroll=False)
        grid.doItemsLayout()
        row = model.row_of(anchor) if anchor is not None else None
        if row is not None:
            scroll.setValue(scroll.value() + grid.visualRect(model.index(row)).top() - anchor_offset)
        else:
            scroll.setValue(min(value, scroll.maximum()))
        # The inspector follows the selection only when nothing typed would be lost.
        w._selection_timer.stop()
        now = w.selected_ids()
        if now != inspector_ids and not w.inspector.has_unsaved_changes():
            w.inspector.show_photos(now)
        self.applied.emit(("grid_list",))
