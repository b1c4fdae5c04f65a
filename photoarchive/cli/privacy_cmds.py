"""`photoarchive inspect` and `photoarchive strip`: what personal data a file carries, and clean copies.

Only argparse at import time; `strip` must start fast (no Qt, database or image library on its path).
"""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    inspect = sub.add_parser(
        "inspect",
        parents=[common],
        help="show what personal data a photo carries",
        description="List the personal and other metadata a photo would carry out of the archive, grouped by "
        "kind. Exit 0 when clean, 1 when something was found, 2 when the file cannot be read.",
    )
    inspect.add_argument("file", help="the photo (JPEG, PNG, TIFF, WebP or HEIC)")
    inspect.add_argument("--json", action="store_true", help="print the findings as JSON")
    inspect.add_argument(
        "--all",
        action="store_true",
        help="also list the organisation's own byline, credit, copyright and usage terms (from the settings)",
    )
    inspect.set_defaults(handler=run_inspect)

    strip = sub.add_parser(
        "strip",
        parents=[common],
        help="write clean, press-stamped copies of photos",
        description="Write a copy without personal data (GPS, serial numbers, names, thumbnails, history …), "
        "losslessly, stamped with the press fields from the settings. `strip IN OUT` or "
        "`strip IN... --out-dir DIR`. Exit 0 when every copy was written and verified, 2 when any was "
        "refused (the others are still written).",
    )
    strip.add_argument("paths", nargs="+", metavar="PATH", help="IN OUT, or several IN with --out-dir")
    strip.add_argument(
        "--out-dir",
        help="write the copies into this folder, under neutral names ([privacy] published_name_other, "
        "e.g. foto-001.jpg): a camera's or phone's file name can carry the capture time or a name",
    )
    strip.add_argument(
        "--keep-names", action="store_true", help="with --out-dir: keep the files' own names instead"
    )
    strip.add_argument(
        "--keep-date",
        action="store_true",
        default=None,
        help="keep the capture date and time (default: settings)",
    )
    strip.add_argument(
        "--fsync",
        action="store_true",
        help="flush each copy to disk before renaming it into place, so that even a power cut right after the "
        "run cannot leave an empty copy (slower: disk speed instead of memory speed)",
    )
    strip.add_argument(
        "--decode-check",
        action="store_true",
        help="also decode every written copy (export and Flickr always do; without it a lossless copy is "
        "checked by re-scanning it and proving its image data byte-identical to the original's)",
    )
    strip.set_defaults(handler=run_strip)


