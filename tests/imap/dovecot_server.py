"""A throw-away Dovecot IMAP server on 127.0.0.1 for tests and benchmarks.

Debian's `dovecot-imapd` with a generated configuration: passwd-file users with {PLAIN}
passwords, one maildir per user, and every runtime file in a temporary folder that is
removed afterwards. Nothing here imports pytest or the app, so the benchmark can use it:

    url, env, stop = start_dovecot()   # env carries LEADPOP_IMAP_PASSWORD

Dovecot refuses to run mail processes as root. Run as root (CI), it uses Debian's
`dovecot` / `dovenull` system users, and the temporary folder is made reachable for them;
run as anybody else, everything runs as that user.
"""

from __future__ import annotations

import getpass
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from imapclient import IMAPClient

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
DOVEADM = shutil.which("doveadm") or "/usr/bin/doveadm"
PASSWORD_ENV = "LEADPOP_IMAP_PASSWORD"  # the name app.inbox.imap.auth reads
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 10.0
# Dovecot 2.3's default capabilities after login minus MOVE: a server that lacks it.
CAPABILITY_WITHOUT_MOVE = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE "
    "ESEARCH SEARCHRES WITHIN LIST-STATUS BINARY LITERAL+"
)

_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = leadpop-test-{port}
log_path = {root}/dovecot.log
default_internal_user = {internal_user}
default_login_user = {login_user}
first_valid_uid = 1
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused login answers at once (Dovecot's default is 2 s): the tests count them instead.
auth_failure_delay = 0
mail_location = maildir:{root}/mail/%u
{ssl}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
  # No growing per-IP delay after failed logins (Dovecot's auth penalty): every test
  # comes from 127.0.0.1, and one test's wrong password must not slow the next one.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{capability}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _mail_user() -> tuple[str, str, int, int]:
    """(internal user, login user, uid, gid) the server's processes run as."""
    if os.geteuid() != 0:
        me = getpass.getuser()
        return me, me, os.getuid(), os.getgid()
    try:
        mail = pwd.getpwnam("dovecot")
        login = pwd.getpwnam("dovenull").pw_name
    except KeyError as exc:
        raise RuntimeError("Dovecot's system users are missing: install dovecot-core") from exc
    return mail.pw_name, login, mail.pw_uid, mail.pw_gid


class DovecotServer:
    """One Dovecot instance: start(), stop(), restart() on the same ports and maildirs."""

    def __init__(self, *, tls: bool = False, capability: str | None = None) -> None:
        if not os.path.exists(DOVECOT):
            raise RuntimeError("Dovecot is not installed (apt-get install dovecot-imapd)")
        self.root = Path(tempfile.mkdtemp(prefix="leadpop-dovecot-"))
        self.port = free_port()
        self.tls_port = free_port() if tls else 0
        self.tls = tls
        self.cert: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._users = itertools.count(1)
        internal, login, uid, gid = _mail_user()
        self._uid, self._gid = uid, gid
        # Dovecot's own processes must reach the maildirs and the passwd file.
        self.root.chmod(0o755)
        (self.root / "mail").mkdir()
        os.chown(self.root / "mail", uid, gid)
        (self.root / "passwd").mkdir()
        ssl = "ssl = no"
        if tls:
            self.cert = self._make_certificate()
            ssl = f"ssl = yes\nssl_cert = <{self.cert}\nssl_key = <{self.root / 'key.pem'}"
        self.config = self.root / "dovecot.conf"
        self.config.write_text(
            _CONFIG.format(
                root=self.root,
                port=self.port,
                tls_port=self.tls_port,
                internal_user=internal,
                login_user=login,
                uid=uid,
                gid=gid,
                ssl=ssl,
                capability=f"protocol imap {{\n  imap_capability = {capability}\n}}"
                if capability
                else "",
            ),
            encoding="utf-8",
        )

    def _make_certificate(self) -> Path:
        """A self-signed certificate for 127.0.0.1 and localhost, as a small dealer has."""
        cert, key = self.root / "cert.pem", self.root / "key.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
        key.chmod(0o644)  # read by Dovecot's unprivileged processes; a throw-away key
        return cert

    # -- users -----------------------------------------------------------------------------

    def add_user(self, name: str, password: str) -> None:
        """A new account: a passwd file of its own, as Dovecot re-reads a changed one at most
        once a second and a user added in the same second would be unknown."""
        path = self.root / "passwd" / name
        path.write_text(f"{name}:{{PLAIN}}{password}::::\n", encoding="utf-8")
        path.chmod(0o644)

    def new_account(self, password: str = "s3cret-Leads") -> tuple[str, str]:
        """A fresh account with an empty mailbox: (user, password)."""
        name = f"leads{next(self._users)}"
        self.add_user(name, password)
        return name, password

    def url(self, user: str, mailbox: str = "INBOX", *, tls: bool = False, query: str = "") -> str:
        """The inbox address Leadpop takes: imap:// on loopback, or imaps:// (tls=True)."""
        scheme, port = ("imaps", self.tls_port) if tls else ("imap", self.port)
        address = f"{scheme}://{quote(user, safe='')}@127.0.0.1:{port}/{quote(mailbox)}"
        return f"{address}?{query}" if query else address

    def client(self, user: str, password: str) -> IMAPClient:
        """A plain logged-in client on loopback: the producer's and the test's side."""
        client = IMAPClient("127.0.0.1", self.port, ssl=False, timeout=10)
        try:
            client.login(user, password)
        except Exception:
            client.shutdown()
            raise
        client.normalise_times = False
        return client

    def append(
        self,
        user: str,
        password: str,
        data: bytes,
        *,
        mailbox: str = "INBOX",
        at: datetime | None = None,
        flags: tuple[bytes, ...] = (),
    ) -> int:
        """APPEND a message as another client would; returns its UID (APPENDUID)."""
        with self.client(user, password) as client:
            reply = client.append(mailbox, data, flags=flags, msg_time=at)
        return appended_uid(reply)

    # -- lifetime --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start in the foreground (-F) and return once the IMAP port takes connections."""
        if self.running:
            return
        log = open(self.root / "master.log", "ab")  # noqa: SIM115 - the child keeps it
        try:
            self._proc = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.config)],
                stdout=log,
                stderr=log,
                start_new_session=True,  # its own process group: stop() ends every process
            )
        finally:
            log.close()
        deadline = START_TIMEOUT_S
        while deadline > 0:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                pass
            try:  # doubles as the pause between tries: a dead server ends the wait at once
                self._proc.wait(timeout=0.01)
            except subprocess.TimeoutExpired:
                deadline -= 0.01
                continue
            break
        self.stop()
        raise RuntimeError(f"Dovecot did not start:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the server and every connection it has, as a reboot of the server does.

        The master alone would leave the connection processes running on (Dovecot lets
        them finish), so the whole process group gets SIGTERM.
        """
        proc, self._proc = self._proc, None
        if proc is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    def kick(self, user: str) -> None:
        """Drop every connection of `user`, as a server or a NAT box cutting them off."""
        subprocess.run(
            [DOVEADM, "-c", str(self.config), "kick", user], check=True, capture_output=True
        )

    def log_tail(self, lines: int = 30) -> str:
        text = ""
        for name in ("master.log", "dovecot.log"):
            path = self.root / name
            if path.exists():
                text += path.read_text("utf-8", "replace")
        return "\n".join(text.splitlines()[-lines:])

    def log_lines(self, *needles: str, at_least: int = 0) -> list[str]:
        """The server log's lines that contain all `needles`.

        Dovecot writes its log through a process of its own, a moment later: with
        `at_least`, wait (up to START_TIMEOUT_S) until that many lines are there.
        """
        path = self.root / "dovecot.log"
        waited = 0.0
        while True:
            text = path.read_text("utf-8", "replace") if path.exists() else ""
            found = [line for line in text.splitlines() if all(n in line for n in needles)]
            if len(found) >= at_least or waited >= START_TIMEOUT_S or self._proc is None:
                return found
            try:  # the pause between looks (and a dead server ends the wait)
                self._proc.wait(timeout=0.01)
            except subprocess.TimeoutExpired:
                waited += 0.01

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DovecotServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def appended_uid(reply: bytes) -> int:
    """The UID in an APPEND reply's `[APPENDUID <validity> <uid>]` (UIDPLUS)."""
    text = reply.decode("ascii", "replace")
    _, _, rest = text.partition("[APPENDUID ")
    return int(rest.split("]")[0].split()[1])


def start_dovecot(
    user: str = "leads", password: str = "s3cret-Leads", mailbox: str = "INBOX"
) -> tuple[str, dict[str, str], Callable[[], None]]:
    """Start a server with one account: (inbox url, environment for Leadpop, stop)."""
    server = DovecotServer()
    server.add_user(user, password)
    try:
        server.start()
    except BaseException:
        server.close()
        raise
    return server.url(user, mailbox), {PASSWORD_ENV: password}, server.close
