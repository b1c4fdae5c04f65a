"""The person register, links to photos, consent records (editors only) and what the office asks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from photoarchive.catalog.people import ConsentStatus, Use
from photoarchive.people.editors import NotAnEditor
from photoarchive.people.rules import ConsentProblem


def test_consent_is_recorded_with_its_document_and_audit_entry(home, catalog, people, make_photos, tmp_path):
    [photo] = make_photos(1)
    kari = people.add("Kari Nordmann", employee_id="A123", role="politibetjent")
    assert people.link("A123", [photo]) == [photo]
    scan = tmp_path / "samtykke æøå.pdf"
    scan.write_bytes(b"%PDF-1.4 signed consent")
    consent = people.set_consent(
        kari.id,
        "given",
        uses=["flickr", "internal"],
        given_by="Kari Nordmann",
        given_on=date(2026, 1, 5),
        expires_on=date(2027, 1, 5),
        document=scan,
    )
    assert consent.status is ConsentStatus.GIVEN
    assert consent.uses == {Use.FLICKR, Use.INTERNAL}
    assert consent.recorded_by == "kari"
    kept = people.document_path(consent)
    assert kept is not None and kept.read_bytes() == scan.read_bytes()
    assert home.files_root / "consents" in kept.parents
    assert [(p.name, c.status) for p, c in people.people_in_photo(photo)] == [
        ("Kari Nordmann", ConsentStatus.GIVEN)
    ]
    logged = [e for e in catalog.sets.audit_entries(target_kind="person") if e.action == "consent"]
    assert logged[-1].detail["status"] == "given" and logged[-1].detail["uses"] == ["flickr", "internal"]


def test_withdrawal_stamps_the_time_and_keeps_it(people):
    ola = people.add("Ola Hansen")
    people.set_consent(ola.id, "given", uses=["flickr"])
    first = people.withdraw(ola.id, note="sluttet")
    assert first.status is ConsentStatus.WITHDRAWN and first.withdrawn_at is not None
    again = people.withdraw(ola.id)
    assert again.withdrawn_at == first.withdrawn_at


def test_only_editors_change_consent(catalog, home, settings):
    from photoarchive.people.service import PeopleService

    settings.sets.approvers = ["kari"]
    staff = PeopleService.for_home(catalog, home, settings, actor="ola")
    person = staff.add("Per Ås")  # anyone may add to the register
    with pytest.raises(NotAnEditor) as refused:
        staff.set_consent(person.id, "given", uses=["flickr"])
    assert refused.value.params["user"] == "ola"
    assert catalog.people.consent(person.id) is None
    editor = PeopleService.for_home(catalog, home, settings, actor="KARI")
    assert editor.set_consent(person.id, "given", uses=["flickr"]).status is ConsentStatus.GIVEN


def test_given_consent_needs_a_use(people):
    from photoarchive.people.service import ConsentError

    person = people.add("Per Ås")
    with pytest.raises(ConsentError):
        people.set_consent(person.id, "given", uses=[])


def test_markers_and_expiring_soon(catalog, home, settings, make_photos):
    from photoarchive.people.service import PeopleService

    today = date(2026, 12, 1)
    people = PeopleService.for_home(catalog, home, settings, actor="kari", today=lambda: today)
    a, b, c = make_photos(3)
    kari = people.add("Kari")
    ola = people.add("Ola")
    people.link(kari.id, [a])
    people.link(ola.id, [b])
    people.set_consent(kari.id, "given", uses=["flickr"], expires_on=today + timedelta(days=10))
    people.set_consent(ola.id, "pending")
    assert people.without_valid_consent() == {b}
    assert people.without_valid_consent([a, c]) == set()
    assert [p.name for p, _c in people.expiring(30)] == ["Kari"]
    [row_kari] = [r for r in people.report() if r.person.name == "Kari"]
    assert row_kari.flickr_problem is None and row_kari.press_problem is ConsentProblem.USE_NOT_GIVEN
    assert row_kari.photo_ids == (a,)


def test_a_link_can_name_one_of_the_photos_face_boxes(catalog, people, make_photos):
    from photoarchive.catalog.redactions import NewRegion, RedactionStore
    from photoarchive.people.service import ConsentError

    [photo] = make_photos(1)
    RedactionStore(catalog.engine).add(
        photo,
        [
            NewRegion(0.1, 0.1, 0.2, 0.2, "face", "blur", "detector", 0.9),
            NewRegion(0.5, 0.1, 0.2, 0.2, "face", "blur", "detector", 0.8),
        ],
        "kari",
    )
    kari = people.add("Kari")
    with pytest.raises(ConsentError):
        people.link(kari.id, [photo], face_index=2)
    people.link(kari.id, [photo], face_index=1)
    assert catalog.people.people_in([photo]).links[photo][0].face_index == 1
