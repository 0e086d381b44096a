"""The bundle's entry point: the `leadpop` command (desktop app, parse, drop, report)."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
