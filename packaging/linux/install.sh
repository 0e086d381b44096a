#!/bin/sh
# Installs Leadpop for this user in ~/.local; no root and no Python needed. From the unpacked
# tarball:  ./install.sh
#   ~/.local/lib/leadpop/          the program (a leadpop.toml next to install.sh goes here too)
#   ~/.local/bin/leadpop           the command
#   ~/.local/share/applications/   the menu entry; ~/.local/share/icons/hicolor/ the icon
# Run it again to update: a deployed leadpop.toml already installed is kept.
# Remove with ~/.local/lib/leadpop/uninstall.sh (add --purge to remove your data too).
# PREFIX=/some/where ./install.sh installs elsewhere (default: ~/.local).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/leadpop"
bundle="$here/leadpop"

if [ ! -x "$bundle/leadpop" ]; then
  echo "error: $bundle/leadpop not found; run install.sh from the unpacked tarball" >&2
  exit 1
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"

# Copy next to the old version first, then swap: a failed copy leaves the old one working.
rm -rf "$lib.new" "$lib.old"
cp -R "$bundle" "$lib.new"
if [ -f "$here/leadpop.toml" ]; then
  cp "$here/leadpop.toml" "$lib.new/leadpop.toml"   # IT's settings for every PC
elif [ -f "$lib/leadpop.toml" ]; then
  cp "$lib/leadpop.toml" "$lib.new/leadpop.toml"
fi
if [ -d "$lib" ]; then mv "$lib" "$lib.old"; fi
mv "$lib.new" "$lib"
rm -rf "$lib.old"
ln -sfn "$lib/leadpop" "$prefix/bin/leadpop"
cp "$here/uninstall.sh" "$lib/uninstall.sh"

icons="$lib/_internal/app/resources/icons"
for png in "$icons"/leadpop-*.png; do
  size=${png##*-}
  size=${size%.png}
  mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$prefix/share/icons/hicolor/${size}x${size}/apps/leadpop.png"
done
if [ -f "$icons/leadpop.svg" ]; then
  mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
  cp "$icons/leadpop.svg" "$prefix/share/icons/hicolor/scalable/apps/leadpop.svg"
fi

# The menu entry starts the program by its full path: ~/.local/bin is not always on PATH.
sed "s|^Exec=.*|Exec=\"$lib/leadpop\"|" "$here/leadpop.desktop" \
  > "$prefix/share/applications/leadpop.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$prefix/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
fi
echo "Leadpop installed in $lib"
echo "Start it from the menu, or run: $prefix/bin/leadpop"
