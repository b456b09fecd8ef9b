"""The store on SQLAlchemy 2 Core: one implementation for SQLite (the default) and PostgreSQL.

Every write of a document and its events is one transaction; documents are keyed by id, by content hash
and canonical URL, so the same input twice changes nothing and a run killed half-way leaves whole
documents only. Every value reaches the database as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Engine,
    Select,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.engine import RootTransaction
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from eventwire.errors import BatchLostError, StoreError
from eventwire.models.document import Document
from eventwire.models.event import Event, event_from_dict
from eventwire.store import schema as t
from eventwire.store.base import (
    Cluster,
    Decision,
    Dedup,
    DocumentRecord,
    EventFilter,
    Page,
    RecordPage,
    Stored,
)
from eventwire.store.urls import canonical_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
NO_DATE = "0000-00-00"
EVERYTHING = EventFilter()
TOTAL_LIMIT = 10_000
"""``page`` counts matching events up to this many; beyond it ``total`` is this and ``total_exact`` False."""
REMEMBERED = 4096
"""At most this many page counts and index probes are remembered (SQLite; see ``SqlStore._version``)."""
_TOKEN = re.compile(r"\w+", re.UNICODE)
BATCH_SECONDS = 0.2
"""In :meth:`SqlStore.batch`, writes are committed at least this often (seconds)..."""
BATCH_DOCUMENTS = 100
"""...and at least every this many documents: a run killed with ``kill -9`` redoes at most this much."""
BATCH_CHECKPOINT_PAGES = 10_000
"""In a batch, SQLite copies its write-ahead log back into the database once it holds this many pages
(40 MiB of 4 KiB pages; see ``SqlStore._batch_settings``)."""
PARSED_EVENTS = 20_000
"""At most this many stored events are kept parsed for merging (see ``SqlStore._stored_events``)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _hash(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def _fp_text(fp: int) -> str:
    """A document fingerprint as hex text: signatures are wider than any integer column."""
    return format(fp, "x")


def _fp_value(text_: str) -> int:
    return int(text_, 16)


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def encode_cursor(sort_date: str, cluster_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_date, cluster_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            return value[0], value[1]
    except (ValueError, binascii.Error):
        pass
    raise StoreError(f"{cursor!r} is not a cursor this store gave out")


def sqlite_engine(path: Path) -> Engine:
    # A pool as large as the API's worker threads: a connection opened per request (past the default
    # pool of 5) costs more than the query, and starts with an empty page cache: so every thread of the
    # API's pool (40) keeps its connection. Last in, first out: a light load keeps reusing the few
    # connections whose page caches are warm.
    engine = create_engine(f"sqlite:///{path}", pool_size=40, max_overflow=10, pool_use_lifo=True)

    @event.listens_for(engine, "connect")
    def _connect(dbapi: Any, record: Any) -> None:
        dbapi.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own handling defers it)
        cur = dbapi.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        # 32 MiB of pages per connection instead of 2: the index pages that pages and counts walk stay in
        # the connection rather than being read from the OS again (a quarter less CPU per page at 1M events).
        cur.execute("PRAGMA cache_size=-32768")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock at BEGIN, so two writers queue instead of failing half-way.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


REVISIONS = ("0001", "0002", "0003", "0004")
"""The revisions in ``migrations/versions``, oldest first (a test checks them against alembic's)."""
HEAD_REVISION = REVISIONS[-1]


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (alembic, revisions in ``migrations/``)."""
    if _at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.connect().execution_options(write=True) as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            conn.commit()
    except SQLAlchemyError:
        # Two commands opening a new database at once: where the other one migrated it meanwhile (this
        # one's upgrade then fails on a column or table that is there already), it is up to date.
        if not _at_head(engine):
            raise


def _at_head(engine: Engine) -> bool:
    """Whether the database's schema is at :data:`HEAD_REVISION` already: one query, where importing
    alembic to find that out took a third of a second of every command (``migrate`` then does nothing)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:  # no such table: a new database (or not ours), which alembic looks at
        return False
    unknown = [revision for revision in found if revision not in REVISIONS]
    if unknown:  # alembic would fail with its own traceback: say what happened instead
        raise StoreError(
            f"was written by a newer eventwire (schema revision {unknown[0]}; this one knows up to "
            f"{HEAD_REVISION}): upgrade eventwire to open it"
        )
    return found == [HEAD_REVISION]


def _cluster_row(
    event_: Event, members: int, sources: list[str], made: tuple[dict[str, Any], str] | None = None
) -> dict[str, Any]:
    """The clusters row of ``event_``; ``made``: its ``to_dict()`` and that as JSON, where the caller has
    them already (a new event's record is its cluster of one's)."""
    actors = [event_.actor1, event_.actor2, *event_.assoc_actor_1, *event_.assoc_actor_2]
    date = event_.event_date.isoformat() if event_.event_date else None
    record, record_json = made if made is not None else (event_.to_dict(), None)
    return {
        "cluster_id": event_.event_id,
        "members": members,
        "sort_date": date or NO_DATE,
        "event_date": date,
        "event_type": event_.event_type,
        "sub_event_type": event_.sub_event_type,
        "country": event_.country,
        "iso3": event_.iso3,
        "admin1": event_.admin1,
        "actors": "\n".join(a.lower() for a in actors if a),
        "latitude": event_.latitude,
        "longitude": event_.longitude,
        "fatalities": event_.fatalities.best if event_.fatalities else 0,
        "sources": json.dumps(sources, ensure_ascii=False),
        "record": record_json if record_json is not None else _dumps(record),
        "record_shape": record_shape(record),
        **filter_keys(event_.country, event_.iso3, event_.admin1, event_.event_type, event_.sub_event_type),
    }


def _key(value: str | None) -> str | None:
    return None if value is None else value.lower()


def filter_keys(
    country: str | None, iso3: str | None, admin1: str | None, event_type: str, sub_event_type: str
) -> dict[str, str | None]:
    """The lower-cased key columns of a cluster row, which the indexed filters compare with."""
    return {
        "country_key": _key(country),
        "iso3_key": _key(iso3),
        "admin1_key": _key(admin1),
        "type_key": _key(event_type),
        "sub_type_key": _key(sub_event_type),
    }


# The statements of the write path, built once and run with their values bound: building a statement
# anew took three times as long as running it, and a document runs tens of them.
_d = t.documents.c
_e = t.events.c
_DOCUMENT = select(_d.id).where(_d.id == bindparam("id"))
_DOCUMENT_URL = select(_d.id, _d.canonical_url).where(_d.id == bindparam("id"))
_SAME_TEXT_AT = (
    select(_d.id).where(_d.content_hash == bindparam("hash"), _d.canonical_url == bindparam("url")).limit(1)
)
_SAME_TEXT_NO_URL = (
    select(_d.id).where(_d.content_hash == bindparam("hash"), _d.canonical_url.is_(None)).limit(1)
)
_SAME_TEXT = (
    select(_d.id, _d.duplicate_of).where(_d.content_hash == bindparam("hash")).order_by(_d.ingested_at, _d.id)
)
_NEAR_TEXT = (
    select(_d.id, _d.fingerprint, _d.duplicate_of)
    .join(t.document_keys, t.document_keys.c.doc_id == _d.id)
    .where(t.document_keys.c.key.in_(bindparam("keys", expanding=True)), _d.fingerprint.is_not(None))
    .distinct()
    .order_by(_d.id)
)
_CLEAR_ERRORS = delete(t.errors).where(t.errors.c.origin == bindparam("origin"))
_CLEAR_SKIPPED = delete(t.skipped).where(t.skipped.c.origin == bindparam("origin"))
_EVENTS_IN = select(_e.event_id).where(_e.event_id.in_(bindparam("ids", expanding=True)))
_LAST_SEQ = select(func.coalesce(func.max(_e.seq), 0))
# The candidates' records are read apart, and only those not parsed yet (see ``SqlStore._stored_events``):
# most candidates were compared before, and reading every record again took a third of the merging.
_CANDIDATES = (
    select(_e.event_id, _e.cluster_id)
    .join(t.event_keys, t.event_keys.c.event_id == _e.event_id)
    .where(t.event_keys.c.key.in_(bindparam("keys", expanding=True)), _e.doc_id != bindparam("doc_id"))
    .distinct()
    .order_by(_e.event_id)
)
_RECORDS = select(_e.event_id, _e.record).where(_e.event_id.in_(bindparam("ids", expanding=True)))
RECORDS_AT_ONCE = 500
"""Records read by one statement (SQLite bounds the values one statement binds)."""
_BLOCKED = select(t.merge_blocks.c.event_id, t.merge_blocks.c.other_id).where(
    t.merge_blocks.c.event_id.in_(bindparam("ids", expanding=True))
)
_MEMBERS = (
    select(_e.event_id, _e.record, _e.doc_id)
    .where(_e.cluster_id == bindparam("cluster_id"))
    .order_by(_e.seq, _e.event_id)
)
_MEMBER_SOURCES = select(_d.id, _d.url, _d.origin).where(_d.id.in_(bindparam("ids", expanding=True)))
_DROP_CLUSTER = delete(t.clusters).where(t.clusters.c.cluster_id == bindparam("cluster_id"))
_ADD_DOCUMENT = insert(t.documents)
_ADD_DOCUMENT_KEYS = insert(t.document_keys)
_ADD_SEARCH = insert(t.doc_search)
_ADD_EVENT = insert(t.events)
_ADD_EVENT_KEYS = insert(t.event_keys)
_ADD_DECISIONS = insert(t.merge_decisions)
_ADD_CLUSTER = insert(t.clusters)
CLUSTER_COLUMNS = tuple(c.name for c in t.clusters.c if c.name != "cluster_id")
"""The columns of a cluster row that :meth:`SqlStore._refresh` compares and updates."""
_CLUSTER = select(*(t.clusters.c[name] for name in CLUSTER_COLUMNS)).where(
    t.clusters.c.cluster_id == bindparam("cluster_id")
)


@functools.cache  # (one statement per set of columns, kept: ``_driver_sql`` knows statements by their id)
def _update_cluster(columns: tuple[str, ...]) -> Any:
    """The UPDATE of a cluster row's ``columns`` (the row bound as ``id``): SQLite rewrites only the
    indexes holding a column it sets."""
    return (
        update(t.clusters)
        .where(t.clusters.c.cluster_id == bindparam("id"))
        .values({name: bindparam(name) for name in columns})
    )


# SQLite: the write path's statements as the driver's SQL, compiled once per statement and shape of values
# (which keys, how long each list: see ``_run``), with where each value bound comes from.
_Slot = tuple[str | None, int | None, Any]  # (key, index in its list or None, else the statement's own value)
_DRIVER_SQL: dict[tuple[int, tuple[tuple[str, int], ...]], tuple[str, tuple[_Slot, ...]]] = {}


def _driver_sql(conn: Connection, statement: Any, values: dict[str, Any]) -> tuple[str, tuple[_Slot, ...]]:
    shape = tuple((key, len(v) if isinstance(v, list) else -1) for key, v in values.items())
    found = _DRIVER_SQL.get((id(statement), shape))  # (the statements are module constants: ids stay)
    if found is None:
        found = _DRIVER_SQL[(id(statement), shape)] = _compiled_for_driver(conn, statement, values)
    return found


def _compiled_for_driver(
    conn: Connection, statement: Any, values: dict[str, Any]
) -> tuple[str, tuple[_Slot, ...]]:
    """The SQL SQLAlchemy would send for ``values``, and where each bound value comes from: a key of
    ``values``, an item of a list (an expanding ``IN``: ``keys_3`` is ``values["keys"][2]``), or the
    statement itself (a LIMIT)."""
    lists = {key: v for key, v in values.items() if isinstance(v, list)}
    if lists:
        compiled = statement.params(**values).compile(
            dialect=conn.dialect, column_keys=list(values), compile_kwargs={"render_postcompile": True}
        )
        own: dict[str, Any] = {}
    else:
        compiled = statement.compile(dialect=conn.dialect, column_keys=list(values))
        # (only values the statement sets itself, such as a LIMIT: a value the caller left out is an error,
        # as in SQLAlchemy, not a NULL)
        own = {
            name: v
            for name, v in compiled.params.items()
            if name not in values and not compiled.binds[name].required
        }
    slots: list[_Slot] = []
    for name in compiled.positiontup or ():
        base, _, index = name.rpartition("_")
        if name in values:
            slots.append((name, None, None))
        elif name in own:
            slots.append((None, None, own[name]))
        elif base in lists and index.isdigit():
            slots.append((base, int(index) - 1, None))
        else:
            raise StoreError(f"no value for {name} in {compiled}")
    return str(compiled), tuple(slots)


def _bound(slots: tuple[_Slot, ...], values: dict[str, Any]) -> list[Any]:
    return [
        own if key is None else values[key] if index is None else values[key][index]
        for key, index, own in slots
    ]


def _run(conn: Connection, statement: Any, values: dict[str, Any]) -> Sequence[Any]:
    """``conn.execute(statement, values).all()`` for a statement of the write path, as rows to index by
    position.

    In SQLite it goes to the driver's cursor of ``conn`` (the same transaction): SQLAlchemy took about 25
    µs a statement, ten times SQLite's own time, and the writer runs a score of statements a document,
    which made it the slowest process of a parallel ingest. The columns written and read are text and
    numbers, which SQLAlchemy passes through unchanged in SQLite. Failures are SQLAlchemy's errors still.
    """
    if conn.dialect.name != "sqlite":
        result = conn.execute(statement, values)
        return result.all() if result.returns_rows else []
    sql, slots = _driver_sql(conn, statement, values)
    return _on_cursor(conn, sql, _bound(slots, values), values, many=False)


def _run_many(conn: Connection, statement: Any, rows: list[dict[str, Any]]) -> None:
    """``conn.execute(statement, rows)`` (rows with the same keys, no lists), as :func:`_run` (SQLAlchemy
    also made each row's values anew: a document files about fifty keys)."""
    if conn.dialect.name != "sqlite":
        conn.execute(statement, rows)
        return
    sql, slots = _driver_sql(conn, statement, rows[0])
    _on_cursor(conn, sql, [_bound(slots, row) for row in rows], rows, many=True)


def _on_cursor(conn: Connection, sql: str, bound: list[Any], given: Any, *, many: bool) -> list[Any]:
    """Run ``sql`` with the ``bound`` values (a list of them where ``many``) on a cursor of ``conn``'s
    driver connection; its rows (none where ``many``). A failure is SQLAlchemy's error, naming the values
    as the caller ``given`` them."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if many:
            cursor.executemany(sql, bound)
            return []
        rows: list[Any] = cursor.execute(sql, bound).fetchall()
        return rows
    except sqlite3.Error as err:
        raise DBAPIError.instance(sql, given, err, sqlite3.Error) from err
    finally:
        cursor.close()


@contextmanager
def _savepoint(conn: Connection) -> Iterator[None]:
    """A savepoint of ``conn``'s open SQLite transaction, set and released on its driver connection, and
    rolled back to on any exception: what ``conn.begin_nested()`` does, which took SQLAlchemy a tenth of a
    document's writing (two statements of its own a document, where the store runs the rest on the driver,
    see :func:`_run`)."""
    driver = conn.connection.dbapi_connection
    assert driver is not None
    driver.execute("SAVEPOINT eventwire_document")
    try:
        yield
    except BaseException:
        if driver.in_transaction:  # (an error that ended the whole transaction took the savepoint with it)
            driver.execute("ROLLBACK TO eventwire_document")
            driver.execute("RELEASE eventwire_document")
        raise
    driver.execute("RELEASE eventwire_document")


@functools.lru_cache(maxsize=1024)
def _reasons_json(reasons: tuple[str, ...]) -> str:
    """A merge decision's reasons as stored: the same few lists recur in tens of thousands of decisions."""
    return json.dumps(list(reasons), ensure_ascii=False)


