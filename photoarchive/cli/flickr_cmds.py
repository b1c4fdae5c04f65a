"""`photoarchive flickr login|logout|status` and `photoarchive sync [--dry-run] [--request]`: on a
shared catalog a machine without the Flickr sign-in asks the sync service through the catalog."""

from __future__ import annotations

import argparse
import sys
import time

from photoarchive.cli.context import home_and_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    flickr = subparsers.add_parser("flickr", parents=[common], help="sign in to the Flickr account")
    sub = flickr.add_subparsers(dest="flickr_command", metavar="FLICKRCOMMAND", required=True)
    login = sub.add_parser("login", parents=[common], help="sign in (shows a URL, then asks for the code)")
    login.set_defaults(handler=_login)
    logout = sub.add_parser("logout", parents=[common], help="forget the stored sign-in")
    logout.set_defaults(handler=_logout)
    status = sub.add_parser("status", parents=[common], help="show whether the sign-in works")
    status.set_defaults(handler=_status)

    sync = subparsers.add_parser(
        "sync",
        parents=[common],
        help="bring Flickr in line with the approved sets (exit 1 if a photo failed)",
    )
    sync.add_argument("--dry-run", action="store_true", help="show what would be done, change nothing")
    sync.add_argument(
        "--workers", type=int, default=None, help="parallel uploads (default: 1, or 4 with no rate limit)"
    )
    sync.add_argument(
        "--request",
        action="store_true",
        help="ask the sync service (the machine holding the Flickr sign-in) instead of syncing here; "
        "the default on a shared catalog without a sign-in on this machine",
    )
    sync.add_argument("--no-wait", action="store_true", help="with a request: queue it and return at once")
    sync.add_argument("--requests", action="store_true", help="list the latest sync requests and stop")
    sync.set_defaults(handler=_sync)


def _login(args: argparse.Namespace) -> int:
    from photoarchive.flickr.account import LoginSession

    home, settings = home_and_settings(args)
    session = LoginSession(home, settings)
    url = session.start()
    print("Open this address in a browser, sign in to the district's Flickr account and allow the app:")
    print(f"  {url}")
    print("Then paste the verification code Flickr shows and press Enter.")
    print("Code: ", end="", flush=True)
    code = sys.stdin.readline()
    account, where = session.finish(code)
    print(f"Signed in as {account.username} ({account.user_nsid}), permission: {session.perms}.")
    if session.limits is not None:
        print(_limits_line(session.limits))
    if where == "the system credential store":
        print("The sign-in is kept in the system credential store.")
    else:
        print(
            f"Warning: no system credential store is available; the sign-in is kept in {where}, "
            "readable only by you."
        )
    return 0


