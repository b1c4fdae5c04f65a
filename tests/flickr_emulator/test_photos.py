"""Uploads, machine-tag search and photo methods through the real flickrapi client."""

from __future__ import annotations

import hashlib
import io
import json

import flickrapi
import pytest

from flickr_emulator import FlickrEmulator

from .conftest import FlickrFactory, jpeg_bytes, png_bytes, upload


def test_upload_stores_exact_bytes_and_fields(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    data = jpeg_bytes()
    photo_id = upload(
        flickr,
        data,
        title="Pressebilde fra Grønland",
        description="Beskrivelse <b>med</b> æøå",
        tags='politi "Oslo sentrum" Photoarchive:SHA256=ABCDEF',
        is_public="0",
        is_friend="1",
        is_family="1",
        hidden="2",
        safety_level="1",
        content_type="1",
    )
    photo = emulator.state.photos[photo_id]
    assert photo.data == data and photo.filetype == "jpg"
    assert (photo.title, photo.description) == ("Pressebilde fra Grønland", "Beskrivelse <b>med</b> æøå")
    assert photo.raw_tags == ["politi", "Oslo sentrum", "Photoarchive:SHA256=ABCDEF"]
    assert photo.clean_tags == ["politi", "oslosentrum", "photoarchive:sha256=abcdef"]
    assert photo.machine_tags == ["photoarchive:sha256=abcdef"]
    assert (photo.is_public, photo.is_friend, photo.is_family, photo.hidden) == (0, 1, 1, 2)
    record = emulator.calls("upload")[-1]
    assert record.upload_sha256 == hashlib.sha256(data).hexdigest() and record.http_status == 200
    assert "oauth_signature" not in record.params and "oauth_token" not in record.params


def test_upload_signature_covers_fields_but_not_the_photo(emulator: FlickrEmulator) -> None:
    import requests
    from requests_oauthlib import OAuth1
    from requests_toolbelt import MultipartEncoder

    from .conftest import API_KEY, API_SECRET

    token, secret = emulator.grant_token("write")
    auth = OAuth1(API_KEY, API_SECRET, token, secret, signature_type="auth_header")

    def post(signed_fields: dict, sent_fields: dict) -> requests.Response:
        dummy = requests.Request("POST", emulator.upload_url, data=signed_fields, auth=auth).prepare()
        encoder = MultipartEncoder(fields={**sent_fields, "photo": ("x.jpg", io.BytesIO(jpeg_bytes()))})
        headers = {"Authorization": dummy.headers["Authorization"], "Content-Type": encoder.content_type}
        return requests.post(emulator.upload_url, data=encoder, headers=headers, timeout=5)

    ok = post({"title": "a"}, {"title": "a"})
    assert ok.status_code == 200 and "<photoid>" in ok.text
    tampered = post({"title": "a"}, {"title": "b"})
    assert tampered.status_code == 401 and tampered.text.startswith("oauth_problem=signature_invalid")
    assert len(emulator.state.photos) == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", 4), (b"%PDF-1.4 not an image", 5), (b"\x00" * 64, 5)],
)
def test_upload_rejects_non_images_with_flickr_codes(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI, data: bytes, code: int
) -> None:
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.upload("x.jpg", fileobj=io.BytesIO(data))
    assert failure.value.code == code
    assert emulator.state.photos == {}


