"""Write packaging/windows/leadpop.ico from the app's PNG icons (16–256 px).

    .venv/bin/python packaging/make_ico.py

An .ico is a small directory of images; since Windows Vista each may be a whole PNG file,
so no image library is needed. The result is committed: PyInstaller puts it in
leadpop.exe, and Inno Setup uses it for the installer and the Start-menu entry.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "app" / "resources" / "icons"
TARGET = ROOT / "packaging" / "windows" / "leadpop.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def ico_bytes(pngs: list[bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for data in pngs:
        width, height = png_size(data)
        if width > 256 or height > 256:
            raise ValueError(f"{width}x{height}: an icon image is at most 256 px")
        # 0 means 256; no palette; 1 plane; 32 bits per pixel; size; where it starts.
        entries += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset
        )
        images += data
        offset += len(data)
    return header + entries + images


def read_ico(data: bytes) -> list[tuple[int, int]]:
    """The (width, height) of each image in an .ico (for the tests)."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1:
        raise ValueError("not an .ico file")
    sizes = []
    for i in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        png_size(data[offset : offset + size])  # each image is a whole PNG
        sizes.append((width or 256, height or 256))
    return sizes


def main() -> int:
    pngs = [(ICONS / f"leadpop-{size}.png").read_bytes() for size in SIZES]
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(ico_bytes(pngs))
    print(f"{TARGET.relative_to(ROOT)}: {', '.join(f'{s}x{s}' for s in SIZES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