@dataclass(slots=True)
class _DocumentEvents:
    """What writing one new document's events reads once for all of them, and the rows written at its end.

    A document had about ten statements per event, each costing more in SQLAlchemy than in the database:
    which of its events are stored already, the splits barring them and the last sequence number are read
    once; the rows that no later event of the document reads (keys, decisions, clusters of one: a new
    event's candidates are other documents' events, and clusters holding this document's events are
    barred to it) are written together at the end, in the order they were made.
    """

    seq: int  # the last sequence number given out
    present: set[str]  # ids of events stored already (and those written since)
    blocked: dict[str, set[str]]  # event id -> the events it was split from
    barred: set[str] = dataclasses.field(default_factory=set)  # clusters holding the document's events
    keys: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    decisions: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    clusters: list[dict[str, Any]] = dataclasses.field(default_factory=list)


@dataclass(slots=True)
class _Batch:
    """The connection of :meth:`SqlStore.batch` and its open transaction, if any."""

    conn: Connection
    thread: int  # the thread that opened it: other threads of the process write on their own
    transaction: RootTransaction | None = None  # open from a write until it is committed
    started: float = 0.0  # time.monotonic() when the transaction began
    writes: int = 0  # documents (and errors) written in the transaction
    written: list[str] = field(default_factory=list)  # origins of the new documents written in it
    current: str | None = None  # the origin of the new document being written


