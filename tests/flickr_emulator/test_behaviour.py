"""Emulator options beyond the basics: search index lag, rate limit, concurrency, extra methods."""

from __future__ import annotations

import concurrent.futures
import io
import time

import flickrapi
import pytest

from flickr_emulator import FlickrEmulator

from .conftest import API_KEY, API_SECRET, FlickrFactory, jpeg_bytes, upload


def test_search_index_lag_hides_new_uploads_from_search_only(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    emulator.state.search_index_lag = 0.3
    photo_id = upload(flickr, tags="photoarchive:sha256=late")
    assert flickr.photos.getInfo(photo_id=photo_id).find("photo").get("id") == photo_id
    search = {"user_id": "me", "machine_tags": "photoarchive:sha256=late"}
    assert list(flickr.photos.search(**search).iter("photo")) == []
    time.sleep(0.35)
    assert [p.get("id") for p in flickr.photos.search(**search).iter("photo")] == [photo_id]


def test_rate_limit_per_key_answers_429() -> None:
    with FlickrEmulator(rate_limit_per_hour=3) as emu:
        emu.register_app(API_KEY, API_SECRET)
        token, secret = emu.grant_token("read")
        access = flickrapi.auth.FlickrAccessToken(token, secret, "read", "", "", emu.default_user.nsid)
        flickr = emu.configure_flickrapi(flickrapi.FlickrAPI(API_KEY, API_SECRET, token=access, timeout=5))
        for _ in range(3):
            flickr.test.login()
        with pytest.raises(flickrapi.FlickrError, match="429"):
            flickr.test.login()
        assert emu.errors == []


def test_parallel_uploads_from_separate_sessions(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
) -> None:
    import requests

    def work(index: int) -> str:
        client = make_flickr("write")
        client.flickr_oauth.session = requests.Session()  # one session per worker, as the real client does
        return upload(client, jpeg_bytes((index, 0, 0)), tags=f"photoarchive:sha256=p{index}")

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        ids = list(pool.map(work, range(12)))
    assert len(set(ids)) == 12 and set(ids) == set(emulator.state.photos)
    assert sorted(emulator.state.photos_by_machine_tag("photoarchive", "sha256")) == sorted(
        f"p{i}" for i in range(12)
    )


def test_get_perms_order_sets_and_reflection(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    a = upload(flickr, is_public="0", is_family="1")
    perms = flickr.photos.getPerms(photo_id=a).find("perms")
    assert (perms.get("ispublic"), perms.get("isfamily")) == ("0", "1")

    first = flickr.photosets.create(title="A", primary_photo_id=a).find("photoset").get("id")
    second = flickr.photosets.create(title="B", primary_photo_id=a).find("photoset").get("id")
    assert [s.get("id") for s in flickr.photosets.getList().iter("photoset")] == [second, first]
    flickr.photosets.orderSets(photoset_ids=first)
    assert [s.get("id") for s in flickr.photosets.getList().iter("photoset")] == [first, second]

    methods = {m.text for m in flickr.reflection.getMethods().iter("method")}
    assert {"flickr.photos.search", "flickr.photosets.addPhoto", "flickr.test.login"} <= methods


def test_hidden_photos_stay_out_of_public_search(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    import requests

    upload(flickr, tags="hiddenone", hidden="2")
    shown = upload(flickr, tags="hiddenone")
    anonymous = requests.get(
        emulator.rest_url,
        params={"method": "flickr.photos.search", "api_key": API_KEY, "tags": "hiddenone", "format": "json"}
        | {"nojsoncallback": "1"},
        timeout=5,
    ).json()
    assert [p["id"] for p in anonymous["photos"]["photo"]] == [shown]
    assert len(list(flickr.photos.search(user_id="me", tags="hiddenone").iter("photo"))) == 2


def test_seeding_state_directly(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo = emulator.add_photo(jpeg_bytes(), title="Fra før", tags="photoarchive:sha256=old")
    album = emulator.add_photoset("Gammelt album", [photo.id])
    listed = flickr.photosets.getList().find("photosets/photoset")
    assert (listed.get("id"), listed.findtext("title")) == (album.id, "Gammelt album")
    found = flickr.photos.search(user_id="me", machine_tags="photoarchive:sha256=old")
    assert [p.get("id") for p in found.iter("photo")] == [photo.id]
    emulator.delete_photo(photo.id)
    assert album.id not in emulator.state.photosets
    with pytest.raises(ValueError):
        emulator.add_photo(b"not an image")


def test_snapshot_and_dump(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI, tmp_path) -> None:
    import json

    photo_id = upload(flickr, title="æøå", tags="photoarchive:sha256=abc")
    flickr.photosets.create(title="Album", primary_photo_id=photo_id)
    emulator.dump_state(tmp_path / "state.json")
    state = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert state["photos"][0]["title"] == "æøå" and state["photosets"][0]["photo_ids"] == [photo_id]
    assert state["photos"][0]["tags"] == [
        {"raw": "photoarchive:sha256=abc", "clean": "photoarchive:sha256=abc", "machine": True}
    ]


def test_emulator_refuses_non_loopback_hosts() -> None:
    with pytest.raises(ValueError):
        FlickrEmulator(host="0.0.0.0")


def test_upload_via_file_name_uses_it_as_title(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI, tmp_path
) -> None:
    path = tmp_path / "Pressebilde æøå.jpg"
    path.write_bytes(jpeg_bytes())
    photo_id = flickr.upload(str(path)).findtext("photoid")
    # flickrapi sends the file's base name as the title when none is given.
    assert emulator.state.photos[photo_id].title == "Pressebilde æøå.jpg"
    assert io.BytesIO(emulator.state.photos[photo_id].data).getvalue() == path.read_bytes()


def test_a_client_killed_mid_upload_stores_nothing(emulator: FlickrEmulator) -> None:
    import socket

    body = (
        b'--b\r\nContent-Disposition: form-data; name="photo"; filename="x.jpg"\r\n\r\n' + jpeg_bytes()[:50]
    )
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as sock:
        head = (
            "POST /services/upload/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n"
        )
        sock.sendall(head.encode() + body)
    deadline = time.monotonic() + 5
    while not emulator.calls("upload") and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [(r.fault, r.http_status) for r in emulator.calls("upload")] == [("client_aborted", None)]
    assert emulator.state.photos == {} and emulator.state.received_files == []


def test_people_get_photos_and_group_pool_listing(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    emulator.add_group("1@N20", "Pool")
    private = upload(flickr, is_public="0")
    public = upload(flickr)
    mine = flickr.people.getPhotos(user_id="me", extras="date_upload,license,original_format")
    assert [p.get("id") for p in mine.iter("photo")] == [public, private]
    assert {p.get("originalformat") for p in mine.iter("photo")} == {"jpg"}
    flickr.groups.pools.add(group_id="1@N20", photo_id=public)
    pool = flickr.groups.pools.getPhotos(group_id="1@N20", format="parsed-json")
    assert [p["id"] for p in pool["photos"]["photo"]] == [public]


def test_json_lists_stay_lists_with_one_element(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    photo_id = upload(flickr)
    flickr.photosets.create(title="Ett", primary_photo_id=photo_id)
    listing = flickr.photosets.getList(format="parsed-json")
    assert isinstance(listing["photosets"]["photoset"], list)
    assert listing["photosets"]["photoset"][0]["title"] == {"_content": "Ett"}
    empty = flickr.photos.search(user_id="me", tags="nothing", format="parsed-json")
    assert empty["photos"]["photo"] == [] and empty["photos"]["total"] == 0


def test_environment_for_a_subprocess(emulator: FlickrEmulator) -> None:
    env = emulator.environment()
    assert env == {
        "PHOTOARCHIVE_FLICKR_BASE": emulator.base_url,
        "PHOTOARCHIVE_FLICKR_KEY": API_KEY,
        "PHOTOARCHIVE_FLICKR_SECRET": API_SECRET,
    }
