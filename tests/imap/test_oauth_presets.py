"""The OAuth presets and the one-line errors: exact authority, scopes and XOAUTH2 string.

No server here: what Microsoft and Google are sent is fixed by these values, and a typo in
one of them only shows up against the real service, which no test may reach.
"""

from __future__ import annotations

import base64

import pytest

from app.inbox.base import InboxConfigError, SignInNeeded
from app.inbox.imap.conn import token_refused
from app.inbox.imap.oauth import (
    Grant,
    OAuthApp,
    OAuthError,
    TokenReply,
    Tokens,
    check_scope,
    explain,
    generic,
    google,
    microsoft,
    oauthbearer,
    save_grant,
    spec_of,
    xoauth2,
)
from app.inbox.imap.signin import google_client_config, msal_scopes, pkce_pair, sign_in
from app.inbox.imap.url import parse_imap_url
from tests.imap.memory_keyring import MemoryKeyring

IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All"


def test_the_microsoft_preset_asks_the_tenant_for_imap_and_a_refresh_token() -> None:
    spec = microsoft(OAuthApp(client_id="0f1e2d3c", tenant="autohuis.onmicrosoft.com"))
    assert spec.kind == "microsoft"
    assert spec.issuer == "https://login.microsoftonline.com/autohuis.onmicrosoft.com"
    assert spec.client_id == "0f1e2d3c"
    assert spec.scopes == (IMAP_SCOPE, "offline_access")
    assert msal_scopes(spec) == [IMAP_SCOPE]  # msal adds offline_access and refuses it given


def test_without_a_tenant_microsoft_takes_any_work_account() -> None:
    spec = microsoft(OAuthApp(client_id="0f1e2d3c"))
    assert spec.issuer == "https://login.microsoftonline.com/organizations"


def test_the_google_preset_asks_for_gmail_only() -> None:
    spec = google(OAuthApp(client_id="123.apps.googleusercontent.com", client_secret="GOCSPX-x"))
    assert spec.issuer == "https://accounts.google.com"
    assert spec.scopes == ("https://mail.google.com/",)
    installed = google_client_config(spec)["installed"]
    assert installed["token_uri"] == "https://oauth2.googleapis.com/token"
    assert installed["auth_uri"] == "https://accounts.google.com/o/oauth2/auth"
    assert (installed["client_id"], installed["client_secret"]) == (spec.client_id, "GOCSPX-x")


def test_a_generic_provider_is_found_by_its_issuer() -> None:
    spec = generic(OAuthApp(client_id="leadpop"), "https://id.dealer.nl/realms/x/")
    assert spec.issuer == "https://id.dealer.nl/realms/x"
    assert "offline_access" in spec.scopes


def test_the_xoauth2_string_names_the_mailbox_and_carries_the_token() -> None:
    # Google's own example of the XOAUTH2 initial response, byte for byte.
    text = xoauth2("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
    assert base64.b64encode(text.encode()).decode() == (
        "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSb"
        "GNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
    )
    assert xoauth2("leads@dealer.nl", "t") == "user=leads@dealer.nl\x01auth=Bearer t\x01\x01"
    assert oauthbearer("a,b=c", "t") == "n,a=a=2Cb=3Dc,\x01auth=Bearer t\x01\x01"


def test_pkce_uses_s256() -> None:
    verifier, challenge = pkce_pair()
    digest = __import__("hashlib").sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert 43 <= len(verifier) <= 128  # RFC 7636 4.1


def test_addresses_name_the_provider() -> None:
    ms = parse_imap_url("imaps://leads%40dealer.nl@outlook.office365.com/INBOX?auth=microsoft")
    assert (ms.auth, ms.user, ms.host, ms.port) == (
        "microsoft", "leads@dealer.nl", "outlook.office365.com", 993,
    )  # fmt: skip
    gm = parse_imap_url("imaps://leads%40dealer.nl@imap.gmail.com/INBOX?auth=google")
    assert gm.auth == "google" and gm.issuer is None
    generic_ = parse_imap_url("imaps://leads@mail.dealer.nl/INBOX?auth=oauth2&issuer=https://id.x")
    assert (generic_.auth, generic_.issuer) == ("oauth2", "https://id.x")
    assert "auth=" not in ms.display  # the cursor key and status text stay as they were


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("auth=kerberos", "auth=microsoft, auth=google or auth=oauth2"),
        ("auth=oauth2", "issuer="),
        ("auth=oauth2&issuer=ftp://x", "https://"),
        ("issuer=https://x", "auth=oauth2"),
    ],
)
def test_a_bad_oauth_address_is_one_line(query: str, needle: str) -> None:
    with pytest.raises(InboxConfigError, match=needle) as info:
        parse_imap_url(f"imaps://leads@mail.dealer.nl/INBOX?{query}")
    assert "\n" not in str(info.value)


