"""A lead producer in another process (a web-form bridge): drops on command, as the
contract says (X.tmp, then rename), and says whether the inbox took it.

    with ProducerProcess(inbox) as producer:
        producer.drop(7)   # True: landed in new/; False: the inbox wasn't there
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import TracebackType

_CHILD = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from app.inbox.base import InboxError
from app.inbox.producer import drop_bytes
sys.path.insert(0, sys.argv[2])
from showroom import lead_document
root = Path(sys.argv[1])
for line in sys.stdin:
    n = int(line)
    if not (root / "new").is_dir():  # the share isn't mounted: the bridge waits
        print("away", flush=True)
        continue
    try:
        drop_bytes(root, lead_document(n), stem=f"lead-{n}", suffix=".json",
                   now=datetime.now(timezone.utc))
        print("ok", flush=True)
    except InboxError:
        print("away", flush=True)
"""


class ProducerProcess:
    def __init__(self, inbox: Path) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(inbox), str(Path(__file__).parent)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def drop(self, n: int) -> bool:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(f"{n}\n")
        self._proc.stdin.flush()
        return self._proc.stdout.readline().strip() == "ok"

    def __enter__(self) -> ProducerProcess:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=10)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
