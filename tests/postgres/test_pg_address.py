"""The group inbox's address: libpq's options pass through, secrets stay out."""

from __future__ import annotations

import pytest

from app.inbox.base import InboxConfigError
from app.inbox.postgres.address import parse_pg_url


def test_an_address_with_a_branch() -> None:
    a = parse_pg_url("postgresql://leadpop@db.group.nl/leads?branch=utrecht&sslmode=verify-full")
    assert (a.user, a.host, a.port, a.database, a.branch) == (
        "leadpop",
        "db.group.nl",
        None,
        "leads",
        "utrecht",
    )
    kw = a.conninfo()
    assert kw["sslmode"] == "verify-full" and kw["dbname"] == "leads" and "port" not in kw
    assert "branch" not in kw and "password" not in kw
    assert a.display == "postgresql://leadpop@db.group.nl/leads?branch=utrecht"


def test_a_port_and_no_branch_is_the_whole_group() -> None:
    a = parse_pg_url("postgres://leadpop@10.0.0.5:6432/leads")
    assert (a.port, a.branch) == (6432, "")
    assert a.conninfo()["port"] == "6432"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://leadpop:geheim@db/leads", "password"),
        ("postgresql://leadpop@db/leads?password=geheim", "password"),
        ("postgresql://db/leads", "role"),
        ("postgresql://leadpop@db/", "database"),
        ("postgresql://leadpop@db/leads?branch=a b", "branch"),
        ("postgresql://leadpop@db:port/leads", "port"),
    ],
)
def test_a_bad_address_is_one_line_that_never_echoes_a_secret(url: str, says: str) -> None:
    with pytest.raises(InboxConfigError, match=says) as info:
        parse_pg_url(url)
    assert "geheim" not in str(info.value) and "\n" not in str(info.value)


def test_tls_is_verified_by_default_except_on_this_machine() -> None:
    remote = parse_pg_url("postgresql://leadpop@db.group.nl/leads").conninfo()
    assert (remote["sslmode"], remote["sslrootcert"]) == ("verify-full", "system")
    own_ca = parse_pg_url("postgresql://leadpop@db/leads?sslrootcert=/etc/ca.pem").conninfo()
    assert (own_ca["sslmode"], own_ca["sslrootcert"]) == ("verify-full", "/etc/ca.pem")
    relaxed = parse_pg_url("postgresql://leadpop@db/leads?sslmode=require").conninfo()
    assert relaxed["sslmode"] == "require" and "sslrootcert" not in relaxed
    assert "sslmode" not in parse_pg_url("postgresql://leadpop@127.0.0.1/leads").conninfo()
