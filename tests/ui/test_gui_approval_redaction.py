"""The approve dialog shows each case photo's published copy with its regions burnt in (made by the
burn-in code itself), its review and a way into the redaction editor; the Sets page says a region edit
after approval is a change, naming the photo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from ui.gui_helpers import save_screenshot

from photoarchive.redaction import Fill, RedactionService
from photoarchive.ui.views import ViewKind, ViewSpec

# The region on the 640 × 480 test photo: a quarter of each edge, left of centre.
BOX = (0.1, 0.2, 0.25, 0.25)


def _open_sets(window, qtbot):
    page = window.sets_page
    with qtbot.waitSignal(page.actionDone, timeout=5000):
        window.sidebar.select(ViewSpec(ViewKind.SETS))
    return page


def _case_set(ingest, catalog, home, *, approve=False):
    from photoarchive.catalog.photos import Category, CategoryState
    from photoarchive.sets.service import SetService

    (case,) = ingest("Åsted_Storgata.jpg", pattern="face")
    catalog.photos.set_category([case], Category.CASE, CategoryState.CONFIRMED, actor="ola")
    redaction = RedactionService(catalog, home)
    redaction.add(case, BOX, "ola", fill=Fill.BOX)
    staff = SetService(catalog, clean_check=lambda _p: None, actor="ola")
    photo_set = staff.create("Etterlysning", visibility="public", description="Vitner søkes")
    staff.add(photo_set.id, [case])
    staff.submit(photo_set.id)
    if approve:
        redaction.confirm(case, "ola")
        SetService(catalog, clean_check=lambda _p: None, actor="kari").approve(
            photo_set.id, override_reason="Etterlysning"
        )
    return case, redaction


def test_the_approve_dialog_previews_the_redacted_copy(make_window, ingest, catalog, home, qtbot):
    case, redaction = _case_set(ingest, catalog, home)
    window = make_window()
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None and page.approve_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(page.actionDone, timeout=30000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = page.approval_dialog
    assert dialog.preview_box.isVisible()
    qtbot.waitUntil(lambda: dialog.preview_image(case) is not None, timeout=20000)
    image = dialog.preview_image(case)
    label = dialog.findChild(QLabel, f"redaction_preview_{case}")
    assert label.pixmap() is not None and not label.pixmap().isNull()
    assert max(image.width(), image.height()) == 240

    # Inside the region the preview is the fill; there, the original is not (a face pattern).
    from photoarchive.redaction.burn import burn_preview

    unredacted = burn_preview(home.originals / catalog.photos.get(case).archive_path, [], 240)
    assert unredacted.size == (image.width(), image.height())
    x0, y0 = int(BOX[0] * image.width()) + 2, int(BOX[1] * image.height()) + 2
    x1, y1 = int((BOX[0] + BOX[2]) * image.width()) - 2, int((BOX[1] + BOX[3]) * image.height()) - 2
    inside = [(x, y) for x in range(x0, x1, 5) for y in range(y0, y1, 5)]
    assert all(image.pixelColor(x, y).getRgb()[:3] == (0, 0, 0) for x, y in inside)
    assert max(max(unredacted.getpixel(p)) for p in inside) > 40
    # Outside the region the preview is the picture.
    assert image.pixelColor(image.width() - 5, image.height() - 5).getRgb()[:3] != (0, 0, 0)

    save_screenshot(dialog, "approval-dialog-redacted-preview.png")
    state = dialog.findChild(QLabel, f"redaction_state_{case}")
    assert "1 region" in state.text() and "needs review" in state.text()

    # Into the editor: the region removed there, Save, and the dialog checks the set again.
    qtbot.mouseClick(dialog.findChild(QPushButton, f"redaction_open_{case}"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.redaction_dialog is not None and dialog.redaction_dialog.isVisible(), timeout=10000
    )
    editor_dialog = dialog.redaction_dialog
    qtbot.waitUntil(
        lambda: not editor_dialog.editor.image_rect().isEmpty() and editor_dialog._busy == 0, timeout=10000
    )
    assert len(editor_dialog.editor.regions()) == 1
    box = editor_dialog.editor.widget_rect(editor_dialog.editor.regions()[0])
    qtbot.mouseClick(editor_dialog.editor, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    qtbot.keyClick(editor_dialog.editor, Qt.Key.Key_Delete)
    assert editor_dialog.editor.regions() == []
    with qtbot.waitSignal(page.actionDone, timeout=20000) as done:
        qtbot.mouseClick(editor_dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args == ["redaction_edited"]
    assert redaction.regions(case) == []
    qtbot.waitUntil(lambda: not dialog.preview_box.isVisible(), timeout=5000)
    # With no regions left it now asks for "nothing needs hiding".
    assert dialog.findChild(QPushButton, f"redaction_nothing_{case}") is not None


def test_the_sets_page_names_a_redaction_edited_after_approval(make_window, ingest, catalog, home, qtbot):
    case, redaction = _case_set(ingest, catalog, home, approve=True)
    window = make_window()
    page = _open_sets(window, qtbot)
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert "changed since approval" not in page.state_label.text()
    assert not page.approve_button.isEnabled()

    (region,) = redaction.regions(case)
    redaction.set_fill(region.id, Fill.MOSAIC, "ola")  # refilled after approval
    page.show_set(page.current.photo_set.id)
    qtbot.waitUntil(lambda: "changed since approval" in page.state_label.text(), timeout=5000)
    assert "changed since approval: the redaction of Åsted_Storgata.jpg" in page.state_label.text()
    assert page.approve_button.isEnabled()  # it may be approved again


def test_the_change_is_named_in_norwegian(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from photoarchive.sets.changes import ChangeKind, ContentChange
    from photoarchive.sets.views import SetView
    from photoarchive.ui.resources import compile_translations, translations_dir
    from photoarchive.ui.set_words import view_state_in_words

    class _Set:
        class state:
            value = "approved"

    view = SetView(_Set(), None, True, (ContentChange(ChangeKind.REDACTION, 3, "Åsted.jpg"),))  # type: ignore[arg-type]
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        assert view_state_in_words(view) == "godkjent, endret etter godkjenningen: sladdingen av Åsted.jpg"
    finally:
        QCoreApplication.removeTranslator(nb)


def test_the_preview_rows_in_norwegian(qtbot, ingest, catalog, home, tmp_path):
    """Without a context the dialog cannot make previews and says so; the row's words are Norwegian."""
    from PySide6.QtCore import QTranslator

    from photoarchive.sets.service import SetService
    from photoarchive.ui.approval_dialog import ApprovalDialog
    from photoarchive.ui.resources import compile_translations, translations_dir

    case, _redaction = _case_set(ingest, catalog, home)
    check = SetService(catalog, clean_check=lambda _p: None, actor="kari").check(1)
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        dialog = ApprovalDialog(check)
        qtbot.addWidget(dialog)
        assert dialog.preview_box.title() == "Slik blir saksbildene seende ut når de publiseres"
        state = dialog.findChild(QLabel, f"redaction_state_{case}").text()
        assert state == "1 område skjult\nSladding: må kontrolleres"
        assert dialog.findChild(QLabel, f"redaction_preview_{case}").text() == "Ingen forhåndsvisning tilgjengelig"
        button = dialog.findChild(QPushButton, f"redaction_open_{case}")
        assert button.text() == "Åpne i sladderedigeringen …" and not button.isEnabled()
    finally:
        QCoreApplication.removeTranslator(nb)
