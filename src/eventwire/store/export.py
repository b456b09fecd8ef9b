"""Events out as files: JSON Lines, ACLED-compatible CSV, GeoJSON and Parquet, written as they stream in.

The CLI (`eventwire events`, `eventwire extract`) and the HTTP API share these writers. Each takes events
one at a time and keeps nothing but the current batch (Parquet: 1,000 rows) in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, BinaryIO, TextIO, cast

from eventwire.models.event import Event, Quantity

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
"""ACLED's export columns, in ACLED's order (what we cannot know, such as region, stays empty)."""

EXTRA_COLUMNS = (
    "iso3", "doc_id", "date_start", "date_end", "date_text", "fatalities_low", "fatalities_high", "injuries",
    "participants", "confidence", "reports", "evidence_sentence",
)  # fmt: skip
"""eventwire's columns after ACLED's."""

CSV_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS)

TEXT_FORMATS = ("jsonl", "csv", "geojson")
BINARY_FORMATS = ("parquet",)

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

SourceOf = Callable[[Event], str | None]


def disorder_type(event: Event) -> str:
    """ACLED's disorder type of an event type (excessive force against protesters counts as both)."""
    if event.sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    return DISORDER.get(event.event_type, "")


def sources(event: Event) -> list[str]:
    """The documents that reported an event read from a store (``extras["sources"]``), else none."""
    found = event.extras.get("sources")
    return [str(s) for s in found] if isinstance(found, list) else []


def _numeric_iso(iso3: str | None) -> str:
    if not iso3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return str(int(country.numeric)) if country else ""


def _interaction(a: int | None, b: int | None) -> str:
    if a is None:
        return ""
    if b is None:
        return str(a * 10)
    low, high = sorted((a, b))
    return f"{low}{high}"


def _blank(value: Any) -> Any:
    return "" if value is None else value


def csv_row(event: Event, source: str | None = None) -> dict[str, Any]:
    """One event as a row of :data:`CSV_COLUMNS`."""
    sentence = next((e.text for e in event.evidence if e.field == "sentence"), "")
    fatalities = event.fatalities
    reported = sources(event)
    return {
        "event_id_cnty": event.event_id,
        "event_date": _blank(event.event_date and event.event_date.isoformat()),
        "year": _blank(event.event_date and event.event_date.year),
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": _blank(event.inter1),
        "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": _blank(event.inter2),
        "interaction": _interaction(event.inter1, event.inter2),
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": _numeric_iso(event.iso3),
        "region": "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or event.admin1 or event.country or "",
        "latitude": _blank(event.latitude),
        "longitude": _blank(event.longitude),
        "geo_precision": _blank(event.geo_precision),
        "source": source if source is not None else "; ".join(reported),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": fatalities.best if fatalities else 0,
        "tags": "",
        "timestamp": "",
        "iso3": event.iso3 or "",
        "doc_id": event.doc_id,
        "date_start": _blank(event.date_start and event.date_start.isoformat()),
        "date_end": _blank(event.date_end and event.date_end.isoformat()),
        "date_text": event.date_text or "",
        "fatalities_low": _blank(fatalities and fatalities.low),
        "fatalities_high": _blank(fatalities and fatalities.high),
        "injuries": _blank(event.injuries and event.injuries.best),
        "participants": _blank(event.participants and event.participants.best),
        "confidence": round(event.confidence, 3),
        "reports": len(reported) or 1,
        "evidence_sentence": sentence,
    }


@dataclass(slots=True)
class Written:
    """What an export wrote: ``left_out`` counts events a format could not hold (GeoJSON: no coordinates)."""

    events: int = 0
    left_out: int = 0


class JsonLinesWriter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written = Written()

    def write(self, event: Event, source: str | None = None) -> None:
        self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        self.written.events += 1

    def close(self) -> Written:
        return self.written


class CsvWriter:
    """ACLED's columns, in ACLED's order, then ours; the header is written even when no event comes."""

    def __init__(self, out: TextIO) -> None:
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()
        self.written = Written()

    def write(self, event: Event, source: str | None = None) -> None:
        self.writer.writerow(csv_row(event, source))
        self.written.events += 1

    def close(self) -> Written:
        return self.written


