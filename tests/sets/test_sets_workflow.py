"""The set life cycle and the approval checks as pure decisions."""

from __future__ import annotations

from datetime import datetime

import pytest

from photoarchive.sets.errors import SetStateError
from photoarchive.sets.model import PhotoContent, PhotoSet, SetContent, SetState, Visibility
from photoarchive.sets.workflow import Step, approval_refusals, changed_since_approval, next_state


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


def test_clean_public_set_has_no_refusals():
    assert approval_refusals(content()) == []


def test_case_photo_in_public_set_is_refused_without_override():
    refusals = approval_refusals(content(), case_photo_ids=[2, 7])
    assert [r.photo_id for r in refusals] == [2]  # 7 is not in the set
    assert "case photo" in str(refusals[0])
    assert (
        approval_refusals(content(), case_photo_ids=[2], override_reason="Etterlysning, godkjent av påtale")
        == []
    )
    assert approval_refusals(content(), case_photo_ids=[2], override_reason="   ") != []


def test_case_photo_in_private_set_needs_no_override():
    assert approval_refusals(content(Visibility.PRIVATE), case_photo_ids=[1, 2]) == []
    assert approval_refusals(content(Visibility.FRIENDS), case_photo_ids=[1, 2]) == []


def test_every_reason_is_listed():
    refusals = approval_refusals(
        content(photos=(1, 2, 3)),
        case_photo_ids=[1],
        unclean={3: "truncated JPEG"},
        missing_photo_ids=[9],
    )
    text = [str(r) for r in refusals]
    assert len(refusals) == 3
    assert any("photo 3" in t and "truncated JPEG" in t for t in text)
    assert any("photo 9" in t and "no longer in the catalog" in t for t in text)
    assert any("photo 1" in t and "case photo" in t for t in text)


def test_empty_set_is_refused():
    refusals = approval_refusals(content(photos=()))
    assert len(refusals) == 1 and "no photos" in refusals[0].reason


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
