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
