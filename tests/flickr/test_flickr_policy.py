"""Retry decisions, back-off and the rate limiter, without a network."""

from __future__ import annotations

import random

import pytest

from photoarchive.flickr.ratelimit import RateLimiter
from photoarchive.flickr.retry import Failure, FailureKind, RetryPolicy, classify


@pytest.mark.parametrize(
    ("failure", "outcome"),
    [
        (Failure("flickr.photos.setMeta", True, http_status=429), FailureKind.RETRY),
        (Failure("flickr.photos.setMeta", True, http_status=503), FailureKind.RETRY),
        (Failure("upload", True, http_status=500), FailureKind.AMBIGUOUS),
        (Failure("flickr.photos.search", False, connection_lost=True), FailureKind.RETRY),
        (Failure("upload", True, connection_lost=True), FailureKind.AMBIGUOUS),
        (Failure("flickr.photosets.create", True, connection_lost=True), FailureKind.AMBIGUOUS),
        (Failure("flickr.photos.setTags", True, flickr_code=105), FailureKind.RETRY),
        (Failure("flickr.photos.setTags", True, flickr_code=106), FailureKind.RETRY),
        (Failure("flickr.photos.setTags", True, flickr_code=201), FailureKind.RETRY),
        (Failure("flickr.test.login", False, flickr_code=98), FailureKind.SIGN_IN),
        (Failure("flickr.photos.delete", True, flickr_code=99), FailureKind.SIGN_IN),
        (Failure("flickr.test.login", False, http_status=401), FailureKind.SIGN_IN),
        (Failure("upload", True, flickr_code=5), FailureKind.REJECTED),
        (Failure("upload", True, flickr_code=8), FailureKind.REJECTED),
        # Code 5 means something else for other methods: a definite error, not a refused file.
        (Failure("flickr.photosets.editPhotos", True, flickr_code=5), FailureKind.FAIL),
        (Failure("flickr.photosets.addPhoto", True, flickr_code=3), FailureKind.FAIL),
        (Failure("flickr.photos.search", False, http_status=404), FailureKind.FAIL),
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


def test_hourly_budget_counts_calls_of_earlier_runs(tmp_path):
    """A sync started soon after another may not spend the hour's budget again (Flickr: 3,600/h per key)."""
    from photoarchive.flickr.budget import CallJournal

    clock = FakeClock()
    path = tmp_path / "cache" / "flickr-calls.json"
    first = RateLimiter(0, per_hour=10, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    for _ in range(8):
        first.acquire()
        clock.now += 60.0  # one call a minute
    first.save()  # what a sync does when it ends (the journal also writes every few calls)

    # The next run, 2 minutes later: 2 calls left in this hour, the third waits for the first to age out.
    clock.now += 120.0
    second = RateLimiter(0, per_hour=10, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    assert second.calls_in_last_hour() == 8
    second.acquire()
    second.acquire()
    assert clock.waits == []
    second.acquire()
    assert clock.waits == [pytest.approx(3600.0 - 8 * 60.0 - 120.0)]


def test_call_journal_forgets_old_calls_and_survives_damage(tmp_path):
    from photoarchive.flickr.budget import CallJournal, journal_path

    clock = FakeClock()
    path = journal_path(tmp_path, "abc123-api-key")
    assert "abc123" not in path.name  # the key itself is not written to disk
    limiter = RateLimiter(
        0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock), save_every=2
    )
    limiter.acquire()
    assert not path.exists()
    clock.now += 1
    limiter.acquire()  # the second call writes the file
    assert len(CallJournal(path, clock=clock).load()) == 2
    clock.now += 3601.0
    assert CallJournal(path, clock=clock).load() == []  # older than an hour: spent budget is back

    path.write_text("{not json", encoding="utf-8")
    assert CallJournal(path, clock=clock).load() == []  # damaged: ignored with a warning, no crash


def test_call_journals_of_one_key_never_lose_each_others_calls(tmp_path):
    """Two clients (a status check, then a sync) each hold their own list of the same file's calls;
    whichever writes last, at exit or after a sync, must not drop the other's calls."""
    from photoarchive.flickr.budget import CallJournal

    clock = FakeClock()
    path = tmp_path / "flickr-calls.json"
    status_check = RateLimiter(0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    status_check.acquire()
    status_check.save()
    sync = RateLimiter(0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    for _ in range(30):
        clock.now += 1
        sync.acquire()
    sync.save()
    status_check.save()  # at exit: nothing unsaved, so it must not write its stale list
    assert len(CallJournal(path, clock=clock).load()) == 31
    clock.now += 100
    status_check.acquire()  # a later call: the write merges what the sync wrote
    status_check.save()
    assert len(CallJournal(path, clock=clock).load()) == 32


def test_calls_in_the_same_instant_are_each_counted(tmp_path):
    """With pacing off, several workers can call within one millisecond; each call spends budget."""
    from photoarchive.flickr.budget import CallJournal

    clock = FakeClock()
    path = tmp_path / "flickr-calls.json"
    burst = RateLimiter(0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    for _ in range(5):
        burst.acquire()
    burst.save()
    again = RateLimiter(0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    assert again.calls_in_last_hour() == 5
    again.acquire()  # a sixth in the same instant; its write holds the five it read, not twice
    again.save()
    third = RateLimiter(0, clock=clock, wait=clock.wait, journal=CallJournal(path, clock=clock))
    assert third.calls_in_last_hour() == 6


def test_a_wait_for_the_hourly_budget_is_reported_and_logged(caplog):
    clock = FakeClock()
    limiter = RateLimiter(0, per_hour=3, clock=clock, wait=clock.wait)
    told = []
    limiter.on_long_wait = told.append
    for _ in range(3):
        limiter.acquire()
    assert told == []  # within the budget nobody is told anything
    with caplog.at_level("WARNING"):
        limiter.acquire()
    assert told == [pytest.approx(1000.0 + 3600.0), 0.0]  # when calls resume, then that they did
    assert "limit of 3 calls an hour is reached" in caplog.text

    paced = RateLimiter(1.0, clock=clock, wait=clock.wait)
    paced.on_long_wait = told.append
    paced.acquire()
    paced.acquire()  # one second of pacing is not worth a message
    assert len(told) == 2


def test_call_journal_saved_by_many_clients_at_once_loses_no_call(tmp_path):
    """Read-merge-write under a lock: without it two savers each merge with the old file and the later
    write drops the other's calls."""
    import threading
    import time as _time

    from photoarchive.flickr.budget import CallJournal

    path = tmp_path / "calls.json"
    base = _time.time()
    start = threading.Barrier(6)

    def client(n: int) -> None:
        journal = CallJournal(path)
        mine: list[float] = []
        start.wait()
        for i in range(15):
            mine.append(base - 100 + n + i / 100)
            journal.save(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(CallJournal(path).load()) == 6 * 15
