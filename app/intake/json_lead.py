"""JSON lead documents (v1, the README's inbox contract): web-form bridges and `leadpop drop`."""

from __future__ import annotations

import json
from typing import Any

from app.core.lead import MISSED_CALL, Vehicle
from app.core.names import full_name
from app.intake.errors import Unreadable
from app.intake.fields import Found
from app.intake.labels import field_of_label
from app.intake.values import (
    clean_str,
    parse_price,
    parse_time,
    parse_year,
    plausible_email,
    safe_id,
    text_of,
)

KNOWN = {
    "id",
    "requested_at",
    "source",
    "name",
    "first_name",
    "infix",
    "tussenvoegsel",
    "last_name",
    "kind",
    "phone",
    "email",
    "vehicle",
    "message",
}
_VEHICLE_TEXT = ("make", "model", "stock", "url", "plate", "text")


def load(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(
            f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise Unreadable("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer longer than Python's digit limit
        raise Unreadable(f"malformed JSON: {exc}") from None
    if not isinstance(data, dict):
        raise Unreadable(f"JSON is not an object but {type(data).__name__}: not a lead document")
    return _cleaned(data)


def _cleaned(root: dict[str, Any]) -> dict[str, Any]:
    """Replace lone surrogates (from "\\udXXX" escapes) everywhere, without recursion."""
    stack: list[dict[str, Any] | list[Any]] = [root]
    while stack:
        node = stack.pop()
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        for key, value in items:
            if isinstance(value, str):
                node[key] = clean_str(value)  # type: ignore[index]
            elif isinstance(value, dict | list):
                stack.append(value)
            if isinstance(node, dict) and isinstance(key, str) and clean_str(key) != key:
                node[clean_str(key)] = node.pop(key)
    return root


def _vehicle(value: Any, extra: dict[str, Any]) -> Vehicle | None:
    if isinstance(value, str | int | float):
        text = text_of(value)
        return Vehicle(text=text) if text else None
    if not isinstance(value, dict):
        return None
    vehicle = Vehicle(
        **{k: text_of(value.get(k)) or None for k in _VEHICLE_TEXT},
        year=parse_year(value.get("year")),
        price=parse_price(value.get("price")),
    )
    unknown = {k: v for k, v in value.items() if k not in {*_VEHICLE_TEXT, "year", "price"}}
    if unknown:
        extra["vehicle"] = unknown  # e.g. "vin", "mileage": kept, like top-level extras
    return vehicle if vehicle.to_json() else None


# Facebook lead forms (Lead Ads, as the Graph API and the usual relays give them): the
# answers are a `field_data` list of {name, values}. Its standard questions that are no
# lead field are kept in `extra`; the dealer's own questions become the message.
_FACEBOOK_KEPT = {
    "city",
    "zip_code",
    "post_code",
    "postcode",
    "street_address",
    "country",
    "state",
    "province",
    "date_of_birth",
    "gender",
    "job_title",
    "company_name",
}
_FACEBOOK_FIELDS = {"name", "first_name", "infix", "last_name", "phone", "email"}


def _facebook(data: dict[str, Any]) -> dict[str, Any]:
    """A Facebook lead (`field_data`) as a v1 document, so one reader reads both."""
    out: dict[str, Any] = {k: v for k, v in data.items() if k != "field_data"}
    questions: list[str] = []
    answers: dict[str, Any] = {}
    for item in data["field_data"]:
        if not isinstance(item, dict):
            continue
        key = text_of(item.get("name"))
        values = item.get("values")
        value = (
            ", ".join(text_of(v) for v in values if text_of(v)) if isinstance(values, list) else ""
        )
        field = field_of_label(key)
        if not key or not value:
            continue
        if field in _FACEBOOK_FIELDS and field not in out:
            out[field] = value
        elif key.lower() in _FACEBOOK_KEPT:
            answers[key] = value
        else:
            questions.append(f"{key.replace('_', ' ').strip().capitalize()}: {value}")
    if answers:
        out.setdefault("form_answers", answers)
    if questions and "message" not in out:
        out["message"] = "\n".join(questions)
    out.setdefault("requested_at", data.get("created_time"))
    out.setdefault("source", "facebook")
    out.pop("created_time", None)
    return out


def read_json(text: str) -> tuple[Found, str | None]:
    """The findings and the producer's id (sanitized), if it gave one."""
    data = load(text)
    if isinstance(data.get("field_data"), list):
        data = _facebook(data)
    extra = {k: v for k, v in data.items() if k not in KNOWN}
    # The tussenvoegsel stays with the surname: "Sanne" + "de" + "Vries".
    infix = text_of(data.get("infix")) or text_of(data.get("tussenvoegsel"))
    name = text_of(data.get("name")) or full_name(
        text_of(data.get("first_name")), infix, text_of(data.get("last_name"))
    )
    phone = text_of(data.get("phone"))
    raw_email = text_of(data.get("email"))
    email = plausible_email(raw_email)
    flags = ["email_invalid"] if raw_email and not email else []
    found = Found(
        name=name,
        phones=[phone] if phone else [],
        email=email,
        vehicle=_vehicle(data.get("vehicle"), extra),
        message=text_of(data.get("message")),
        requested_at=parse_time(data.get("requested_at")),
        source=text_of(data.get("source")),
        extra=extra,
        flags=flags,
    )
    if text_of(data.get("kind")) == MISSED_CALL:  # a call-tracking bridge's missed call
        found.kind = MISSED_CALL
    if data.get("requested_at") not in (None, "") and found.requested_at is None:
        found.flags.append("requested_at_invalid")
    if not (name or phone or raw_email):
        raise Unreadable("JSON has no lead fields (name, phone or email)")
    producer_id = safe_id(text_of(data.get("id")))
    return found, producer_id or None
