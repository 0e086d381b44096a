"""One connection to the mailbox inbox: TLS, login, error mapping, folders and moves.

The login is a password, or an OAuth access token over SASL XOAUTH2 (Exchange Online,
Gmail). A token the server refuses is refreshed and tried once more, then the refusal is
final like a password's; a connection is renewed before its token runs out.

Every network failure becomes a one-line InboxUnavailable (retryable: the Desk backs off),
every problem only the user can fix an InboxConfigError. A refused password is remembered
by the Session and never tried again: servers lock an account after a few failed logins,
and ten showroom PCs retrying every minute would do exactly that.
"""

from __future__ import annotations

import logging
import math
import re
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError
from imapclient.imap_utf7 import encode as encode_utf7

from app.core.text import one_line
from app.inbox.base import InboxConfigError, InboxUnavailable
from app.inbox.imap.auth import PasswordRejected
from app.inbox.imap.oauth import GOOGLE, MARGIN_S, MICROSOFT, Tokens, oauthbearer, xoauth2
from app.inbox.imap.url import INSECURE, ImapAddress

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0
ROOT = "Leadpop"
DELETED = rb"\Deleted"
SEEN = rb"\Seen"
# Whatever a dead or half-dead connection raises.
NETWORK_ERRORS = (OSError, IMAPClientAbortError)
_COPYUID = re.compile(rb"COPYUID\s+\d+\s+([\d:,]+)\s+([\d:,]+)", re.IGNORECASE)
_MAX_SET = 100_000
T = TypeVar("T")


class ConnectionLost(InboxUnavailable):
    """A connection that worked died under a command (a server restart, a NAT timeout)."""


def server_text(exc: BaseException) -> str:
    """The server's words in an imaplib error, without Python's b'…' wrapping."""
    arg = exc.args[0] if exc.args else exc
    if isinstance(arg, bytes):
        arg = arg.decode("utf-8", "replace")
    text = one_line(arg)
    match = re.fullmatch(r"(?:\w+ failed: )?b['\"](.*)['\"]", text)
    return (match.group(1) if match else text)[:200]


def tls_context(address: ImapAddress) -> ssl.SSLContext:
    """Verifying by default; ?ca= trusts one more certificate; ?tls=insecure-… none at all."""
    context = ssl.create_default_context(
        cafile=str(address.ca_file) if address.ca_file is not None else None
    )
    if address.insecure_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _tls_error(address: ImapAddress, exc: ssl.SSLError) -> InboxConfigError:
    where = f"{address.host}:{address.port}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = one_line(exc.verify_message or exc.reason or exc)
        return InboxConfigError(
            f"the certificate of mail server {where} can't be verified ({why}); for a "
            f"self-signed server add ?ca=<its certificate> (or ?tls={INSECURE}) to the address"
        )
    return InboxConfigError(
        f"no TLS connection to mail server {where} ({one_line(exc.reason or exc)}); "
        "check the port and imap:// (STARTTLS) versus imaps:// (TLS)"
    )


def discard(client: IMAPClient) -> None:
    """Close without a goodbye: the connection may be dead already."""
    with suppress(Exception):
        client.shutdown()


# A password, or the OAuth tokens of the mailbox.
Credential = str | Tokens


def connect(
    address: ImapAddress, credential: Credential, timeout: float | None = None
) -> tuple[IMAPClient, float]:
    """A logged-in client, and when its login expires (inf for a password). Raises
    InboxUnavailable, InboxConfigError, PasswordRejected or SignInNeeded.

    `timeout` bounds every wait on the server (default: CONNECT_ / READ_TIMEOUT_S).
    """
    where = f"{address.host}:{address.port}"
    context = tls_context(address)
    try:
        client = IMAPClient(
            address.host,
            address.port,
            ssl=address.implicit_tls,
            ssl_context=context,
            timeout=SocketTimeout(
                connect=timeout or CONNECT_TIMEOUT_S, read=timeout or READ_TIMEOUT_S
            ),
        )
    except ssl.SSLError as exc:
        raise _tls_error(address, exc) from None
    except (OSError, IMAPClientError) as exc:
        why = one_line(getattr(exc, "strerror", None) or exc)
        raise InboxUnavailable(f"mail server {where} is unreachable: {why}") from None
    try:
        client.normalise_times = False  # aware INTERNALDATEs, not the local wall clock
        _secure(client, address, context)
        expires_at = _login(client, address, credential)
    except ssl.SSLError as exc:
        discard(client)
        raise _tls_error(address, exc) from None
    except NETWORK_ERRORS as exc:
        discard(client)
        raise InboxUnavailable(f"mail server {where}: connection lost ({one_line(exc)})") from None
    except BaseException:
        discard(client)
        raise
    return client, expires_at


