"""The fault-injection suite: real files, real processes, an injected clock; bounded to
seconds. Each scenario reports one line of figures, printed at the end of the run (the
README's "Reliability" section quotes them)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.leak_check import no_leaked_threads

_no_leaked_threads = pytest.fixture(autouse=True)(no_leaked_threads)

_FIGURES: list[str] = []


@pytest.fixture
def figures() -> Callable[[str], None]:
    """figures("scenario: what happened, in numbers") — one line per scenario."""
    return _FIGURES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("fault injection")
        for line in _FIGURES:
            terminalreporter.write_line(line)
