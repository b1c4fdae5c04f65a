"""The HTTP side: a threaded server on 127.0.0.1 that routes, authenticates, injects faults and logs calls."""

from __future__ import annotations

import collections
import hashlib
import json
import logging
import re
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import oauth
from .faults import FaultInjector, FiredFault
from .methods import METHODS, Call, _remove_from_set, delete_photo, perms_allow
from .model import (
    PERM_LEVELS,
    AccessToken,
    App,
    EmulatorState,
    Group,
    Photo,
    Photoset,
    ReceivedFile,
    RequestToken,
    User,
    now,
)
from .responses import ApiError, Node, render_json_fail, render_json_ok, render_xml_fail, render_xml_ok
from .uploads import (
    DEFAULT_MAX_PHOTO_BYTES,
    MultipartError,
    create_photo,
    handle_replace,
    handle_upload,
    parse_multipart,
    sniff_filetype,
)

log = logging.getLogger(__name__)

REST_PATH = "/services/rest/"
UPLOAD_PATH = "/services/upload/"
REPLACE_PATH = "/services/replace/"
REQUEST_TOKEN_PATH = "/services/oauth/request_token"
AUTHORIZE_PATH = "/services/oauth/authorize"
ACCESS_TOKEN_PATH = "/services/oauth/access_token"
# The emulator's own inspection endpoints (not part of Flickr), for use from another process.
INSPECT_STATE_PATH = "/emulator/state"
INSPECT_CALLS_PATH = "/emulator/calls"

# Parameters never written to the call log: they are credentials or one-time values.
_SECRET_PARAMS = {
    "oauth_signature",
    "oauth_nonce",
    "oauth_timestamp",
    "oauth_token",
    "oauth_verifier",
    "api_sig",
}


@dataclass
class CallRecord:
    """One request as the emulator saw it (``emulator.call_log``)."""

    seq: int
    time: float
    endpoint: str  # rest, upload, replace, oauth
    method: str  # REST method name, "upload", "replace" or "oauth.request_token" …
    params: dict[str, str]
    http_status: int | None  # None when the connection was dropped without an answer
    error_code: int | None = None
    oauth_problem: str | None = None
    fault: str | None = None
    user: str | None = None
    perms: str = "none"
    applied: bool = False  # the request changed (or could change) state
    upload_bytes: int | None = None
    upload_sha256: str | None = None


class OAuthProblem(Exception):
    """An OAuth-level rejection: HTTP 401 with an ``oauth_problem=…`` body, as Flickr answers."""

    def __init__(self, problem: str, extra: dict[str, str] | None = None, status: int = 401):
        super().__init__(problem)
        self.problem = problem
        self.extra = extra or {}
        self.status = status

    def body(self) -> bytes:
        return urlencode({"oauth_problem": self.problem, **self.extra}).encode("utf-8")


