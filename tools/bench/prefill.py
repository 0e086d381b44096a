"""A data folder whose local store already holds a salesperson's history of leads.

A year at a busy dealership gives one salesperson about a thousand leads: mostly closed
(sold, lost, reached), some still being followed up. Written straight into the Store, the
way the worker stores what it parsed, so the app starts on a realistic database.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.timefmt import to_utc_text
from app.intake import make_sample_document, parse_document
from app.store import Store

USER = "bench"
OUTCOMES = ("reached", "appointment", "voicemail", "no_answer", "busy")


def fill(data_dir: Path, leads: int, *, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    store = Store.open(data_dir)
    try:
        with store.db.atomic():
            for i in range(leads):
                received = now - timedelta(days=365 * (i + 1) / leads, minutes=rng.randint(0, 600))
                data = make_sample_document(rng, received)
                name = f"prefill-{i:05d}.json"
                lead = parse_document(data, received_at=received, name=name)
                store.insert_lead(lead, doc_name=name, sla_start=received, now=received)
                calls = rng.randint(1, 3)
                for n in range(calls):
                    store.add_attempt(
                        lead.id,
                        ts=received + timedelta(minutes=2 + 60 * n),
                        outcome=rng.choice(OUTCOMES),
                        note=None,
                        user=USER,
                    )
                state = rng.choices(("open", "sold", "lost"), (2, 2, 6))[0]
                store.update_lead(
                    lead.id,
                    received,
                    owner=USER,
                    state=state,
                    claimed_at=to_utc_text(received + timedelta(seconds=40)),
                    lost_reason="not_interested" if state == "lost" else None,
                )
    finally:
        store.close()
