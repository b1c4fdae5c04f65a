"""A careful wrapper around `flickrapi` 2.4: endpoints set on the instance, a timeout on every request,
one `requests` session per worker, rate limit and retries around every call.

flickrapi's own `walk_*` helpers and `token_valid()` are not used (the first break on modern Python,
the second deletes the token on any error); `flickr.test.login` validates a token instead.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import flickrapi
import requests
from flickrapi.auth import FlickrAccessToken

from photoarchive.flickr.errors import (
    AmbiguousWrite,
    DuplicateUpload,
    FlickrApiError,
    FlickrNotConfigured,
    FlickrProblem,
    FlickrUnavailable,
    PhotoRejected,
    SignInRequired,
    SyncCancelled,
)
from photoarchive.flickr.ratelimit import Cancelled, RateLimiter
from photoarchive.flickr.retry import Failure, FailureKind, RetryPolicy, classify

log = logging.getLogger(__name__)

FLICKR_REST = "https://api.flickr.com/services/rest/"
FLICKR_UPLOAD = "https://up.flickr.com/services/upload/"
FLICKR_REPLACE = "https://up.flickr.com/services/replace/"
FLICKR_OAUTH = "https://www.flickr.com/services/oauth/"

# flickrapi logs every non-200 body at ERROR and upload headers at DEBUG; we log failures ourselves,
# in words, and keep anything token-shaped out of the log file.
# oauthlib's debug output carries signature base strings; keep it out of the log file too.
for _name in ("flickrapi", "oauthlib", "requests_oauthlib"):
    logging.getLogger(_name).setLevel(logging.CRITICAL if _name == "flickrapi" else logging.WARNING)


@dataclass(frozen=True)
class Endpoints:
    rest: str = FLICKR_REST
    upload: str = FLICKR_UPLOAD
    replace: str = FLICKR_REPLACE
    request_token: str = FLICKR_OAUTH + "request_token"
    authorize: str = FLICKR_OAUTH + "authorize"
    access_token: str = FLICKR_OAUTH + "access_token"

    @classmethod
    def for_base(cls, base: str = "") -> Endpoints:
        """Flickr's own hosts, or every endpoint under one base URL (a proxy or the test emulator)."""
        if not base:
            return cls()
        root = base.rstrip("/") + "/services/"
        return cls(
            rest=root + "rest/",
            upload=root + "upload/",
            replace=root + "replace/",
            request_token=root + "oauth/request_token",
            authorize=root + "oauth/authorize",
            access_token=root + "oauth/access_token",
        )


@dataclass(frozen=True)
class Credentials:
    api_key: str
    api_secret: str

    def __repr__(self) -> str:  # never print the secret
        return f"Credentials(api_key={self.api_key!r}, api_secret=***)"

    @classmethod
    def from_settings(cls, settings: Any) -> Credentials:
        key, secret = settings.flickr_api_key(), settings.flickr_api_secret()
        if not key or not secret:
            raise FlickrNotConfigured(
                "No Flickr API key is set. Put api_key and api_secret under [flickr] in the settings, or set "
                "PHOTOARCHIVE_FLICKR_KEY and PHOTOARCHIVE_FLICKR_SECRET."
            )
        return cls(key, secret)


class CallStats:
    """Counts calls across every worker of one client family (for the benchmark and tests)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.by_method: Counter[str] = Counter()

    def add(self, method: str) -> None:
        with self._lock:
            self.by_method[method] += 1

    @property
    def total(self) -> int:
        with self._lock:
            return sum(self.by_method.values())


class _RecordingSession(requests.Session):
    """Keeps the last response so a failed call's HTTP status and Retry-After can be read (flickrapi
    turns every non-200 into a FlickrError without the status)."""

    last_response: requests.Response | None = None

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.last_response = None
        response = super().request(*args, **kwargs)
        self.last_response = response
        return response


class _ProgressFile:
    """A file for the multipart encoder that reports bytes read (i.e. sent)."""

    def __init__(self, path: Path, on_bytes: Callable[[int], None] | None):
        self._file = path.open("rb")
        self._size = path.stat().st_size
        self._on_bytes = on_bytes

    @property
    def len(self) -> int:
        """Bytes still to read: the encoder's notion of length."""
        return self._size - self._file.tell()

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        if chunk and self._on_bytes is not None:
            self._on_bytes(len(chunk))
        return chunk

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True)
class Account:
    user_nsid: str
    username: str


