"""A small OpenID provider on 127.0.0.1 for tests and benchmarks: the sign-in's far side.

It speaks the protocols Leadpop's sign-in and Dovecot's `oauth2` passdb use, as the
standards write them, so the whole path runs on this machine without Microsoft or Google:

- discovery (`/.well-known/openid-configuration`, also under `/v2.0/` as Entra ID has it);
- the device authorization grant (RFC 8628): the test plays the person typing the code;
- the authorization code grant with PKCE S256 (RFC 7636) and a loopback redirect
  (RFC 8252): the test plays the browser, fetching the authorize URL and following the
  redirect to Leadpop's loopback listener;
- the refresh_token grant, with a refresh token that a test can refuse, expire or revoke;
- token introspection (RFC 7662) for Dovecot, and revocation (RFC 7009).

Access tokens are opaque and live `access_lifetime` seconds. Each account is allowed into
one mailbox: introspection names it as `username`, and Dovecot compares that with the
XOAUTH2 `user=`. That is how the tests model an Exchange "lead watcher" account with
FullAccess to a shared mailbox. Nothing here imports pytest or the app.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


@dataclass
class Grant:
    """One sign-in of one account for one client: its refresh token and access tokens."""

    account: str
    client_id: str
    scope: str
    refresh_token: str
    revoked: bool = False
    refreshes: int = 0


@dataclass
class AccessToken:
    grant: Grant
    expires_at: float


@dataclass
class DeviceCode:
    client_id: str
    scope: str
    user_code: str
    expires_at: float
    account: str | None = None  # set when the person approves
    denied: bool = False


@dataclass
class AuthCode:
    client_id: str
    scope: str
    redirect_uri: str
    challenge: str
    account: str


@dataclass
class Provider:
    """The provider's state; `OidcProvider` serves it over HTTP."""

    access_lifetime: float = 3600.0
    device_interval: float = 0.0  # RFC 8628 says 5 s; the tests don't wait for nothing
    clients: set[str] = field(default_factory=set)
    mailboxes: dict[str, str] = field(default_factory=dict)  # account -> the mailbox it may open
    browser_account: str | None = None  # who is "signed in" in the test's browser
    authorize_error: tuple[str, str] | None = None  # (error, description) the next authorize gets
    refresh_error: tuple[str, str] | None = None  # (error, description) every refresh gets
    grants: list[Grant] = field(default_factory=list)
    tokens: dict[str, AccessToken] = field(default_factory=dict)
    devices: dict[str, DeviceCode] = field(default_factory=dict)
    codes: dict[str, AuthCode] = field(default_factory=dict)
    introspections: int = 0
    refresh_requests: int = 0  # refresh_token grants asked for, granted or not
    issuer: str = ""  # set when served
    clock: Callable[[], float] = time.time
    lock: threading.Lock = field(default_factory=threading.Lock)

    # -- what a test does ------------------------------------------------------------------

    def add_account(self, account: str, mailbox: str | None = None) -> None:
        """An account that may open `mailbox` (its own name when not given)."""
        with self.lock:
            self.mailboxes[account] = mailbox or account

    def approve(self, user_code: str, account: str, *, deny: bool = False) -> None:
        """The person types the code on the verification page and signs in (or says no)."""
        with self.lock:
            device = next(d for d in self.devices.values() if d.user_code == user_code)
            device.account, device.denied = account, deny

    def wait_for_device(self, timeout: float = 10.0) -> DeviceCode:
        """The device code a client asked for: the test reads the code off the 'screen'."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                waiting = [d for d in self.devices.values() if d.account is None]
            if waiting:
                return waiting[-1]
            threading.Event().wait(0.01)
        raise TimeoutError("no device code was asked for")

    def expire_access_tokens(self) -> None:
        """Every access token given out so far is past its lifetime now."""
        with self.lock:
            for token in self.tokens.values():
                token.expires_at = self.clock() - 1

    def revoke(self, account: str) -> None:
        """The admin revokes the account's sessions: every grant and token stops working."""
        with self.lock:
            for grant in self.grants:
                if grant.account == account:
                    grant.revoked = True

    def issue_grant(self, account: str, client_id: str, scope: str = "openid") -> str:
        """What a finished sign-in leaves behind: a new grant's refresh token."""
        with self.lock:
            return str(self._new_grant(account, client_id, scope)["refresh_token"])

    def grant_of(self, account: str) -> Grant:
        with self.lock:
            return [g for g in self.grants if g.account == account][-1]

    # -- the endpoints' logic --------------------------------------------------------------

    def _issue(self, grant: Grant) -> dict[str, Any]:
        token = "at-" + secrets.token_urlsafe(24)
        self.tokens[token] = AccessToken(grant, self.clock() + self.access_lifetime)
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(self.access_lifetime),
            "refresh_token": grant.refresh_token,
            "scope": grant.scope,
            "id_token": _id_token(grant.account, grant.client_id, self.issuer),
        }

    def _new_grant(self, account: str, client_id: str, scope: str) -> dict[str, Any]:
        grant = Grant(account, client_id, scope, "rt-" + secrets.token_urlsafe(32))
        self.grants.append(grant)
        return self._issue(grant)

    def device_authorization(self, form: dict[str, str], base: str) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") not in self.clients:
            return 400, _error("invalid_client", "unknown client_id")
        code = secrets.token_urlsafe(16)
        user_code = "-".join(secrets.token_hex(2).upper() for _ in range(2))
        with self.lock:
            self.devices[code] = DeviceCode(
                form["client_id"], form.get("scope", ""), user_code, self.clock() + 600
            )
        return 200, {
            "device_code": code,
            "user_code": user_code,
            "verification_uri": f"{base}/device",
            "verification_uri_complete": f"{base}/device?user_code={user_code}",
            "expires_in": 600,
            "interval": self.device_interval,
            "message": f"To sign in, open {base}/device and enter the code {user_code}.",
        }

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        kind = form.get("grant_type")
        client_id = form.get("client_id", "")
        if client_id not in self.clients:
            return 400, _error("invalid_client", "unknown client_id")
        with self.lock:
            if kind == DEVICE_GRANT:
                return self._device_token(form)
            if kind == "authorization_code":
                return self._code_token(form)
            if kind == "refresh_token":
                return self._refresh(form)
        return 400, _error("unsupported_grant_type", str(kind))

    def _device_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        device = self.devices.get(form.get("device_code", ""))
        if device is None or device.client_id != form["client_id"]:
            return 400, _error("invalid_grant", "unknown device_code")
        if device.expires_at < self.clock():
            return 400, _error("expired_token", "the device code expired")
        if device.denied:
            return 400, _error("access_denied", "the user declined")
        if device.account is None:
            return 400, _error("authorization_pending", "waiting for the user")
        del self.devices[form["device_code"]]
        return 200, self._new_grant(device.account, device.client_id, device.scope)

    def _code_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        code = self.codes.pop(form.get("code", ""), None)
        if code is None or code.client_id != form["client_id"]:
            return 400, _error("invalid_grant", "unknown or used code")
        if code.redirect_uri != form.get("redirect_uri"):
            return 400, _error("invalid_grant", "redirect_uri differs")
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if digest.rstrip(b"=").decode() != code.challenge:
            return 400, _error("invalid_grant", "PKCE verification failed")
        return 200, self._new_grant(code.account, code.client_id, code.scope)

    def _refresh(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.refresh_requests += 1
        if self.refresh_error is not None:
            return 400, _error(*self.refresh_error)
        rt = form.get("refresh_token", "")
        grant = next((g for g in self.grants if g.refresh_token == rt), None)
        if grant is None or grant.revoked or grant.client_id != form["client_id"]:
            return 400, _error("invalid_grant", "the refresh token is not valid")
        grant.refreshes += 1
        return 200, self._issue(grant)

    def authorize(self, query: dict[str, str]) -> tuple[int, str]:
        """-> (status, Location or error text). Only loopback redirects (RFC 8252)."""
        redirect = query.get("redirect_uri", "")
        host = urlsplit(redirect).hostname
        if urlsplit(redirect).scheme != "http" or host not in ("127.0.0.1", "localhost", "::1"):
            return 400, "redirect_uri must be a loopback http:// address"
        if query.get("client_id") not in self.clients:
            return 400, "unknown client_id"
        state = query.get("state", "")
        with self.lock:
            error, self.authorize_error = self.authorize_error, None
        if error is not None:
            params = {"error": error[0], "error_description": error[1], "state": state}
            return 302, f"{redirect}?{urlencode(params)}"
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return 400, "PKCE S256 is required"
        if self.browser_account is None:
            return 400, "nobody is signed in in this browser"
        code = secrets.token_urlsafe(16)
        with self.lock:
            self.codes[code] = AuthCode(
                query["client_id"],
                query.get("scope", ""),
                redirect,
                query["code_challenge"],
                self.browser_account,
            )
        return 302, f"{redirect}?{urlencode({'code': code, 'state': state})}"

    def introspect(self, form: dict[str, str]) -> dict[str, Any]:
        with self.lock:
            self.introspections += 1
            token = self.tokens.get(form.get("token", ""))
            if token is None or token.grant.revoked or token.expires_at <= self.clock():
                return {"active": False}
            grant = token.grant
            return {
                "active": True,
                "username": self.mailboxes.get(grant.account, grant.account),
                "sub": grant.account,
                "client_id": grant.client_id,
                "scope": grant.scope,
                "exp": int(token.expires_at),
            }

    def revoke_token(self, form: dict[str, str]) -> None:
        value = form.get("token", "")
        with self.lock:
            for grant in self.grants:
                if grant.refresh_token == value:
                    grant.revoked = True
            if value in self.tokens:
                self.tokens[value].grant.revoked = True


def _error(code: str, description: str) -> dict[str, Any]:
    return {"error": code, "error_description": description}


def _id_token(account: str, client_id: str, issuer: str) -> str:
    """An unsigned JWT with the claims a client shows ("signed in as …")."""

    def part(data: dict[str, Any]) -> str:
        raw = json.dumps(data).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    now = int(time.time())
    claims = {
        "sub": account,
        "preferred_username": account,
        "email": account,
        "aud": client_id,
        "iat": now,
        "exp": now + 3600,
    }
    return f"{part({'alg': 'none'})}.{part(claims)}."


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the tests read state
        pass

    def _send(self, status: int, body: dict[str, Any] | str, location: str | None = None) -> None:
        data = (json.dumps(body) if isinstance(body, dict) else body).encode()
        self.send_response(status)
        kind = "application/json" if isinstance(body, dict) else "text/plain; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode("utf-8")))
        basic = self.headers.get("Authorization", "")
        if basic.startswith("Basic ") and "client_id" not in form:  # client_secret_basic
            form["client_id"] = base64.b64decode(basic[6:]).decode().partition(":")[0]
        return form

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        provider, base = self.server.provider, self.server.issuer
        path = parts.path
        # Any prefix: Entra ID's authorities put the tenant and /v2.0 before it.
        if path.endswith("/.well-known/openid-configuration"):
            self._send(200, discovery(base))
        elif path == "/authorize":
            status, text = provider.authorize(dict(parse_qsl(parts.query)))
            if status == 302:
                self._send(302, "", location=text)
            else:
                self._send(status, text)
        else:
            self._send(404, "not found")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        provider, base = self.server.provider, self.server.issuer
        form = self._form()
        if path == "/device":
            self._send(*provider.device_authorization(form, base))
        elif path == "/token":
            self._send(*provider.token(form))
        elif path == "/introspect":
            self._send(200, provider.introspect(form))
        elif path == "/revoke":
            provider.revoke_token(form)
            self._send(200, "")
        else:
            self._send(404, "not found")


def discovery(base: str) -> dict[str, Any]:
    return {
        "issuer": base,
        "authorization_endpoint": f"{base}/authorize",
        "token_endpoint": f"{base}/token",
        "device_authorization_endpoint": f"{base}/device",
        "introspection_endpoint": f"{base}/introspect",
        "revocation_endpoint": f"{base}/revoke",
        "jwks_uri": f"{base}/jwks",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token", DEVICE_GRANT],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["none"],
        "scopes_supported": ["openid", "offline_access", "email", "imap"],
    }


class _Server(HTTPServer):
    """One request at a time, on the serving thread: no request thread outlives a test."""

    provider: Provider
    issuer: str


class OidcProvider:
    """The provider on 127.0.0.1, served from a thread: start() ... close()."""

    def __init__(
        self, provider: Provider | None = None, *, cert: Path | None = None, key: Path | None = None
    ) -> None:
        self.provider = provider or Provider()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        port = self._httpd.server_address[1]
        scheme = "http"
        if cert is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)
            scheme = "https"
        self.issuer = f"{scheme}://127.0.0.1:{port}"
        self._httpd.provider, self._httpd.issuer = self.provider, self.issuer
        self.provider.issuer = self.issuer
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="oidc-provider",
            daemon=True,
        )

    @property
    def introspection_url(self) -> str:
        return f"{self.issuer}/introspect"

    def start(self) -> OidcProvider:
        self._thread.start()
        return self

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)

    def __enter__(self) -> OidcProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
