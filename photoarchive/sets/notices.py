"""What the set rules say to a person: each refusal and warning is a code with parameters, naming the
photo by its file name. The CLI prints `english()`; the window translates the code (ui/set_words.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    # Approval is refused.
    NO_TITLE = "no_title"
    NO_PHOTOS = "no_photos"
    PHOTO_MISSING = "photo_missing"
    PRIVACY_UNCHECKED = "privacy_unchecked"
    CANNOT_CLEAN = "cannot_clean"
    CASE_UNDECIDED = "case_undecided"
    CASE_NEEDS_REASON = "case_needs_reason"
    REDACTION_UNREVIEWED = "redaction_unreviewed"
    # Approval goes ahead, but a person should know.
    NO_DESCRIPTION = "no_description"
    NO_CAPTION = "no_caption"
    NO_BYLINE = "no_byline"
    # A step is not possible (who may do it, or where the set is in its life).
    NOT_AN_APPROVER = "not_an_approver"
    OWN_SUBMISSION = "own_submission"
    EMPTY_SET = "empty_set"
    ALREADY_SUBMITTED = "already_submitted"
    ALREADY_APPROVED = "already_approved"
    APPROVED_UNCHANGED = "approved_unchanged"
    NOT_SUBMITTED = "not_submitted"
    NOTHING_TO_REVOKE = "nothing_to_revoke"
    NOT_APPROVED = "not_approved"


WARNING_CODES = frozenset({Code.NO_DESCRIPTION, Code.NO_CAPTION, Code.NO_BYLINE})

# Why a photo may be a case photo (the `why` parameter of CASE_UNDECIDED, comma-separated).
HINT_FOLDER = "folder"  # a case number in its drop folder or file name
HINT_WORDS = "words"  # case words in the drop folder or file name ("åsted", "ransaking")
HINT_CASE_NUMBER = "case_number"  # a case number recorded on the photo
HINT_SUGGESTED = "suggested"  # the case category suggested (by anything else)

_HINTS_EN = {
    HINT_FOLDER: "a case number in its folder or file name",
    HINT_WORDS: "case words in its folder or file name",
    HINT_CASE_NUMBER: "it carries case number {case_number}",
    HINT_SUGGESTED: "the case category was suggested",
}

_ENGLISH: dict[Code, str] = {
    Code.NO_TITLE: "The album has no title.",
    Code.NO_PHOTOS: "The set has no photos (a Flickr album needs at least one).",
    Code.PHOTO_MISSING: "Photo {photo_id} is no longer in the catalog.",
    Code.PRIVACY_UNCHECKED: "{name} could not be checked for personal data ({reason}), so it is never "
    "published; take it out of the set.",
    Code.CANNOT_CLEAN: "{name} cannot be made clean for publishing: {reason}",
    Code.CASE_UNDECIDED: "{name} may be a case photo ({why}); confirm or reject it as a case photo "
    "before a {visibility} set is approved (photoarchive tag {photo_id} --confirm case, or --reject case).",
    Code.CASE_NEEDS_REASON: "{name} is a case photo and the set is public; approve with an override "
    "reason (--override-reason) if it really may be published.",
    Code.REDACTION_UNREVIEWED: "{name} is a case photo whose redaction nobody has reviewed: check its "
    "regions (photoarchive redact {photo_id} --confirm, or --nothing-to-redact).",
    Code.NO_DESCRIPTION: "The album has no description.",
    Code.NO_CAPTION: "{name} has no caption or headline.",
    Code.NO_BYLINE: "{name} has no byline or credit of its own; it is published with “{default}”.",
    Code.NOT_AN_APPROVER: "Only {approvers} may approve sets (settings: sets.approvers); you are {user}. "
    "Submit the set and ask one of them.",
    Code.OWN_SUBMISSION: "You ({user}) submitted this set, so someone else must approve it (four eyes).",
    Code.EMPTY_SET: "The set has no photos; add photos before submitting it.",
    Code.ALREADY_SUBMITTED: "The set is already submitted and waits for approval.",
    Code.ALREADY_APPROVED: "The set is already approved; changes to it need a new approval (approve it "
    "again).",
    Code.APPROVED_UNCHANGED: "The set is already approved and has not changed since.",
    Code.NOT_SUBMITTED: "The set is a draft; submit it before approving.",
    Code.NOTHING_TO_REVOKE: "The set is not approved, so there is no approval to revoke.",
    Code.NOT_APPROVED: "Only an approved set can be published.",
}

# Reasons a photo could not be checked (privacy_state.UncheckedReason values), for `english()`.
_UNCHECKED_EN = {
    "unreadable_metadata": "its metadata could not be read when it was archived",
    "scan_failed": "the privacy scan failed: {detail}",
    "original_missing": "the original is missing from the archive",
}


@dataclass(frozen=True)
class Notice:
    """One refusal or warning; `photo_id`/`name` say which photo (none: the set itself)."""

    code: Code
    photo_id: int | None = None
    name: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def warning(self) -> bool:
        return self.code in WARNING_CODES

    @property
    def values(self) -> dict[str, str]:
        """The parameters, with the photo's name and id."""
        values = dict(self.params)
        values.setdefault("name", self.name or f"Photo {self.photo_id}")
        values.setdefault("photo_id", "" if self.photo_id is None else str(self.photo_id))
        return values

    def param(self, key: str) -> str:
        return self.values.get(key, "")

    def english(self) -> str:
        values = self.values
        if self.code is Code.CASE_UNDECIDED:
            values["why"] = ", ".join(
                _HINTS_EN[h].format(**values) for h in values.get("why", "").split(",") if h in _HINTS_EN
            )
        if self.code is Code.PRIVACY_UNCHECKED:
            values["reason"] = "; ".join(
                _UNCHECKED_EN.get(r, r).format(**values) for r in values.get("reason", "").split(",") if r
            )
        if self.code is Code.NO_BYLINE and not values.get("default"):
            return f"{values['name']} has no byline or credit; it is published without one."
        return _ENGLISH[self.code].format(**values)

    __str__ = english


def notice(code: Code, photo_id: int | None = None, name: str = "", **params: object) -> Notice:
    return Notice(code, photo_id, name, tuple((k, str(v)) for k, v in params.items()))
