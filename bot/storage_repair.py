"""Salvage what can still be read from a damaged state database.

A damaged page must not cost every user their state: each row is read on its own by rowid, so only the
rows on unreadable pages are lost, and the log says how many.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Tables and columns copied to the fresh database (the schema is created there first).
TABLES = {
    "users": "user_key, state, flow_updated, last_seen",
    "counters": "day, key, count",
    "shared_questions": "day, question",
    "inbox": "update_id, user_key, payload, done, received",
    "outbox": "id, user_key, chat_id, message, created, attempts, next_try, uncertain",
}


def salvage(damaged: Path, fresh: sqlite3.Connection) -> tuple[int, int]:
    """Copy every readable row of `damaged` into `fresh`; returns (rows kept, rows lost)."""
    kept = lost = 0
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return 0, 0
    try:
        for table, columns in TABLES.items():
            try:
                top = source.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
            except sqlite3.DatabaseError:
                continue  # the table itself is unreadable: nothing to count it by
            marks = ", ".join("?" * len(columns.split(",")))
            for rowid in range(1, int(top) + 1):
                try:
                    row = source.execute(
                        f"SELECT {columns} FROM {table} WHERE rowid = ?",
                        (rowid,),
                    ).fetchone()
                except sqlite3.DatabaseError:
                    lost += 1
                    continue
                if row is not None:
                    fresh.execute(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", row)
                    kept += 1
    finally:
        source.close()
    return kept, lost
