"""Sign-in and request signing, driven through the real flickrapi client and raw requests."""

from __future__ import annotations

import time

import flickrapi
import pytest
import requests
from requests_oauthlib import OAuth1

from flickr_emulator import FlickrEmulator

from .conftest import API_KEY, API_SECRET, FlickrFactory


def test_oob_sign_in_flow_with_token_cache(emulator: FlickrEmulator, tmp_path) -> None:
    flickr = flickrapi.FlickrAPI(API_KEY, API_SECRET, token_cache_location=str(tmp_path), timeout=5)
    emulator.configure_flickrapi(flickr)

    flickr.get_request_token(oauth_callback="oob")
    url = flickr.auth_url(perms="write")
    assert url.startswith(emulator.authorize_url + "?oauth_token=")
    assert [t.token for t in emulator.pending_authorizations()] == [flickr.flickr_oauth.resource_owner_key]

    verifier = emulator.approve_url(url)  # the user clicks "OK, I'll authorize it" and reads the code
    flickr.get_access_token(verifier)

    token = flickr.token_cache.token
    assert token.access_level == "write"
    assert token.user_nsid == emulator.default_user.nsid
    assert token.username == emulator.default_user.username
    assert token.fullname == emulator.default_user.fullname
    assert flickr.test.login().find("user").get("id") == emulator.default_user.nsid

    # The cache on disk gives a second client the same token.
    again = emulator.configure_flickrapi(
        flickrapi.FlickrAPI(API_KEY, API_SECRET, token_cache_location=str(tmp_path), timeout=5)
    )
    assert again.token_cache.token.token == token.token
    check = again.auth.oauth.checkToken(oauth_token=token.token)
    assert check.findtext("oauth/perms") == "write"


def test_wrong_verifier_and_reused_request_token_are_refused(emulator: FlickrEmulator) -> None:
    flickr = emulator.configure_flickrapi(
        flickrapi.FlickrAPI(API_KEY, API_SECRET, store_token=False, timeout=5)
    )
    flickr.get_request_token(oauth_callback="oob")
    flickr.auth_url(perms="read")
    real = emulator.approve(flickr.flickr_oauth.resource_owner_key, "read")
    with pytest.raises(flickrapi.FlickrError, match="401"):
        flickr.get_access_token("000-000-000" if real != "000-000-000" else "111-111-111")
    assert emulator.calls("oauth.access_token")[-1].oauth_problem == "verifier_invalid"
    flickr.get_access_token(real)
    assert flickr.token_cache.token.access_level == "read"


def test_unapproved_request_token_gets_no_access_token(emulator: FlickrEmulator) -> None:
    flickr = emulator.configure_flickrapi(
        flickrapi.FlickrAPI(API_KEY, API_SECRET, store_token=False, timeout=5)
    )
    flickr.get_request_token(oauth_callback="oob")
    flickr.auth_url(perms="write")
    with pytest.raises(flickrapi.FlickrError, match="401"):
        flickr.get_access_token("123-456-789")


def test_wrong_consumer_secret_gets_401_signature_invalid(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
):
    flickr = make_flickr("read", secret="not-the-secret")
    with pytest.raises(flickrapi.FlickrError, match="Status code 401"):
        flickr.test.login()
    record = emulator.calls("flickr.test.login")[-1]
    assert (record.http_status, record.oauth_problem) == (401, "signature_invalid")


def _signed_session(token: str, secret: str) -> requests.Session:
    session = requests.Session()
    session.auth = OAuth1(API_KEY, API_SECRET, token, secret, signature_type="auth_header")
    return session


def test_tampered_body_after_signing_gets_401(emulator: FlickrEmulator) -> None:
    token, secret = emulator.grant_token("write")
    session = _signed_session(token, secret)
    prepared = session.prepare_request(
        requests.Request("POST", emulator.rest_url, data={"method": "flickr.test.echo", "x": "1"})
    )
    prepared.body = prepared.body.replace(b"x=1", b"x=2")
    response = session.send(prepared, timeout=5)
    assert response.status_code == 401
    assert response.text.startswith("oauth_problem=signature_invalid&debug_sbs=")
    # The untampered request goes through.
    ok = session.post(emulator.rest_url, data={"method": "flickr.test.echo", "x": "1"}, timeout=5)
    assert ok.status_code == 200 and "<x>1</x>" in ok.text


def test_signature_in_query_string_is_accepted(emulator: FlickrEmulator) -> None:
    token, secret = emulator.grant_token("read")
    auth = OAuth1(API_KEY, API_SECRET, token, secret, signature_type="query")
    response = requests.get(emulator.rest_url, params={"method": "flickr.test.login"}, auth=auth, timeout=5)
    assert response.status_code == 200 and 'stat="ok"' in response.text


def test_replayed_nonce_and_stale_timestamp_are_refused(emulator: FlickrEmulator) -> None:
    token, secret = emulator.grant_token("read")
    session = _signed_session(token, secret)
    prepared = session.prepare_request(
        requests.Request("POST", emulator.rest_url, data={"method": "flickr.test.login"})
    )
    assert session.send(prepared, timeout=5).status_code == 200
    replay = session.send(prepared, timeout=5)
    assert (replay.status_code, replay.text) == (401, "oauth_problem=nonce_used")

    old = OAuth1(API_KEY, API_SECRET, token, secret, timestamp=str(int(time.time()) - 3600))
    stale = requests.post(emulator.rest_url, data={"method": "flickr.test.login"}, auth=old, timeout=5)
    assert (stale.status_code, stale.text) == (401, "oauth_problem=timestamp_refused")


