"""Lead-to-alert on a mailbox inbox: APPEND by another client → the alert's first paint.

A throw-away Dovecot on 127.0.0.1 (tests/imap/dovecot_server.py, Debian's dovecot-imapd).
The benchmark is the portal's mail server: it APPENDs a lead e-mail to INBOX; the app
(pushed by IDLE, or by its re-list) pops the alert. Then the message leaves INBOX (a
colleague's claim, as far as this PC can tell), the alert closes, and the next one lands.

The same over an OAuth mailbox: Dovecot's oauth2 passdb asks a local OpenID provider
(tests/imap/oidc_provider.py) about the app's XOAUTH2 token, as Exchange Online and Gmail
check theirs; the app gets its refresh token as a kiosk does (LEADPOP_OAUTH_REFRESH_TOKEN).
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from tools.bench.app_proc import AppProcess
from tools.bench.figure import Figure, not_available
from tools.bench.latency import run_leads
from tools.bench.stats import median, p95

if TYPE_CHECKING:
    from tests.imap.dovecot_server import DovecotServer

KEY, TITLE, GOAL = "lead_to_alert_imap", "Lead-to-alert, IMAP mailbox", "median ≤ 1 s"
OAUTH_KEY, OAUTH_TITLE = "lead_to_alert_imap_oauth", "Lead-to-alert, IMAP mailbox (OAuth)"
USER, PASSWORD = "leads", "bench-Leads-1"


def lead_mail(name: str, n: int, run: str) -> bytes:
    """A portal's notification with labelled fields; its own phone and e-mail address."""
    return (
        "From: Portal Leads <leads@portal.example.nl>\r\n"
        "To: leads@dealer.example.nl\r\n"
        f"Subject: Nieuwe aanvraag van {name}\r\n"
        f"Date: {formatdate(localtime=True)}\r\n"
        f"Message-ID: {make_msgid('bench', 'portal.example.nl')}\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"Naam: {name}\r\n"
        f"Telefoon: 06 {30_000_000 + int(run, 16) % 1000 * 10_000 + n:08d}\r\n"
        f"E-mail: bench.{run}.{n}@example.nl\r\n"
        "Auto: Volkswagen Golf 1.5 TSI\r\n"
        "Bericht: Is deze auto nog beschikbaar?\r\n"
    ).encode()


def measure(n: int, work: Path, *, oauth: bool = False) -> list[float]:
    from tests.imap.dovecot_server import PASSWORD_ENV, DovecotServer

    if oauth:
        return _measure_oauth(n, work)
    with DovecotServer() as server:
        server.add_user(USER, PASSWORD)
        return _run(server, server.url(USER), {PASSWORD_ENV: PASSWORD}, n, work)


def _measure_oauth(n: int, work: Path) -> list[float]:
    from urllib.parse import urlencode

    from app.inbox.imap.oauth import ENV_REFRESH_TOKEN
    from tests.imap.oauth_dovecot import OAuthDovecot
    from tests.imap.oidc_provider import OidcProvider, Provider

    client_id, watcher = "leadpop-bench", "leadwatcher@dealer.example.nl"
    with (
        OidcProvider(Provider(clients={client_id})) as idp,
        OAuthDovecot(idp.introspection_url) as server,
    ):
        server.add_user(USER, PASSWORD)  # the portal still delivers with a password
        idp.provider.add_account(watcher, USER)
        token = idp.provider.issue_grant(watcher, client_id)  # as a finished sign-in leaves
        query = urlencode({"auth": "oauth2", "issuer": idp.issuer, "client_id": client_id})
        url = f"{server.url(USER)}?{query}"
        return _run(server, url, {ENV_REFRESH_TOKEN: token}, n, work)


def _run(server: DovecotServer, url: str, env: dict[str, str], n: int, work: Path) -> list[float]:
    """The app on `url` (its login in `env`) while the portal APPENDs `n` leads."""
    import time

    with server.client(USER, PASSWORD) as producer:
        run = secrets.token_hex(3)

        def drop(i: int) -> tuple[str, float, Callable[[], None]]:
            name = f"Klant {run} {i:04d}"
            mail = lead_mail(name, i, run)
            t0 = time.time()
            reply = producer.append("INBOX", mail)
            uid = int(reply.decode().split("[APPENDUID ")[1].split("]")[0].split()[1])
            return name, t0, lambda: _take_away(producer, uid)

        with AppProcess(url, work / "data", work, env=env) as app:
            return run_leads(app, n, drop)


def _take_away(client: object, uid: int) -> None:
    """The message leaves INBOX (as after a colleague's claim): the app closes its alert."""
    client.select_folder("INBOX")  # type: ignore[attr-defined]
    client.delete_messages([uid])  # type: ignore[attr-defined]
    client.uid_expunge([uid])  # type: ignore[attr-defined]


def figure(n: int, *, oauth: bool = False) -> Figure:
    key, title = (OAUTH_KEY, OAUTH_TITLE) if oauth else (KEY, TITLE)
    why = unavailable()
    if why:
        return not_available(key, title, "ms", GOAL, why)
    with tempfile.TemporaryDirectory(prefix="leadpop-bench-") as tmp:
        ms = measure(n, Path(tmp), oauth=oauth)
    f = Figure(
        key,
        title,
        "ms",
        GOAL,
        median(ms),
        p95(ms),
        len(ms),
        extra={"samples_ms": [round(x, 1) for x in ms]},
    )
    return f.judge(lambda f: f.median <= 1000)


def unavailable() -> str | None:
    """Why the mailbox figure can't be measured here, or None."""
    try:
        import app.inbox.imap.inbox  # noqa: F401
        from tests.imap.dovecot_server import DOVECOT
    except ImportError as exc:
        return f"mailbox inbox not available: {exc}"
    if not Path(DOVECOT).exists():
        return "Dovecot is not installed (apt-get install dovecot-imapd)"
    return None
