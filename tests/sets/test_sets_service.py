"""Sets against a real catalog: editing, the approval workflow, refusals and the audit log."""

from __future__ import annotations

import pytest

from photoarchive.sets.errors import ApprovalRefused, NotAnApprover, SetError, SetNotFound, SetStateError
from photoarchive.sets.model import SetState, Visibility, order_with_moved
from photoarchive.sets.notices import Code
from photoarchive.sets.service import SetService


def always_clean(_photo):
    return None


@pytest.fixture
def service(catalog):
    """The editor, who approves."""
    return SetService(catalog, clean_check=always_clean, actor="kari")


@pytest.fixture
def staff(catalog):
    """A colleague, who builds and submits sets (four eyes: the editor approves)."""
    return SetService(catalog, clean_check=always_clean, actor="ola")


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


def test_full_life_and_audit(service, staff, catalog, photo_ids):
    s = service.create("Etterlysning", visibility=Visibility.PUBLIC)
    service.add(s.id, photo_ids[:2])
    with pytest.raises(SetStateError, match="submit"):
        service.approve(s.id)
    staff.submit(s.id)
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
        ("ola", "submit", "set", s.id),
        ("kari", "approve", "set", s.id),
        ("kari", "publish", "set", s.id),
        ("kari", "approve", "set", s.id),
        ("kari", "revoke", "set", s.id),
    ]


def test_photo_caption_edit_counts_as_change(service, staff, catalog, photo_ids):
    s = service.create("Bilder")
    service.add(s.id, photo_ids[:1])
    staff.submit(s.id)
    service.approve(s.id)
    catalog.photos.update_fields([photo_ids[0]], {"caption": "Ny tekst"}, actor="ola")
    assert service.view(s.id).changed_since_approval


def test_case_photo_needs_override_reason_and_it_is_audited(service, staff, catalog, photo_ids, add_photo):
    case_id = add_photo("sak.jpg", case=True, case_number="2026-123456")
    s = service.create("Sak", visibility="public")
    service.add(s.id, [photo_ids[0], case_id])
    staff.submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id)
    # The reason is missing, and (said at once) the case photo's redaction is not reviewed.
    assert [(r.code, r.photo_id) for r in refused.value.refusals] == [
        (Code.CASE_NEEDS_REASON, case_id),
        (Code.REDACTION_UNREVIEWED, case_id),
    ]
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


def test_a_suggested_case_photo_blocks_a_public_set_until_someone_decides(service, staff, catalog, add_photo):
    """Issue 10: photos only *suggested* as case photos went public without a word."""
    from photoarchive.catalog.photos import Category, CategorySuggestion

    suggested = add_photo(
        "IMG_2001.jpg",
        source_path="2026-123456/IMG_2001.jpg",
        case_number="2026-123456",
        suggestions=[CategorySuggestion(Category.CASE, "folder")],
    )
    named = add_photo("Ransaking_Bodø_åsted.jpg", source_path="Ransaking_Bodø_åsted.jpg")
    s = staff.create("Innbrudd", visibility="public")
    staff.add(s.id, [suggested, named])
    staff.submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id, override_reason="Etterlysning")  # a reason is no decision
    assert [(r.code, r.name) for r in refused.value.refusals] == [
        (Code.CASE_UNDECIDED, "IMG_2001.jpg"),
        (Code.CASE_UNDECIDED, "Ransaking_Bodø_åsted.jpg"),
    ]
    assert "case words in its folder or file name" in str(refused.value)
    check = service.check(s.id)
    assert [p.name for p in check.undecided_case_photos] == ["IMG_2001.jpg", "Ransaking_Bodø_åsted.jpg"]

    # Confirmed: the override rule applies; rejected: nothing stands in the way.
    service.decide_case([suggested], is_case=True)
    service.decide_case([named], is_case=False)
    check = service.check(s.id)
    assert check.needs_override
    assert [r.code for r in check.refusals] == [Code.CASE_NEEDS_REASON, Code.REDACTION_UNREVIEWED]
    with pytest.raises(ApprovalRefused) as refused:  # the override still needs the redaction reviewed
        service.approve(s.id, override_reason="Etterlysning godkjent av påtaleansvarlig")
    assert [(r.code, r.name) for r in refused.value.refusals] == [(Code.REDACTION_UNREVIEWED, "IMG_2001.jpg")]
    from photoarchive.catalog.redactions import RedactionStore

    RedactionStore(catalog.engine).set_review(suggested, "nothing_to_redact", "", "kari", False)
    approved = service.approve(s.id, override_reason="Etterlysning godkjent av påtaleansvarlig")
    assert approved.state is SetState.APPROVED
    decided = {r.id: r.categories[Category.CASE] for r in catalog.photos.get_many([suggested, named])}
    assert (decided[suggested].state.value, decided[suggested].decided_by) == ("confirmed", "kari")
    assert decided[named].state.value == "rejected"


