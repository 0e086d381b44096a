#!/usr/bin/env bash
# Creates .venv with Leadpop and what it needs. Sourced by run.sh and test.sh.
#   usage: scripts/setup.sh [app|test]
# As root it installs the Debian/Ubuntu system libraries with apt-get; otherwise it prints
# the exact command to run and goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-app}"
# One line per step on the terminal; what pip, apt-get and setuptools say goes to the log,
# shown only when a step fails.
log="$PWD/.setup.log"
: >"$log"
quietly() {
  if ! "$@" >>"$log" 2>&1; then
    echo "error: '$*' failed; the last lines of $log:" >&2
    tail -n 25 "$log" >&2
    exit 1
  fi
}

# Qt needs these just to import; the xcb ones for a real window; pulse for the alert sound.
APT_APP="python3-venv libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
 libpulse0 libxrandr2 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
 fonts-dejavu-core"
# Tests also need a virtual screen with a window manager, a real IMAP server, and what the
# bundle test needs: binutils for PyInstaller, desktop-file-validate for the menu entry.
APT_TEST="xvfb xauth openbox dovecot-imapd postgresql binutils desktop-file-utils"

pkgs="$APT_APP"
[ "$want" = test ] && pkgs="$pkgs $APT_TEST"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
fi
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo ">> installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    quietly apt-get update -qq
    # shellcheck disable=SC2086
    quietly apt-get install -y -qq --no-install-recommends $missing
    # Debian starts dovecot as a service on install; the tests run their own on 127.0.0.1.
    if echo "$missing" | grep -q dovecot; then
      (service dovecot stop || systemctl stop dovecot) >/dev/null 2>&1 || true
    fi
    # Likewise the postgresql cluster: the tests start their own on a free port.
    if echo "$missing" | grep -q postgresql; then
      (service postgresql stop || systemctl stop postgresql) >/dev/null 2>&1 || true
    fi
  else
    echo ">> missing system packages. Run this once, then try again:"
    echo "   sudo apt-get install -y$missing"
  fi
fi

py=""
for cand in python3.13 python3.12 python3.11 python3; do
  if command -v "$cand" >/dev/null 2>&1 &&
     "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py="$cand"; break
  fi
done
if [ -z "$py" ]; then
  echo "error: Leadpop needs Python 3.11 or newer (Debian 12: sudo apt-get install python3)" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo ">> creating .venv with $py"
  quietly "$py" -m venv .venv
fi
stamp=".venv/.installed-$want"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo ">> installing Python packages (first time takes a minute)"
  quietly .venv/bin/python -m pip install -q --upgrade pip
  if [ "$want" = test ]; then
    quietly .venv/bin/python -m pip install -q -e ".[test,package,bench]"
  else
    quietly .venv/bin/python -m pip install -q -e .
  fi
  touch "$stamp"
fi
# Compiled translations (.qm) are built, not committed.
quietly .venv/bin/python tools/build_translations.py
