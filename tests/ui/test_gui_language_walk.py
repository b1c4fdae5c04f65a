"""In Norwegian, the window shows no English: every view, the inspector, the menus and the dialogs are
walked offscreen and every visible text is checked against the app's English vocabulary (the words of
the English source strings that no Norwegian translation uses), less names and brands."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QWidget,
)
from ui.gui_helpers import save_screenshot, select_rows

from photoarchive.ui.resources import compile_translations, translations_dir
from photoarchive.ui.views import ViewKind, ViewSpec

# Names, brands and technical words a Norwegian user reads as they are.
ALLOWED = {
    "flickr", "gps", "api", "id", "ids", "ctrl", "shift", "esc", "enter", "windows", "jpeg", "pdf", "png",
    "tiff", "heic", "px", "ok", "exif", "xmp", "iptc", "icc", "canon", "eos", "mark", "nikon", "url",
    "kari", "nordmann", "photo", "archive",  # "Photo archive" only as the Windows program name in About
}  # fmt: skip
# Shown as the file has them ("Show all fields"): the fields' technical names and the values read.
SKIPPED = {"privacy_details"}
WORD = re.compile(r"[A-Za-zÆØÅæøå]{3,}")


# File and folder paths are the user's own names.
PATH = re.compile(r"\S*[/\\]\S*")


def _words(text: str) -> set[str]:
    text = PATH.sub(" ", re.sub(r"<[^>]+>|%\d|%n|\{\w+\}|&", " ", text or ""))
    return {w.lower() for w in WORD.findall(text)}


def english_vocabulary() -> set[str]:
    tree = ET.parse(translations_dir() / "photoarchive_nb.ts")
    english: set[str] = set()
    norwegian: set[str] = set()
    for message in tree.getroot().iter("message"):
        english |= _words(message.findtext("source") or "")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for form in forms:
            norwegian |= _words(form)
    return english - norwegian - ALLOWED


def visible_texts(root: QWidget, exclude: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) for what a person can read in root and its visible children (less `exclude`)."""
    out: list[tuple[str, str]] = [("window title", root.windowTitle())]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root):
            continue
        if any(e is w or e.isAncestorOf(w) for e in exclude):
            continue
        if (
            w.objectName() in SKIPPED
            or isinstance(w.parent(), QWidget)
            and w.parent().objectName() in SKIPPED
        ):
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
            out.append((name + " tooltip", w.toolTip()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name + " placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            out.extend((name, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            out.extend((name, w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                top = w.topLevelItem(i)
                out.append((name, top.text(0)))
                out.extend((name, top.child(j).text(0)) for j in range(top.childCount()))
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                if header is not None:
                    out.append((name + " header", header.text()))
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out.append((name + f" cell {r},{c}", item.text()))
        if isinstance(w, QToolBar):
            out.extend((name + " tooltip", a.toolTip()) for a in w.actions() if a.text())
        if isinstance(w, QMenu):
            out.append((name, w.title()))
            out.extend((name, a.text()) for a in w.actions() if not a.isSeparator())
    return [(where, text) for where, text in out if text]


def english_in(texts: list[tuple[str, str]], vocabulary: set[str]) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, text in texts:
        words = sorted(_words(text) & vocabulary)
        if words:
            found.append((where, text, words))
    return found


@pytest.fixture
def norwegian(qapp, tmp_path):
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    yield
    QCoreApplication.removeTranslator(nb)


def test_the_vocabulary_catches_english(norwegian):
    vocabulary = english_vocabulary()
    assert {"photos", "reviewed", "settings", "the"} <= vocabulary
    assert english_in([("x", "Mark as reviewed")], vocabulary)
    assert not english_in([("x", "Merk som gjennomgått")], vocabulary)


def test_no_english_in_the_norwegian_window(norwegian, make_window, ingest, catalog, home, settings, qtbot):
    from factory import make_not_an_image

    from photoarchive.ingest.pipeline import Ingestor, SourceFile

    ingest("2026-123456/Innbrudd Skien.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    ingest("Portrett.jpg", pattern="face", size=(480, 640))
    drop = home.root.parent / "drop-pdf"
    drop.mkdir()
    make_not_an_image(drop / "møtereferat.pdf")
    Ingestor(home, settings, catalog, find_faces=False).ingest(
        SourceFile.under(drop / "møtereferat.pdf", drop), remove_source=True
    )
    vocabulary = english_vocabulary()
    window = make_window()
    problems: list[tuple[str, str, list[str]]] = []
    # The Sets page is walked by the test below.
    others = tuple(window.pages[name] for name in ("sets",) if name in window.pages)

    def check(root: QWidget, label: str) -> None:
        texts = visible_texts(root, others)
        problems.extend(
            (f"{label} / {where}", text, words) for where, text, words in english_in(texts, vocabulary)
        )

    # Every view of the sidebar.
    for kind in list(window.sidebar.names):
        spec = ViewSpec(kind)
        if window.current_view() == spec:
            pass
        elif spec.shows_grid:
            with qtbot.waitSignal(window.gridFilled, timeout=10000):
                window.sidebar.select(spec)
        else:
            window.sidebar.select(spec)
            qtbot.wait(400)
        check(window, kind.value)
    # The inspector on one photo (privacy panel read out) and on two.
    with qtbot.waitSignal(window.gridFilled, timeout=10000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    row = next(
        r
        for r in range(window.model.rowCount())
        if window.model.photo(r).original_name.startswith("Innbrudd")
    )
    select_rows(window, [row])
    qtbot.waitUntil(lambda: "Fjernes før" in window.inspector.privacy.text(), timeout=15000)
    window.inspector.privacy_toggle.click()
    check(window, "inspector")
    save_screenshot(window, "language-walk-nb.png")
    select_rows(window, [0, 1])
    qtbot.waitUntil(lambda: "av 2" in window.inspector.privacy.text(), timeout=5000)
    check(window, "inspector, two photos")
    # Menus.
    for menu in window.menus:
        check(menu, "menu")
    # Dialogs.
    from photoarchive.ui.export_dialog import ExportDialog
    from photoarchive.ui.flickr_signin import SignInDialog
    from photoarchive.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(home, settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        check(dialog, f"settings tab {i}")
    dialog.case_tester.setText("2026-123456/IMG_0001.jpg")
    check(dialog, "settings tester")
    dialog.reject()
    export = ExportDialog(window.ctx, [window.model.photo(0).id], {}, window)
    qtbot.addWidget(export)
    export.show()
    check(export, "export")
    export.reject()
    settings.flickr.api_key = ""
    signin = SignInDialog(home, settings, window, open_browser=False)
    qtbot.addWidget(signin)
    signin.show()
    check(signin, "sign-in")
    signin.reject()
    # The redaction dialog on the case photo (Photo → Redaction…), with its review state read back.
    select_rows(window, [row])
    qtbot.waitUntil(lambda: len(window.inspector.records) == 1, timeout=5000)
    window.act_redaction.trigger()
    redaction = window.inspector.redaction_dialog
    qtbot.addWidget(redaction)
    qtbot.waitUntil(lambda: redaction._busy == 0 and redaction.state_label.text() != "", timeout=10000)
    check(redaction, "redaction")
    redaction.reject()
    window.activateWindow()
    window.grid.setFocus()
    window.open_fullscreen()
    check(window.preview_window, "full-screen preview")
    window.preview_window.close()
    window.show_shortcuts()
    check(window.shortcuts_box, "shortcuts")
    window.shortcuts_box.close()
    for box in window.findChildren(QDialog):
        box.close()
    assert not problems, "\n".join(f"{where}: {text!r} {words}" for where, text, words in problems)


def test_no_english_on_the_norwegian_sets_page(norwegian, make_window, ingest, catalog, qtbot):
    (photo_id,) = ingest("Innbrudd Skien.jpg")
    photo_set = catalog.sets.create("Innbrudd i Skien")
    catalog.sets.add_photos(photo_set.id, [photo_id])
    vocabulary = english_vocabulary()
    window = make_window()
    window.refresh_sidebar()
    qtbot.waitUntil(lambda: bool(window.sidebar.set_entries()), timeout=5000)
    # The history as approval writes it: the photos by id, the visibility, a warning.
    from photoarchive.catalog.sets import NewAuditEntry

    catalog.sets.record(
        [NewAuditEntry("erik", "approve", "set", photo_set.id,
                       {"photos": [photo_id], "visibility": "public", "warnings": ["no caption"]})]
    )  # fmt: skip
    window.sidebar.select(ViewSpec(ViewKind.SETS))
    qtbot.wait(500)
    problems = english_in(visible_texts(window), vocabulary)
    assert not problems, "\n".join(f"{where}: {text!r} {words}" for where, text, words in problems)
    # The history names photos by file name, in Norwegian, never a list of catalog ids.
    from PySide6.QtWidgets import QTableWidget

    history = window.findChild(QTableWidget, "audit")
    rows = [[history.item(r, c).text() for c in range(history.columnCount())] for r in range(history.rowCount())]
    approved = next(row for row in rows if row[1] == "erik")
    assert approved[2] == "godkjent"
    assert approved[3] == "Bilder: Innbrudd Skien.jpg; Synlighet: offentlig; Advarsler: 1"
    assert not any("[" in cell for row in rows for cell in row)


def test_all_fields_of_the_privacy_panel_are_in_norwegian_too(norwegian, make_window, ingest, qtbot):
    """"Show all fields" words what the scan says itself (an embedded thumbnail, a GPS directory …) from
    its codes, not the privacy module's English."""
    from PySide6.QtCore import Qt

    ingest("Åsted Skien.jpg", gps=True, serial=True, owner=True, thumbnail=True)
    vocabulary = english_vocabulary()
    window = make_window()
    with qtbot.waitSignal(window.gridFilled, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.ALL))
    select_rows(window, [0])
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.privacy_toggle.isVisible(), timeout=30000)
    qtbot.mouseClick(inspector.privacy_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(inspector.privacy_details.text()), timeout=30000)
    details = inspector.privacy_details.text()
    assert "miniatyrbilde av bildet" in details
    assert "thumbnail image" not in details
    # Field names are the file's own identifiers ("(Make)", "ExposureTime"), the same in every language.
    words = re.sub(r"\([A-Z][A-Za-z0-9]*\)", "", details)
    problems = english_in([("privacy details", words)], vocabulary)
    assert not problems, problems
