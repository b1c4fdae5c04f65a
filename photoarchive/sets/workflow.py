"""The life of a set as pure decisions: which step is allowed from which state and by whom, which photos
may be case photos, and why approval is refused or warns. No database, no files: the service feeds in
what it found. The window and the CLI ask these (through the service); nothing re-derives them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from photoarchive.ingest.categories import case_words_in, find_case_number
from photoarchive.privacy_state import PrivacyStatus
from photoarchive.redaction.model import Review
from photoarchive.sets.changes import comparable
from photoarchive.sets.errors import SetStateError
from photoarchive.sets.model import PhotoSet, SetContent, SetState, Visibility
from photoarchive.sets.notices import (
    HINT_CASE_NUMBER,
    HINT_FOLDER,
    HINT_SUGGESTED,
    HINT_WORDS,
    Code,
    Notice,
    notice,
)

# Sets seen outside the office: a photo that may be a case photo needs a person's decision first.
SEEN_OUTSIDE = frozenset({Visibility.PUBLIC, Visibility.FRIENDS, Visibility.FAMILY})
# Sets where a confirmed case photo also needs a written override reason.
NEEDS_OVERRIDE = frozenset({Visibility.PUBLIC})


class Step(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REVOKE = "revoke"
    PUBLISH = "publish"


def changed_since_approval(photo_set: PhotoSet, current: SetContent) -> bool:
    """True when an approved set was edited after its last approval (its approved content is what
    stays published until someone approves again). A redaction region added, moved, refilled or
    removed is a change like a caption edit (see sets/changes.py)."""
    if photo_set.approved_content is None:
        return False
    return comparable(photo_set.approved_content, current) != current


def step_notice(
    state: SetState, step: Step, *, changed: bool = False, photo_count: int | None = None
) -> Notice | None:
    """Why `step` is not possible from `state` (None: it is). `photo_count` given: an empty set cannot
    be submitted."""
    approved = state in (SetState.APPROVED, SetState.PUBLISHED)
    if step is Step.SUBMIT:
        if state is SetState.SUBMITTED:
            return notice(Code.ALREADY_SUBMITTED)
        if state is not SetState.DRAFT:
            return notice(Code.ALREADY_APPROVED)
        if photo_count == 0:
            return notice(Code.EMPTY_SET)
        return None
    if step is Step.APPROVE:
        if state is SetState.SUBMITTED or (approved and changed):
            return None
        return notice(Code.APPROVED_UNCHANGED if approved else Code.NOT_SUBMITTED)
    if step is Step.REVOKE:
        return None if approved else notice(Code.NOTHING_TO_REVOKE)
    if step is Step.PUBLISH:
        return None if approved else notice(Code.NOT_APPROVED)
    return None


def next_state(
    state: SetState, step: Step, *, changed: bool = False, photo_count: int | None = None
) -> SetState:
    """The state after `step`, or SetStateError saying why the step is not possible now."""
    problem = step_notice(state, step, changed=changed, photo_count=photo_count)
    if problem is not None:
        raise SetStateError(problem)
    return {
        Step.EDIT: state,
        Step.SUBMIT: SetState.SUBMITTED,
        Step.APPROVE: SetState.APPROVED,
        Step.REVOKE: SetState.DRAFT,
        Step.PUBLISH: SetState.PUBLISHED,
    }[step]


def approver_notice(user: str, approvers: Iterable[str], submitted_by: str = "") -> Notice | None:
    """Why ``user`` may not approve this set (None: they may): not one of the named editors, or the
    person who submitted it (four eyes). Windows user names compare without regard to case."""
    named = [name.strip() for name in approvers if name.strip()]
    if not may_approve(user, named):
        return notice(Code.NOT_AN_APPROVER, approvers=", ".join(named), user=user)
    if submitted_by and submitted_by.strip().casefold() == user.strip().casefold():
        return notice(Code.OWN_SUBMISSION, user=user)
    return None


class CaseDecision(StrEnum):
    NOT_CASE = "not_case"  # nothing says so, or a person rejected it
    UNDECIDED = "undecided"  # something says it may be; nobody has decided
    CASE = "case"  # a person confirmed it


@dataclass(frozen=True)
class CaseStatus:
    decision: CaseDecision
    # Why it may be a case photo (notices.HINT_*), for UNDECIDED.
    hints: tuple[str, ...] = ()
    case_number: str = ""


def case_status(
    *,
    mark: str | None,
    mark_source: str = "",
    case_number: str = "",
    source_path: str = "",
    name: str = "",
    case_pattern: str = "",
) -> CaseStatus:
    """Whether a photo is, may be or is not a case photo.

    `mark` is the state of its `case` category (suggested/confirmed/rejected, None when it has none).
    A person's decision wins; otherwise a suggestion by anything, a recorded case number, a case number
    or case words in the drop path or file name each make it "may be" — also for photos archived before
    ingest knew those words.
    """
    if mark == "confirmed":
        return CaseStatus(CaseDecision.CASE, case_number=case_number)
    if mark == "rejected":
        return CaseStatus(CaseDecision.NOT_CASE, case_number=case_number)
    hints: list[str] = []
    if mark == "suggested":
        hints.append({"folder": HINT_FOLDER, "words": HINT_WORDS}.get(mark_source, HINT_SUGGESTED))
    if case_number.strip():
        hints.append(HINT_CASE_NUMBER)
    paths = [PurePath(p) for p in (source_path, name) if p]
    if case_pattern and any(find_case_number(p, case_pattern) for p in paths):
        hints.append(HINT_FOLDER)
    if any(case_words_in(p) for p in paths):
        hints.append(HINT_WORDS)
    hints = list(dict.fromkeys(hints))
    if hints:
        return CaseStatus(CaseDecision.UNDECIDED, tuple(hints), case_number)
    return CaseStatus(CaseDecision.NOT_CASE, case_number=case_number)


@dataclass(frozen=True)
class PhotoFacts:
    """What the service found about one photo of the set, for the rules to decide on."""

    photo_id: int
    name: str
    case: CaseStatus
    privacy: PrivacyStatus
    # Why the privacy module cannot make a clean copy (None: it can, or it was not tried).
    unclean: str | None = None
    # A confirmed case photo whose redaction (photoarchive.redaction) no person has reviewed yet.
    redaction_unreviewed: bool = False
    # How many redaction regions are burnt into its published copy, and the last review of them.
    regions: int = 0
    redaction_review: Review | None = None


def needs_override(content: SetContent, facts: Mapping[int, PhotoFacts]) -> bool:
    """Whether approving needs a written override reason: confirmed case photos in a public set."""
    return content.visibility in NEEDS_OVERRIDE and any(
        facts[p.photo_id].case.decision is CaseDecision.CASE for p in content.photos if p.photo_id in facts
    )


def approval_notices(
    content: SetContent,
    facts: Mapping[int, PhotoFacts],
    *,
    missing_photo_ids: Iterable[int] = (),
    override_reason: str = "",
    default_byline: str = "",
) -> list[Notice]:
    """Every refusal (approval may not go ahead) and warning (it may, but a person should know) about
    the content, case photos waiting for a decision first. `default_byline` is what a photo without a
    byline or credit of its own is published with."""
    refusals: list[Notice] = []
    later: list[Notice] = []
    warnings: list[Notice] = []
    outside = content.visibility in SEEN_OUTSIDE
    for photo in content.photos:
        fact = facts.get(photo.photo_id)
        name = fact.name if fact else ""
        if fact is not None and outside and fact.case.decision is CaseDecision.UNDECIDED:
            refusals.append(
                notice(
                    Code.CASE_UNDECIDED,
                    photo.photo_id,
                    name,
                    why=",".join(fact.case.hints),
                    case_number=fact.case.case_number,
                    visibility=content.visibility.value,
                )
            )
        if (
            fact is not None
            and content.visibility in NEEDS_OVERRIDE
            and fact.case.decision is CaseDecision.CASE
            and not override_reason.strip()
        ):
            refusals.append(notice(Code.CASE_NEEDS_REASON, photo.photo_id, name))
        if (
            fact is not None
            and content.visibility in NEEDS_OVERRIDE
            and fact.case.decision is CaseDecision.CASE
            and fact.redaction_unreviewed
        ):
            # Said up front, beside a missing reason: the approval dialog can do nothing about it, so a
            # person learns before typing a reason that the redaction must be reviewed first.
            refusals.append(notice(Code.REDACTION_UNREVIEWED, photo.photo_id, name))
        if fact is not None and not fact.privacy.publishable:
            later.append(
                notice(
                    Code.PRIVACY_UNCHECKED,
                    photo.photo_id,
                    name,
                    reason=",".join(r.value for r in fact.privacy.reasons),
                    detail=fact.privacy.detail,
                )
            )
        elif fact is not None and fact.unclean:
            later.append(notice(Code.CANNOT_CLEAN, photo.photo_id, name, reason=fact.unclean))
        if not (photo.caption.strip() or photo.headline.strip()):
            warnings.append(notice(Code.NO_CAPTION, photo.photo_id, name))
        if not (photo.byline.strip() or photo.credit.strip()):
            warnings.append(notice(Code.NO_BYLINE, photo.photo_id, name, default=default_byline))
    # Case photos first (a decision each), then the photos that cannot leave, then the set itself.
    refusals.sort(key=lambda n: n.code is not Code.CASE_UNDECIDED)
    refusals.extend(later)
    if not content.title.strip():
        refusals.append(notice(Code.NO_TITLE))
    if not content.photos:
        refusals.append(notice(Code.NO_PHOTOS))
    for photo_id in sorted(set(missing_photo_ids)):
        refusals.append(notice(Code.PHOTO_MISSING, photo_id))
    if not content.description.strip():
        warnings.insert(0, notice(Code.NO_DESCRIPTION))
    return refusals + warnings


def may_approve(user: str, approvers: Iterable[str]) -> bool:
    """Whether ``user`` may approve sets: anyone when no approvers are named; Windows user names
    compare without regard to case."""
    names = {name.strip().casefold() for name in approvers}
    return not names or user.strip().casefold() in names
