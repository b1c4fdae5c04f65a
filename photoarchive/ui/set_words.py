"""The set rules' notices (photoarchive.sets.notices) in the user's language: each code has a sentence
here, with the photo named by its file name. The core's English is the fallback for a code not listed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from photoarchive.sets.notices import (
    HINT_CASE_NUMBER,
    HINT_FOLDER,
    HINT_SUGGESTED,
    HINT_WORDS,
    Code,
    Notice,
)

_CONTEXT = "SetNotice"
_WORDS = "SetWords"

# A set's state and Flickr's licence names as the window shows them (the core's names are English).
_STATES = {
    "draft": QT_TRANSLATE_NOOP("SetWords", "draft"),
    "submitted": QT_TRANSLATE_NOOP("SetWords", "submitted"),
    "approved": QT_TRANSLATE_NOOP("SetWords", "approved"),
    "published": QT_TRANSLATE_NOOP("SetWords", "published"),
}
_CHANGED = QT_TRANSLATE_NOOP("SetWords", "changed since approval")
# The audit log's actions, as the set's history shows them.
_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("SetWords", "created"),
    "edit": QT_TRANSLATE_NOOP("SetWords", "edited"),
    "submit": QT_TRANSLATE_NOOP("SetWords", "submitted"),
    "approve": QT_TRANSLATE_NOOP("SetWords", "approved"),
    "override": QT_TRANSLATE_NOOP("SetWords", "approved case photos with a reason"),
    "revoke": QT_TRANSLATE_NOOP("SetWords", "approval revoked"),
    "publish": QT_TRANSLATE_NOOP("SetWords", "published on Flickr"),
    "unpublish": QT_TRANSLATE_NOOP("SetWords", "taken down from Flickr"),
    "flickr_repair": QT_TRANSLATE_NOOP("SetWords", "repaired on Flickr"),
    "flickr_takedown": QT_TRANSLATE_NOOP("SetWords", "taken down from Flickr"),
}
_PHOTOS = QT_TRANSLATE_NOOP("SetWords", "Photos: %1")
_CASE_PHOTOS = QT_TRANSLATE_NOOP("SetWords", "Case photos: %1")
_REASON = QT_TRANSLATE_NOOP("SetWords", "Reason: %1")
_VISIBILITY_LINE = QT_TRANSLATE_NOOP("SetWords", "Visibility: %1")
_TITLE = QT_TRANSLATE_NOOP("SetWords", "Title: %1")
_WAS = QT_TRANSLATE_NOOP("SetWords", "Was: %1")
_WARNINGS = QT_TRANSLATE_NOOP("SetWords", "Warnings: %1")
_UNKNOWN_PHOTO = QT_TRANSLATE_NOOP("SetWords", "a photo no longer in the archive")
# The Creative Commons codes (CC BY 2.0 …) are names, the same in every language.
_LICENCES = {
    0: QT_TRANSLATE_NOOP("SetWords", "All Rights Reserved"),
    7: QT_TRANSLATE_NOOP("SetWords", "No known copyright restrictions"),
    8: QT_TRANSLATE_NOOP("SetWords", "United States Government Work"),
    9: QT_TRANSLATE_NOOP("SetWords", "Public Domain Dedication (CC0)"),
    10: QT_TRANSLATE_NOOP("SetWords", "Public Domain Mark"),
}

_TEMPLATES: dict[Code, str] = {
    Code.NO_TITLE: QT_TRANSLATE_NOOP("SetNotice", "The album has no title."),
    Code.NO_PHOTOS: QT_TRANSLATE_NOOP(
        "SetNotice", "The set has no photos (a Flickr album needs at least one)."
    ),
    Code.PHOTO_MISSING: QT_TRANSLATE_NOOP("SetNotice", "Photo {photo_id} is no longer in the catalog."),
    Code.PRIVACY_UNCHECKED: QT_TRANSLATE_NOOP(
        "SetNotice",
        "{name} could not be checked for personal data ({reason}), so it is never published; take it out "
        "of the set.",
    ),
    Code.CANNOT_CLEAN: QT_TRANSLATE_NOOP("SetNotice", "{name} cannot be made clean for publishing: {reason}"),
    Code.CASE_UNDECIDED: QT_TRANSLATE_NOOP(
        "SetNotice",
        "{name} may be a case photo ({why}). Decide whether it is before a {visibility} set is approved.",
    ),
    Code.CASE_NEEDS_REASON: QT_TRANSLATE_NOOP(
        "SetNotice", "{name} is a case photo and the set is public: give the reason it may be published."
    ),
    Code.REDACTION_UNREVIEWED: QT_TRANSLATE_NOOP(
        "SetNotice",
        "{name} is a case photo whose redaction nobody has reviewed: check its regions, or mark that there "
        "is nothing to hide.",
    ),
    Code.NO_CONSENT: QT_TRANSLATE_NOOP(
        "SetNotice", "{name} shows {person}, whose consent does not allow Flickr: {why}."
    ),
    Code.NO_DESCRIPTION: QT_TRANSLATE_NOOP("SetNotice", "The album has no description."),
    Code.NO_CAPTION: QT_TRANSLATE_NOOP("SetNotice", "{name} has no caption or headline."),
    Code.NO_BYLINE: QT_TRANSLATE_NOOP(
        "SetNotice", "{name} has no byline or credit of its own; it is published with “{default}”."
    ),
    Code.NOT_AN_APPROVER: QT_TRANSLATE_NOOP(
        "SetNotice", "Only {approvers} may approve sets; you are {user}."
    ),
    Code.OWN_SUBMISSION: QT_TRANSLATE_NOOP(
        "SetNotice", "You ({user}) submitted this set, so someone else must approve it."
    ),
    Code.EMPTY_SET: QT_TRANSLATE_NOOP("SetNotice", "The set has no photos; add photos before submitting it."),
    Code.ALREADY_SUBMITTED: QT_TRANSLATE_NOOP(
        "SetNotice", "The set is already submitted and waits for approval."
    ),
    Code.ALREADY_APPROVED: QT_TRANSLATE_NOOP(
        "SetNotice", "The set is already approved; changes to it need a new approval."
    ),
    Code.APPROVED_UNCHANGED: QT_TRANSLATE_NOOP("SetNotice", "The set is approved and has not changed since."),
    Code.NOT_SUBMITTED: QT_TRANSLATE_NOOP("SetNotice", "The set is a draft; submit it before approving."),
    Code.NOTHING_TO_REVOKE: QT_TRANSLATE_NOOP(
        "SetNotice", "The set is not approved, so there is nothing to revoke."
    ),
    Code.NOT_APPROVED: QT_TRANSLATE_NOOP("SetNotice", "Only an approved set can be published."),
}

_NO_BYLINE_NO_DEFAULT = QT_TRANSLATE_NOOP(
    "SetNotice", "{name} has no byline or credit; it is published without one."
)

_HINTS = {
    HINT_FOLDER: QT_TRANSLATE_NOOP("SetNotice", "a case number in its folder or file name"),
    HINT_WORDS: QT_TRANSLATE_NOOP("SetNotice", "case words in its folder or file name"),
    HINT_CASE_NUMBER: QT_TRANSLATE_NOOP("SetNotice", "it carries case number {case_number}"),
    HINT_SUGGESTED: QT_TRANSLATE_NOOP("SetNotice", "the case category was suggested"),
}

UNCHECKED_REASONS = {
    "unreadable_metadata": QT_TRANSLATE_NOOP(
        "SetNotice", "its metadata could not be read when it was archived"
    ),
    "scan_failed": QT_TRANSLATE_NOOP("SetNotice", "the privacy scan failed: {detail}"),
    "original_missing": QT_TRANSLATE_NOOP("SetNotice", "the original is missing from the archive"),
}

_VISIBILITY = {
    "public": QT_TRANSLATE_NOOP("SetNotice", "public"),
    "friends": QT_TRANSLATE_NOOP("SetNotice", "friends"),
    "family": QT_TRANSLATE_NOOP("SetNotice", "family"),
    "private": QT_TRANSLATE_NOOP("SetNotice", "private"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def unchecked_in_words(reasons: list[str], detail: str = "") -> str:
    """Why a photo could not be checked for personal data, in the user's language."""
    return "; ".join(
        _fill(_tr(UNCHECKED_REASONS[r]), {"detail": detail}) if r in UNCHECKED_REASONS else r for r in reasons
    )


