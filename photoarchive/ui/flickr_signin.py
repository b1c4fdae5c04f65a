"""Signing in to Flickr from the app: show the authorise URL (and open the browser), take the code."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.home import Home
from photoarchive.settings import Settings
from photoarchive.ui.workers import JobRunner

log = logging.getLogger(__name__)


class SignInDialog(QDialog):
    """Step 1 (on a worker): ask Flickr for the authorise URL. Step 2: the user pastes the code."""

    signedIn = Signal(str)  # the account name

    def __init__(
        self, home: Home, settings: Settings, parent: QWidget | None = None, *, open_browser: bool = True
    ):
        super().__init__(parent)
        from photoarchive.flickr.account import LoginSession

        self.setWindowTitle(self.tr("Sign in to Flickr"))
        self.runner = JobRunner(self, max_threads=1)
        self.open_browser = open_browser
        self.session: LoginSession | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Asking Flickr for a sign-in address…"))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.url = QLineEdit()
        self.url.setObjectName("authorize_url")
        self.url.setReadOnly(True)
        layout.addWidget(self.url)
        layout.addWidget(QLabel(self.tr("Verification code shown by Flickr:")))
        self.code = QLineEdit()
        self.code.setObjectName("verification_code")
        layout.addWidget(self.code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.finish_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finish_button.setEnabled(False)
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 220)

        def start() -> str:
            self.session = LoginSession(home, settings)
            return self.session.start()

        self.runner.submit(start, on_done=self._have_url, on_error=self._failed)

    def _have_url(self, url: str) -> None:
        self.intro.setText(
            self.tr("Open this address, allow the app on Flickr, then paste the code Flickr shows below.")
        )
        self.url.setText(url)
        self.finish_button.setEnabled(True)
        if self.open_browser:
            QDesktopServices.openUrl(QUrl(url))

    def finish(self) -> None:
        if self.session is None:
            return
        session, code = self.session, self.code.text()
        self.finish_button.setEnabled(False)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            account, _where = result
            self.signedIn.emit(account.username)
            self.accept()

        self.runner.submit(session.finish, code, on_done=done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.finish_button.setEnabled(self.session is not None and bool(self.url.text()))
        QMessageBox.warning(self, self.tr("Sign in to Flickr"), str(exc))


class SignInButton(QWidget):
    """For the Settings dialog: the account state and a button to sign in with the settings shown."""

    def __init__(self, home: Home, current_settings: Callable[[], Settings], parent: QWidget | None = None):
        super().__init__(parent)
        self.home = home
        self.current_settings = current_settings
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        button = QPushButton(self.tr("Sign in…"))
        button.setObjectName("flickr_sign_in")
        button.clicked.connect(self.sign_in)
        layout.addWidget(self.label, 1)
        layout.addWidget(button)

    def sign_in(self) -> None:
        dialog = SignInDialog(self.home, self.current_settings(), self)
        dialog.signedIn.connect(
            lambda name: self.label.setText(self.tr("Signed in as %1").replace("%1", name))
        )
        dialog.exec()