def _logout(args: argparse.Namespace) -> int:
    from photoarchive.flickr.account import logout

    home, settings = home_and_settings(args)
    print("Signed out of Flickr." if logout(home, settings) else "There was no stored sign-in.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.flickr.account import status
    from photoarchive.flickr.ratelimit import HOURLY_LIMIT

    home, settings = home_and_settings(args)
    # The hour's calls: the shared catalog's count for every runner of the key, or this home's file.
    state = status(home, settings, catalog=Catalog.for_home(home))
    if not state.configured:
        print(state.problem)
        return 1
    if not state.signed_in:
        print(f"Not signed in to Flickr. {state.problem}".strip())
        return 1
    assert state.account is not None
    print(f"Signed in as {state.account.username} ({state.account.user_nsid}), permission: {state.perms}.")
    if state.limits is not None:
        print(_limits_line(state.limits))
    print(f"Calls to Flickr in the last hour: {state.calls_this_hour:,} of {HOURLY_LIMIT:,} allowed.")
    return 0


def _limits_line(limits) -> str:  # limits: AccountLimits
    size = f" Largest file: {limits.max_file_bytes / 1e6:.0f} MB." if limits.max_file_bytes else ""
    if limits.pro:
        return f"Pro account: photos are replaced in place when their file changes.{size}"
    return (
        f"A free account: {limits.photos:,} photo(s) on Flickr, room for {limits.photos_left:,} more photo(s); "
        f"a changed photo keeps its image (free accounts cannot replace).{size}"
    )


def _sync(args: argparse.Namespace) -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.flickr.desk import publishes_here
    from photoarchive.flickr.sync import SyncControl, Syncer

    home, settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    if args.requests:
        return _list_requests(catalog)
    if not args.dry_run and (args.request or not publishes_here(home, settings, catalog)):
        return _request_sync(catalog, wait=not args.no_wait)
    control = SyncControl(on_progress=_progress_printer() if not args.dry_run else None)
    syncer = Syncer.for_home(
        catalog, home, settings, control=control, workers=args.workers, require_sign_in=not args.dry_run
    )
    if syncer.client is None:
        print("(not signed in: planning from what this archive knows, without looking at Flickr)")
    try:
        if catalog.is_shared and not args.dry_run:
            # Run here as a request, so every desk follows this sync too.
            from photoarchive.flickr.desk import sync_here
            from photoarchive.flickr.sync import SyncReport

            login = catalog.identity().login
            outcome = sync_here(catalog, home, settings, login, lambda _control: syncer, control)
            if not isinstance(outcome, SyncReport):
                print(f"Another sync of this archive is running; request {outcome.id} waits for it.")
                return _follow_request(catalog, outcome)
            report = outcome
        else:
            report = syncer.run(dry_run=args.dry_run)
    except KeyboardInterrupt:
        control.cancel()
        raise
    finally:
        syncer.close()
        if sys.stderr.isatty():
            print(file=sys.stderr)
    for message in report.messages:
        print(message.text())
    plan = report.plan
    if args.dry_run:
        if not plan:
            print("Nothing to do: Flickr matches the approved sets.")
        for action in plan.actions:
            print(f"  {action.describe()}")
        print(f"{len(plan.actions)} action(s) planned, {len(plan.uploads)} upload(s).")
        if plan.unconfirmed:
            print(
                f"{len(plan.unconfirmed)} upload(s) whose answer was lost are not confirmed yet; "
                "the next sync searches for them before sending anything again."
            )
        return 0
    print(
        f"Sync done: {report.uploaded} uploaded, {report.actions_done} change(s), "
        f"{len(report.published_sets)} set(s) published, {len(report.unpublished_sets)} taken down, "
        f"{report.calls} Flickr call(s)."
    )
    if report.reconciled:
        print(f"Settled {report.reconciled} write(s) an interrupted sync had left open.")
    for failure in report.failed:
        print(f"  photo {failure.photo_id} failed: {failure.reason}")
    if report.unconfirmed:
        print(
            f"{len(report.unconfirmed)} upload(s) whose answer was lost are not confirmed yet; "
            "run sync again later (they are not sent twice)."
        )
    for sha in plan.skipped_failed:
        print(f"  skipped {sha[:12]}…: Flickr refused this file before")
    return 1 if report.failed or report.unconfirmed else 0


def _progress_printer():
    """A one-line progress display on a terminal; nothing when output is redirected."""
    if not sys.stderr.isatty():
        return None

    def show(progress) -> None:  # progress: SyncProgress
        mb = progress.bytes_sent / 1e6
        total = progress.bytes_total / 1e6
        if progress.waiting_until:
            resume = time.strftime("%H:%M", time.localtime(progress.waiting_until))
            line = f"\rFlickr's hourly call limit is reached: waiting until {resume}"
            print(f"{line:<100}", end="", file=sys.stderr, flush=True)
            return
        line = (
            f"\r{progress.phase}: {progress.photos_done}/{progress.photos_total} photos, "
            f"{mb:.1f}/{total:.1f} MB  {progress.current_file[:40]}"
        )
        print(f"{line:<100}", end="", file=sys.stderr, flush=True)

    return show


def _request_sync(catalog, *, wait: bool) -> int:  # catalog: Catalog
    """Queue a sync request for the service and, unless told not to, follow it to the end."""
    from photoarchive.flickr.desk import ask_for_sync

    request = ask_for_sync(catalog, catalog.identity().login)
    print(f"Sync request {request.id} queued for the sync service.", flush=True)
    if not wait:
        return 0
    return _follow_request(catalog, request)


def _follow_request(catalog, request) -> int:  # catalog: Catalog, request: SyncRequest
    """Print a request's log as the service writes it, until it ends; exit as `sync` does."""
    from photoarchive.catalog.sync_requests import RequestState
    from photoarchive.flickr.desk import follow

    seen = 0
    while True:
        request, lines = follow(catalog, request.id, after=seen)
        for entry in lines:
            print(f"  {entry.text}", flush=True)
            seen = entry.id
        if not request.is_open:
            break
        time.sleep(1.0)
    if request.state is RequestState.DONE:
        params = request.outcome.get("params", {})
        return 1 if params.get("failed") or params.get("unconfirmed") else 0
    print(request.outcome.get("text", "The sync failed."), file=sys.stderr)
    return 1


def _list_requests(catalog) -> int:  # catalog: Catalog
    from photoarchive.flickr.desk import requests_of

    for request in requests_of(catalog).recent(20):
        when = request.requested_at.strftime("%Y-%m-%d %H:%M:%S")
        outcome = request.outcome.get("text", "")
        print(
            f"{request.id:>6}  {when} UTC  {request.reason:<8} {request.requested_by:<12} "
            f"{request.state.value:<8} {outcome}"
        )
    return 0


def start_publishing(home, settings, catalog):  # -> ServiceLoop | None
    """`watch` on the machine holding the Flickr sign-in: the sync service runs beside the watcher."""
    from photoarchive.flickr.service import ServiceLoop, SyncService

    sync_service = SyncService(catalog, home, settings)
    if not sync_service.can_publish():
        print(
            "No Flickr sign-in on this machine: sync requests are left to the machine that holds it.",
            file=sys.stderr,
            flush=True,
        )
        return None
    loop = ServiceLoop(sync_service)
    loop.start()
    every = settings.flickr.sync_every_minutes
    print(
        "Publishing to Flickr: sync requests and approvals"
        + (f", and every {every} minutes." if every else "."),
        file=sys.stderr,
        flush=True,
    )
    return loop
