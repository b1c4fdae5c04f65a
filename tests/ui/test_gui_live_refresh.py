"""Two desks on one shared archive (a real PostgreSQL server, the other desk a process of its own): what
the other desk does shows in this window without F5 — a photo ingested, a caption edited, a set
approved —, selection and typed text survive it, two saves of one photo ask whose version stays, a
server that goes away is said and comes back, and the window closes cleanly with its listener running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui.gui_helpers import select_rows

from photoarchive.ui.views import ViewKind, ViewSpec

DESK = Path(__file__).with_name("desk.py")
TESTS = Path(__file__).resolve().parents[1]
# The other desk's change must appear by itself within this wait (the assertion is that it appears
# without any user action; how fast it appears is measured by benchmarks/gui.py).
APPEARS = 5_000


class Desk:
    """The other desk's process; `do` sends one command and returns its answer."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        assert json.loads(self._line()) == {"ready": True}

    def _line(self) -> str:
        line = self.proc.stdout.readline()
        assert line, f"the other desk ended: {self.proc.stderr.read()}"
        return line

    def do(self, op: str, **args) -> dict:
        self.proc.stdin.write(json.dumps({"op": op, **args}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        answer = json.loads(self._line())
        assert "error" not in answer, answer["error"]
        return answer


@pytest.fixture
def shared_home(tmp_path, pg_url, monkeypatch):
    """One archive (folder) whose catalog is a fresh database on the test server; child processes
    inherit the catalog address."""
    from photoarchive.home import Home

    monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", pg_url)
    return Home(tmp_path / "arkiv æøå").ensure()


def start_desk(home, actor: str) -> Desk:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, str(DESK), str(home.root), actor],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        return Desk(proc)
    except BaseException:
        proc.kill()
        proc.wait()
        raise


@pytest.fixture
def kari(shared_home):
    """The other desk, Kari's, on the same archive; killed at the end whatever happened."""
    desk = None
    try:
        desk = start_desk(shared_home, "kari")
        yield desk
    finally:
        if desk is not None:
            desk.proc.kill()
            desk.proc.wait()


@pytest.fixture
def shared_window(qtbot, shared_home, settings):
    """Ola's window on the shared archive, its change listener connected."""
    from photoarchive.catalog import Catalog
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    catalog = Catalog.for_home(shared_home)
    windows = []

    def _make():
        ctx = AppContext(
            home=shared_home, settings=settings, catalog=catalog, runner=JobRunner(), actor="ola"
        )
        window = MainWindow(ctx, watch_inbox=False)
        windows.append(window)
        # Not handed to qtbot: its closing would ask about the unsaved text some tests leave typed.
        with qtbot.waitSignal(window.gridFilled, timeout=10000):
            window.resize(1300, 820)
            window.show()
        qtbot.waitUntil(lambda: window.live.listener.connected, timeout=10000)
        return window

    yield _make
    for window in windows:
        window.shut_down()
        window.hide()
        window.deleteLater()
    catalog.close()


def test_a_photo_ingested_on_another_desk_appears_with_the_selection_kept(shared_window, kari, qtbot):
    first = kari.do("ingest", name="Brann Storgata.jpg", seed=1)["id"]
    second = kari.do("ingest", name="Åsted Hønefoss.jpg", seed=2)["id"]
    window = shared_window()
    assert window.model.rowCount() == 2
    select_rows(window, [window.model.row_of(first)])
    qtbot.waitUntil(lambda: window.inspector.ids == [first] and bool(window.inspector.records), timeout=5000)
    caption = window.inspector.edits["caption"]
    caption.setFocus()
    qtbot.keyClicks(caption, "Skrives nå")

    new = kari.do("ingest", name="Trafikkulykke E18.jpg", seed=3)["id"]

    qtbot.waitUntil(lambda: window.model.row_of(new) is not None, timeout=APPEARS)
    assert window.model.rowCount() == 3
    assert window.selected_ids() == [first]  # the selection stays on the photo being worked on
    assert window.model.id_at(window.grid.currentIndex().row()) == first
    assert caption.toPlainText() == "Skrives nå"  # nothing typed is lost
    qtbot.waitUntil(lambda: window.sidebar.count_text(ViewKind.INBOX) == "3", timeout=APPEARS)
    assert second in window.model.ids()


def test_photos_arriving_above_do_not_move_what_the_user_is_looking_at(shared_window, kari, qtbot):
    kari.do("add_rows", count=400, first=0)
    window = shared_window()
    qtbot.waitUntil(lambda: len(window.model.ids()) == 400, timeout=10000)
    grid, bar = window.grid, window.grid.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(50)
    live = window.live
    top = window.model.id_at(live._top_row())
    offset = grid.visualRect(window.model.index(window.model.row_of(top))).top()

    kari.do("add_rows", count=7, first=1000)  # newest first: they come in above

    qtbot.waitUntil(lambda: window.model.rowCount() == 407, timeout=APPEARS)
    # The photo that was at the top left is still on the same line of the screen (tiles wrap, so it may
    # have moved sideways), not pushed down by the newcomers.
    row = window.model.row_of(top)
    assert row is not None
    assert grid.visualRect(window.model.index(row)).top() == offset
    assert grid.viewport().rect().contains(grid.visualRect(window.model.index(row)).center())


def test_a_caption_edited_elsewhere_shows_and_typed_text_is_never_overwritten(shared_window, kari, qtbot):
    photo = kari.do("ingest", name="Pressekonferanse.jpg", seed=4)["id"]
    window = shared_window()
    select_rows(window, [0])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.ids == [photo] and bool(inspector.records), timeout=5000)

    kari.do("edit", id=photo, fields={"caption": "Politiet orienterer pressen"})
    caption = inspector.edits["caption"]
    qtbot.waitUntil(lambda: caption.toPlainText() == "Politiet orienterer pressen", timeout=APPEARS)
    assert not inspector.changed_notice.isVisible()

    # Now Ola is typing keywords when Kari saves the caption again: Ola's text stays, a notice says who.
    keywords = inspector.edits["keywords"]
    keywords.setFocus()
    qtbot.keyClicks(keywords, "pressekonferanse, åsted")
    kari.do("edit", id=photo, fields={"caption": "Politiet orienterer pressen i Skien"})
    qtbot.waitUntil(inspector.changed_notice.isVisible, timeout=APPEARS)
    assert "kari changed caption at" in inspector.changed_notice.text()
    assert keywords.text() == "pressekonferanse, åsted"
    assert caption.toPlainText() == "Politiet orienterer pressen"  # not put over what Ola sees


