"""Events for people (a table) and, through :mod:`eventwire.store.export`, as JSON Lines, CSV, GeoJSON."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from eventwire.models.event import Event
from eventwire.store.export import EventWriter, writer_for


class Writer:
    """Writes events as they come, in one format; ``close`` finishes what needs finishing (the table)."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.rows: list[Event] = []
        self._writer: EventWriter | None = None if fmt == "table" else writer_for(fmt, out)

    def write(self, events: Iterable[Event], source: str | None = None) -> None:
        for event in events:
            if self._writer is None:
                self.rows.append(event)
            else:
                self._writer.write(event, source)

    def close(self) -> int:
        """Finish the output; returns how many events the format left out (GeoJSON: no coordinates)."""
        if self._writer is None:
            self.out.write(render_table(self.rows))
            return 0
        return self._writer.close().left_out


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
