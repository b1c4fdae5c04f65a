"""Every fault kind, as the real flickrapi client (or requests underneath it) observes it."""

from __future__ import annotations

import io

import flickrapi
import pytest
import requests

from flickr_emulator import FlickrEmulator

from .conftest import FlickrFactory, jpeg_bytes, upload


@pytest.mark.parametrize("kind", ["http429", "http500", "http502", "http503"])
def test_http_status_faults_reach_the_client_and_change_nothing(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI, kind: str
) -> None:
    photo_id = upload(flickr)
    emulator.faults.inject("flickr.photosets.create", kind)
    with pytest.raises(flickrapi.FlickrError, match=f"Status code {kind[4:]} received"):
        flickr.photosets.create(title="S", primary_photo_id=photo_id)
    assert emulator.state.photosets == {}
    flickr.photosets.create(title="S", primary_photo_id=photo_id)  # times=1 by default
    assert len(emulator.state.photosets) == 1
    faulted = [r for r in emulator.calls("flickr.photosets.create") if r.fault]
    assert [(r.fault, r.http_status) for r in faulted] == [(kind, int(kind[4:]))]


def test_http429_carries_retry_after(emulator: FlickrEmulator) -> None:
    from requests_oauthlib import OAuth1

    from .conftest import API_KEY, API_SECRET

    token, secret = emulator.grant_token("read")
    emulator.faults.inject("*", "http429", retry_after=7)
    auth = OAuth1(API_KEY, API_SECRET, token, secret)
    response = requests.post(emulator.rest_url, data={"method": "flickr.test.login"}, auth=auth, timeout=5)
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"


@pytest.mark.parametrize("code", [105, 106, 201])
def test_flickr_error_faults(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI, code: int) -> None:
    emulator.faults.inject("upload", f"error{code}")
    with pytest.raises(flickrapi.FlickrError) as failure:
        upload(flickr)
    assert failure.value.code == code
    assert emulator.state.photos == {}
    emulator.faults.inject("flickr.photos.search", f"error{code}")
    with pytest.raises(flickrapi.FlickrError) as search_failure:
        flickr.photos.search(user_id="me", machine_tags="photoarchive:")
    assert search_failure.value.code == code


def test_any_error_code_can_be_injected(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    emulator.faults.inject("flickr.test.login", "error", code=98, message="Invalid auth token")
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.test.login()
    assert failure.value.code == 98


def test_slow_response_times_out_the_client_after_the_write_committed(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
) -> None:
    flickr = make_flickr("write", timeout=0.3)
    photo_id = upload(flickr)
    photoset_id = flickr.photosets.create(title="S", primary_photo_id=photo_id).find("photoset").get("id")
    other = upload(flickr)
    emulator.faults.inject("flickr.photosets.addPhoto", "slow", delay=1.0, phase="after")
    with pytest.raises(requests.exceptions.Timeout):
        flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=other)
    assert emulator.state.photosets[photoset_id].photo_ids == [photo_id, other]


