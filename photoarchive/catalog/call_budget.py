"""Flickr's hourly call budget kept in the shared catalog: every call any runner of the API key makes,
on any machine, takes a slot here first, so together they stay within 3,600 calls an hour.

Rows are keyed by a digest of the key (the key itself is never stored) and hold the time of the call in
seconds since the epoch; rows older than an hour are dropped as new ones are taken.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, func, insert, select, text, update

from photoarchive.catalog.schema import flickr_calls

HOUR = 3600.0
# PostgreSQL advisory-lock key of the budget (one taker at a time); beside the keys in catalog/db.py.
BUDGET_LOCK_KEY = 7_301_000_003
PRUNE_EVERY = 50


class CallBudgetStore:
    def __init__(self, engine: Engine, key_digest: str):
        self.engine = engine
        self.key_digest = key_digest

    def reserve(self, earliest: float, per_hour: int) -> float:
        """Take the first slot at or after `earliest` that keeps the key within `per_hour` calls in any
        hour; returns its time (the caller waits until then)."""
        key = flickr_calls.c.key_digest == self.key_digest
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": BUDGET_LOCK_KEY})
            # On SQLite the INSERT comes first: it takes the database's write lock, so the count below
            # sees every other taker's slot.
            own = conn.execute(
                insert(flickr_calls).values(key_digest=self.key_digest, at=earliest)
            ).inserted_primary_key
            assert own is not None
            own_id = int(own[0])
            if own_id % PRUNE_EVERY == 0:  # older rows no longer count; dropped now and then
                conn.execute(delete(flickr_calls).where(key, flickr_calls.c.at <= earliest - HOUR))
            window = (key, flickr_calls.c.id != own_id, flickr_calls.c.at > earliest - HOUR)
            taken = conn.execute(select(func.count()).where(*window)).scalar_one()
            start = earliest
            if per_hour and taken >= per_hour:
                # The hour is full: the next slot is an hour after the per_hour-th newest call.
                nth_newest = conn.execute(
                    select(flickr_calls.c.at)
                    .where(*window)
                    .order_by(flickr_calls.c.at.desc())
                    .offset(per_hour - 1)
                    .limit(1)
                ).scalar_one()
                start = max(start, float(nth_newest) + HOUR)
            if start != earliest:
                conn.execute(update(flickr_calls).where(flickr_calls.c.id == own_id).values(at=start))
        return start

    def calls_in_last_hour(self, now: float) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).where(
                        flickr_calls.c.key_digest == self.key_digest,
                        flickr_calls.c.at > now - HOUR,
                        flickr_calls.c.at <= now,
                    )
                ).scalar_one()
            )
