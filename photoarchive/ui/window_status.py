"""The main window's status bar and banners: the inbox watcher's results and state (new photos announced,
duplicates, quarantine, an offline inbox), desktop notifications, the Flickr account line, take-down banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider, QSystemTrayIcon

from photoarchive.ui.banner import Level
from photoarchive.ui.inbox_watch import InboxWatch
from photoarchive.ui.tile_delegate import MAX_THUMB, MIN_THUMB
from photoarchive.ui.views import ViewKind, ViewSpec
from photoarchive.ui.window_actions import ZOOM_STEP

# New photos arriving within this window are announced together ("3 new photos from the inbox").
ANNOUNCE_AFTER_MS = 700


class WindowStatus:
    """Status bar, banners and notifications of the main window (a mixin of MainWindow)."""

    # -- the status bar ----------------------------------------------------------------------------

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

    # -- the Flickr account ------------------------------------------------------------------------

    def _account_status(self, text: str) -> None:
        self.account_label.setText(text)

    def signed_in(self, name: str) -> None:
        """A sign-in anywhere in the app shows in the status bar at once."""
        self.account_label.setText(self.tr("Flickr: signed in as %1").replace("%1", name))

    def restart_watch(self) -> None:
        """Watch the (new) inbox folders; stopping finishes the file in hand, on a worker."""
        old = self.watch
        self.inbox_online.clear()
        self.watch = InboxWatch(self.ctx, self)
        self.watch.result.connect(self._ingest_result)
        self.watch.status.connect(self._inbox_status)
        self.watch.failed.connect(self._watch_failed)
        self.ctx.runner.submit(old.stop, on_done=lambda _r: self.watch.start(), on_error=self._show_error)
