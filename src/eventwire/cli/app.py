"""The ``eventwire`` command: a thin shell over the library. Each command parses its options, calls the
library, prints the result, and turns errors into messages and exit codes (1: some input failed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

import click

from eventwire.errors import EventwireError
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


def _load_extractor(actors: Path | None) -> Any:
    from eventwire.extraction.pipeline import Extractor

    try:
        return Extractor.load(actors_file=actors)
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
def extract(
    paths: tuple[str, ...],
    published: dt.date | None,
    encoding: str | None,
    max_bytes: int,
    actors: Path | None,
    fmt: str,
    explain: bool,
) -> None:
    """Extract events from PATHS (.txt, .html, .json, .jsonl files, folders, or - for standard input)."""
    from eventwire.cli.formats import Writer
    from eventwire.pipeline import RunReport, process

    extractor = _load_extractor(actors)
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
    """Every toponym in PATHS with its offsets and resolution, one JSON object per mention."""
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
        for mention in find_toponyms(doc.text, gazetteer):
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
            }  # fmt: skip
            click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(1 if errors else 0)


def _db_path(db: str | None) -> Path:
    return Path(db or os.environ.get("EVENTWIRE_DB") or "eventwire.db")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="SQLite file (default: $EVENTWIRE_DB or eventwire.db).")
@with_input_options
def ingest(
    paths: tuple[str, ...], db: str | None, published: dt.date | None, encoding: str | None, max_bytes: int,
    actors: Path | None,
) -> None:  # fmt: skip
    """Read PATHS, extract their events and store both; documents already stored are skipped."""
    from eventwire.pipeline import RunReport, process
    from eventwire.store.sqlite import SqliteStore

    extractor = _load_extractor(actors)
    report = RunReport()
    try:
        store = SqliteStore(_db_path(db))
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    with store:
        items = read_inputs(paths, stdin=_stdin(), max_bytes=max_bytes, encoding=encoding)
        for outcome in process(items, extractor, published=published, report=report):
            if isinstance(outcome, EventwireError):
                _error(outcome)
                store.record_error(outcome.where or "?", outcome.code, outcome.message)
                continue
            stored = store.write(outcome.document, outcome.events)
            if not stored.new:
                report.skipped += 1
                report.events -= len(outcome.events)
    click.echo(f"{report.summary()} → {_db_path(db)}", err=True)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.option("--db", help="SQLite file (default: $EVENTWIRE_DB or eventwire.db).")
@click.option("--country")
@click.option("--type", "event_type", help="Event type or sub-event type.")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--min-fatalities", type=int)
@click.option("--limit", type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def events(
    db: str | None, country: str | None, event_type: str | None, since: str | None, until: str | None,
    min_fatalities: int | None, limit: int | None, fmt: str,
) -> None:  # fmt: skip
    """Print stored events."""
    from eventwire.cli.formats import Writer
    from eventwire.store.sqlite import SqliteStore

    path = _db_path(db)
    if not path.exists():
        raise click.ClickException(f"{path}: no such database (create it with `eventwire ingest`)")
    writer = Writer(fmt, sys.stdout)
    with SqliteStore(path) as store:
        writer.write(
            store.events(country=country, event_type=event_type, since=since, until=until,
                         min_fatalities=min_fatalities, limit=limit)
        )  # fmt: skip
    writer.close()


@main.command()
@click.option("--db", help="SQLite file (default: $EVENTWIRE_DB or eventwire.db).")
def errors(db: str | None) -> None:
    """Inputs that failed, with the reason."""
    from eventwire.store.sqlite import SqliteStore

    with SqliteStore(_db_path(db)) as store:
        for row in store.errors():
            click.echo(f"{row['origin']}: {row['message']} [{row['code']}] ({row['at']})")


@main.group()
def evaluate() -> None:
    """Score extraction on the shared benchmarks (read from ../shared/benchmarks, never shipped)."""


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


@evaluate.command("muc4")
@click.option("--split", type=click.Choice(["dev", "train", "test"]), default="dev", show_default=True)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The MUC-4 folder (default ../shared/benchmarks/muc4).",
)
@click.option("--limit", type=int, help="Score only the first N documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_muc4_cmd(split: str, data_dir: Path | None, limit: int | None, as_json: bool) -> None:
    """MUC-4 role fillers (GRIT's CEAF-REE), relevance, incident type, date and place."""
    from eventwire.evaluate.muc4 import evaluate_muc4

    extractor = _load_extractor(None)
    try:
        report = evaluate_muc4(
            extractor.extract, split=split, data_dir=data_dir, limit=limit, progress=_progress("muc4")
        )
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    _print_report(report, as_json)


@evaluate.command("acled-notes")
@click.option(
    "--part", type=click.Choice(["held_out", "tuning", "all"]), default="held_out", show_default=True
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The ACLED sample folder (default ../shared/benchmarks/acled_sample).",
)
@click.option("--limit", type=int, help="Score only the first N notes.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate_acled_cmd(part: str, data_dir: Path | None, limit: int | None, as_json: bool) -> None:
    """ACLED coder notes: event type, sub-event type, fatalities, actors, admin1."""
    from eventwire.evaluate.acled_notes import evaluate_acled_notes

    extractor = _load_extractor(None)
    try:
        report = evaluate_acled_notes(
            extractor.extract, data_dir=data_dir, part=part, limit=limit, progress=_progress("acled-notes")
        )
    except EventwireError as err:
        raise click.ClickException(str(err)) from None
    _print_report(report, as_json)


if __name__ == "__main__":  # pragma: no cover
    main()
