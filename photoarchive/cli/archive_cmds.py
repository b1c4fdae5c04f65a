"""Archive commands: ingest, watch, quarantine, remove, export (list, show and tag are in photo_cmds,
listed between watch and quarantine; `check` is in check_cmds)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from photoarchive.cli import photo_cmds
from photoarchive.cli.context import open_archive as _open
from photoarchive.cli.context import print_json as _print_json

if TYPE_CHECKING:
    from photoarchive.ingest.pipeline import IngestResult
    from photoarchive.ingest.watcher import InboxStatus


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "ingest",
        parents=[common],
        help="archive files and folders once",
        description="Archive files and folders once. Exit 0 when everything was archived or recognised as a "
        "duplicate, 1 when some files were quarantined or could not be taken, 2 on a usage or fatal error.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--move", action="store_true", help="remove each source once it is safely archived")
    p.add_argument("--json", action="store_true", help="one JSON object per file on standard output")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="files in parallel (default: one per core plus one, at most 4)",
    )
    p.add_argument("--no-faces", action="store_true", help="skip the face detector (no portrait suggestions)")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser(
        "watch",
        parents=[common],
        help="watch the inbox and archive what arrives, until Ctrl-C",
    )
    p.add_argument("--inbox", type=Path, action="append", help="folder to watch (default: from settings)")
    p.add_argument(
        "--no-sync",
        action="store_true",
        help="do not publish to Flickr (by default a machine holding the Flickr sign-in runs the sync "
        "requests, approvals and [flickr] sync_every_minutes)",
    )
    p.set_defaults(handler=cmd_watch)

    photo_cmds.register(sub, common)

    p = sub.add_parser("quarantine", parents=[common], help="list files the archive could not take")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--resolve",
        type=int,
        nargs="+",
        metavar="ID",
        help="mark these as dealt with (off the list; the files stay in the quarantine folder)",
    )
    p.set_defaults(handler=cmd_quarantine)

    p = sub.add_parser(
        "remove",
        parents=[common],
        help="take photos out of the archive (moved to removed/, never deleted)",
        description="Take photos out of the archive: each original moves to removed/<date>/ beside a note "
        "of who, when and why (with its catalog record and history); the catalog forgets it and the audit "
        "log keeps an entry. A photo in a set is kept: take it out of the set first. Exit 0 when all were "
        "removed, 1 when some were kept.",
    )
    p.add_argument("photo_ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--reason", required=True, help="why (kept in the note and the audit log)")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write clean, press-stamped copies of catalog photos",
        description="Write clean, press-stamped copies (personal data stripped, press fields written). "
        "Full size, bit-exact image data by default; --max-size makes a resized web copy.",
    )
    p.add_argument("photo_ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--to", type=Path, required=True, dest="out_dir")
    p.add_argument("--max-size", type=int, default=None, metavar="PX", help="long edge in pixels")
    p.add_argument("--keep-date", action="store_true", help="keep the capture date and time")
    p.set_defaults(handler=cmd_export)


# -- commands -------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from photoarchive.errors import PhotoarchiveError
    from photoarchive.ingest.lock import acquire, ingest_lock
    from photoarchive.ingest.pipeline import Ingestor, Outcome, expand_paths

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise PhotoarchiveError("Not found: " + ", ".join(str(p) for p in missing))
    home, settings, catalog = _open(args)
    ingestor = Ingestor(home, settings, catalog, find_faces=not args.no_faces)
    lock = ingest_lock(home, timeout=120)
    acquire(lock)
    try:
        ingestor.recover()

        def report(result: IngestResult) -> None:
            if args.json:
                print(json.dumps(_result_json(result), ensure_ascii=False), flush=True)
            else:
                stream = sys.stdout if result.outcome in (Outcome.ARCHIVED, Outcome.DUPLICATE) else sys.stderr
                print(result.describe(), file=stream, flush=True)

        results = ingestor.ingest_many(
            expand_paths(args.paths), remove_source=args.move, workers=args.workers, on_result=report
        )
    finally:
        lock.release()
    counts = {o: sum(1 for r in results if r.outcome is o) for o in Outcome}
    if not args.json:
        print(
            f"{counts[Outcome.ARCHIVED]} archived, {counts[Outcome.DUPLICATE]} duplicates, "
            f"{counts[Outcome.QUARANTINED]} quarantined, "
            f"{counts[Outcome.SKIPPED] + counts[Outcome.FAILED]} not taken",
            file=sys.stderr,
        )
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    if failed and all(r.outcome is Outcome.FAILED for r in results):
        raise PhotoarchiveError(failed[0].reason)
    ok = all(r.outcome in (Outcome.ARCHIVED, Outcome.DUPLICATE) for r in results)
    return 0 if ok else 1


def _result_json(result: IngestResult) -> dict[str, Any]:
    return {
        "source": str(result.source),
        "outcome": result.outcome.value,
        "photo_id": result.photo_id,
        "quarantine_id": result.quarantine_id,
        "reason": result.reason,
        "timings_ms": {k: round(v * 1000, 2) for k, v in result.timings.items()},
        "cpu_ms": {k: round(v * 1000, 2) for k, v in result.cpu.items()},
    }


def cmd_watch(args: argparse.Namespace) -> int:
    import threading

    from photoarchive.ingest.service import WatchService

    home, settings, catalog = _open(args)
    stopped = threading.Event()

    def on_result(result: IngestResult) -> None:
        print(result.describe(), flush=True)

    def on_status(status: InboxStatus) -> None:
        print(status.message, file=sys.stderr, flush=True)

    service = WatchService(
        home, settings, catalog, on_result=on_result, on_status=on_status, inbox_folders=args.inbox
    )
    service.start()
    # Case photos get their face regions suggested in the background, never inside the ingest.
    from photoarchive.redaction.background import BackgroundSuggester

    suggester = BackgroundSuggester(catalog, home)
    suggester.start()
    from photoarchive.cli.flickr_cmds import start_publishing

    publisher = None if args.no_sync else start_publishing(home, settings, catalog)
    print("Watching; press Ctrl-C to stop.", file=sys.stderr, flush=True)
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("Stopping (finishing the file in progress)…", file=sys.stderr, flush=True)
    finally:
        if publisher is not None:
            publisher.stop()
        suggester.stop()
        service.stop()
    return 0


def cmd_quarantine(args: argparse.Namespace) -> int:
    home, _settings, catalog = _open(args)
    if args.resolve:
        found = set(catalog.quarantine.resolve(args.resolve))
        unknown = [i for i in args.resolve if i not in found]
        for quarantine_id in unknown:
            print(f"{quarantine_id}: no such quarantined file", file=sys.stderr)
        print(f"{len(found)} marked as dealt with", file=sys.stderr)
        return 1 if unknown else 0
    items = catalog.quarantine.list()
    if args.json:
        _print_json(
            [
                {
                    "id": q.id,
                    "original_name": q.original_name,
                    "source_path": q.source_path,
                    "file": str(home.quarantine / q.quarantine_path),
                    "reason": q.reason,
                    "reason_code": q.reason_code,
                    "at": q.at.isoformat() + "Z",
                }
                for q in items
            ]
        )
        return 0
    for q in items:
        print(f"{q.id:>5}  {q.at:%Y-%m-%d %H:%M}  {q.original_name}: {q.reason}")
    print(f"{len(items)} file(s) in quarantine ({home.quarantine})", file=sys.stderr)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from photoarchive.ingest.removal import remove_photos

    home, _settings, catalog = _open(args)
    results = remove_photos(home, catalog, args.photo_ids, reason=args.reason, actor=catalog.actor)
    for result in results:
        print(result.describe(), file=sys.stdout if result.done else sys.stderr)
    return 0 if all(r.done for r in results) else 1


def cmd_export(args: argparse.Namespace) -> int:
    from photoarchive.publish import export_photos

    home, settings, catalog = _open(args)
    results = export_photos(
        home,
        settings,
        catalog,
        args.photo_ids,
        args.out_dir,
        max_size=args.max_size,
        keep_date=args.keep_date,
    )
    for item in results:
        if item.error:
            name = f" ({item.name})" if item.name else ""
            print(f"photo {item.photo_id}{name}: not exported — {item.error}", file=sys.stderr)
        else:
            note = " (re-encoded)" if item.reencoded else ""
            print(f"photo {item.photo_id}: {item.dest}{note}")
    return 0 if all(not i.error for i in results) else 2
