"""Consent checked where photos leave: approving a set others see, and export for the press."""

from __future__ import annotations

import pytest


@pytest.fixture
def kari_in(people, make_photos):
    """A photo showing Kari, who consented to Flickr only; returns (photo id, person)."""
    [photo] = make_photos(1)
    kari = people.add("Kari Nordmann", employee_id="A123")
    people.link(kari.id, [photo])
    people.set_consent(kari.id, "given", uses=["flickr"])
    return photo, kari


def test_flickr_only_consent_passes_approval_but_press_export_is_refused(
    home, settings, catalog, kari_in, approve_set, tmp_path
):
    from photoarchive.publish import export_photos
    from photoarchive.sets.model import SetState

    photo, _kari = kari_in
    set_id = approve_set("Ny politibetjent", [photo], visibility="public")
    assert catalog.sets.get(set_id).state is SetState.APPROVED

    [item] = export_photos(home, settings, catalog, [photo], tmp_path / "ut")
    assert item.dest is None
    assert "Kari Nordmann" in item.error and "press" in item.error
    assert [(b.name, b.problem.value) for b in item.people] == [("Kari Nordmann", "use_not_given")]
    assert not any((tmp_path / "ut").iterdir())


def test_press_consent_lets_the_export_go(home, settings, catalog, people, kari_in, tmp_path):
    from photoarchive.publish import export_photos

    photo, kari = kari_in
    people.set_consent(kari.id, "given", uses=["flickr", "press"])
    [item] = export_photos(home, settings, catalog, [photo], tmp_path / "ut")
    assert item.error == "" and item.dest is not None and item.dest.exists()


@pytest.mark.parametrize("status", ["withdrawn", "pending"])
def test_approval_of_a_public_set_lists_who_and_why(
    catalog, people, kari_in, set_service, home, settings, status
):
    from photoarchive.sets.errors import ApprovalRefused
    from photoarchive.sets.notices import Code
    from photoarchive.sets.service import SetService

    photo, kari = kari_in
    people.set_consent(kari.id, status)
    s = set_service.create("Ny politibetjent", visibility="friends")
    set_service.add(s.id, [photo])
    SetService.for_home(catalog, home, settings, actor="ola").submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        set_service.approve(s.id)
    [consent] = [n for n in refused.value.refusals if n.code is Code.NO_CONSENT]
    assert consent.photo_id == photo
    assert consent.param("person") == "Kari Nordmann" and consent.param("why") == status
    assert "Kari Nordmann" in consent.english()


def test_private_sets_are_not_held_back_by_consent(catalog, people, kari_in, approve_set):
    from photoarchive.sets.model import SetState

    photo, kari = kari_in
    people.set_consent(kari.id, "pending")
    set_id = approve_set("Internt", [photo], visibility="private")
    assert catalog.sets.get(set_id).state is SetState.APPROVED
