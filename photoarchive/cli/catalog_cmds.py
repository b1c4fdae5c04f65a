"""`photoarchive catalog …`: the shared PostgreSQL catalog — server set-up, upgrades, who you are."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    catalog = subparsers.add_parser(
        "catalog", parents=[common], help="the shared catalog: set up the server, upgrade it, who you are"
    )
    sub = catalog.add_subparsers(dest="catalog_command", metavar="CATALOGCOMMAND", required=True)

    init = sub.add_parser(
        "init-server",
        parents=[common],
        help="print (or with --apply, run) the SQL that sets up the shared PostgreSQL catalog",
    )
    init.add_argument(
        "--database", default="photoarchive", help="the catalog database (default photoarchive)"
    )
    init.add_argument(
        "--apply",
        metavar="ADMIN_URL",
        help="run it: roles, database, tables and grants, as the superuser in postgresql://user@server/postgres",
    )
    init.set_defaults(handler=_init_server)

    migrate = sub.add_parser(
        "migrate", parents=[common], help="bring a shared catalog's tables to this version (as its owner)"
    )
    migrate.add_argument("--url", required=True, metavar="URL", help="postgresql://owner@server/photoarchive")
    migrate.set_defaults(handler=_migrate)

    whoami = sub.add_parser(
        "whoami", parents=[common], help="which catalog this home uses and who it records you as"
    )
    whoami.add_argument("--json", action="store_true", help="print JSON")
    whoami.set_defaults(handler=_whoami)

    move = sub.add_parser(
        "move-to",
        parents=[common],
        help="move this desk's archive (catalog and files) into a shared PostgreSQL archive, verified",
        description="Copies every table of this desk's catalog into the shared catalog (as a superuser, so "
        "the history keeps its names) and the originals, thumbnails, quarantine, removed and consents "
        "folders into the shared folder; then compares every table and re-hashes every original at its "
        "destination. The desk's archive is only read. Run it again after an interruption: it carries on. "
        "Exit 0 when verified, 1 when something did not verify.",
    )
    move.add_argument(
        "url", metavar="URL", help="postgresql://superuser@server/photoarchive (an empty catalog)"
    )
    move.add_argument(
        "--archive-root",
        required=True,
        metavar="FOLDER",
        help="the shared folder the files go to (the desks' [archive] root)",
    )
    move.add_argument(
        "--batch", type=int, default=2000, metavar="N", help="rows per transaction (default 2000)"
    )
    move.set_defaults(handler=_move_to)


def _init_server(args: argparse.Namespace) -> int:
    from photoarchive.catalog import server

    if not args.apply:
        print(server.init_server_script(args.database), end="")
        return 0
    setup = server.apply(args.apply, args.database)
    created = "created" if setup.created_database else "already there, brought up to date"
    print(f"Shared catalog ready: {setup.database_url} ({created}).")
    print("Give each person a login in one of the roles photographer, staff or editor (docs/it-setup.md).")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from photoarchive.catalog import Catalog

    Catalog.open(args.url).close()
    print("The catalog is up to date.")
    return 0


def _whoami(args: argparse.Namespace) -> int:
    from photoarchive.catalog import Catalog
    from photoarchive.cli.context import home_and_settings

    home, _settings = home_and_settings(args)
    catalog = Catalog.for_home(home)
    try:
        me = catalog.identity()
    finally:
        catalog.close()
    if args.json:
        print(
            json.dumps(
                {
                    "backend": me.backend,
                    "location": me.location,
                    "login": me.login,
                    "roles": list(me.roles),
                    "may_approve": me.may_approve,
                    "server_version": me.server_version,
                },
                ensure_ascii=False,
            )
        )
        return 0
    if me.backend == "sqlite":
        print(f"This desk's own catalog ({me.location}); you are {me.login} (the operating-system user).")
    else:
        roles = ", ".join(me.roles) or "no photoarchive role"
        print(
            f"Shared catalog {me.location} (PostgreSQL {me.server_version}); logged in as {me.login} ({roles})."
        )
        print("You may approve sets." if me.may_approve else "You may not approve sets (editors do).")
    return 0


def _move_to(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from photoarchive.archive_move import move_archive
    from photoarchive.errors import CatalogError
    from photoarchive.home import Home

    # Only read: no folders made in the desk's home, no log written into it.
    home = Home.resolve(getattr(args, "home", None))
    root = Path(args.archive_root).expanduser()
    last: dict[str, int] = {}

    def progress(what: str, done: int, total: int) -> None:
        # Every original and every batch of rows, flushed: the line says how far a killed move got.
        if last.get(what) != done:
            last[what] = done
            print(f"{what} {done}/{total}", flush=True)

    print(f"Moving the desk archive {home.root} into {_shown(args.url)}, files into {root}.", flush=True)
    try:
        report = move_archive(home, args.url, root.absolute(), batch=max(1, args.batch), on_progress=progress)
    except CatalogError as exc:
        code = getattr(exc, "code", "catalog.error")
        print(f"photoarchive: {exc} [{code}]", file=sys.stderr)
        return 2
    if report.moved_before is not None:
        print(
            f"This desk's archive was moved into {report.target} and verified on "
            f"{report.moved_before:%Y-%m-%d %H:%M} UTC; nothing to do."
        )
        return 0
    if report.resumed:
        print("Carried on with the move that was interrupted before.")
    print(f"{'table':<20}{'desk':>10}{'shared':>10}")
    for check in report.tables:
        state = "same" if check.same else "DIFFERENT"
        print(f"{check.table:<20}{check.source_rows:>10}{check.target_rows:>10}  {state}")
    files = report.files
    print(
        f"Originals read back at the destination: {files.originals_verified} of {files.originals} match the "
        f"catalog's hash; other files: {files.other_files} ({files.copied} copied in this run)."
    )
    for problem in files.problems[:50]:
        print(f"  {problem.kind}: {problem.path} [catalog.move_file_{problem.kind}]")
    if not report.verified:
        print(
            "Not verified: the shared archive is not yet the same as this desk's (see above). Nothing on the "
            "desk was changed. [catalog.move_not_verified]"
        )
        return 1
    print("Verified: the shared archive holds everything of this desk's archive, which was left as it was.")
    print(
        "Now point the desks at it: [catalog] url and [archive] root in their settings "
        "(docs/it-setup.md, How a desk's archive joins)."
    )
    return 0


def _shown(url: str) -> str:
    from photoarchive.catalog.db import display_url

    return display_url(url)
