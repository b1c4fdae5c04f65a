"""The shared archive's new words in Norwegian: the question when two desks saved one photo, and the banner
when the server cannot be reached (a real outage: the listener's connection cut, new logins refused)."""

from __future__ import annotations

import factory
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from ui.test_gui_language_walk import english_in, english_vocabulary, visible_texts

from photoarchive.ui.resources import compile_translations, translations_dir


@pytest.fixture
def norwegian(qapp, tmp_path):
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    yield
    QCoreApplication.removeTranslator(nb)


def _real_conflict(catalog):
    """Kari saves caption and keywords on the version Ola still has open; Ola's save is refused."""
    from photoarchive.catalog.conflicts import EditConflict

    photo_id = catalog.photos.add(
        factory.catalog_row("Åsted.jpg", "cd" * 32),
        actor="fotograf",
    )
    olas = catalog.photos.get(photo_id).version
    catalog.photos.update_fields(
        [photo_id],
        {"caption": "Karis tekst", "keywords": ["brann"]},
        actor="kari",
        expected_versions={photo_id: olas},
    )
    with pytest.raises(EditConflict) as refused:
        catalog.photos.update_fields(
            [photo_id], {"caption": "Olas tekst"}, actor="ola", expected_versions={photo_id: olas}
        )
    return refused.value


def test_the_conflict_question_in_norwegian(norwegian, catalog, qtbot):
    from photoarchive.ui.conflict_dialog import ConflictDialog, local_time

    conflict = _real_conflict(catalog)
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.open()
    when = local_time(conflict.changes[0].at)
    assert dialog.text() == f"kari endret bildetekst og nøkkelord kl. {when} mens du redigerte."
    assert dialog.keep_button.text() == "Behold min (overskriv)"
    assert dialog.reload_button.text() == "Hent deres"
    assert dialog.windowTitle() == "Endret på en annen pult"
    assert english_in(visible_texts(dialog), english_vocabulary()) == []


def test_the_unreachable_banner_in_norwegian_and_back(
    norwegian, pg_database, tmp_path, monkeypatch, qtbot, settings
):
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    cluster, database = pg_database
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", cluster.url(database))
    home = Home(tmp_path / "arkiv").ensure()
    catalog = Catalog.for_home(home)
    window = MainWindow(AppContext(home, settings, catalog, JobRunner(), actor="ola"), watch_inbox=False)
    try:
        with qtbot.waitSignal(window.gridFilled, timeout=10000):
            window.show()
        qtbot.waitUntil(lambda: window.live.listener.connected, timeout=10000)
        # The server refuses new logins to this archive and drops the listener's connection.
        cluster.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
        cluster.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{database}' AND application_name = 'photoarchive-changes'"
        )
        qtbot.waitUntil(
            lambda: (
                window.banner.isVisible()
                and window.banner.label.text() == "Får ikke kontakt med det felles arkivet — prøver igjen"
            ),
            timeout=15000,
        )
        assert english_in(visible_texts(window.banner), english_vocabulary()) == []
        cluster.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
        assert window.live.listener.connected
    finally:
        cluster.execute(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
        window.shut_down()
        window.deleteLater()
        catalog.close()
