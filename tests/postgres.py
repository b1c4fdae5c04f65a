"""A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temporary folder, bound to 127.0.0.1 on a
free port, password logins (scram-sha-256), no system service. Under root (CI) the server runs as the
`postgres` system user, because initdb refuses root.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"


class ServerUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why (used as the skip reason)."""


def find_server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<n>/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    bindir: Path
    data_dir: Path
    root: Path
    port: int
    password: str
    run_as: list[str]

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        """A SQLAlchemy URL (psycopg 3 driver)."""
        secret = self.password if password is None else password
        return f"postgresql+psycopg://{quote(user)}:{quote(secret)}@127.0.0.1:{self.port}/{quote(database)}"

    def connect(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None):
        """A psycopg connection in autocommit mode (for CREATE DATABASE and other admin statements)."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            dbname=database,
            user=user,
            password=self.password if password is None else password,
            autocommit=True,
        )

    def execute(self, sql: str, database: str = "postgres") -> None:
        with self.connect(database) as conn:
            conn.execute(sql)

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


OWNER_FILE = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_orphans(bindir: Path, run_as: list[str]) -> None:
    """Stop and remove test servers whose creating process died without its teardown (a killed or
    aborted pytest); servers of live sessions (another worktree's run) are left alone."""
    for root in Path(tempfile.gettempdir()).glob("photoarchive-pg-*"):
        try:
            owner = int((root / OWNER_FILE).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not started by this helper, or still being set up
        if _alive(owner):
            continue
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "stop", "-D", str(root / "data"), "-m", "immediate"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def start_cluster() -> PgCluster:
    """initdb + pg_ctl start in a fresh temporary folder. Raises ServerUnavailable with the reason."""
    bindir = find_server_binaries()
    if bindir is None:
        raise ServerUnavailable(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin; "
            "install Debian's `postgresql` package to run the shared-catalog tests"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise ServerUnavailable(f"the psycopg driver is not installed ({exc})") from exc
    run_as: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="photoarchive-pg-"))
    if os.name == "posix" and os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise ServerUnavailable(
                "running as root and there is no `postgres` system user to run initdb"
            ) from exc
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else []
        if not run_as:
            shutil.rmtree(root, ignore_errors=True)
            raise ServerUnavailable("running as root and `runuser` is missing, so initdb cannot run")
    stop_orphans(bindir, run_as)
    password = secrets.token_hex(16)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n", encoding="ascii")
    if run_as:
        os.chown(pwfile, user.pw_uid, user.pw_gid)
    data_dir = root / "data"
    init = subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
    )
    pwfile.unlink()
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
    cluster = None
    for _attempt in range(3):
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        started = subprocess.run(
            [
                *run_as,
                str(bindir / "pg_ctl"),
                "start",
                "-D",
                str(data_dir),
                "-w",
                "-t",
                "60",
                "-l",
                str(root / "server.log"),
                "-o",
                options,
            ],
            capture_output=True,
            text=True,
        )
        if started.returncode == 0:
            cluster = PgCluster(bindir, data_dir, root, port, password, run_as)
            (root / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
            break
    if cluster is None:
        log_text = (
            (root / "server.log").read_text(errors="replace")[-800:] if (root / "server.log").exists() else ""
        )
        shutil.rmtree(root, ignore_errors=True)
        raise ServerUnavailable(f"pg_ctl start failed: {started.stderr.strip()[-300:]} {log_text}")
    return cluster