def test_a_category_decided_elsewhere_shows_while_a_caption_is_being_typed(shared_window, kari, qtbot):
    from photoarchive.catalog.photos import Category

    photo = kari.do("ingest", name="Pressekonferanse.jpg", seed=12)["id"]
    window = shared_window()
    select_rows(window, [0])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.ids == [photo] and bool(inspector.records), timeout=5000)
    caption = inspector.edits["caption"]
    caption.setFocus()
    qtbot.keyClicks(caption, "Halvferdig tekst")
    media_state = inspector.category_rows[Category.MEDIA][0]

    kari.do("confirm", id=photo, category="media")

    qtbot.waitUntil(lambda: media_state.text() == "confirmed", timeout=APPEARS)
    assert caption.toPlainText() == "Halvferdig tekst"
    assert inspector.changes() == {"caption": "Halvferdig tekst"}


def _conflict(window, kari, qtbot, photo):
    """Ola types a caption; Kari saves caption and keywords meanwhile; Ola saves: the question."""
    inspector = window.inspector
    caption = inspector.edits["caption"]
    caption.setFocus()
    qtbot.keyClicks(caption, "Olas tekst")
    kari.do("edit", id=photo, fields={"caption": "Karis tekst", "keywords": ["brann", "Storgata"]})
    qtbot.keyClick(caption, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: inspector.conflict_dialog is not None, timeout=APPEARS)
    dialog = inspector.conflict_dialog
    assert dialog.isVisible()
    assert "kari changed caption and keywords at " in dialog.text()
    assert dialog.text().endswith("while you were editing.")
    return dialog


def test_two_desks_saving_one_photo_keep_mine_saves_on_top_of_theirs(shared_window, kari, qtbot):
    from photoarchive.catalog import Catalog

    photo = kari.do("ingest", name="Brann.jpg", seed=5)["id"]
    window = shared_window()
    select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.ids == [photo] and bool(window.inspector.records), timeout=5000)
    dialog = _conflict(window, kari, qtbot, photo)
    # Nothing was written by the refused save.
    assert window.ctx.catalog.photos.get(photo).caption == "Karis tekst"

    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    catalog: Catalog = window.ctx.catalog
    qtbot.waitUntil(lambda: catalog.photos.get(photo).caption == "Olas tekst", timeout=5000)
    saved = catalog.photos.get(photo)
    assert saved.keywords == ["brann", "Storgata"]  # Kari's keywords stay: Ola changed only the caption
    qtbot.waitUntil(lambda: window.inspector.edits["keywords"].text() == "brann, Storgata", timeout=5000)
    assert window.inspector.edits["caption"].toPlainText() == "Olas tekst"