class FlickrClient:
    """One worker's connection to Flickr. `worker()` gives another one (own session) sharing the rate
    limiter, call counter and cancel flag; use one per thread."""

    def __init__(
        self,
        credentials: Credentials,
        token: FlickrAccessToken | None,
        *,
        endpoints: Endpoints | None = None,
        timeout: float = 60.0,
        limiter: RateLimiter | None = None,
        policy: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        stats: CallStats | None = None,
    ):
        self.credentials = credentials
        self.token = token
        self.endpoints = endpoints or Endpoints()
        self.timeout = timeout
        self.limiter = limiter or RateLimiter(1.0)
        self.policy = policy or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self.stats = stats or CallStats()
        self.session = _RecordingSession()
        self.api = self._make_api()

    def _make_api(self) -> flickrapi.FlickrAPI:
        api = flickrapi.FlickrAPI(
            self.credentials.api_key,
            self.credentials.api_secret,
            token=self.token,
            store_token=False,
            format="etree",
            timeout=self.timeout,
        )
        # Instance attributes: other clients (and the class) keep their own URLs.
        api.REST_URL = self.endpoints.rest
        api.UPLOAD_URL = self.endpoints.upload
        api.REPLACE_URL = self.endpoints.replace
        oauth = api.flickr_oauth
        oauth.REQUEST_TOKEN_URL = self.endpoints.request_token
        oauth.AUTHORIZE_URL = self.endpoints.authorize
        oauth.ACCESS_TOKEN_URL = self.endpoints.access_token
        # flickrapi shares one class-level session between all instances; give each worker its own.
        oauth.session = self.session
        return api

    def worker(self) -> FlickrClient:
        return FlickrClient(
            self.credentials,
            self.token,
            endpoints=self.endpoints,
            timeout=self.timeout,
            limiter=self.limiter,
            policy=self.policy,
            cancel=self.cancel,
            stats=self.stats,
        )

    def close(self) -> None:
        self.session.close()

    # -- calls ----------------------------------------------------------------------------------

    def call(self, method: str, *, write: bool = False, **params: Any) -> ET.Element:
        """A REST call with retries. Raises AmbiguousWrite when a write's answer was lost (reconcile,
        then call again), FlickrApiError for Flickr's definite errors."""
        params = {k: v for k, v in params.items() if v is not None}
        return self._attempts(
            method, write, lambda: self.api.do_flickr_call(method, timeout=self.timeout, **params)
        )

    def upload(
        self,
        path: Path,
        *,
        title: str,
        description: str,
        tags: str,
        perms: tuple[int, int, int],
        on_bytes: Callable[[int], None] | None = None,
        dedup_check: bool = False,
    ) -> str:
        """Upload one file; returns Flickr's photo id. AmbiguousWrite when it may have been stored;
        with `dedup_check`, DuplicateUpload when Flickr says it already holds the file."""
        is_public, is_friend, is_family = perms
        extra = {"dedup_check": "1"} if dedup_check else {}

        def attempt() -> ET.Element:
            handle = _ProgressFile(path, on_bytes)
            try:
                return self.api.upload(
                    filename=str(path),
                    fileobj=handle,
                    timeout=self.timeout,
                    title=title,
                    description=description,
                    tags=tags,
                    is_public=str(is_public),
                    is_friend=str(is_friend),
                    is_family=str(is_family),
                    content_type="1",
                    hidden="1",
                    **extra,
                )
            finally:
                handle.close()

        try:
            rsp = self._attempts("upload", True, attempt)
        except FlickrApiError as exc:
            # https://www.flickr.com/services/api/upload.api.html: 9 "Duplicate photo/video detected"
            # (only with dedup_check) comes with duplicate_photo_id; 6 "Upload limit reached" is the
            # free account's photo limit.
            if exc.code == 9:
                duplicate = _flickr_error_attr(self.session, "duplicate_photo_id")
                if duplicate:
                    raise DuplicateUpload(duplicate) from exc
            raise
        photo_id = rsp.findtext("photoid")
        if not photo_id:
            raise FlickrProblem("Flickr accepted an upload but sent no photo id back.")
        return photo_id

    def replace(self, path: Path, photo_id: str, *, on_bytes: Callable[[int], None] | None = None) -> None:
        """Put a new file behind an existing photo (same id, albums, tags)."""

        def attempt() -> ET.Element:
            handle = _ProgressFile(path, on_bytes)
            try:
                return self.api.replace(
                    filename=str(path), photo_id=photo_id, fileobj=handle, timeout=self.timeout
                )
            finally:
                handle.close()

        self._attempts("replace", True, attempt)

    def test_login(self) -> Account:
        """Check the token with Flickr (flickr.test.login)."""
        if self.token is None:
            raise SignInRequired("Not signed in to Flickr. Run `photoarchive flickr login`.")
        rsp = self.call("flickr.test.login")
        user = rsp.find("user")
        if user is None:
            raise FlickrProblem("Flickr's answer to test.login had no user.")
        return Account(user.get("id", ""), user.findtext("username") or "")

    # -- internals ------------------------------------------------------------------------------

    def _attempts(self, method: str, write: bool, attempt: Callable[[], Any]) -> Any:
        tries = 0
        while True:
            if self.cancel.is_set():
                raise SyncCancelled()
            try:
                self.limiter.acquire(self.cancel)
            except Cancelled:
                raise SyncCancelled() from None
            tries += 1
            self.stats.add(method)
            failure: Failure
            try:
                return attempt()
            except flickrapi.FlickrError as exc:
                failure = self._failure_from_flickr_error(method, write, exc)
            except requests.exceptions.ConnectTimeout:
                # The request never reached the server, so even a write can simply be retried.
                failure = Failure(method, False, connection_lost=True)
            except (requests.RequestException, ET.ParseError) as exc:
                log.info("%s: connection trouble: %s", method, type(exc).__name__)
                failure = Failure(method, write, connection_lost=True)
            outcome = classify(failure)
            log.info("%s failed (%s), attempt %d: %s", method, _describe(failure), tries, outcome.value)
            if outcome is FailureKind.AMBIGUOUS:
                raise AmbiguousWrite(
                    f"Flickr's answer to {method} was lost; it may or may not have happened."
                )
            if outcome is FailureKind.SIGN_IN:
                raise SignInRequired(
                    "Flickr no longer accepts this app's sign-in (it was revoked or lacks a permission). "
                    "Sign in again with `photoarchive flickr login`."
                )
            if outcome is FailureKind.REJECTED:
                raise PhotoRejected(failure.flickr_code or 0, _flickr_message(self.session) or "refused")
            if outcome is FailureKind.FAIL:
                if failure.flickr_code is not None:
                    raise FlickrApiError(method, failure.flickr_code, _flickr_message(self.session) or "")
                raise FlickrProblem(f"Flickr answered {method} with HTTP {failure.http_status}.")
            if self.policy.gives_up_after(tries):
                raise FlickrUnavailable(
                    f"Flickr is not answering properly ({_describe(failure)}) after {tries} tries; "
                    "try again later."
                )
            delay = self.policy.delay(tries, failure.retry_after)
            if self.cancel.wait(delay):
                raise SyncCancelled()

    def _failure_from_flickr_error(self, method: str, write: bool, exc: flickrapi.FlickrError) -> Failure:
        response = self.session.last_response
        status = response.status_code if response is not None else None
        if status is not None and status != 200:
            retry_after = None
            header = response.headers.get("Retry-After") if response is not None else None
            if header and header.strip().isdigit():
                retry_after = float(header.strip())
            return Failure(method, write, http_status=status, retry_after=retry_after)
        return Failure(method, write, flickr_code=exc.code)


def _flickr_message(session: _RecordingSession) -> str:
    response = session.last_response
    if response is None:
        return ""
    try:
        err = ET.fromstring(response.content).find("err")
    except ET.ParseError:
        return ""
    return "" if err is None else err.get("msg", "")


def _flickr_error_attr(session: _RecordingSession, name: str) -> str:
    """An attribute of the failed answer's <err>, or a child element of that name anywhere."""
    response = session.last_response
    if response is None:
        return ""
    try:
        root = ET.fromstring(response.content)
    except ET.ParseError:
        return ""
    err = root.find("err")
    if err is not None and err.get(name):
        return err.get(name, "")
    return root.findtext(f".//{name}") or ""


def _describe(failure: Failure) -> str:
    if failure.connection_lost:
        return "connection lost"
    if failure.http_status is not None:
        return f"HTTP {failure.http_status}"
    return f"error {failure.flickr_code}"