class SqlStore:
    """See :class:`eventwire.store.base.Store`; open one with :func:`eventwire.store.open_store`."""

    def __init__(self, engine: Engine, where: str, dedup: Dedup | None = None) -> None:
        self.engine = engine
        self.where = where
        self.dedup = dedup
        self.dialect = engine.dialect.name
        self._fingerprints: dict[str, int] = {}
        self._remembered: dict[tuple[Any, ...], Any] = {}
        self._watch: Any = None  # a connection kept open only to ask SQLite whether anyone has committed
        self._watch_lock = threading.Lock()
        self._batch: _Batch | None = None  # the open batch of writes, if any (see ``batch``)
        self._parsed: dict[str, Event] = {}  # stored events by id, parsed once (records never change)
        try:
            migrate(engine)
        except StoreError as err:
            engine.dispose()
            raise StoreError(err.message, where=where) from None
        except SQLAlchemyError as err:
            engine.dispose()
            raise StoreError(
                f"cannot be opened as an eventwire database: {_reason(err)}", where=where
            ) from None

    # -- life cycle -----------------------------------------------------------------------------------

    def close(self) -> None:
        with self._watch_lock:
            watch, self._watch = self._watch, None
        if watch is not None:
            watch.close()
        self.engine.dispose()

    def forked(self) -> None:
        """Call in a child process forked from the one that opened the store: the child opens its own
        connections, and leaves the parent's open (closing them there would disturb the parent)."""
        self.engine.dispose(close=False)
        self._fingerprints = {}
        self._remembered = {}
        self._watch = None  # the parent's, left open
        self._watch_lock = threading.Lock()
        # The parent's open batch is kept referenced, never used: were it collected here, its connection
        # would go back to a pool and be rolled back, from this process, in the middle of the parent's
        # transaction.
        self._inherited, self._batch = self._batch, None
        self._parsed = {}

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self) -> Connection:
        return self.engine.connect()

    # -- remembered counts ----------------------------------------------------------------------------

    def _version(self) -> int | None:
        """What remembered counts stay true for: None where nothing can be remembered.

        SQLite's ``PRAGMA data_version`` changes on a connection when any other connection, of this process
        or another, has committed since the last time that connection asked. One connection kept for this
        alone asks before each read: a count remembered under its answer is true while the answer stays the
        same, whichever pooled connection counted it (a count per connection cost a recount on each of the
        tens a busy server opens). The count is read after the question, so a commit in between makes a
        count newer than its version, never an older one. PostgreSQL has no such cheap version: it counts
        every time.
        """
        if self.dialect != "sqlite":
            return None
        with self._watch_lock:
            if self._watch is None:
                self._watch = self.engine.raw_connection()
            cursor = self._watch.cursor()
            try:
                cursor.execute("PRAGMA data_version")
                return int(cursor.fetchone()[0])
            finally:
                cursor.close()

    def _remember(self, version: int | None, key: tuple[Any, ...], value: Any) -> None:
        if version is None:
            return
        if len(self._remembered) >= REMEMBERED:
            self._remembered.clear()  # a bound; the dashboard's few filters are counted again at once
        self._remembered[(version, *key)] = value

    def _recall(self, version: int | None, key: tuple[Any, ...]) -> Any:
        return None if version is None else self._remembered.get((version, *key))

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(write=True)

    def _fail(self, what: str, err: SQLAlchemyError) -> StoreError:
        return StoreError(f"{what}: {_reason(err)}", where=self.where)

    # -- batched writes (ingest) ----------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Within it, the writes of this thread are committed together: a transaction begins at a write and
        is committed once it is :data:`BATCH_SECONDS` old or holds :data:`BATCH_DOCUMENTS` documents, and at
        the end.

        Each document still goes in whole or not at all (each write is a savepoint of the transaction), so
        a run killed with ``kill -9`` leaves whole documents only and redoes at most one batch when it
        resumes. ``known`` and ``find_duplicate`` read in the open transaction, so they see what it wrote.
        Between two transactions the database is free: other writers wait a fifth of a second at most.
        (Committing each document on its own took a tenth of an ingest.) Nested batches are one batch.
        """
        if self._batch is not None:
            yield
            return
        batch = self._batch = _Batch(self._write(), threading.get_ident())
        try:
            self._batch_settings(batch.conn, True)
            yield
        finally:
            # Interrupted too (Ctrl-C): what the batch wrote is whole documents, keep them.
            self._batch = None
            try:
                if batch.transaction is not None and batch.transaction.is_active:
                    self._commit(batch.transaction, tuple(batch.written))
            finally:
                try:
                    self._batch_settings(batch.conn, False)
                finally:
                    batch.conn.close()

    def _batch_settings(self, conn: Connection, on: bool) -> None:
        """Set SQLite up for a batch of writes on its connection (``on``), or back as SQLite's defaults.

        Set on the driver connection, outside any transaction (SQLite reads the settings as one begins),
        and set back before the connection goes back to the pool.
        """
        if self.dialect != "sqlite":
            return
        driver = conn.connection.dbapi_connection
        assert driver is not None
        # Rolling a document's savepoint back needs the pages it changed as they were, which SQLite keeps in
        # a journal; past 64 KiB it wrote that journal to a temporary file, a page at a time: two thirds of
        # the writes an ingest made to files, and a tenth of the writing process's CPU (system time). The
        # journal never holds more than one document's pages. (Back in the pool, the setting would keep the
        # temporary tables of big reads in memory too.)
        driver.execute(f"PRAGMA temp_store={'MEMORY' if on else 'DEFAULT'}")
        # A commit wrote thousands of pages to the write-ahead log (a document files 32 near-duplicate keys,
        # each in a page of its own of a large index), and at SQLite's default of 1,000 pages every commit
        # also copied them all back into the database and synced it: a third of the merge's time, and half
        # the bytes written. A log ten times longer is copied back once every few commits, each page once
        # however many commits rewrote it meanwhile.
        driver.execute(f"PRAGMA wal_autocheckpoint={BATCH_CHECKPOINT_PAGES if on else 1000}")

    def _commit(self, transaction: RootTransaction, written: tuple[str, ...] = ()) -> None:
        """Commit a batch's transaction; where that fails, forget the events parsed meanwhile (they may not
        be stored) and say which documents (``written``, by origin) went with it."""
        try:
            transaction.commit()
        except SQLAlchemyError as err:
            why = self._fail("could not commit the documents written last", err).message
            raise self._lost(transaction, written, why) from None

    def _lost(
        self, transaction: RootTransaction | None, written: tuple[str, ...], why: str
    ) -> BatchLostError:
        """The error for a batch's transaction gone (``why``), naming by origin the documents that went with
        it; SQLAlchemy's record of the transaction is rolled back (so that the batch's connection can begin
        again) and the events parsed meanwhile forgotten (they are not stored)."""
        self._parsed = {}
        if transaction is not None:
            with suppress(SQLAlchemyError):
                transaction.rollback()
        return BatchLostError(
            f"{why}: the {len(written)} documents and the errors written since the last commit were not "
            "stored; ingest them again",
            where=self.where,
            lost=written,
        )

    def _current_batch(self) -> _Batch | None:
        batch = self._batch
        return batch if batch is not None and batch.thread == threading.get_ident() else None

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection to read with: the batch's while it has a transaction open (it sees what the
        transaction wrote), else one of the pool (the batch's would begin a transaction and lock writers out).
        """
        batch = self._current_batch()
        if batch is not None and batch.transaction is not None:
            yield batch.conn
            return
        with self._read() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A connection in a transaction of its own: a savepoint of the batch's, else a transaction."""
        batch = self._current_batch()
        if batch is None:
            with self._write() as conn, conn.begin():
                yield conn
            return
        if batch.transaction is None:
            batch.transaction, batch.started, batch.writes = batch.conn.begin(), time.monotonic(), 0
        batch.current = None  # (set by a write that stores a new document)
        if self.dialect == "sqlite":
            try:
                with _savepoint(batch.conn):
                    yield batch.conn
            except BaseException as err:
                driver = batch.conn.connection.dbapi_connection
                if driver is None or driver.in_transaction:
                    raise
                # The error ended the batch's whole transaction (SQLite does that on a full disk, an I/O
                # error, a ROLLBACK): the documents written since its last commit went with it. Say so,
                # rather than go on as if they were stored; the batch starts a new transaction next.
                transaction, batch.transaction = batch.transaction, None
                lost, batch.written, batch.current = tuple(batch.written), [], None
                why = f"the write failed and took the batch's transaction with it ({err})"
                raise self._lost(transaction, lost, why) from err
        else:
            with batch.conn.begin_nested():
                yield batch.conn
        batch.writes += 1
        if batch.current is not None:
            batch.written.append(batch.current)
            batch.current = None
        if batch.writes >= BATCH_DOCUMENTS or time.monotonic() - batch.started >= BATCH_SECONDS:
            transaction, batch.transaction = batch.transaction, None
            written, batch.written = tuple(batch.written), []
            self._commit(transaction, written)

    # -- documents ------------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            return (
                conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None
            )

    def known(self, doc: Document) -> bool:
        """True when this document is stored already: same id, or same text at the same canonical URL."""
        with self._reading() as conn:
            return self._stored_as(conn, doc)[0] is not None

    def _stored_as(self, conn: Connection, doc: Document) -> tuple[str | None, bool]:
        """The stored document this one is (see :meth:`known`), and whether its id is taken (by another
        text, or by the same text elsewhere): ``write`` needs both, and the first question answers the
        second."""
        url = canonical_url(doc.url)
        rows = _run(conn, _DOCUMENT_URL, {"id": doc.id})
        row = rows[0] if rows else None  # (id, canonical_url)
        if row is not None and (row[1] is None or url is None or row[1] == url):
            return str(row[0]), True
        if row is not None and _run(conn, _DOCUMENT, {"id": _variant_id(doc.id, url)}):
            return _variant_id(doc.id, url), True
        if url is None:
            found = _run(conn, _SAME_TEXT_NO_URL, {"hash": _hash(doc.text)})
        else:
            found = _run(conn, _SAME_TEXT_AT, {"hash": _hash(doc.text), "url": url})
        return (str(found[0][0]) if found else None), row is not None

    def _fingerprint(self, doc: Document) -> int | None:
        if self.dedup is None:
            return None
        if doc.id not in self._fingerprints:
            if len(self._fingerprints) > 64:
                self._fingerprints.clear()
            self._fingerprints[doc.id] = self.dedup.fingerprint(doc.text)
        return self._fingerprints[doc.id]

    def find_duplicate(self, doc: Document) -> str | None:
        """The stored document this one copies (same text elsewhere, or a near-duplicate), if any."""
        with self._reading() as conn:
            return self._duplicate(conn, doc)

    def _duplicate(self, conn: Connection, doc: Document) -> str | None:
        same = _run(conn, _SAME_TEXT, {"hash": _hash(doc.text)})
        if same:  # (id, duplicate_of)
            return str(same[0][1] or same[0][0])
        fp = self._fingerprint(doc)
        if fp is None or self.dedup is None:
            return None
        keys = self.dedup.lsh_keys(fp)
        if not keys:
            return None
        for row in _run(conn, _NEAR_TEXT, {"keys": keys}):  # (id, fingerprint, duplicate_of)
            if self.dedup.near_duplicate(fp, _fp_value(row[1])):
                return str(row[2] or row[0])
        return None

    def write(self, doc: Document, events: Sequence[Event]) -> Stored:
        """Store a document and its events in one transaction.

        A document already stored is left as it is (``new`` False). A copy of a stored document (the same
        text at another URL, or a near-duplicate) is stored and linked to it, without events: its events
        are the original's.
        """
        try:
            with self._writing() as conn:
                same, taken = self._stored_as(conn, doc)
                if same is not None:
                    return Stored(same, False, 0)
                if (batch_now := self._current_batch()) is not None:
                    batch_now.current = doc.origin or doc.id  # (lost if the batch's transaction is)
                url = canonical_url(doc.url)
                doc_id = doc.id
                if taken:
                    doc_id = _variant_id(doc.id, url)  # the same id (text) at another URL: a copy
                duplicate_of = self._duplicate(conn, doc)
                fp = self._fingerprint(doc)
                _run(
                    conn,
                    _ADD_DOCUMENT,
                    {
                        "id": doc_id, "content_hash": _hash(doc.text), "canonical_url": url, "url": doc.url,
                        "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
                        "published_source": doc.published_source, "origin": doc.origin,
                        "language": doc.language, "text": doc.text, "ingested_at": _now(),
                        "fingerprint": None if fp is None else _fp_text(fp), "duplicate_of": duplicate_of,
                    },
                )  # fmt: skip
                _run(conn, _CLEAR_ERRORS, {"origin": doc.origin or doc.id})
                _run(conn, _CLEAR_SKIPPED, {"origin": doc.origin or doc.id})
                if duplicate_of is not None:
                    return Stored(doc_id, True, 0, duplicate_of=duplicate_of)
                if fp is not None and self.dedup is not None:
                    keys = sorted(set(self.dedup.lsh_keys(fp)))
                    if keys:
                        _run_many(conn, _ADD_DOCUMENT_KEYS, [{"key": k, "doc_id": doc_id} for k in keys])
                body = "\n".join([doc.title or "", doc.text, *(e.notes for e in events)])
                _run(conn, _ADD_SEARCH, {"doc_id": doc_id, "body": body})
                merged = 0
                written = 0
                if events:
                    batch = self._document_events(conn, [ev.event_id for ev in events])
                    for ev in events:
                        if ev.doc_id != doc_id:  # stored under another id (its id was taken by another text)
                            ev = dataclasses.replace(ev, doc_id=doc_id)
                        outcome = self._add_event(conn, ev, doc.url or doc.origin or doc_id, batch)
                        written += outcome is not None
                        merged += outcome is True
                    self._flush(conn, batch)
                return Stored(doc_id, True, written, merged=merged)
        except BatchLostError as err:  # named by the document whose write failed, as other errors are
            own = doc.origin or doc.id
            lost = tuple(origin for origin in err.lost if origin != own)
            raise BatchLostError(err.message, where=own, lost=lost) from err.__cause__
        except SQLAlchemyError as err:
            raise self._fail(f"could not store document {doc.id}", err) from None

    # -- events and clusters --------------------------------------------------------------------------

    def _document_events(self, conn: Connection, ids: list[str]) -> _DocumentEvents:
        """Read once what writing a new document's events ``ids`` needs (see :class:`_DocumentEvents`).

        The document was inserted just now, so no stored event belongs to it yet: no cluster is barred to
        its first event for holding another of its events.
        """
        unique = list(dict.fromkeys(ids))
        present: set[str] = set()
        blocked: dict[str, set[str]] = {}
        for start in range(0, len(unique), RECORDS_AT_ONCE):
            part = unique[start : start + RECORDS_AT_ONCE]
            present.update(row[0] for row in _run(conn, _EVENTS_IN, {"ids": part}))
            if self.dedup is not None:
                for event_id, other_id in _run(conn, _BLOCKED, {"ids": part}):
                    blocked.setdefault(event_id, set()).add(other_id)
        return _DocumentEvents(int(_run(conn, _LAST_SEQ, {})[0][0]), present, blocked)

    @staticmethod
    def _flush(conn: Connection, batch: _DocumentEvents) -> None:
        """Write the rows a document's events left for its end (see :class:`_DocumentEvents`)."""
        if batch.keys:
            _run_many(conn, _ADD_EVENT_KEYS, batch.keys)
        if batch.decisions:
            _run_many(conn, _ADD_DECISIONS, batch.decisions)
        if batch.clusters:
            _run_many(conn, _ADD_CLUSTER, batch.clusters)

    def _add_event(self, conn: Connection, ev: Event, source: str, batch: _DocumentEvents) -> bool | None:
        """Insert one member; True when it joined a stored cluster, False alone, None when already there.

        ``source`` is what the cluster's ``sources`` list names its document by (URL, else origin, else id);
        ``batch``: what the document's events share (its rows are written by :meth:`_flush`).
        """
        if ev.event_id in batch.present:
            return None
        batch.present.add(ev.event_id)
        batch.seq += 1
        target: tuple[str, float, tuple[str, ...], str] | None = None
        compared: list[tuple[str, str, float, tuple[str, ...]]] = []
        keys: list[str] = []
        if self.dedup is not None:
            keys, wanted = self._block_keys(ev)
            target, compared = self._best_cluster(
                conn, ev, wanted, batch.barred, batch.blocked.get(ev.event_id, set())
            )
        cluster_id = target[0] if target else ev.event_id
        batch.barred.add(cluster_id)
        record = ev.to_dict()  # the member's record, and a cluster of one's (made once for both)
        record_json = _dumps(record)
        _run(
            conn,
            _ADD_EVENT,
            {
                "event_id": ev.event_id,
                "doc_id": ev.doc_id,
                "cluster_id": cluster_id,
                "seq": batch.seq,
                "record": record_json,
            },
        )
        batch.keys.extend({"key": k, "event_id": ev.event_id} for k in keys)
        now = _now()
        batch.decisions.extend(
            {
                "event_id": ev.event_id, "cluster_id": cid, "other_id": other,
                "action": "merge" if target and cid == target[0] else "apart", "score": score,
                "reasons": _reasons_json(reasons), "at": now,
            }
            for cid, other, score, reasons in compared
        )  # fmt: skip
        if target is None:  # a cluster of one: its row is the event's own (no members to read back)
            batch.clusters.append(_cluster_row(ev, 1, [source], (record, record_json)))
        else:
            self._refresh(conn, cluster_id)
        return target is not None

    def _block_keys(self, ev: Event) -> tuple[list[str], list[str]]:
        """The keys to file ``ev`` under, and the keys to look candidates up by.

        A country-wide key is wide: it pairs events only when one of the two has no admin1. So an event
        with an admin1 files its country keys with a ``+`` in front, which only events without an admin1
        look up.
        """
        assert self.dedup is not None
        keys = sorted(set(self.dedup.block_keys(ev)))
        wide = [k for k in keys if self.dedup.is_country_key(k)]
        narrow = [k for k in keys if not self.dedup.is_country_key(k)]
        if ev.admin1:
            return [*narrow, *("+" + k for k in wide)], keys
        return keys, [*keys, *("+" + k for k in wide)]

    def _best_cluster(
        self, conn: Connection, ev: Event, keys: list[str], document: set[str], blocked: set[str]
    ) -> tuple[tuple[str, float, tuple[str, ...], str] | None, list[tuple[str, str, float, tuple[str, ...]]]]:
        """The cluster the new event joins (id, score, reasons, member compared) and every comparison;
        ``document``: the clusters holding its document's other events, ``blocked``: the events it was
        split from."""
        assert self.dedup is not None
        if not keys:
            return None, []
        candidates = _run(conn, _CANDIDATES, {"keys": keys, "doc_id": ev.doc_id})  # (event_id, cluster_id)
        if not candidates:
            return None, []
        # Two events of one document are never one event (its extractor told them apart), even where a
        # report from elsewhere matches both: a cluster holding the document's other event is barred, and
        # so is one holding an event split from this one. Barred clusters are not compared at all.
        barred = set(document)
        barred.update(cluster_id for event_id, cluster_id in candidates if event_id in blocked)
        rows = [row for row in candidates if row[1] not in barred]
        stored = self._stored_events(conn, [event_id for event_id, _ in rows])
        per_cluster: dict[str, tuple[str, float, tuple[str, ...], bool]] = {}
        verdicts = self.dedup.compare_all(ev, [stored[event_id] for event_id, _ in rows])
        for (event_id, cluster_id), verdict in zip(rows, verdicts, strict=True):
            best = per_cluster.get(cluster_id)
            if best is None or (verdict.merge, verdict.score) > (best[3], best[1]):
                per_cluster[cluster_id] = (
                    event_id,
                    verdict.score,
                    tuple(verdict.reasons),
                    verdict.merge,
                )
        # A cluster's first report is mostly among those just compared: its verdict is there already.
        merges = {event_id: verdict.merge for (event_id, _), verdict in zip(rows, verdicts, strict=True)}
        target = None
        for score, cid in sorted(((v[1], cid) for cid, v in per_cluster.items() if v[3]), reverse=True):
            member, _, reasons, _ = per_cluster[cid]
            fits = merges.get(cid)
            if fits is None:
                fits = self._fits_first(conn, ev, cid)
            if fits:
                target = (cid, score, reasons, member)
                break
            # Recorded with the decision, for `eventwire explain`: why a match was left apart.
            per_cluster[cid] = (
                member,
                score,
                (*reasons, f"but unlike the event's first report {cid}"),
                False,
            )
        if target is not None:
            for cid, (member, score, reasons, merge) in list(per_cluster.items()):
                if merge and cid != target[0]:  # a match too, but the event joined a closer one
                    per_cluster[cid] = (member, score, (*reasons, f"but {target[0]} matched better"), False)
        compared = [(cid, v[0], v[1], v[2]) for cid, v in sorted(per_cluster.items())]
        return target, compared

    def _fits_first(self, conn: Connection, ev: Event, cluster_id: str) -> bool:
        """Whether ``ev`` would merge with the cluster's first report (the one its id names) too.

        Against chaining: a report like a cluster's latest member only (A~B, B~C, C~D ...) drifts away
        from the event the cluster is about; a vague report (a month-long interval, a country) matches
        reports of several events and would glue them together. ``eventwire.dedup.events.cluster`` asks
        the same of the clusters it joins.
        """
        assert self.dedup is not None
        first = self._stored_events(conn, [cluster_id]).get(cluster_id)
        return first is None or self.dedup.compare_all(ev, [first])[0].merge

    def _stored_events(self, conn: Connection, ids: list[str]) -> dict[str, Event]:
        """Stored events by id, each record read and parsed once: a new event is compared with tens of
        stored ones, the same ones again and again, and parsing their records took a fifth of the
        comparing."""
        found = {i: e for i in ids if (e := self._parsed.get(i)) is not None}
        missing = [i for i in ids if i not in found]
        if len(self._parsed) + len(missing) > PARSED_EVENTS:
            self._parsed.clear()  # a bound; the events compared next are parsed again
        for start in range(0, len(missing), RECORDS_AT_ONCE):
            for event_id, record in _run(conn, _RECORDS, {"ids": missing[start : start + RECORDS_AT_ONCE]}):
                found[event_id] = self._parsed[event_id] = event_from_dict(json.loads(record))
        return found

    def _members(self, conn: Connection, cluster_id: str) -> list[tuple[Event, str]]:
        rows = _run(conn, _MEMBERS, {"cluster_id": cluster_id})  # (event_id, record, doc_id)
        # An event parsed for merging is the same record parsed (only stored events are kept parsed)
        parsed = self._parsed
        return [(parsed.get(row[0]) or event_from_dict(json.loads(row[1])), row[2]) for row in rows]

    def _refresh(self, conn: Connection, cluster_id: str) -> None:
        """Recompute a cluster's row from its members (earliest-stored first).

        A stored row is updated in its changed columns only: a new member mostly changes the record, the
        member count and the sources, which no index holds, where deleting the row and inserting it again
        rewrote an entry in each of the table's thirteen indexes (pages of them all written at the commit).
        """
        members = self._members(conn, cluster_id)
        if not members:
            _run(conn, _DROP_CLUSTER, {"cluster_id": cluster_id})
            return
        if len(members) == 1:
            merged = members[0][0]
        else:
            if self.dedup is None:
                raise StoreError("merging events needs the dedup functions", where=self.where)
            merged = self.dedup.combine([m for m, _ in members])
        doc_ids = list(dict.fromkeys(doc for _, doc in members))
        found = {
            doc_id: url or origin or doc_id
            for doc_id, url, origin in _run(conn, _MEMBER_SOURCES, {"ids": doc_ids})
        }
        sources = [str(found.get(doc, doc)) for doc in doc_ids]
        row = _cluster_row(merged, len(members), sources)
        row["cluster_id"] = cluster_id
        stored = _run(conn, _CLUSTER, {"cluster_id": cluster_id})
        if not stored:
            _run(conn, _ADD_CLUSTER, row)
            return
        changed = tuple(
            name for name, value in zip(CLUSTER_COLUMNS, stored[0], strict=True) if row[name] != value
        )
        if changed:
            _run(conn, _update_cluster(changed), {**{name: row[name] for name in changed}, "id": cluster_id})

    def _bound(
        self, conn: Connection, where: EventFilter, version: int | None = None
    ) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """A filter as its shape and its values.

        The shape names each condition the filter has and how it is written (which key column holds a
        country or a type, whether a box crosses the antimeridian): statements are built once per shape
        (see :func:`_where`) and the values are bound to them when they run. Building the statement of a
        page took twice as long as running it.
        """
        shape: list[Any] = []
        values: dict[str, Any] = {}
        if where.country:
            values["country"] = where.country.lower()
            shape.append(("country", self._either(conn, "country", values["country"], version)))
        if where.admin1:
            values["admin1"] = where.admin1.lower()
            shape.append("admin1")
        if where.event_type:
            values["type"] = where.event_type.lower()
            shape.append(("type", self._either(conn, "type", values["type"], version)))
        if where.actor:
            values["actor"] = f"%{_like_escaped(where.actor.lower())}%"
            shape.append("actor")
        if where.since:
            values["since"] = where.since.isoformat()
            shape.append("since")
        if where.until:
            values["until"] = where.until.isoformat()
            shape.append("until")
        if where.min_fatalities is not None:
            values["min_fatalities"] = where.min_fatalities
            shape.append("min_fatalities")
        if where.bbox:
            west, south, east, north = where.bbox
            values.update(west=west, south=south, east=east, north=north)
            shape.append(("bbox", west > east))  # True: the box crosses the antimeridian
        if where.text is not None:
            tokens = _TOKEN.findall(where.text)
            if tokens:
                quoted = " ".join('"' + tok + '"' for tok in tokens) if self.dialect == "sqlite" else None
                values["q"] = quoted or " ".join(tokens)
            shape.append(("text", bool(tokens)))
        return tuple(shape), values

    def _conditions(
        self,
        conn: Connection,
        where: EventFilter,
        *,
        box_index: bool = True,
        version: int | None = None,
    ) -> tuple[list[ColumnElement[bool]], dict[str, Any]]:
        """The WHERE clause of a filter, and the values to run it with (see :func:`_where`)."""
        shape, values = self._bound(conn, where, version)
        return _where(shape, self.dialect, box_index=box_index), values

    def _either(self, conn: Connection, name: str, value: str, version: int | None = None) -> str:
        """Which key column holds ``value``: "first", "second" or "both" (a country name or an ISO3, a type
        or a sub-event type; ``name`` is "country" or "type").

        An OR of two columns cannot walk one index in sort order, so two index probes find which column
        holds the value, and the condition names that column only. The probes' answer is remembered under
        ``version``.
        """
        first, second = EITHER[name]
        key = ("either", name, value)
        held = self._recall(version, key)
        if held is None:
            held = "first"
            if self._holds(conn, second, value):
                held = "both" if self._holds(conn, first, value) else "second"
            self._remember(version, key, held)
        return str(held)

    @staticmethod
    def _holds(conn: Connection, column: ColumnElement[Any], value: str) -> bool:
        return conn.execute(select(literal(1)).where(column == value).limit(1)).first() is not None

    def _event(self, row: Any) -> Event:
        ev = event_from_dict(json.loads(row.record))
        ev.extras["sources"] = json.loads(row.sources)
        ev.extras["members"] = row.members
        return ev

    def events(self, where: EventFilter = EVERYTHING, *, limit: int | None = None) -> Iterator[Event]:
        """Stored events (one per real event), newest first, streamed."""
        c = t.clusters.c
        try:
            with self._read() as conn:
                conds, values = self._conditions(conn, where)
                query = (
                    select(c.record, c.sources, c.members)
                    .where(*conds)
                    .order_by(c.sort_date.desc(), c.cluster_id.desc())
                )
                if limit is not None:
                    query = query.limit(limit)
                for row in conn.execution_options(yield_per=500).execute(query, values):
                    yield self._event(row)
        except SQLAlchemyError as err:
            raise self._fail("could not read events", err) from None

    def page(
        self,
        where: EventFilter = EVERYTHING,
        *,
        limit: int = 100,
        cursor: str | None = None,
        total_limit: int = TOTAL_LIMIT,
    ) -> Page:
        """One page of events, newest first, and how many match: counted up to ``total_limit``.

        Beyond ``total_limit`` matches the page says ``total`` = ``total_limit`` and ``total_exact`` False:
        counting a million rows on every page costs far more than the page itself.
        """
        rows, total, exact = self._page_rows(where, limit, cursor, total_limit)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1].sort_date, rows[-1].cluster_id) if more and rows else None
        return Page([self._event(r) for r in rows], total, nxt, total_exact=exact)

    def page_records(
        self,
        where: EventFilter = EVERYTHING,
        *,
        limit: int = 100,
        cursor: str | None = None,
        total_limit: int = TOTAL_LIMIT,
    ) -> RecordPage:
        """:meth:`page` as records in JSON text (what ``Event.to_dict`` gives, encoded), for the HTTP API.

        The stored records are returned as they are, without building an :class:`Event` from each, nor
        parsing them (where their ``record_shape`` is today's): a page of 500 costs a fraction of the time.
        """
        rows, total, exact = self._page_rows(where, limit, cursor, total_limit)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1].sort_date, rows[-1].cluster_id) if more and rows else None
        records = [_record_json(r.record, r.record_shape) for r in rows]
        return RecordPage(records, total, nxt, total_exact=exact)

    def _page_rows(
        self, where: EventFilter, limit: int, cursor: str | None, total_limit: int
    ) -> tuple[list[Any], int, bool]:
        """The rows of one page (``limit`` + 1 of them when there are more), the capped total, exactness.

        The count comes first, through whichever index serves the filter, and says how to find the page
        (see :func:`_page_statement`).
        """
        after = decode_cursor(cursor) if cursor else None
        try:
            with self._read() as conn:
                version = self._version()
                shape, values = self._bound(conn, where, version)
                # The dashboard asks for page after page under one filter: its count is remembered.
                total = self._recall(version, ("count", where, total_limit))
                if total is None:
                    counted = conn.execute(
                        _count_statement(shape, self.dialect), {**values, "count_limit": total_limit + 1}
                    )
                    total = int(counted.scalar_one())
                    self._remember(version, ("count", where, total_limit), total)
                exact = total <= total_limit
                if after is not None:
                    values.update(after_date=after[0], after_id=after[1])
                statement = _page_statement(shape, self.dialect, exact, after is not None)
                rows = conn.execute(statement, {**values, "page_limit": limit + 1}).all()
        except SQLAlchemyError as err:
            raise self._fail("could not read events", err) from None
        return list(rows), min(total, total_limit), exact

    def _cluster_id(self, conn: Connection, event_id: str) -> str | None:
        if conn.execute(select(t.clusters.c.cluster_id).where(t.clusters.c.cluster_id == event_id)).first():
            return event_id
        row = conn.execute(select(t.events.c.cluster_id).where(t.events.c.event_id == event_id)).first()
        return str(row.cluster_id) if row else None

    def event(self, event_id: str) -> Event | None:
        """The event with this id; the id of a merged report gives the event it was merged into."""
        c = t.clusters.c
        with self._read() as conn:
            cid = self._cluster_id(conn, event_id)
            if cid is None:
                return None
            row = conn.execute(select(c.record, c.sources, c.members).where(c.cluster_id == cid)).first()
            return self._event(row) if row else None

    def _documents(self, conn: Connection, ids: Sequence[str]) -> dict[str, DocumentRecord]:
        d = t.documents.c
        rows = conn.execute(select(t.documents).where(d.id.in_(list(ids)))).all()
        found: dict[str, list[str]] = {}
        for row in conn.execute(
            select(t.events.c.doc_id, t.events.c.event_id)
            .where(t.events.c.doc_id.in_(list(ids)))
            .order_by(t.events.c.seq)
        ):
            found.setdefault(row.doc_id, []).append(row.event_id)
        return {
            row.id: DocumentRecord(
                id=row.id, text=row.text, title=row.title, url=row.url,
                published=dt.date.fromisoformat(row.published) if row.published else None, origin=row.origin,
                language=row.language, ingested_at=row.ingested_at, duplicate_of=row.duplicate_of,
                events=found.get(row.id, []),
            )
            for row in rows
        }  # fmt: skip

    def event_sources(self, event_id: str) -> list[DocumentRecord]:
        """Every document that reported the event: its members' documents, then their copies."""
        with self._read() as conn:
            cid = self._cluster_id(conn, event_id)
            if cid is None:
                return []
            members = [doc for _, doc in self._members(conn, cid)]
            copies = [
                row.id
                for row in conn.execute(
                    select(t.documents.c.id)
                    .where(t.documents.c.duplicate_of.in_(members))
                    .order_by(t.documents.c.ingested_at, t.documents.c.id)
                )
            ]
            ids = list(dict.fromkeys([*members, *copies]))
            docs = self._documents(conn, ids)
            return [docs[i] for i in ids if i in docs]

    def document(self, doc_id: str) -> DocumentRecord | None:
        with self._read() as conn:
            return self._documents(conn, [doc_id]).get(doc_id)

    def stats(self, where: EventFilter = EVERYTHING) -> dict[str, Any]:
        """Events and fatalities in total, by day, by event type and by country, under a filter.

        Without a filter, three GROUP BYs each read one covering index in its order. With one, a single
        GROUP BY over (day, type, country) reads the matching rows once, through the filter's index (the
        grouping is on expressions, so no whole-table index is walked for its order), and Python adds up
        the three breakdowns.
        """
        c = t.clusters.c
        n, killed = func.count(), func.coalesce(func.sum(c.fatalities), 0)
        try:
            with self._read() as conn:
                conds, values = self._conditions(conn, where)
                if conds:
                    return self._filtered_stats(conn, conds, values)
                events_, fatalities = conn.execute(select(n, killed)).one()
                by_day = conn.execute(
                    select(c.event_date, n, killed)
                    .where(c.event_date.is_not(None))
                    .group_by(c.event_date)
                    .order_by(c.event_date)
                ).all()
                by_type = conn.execute(select(c.event_type, n, killed).group_by(c.event_type)).all()
                by_country = conn.execute(
                    select(c.country, c.iso3, n, killed).group_by(c.country, c.iso3)
                ).all()
        except SQLAlchemyError as err:
            raise self._fail("could not count events", err) from None
        return _stats(
            int(events_),
            int(fatalities),
            [(d, int(k), int(f)) for d, k, f in by_day],
            [(e, int(k), int(f)) for e, k, f in by_type],
            [((co, iso), int(k), int(f)) for co, iso, k, f in by_country],
        )

    @staticmethod
    def _filtered_stats(
        conn: Connection, conds: list[ColumnElement[bool]], values: dict[str, Any]
    ) -> dict[str, Any]:
        c = t.clusters.c
        keys = [c.event_date.concat(""), c.event_type.concat(""), c.country.concat(""), c.iso3.concat("")]
        rows = conn.execute(
            select(*keys, func.count(), func.coalesce(func.sum(c.fatalities), 0))
            .where(*conds)
            .group_by(*keys),
            values,
        ).all()
        days: dict[str, list[int]] = {}
        types: dict[str, list[int]] = {}
        countries: dict[tuple[str | None, str | None], list[int]] = {}
        events_ = fatalities = 0
        for row in rows:
            day, event_type, country, iso3 = row[0], row[1], row[2], row[3]
            k, f = int(row[4]), int(row[5])
            events_ += k
            fatalities += f
            totals = [types.setdefault(event_type, [0, 0]), countries.setdefault((country, iso3), [0, 0])]
            if day is not None:
                totals.append(days.setdefault(day, [0, 0]))
            for total in totals:
                total[0] += k
                total[1] += f
        return _stats(
            events_,
            fatalities,
            sorted((d, k, f) for d, (k, f) in days.items()),
            [(e, k, f) for e, (k, f) in types.items()],
            [(place, k, f) for place, (k, f) in countries.items()],
        )

    def counts(self) -> tuple[int, int]:
        """Documents stored, and events (one per real event)."""
        with self._read() as conn:
            docs = conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
            events_ = conn.execute(select(func.count()).select_from(t.clusters)).scalar_one()
        return int(docs), int(events_)

    # -- merges ---------------------------------------------------------------------------------------

    def _decisions(self, conn: Connection, ids: Sequence[str]) -> list[Decision]:
        m = t.merge_decisions.c
        rows = conn.execute(select(t.merge_decisions).where(m.event_id.in_(list(ids))).order_by(m.id)).all()
        return [
            Decision(
                r.event_id, r.cluster_id, r.other_id, r.action, r.score, tuple(json.loads(r.reasons)), r.at
            )
            for r in rows
        ]

    def cluster(self, event_id: str) -> Cluster | None:
        """The event, every report merged into it, their documents, and the decisions taken."""
        with self._read() as conn:
            cid = self._cluster_id(conn, event_id)
            if cid is None:
                return None
            row = conn.execute(
                select(t.clusters.c.record, t.clusters.c.sources, t.clusters.c.members).where(
                    t.clusters.c.cluster_id == cid
                )
            ).first()
            members = self._members(conn, cid)
            ids = [m.event_id for m, _ in members]
            return Cluster(
                event=self._event(row),
                members=[m for m, _ in members],
                documents=self._documents(conn, [doc for _, doc in members]),
                # Every decision about a member: the merge that brought it in, a split, and the other
                # events it was compared with when it came and kept apart from (`eventwire explain`).
                decisions=self._decisions(conn, ids),
            )

    def split(self, member_id: str) -> str:
        """Undo a merge: the member becomes its own event and is never merged with the others again.

        Returns the id the rest of the cluster goes by afterwards (it changes when the member split off was
        the earliest, whose id the cluster carried).
        """
        e = t.events.c
        try:
            with self._write() as conn, conn.begin():
                row = conn.execute(select(e.cluster_id).where(e.event_id == member_id)).first()
                if row is None:
                    raise StoreError(f"no stored report has the id {member_id!r}", where=self.where)
                old = str(row.cluster_id)
                others = [m.event_id for m, _ in self._members(conn, old) if m.event_id != member_id]
                if not others:
                    raise StoreError(f"{member_id} is not merged with any other report", where=self.where)
                conn.execute(update(t.events).where(e.event_id == member_id).values(cluster_id=member_id))
                rest = old if old != member_id else others[0]
                if rest != old:  # the member split off named the cluster: the others take the next id
                    conn.execute(
                        update(t.events)
                        .where(e.cluster_id == old, e.event_id != member_id)
                        .values(cluster_id=rest)
                    )
                pairs = [
                    {"event_id": a, "other_id": b}
                    for o in others
                    for a, b in ((member_id, o), (o, member_id))
                ]
                existing = {
                    (r.event_id, r.other_id)
                    for r in conn.execute(
                        select(t.merge_blocks).where(t.merge_blocks.c.event_id.in_([member_id, *others]))
                    )
                }
                pairs = [p for p in pairs if (p["event_id"], p["other_id"]) not in existing]
                if pairs:
                    conn.execute(insert(t.merge_blocks), pairs)
                conn.execute(
                    insert(t.merge_decisions).values(
                        event_id=member_id, cluster_id=rest, other_id=None, action="split", score=None,
                        reasons=json.dumps(["split by hand"]), at=_now(),
                    )
                )  # fmt: skip
                # (where the member named the cluster, its row becomes the member's own, and the others'
                # row is written anew under their next id)
                self._refresh(conn, member_id)
                self._refresh(conn, rest)
                return rest
        except SQLAlchemyError as err:
            raise self._fail(f"could not split {member_id}", err) from None

    # -- errors ---------------------------------------------------------------------------------------

    def record_error(self, origin: str, code: str, message: str) -> None:
        r = t.errors.c
        try:
            with self._writing() as conn:
                conn.execute(delete(t.errors).where(r.origin == origin, r.code == code))
                conn.execute(insert(t.errors).values(origin=origin, code=code, message=message, at=_now()))
        except SQLAlchemyError as err:
            raise self._fail(f"could not record the error of {origin}", err) from None

    def errors(self) -> list[dict[str, Any]]:
        r = t.errors.c
        with self._read() as conn:
            rows = conn.execute(select(r.origin, r.code, r.message, r.at).order_by(r.at, r.origin)).all()
        return [{"origin": o, "code": c, "message": m, "at": a} for o, c, m, a in rows]

    def record_skipped(self, origin: str, reason: str, message: str) -> None:
        """Keep an input passed over on purpose (``reason``: the code saying why), apart from errors."""
        r = t.skipped.c
        try:
            with self._writing() as conn:
                conn.execute(delete(t.skipped).where(r.origin == origin))
                conn.execute(
                    insert(t.skipped).values(origin=origin, reason=reason, message=message, at=_now())
                )
        except SQLAlchemyError as err:
            raise self._fail(f"could not record that {origin} was skipped", err) from None

    def skipped(self) -> list[dict[str, Any]]:
        r = t.skipped.c
        with self._read() as conn:
            rows = conn.execute(select(r.origin, r.reason, r.message, r.at).order_by(r.at, r.origin)).all()
        return [{"origin": o, "reason": c, "message": m, "at": a} for o, c, m, a in rows]