def test_without_a_client_id_it_says_where_it_goes() -> None:
    with pytest.raises(InboxConfigError, match=r"in leadpop\.toml as oauth_client_id"):
        microsoft(OAuthApp())


MS = microsoft(OAuthApp(client_id="c", tenant="t"))
GOOGLE = google(OAuthApp(client_id="c"))


@pytest.mark.parametrize(
    ("spec", "error", "description", "needle", "sign_in"),
    [
        (MS, "invalid_grant", "AADSTS65001: The user or administrator has not consented to use "
         "the application", "Grant admin consent", False),
        (MS, "unauthorized_client", "AADSTS700016: Application with identifier 'c' was not "
         "found in the directory", "check oauth_client_id and oauth_tenant", False),
        (MS, "invalid_request", "AADSTS90002: Tenant 't' not found.", "check oauth_tenant", False),
        (MS, "invalid_client", "AADSTS7000218: The request body must contain client_secret",
         "Allow public client flows", False),
        (MS, "invalid_scope", "AADSTS70011: scope https://graph.microsoft.com/Mail.Read is not "
         "valid", "not Microsoft Graph", False),
        (MS, "invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity.",
         "sign in again", True),
        (GOOGLE, "invalid_client", "The OAuth client was not found.", "oauth_client_id", False),
        (GOOGLE, "invalid_grant", "Token has been expired or revoked.", "sign in again", True),
        (GOOGLE, "access_denied", "Leadpop has not completed the Google verification process",
         '"Testing"', True),
    ],
)  # fmt: skip
def test_each_refusal_is_one_line_that_says_what_to_do(
    spec: object, error: str, description: str, needle: str, sign_in: bool
) -> None:
    found = explain(OAuthError(error, description), spec, mailbox="leads@dealer.nl")  # type: ignore[arg-type]
    assert needle in str(found) and "\n" not in str(found)
    assert isinstance(found, SignInNeeded) is sign_in
    assert isinstance(found, InboxConfigError)  # either way: not retried on a timer


def test_a_google_sign_in_that_dies_after_seven_days_points_at_testing_mode() -> None:
    expired = OAuthError("invalid_grant", "Token has been expired or revoked.")
    week = explain(expired, GOOGLE, mailbox="leads@dealer.nl", signed_in_days=7.01)
    assert isinstance(week, SignInNeeded) and '"Testing"' in str(week) and "Internal" in str(week)
    later = explain(expired, GOOGLE, mailbox="leads@dealer.nl", signed_in_days=40)
    assert '"Testing"' not in str(later)


def test_a_token_for_graph_is_refused_before_imap_sees_it() -> None:
    reply = TokenReply("at", 0.0, scope="https://graph.microsoft.com/IMAP.AccessAsUser.All")
    with pytest.raises(InboxConfigError, match="Office 365 Exchange Online"):
        check_scope(reply, MS)
    check_scope(TokenReply("at", 0.0, scope=f"{IMAP_SCOPE} offline_access"), MS)


@pytest.mark.parametrize(
    ("url", "server_says", "needles"),
    [
        ("imaps://leads%40dealer.nl@outlook.office365.com/INBOX?auth=microsoft",
         "AUTHENTICATE failed.",
         ("Add-MailboxPermission -Identity leads@dealer.nl -User watcher@dealer.nl "
          "-AccessRights FullAccess", "Set-CASMailbox -Identity leads@dealer.nl -ImapEnabled")),
        ("imaps://leads%40dealer.nl@imap.gmail.com/INBOX?auth=google",
         "[ALERT] Your account is not enabled for IMAP use.",
         ("IMAP is off for leads@dealer.nl", "POP and IMAP access")),
        ("imaps://leads%40dealer.nl@imap.gmail.com/INBOX?auth=google",
         "[AUTHENTICATIONFAILED] Invalid credentials (Failure)",
         ("sign in as leads@dealer.nl itself",)),
    ],
)  # fmt: skip
def test_a_refused_fresh_token_says_what_to_grant(
    url: str, server_says: str, needles: tuple[str, ...], memory_keyring: MemoryKeyring
) -> None:
    address = parse_imap_url(url)
    spec = spec_of(address, OAuthApp(client_id="c"))
    save_grant(spec, address.user, address.host, Grant("rt", "watcher@dealer.nl", 0.0))
    tokens = Tokens(spec, address.user, address.host)  # the lead watcher signed in here
    line = str(token_refused(address, tokens, server_says))
    assert all(n in line for n in needles), line
    assert "\n" not in line


def test_google_gives_no_device_code_for_gmail_and_says_so() -> None:
    spec = google(OAuthApp(client_id="c", client_secret="s"))
    with pytest.raises(InboxConfigError, match="sign in on this PC with the browser"):
        sign_in(spec, "leads@dealer.nl", "imap.gmail.com", device=True)
