"""Events as JSON Lines, ACLED-compatible CSV, or a table for people."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

import pycountry

from eventwire.models.event import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "iso", "region", "country",
    "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "timestamp", "iso3",
)  # fmt: skip
"""ACLED's export columns, in ACLED's order (fields we cannot know, such as region, stay empty)."""

EXTRA_COLUMNS = (
    "doc_id", "date_start", "date_end", "fatalities_low", "fatalities_high", "injuries", "participants",
    "civilian_targeting", "confidence", "evidence_sentence",
)  # fmt: skip


def _numeric_iso(iso3: str | None) -> str:
    if not iso3:
        return ""
    country = pycountry.countries.get(alpha_3=iso3)
    return str(int(country.numeric)) if country else ""


def _interaction(a: int | None, b: int | None) -> str:
    if a is None:
        return ""
    if b is None:
        return str(a * 10)
    low, high = sorted((a, b))
    return f"{low}{high}"


def csv_row(event: Event, source: str | None = None) -> dict[str, Any]:
    data = event.to_dict()
    sentence = next((e["text"] for e in data["evidence"] if e["field"] == "sentence"), "")
    fatalities = event.fatalities
    return {
        "event_id_cnty": event.event_id,
        "event_date": data["event_date"] or "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": event.inter1 if event.inter1 is not None else "",
        "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": event.inter2 if event.inter2 is not None else "",
        "interaction": _interaction(event.inter1, event.inter2),
        "iso": _numeric_iso(event.iso3),
        "region": "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or event.admin1 or event.country or "",
        "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": source or "",
        "source_scale": "",
        "notes": event.notes,
        "fatalities": fatalities.best if fatalities else 0,
        "timestamp": "",
        "iso3": event.iso3 or "",
        "doc_id": event.doc_id,
        "date_start": data["date_start"] or "",
        "date_end": data["date_end"] or "",
        "fatalities_low": fatalities.low if fatalities else "",
        "fatalities_high": (fatalities.high if fatalities.high is not None else "") if fatalities else "",
        "injuries": event.injuries.best if event.injuries else "",
        "participants": event.participants.best if event.participants else "",
        "civilian_targeting": "true" if event.civilian_targeting else "false",
        "confidence": round(event.confidence, 3),
        "evidence_sentence": sentence,
    }


class Writer:
    """Writes events as they come, in one format; ``close`` finishes what needs finishing (the table)."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.rows: list[Event] = []
        self._csv: csv.DictWriter[str] | None = None

    def write(self, events: Iterable[Event], source: str | None = None) -> None:
        for event in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self.out, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS])
                    self._csv.writeheader()
                self._csv.writerow(csv_row(event, source))
            else:
                self.rows.append(event)

    def close(self) -> None:
        if self.fmt == "table":
            self.out.write(render_table(self.rows))
        elif self.fmt == "csv" and self._csv is None:
            csv.DictWriter(self.out, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS]).writeheader()


def _range(q: Any) -> str:
    if q is None:
        return ""
    if q.high == q.low:
        return str(q.best)
    return f"{q.best} ({q.low}-{q.high if q.high is not None else '?'})"


def render_table(events: Sequence[Event], width: int = 160) -> str:
    """A plain table for a terminal (rich, without colour when not a TTY)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=f"{len(events)} event{'s' if len(events) != 1 else ''}")
    for column in ("date", "prec", "type / sub-type", "actor 1", "actor 2", "where", "killed", "injured"):
        table.add_column(column, overflow="fold")
    for e in events:
        when = e.event_date.isoformat() if e.event_date else (e.date_text or "?")
        if e.date_start and e.date_end and e.date_start != e.date_end:
            when = f"{e.date_start.isoformat()}..{e.date_end.isoformat()}"
        where = ", ".join(p for p in (e.location, e.admin1, e.country) if p)
        table.add_row(
            when,
            str(e.time_precision),
            f"{e.event_type} / {e.sub_event_type}",
            ", ".join([e.actor1 or "", *e.assoc_actor_1]).strip(", "),
            ", ".join([e.actor2 or "", *e.assoc_actor_2]).strip(", "),
            where,
            _range(e.fatalities),
            _range(e.injuries),
        )
    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()
