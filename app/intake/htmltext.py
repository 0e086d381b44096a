"""HTML e-mail bodies -> plain text with one field per line, so labels can be read.

Portal notifications lay fields out in tables (`<tr><td>Naam</td><td>Jan</td></tr>`):
a row becomes a line, and cells are separated by a tab, which the label reader accepts
like a colon.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP = {"script", "style", "head", "title", "noscript", "template"}
_BLOCK = {
    "p", "div", "tr", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "section",
    "article", "header", "footer", "blockquote", "pre", "address", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr",
}  # fmt: skip
_CELL = {"td", "th"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.dropping += 1
        elif tag == "br" or tag in _BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCK:
            self.out.append("\n")
        elif tag in _CELL:
            self.out.append("\t")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(data)


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = []
    for raw in "".join(parser.out).splitlines():
        cells = [" ".join(c.split()) for c in raw.split("\t")]
        line = "\t".join(c for c in cells if c)
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
