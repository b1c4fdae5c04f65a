"""Album (photoset) and group pool semantics as Flickr documents them."""

from __future__ import annotations

import flickrapi
import pytest

from flickr_emulator import FlickrEmulator

from .conftest import upload


def _code(call, **kwargs) -> int:
    with pytest.raises(flickrapi.FlickrError) as failure:
        call(**kwargs)
    return failure.value.code


def _set_ids(flickr: flickrapi.FlickrAPI, photoset_id: str) -> list[str]:
    return [p.get("id") for p in flickr.photosets.getPhotos(photoset_id=photoset_id).iter("photo")]


def test_create_needs_title_and_an_own_primary_photo(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    photo_id = upload(flickr)
    assert _code(flickr.photosets.create, title="Uten forside") == 2
    assert _code(flickr.photosets.create, title="Ukjent", primary_photo_id="1") == 2
    assert _code(flickr.photosets.create, primary_photo_id=photo_id) == 1
    assert emulator.state.photosets == {}

    rsp = flickr.photosets.create(
        title="Politiets album", description="Beskrivelse", primary_photo_id=photo_id
    )
    photoset_id = rsp.find("photoset").get("id")
    assert rsp.find("photoset").get("url").endswith(f"/sets/{photoset_id}/")
    photoset = emulator.state.photosets[photoset_id]
    assert (photoset.title, photoset.description, photoset.primary, photoset.photo_ids) == (
        "Politiets album",
        "Beskrivelse",
        photo_id,
        [photo_id],
    )


def test_add_photo_appends_and_refuses_duplicates(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    a, b, c = upload(flickr), upload(flickr), upload(flickr)
    photoset_id = flickr.photosets.create(title="S", primary_photo_id=b).find("photoset").get("id")
    flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=c)
    flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=a)
    assert _set_ids(flickr, photoset_id) == [b, c, a]
    assert _code(flickr.photosets.addPhoto, photoset_id=photoset_id, photo_id=c) == 3
    assert _code(flickr.photosets.addPhoto, photoset_id=photoset_id, photo_id="1") == 2
    assert _code(flickr.photosets.addPhoto, photoset_id="1", photo_id=c) == 1
    assert emulator.state.photosets[photoset_id].photo_ids == [b, c, a]


def test_reorder_edit_photos_primary_and_remove(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    a, b, c, d = (upload(flickr) for _ in range(4))
    photoset_id = flickr.photosets.create(title="S", primary_photo_id=a).find("photoset").get("id")
    for photo_id in (b, c, d):
        flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=photo_id)

    flickr.photosets.reorderPhotos(photoset_id=photoset_id, photo_ids=f"{d},{b}")
    assert _set_ids(flickr, photoset_id) == [d, b, a, c]
    assert _code(flickr.photosets.reorderPhotos, photoset_id=photoset_id, photo_ids="1") == 2

    flickr.photosets.setPrimaryPhoto(photoset_id=photoset_id, photo_id=c)
    assert emulator.state.photosets[photoset_id].primary == c
    getphotos = flickr.photosets.getPhotos(photoset_id=photoset_id).find("photoset")
    assert getphotos.get("primary") == c
    assert [p.get("isprimary") for p in getphotos.iter("photo")] == ["0", "0", "0", "1"]

    flickr.photosets.removePhoto(photoset_id=photoset_id, photo_id=c)
    assert emulator.state.photosets[photoset_id].primary == d  # the next photo becomes the cover
    assert _code(flickr.photosets.removePhoto, photoset_id=photoset_id, photo_id=c) == 3

    assert _code(flickr.photosets.editPhotos, photoset_id=photoset_id, primary_photo_id=a, photo_ids="") == 5
    assert _code(flickr.photosets.editPhotos, photoset_id=photoset_id, primary_photo_id=c, photo_ids=a) == 4
    flickr.photosets.editPhotos(photoset_id=photoset_id, primary_photo_id=b, photo_ids=f"{b},{c},{a}")
    assert emulator.state.photosets[photoset_id].photo_ids == [b, c, a]

    flickr.photosets.removePhotos(photoset_id=photoset_id, photo_ids=f"{c},{a}")
    assert emulator.state.photosets[photoset_id].photo_ids == [b]
    # Flickr has no empty albums: removing the last photo deletes the album.
    flickr.photosets.removePhoto(photoset_id=photoset_id, photo_id=b)
    assert photoset_id not in emulator.state.photosets
    assert _code(flickr.photosets.getInfo, photoset_id=photoset_id) == 1


