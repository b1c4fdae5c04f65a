"""A desk's side of the sync service: whether "Sync now" runs on this machine, asking the service
through the catalog, following a request, and running one here where the sign-in is."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from photoarchive.catalog.sync_requests import RequestState, SyncLogEntry, SyncRequest, SyncRequestStore
from photoarchive.flickr.errors import FlickrProblem
from photoarchive.flickr.progress import SyncControl, SyncProgress, SyncReport

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog
    from photoarchive.flickr.sync import Syncer
    from photoarchive.home import Home
    from photoarchive.settings import Settings


def requests_of(catalog: Catalog) -> SyncRequestStore:
    return SyncRequestStore(catalog.engine)


def publishes_here(home: Home, settings: Settings, catalog: Catalog, *, token_backend: Any = None) -> bool:
    """Whether "Sync now" runs on this machine: always on a desk's own catalog; on the shared catalog
    only where the Flickr sign-in is stored (the service machine), else it is a request."""
    if not catalog.is_shared:
        return True
    return has_sign_in(home, settings, token_backend=token_backend)


def has_sign_in(home: Home, settings: Settings, *, token_backend: Any = None) -> bool:
    from photoarchive.flickr.client import Credentials
    from photoarchive.flickr.errors import FlickrNotConfigured
    from photoarchive.flickr.tokens import TokenStore

    try:
        key = Credentials.from_settings(settings).api_key
    except FlickrNotConfigured:
        return False
    return TokenStore(home, key, token_backend).load() is not None


def ask_for_sync(catalog: Catalog, actor: str, *, set_ids: tuple[int, ...] = ()) -> SyncRequest:
    """An editor's "Sync now" from a desk without the sign-in. A request still waiting in the queue
    already covers everything approved (a sync brings every approved set in line), so it is joined
    rather than doubled."""
    if catalog.is_shared:
        # The server refuses it too (migration 0007); asked first, to say so in the user's words.
        who = catalog.identity()
        if not (who.superuser or "editor" in who.roles):
            raise FlickrProblem.coded("request_not_editor", login=who.login)
    store = requests_of(catalog)
    for request in store.open_requests():
        if request.state is RequestState.QUEUED:
            return request
    found = store.get(store.add(reason="manual", requested_by=actor, set_ids=set_ids))
    assert found is not None
    return found


def sync_here(
    catalog: Catalog,
    home: Home,
    settings: Settings,
    actor: str,
    make_syncer: Callable[[SyncControl], Syncer],
    control: SyncControl,
) -> SyncReport | SyncRequest:
    """ "Sync now" on a shared catalog at a machine that holds the sign-in: the sync runs here, but as a
    request, so every desk follows it. Returns the report; or the request, still queued, when another
    runner holds the archive's sync (it runs the request next; the caller follows it)."""
    from photoarchive.flickr.service import SyncService

    request = ask_for_sync(catalog, actor)
    service = SyncService(catalog, home, settings, actor=actor, make_syncer=make_syncer)
    if service.run_next(control=control) is None:
        return request
    if service.last_error is not None:
        raise service.last_error
    assert service.last_report is not None
    return service.last_report


def follow(catalog: Catalog, request_id: int, *, after: int = 0) -> tuple[SyncRequest, list[SyncLogEntry]]:
    """The request as it is now and its log lines after line `after` (a desk polls this)."""
    store = requests_of(catalog)
    request = store.get(request_id)
    if request is None:
        raise FlickrProblem(f"There is no sync request {request_id}.")
    return request, store.log(request_id, after=after)


def progress_of(request: SyncRequest) -> SyncProgress:
    fields = {f.name for f in dataclasses.fields(SyncProgress)}
    return SyncProgress(**{k: v for k, v in request.progress.items() if k in fields})
