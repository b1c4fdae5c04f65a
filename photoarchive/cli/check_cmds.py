"""`photoarchive check`: prove the archive is whole (see `photoarchive.check`)."""

from __future__ import annotations

import argparse
import sys

from photoarchive.cli.context import open_archive, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "check",
        parents=[common],
        help="prove the archive is whole (re-hash originals, adopt unknown ones, rebuild thumbnails)",
        description="Re-hash every original against the catalog, adopt originals the catalog does not "
        "know (recorded with an 'adopted' event; nothing is deleted), report catalogued photos whose file "
        "is missing or changed, rebuild missing thumbnails, report quarantine entries without a file. "
        "Exit 0 when the archive is whole (after repairs), 1 when something needs a person.",
    )
    p.add_argument("--quick", action="store_true", help="compare sizes and dates only (no re-hashing)")
    p.add_argument("--json", action="store_true", help="the report as one JSON object")
    p.set_defaults(handler=cmd_check)


# What each check finding means, in the command line's words (the window has its own, translated).
CHECK_WORDS = {
    "changed": "CHANGED: the original's bytes differ from those archived",
    "size_changed": "CHANGED: the original's size differs from the catalog's",
    "modified_after_ingest": "CHANGED?: the original was modified after it was archived",
    "missing_original": "MISSING: the catalog names this original but the file is gone",
    "unreadable_original": "UNREADABLE: the original cannot be read",
    "adopted": "ADOPTED: an original the catalog did not know is now recorded",
    "unknown_copy": "UNKNOWN COPY: a second copy of an archived photo (left in place)",
    "unknown_not_a_photo": "UNKNOWN FILE: a file in originals/ that is not a photo (left in place)",
    "thumbnail_rebuilt": "REBUILT: a missing thumbnail was made again",
    "thumbnail_failed": "THUMBNAIL: the thumbnail could not be made",
    "quarantine_file_missing": "MISSING: a quarantined file is no longer in quarantine/",
}


def cmd_check(args: argparse.Namespace) -> int:
    from photoarchive.check import CheckProgress, check_archive

    home, settings, catalog = open_archive(args)
    shown = {"stage": ""}

    def progress(p: CheckProgress) -> None:
        # One line per stage on a terminal; the JSON consumer reads only standard output.
        if p.stage != shown["stage"] and not args.json:
            shown["stage"] = p.stage
            print(f"checking {p.stage.value.replace('_', ' ')} ({p.total})…", file=sys.stderr, flush=True)

    report = check_archive(home, settings, catalog, quick=args.quick, progress=progress)
    if args.json:
        print_json(
            {
                "home": str(home.root),
                "quick": report.quick,
                "whole": report.whole,
                "photos_checked": report.photos_checked,
                "files_on_disk": report.files_on_disk,
                "findings": [
                    {
                        "kind": f.kind.value,
                        "path": f.path,
                        "photo_id": f.photo_id,
                        "quarantine_id": f.quarantine_id,
                        "repaired": f.repaired,
                        "detail": f.detail,
                    }
                    for f in report.findings
                ],
            }
        )
    else:
        for f in report.findings:
            who = (
                f" (photo {f.photo_id})"
                if f.photo_id
                else f" (quarantine {f.quarantine_id})"
                if f.quarantine_id
                else ""
            )
            extra = f" — {f.detail}" if f.detail and not f.repaired else ""
            print(
                f"{CHECK_WORDS[f.kind.value]}: {f.path}{who}{extra}",
                file=sys.stdout if f.repaired else sys.stderr,
            )
        mode = "sizes and dates" if report.quick else "re-hashed"
        verdict = (
            "the archive is whole" if report.whole else f"{len(report.problems)} problem(s) need attention"
        )
        print(
            f"{report.photos_checked} photos checked ({mode}), {report.files_on_disk} originals on disk, "
            f"{sum(f.repaired for f in report.findings)} repaired: {verdict}",
            file=sys.stderr,
        )
    return 0 if report.whole else 1
