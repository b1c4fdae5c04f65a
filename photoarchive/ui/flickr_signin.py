"""Signing in to Flickr from the app: show the authorise address (open it, copy it), take the code.

Never a dead end: no API key is said at once, an unreachable Flickr as soon as the connection fails,
and a Flickr that does not answer within `ANSWER_WITHIN_S` seconds gets a message and a "Try again".
The calls run on a daemon thread of their own: a request that hangs must never hold up closing the
dialog or the app.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photoarchive.home import Home
from photoarchive.settings import Settings

log = logging.getLogger(__name__)

ANSWER_WITHIN_S = 10.0


class _Answer(QObject):
    done = Signal(int, object)  # attempt, (result,)
    failed = Signal(int, object)  # attempt, exception


def _in_thread(answer: _Answer, attempt: int, fn: Callable[[], Any]) -> None:
    def run() -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 — every failure is shown in the dialog
            try:
                answer.failed.emit(attempt, exc)
            except RuntimeError:  # the dialog is gone
                pass
        else:
            try:
                answer.done.emit(attempt, (result,))
            except RuntimeError:
                pass

    threading.Thread(target=run, name="flickr-sign-in", daemon=True).start()


class SignInDialog(QDialog):
    """Step 1 (on a thread): ask Flickr for the authorise URL. Step 2: the user pastes the code."""

    signedIn = Signal(str)  # the account name

    def __init__(
        self, home: Home, settings: Settings, parent: QWidget | None = None, *, open_browser: bool = True
    ):
        super().__init__(parent)
        self.setObjectName("flickr_sign_in_dialog")
        self.setWindowTitle(self.tr("Sign in to Flickr"))
        self.home = home
        self.settings = settings
        self.open_browser = open_browser
        self.session = None
        self._attempt = 0
        self._answer = _Answer(self)
        self._answer.done.connect(self._answered)
        self._answer.failed.connect(self._failed_attempt)
        self._on_done: Callable[[Any], None] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._timed_out)

        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("sign_in_intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.problem = QLabel()
        self.problem.setObjectName("sign_in_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d9534f; font-weight: bold;")
        self.problem.hide()
        layout.addWidget(self.problem)
        address = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setObjectName("authorize_url")
        self.url.setReadOnly(True)
        address.addWidget(self.url, 1)
        self.open_button = QPushButton(self.tr("Open in browser"))
        self.open_button.setObjectName("open_in_browser")
        self.open_button.clicked.connect(self.open_address)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copy_address")
        self.copy_button.clicked.connect(self.copy_address)
        address.addWidget(self.open_button)
        address.addWidget(self.copy_button)
        layout.addLayout(address)
        layout.addWidget(QLabel(self.tr("Verification code shown by Flickr:")))
        self.code = QLineEdit()
        self.code.setObjectName("verification_code")
        layout.addWidget(self.code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.retry_button = self.buttons.addButton(
            self.tr("Try again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.retry_button.setObjectName("sign_in_retry")
        self.retry_button.clicked.connect(self.start)
        self.finish_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.finish_button.setObjectName("sign_in_finish")
        self.buttons.accepted.connect(self.finish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(600, 240)
        self.start()

    # -- steps ----------------------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._attempt += 1
        self._on_done = on_done
        self.problem.hide()
        self._timer.start(int(ANSWER_WITHIN_S * 1000))
        _in_thread(self._answer, self._attempt, fn)

    def start(self) -> None:
        """Ask Flickr for a sign-in address (said at once when there is no API key to ask with)."""
        self.url.clear()
        self._set_address_buttons(False)
        self.finish_button.setEnabled(False)
        self.retry_button.hide()
        if not self._has_key():
            self.intro.setText(self.tr("Signing in needs the district's Flickr API key."))
            self._show_problem(
                self.tr(
                    "No Flickr API key is set. Enter the key and secret under Settings → Flickr, then sign in."
                ),
                retry=False,
            )
            return
        self.intro.setText(self.tr("Asking Flickr for a sign-in address…"))
        home, settings = self.home, self.settings

        def begin():  # type: ignore[no-untyped-def]
            from photoarchive.flickr.account import LoginSession

            session = LoginSession(home, settings)
            return session, session.start()

        self._run(begin, self._have_url)

    def _has_key(self) -> bool:
        import os

        key = os.environ.get("PHOTOARCHIVE_FLICKR_KEY") or self.settings.flickr.api_key
        secret = os.environ.get("PHOTOARCHIVE_FLICKR_SECRET") or self.settings.flickr.api_secret
        return bool(key and key.strip() and secret and secret.strip())

    def _have_url(self, result) -> None:  # type: ignore[no-untyped-def]
        self.session, url = result
        self.intro.setText(
            self.tr("Open this address, allow the app on Flickr, then paste the code Flickr shows below.")
        )
        self.url.setText(url)
        self._set_address_buttons(True)
        self.finish_button.setEnabled(True)
        if self.open_browser:
            QDesktopServices.openUrl(QUrl(url))

    def finish(self) -> None:
        if self.session is None:
            return
        session, code = self.session, self.code.text()
        if not code.strip():
            self._show_problem(self.tr("Paste the code Flickr shows after you allowed the app."), retry=False)
            return
        self.finish_button.setEnabled(False)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            account, _where = result
            self.signedIn.emit(account.username)
            self.accept()

        self._run(lambda: session.finish(code), done)

    # -- answers --------------------------------------------------------------------------------

    def _answered(self, attempt: int, boxed) -> None:  # type: ignore[no-untyped-def]
        if attempt != self._attempt:
            return  # an answer that came after the time-out
        self._timer.stop()
        if self._on_done is not None:
            self._on_done(boxed[0])

    def _failed_attempt(self, attempt: int, exc: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._timer.stop()
        log.info("Flickr sign-in step failed: %s", exc)
        self.finish_button.setEnabled(self.session is not None and bool(self.url.text()))
        self._show_problem(self.problem_words(exc), retry=True)

    def _timed_out(self) -> None:
        self._attempt += 1  # a late answer is ignored
        self.finish_button.setEnabled(self.session is not None and bool(self.url.text()))
        self._show_problem(
            self.tr(
                "Flickr did not answer within %1 seconds. Check the network connection (and the endpoint "
                "in Settings → Flickr), then try again."
            ).replace("%1", str(round(ANSWER_WITHIN_S))),
            retry=True,
        )

    def problem_words(self, exc: BaseException) -> str:
        """What went wrong, in the user's words (the core's English is logged, not shown)."""
        from photoarchive.flickr.errors import FlickrNotConfigured

        cause = exc.__cause__ or exc.__context__
        if isinstance(exc, FlickrNotConfigured):
            return self.tr("No Flickr API key is set. Enter the key and secret under Settings → Flickr.")
        if isinstance(exc, OSError) or isinstance(cause, OSError) or "reached" in str(exc):
            return self.tr(
                "Flickr cannot be reached. Check the network connection (and the endpoint in Settings → "
                "Flickr), then try again."
            )
        if self.session is not None and self.url.text():
            return self.tr(
                "Flickr did not accept the verification code (mistyped, or too old). Sign in again."
            )
        return self.tr("Flickr did not start the sign-in. Check the API key and secret in Settings → Flickr.")

    def _show_problem(self, text: str, *, retry: bool) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.retry_button.setVisible(retry)

    def _set_address_buttons(self, enabled: bool) -> None:
        self.open_button.setEnabled(enabled)
        self.copy_button.setEnabled(enabled)

    def open_address(self) -> None:
        if self.url.text():
            QDesktopServices.openUrl(QUrl(self.url.text()))

    def copy_address(self) -> None:
        if self.url.text():
            QGuiApplication.clipboard().setText(self.url.text())


class SignInButton(QWidget):
    """For the Settings dialog: the account state and a button to sign in with the settings shown."""

    signedIn = Signal(str)

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
        dialog.signedIn.connect(self._signed_in)
        dialog.exec()

    def _signed_in(self, name: str) -> None:
        self.label.setText(self.tr("Signed in as %1").replace("%1", name))
        self.signedIn.emit(name)