def _secure(client: IMAPClient, address: ImapAddress, context: ssl.SSLContext) -> None:
    if address.implicit_tls:
        return
    if b"STARTTLS" in client.capabilities():
        client.starttls(context)
    elif not address.loopback:
        raise InboxConfigError(
            f"mail server {address.host} offers no STARTTLS: Leadpop won't send the password "
            "unencrypted; use imaps:// (TLS) instead"
        )


def _login(client: IMAPClient, address: ImapAddress, credential: Credential) -> float:
    if isinstance(credential, Tokens):
        return _oauth_login(client, address, credential)
    password = credential
    try:
        if password.isascii():
            client.login(address.user, password)
        else:  # LOGIN can't carry UTF-8; SASL PLAIN can
            client.plain_login(address.user, password)
    except LoginError as exc:
        text = server_text(exc)
        if "UNAVAILABLE" in text.upper():  # RFC 5530: the server's own trouble, try later
            raise InboxUnavailable(
                f"mail server {address.host} can't log in right now ({text})"
            ) from None
        raise PasswordRejected(
            address.user,
            address.host,
            f"mail server {address.host} refused the login of {address.user} ({text}): "
            "check the user name and enter the password again",
        ) from None
    return math.inf


def _oauth_login(client: IMAPClient, address: ImapAddress, tokens: Tokens) -> float:
    """SASL XOAUTH2 (OAUTHBEARER where only that is offered): `user=` is the mailbox, the
    token is the signed-in account's. A refused token is refreshed and tried once more:
    it may have expired, or been revoked, since we took it."""
    caps = client.capabilities()
    bearer = b"AUTH=XOAUTH2" not in caps and b"AUTH=OAUTHBEARER" in caps
    mech, initial = ("OAUTHBEARER", oauthbearer) if bearer else ("XOAUTH2", xoauth2)
    token = tokens.get()
    text = ""
    for attempt in (1, 2):
        try:
            client._command_and_check(
                "authenticate", mech, _responder(initial(address.user, token.value))
            )
            return token.expires_at
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            text = server_text(exc)
        if "UNAVAILABLE" in text.upper():  # RFC 5530: the server's own trouble, try later
            raise InboxUnavailable(f"mail server {address.host} can't log in right now ({text})")
        if attempt == 1:
            log.info("mail server refused the access token (%s): refreshing it", text)
            token = tokens.get(fresh=True)
    raise token_refused(address, tokens, text)


def _responder(initial: str) -> Callable[[bytes], str]:
    """SASL answers: the initial response, then "" to the error challenge a refusing
    server sends (RFC 7628 3.2.3); the server then ends the exchange with NO."""
    answers = iter((initial,))
    return lambda challenge: next(answers, "")


class TokenRefused(InboxConfigError):
    """The server refused a freshly refreshed token: not tried again (only IT can mend it)."""


def token_refused(address: ImapAddress, tokens: Tokens, text: str) -> TokenRefused:
    """A fresh token refused: the account may not open this mailbox. One line for IT."""
    who, box, host = tokens.account, address.user, address.host
    if "not enabled for imap" in text.lower():  # Gmail's words
        return TokenRefused(
            f"IMAP is off for {box}: allow it in the Google Admin console (Apps > Google "
            "Workspace > Gmail > End user access > POP and IMAP access)"
        )
    if tokens.spec.kind == MICROSOFT:
        return TokenRefused(
            f"Exchange Online refused {who} for mailbox {box} ({text}): give {who} access "
            f"(Add-MailboxPermission -Identity {box} -User {who} -AccessRights FullAccess) and "
            f"turn IMAP on for the mailbox (Set-CASMailbox -Identity {box} -ImapEnabled $true)"
        )
    if tokens.spec.kind == GOOGLE:
        return TokenRefused(
            f"Gmail refused {who} for mailbox {box} ({text}): sign in as {box} itself, and "
            "check that IMAP is allowed for it in the Google Admin console"
        )
    return TokenRefused(
        f"mail server {host} refused {who} for mailbox {box} ({text}): give {who} FullAccess "
        "to the mailbox, or sign in with an account that has it"
    )


