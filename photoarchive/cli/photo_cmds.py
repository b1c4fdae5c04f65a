"""Photo commands: list, show and tag (registered by archive_cmds, so --help lists them in their old
place)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from photoarchive.cli.context import open_archive as _open
from photoarchive.cli.context import print_json as _print_json

if TYPE_CHECKING:
    from photoarchive.catalog.photos import CategoryMark, PhotoRecord

CATEGORY_NAMES = ("portrait", "case", "media")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="list photos in the catalog")
    p.add_argument("--json", action="store_true")
    p.add_argument("--category", choices=CATEGORY_NAMES)
    p.add_argument("--confirmed", action="store_true", help="with --category: only confirmed ones")
    p.add_argument(
        "--search", default="", help="words in caption, headline, keywords, case number, file name"
    )
    p.add_argument("--case", default="", help="exact case number")
    p.add_argument("--needs-review", action="store_true")
    p.add_argument("--sort", choices=("capture_time", "ingested_at", "name"), default="capture_time")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", parents=[common], help="show one photo with its history")
    p.add_argument("photo_id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("tag", parents=[common], help="edit categories and press fields of photos")
    p.add_argument("photo_ids", type=int, nargs="+", metavar="ID")
    p.add_argument(
        "--confirm", action="append", choices=CATEGORY_NAMES, default=[], help="confirm a category"
    )
    p.add_argument("--reject", action="append", choices=CATEGORY_NAMES, default=[], help="reject a category")
    p.add_argument("--case", dest="case_number", help="case number (also confirms the case category)")
    p.add_argument("--caption")
    p.add_argument("--headline")
    p.add_argument("--keywords", help="comma-separated; replaces the keywords")
    p.add_argument("--add-keyword", action="append", default=[])
    p.add_argument("--byline")
    p.add_argument("--credit")
    p.add_argument("--copyright")
    p.add_argument("--reviewed", action="store_true", help="mark as looked at (leaves the Inbox view)")
    p.set_defaults(handler=cmd_tag)


def cmd_list(args: argparse.Namespace) -> int:
    from photoarchive.catalog.photos import Category, PhotoQuery, SortKey

    _home, _settings, catalog = _open(args)
    query = PhotoQuery(
        category=Category(args.category) if args.category else None,
        confirmed_only=args.confirmed,
        search=args.search,
        case_number=args.case,
        needs_review=args.needs_review,
        sort=SortKey(args.sort),
        limit=args.limit,
    )
    records = catalog.photos.search(query)
    if args.json:
        _print_json([photo_json(r) for r in records])
        return 0
    for r in records:
        cats = ",".join(_category_label(m) for m in r.categories.values() if m.state.value != "rejected")
        when = r.capture_time.strftime("%Y-%m-%d %H:%M") if r.capture_time else "----------------"
        flags = " ".join(f for f, on in (("GPS", r.has_gps), ("serial", r.has_serial)) if on)
        print(f"{r.id:>7}  {when}  {r.original_name:<32} {cats:<26} {r.case_number:<14} {flags}")
    print(f"{len(records)} photos", file=sys.stderr)
    return 0


def _category_label(mark: CategoryMark) -> str:
    return mark.category.value + ("?" if mark.state.value == "suggested" else "")


def photo_json(r: PhotoRecord) -> dict[str, Any]:
    """The stable JSON shape of a photo (documented in the README)."""
    return {
        "id": r.id,
        "sha256": r.sha256,
        "original_name": r.original_name,
        "archive_path": r.archive_path,
        "source_path": r.source_path,
        "size_bytes": r.size_bytes,
        "format": r.format,
        "width": r.width,
        "height": r.height,
        "orientation": r.orientation,
        "capture_time": r.capture_time.isoformat() if r.capture_time else None,
        "camera_make": r.camera_make,
        "camera_model": r.camera_model,
        "lens": r.lens,
        "has_gps": r.has_gps,
        "has_serial": r.has_serial,
        "has_owner": r.has_owner,
        "privacy_findings": r.privacy_findings,
        "categories": {
            m.category.value: {
                "state": m.state.value,
                "source": m.source,
                "decided_by": m.decided_by,
                "decided_at": m.decided_at.isoformat() if m.decided_at else None,
            }
            for m in r.categories.values()
        },
        "case_number": r.case_number,
        **r.press_values(),
        "faces": r.faces,
        "reviewed": r.reviewed,
        "ingested_at": r.ingested_at.isoformat() + "Z",
        "updated_at": r.updated_at.isoformat() + "Z",
    }


def cmd_show(args: argparse.Namespace) -> int:
    from photoarchive.errors import PhotoarchiveError

    home, _settings, catalog = _open(args)
    record = catalog.photos.get(args.photo_id)
    if record is None:
        raise PhotoarchiveError(f"There is no photo {args.photo_id} in the catalog.")
    history = catalog.events.for_photo(record.id)
    if args.json:
        data = photo_json(record)
        data["file"] = str(home.originals / record.archive_path)
        data["events"] = [
            {"kind": e.kind, "at": e.at.isoformat() + "Z", "actor": e.actor, "detail": e.detail}
            for e in history
        ]
        from photoarchive.cli.redact_cmds import redaction_json
        from photoarchive.redaction import RedactionService

        data["redaction"] = redaction_json(RedactionService(catalog, home), record.id)
        _print_json(data)
        return 0
    data = photo_json(record)
    for key in (
        "id",
        "original_name",
        "archive_path",
        "format",
        "width",
        "height",
        "capture_time",
        "camera_make",
        "camera_model",
        "lens",
        "case_number",
        "caption",
        "headline",
        "byline",
        "credit",
        "copyright",
    ):
        print(f"{key:>15}: {data[key] if data[key] is not None else ''}")
    print(f"{'keywords':>15}: {', '.join(record.keywords)}")
    print(
        f"{'categories':>15}: "
        + ", ".join(f"{k} ({v['state']}, {v['source']})" for k, v in data["categories"].items())
    )
    print(f"{'personal data':>15}: {_privacy_line(record.privacy_findings)}")
    from photoarchive.cli.redact_cmds import region_lines
    from photoarchive.redaction import RedactionService

    regions = RedactionService(catalog, home).regions(record.id)
    print(f"{'redaction':>15}: {len(regions)} region(s)")
    for line in region_lines(regions):
        print(line)
    print("history:")
    for e in history:
        print(
            f"  {e.at:%Y-%m-%d %H:%M:%S}  {e.kind:<20} {e.actor:<12} {json.dumps(e.detail, ensure_ascii=False)}"
        )
    return 0


def _privacy_line(recorded: list[str]) -> str:
    """The recorded privacy state in words: none found, the kinds found, or could not be checked."""
    from photoarchive.privacy_state import PrivacyState, decide

    status = decide(recorded)
    if status.state is PrivacyState.UNCHECKED:
        return "could not be checked (the scan at ingest failed); never published or exported"
    return ", ".join(status.kinds) or "none found"


def cmd_tag(args: argparse.Namespace) -> int:
    from photoarchive.catalog.photos import Category, CategoryState
    from photoarchive.errors import PhotoarchiveError
    from photoarchive.media.press_text import parse_keywords

    _home, _settings, catalog = _open(args)
    known = {r.id: r for r in catalog.photos.get_many(args.photo_ids)}
    unknown = [i for i in args.photo_ids if i not in known]
    if unknown:
        raise PhotoarchiveError("No such photo: " + ", ".join(map(str, unknown)))
    both = set(args.confirm) & set(args.reject)
    if both:
        raise PhotoarchiveError(f"Cannot both confirm and reject: {', '.join(sorted(both))}")
    actor = catalog.actor
    changes: dict[str, Any] = {}
    for field in ("case_number", "caption", "headline", "byline", "credit", "copyright"):
        value = getattr(args, field)
        if value is not None:
            changes[field] = value
    ids = list(known)
    if args.keywords is not None:
        changes["keywords"] = parse_keywords(args.keywords)
    if changes:
        catalog.photos.update_fields(ids, changes, actor=actor)
    for keyword in args.add_keyword:
        for record in catalog.photos.get_many(ids):
            catalog.photos.update_fields([record.id], {"keywords": [*record.keywords, keyword]}, actor=actor)
    confirm = list(args.confirm)
    if args.case_number and "case" not in confirm and "case" not in args.reject:
        confirm.append("case")
    for name in confirm:
        catalog.photos.set_category(ids, Category(name), CategoryState.CONFIRMED, actor=actor)
    for name in args.reject:
        catalog.photos.set_category(ids, Category(name), CategoryState.REJECTED, actor=actor)
    if args.reviewed:
        catalog.photos.mark_reviewed(ids)
    print(f"Updated {len(ids)} photo(s).", file=sys.stderr)
    return 0