def test_edit_meta_get_info_get_list_and_delete(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    a, b = upload(flickr), upload(flickr)
    first = flickr.photosets.create(title="Først", primary_photo_id=a).find("photoset").get("id")
    second = flickr.photosets.create(title="Så", primary_photo_id=b).find("photoset").get("id")
    flickr.photosets.addPhoto(photoset_id=second, photo_id=a)

    flickr.photosets.editMeta(photoset_id=first, title="Nytt navn", description="Ny tekst")
    info = flickr.photosets.getInfo(photoset_id=first).find("photoset")
    assert (info.findtext("title"), info.findtext("description"), info.get("count_photos")) == (
        "Nytt navn",
        "Ny tekst",
        "1",
    )
    assert _code(flickr.photosets.editMeta, photoset_id=first) == 2

    listing = flickr.photosets.getList().find("photosets")
    # New albums come first, as on Flickr.
    assert [(s.get("id"), s.findtext("title"), s.get("photos")) for s in listing.iter("photoset")] == [
        (second, "Så", "2"),
        (first, "Nytt navn", "1"),
    ]
    assert listing.get("total") == "2"
    paged = flickr.photosets.getList(per_page=1, page=2).find("photosets")
    assert [s.get("id") for s in paged.iter("photoset")] == [first] and paged.get("pages") == "2"

    contexts = flickr.photos.getAllContexts(photo_id=a)
    assert sorted(s.get("id") for s in contexts.findall("set")) == sorted([first, second])

    flickr.photosets.delete(photoset_id=first)
    assert first not in emulator.state.photosets and a in emulator.state.photos
    assert _code(flickr.photosets.delete, photoset_id=first) == 1


def test_deleting_a_photo_takes_it_out_of_albums(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    a, b = upload(flickr), upload(flickr)
    photoset_id = flickr.photosets.create(title="S", primary_photo_id=a).find("photoset").get("id")
    flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=b)
    flickr.photos.delete(photo_id=a)
    photoset = emulator.state.photosets[photoset_id]
    assert (photoset.photo_ids, photoset.primary) == ([b], b)


def test_group_pools(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    emulator.add_group("1234567@N20", "Politiet i Norge")
    emulator.add_group("7654321@N20", "Moderert", moderated=True)
    photo_id = upload(flickr)

    flickr.groups.pools.add(group_id="1234567@N20", photo_id=photo_id)
    assert emulator.state.groups["1234567@N20"].pool == [photo_id]
    assert _code(flickr.groups.pools.add, group_id="1234567@N20", photo_id=photo_id) == 3
    assert _code(flickr.groups.pools.add, group_id="0@N00", photo_id=photo_id) == 2
    assert _code(flickr.groups.pools.add, group_id="7654321@N20", photo_id=photo_id) == 6
    assert emulator.state.groups["7654321@N20"].pending == [photo_id]

    contexts = flickr.photos.getAllContexts(photo_id=photo_id, format="parsed-json")
    assert contexts["pool"] == [{"id": "1234567@N20", "title": "Politiet i Norge"}]

    flickr.groups.pools.remove(group_id="1234567@N20", photo_id=photo_id)
    assert emulator.state.groups["1234567@N20"].pool == []
    assert _code(flickr.groups.pools.remove, group_id="1234567@N20", photo_id=photo_id) == 2
