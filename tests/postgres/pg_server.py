"""A throw-away PostgreSQL server on 127.0.0.1 for tests and benchmarks.

Debian's `postgresql` package, one cluster made by `initdb` in a temporary folder and run
by `pg_ctl` on a free port, with password (SCRAM) logins over TCP as a group's server has.
Nothing here imports pytest or the app, so the benchmark can use it:

    with PostgresServer() as server:
        url = server.new_database()     # postgresql://leadpop@127.0.0.1:PORT/leads_N
        env = server.env                # PGPASSWORD for Leadpop

`initdb` refuses to run as root: run as root (CI), the server runs as Debian's `postgres`
system user and the temporary folder is handed to it; as anybody else, as that user.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ADMIN = "postgres"
ROLE = "leadpop"
PASSWORD = "s3cret-Group"
START_TIMEOUT_S = 30


def pg_bin_dir() -> Path:
    """The newest installed server's bin folder (Debian keeps them out of PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One cluster: start(), stop(), restart(), crash() on the same port and data."""

    def __init__(self) -> None:
        self.bin = pg_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="leadpop-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self._names = itertools.count(1)
        self._user: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                self._user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("the postgres system user is missing") from exc
            self.root.chmod(0o755)
            os.chown(self.root, self._user.pw_uid, self._user.pw_gid)
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        if self._user is not None:
            os.chown(pwfile, self._user.pw_uid, self._user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            ADMIN,
            "--pwfile",
            str(pwfile),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        conf = (
            "listen_addresses = '127.0.0.1'\n"
            f"port = {self.port}\n"
            f"unix_socket_directories = '{self.root}'\n"
            "fsync = off\n"  # a test cluster: a process crash loses nothing, an OS crash may
            "full_page_writes = off\n"
            "max_connections = 200\n"
            "shared_buffers = 64MB\n"
            "log_min_messages = warning\n"
        )
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as fh:
            fh.write(conf)
        self._started = False

    @property
    def env(self) -> dict[str, str]:
        """What Leadpop (libpq) needs to log in as the group's role."""
        return {"PGPASSWORD": PASSWORD}

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        user = self._user.pw_name if self._user is not None else None
        return subprocess.run(
            [str(self.bin / tool), *args],
            check=check,
            capture_output=True,
            text=True,
            user=user,
            cwd=self.root,
        )

    def url(self, database: str, *, query: str = "", role: str = ROLE) -> str:
        address = f"postgresql://{role}@127.0.0.1:{self.port}/{database}"
        return f"{address}?{query}" if query else address

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run SQL as the administrator over the private socket; returns psql's output."""
        done = self._run(
            "psql",
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.root),
            "-p",
            str(self.port),
            "-U",
            ADMIN,
            "-d",
            database,
            "-c",
            statement,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def new_database(self, *, query: str = "") -> str:
        """A fresh, empty database owned by the group's role: its inbox address."""
        name = f"leads_{next(self._names)}"
        self.sql(f"CREATE DATABASE {name} OWNER {ROLE}")
        return self.url(name, query=query)

    # -- lifetime --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def start(self) -> None:
        """Start and return once it takes connections (pg_ctl -w); running already: nothing."""
        if self._started and self.running:
            return
        done = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "start",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start:\n{self.log_tail()}")
        if not self._started:
            self._started = True
            if not self.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'"):
                self.sql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")

    def stop(self, mode: str = "fast") -> None:
        """fast: disconnect everybody and shut down cleanly; immediate: as a crash does."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def crash(self) -> None:
        """The server dies (power, OOM killer): no clean shutdown, recovery on the next start."""
        self.stop("immediate")

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_tail(self, lines: int = 30) -> str:
        path = self.root / "server.log"
        text = path.read_text("utf-8", "replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def close(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