def test_a_photo_whose_privacy_scan_failed_is_never_approved(service, staff, add_photo, photo_ids):
    damaged = add_photo("skadet.jpg", privacy_findings=["unreadable_metadata"])
    s = staff.create("Skadet", visibility="private")
    staff.add(s.id, [photo_ids[0], damaged])
    staff.submit(s.id)
    with pytest.raises(ApprovalRefused) as refused:
        service.approve(s.id)
    (refusal,) = refused.value.refusals
    assert (refusal.code, refusal.name) == (Code.PRIVACY_UNCHECKED, "skadet.jpg")
    assert service.check(s.id).photos[1].facts.privacy.state.value == "unchecked"


def test_the_submitter_cannot_approve_and_the_window_is_told_why(service, staff, photo_ids):
    s = staff.create("Fire øyne")
    assert staff.allowed(staff.view(s.id)).submit.code is Code.EMPTY_SET
    staff.add(s.id, photo_ids[:1])
    assert staff.allowed(staff.view(s.id)).submit is None
    assert staff.allowed(staff.view(s.id)).approve.code is Code.NOT_SUBMITTED
    staff.submit(s.id)
    assert staff.find(s.id).submitted_by == "ola"
    assert staff.allowed(staff.view(s.id)).submit.code is Code.ALREADY_SUBMITTED
    assert staff.allowed(staff.view(s.id)).revoke.code is Code.NOTHING_TO_REVOKE
    assert staff.allowed(staff.view(s.id)).approve.code is Code.OWN_SUBMISSION
    with pytest.raises(NotAnApprover, match="someone else must approve"):
        staff.approve(s.id)
    assert service.allowed(service.view(s.id)).approve is None
    assert service.approve(s.id).approved_by == "kari"
    assert service.allowed(service.view(s.id)).approve.code is Code.APPROVED_UNCHANGED


def test_approval_warns_and_records_the_warnings(service, staff, add_photo, catalog):
    bare = add_photo("uten_tekst.jpg")
    s = staff.create("Advarsler")
    staff.add(s.id, [bare])
    staff.submit(s.id)
    approval = service.approve_checked(s.id)
    assert [w.code for w in approval.warnings] == [Code.NO_DESCRIPTION, Code.NO_CAPTION, Code.NO_BYLINE]
    (entry,) = [e for e in catalog.sets.audit_entries() if e.action == "approve"]
    assert "uten_tekst.jpg has no caption or headline." in entry.detail["warnings"]


def test_unclean_photo_refuses_with_privacy_reason(catalog, staff, photo_ids):
    def check(photo):
        return "the JPEG is truncated" if photo.photo_id == photo_ids[1] else None

    service = SetService(catalog, clean_check=check, actor="kari")
    s = service.create("Uren")
    service.add(s.id, photo_ids[:2])
    staff.submit(s.id)
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
    # Nobody named: anyone but the submitter may approve.
    anyone = SetService(catalog, clean_check=always_clean, actor="per")
    other = drafter.create("Portretter")
    drafter.add(other.id, photo_ids[2:])
    drafter.submit(other.id)
    assert anyone.approve(other.id).approved_by == "per"
