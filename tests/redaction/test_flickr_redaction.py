"""A changed region changes what is on Flickr only through a new approval: a region edited after its set
was approved shows as "changed since approval", the sync leaves the published copy as it was, and once
the set is approved again the sync replaces the file with the newly redacted one (against the emulated
Flickr, through the real client; fixtures borrowed from tests/flickr)."""

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


def _case_photo(archive, service, set_service, pid_box=(0.1, 0.2, 0.2, 0.2)):
    """A confirmed case photo with one reviewed region (pixels 60-180 x 80-160 of 600 x 400)."""
    pid = archive("gate.jpg", folder="2026-123456", size=(600, 400), gps=True, seed=11)
    set_service.decide_case([pid], is_case=True)
    rid = service.add(pid, pid_box, "kari")
    service.confirm(pid, "kari")
    return pid, rid


def _public_set(set_service, staff, photo_ids) -> int:
    s = set_service.create("Ulykke E18", visibility="public", description="Trafikkulykke")
    set_service.add(s.id, photo_ids)
    staff.submit(s.id)
    set_service.approve(s.id, override_reason="Etterlysning av vitner")
    return s.id


def test_a_region_edited_after_approval_waits_for_a_new_approval(
    emulator, signed_in, home, catalog, settings, archive, set_service, make_syncer
):
    from photoarchive.sets.changes import ChangeKind
    from photoarchive.sets.service import SetService

    staff = SetService.for_home(catalog, home, settings, actor="ola")
    service = RedactionService(catalog, home)
    pid, rid = _case_photo(archive, service, set_service)
    set_id = _public_set(set_service, staff, [pid])
    assert make_syncer().run().failed == []
    sha = catalog.photos.get(pid).sha256
    [uploaded] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    first = _pixels(uploaded.data)
    assert first[85:155, 65:175].max() <= 12  # the approved region is hidden
    assert first[205:275, 365:475].max() > 40  # nothing hidden there yet

    service.move(rid, (0.6, 0.5, 0.2, 0.2), "kari")  # pixels 360-480 x 200-280
    view = set_service.view(set_id)
    assert view.changed_since_approval
    assert [(c.kind, c.name) for c in view.changes] == [(ChangeKind.REDACTION, "gate.jpg")]
    assert "the redaction of gate.jpg" in [c.english() for c in view.changes]

    # Until approved again, Flickr keeps the copy it has: neither replaced nor uploaded anew.
    report = make_syncer().run()
    assert report.failed == []
    [kept] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert kept.id == uploaded.id and kept.replaced_count == 0 and kept.data == uploaded.data

    # The moved region needs its review again before the public set may be approved.
    check = set_service.check(set_id, "Etterlysning av vitner")
    assert [p.photo_id for p in check.unreviewed_redactions] == [pid]
    service.confirm(pid, "kari")
    set_service.approve(set_id, override_reason="Etterlysning av vitner")
    assert not set_service.view(set_id).changed_since_approval

    assert make_syncer().run().failed == []
    [replaced] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert replaced.id == uploaded.id and replaced.replaced_count == 1
    shown = _pixels(replaced.data)
    assert shown[205:275, 365:475].max() <= 12 and shown[85:155, 65:175].mean() > 30
    assert len(emulator.state.photos) == 1
    assert not make_syncer().run().plan  # nothing more to do


def test_a_photo_whose_region_changed_before_its_first_upload_is_held_back(
    emulator, signed_in, home, catalog, settings, archive, set_service, make_syncer
):
    """Neither the approved regions' copy nor the new one goes up before the set is approved again."""
    from photoarchive.sets.service import SetService

    staff = SetService.for_home(catalog, home, settings, actor="ola")
    service = RedactionService(catalog, home)
    pid, rid = _case_photo(archive, service, set_service)
    set_id = _public_set(set_service, staff, [pid])
    service.remove(pid, [rid], "kari")  # someone found the box wrong before the sync ran
    sha = catalog.photos.get(pid).sha256

    report = make_syncer().run()
    assert [f.photo_id for f in report.failed] == [pid]
    assert "approve the set again" in report.failed[0].reason
    assert emulator.state.photos_with_machine_tag(machine_tag(sha)) == []

    service.nothing_to_redact(pid, "kari")
    set_service.approve(set_id, override_reason="Etterlysning av vitner")
    assert make_syncer().run().failed == []
    [uploaded] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert _pixels(uploaded.data)[85:155, 65:175].max() > 40  # no region any more: nothing hidden


def test_region_change_in_a_private_set_also_waits_for_approval(
    emulator, signed_in, home, catalog, archive, approve_set, set_service, make_syncer
):
    pid = archive("gate.jpg", size=(600, 400), gps=True, seed=11)
    set_id = approve_set("Trafikk", [pid], visibility="private")
    assert make_syncer().run().failed == []
    sha = catalog.photos.get(pid).sha256
    [uploaded] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert _pixels(uploaded.data)[100:140, 100:140].max() > 40  # nothing hidden yet

    service = RedactionService(catalog, home)
    service.add(pid, (0.1, 0.2, 0.2, 0.2), "kari")  # pixels 60-180 x 80-160
    assert set_service.view(set_id).changed_since_approval
    assert make_syncer().run().failed == []
    assert emulator.state.photos_with_machine_tag(machine_tag(sha))[0].replaced_count == 0

    set_service.approve(set_id)
    assert make_syncer().run().failed == []
    [replaced] = emulator.state.photos_with_machine_tag(machine_tag(sha))
    assert replaced.id == uploaded.id and replaced.replaced_count == 1
    assert _pixels(replaced.data)[85:155, 65:175].max() <= 12