def test_unknown_token_is_rejected_and_revoked_token_gets_error_98(
    emulator: FlickrEmulator, make_flickr: FlickrFactory
) -> None:
    session = _signed_session("72157000000000000-0000000000000000", "0000000000000000")
    response = session.post(emulator.rest_url, data={"method": "flickr.test.login"}, timeout=5)
    assert (response.status_code, response.text) == (401, "oauth_problem=token_rejected")

    flickr = make_flickr("write")
    flickr.test.login()
    emulator.revoke_token(flickr.token_cache.token.token)
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.test.login()
    assert failure.value.code == 98


def test_unknown_api_key_gets_error_100(emulator: FlickrEmulator) -> None:
    flickr = emulator.configure_flickrapi(flickrapi.FlickrAPI("unknown-key", API_SECRET, store_token=False))
    with pytest.raises(flickrapi.FlickrError) as failure:
        flickr.photos.licenses.getInfo()
    assert failure.value.code == 100


def test_unsigned_call_with_api_key_reaches_public_methods_only(emulator: FlickrEmulator) -> None:
    public = requests.get(
        emulator.rest_url, params={"method": "flickr.photos.licenses.getInfo", "api_key": API_KEY}, timeout=5
    )
    assert 'stat="ok"' in public.text and 'name="Attribution License"' in public.text
    private = requests.get(
        emulator.rest_url, params={"method": "flickr.test.login", "api_key": API_KEY}, timeout=5
    )
    assert 'code="99"' in private.text


@pytest.mark.parametrize(
    ("perms", "method", "args", "allowed"),
    [
        ("read", "flickr.test.login", {}, True),
        ("read", "flickr.photos.setMeta", {"title": "x"}, False),
        ("write", "flickr.photos.setMeta", {"title": "x"}, True),
        ("write", "flickr.photos.delete", {}, False),
        ("delete", "flickr.photos.delete", {}, True),
    ],
)
def test_permissions_read_write_delete(
    emulator: FlickrEmulator, make_flickr: FlickrFactory, perms: str, method: str, args: dict, allowed: bool
) -> None:
    from .conftest import jpeg_bytes

    photo = emulator.add_photo(jpeg_bytes(), title="seed")
    flickr = make_flickr(perms)
    call = getattr(flickr, method.removeprefix("flickr.").replace(".", "_"))
    if allowed:
        call(photo_id=photo.id, **args)
    else:
        with pytest.raises(flickrapi.FlickrError) as failure:
            call(photo_id=photo.id, **args)
        assert failure.value.code == 99
        assert f"requires {'write' if 'setMeta' in method else 'delete'} privileges; {perms} granted" in str(
            failure.value
        )


def test_upload_needs_write_permission(emulator: FlickrEmulator, make_flickr: FlickrFactory) -> None:
    from .conftest import upload

    with pytest.raises(flickrapi.FlickrError) as failure:
        upload(make_flickr("read"))
    assert failure.value.code == 99
    assert emulator.state.photos == {}


def test_pointing_flickrapi_at_the_emulator_by_hand(emulator: FlickrEmulator, tmp_path) -> None:
    """The six URL attributes flickrapi 2.4 reads, set on the instance (what the real client must do)."""
    flickr = flickrapi.FlickrAPI(API_KEY, API_SECRET, token_cache_location=str(tmp_path), timeout=5)
    base = emulator.base_url
    flickr.REST_URL = base + "/services/rest/"
    flickr.UPLOAD_URL = base + "/services/upload/"
    flickr.REPLACE_URL = base + "/services/replace/"
    flickr.flickr_oauth.REQUEST_TOKEN_URL = base + "/services/oauth/request_token"
    flickr.flickr_oauth.AUTHORIZE_URL = base + "/services/oauth/authorize"
    flickr.flickr_oauth.ACCESS_TOKEN_URL = base + "/services/oauth/access_token"
    # Instance attributes only: the class keeps Flickr's real hosts for everyone else.
    assert flickrapi.FlickrAPI.REST_URL == "https://api.flickr.com/services/rest/"

    flickr.get_request_token(oauth_callback="oob")
    flickr.get_access_token(emulator.approve_url(flickr.auth_url(perms="delete")))
    assert flickr.test.login().find("user/username").text == emulator.default_user.username
    assert {r.endpoint for r in emulator.call_log} == {"oauth", "rest"}


def test_authorize_page_with_auto_approve_shows_the_code(tmp_path) -> None:
    with FlickrEmulator(auto_approve="default") as emu:
        emu.register_app(API_KEY, API_SECRET)
        flickr = emu.configure_flickrapi(
            flickrapi.FlickrAPI(API_KEY, API_SECRET, store_token=False, timeout=5)
        )
        flickr.get_request_token(oauth_callback="oob")
        page = requests.get(flickr.auth_url(perms="write"), timeout=5).text
        verifier = page.split("id='verifier'>")[1].split("<")[0]
        flickr.get_access_token(verifier)
        assert flickr.token_cache.token.access_level == "write"


def test_url_without_trailing_slash_is_signed_as_sent(emulator: FlickrEmulator) -> None:
    token, secret = emulator.grant_token("read")
    auth = OAuth1(API_KEY, API_SECRET, token, secret)
    response = requests.post(
        emulator.rest_url.rstrip("/"), data={"method": "flickr.test.login"}, auth=auth, timeout=5
    )
    assert response.status_code == 200 and 'stat="ok"' in response.text
