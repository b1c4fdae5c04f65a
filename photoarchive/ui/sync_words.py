"""What a sync says, in the user's language: the sync's messages (photoarchive.flickr.messages, a code
and parameters) and the log lines of a sync request the service runs. The strings keep the Sync view's
translation context ("SyncPage"), where they were first translated. The core's English is the fallback
for a code not listed here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "SyncPage"

_TEMPLATES = {
    "upload_unconfirmed": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Flickr's answer to the upload of {file} was lost and a search does not show the photo yet; "
        "the next sync looks again before anything is sent again.",
    ),
    "upload_found": QT_TRANSLATE_NOOP(
        "SyncPage", "{file}: the upload whose answer was lost is on Flickr after all."
    ),
    "duplicates_deleted": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} was on Flickr {count} times; the extra copies were deleted."
    ),
    "duplicates_left": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} is on Flickr {count} times and the extra copies could not be deleted: {reason}"
    ),
    "upload_again_checked": QT_TRANSLATE_NOOP(
        "SyncPage",
        "{file} was still not found on Flickr {minutes} minutes after its answer was lost; it is sent "
        "again with Flickr's duplicate check.",
    ),
    "duplicate_check_found": QT_TRANSLATE_NOOP(
        "SyncPage", "Flickr's duplicate check found {file} already on Flickr; that copy is used."
    ),
    "repair_deleted": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} was deleted on flickr.com; it is uploaded again."
    ),
    "repair_put_back": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} had been taken out of the album «{album}» on flickr.com; it is put back."
    ),
    "repair_meta": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The title or description of {file} was changed on flickr.com; the approved text is set back.",
    ),
    "repair_perms": QT_TRANSLATE_NOOP(
        "SyncPage", "Who may see {file} was changed on flickr.com ({seen}); it is set back to {wanted}."
    ),
    "repair_tags": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The tag that lets the sync find {file} again was removed on flickr.com; the approved tags are "
        "set back.",
    ),
    "repair_album_gone": QT_TRANSLATE_NOOP(
        "SyncPage", "The album «{album}» was deleted on flickr.com; it is made again."
    ),
    "repair_album_meta": QT_TRANSLATE_NOOP(
        "SyncPage", "The album «{album}» was renamed «{seen}» on flickr.com; the approved title is set back."
    ),
    "photo_gone_during_sync": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} was deleted on flickr.com during the sync; the next sync uploads it again."
    ),
    "tags_cut": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} has more tags than the {limit} Flickr keeps; {dropped} keyword(s) were left out."
    ),
    "free_keeps_image": QT_TRANSLATE_NOOP(
        "SyncPage",
        "{file} changed, but a free Flickr account cannot replace a photo: its title, description and "
        "tags are updated and the image on Flickr stays as it was.",
    ),
    "not_pro": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Flickr answered that the account is not Pro (replace error 1); {file} keeps its old image.",
    ),
    "no_clean_copy": QT_TRANSLATE_NOOP(
        "SyncPage", "{file}: no clean copy can be made, so it is not published: {reason}"
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} is {size} MB, more than the {limit} MB this Flickr account takes."
    ),
    "free_limit": QT_TRANSLATE_NOOP(
        "SyncPage",
        "This is a free Flickr account: it holds {have} of {limit} photos, and this sync would upload "
        "{count} more. Nothing was uploaded; upgrade the account to Pro or take photos out of approved sets.",
    ),
    "takedown_done": QT_TRANSLATE_NOOP(
        "SyncPage", "{file} was taken off Flickr ({how}) and out of its albums: {why}."
    ),
    "needs_delete": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The Flickr sign-in only allows '{perms}'. The sync needs 'delete', to remove an extra copy "
        "Flickr can make when an answer is lost. Sign in again (Flickr: Sign in…, or "
        "`photoarchive flickr login`).",
    ),
    # The log of a sync request, as the sync service writes it (flickr/service.py).
    "request_started": QT_TRANSLATE_NOOP(
        "SyncPage", "The sync service on {runner} started the sync (attempt {attempt})."
    ),
    "request_resumed": QT_TRANSLATE_NOOP(
        "SyncPage",
        "The sync service running this sync stopped before it finished; the sync carries on where it "
        "left off.",
    ),
    "request_paused": QT_TRANSLATE_NOOP(
        "SyncPage", "The sync service was stopped; the sync carries on when it starts again."
    ),
    "request_sending": QT_TRANSLATE_NOOP("SyncPage", "Sending {file}"),
    "request_preparing": QT_TRANSLATE_NOOP("SyncPage", "Making the clean copy of {file}"),
    "request_step": QT_TRANSLATE_NOOP("SyncPage", "{file}"),
    "request_waiting": QT_TRANSLATE_NOOP(
        "SyncPage", "Flickr allows {limit} calls an hour; the sync waits until {until} and then goes on."
    ),
    "request_failed_photo": QT_TRANSLATE_NOOP("SyncPage", "Failed: {file} — {reason}"),
    "request_done": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Sync done: {uploaded} uploaded, {changes} change(s), {published} set(s) published, "
        "{taken_down} taken down.",
    ),
    "request_reconciled": QT_TRANSLATE_NOOP(
        "SyncPage", "Settled {count} write(s) an interrupted sync had left open."
    ),
    "request_cancelled": QT_TRANSLATE_NOOP(
        "SyncPage", "Cancelled. What was done is kept; the next sync carries on."
    ),
    "request_error": QT_TRANSLATE_NOOP("SyncPage", "The sync stopped: {reason}"),
    "request_not_editor": QT_TRANSLATE_NOOP(
        "SyncPage",
        "Only an editor may ask for a sync; {login} is not one. The syncs editors ask for are shown here "
        "as they run.",
    ),
}

# Why a photo came down (flickr/takedown.py's codes).
_WHY = {
    "no_consent": QT_TRANSLATE_NOOP("SyncPage", "{subject} has no consent on record"),
    "pending": QT_TRANSLATE_NOOP("SyncPage", "{subject}'s consent is still pending"),
    "withdrawn": QT_TRANSLATE_NOOP("SyncPage", "{subject} withdrew consent"),
    "expired": QT_TRANSLATE_NOOP("SyncPage", "{subject}'s consent expired"),
    "use_not_given": QT_TRANSLATE_NOOP("SyncPage", "{subject}'s consent does not cover Flickr"),
    "case_closed": QT_TRANSLATE_NOOP("SyncPage", "case {subject} is closed"),
    "takedown_date": QT_TRANSLATE_NOOP("SyncPage", "case {subject} reached its take-down date"),
}

_VISIBILITY = {
    "public": QT_TRANSLATE_NOOP("SyncPage", "public"),
    "friends": QT_TRANSLATE_NOOP("SyncPage", "friends"),
    "family": QT_TRANSLATE_NOOP("SyncPage", "family"),
    "private": QT_TRANSLATE_NOOP("SyncPage", "private"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def message_text(code: str, params: dict[str, Any], english: str) -> str:
    """A sync message or request log line in the user's language; `english` for a code not known here."""
    template = _TEMPLATES.get(code)
    if template is None:
        return english
    values = {
        key: _tr(_VISIBILITY[str(value)])
        if key in ("seen", "wanted") and str(value) in _VISIBILITY
        else value
        for key, value in params.items()
    }
    if code == "takedown_done":
        values = {**values, **_takedown_words(params)}
    if code == "request_failed_photo" and params.get("reason_code"):
        reason = str(params.get("reason", ""))
        values["reason"] = message_text(
            str(params["reason_code"]), dict(params.get("reason_params") or {}), reason
        )
    if code == "request_waiting" and params.get("until_epoch"):
        from datetime import datetime

        # The desk's own clock face, not the service machine's.
        values["until"] = datetime.fromtimestamp(float(params["until_epoch"])).strftime("%H:%M")
    try:
        return _tr(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return english


def _takedown_words(params: dict[str, Any]) -> dict[str, str]:
    """How and why a photo came down, in the user's language."""
    reasons = []
    for item in str(params.get("reasons", "")).split(";"):
        code, _, subject = item.partition("|")
        if code in _WHY:
            reasons.append(_tr(_WHY[code]).replace("{subject}", subject))
    how = _tr("deleted") if params.get("how_code") == "deleted" else _tr("made private")
    return {"how": how, "why": "; ".join(reasons) or str(params.get("why", ""))}


# Marked for lupdate: the two ways a photo comes down.
_HOW = (QT_TRANSLATE_NOOP("SyncPage", "deleted"), QT_TRANSLATE_NOOP("SyncPage", "made private"))
