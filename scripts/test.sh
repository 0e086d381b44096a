#!/usr/bin/env bash
# Sets up and runs the whole test suite (headless; starts its own servers on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check app tests tools packaging
.venv/bin/ruff format --check app tests tools packaging
.venv/bin/lint-imports --no-cache   # the layer contracts in pyproject.toml
exec .venv/bin/python -m pytest "$@"