def test_upload_too_large_is_error_8(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    emulator.max_photo_bytes = 100
    with pytest.raises(flickrapi.FlickrError) as failure:
        upload(flickr, jpeg_bytes())
    assert failure.value.code == 8


def test_replace_keeps_id_and_swaps_bytes(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo_id = upload(flickr, jpeg_bytes(), tags="a")
    new = png_bytes()
    rsp = flickr.replace("x.png", photo_id, fileobj=io.BytesIO(new))
    assert rsp.findtext("photoid") == photo_id and rsp.find("photoid").get("secret")
    assert emulator.state.photos[photo_id].data == new and emulator.state.photos[photo_id].filetype == "png"


def test_async_upload_returns_ticket(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    rsp = flickr.upload("x.jpg", fileobj=io.BytesIO(jpeg_bytes()), **{"async": "1"})
    ticket = rsp.findtext("ticketid")
    checked = flickr.photos.upload.checkTickets(tickets=ticket).find("uploader/ticket")
    assert checked.get("complete") == "1" and checked.get("photoid") in emulator.state.photos


def test_search_by_machine_tag_finds_exactly_the_tagged_photo(flickr: flickrapi.FlickrAPI) -> None:
    first = upload(flickr, tags="photoarchive:sha256=aaa111 politi")
    second = upload(flickr, tags="photoarchive:sha256=bbb222")
    upload(flickr, tags="other:sha256=aaa111")

    def ids(**query) -> list[str]:
        return [p.get("id") for p in flickr.photos.search(user_id="me", **query).iter("photo")]

    assert ids(machine_tags="photoarchive:sha256=aaa111") == [first]
    assert ids(machine_tags="PhotoArchive:SHA256=AAA111") == [first]
    assert ids(machine_tags='photoarchive:sha256="aaa111"') == [first]
    assert sorted(ids(machine_tags="photoarchive:sha256=")) == sorted([first, second])
    assert sorted(ids(machine_tags="photoarchive:")) == sorted([first, second])
    assert len(ids(machine_tags="*:sha256=aaa111")) == 2
    assert (
        ids(machine_tags="photoarchive:sha256=aaa111,photoarchive:sha256=bbb222", machine_tag_mode="all")
        == []
    )
    assert len(ids(machine_tags="photoarchive:sha256=aaa111,photoarchive:sha256=bbb222")) == 2
    assert ids(machine_tags="photoarchive:sha256=ccc333") == []
    assert ids(tags="politi") == [first]
    extras = flickr.photos.search(user_id="me", machine_tags="photoarchive:", extras="machine_tags,tags")
    tagged = {p.get("id"): p for p in extras.iter("photo")}
    assert tagged[first].get("machine_tags") == "photoarchive:sha256=aaa111"
    assert tagged[first].get("tags") == "politi"


def test_search_paging_sorting_and_errors(flickr: flickrapi.FlickrAPI) -> None:
    uploaded = [upload(flickr, tags="photoarchive:batch=1") for _ in range(5)]
    page = flickr.photos.search(user_id="me", machine_tags="photoarchive:batch=1", per_page=2, page=3)
    photos = page.find("photos")
    assert (photos.get("page"), photos.get("pages"), photos.get("perpage"), photos.get("total")) == (
        "3",
        "3",
        "2",
        "5",
    )
    # Newest first by default, as Flickr sorts date-posted-desc.
    assert [p.get("id") for p in page.iter("photo")] == [uploaded[0]]
    ascending = flickr.photos.search(user_id="me", tags="photoarchive:batch=1", sort="date-posted-asc")
    assert [p.get("id") for p in ascending.iter("photo")] == uploaded
    with pytest.raises(flickrapi.FlickrError) as parameterless:
        flickr.photos.search()
    assert parameterless.value.code == 3
    with pytest.raises(flickrapi.FlickrError) as not_machine:
        flickr.photos.search(user_id="me", machine_tags="justatag")
    assert not_machine.value.code == 11


def test_private_photos_are_invisible_without_the_owners_token(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    import requests

    from .conftest import API_KEY

    private = upload(flickr, tags="photoarchive:sha256=abc", is_public="0")
    public = upload(flickr, tags="photoarchive:sha256=abc", is_public="1")
    anonymous = requests.get(
        emulator.rest_url,
        params={
            "method": "flickr.photos.search",
            "api_key": API_KEY,
            "user_id": emulator.default_user.nsid,
            "machine_tags": "photoarchive:sha256=abc",
            "format": "json",
            "nojsoncallback": "1",
        },
        timeout=5,
    ).json()
    assert [p["id"] for p in anonymous["photos"]["photo"]] == [public]
    owner = flickr.photos.search(user_id="me", machine_tags="photoarchive:sha256=abc")
    assert {p.get("id") for p in owner.iter("photo")} == {private, public}


def test_get_info_xml_and_json(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo_id = upload(flickr, title="Tittel", description="Desc", tags='"Woo yay" ns:pred=Value')
    info = flickr.photos.getInfo(photo_id=photo_id).find("photo")
    assert info.findtext("title") == "Tittel" and info.findtext("description") == "Desc"
    assert info.find("owner").get("nsid") == emulator.default_user.nsid
    tags = info.findall("tags/tag")
    assert [(t.get("raw"), t.text, t.get("machine_tag")) for t in tags] == [
        ("Woo yay", "wooyay", "0"),
        ("ns:pred=Value", "ns:pred=value", "1"),
    ]
    raw = flickr.photos.getInfo(photo_id=photo_id, format="json")
    parsed = json.loads(raw)
    assert parsed["stat"] == "ok" and parsed["photo"]["title"]["_content"] == "Tittel"
    assert isinstance(parsed["photo"]["tags"]["tag"], list)
    parsed_json = flickr.photos.getInfo(photo_id=photo_id, format="parsed-json")
    assert parsed_json["photo"]["id"] == photo_id
    with pytest.raises(flickrapi.FlickrError) as missing:
        flickr.photos.getInfo(photo_id="1")
    assert missing.value.code == 1


def test_json_failure_envelope_and_callback(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    failed = json.loads(flickr.photos.getInfo(photo_id="1", format="json"))
    assert failed == {"stat": "fail", "code": 1, "message": "Photo not found"}
    wrapped = flickr.test.echo(format="json", nojsoncallback=None, jsoncallback="cb")
    assert wrapped.startswith(b"cb(") and wrapped.endswith(b")")


def test_unknown_method_and_format(flickr: flickrapi.FlickrAPI) -> None:
    with pytest.raises(flickrapi.FlickrError) as method:
        flickr.photos.doesNotExist()
    assert method.value.code == 112
    raw = flickr.test.echo(format="php_serial")
    assert b'code="111"' in raw


def test_set_meta_tags_perms_licence_and_delete(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    photo_id = upload(flickr, tags="old photoarchive:sha256=abc")
    photo = emulator.state.photos[photo_id]

    flickr.photos.setMeta(photo_id=photo_id, title="Ny tittel", description="Ny beskrivelse")
    assert (photo.title, photo.description) == ("Ny tittel", "Ny beskrivelse")
    flickr.photos.setMeta(photo_id=photo_id, description="Bare beskrivelse")
    assert (photo.title, photo.description) == ("Ny tittel", "Bare beskrivelse")
    with pytest.raises(flickrapi.FlickrError) as neither:
        flickr.photos.setMeta(photo_id=photo_id)
    assert neither.value.code == 2

    flickr.photos.setTags(photo_id=photo_id, tags='new "two words" photoarchive:sha256=abc')
    assert photo.clean_tags == ["new", "twowords", "photoarchive:sha256=abc"]
    flickr.photos.addTags(photo_id=photo_id, tags="new extra")
    assert photo.clean_tags == ["new", "twowords", "photoarchive:sha256=abc", "extra"]
    tag_id = next(
        t.get("id") for t in flickr.photos.getInfo(photo_id=photo_id).iter("tag") if t.text == "extra"
    )
    flickr.photos.removeTag(tag_id=tag_id)
    assert "extra" not in photo.clean_tags
    with pytest.raises(flickrapi.FlickrError) as no_tag:
        flickr.photos.removeTag(tag_id=tag_id)
    assert no_tag.value.code == 1

    rsp = flickr.photos.setPerms(photo_id=photo_id, is_public=0, is_friend=1, is_family=0)
    assert rsp.findtext("photoid") == photo_id
    assert (photo.is_public, photo.is_friend, photo.is_family) == (0, 1, 0)
    with pytest.raises(flickrapi.FlickrError) as missing:
        flickr.photos.setPerms(photo_id=photo_id, is_public=1)
    assert missing.value.code == 2

    licences = {lic.get("id"): lic.get("name") for lic in flickr.photos.licenses.getInfo().iter("license")}
    assert licences["0"] == "All Rights Reserved" and licences["4"] == "Attribution License"
    flickr.photos.licenses.setLicense(photo_id=photo_id, license_id=4)
    assert photo.license == 4
    with pytest.raises(flickrapi.FlickrError) as bad_licence:
        flickr.photos.licenses.setLicense(photo_id=photo_id, license_id=99)
    assert bad_licence.value.code == 2
    with pytest.raises(flickrapi.FlickrError) as commons_only:
        flickr.photos.licenses.setLicense(photo_id=photo_id, license_id=7)
    assert commons_only.value.code == 4

    flickr.photos.delete(photo_id=photo_id)
    assert photo_id not in emulator.state.photos and emulator.state.deleted_photo_ids == [photo_id]
    with pytest.raises(flickrapi.FlickrError) as gone:
        flickr.photos.delete(photo_id=photo_id)
    assert gone.value.code == 1


def test_too_many_tags_is_refused_whole(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo_id = upload(flickr, tags=" ".join(f"t{i}" for i in range(70)))
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.photos.addTags(photo_id=photo_id, tags=" ".join(f"n{i}" for i in range(10)))
    assert failure.value.code == 2
    assert len(emulator.state.photos[photo_id].tags) == 70


def test_other_users_photos_are_not_found_for_writes(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
) -> None:
    other = emulator.add_user("99999999@N01", "someone", "Someone Else")
    photo = emulator.add_photo(jpeg_bytes(), owner=other.nsid, title="not yours")
    flickr = make_flickr("delete")
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.photos.setMeta(photo_id=photo.id, title="mine now")
    assert failure.value.code == 1
    assert emulator.state.photos[photo.id].title == "not yours"


def test_upload_without_photo_field_is_error_2(emulator: FlickrEmulator) -> None:
    import requests
    from requests_oauthlib import OAuth1
    from requests_toolbelt import MultipartEncoder

    from .conftest import API_KEY, API_SECRET

    token, secret = emulator.grant_token("write")
    auth = OAuth1(API_KEY, API_SECRET, token, secret)
    signed = requests.Request("POST", emulator.upload_url, data={"title": "x"}, auth=auth).prepare()
    encoder = MultipartEncoder(fields={"title": "x"})
    headers = {"Authorization": signed.headers["Authorization"], "Content-Type": encoder.content_type}
    response = requests.post(emulator.upload_url, data=encoder, headers=headers, timeout=5)
    assert '<err code="2" msg="No photo specified" />' in response.text
