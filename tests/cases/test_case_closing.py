"""Closing a case: its public photos come off Flickr at the next sync, and after `[retention]
case_photo_days` its photos are on the retention list for an editor to keep (with a reason) or remove
through the archive's removal path."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from photoarchive.flickr.plan import machine_tag

CASE = "2026-123456"


def remote(emulator, catalog, photo_id):
    [record] = catalog.photos.get_many([photo_id])
    return emulator.state.photos_with_machine_tag(machine_tag(record.sha256))


@pytest.fixture
def cases(catalog, home, settings):
    from photoarchive.cases.service import CaseService

    settings.retention.case_photo_days = 30
    return CaseService.for_home(catalog, home, settings, actor="kari")


@pytest.fixture
def wanted(emulator, signed_in, catalog, home, settings, case_photos, make_photos, set_service, make_syncer):
    """Two photos of case 2026-123456 and one other in a public album (override given); synced."""
    from photoarchive.sets.service import SetService

    ids = case_photos(2, CASE) + make_photos(1)
    s = set_service.create("Etterlysning: savnet person", visibility="public")
    set_service.add(s.id, ids)
    SetService.for_home(catalog, home, settings, actor="ola").submit(s.id)
    set_service.approve(s.id, override_reason="Savnet, publiseres for å finne personen")
    assert make_syncer().run().failed == []
    assert all(remote(emulator, catalog, i)[0].is_public == 1 for i in ids)
    return ids, s.id


def test_closing_takes_its_public_photos_down_at_the_next_sync(
    emulator, catalog, cases, wanted, make_syncer, clock
):
    ids, _set_id = wanted
    [before] = [r for r in cases.report() if r.case.case_number == CASE]
    assert sorted(before.public_ids) == ids[:2] and before.block is None
    assert set(before.public_since) == set(ids[:2])

    assert cases.pending_takedowns() == []
    closed = cases.close(CASE)
    assert (closed.state, closed.closed_by) == ("closed", "kari")
    assert cases.pending_takedowns() == ids[:2]
    report = make_syncer(clock=clock).run()
    assert report.failed == []
    for photo_id in ids[:2]:
        assert remote(emulator, catalog, photo_id)[0].is_public == 0
    assert remote(emulator, catalog, ids[2])[0].is_public == 1
    album = emulator.state.photoset_by_title("Etterlysning: savnet person")
    assert album is not None and album.photo_ids == [remote(emulator, catalog, ids[2])[0].id]

    # "Which photos of case 2026-123456 are still public, now that the case is closed?" — none.
    [after] = [r for r in cases.report() if r.case.case_number == CASE]
    assert after.public_ids == () and cases.pending_takedowns() == []
    assert sorted(t.photo_id for t in after.takedowns) == ids[:2]
    assert {t.reasons for t in after.takedowns} == {(f"case:case_closed:{CASE}",)}
    assert all(t.due_since == closed.closed_at.replace(microsecond=0) for t in after.takedowns)


def test_a_take_down_date_set_in_advance(emulator, catalog, cases, wanted, make_syncer, clock):
    ids, _set_id = wanted
    cases.schedule_takedown(CASE, date(2031, 3, 1))
    clock.set_date(date(2031, 2, 28))
    assert not make_syncer(clock=clock).run().plan
    clock.set_date(date(2031, 3, 1))
    make_syncer(clock=clock).run()
    assert [remote(emulator, catalog, i)[0].is_public for i in ids] == [0, 0, 1]
    assert cases.get(CASE).state == "open"


def test_only_editors_close_a_case(catalog, home, settings, case_photos):
    from photoarchive.cases.service import CaseService
    from photoarchive.people.editors import NotAnEditor

    case_photos(1, CASE)
    settings.sets.approvers = ["kari"]
    staff = CaseService.for_home(catalog, home, settings, actor="ola")
    with pytest.raises(NotAnEditor):
        staff.close(CASE)
    with pytest.raises(NotAnEditor):
        staff.schedule_takedown(CASE, date(2030, 1, 1))
    assert staff.get(CASE).state == "open"
    assert staff.set_title(CASE, "Savnet person").title == "Savnet person"  # the register itself is open
    assert CaseService.for_home(catalog, home, settings, actor="kari").close(CASE).state == "closed"


def test_the_register_is_fed_by_the_photos_case_numbers(catalog, cases, case_photos):
    from photoarchive.catalog.cases import CaseNotFound

    case_photos(2, CASE)
    case_photos(1, "2025-000777")
    listed = {c.case_number: (c.photo_count, c.state, c.registered) for c in cases.list()}
    assert listed == {CASE: (2, "open", False), "2025-000777": (1, "open", False)}
    with pytest.raises(CaseNotFound):
        cases.close("2026-999999")


def test_retention_list_after_the_configured_days_then_keep_or_remove(
    emulator, catalog, home, settings, wanted, set_service, make_syncer, clock
):
    from photoarchive.cases.service import CaseError, CaseService

    ids, set_id = wanted
    settings.retention.case_photo_days = 30
    today = {"day": date.today()}
    cases = CaseService.for_home(catalog, home, settings, actor="kari", today=lambda: today["day"])
    cases.close(CASE)
    make_syncer(clock=clock).run()
    assert cases.retention() == []  # not due yet
    today["day"] = date.today() + timedelta(days=30)
    due = cases.retention()
    assert [i.photo_id for i in due] == ids[:2] and all(i.waiting for i in due)

    with pytest.raises(CaseError):
        cases.keep(CASE, [ids[0]], reason=" ")
    cases.keep(CASE, [ids[0]], reason="Saken kan gjenopptas")
    [kept, waiting] = cases.retention()
    assert (kept.decision.decision, kept.decision.reason) == ("keep", "Saken kan gjenopptas")
    assert waiting.waiting

    # The removal path's rules hold: a photo a set still holds stays.
    [refused] = cases.remove(CASE, [ids[1]], reason="Oppbevaringstiden er ute")
    assert not refused.done and "set" in refused.refused
    set_service.revoke(set_id)
    set_service.remove(set_id, ids)
    make_syncer(clock=clock).run()
    [removal] = cases.remove(CASE, [ids[1]], reason="Oppbevaringstiden er ute")
    assert removal.done
    assert (home.removed / removal.removed_to).exists()
    note = (home.removed / (removal.removed_to + ".removed.txt")).read_text(encoding="utf-8")
    assert "Oppbevaringstiden er ute" in note
    assert catalog.photos.get(ids[1]) is None
    assert [d.decision for d in catalog.cases.decisions(CASE)] == ["keep", "remove"]


def test_no_retention_period_asks_nobody(catalog, home, settings, case_photos):
    from photoarchive.cases.service import CaseService

    case_photos(1, CASE)
    cases = CaseService.for_home(catalog, home, settings, actor="kari", today=lambda: date(2099, 1, 1))
    cases.close(CASE)
    assert cases.retention() == []
    assert len(cases.retention(due_only=False)) == 1
