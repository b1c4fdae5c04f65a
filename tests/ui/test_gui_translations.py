"""Norwegian Bokmål and English: the .ts sources are complete and compile into translations Qt loads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from photoarchive.ui.launch import choose_language
from photoarchive.ui.resources import compile_translations, translations_dir

PLACEHOLDER = re.compile(r"%\d|%n|\{excerpt\}|\{tag\}")


@pytest.mark.parametrize(
    ("configured", "system", "expected"),
    [
        ("", "nb_NO", "nb"),
        ("", "nn_NO", "nb"),
        ("", "no", "nb"),
        ("", "en_GB", "en"),
        ("", "sv_SE", "en"),
        ("en", "nb_NO", "en"),
        ("nb", "en_US", "nb"),
    ],
)
def test_language_follows_the_setting_then_the_system(configured, system, expected):
    assert choose_language(configured, system) == expected


def _messages(language: str):
    tree = ET.parse(translations_dir() / f"photoarchive_{language}.ts")
    for context in tree.getroot():
        for message in context.findall("message"):
            yield context.find("name").text, message


def test_every_norwegian_string_is_translated_with_its_placeholders():
    count = 0
    for context, message in _messages("nb"):
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        for form in forms:
            assert form, (context, source)
            assert sorted(set(PLACEHOLDER.findall(form))) == sorted(set(PLACEHOLDER.findall(source))) or (
                "%n" in source
                and sorted(set(PLACEHOLDER.findall(form)) | {"%n"})
                == sorted(set(PLACEHOLDER.findall(source)))
            ), (context, source, form)
        count += 1
    assert count > 150


def test_translations_compile_and_load(qapp, tmp_path):
    built = {qm.name for qm in compile_translations(translations_dir(), tmp_path)}
    assert built == {"photoarchive_nb.qm", "photoarchive_en.qm"}

    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        assert QCoreApplication.translate("Sidebar", "Inbox") == "Innboks"
        assert (
            QCoreApplication.translate("WindowStatus", "%n new photo(s) from the inbox", None, 3)
            == "3 nye bilder fra innboksen"
        )
        assert (
            QCoreApplication.translate("WindowStatus", "%n new photo(s) from the inbox", None, 1)
            == "1 nytt bilde fra innboksen"
        )
    finally:
        QCoreApplication.removeTranslator(nb)

    en = QTranslator()
    assert en.load(str(tmp_path / "photoarchive_en.qm"))
    QCoreApplication.installTranslator(en)
    try:
        assert (
            QCoreApplication.translate("WindowStatus", "%n new photo(s) from the inbox", None, 1)
            == "1 new photo from the inbox"
        )
        assert (
            QCoreApplication.translate("WindowStatus", "%n new photo(s) from the inbox", None, 3)
            == "3 new photos from the inbox"
        )
    finally:
        QCoreApplication.removeTranslator(en)


def test_the_window_speaks_norwegian(qapp, make_window, tmp_path):
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        window = make_window()
        names = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
        assert names[:3] == ["Innboks", "Alle bilder", "Portretter"]
        assert window.inspector.title.text() == "Ingen bilder valgt"
        from ui.gui_helpers import save_screenshot

        save_screenshot(window, "main-window-nb.png")
    finally:
        QCoreApplication.removeTranslator(nb)


def test_no_translated_text_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there never reaches the .ts files, and the Norwegian
    window shows it in English ("Published with:" in the approval dialog did)."""
    import ast
    from pathlib import Path

    import photoarchive.ui

    hidden = []
    for path in sorted(Path(photoarchive.ui.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "attr", "") == "tr":
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []
