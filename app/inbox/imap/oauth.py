"""OAuth 2.0 for the mailbox inbox: who signs in where, and the tokens IMAP logs in with.

Exchange Online and Gmail refuse passwords over IMAP; they take SASL XOAUTH2 with an
access token. The address says which provider (`?auth=microsoft|google|oauth2`); the
client id (and Microsoft's tenant) are deployed by IT in leadpop.toml (`OAuthApp`). The
app is a public client: nothing on the PC is secret except the user's refresh token,
which lives only in the OS keyring (or LEADPOP_OAUTH_REFRESH_TOKEN for a kiosk or service).

`Tokens` hands out access tokens that are valid for a while yet, refreshes them in time,
and turns a refused refresh token into one `SignInNeeded` that is then remembered: a
showroom PC asks for a new sign-in once, it doesn't hammer the provider every poll.
msal and the HTTP client are imported only when a token is actually needed.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

from app.inbox.base import InboxConfigError, InboxUnavailable, OAuthApp, SignInNeeded
from app.inbox.imap.url import ImapAddress

log = logging.getLogger(__name__)

MICROSOFT, GOOGLE, OAUTH2 = "microsoft", "google", "oauth2"
KINDS = (MICROSOFT, GOOGLE, OAUTH2)
MICROSOFT_LOGIN = "https://login.microsoftonline.com"
# Delegated access to the Exchange Online mailbox over IMAP. Graph has a permission of the
# same name, but a token for Graph's audience is refused by outlook.office365.com.
MICROSOFT_IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All"
GOOGLE_ISSUER = "https://accounts.google.com"
GOOGLE_MAIL_SCOPE = "https://mail.google.com/"
GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token"
GOOGLE_AUTH_URL = "https://accounts.google.com/o/oauth2/auth"
ENV_REFRESH_TOKEN = "LEADPOP_OAUTH_REFRESH_TOKEN"
SERVICE = "leadpop-oauth"
# An access token is used only while it has this much life left: a login never races its
# expiry, and a connection is renewed before the server ends it (Exchange: AccessTokenExpired).
MARGIN_S = 300.0
HTTP_TIMEOUT_S = 20.0
GOOGLE_TESTING_DAYS = 7  # refresh tokens of a Google app left in "Testing" die after 7 days


@dataclass(frozen=True)
class OAuthSpec:
    """Everything a sign-in and a refresh need: provider, endpoints, client, scopes."""

    kind: str
    issuer: str  # Microsoft: the authority (login.microsoftonline.com/<tenant>)
    client_id: str
    scopes: tuple[str, ...]
    client_secret: str = ""

    @property
    def provider(self) -> str:
        return {MICROSOFT: "Microsoft 365", GOOGLE: "Google"}.get(self.kind, self.issuer)


def microsoft(app: OAuthApp) -> OAuthSpec:
    """Exchange Online: the tenant's authority, IMAP's delegated scope and a refresh token."""
    tenant = app.tenant.strip() or "organizations"
    authority = (app.authority.strip() or MICROSOFT_LOGIN).rstrip("/")
    return OAuthSpec(
        MICROSOFT, f"{authority}/{tenant}", _client_id(app, MICROSOFT),
        (MICROSOFT_IMAP_SCOPE, "offline_access"),
    )  # fmt: skip


def google(app: OAuthApp) -> OAuthSpec:
    """Gmail / Google Workspace: full mail access is the only scope Gmail's IMAP takes."""
    return OAuthSpec(
        GOOGLE, GOOGLE_ISSUER, _client_id(app, GOOGLE), (GOOGLE_MAIL_SCOPE,), app.client_secret
    )


def generic(app: OAuthApp, issuer: str, scopes: tuple[str, ...] = ()) -> OAuthSpec:
    """Any OpenID provider found by discovery at `issuer` (Dovecot's oauth2 passdb, Keycloak…)."""
    return OAuthSpec(
        OAUTH2, issuer.rstrip("/"), _client_id(app, OAUTH2),
        scopes or ("openid", "email", "offline_access"),
    )  # fmt: skip


def _client_id(app: OAuthApp, kind: str) -> str:
    if not app.client_id.strip():
        raise InboxConfigError(
            f"this mailbox signs in with {kind} OAuth, but no client id is set: IT puts the "
            "app registration's id in leadpop.toml as oauth_client_id"
        )
    return app.client_id.strip()


def spec_for(kind: str, app: OAuthApp, issuer: str | None = None) -> OAuthSpec:
    if kind == MICROSOFT:
        return microsoft(app)
    if kind == GOOGLE:
        return google(app)
    if not issuer:
        raise InboxConfigError("?auth=oauth2 needs the provider too: add &issuer=https://…")
    return generic(app, issuer)


def spec_of(address: ImapAddress, app: OAuthApp) -> OAuthSpec:
    """The spec for a mailbox address with ?auth=; its client_id= overrides leadpop.toml's."""
    if address.client_id:
        app = replace(app, client_id=address.client_id)
    return spec_for(address.auth or OAUTH2, app, address.issuer)


def xoauth2(user: str, token: str) -> str:
    """SASL XOAUTH2's initial response: `user=` is the MAILBOX (a shared one, too)."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def oauthbearer(user: str, token: str) -> str:
    """RFC 7628 OAUTHBEARER's initial response (servers that don't offer XOAUTH2)."""
    authzid = user.replace("=", "=3D").replace(",", "=2C")
    return f"n,a={authzid},\x01auth=Bearer {token}\x01\x01"


# -- what the provider answered ------------------------------------------------------------


@dataclass(frozen=True)
class TokenReply:
    """A token endpoint's answer, the same for every provider."""

    access_token: str
    expires_in: float
    refresh_token: str | None = None  # None: keep the one we have (Google doesn't rotate)
    account: str | None = None  # who signed in (id token's preferred_username / email)
    scope: str = ""

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> TokenReply:
        claims = data.get("id_token_claims") or id_token_claims(data.get("id_token"))
        account = claims.get("preferred_username") or claims.get("email") or None
        return cls(
            access_token=str(data["access_token"]),
            expires_in=float(data.get("expires_in") or 3600),
            refresh_token=data.get("refresh_token") or None,
            account=str(account) if account else None,
            scope=str(data.get("scope") or ""),
        )


def id_token_claims(token: object) -> dict[str, Any]:
    """The claims of an id token, unverified: only for showing who signed in."""
    if not isinstance(token, str) or token.count(".") < 2:
        return {}
    part = token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except ValueError:
        return {}
    return claims if isinstance(claims, dict) else {}


class OAuthError(Exception):
    """The provider said no: RFC 6749's `error` and its description."""

    def __init__(self, error: str, description: str = "") -> None:
        self.error, self.description = error, " ".join(description.split())
        super().__init__(f"{error}: {self.description}" if self.description else error)


# -- one line IT can act on ----------------------------------------------------------------

# Entra ID's AADSTS codes that only IT can mend, and what to do about each.
_AADSTS = {
    "65001": "the Leadpop app has no consent in this Microsoft 365 tenant (AADSTS65001): an "
    "admin grants it once in Entra ID > Enterprise applications > Leadpop > Permissions > "
    "Grant admin consent",
    "700016": "Microsoft 365 doesn't know this app in the tenant (AADSTS700016): check "
    "oauth_client_id and oauth_tenant in leadpop.toml against the app registration",
    "90002": "Microsoft 365 doesn't know this tenant (AADSTS90002): check oauth_tenant in "
    "leadpop.toml (the directory id or a domain such as contoso.onmicrosoft.com)",
    "900023": "the tenant in leadpop.toml is not a valid tenant (AADSTS900023): check oauth_tenant",
    "7000218": "the app registration is not a public client (AADSTS7000218): set "
    "Authentication > Allow public client flows to Yes",
    "50020": "this account is not in the dealer's Microsoft 365 tenant (AADSTS50020): sign in "
    "with the lead watcher account of the tenant",
    "500113": "the app registration has no redirect address for this PC (AADSTS500113): "
    "add http://localhost as a Mobile and desktop redirect URI",
    "50011": "the app registration's redirect address does not match (AADSTS50011): add "
    "http://localhost as a Mobile and desktop redirect URI",
}
_GRAPH = "graph.microsoft.com"


