"""The grid marks photos that show someone without valid consent for publishing: a sign-shaped crimson
"No consent" badge, a frame round the thumbnail, and the reason in the tooltip and accessible text —
in English and Norwegian."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage
from ui.gui_helpers import save_screenshot

from photoarchive.ui.photo_model import NoConsentRole
from photoarchive.ui.tile_delegate import BADGE_PIXELS, CONSENT_FRAME


def _people(catalog, home, settings):
    from photoarchive.people.service import PeopleService

    return PeopleService.for_home(catalog, home, settings, actor="tester")


def _tile_of(window, photo_id: int):
    model = window.model
    row = model.row_of(photo_id)
    assert row is not None
    return model.index(row)


def _grid_pixels(window) -> QImage:
    return window.grid.viewport().grab().toImage()


def test_photos_without_valid_consent_carry_the_marker(make_window, ingest, catalog, home, settings, qtbot):
    kari_photo, ola_photo, meeting = ingest("Portrett_Kari.jpg", "Portrett_Ola.jpg", "Pressemøte.jpg")
    people = _people(catalog, home, settings)
    kari = people.add("Kari Nordmann", employee_id="A123")
    ola = people.add("Ola Hansen", employee_id="B456")
    people.link(kari.id, [kari_photo])
    people.link(ola.id, [ola_photo])
    people.set_consent(ola.id, "given", uses=["flickr"])  # Ola said yes; Kari has nothing on record
    window = make_window()
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.photo(0) is not None, timeout=10000)

    assert model.without_consent == {kari_photo}
    marked = {
        pid: model.data(_tile_of(window, pid), NoConsentRole) for pid in (kari_photo, ola_photo, meeting)
    }
    assert marked == {kari_photo: True, ola_photo: False, meeting: False}
    tip = model.data(_tile_of(window, kari_photo), Qt.ItemDataRole.ToolTipRole)
    assert "No valid consent for publishing" in tip
    assert "consent" not in model.data(_tile_of(window, ola_photo), Qt.ItemDataRole.ToolTipRole)
    accessible = model.data(_tile_of(window, kari_photo), Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Portrett_Kari.jpg, No valid consent")

    delegate = window.grid.itemDelegate()
    summary = model.photo(model.row_of(kari_photo))
    badges = delegate.badges(summary, no_consent=True)
    assert badges[0] == ("consent", "No consent", False)
    assert delegate.badge_shape("consent") not in {
        delegate.badge_shape(k) for k in ("portrait", "gps", "set", "unchecked")
    }  # a shape of its own, not only a colour
    assert delegate.badge_font.pixelSize() >= BADGE_PIXELS >= 11

    # Painted: the crimson of the marker is on Kari's tile and nowhere on Ola's.
    image = _grid_pixels(window)

    def crimson_in(photo_id: int) -> int:
        rect = window.grid.visualRect(_tile_of(window, photo_id))
        ratio = image.devicePixelRatio() or 1.0
        found = 0
        for x in range(rect.left(), rect.right(), 2):
            for y in range(rect.top(), rect.bottom(), 2):
                c = image.pixelColor(int(x * ratio), int(y * ratio))
                if (
                    abs(c.red() - CONSENT_FRAME.red()) < 12
                    and abs(c.green() - CONSENT_FRAME.green()) < 12
                    and abs(c.blue() - CONSENT_FRAME.blue()) < 12
                ):
                    found += 1
        return found

    assert crimson_in(kari_photo) > 50
    assert crimson_in(ola_photo) == 0
    save_screenshot(window.grid, "grid-consent-marker.png")

    # Consent given for Flickr: after the view is loaded again the marker is gone.
    people.set_consent(kari.id, "given", uses=["flickr", "press"])
    window.reload()
    qtbot.waitUntil(lambda: model.without_consent == frozenset(), timeout=10000)


def test_the_marker_in_norwegian(make_window, ingest, catalog, home, settings, qtbot, tmp_path):
    from photoarchive.ui.resources import compile_translations, translations_dir
    from photoarchive.ui.tile_delegate import TileDelegate

    (photo,) = ingest("Portrett_Kari.jpg")
    people = _people(catalog, home, settings)
    kari = people.add("Kari Nordmann")
    people.link(kari.id, [photo])
    people.set_consent(kari.id, "withdrawn")
    compile_translations(translations_dir(), tmp_path)
    nb = QTranslator()
    assert nb.load(str(tmp_path / "photoarchive_nb.qm"))
    QCoreApplication.installTranslator(nb)
    try:
        window = make_window()
        model = window.model
        qtbot.waitUntil(lambda: model.rowCount() == 1 and model.photo(0) is not None, timeout=10000)
        assert model.without_consent == {photo}
        tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
        assert "Mangler gyldig samtykke til publisering" in tip
        assert TileDelegate().labels["consent"] == "Uten samtykke"
    finally:
        QCoreApplication.removeTranslator(nb)