def test_two_desks_saving_one_photo_reload_theirs_shows_theirs(shared_window, kari, qtbot):
    photo = kari.do("ingest", name="Brann.jpg", seed=6)["id"]
    window = shared_window()
    select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.ids == [photo] and bool(window.inspector.records), timeout=5000)
    dialog = _conflict(window, kari, qtbot, photo)

    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    caption = window.inspector.edits["caption"]
    qtbot.waitUntil(lambda: caption.toPlainText() == "Karis tekst", timeout=5000)
    assert window.inspector.edits["keywords"].text() == "brann, Storgata"
    assert not window.inspector.has_unsaved_changes()
    assert window.ctx.catalog.photos.get(photo).caption == "Karis tekst"


def test_closing_the_conflict_question_keeps_what_was_typed(shared_window, kari, qtbot):
    photo = kari.do("ingest", name="Brann.jpg", seed=7)["id"]
    window = shared_window()
    select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.ids == [photo] and bool(window.inspector.records), timeout=5000)
    dialog = _conflict(window, kari, qtbot, photo)
    dialog.reject()
    qtbot.waitUntil(lambda: window.inspector.conflict_dialog is None, timeout=5000)
    assert window.inspector.edits["caption"].toPlainText() == "Olas tekst"
    assert window.ctx.catalog.photos.get(photo).caption == "Karis tekst"


def _submitted_set(window, photo_id):
    from photoarchive.sets.service import SetService

    ctx = window.ctx
    service = SetService.for_home(ctx.catalog, ctx.home, ctx.settings, actor="ola")
    photo_set = service.create("Pressebilder brann")
    service.add(photo_set.id, [photo_id])
    service.submit(photo_set.id)
    return photo_set.id


def test_a_set_approved_on_another_desk_shows_on_the_sets_page(shared_window, kari, qtbot):
    photo = kari.do("ingest", name="Brann.jpg", seed=8)["id"]
    window = shared_window()
    set_id = _submitted_set(window, photo)
    page = window.sets_page
    with qtbot.waitSignal(page.actionDone, timeout=10000):
        window.sidebar.select(ViewSpec(ViewKind.SETS))
    qtbot.waitUntil(
        lambda: "approved" not in page.state_label.text() and page.current is not None, timeout=5000
    )

    assert kari.do("approve", set=set_id)["state"] == "approved"

    qtbot.waitUntil(lambda: "approved by kari" in page.state_label.text(), timeout=APPEARS)
    assert not page.approve_button.isEnabled()


def test_two_desks_saving_one_set_keep_mine(shared_window, kari, qtbot):
    photo = kari.do("ingest", name="Brann.jpg", seed=9)["id"]
    window = shared_window()
    set_id = _submitted_set(window, photo)
    page = window.sets_page
    with qtbot.waitSignal(page.actionDone, timeout=10000):
        window.sidebar.select(ViewSpec(ViewKind.SETS))
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    page.title_edit.clear()
    qtbot.keyClicks(page.title_edit, "Brann i Storgata")

    kari.do("edit_set", set=set_id, fields={"description": "Karis beskrivelse"})
    with qtbot.waitSignal(page.message, timeout=APPEARS) as said:
        pass
    assert "kept until you save" in said.args[0]
    assert page.title_edit.text() == "Brann i Storgata"

    qtbot.mouseClick(page.findChild(type(page.approve_button), "save_set_details"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.conflict_dialog is not None, timeout=5000)
    assert page.conflict_dialog.text().startswith("kari changed this set (edited) at ")
    qtbot.mouseClick(page.conflict_dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.catalog.sets.get(set_id).title == "Brann i Storgata", timeout=5000)
    assert window.ctx.catalog.sets.get(set_id).description == ""  # Ola's details, all of them, as chosen


def test_a_person_added_on_another_desk_shows_in_the_people_register(shared_window, kari, qtbot):
    window = shared_window()
    window.sidebar.select(ViewSpec(ViewKind.PEOPLE))
    page = window.people_page
    assert page.table.rowCount() == 0

    kari.do("add_person", name="Kari Nordmann")

    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=APPEARS)
    assert page.table.item(0, 0).text() == "Kari Nordmann"
    qtbot.waitUntil(lambda: window.sidebar.count_text(ViewKind.PEOPLE) == "1", timeout=APPEARS)


def test_on_sqlite_there_is_no_listener_and_nothing_changes(make_window, ingest, qtbot):
    ingest("Brann.jpg")
    window = make_window()
    qtbot.waitUntil(lambda: not window.live.listener.running, timeout=10000)
    assert not window.live.listener.connected
    assert not window.banner.isVisible()


def test_a_catalog_that_never_opened_is_not_retried_as_a_lost_server(qtbot, home, settings):
    from concurrent.futures import Future

    from photoarchive.catalog.db import CatalogUnreachable
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    failed: Future = Future()
    failed.set_exception(CatalogUnreachable("arkiv01:5432/photoarchive", "connection refused"))
    window = MainWindow(AppContext(home, settings, failed, JobRunner(), actor="ola"), watch_inbox=False)
    try:
        window.show()
        qtbot.waitUntil(lambda: not window.live.listener.running, timeout=10000)
        qtbot.wait(300)
        assert window.banner.key != "shared_offline"
    finally:
        window.shut_down()
        window.deleteLater()


def _pg_ctl(cluster, *args):
    return subprocess.run(
        [*cluster.run_as, str(cluster.bindir / "pg_ctl"), *args, "-D", str(cluster.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _restart_options(cluster) -> str:
    return (
        f"-c listen_addresses=127.0.0.1 -p {cluster.port} -c unix_socket_directories={cluster.root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )


@pytest.fixture
def own_server():
    """A PostgreSQL server of this test's own, to stop and start (the session's server stays up)."""
    from postgres import ServerUnavailable, start_cluster

    try:
        cluster = start_cluster()
    except ServerUnavailable as exc:
        pytest.skip(f"no PostgreSQL test server: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


def test_a_server_that_goes_away_is_said_and_the_window_carries_on_when_it_is_back(
    qtbot, own_server, tmp_path, monkeypatch, settings
):
    from photoarchive.catalog import Catalog
    from photoarchive.home import Home
    from photoarchive.ui.context import AppContext
    from photoarchive.ui.main_window import MainWindow
    from photoarchive.ui.workers import JobRunner

    own_server.execute("CREATE DATABASE arkiv")
    monkeypatch.setenv("PHOTOARCHIVE_CATALOG_URL", own_server.url("arkiv"))
    home = Home(tmp_path / "arkiv").ensure()
    catalog = Catalog.for_home(home)
    window = MainWindow(AppContext(home, settings, catalog, JobRunner(), actor="ola"), watch_inbox=False)
    qtbot.addWidget(window)
    desk = None
    try:
        with qtbot.waitSignal(window.gridFilled, timeout=10000):
            window.show()
        qtbot.waitUntil(lambda: window.live.listener.connected, timeout=10000)

        stopped = _pg_ctl(own_server, "stop", "-m", "fast", "-w")
        assert stopped.returncode == 0, stopped.stderr
        qtbot.waitUntil(
            lambda: (
                window.banner.isVisible()
                and window.banner.label.text() == "The shared archive cannot be reached — retrying"
            ),
            timeout=15000,
        )
        started = _pg_ctl(own_server, "start", "-w", "-l", str(own_server.root / "server.log"), "-o",
                          _restart_options(own_server))  # fmt: skip
        assert started.returncode == 0, started.stderr
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=15000)
        qtbot.waitUntil(lambda: window.live.listener.connected, timeout=10000)

        # And it listens again: another desk's photo appears.
        desk = start_desk(home, "kari")
        new = desk.do("ingest", name="Etter omstart.jpg", seed=11)["id"]
        qtbot.waitUntil(lambda: window.model.row_of(new) is not None, timeout=APPEARS)
    finally:
        if desk is not None:
            desk.proc.kill()
            desk.proc.wait()
        window.shut_down()
        catalog.close()


def test_the_window_closes_cleanly_with_its_listener_running(shared_window, qtbot):
    window = shared_window()
    thread = window.live.listener._thread
    assert thread is not None and thread.is_alive()
    window.close()
    assert not thread.is_alive()  # joined, not left behind


CLOSE_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from photoarchive.catalog import Catalog
from photoarchive.home import Home
from photoarchive.settings import Settings
from photoarchive.ui.context import AppContext
from photoarchive.ui.main_window import MainWindow
from photoarchive.ui.workers import JobRunner

app = QApplication([])
home = Home(__import__("pathlib").Path(sys.argv[1])).ensure()
catalog = Catalog.for_home(home)
window = MainWindow(AppContext(home, Settings(), catalog, JobRunner(), actor="ola"), watch_inbox=False)
window.show()
def close():
    if window.live.listener.connected:
        window.close()
        app.quit()
    else:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(100, close)
from PySide6.QtCore import QTimer
QTimer.singleShot(100, close)
app.exec()
catalog.close()
print("closed", window.live.listener.running)
"""


def test_the_app_exits_cleanly_with_the_listener_running(shared_home, tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", CLOSE_SCRIPT, str(shared_home.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert out.strip().endswith("closed False"), (out, err)
    assert "Abort" not in err and "QThread: Destroyed" not in err and "caught an exception" not in err
