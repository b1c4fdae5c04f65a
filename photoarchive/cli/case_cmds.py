"""`photoarchive case …`: the case register, closing cases, and the retention list.

Exit codes: 0 success; `case list`/`case report` exit 1 when a closed case still has public photos
(the next sync takes them down); `case retention` exits 1 when photos wait for a decision.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    case = subparsers.add_parser(
        "case", parents=[common], help="cases: list, close (takes their photos down), report, retention"
    )
    sub = case.add_subparsers(dest="case_command", metavar="CASECOMMAND", required=True)

    listing = sub.add_parser(
        "list", parents=[common], help="every case number the photos carry, with its state"
    )
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    report = sub.add_parser(
        "report", parents=[common], help="which case photos are public and for how long; what was taken down"
    )
    report.add_argument("case", nargs="?", help="only this case")
    report.add_argument("--csv", metavar="FILE", help="also write one row per case and photo to FILE")
    report.set_defaults(handler=_report)

    for name, handler, text in (
        ("close", _close, "close a case (editors only): the next sync takes its public photos down"),
        ("reopen", _reopen, "reopen a closed case (editors only)"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("case")
        p.set_defaults(handler=handler)

    title = sub.add_parser("title", parents=[common], help="give a case a title")
    title.add_argument("case")
    title.add_argument("title")
    title.set_defaults(handler=_title)

    takedown = sub.add_parser(
        "takedown-on",
        parents=[common],
        help="take a case's photos down from a date, e.g. when found (editors)",
    )
    takedown.add_argument("case")
    takedown.add_argument("date", nargs="?", metavar="YYYY-MM-DD")
    takedown.add_argument("--clear", action="store_true", help="remove the date")
    takedown.set_defaults(handler=_takedown_on)

    retention = sub.add_parser(
        "retention", parents=[common], help="closed cases' photos past [retention] case_photo_days"
    )
    retention.add_argument("--all", action="store_true", help="every closed case's photos, due or not")
    retention.set_defaults(handler=_retention)

    for name, handler, text in (
        ("keep", _keep, "keep photos of a closed case past their retention time (editors; needs --reason)"),
        (
            "remove",
            _remove,
            "take photos of a closed case out of the archive (editors; to removed/ with a note)",
        ),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("case")
        p.add_argument("photo_ids", metavar="ID", type=int, nargs="+")
        p.add_argument("--reason", required=True)
        p.set_defaults(handler=handler)
    _register_removed(sub, common)


def _register_removed(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    removed = sub.add_parser(
        "removed",
        parents=[common],
        help="photos in removed/ past [retention] removed_days (0: kept for good)",
    )
    removed.add_argument("--all", action="store_true", help="every photo in removed/, due or not")
    removed.set_defaults(handler=_removed)
    purge = sub.add_parser(
        "purge", parents=[common], help="delete photos in removed/ for good once their time is up (editors)"
    )
    purge.add_argument("files", metavar="FILE", nargs="+", help="as `case removed` lists them: DATE/NAME")
    purge.add_argument("--reason", required=True)
    purge.set_defaults(handler=_purge)


def _open(args: argparse.Namespace):  # -> tuple[Catalog, CaseService]
    from photoarchive.cases.service import CaseService
    from photoarchive.catalog import Catalog
    from photoarchive.cli.context import home_and_settings

    home, settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    return catalog, CaseService.for_home(catalog, home, settings)


def _state(case) -> str:
    if case.state == "closed":
        when = f" {case.closed_at:%Y-%m-%d}" if case.closed_at else ""
        return f"closed{when}" + (f" by {case.closed_by}" if case.closed_by else "")
    if case.takedown_on:
        return f"open, down from {case.takedown_on:%Y-%m-%d}"
    return "open"


def _attention(reports) -> int:
    return 1 if any(r.block is not None and r.public_ids for r in reports) else 0


def _list(args: argparse.Namespace) -> int:
    import json

    _catalog, cases = _open(args)
    reports = cases.report()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "case_number": r.case.case_number,
                        "title": r.case.title,
                        "state": r.case.state,
                        "closed_at": r.case.closed_at.isoformat() if r.case.closed_at else None,
                        "closed_by": r.case.closed_by,
                        "takedown_on": r.case.takedown_on.isoformat() if r.case.takedown_on else None,
                        "photos": list(r.photo_ids),
                        "public": list(r.public_ids),
                    }
                    for r in reports
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if not reports:
            print("No photo carries a case number yet.")
        for r in reports:
            print(
                f"{r.case.case_number:<14} {_state(r.case):<34} {len(r.photo_ids)} photo(s), "
                f"{len(r.public_ids)} public  {r.case.title}"
            )
    return _attention(reports)


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from photoarchive.cases.reports import CASE_COLUMNS, case_rows
    from photoarchive.catalog.clock import utcnow
    from photoarchive.people.reports import write_csv

    catalog, cases = _open(args)
    reports = cases.report()
    if args.case:
        number = cases.get(args.case).case_number
        reports = [r for r in reports if r.case.case_number == number]
    now = utcnow()
    if args.csv:
        count = write_csv(Path(args.csv), CASE_COLUMNS, case_rows(catalog, reports, now))
        print(f"Wrote {count} row(s) to {args.csv}")
    for r in reports:
        print(f"Case {r.case.case_number} {r.case.title}: {_state(r.case)}, {len(r.photo_ids)} photo(s)")
        if r.public_ids:
            for pid in r.public_ids:
                since = r.public_since.get(pid)
                days = f" since {since:%Y-%m-%d} ({(now - since).days} days)" if since else ""
                print(f"  public on Flickr: photo {pid}{days}")
            if r.block is not None:
                print("  → the next sync takes these down")
        else:
            print("  public on Flickr: none")
        for t in r.takedowns:
            print(
                f"  taken down: photo {t.photo_id} {t.name} ({t.how}) at {t.honoured_at:%Y-%m-%d %H:%M} UTC"
            )
    return _attention(reports)


def _close(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    case = cases.close(args.case)
    public = [r for r in cases.report() if r.case.case_number == case.case_number][0].public_ids
    print(f"Case {case.case_number} closed by {case.closed_by}.")
    if public:
        print(f"{len(public)} public photo(s) come off Flickr at the next sync (photoarchive sync).")
    return 0


def _reopen(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    case = cases.reopen(args.case)
    print(f"Case {case.case_number} is open again.")
    return 0


def _title(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    case = cases.set_title(args.case, args.title)
    print(f"Case {case.case_number}: {case.title}")
    return 0


def _takedown_on(args: argparse.Namespace) -> int:
    from datetime import date

    from photoarchive.errors import PhotoarchiveError

    _catalog, cases = _open(args)
    if args.clear:
        on = None
    else:
        try:
            on = date.fromisoformat(args.date or "")
        except ValueError as exc:
            raise PhotoarchiveError("Give the date as YYYY-MM-DD (or --clear).") from exc
    case = cases.schedule_takedown(args.case, on)
    print(f"Case {case.case_number}: {_state(case)}.")
    return 0


def _retention(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    items = cases.retention(due_only=not args.all)
    if not items:
        print("No case photos wait for a retention decision.")
    for item in items:
        due = f"due {item.due_on:%Y-%m-%d}" if item.due_on else "no retention period set"
        if item.decision is None:
            state = "waiting for an editor: keep (with a reason) or remove"
        else:
            state = f"{item.decision.decision} ({item.decision.reason}, {item.decision.decided_by})"
        print(f"{item.case_number}  photo {item.photo_id} {item.name}  {due}  {state}")
    return 1 if any(i.waiting and i.due_on is not None for i in cases.retention()) else 0


def _keep(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    cases.keep(args.case, args.photo_ids, args.reason)
    print(f"{len(args.photo_ids)} photo(s) of case {args.case} kept: {args.reason}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    results = cases.remove(args.case, args.photo_ids, args.reason)
    for result in results:
        print(result.describe())
    return 0 if all(r.done for r in results) else 1


def _removed(args: argparse.Namespace) -> int:
    from photoarchive.cases.removed import removed_files

    _catalog, cases = _open(args)
    due = {f.relative for f in cases.removed_due()}
    files = removed_files(cases.home) if args.all and cases.home is not None else cases.removed_due()
    if not files:
        print("No removed photos are past their retention time." if not args.all else "removed/ is empty.")
    for f in files:
        when = f.due_on(cases.removed_days)
        state = (
            "may be deleted for good"
            if f.relative in due
            else (f"kept until {when:%Y-%m-%d}" if when else "kept for good")
        )
        print(f"{f.relative}  (photo {f.photo_id or '?'}, removed {f.removed_on:%Y-%m-%d})  {state}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    _catalog, cases = _open(args)
    results = cases.purge_removed(args.files, args.reason)
    for r in results:
        print(f"{r.relative}: deleted for good" if r.done else f"{r.relative}: kept — {r.refused}")
    return 0 if all(r.done for r in results) else 1