def fetched(data: dict[bytes, Any], item: bytes) -> bytes:
    """One body item of a FETCH response, found by its name (b"BODY[TEXT]", …)."""
    for key, value in data.items():
        if isinstance(key, bytes) and key.upper().startswith(item) and isinstance(value, bytes):
            return value
    return b""


def header_value(block: bytes, name: bytes) -> bytes:
    """A header field's value in a fetched header block, unfolded; b"" when absent."""
    match = re.search(rb"(?im)^" + re.escape(name) + rb":[ \t]*(.*(?:\r?\n[ \t].*)*)", block)
    return b" ".join(match[1].split()) if match else b""


def quote_folder(name: str) -> bytes:
    """A folder name as an IMAP argument: modified UTF-7, quoted."""
    raw = encode_utf7(name)
    return b'"' + raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def uid_set(text: bytes) -> list[int]:
    """b"3:5,9" -> [3, 4, 5, 9] (in the order given, as COPYUID pairs them)."""
    out: list[int] = []
    for part in text.split(b","):
        first, _, last = part.partition(b":")
        lo, hi = int(first), int(last or first)
        step = 1 if hi >= lo else -1
        if abs(hi - lo) > _MAX_SET:
            raise ValueError("uid set too large")
        out.extend(range(lo, hi + step, step))
    return out


def copyuid(texts: Iterable[bytes]) -> dict[int, int]:
    """Source UID -> destination UID from COPYUID response codes (RFC 4315)."""
    moved: dict[int, int] = {}
    for text in texts:
        for match in _COPYUID.finditer(text):
            moved.update(zip(uid_set(match[1]), uid_set(match[2]), strict=False))
    return moved


@dataclass
class Layout:
    """Where Leadpop's folders live on this server (namespace prefix, hierarchy separator)."""

    prefix: str
    sep: str
    mailbox: str  # MAILBOX of the address, levels joined with the server's separator

    def folder(self, *parts: str) -> str:
        return self.prefix + self.sep.join((ROOT, *parts))

    def user_folder(self, user: str) -> str:
        """Leadpop/Claimed/<user>; the user's name survives any separator and wildcard."""
        return self.folder("Claimed", escape_user(user, self.sep))

    def user_of(self, folder: str) -> str | None:
        start = self.folder("Claimed") + self.sep
        if not folder.startswith(start) or self.sep in folder[len(start) :]:
            return None
        return unescape_user(folder[len(start) :])


_USER_UNSAFE = set('%*"\\~/.&')


def escape_user(user: str, sep: str) -> str:
    """Reversible: "jan.jansen" -> "jan~2Ejansen" (. is Dovecot's separator)."""
    return "".join(
        f"~{ord(c):02X}" if c in _USER_UNSAFE or c == sep or ord(c) < 32 else c for c in user
    )


def unescape_user(text: str) -> str:
    return re.sub(r"~([0-9A-F]{2})", lambda m: chr(int(m[1], 16)), text)


