"""Many syncs under random faults on a fake clock: lost answers, a search index lagging up to 30 s,
429/5xx, and syncs killed mid-write. In the end every approved photo is on Flickr exactly once, the
albums are complete and in order, and nothing is more public than its sets allow."""

from __future__ import annotations

import os
import random

from photoarchive.errors import PhotoarchiveError
from photoarchive.flickr.plan import machine_tag

STORE_WRITES = (
    "begin",
    "finish",
    "save_photo",
    "forget_photo",
    "save_album",
    "forget_album",
    "record_failure",
)


class Killed(BaseException):
    """The process died: from here on nothing reaches the catalog."""


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


def arm_kill(monkeypatch, store, after: int) -> None:
    """After `after` catalog writes of the sync journal, every further write fails as if the process
    had been killed (so no handler can tidy up what a real kill would leave)."""
    count = {"n": 0}
    for name in STORE_WRITES:
        real = getattr(store, name)

        def write(*args, _real=real, **kwargs):
            count["n"] += 1
            if count["n"] > after:
                raise Killed()
            return _real(*args, **kwargs)

        monkeypatch.setattr(store, name, write)


def test_many_syncs_with_random_faults_end_with_flickr_exactly_right(
    emulator, signed_in, catalog, make_photos, approve_set, make_syncer, monkeypatch
):
    rng = random.Random(int(os.environ.get("PHOTOARCHIVE_CHAOS_SEED", "20261201")))
    clock = FakeClock()
    emulator.state.clock = clock
    ids = make_photos(8)
    approve_set("Ulykke E6", ids[0:4], visibility="public", licence_id=4)
    approve_set("Beslag", ids[4:7], visibility="private")
    approve_set("Etterlysning", ids[6:8], visibility="friends")
    seed = rng.randrange(1 << 30)
    for n, (method, kind, p) in enumerate(
        (
            ("upload", "commit_then_drop", 0.3),
            ("upload", "http503", 0.1),
            ("flickr.photosets.*", "commit_then_drop", 0.15),
            ("flickr.photos.*", "error201", 0.1),
            ("*", "http429", 0.05),
            ("*", "error105", 0.05),
        )
    ):
        emulator.faults.inject(method, kind, probability=p, seed=seed + n, retry_after=0)

    kills = 0
    for round_no in range(12):  # bounded: 12 faulty syncs, then at most 4 calm ones
        emulator.state.search_index_lag = rng.uniform(0.0, 30.0)
        with monkeypatch.context() as patch:
            # Early rounds always have work left, so their kill lands; later ones at random.
            if round_no in (0, 1, 2) or rng.random() < 0.3:
                arm_kill(patch, catalog.sync, rng.randint(1, 3 if round_no < 3 else 12))
            syncer = make_syncer(clock=clock, unconfirmed_grace=90.0)
            try:
                syncer.run()
            except Killed:
                kills += 1
            except PhotoarchiveError:
                pass
            finally:
                syncer.close()
        clock.now += rng.uniform(5.0, 40.0)
    assert kills >= 1

    emulator.faults.clear()
    for _calm in range(4):
        clock.now += 120.0
        report = make_syncer(clock=clock, unconfirmed_grace=90.0).run()
        if not report.plan and not report.unconfirmed:
            break
    assert not report.plan and not report.unconfirmed and report.failed == []

    approved = catalog.sets.approved()
    wanted = {p.sha256: s for s in approved for p in s.approved_content.photos}
    by_sha = {}
    for sha in wanted:
        copies = emulator.state.photos_with_machine_tag(machine_tag(sha))
        assert len(copies) == 1, f"{sha[:12]} is on Flickr {len(copies)} times"
        by_sha[sha] = copies[0]
    assert len(emulator.state.photos) == len(wanted)
    albums = {a.title: a for a in emulator.state.photosets.values()}
    assert sorted(albums) == sorted(s.approved_content.title for s in approved)
    for s in approved:
        album = albums[s.approved_content.title]
        assert album.photo_ids == [by_sha[p.sha256].id for p in s.approved_content.photos]
    # Nothing more public than its sets allow: public only if in the public set.
    public = {
        p.sha256
        for s in approved
        if s.approved_content.visibility.value == "public"
        for p in s.approved_content.photos
    }
    for sha, photo in by_sha.items():
        assert bool(photo.is_public) == (sha in public), sha[:12]
