"""`photoarchive set …` (sets and their approval) and `photoarchive audit` (the audit log)."""

from __future__ import annotations

import argparse

VISIBILITIES = ("public", "friends", "family", "private")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    set_parser = subparsers.add_parser(
        "set", parents=[common], help="create sets of photos, submit and approve them for Flickr"
    )
    sub = set_parser.add_subparsers(dest="set_command", metavar="SETCOMMAND", required=True)

    create = sub.add_parser("create", parents=[common], help="create a new draft set")
    create.add_argument("title")
    create.add_argument("--description", default="")
    create.add_argument("--visibility", choices=VISIBILITIES, default="private")
    create.add_argument(
        "--licence",
        type=int,
        default=0,
        metavar="ID",
        help="Flickr licence id (0 = all rights reserved, 4 = CC BY)",
    )
    create.add_argument(
        "--group", default="", metavar="GROUP_ID", help="Flickr group pool to share the photos into"
    )
    create.add_argument("--tag", action="append", default=[], help="tag added to every photo (repeatable)")
    create.set_defaults(handler=_create)

    edit = sub.add_parser("edit", parents=[common], help="change a set's title, description, visibility …")
    edit.add_argument("set", metavar="SET")
    edit.add_argument("--title")
    edit.add_argument("--description")
    edit.add_argument("--visibility", choices=VISIBILITIES)
    edit.add_argument("--licence", type=int, metavar="ID")
    edit.add_argument("--group", metavar="GROUP_ID")
    edit.add_argument("--tag", action="append", help="replaces the set's tags (repeatable)")
    edit.add_argument("--cover", type=int, metavar="PHOTO_ID")
    edit.set_defaults(handler=_edit)

    for name, handler, help_text in (
        ("add", _add, "add photos (by catalog id) at the end of a set"),
        ("remove", _remove, "take photos out of a set"),
    ):
        p = sub.add_parser(name, parents=[common], help=help_text)
        p.add_argument("set", metavar="SET", help="the set's id or exact title")
        p.add_argument("photo_ids", metavar="ID", type=int, nargs="+")
        p.set_defaults(handler=handler)

    submit = sub.add_parser("submit", parents=[common], help="submit a draft set for approval")
    submit.add_argument("set", metavar="SET")
    submit.set_defaults(handler=_submit)

    check = sub.add_parser(
        "check",
        parents=[common],
        help="what approving would publish and what refuses or warns (approves nothing)",
    )
    check.add_argument("set", metavar="SET")
    check.add_argument("--override-reason", default="", help="check as if approving with this reason")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_check)

    approve = sub.add_parser(
        "approve", parents=[common], help="approve a set for publishing (checks every photo)"
    )
    approve.add_argument("set", metavar="SET")
    approve.add_argument(
        "--override-reason", default="", help="why case photos may be published in a public set (recorded)"
    )
    approve.set_defaults(handler=_approve)

    revoke = sub.add_parser("revoke", parents=[common], help="withdraw approval; the next sync unpublishes")
    revoke.add_argument("set", metavar="SET")
    revoke.set_defaults(handler=_revoke)

    listing = sub.add_parser("list", parents=[common], help="list the sets")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = sub.add_parser("show", parents=[common], help="show one set")
    show.add_argument("set", metavar="SET")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    audit = subparsers.add_parser(
        "audit", parents=[common], help="show the audit log of approvals and publishing"
    )
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--csv", metavar="FILE", help="also write the log as CSV to FILE")
    audit.set_defaults(handler=_audit)


def _open(args: argparse.Namespace):  # -> tuple[Home, Settings, Catalog, SetService]
    from photoarchive.catalog import Catalog
    from photoarchive.cli.context import home_and_settings
    from photoarchive.sets.service import SetService

    home, settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    return home, settings, catalog, SetService.for_home(catalog, home, settings)


