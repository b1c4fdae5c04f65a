"""Keyboard culling in the main window: P/C/M confirm a category (Shift rejects), Ctrl+R marks as reviewed
and moves on to the next photo, F/Space opens the full-screen preview that steps through the grid."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from photoarchive.catalog.photos import Category, CategoryState


class WindowCulling:
    """Keyboard culling and the full-screen preview (a mixin of MainWindow)."""

    # -- culling keys ------------------------------------------------------------------------------

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

    # -- the full-screen preview -------------------------------------------------------------------

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
