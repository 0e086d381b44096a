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
            # A plural (numerus="yes") has one <numerusform> per form: all must be there;
            # the plural form stands for them.
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = forms[-1] if forms else (tr.text if tr is not None else None)
            filled = all(f.strip() for f in forms) if forms else bool((text or "").strip())
            done = tr is not None and tr.get("type") is None and filled
            out[(name, msg.findtext("source"))] = text if done else None
    return out