def _create(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    photo_set = service.create(
        args.title,
        description=args.description,
        visibility=args.visibility,
        licence_id=args.licence,
        group_id=args.group,
        tags=args.tag,
    )
    print(f"Created set {photo_set.id}: {photo_set.title} (draft)")
    return 0


def _edit(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    changes = {
        key: value
        for key, value in (
            ("title", args.title),
            ("description", args.description),
            ("visibility", args.visibility),
            ("licence_id", args.licence),
            ("group_id", args.group),
            ("tags", args.tag),
            ("cover_photo_id", args.cover),
        )
        if value is not None
    }
    service.edit(args.set, **changes)
    _print_state(service, args.set if args.title is None else args.title)
    return 0


def _add(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    added = service.add(args.set, args.photo_ids)
    print(f"Added {len(added)} photo(s).")
    _print_state(service, args.set)
    return 0


def _remove(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    removed = service.remove(args.set, args.photo_ids)
    print(f"Removed {len(removed)} photo(s).")
    _print_state(service, args.set)
    return 0


def _submit(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    service.submit(args.set)
    _print_state(service, args.set)
    return 0


def _check(args: argparse.Namespace) -> int:
    """Exit 0 when the set may be approved now (warnings allowed), 1 when something refuses it."""
    import json

    _home, _settings, _catalog, service = _open(args)
    check = service.check(args.set, args.override_reason)
    refusals = ([check.blocked] if check.blocked else []) + list(check.refusals)
    if args.json:
        data = {
            "set": check.view.photo_set.id,
            "may_approve": not refusals,
            "needs_override": check.needs_override,
            "changed_since_approval": check.view.changed_since_approval,
            "changes": [c.to_json() for c in check.view.changes],
            "refusals": [{"code": n.code.value, "photo_id": n.photo_id, "text": str(n)} for n in refusals],
            "warnings": [
                {"code": n.code.value, "photo_id": n.photo_id, "text": str(n)} for n in check.warnings
            ],
            "photos": [
                {
                    "id": p.photo_id,
                    "name": p.name,
                    "privacy": p.facts.privacy.state.value,
                    "personal_data": list(p.facts.privacy.kinds),
                    "unchecked_reasons": [r.value for r in p.facts.privacy.reasons],
                    "case": p.facts.case.decision.value,
                }
                for p in check.photos
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if not refusals else 1
    words = {"clean": "clean", "found": "personal data found (stripped)", "unchecked": "COULD NOT BE CHECKED"}
    print(f"Set {check.view.photo_set.id}: {check.view.photo_set.title}, {_state_label(check.view)}")
    for photo in check.photos:
        privacy = words[photo.facts.privacy.state.value]
        if photo.facts.privacy.kinds:
            privacy += ": " + ", ".join(photo.facts.privacy.kinds)
        print(f"  {photo.name}: {privacy}; case photo: {photo.facts.case.decision.value.replace('_', ' ')}")
    for refusal in refusals:
        print(f"  refused: {refusal}")
    for warning in check.warnings:
        print(f"  warning: {warning}")
    print("May be approved." if not refusals else "Approval would be refused.")
    return 0 if not refusals else 1


def _approve(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    approval = service.approve_checked(args.set, override_reason=args.override_reason)
    photo_set = approval.photo_set
    print(f"Approved set {photo_set.id} by {photo_set.approved_by}; the next sync publishes it.")
    for warning in approval.warnings:
        print(f"  warning: {warning}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    _home, _settings, _catalog, service = _open(args)
    photo_set = service.revoke(args.set)
    print(f"Approval of set {photo_set.id} revoked; the next sync takes its album down.")
    return 0


def _state_label(view) -> str:  # view: SetView
    label = view.photo_set.state.value
    if not view.changed_since_approval:
        return label
    changes = ", ".join(c.english() for c in view.changes)
    return label + f" (changed since approval: {changes})" if changes else label + " (changed since approval)"


def _print_state(service, ref: str) -> None:
    view = service.view(ref)
    print(
        f"Set {view.photo_set.id} «{view.photo_set.title}»: {_state_label(view)}, {len(view.photo_set.photo_ids)} photo(s)"
    )


def _list(args: argparse.Namespace) -> int:
    import json

    _home, _settings, _catalog, service = _open(args)
    views = service.views()
    if args.json:
        print(json.dumps([v.to_json() for v in views], ensure_ascii=False, indent=2))
        return 0
    if not views:
        print("No sets yet.")
    for view in views:
        s = view.photo_set
        print(
            f"{s.id:>4}  {_state_label(view):<34} {s.visibility.value:<8} {len(s.photo_ids):>4} photos  {s.title}"
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    import json

    from photoarchive.sets.model import LICENCES

    _home, _settings, _catalog, service = _open(args)
    view = service.view(args.set)
    data = view.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    s = view.photo_set
    print(f"Set {s.id}: {s.title}")
    print(f"  state:       {_state_label(view)}")
    if s.description:
        print(f"  description: {s.description}")
    print(f"  visibility:  {s.visibility.value}")
    print(f"  licence:     {s.licence_id} ({LICENCES.get(s.licence_id, 'unknown')})")
    if s.group_id:
        print(f"  group:       {s.group_id}")
    if s.tags:
        print(f"  tags:        {', '.join(s.tags)}")
    if s.approved_at:
        print(f"  approved:    by {s.approved_by} at {s.approved_at:%Y-%m-%d %H:%M}Z")
    if s.override_reason:
        print(f"  override:    {s.override_reason}")
    print(f"  photos:      {' '.join(map(str, s.photo_ids)) or '(none)'}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from photoarchive.sets.audit import format_line, write_csv

    _home, _settings, catalog, _service = _open(args)
    entries = catalog.sets.audit_entries()
    if args.csv:
        count = write_csv(entries, Path(args.csv))
        if not args.json:
            print(f"Wrote {count} audit entries to {args.csv}")
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
    elif not args.csv:
        if not entries:
            print("The audit log is empty.")
        for entry in entries:
            print(format_line(entry))
    return 0
