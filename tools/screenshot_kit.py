"""What every screenshot script shares: a real X server with a window manager, and one
process per screen size (Qt keeps the display it first opened for good).

    from screenshot_kit import SIZES, per_size, x_server

A script defines `shoot_size(width, height, args) -> list[Path]` and calls
`per_size(args, shoot_size, __file__)` from its main(). Without `--child` that runs the
script once per size in a fresh process; with it, it takes the pictures at that size.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1366, 768), (1920, 1080))


@contextlib.contextmanager
def x_server(width: int, height: int) -> Iterator[None]:
    """Xvfb + openbox on a free display, unless a display is already there.

    Xvfb alone has no window manager, and then showFullScreen() shows nothing; every
    showroom PC has one, so the pictures are taken with one.
    """
    if os.environ.get("DISPLAY"):
        yield
        return
    for tool in ("Xvfb", "openbox"):
        if not shutil.which(tool):
            sys.exit(f"error: {tool} not found (apt-get install xvfb openbox)")
    display = next(f":{n}" for n in range(99, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # a tool script waiting for a process, not a test
    env = {**os.environ, "DISPLAY": display}
    wm = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    os.environ["DISPLAY"] = display
    try:
        yield
    finally:
        del os.environ["DISPLAY"]
        for proc in (wm, xvfb):
            proc.terminate()
            proc.wait(timeout=5)


def parser(doc: str | None) -> argparse.ArgumentParser:
    """--out, --size and the hidden --child every script takes."""
    p = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--size", nargs="+", default=[f"{w}x{h}" for w, h in SIZES])
    p.add_argument("--child", help=argparse.SUPPRESS)
    return p


def per_size(
    args: argparse.Namespace,
    shoot_size: Callable[[int, int], Sequence[Path]],
    script: str,
    child_args: Sequence[str] = (),
) -> None:
    """In the parent: run `script --child WxH` per size. In a child: shoot at that size."""
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["LEADPOP_MUTE"] = "1"
    os.environ["LEADPOP_NO_DESKTOP_NOTIFY"] = "1"
    if args.child:
        width, height = (int(n) for n in args.child.split("x"))
        with x_server(width, height):
            for path in shoot_size(width, height):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return
    for size in args.size:
        cmd = [sys.executable, script, "--child", size, "--out", str(args.out), *child_args]
        subprocess.run(cmd, check=True)
