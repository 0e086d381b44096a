"""The group inbox's address: postgresql://ROLE@HOST[:PORT]/DATABASE?branch=NAME[&libpq…].

Everything but `branch` is libpq's own (sslmode, sslrootcert, connect_timeout, …), so a
DBA's usual options work. TLS is verified by default (sslmode=verify-full against the
system's CAs) for any server but this machine; `?sslrootcert=PATH` names a group's own CA.
A password in the address is refused: it would end up in settings files and logs; libpq
takes it from PGPASSWORD or a .pgpass file, and Leadpop from the system keyring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from app.inbox.base import InboxConfigError

SCHEMES = ("postgresql", "postgres")
_LOCAL = frozenset({"127.0.0.1", "::1", "localhost"})
_BRANCH = re.compile(r"^[\w.-]{1,64}$")
# Keep a dead TCP connection (a NAT box that forgot it) from hanging a poll: libpq gives
# up on unacknowledged data after this, and probes an idle one.
_DEFAULTS = {
    "connect_timeout": "5",
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
    "tcp_user_timeout": "15000",
    "application_name": "leadpop",
}


@dataclass(frozen=True)
class PgAddress:
    user: str
    host: str
    port: int | None
    database: str
    branch: str  # "" = the whole group (a manager's view, a bridge for every branch)
    params: tuple[tuple[str, str], ...]  # libpq's options from the query

    @property
    def display(self) -> str:
        """The address without secrets, as shown to people and kept as the inbox location."""
        port = f":{self.port}" if self.port else ""
        query = f"?branch={quote(self.branch)}" if self.branch else ""
        return f"postgresql://{quote(self.user, safe='')}@{self.host}{port}/{self.database}{query}"

    @property
    def local(self) -> bool:
        return self.host in _LOCAL or self.host.startswith("/")

    def conninfo(self) -> dict[str, str]:
        """libpq's keywords for psycopg.connect(**kw)."""
        kw = dict(_DEFAULTS)
        if not self.local:
            # libpq's own default (prefer) takes any certificate, or none: across branches
            # a lead's name and phone number go over the internet, so verify, against the
            # system's certificate store unless the address names a CA (sslrootcert=).
            kw.update(sslmode="verify-full", sslrootcert="system")
        kw.update(self.params)
        if kw.get("sslrootcert") == "system" and kw.get("sslmode") != "verify-full":
            kw.pop("sslrootcert")  # libpq takes "system" with verify-full only
        kw.update(user=self.user, host=self.host, dbname=self.database)
        if self.port:
            kw["port"] = str(self.port)
        return kw


def parse_pg_url(url: str) -> PgAddress:
    """Raises InboxConfigError with a one-line reason; never echoes the address."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise InboxConfigError("a group inbox address starts with postgresql://")
    if parts.password is not None:
        raise InboxConfigError(
            "don't put the database password in the inbox address: set PGPASSWORD, "
            "use a .pgpass file, or let Leadpop keep it in the system keyring"
        )
    user = unquote(parts.username or "")
    if not user:
        raise InboxConfigError("the group inbox address names no role: postgresql://ROLE@HOST/DB")
    host = parts.hostname or ""
    if not host:
        raise InboxConfigError("the group inbox address names no server")
    try:
        port = parts.port
    except ValueError as exc:
        raise InboxConfigError("the group inbox address has a bad port") from exc
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise InboxConfigError("the group inbox address names no database: postgresql://…/DB")
    branch, params = "", []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key == "branch":
            branch = value.strip()
            if not _BRANCH.match(branch):
                raise InboxConfigError(
                    "branch= takes a short name: letters, digits, '.', '_' or '-'"
                )
        elif key in ("password", "passfile_contents"):
            raise InboxConfigError("don't put the database password in the inbox address")
        else:
            params.append((key, value))
    return PgAddress(user, host, port, database, branch, tuple(params))