def explain(
    exc: OAuthError, spec: OAuthSpec, *, mailbox: str, signed_in_days: float | None = None
) -> InboxConfigError:
    """The provider's refusal as one line for IT: SignInNeeded when a new sign-in mends it."""
    text = f"{exc.error} {exc.description}"
    for code, message in _AADSTS.items():
        if f"AADSTS{code}:" in text or f"AADSTS{code} " in text or text.endswith(f"AADSTS{code}"):
            return InboxConfigError(message)
    if exc.error in ("invalid_client", "unauthorized_client"):
        return InboxConfigError(
            f"{spec.provider} doesn't accept Leadpop's client id ({exc.error}): check "
            "oauth_client_id in leadpop.toml against the app registration"
        )
    if exc.error == "invalid_scope" or _GRAPH in text:
        return InboxConfigError(
            f"{spec.provider} refused the mail scope ({exc.description or exc.error}): the app "
            "registration needs the delegated permission IMAP.AccessAsUser.All of Office 365 "
            "Exchange Online (not Microsoft Graph's)"
        )
    if spec.kind == GOOGLE and (
        "verification process" in text
        or (signed_in_days is not None and GOOGLE_TESTING_DAYS - 1 <= signed_in_days <= 8)
    ):
        return SignInNeeded(
            mailbox,
            "Google ended the sign-in after about 7 days: the OAuth app is still in "
            '"Testing"; IT sets it to Internal (Google Cloud console > OAuth consent screen), '
            "then sign in again",
        )
    if exc.error in ("invalid_grant", "interaction_required", "consent_required", "login_required"):
        reason = exc.description.split(" Trace ID")[0][:160] or exc.error
        return SignInNeeded(
            mailbox,
            f"sign in again for mailbox {mailbox}: {spec.provider} no longer accepts the "
            f"earlier sign-in ({reason})",
        )
    return InboxConfigError(f"{spec.provider} refused the sign-in: {exc}"[:300])


def check_scope(reply: TokenReply, spec: OAuthSpec) -> None:
    """A token for Graph (or without the mail scope) is refused by IMAP: say so up front."""
    if _GRAPH in reply.scope:
        raise InboxConfigError(
            "the token is for Microsoft Graph, but IMAP needs Office 365 Exchange Online's "
            f"delegated permission IMAP.AccessAsUser.All (scope {MICROSOFT_IMAP_SCOPE})"
        )


# -- where the refresh token lives ---------------------------------------------------------


@dataclass(frozen=True)
class Grant:
    """What the keyring keeps for one mailbox: the refresh token and who it belongs to."""

    refresh_token: str
    account: str
    signed_in_at: float

    def dump(self) -> str:
        return json.dumps(
            {"rt": self.refresh_token, "account": self.account, "at": self.signed_in_at}
        )

    @classmethod
    def load(cls, text: str) -> Grant | None:
        try:
            data = json.loads(text)
            return cls(str(data["rt"]), str(data.get("account", "")), float(data.get("at", 0)))
        except (ValueError, KeyError, TypeError):
            return None


def keyring_key(spec: OAuthSpec, mailbox: str, host: str) -> str:
    """One entry per mailbox, provider and app: another client id means a new sign-in."""
    return f"{spec.kind}:{spec.client_id}:{mailbox}@{host.lower()}"


# Windows Credential Manager holds at most 2,560 bytes of UTF-16 per entry (1,280
# characters), and a Microsoft refresh token alone can be longer: a long sign-in is kept
# in parts, `key#0`, `key#1`, …, with the main entry naming how many there are.
PART_CHARS = 1000
_PARTS = "leadpop-parts:"


