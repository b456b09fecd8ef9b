"""The store stage: documents and events kept in SQLite (the default) or PostgreSQL, through one code path.

    with open_store("events.db") as store:                       # a SQLite file (created if missing)
        ...
    with open_store("postgresql://user@host/eventwire") as store:  # a PostgreSQL database
        ...

The schema is created or upgraded by the alembic migrations in ``eventwire/store/migrations`` on open.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import (
    Cluster,
    Decision,
    Dedup,
    DocumentRecord,
    EventFilter,
    Page,
    Store,
    Stored,
)
from eventwire.store.sql import SqlStore, sqlite_engine

__all__ = [
    "DEFAULT_DB",
    "Cluster",
    "Decision",
    "Dedup",
    "DocumentRecord",
    "EventFilter",
    "Page",
    "SqlStore",
    "Store",
    "StoreError",
    "Stored",
    "default_target",
    "open_store",
    "prepared_aside",
    "redact",
]

DEFAULT_DB = "eventwire.db"


def default_target(target: str | Path | None = None) -> str | Path:
    """The database to use: ``target``, else ``$EVENTWIRE_DB``, else ``eventwire.db``."""
    return target or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(
        ("postgresql://", "postgresql+psycopg://", "postgres://")
    )


def redact(target: str | Path) -> str:
    """The target as it may be printed: a PostgreSQL URL without its password."""
    if not is_postgres(target):
        return str(target)
    from sqlalchemy.engine import make_url

    return make_url(str(target)).render_as_string(hide_password=True)


def open_store(
    target: str | Path | None = None, *, dedup: Dedup | None = None, create: bool = True
) -> SqlStore:
    """Open (and create or upgrade) the store at ``target``: a SQLite path or a ``postgresql://`` URL.

    ``dedup`` gives the cross-document merging functions that writes use (the pipeline passes
    ``eventwire.dedup``'s); reading needs none. ``create=False`` refuses a SQLite file that does not exist.
    """
    target = default_target(target)
    if is_postgres(target):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(str(target)).set(drivername="postgresql+psycopg")
        except ArgumentError as err:
            raise StoreError(f"is not a PostgreSQL URL: {err}", where=redact(target)) from None
        engine = create_engine(url, pool_pre_ping=True)
        return SqlStore(engine, redact(target), dedup)
    path = Path(target)
    if not create and not path.exists():
        raise StoreError("no such database (create it with `eventwire ingest`)", where=str(path))
    if path.is_dir():
        raise StoreError("is a folder, not a database file", where=str(path))
    return SqlStore(sqlite_engine(path), str(path), dedup)


@contextmanager
def prepared_aside(target: str | Path | None = None) -> Iterator[None]:
    """Create or upgrade the store at ``target`` in a child process while the body runs (on Linux; elsewhere
    this does nothing), so that ``open_store`` after it finds the schema up to date at once.

    Creating a database (importing alembic and running the migrations) took 0.3-0.4 s, which
    ``eventwire ingest`` spent before its workers started, with the other cores idle while the extractor
    loaded. The child's work is a head start only: were it to fail, ``open_store`` migrates in this process
    and says why. Where the body fails (a bad option, an actors file that does not load), a database file
    the child created is removed: a mistyped ``--db`` leaves nothing behind. Call it before this process
    opens connections or starts threads (it forks).
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    target = default_target(target)
    path = None if is_postgres(target) else Path(target)
    made = _claim(path) if path is not None else None  # the file's identity, where this command made it
    pid = os.fork()
    if pid == 0:  # the child: migrate, then leave without running this process's exit handlers
        status = 1
        try:
            with open_store(target, create=True):
                status = 0
        finally:
            os._exit(status)
    try:
        yield
    except BaseException:
        os.waitpid(pid, 0)
        if made is not None and path is not None and _unused(path, made):
            # the command failed before using it: leave no empty database behind
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    else:
        os.waitpid(pid, 0)


def _claim(path: Path) -> tuple[int, int] | None:
    """Create ``path`` if nothing is there (atomically: two commands cannot both make it) and return its
    device and inode; None where it was there already or cannot be made (``open_store`` will say why)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except OSError:
        return None
    try:
        stat = os.fstat(fd)
    finally:
        os.close(fd)
    return stat.st_dev, stat.st_ino


def _unused(path: Path, made: tuple[int, int]) -> bool:
    """Whether ``path`` is still the file this command made and holds no document: another command
    may have opened the new database meanwhile and written to it."""
    try:
        stat = path.stat()
    except OSError:
        return False
    if (stat.st_dev, stat.st_ino) != made:
        return False
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            (count,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    except sqlite3.Error as err:  # no documents table: only (part of) a schema, or nothing
        return "no such table" in str(err)  # locked or unreadable: keep it
    return bool(count == 0)
