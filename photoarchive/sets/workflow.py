"""The life of a set as pure decisions: which step is allowed from which state, and why approval is
refused. No database, no files: the service feeds in what it found."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from photoarchive.sets.errors import SetStateError
from photoarchive.sets.model import PhotoSet, SetContent, SetState, Visibility


class Step(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REVOKE = "revoke"
    PUBLISH = "publish"


def changed_since_approval(photo_set: PhotoSet, current: SetContent) -> bool:
    """True when an approved set was edited after its last approval (its approved content is what
    stays published until someone approves again)."""
    if photo_set.approved_content is None:
        return False
    return photo_set.approved_content != current


def next_state(state: SetState, step: Step, *, changed: bool = False) -> SetState:
    """The state after `step`, or SetStateError saying why the step is not possible now."""
    approved = state in (SetState.APPROVED, SetState.PUBLISHED)
    if step is Step.EDIT:
        return state
    if step is Step.SUBMIT:
        if state is SetState.DRAFT:
            return SetState.SUBMITTED
        if state is SetState.SUBMITTED:
            raise SetStateError("The set is already submitted and waits for approval.")
        raise SetStateError(
            "The set is already approved; changes to it need a new approval (approve it again)."
        )
    if step is Step.APPROVE:
        if state is SetState.SUBMITTED:
            return SetState.APPROVED
        if approved:
            if changed:
                return SetState.APPROVED
            raise SetStateError("The set is already approved and has not changed since.")
        raise SetStateError("The set is a draft; submit it before approving.")
    if step is Step.REVOKE:
        if approved:
            return SetState.DRAFT
        raise SetStateError("The set is not approved, so there is no approval to revoke.")
    if step is Step.PUBLISH:
        if approved:
            return SetState.PUBLISHED
        raise SetStateError("Only an approved set can be published.")
    raise AssertionError(step)


@dataclass(frozen=True)
class Refusal:
    """One reason approval is refused, about the set or one of its photos."""

    reason: str
    photo_id: int | None = None

    def __str__(self) -> str:
        return self.reason if self.photo_id is None else f"photo {self.photo_id}: {self.reason}"


def approval_refusals(
    content: SetContent,
    *,
    missing_photo_ids: Iterable[int] = (),
    case_photo_ids: Iterable[int] = (),
    unclean: Mapping[int, str] | None = None,
    override_reason: str = "",
    redaction_unreviewed_ids: Iterable[int] = (),
) -> list[Refusal]:
    """Every reason the content may not be approved as it is (empty list: it may).

    `case_photo_ids` are photos with the `case` category confirmed; `unclean` maps photos the privacy
    module cannot make clean to its reason.
    """
    refusals: list[Refusal] = []
    if not content.title.strip():
        refusals.append(Refusal("the set has no title"))
    if not content.photos:
        refusals.append(Refusal("the set has no photos (a Flickr album needs at least one)"))
    for photo_id in sorted(set(missing_photo_ids)):
        refusals.append(Refusal("the photo is no longer in the catalog", photo_id))
    for photo_id, reason in sorted((unclean or {}).items()):
        refusals.append(Refusal(f"cannot be made clean for publishing: {reason}", photo_id))
    if content.visibility is Visibility.PUBLIC and not override_reason.strip():
        in_set = {p.photo_id for p in content.photos}
        for photo_id in sorted(set(case_photo_ids) & in_set):
            refusals.append(
                Refusal(
                    "is a case photo and the set is public; approve with an override reason "
                    "(--override-reason) if it really may be published",
                    photo_id,
                )
            )
    elif content.visibility is Visibility.PUBLIC:
        # A case photo allowed out by an override still needs a person's word on what it shows: its
        # redaction reviewed (`redaction_unreviewed_ids`, from photoarchive.redaction).
        in_set = {p.photo_id for p in content.photos}
        for photo_id in sorted(set(redaction_unreviewed_ids) & in_set):
            refusals.append(
                Refusal(
                    "is a case photo whose redaction nobody has reviewed: check its regions "
                    "(photoarchive redact ID --confirm, or --nothing-to-redact)",
                    photo_id,
                )
            )
    return refusals


def may_approve(user: str, approvers: Iterable[str]) -> bool:
    """Whether ``user`` may approve sets: anyone when no approvers are named; Windows user names
    compare without regard to case."""
    names = {name.strip().casefold() for name in approvers}
    return not names or user.strip().casefold() in names
