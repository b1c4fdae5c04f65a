"""What a consent allows on a given day (pure rules, no database)."""

from __future__ import annotations

from datetime import date, datetime

from photoarchive.catalog.people import (
    Consent,
    ConsentStatus,
    PeopleIn,
    Person,
    PhotoPerson,
    Use,
)
from photoarchive.people.rules import ConsentProblem, consent_problem, expiring, person_blocks

TODAY = date(2026, 12, 1)


def given(*uses: Use, expires_on: date | None = None, person_id: int = 1) -> Consent:
    return Consent(person_id, ConsentStatus.GIVEN, frozenset(uses), expires_on=expires_on)


def test_given_consent_allows_only_its_uses():
    consent = given(Use.FLICKR)
    assert consent_problem(consent, Use.FLICKR, TODAY) is None
    assert consent_problem(consent, Use.PRESS, TODAY) is ConsentProblem.USE_NOT_GIVEN


def test_expiry_date_is_the_first_day_without_consent():
    consent = given(Use.FLICKR, Use.PRESS, expires_on=date(2026, 12, 2))
    assert consent_problem(consent, Use.FLICKR, TODAY) is None
    assert consent_problem(consent, Use.FLICKR, date(2026, 12, 2)) is ConsentProblem.EXPIRED
    assert consent_problem(consent, Use.PRESS, date(2027, 1, 1)) is ConsentProblem.EXPIRED


def test_missing_pending_withdrawn_and_not_needed():
    assert consent_problem(None, Use.FLICKR, TODAY) is ConsentProblem.NO_CONSENT
    pending = Consent(1, ConsentStatus.PENDING)
    assert consent_problem(pending, Use.INTERNAL, TODAY) is ConsentProblem.PENDING
    withdrawn = Consent(1, ConsentStatus.WITHDRAWN, frozenset({Use.FLICKR}))
    assert consent_problem(withdrawn, Use.FLICKR, TODAY) is ConsentProblem.WITHDRAWN
    not_needed = Consent(1, ConsentStatus.NOT_NEEDED)
    assert consent_problem(not_needed, Use.PRESS, TODAY) is None


def test_blocks_name_each_person_without_valid_consent_and_since_when():
    withdrawn_at = datetime(2026, 11, 30, 9, 15)
    found = PeopleIn(
        links={
            10: (PhotoPerson(10, 1), PhotoPerson(10, 2)),
            11: (PhotoPerson(11, 1),),
            12: (PhotoPerson(12, 3),),
        },
        people={1: Person(1, "Kari Nordmann"), 2: Person(2, "Ola Hansen"), 3: Person(3, "Per Ås")},
        consents={
            1: given(Use.FLICKR, person_id=1),
            2: Consent(2, ConsentStatus.WITHDRAWN, withdrawn_at=withdrawn_at),
            3: given(Use.FLICKR, expires_on=date(2026, 11, 1), person_id=3),
        },
    )
    blocks = person_blocks(found, [10, 11, 12, 13], Use.FLICKR, TODAY)
    assert set(blocks) == {10, 12}
    [ola] = blocks[10]
    assert (ola.name, ola.problem, ola.since) == ("Ola Hansen", ConsentProblem.WITHDRAWN, withdrawn_at)
    [per] = blocks[12]
    assert (per.problem, per.since) == (ConsentProblem.EXPIRED, datetime(2026, 11, 1))


def test_expiring_lists_given_consents_ending_within_the_days_soonest_first():
    consents = [
        given(Use.FLICKR, expires_on=date(2026, 12, 20), person_id=1),
        given(Use.FLICKR, expires_on=date(2026, 12, 5), person_id=2),
        given(Use.FLICKR, expires_on=date(2027, 3, 1), person_id=3),  # later than 30 days
        given(Use.FLICKR, expires_on=date(2026, 11, 1), person_id=4),  # already ended
        Consent(5, ConsentStatus.WITHDRAWN, expires_on=date(2026, 12, 10)),
    ]
    assert [c.person_id for c in expiring(consents, TODAY, 30)] == [2, 1]
