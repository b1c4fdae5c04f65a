"""What a person's consent allows, decided without the database: which use it covers on a given day,
and why a photo may not leave the archive for a use (one reason per person in it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from photoarchive.catalog.people import Consent, ConsentStatus, PeopleIn, Use


class ConsentProblem(StrEnum):
    NO_CONSENT = "no_consent"  # nothing recorded for the person
    PENDING = "pending"  # asked, not answered
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    USE_NOT_GIVEN = "use_not_given"  # given, but not for this use


def consent_problem(consent: Consent | None, use: Use, today: date) -> ConsentProblem | None:
    """Why the consent does not allow `use` today (None: it does). `expires_on` is the first day it no
    longer holds; "not needed" (e.g. a person seen from behind) allows every use."""
    if consent is None:
        return ConsentProblem.NO_CONSENT
    if consent.status is ConsentStatus.NOT_NEEDED:
        return None
    if consent.status is ConsentStatus.WITHDRAWN:
        return ConsentProblem.WITHDRAWN
    if consent.status is ConsentStatus.PENDING:
        return ConsentProblem.PENDING
    if consent.expires_on is not None and today >= consent.expires_on:
        return ConsentProblem.EXPIRED
    if use not in consent.uses:
        return ConsentProblem.USE_NOT_GIVEN
    return None


def problem_since(consent: Consent | None, problem: ConsentProblem) -> datetime | None:
    """When the consent stopped allowing the use: the withdrawal, or the start of the expiry day."""
    if consent is None:
        return None
    if problem is ConsentProblem.WITHDRAWN:
        return consent.withdrawn_at
    if problem is ConsentProblem.EXPIRED and consent.expires_on is not None:
        return datetime.combine(consent.expires_on, time())
    return None


@dataclass(frozen=True)
class PersonBlock:
    """A person in a photo whose consent does not allow the use."""

    photo_id: int
    person_id: int
    name: str
    problem: ConsentProblem
    use: Use
    expires_on: date | None = None
    since: datetime | None = None


def person_blocks(
    found: PeopleIn, photo_ids: Iterable[int], use: Use, today: date
) -> dict[int, tuple[PersonBlock, ...]]:
    """photo id -> the people in it whose consent does not allow `use` today (photos without any left out)."""
    blocks: dict[int, tuple[PersonBlock, ...]] = {}
    for photo_id in photo_ids:
        found_here: list[PersonBlock] = []
        for link in found.links.get(photo_id, ()):
            person = found.people.get(link.person_id)
            consent = found.consents.get(link.person_id)
            problem = consent_problem(consent, use, today)
            if person is None or problem is None:
                continue
            found_here.append(
                PersonBlock(
                    photo_id,
                    person.id,
                    person.name,
                    problem,
                    use,
                    consent.expires_on if consent else None,
                    problem_since(consent, problem),
                )
            )
        if found_here:
            blocks[photo_id] = tuple(found_here)
    return blocks


def expiring(consents: Iterable[Consent], today: date, days: int = 30) -> list[Consent]:
    """Given consents that end within `days` from today (not yet ended), soonest first."""
    horizon = date.fromordinal(today.toordinal() + days)
    return sorted(
        (
            c
            for c in consents
            if c.status is ConsentStatus.GIVEN
            and c.expires_on is not None
            and today < c.expires_on <= horizon
        ),
        key=lambda c: (c.expires_on or today, c.person_id),
    )