def describe(notice: Notice) -> str:
    """The notice as a sentence in the user's language, the photo named by its file name."""
    template = _TEMPLATES.get(notice.code)
    if template is None:
        return notice.english()
    values = notice.values
    if notice.code is Code.CASE_UNDECIDED:
        values["why"] = ", ".join(
            _fill(_tr(_HINTS[h]), values) for h in values.get("why", "").split(",") if h in _HINTS
        )
        values["visibility"] = _tr(
            _VISIBILITY.get(values.get("visibility", ""), values.get("visibility", ""))
        )
    if notice.code is Code.PRIVACY_UNCHECKED:
        values["reason"] = unchecked_in_words(
            [r for r in values.get("reason", "").split(",") if r], values.get("detail", "")
        )
    if notice.code is Code.NO_CONSENT:  # consent (people/): the reason in words
        from photoarchive.ui.people_words import problem_in_words

        values["why"] = problem_in_words(values.get("why", ""), values)
    if notice.code is Code.NO_BYLINE and not values.get("default"):
        template = _NO_BYLINE_NO_DEFAULT
    return _fill(_tr(template), values)


def state_in_words(state: str, changed_since_approval: bool = False) -> str:
    """A set's state ("draft", "submitted", …) in the user's language."""
    text = QCoreApplication.translate(_WORDS, _STATES.get(state, state))
    if changed_since_approval:
        text += ", " + QCoreApplication.translate(_WORDS, _CHANGED)
    return text


