"""Other desks hear about changes to the shared catalog (LISTEN/NOTIFY), without polling or F5."""

from __future__ import annotations

from photoarchive.catalog import Catalog
from photoarchive.catalog.photos import NewPhoto
from photoarchive.catalog.sets import NewAuditEntry, StateChange
from photoarchive.sets.model import SetState

# Generous: the assertion is that the notice arrives, not how fast (benchmarks measure speed).
PATIENCE = 20.0


def _new(n: int) -> NewPhoto:
    return NewPhoto(
        sha256=f"{n:064x}",
        original_name=f"IMG_{n}.jpg",
        archive_path=f"2026/IMG_{n}.jpg",
        size_bytes=1,
        format="jpeg",
        width=10,
        height=10,
    )


def test_a_change_on_one_desk_reaches_the_other_desks_feed(pg_url):
    kari, ola = Catalog.open(pg_url), Catalog.open(pg_url)
    feed = ola.change_feed()
    try:
        assert feed.wait(0.2) == set()  # nothing happened yet
        photo_id = kari.photos.add(_new(1), actor="kari")
        assert "photos" in feed.wait(PATIENCE)
        kari.photos.update_fields([photo_id], {"caption": "Ny tekst"}, actor="kari")
        assert feed.wait(PATIENCE) == {"photos"}
        photo_set = kari.sets.create("Pressebilder")
        kari.sets.add_photos(photo_set.id, [photo_id])
        kari.sets.apply_step(
            photo_set.id,
            StateChange(expected_state=SetState.DRAFT, state=SetState.SUBMITTED),
            [NewAuditEntry("kari", "submit", "set", photo_set.id)],
        )
        seen: set[str] = set()
        while not {"photo_sets", "set_members"} <= seen:
            got = feed.wait(PATIENCE)
            assert got, f"no notice of the set's changes (had {seen})"
            seen |= got
        assert feed.wait(0.2) == set()  # each change was told once
    finally:
        feed.close()
        kari.close()
        ola.close()


def test_sqlite_has_no_feed(tmp_path):
    catalog = Catalog.open_file(tmp_path / "c.sqlite")
    assert catalog.change_feed() is None
    catalog.close()