@dataclass
class Conn:
    """A logged-in client plus what this session learned about the server."""

    client: IMAPClient
    layout: Layout
    caps: frozenset[bytes]
    made: set[str] = field(default_factory=set)
    expires_at: float = math.inf  # when the login's access token runs out (OAuth)

    @property
    def imap(self) -> Any:
        # imapclient hides the response codes Leadpop needs (COPYUID of MOVE comes in an
        # untagged OK; imaplib keeps it here). Used for MOVE only.
        return self.client._imap

    def has(self, capability: bytes) -> bool:
        return capability in self.caps

    def ensure(self, folder: str) -> None:
        """Create `folder` if it isn't there; another PC creating it at once is fine."""
        if folder in self.made:
            return
        try:
            self.client.create_folder(folder)
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            if "EXISTS" not in server_text(exc).upper():  # [ALREADYEXISTS], "already exists"
                raise
        else:
            with suppress(IMAPClientError):  # so mail programs show it; only a courtesy
                self.client.subscribe_folder(folder)
        self.made.add(folder)

    def exists(self, folder: str) -> bool:
        if folder in self.made:
            return True
        found = bool(self.client.list_folders("", folder))
        if found:
            self.made.add(folder)
        return found

    def select(self, folder: str, *, readonly: bool = True) -> dict[bytes, Any]:
        """SELECT / EXAMINE again each time: it brings in what other PCs changed."""
        return self._remade(folder, lambda: self.client.select_folder(folder, readonly=readonly))

    def append(
        self,
        folder: str,
        message: bytes,
        *,
        flags: tuple[bytes, ...] = (SEEN,),
        at: datetime | None = None,
    ) -> int | None:
        """APPEND; the new message's UID when the server tells it (UIDPLUS)."""
        reply = self._remade(
            folder, lambda: self.client.append(folder, message, flags=flags, msg_time=at)
        )
        match = re.search(rb"APPENDUID\s+\d+\s+(\d+)", reply or b"", re.IGNORECASE)
        return int(match[1]) if match else None

    def _remade(self, folder: str, op: Callable[[], T]) -> T:
        """`op` on one of Leadpop's folders, made again if somebody deleted it meanwhile."""
        try:
            return op()
        except IMAPClientAbortError:
            raise
        except IMAPClientError as exc:
            text = server_text(exc).upper()
            if folder not in self.made or ("TRYCREATE" not in text and "NONEXISTENT" not in text):
                raise
        self.made.discard(folder)
        self.ensure(folder)
        return op()

    def move(self, uids: list[int], dest: str) -> dict[int, int]:
        """Move `uids` of the selected folder to `dest`: {source uid: uid in dest}.

        Only COPYUID proves a message was moved: in a race the loser may get a plain OK
        with nothing moved. Without MOVE: COPY, then \\Deleted and UID EXPUNGE.
        """
        if not uids:
            return {}
        if self.has(b"MOVE"):
            return self._uid_copy("MOVE", uids, dest)
        moved = self._uid_copy("COPY", uids, dest)
        gone = list(moved) if self.has(b"UIDPLUS") else uids
        if gone:
            self.client.add_flags(gone, [DELETED], silent=True)
            if self.has(b"UIDPLUS"):
                self.client.uid_expunge(gone)
            else:  # no UID EXPUNGE: nobody else marks messages \Deleted in these folders
                self.client.expunge()
        return moved

    def _uid_copy(self, command: str, uids: list[int], dest: str) -> dict[int, int]:
        """UID MOVE or UID COPY, and the COPYUID it answered (untagged for MOVE, tagged for
        COPY). imapclient drops both, so this goes to imaplib underneath it."""
        imap = self.imap
        imap.untagged_responses.pop("COPYUID", None)  # nothing stale from before
        numbers = ",".join(map(str, uids))
        typ, data = imap._simple_command("UID", command, numbers, quote_folder(dest))
        texts = [b"COPYUID " + c for c in imap.untagged_responses.pop("COPYUID", [])]
        texts += [d for d in data if isinstance(d, bytes)]
        if typ == "OK":
            return copyuid(texts)
        text = b" ".join(texts).decode("utf-8", "replace")
        if "EXPUNGEISSUED" in text.upper():
            return {}  # somebody else moved it first
        raise IMAPClientError(f"{command.lower()} failed: {text}")


def _layout(client: IMAPClient, mailbox: str) -> Layout:
    prefix, sep = "", "/"
    personal = None
    if b"NAMESPACE" in client.capabilities():
        personal = client.namespace().personal
    if personal:
        prefix, sep = personal[0][0], personal[0][1] or "/"
    else:
        listed = client.list_folders("", "")
        if listed and listed[0][1]:
            sep = listed[0][1].decode() if isinstance(listed[0][1], bytes) else listed[0][1]
    if mailbox.upper() != "INBOX":
        mailbox = mailbox.replace("/", sep)
    return Layout(prefix=prefix, sep=sep, mailbox=mailbox)


