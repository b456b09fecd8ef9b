"""``eventwire evaluate event-location``: which place in a sentence is where its event happened.

Data (``../shared/benchmarks/event_location_halterman/labeled_text.json``; see its ``SOURCE.md``): a JSON
array of records ``{"text", "spans": [{"start", "end", "label": "VERB" | "LOCATION"}], "_id", "source"}``.
Each record marks one event verb and the span(s) of the place where that event happened, or none.

For every record with one VERB span the toponyms of the text are found with the gazetteer
(:func:`eventwire.extraction.toponyms.find_toponyms`) and
:func:`eventwire.extraction.location.place_for_trigger` chooses among them. A choice is *correct*
when it overlaps a gold LOCATION span, or when there is no gold location and no place is chosen.
Reported, per part:

Offsets: about one LOCATION span in six carries token indices in ``start``/``end``; those are read
from the record's tokens instead (:func:`_char_span`).

- ``accuracy``: correct / records;
- ``with_location``: accuracy over records whose gold has a location, and ``found`` the share of those
  where some toponym overlaps the gold location at all (the ceiling the chooser can reach);
- ``without_location``: accuracy over records whose gold has none (choosing no place is right);
- baselines over the same toponyms: ``first`` (the first toponym) and ``nearest`` (the one nearest the verb).

Parts: the records are split deterministically by a hash of their ``_id`` (falling back to the text):
``tuning`` (80%, used to write the rules) and ``held_out`` (20%, reported). ``all`` is both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from eventwire.errors import SourceError
from eventwire.extraction.location import place_for_trigger
from eventwire.models.place import PlaceMention

__all__ = ["EventLocationReport", "evaluate_event_location", "load_records", "part_of"]

DEFAULT_DATA_DIR: Final = Path("../shared/benchmarks/event_location_halterman")
FILE: Final = "labeled_text.json"
PARTS: Final = ("held_out", "tuning", "all")


@dataclass(frozen=True, slots=True)
class Record:
    rid: str
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


def part_of(rid: str) -> str:
    """``held_out`` for one record in five (by a stable hash of its id), else ``tuning``."""
    digest = hashlib.sha1(rid.encode("utf-8")).digest()
    return "held_out" if digest[0] % 5 == 0 else "tuning"


def load_records(data_dir: Path | None = None) -> list[Record]:
    """The records with exactly one VERB span (all but a handful)."""
    path = (data_dir or DEFAULT_DATA_DIR) / FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(
            "event location data not found; pass --data with its folder", where=str(path)
        ) from None
    except json.JSONDecodeError as exc:
        raise SourceError(f"malformed JSON: {exc.msg}", where=f"{path}:{exc.lineno}") from None
    if not isinstance(raw, list):
        raise SourceError("expected a JSON array of records", where=str(path))
    records = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise SourceError("a record without a text", where=f"{path}[{n}]")
        spans = item.get("spans") or []
        verbs = [_char_span(item, s) for s in spans if s.get("label") == "VERB"]
        if len(verbs) != 1:
            continue
        locations = tuple(_char_span(item, s) for s in spans if s.get("label") == "LOCATION")
        rid = str(item.get("_id") or item["text"])
        records.append(Record(rid, item["text"], verbs[0], locations))
    return records


def _char_span(item: dict[str, Any], span: dict[str, Any]) -> tuple[int, int]:
    """The span's character offsets. About one LOCATION span in six gives token indices as ``start``
    and ``end``; there the offsets are read from its tokens (the span's own ``text`` tells which)."""
    start, end = int(span["start"]), int(span["end"])
    text, tokens = item["text"], item.get("tokens") or []
    said = span.get("text")
    if said is not None and text[start:end] != said and tokens:
        first, last = span.get("token_start"), span.get("token_end")
        if isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens):
            return int(tokens[first]["start"]), int(tokens[last]["end"])
    return start, end


@dataclass(slots=True)
class _Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += ok

    def to_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "total": self.total,
            "value": round(self.correct / self.total, 4) if self.total else 0.0,
        }

    def pct(self) -> str:
        value = 100 * self.correct / self.total if self.total else 0.0
        return f"{value:6.2f}  ({self.correct}/{self.total})"


@dataclass(slots=True)
class EventLocationReport:
    part: str
    accuracy: _Tally = field(default_factory=_Tally)
    with_location: _Tally = field(default_factory=_Tally)
    found: _Tally = field(default_factory=_Tally)
    without_location: _Tally = field(default_factory=_Tally)
    first: _Tally = field(default_factory=_Tally)
    nearest: _Tally = field(default_factory=_Tally)
    info: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "benchmark": "event-location",
            "part": self.part,
            "accuracy": self.accuracy.to_dict(),
            "with_location": self.with_location.to_dict(),
            "found": self.found.to_dict(),
            "without_location": self.without_location.to_dict(),
            "baseline_first": self.first.to_dict(),
            "baseline_nearest": self.nearest.to_dict(),
            "info": dict(self.info),
        }

    def render_text(self, *, per_label: bool = True) -> str:
        lines = [
            f"eventwire evaluate event-location — part {self.part}, {self.accuracy.total} records",
            "",
            f"  accuracy                   {self.accuracy.pct()}",
            f"  with a gold location       {self.with_location.pct()}",
            f"    a toponym found there    {self.found.pct()}",
            f"  without a gold location    {self.without_location.pct()}",
            f"  baseline: first toponym    {self.first.pct()}",
            f"  baseline: nearest toponym  {self.nearest.pct()}",
            "",
        ]
        lines.extend(f"{k}: {v}" for k, v in self.info)
        return "\n".join(lines) + "\n"


def _hits(p: PlaceMention | None, gold: Sequence[tuple[int, int]]) -> bool:
    if p is None:
        return not gold
    return any(p.start < e and s < p.end for s, e in gold)


def evaluate_event_location(
    geoparse: Callable[[str], list[PlaceMention]],
    *,
    data_dir: Path | None = None,
    part: str = "held_out",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EventLocationReport:
    """Score :func:`place_for_trigger` on the records of ``part`` (see the module docstring)."""
    if part not in PARTS:
        raise SourceError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    records = [r for r in load_records(data_dir) if part == "all" or part_of(r.rid) == part]
    if limit is not None:
        records = records[:limit]
    report = EventLocationReport(part)
    for n, rec in enumerate(records, 1):
        places = geoparse(rec.text)
        choice = place_for_trigger(rec.text, rec.verb, places)
        ok = _hits(choice.mention, rec.locations)
        report.accuracy.add(ok)
        if rec.locations:
            report.with_location.add(ok)
            report.found.add(any(_hits(p, rec.locations) for p in places))
        else:
            report.without_location.add(ok)
        report.first.add(_hits(places[0] if places else None, rec.locations))
        nearest = min(places, key=lambda p: abs(p.start - rec.verb[0]), default=None)
        report.nearest.add(_hits(nearest, rec.locations))
        if progress is not None:
            progress(n, len(records))
    report.info.append(("data", str((data_dir or DEFAULT_DATA_DIR) / FILE)))
    report.info.append(("split", "held_out = sha1(_id)[0] % 5 == 0; rules were tuned on 'tuning' only"))
    return report
