"""The language a customer wrote in, and the countries it points at, as phone-number hints.

Only a hint: it settles "0478 55 66 77" (a Venray landline or a Belgian mobile) when
nothing stronger, such as the e-mail address's country, says otherwise. Dutch is spoken
in the Netherlands and Flanders, so it points at both; French at Belgium (and France,
Luxembourg, Switzerland), German at Germany, Austria and Switzerland.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

COUNTRIES: Mapping[str, frozenset[str]] = {
    "nl": frozenset({"NL", "BE"}),
    "fr": frozenset({"BE", "FR", "LU", "CH"}),
    "de": frozenset({"DE", "AT", "CH"}),
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Short, frequent words that are each typical of one language (not names or car words).
_WORDS: Mapping[str, frozenset[str]] = {
    "nl": _words(
        "de het een ik is en nog deze graag wil mijn u uw niet met voor van op zijn "
        "kan kunt heeft hebben beschikbaar goedemiddag goedemorgen hallo groeten "
        "vriendelijke bedankt alvast proefrit zaterdag auto"
    ),
    "fr": _words(
        "le la les un une je est et encore cette voiture votre vous mon pas avec pour "
        "de du des sur bonjour merci disponible essai samedi cordialement est-ce "
        "serait possible"
    ),
    "de": _words(
        "der die das ein eine ich ist und noch dieses gerne mein sie ihr nicht mit "
        "für von auf kann können hat haben verfügbar guten tag hallo grüße "
        "freundlichen probefahrt samstag fahrzeug"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_SCAN = 2000  # the first lines say it; a quoted earlier mail may be in another language


def language_of(text: str) -> str | None:
    """ "nl", "fr" or "de" when the text is clearly in that language, else None."""
    counts = dict.fromkeys(_WORDS, 0)
    for word in _WORD.findall(text[:_SCAN].lower()):
        for lang, words in _WORDS.items():
            if word in words:
                counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= 2 and top >= 2 * second else None
