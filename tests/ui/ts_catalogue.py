"""Reading a Qt Linguist .ts catalogue, shared by the translation tests."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation; None when unfinished."""
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") is None and (tr.text or "").strip()
            out[(name, msg.findtext("source"))] = tr.text if done else None
    return out
