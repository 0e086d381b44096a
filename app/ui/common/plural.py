"""Counted words: "1 lead", "2 leads"; "1 lead wacht", "2 leads wachten".

The source strings use Qt's plural form, `self.tr("%n lead(s) waiting", "", n)`, so the
Dutch catalogue gives one form per number (<numerusform>). English is the source language
and has no catalogue: `counted` settles its "(s)" here.
"""

from __future__ import annotations

import re

_S = re.compile(r"\(s\)")


def counted(text: str, n: int) -> str:
    """`text` as tr() returned it for `n`; an untranslated "(s)" becomes "" or "s"."""
    return _S.sub("" if n == 1 else "s", text)
