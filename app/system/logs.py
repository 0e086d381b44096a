"""The log file for IT support: rotating, in the user's log folder, no personal data.

Qt-free. `setup()` runs once per `leadpop` command, the desktop app and the CLI alike. The
file gets INFO and up (1 MB, five old files kept); the terminal gets Leadpop's own WARNING
and up, and only errors of the libraries under it: Qt's messages (the desktop app routes
them to the `qt` logger), Python warnings from libraries (plyer's "dbus not installed")
and the like go to the file, so a terminal isn't filled with what a salesperson can't act
on.

Customers' names, phone numbers and e-mail addresses never go into a log line: log the
lead id (and a document's name only at DEBUG: producers may name files after the
customer). As a second net, every line written is passed through `redact`, which masks
anything shaped like an e-mail address or a phone number, tracebacks included; at INFO
and up also documents' file names and quoted text in exceptions' messages. The files are
their user's only (app.core.private), and `forget` drops the lines about a forgotten
customer (the AVG; app.engine.privacy).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterable, Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from app.core.private import make_private

ENV_LOG_DIR = "LEADPOP_LOG_DIR"  # another folder for the log (tests, portable installs)
ENV_LOG_LEVEL = "LEADPOP_LOG_LEVEL"  # e.g. DEBUG, when IT support asks for more
LOG_FILE = "leadpop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# Nine or more digits with the separators people type (06 12345678, +32 470 12 34 56,
# (020) 123 4567), not glued to letters, so lead ids and dates stay readable.
_PHONE = re.compile(r"(?<![\w:/.\-])(?:\+|00|\()?\d(?:[ \-./()]{0,2}\d){8,14}(?![\w:\-])")
_current: Path | None = None


def redact(text: str) -> str:
    """The text with e-mail addresses and phone-like numbers masked."""
    return _PHONE.sub("<phone>", _EMAIL.sub("<e-mail>", text))


# At INFO and up, also what may be a name: a document's file name (producers name files
# after the customer) and quoted text in an exception's message (`KeyError('Jan Jansen')`,
# `not a document name: '…'`). DEBUG, which IT support asks for, keeps the file names.
_DOCUMENT = re.compile(r"[^\s'\"/\\:()<>]+\.(?:json|xml|eml|reason|tmp)\b", re.IGNORECASE)
_QUOTED = re.compile(r"'[^'\n]{1,200}'|\"[^\"\n]{1,200}\"")
_OWN_FILES = frozenset({"settings.json"})


def _no_names(text: str) -> str:
    return _DOCUMENT.sub(lambda m: m[0] if m[0] in _OWN_FILES else "<document>", text)


def _exception_text(exc: BaseException) -> str:
    return _QUOTED.sub("<…>", str(exc))


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks personal data in the whole line (and its traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno < logging.INFO:
            return redact(super().format(record))
        copy = logging.makeLogRecord(record.__dict__)
        if isinstance(copy.args, tuple):
            copy.args = tuple(
                _exception_text(a) if isinstance(a, BaseException) else a for a in copy.args
            )
        copy.exc_text = None  # formatted again, masked, below
        return redact(_no_names(super().format(copy)))

    def formatException(self, ei: Any) -> str:
        """The traceback, with quoted text in the exception's message masked, at every
        level (the frames are Leadpop's code; the message may quote a customer)."""
        lines = super().formatException(ei).splitlines()
        return "\n".join(
            line if line[:1].isspace() or line.startswith("Traceback") else _QUOTED.sub("<…>", line)
            for line in lines
        )


class _PrivateFileHandler(RotatingFileHandler):
    """The log file, readable by its user only (app.core.private); each rotation's new
    file too (the old ones are renamed, keeping their mode)."""

    def _open(self) -> Any:
        stream = super()._open()
        make_private(Path(self.baseFilename))
        return stream


OWN_LOGGERS = ("leadpop", "app")  # Leadpop's own: what it says on the terminal counts


def _ours_or_an_error(record: logging.LogRecord) -> bool:
    """The terminal's filter: Leadpop's own warnings, anybody's errors."""
    if record.levelno >= logging.ERROR:
        return True
    return record.name.split(".")[0] in OWN_LOGGERS


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time: pytest swaps it, and a windowed
    leadpop.exe has none (then the line only goes to the file)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


def log_dir(env: Mapping[str, str] | None = None) -> Path:
    """~/.local/state/Leadpop/log on Linux, %LOCALAPPDATA%\\Leadpop\\Logs on Windows."""
    env = os.environ if env is None else env
    if env.get(ENV_LOG_DIR):
        return Path(env[ENV_LOG_DIR]).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("Leadpop", appauthor=False))


def current_log_file() -> Path | None:
    """The file `setup()` logs to, or None (not set up, or the folder wasn't writable)."""
    return _current


def setup(env: Mapping[str, str] | None = None) -> Path | None:
    """Log to the rotating file and the terminal; again replaces the earlier set-up."""
    global _current
    env = os.environ if env is None else env
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "leadpop", False)]:
        root.removeHandler(handler)
        handler.close()
    level = logging.getLevelName(env.get(ENV_LOG_LEVEL, "INFO").upper())
    root.setLevel(level if isinstance(level, int) else logging.INFO)
    console = _StderrHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(RedactingFormatter(CONSOLE_FORMAT))
    console.addFilter(_ours_or_an_error)
    _add(root, console)
    logging.captureWarnings(True)  # a library's warnings.warn: the `py.warnings` logger
    _current = None
    path = log_dir(env) / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        make_private(path.parent, folder=True)
        handler = _PrivateFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:  # a read-only profile must not stop the app
        logging.getLogger(__name__).warning("no log file in %s: %s", path.parent, exc)
        return None
    handler.setFormatter(RedactingFormatter(FILE_FORMAT))
    _add(root, handler)
    _current = path
    return path


def log_files(env: Mapping[str, str] | None = None) -> list[Path]:
    """The log file and its rotated copies (leadpop.log, leadpop.log.1 …)."""
    folder = _current.parent if _current is not None else log_dir(env)
    names = [LOG_FILE, *(f"{LOG_FILE}.{n}" for n in range(1, BACKUPS + 1))]
    return [folder / name for name in names if (folder / name).is_file()]


def forget(texts: Iterable[str], env: Mapping[str, str] | None = None) -> int:
    """Drop every log line that mentions one of `texts` (a forgotten customer's name,
    number, address, document names; case-insensitive). Returns how many lines went.

    Rewritten in place, not renamed: a running Leadpop appends to the same file (its
    handler opened it for appending, so its next line lands after the rewritten end).
    """
    needles = [t.casefold() for t in texts if t.strip()]
    if not needles:
        return 0
    dropped = 0
    for path in log_files(env):
        try:
            with open(path, "r+b") as fh:
                lines = fh.read().split(b"\n")
                kept = [
                    line
                    for line in lines
                    if not any(n in line.decode("utf-8", "replace").casefold() for n in needles)
                ]
                if len(kept) == len(lines):
                    continue
                dropped += len(lines) - len(kept)
                fh.seek(0)
                fh.write(b"\n".join(kept))
                fh.truncate()
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            logging.getLogger(__name__).warning("can't rewrite a log file: %s", exc.strerror)
    return dropped


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.leadpop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
