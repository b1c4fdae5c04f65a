"""A changed region changes what is on Flickr: the sync replaces the file with the newly redacted one
(against the emulated Flickr, through the real client; fixtures borrowed from tests/flickr)."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import numpy as np
from PIL import Image

from photoarchive.flickr.plan import machine_tag
from photoarchive.redaction import RedactionService

_spec = importlib.util.spec_from_file_location("flickr_fixtures", Path(__file__).parents[1] / "flickr" / "conftest.py")
_flickr = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(_flickr)  # type: ignore[union-attr]
no_os_keyring = _flickr.no_os_keyring
emulator = _flickr.emulator
settings = _flickr.settings
signed_in = _flickr.signed_in
set_service = _flickr.set_service
approve_set = _flickr.approve_set
make_syncer = _flickr.make_syncer


def _pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB")).astype(int)


def test_region_change_replaces_the_photo_on_flickr(emulator, signed_in, home, catalog, archive, approve_set, make_syncer):
    pid = archive("gate.jpg", size=(600, 400), gps=True, seed=11)
    approve_set("Trafikk", [pid], visibility="private")
    assert make_syncer().run().failed == []
    sha = catalog.photos.get(pid).sha256
    [uploaded] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert _pixels(uploaded.data)[100:140, 100:140].max() > 40  # nothing hidden yet

    service = RedactionService(catalog, home)
    rid = service.add(pid, (0.1, 0.2, 0.2, 0.2), "kari")  # pixels 60-180 x 80-160
    assert make_syncer().run().failed == []
    [replaced] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert replaced.id == uploaded.id and replaced.replaced_count == 1
    assert _pixels(replaced.data)[85:155, 65:175].max() <= 12

    service.move(rid, (0.6, 0.5, 0.2, 0.2), "kari")  # pixels 360-480 x 200-280
    assert make_syncer().run().failed == []
    [again] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert again.replaced_count == 2
    shown = _pixels(again.data)
    assert shown[205:275, 365:475].max() <= 12 and shown[85:155, 65:175].mean() > 30
    assert len(emulator.state.photos) == 1
    assert not make_syncer().run().plan  # nothing more to do