@dataclass
class Outcome:
    """What the handler sends back (or that it drops the connection)."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False


class _ClientGone(Exception):
    """The client disconnected before its request body was complete."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    emulator: FlickrEmulator

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def close_open_connections(self) -> None:
        """End idle keep-alive connections so their handler threads finish when the emulator stops."""
        with self.connections_lock:
            connections = list(self.open_connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; with Nagle on, each keep-alive call waits ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.open_connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.open_connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _read_exactly(self, size: int) -> bytes:
        data = self.rfile.read(size)
        if len(data) < size:
            raise _ClientGone()
        return data

    def _read_body(self) -> bytes:
        """The whole request body; _ClientGone when the client vanished before sending all of it."""
        try:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                parts = []
                while True:
                    line = self.rfile.readline()
                    if not line:
                        raise _ClientGone()
                    size = int(line.split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    parts.append(self._read_exactly(size))
                    self.rfile.readline()
                return b"".join(parts)
            length = int(self.headers.get("Content-Length") or 0)
            return self._read_exactly(length) if length else b""
        except (OSError, ValueError):
            raise _ClientGone() from None

    def _dispatch(self, http_method: str) -> None:
        emulator = self.server.emulator
        try:
            body = self._read_body()
        except _ClientGone:
            # A client killed mid-request: like a real server, process nothing of a partial body.
            emulator._record_aborted(self, http_method)
            self.close_connection = True
            return
        try:
            outcome = emulator._handle(self, http_method, body)
        except Exception:  # an emulator bug must be visible to the test, not a hang
            emulator.errors.append(traceback.format_exc())
            log.exception("flickr emulator internal error")
            outcome = Outcome(500, b"emulator internal error", "text/plain")
        if outcome.drop:
            self.close_connection = True
            try:
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        try:
            self.send_response(outcome.status)
            self.send_header("Content-Type", outcome.content_type)
            self.send_header("Content-Length", str(len(outcome.body)))
            for key, value in outcome.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(outcome.body)
        except OSError:
            # The client gave up (e.g. its timeout during a slow response): nothing to tell it.
            self.close_connection = True


class FlickrEmulator:
    """An emulated Flickr API on 127.0.0.1; see the package docstring for the whole interface."""

    def __init__(
        self,
        port: int = 0,
        *,
        host: str = "127.0.0.1",
        user: tuple[str, str, str] = ("12345678@N00", "politiet-presse", "Politiet Pressetjeneste"),
        timestamp_window: int = 300,
        max_photo_bytes: int = DEFAULT_MAX_PHOTO_BYTES,
        accepted_filetypes: tuple[str, ...] = ("jpg", "png", "gif", "tiff", "heic", "webp"),
        auto_approve: str | None = None,
        rate_limit_per_hour: int | None = None,
        revoked_token_answer: str = "error98",
        search_index_lag: float = 0.0,
    ):
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("the Flickr emulator only listens on the loopback interface")
        self.state = EmulatorState()
        self.state.search_index_lag = search_index_lag
        self.faults = FaultInjector()
        self.call_log: list[CallRecord] = []
        self.errors: list[str] = []
        self.timestamp_window = timestamp_window
        self.max_photo_bytes = max_photo_bytes
        self.accepted_filetypes = accepted_filetypes
        self.auto_approve = auto_approve
        self.rate_limit_per_hour = rate_limit_per_hour
        if revoked_token_answer not in ("error98", "token_rejected"):
            raise ValueError("revoked_token_answer is 'error98' or 'token_rejected'")
        self.revoked_token_answer = revoked_token_answer
        self._nonces: dict[tuple[str, str, str], int] = {}
        self._rate_window: dict[str, collections.deque[float]] = {}
        self._seq = 0
        self._log_lock = threading.Lock()
        self.default_user = self.add_user(*user)
        self._host = host
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self) -> FlickrEmulator:
        if self._server is not None:
            return self
        server = _Server((self._host, self._port), _Handler)
        server.emulator = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="flickr-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.close_open_connections()
        self._server.server_close()
        self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FlickrEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() or use it as a context manager")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        host = "127.0.0.1" if self._host == "localhost" else self._host
        return f"http://{host}:{self.port}"

    @property
    def rest_url(self) -> str:
        return self.base_url + REST_PATH

    @property
    def upload_url(self) -> str:
        return self.base_url + UPLOAD_PATH

    @property
    def replace_url(self) -> str:
        return self.base_url + REPLACE_PATH

    @property
    def request_token_url(self) -> str:
        return self.base_url + REQUEST_TOKEN_PATH

    @property
    def authorize_url(self) -> str:
        return self.base_url + AUTHORIZE_PATH

    @property
    def access_token_url(self) -> str:
        return self.base_url + ACCESS_TOKEN_PATH

    def environment(self, app_key: str | None = None) -> dict[str, str]:
        """Environment variables that point a photoarchive process at this emulator (for subprocess tests)."""
        with self.state.lock:
            app = self.state.apps[app_key or self._only_app_key()]
        return {
            "PHOTOARCHIVE_FLICKR_BASE": self.base_url,
            "PHOTOARCHIVE_FLICKR_KEY": app.key,
            "PHOTOARCHIVE_FLICKR_SECRET": app.secret,
        }

    def configure_flickrapi(self, flickr: object) -> object:
        """Point a ``flickrapi.FlickrAPI`` instance at this emulator (the attributes flickrapi 2.4 reads)."""
        flickr.REST_URL = self.rest_url  # type: ignore[attr-defined]
        flickr.UPLOAD_URL = self.upload_url  # type: ignore[attr-defined]
        flickr.REPLACE_URL = self.replace_url  # type: ignore[attr-defined]
        flickr_oauth = flickr.flickr_oauth  # type: ignore[attr-defined]
        flickr_oauth.REQUEST_TOKEN_URL = self.request_token_url
        flickr_oauth.AUTHORIZE_URL = self.authorize_url
        flickr_oauth.ACCESS_TOKEN_URL = self.access_token_url
        return flickr

    # --- accounts, apps, tokens ----------------------------------------------------------------
    def register_app(self, key: str, secret: str) -> App:
        with self.state.lock:
            app = App(key, secret)
            self.state.apps[key] = app
            return app

    def add_user(self, nsid: str, username: str, fullname: str = "") -> User:
        with self.state.lock:
            user = User(nsid, username, fullname)
            self.state.users[nsid] = user
            return user

    def add_group(
        self, group_id: str, name: str, *, members: set[str] | None = None, moderated: bool = False
    ) -> Group:
        """A group whose pool photos can be added to; ``members=None`` lets every user post."""
        with self.state.lock:
            group = Group(group_id, name, members=members, moderated=moderated)
            self.state.groups[group_id] = group
            return group

    def _only_app_key(self) -> str:
        if len(self.state.apps) != 1:
            raise ValueError(f"pass app_key=: the emulator has {len(self.state.apps)} registered apps")
        return next(iter(self.state.apps))

    def pending_authorizations(self) -> list[RequestToken]:
        with self.state.lock:
            return [t for t in self.state.request_tokens.values() if t.verifier is None]

    def approve(self, request_token: str, perms: str | None = None, user_nsid: str | None = None) -> str:
        """The user clicks "OK, I'll authorize it": returns the oob verification code.

        ``perms`` defaults to what the authorize URL asked for (if it was visited), else ``read``.
        """
        with self.state.lock:
            token = self.state.request_tokens.get(request_token)
            if token is None:
                raise KeyError(f"no such request token: {request_token}")
            perms = perms or token.perms or "read"
            if perms not in ("read", "write", "delete"):
                raise ValueError(f"perms must be read, write or delete, not {perms!r}")
            token.perms = perms
            token.user_nsid = user_nsid or self.default_user.nsid
            token.verifier = oauth.new_verifier()
            return token.verifier

    def approve_url(self, authorize_url: str, user_nsid: str | None = None) -> str:
        """Approve the request behind an authorize URL (its ``oauth_token`` and ``perms``); returns the verifier."""
        query = dict(parse_qsl(urlsplit(authorize_url).query))
        return self.approve(query["oauth_token"], query.get("perms"), user_nsid)

    def deny(self, request_token: str) -> None:
        with self.state.lock:
            self.state.request_tokens.pop(request_token, None)

    def grant_token(
        self, perms: str = "delete", *, app_key: str | None = None, user_nsid: str | None = None
    ) -> tuple[str, str]:
        """Issue an access token without the OAuth dance: returns ``(token, token_secret)``."""
        if perms not in ("read", "write", "delete"):
            raise ValueError(f"perms must be read, write or delete, not {perms!r}")
        with self.state.lock:
            token = AccessToken(
                token=oauth.new_token(),
                secret=oauth.new_secret(),
                app_key=app_key or self._only_app_key(),
                user_nsid=user_nsid or self.default_user.nsid,
                perms=perms,
            )
            self.state.access_tokens[token.token] = token
            return token.token, token.secret

    def revoke_token(self, token: str) -> None:
        """The user revokes the app's access on flickr.com: later calls with the token fail (error 98)."""
        with self.state.lock:
            self.state.access_tokens[token].revoked = True

    # --- seeding state directly ----------------------------------------------------------------
    def add_photo(self, data: bytes, *, owner: str | None = None, **fields: str) -> Photo:
        """Store a photo as if uploaded (fields as the upload API: title, description, tags, is_public …)."""
        filetype = sniff_filetype(data)
        if filetype is None:
            raise ValueError("add_photo needs image bytes Flickr would accept")
        with self.state.lock:
            user = self.state.users[owner or self.default_user.nsid]
            return create_photo(self.state, user, {k: str(v) for k, v in fields.items()}, data, filetype)

    def add_photoset(
        self, title: str, photo_ids: list[str], *, primary: str | None = None, description: str = ""
    ) -> Photoset:
        with self.state.lock:
            owner = self.state.photos[photo_ids[0]].owner
            photoset = Photoset(
                id=self.state.next_photoset_id(),
                owner=owner,
                title=title,
                description=description,
                primary=primary or photo_ids[0],
                photo_ids=list(photo_ids),
                date_create=now(),
                date_update=now(),
            )
            self.state.photosets[photoset.id] = photoset
            self.state.photoset_order.setdefault(owner, []).insert(0, photoset.id)
            return photoset

    def delete_photo(self, photo_id: str) -> None:
        """Delete a photo as its owner would on flickr.com."""
        with self.state.lock:
            delete_photo(self.state, photo_id)

    # --- the account owner at work on flickr.com -----------------------------------------------
    def set_account(
        self, nsid: str | None = None, *, pro: bool | None = None, max_file_bytes: int | None = None
    ) -> User:
        """Make the account Pro or free (free: no replace, at most 1,000 photos) or change its file limit."""
        with self.state.lock:
            user = self.state.users[nsid or self.default_user.nsid]
            if pro is not None:
                user.pro = pro
            if max_file_bytes is not None:
                user.max_file_bytes = max_file_bytes
            return user

    def take_out_of_album(self, photoset_id: str, photo_id: str) -> None:
        """Remove a photo from an album as its owner would on flickr.com (an emptied album goes)."""
        with self.state.lock:
            _remove_from_set(self.state, self.state.photosets[photoset_id], photo_id)

    def edit_photo(
        self,
        photo_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        is_public: int | None = None,
        is_friend: int | None = None,
        is_family: int | None = None,
    ) -> Photo:
        """Change a photo's title, description or visibility as its owner would on flickr.com."""
        with self.state.lock:
            photo = self.state.photos[photo_id]
            if title is not None:
                photo.title = title
            if description is not None:
                photo.description = description
            for name, value in (("is_public", is_public), ("is_friend", is_friend), ("is_family", is_family)):
                if value is not None:
                    setattr(photo, name, value)
            photo.last_update = now()
            return photo

    # --- inspection ----------------------------------------------------------------------------
    def calls_by_method(self, *, include_faulted: bool = True) -> dict[str, int]:
        with self._log_lock:
            counter = collections.Counter(
                r.method for r in self.call_log if include_faulted or r.fault is None
            )
        return dict(counter)

    def calls(self, method: str | None = None) -> list[CallRecord]:
        with self._log_lock:
            return [r for r in self.call_log if method is None or r.method == method]

    def reset_call_log(self) -> None:
        with self._log_lock:
            self.call_log.clear()

    def dump_state(self, path: str | Path) -> None:
        Path(path).write_text(
            json.dumps(self.state.snapshot(), indent=2, ensure_ascii=False), encoding="utf-8"
        )

    # --- request handling ----------------------------------------------------------------------
    def _next_seq(self) -> int:
        with self._log_lock:
            self._seq += 1
            return self._seq

    def _record(self, record: CallRecord) -> None:
        """Log a finished call (``seq`` was taken when it arrived, so the log may be out of seq order)."""
        with self._log_lock:
            self.call_log.append(record)

    def _record_aborted(self, handler: _Handler, http_method: str) -> None:
        path = urlsplit(handler.path).path
        endpoint = {REST_PATH: "rest", UPLOAD_PATH: "upload", REPLACE_PATH: "replace"}.get(path, "oauth")
        method = endpoint if endpoint in ("upload", "replace") else "(aborted)"
        self._record(
            CallRecord(
                self._next_seq(), time.time(), endpoint, method, {}, http_status=None, fault="client_aborted"
            )
        )

    def _handle(self, handler: _Handler, http_method: str, body: bytes) -> Outcome:
        split = urlsplit(handler.path)
        host = handler.headers.get("Host") or f"127.0.0.1:{self.port}"
        # The URL exactly as the client addressed it: that is what it signed.
        url = f"http://{host}{split.path}"
        path = split.path
        if not path.endswith("/") and path in (REST_PATH[:-1], UPLOAD_PATH[:-1], REPLACE_PATH[:-1]):
            path += "/"
        query = parse_qsl(split.query, keep_blank_values=True)
        content_type = handler.headers.get("Content-Type", "")
        header_oauth = oauth.parse_authorization_header(handler.headers.get("Authorization"))

        fields: list[tuple[str, str]] = []
        files: dict[str, tuple[str, bytes]] = {}
        if content_type.startswith("application/x-www-form-urlencoded") or (
            body and path == REST_PATH and not content_type.startswith("multipart/")
        ):
            fields = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        elif content_type.startswith("multipart/form-data"):
            try:
                multipart_fields, files = parse_multipart(body, content_type)
            except MultipartError:
                multipart_fields = {}
            fields = list(multipart_fields.items())

        # Everything that is signed: query, body fields (not files) and the oauth header parameters.
        signed_params = query + fields + header_oauth
        params = dict(query + fields + header_oauth)

        if path == REST_PATH:
            endpoint, call_name = "rest", params.get("method", "")
        elif path == UPLOAD_PATH:
            endpoint, call_name = "upload", "upload"
        elif path == REPLACE_PATH:
            endpoint, call_name = "replace", "replace"
        elif path in (REQUEST_TOKEN_PATH, ACCESS_TOKEN_PATH, AUTHORIZE_PATH):
            endpoint, call_name = "oauth", "oauth." + path.rsplit("/", 1)[1]
        elif path == INSPECT_STATE_PATH and http_method == "GET":
            # Not Flickr: lets a test or benchmark in another process read the state.
            return Outcome(200, json.dumps(self.state.snapshot()).encode(), "application/json")
        elif path == INSPECT_CALLS_PATH and http_method == "GET":
            return Outcome(200, json.dumps(self.calls_by_method()).encode(), "application/json")
        else:
            return Outcome(404, b"<html><body>Not found</body></html>", "text/html")

        record = CallRecord(
            seq=self._next_seq(),
            time=time.time(),
            endpoint=endpoint,
            method=call_name,
            params={k: v for k, v in params.items() if k not in _SECRET_PARAMS},
            http_status=None,
        )
        if "photo" in files:
            record.upload_bytes = len(files["photo"][1])
            record.upload_sha256 = hashlib.sha256(files["photo"][1]).hexdigest()

        rule = self.faults.pick(call_name, params)
        if rule is not None:
            record.fault = rule.kind
            early = self._early_fault(rule, endpoint, params)
            if early is not None:
                record.http_status = None if early.drop else early.status
                if rule.kind.startswith("error"):
                    record.error_code = rule.error_code()
                if "photo" in files:
                    self._keep_received(endpoint, files["photo"][1], params, None, record)
                self._record(record)
                return early
            if rule.kind == "slow" and rule.phase == "before":
                time.sleep(rule.delay)

        outcome = self._process(endpoint, call_name, http_method, url, signed_params, params, files, record)
        if "photo" in files:
            self._keep_received(endpoint, files["photo"][1], params, outcome, record)

        if rule is not None and rule.kind == "slow" and rule.phase == "after":
            time.sleep(rule.delay)
        if rule is not None and rule.kind == "commit_then_drop":
            outcome = Outcome(drop=True)
        record.http_status = None if outcome.drop else outcome.status
        self._record(record)
        return outcome

    def _keep_received(
        self, endpoint: str, data: bytes, params: dict[str, str], outcome: Outcome | None, record: CallRecord
    ) -> None:
        photo_id = None
        if outcome is not None and outcome.status == 200 and record.error_code is None and record.applied:
            if endpoint == "replace":
                photo_id = params.get("photo_id")
            else:
                match = re.search(rb"<(photoid|ticketid)[^>]*>([^<]+)</", outcome.body)
                if match:
                    value = match.group(2).decode()
                    photo_id = (
                        self.state.tickets.get(value, value) if match.group(1) == b"ticketid" else value
                    )
        with self.state.lock:
            self.state.received_files.append(ReceivedFile(endpoint, data, photo_id, record.seq))

    def _early_fault(self, rule: FiredFault, endpoint: str, params: dict[str, str]) -> Outcome | None:
        kind = rule.kind
        if kind == "http429":
            return Outcome(
                429,
                b"<html><body>Too Many Requests</body></html>",
                "text/html",
                {"Retry-After": str(rule.retry_after)},
            )
        if kind in ("http500", "http502", "http503"):
            status = int(kind[4:])
            headers = {"Retry-After": str(rule.retry_after)} if status == 503 else {}
            return Outcome(status, f"<html><body>HTTP {status}</body></html>".encode(), "text/html", headers)
        if kind.startswith("error"):
            error = ApiError(rule.error_code(), rule.error_message())
            return self._api_error(endpoint, params, error)
        if kind == "drop":
            return Outcome(drop=True)
        return None

    def _api_error(self, endpoint: str, params: dict[str, str], error: ApiError) -> Outcome:
        if endpoint == "rest" and params.get("format") == "json":
            callback = (
                None if params.get("nojsoncallback") == "1" else params.get("jsoncallback", "jsonFlickrApi")
            )
            return Outcome(200, render_json_fail(error, callback), "application/json; charset=utf-8")
        return Outcome(200, render_xml_fail(error))

    def _process(
        self,
        endpoint: str,
        call_name: str,
        http_method: str,
        url: str,
        signed_params: list[tuple[str, str]],
        params: dict[str, str],
        files: dict[str, tuple[str, bytes]],
        record: CallRecord,
    ) -> Outcome:
        try:
            if endpoint == "oauth":
                return self._oauth_endpoint(call_name, http_method, url, signed_params, params, record)
            with self.state.lock:
                token, app = self._authenticate(http_method, url, signed_params, params, endpoint)
                user = self.state.users[token.user_nsid] if token else None
                perms = token.perms if token else "none"
                record.user = user.nsid if user else None
                record.perms = perms
                self._check_rate(app.key)
                if endpoint == "rest":
                    return self._rest(call_name, params, user, perms, token, record)
                if not perms_allow(perms, "write"):
                    raise ApiError(
                        99, f"Insufficient permissions. Method requires write privileges; {perms} granted."
                    )
                fields = {k: v for k, v in params.items() if not k.startswith("oauth_")}
                handler = handle_upload if endpoint == "upload" else handle_replace
                assert user is not None
                record.applied = True
                body = handler(
                    self.state,
                    user,
                    fields,
                    files,
                    self.max_photo_bytes,
                    self.accepted_filetypes,
                    self.state.tickets,
                )
                return Outcome(200, render_xml_ok(body))
        except OAuthProblem as problem:
            record.oauth_problem = problem.problem
            return Outcome(problem.status, problem.body(), "text/plain; charset=utf-8")
        except ApiError as error:
            record.error_code = error.code
            return self._api_error(endpoint, params, error)
        except _RateLimited:
            return Outcome(
                429, b"<html><body>Too Many Requests</body></html>", "text/html", {"Retry-After": "60"}
            )

    def _check_rate(self, app_key: str) -> None:
        if self.rate_limit_per_hour is None:
            return
        window = self._rate_window.setdefault(app_key, collections.deque())
        clock = time.monotonic()
        while window and clock - window[0] > 3600:
            window.popleft()
        if len(window) >= self.rate_limit_per_hour:
            raise _RateLimited()
        window.append(clock)

    def _verify_signature(
        self,
        http_method: str,
        url: str,
        signed_params: list[tuple[str, str]],
        consumer_secret: str,
        token_secret: str,
        params: dict[str, str],
    ) -> None:
        if params.get("oauth_signature_method", "HMAC-SHA1") != "HMAC-SHA1":
            raise OAuthProblem("signature_method_rejected")
        for required in ("oauth_nonce", "oauth_timestamp"):
            if not params.get(required):
                raise OAuthProblem("parameter_absent", {"oauth_parameters_absent": required})
        try:
            timestamp = int(params["oauth_timestamp"])
        except ValueError:
            raise OAuthProblem("timestamp_refused") from None
        if abs(timestamp - time.time()) > self.timestamp_window:
            raise OAuthProblem("timestamp_refused")
        base = oauth.signature_base_string(
            http_method, url, [(k, v) for k, v in signed_params if k != "oauth_signature"]
        )
        expected = oauth.hmac_sha1_signature(base, consumer_secret, token_secret)
        if not oauth.signatures_equal(expected, params.get("oauth_signature", "")):
            raise OAuthProblem("signature_invalid", {"debug_sbs": base})
        nonce_key = (params.get("oauth_consumer_key", ""), params["oauth_nonce"], params["oauth_timestamp"])
        if nonce_key in self._nonces:
            raise OAuthProblem("nonce_used")
        # Remember nonces only as long as their timestamp could still be accepted.
        horizon = time.time() - 2 * self.timestamp_window
        if len(self._nonces) > 10000:
            self._nonces = {k: v for k, v in self._nonces.items() if v >= horizon}
        self._nonces[nonce_key] = timestamp

    def _authenticate(
        self,
        http_method: str,
        url: str,
        signed_params: list[tuple[str, str]],
        params: dict[str, str],
        endpoint: str,
    ) -> tuple[AccessToken | None, App]:
        """Check key, signature and token of an API call; the token is None for unsigned calls."""
        if "oauth_signature" not in params:
            if "api_sig" in params:
                raise ApiError(96, "Invalid signature")
            app = self.state.apps.get(params.get("api_key", ""))
            if app is None:
                raise ApiError(100, "Invalid API Key (Key not found)")
            if "oauth_token" in params:
                raise ApiError(97, "Missing signature")
            return None, app
        app = self.state.apps.get(params.get("oauth_consumer_key", ""))
        if app is None:
            raise ApiError(100, "Invalid API Key (Key not found)")
        if params.get("api_key") and params["api_key"] != app.key:
            raise ApiError(100, "Invalid API Key (Key not found)")
        token_value = params.get("oauth_token")
        token = None
        token_secret = ""
        if token_value:
            token = self.state.access_tokens.get(token_value)
            if token is None or token.app_key != app.key:
                raise OAuthProblem("token_rejected")
            token_secret = token.secret
        self._verify_signature(http_method, url, signed_params, app.secret, token_secret, params)
        if token is not None and token.revoked:
            if self.revoked_token_answer == "token_rejected":
                raise OAuthProblem("token_rejected")
            raise ApiError(98, "Invalid auth token")
        return token, app

    def _rest(
        self,
        call_name: str,
        params: dict[str, str],
        user: User | None,
        perms: str,
        token: AccessToken | None,
        record: CallRecord,
    ) -> Outcome:
        fmt = params.get("format", "rest") or "rest"
        if fmt not in ("rest", "json"):
            raise ApiError(111, f'Format "{fmt}" not found')
        spec = METHODS.get(call_name)
        if spec is None:
            raise ApiError(112, f'Method "{call_name}" not found')
        if not perms_allow(perms, spec.perms):
            raise ApiError(
                99, f"Insufficient permissions. Method requires {spec.perms} privileges; {perms} granted."
            )
        # oauth_token stays: flickr.auth.oauth.checkToken takes it as its argument.
        call_params = {
            k: v
            for k, v in params.items()
            if (k == "oauth_token" or not k.startswith("oauth_")) and k not in ("api_key", "method")
        }
        call = Call(call_params, user, perms, token.token if token else None, self.state)
        record.applied = PERM_LEVELS[spec.perms] >= PERM_LEVELS["write"]
        body = spec.handler(call)
        if fmt == "json":
            callback = (
                None if params.get("nojsoncallback") == "1" else params.get("jsoncallback", "jsonFlickrApi")
            )
            return Outcome(
                200, render_json_ok(body, callback, spec.json_list_tags), "application/json; charset=utf-8"
            )
        return Outcome(200, render_xml_ok(body))

    # --- OAuth endpoints -----------------------------------------------------------------------
    def _oauth_endpoint(
        self,
        call_name: str,
        http_method: str,
        url: str,
        signed_params: list[tuple[str, str]],
        params: dict[str, str],
        record: CallRecord,
    ) -> Outcome:
        if call_name == "oauth.authorize":
            return self._authorize_page(params)
        with self.state.lock:
            app = self.state.apps.get(params.get("oauth_consumer_key", ""))
            if app is None:
                raise OAuthProblem("consumer_key_unknown")
            if "oauth_signature" not in params:
                raise OAuthProblem("parameter_absent", {"oauth_parameters_absent": "oauth_signature"})
            if call_name == "oauth.request_token":
                callback = params.get("oauth_callback")
                if not callback:
                    raise OAuthProblem("parameter_absent", {"oauth_parameters_absent": "oauth_callback"})
                self._verify_signature(http_method, url, signed_params, app.secret, "", params)
                token = RequestToken(oauth.new_token(), oauth.new_secret(), app.key, callback, time.time())
                self.state.request_tokens[token.token] = token
                body = urlencode(
                    {
                        "oauth_callback_confirmed": "true",
                        "oauth_token": token.token,
                        "oauth_token_secret": token.secret,
                    }
                )
                return Outcome(200, body.encode(), "text/plain; charset=utf-8")
            # access_token
            request_token = self.state.request_tokens.get(params.get("oauth_token", ""))
            if request_token is None or request_token.app_key != app.key:
                raise OAuthProblem("token_rejected")
            self._verify_signature(http_method, url, signed_params, app.secret, request_token.secret, params)
            verifier = params.get("oauth_verifier")
            if not verifier:
                raise OAuthProblem("parameter_absent", {"oauth_parameters_absent": "oauth_verifier"})
            if request_token.verifier is None or verifier != request_token.verifier:
                raise OAuthProblem("verifier_invalid")
            del self.state.request_tokens[request_token.token]  # single use
            assert request_token.user_nsid is not None and request_token.perms is not None
            access = AccessToken(
                oauth.new_token(), oauth.new_secret(), app.key, request_token.user_nsid, request_token.perms
            )
            self.state.access_tokens[access.token] = access
            user = self.state.users[access.user_nsid]
            record.user = user.nsid
            record.perms = access.perms
            body = urlencode(
                {
                    "fullname": user.fullname,
                    "oauth_token": access.token,
                    "oauth_token_secret": access.secret,
                    "user_nsid": user.nsid,
                    "username": user.username,
                }
            )
            return Outcome(200, body.encode(), "text/plain; charset=utf-8")

    def _authorize_page(self, params: dict[str, str]) -> Outcome:
        with self.state.lock:
            token = self.state.request_tokens.get(params.get("oauth_token", ""))
            if token is None:
                return Outcome(
                    400, b"<html><body>Unknown or expired request token.</body></html>", "text/html"
                )
            perms = params.get("perms", "read")
            if perms in ("read", "write", "delete"):
                token.perms = perms
            if self.auto_approve is None and token.verifier is None:
                page = (
                    f"<html><body><p>Flickr emulator: this app asks for <b>{token.perms}</b> permission.</p>"
                    f"<p>Approve it with FlickrEmulator.approve({token.token!r}).</p></body></html>"
                )
                return Outcome(200, page.encode(), "text/html; charset=utf-8")
            verifier = token.verifier or self.approve(
                token.token, token.perms, None if self.auto_approve in ("", "default") else self.auto_approve
            )
            if token.callback != "oob":
                sep = "&" if "?" in token.callback else "?"
                location = f"{token.callback}{sep}{urlencode({'oauth_token': token.token, 'oauth_verifier': verifier})}"
                return Outcome(302, b"", "text/html", {"Location": location})
            page = f"<html><body><p>Your verification code:</p><p id='verifier'>{verifier}</p></body></html>"
            return Outcome(200, page.encode(), "text/html; charset=utf-8")


class _RateLimited(Exception):
    pass


__all__ = ["FlickrEmulator", "CallRecord", "OAuthProblem", "Node"]
