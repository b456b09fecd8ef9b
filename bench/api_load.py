"""`/api/events` under load: a large synthetic SQLite store, `eventwire serve`, and an open-loop client.

    python bench/api_load.py                       # 1,000,000 events, 200 requests/s for 30 s
    python bench/api_load.py --events 100000 --rate 100 --seconds 20
    python bench/api_load.py --workers 1 --no-wrk --out /tmp/one_worker.json

1. Seeds N synthetic events straight into the store's tables (the schema comes from `open_store`, which
   runs the migrations; rows are bulk-inserted with sqlite3 in the shape `SqlStore.write` gives them:
   documents, their full-text rows, events and one cluster per event). The store is reused when it
   already holds N events.
2. Starts `eventwire serve --workers N` (default: one uvicorn process per core) on a free port.
3. Sends requests at a fixed rate whatever the answers' speed (open loop: latency is measured from the
   moment each request was due, so a slow server cannot hide its queue), over a mix of the dashboard's
   queries: first pages, filters by country / type / dates / actor / bbox / fatalities, and next pages.
   Before that, a warm-up (``--warmup`` seconds, 5 by default) sends the same load unmeasured: each query
   once in turn, then the open loop, so the server has the connections a running server has opened after
   its first requests (a user's server is warm; a fresh one pays for opening each connection once). The
   warm-up's own latencies are reported apart, under ``warmup``.
4. If Debian's `wrk` is installed, also measures the most requests/s one query mix sustains (closed loop).

Writes bench/results/api_load.json. The client runs on the same machine as the server (the numbers
include its CPU use); nothing here is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from eventwire.models.event import EVENT_TYPES, Event, Evidence, Quantity
from eventwire.store import open_store
from eventwire.store.sql import filter_keys, record_shape

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "api_load.json"

PLACES = [
    ("Nigeria", "NGA", "Borno", 11.85, 13.16), ("Somalia", "SOM", "Banadir", 2.04, 45.34),
    ("Iraq", "IRQ", "Anbar", 33.42, 43.3), ("Syria", "SYR", "Idlib", 35.93, 36.63),
    ("Ukraine", "UKR", "Donetsk", 48.0, 37.8), ("Sudan", "SDN", "Khartoum", 15.5, 32.56),
    ("Mali", "MLI", "Mopti", 14.49, -4.2), ("Burkina Faso", "BFA", "Sahel", 14.1, -0.5),
    ("Democratic Republic of Congo", "COD", "North Kivu", -1.68, 29.22),
    ("Yemen", "YEM", "Taizz", 13.58, 44.02),
    ("Myanmar", "MMR", "Sagaing", 21.88, 95.98), ("Afghanistan", "AFG", "Kandahar", 31.61, 65.7),
    ("Mexico", "MEX", "Guerrero", 17.55, -99.5), ("Colombia", "COL", "Cauca", 2.44, -76.61),
    ("Kenya", "KEN", "Nairobi", -1.28, 36.82), ("Pakistan", "PAK", "Balochistan", 30.18, 66.99),
]  # fmt: skip
ACTORS = [
    "Islamic State", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", "Al Shabaab",
    "Rapid Support Forces", "Unidentified Armed Group", "Protesters", "Rioters", "Police Forces",
    "Military Forces", "JNIM: Group for Support of Islam and Muslims", "M23: March 23 Movement",
]  # fmt: skip
TYPES = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3652


def synthetic(i: int, rng: random.Random) -> tuple[Event, str]:
    country, iso3, admin1, lat, lon = rng.choice(PLACES)
    event_type, sub = rng.choice(TYPES)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    killed = int(rng.paretovariate(1.6)) - 1 if event_type != "Protests" else 0
    actor1, actor2 = rng.sample(ACTORS, 2)
    sentence = f"{actor1} and {actor2} clashed near {admin1} on {day:%d %B %Y}, killing {killed} people."
    event = Event(
        event_id=f"ev-{i:012x}", doc_id=f"doc-{i // 10:010x}", event_type=event_type, sub_event_type=sub,
        event_date=day, date_start=day, date_end=day, time_precision=1, actor1=f"{actor1} ({country})",
        actor2=f"{actor2} ({country})", country=country, iso3=iso3, admin1=admin1, location=admin1,
        latitude=round(lat + rng.uniform(-2, 2), 4), longitude=round(lon + rng.uniform(-2, 2), 4),
        geo_precision=2, fatalities=Quantity(killed, killed, killed, f"killing {killed} people"),
        notes=f"On {day.isoformat()}, {actor1} clashed with {actor2} in {admin1} ({country}).",
        evidence=(Evidence("sentence", 0, len(sentence), sentence),), confidence=0.8,
    )  # fmt: skip
    return event, sentence


DOCUMENT_COLUMNS = (
    "id", "content_hash", "canonical_url", "url", "title", "published", "published_source", "origin",
    "language", "text", "ingested_at",
)  # fmt: skip
CLUSTER_COLUMNS = (
    "cluster_id", "members", "sort_date", "event_date", "event_type", "sub_event_type", "country", "iso3",
    "admin1", "actors", "latitude", "longitude", "fatalities", "sources", "record", "country_key", "iso3_key",
    "admin1_key", "type_key", "sub_type_key", "record_shape",
)  # fmt: skip


def _json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)  # as the store writes it


def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def document_row(doc_id: str, text: str, now: str) -> tuple[Any, ...]:
    url = f"https://example.org/{doc_id}"
    return (doc_id, doc_id, url, url, None, None, None, "bench", "en", text, now)


def cluster_row(ev: Event, record: dict[str, Any]) -> tuple[Any, ...]:
    """The row `SqlStore.write` gives an event that no other document reported (a cluster of one)."""
    date = ev.event_date.isoformat() if ev.event_date else None
    actors = "\n".join(a.lower() for a in (ev.actor1, ev.actor2) if a)
    killed = ev.fatalities.best if ev.fatalities else 0
    sources = json.dumps([f"https://example.org/{ev.doc_id}"])
    keys = filter_keys(ev.country, ev.iso3, ev.admin1, ev.event_type, ev.sub_event_type)
    return (
        ev.event_id, 1, date or "0000-00-00", date, ev.event_type, ev.sub_event_type, ev.country, ev.iso3,
        ev.admin1, actors, ev.latitude, ev.longitude, killed, sources, _json(record), *keys.values(),
        record_shape(record),
    )  # fmt: skip


def seed(db: Path, n: int) -> dict[str, Any]:
    """Create the schema through the store, then bulk-insert ``n`` events in its row format."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    open_store(db).close()  # the migrations create every table and index
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    rng = random.Random(42)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    batch = 50_000
    for start in range(0, n, batch):
        docs: dict[str, list[str]] = {}
        events, clusters = [], []
        for i in range(start, min(n, start + batch)):
            ev, sentence = synthetic(i, rng)
            record = ev.to_dict()
            docs.setdefault(ev.doc_id, []).append(sentence)
            events.append((ev.event_id, ev.doc_id, ev.event_id, i, _json(record)))
            clusters.append(cluster_row(ev, record))
        documents = [document_row(doc_id, " ".join(sentences), now) for doc_id, sentences in docs.items()]
        conn.execute("BEGIN")
        conn.executemany(insert_sql("documents", DOCUMENT_COLUMNS), documents)
        conn.executemany(insert_sql("doc_search", ("doc_id", "body")), [(d[0], d[9]) for d in documents])
        conn.executemany(insert_sql("events", ("event_id", "doc_id", "cluster_id", "seq", "record")), events)
        conn.executemany(insert_sql("clusters", CLUSTER_COLUMNS), clusters)
        conn.execute("COMMIT")
        print(f"seeded {min(n, start + batch):,} / {n:,} events", file=sys.stderr)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"seconds": round(time.perf_counter() - started, 1), "bytes": db.stat().st_size}


