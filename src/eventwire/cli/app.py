"""The ``eventwire`` command: a thin shell over the library. Each command parses its options, calls the
library, prints the result, and turns errors into messages and exit codes (1: some input failed)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import click

from eventwire.errors import EventwireError
from eventwire.extraction.scope import SCOPES
from eventwire.sources.files import DEFAULT_MAX_BYTES, read_inputs

FORMATS = ("jsonl", "csv", "table")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _stdin() -> BinaryIO:
    return sys.stdin.buffer


def _error(err: EventwireError) -> None:
    click.echo(f"error: {err}", err=True)


def _load_extractor(actors: Path | None, scope: str = "all") -> Any:
    from eventwire.extraction.pipeline import Extractor

    try:
        return Extractor.load(actors_file=actors, scope=scope)
    except EventwireError as err:
        raise click.ClickException(str(err)) from None


input_options = [
    click.option("--published", callback=_date, metavar="YYYY-MM-DD",
                 help="Publication date to resolve relative dates against, for inputs that carry none."),
    click.option("--encoding", default=None, help="Encoding of the inputs (default UTF-8)."),
    click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                 help="Largest document accepted."),
    click.option("--actors", "actors", type=click.Path(path_type=Path, dir_okay=False),
                 help="A JSON actor file that extends or overrides the built-in registry."),
]  # fmt: skip


def with_input_options(func: Any) -> Any:
    for option in reversed(input_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: conflict and political-violence events from news text, offline, with evidence."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@with_input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--explain", is_flag=True, help="Report rejected candidates and why on standard error.")
@click.option("--scope", type=click.Choice(SCOPES), default="all", show_default=True,
              help="Keep only documents a narrower scheme would code: muc4 = MUC-4's terrorist incidents "
                   "(a classifier trained on MUC-4; for 1989-91 Latin American wire copy).")  # fmt: skip
def extract(
    paths: tuple[str, ...],
    published: dt.date | None,
    encoding: str | None,
    max_bytes: int,
    actors: Path | None,
    fmt: str,
    explain: bool,
    scope: str,
) -> None:
    """Extract events from PATHS (.txt, .html, .json, .jsonl files, folders, or - for standard input)."""
    from eventwire.cli.formats import Writer
    from eventwire.pipeline import RunReport, process

    extractor = _load_extractor(actors, scope)
    report = RunReport()
    writer = Writer(fmt, sys.stdout)
    items = read_inputs(paths, stdin=_stdin(), max_bytes=max_bytes, encoding=encoding)
    for outcome in process(items, extractor, published=published, report=report):
        if isinstance(outcome, EventwireError):
            _error(outcome)
            continue
        writer.write(outcome.events, outcome.document.url or outcome.document.origin)
        if explain:
            for rejection in outcome.rejections:
                click.echo(
                    f"rejected: {outcome.document.origin}: {rejection.text!r} at {rejection.start}: "
                    f"{rejection.reason} — {rejection.sentence[:160]}",
                    err=True,
                )
    writer.close()
    click.echo(report.summary(), err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--encoding", default=None, help="Encoding of the inputs (default UTF-8).")
def places(paths: tuple[str, ...], fmt: str, encoding: str | None) -> None:
    """Every toponym in PATHS with its offsets and resolution, one JSON object per mention.

    ``literal`` is false for a toponym inside an organisation's, a team's or a newspaper's name ("The
    Washington Post"): resolved, but not a place where anything happens in the text.
    """
    from eventwire.documents.build import build_document
    from eventwire.extraction.toponyms import find_toponyms
    from eventwire.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    errors = 0
    for item in read_inputs(paths, stdin=_stdin(), encoding=encoding):
        try:
            if isinstance(item, EventwireError):
                raise item
            doc = build_document(item)
        except EventwireError as err:
            _error(err)
            errors += 1
            continue
        for mention in find_toponyms(doc.text, gazetteer, embedded=True):
            place = mention.place
            record = {
                "doc_id": doc.id, "start": mention.start, "end": mention.end, "text": mention.text,
                "name": place.name if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "geonames_id": place.geonames_id if place else None,
                "country": place.country if place else None, "iso3": place.iso3 if place else None,
                "admin1": place.admin1 if place else None,
                "feature_class": place.feature_class if place else None,
                "feature_code": place.feature_code if place else None,
                "literal": mention.literal,
            }  # fmt: skip
            click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(1 if errors else 0)


DB_HELP = "Database: a SQLite file or a postgresql:// URL (default: $EVENTWIRE_DB or eventwire.db)."
EXPORT_FORMATS = ("table", "jsonl", "csv", "geojson", "parquet")
APART_SHOWN = 3
"""`explain` lists at most this many of the events a report was kept apart from, the closest first."""


def _open(db: str | None, *, create: bool = False, dedup: bool = False) -> Any:
    from eventwire.store import open_store

    try:
        if dedup:
            from eventwire.pipeline import dedup_functions

            return open_store(db, create=create, dedup=dedup_functions())
        return open_store(db, create=create)
    except EventwireError as err:
        raise click.ClickException(str(err)) from None


class _Progress:
    """One line on standard error, rewritten about once a second (a new line each time when not a TTY)."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.last = 0.0

    def __call__(self, report: Any) -> None:
        import time

        now = time.monotonic()
        if now - self.last < 1.0:
            return
        self.last = now
        line = (
            f"{report.read} documents ({report.rate:.1f}/s), {report.events} events, "
            f"{report.skipped} skipped, {report.errors} errors"
        )
        click.echo(f"\r{line}\x1b[K" if self.tty else line, err=True, nl=not self.tty)

    def done(self) -> None:
        if self.tty and self.last:
            click.echo("", err=True)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@with_input_options
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show documents/s, events and errors while running (default: when stderr is a terminal).",
)
@click.option(
    "--user-agent", help="User-Agent of HTTP requests (default: $EVENTWIRE_USER_AGENT, else eventwire's)."
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
    help="HTTP connect and read timeout (default: $EVENTWIRE_HTTP_TIMEOUT, else 20).",
)  # fmt: skip
@click.option(
    "--retries", type=click.IntRange(min=0),
    help="Further tries after a timeout or a 429/5xx answer (default: $EVENTWIRE_HTTP_RETRIES, else 2).",
)  # fmt: skip
@click.option(
    "--delay", type=click.FloatRange(min=0), metavar="SECONDS",
    help="Wait between two requests to one host (default: $EVENTWIRE_HOST_DELAY, else 1).",
)  # fmt: skip
@click.option(
    "--fetch-linked/--no-fetch-linked", default=None,
    help="Fetch the article each feed entry links to (default: $EVENTWIRE_FETCH_LINKED=1, else no).",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(min=1),
    help="Processes that read and extract documents while this one writes them (default: the cores this "
    "process may use, at most 8, or 1 for fewer than 16 inputs; 1 extracts in this process; see "
    "bench/results/ingest_warc.json).",
)  # fmt: skip
def ingest(
    sources: tuple[str, ...], db: str | None, published: dt.date | None, encoding: str | None, max_bytes: int,
    actors: Path | None, progress: bool | None, user_agent: str | None, timeout: float | None,
    retries: int | None, delay: float | None, fetch_linked: bool | None, workers: int | None,
) -> None:  # fmt: skip
    """Read SOURCES, extract their events and store both; documents already stored are skipped.

    Copies of stored documents are linked, not extracted again; reports of an event already stored are
    merged into it. Failed inputs are recorded (see `eventwire errors`) and the run goes on, which then
    exits 1. Inputs passed over on purpose (not in English, archive records that are not HTML pages) are
    counted as skipped, not as errors (see `eventwire errors --skipped`).
    """
    from eventwire.pipeline import RunReport, workers_for
    from eventwire.pipeline import ingest as run_ingest
    from eventwire.sources.web import FetchSettings
    from eventwire.store import default_target, prepared_aside, redact

    try:
        fetch = FetchSettings.from_env(
            max_bytes=max_bytes, user_agent=user_agent, timeout=timeout, retries=retries, host_delay=delay
        )
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    with prepared_aside(db):  # the database is created on another core while the extractor loads
        extractor = _load_extractor(actors)
    tty = sys.stderr.isatty()
    show = _Progress(tty) if (progress if progress is not None else tty) else None
    report = RunReport()
    with _open(db, create=True, dedup=True) as store:
        items = read_inputs(
            sources, stdin=_stdin(), max_bytes=max_bytes, encoding=encoding, fetch=fetch,
            fetch_linked=fetch_linked,
        )  # fmt: skip
        try:
            inputs, workers = workers_for(items) if workers is None else (items, workers)
            run_ingest(
                inputs, extractor, store, published=published, report=report, on_error=_error, progress=show,
                workers=workers,
            )  # fmt: skip
        except EventwireError as err:  # the database itself failed: stop, saying what was done
            click.echo(f"error: {err}", err=True)
            report.errors += 1
        if show is not None:
            show.done()
    click.echo(f"{report.summary()} → {redact(default_target(db))} ({report.rate:.1f} documents/s)", err=True)
    _leave(1 if report.errors else 0)


