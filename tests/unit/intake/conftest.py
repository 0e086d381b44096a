"""Fixture documents for the intake tests (tests/fixtures/documents)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.lead import Lead
from app.intake import parse_document

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
RECEIVED = datetime(2026, 11, 27, 9, 30, 5, tzinfo=UTC)


@pytest.fixture
def received() -> datetime:
    return RECEIVED


@pytest.fixture
def document() -> Callable[[str], bytes]:
    def read(name: str) -> bytes:
        return (DOCUMENTS / name).read_bytes()

    return read


@pytest.fixture
def parse_fixture(document: Callable[[str], bytes]) -> Callable[..., Lead]:
    def parse(name: str, region: str = "NL") -> Lead:
        return parse_document(document(name), received_at=RECEIVED, name=name, region=region)

    return parse
