import json
import random
from datetime import UTC, datetime, timedelta

from app.intake import make_sample_document, parse_document
from app.intake.sample import FIRST_NAMES, LAST_NAMES, VEHICLES

NOW = datetime(2026, 11, 27, 10, 15, tzinfo=UTC)


def test_samples_are_realistic_valid_dutch_web_leads() -> None:
    models = {(make, model) for make, model, *_ in VEHICLES}
    for seed in range(300):
        data = make_sample_document(random.Random(seed), NOW)
        doc = json.loads(data)
        lead = parse_document(data, received_at=NOW)
        assert lead.format == "json" and lead.source == "website"
        assert lead.flags == [], (seed, lead.flags)
        assert lead.phone is not None
        assert (lead.phone.valid, lead.phone.kind, lead.phone.region) == (True, "mobile", "NL")
        assert lead.phone.display is not None and lead.phone.display.startswith("06 ")
        first, _, last = lead.name.partition(" ")
        assert first in FIRST_NAMES and last in LAST_NAMES
        assert lead.email is not None and "@" in lead.email
        assert lead.vehicle is not None
        assert (lead.vehicle.make, lead.vehicle.model) in models
        assert lead.vehicle.stock and lead.vehicle.price and lead.vehicle.year
        assert lead.message.strip()
        assert lead.requested_at is not None
        assert NOW - timedelta(minutes=3) <= lead.requested_at <= NOW
        assert lead.id == doc["id"]


def test_samples_vary_and_are_reproducible() -> None:
    docs = [json.loads(make_sample_document(random.Random(seed), NOW)) for seed in range(100)]
    assert make_sample_document(random.Random(5), NOW) == make_sample_document(
        random.Random(5), NOW
    )
    assert len({d["id"] for d in docs}) == 100
    assert len({d["phone"] for d in docs}) == 100
    assert any("first_name" in d for d in docs) and any("name" in d for d in docs)
    assert len({d["vehicle"]["model"] for d in docs}) > 10
    assert len({d["message"] for d in docs}) > 8
