"""The main window's entry points to work outside the grid: export clean copies, check the archive, add to a
set, remove from the archive, settings, and the quarantine page's folder and "dealt with" buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


class WindowCommands:
    """Entry points of the main window's commands (a mixin of MainWindow)."""

    # -- checking the archive ----------------------------------------------------------------------

    def open_check(self) -> None:
        """File → Check archive…: the archive's own check, with progress (when this build has it)."""
        from photoarchive.ui.check_dialog import CheckDialog  # type: ignore[import-not-found]

        self.check_dialog = CheckDialog(self.ctx, self)
        self.check_dialog.start()
        self.check_dialog.show()

    # -- the quarantine page -----------------------------------------------------------------------

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
