"""The `photoarchive` command.

Each area registers its sub-commands from its own module (`archive_cmds`, `privacy_cmds`, …). Those
modules import only argparse at load time and pull in the heavy parts inside their handlers, so that
e.g. `photoarchive strip` never loads Qt, SQLAlchemy or OpenCV.

Exit codes: 0 success, 1 "done, but something needs attention" (documented per command), 2 usage or
fatal error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from photoarchive import __version__
from photoarchive.errors import PhotoarchiveError

# Sub-command modules, in the order their commands appear in --help.
COMMAND_MODULES = (
    "photoarchive.cli.archive_cmds",
    "photoarchive.cli.check_cmds",
    "photoarchive.cli.privacy_cmds",
    "photoarchive.cli.set_cmds",
    "photoarchive.cli.flickr_cmds",
    "photoarchive.cli.catalog_cmds",
)

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors, as we want
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def common_options() -> argparse.ArgumentParser:
    """Options every sub-command accepts (also before the sub-command)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--home",
        default=argparse.SUPPRESS,
        help="archive home folder (default: $PHOTOARCHIVE_HOME, else the per-user data folder)",
    )
    parent.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(
        prog="photoarchive",
        description="The press office's photo archive. With no command, opens the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"photoarchive {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the main window offscreen, ingest a sample file into a temporary home, exit 0 on success",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # that area is not part of this build
            raise
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    home = getattr(args, "home", None)
    verbose = getattr(args, "verbose", False)
    # Commands print what a user needs; the log file in the home has the detail (-v shows it here too).
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command is None:
            from photoarchive.ui.launch import run_app

            return run_app(home=home, self_test=args.self_test)
        return int(args.handler(args) or 0)
    except PhotoarchiveError as exc:
        print(f"photoarchive: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("photoarchive: stopped.", file=sys.stderr)
        return 130