# What changed since approval (photoarchive.sets.changes), %1 the photo's file name.
_CHANGES = {
    "title": QT_TRANSLATE_NOOP("SetWords", "the title"),
    "description": QT_TRANSLATE_NOOP("SetWords", "the description"),
    "visibility": QT_TRANSLATE_NOOP("SetWords", "the visibility"),
    "licence": QT_TRANSLATE_NOOP("SetWords", "the licence"),
    "group": QT_TRANSLATE_NOOP("SetWords", "the group"),
    "tags": QT_TRANSLATE_NOOP("SetWords", "the tags"),
    "cover": QT_TRANSLATE_NOOP("SetWords", "the cover"),
    "order": QT_TRANSLATE_NOOP("SetWords", "the order of the photos"),
    "photo_added": QT_TRANSLATE_NOOP("SetWords", "%1 added"),
    "photo_removed": QT_TRANSLATE_NOOP("SetWords", "%1 removed"),
    "file": QT_TRANSLATE_NOOP("SetWords", "the file of %1"),
    "headline": QT_TRANSLATE_NOOP("SetWords", "the headline of %1"),
    "caption": QT_TRANSLATE_NOOP("SetWords", "the caption of %1"),
    "keywords": QT_TRANSLATE_NOOP("SetWords", "the keywords of %1"),
    "byline": QT_TRANSLATE_NOOP("SetWords", "the byline of %1"),
    "credit": QT_TRANSLATE_NOOP("SetWords", "the credit of %1"),
    "copyright": QT_TRANSLATE_NOOP("SetWords", "the copyright of %1"),
    "case_number": QT_TRANSLATE_NOOP("SetWords", "the case number of %1"),
    "redaction": QT_TRANSLATE_NOOP("SetWords", "the redaction of %1"),
    "other": QT_TRANSLATE_NOOP("SetWords", "other details"),
}
_CHANGED_WHAT = QT_TRANSLATE_NOOP("SetWords", "changed since approval: %1")


def view_state_in_words(view) -> str:  # type: ignore[no-untyped-def]  # view: sets.views.SetView
    """A set's state, and when it changed since approval what changed (the redaction of a photo, its
    caption, …), in the user's language: what the Sets page shows."""
    if not view.changed_since_approval or not view.changes:
        return state_in_words(view.photo_set.state.value, view.changed_since_approval)
    what = ", ".join(
        QCoreApplication.translate(_WORDS, _CHANGES.get(c.kind.value, _CHANGES["other"])).replace(
            "%1", c.name
        )
        for c in view.changes
    )
    return (
        QCoreApplication.translate(
            _WORDS, _STATES.get(view.photo_set.state.value, view.photo_set.state.value)
        )
        + ", "
        + QCoreApplication.translate(_WORDS, _CHANGED_WHAT).replace("%1", what)
    )


def licence_in_words(licence_id: int, name: str) -> str:
    """A Flickr licence's name in the user's language (`name`, the core's, where it is a code)."""
    return QCoreApplication.translate(_WORDS, _LICENCES[licence_id]) if licence_id in _LICENCES else name


def audit_ids(detail: dict) -> list[int]:
    """The photo ids an audit entry's detail names (to be looked up as file names)."""
    ids: list[int] = []
    for key in ("photos", "case_photos"):
        ids.extend(i for i in detail.get(key) or () if isinstance(i, int))
    return ids


def action_in_words(action: str) -> str:
    """An audit log action in the user's language (its code where the window knows no words for it)."""
    return QCoreApplication.translate(_WORDS, _ACTIONS[action]) if action in _ACTIONS else action


def audit_detail_in_words(detail: dict, names: dict[int, str]) -> str:
    """What the set's history says about an entry: photos by file name, the reason, the visibility, …;
    the technical keys (Flickr ids, journal facts) stay in the audit log and its CLI export."""

    def tr(text: str) -> str:
        return QCoreApplication.translate(_WORDS, text)

    def photo_names(ids: object) -> str:
        unknown = tr(_UNKNOWN_PHOTO)
        listed = [names.get(i, unknown) for i in (ids if isinstance(ids, list) else [])]
        return ", ".join(listed[:6]) + (" …" if len(listed) > 6 else "")

    parts: list[str] = []
    if detail.get("title"):
        parts.append(tr(_TITLE).replace("%1", str(detail["title"])))
    if detail.get("photos"):
        parts.append(tr(_PHOTOS).replace("%1", photo_names(detail["photos"])))
    if detail.get("case_photos"):
        parts.append(tr(_CASE_PHOTOS).replace("%1", photo_names(detail["case_photos"])))
    if detail.get("visibility") in _VISIBILITY:
        parts.append(tr(_VISIBILITY_LINE).replace("%1", _tr(_VISIBILITY[detail["visibility"]])))
    if detail.get("reason"):
        parts.append(tr(_REASON).replace("%1", str(detail["reason"])))
    if detail.get("was") in _STATES:
        parts.append(tr(_WAS).replace("%1", state_in_words(detail["was"])))
    if detail.get("warnings"):
        parts.append(tr(_WARNINGS).replace("%1", str(len(detail["warnings"]))))
    return "; ".join(parts)
