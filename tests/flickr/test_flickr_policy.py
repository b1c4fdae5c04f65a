"""Retry decisions, back-off and the rate limiter, without a network."""

from __future__ import annotations

import random

import pytest

from photoarchive.flickr.ratelimit import RateLimiter
from photoarchive.flickr.retry import Failure, Outcome, RetryPolicy, classify


@pytest.mark.parametrize(
    ("failure", "outcome"),
    [
        (Failure("flickr.photos.setMeta", True, http_status=429), Outcome.RETRY),
        (Failure("flickr.photos.setMeta", True, http_status=503), Outcome.RETRY),
        (Failure("upload", True, http_status=500), Outcome.AMBIGUOUS),
        (Failure("flickr.photos.search", False, connection_lost=True), Outcome.RETRY),
        (Failure("upload", True, connection_lost=True), Outcome.AMBIGUOUS),
        (Failure("flickr.photosets.create", True, connection_lost=True), Outcome.AMBIGUOUS),
        (Failure("flickr.photos.setTags", True, flickr_code=105), Outcome.RETRY),
        (Failure("flickr.photos.setTags", True, flickr_code=106), Outcome.RETRY),
        (Failure("flickr.photos.setTags", True, flickr_code=201), Outcome.RETRY),
        (Failure("flickr.test.login", False, flickr_code=98), Outcome.SIGN_IN),
        (Failure("flickr.photos.delete", True, flickr_code=99), Outcome.SIGN_IN),
        (Failure("flickr.test.login", False, http_status=401), Outcome.SIGN_IN),
        (Failure("upload", True, flickr_code=5), Outcome.REJECTED),
        (Failure("upload", True, flickr_code=8), Outcome.REJECTED),
        # Code 5 means something else for other methods: a definite error, not a refused file.
        (Failure("flickr.photosets.editPhotos", True, flickr_code=5), Outcome.FAIL),
        (Failure("flickr.photosets.addPhoto", True, flickr_code=3), Outcome.FAIL),
        (Failure("flickr.photos.search", False, http_status=404), Outcome.FAIL),
    ],
)
def test_classify(failure, outcome):
    assert classify(failure) is outcome


def test_backoff_grows_is_capped_and_honours_retry_after():
    policy = RetryPolicy(base_delay=1.0, max_delay=10.0, jitter=0.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5, 6)] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert policy.delay(1, retry_after=7) == 7.0
    assert policy.delay(1, retry_after=600) == 10.0
    jittered = RetryPolicy(base_delay=1.0, jitter=0.25)
    rng = random.Random(1)
    assert all(0.75 <= jittered.delay(1, rng=rng) <= 1.25 for _ in range(50))
    assert RetryPolicy(max_attempts=3).gives_up_after(3)


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        self.now += seconds
        return True


def test_one_call_per_second():
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock=clock, wait=clock.wait)
    for _ in range(4):
        limiter.acquire()
    assert clock.waits == [1.0, 1.0, 1.0]


def test_zero_disables_pacing_but_keeps_hourly_budget():
    clock = FakeClock()
    limiter = RateLimiter(0, per_hour=5, clock=clock, wait=clock.wait)
    for _ in range(5):
        limiter.acquire()
    assert clock.waits == []
    limiter.acquire()  # the sixth call in the hour waits for the first to age out
    assert clock.waits == [3600.0]


def test_hourly_budget_with_default_pacing():
    clock = FakeClock()
    limiter = RateLimiter(2.0, per_hour=3600, clock=clock, wait=clock.wait)
    for _ in range(3601):
        limiter.acquire()
    # 3,600 calls at 2/s take 1,800 s; the 3,601st waits until the first is an hour old.
    assert clock.now == pytest.approx(1000.0 + 3600.0)