class GeoJsonWriter:
    """A FeatureCollection of points; events without coordinates are left out (and counted)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written = Written()
        self.out.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, event: Event, source: str | None = None) -> None:
        if event.latitude is None or event.longitude is None:
            self.written.left_out += 1
            return
        properties = event.to_dict()
        properties["sources"] = [source] if source else sources(event)
        feature = {
            "type": "Feature",
            "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": properties,
        }
        self.out.write((",\n" if self.written.events else "") + json.dumps(feature, ensure_ascii=False))
        self.written.events += 1

    def close(self) -> Written:
        self.out.write("\n]}\n")
        return self.written


QUANTITIES = ("fatalities", "injuries", "participants", "abducted", "arrested")


def parquet_schema() -> Any:
    """The typed Parquet schema: dates as dates, counts as low/best/high integer columns."""
    import pyarrow as pa

    fields = [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("event_type", pa.string(), nullable=False),
        pa.field("sub_event_type", pa.string(), nullable=False),
        pa.field("disorder_type", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("time_precision", pa.int8()),
        pa.field("date_text", pa.string()),
        pa.field("actor1", pa.string()),
        pa.field("actor2", pa.string()),
        pa.field("assoc_actor_1", pa.list_(pa.string())),
        pa.field("assoc_actor_2", pa.list_(pa.string())),
        pa.field("inter1", pa.int8()),
        pa.field("inter2", pa.int8()),
        pa.field("actor1_country", pa.string()),
        pa.field("actor2_country", pa.string()),
        pa.field("country", pa.string()),
        pa.field("iso3", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("location", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("geonames_id", pa.int64()),
    ]
    for name in QUANTITIES:
        fields += [
            pa.field(f"{name}_low", pa.int32()),
            pa.field(f"{name}_best", pa.int32()),
            pa.field(f"{name}_high", pa.int32()),
            pa.field(f"{name}_text", pa.string()),
        ]
    fields += [
        pa.field("civilian_targeting", pa.bool_(), nullable=False),
        pa.field("notes", pa.string()),
        pa.field("confidence", pa.float32()),
        pa.field("sources", pa.list_(pa.string())),
        pa.field("evidence", pa.string()),  # JSON: every field's offsets and the reporting sentences
        pa.field("roles", pa.string()),  # JSON: perpetrators, targets, victims, weapons with offsets
    ]
    return pa.schema(fields)


def parquet_row(event: Event, source: str | None = None) -> dict[str, Any]:
    data = event.to_dict()
    row: dict[str, Any] = {
        key: data[key]
        for key in (
            "event_id", "doc_id", "event_type", "sub_event_type", "time_precision", "date_text", "actor1",
            "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "actor1_country",
            "actor2_country", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
            "geo_precision", "geonames_id", "civilian_targeting", "notes", "confidence",
        )
    }  # fmt: skip
    row["disorder_type"] = disorder_type(event)
    row["event_date"], row["date_start"], row["date_end"] = event.event_date, event.date_start, event.date_end
    for name in QUANTITIES:
        q: Quantity | None = getattr(event, name)
        row[f"{name}_low"] = q.low if q else None
        row[f"{name}_best"] = q.best if q else None
        row[f"{name}_high"] = q.high if q else None
        row[f"{name}_text"] = q.text if q else None
    row["sources"] = [source] if source else sources(event)
    row["evidence"] = json.dumps(data["evidence"], ensure_ascii=False)
    roles = ("perpetrator_orgs", "perpetrator_individuals", "targets", "victims", "weapons")
    row["roles"] = json.dumps({key: data[key] for key in roles}, ensure_ascii=False)
    return row


class ParquetWriter:
    """Parquet through pyarrow, one row group per ``batch`` events."""

    def __init__(self, out: BinaryIO, batch: int = 1000) -> None:
        import pyarrow.parquet as pq

        self.schema = parquet_schema()
        self.writer = pq.ParquetWriter(out, self.schema)
        self.batch = batch
        self.rows: list[dict[str, Any]] = []
        self.written = Written()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def write(self, event: Event, source: str | None = None) -> None:
        self.rows.append(parquet_row(event, source))
        self.written.events += 1
        if len(self.rows) >= self.batch:
            self._flush()

    def close(self) -> Written:
        self._flush()
        self.writer.close()
        return self.written


EventWriter = JsonLinesWriter | CsvWriter | GeoJsonWriter | ParquetWriter


def writer_for(fmt: str, out: TextIO | BinaryIO) -> EventWriter:
    """The writer of ``fmt`` ("jsonl", "csv", "geojson": text out; "parquet": binary out)."""
    if fmt == "parquet":
        if hasattr(out, "encoding"):
            raise ValueError("parquet needs a binary output (a file, not a terminal)")
        return ParquetWriter(out)
    text_out = cast(TextIO, out)
    if fmt == "jsonl":
        return JsonLinesWriter(text_out)
    if fmt == "csv":
        return CsvWriter(text_out)
    if fmt == "geojson":
        return GeoJsonWriter(text_out)
    known = ", ".join((*TEXT_FORMATS, *BINARY_FORMATS))
    raise ValueError(f"unknown export format {fmt!r}; choose one of {known}")


def export(
    events: Iterable[Event], fmt: str, out: TextIO | BinaryIO, source: SourceOf | None = None
) -> Written:
    """Write every event in ``fmt`` to ``out`` as they come; returns the counts."""
    writer = writer_for(fmt, out)
    for event in events:
        writer.write(event, source(event) if source else None)
    return writer.close()
