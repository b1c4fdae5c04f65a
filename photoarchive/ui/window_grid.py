"""The main window's views and grid: loading the chosen view into the grid on a worker (first rows, then
every id), the selection and what follows it (inspector, preview), the sidebar's counts, sort and tile size."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtWidgets import QAbstractItemView

from photoarchive.catalog.photos import Category, PhotoQuery, PhotoSummary
from photoarchive.ui.photo_model import photos_without_consent
from photoarchive.ui.tile_delegate import tile_size
from photoarchive.ui.views import FIRST_ROWS, GridOptions, ViewKind, ViewSpec, query_for


def published_photo_ids(catalog) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Photos in a set whose approved content is on Flickr (a few sets; read once per view)."""
    from photoarchive.sets.model import SetState

    ids: set[int] = set()
    for photo_set in catalog.sets.list():
        if photo_set.state is SetState.PUBLISHED and photo_set.approved_content is not None:
            ids.update(p.photo_id for p in photo_set.approved_content.photos)
    return frozenset(ids)


class WindowGrid:
    """Views, loading, selection and sidebar counts of the main window's grid (a mixin of MainWindow)."""

    # -- sort --------------------------------------------------------------------------------------

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

    def refresh_all(self) -> None:
        self.thumbnails.forget_missing()
        self._view_selected(self.current_view())
        self.refresh_sidebar()
        self.watch.rescan()

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
