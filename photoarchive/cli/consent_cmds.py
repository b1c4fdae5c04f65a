"""`photoarchive consent …`: the people in the pictures, their consent, and the office's reports.

Exit codes: 0 success; `consent report` and `consent list` exit 1 when a published photo still shows
someone whose consent no longer allows Flickr (the next sync takes it down).
"""

from __future__ import annotations

import argparse

USES = ("internal", "flickr", "press")
STATUSES = ("given", "pending", "withdrawn", "not_needed")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    consent = subparsers.add_parser(
        "consent", parents=[common], help="people in the photos and their consent (list, report, record)"
    )
    sub = consent.add_subparsers(dest="consent_command", metavar="CONSENTCOMMAND", required=True)

    add = sub.add_parser("add-person", parents=[common], help="add a person to the register")
    add.add_argument("name")
    add.add_argument("--employee-id", default="")
    add.add_argument("--role", default="", help="e.g. politibetjent, when there is no employee id")
    add.add_argument("--contact", default="", help="optional: e-mail or phone")
    add.set_defaults(handler=_add_person)

    for name, handler, text in (
        ("link", _link, "say a person is in photos (by catalog id)"),
        ("unlink", _unlink, "say a person is not in photos after all"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("person", help="id, employee id or exact name")
        p.add_argument("photo_ids", metavar="ID", type=int, nargs="+")
        if name == "link":
            p.add_argument("--face", type=int, metavar="N", help="which face box of the photo (0 = first)")
        p.set_defaults(handler=handler)

    record = sub.add_parser("set", parents=[common], help="record a person's consent (editors only)")
    record.add_argument("person")
    record.add_argument("--status", choices=STATUSES, required=True)
    record.add_argument("--uses", default="", help=f"comma-separated: {', '.join(USES)}")
    record.add_argument("--given-by", default="", help="who gave it (the person, a guardian …)")
    record.add_argument("--given-on", metavar="YYYY-MM-DD")
    record.add_argument("--expires", metavar="YYYY-MM-DD", help="the first day it no longer holds")
    record.add_argument("--document", metavar="FILE", help="the signed text or scan, kept in the archive")
    record.add_argument("--note", default="")
    record.set_defaults(handler=_set)

    withdraw = sub.add_parser(
        "withdraw",
        parents=[common],
        help="withdraw a person's consent (editors only; next sync takes photos down)",
    )
    withdraw.add_argument("person")
    withdraw.add_argument("--note", default="")
    withdraw.set_defaults(handler=_withdraw)

    listing = sub.add_parser("list", parents=[common], help="everyone in the register with their consent")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    report = sub.add_parser(
        "report", parents=[common], help="who is published with what consent; what was taken down and when"
    )
    report.add_argument("--csv", metavar="FILE", help="also write one row per person and photo to FILE")
    report.add_argument("--person", help="only this person")
    report.set_defaults(handler=_report)

    soon = sub.add_parser("expiring", parents=[common], help="consents that end within DAYS (default 30)")
    soon.add_argument("--days", type=int, default=30)
    soon.set_defaults(handler=_expiring)


def _open(args: argparse.Namespace):  # -> tuple[Catalog, PeopleService]
    from photoarchive.catalog import Catalog
    from photoarchive.cli.context import home_and_settings
    from photoarchive.people.service import PeopleService

    home, settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    return catalog, PeopleService.for_home(catalog, home, settings)


def _day(text: str | None):  # -> date | None
    from datetime import date

    from photoarchive.errors import PhotoarchiveError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise PhotoarchiveError(f"«{text}» is not a date; write it as YYYY-MM-DD.") from exc


def _add_person(args: argparse.Namespace) -> int:
    _catalog, people = _open(args)
    person = people.add(args.name, employee_id=args.employee_id, role=args.role, contact=args.contact)
    print(f"Person {person.id}: {person.name} added (no consent recorded yet).")
    return 0


def _link(args: argparse.Namespace) -> int:
    _catalog, people = _open(args)
    added = people.link(args.person, args.photo_ids, face_index=args.face)
    print(f"{people.find(args.person).name} linked to {len(added)} photo(s).")
    return 0


def _unlink(args: argparse.Namespace) -> int:
    _catalog, people = _open(args)
    gone = people.unlink(args.person, args.photo_ids)
    print(f"{people.find(args.person).name} unlinked from {len(gone)} photo(s).")
    return 0


def _set(args: argparse.Namespace) -> int:
    from pathlib import Path

    _catalog, people = _open(args)
    consent = people.set_consent(
        args.person,
        args.status,
        uses=[u.strip() for u in args.uses.split(",") if u.strip()],
        given_by=args.given_by,
        given_on=_day(args.given_on),
        expires_on=_day(args.expires),
        document=Path(args.document) if args.document else None,
        note=args.note,
    )
    print(f"{people.find(args.person).name}: consent {_describe(consent)}.")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    _catalog, people = _open(args)
    consent = people.withdraw(args.person, note=args.note)
    waiting = people.pending_takedowns()
    print(f"{people.find(args.person).name}: consent withdrawn at {consent.withdrawn_at:%Y-%m-%d %H:%M} UTC.")
    if waiting:
        print(
            f"{len(waiting)} published photo(s) come off Flickr at the next sync (photoarchive sync)."
        )
    return 0


def _describe(consent) -> str:
    if consent is None:
        return "none recorded"
    text = consent.status.value.replace("_", " ")
    if consent.uses and consent.status.value == "given":
        text += " for " + ", ".join(sorted(u.value for u in consent.uses))
    if consent.expires_on:
        text += f", until {consent.expires_on:%Y-%m-%d}"
    if consent.withdrawn_at:
        text += f" ({consent.withdrawn_at:%Y-%m-%d %H:%M} UTC)"
    return text


def _list(args: argparse.Namespace) -> int:
    import json

    _catalog, people = _open(args)
    rows = people.report()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.person.id,
                        "name": r.person.name,
                        "employee_id": r.person.employee_id,
                        "role": r.person.role,
                        "consent": r.consent.status.value if r.consent else "none",
                        "uses": sorted(u.value for u in r.consent.uses) if r.consent else [],
                        "expires_on": r.consent.expires_on.isoformat()
                        if r.consent and r.consent.expires_on
                        else None,
                        "flickr": r.flickr_problem.value if r.flickr_problem else "ok",
                        "press": r.press_problem.value if r.press_problem else "ok",
                        "photos": list(r.photo_ids),
                        "published": list(r.published_ids),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if not rows:
            print("Nobody is in the register yet (photoarchive consent add-person NAME).")
        for r in rows:
            who = r.person.name + (f" ({r.person.employee_id})" if r.person.employee_id else "")
            print(
                f"{r.person.id:>4}  {who:<32} {_describe(r.consent):<44} "
                f"{len(r.photo_ids)} photo(s), {len(r.published_ids)} published"
            )
    return _attention(rows)


def _attention(rows) -> int:
    return 1 if any(r.published_ids and r.flickr_problem is not None for r in rows) else 0


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from photoarchive.people.reports import CONSENT_COLUMNS, consent_rows, write_csv

    catalog, people = _open(args)
    rows = people.report()
    if args.person:
        wanted = people.find(args.person).id
        rows = [r for r in rows if r.person.id == wanted]
    if args.csv:
        count = write_csv(Path(args.csv), CONSENT_COLUMNS, consent_rows(catalog, rows))
        print(f"Wrote {count} row(s) to {args.csv}")
    for r in rows:
        who = r.person.name + (f" ({r.person.employee_id})" if r.person.employee_id else "")
        print(f"{who}: consent {_describe(r.consent)}")
        flickr = "allowed" if r.flickr_problem is None else f"NOT allowed ({r.flickr_problem.value})"
        press = "allowed" if r.press_problem is None else f"not allowed ({r.press_problem.value})"
        print(f"  Flickr {flickr}; press export {press}")
        print(f"  In {len(r.photo_ids)} photo(s); published on Flickr now: {_ids(r.published_ids)}")
        if r.published_ids and r.flickr_problem is not None:
            print("  → the next sync takes these down")
        for t in r.takedowns:
            due = f", due since {t.due_since:%Y-%m-%d %H:%M}" if t.due_since else ""
            print(
                f"  taken down: photo {t.photo_id} {t.name} ({t.how}) at {t.honoured_at:%Y-%m-%d %H:%M} UTC{due}"
            )
    if not rows:
        print("Nobody is in the register yet.")
    return _attention(rows)


def _ids(ids) -> str:
    return ", ".join(str(i) for i in ids) or "none"


def _expiring(args: argparse.Namespace) -> int:
    _catalog, people = _open(args)
    soon = people.expiring(args.days)
    if not soon:
        print(f"No consent ends within {args.days} days.")
    for person, consent in soon:
        print(f"{consent.expires_on:%Y-%m-%d}  {person.name}  ({_describe(consent)})")
    return 0
