"""A local emulation of the Flickr API on 127.0.0.1, for tests and benchmarks; nothing leaves the machine.

Faithful to Flickr's documented behaviour where the project depends on it: OAuth 1.0a (HMAC-SHA1,
verified on every request), the REST XML/JSON envelopes and error codes, permissions, uploads,
photosets and machine tags. Drive it through the real ``flickrapi`` client.

Quick start::

    from flickr_emulator import FlickrEmulator

    with FlickrEmulator() as emu:                      # ThreadingHTTPServer on 127.0.0.1:<ephemeral>
        emu.register_app("KEY", "SECRET")
        token, secret = emu.grant_token("delete")       # or the oob flow below
        flickr = flickrapi.FlickrAPI("KEY", "SECRET", token=flickrapi.auth.FlickrAccessToken(
            token, secret, "delete", "", emu.default_user.username, emu.default_user.nsid), timeout=5)
        emu.configure_flickrapi(flickr)                 # or set the URLs yourself, see below
        flickr.test.login()

Pointing a client at it
    ``emu.base_url`` is ``http://127.0.0.1:PORT``; the endpoints are ``/services/rest/``,
    ``/services/upload/``, ``/services/replace/``, ``/services/oauth/request_token``,
    ``/services/oauth/authorize`` and ``/services/oauth/access_token`` (also as ``emu.rest_url``,
    ``upload_url``, ``replace_url``, ``request_token_url``, ``authorize_url``, ``access_token_url``).
    With flickrapi 2.4 set, on the instance: ``flickr.REST_URL``, ``flickr.UPLOAD_URL``,
    ``flickr.REPLACE_URL``, ``flickr.flickr_oauth.REQUEST_TOKEN_URL``, ``.AUTHORIZE_URL``,
    ``.ACCESS_TOKEN_URL`` (``emu.configure_flickrapi(flickr)`` does exactly that).
    ``emu.environment(app_key=None)`` gives ``PHOTOARCHIVE_FLICKR_BASE``/``_KEY``/``_SECRET`` for a
    photoarchive subprocess (the emulator then runs in the test process, so its state stays inspectable
    while the client is killed and restarted).

Construction: ``FlickrEmulator(port=0, *, user=(nsid, username, fullname), timestamp_window=300,
max_photo_bytes=200 MB, accepted_filetypes=("jpg","png","gif","tiff","heic","webp"),
auto_approve=None, rate_limit_per_hour=None, revoked_token_answer="error98", search_index_lag=0.0)``.
``rate_limit_per_hour``: per API key, HTTP 429 beyond it (Flickr's limit is 3,600).
``search_index_lag``: seconds before a new upload shows up in photos.search (getInfo sees it at once),
as Flickr's search index lags; also settable later as ``emu.state.search_index_lag``, measured on
``emu.state.clock`` (``time.time``; a test sets a fake clock to lag by minutes without waiting).

Accounts: ``set_account(nsid=None, pro=…, max_file_bytes=…)``. A free account gets replace error 1
"Not a pro account" and upload error 6 at 1,000 photos; ``flickr.people.getUploadStatus`` tells
``ispro`` and the file limit. Upload ``dedup_check=1|2`` answers error 9 with ``duplicate_photo_id`` on
``<err>`` for identical bytes. The owner's edits on flickr.com: ``delete_photo(id)``,
``take_out_of_album(set_id, photo_id)``, ``edit_photo(id, title=, description=, is_public=…)``.
``state.getlist_page_cap`` caps photosets.getList pages (the docs warn unpaged answers may change).
``start()``/``stop()`` or use it as a context manager. ``emu.default_user`` is the account
(``User(nsid, username, fullname)``); ``add_user(nsid, username, fullname)`` adds more.

Apps and sign-in
    ``register_app(key, secret)``; an unknown key gets error 100.
    oob flow: the client's ``request_token`` (``oauth_callback=oob``) → authorize URL → the test plays
    the user with ``approve(request_token, perms=None, user_nsid=None) -> verifier`` or
    ``approve_url(authorize_url) -> verifier`` (perms taken from the URL) → ``access_token`` returns
    ``fullname, oauth_token, oauth_token_secret, user_nsid, username``. ``pending_authorizations()``
    lists request tokens awaiting approval; ``deny(request_token)``. With ``auto_approve="default"``
    (or a user NSID) visiting the authorize URL approves at once and shows the code (standalone use).
    ``grant_token(perms="delete", *, app_key=None, user_nsid=None) -> (token, secret)`` skips the flow;
    ``revoke_token(token)`` makes later calls with it fail with error 98 "Invalid auth token"
    (``revoked_token_answer="token_rejected"`` answers HTTP 401 instead).
    Every request is verified: bad signature → HTTP 401 ``oauth_problem=signature_invalid&debug_sbs=…``;
    unknown token → 401 ``token_rejected``; replayed nonce → 401 ``nonce_used``; timestamp off by more
    than ``timestamp_window`` s → 401 ``timestamp_refused``. Upload/replace are signed over every
    multipart field except ``photo``. Unsigned calls with ``api_key=`` work for public, read-only methods.
    Permissions ``none < read < write < delete`` per method; too low → error 99.

REST methods (``format=rest`` XML by default, or ``format=json`` with/without ``nojsoncallback=1``;
other formats → 111; unknown method → 112)
    flickr.test.echo, .test.login, .test.null, flickr.auth.oauth.checkToken,
    flickr.photos.search (user_id incl. ``me``, tags + tag_mode, machine_tags + machine_tag_mode with
    Flickr's wildcards ``ns:``, ``ns:pred=``, ``*:pred=value``, ``=value``; text, min/max_upload_date,
    privacy_filter, sort date-posted-asc/desc, extras, page/per_page ≤ 500; no criteria → error 3),
    flickr.people.getPhotos, flickr.photos.getInfo, .setMeta, .setTags, .addTags, .removeTag,
    .setPerms, .getPerms, .delete (delete perms), .getAllContexts, .licenses.getInfo,
    .licenses.setLicense (7 and 8 → 4 "License not available"), .upload.checkTickets,
    flickr.photosets.create (primary_photo_id required, new album first in the list), .addPhoto
    (appends; 3 "Photo already in set"), .removePhoto, .removePhotos, .reorderPhotos, .editPhotos, .editMeta, .setPrimaryPhoto, .getList, .getPhotos, .getInfo, .delete, .orderSets,
    flickr.groups.pools.add / .remove / .getPhotos (groups made with ``add_group``; a moderated pool
    answers 6 and queues the photo), flickr.reflection.getMethods.
    Flickr's rules kept: an album emptied by removing/deleting its last photo disappears; deleting a
    photo takes it out of albums and pools; removing the primary makes the next photo primary.

Uploads (``/services/upload/``, multipart; title, description, tags, is_public, is_friend, is_family,
hidden, safety_level, content_type, async) store the exact bytes and answer
``<photoid>ID</photoid>`` (or ``<ticketid>`` with async=1). Errors: 2 no photo, 4 zero bytes,
5 not an image (JPEG/PNG/GIF/TIFF/HEIC/WebP by magic bytes), 8 too large, 99 without write perms.
``/services/replace/`` (photo_id + photo) answers ``<photoid secret= originalsecret=>``.
Tags: space-separated, double quotes group words; clean form lower-case letters/digits;
machine tags ``ns:pred=value`` keep their structure, lower-cased (raw form kept as sent).

Inspection
    ``emu.state`` (:class:`~flickr_emulator.model.EmulatorState`): ``photos`` {id: Photo(id, owner,
    title, description, tags [Tag(id, raw, clean, machine, author)], is_public, is_friend, is_family,
    license, data (exact bytes), filetype, upload_seq, safety_level, content_type, hidden, …)},
    ``photosets`` {id: Photoset(id, owner, title, description, primary, photo_ids (ordered))},
    ``groups`` {id: Group(id, name, pool, pending)}, ``deleted_photo_ids``, ``received_files``
    [ReceivedFile(endpoint, data, photo_id or None, call_seq)]: every file the upload/replace endpoints
    received, including refused, dropped and later deleted ones (scan these for personal data);
    helpers ``photos_in_upload_order()``, ``photos_with_machine_tag("ns:pred=value")``,
    ``photos_by_machine_tag("photoarchive", "sha256") -> {value: [Photo]}`` (duplicates show as lists
    longer than one), ``photoset_by_title()``, ``sets_containing(photo_id)``, ``snapshot()``
    (JSON-able). Hold ``emu.state.lock`` to read while clients run. Seed state with
    ``add_photo(bytes, **upload_fields)``, ``add_photoset(title, ids)``, ``delete_photo(id)``.
    ``emu.call_log``: [CallRecord(seq, time, endpoint, method, params (no secrets), http_status (None if
    dropped), error_code, oauth_problem, fault, user, perms, applied, upload_bytes, upload_sha256)];
    ``calls(method=None)``, ``calls_by_method(include_faulted=True) -> {method: count}``,
    ``reset_call_log()``. ``emu.errors`` collects tracebacks of emulator bugs (assert it stays empty).

Fault injection: ``emu.faults.inject(method="*"|"upload"|"replace"|"flickr.x.y"|fnmatch pattern,
kind=…, times=N, probability=p, seed=…, after=N, delay=s, phase="before"|"after", retry_after=s,
code=…, message=…, params={…}) -> FaultRule`` (``rule.matched``/``rule.fired`` count),
``faults.clear()``, ``faults.remove(rule)``. Kinds: http429 (Retry-After), http500/502/503,
error105/106/201, error (any code), slow, drop, commit_then_drop (write applied, then the connection closes with no answer), chaos
(a random kind per firing). ``faults.chaos(probability, seed=…, method="*", kinds=CHAOS_KINDS,
delay=0.2, phase="after")`` is the one-liner for a run under random faults. A rule without ``times``
and ``probability`` fires once. The call log marks each faulted call (``record.fault``). See ``faults``.

Standalone: ``PYTHONPATH=tests python -m flickr_emulator --port 8765 --key K --secret S
[--auto-approve] [--grant delete] [--group ID=NAME] [--fault METHOD:KIND[:key=value,...]]
[--search-lag S] [--free] [--dump state.json]`` prints the base URL (and with ``--grant`` a JSON line with
token, token_secret, user_nsid …); stops on Ctrl+C, SIGTERM or a ``quit`` line on stdin, then dumps.
From another process, ``GET /emulator/state`` returns ``state.snapshot()`` as JSON and
``GET /emulator/calls`` returns ``calls_by_method()`` (emulator-only paths, not Flickr's).

flickrapi gotchas seen while building this (they matter to the real client): ``OAuthFlickrInterface``
shares one ``requests.Session`` between all instances (class attribute ``session``); the on-disk
token cache also keeps a process-wide RAM copy keyed by API key (``OAuthTokenCache.RAM_CACHE``), so
a token "cached" by one instance shows up in another whatever ``token_cache_location`` says; a
non-200 answer becomes ``FlickrError('… Status code N received')`` with ``code=None`` (read the
status from the response); a connection dropped mid-call surfaces as ``requests.ConnectionError``,
a timeout as ``requests.Timeout`` (not wrapped).
"""

from .faults import CHAOS_KINDS, FaultInjector, FaultRule
from .faults import KINDS as FAULT_KINDS
from .model import LICENSES, EmulatorState, Group, Photo, Photoset, ReceivedFile, Tag, User
from .server import CallRecord, FlickrEmulator

__all__ = [
    "CHAOS_KINDS",
    "FAULT_KINDS",
    "LICENSES",
    "CallRecord",
    "EmulatorState",
    "FaultInjector",
    "FaultRule",
    "FlickrEmulator",
    "Group",
    "Photo",
    "Photoset",
    "ReceivedFile",
    "Tag",
    "User",
]
