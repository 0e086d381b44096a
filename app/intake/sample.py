"""Realistic random Dutch web leads, for `leadpop drop --sample`, demos and tests."""

from __future__ import annotations

import json
import random
import unicodedata
from datetime import datetime, timedelta
from typing import Any

from app.intake.values import LOCAL_TZ, aware

FIRST_NAMES = (
    "Jan",
    "Sanne",
    "Daan",
    "Emma",
    "Lotte",
    "Bram",
    "Fleur",
    "Thijs",
    "Noor",
    "Ruben",
    "Anouk",
    "Sem",
    "Lisa",
    "Lucas",
    "Julia",
    "Mohammed",
    "Fatima",
    "Kevin",
    "Esther",
    "Joost",
    "Marieke",
    "Sven",
    "Iris",
    "Pieter",
    "Anne",
    "Mehmet",
    "Priya",
    "Gerrit",
    "Ilse",
    "Niels",
    "Yara",
    "Wouter",
    "Chantal",
    "René",
    "Zoë",
)
LAST_NAMES = (
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Dekker",
    "van Leeuwen",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yilmaz",
    "El Amrani",
    "van der Meer",
    "Kok",
    "Vermeulen",
    "ter Horst",
    "Postma",
    "Verhoeven",
    "Koster",
    "Willems",
)
MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "ziggo.nl",
    "kpnmail.nl",
    "live.nl",
    "icloud.com",
    "planet.nl",
)
# (make, model, first year, last year, lowest price, highest price)
VEHICLES = (
    ("Volkswagen", "ID.3", 2020, 2025, 21950, 38950),
    ("Kia", "EV6", 2021, 2025, 33950, 52950),
    ("Toyota", "Yaris Cross", 2021, 2025, 23950, 34950),
    ("Skoda", "Enyaq", 2021, 2025, 31950, 49950),
    ("Peugeot", "2008", 2020, 2025, 18950, 32950),
    ("Volkswagen", "Golf", 2019, 2025, 17950, 34950),
    ("Kia", "Niro EV", 2022, 2025, 29950, 42950),
    ("Hyundai", "Kona Electric", 2021, 2025, 24950, 41950),
    ("Tesla", "Model Y", 2022, 2025, 32950, 49950),
    ("Renault", "Clio", 2019, 2025, 12950, 24950),
    ("Opel", "Corsa", 2020, 2025, 13950, 26950),
    ("Volvo", "EX30", 2024, 2025, 34950, 44950),
    ("MG", "4", 2022, 2025, 22950, 33950),
    ("Ford", "Puma", 2020, 2025, 19950, 31950),
    ("Audi", "Q4 e-tron", 2021, 2025, 38950, 59950),
    ("Toyota", "Corolla Touring Sports", 2019, 2025, 19950, 36950),
    ("Kia", "Picanto", 2018, 2025, 9950, 18950),
    ("Skoda", "Octavia Combi", 2019, 2025, 17950, 36950),
)
QUESTIONS = (
    "Is deze auto nog beschikbaar?",
    "Kan ik zaterdag een proefrit maken?",
    "Wat is de actieradius in de winter?",
    "Ik heb een {trade} om in te ruilen. Wat zou die ongeveer waard zijn?",
    "Is er nog ruimte in de prijs?",
    "Kan de auto nog vóór het eind van de maand geleverd worden?",
    "Zit er nog fabrieksgarantie op?",
    "Wat zijn de maandlasten bij private lease, 10.000 km per jaar?",
    "Heeft deze auto een trekhaak of kan die erop?",
    "Graag teruggebeld na 17:00 uur, overdag werk ik.",
    "Wordt de auto met nieuwe APK en BOVAG-garantie afgeleverd?",
    "Hoe snel laadt deze uitvoering aan een snellader?",
    "Kan ik de auto financieren? Ik zou graag € 5.000 aanbetalen.",
)
TRADE_INS = ("Opel Astra uit 2014", "Toyota Aygo uit 2016", "VW Polo uit 2012", "Ford Fiesta")


def _phone(rng: random.Random) -> str:
    """A valid Dutch mobile number (06-1…06-5), written the ways people write it."""
    digits = f"6{rng.randint(1, 5)}{rng.randrange(10**7):07d}"
    return rng.choice(
        (
            f"0{digits[:1]} {digits[1:]}",
            f"0{digits[:1]}-{digits[1:]}",
            f"0{digits}",
            f"+31 {digits[:1]} {digits[1:]}",
            f"0{digits[:1]} {digits[1:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}",
        )
    )


def _mailbox(first: str, last: str, rng: random.Random) -> str:
    local = rng.choice((f"{first}.{last}", f"{first[0]}.{last}", f"{first}{last}"))
    ascii_local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    return f"{ascii_local.replace(' ', '').lower()}@{rng.choice(MAIL_DOMAINS)}"


def sample_lead(rng: random.Random, now: datetime) -> dict[str, Any]:
    now = aware(now)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    make, model, y0, y1, p0, p1 = rng.choice(VEHICLES)
    requested = (now - timedelta(seconds=rng.randint(0, 180))).astimezone(LOCAL_TZ)
    doc: dict[str, Any] = {
        "id": f"web-{requested:%Y%m%d-%H%M%S}-{rng.randrange(16**6):06x}",
        "requested_at": requested.isoformat(timespec="seconds"),
        "source": "website",
    }
    if rng.random() < 0.3:
        doc |= {"first_name": first, "last_name": last}
    else:
        doc["name"] = f"{first} {last}"
    doc["phone"] = _phone(rng)
    doc["email"] = _mailbox(first, last, rng)
    doc["vehicle"] = {
        "make": make,
        "model": model,
        "year": rng.randint(y0, y1),
        "stock": f"V{rng.randint(1000, 99999)}",
        "price": rng.randrange(p0, p1 + 1, 500) - 50 * rng.randint(0, 1),
    }
    doc["message"] = rng.choice(QUESTIONS).format(trade=rng.choice(TRADE_INS))
    if rng.random() < 0.25:
        doc["utm_source"] = rng.choice(("google", "facebook", "nieuwsbrief"))
    return doc


def make_sample_document(rng: random.Random, now: datetime) -> bytes:
    """A JSON v1 lead document (UTF-8), as a web-form bridge would drop it."""
    return json.dumps(sample_lead(rng, now), ensure_ascii=False, indent=2).encode("utf-8")