def stored_events(db: Path) -> int:
    if not db.exists():
        return -1
    try:
        with sqlite3.connect(db) as conn:
            # Seeded before revision 0003 (no record shapes): its pages would take the slow path; seed again.
            if conn.execute("SELECT record_shape FROM clusters LIMIT 1").fetchone() in (None, (None,)):
                return -1
            return int(conn.execute("SELECT count(*) FROM clusters").fetchone()[0])
    except sqlite3.Error:
        return -1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, log: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EVENTWIRE_API_TOKEN": ""}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventwire.cli",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--workers",
            str(workers),
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,  # its own process group: stopping it stops its workers too
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=30).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"eventwire serve did not start: {log.read_text()[-2000:]}")


def query_mix(base: str) -> list[tuple[str, str]]:
    """(name, path) pairs of the dashboard's typical requests, with real cursors for next pages."""
    queries = [
        ("first page", "/api/events?limit=50"),
        ("country", "/api/events?limit=50&country=Nigeria"),
        ("country iso3", "/api/events?limit=50&country=SOM"),
        ("event type", "/api/events?limit=50&type=Battles"),
        ("sub-event type", "/api/events?limit=50&type=Air%2Fdrone%20strike"),
        ("date range", "/api/events?limit=50&since=2020-01-01&until=2020-03-31"),
        ("country + dates", "/api/events?limit=50&country=Iraq&since=2023-01-01"),
        ("actor", "/api/events?limit=50&actor=shabaab"),
        ("bbox", "/api/events?limit=50&bbox=10,5,20,15"),
        ("min fatalities", "/api/events?limit=50&min_fatalities=20"),
        ("dashboard page", "/api/events?limit=500&country=Ukraine"),
    ]
    with httpx.Client(base_url=base, timeout=600) as client:
        for name, path in list(queries):
            page = client.get(path).json()
            if page.get("next"):
                queries.append((f"{name}, next page", f"{path}&cursor={page['next']}"))
    return queries


