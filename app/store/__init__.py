"""The local per-user SQLite store (sqlite-utils)."""

from app.store.db import StoreError, open_database
from app.store.store import Store

__all__ = ["Store", "StoreError", "open_database"]
