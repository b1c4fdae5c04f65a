"""Sets against a real catalog: editing, the approval workflow, refusals and the audit log."""

from __future__ import annotations

import pytest

from photoarchive.sets.errors import ApprovalRefused, SetError, SetNotFound, SetStateError
from photoarchive.sets.model import SetState, Visibility, order_with_moved
from photoarchive.sets.service import SetService


def always_clean(_photo):
    return None


@pytest.fixture
def service(catalog):
    return SetService(catalog, clean_check=always_clean, actor="kari")


def test_create_add_and_find_by_title_or_id(service, photo_ids):
    created = service.create("Trafikkulykke E18 æøå", visibility="public", licence_id=4, tags=["politiet"])
    assert created.state is SetState.DRAFT
    service.add("Trafikkulykke E18 æøå", photo_ids[:3])
    service.add(str(created.id), [photo_ids[1], photo_ids[3]])  # already-present ones keep their place
    assert service.find(created.id).photo_ids == [photo_ids[0], photo_ids[1], photo_ids[2], photo_ids[3]]
    service.remove(created.id, [photo_ids[1]])
    assert service.find(created.id).photo_ids == [photo_ids[0], photo_ids[2], photo_ids[3]]
    with pytest.raises(SetNotFound):
        service.find("Finnes ikke")
    with pytest.raises(SetError, match="already exists"):
        service.create("Trafikkulykke E18 æøå")
    with pytest.raises(SetError, match="No photo"):
        service.add(created.id, [9999])


@pytest.mark.parametrize(
    ("moving", "position", "expected"),
    [
        ([5], 0, [5, 1, 2, 3, 4]),  # the last photo dragged to the front
        ([1], 5, [2, 3, 4, 5, 1]),  # the first dragged past the end
        ([1], 3, [2, 3, 1, 4, 5]),  # dropped before the photo at row 3 (4)
        ([2, 4], 0, [2, 4, 1, 3, 5]),  # two, keeping their order among themselves
        ([4, 2], 5, [1, 3, 5, 2, 4]),  # the set's order of the moved photos wins over selection order
        ([3], 3, [1, 2, 3, 4, 5]),  # dropped on itself: nothing changes
        ([3], 2, [1, 2, 3, 4, 5]),  # dropped just before itself: nothing changes
        ([2, 3], 4, [1, 4, 2, 3, 5]),
    ],
)
def test_order_with_moved(moving: list[int], position: int, expected: list[int]) -> None:
    assert order_with_moved([1, 2, 3, 4, 5], moving, position) == expected


def test_move_photos_within_a_set(service, photo_ids):
    s = service.create("Rekkefølge")
    service.add(s.id, photo_ids)
    assert service.move(s.id, [photo_ids[3]], 0) == [photo_ids[3], *photo_ids[:3]]
    assert service.find(s.id).photo_ids == [photo_ids[3], *photo_ids[:3]]
    with pytest.raises(SetError, match="not in the set"):
        service.move(s.id, [9999], 0)
    assert service.find(s.id).photo_ids == [photo_ids[3], *photo_ids[:3]]


def test_full_life_and_audit(service, catalog, photo_ids):
    s = service.create("Etterlysning", visibility=Visibility.PUBLIC)
    service.add(s.id, photo_ids[:2])
    with pytest.raises(SetStateError, match="submit"):
        service.approve(s.id)
    service.submit(s.id)
    approved = service.approve(s.id)
    assert approved.state is SetState.APPROVED
    assert approved.approved_by == "kari" and approved.approved_at is not None
    assert [p.photo_id for p in approved.approved_content.photos] == photo_ids[:2]
    assert not service.view(s.id).changed_since_approval

    assert service.mark_published(s.id, {"album": "123"})
    assert service.find(s.id).state is SetState.PUBLISHED

    # An edit after approval: the approved content stays what is published until approved again.
    service.add(s.id, [photo_ids[2]])
    view = service.view(s.id)
    assert view.changed_since_approval
    assert [p.photo_id for p in view.photo_set.approved_content.photos] == photo_ids[:2]
    reapproved = service.approve(s.id)
    assert [p.photo_id for p in reapproved.approved_content.photos] == photo_ids[:3]
    assert reapproved.state is SetState.APPROVED

    revoked = service.revoke(s.id)
    assert revoked.state is SetState.DRAFT and revoked.approved_content is None
    actions = [(e.actor, e.action, e.target_kind, e.target_id) for e in catalog.sets.audit_entries()]
    assert actions == [
        ("kari", "create", "set", s.id),
        ("kari", "submit", "set", s.id),
        ("kari", "approve", "set", s.id),
        ("kari", "publish", "set", s.id),
        ("kari", "approve", "set", s.id),
        ("kari", "revoke", "set", s.id),
    ]


