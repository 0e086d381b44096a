"""A producer in another process that writes a document in place (no X.tmp, no rename),
one step at a time, as a mail client or a scanner's "save as" does.

    with InPlaceWriter(path) as writer:
        writer.write(b'{"name": ')   # the file exists, half-written, still open
        writer.write(b'"Jan"}')
        writer.close()               # the producer is done
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType

# Reads one command per line: "w <hex>" writes and flushes the bytes, "c" closes the file;
# each is answered with "ok" once done, so the test knows where the producer is.
_CHILD = """
import sys
fh = open(sys.argv[1], "wb")
for line in sys.stdin:
    cmd, _, arg = line.strip().partition(" ")
    if cmd == "w":
        fh.write(bytes.fromhex(arg))
        fh.flush()
    elif cmd == "c":
        fh.close()
    print("ok", flush=True)
"""


class InPlaceWriter:
    def __init__(self, path: Path) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._say("")  # the file is open (created, empty) when this returns

    def _say(self, line: str) -> None:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()
        assert self._proc.stdout.readline().strip() == "ok"

    def write(self, data: bytes) -> None:
        self._say(f"w {data.hex()}")

    def close(self) -> None:
        self._say("c")

    def __enter__(self) -> InPlaceWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=10)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
