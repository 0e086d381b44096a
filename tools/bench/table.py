"""The figures as a plain-text table (the same numbers go to the JSON file)."""

from __future__ import annotations

from collections.abc import Iterable

from tools.bench.figure import Figure

HEADER = ("figure", "median", "p95", "n", "goal", "meets goal")


def number(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}"


def verdict(f: Figure) -> str:
    return "n/a" if f.meets is None else "yes" if f.meets else "NO"


def rows(figures: Iterable[Figure]) -> list[tuple[str, ...]]:
    return [
        (
            f.title,
            number(f.median, f.unit),
            number(f.p95, f.unit) if f.p95 is not None else "",
            str(f.n) if f.n else "",
            f.goal,
            verdict(f),
        )
        for f in figures
    ]


def render(figures: list[Figure]) -> str:
    body = rows(figures)
    widths = [max(len(r[i]) for r in [HEADER, *body]) for i in range(len(HEADER))]
    line = "  ".join("-" * w for w in widths)

    def fmt(r: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()

    out = [fmt(HEADER), line, *(fmt(r) for r in body)]
    notes = [f"- {f.title}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", *notes]
    return "\n".join(out)


def render_markdown(figures: list[Figure]) -> str:
    """The same table in Markdown, for the README."""
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out += ["| " + " | ".join(r) + " |" for r in rows(figures)]
    return "\n".join(out)