def test_photo_caption_edit_counts_as_change(service, catalog, photo_ids):
    s = service.create("Bilder")
    service.add(s.id, photo_ids[:1])
    service.submit(s.id)
    service.approve(s.id)
    catalog.photos.update_fields([photo_ids[0]], {"caption": "Ny tekst"}, actor="ola")
    assert service.view(s.id).changed_since_approval


def test_case_photo_needs_override_reason_and_it_is_audited(service, catalog, photo_ids, add_photo):
    case_id = add_photo("sak.jpg", case=True, case_number="2026-123456")
    s = service.create("Sak", visibility="public")
    service.add(s.id, [photo_ids[0], case_id])
    service.submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id)
    assert [r.photo_id for r in refused.value.refusals] == [case_id]
    assert "override" in str(refused.value)
    assert service.find(s.id).state is SetState.SUBMITTED

    # With the override, the case photo still needs its redaction reviewed (photoarchive.redaction).
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id, override_reason="Etterlysning godkjent av påtaleansvarlig")
    assert [r.photo_id for r in refused.value.refusals] == [case_id] and "redaction" in str(refused.value)
    from photoarchive.catalog.redactions import RedactionStore

    RedactionStore(catalog.engine).set_review(case_id, "nothing_to_redact", "", "kari", False)
    approved = service.approve(s.id, override_reason="Etterlysning godkjent av påtaleansvarlig")
    assert approved.override_reason == "Etterlysning godkjent av påtaleansvarlig"
    overrides = [e for e in catalog.sets.audit_entries() if e.action == "override"]
    assert {(e.target_kind, e.target_id) for e in overrides} == {("set", s.id), ("photo", case_id)}
    assert all(e.detail["reason"].startswith("Etterlysning") for e in overrides)


def test_suggested_case_category_does_not_block(service, catalog, add_photo):
    from photoarchive.catalog.photos import Category, CategorySuggestion

    photo = add_photo("forslag.jpg", suggestions=[CategorySuggestion(Category.CASE, "folder")])
    s = service.create("Forslag", visibility="public")
    service.add(s.id, [photo])
    service.submit(s.id)
    assert service.approve(s.id).state is SetState.APPROVED


def test_unclean_photo_refuses_with_privacy_reason(catalog, photo_ids):
    def check(photo):
        return "the JPEG is truncated" if photo.photo_id == photo_ids[1] else None

    service = SetService(catalog, clean_check=check, actor="kari")
    s = service.create("Uren")
    service.add(s.id, photo_ids[:2])
    service.submit(s.id)
    with pytest.raises(ApprovalRefused, match="truncated"):
        service.approve(s.id)
    assert not [e for e in catalog.sets.audit_entries() if e.action == "approve"]


def test_revoke_needs_approval(service, photo_ids):
    s = service.create("Kladd")
    with pytest.raises(SetStateError):
        service.revoke(s.id)


def test_cover_must_be_in_set(service, photo_ids):
    s = service.create("Omslag")
    service.add(s.id, photo_ids[:2])
    service.edit(s.id, cover_photo_id=photo_ids[1])
    assert service.content_of(service.find(s.id)).cover.photo_id == photo_ids[1]
    with pytest.raises(SetError, match="cover"):
        service.edit(s.id, cover_photo_id=photo_ids[3])


def test_only_the_named_editors_may_approve(catalog, photo_ids):
    from photoarchive.sets.errors import NotAnApprover

    drafter = SetService(catalog, clean_check=always_clean, actor="ola", approvers=["Kari", "per"])
    s = drafter.create("Pressebilder")
    drafter.add(s.id, photo_ids[:2])
    drafter.submit(s.id)
    with pytest.raises(NotAnApprover, match="Only Kari, per may approve"):
        drafter.approve(s.id)
    assert drafter.find(s.id).state is SetState.SUBMITTED
    # Windows user names compare without regard to case.
    editor = SetService(catalog, clean_check=always_clean, actor="kari", approvers=["Kari", "per"])
    assert editor.approve(s.id).approved_by == "kari"
    # Nobody named: anyone may approve, as before.
    anyone = SetService(catalog, clean_check=always_clean, actor="ola")
    other = anyone.create("Portretter")
    anyone.add(other.id, photo_ids[2:])
    anyone.submit(other.id)
    assert anyone.approve(other.id).approved_by == "ola"