def load_grant(spec: OAuthSpec, mailbox: str, host: str) -> Grant | None:
    key = keyring_key(spec, mailbox, host)
    try:
        import keyring

        text = keyring.get_password(SERVICE, key)
        if text and text.startswith(_PARTS):
            count = int(text[len(_PARTS) :])
            parts = [keyring.get_password(SERVICE, f"{key}#{n}") for n in range(count)]
            text = None if None in parts else "".join(p or "" for p in parts)
    except Exception as exc:  # no keyring backend, a locked one, a part gone missing
        log.info("no sign-in from the system keyring: %s", type(exc).__name__)
        return None
    return Grant.load(text) if text else None


def save_grant(spec: OAuthSpec, mailbox: str, host: str, grant: Grant) -> bool:
    """False when there is no keyring: the sign-in then lasts this session only."""
    key, text = keyring_key(spec, mailbox, host), grant.dump()
    try:
        import keyring

        _delete_parts(keyring, key)
        if len(text) <= PART_CHARS:
            keyring.set_password(SERVICE, key, text)
            return True
        parts = [text[i : i + PART_CHARS] for i in range(0, len(text), PART_CHARS)]
        for n, part in enumerate(parts):
            keyring.set_password(SERVICE, f"{key}#{n}", part)
        keyring.set_password(SERVICE, key, f"{_PARTS}{len(parts)}")
    except Exception as exc:
        log.warning("can't keep the sign-in in the system keyring: %s", type(exc).__name__)
        return False
    return True


def delete_grant(spec: OAuthSpec, mailbox: str, host: str) -> bool:
    """Sign out: the refresh token leaves the keyring. False if there was none."""
    key = keyring_key(spec, mailbox, host)
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        _delete_parts(keyring, key)
        try:
            keyring.delete_password(SERVICE, key)
        except PasswordDeleteError:
            return False
    except Exception as exc:
        log.warning("can't remove the sign-in from the system keyring: %s", type(exc).__name__)
        return False
    return True


def _delete_parts(keyring: Any, key: str) -> None:
    """The parts of an earlier, longer sign-in (a rotated refresh token may be shorter)."""
    from keyring.errors import PasswordDeleteError

    text = keyring.get_password(SERVICE, key)
    if text and text.startswith(_PARTS):
        for n in range(int(text[len(_PARTS) :])):
            with suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, f"{key}#{n}")


# -- access tokens -------------------------------------------------------------------------

Refresher = Callable[[OAuthSpec, str], TokenReply]


@dataclass(frozen=True)
class AccessToken:
    value: str
    expires_at: float


class Tokens:
    """The mailbox's current access token, refreshed in time. Thread-safe (the push
    connection and the work connection both log in); a refused refresh token is final."""

    def __init__(
        self,
        spec: OAuthSpec,
        mailbox: str,
        host: str,
        *,
        env: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.time,
        refresher: Refresher | None = None,
    ) -> None:
        self.spec, self.mailbox, self.host = spec, mailbox, host
        self.clock = clock
        self._refresh_with = refresher or refresh
        self._lock = threading.Lock()
        self._token: AccessToken | None = None
        self._dead: InboxConfigError | None = None
        value = (os.environ if env is None else env).get(ENV_REFRESH_TOKEN)
        self._from_env = bool(value)
        self._grant = Grant(value, "", 0.0) if value else load_grant(spec, mailbox, host)
        if self._grant is None:
            raise SignInNeeded(
                mailbox,
                f"nobody has signed in for mailbox {mailbox} yet: sign in once with "
                f"{spec.provider} (Settings > Sign in, or `leadpop signin`)",
            )

    @property
    def account(self) -> str:
        """Who signed in (the lead watcher account); may differ from the mailbox."""
        return (self._grant.account if self._grant else "") or self.mailbox

    def get(self, *, fresh: bool = False) -> AccessToken:
        """A token with at least MARGIN_S to live; `fresh`: a new one whatever we think of
        the old one (the server refused it, or ended the session because it expired)."""
        with self._lock:
            if self._dead is not None:  # a new exception each time: re-raising one grows
                raise _copy(self._dead)  # its traceback
            token = self._token
            if token is None or fresh or token.expires_at - self.clock() < MARGIN_S:
                token = self._token = self._refresh()
            return token

    def expired(self, value: str | None = None) -> None:
        """The server says the token (`value`, or whichever we hold) expired: the next
        get() refreshes."""
        with self._lock:
            if self._token is not None and value in (None, self._token.value):
                self._token = None

    def _refresh(self) -> AccessToken:
        assert self._grant is not None
        try:
            reply = self._refresh_with(self.spec, self._grant.refresh_token)
            check_scope(reply, self.spec)
        except OAuthError as exc:
            age = self.clock() - self._grant.signed_in_at if self._grant.signed_in_at else None
            error = explain(exc, self.spec, mailbox=self.mailbox,
                            signed_in_days=age / 86400 if age is not None else None)  # fmt: skip
            self._dead = error
            log.warning("mailbox sign-in refused: %s", error)  # never the token itself
            raise error from None
        except InboxConfigError as exc:
            self._dead = exc
            raise
        if reply.refresh_token and reply.refresh_token != self._grant.refresh_token:
            # Rotated (Microsoft, most OpenID providers): the old one may stop working.
            self._grant = Grant(reply.refresh_token, self._grant.account, self._grant.signed_in_at)
            if not self._from_env:
                save_grant(self.spec, self.mailbox, self.host, self._grant)
        log.info("mailbox access token refreshed, valid %.0f s", reply.expires_in)
        return AccessToken(reply.access_token, self.clock() + reply.expires_in)