def _leave(status: int) -> NoReturn:
    """End a command that loaded the extractor with ``status``.

    As the program itself (``eventwire``, ``python -m eventwire.cli``) the process ends here, its output
    flushed and its database closed, without tearing the interpreter down: freeing the loaded extractor
    and gazetteer one object at a time took half a second after every run. Called in-process (tests, a
    script that drives ``main``) it raises ``SystemExit`` as usual.
    """
    if _is_program():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: there is no one left to tell
                stream.flush()
        os._exit(status)
    sys.exit(status)


def _is_program() -> bool:
    """Whether this process is the ``eventwire`` command (its console script or ``python -m``)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "eventwire.cli.__main__":
        return True
    return Path(sys.argv[0]).name == "eventwire"


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, ...] | None:
    if value is None:
        return None
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-90 <= box[1] <= box[3] <= 90) or not all(-180 <= box[i] <= 180 for i in (0, 2)):
        raise click.BadParameter(
            f"{value!r} is not WEST,SOUTH,EAST,NORTH in degrees (e.g. 38.7,29,48.6,37.4)"
        )
    return box


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--country", help="Country name or ISO3 code.")
@click.option("--admin1", help="First-level administrative division (province, state).")
@click.option("--type", "event_type", help="Event type or sub-event type.")
@click.option("--actor", help="Part of an actor's name (actor1, actor2 or associated actors).")
@click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--min-fatalities", type=click.IntRange(min=0))
@click.option("--text", help="Words the source documents or notes contain (all of them).")
@click.option("--bbox", callback=_bbox, metavar="W,S,E,N", help="Bounding box in degrees.")
@click.option("--limit", type=click.IntRange(min=0))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="table", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (parquet needs one) instead of standard output.",
)
def events(
    db: str | None, country: str | None, admin1: str | None, event_type: str | None, actor: str | None,
    since: dt.date | None, until: dt.date | None, min_fatalities: int | None, text: str | None,
    bbox: tuple[float, float, float, float] | None, limit: int | None, fmt: str, output: Path | None,
) -> None:  # fmt: skip
    """Print or export stored events (one per real event, newest first)."""
    from eventwire.cli.formats import render_table
    from eventwire.store import EventFilter
    from eventwire.store.export import export

    where = EventFilter(country=country, admin1=admin1, event_type=event_type, actor=actor, since=since,
                        until=until, min_fatalities=min_fatalities, text=text, bbox=bbox)  # fmt: skip
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with _open(db) as store:
        try:
            if fmt == "table":
                table = render_table(list(store.events(where, limit=limit)))
                if output:
                    output.write_text(table, encoding="utf-8")
                else:
                    click.echo(table, nl=False)
                return
            if fmt == "parquet":
                assert output is not None
                with output.open("wb") as binary:
                    written = export(store.events(where, limit=limit), fmt, binary)
            elif output is not None:
                with output.open("w", encoding="utf-8", newline="") as out:
                    written = export(store.events(where, limit=limit), fmt, out)
            else:
                written = export(store.events(where, limit=limit), fmt, sys.stdout)
        except EventwireError as err:
            raise click.ClickException(str(err)) from None
    if written.left_out:
        click.echo(f"{written.left_out} event{'s' if written.left_out != 1 else ''} without coordinates "
                   f"left out of the GeoJSON", err=True)  # fmt: skip


@main.command()
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--skipped", is_flag=True,
    help="List the inputs skipped on purpose (not in English, not an HTML response) instead of failures.",
)  # fmt: skip
def errors(db: str | None, as_json: bool, skipped: bool) -> None:
    """Inputs that failed, with the reason (an input stored later is removed from the list)."""
    with _open(db) as store:
        rows = store.skipped() if skipped else store.errors()
        for row in rows:
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                code = row["reason"] if skipped else row["code"]
                click.echo(f"{row['origin']}: {row['message']} [{code}] ({row['at']})")


def _figure(q: Any) -> str:
    if q is None:
        return "-"
    high = "?" if q.high is None else q.high
    return str(q.best) if q.low == q.best == q.high else f"{q.best} ({q.low}-{high})"


@main.command()
@click.argument("event_id")
@click.option("--db", help=DB_HELP)
@click.option(
    "--split",
    "member",
    metavar="MEMBER_EVENT_ID",
    help="Undo a merge: this report becomes its own event and stays apart.",
)
def explain(event_id: str, db: str | None, member: str | None) -> None:
    """Show the reports merged into EVENT_ID, their sources and figures, and why they were merged."""
    with _open(db, dedup=member is not None) as store:
        try:
            if member is not None:
                cluster = store.cluster(event_id)
                if cluster is None:
                    raise click.ClickException(f"no stored event has the id {event_id!r}")
                if member not in {m.event_id for m in cluster.members}:
                    raise click.ClickException(f"{member} is not one of the reports merged into {event_id}")
                rest = store.split(member)
                click.echo(f"{member} is now an event of its own; the other reports are event {rest}")
                return
            cluster = store.cluster(event_id)
        except EventwireError as err:
            raise click.ClickException(str(err)) from None
    if cluster is None:
        raise click.ClickException(f"no stored event has the id {event_id!r}")
    ev = cluster.event
    where = ", ".join(p for p in (ev.location, ev.admin1, ev.country) if p)
    when = ev.event_date or ev.date_text or "?"
    reports = len(cluster.members)
    click.echo(f"{ev.event_id}: {ev.event_type} / {ev.sub_event_type}, {when}, {where or '?'}; "
               f"fatalities {_figure(ev.fatalities)}; {reports} report(s)")  # fmt: skip
    merges = {d.event_id: d for d in cluster.decisions if d.action in ("merge", "split")}
    for m in cluster.members:
        doc = cluster.documents.get(m.doc_id)
        source = (doc.url or doc.title or doc.origin) if doc else None
        click.echo(f"  {m.event_id}  {m.event_date or m.date_text or '?'}  {m.sub_event_type}  "
                   f"fatalities {_figure(m.fatalities)}  from {m.doc_id} ({source or '?'})")  # fmt: skip
        decision = merges.get(m.event_id)
        if decision is not None and decision.action == "merge":
            click.echo(f"      merged (score {decision.score:.2f}) with {decision.other_id}: "
                       + "; ".join(decision.reasons))  # fmt: skip
        elif m.event_id == ev.event_id:
            click.echo("      the earliest report: the event carries its id")
    for d in cluster.decisions:
        if d.action == "split":
            click.echo(f"  split: {d.event_id} was taken out by hand ({d.at})")
    # The nearest misses: other events a report was compared with as it came, and why it stayed apart.
    apart = [d for d in cluster.decisions if d.action == "apart" and d.cluster_id != ev.event_id]
    for d in sorted(apart, key=lambda d: -(d.score or 0.0))[:APART_SHOWN]:
        click.echo(f"  {d.event_id} kept apart from {d.cluster_id} (score {d.score or 0.0:.2f}): "
                   + "; ".join(d.reasons))  # fmt: skip


@main.group()
def evaluate() -> None:
    """Score extraction on the shared benchmarks (read from ../shared/benchmarks, never shipped)."""


def _scored(run: Callable[[], Any]) -> Any:
    """The report ``run`` returns; a missing or malformed benchmark is a one-line error, not a traceback."""
    try:
        return run()
    except EventwireError as err:
        raise click.ClickException(str(err)) from None


def _print_report(report: Any, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.render_text(per_label=True))


def _progress(label: str) -> Any:
    def show(done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            click.echo(f"{label}: {done}/{total}", err=True)

    return show


def _benchmark_options(
    folder: str, default: str, items: str | None
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options every `evaluate` command takes: --data, --limit (where ``items`` are named), --json."""
    options = [
        click.option(
            "--data",
            "data_dir",
            type=click.Path(path_type=Path, file_okay=False),
            help=f"The {folder} folder (default ../shared/benchmarks/{default}).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
    ]
    if items:
        options.insert(1, click.option("--limit", type=int, help=f"Score only the first N {items}."))

    def apply(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return apply


@evaluate.command("muc4")
@click.option("--split", type=click.Choice(["dev", "train", "test"]), default="dev", show_default=True)
@_benchmark_options("MUC-4", "muc4", "documents")
@click.option("--scope", type=click.Choice(SCOPES), default="muc4", show_default=True,
              help="muc4: keep only documents MUC-4's coders would code (see `extract --scope`); "
                   "all: every event eventwire finds.")  # fmt: skip
def evaluate_muc4_cmd(
    split: str, data_dir: Path | None, limit: int | None, as_json: bool, scope: str
) -> None:
    """MUC-4 role fillers (GRIT's CEAF-REE), relevance, incident type, date and place."""
    from eventwire.evaluate.muc4 import evaluate_muc4

    extractor = _load_extractor(None, scope)
    report = _scored(
        lambda: evaluate_muc4(
            extractor.extract, split=split, data_dir=data_dir, limit=limit, progress=_progress("muc4")
        )
    )
    _print_report(report, as_json)


@evaluate.command("acled-notes")
@click.option(
    "--part", type=click.Choice(["held_out", "tuning", "all"]), default="held_out", show_default=True
)
@_benchmark_options("ACLED sample", "acled_sample", "notes")
def evaluate_acled_cmd(part: str, data_dir: Path | None, limit: int | None, as_json: bool) -> None:
    """ACLED coder notes: event type, sub-event type, fatalities, actors, admin1."""
    from eventwire.evaluate.acled_notes import evaluate_acled_notes

    extractor = _load_extractor(None)
    report = _scored(
        lambda: evaluate_acled_notes(
            extractor.extract, data_dir=data_dir, part=part, limit=limit, progress=_progress("acled-notes")
        )
    )
    _print_report(report, as_json)


@evaluate.command("geo")
@click.option("--corpus", type=click.Choice(["gwn", "trnews", "geovirus"]), required=True)
@_benchmark_options("geoparsing", "geoparsing", "documents")
@click.option("--misses", is_flag=True, help="With --json: list missed, false and far toponyms.")
def evaluate_geo_cmd(
    corpus: str, data_dir: Path | None, limit: int | None, as_json: bool, misses: bool
) -> None:
    """Toponyms: recall/precision, Acc@161km, mean error, AUC, country/admin1/GeoNames id."""
    from eventwire.evaluate.geo import evaluate_geo
    from eventwire.extraction.toponyms import find_toponyms
    from eventwire.resolve.gazetteer import Gazetteer

    gazetteer = _scored(Gazetteer.load)
    report = _scored(
        lambda: evaluate_geo(
            corpus,
            lambda text: find_toponyms(text, gazetteer, embedded=True),
            gazetteer,
            data_dir=data_dir,
            limit=limit,
            progress=_progress(f"geo {corpus}"),
        )
    )
    if as_json:
        data = report.to_dict()
        if not misses:
            data.pop("misses")
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(report.render_text())


@evaluate.command("merging")
@_benchmark_options("MUC-4", "muc4", None)
def evaluate_merging_cmd(data_dir: Path | None, as_json: bool) -> None:
    """Cross-document merging on MUC-4 incidents reported by several documents: pairwise and B³ F1."""
    from eventwire.evaluate.merging import evaluate_merging

    extractor = _load_extractor(None)
    report = _scored(
        lambda: evaluate_merging(extractor.extract, data_dir=data_dir, progress=_progress("merging"))
    )
    _print_report(report, as_json)


@main.command()
@click.option(
    "--db", help="Database: a SQLite file or a postgresql:// URL (default: $EVENTWIRE_DB or eventwire.db)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info"
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes. One process runs Python on one core at a time; give one per core to serve "
    "many requests a second (bench/results/api_load.json).",
)
def serve(db: str | None, host: str, port: int, log_level: str, workers: int) -> None:
    """Serve the HTTP API under /api and the dashboard at / (writing needs $EVENTWIRE_API_TOKEN)."""
    import uvicorn

    from eventwire.api import ApiSettings, create_app
    from eventwire.store import open_store

    target = db or os.environ.get("EVENTWIRE_DB") or "eventwire.db"
    try:
        settings = ApiSettings.from_env(str(target))
        # Fail now, with the reason, rather than on the first request.
        open_store(target, create=False).close()
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"eventwire: dashboard at http://{host}:{port}/ , API docs at http://{host}:{port}/docs", err=True
    )
    options: dict[str, Any] = {"host": host, "port": port, "log_level": log_level, "access_log": False}
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    # Worker processes import the app by name and build it from the environment.
    os.environ["EVENTWIRE_DB"] = str(target)
    uvicorn.run("eventwire.api.app:app_from_env", factory=True, workers=workers, **options)


@evaluate.command("event-location")
@click.option(
    "--part", type=click.Choice(["held_out", "tuning", "all"]), default="held_out", show_default=True
)
@_benchmark_options("Halterman event-location", "event_location_halterman", "records")
def evaluate_event_location_cmd(part: str, data_dir: Path | None, limit: int | None, as_json: bool) -> None:
    """Which of a sentence's places is where its event happened (Halterman 2019)."""
    from eventwire.evaluate.event_location import evaluate_event_location
    from eventwire.extraction.toponyms import find_toponyms
    from eventwire.resolve.gazetteer import Gazetteer

    gazetteer = _scored(Gazetteer.load)
    report = _scored(
        lambda: evaluate_event_location(
            lambda text: find_toponyms(text, gazetteer), data_dir=data_dir, part=part, limit=limit
        )
    )
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render_text())


if __name__ == "__main__":  # pragma: no cover
    main()
