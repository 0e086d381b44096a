"""HTML e-mail bodies -> plain text with one field per line, so labels can be read.

Portal notifications lay fields out in tables (`<tr><td>Naam</td><td>Jan</td></tr>`):
a row becomes a line, and cells are separated by a tab, which the label reader accepts
like a colon. Paragraphs are separated by a blank line, which ends a multi-line value.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP = {"script", "style", "head", "title", "noscript", "template"}
_PARAGRAPH = {
    "p",
    "div",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
}
_LINE = {"br", "tr", "li", "dt", "dd"}
_CELL = {"td", "th"}
_SPACE = re.compile(r"\s+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0
        self.pre = 0

    def _break(self, newlines: int) -> None:
        tail = "".join(self.out[-3:])
        have = len(tail) - len(tail.rstrip("\n"))
        self.out.append("\n" * max(0, newlines - have))

    def _tag(self, tag: str) -> None:
        if tag in _PARAGRAPH:
            self._break(2)
        elif tag in _LINE:
            self._break(1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.dropping += 1
        elif tag == "pre":
            self.pre += 1
            self._break(2)
        self._tag(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropping = max(0, self.dropping - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self._break(2)
        elif tag in _CELL:
            self.out.append("\t")
        else:
            self._tag(tag)  # also "</br>": browsers take that typo for "<br>"

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            # Source line breaks are just spaces in HTML, except inside <pre>.
            self.out.append(data if self.pre else _SPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = []
    for raw in "".join(parser.out).splitlines():
        cells = [" ".join(c.split()) for c in raw.split("\t")]
        lines.append("\t".join(c for c in cells if c))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
