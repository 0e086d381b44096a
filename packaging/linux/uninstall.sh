#!/bin/sh
# Removes Leadpop from ~/.local. Your leads, settings and logs stay, unless you add --purge:
#   ./uninstall.sh            program, command, menu entry, icons, "start with the computer"
#   ./uninstall.sh --purge    and also ~/.local/share/Leadpop, ~/.config/Leadpop, the logs
set -eu
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/leadpop"
purge=no
case "${1:-}" in
  --purge) purge=yes ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac

rm -rf "$lib" "$lib.new" "$lib.old"
if [ -L "$prefix/bin/leadpop" ]; then rm -f "$prefix/bin/leadpop"; fi
rm -f "$prefix/share/applications/leadpop.desktop"
for d in "$prefix"/share/icons/hicolor/*/apps; do
  rm -f "$d/leadpop.png" "$d/leadpop.svg"
done
# The entry Leadpop's "Start Leadpop with the computer" setting wrote.
autostart="${XDG_CONFIG_HOME:-$HOME/.config}/autostart/leadpop.desktop"
rm -f "$autostart"

if [ "$purge" = yes ]; then
  rm -rf "${XDG_DATA_HOME:-$HOME/.local/share}/Leadpop" \
         "${XDG_CONFIG_HOME:-$HOME/.config}/Leadpop" \
         "${XDG_STATE_HOME:-$HOME/.local/state}/Leadpop"
  echo "Leadpop removed, with your leads, settings and logs."
else
  echo "Leadpop removed. Your leads and settings are kept in" \
       "${XDG_DATA_HOME:-$HOME/.local/share}/Leadpop and ${XDG_CONFIG_HOME:-$HOME/.config}/Leadpop"
fi
