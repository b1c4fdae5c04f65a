"""Consent where photos leave the archive: the approval notice for a set seen outside the office, and
the press-export check. The decision is `rules.person_blocks`; this turns it into what the set rules
and the export report say."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from photoarchive.catalog.people import Use
from photoarchive.people.rules import PersonBlock, person_blocks
from photoarchive.sets.notices import Code, Notice, notice
from photoarchive.sets.workflow import SEEN_OUTSIDE

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.sets.model import SetContent


def consent_notices(
    catalog: Catalog, content: SetContent, names: dict[int, str], today: date
) -> list[Notice]:
    """A refusal per (photo, person) when a set others will see shows someone whose consent does not
    allow Flickr today. Private sets are not checked: nobody outside the account sees them."""
    if content.visibility not in SEEN_OUTSIDE:
        return []
    ids = [p.photo_id for p in content.photos]
    blocks = person_blocks(catalog.people.people_in(ids), ids, Use.FLICKR, today)
    return [
        notice(
            Code.NO_CONSENT,
            b.photo_id,
            names.get(b.photo_id, ""),
            person=b.name,
            why=b.problem.value,
            use=b.use.value,
            expires="" if b.expires_on is None else b.expires_on.isoformat(),
        )
        for photo_id in ids
        for b in blocks.get(photo_id, ())
    ]


def press_blocks(catalog: Catalog, photo_id: int, today: date) -> tuple[PersonBlock, ...]:
    """The people in the photo whose consent does not allow press use today (empty: it may go)."""
    return person_blocks(catalog.people.people_in([photo_id]), [photo_id], Use.PRESS, today).get(photo_id, ())


_WHY_EN = {
    "no_consent": "has no consent on record",
    "pending": "has consent still pending",
    "withdrawn": "withdrew consent",
    "expired": "has consent that expired on {expires}",
    "use_not_given": "has not consented to press use",
}


def press_refusal_text(blocks: tuple[PersonBlock, ...]) -> str:
    """Why an export for the press is refused, in English (CLI, log)."""
    parts = [
        f"{b.name} "
        + _WHY_EN[b.problem.value].format(expires=b.expires_on.isoformat() if b.expires_on else "")
        for b in blocks
    ]
    return "it shows " + "; ".join(parts) + ", so it is not exported for the press"
