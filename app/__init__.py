"""Leadpop: speed-to-lead for car dealerships."""

from typing import Any


def __getattr__(name: str) -> Any:
    """`app.__version__`, looked up on first use: importlib.metadata costs ~30 ms at start-up,
    and `leadpop report` has no use for it."""
    if name != "__version__":
        raise AttributeError(f"module 'app' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("leadpop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+src"
    globals()["__version__"] = found
    return found
