"""Start-up of the desktop app: `photoarchive` with no command, and `photoarchive --self-test`."""

from __future__ import annotations

import logging
import logging.handlers
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from photoarchive import APP_NAME, __version__

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT_S = 120.0


def choose_language(configured: str, system_locale: str) -> str:
    """ "nb" or "en": the setting when given, else the system's language (any Norwegian → Bokmål)."""
    if configured:
        return configured
    lang = system_locale.replace("-", "_").split("_")[0].lower()
    return "nb" if lang in ("nb", "no", "nn") else "en"


def _log_to_file(logs_dir: Path) -> None:
    """The app's log goes to a rotating file in the home (a windowed app has no console)."""
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            logs_dir / "photoarchive.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        log.warning("cannot write the log file in %s: %s", logs_dir, exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
        # Keep the console as quiet as the user asked for (the CLI set WARNING unless -v).
        for other in root.handlers:
            if other is not handler and other.level == logging.NOTSET:
                other.setLevel(logging.WARNING)


def _say(text: str) -> None:
    # A windowed build on Windows has no stdout.
    if sys.stdout is not None:
        print(text, flush=True)


def make_application(argv: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The QApplication with name, icon and a palette that follows the system's light/dark setting."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    from photoarchive.ui.resources import icon_path

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Photo archive")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    if icon_path().exists():
        app.setWindowIcon(QIcon(str(icon_path())))
    # The native Windows style draws light widgets even in dark mode; Fusion follows the system palette.
    if sys.platform == "win32" and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        app.setStyle("Fusion")
    return app


def install_translator(app, language: str):  # type: ignore[no-untyped-def]
    """Load the app's translation for the language; English is the source text, so it needs no file."""
    from PySide6.QtCore import QTranslator

    from photoarchive.ui.resources import qm_file

    qm = qm_file(language)
    if qm is None:
        if language != "en":
            log.warning("no translation for %s; showing English", language)
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        log.warning("cannot load translation %s", qm)
        return None
    app.installTranslator(translator)
    # Windows and Linux add the display name to every window title: it must be in the same language.
    from PySide6.QtCore import QCoreApplication

    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Photo archive"))
    return translator


def run_app(home: str | None, self_test: bool) -> int:
    """Open the main window on the given (or default) home; with self_test, check the app end to end."""
    if self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _self_test()
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMessageBox

    from photoarchive.errors import PhotoarchiveError
    from photoarchive.home import Home
    from photoarchive.settings import Settings

    app = make_application()
    home_obj = Home.resolve(home)
    try:
        home_obj.ensure()
        _log_to_file(home_obj.logs)
        settings = Settings.load(home_obj)
    except (PhotoarchiveError, OSError) as exc:
        install_translator(app, choose_language("", QLocale.system().name()))
        QMessageBox.critical(None, app.applicationDisplayName(), str(exc))
        return 2
    install_translator(app, choose_language(settings.ui.language, QLocale.system().name()))
    window = open_main_window(home_obj, settings)
    if window is None:
        return 2
    window.show()
    return int(app.exec())


def open_main_window(home, settings, *, watch_inbox: bool = True):  # type: ignore[no-untyped-def]
    """Build the window while the catalog opens on a thread; a catalog that cannot be opened is shown."""
    import threading
    from concurrent.futures import Future

    from PySide6.QtWidgets import QMessageBox

    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    catalog: Future = Future()

    def open_catalog() -> None:
        try:
            from photoarchive.catalog import Catalog

            catalog.set_result(Catalog.for_home(home))
        except BaseException as exc:  # noqa: BLE001 — handed to the window, which shows it
            catalog.set_exception(exc)

    threading.Thread(target=open_catalog, name="open-catalog", daemon=True).start()
    runner = JobRunner()
    ctx = AppContext(home=home, settings=settings, catalog=catalog, runner=runner)
    window = MainWindow(ctx, watch_inbox=watch_inbox)
    runner.setParent(window)
    _install_excepthook(window)

    def cannot_open(exc: BaseException) -> None:
        QMessageBox.critical(window, "Photo archive", str(exc))
        window.close()

    runner.submit(catalog.result, on_error=cannot_open)
    return window


def _install_excepthook(window) -> None:  # type: ignore[no-untyped-def]
    """An unexpected error in a slot is logged and shown; the window stays open and nothing is lost."""
    previous = sys.excepthook

    def hook(kind, value, tb):  # type: ignore[no-untyped-def]
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            from PySide6.QtCore import QCoreApplication

            from photoarchive.ui.banner import Level

            text = QCoreApplication.translate("MainWindow", "Unexpected error: %1").replace("%1", str(value))
            window.banner.show_message(Level.ERROR, text, key="error")
        except Exception:  # noqa: BLE001 — the window may be gone; the log has it
            previous(kind, value, tb)

    sys.excepthook = hook


# -- self-test ----------------------------------------------------------------------------------


def _self_test() -> int:
    """Open the window offscreen on a temporary home, drop a generated photo in its inbox, wait for it
    to reach the grid. Exit 0 when it did, 1 otherwise (what failed is printed)."""
    from PIL import Image, ImageDraw
    from PySide6.QtCore import QTimer

    from photoarchive.home import Home
    from photoarchive.settings import Settings

    started = time.perf_counter()
    app = make_application()
    install_translator(app, "en")
    root = Path(tempfile.mkdtemp(prefix="photoarchive-selftest-"))
    outcome = {"code": 1, "why": "timed out waiting for the sample photo to appear in the grid"}
    try:
        home = Home(root / "home æøå").ensure()
        settings = Settings()
        settings.inbox.settle_seconds = 0.2
        settings.inbox.rescan_seconds = 0.5
        window = open_main_window(home, settings)
        if window is None:
            _say("self-test: FAILED — the catalog could not be opened")
            return 1
        window.show()

        def ingest_result(result) -> None:  # type: ignore[no-untyped-def]
            if result.outcome.value != "archived":
                outcome["why"] = f"the sample was not archived: {result.describe()}"
                app.quit()

        def filled(count: int) -> None:
            if count >= 1 and window.model.rowCount() >= 1:
                outcome.update(code=0, why=f"{window.model.photo(0).original_name} archived and shown")
                app.quit()

        def drop_sample() -> None:
            inbox = settings.inbox_folders(home)[0]
            inbox.mkdir(parents=True, exist_ok=True)
            image = Image.new("RGB", (800, 600), (40, 70, 120))
            ImageDraw.Draw(image).ellipse([250, 150, 550, 450], fill=(230, 190, 60))
            tmp = inbox / "selvtest-bilde.jpg.part"
            image.save(tmp, "JPEG", quality=85)
            tmp.replace(inbox / "selvtest-bilde.jpg")

        window.watch.result.connect(ingest_result)
        window.gridFilled.connect(filled)
        window.watch.started.connect(drop_sample)
        window.watch.failed.connect(
            lambda message: (outcome.update(why=f"the watcher failed: {message}"), app.quit())
        )
        QTimer.singleShot(int(SELF_TEST_TIMEOUT_S * 1000), app.quit)
        app.exec()
        window.shut_down()
        if window.ctx.catalog_future.done() and window.ctx.catalog_future.exception() is None:
            window.ctx.catalog.close()
        window.deleteLater()
    except Exception as exc:  # noqa: BLE001 — the self-test reports any failure as its result
        outcome["why"] = f"{type(exc).__name__}: {exc}"
        log.exception("self-test failed")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    verdict = "OK" if outcome["code"] == 0 else "FAILED"
    _say(f"self-test: {verdict} — {outcome['why']} ({time.perf_counter() - started:.1f} s)")
    return int(outcome["code"])
