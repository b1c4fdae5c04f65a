"""Two desks editing the same photo or set: the second save on an older copy is refused with who changed
what, nothing is lost; runs on SQLite and on the shared PostgreSQL catalog."""

from __future__ import annotations

import threading

import factory
import pytest

from photoarchive.catalog import Catalog
from photoarchive.catalog.conflicts import EditConflict
from photoarchive.catalog.sets import NewAuditEntry


@pytest.fixture
def desks(home):
    """Two desks' catalogs (separate engines and connections) on the same archive."""
    first, second = Catalog.for_home(home), Catalog.for_home(home)
    yield first, second
    first.close()
    second.close()


def _photo(catalog) -> int:
    return catalog.photos.add(
        factory.catalog_row("Åsted.jpg", "ab" * 32),
        actor="fotograf",
    )


def test_the_second_save_of_a_photo_reports_who_changed_what_and_writes_nothing(desks):
    kari, ola = desks
    photo_id = _photo(kari)
    karis_copy = kari.photos.get(photo_id)
    olas_copy = ola.photos.get(photo_id)
    ola.photos.update_fields(
        [photo_id],
        {"caption": "Ola sin tekst", "keywords": ["åsted"]},
        actor="ola",
        expected_versions={photo_id: olas_copy.version},
    )
    with pytest.raises(EditConflict) as conflict:
        kari.photos.update_fields(
            [photo_id],
            {"caption": "Kari sin tekst"},
            actor="kari",
            expected_versions={photo_id: karis_copy.version},
        )
    assert conflict.value.code == "catalog.edit_conflict"
    assert conflict.value.params["fields"] == ["caption", "keywords"]
    assert [c.actor for c in conflict.value.changes] == ["ola"]
    assert kari.photos.get(photo_id).caption == "Ola sin tekst"  # Ola's work is not overwritten
    # Kari reloads and saves again: now it goes through.
    fresh = kari.photos.get(photo_id)
    kari.photos.update_fields(
        [photo_id], {"caption": "Kari sin tekst"}, actor="kari", expected_versions={photo_id: fresh.version}
    )
    assert ola.photos.get(photo_id).caption == "Kari sin tekst"
    assert ola.photos.get(photo_id).version == fresh.version + 1


def test_two_desks_saving_at_the_same_moment_one_wins_one_is_told(desks):
    kari, ola = desks
    photo_id = _photo(kari)
    version = kari.photos.get(photo_id).version
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(catalog, who):
        start.wait()
        try:
            catalog.photos.update_fields(
                [photo_id], {"caption": f"{who} var her"}, actor=who, expected_versions={photo_id: version}
            )
            outcomes[who] = "saved"
        except EditConflict:
            outcomes[who] = "conflict"

    threads = [threading.Thread(target=save, args=(c, w)) for c, w in ((kari, "kari"), (ola, "ola"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes.values()) == ["conflict", "saved"]
    winner = next(w for w, o in outcomes.items() if o == "saved")
    assert kari.photos.get(photo_id).caption == f"{winner} var her"


def test_the_second_save_of_a_set_is_refused(desks):
    kari, ola = desks
    photo_set = kari.sets.create("Trafikkulykke E18")
    karis_version = kari.sets.version_of(photo_set.id)
    ola.sets.update(
        photo_set.id, {"description": "Olas tekst"}, expected_version=ola.sets.version_of(photo_set.id)
    )
    ola.sets.record([NewAuditEntry("ola", "edit", "set", photo_set.id)])
    with pytest.raises(EditConflict) as conflict:
        kari.sets.update(photo_set.id, {"description": "Karis tekst"}, expected_version=karis_version)
    assert conflict.value.kind == "set" and conflict.value.changes[0].fields == ("edit",)
    assert kari.sets.get(photo_set.id).description == "Olas tekst"
    # Membership changes by another desk count as changes too.
    version = kari.sets.version_of(photo_set.id)
    ola.sets.add_photos(photo_set.id, [_photo(ola)])
    with pytest.raises(EditConflict):
        kari.sets.update(photo_set.id, {"title": "Nytt navn"}, expected_version=version)
