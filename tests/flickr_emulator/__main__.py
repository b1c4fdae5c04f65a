"""Run the Flickr emulator as its own process: ``PYTHONPATH=tests python -m flickr_emulator --port 8765``.

Prints the base URL (first line of stdout) and, with ``--grant``, a ready access token; stops on
Ctrl+C, SIGTERM or a line ``quit`` on stdin (the portable way, also on Windows) and writes the state
as JSON with ``--dump``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from .server import FlickrEmulator

_FLOAT_OPTIONS = {"probability", "delay"}
_INT_OPTIONS = {"times", "after", "seed", "retry_after", "code"}


def inject_from_spec(emulator: FlickrEmulator, spec: str) -> None:
    """``METHOD:KIND[:key=value,...]`` → ``emulator.faults.inject(...)`` (method names contain no colon)."""
    method, _, rest = spec.partition(":")
    kind, _, options = rest.partition(":")
    kwargs: dict[str, object] = {}
    for item in filter(None, options.split(",")):
        key, _, value = item.partition("=")
        key = key.strip()
        if key in _FLOAT_OPTIONS:
            kwargs[key] = float(value)
        elif key in _INT_OPTIONS:
            kwargs[key] = int(value)
        elif key in ("phase", "message"):
            kwargs[key] = value
        else:
            raise SystemExit(f"unknown fault option {key!r} in {spec!r}")
    emulator.faults.inject(method or "*", kind, **kwargs)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flickr_emulator", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--key", default="emulator-key", help="API key of the registered app")
    parser.add_argument("--secret", default="emulator-secret", help="its shared secret")
    parser.add_argument(
        "--auto-approve",
        action="store_true",
        help="visiting the authorize URL approves at once (shows the code)",
    )
    parser.add_argument(
        "--grant", choices=("read", "write", "delete"), help="issue an access token and print it as JSON"
    )
    parser.add_argument("--group", action="append", default=[], metavar="ID=NAME", help="create a group pool")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="METHOD:KIND[:key=value,...]",
        help="inject a fault, e.g. upload:commit_then_drop:times=2 or *:chaos:probability=0.1,seed=1",
    )
    parser.add_argument("--search-lag", type=float, default=0.0, help="seconds before uploads show in search")
    parser.add_argument(
        "--free",
        action="store_true",
        help="a free account: no replace (error 1), at most 1,000 photos (error 6)",
    )
    parser.add_argument("--dump", metavar="FILE", help="write the final state as JSON on exit")
    args = parser.parse_args(argv)

    emulator = FlickrEmulator(
        args.port, auto_approve="default" if args.auto_approve else None, search_index_lag=args.search_lag
    )
    emulator.register_app(args.key, args.secret)
    if args.free:
        emulator.set_account(pro=False)
    for spec in args.fault:
        inject_from_spec(emulator, spec)
    for spec in args.group:
        group_id, _, name = spec.partition("=")
        emulator.add_group(group_id, name or group_id)
    emulator.start()
    print(emulator.base_url, flush=True)
    if args.grant:
        token, secret = emulator.grant_token(args.grant)
        user = emulator.default_user
        print(
            json.dumps(
                {
                    "token": token,
                    "token_secret": secret,
                    "perms": args.grant,
                    "user_nsid": user.nsid,
                    "username": user.username,
                    "fullname": user.fullname,
                }
            ),
            flush=True,
        )

    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def watch_stdin() -> None:
        for line in sys.stdin:
            if line.strip().lower() in ("quit", "stop", "exit"):
                stop.set()
                return

    threading.Thread(target=watch_stdin, name="stdin-watch", daemon=True).start()
    try:
        while not stop.wait(0.2):
            pass
    finally:
        emulator.stop()
        if args.dump:
            emulator.dump_state(args.dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
