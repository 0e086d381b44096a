"""Signing in to a mailbox with OAuth 2.0: once per PC (or once for a kiosk), by a person.

Two ways, for every provider:

- the system browser with a loopback redirect (RFC 8252) and PKCE: msal's interactive
  flow for Microsoft, google-auth-oauthlib's installed-app flow for Google, our own for
  any other OpenID provider;
- the device code (RFC 8628), for a PC without a browser or IT setting up many PCs: the
  person reads a short code off the screen and types it on a phone or another PC.
  Google does not give the device code for Gmail's scope; it says so in one line.

What comes back is kept by `oauth.save_grant` in the OS keyring; nothing else is stored.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable
from datetime import UTC
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from app.inbox.base import InboxConfigError, InboxUnavailable, OAuthApp, SignInCode
from app.inbox.imap.oauth import (
    GOOGLE,
    GOOGLE_AUTH_URL,
    GOOGLE_TOKEN_URL,
    MICROSOFT,
    Grant,
    OAuthError,
    OAuthSpec,
    TokenReply,
    check_scope,
    delete_grant,
    discover,
    explain,
    load_grant,
    post_form,
    save_grant,
    spec_of,
)
from app.inbox.imap.url import parse_imap_url

log = logging.getLogger(__name__)

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
SIGN_IN_TIMEOUT_S = 300.0
# Scopes msal adds itself and refuses to be given.
_MSAL_RESERVED = frozenset({"offline_access", "openid", "profile"})
_DONE_PAGE = (
    "<!doctype html><meta charset=utf-8><title>Leadpop</title>"
    "<p style='font:18px sans-serif'>{text}</p>"
)


class SignInCancelled(InboxConfigError):
    """The person closed the dialog or pressed Ctrl+C; nothing was stored."""


DeviceCode = SignInCode
ShowCode = Callable[[SignInCode], None]
OpenUrl = Callable[[str], bool]


def sign_in(
    spec: OAuthSpec,
    mailbox: str,
    host: str,
    *,
    device: bool = False,
    show_code: ShowCode | None = None,
    open_url: OpenUrl | None = None,
    cancel: threading.Event | None = None,
    timeout: float = SIGN_IN_TIMEOUT_S,
) -> tuple[Grant, bool]:
    """Sign in and keep the refresh token: (the grant, whether the keyring took it).

    Raises SignInCancelled, InboxConfigError (one line for IT) or InboxUnavailable.
    """
    cancel = cancel or threading.Event()
    try:
        if device:
            reply = _device(spec, show_code or _log_code, cancel, timeout)
        else:
            reply = _browser(spec, mailbox, open_url or webbrowser.open, cancel, timeout)
    except OAuthError as exc:
        raise explain(exc, spec, mailbox=mailbox) from None
    check_scope(reply, spec)
    if not reply.refresh_token:
        raise InboxConfigError(
            f"{spec.provider} gave no refresh token, so Leadpop would have to ask again every "
            "hour: the app registration needs the offline_access permission"
        )
    grant = Grant(reply.refresh_token, reply.account or mailbox, time.time())
    kept = save_grant(spec, mailbox, host, grant)
    log.info("signed in to mailbox %s as %s (%s)", mailbox, grant.account, spec.provider)
    return grant, kept


def sign_out(spec: OAuthSpec, mailbox: str, host: str, grant: Grant | None) -> bool:
    """Remove the refresh token from the keyring, and revoke it where the provider can."""
    if grant is not None:
        try:
            _revoke(spec, grant.refresh_token)
        except (OAuthError, InboxUnavailable, InboxConfigError) as exc:
            log.info("the provider did not revoke the sign-in: %s", exc)  # removed here anyway
    return delete_grant(spec, mailbox, host)


def _revoke(spec: OAuthSpec, token: str) -> None:
    if spec.kind == MICROSOFT:
        return  # Entra ID has no revocation endpoint for a public client's refresh token
    url = "https://oauth2.googleapis.com/revoke" if spec.kind == GOOGLE else None
    url = url or discover(spec.issuer).get("revocation_endpoint")
    if isinstance(url, str):
        _post_empty(url, {"token": token, "client_id": spec.client_id})


def _post_empty(url: str, form: dict[str, str]) -> None:
    try:
        post_form(url, form)
    except InboxUnavailable as exc:
        if "sent no JSON" not in str(exc):  # RFC 7009's answer is an empty 200
            raise


def _log_code(code: DeviceCode) -> None:
    log.warning("to sign in, open %s and enter %s", code.verification_uri, code.user_code)


# -- the device code -----------------------------------------------------------------------


def _device(spec: OAuthSpec, show: ShowCode, cancel: threading.Event, timeout: float) -> TokenReply:
    if spec.kind == MICROSOFT:
        return _msal_device(spec, show, cancel)
    if spec.kind == GOOGLE:
        raise InboxConfigError(
            "Google gives no device code for Gmail: sign in on this PC with the browser"
        )
    config = discover(spec.issuer)
    endpoint = config.get("device_authorization_endpoint")
    if not isinstance(endpoint, str):
        raise InboxConfigError(f"{spec.issuer} offers no device code: sign in with the browser")
    data = post_form(endpoint, {"client_id": spec.client_id, "scope": " ".join(spec.scopes)})
    expires = float(data.get("expires_in") or 600)
    show(DeviceCode(str(data["user_code"]), str(data["verification_uri"]), expires,
                    str(data.get("verification_uri_complete") or "")))  # fmt: skip
    interval = float(data.get("interval", 5))
    deadline = time.monotonic() + min(expires, timeout)
    form = {"grant_type": DEVICE_GRANT, "device_code": str(data["device_code"]),
            "client_id": spec.client_id}  # fmt: skip
    while True:
        if cancel.wait(max(interval, 0.05)):
            raise SignInCancelled("sign-in cancelled")
        if time.monotonic() > deadline:
            raise InboxConfigError("the sign-in code expired before it was entered: try again")
        try:
            return TokenReply.of(post_form(str(config["token_endpoint"]), form))
        except OAuthError as exc:
            if exc.error == "authorization_pending":
                continue
            if exc.error == "slow_down":  # RFC 8628 3.5: five seconds more from now on
                interval += 5
                continue
            if exc.error == "access_denied":
                raise SignInCancelled("the sign-in was declined") from None
            raise


# -- the browser with a loopback redirect --------------------------------------------------


class _Loopback:
    """The redirect's listener on 127.0.0.1 (any free port): takes one answer, then stops."""

    def __init__(self, state: str) -> None:
        self.answer: dict[str, str] | None = None
        self.done = threading.Event()
        loopback = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                query = dict(parse_qsl(urlsplit(self.path).query))
                ours = query.get("state") == state and ("code" in query or "error" in query)
                text = "Leadpop is signed in. You can close this tab." if ours else "Leadpop"
                if ours and "error" in query:
                    text = "Leadpop could not sign in; see Leadpop for what to do."
                body = _DONE_PAGE.format(text=text).encode()
                self.send_response(200 if ours else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                if ours and loopback.answer is None:
                    loopback.answer = query
                    loopback.done.set()

        self._httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.timeout = 0.1
        self.redirect_uri = f"http://127.0.0.1:{self._httpd.server_address[1]}/"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="signin-loopback", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set() and not self.done.is_set():
            self._httpd.handle_request()

    def wait(self, cancel: threading.Event, timeout: float) -> dict[str, str]:
        deadline = time.monotonic() + timeout
        while not self.done.wait(0.1):
            if cancel.is_set():
                raise SignInCancelled("sign-in cancelled")
            if time.monotonic() > deadline:
                raise InboxConfigError("nobody finished the sign-in in the browser: try again")
        assert self.answer is not None
        return self.answer

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._httpd.server_close()


def pkce_pair() -> tuple[str, str]:
    """RFC 7636: (code_verifier, S256 code_challenge)."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _browser(
    spec: OAuthSpec, mailbox: str, open_url: OpenUrl, cancel: threading.Event, timeout: float
) -> TokenReply:
    if spec.kind == MICROSOFT:
        return _msal_interactive(spec, timeout)
    if spec.kind == GOOGLE:
        return _google_installed_app(spec, mailbox, timeout)
    config = discover(spec.issuer)
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(16)
    loopback = _Loopback(state)
    try:
        params = {
            "response_type": "code", "client_id": spec.client_id,
            "redirect_uri": loopback.redirect_uri, "scope": " ".join(spec.scopes),
            "state": state, "code_challenge": challenge, "code_challenge_method": "S256",
            "login_hint": mailbox,
        }  # fmt: skip
        if not open_url(f"{config['authorization_endpoint']}?{urlencode(params)}"):
            raise InboxConfigError("no web browser on this PC: sign in with the device code")
        answer = loopback.wait(cancel, timeout)
    finally:
        loopback.close()
    if "error" in answer:
        raise OAuthError(answer["error"], answer.get("error_description", ""))
    form = {"grant_type": "authorization_code", "code": answer["code"],
            "redirect_uri": loopback.redirect_uri, "client_id": spec.client_id,
            "code_verifier": verifier}  # fmt: skip
    return TokenReply.of(post_form(str(config["token_endpoint"]), form))


# -- Microsoft: msal -----------------------------------------------------------------------

_msal_apps: dict[tuple[str, str], Any] = {}
_msal_lock = threading.Lock()


def msal_scopes(spec: OAuthSpec) -> list[str]:
    """The scopes to hand msal: it adds offline_access (and openid, profile) itself."""
    return [s for s in spec.scopes if s not in _MSAL_RESERVED]


def _msal_app(spec: OAuthSpec) -> Any:
    """One PublicClientApplication per authority and client (its discovery is a request)."""
    import msal
    import requests

    key = (spec.issuer, spec.client_id)
    with _msal_lock:
        if key not in _msal_apps:
            try:
                _msal_apps[key] = msal.PublicClientApplication(
                    spec.client_id, authority=spec.issuer, instance_discovery=False
                )
            except requests.RequestException as exc:
                raise InboxUnavailable(f"Microsoft 365 sign-in is unreachable: {exc}") from None
            except ValueError:
                raise InboxConfigError(
                    f"Microsoft 365 doesn't know the tenant of {spec.issuer} (AADSTS90002): "
                    "check oauth_tenant in leadpop.toml"
                ) from None
        return _msal_apps[key]


def _msal_result(result: dict[str, Any] | None) -> TokenReply:
    if not result or "access_token" not in result:
        result = result or {}
        raise OAuthError(str(result.get("error", "no_answer")),
                         str(result.get("error_description", "")))  # fmt: skip
    return TokenReply.of(result)


def msal_refresh(spec: OAuthSpec, refresh_token: str) -> TokenReply:
    import requests

    try:
        result = _msal_app(spec).acquire_token_by_refresh_token(refresh_token, msal_scopes(spec))
    except requests.RequestException as exc:
        raise InboxUnavailable(f"Microsoft 365 sign-in is unreachable: {exc}") from None
    return _msal_result(result)


def _msal_device(spec: OAuthSpec, show: ShowCode, cancel: threading.Event) -> TokenReply:
    app = _msal_app(spec)
    flow = app.initiate_device_flow(scopes=msal_scopes(spec))
    if "user_code" not in flow:
        raise OAuthError(str(flow.get("error", "no_device_code")),
                         str(flow.get("error_description", "")))  # fmt: skip
    show(DeviceCode(flow["user_code"], flow["verification_uri"],
                    float(flow.get("expires_in", 900))))  # fmt: skip
    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda _flow: cancel.is_set())
    if cancel.is_set():
        raise SignInCancelled("sign-in cancelled")
    return _msal_result(result)


def _msal_interactive(spec: OAuthSpec, timeout: float) -> TokenReply:
    """msal opens the system browser and listens on http://localhost:<free port>."""
    result = _msal_app(spec).acquire_token_interactive(
        msal_scopes(spec), prompt="select_account", timeout=int(timeout)
    )
    return _msal_result(result)


# -- Google: google-auth-oauthlib ----------------------------------------------------------


def google_client_config(spec: OAuthSpec) -> dict[str, Any]:
    """The installed-app ("Desktop") client configuration google-auth-oauthlib takes."""
    return {"installed": {
        "client_id": spec.client_id, "client_secret": spec.client_secret,
        "auth_uri": GOOGLE_AUTH_URL, "token_uri": GOOGLE_TOKEN_URL,
        "redirect_uris": ["http://localhost"],
    }}  # fmt: skip


def _google_installed_app(spec: OAuthSpec, mailbox: str, timeout: float) -> TokenReply:
    from google_auth_oauthlib.flow import InstalledAppFlow
    from oauthlib.oauth2.rfc6749.errors import OAuth2Error

    flow = InstalledAppFlow.from_client_config(google_client_config(spec), list(spec.scopes))
    try:
        creds = flow.run_local_server(
            host="localhost", port=0, open_browser=True, timeout_seconds=int(timeout),
            authorization_prompt_message="", login_hint=mailbox, access_type="offline",
            prompt="consent",
        )  # fmt: skip
    except OAuth2Error as exc:
        raise OAuthError(exc.error, exc.description or "") from None
    # google-auth keeps a naive UTC expiry
    expires = creds.expiry.replace(tzinfo=UTC).timestamp() - time.time() if creds.expiry else 3600
    return TokenReply(creds.token, expires, creds.refresh_token, mailbox, " ".join(spec.scopes))


# -- by mailbox address (what app.inbox.open hands on) -------------------------------------


def _target(url: str, app: OAuthApp) -> tuple[OAuthSpec, str, str]:
    address = parse_imap_url(url)
    if not address.auth:
        raise InboxConfigError("this mailbox signs in with a password, not with OAuth (?auth=)")
    return spec_of(address, app), address.user, address.host


def sign_in_address(url: str, app: OAuthApp, **kw: Any) -> Grant:
    """sign_in() for the mailbox at `url`; `kw` as sign_in's. The grant is kept."""
    spec, mailbox, host = _target(url, app)
    grant, kept = sign_in(spec, mailbox, host, **kw)
    if not kept:
        raise InboxConfigError(
            "signed in, but this PC has no system keyring to keep the sign-in: set "
            "LEADPOP_OAUTH_REFRESH_TOKEN for a kiosk, or install a keyring"
        )
    return grant


def sign_out_address(url: str, app: OAuthApp) -> bool:
    spec, mailbox, host = _target(url, app)
    return sign_out(spec, mailbox, host, load_grant(spec, mailbox, host))


def signed_in_account(url: str, app: OAuthApp) -> str | None:
    """Who is signed in for the mailbox at `url` on this PC (None: nobody)."""
    try:
        spec, mailbox, host = _target(url, app)
    except InboxConfigError:
        return None
    grant = load_grant(spec, mailbox, host)
    return (grant.account or mailbox) if grant is not None else None