EITHER = {
    "country": (t.clusters.c.country_key, t.clusters.c.iso3_key),
    "type": (t.clusters.c.type_key, t.clusters.c.sub_type_key),
}
"""The two key columns that a country (name, ISO3) or a type (event type, sub-event type) may be in."""


def _like_escaped(value: str) -> str:
    """``value`` with LIKE's wildcards taken literally (escape character ``/``, as ``autoescape`` does)."""
    return value.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _where(shape: tuple[Any, ...], dialect: str, *, box_index: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter's shape (see ``SqlStore._bound``), with a bound parameter for each
    value, each condition written so that an index serves it.

    ``box_index`` False writes the bounding box so that no index serves it: where many events match,
    walking the sort index (which holds the position) and testing each entry beats sorting every match
    the position index finds.
    """
    c = t.clusters.c
    conds: list[ColumnElement[bool]] = []
    for item in shape:
        name, variant = item if isinstance(item, tuple) else (item, None)
        if name in EITHER:
            first, second = EITHER[name]
            value: BindParameter[str] = bindparam(name)
            if variant == "first":
                conds.append(first == value)
            elif variant == "second":
                conds.append(second == value)
            else:  # both columns hold it
                conds.append(or_(first == value, second == value))
        elif name == "admin1":
            conds.append(c.admin1_key == bindparam("admin1"))
        elif name == "actor":
            conds.append(c.actors.like(bindparam("actor"), escape="/"))
        # On sort_date (the event date, NO_DATE when unknown), so the dates bound the sort index's walk.
        elif name == "since":
            conds.append(c.sort_date >= bindparam("since"))
        elif name == "until":
            conds.extend([c.sort_date <= bindparam("until"), c.sort_date > NO_DATE])
        elif name == "min_fatalities":
            conds.append(c.fatalities >= bindparam("min_fatalities"))
        elif name == "bbox":
            lat: ColumnElement[Any] = c.latitude if box_index else c.latitude + 0
            lon: ColumnElement[Any] = c.longitude if box_index else c.longitude + 0
            conds.append(lat.between(bindparam("south"), bindparam("north")))
            if variant:  # the box crosses the antimeridian
                conds.append(or_(lon >= bindparam("west"), lon <= bindparam("east")))
            else:
                conds.append(lon.between(bindparam("west"), bindparam("east")))
        elif name == "text":
            conds.append(c.cluster_id.in_(_text_match(dialect, variant)))
    return conds


def _text_match(dialect: str, has_words: bool) -> Any:
    """The clusters whose documents hold the words bound as ``q`` (FTS5 in SQLite, tsvector in PostgreSQL)."""
    e = t.events.c
    if not has_words:
        return select(e.cluster_id).where(text("1 = 0"))
    if dialect == "sqlite":
        docs = text("SELECT doc_id FROM doc_search WHERE doc_search MATCH :q")
    else:
        docs = text("SELECT doc_id FROM doc_search WHERE tsv @@ plainto_tsquery('simple', :q)")
    return select(e.cluster_id).where(e.doc_id.in_(docs.columns(t.doc_search.c.doc_id)))


@functools.lru_cache(maxsize=1024)
def _count_statement(shape: tuple[Any, ...], dialect: str) -> Select[Any]:
    """How many events of a shape match, up to the bound ``count_limit``: built once per shape."""
    matching = select(literal(1).label("one")).select_from(t.clusters).where(*_where(shape, dialect))
    return select(func.count()).select_from(matching.limit(bindparam("count_limit")).subquery())


@functools.lru_cache(maxsize=1024)
def _page_statement(shape: tuple[Any, ...], dialect: str, few: bool, after: bool) -> Select[Any]:
    """The rows of one page of a shape (``page_limit`` of them, after ``after_date``/``after_id`` where
    ``after``), newest first: built once per shape.

    ``few`` (an exact count): the matches are found through the filter's index and sorted there (the order
    is on expressions, so the sort index is not walked); otherwise the sort index is walked newest first
    until the page is full. The page's rows are read by their keys in the same statement, and put in order
    on expressions, so that those few rows are sorted, not found by walking the sort index.
    """
    c = t.clusters.c
    if few:
        ids = select(c.cluster_id).where(*_where(shape, dialect))
        order = [c.sort_date.concat("").desc(), c.cluster_id.concat("").desc()]
    else:
        ids = select(c.cluster_id).where(*_where(shape, dialect, box_index=False))
        order = [c.sort_date.desc(), c.cluster_id.desc()]
    if after:
        date: BindParameter[str] = bindparam("after_date")
        cid: BindParameter[str] = bindparam("after_id")
        ids = ids.where(c.sort_date <= date, tuple_(c.sort_date, c.cluster_id) < tuple_(date, cid))
    keys = ids.order_by(*order).limit(bindparam("page_limit"))
    return (
        select(c.record, c.record_shape, c.sources, c.members, c.sort_date, c.cluster_id)
        .where(c.cluster_id.in_(keys.scalar_subquery()))
        .order_by(c.sort_date.concat("").desc(), c.cluster_id.concat("").desc())
    )


def _stats(
    events_: int,
    fatalities: int,
    by_day: list[tuple[str, int, int]],
    by_type: list[tuple[str, int, int]],
    by_country: list[tuple[tuple[str | None, str | None], int, int]],
) -> dict[str, Any]:
    """The stats record: days in order, types and countries by events (most first), then by name."""
    by_type = sorted(by_type, key=lambda row: (-row[1], row[0]))
    by_country = sorted(by_country, key=lambda row: (-row[1], row[0][0] is None, row[0][0] or ""))
    return {
        "events": events_,
        "fatalities": fatalities,
        "by_day": [{"date": d, "events": k, "fatalities": f} for d, k, f in by_day],
        "by_type": [{"event_type": e, "events": k, "fatalities": f} for e, k, f in by_type],
        "by_country": [
            {"country": co, "iso3": iso, "events": k, "fatalities": f} for (co, iso), k, f in by_country
        ],
    }


def record_shape(record: dict[str, Any]) -> str:
    """A digest of a record's keys, stored with it: equal to ``RECORD_SHAPE`` when the record has today's."""
    return hashlib.sha256(",".join(sorted(record)).encode()).hexdigest()[:16]


RECORD_KEYS = frozenset(
    event_from_dict({"event_id": "", "doc_id": "", "event_type": "", "sub_event_type": ""}).to_dict()
)
RECORD_SHAPE = record_shape(dict.fromkeys(RECORD_KEYS))


def _record_json(stored: str, shape: str | None) -> str:
    """A stored record as JSON text in the shape ``Event.to_dict`` gives today.

    A record stored with today's shape is that already, and is returned as it is (parsing every record of a
    page took most of its time); any other (written by an older version) is checked and rebuilt."""
    if shape == RECORD_SHAPE:
        return stored
    record: dict[str, Any] = orjson.loads(stored)
    if record.keys() != RECORD_KEYS:
        record = event_from_dict(record).to_dict()
    return _dumps(record)


def _variant_id(doc_id: str, url: str | None) -> str:
    return f"{doc_id}-{_hash(url or '')[:8]}"


def _reason(err: SQLAlchemyError) -> str:
    orig = getattr(err, "orig", None)
    return str(orig if orig is not None else err).strip().splitlines()[0]