def test_slow_before_processing_still_answers_a_patient_client(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    rule = emulator.faults.inject("flickr.test.login", "slow", delay=0.2)
    assert flickr.test.login().find("user") is not None
    assert rule.fired == 1


def test_drop_closes_the_connection_without_applying(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    emulator.faults.inject("upload", "drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        upload(flickr)
    assert emulator.state.photos == {}
    assert emulator.calls("upload")[-1].http_status is None


def test_commit_then_drop_upload_stores_the_photo_but_the_client_sees_an_error(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    emulator.faults.inject("upload", "commit_then_drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        upload(flickr, jpeg_bytes(), tags="photoarchive:sha256=feed")
    # The client's reconcile step: the machine tag finds the photo the server did commit.
    found = flickr.photos.search(user_id="me", machine_tags="photoarchive:sha256=feed")
    assert [p.get("id") for p in found.iter("photo")] == list(emulator.state.photos)
    record = emulator.calls("upload")[-1]
    assert (record.fault, record.http_status, record.applied) == ("commit_then_drop", None, True)


def test_commit_then_drop_on_add_photo_then_retry_gets_error_3(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    a, b = upload(flickr), upload(flickr)
    photoset_id = flickr.photosets.create(title="S", primary_photo_id=a).find("photoset").get("id")
    emulator.faults.inject("flickr.photosets.addPhoto", "commit_then_drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=b)
    assert emulator.state.photosets[photoset_id].photo_ids == [a, b]
    with pytest.raises(flickrapi.FlickrError) as retry:
        flickr.photosets.addPhoto(photoset_id=photoset_id, photo_id=b)
    assert retry.value.code == 3


def test_probability_is_reproducible_with_a_seed(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    def run(seed: int) -> list[bool]:
        emulator.faults.clear()
        emulator.faults.inject("flickr.test.echo", "error105", probability=0.5, seed=seed)
        outcome = []
        for _ in range(12):
            try:
                flickr.test.echo()
                outcome.append(True)
            except flickrapi.FlickrError:
                outcome.append(False)
        return outcome

    first = run(42)
    assert first == run(42)
    assert True in first and False in first


def test_after_times_and_params_narrow_a_rule(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    rule = emulator.faults.inject("flickr.test.*", "error106", after=1, times=2, params={"x": "1"})
    flickr.test.echo(x="1")  # let through: after=1
    flickr.test.echo(x="2")  # other params: no match
    for _ in range(2):
        with pytest.raises(flickrapi.FlickrError):
            flickr.test.echo(x="1")
    flickr.test.echo(x="1")  # exhausted
    assert (rule.matched, rule.fired) == (3, 2)
    assert emulator.calls_by_method()["flickr.test.echo"] == 5
    assert emulator.calls_by_method(include_faulted=False)["flickr.test.echo"] == 3


def test_unknown_fault_kind_is_refused(emulator: FlickrEmulator) -> None:
    with pytest.raises(ValueError):
        emulator.faults.inject("*", "http418")


def test_replace_endpoint_faults(emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI) -> None:
    photo_id = upload(flickr)
    emulator.faults.inject("replace", "commit_then_drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        flickr.replace("x.jpg", photo_id, fileobj=io.BytesIO(jpeg_bytes((1, 2, 3))))
    assert emulator.state.photos[photo_id].replaced_count == 1


def test_chaos_mixes_kinds_reproducibly_and_every_outcome_is_visible(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
) -> None:
    flickr = make_flickr("write", timeout=0.5)

    def run() -> list[str]:
        emulator.faults.clear()
        emulator.faults.chaos(
            0.6, seed=3, method="flickr.test.echo", delay=0.01, kinds=("http503", "error105", "drop")
        )
        seen = []
        for _ in range(30):
            try:
                flickr.test.echo()
                seen.append("ok")
            except flickrapi.FlickrError as error:
                seen.append(f"flickr{error.code}" if error.code else "http")
            except requests.exceptions.ConnectionError:
                seen.append("connection")
        return seen

    first = run()
    assert first == run()
    assert {"ok", "flickr105", "http", "connection"} <= set(first)
    kinds = {r.fault for r in emulator.calls("flickr.test.echo")}
    assert kinds == {None, "http503", "error105", "drop"}


def test_oauth_endpoints_can_fail_too(emulator: FlickrEmulator) -> None:
    from .conftest import API_KEY, API_SECRET

    client = emulator.configure_flickrapi(
        flickrapi.FlickrAPI(API_KEY, API_SECRET, store_token=False, timeout=5)
    )
    emulator.faults.inject("oauth.request_token", "http503")
    with pytest.raises(flickrapi.FlickrError, match="503"):
        client.get_request_token(oauth_callback="oob")
    client.get_request_token(oauth_callback="oob")
    assert len(emulator.pending_authorizations()) == 1


def test_every_received_file_is_kept_even_when_refused_or_dropped(
    emulator: FlickrEmulator, flickr: flickrapi.FlickrAPI
) -> None:
    stored = jpeg_bytes((1, 1, 1))
    dropped = jpeg_bytes((2, 2, 2))
    committed = jpeg_bytes((3, 3, 3))
    photo_id = upload(flickr, stored)
    emulator.faults.inject("upload", "drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        upload(flickr, dropped)
    emulator.faults.inject("upload", "commit_then_drop")
    with pytest.raises(requests.exceptions.ConnectionError):
        upload(flickr, committed)
    with pytest.raises(flickrapi.FlickrError):
        flickr.upload("x.txt", fileobj=io.BytesIO(b"plain text"))
    received = [(f.data, f.photo_id is not None) for f in emulator.state.received_files]
    assert received == [(stored, True), (dropped, False), (committed, True), (b"plain text", False)]
    assert emulator.state.received_files[0].photo_id == photo_id
