"""Fixtures for the emulator's own tests: a running emulator with one app, and real flickrapi clients."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import flickrapi
import pytest
from flickrapi.auth import FlickrAccessToken

from flickr_emulator import FlickrEmulator

API_KEY = "0123456789abcdef0123456789abcdef"
API_SECRET = "fedcba9876543210"


@pytest.fixture
def emulator() -> Iterator[FlickrEmulator]:
    with FlickrEmulator() as emu:
        emu.register_app(API_KEY, API_SECRET)
        yield emu
    assert emu.errors == [], "the emulator hit internal errors:\n" + "\n".join(emu.errors)


@pytest.fixture(autouse=True)
def _fresh_flickrapi_token_ram_cache() -> Iterator[None]:
    """flickrapi keeps tokens in a process-wide dict keyed by API key, whatever cache path is given;
    without clearing it a token from one test leaks into the next."""
    from flickrapi.tokencache import OAuthTokenCache

    OAuthTokenCache.RAM_CACHE.clear()
    yield
    OAuthTokenCache.RAM_CACHE.clear()


FlickrFactory = Callable[..., flickrapi.FlickrAPI]


@pytest.fixture
def make_flickr(emulator: FlickrEmulator) -> FlickrFactory:
    """A real flickrapi client pointed at the emulator, holding a freshly granted token."""

    def make(perms: str = "delete", *, secret: str = API_SECRET, timeout: float = 5.0) -> flickrapi.FlickrAPI:
        token, token_secret = emulator.grant_token(perms)
        user = emulator.default_user
        access = FlickrAccessToken(token, token_secret, perms, user.fullname, user.username, user.nsid)
        flickr = flickrapi.FlickrAPI(API_KEY, secret, token=access, timeout=timeout)
        return emulator.configure_flickrapi(flickr)

    return make


@pytest.fixture
def flickr(make_flickr: FlickrFactory) -> flickrapi.FlickrAPI:
    return make_flickr("delete")


def jpeg_bytes(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (16, 12)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 90, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(flickr: flickrapi.FlickrAPI, data: bytes | None = None, **fields: str) -> str:
    """Upload through flickrapi (multipart, photo unsigned) and return the new photo id."""
    rsp = flickr.upload("bilde.jpg", fileobj=io.BytesIO(data or jpeg_bytes()), **fields)
    return rsp.findtext("photoid")
