"""The set life cycle and the approval checks as pure decisions."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from photoarchive.privacy_state import decide
from photoarchive.sets.errors import SetStateError
from photoarchive.sets.model import PhotoContent, PhotoSet, SetContent, SetState, Visibility
from photoarchive.sets.notices import Code
from photoarchive.sets.workflow import (
    CaseDecision,
    CaseStatus,
    PhotoFacts,
    Step,
    approval_notices,
    approver_notice,
    case_status,
    changed_since_approval,
    needs_override,
    next_state,
    step_notice,
)
from photoarchive.settings import CategorySettings


def content(visibility=Visibility.PUBLIC, photos=(1, 2), title="Pressebilder") -> SetContent:
    return SetContent(
        title=title,
        description="",
        visibility=visibility,
        licence_id=4,
        group_id="",
        tags=("politiet",),
        cover_photo_id=None,
        photos=tuple(PhotoContent(photo_id=i, sha256=f"{i:064x}", archive_path=f"a/{i}.jpg") for i in photos),
    )


@pytest.mark.parametrize(
    ("state", "step", "changed", "expected"),
    [
        (SetState.DRAFT, Step.SUBMIT, False, SetState.SUBMITTED),
        (SetState.SUBMITTED, Step.APPROVE, False, SetState.APPROVED),
        (SetState.APPROVED, Step.APPROVE, True, SetState.APPROVED),
        (SetState.PUBLISHED, Step.APPROVE, True, SetState.APPROVED),
        (SetState.APPROVED, Step.PUBLISH, False, SetState.PUBLISHED),
        (SetState.APPROVED, Step.REVOKE, False, SetState.DRAFT),
        (SetState.PUBLISHED, Step.REVOKE, False, SetState.DRAFT),
        (SetState.PUBLISHED, Step.EDIT, False, SetState.PUBLISHED),
        (SetState.SUBMITTED, Step.EDIT, False, SetState.SUBMITTED),
    ],
)
def test_allowed_steps(state, step, changed, expected):
    assert next_state(state, step, changed=changed) is expected


@pytest.mark.parametrize(
    ("state", "step", "changed"),
    [
        (SetState.DRAFT, Step.APPROVE, False),
        (SetState.DRAFT, Step.REVOKE, False),
        (SetState.SUBMITTED, Step.SUBMIT, False),
        (SetState.SUBMITTED, Step.REVOKE, False),
        (SetState.APPROVED, Step.APPROVE, False),
        (SetState.PUBLISHED, Step.APPROVE, False),
        (SetState.APPROVED, Step.SUBMIT, True),
        (SetState.DRAFT, Step.PUBLISH, False),
    ],
)
def test_refused_steps(state, step, changed):
    with pytest.raises(SetStateError):
        next_state(state, step, changed=changed)


def test_changed_since_approval_compares_with_approved_content():
    now = datetime(2026, 1, 1)
    approved = content()
    photo_set = PhotoSet(
        1,
        "Pressebilder",
        "",
        Visibility.PUBLIC,
        4,
        "",
        ["politiet"],
        None,
        SetState.APPROVED,
        "kari",
        now,
        approved,
        "",
        now,
        now,
        [1, 2],
    )
    assert not changed_since_approval(photo_set, content())
    assert changed_since_approval(photo_set, content(photos=(2, 1)))
    assert changed_since_approval(photo_set, content(visibility=Visibility.PRIVATE))
    draft = PhotoSet(
        2, "x", "", Visibility.PUBLIC, 0, "", [], None, SetState.DRAFT, "", None, None, "", now, now
    )
    assert not changed_since_approval(draft, content())


def facts(*, case=(), maybe=(), unchecked=(), unclean=None, ids=(1, 2, 3)):
    """Facts about photos 1..3 (named IMG_000n.jpg): confirmed case photos, undecided ones, photos whose
    privacy scan failed, photos that cannot be made clean."""
    out = {}
    for i in ids:
        if i in case:
            status = CaseStatus(CaseDecision.CASE)
        elif i in maybe:
            status = CaseStatus(CaseDecision.UNDECIDED, ("folder",), "2026-123456")
        else:
            status = CaseStatus(CaseDecision.NOT_CASE)
        privacy = decide(["unreadable_metadata"] if i in unchecked else ["gps"])
        out[i] = PhotoFacts(i, f"IMG_000{i}.jpg", status, privacy, (unclean or {}).get(i))
    return out


def refusals(content_, facts_, **kw):
    return [n for n in approval_notices(content_, facts_, **kw) if not n.warning]


def test_clean_public_set_has_no_refusals():
    assert refusals(content(), facts()) == []


def test_case_photo_in_public_set_is_refused_without_override():
    refused = refusals(content(), facts(case=[2]))
    assert [(r.code, r.photo_id) for r in refused] == [(Code.CASE_NEEDS_REASON, 2)]
    assert "IMG_0002.jpg is a case photo" in str(refused[0])  # named by its file name, not its id
    assert refusals(content(), facts(case=[2]), override_reason="Etterlysning, godkjent av påtale") == []
    assert refusals(content(), facts(case=[2]), override_reason="   ") != []
    assert needs_override(content(), facts(case=[2])) and not needs_override(content(), facts())


def test_confirmed_case_photo_in_private_or_friends_set_needs_no_override():
    assert refusals(content(Visibility.PRIVATE), facts(case=[1, 2])) == []
    assert refusals(content(Visibility.FRIENDS), facts(case=[1, 2])) == []


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.FRIENDS, Visibility.FAMILY])
def test_a_photo_that_may_be_a_case_photo_blocks_until_someone_decides(visibility):
    refused = refusals(content(visibility, photos=(1, 2, 3)), facts(maybe=[3], unchecked=[1]))
    # The case decision comes first (the dialog lists it first), then what cannot leave the archive.
    assert [(r.code, r.photo_id) for r in refused] == [(Code.CASE_UNDECIDED, 3), (Code.PRIVACY_UNCHECKED, 1)]
    assert "IMG_0003.jpg may be a case photo (a case number in its folder or file name)" in str(refused[0])
    # An override reason does not stand in for a decision.
    assert refusals(content(visibility, photos=(3,)), facts(maybe=[3]), override_reason="Etterlysning")
    # A private set stays in the office: nothing to decide there.
    assert refusals(content(Visibility.PRIVATE, photos=(3,)), facts(maybe=[3])) == []


def test_a_photo_that_could_not_be_checked_is_refused_even_in_a_private_set():
    (refused,) = refusals(content(Visibility.PRIVATE, photos=(1,)), facts(unchecked=[1], unclean={1: "x"}))
    assert refused.code is Code.PRIVACY_UNCHECKED
    assert "could not be checked for personal data" in str(refused)
    assert "metadata could not be read when it was archived" in str(refused)


def test_every_reason_is_listed():
    refused = refusals(
        content(photos=(1, 2, 3), title=" "),
        facts(case=[1], unclean={3: "truncated JPEG"}),
        missing_photo_ids=[9],
    )
    assert [r.code for r in refused] == [
        Code.CASE_NEEDS_REASON,
        Code.CANNOT_CLEAN,
        Code.NO_TITLE,
        Code.PHOTO_MISSING,
    ]
    text = [str(r) for r in refused]
    assert "IMG_0003.jpg cannot be made clean for publishing: truncated JPEG" in text
    assert "Photo 9 is no longer in the catalog." in text


def test_empty_set_is_refused():
    (refused,) = refusals(content(photos=()), {})
    assert refused.code is Code.NO_PHOTOS and "no photos" in str(refused)


def test_missing_caption_byline_and_description_warn_without_refusing():
    photos = (
        PhotoContent(1, "1" * 64, "a/1.jpg", caption="Bil i grøfta", byline="Kari Nordmann"),
        PhotoContent(2, "2" * 64, "a/2.jpg", headline="Ulykke", credit="Politiet"),
        PhotoContent(3, "3" * 64, "a/3.jpg"),
    )
    c = dataclasses.replace(content(), photos=photos)
    notices = approval_notices(c, facts(), default_byline="Politiet")
    assert all(n.warning for n in notices)
    assert [(n.code, n.photo_id) for n in notices] == [
        (Code.NO_DESCRIPTION, None),
        (Code.NO_CAPTION, 3),
        (Code.NO_BYLINE, 3),
    ]
    assert (
        str(notices[2]) == "IMG_0003.jpg has no byline or credit of its own; it is published with “Politiet”."
    )
    described = dataclasses.replace(c, description="Trafikkulykke på E18 ved Sandvika")
    assert [n.code for n in approval_notices(described, facts())] == [Code.NO_CAPTION, Code.NO_BYLINE]


def test_case_status_from_marks_numbers_folders_and_file_names():
    pattern = CategorySettings().case_pattern
    assert case_status(mark=None, source_path="2026-123456/IMG_1.jpg", case_pattern=pattern) == CaseStatus(
        CaseDecision.UNDECIDED, ("folder",)
    )
    # A case-like name in a case folder: both hints; outside one, the words alone.
    both = case_status(
        mark="suggested",
        mark_source="folder",
        source_path="2026-123456/Ransaking_Bodø_åsted.jpg",
        case_pattern=pattern,
    )
    assert both.hints == ("folder", "words")
    alone = case_status(mark=None, name="Ransaking_Bodø_åsted.jpg", case_pattern=pattern)
    assert alone.decision is CaseDecision.UNDECIDED and alone.hints == ("words",)
    assert case_status(mark=None, case_number="2026-99", case_pattern=pattern).hints == ("case_number",)
    # A person's decision wins over every hint.
    assert (
        case_status(
            mark="rejected", case_number="2026-123456", source_path="2026-123456/a.jpg", case_pattern=pattern
        ).decision
        is CaseDecision.NOT_CASE
    )
    assert case_status(mark="confirmed", case_pattern=pattern).decision is CaseDecision.CASE
    assert case_status(mark=None, source_path="sport/Fotballkamp.jpg", case_pattern=pattern).decision is (
        CaseDecision.NOT_CASE
    )


def test_who_may_approve():
    assert approver_notice("kari", []) is None
    assert approver_notice("kari", [], submitted_by="ola") is None
    own = approver_notice("Kari", [], submitted_by="kari")
    assert own.code is Code.OWN_SUBMISSION and "someone else must approve" in str(own)
    assert approver_notice("ola", ["kari", "per"]).code is Code.NOT_AN_APPROVER
    assert approver_notice("KARI", ["kari"], submitted_by="ola") is None


def test_an_empty_set_cannot_be_submitted():
    assert step_notice(SetState.DRAFT, Step.SUBMIT, photo_count=0).code is Code.EMPTY_SET
    assert step_notice(SetState.DRAFT, Step.SUBMIT, photo_count=1) is None
    with pytest.raises(SetStateError) as refused:
        next_state(SetState.DRAFT, Step.SUBMIT, photo_count=0)
    assert refused.value.notice.code is Code.EMPTY_SET


def test_snapshot_round_trips_through_json():
    original = content()
    assert SetContent.from_json(original.to_json()) == original
    assert SetContent.from_json(original.to_json()).digest() == original.digest()


def test_cover_falls_back_to_first_photo():
    c = content(photos=(5, 6))
    assert c.cover.photo_id == 5
    c2 = SetContent(**{**c.__dict__, "cover_photo_id": 6})
    assert c2.cover.photo_id == 6
    c3 = SetContent(**{**c.__dict__, "cover_photo_id": 99})
    assert c3.cover.photo_id == 5


def test_changes_since_approval_name_the_photo_and_what_changed():
    """A caption edit and a redaction edit are both changes, each named with the photo's file name; a
    set approved before approval covered regions (no redaction recorded) keeps the old rule."""
    from photoarchive.sets.changes import ChangeKind, content_changes

    def photo(i: int, **kw) -> PhotoContent:
        return PhotoContent(i, f"{i:064x}", f"2024/05/IMG_{i}.jpg", caption="Bil", **kw)

    approved = dataclasses.replace(content(), photos=(photo(1, redaction=""), photo(2, redaction="aa")))
    assert content_changes(approved, approved) == ()
    edited = dataclasses.replace(
        approved, photos=(photo(1, redaction="bb"), dataclasses.replace(photo(2, redaction="aa"), caption="Ny"))
    )
    assert [(c.kind, c.photo_id, c.name) for c in content_changes(approved, edited)] == [
        (ChangeKind.REDACTION, 1, "IMG_1.jpg"),
        (ChangeKind.CAPTION, 2, "IMG_2.jpg"),
    ]
    grown = dataclasses.replace(approved, photos=(photo(2, redaction="aa"), photo(3, redaction="")))
    # IMG_1 was the album's first photo, so its primary photo changes too.
    assert [c.english() for c in content_changes(approved, grown)] == [
        "the cover",
        "IMG_3.jpg added",
        "IMG_1.jpg removed",
    ]

    old = dataclasses.replace(approved, photos=(photo(1), photo(2)))  # redaction not recorded
    assert content_changes(old, approved) == ()
    record = PhotoSet(
        1, "t", "", approved.visibility, 0, "", [], None, SetState.APPROVED, "kari", None, old, "",
        datetime(2026, 1, 1), datetime(2026, 1, 1), [1, 2],
    )  # fmt: skip
    assert not changed_since_approval(record, approved)
    assert changed_since_approval(dataclasses.replace(record, approved_content=approved), edited)