def run_inspect(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from photoarchive.errors import PhotoarchiveError
    from photoarchive.privacy import scan

    expected = None
    if not args.all:
        # A copy this app published carries the organisation's press stamp; that is not personal data.
        expected, _ = _press_defaults(args)
    try:
        report = scan(Path(args.file), expected=expected)
    except PhotoarchiveError as exc:
        print(f"photoarchive: {exc}", file=sys.stderr)
        return EXIT_ERROR
    regions = _catalogued_regions(args, Path(args.file))
    if args.json:
        data = report.to_dict()
        if regions is not None:
            data["redaction"] = {"photo_id": regions[0], **regions[2]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK if report.clean else EXIT_FOUND
    if regions is not None:
        from photoarchive.cli.redact_cmds import region_lines

        print(
            f"Photo {regions[0]} in the archive: {len(regions[1])} redaction region(s) hidden in its published copies"
        )
        for line in region_lines(regions[1]):
            print(line)
    if report.clean:
        print(f"{report.path} ({report.format.upper()}): no personal data found")
    else:
        print(f"{report.path} ({report.format.upper()}): {len(report.findings)} findings")
        flags = (("GPS position", report.has_gps), ("serial number", report.has_serial),
                 ("person's name", report.has_owner))  # fmt: skip
        print("  " + " · ".join(f"{name}: {'yes' if present else 'no'}" for name, present in flags))
        for kind, findings in report.by_kind().items():
            print(f"  {kind.label[:1].upper()}{kind.label[1:]}:")
            for finding in findings:
                print(f"    - {finding.describe()}  [{finding.where}]")
    return EXIT_OK if report.clean else EXIT_FOUND


def _catalogued_regions(args: argparse.Namespace, path):  # type: ignore[no-untyped-def]
    """(photo id, regions, their JSON as `redact --json` prints it) when the file is an original in this home's archive, else None. Only
    files under originals/ open the catalog, so inspecting any other file stays a pure file read."""
    import hashlib

    from photoarchive.home import Home

    home = Home.resolve(getattr(args, "home", None))
    try:
        path.resolve().relative_to(home.originals.resolve())
    except (ValueError, OSError):
        return None
    from photoarchive.catalog import Catalog
    from photoarchive.cli.redact_cmds import redaction_json
    from photoarchive.redaction import RedactionService

    catalog = Catalog.for_home(home)
    try:
        photo_id = catalog.photos.id_for_sha256(hashlib.sha256(path.read_bytes()).hexdigest())
        if photo_id is None:
            return None
        service = RedactionService(catalog, home)
        return photo_id, service.regions(photo_id), redaction_json(service, photo_id)
    finally:
        catalog.close()


def _settings(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The home's settings when a home exists, else the built-in defaults."""
    from photoarchive.home import Home
    from photoarchive.settings import Settings

    home = Home.resolve(getattr(args, "home", None))
    return Settings.load(home) if home.settings_file.is_file() else Settings()


def _press_defaults(args: argparse.Namespace):
    """Press fields and keep-date default from the home's settings when a home exists, else built-ins."""
    from photoarchive.privacy.press import PressFields

    defaults = _settings(args)
    return PressFields.from_settings(defaults.press), defaults.privacy.keep_capture_date


def run_strip(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from photoarchive.privacy import PublishPolicy

    paths = [Path(p) for p in args.paths]
    if args.out_dir:
        out_dir = Path(args.out_dir)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"photoarchive: cannot create {out_dir}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        if args.keep_names:
            dests = _unique_names(paths, out_dir)
        else:
            dests = _neutral_names(paths, out_dir, _settings(args).privacy)
        jobs = list(zip(paths, dests, strict=True))
    elif len(paths) == 2:
        jobs = [(paths[0], paths[1])]
    else:
        print("photoarchive: strip takes IN OUT, or IN... --out-dir DIR", file=sys.stderr)
        return EXIT_ERROR
    press, keep_date = _press_defaults(args)
    policy = PublishPolicy(
        keep_capture_date=keep_date if args.keep_date is None else args.keep_date,
        fsync=args.fsync,
        decode_check=args.decode_check,
    )
    refused = 0
    for ok, line in _strip_all(jobs, policy, press):
        if ok:
            print(line)
        else:
            refused += 1
            print(f"photoarchive: {line}", file=sys.stderr)
    return EXIT_ERROR if refused else EXIT_OK


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 8


def _strip_all(jobs: list, policy, press):  # type: ignore[no-untyped-def]
    """(ok, message) per job, in order. Large batches use one process per core: the marker scan of the
    image data is CPU-bound Python, so threads would queue on the GIL."""
    import os

    workers = min(len(jobs), os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from (_strip_one(job, policy, press) for job in jobs)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(partial(_strip_one, policy=policy, press=press), jobs, chunksize=4)


def _strip_one(job: tuple, policy, press) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    from photoarchive.privacy import PrivacyError, publish_copy

    source, dest = job
    try:
        result = publish_copy(source, dest, policy, press)
    except PrivacyError as exc:
        return False, str(exc)
    kinds = sorted({f.kind.label for f in result.removed})
    what = f"removed {len(result.removed)} ({', '.join(kinds)})" if kinds else "nothing to remove"
    extra = f"; {result.note}" if result.note else ""
    return True, f"{result.dest}: {what}{extra}"


def _neutral_names(paths: list, out_dir, privacy) -> list:  # type: ignore[no-untyped-def]
    """One neutral destination per input (the published-name pattern; names already in the folder are
    skipped, so nothing is overwritten). HEIC/HEIF copies are published as JPEG."""
    from photoarchive.privacy.names import PublishedNames

    names = PublishedNames.from_settings(privacy, folder=out_dir)
    out = []
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in (".heic", ".heif", ".hif") or not suffix:
            suffix = ".jpg"
        out.append(out_dir / names.name_for(suffix=suffix))
    return out


def _unique_names(paths: list, out_dir) -> list:
    """One destination per input under its own name; a repeated name gets -2, -3 … (never overwrites a sibling).

    HEIC/HEIF copies are published as JPEG, so their names are reserved with .jpg (IMG_1.heic beside IMG_1.jpg).
    """
    taken: set[str] = set()
    out = []
    for path in paths:
        stem, suffix = path.stem, path.suffix
        if suffix.lower() in (".heic", ".heif", ".hif"):
            suffix = ".jpg"
        name, n = stem + suffix, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.lower())
        out.append(out_dir / name)
    return out
