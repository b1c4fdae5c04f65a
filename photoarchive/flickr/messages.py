"""What a sync tells the user, as a code and parameters (names, never ids), so the window can say it in
the user's language; `text()` is the English the log file and the command line show."""

from __future__ import annotations

from dataclasses import dataclass, field

# code -> English template; the window keeps its own translated copy of each (ui/sync_page.py).
ENGLISH: dict[str, str] = {
    "upload_unconfirmed": (
        "Flickr's answer to the upload of {file} was lost and a search does not show the photo yet; "
        "the next sync looks again before anything is sent again."
    ),
    "upload_found": "{file}: the upload whose answer was lost is on Flickr after all.",
    "duplicates_deleted": "{file} was on Flickr {count} times; the extra copies were deleted.",
    "duplicates_left": "{file} is on Flickr {count} times and the extra copies could not be deleted: {reason}",
    "upload_again_checked": (
        "{file} was still not found on Flickr {minutes} minutes after its answer was lost; it is sent "
        "again with Flickr's duplicate check."
    ),
    "duplicate_check_found": "Flickr's duplicate check found {file} already on Flickr; that copy is used.",
    "repair_deleted": "{file} was deleted on flickr.com; it is uploaded again.",
    "repair_put_back": "{file} had been taken out of the album «{album}» on flickr.com; it is put back.",
    "repair_meta": "The title or description of {file} was changed on flickr.com; the approved text is set back.",
    "repair_perms": "Who may see {file} was changed on flickr.com ({seen}); it is set back to {wanted}.",
    "repair_tags": (
        "The tag that lets the sync find {file} again was removed on flickr.com; the approved tags are set back."
    ),
    "repair_album_gone": "The album «{album}» was deleted on flickr.com; it is made again.",
    "repair_album_meta": "The album «{album}» was renamed «{seen}» on flickr.com; the approved title is set back.",
    "photo_gone_during_sync": "{file} was deleted on flickr.com during the sync; the next sync uploads it again.",
    "tags_cut": "{file} has more tags than the {limit} Flickr keeps; {dropped} keyword(s) were left out.",
    "free_keeps_image": (
        "{file} changed, but a free Flickr account cannot replace a photo: its title, description and tags "
        "are updated and the image on Flickr stays as it was."
    ),
    "not_pro": "Flickr answered that the account is not Pro (replace error 1); {file} keeps its old image.",
    "no_clean_copy": "{file}: no clean copy can be made, so it is not published: {reason}",
    "too_large": "{file} is {size} MB, more than the {limit} MB this Flickr account takes.",
    "free_limit": (
        "This is a free Flickr account: it holds {have} of {limit} photos, and this sync would upload {count} "
        "more. Nothing was uploaded; upgrade the account to Pro or take photos out of approved sets."
    ),
    "takedown_done": "{file} was taken off Flickr ({how}) and out of its albums: {why}.",
    "needs_delete": (
        "The Flickr sign-in only allows '{perms}'. The sync needs 'delete', to remove an extra copy Flickr "
        "can make when an answer is lost. Sign in again (Flickr: Sign in…, or `photoarchive flickr login`)."
    ),
    # A sync request's log and outcome, as the service running it writes them (flickr/service.py).
    "request_started": "The sync service on {runner} started the sync (attempt {attempt}).",
    "request_resumed": (
        "The sync service running this sync stopped before it finished; the sync carries on where it "
        "left off."
    ),
    "request_paused": "The sync service was stopped; the sync carries on when it starts again.",
    "request_sending": "Sending {file}",
    "request_preparing": "Making the clean copy of {file}",
    "request_step": "{file}",
    "request_waiting": "Flickr allows {limit} calls an hour; the sync waits until {until} and then goes on.",
    "request_failed_photo": "Failed: {file} — {reason}",
    "request_done": "Sync done: {uploaded} uploaded, {changes} change(s), {published} set(s) published, "
    "{taken_down} taken down.",
    "request_reconciled": "Settled {count} write(s) an interrupted sync had left open.",
    "request_cancelled": "Cancelled. What was done is kept; the next sync carries on.",
    "request_error": "The sync stopped: {reason}",
    "request_not_editor": (
        "Only an editor may ask for a sync; {login} is not one. The syncs editors ask for are shown here "
        "as they run."
    ),
}


@dataclass(frozen=True)
class SyncMessage:
    code: str
    params: dict[str, str | int] = field(default_factory=dict)

    def text(self) -> str:
        return ENGLISH[self.code].format(**self.params)

    def __str__(self) -> str:
        return self.text()
