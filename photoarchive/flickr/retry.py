"""What to do when a Flickr call fails: pure decisions, so they are tested without a network.

Transient trouble (HTTP 429/5xx, Flickr 105/106/201, a dropped connection on a read) is retried with
back-off. A write whose answer never arrived may have happened: the caller must reconcile before it
retries. A revoked token asks for sign-in; a refused file is marked failed, never retried forever.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum

TRANSIENT_FLICKR_CODES = frozenset({105, 106, 201})
SIGN_IN_FLICKR_CODES = frozenset({96, 97, 98, 99})
REJECTED_UPLOAD_CODES = frozenset({5, 8})
UPLOAD_METHODS = frozenset({"upload", "replace"})


class FailureKind(Enum):
    RETRY = "retry"  # nothing happened on Flickr's side; try again after a pause
    AMBIGUOUS = "ambiguous"  # a write may have happened; reconcile, then retry
    SIGN_IN = "sign_in"  # the token is not (or no longer) good enough
    REJECTED = "rejected"  # this file will never be accepted
    FAIL = "fail"  # a definite answer the caller handles (or reports)


@dataclass(frozen=True)
class Failure:
    """What went wrong with one call, as far as the client could see."""

    method: str
    write: bool
    http_status: int | None = None
    flickr_code: int | None = None
    connection_lost: bool = False
    retry_after: float | None = None


def classify(failure: Failure) -> FailureKind:
    if failure.connection_lost:
        return FailureKind.AMBIGUOUS if failure.write else FailureKind.RETRY
    status = failure.http_status
    if status is not None and status != 200:
        if status == 401:
            return FailureKind.SIGN_IN
        if status == 429 or status == 408:
            return FailureKind.RETRY
        if status >= 500:
            # Flickr's upload front end has been seen to store a photo and still answer 5xx.
            return FailureKind.AMBIGUOUS if failure.method in UPLOAD_METHODS else FailureKind.RETRY
        return FailureKind.FAIL
    code = failure.flickr_code
    if code in TRANSIENT_FLICKR_CODES:
        return FailureKind.RETRY
    if code in SIGN_IN_FLICKR_CODES:
        return FailureKind.SIGN_IN
    if code in REJECTED_UPLOAD_CODES and failure.method in UPLOAD_METHODS:
        return FailureKind.REJECTED
    return FailureKind.FAIL


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off with jitter; Retry-After from the server wins when longer."""

    max_attempts: int = 6
    base_delay: float = 1.0
    max_delay: float = 60.0
    jitter: float = 0.25

    def delay(
        self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait before attempt number `attempt + 1` (attempt counts from 1)."""
        base = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        spread = (rng or random).uniform(-self.jitter, self.jitter) * base
        wait = max(0.0, base + spread)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_delay))
        return wait

    def gives_up_after(self, attempt: int) -> bool:
        return attempt >= self.max_attempts