class Session:
    """The command connection: made on first use, dropped on a network error, made again
    on the next use (the Desk's backoff paces those). Thread-safe: one user at a time."""

    def __init__(self, address: ImapAddress, credential: Credential) -> None:
        self.address = address
        self._credential = credential
        self._tokens = credential if isinstance(credential, Tokens) else None
        self._lock = threading.RLock()
        self._conn: Conn | None = None
        self._refused: PasswordRejected | TokenRefused | None = None
        self._closed = False
        # Push on this same connection (one connection per PC, see idle_wait): whether it
        # is in IDLE now, a change IDLE saw that no idle_wait has reported yet, and the
        # commands waiting for the connection (they wake the idler through the socket pair).
        self.idling = False
        self._noticed = False
        self._reported: object = None  # the MAILBOX state idle_wait last called a change
        self._idle_since = 0.0
        self._wanted = 0
        self._turn = threading.Condition()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)  # a full pair (nobody idling) drops the byte: fine

    @property
    def where(self) -> str:
        return f"{self.address.host}:{self.address.port}"

    def open(self, timeout: float | None = None) -> Conn:
        """A new logged-in connection with its layout (the IDLE watcher's too).

        A password (or a fresh token) the server refused is never sent again, on any
        connection.
        """
        refused = self._refused
        if refused is not None:  # a new exception each time: re-raising one grows its traceback
            if isinstance(refused, PasswordRejected):
                raise PasswordRejected(refused.user, refused.host, str(refused))
            raise TokenRefused(str(refused))
        try:
            client, expires_at = connect(self.address, self._credential, timeout)
        except (PasswordRejected, TokenRefused) as exc:
            self._refused = exc
            log.warning("mailbox login refused: %s", exc)  # the message holds no secret
            raise
        try:
            layout = _layout(client, self.address.mailbox)
            caps = frozenset(client.capabilities())
        except IMAPClientError as exc:
            discard(client)
            if self._tokens is None or "not connected" not in server_text(exc).lower():
                raise
            # Exchange Online: "User is authenticated but not connected" - signed in, but
            # the account may not open this mailbox over IMAP.
            self._refused = token_refused(self.address, self._tokens, server_text(exc))
            raise TokenRefused(str(self._refused)) from None
        except BaseException:
            discard(client)
            raise
        return Conn(client, layout, caps, expires_at=expires_at)

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def stale(self, conn: Conn) -> bool:
        """The connection's token runs out soon: make a new one before the server ends it."""
        return self._tokens is not None and conn.expires_at - self._tokens.clock() < MARGIN_S / 2

    @contextmanager
    def use(self) -> Iterator[Conn]:
        with self._turn:  # an idler in IDLE gives the connection up at once
            self._wanted += 1
        with suppress(OSError):
            self._wake_w.send(b"!")
        try:
            self._lock.acquire()
        finally:
            with self._turn:
                self._wanted -= 1
                self._turn.notify_all()
        try:
            yield from self._using()
        finally:
            self._lock.release()

    def _using(self) -> Iterator[Conn]:
        if self._closed:
            raise InboxUnavailable(f"the mailbox inbox on {self.where} is closed")
        if self._conn is not None and self.stale(self._conn):
            log.info("renewing the mailbox connection before its access token runs out")
            self.drop()
        if self._conn is None:
            try:
                self._conn = self.open()
            except (*NETWORK_ERRORS, IMAPClientError) as exc:
                raise InboxUnavailable(f"mail server {self.where}: {server_text(exc)}") from exc
        try:
            if self.idling:
                self._end_idle(self._conn)
            yield self._conn
        except NETWORK_ERRORS as exc:
            self.drop()
            why = one_line(getattr(exc, "strerror", None) or exc) or type(exc).__name__
            if self._tokens is not None and "AccessTokenExpired" in why:
                self._tokens.expired()  # Exchange ended the session: refresh first
            raise ConnectionLost(f"mail server {self.where}: connection lost ({why})") from exc
        except IMAPClientError as exc:  # a NO or BAD: the connection itself is fine
            raise InboxUnavailable(f"mail server {self.where}: {server_text(exc)}") from exc

    # -- push on the work connection -------------------------------------------------------

    def idle_wait(self, timeout: float, known: Callable[[], object]) -> bool | None:
        """Push without a second connection: IDLE on this one between commands.

        Blocks up to `timeout` s; True when MAILBOX (probably) changed since `known()` (the
        (UIDVALIDITY, UIDNEXT, EXISTS) the caller last listed), False when not, None when
        the server has no IDLE. A command that wants the connection wakes the idler through
        a socket pair, ends the IDLE itself (use()) and keeps any change it saw for the next
        call; between calls the connection simply stays in IDLE. Raises what use() raises.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            with self._turn:  # commands first: the idler never starves the worker
                self._turn.wait_for(
                    lambda: self._wanted == 0, max(0.0, deadline - time.monotonic())
                )
            with self._lock:
                if self._closed:
                    return False
                try:
                    conn = self._idle_conn()
                    result = self._idle_once(conn, deadline, known)
                except _NoIdle:
                    return None
                except NETWORK_ERRORS as exc:
                    self.drop()
                    why = one_line(getattr(exc, "strerror", None) or exc) or type(exc).__name__
                    if self._tokens is not None and "AccessTokenExpired" in why:
                        self._tokens.expired()
                    raise ConnectionLost(f"mail server {self.where}: push lost ({why})") from exc
                except IMAPClientError as exc:
                    self.drop()  # an IDLE gone wrong: start clean
                    raise InboxUnavailable(f"mail server {self.where}: {server_text(exc)}") from exc
            if result is not _WOKEN:
                return bool(result)
            if time.monotonic() >= deadline:
                return False
            # A command woke us: let it run, then IDLE again until the deadline.

    def _idle_conn(self) -> Conn:
        """Holding the lock: the connection, made (or renewed) if need be."""
        if self._conn is not None and self.stale(self._conn):
            self.drop()
        if self._conn is None:
            try:
                self._conn = self.open()
            except (*NETWORK_ERRORS, IMAPClientError) as exc:
                raise InboxUnavailable(f"mail server {self.where}: {server_text(exc)}") from exc
        return self._conn

    def _idle_once(self, conn: Conn, deadline: float, known: Callable[[], object]) -> object:
        """Holding the lock: IDLE (begun if need be) until a change (True), the deadline
        (False) or a command's wake-up (_WOKEN)."""
        if not conn.has(b"IDLE"):
            raise _NoIdle
        if self._noticed:
            self._noticed = False
            return True
        if not self.idling:
            info = conn.select(conn.layout.mailbox)
            uidnext = info.get(b"UIDNEXT")
            key = (int(info.get(b"UIDVALIDITY", 0)), int(uidnext or 0), int(info.get(b"EXISTS", 0)))
            if uidnext is not None and key not in (known(), self._reported):
                self._reported = key  # told once, even if the caller doesn't list
                return True  # changed since the caller's last listing: look before IDLE
            conn.client.idle()
            self.idling, self._idle_since = True, time.monotonic()
        elif time.monotonic() - self._idle_since >= IDLE_RENEW_S:
            self._end_idle(conn)  # RFC 2177: renew before servers give up on it
            if self._noticed:
                self._noticed = False
                return True
            conn.client.idle()
            self.idling, self._idle_since = True, time.monotonic()
        if self._wanted:
            return _WOKEN
        sock = conn.client.socket()
        pending = getattr(sock, "pending", lambda: 0)()  # TLS bytes already decrypted
        wait = 0.0 if pending else max(0.0, deadline - time.monotonic())
        ready = select.select([sock, self._wake_r], [], [], wait)[0]
        if self._wake_r in ready:
            with suppress(OSError):
                while self._wake_r.recv(64):
                    pass
            if sock not in ready and not pending:
                return _WOKEN
        if sock in ready or pending:
            responses = conn.client.idle_check(0)
            if not responses:  # readable but nothing: the server closed the connection
                raise ConnectionResetError("the server closed the connection")
            return True if _idle_changes(responses) else _WOKEN
        return False

    def _end_idle(self, conn: Conn) -> None:
        """DONE; a change the server reported meanwhile is kept for the next idle_wait."""
        self.idling = False
        _, responses = conn.client.idle_done()
        if _idle_changes(responses):
            self._noticed = True

    def drop(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
            self.idling = False
            self._reported = None  # a new connection: say "look again" if in doubt
        if conn is not None:
            discard(conn.client)

    def close(self) -> None:
        self._closed = True
        with suppress(OSError):  # wake an idler at once
            self._wake_w.send(b"!")
        with self._lock:
            conn, self._conn = self._conn, None
            idling, self.idling = self.idling, False
        if conn is not None:
            try:
                if idling:
                    conn.client.idle_done()
                conn.client.logout()
            except Exception:
                discard(conn.client)
        self._wake_r.close()
        self._wake_w.close()


IDLE_RENEW_S = 240.0  # re-IDLE this often (RFC 2177: servers may end it after 29 minutes)
_IDLE_CHANGES = frozenset({b"EXISTS", b"EXPUNGE", b"VANISHED"})
_WOKEN = object()  # the idler gave the connection up to a command


class _NoIdle(Exception):
    """The server has no IDLE: the caller's timer does all the finding."""


def _idle_changes(responses: list[tuple[object, ...]]) -> bool:
    """Whether IDLE's responses tell of a change; a BYE (the server leaving, Exchange's
    AccessTokenExpired) ends the connection."""
    for item in responses:
        if len(item) >= 2 and item[0] == b"BYE":
            words = " ".join(w.decode("utf-8", "replace") if isinstance(w, bytes) else str(w)
                             for w in item[1:])  # fmt: skip
            raise ConnectionResetError(f"the server said goodbye: {words}")
        if any(part in _IDLE_CHANGES for part in item[:2] if isinstance(part, bytes)):
            return True
    return False
