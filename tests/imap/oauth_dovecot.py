"""Dovecot with OAuth 2.0 sign-in (SASL XOAUTH2 and OAUTHBEARER) in front of OidcProvider.

Dovecot's `oauth2` passdb checks each bearer token by RFC 7662 introspection at the
provider, and lets the login in only when the introspected `username` equals the
XOAUTH2 `user=`. Password logins stay as they are, for the producer's side of the tests
(the portal delivering mail). Nothing here imports pytest or the app.

    with OidcProvider() as idp, OAuthDovecot(idp.introspection_url) as server: ...
"""

from __future__ import annotations

import re

from tests.imap.dovecot_server import DovecotServer

_OAUTH2_CONF = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
active_attribute = active
active_value = true
"""

_PASSDB = """\
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {conf}
}}
passdb {{
  driver = passwd-file
  mechanisms = plain login
"""


class OAuthDovecot(DovecotServer):
    """A DovecotServer whose accounts also sign in with tokens from the provider."""

    def __init__(self, introspection_url: str, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        conf = self.root / "oauth2.conf"
        conf.write_text(_OAUTH2_CONF.format(url=introspection_url), encoding="utf-8")
        conf.chmod(0o644)
        text = self.config.read_text("utf-8")
        text = text.replace(
            "auth_mechanisms = plain login", "auth_mechanisms = plain login xoauth2 oauthbearer"
        )
        text = re.sub(r"passdb \{\n  driver = passwd-file\n", _PASSDB.format(conf=conf), text)
        # Every XOAUTH2 login asks the provider: no cached answer hides a revoked grant.
        text += "auth_cache_size = 0\n"
        self.config.write_text(text, encoding="utf-8")