STATS_QUERIES = [
    ("everything", "/api/stats"),
    ("country", "/api/stats?country=Nigeria"),
    ("event type", "/api/stats?type=Battles"),
    ("date range", "/api/stats?since=2020-01-01&until=2020-03-31"),
    ("actor", "/api/stats?actor=shabaab"),
    ("bbox", "/api/stats?bbox=10,5,20,15"),
]


class Connection:
    """One keep-alive HTTP/1.1 connection, spoken by hand: a load client must cost far less CPU than the
    server it measures, and both share these cores."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer, host)

    async def get(self, path: str) -> int:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
        if length:
            await self.reader.readexactly(int(length.group(1)))
        else:  # chunked
            while True:
                size = int((await self.reader.readline()).strip() or b"0", 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        return status

    def close(self) -> None:
        self.writer.close()


async def open_loop(
    host: str,
    port: int,
    queries: list[tuple[str, str]],
    rate: float,
    seconds: float,
    grace: float,
    max_connections: int = 256,
) -> dict[str, Any]:
    """Send ``rate`` requests a second for ``seconds``; latency counts from when each request was due.

    Each request goes out on time on an idle connection (a new one when all are busy). Requests still
    unanswered ``grace`` seconds after the last one was due are counted as unfinished (their latency is
    unbounded: percentiles that reach them are reported as null)."""
    total = int(rate * seconds)
    rng = random.Random(7)
    plan = [rng.choice(queries) for _ in range(total)]
    results: list[tuple[str, float, int]] = []
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    opened: list[Connection] = []
    start = time.perf_counter()

    async def one(k: int, name: str, path: str) -> None:
        due = start + k / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if idle.empty() and len(opened) < max_connections:
            opened.append(await Connection.open(host, port))
            conn = opened[-1]
        else:  # every connection is busy: wait for one (the wait counts in the latency)
            conn = await idle.get()
        try:
            status = await conn.get(path)
            idle.put_nowait(conn)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            status = 0
        results.append((name, time.perf_counter() - due, status))

    tasks = [asyncio.ensure_future(one(k, name, path)) for k, (name, path) in enumerate(plan)]
    _, pending = await asyncio.wait(tasks, timeout=seconds + grace)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    elapsed = time.perf_counter() - start
    for conn in opened:
        conn.close()
    latencies = sorted([r[1] * 1000 for r in results] + [math.inf] * len(pending))
    by_query: dict[str, list[float]] = {}
    for name, latency, _ in results:
        by_query.setdefault(name, []).append(latency * 1000)
    return {
        "target_rate": rate,
        "seconds": round(elapsed, 2),
        "requests_sent": total,
        "answered": len(results),
        "unfinished": len(pending),
        "connections": len(opened),
        "throughput": round(len(results) / elapsed, 1),
        "errors": sum(1 for r in results if r[2] != 200),
        "latency_ms": summary(latencies),
        "by_query_ms": {name: summary(sorted(v)) for name, v in sorted(by_query.items())},
    }


def summary(values: list[float]) -> dict[str, float | None]:
    """Percentiles of sorted latencies; an unbounded one (an unfinished request) is null."""

    def finite(value: float) -> float | None:
        return round(value, 1) if math.isfinite(value) else None

    def pct(p: float) -> float | None:
        return finite(values[min(len(values) - 1, int(p * len(values)))])

    answered = [v for v in values if math.isfinite(v)]
    return {
        "p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": finite(values[-1]),
        "mean_answered": round(statistics.fmean(answered), 1) if answered else None,
    }  # fmt: skip


def wrk_run(base: str, path: str, seconds: int) -> dict[str, Any] | None:
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    command = [wrk, "-t2", "-c16", f"-d{seconds}s", "--timeout", "30s", "--latency", base + path]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, flags=re.M))
    return {
        "path": path,
        "connections": 16,
        "requests_per_s": float(rps.group(1)) if rps else None,
        "latency_p50": lat.get("50"),
        "latency_p99": lat.get("99"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--grace", type=float, default=30.0, help="how long to wait for late answers")
    parser.add_argument(
        "--warmup", type=float, default=5.0, help="seconds of the same load, unmeasured, before measuring"
    )
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "eventwire-bench" / "api_load.db"
    )
    parser.add_argument("--reseed", action="store_true", help="seed again even when the store holds N events")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: one per core)"
    )
    parser.add_argument("--no-wrk", action="store_true", help="skip the closed-loop wrk run")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)

    seeding = None
    load_before = os.getloadavg()
    if args.reseed or stored_events(args.db) != args.events:
        seeding = seed(args.db, args.events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, args.db.with_suffix(".log"), args.workers)
    try:
        queries = query_mix(base)
        sequential = {}
        stats_ms = {}
        with httpx.Client(base_url=base, timeout=600) as client:  # warm the caches; one request at a time
            for name, path in queries:
                started = time.perf_counter()
                client.get(path)
                sequential[name] = round((time.perf_counter() - started) * 1000, 1)
            for name, path in STATS_QUERIES:  # the dashboard asks for these with each filter change
                started = time.perf_counter()
                client.get(path)
                stats_ms[name] = round((time.perf_counter() - started) * 1000, 1)
        # wrk first: after an overloaded open-loop run the server is still busy with what it queued.
        closed = None if args.no_wrk else wrk_run(base, "/api/events?limit=50&country=Nigeria", 15)
        warmup = None
        if args.warmup > 0:
            warmup = asyncio.run(open_loop("127.0.0.1", port, queries, args.rate, args.warmup, args.grace))
            warmup = {key: warmup[key] for key in ("seconds", "answered", "connections", "latency_ms")}
        loaded = asyncio.run(open_loop("127.0.0.1", port, queries, args.rate, args.seconds, args.grace))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # requests still running in its threads
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    report = {
        "what": "GET /api/events under an open-loop load (eventwire serve, SQLite)",
        "events": args.events,
        "workers": args.workers,
        "seeding": seeding,
        "queries": [path for _, path in queries],
        "sequential_ms": sequential,
        "stats_sequential_ms": stats_ms,
        "warmup": warmup,
        "open_loop": loaded,
        "wrk_closed_loop": closed,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    brief = {key: loaded[key] for key in ("throughput", "answered", "unfinished", "errors", "latency_ms")}
    print(json.dumps({"events": args.events, "seeding": seeding, **brief, "wrk": closed}, indent=2))


if __name__ == "__main__":
    main()
