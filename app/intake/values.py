"""Lenient readers for the loose values producers send: times, prices, years, ids, e-mails."""

from __future__ import annotations

import hashlib
import math
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.core.hours import DEFAULT_TZ

LOCAL_TZ = ZoneInfo(DEFAULT_TZ)  # naive times in lead documents are the dealership's time
MAX_ID = 64

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")
_YEAR = re.compile(r"(?<!\d)(19[0-9]{2}|20[0-9]{2})(?!\d)")
_NUMBER = re.compile(r"\d[\d.,' \u00a0]*")


def clean_str(text: str) -> str:
    """Text without lone surrogates, which SQLite and JSON writers refuse.

    They come from JSON escapes ("\\ud800") and from raw 8-bit bytes in e-mail headers
    (surrogate-escaped by the email package); the latter are recovered as UTF-8 or cp1252.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def text_of(value: Any) -> str:
    """A scalar as stripped text; containers and booleans are not text."""
    if isinstance(value, str):
        return clean_str(value).strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return str(int(value)) if float(value).is_integer() else str(value)
    return ""


def safe_id(value: str) -> str:
    """A producer's id as a safe file/db key; a long one keeps a hash so ids stay distinct."""
    cleaned = _ID_UNSAFE.sub("-", value).strip("-.")
    if len(cleaned) <= MAX_ID:
        return cleaned
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{cleaned[: MAX_ID - 17]}-{digest}"


def aware(when: datetime, naive_tz: ZoneInfo = LOCAL_TZ) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=naive_tz)


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 (naive = Amsterdam), RFC 2822, or a Unix timestamp (s or ms); else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    text = text_of(value)
    if not text:
        return None
    try:
        return aware(datetime.fromisoformat(text))
    except ValueError:
        pass
    try:
        return aware(parsedate_to_datetime(text), UTC)  # "-0000" means UTC (RFC 5322)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_year(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1900 <= value <= 2100 else None
    match = _YEAR.search(text_of(value))
    return int(match[1]) if match else None


def parse_price(value: Any) -> float | None:
    """€ 21.950,-  /  21,950.00  /  21950  ->  21950.0 (Dutch and English separators)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) and value >= 0 else None
    match = _NUMBER.search(text_of(value))
    if not match:
        return None
    digits = re.sub(r"[' \u00a0]", "", match[0]).rstrip(".,")
    last_sep = max(digits.rfind("."), digits.rfind(","))
    if last_sep >= 0 and len(digits) - last_sep - 1 != 3:
        whole, cents = digits[:last_sep], digits[last_sep + 1 :]  # a decimal separator
    else:
        whole, cents = digits, ""  # "21.950" and "21,950" group thousands
    whole = re.sub(r"[.,]", "", whole)
    try:
        return float(f"{whole or 0}.{cents or 0}")
    except ValueError:
        return None


def plausible_email(value: Any) -> str | None:
    text = text_of(value).removeprefix("mailto:").strip("<>")
    return text if _EMAIL.match(text) else None