def _copy(exc: InboxConfigError) -> InboxConfigError:
    if isinstance(exc, SignInNeeded):
        return SignInNeeded(exc.mailbox, str(exc))
    return InboxConfigError(str(exc))


# -- the token endpoint --------------------------------------------------------------------


def refresh(spec: OAuthSpec, refresh_token: str) -> TokenReply:
    """A new access token for `refresh_token`, from the provider `spec` names."""
    if spec.kind == MICROSOFT:
        from app.inbox.imap.signin import msal_refresh  # msal only when it's needed

        return msal_refresh(spec, refresh_token)
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token,
            "client_id": spec.client_id}  # fmt: skip
    if spec.client_secret:
        form["client_secret"] = spec.client_secret
    return TokenReply.of(post_form(token_endpoint(spec), form))


_discovered: dict[str, dict[str, Any]] = {}
_discovery_lock = threading.Lock()


def discover(issuer: str) -> dict[str, Any]:
    """The provider's OpenID configuration, once per process."""
    with _discovery_lock:
        if issuer not in _discovered:
            _discovered[issuer] = get_json(f"{issuer.rstrip('/')}/.well-known/openid-configuration")
        return _discovered[issuer]


def token_endpoint(spec: OAuthSpec) -> str:
    if spec.kind == GOOGLE:
        return GOOGLE_TOKEN_URL
    url = discover(spec.issuer).get("token_endpoint")
    if not isinstance(url, str):
        raise InboxConfigError(f"the provider {spec.issuer} names no token endpoint")
    return url


def get_json(url: str) -> dict[str, Any]:
    return _http(url, None)


def post_form(url: str, form: Mapping[str, str]) -> dict[str, Any]:
    """POST a form to an OAuth endpoint; an OAuth error becomes OAuthError."""
    from urllib.parse import urlencode

    return _http(url, urlencode(form).encode())


def _http(url: str, data: bytes | None) -> dict[str, Any]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
    where = url.split("?")[0]
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            data_ = json.loads(body)
        except ValueError:
            data_ = {}
        if isinstance(data_, dict) and "error" in data_:
            raise OAuthError(str(data_["error"]), str(data_.get("error_description", ""))) from None
        raise InboxUnavailable(f"the sign-in server {where} answered {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        why = getattr(exc, "reason", None) or exc
        raise InboxUnavailable(f"the sign-in server {where} is unreachable: {why}") from None
    try:
        answer = json.loads(body)
    except ValueError:
        raise InboxUnavailable(f"the sign-in server {where} sent no JSON") from None
    if not isinstance(answer, dict):
        raise InboxUnavailable(f"the sign-in server {where} sent no JSON object")
    return answer
