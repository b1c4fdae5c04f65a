"""`photoarchive redact ID`: the regions hidden in a photo's published copies, and their review."""

from __future__ import annotations

import argparse
import json

EXIT_OK, EXIT_ATTENTION, EXIT_ERROR = 0, 1, 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "redact",
        parents=[common],
        help="hide faces, number plates and documents in a photo's published copies",
        description="Regions of a photo that every published copy (export, Flickr) hides, burnt into the "
        "pixels; the original is never changed. Coordinates are fractions (0-1) of the photo as displayed: "
        "x,y of the top-left corner, then width and height. With no action, lists the regions. "
        "Exit 0 done, 1 when the photo is a case photo whose redaction still needs a review (--list), "
        "2 on an error.",
    )
    p.add_argument("photo_id", type=int, metavar="ID", nargs="?", help="the photo (not with --pending)")
    p.add_argument(
        "--pending",
        action="store_true",
        help="run the face search on every case photo not searched yet (what the background search does)",
    )
    p.add_argument("--limit", type=int, default=None, help="with --pending: at most this many photos")
    p.add_argument(
        "--detect", action="store_true", help="search the full-resolution photo for faces and add them"
    )
    p.add_argument("--add", action="append", default=[], metavar="x,y,w,h", help="add a region (repeatable)")
    p.add_argument(
        "--kind",
        choices=["face", "plate", "document", "manual"],
        default="manual",
        help="kind of --add regions",
    )
    p.add_argument(
        "--fill", choices=["box", "mosaic"], default="box", help="fill of --add regions: solid box or mosaic"
    )
    p.add_argument(
        "--remove",
        action="append",
        type=int,
        default=[],
        metavar="REGION",
        help="remove one region by its id",
    )
    p.add_argument("--clear", action="store_true", help="remove every region")
    p.add_argument(
        "--confirm", action="store_true", help="record that you checked the regions (all confirmed)"
    )
    p.add_argument(
        "--nothing-to-redact", action="store_true", help="record that the photo needs no redaction"
    )
    p.add_argument("--list", action="store_true", help="list the regions and the review (the default)")
    p.add_argument("--json", action="store_true", help="print the regions and the review as JSON")
    p.set_defaults(handler=cmd_redact)


def region_lines(regions) -> list[str]:
    """One line per region, for `redact --list` and `show`."""
    lines = []
    for r in regions:
        who = f"added by {r.added_by or '?'} {r.added_at:%Y-%m-%d %H:%M}" if r.added_at else ""
        if r.confirmed_by:
            who += f", confirmed by {r.confirmed_by} {r.confirmed_at:%Y-%m-%d %H:%M}"
        lines.append(
            f"  #{r.id:<5} {r.kind:<9} {r.fill:<7} x={r.x:.3f} y={r.y:.3f} w={r.w:.3f} h={r.h:.3f}  "
            f"{'suggested' if r.source == 'detector' else 'drawn'}; {who}"
        )
    return lines


def redaction_json(service, photo_id: int) -> dict:
    """The photo's regions, review and whether a review is needed, as `redact --json` and `show --json` print them."""
    review = service.review(photo_id)

    def when(at):
        return at.isoformat() + "Z" if at else None

    return {
        "regions": [
            {"id": r.id, "x": r.x, "y": r.y, "w": r.w, "h": r.h, "kind": str(r.kind), "fill": str(r.fill),
             "source": r.source, "score": r.score, "added_by": r.added_by, "added_at": when(r.added_at),
             "confirmed_by": r.confirmed_by, "confirmed_at": when(r.confirmed_at)}
            for r in service.regions(photo_id)
        ],
        "review": None if review is None else {"state": str(review.state), "actor": review.actor, "at": when(review.at)},
        "review_needed": service.review_needed(photo_id),
    }  # fmt: skip


def cmd_redact(args: argparse.Namespace) -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.cli.context import home_and_settings
    from photoarchive.redaction import Fill, RedactionService, RegionKind, parse_box
    from photoarchive.redaction.model import InvalidRegion

    home, _settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    service = RedactionService(catalog, home)
    actor = catalog.actor
    if args.pending:
        done = service.suggest_pending(args.limit)
        for photo_id, added in done.items():
            print(f"photo {photo_id}: {added} face(s) suggested")
        print(f"{len(done)} case photo(s) searched")
        return EXIT_OK
    if args.photo_id is None:
        print("photoarchive redact: error: give a photo ID (or --pending)")
        return EXIT_ERROR
    pid = args.photo_id
    try:
        boxes = [parse_box(text) for text in args.add]
    except InvalidRegion as exc:
        print(f"photoarchive redact: error: {exc}")
        return EXIT_ERROR
    service.review_needed(pid)  # raises for an unknown photo before anything changes
    if args.clear:
        print(f"{service.clear(pid, actor)} region(s) removed")
    if args.remove:
        print(f"{service.remove(pid, args.remove, actor)} region(s) removed")
    for box in boxes:
        rid = service.add(pid, box, actor, kind=RegionKind(args.kind), fill=Fill(args.fill))
        print(f"region #{rid} added")
    if args.detect:
        found = service.detect(pid, actor="detector")
        print(f"{len(found)} face(s) suggested")
    if args.confirm:
        print(f"regions confirmed by {service.confirm(pid, actor).actor}")
    if args.nothing_to_redact:
        print(f"nothing to redact, recorded for {service.nothing_to_redact(pid, actor).actor}")
    regions = service.regions(pid)
    review = service.review(pid)
    needed = service.review_needed(pid)
    if args.json:
        print(json.dumps({"photo_id": pid, **redaction_json(service, pid)}, ensure_ascii=False, indent=2))
    elif args.list or not (
        args.add or args.clear or args.remove or args.detect or args.confirm or args.nothing_to_redact
    ):
        print(f"photo {pid}: {len(regions)} region(s)")
        for line in region_lines(regions):
            print(line)
        if review is not None:
            print(f"  review: {review.state} by {review.actor} {review.at:%Y-%m-%d %H:%M}")
        if needed:
            print("  review needed: a case photo whose redaction no one has checked as it is now")
    return EXIT_ATTENTION if (needed and (args.list or args.json)) else EXIT_OK
