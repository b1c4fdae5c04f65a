"""What the real service does that a careful sync depends on: a search index that lags on any clock,
per-token permissions, Pro and free accounts, the upload duplicate check, and the owner's own edits
on flickr.com."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import flickrapi
import pytest
import requests

from flickr_emulator import FlickrEmulator
from flickr_emulator.model import FREE_PHOTO_LIMIT

from .conftest import FlickrFactory, jpeg_bytes, upload


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now


class _Recording(requests.Session):
    last: requests.Response

    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.last = super().request(*args, **kwargs)
        return self.last


def error_of(call) -> flickrapi.FlickrError:
    with pytest.raises(flickrapi.FlickrError) as info:
        call()
    return info.value


def test_search_lag_follows_the_states_clock(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    clock = FakeClock()
    emulator.state.clock = clock
    emulator.state.search_index_lag = 30.0
    photo_id = upload(flickr, tags="photoarchive:sha256=lagging")
    search = {"user_id": "me", "machine_tags": "photoarchive:sha256=lagging"}
    clock.now += 29.0
    assert list(flickr.photos.search(**search).iter("photo")) == []
    clock.now += 1.0
    assert [p.get("id") for p in flickr.photos.search(**search).iter("photo")] == [photo_id]


@pytest.mark.parametrize(
    ("perms", "method", "allowed"),
    [
        ("read", "flickr.photos.setMeta", False),
        ("write", "flickr.photos.setMeta", True),
        ("write", "flickr.photos.delete", False),
        ("delete", "flickr.photos.delete", True),
    ],
)
def test_each_token_has_its_permission(
    emulator: FlickrEmulator, make_flickr: FlickrFactory, perms: str, method: str, allowed: bool
) -> None:
    photo = emulator.add_photo(jpeg_bytes(), title="x")
    client = make_flickr(perms)
    args = {"photo_id": photo.id, "title": "y"} if method.endswith("setMeta") else {"photo_id": photo.id}
    if allowed:
        client.do_flickr_call(method, **args)
        return
    exc = error_of(lambda: client.do_flickr_call(method, **args))
    assert exc.code == 99
    assert (
        f"requires {'write' if method.endswith('setMeta') else 'delete'} privileges; {perms} granted"
        in str(exc)
    )
    assert emulator.state.photos[photo.id].title == "x"


def test_check_token_tells_the_permission(emulator: FlickrEmulator, make_flickr: FlickrFactory) -> None:
    client = make_flickr("write")
    rsp = client.auth.oauth.checkToken(oauth_token=client.token_cache.token.token)
    assert rsp.findtext("oauth/perms") == "write"


def test_upload_status_tells_pro_and_file_limit(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    user = flickr.people.getUploadStatus().find("user")
    assert user.get("ispro") == "1"
    emulator.set_account(pro=False, max_file_bytes=50_000)
    user = flickr.people.getUploadStatus().find("user")
    assert user.get("ispro") == "0"
    assert user.find("filesize").get("maxbytes") == "50000"


def test_free_account_cannot_replace_and_stops_at_the_photo_limit(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    photo_id = upload(flickr)
    emulator.set_account(pro=False)
    exc = error_of(lambda: flickr.replace("x.jpg", photo_id, fileobj=io.BytesIO(jpeg_bytes((1, 2, 3)))))
    assert exc.code == 1 and "Not a pro account" in str(exc)
    assert emulator.state.photos[photo_id].replaced_count == 0
    data = jpeg_bytes((9, 9, 9))
    with emulator.state.lock:
        for _ in range(FREE_PHOTO_LIMIT - 1):
            emulator.add_photo(data)
    exc = error_of(lambda: upload(flickr, jpeg_bytes((4, 5, 6))))
    assert exc.code == 6
    assert len(emulator.state.photos) == FREE_PHOTO_LIMIT
    emulator.set_account(pro=True)
    upload(flickr, jpeg_bytes((4, 5, 6)))
    assert len(emulator.state.photos) == FREE_PHOTO_LIMIT + 1


def test_dedup_check_refuses_the_same_bytes_and_names_the_first(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    data = jpeg_bytes((7, 7, 7))
    first = upload(flickr, data)
    assert upload(flickr, data) != first  # without dedup_check Flickr takes the same file twice
    emulator.delete_photo(first)
    second = next(iter(emulator.state.photos))
    session = _Recording()
    flickr.flickr_oauth.session = session
    exc = error_of(lambda: upload(flickr, data, dedup_check="1"))
    assert exc.code == 9
    # The answer's <err> names the copy it matched.
    err = ET.fromstring(session.last.content).find("err")
    assert err is not None and err.get("duplicate_photo_id") == second
    assert len(emulator.state.photos) == 1
    assert upload(flickr, jpeg_bytes((8, 8, 8)), dedup_check="1") not in (first, second)


def test_the_owner_edits_on_flickr_com(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    a, b = upload(flickr, jpeg_bytes((1, 1, 1))), upload(flickr, jpeg_bytes((2, 2, 2)))
    album = emulator.add_photoset("Album", [a, b])
    emulator.take_out_of_album(album.id, a)
    emulator.edit_photo(b, title="Endret på nett", is_public=0)
    rsp = flickr.photosets.getPhotos(photoset_id=album.id, user_id=emulator.default_user.nsid)
    photos = list(rsp.iter("photo"))
    assert [(p.get("id"), p.get("title"), p.get("ispublic")) for p in photos] == [(b, "Endret på nett", "0")]
    assert rsp.find("photoset").get("primary") == b


def test_get_list_pages_when_capped(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo_id = upload(flickr)
    for n in range(3):
        emulator.add_photoset(f"Album {n}", [photo_id])
    emulator.state.getlist_page_cap = 2
    first = flickr.photosets.getList(page=1, per_page=500).find("photosets")
    assert (first.get("pages"), len(first.findall("photoset"))) == ("2", 2)
    second = flickr.photosets.getList(page=2, per_page=500).find("photosets")
    assert len(second.findall("photoset")) == 1
