"""Leadpop: speed-to-lead for car dealerships."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leadpop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+src"
