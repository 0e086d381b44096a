#!/usr/bin/env bash
# Sets up and launches Leadpop on its embedded default inbox, with demo leads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/leadpop --demo "$@"
