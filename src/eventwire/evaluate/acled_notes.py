"""``eventwire evaluate acled-notes``: ACLED coder notes read back into ACLED fields.

Data: every ``*.csv`` in ``../shared/benchmarks/acled_sample`` (see its ``SOURCE.md``), read in file-name
order. The files use ACLED's export schema (header row; ``event_id_cnty``, ``event_date`` as
``"03 December 2020"`` or ``"9-May-20"``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``,
``admin1``, ``notes``, ``fatalities`` ...). A row whose ``notes`` or ``event_id_cnty`` is blank is
skipped; an ``event_id_cnty`` seen before (the Burkina Faso file overlaps the global one) is skipped, so
the first file in name order wins.

Parts (:func:`is_held_out`): a row is **held out** (the evaluation part) when
``int(sha256(event_id_cnty as UTF-8).hexdigest(), 16) % 5 == 0``, about 20% of the rows; the other ~80%
are the **tuning** part, for training and tuning scripts (:func:`acled_parts`). The rule depends on the
id alone, so it is the same on every machine and for every subset of the files.

Each row's ``notes`` is one document: ``id`` = ``event_id_cnty``, ``published`` = the row's
``event_date`` (ACLED writes notes relative to it), ``published_source`` = ``"metadata"``.

Scores. The **first** event returned for a note is compared with the row; a note with no event is wrong
on every field. Strings are compared normalized (accents removed, case folded, punctuation to spaces,
spaces collapsed). Every field row has P/R/F1 and an accuracy over all scored notes:

- ``event_type``, ``sub_event_type``: correct = equal; predicted = notes with an event; gold = notes.
  Per-label tables give macro F1 (mean over every label in the key or predicted) and weighted F1
  (weighted by support in the key), the CASE 2021 task 2 measure.
- ``fatalities``: the predicted count is the first event's ``fatalities.best``, 0 when there is no event
  or no count. Accuracy = exact equality with ACLED's ``fatalities`` (notes whose ``fatalities`` is blank
  are not scored). For P/R/F1 a count "is given" when it is above 0: predicted = notes with a predicted
  count > 0, gold = notes with ACLED count > 0, correct = notes with ACLED count > 0 matched exactly.
- ``actor1``, ``actor2``, ``admin1``: P/R/F1 over non-empty values (correct = both non-empty and equal);
  accuracy counts a note right when the values are equal, both empty included (but not with no event).
  Admin1 names are compared without the words that only name the unit's form (:func:`normalize_admin1`:
  "Bicol Region" = "Bicol", "City of Zagreb" = "Grad Zagreb"; "Lima Province" is still not "Lima").
- ``actors (in order)``: the two actor slots pooled (correct = slots where both are non-empty and equal);
  accuracy: both slots equal.
- ``actors (either order)``: the same with the sides' order ignored: correct = the size of the multiset
  intersection of {actor1, actor2} and the predicted {actor1, actor2}; accuracy: the unordered pairs equal.

Actor names are compared without ACLED's government-period bracket (:func:`normalize_actor`):
"Military Forces of Burkina Faso (2015-)" and "Police Forces of Mali (2013-2020) Gendarmerie" are scored as
"Military Forces of Burkina Faso" and "Police Forces of Mali Gendarmerie". eventwire names state forces
without it (the founding article's record says "Military Forces of Iraq"), and the bracket is not
something a note says: it is the period of the government in power on the event's date, and its end
year is written in only once that government falls, so one export reads "(2013-)" where a later export
of the same event reads "(2013-2020)". The headline also gives the strict ``*_with_period`` accuracies,
which compare the names as written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import MalformedInputError, SourceError
from eventwire.evaluate.report import (
    Accuracy,
    ClassScores,
    DocumentFailure,
    EvaluationReport,
    ExtractFn,
    FieldScore,
    ProgressFn,
    ScoreTable,
    run_extractor_over,
)
from eventwire.models.document import Document
from eventwire.models.event import Event

PARTS = ("held_out", "tuning", "all")
HELD_OUT_MODULUS = 5
HELD_OUT_RULE = "held out when int(sha256(event_id_cnty).hexdigest(), 16) % 5 == 0 (about 20% of rows)"
_DATE_FORMATS = ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d", "%d %b %Y", "%d-%B-%Y", "%m/%d/%Y")


def default_data_dir() -> Path:
    """``../shared/benchmarks/acled_sample`` relative to the current working directory."""
    return Path.cwd() / ".." / "shared" / "benchmarks" / "acled_sample"


def is_held_out(event_id_cnty: str) -> bool:
    """Whether a row belongs to the held-out (evaluation) part; see the module docstring."""
    digest = hashlib.sha256(event_id_cnty.strip().encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_OUT_MODULUS == 0


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One ACLED event with its coder's notes: the fields we score and the row as read."""

    event_id_cnty: str
    event_date: dt.date | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    fatalities: int | None
    notes: str
    origin: str
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def to_document(self) -> Document:
        """The notes as a document published on the row's event date."""
        return Document(
            id=self.event_id_cnty,
            text=self.notes,
            published=self.event_date,
            published_source="metadata" if self.event_date else None,
            origin=self.origin,
        )


@dataclass(frozen=True, slots=True)
class AcledParts:
    """The rows split by :func:`is_held_out`: ``tuning`` (~80%) and ``held_out`` (~20%)."""

    tuning: tuple[AcledRow, ...]
    held_out: tuple[AcledRow, ...]


def parse_acled_date(value: str) -> dt.date | None:
    """An ACLED ``event_date`` ("03 December 2020", "9-May-20", ISO) as a date; None if unreadable."""
    value = value.strip()
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _text(row: Mapping[str, str | None], name: str) -> str | None:
    value = (row.get(name) or "").strip()
    return value or None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value and value.strip() else None
    except ValueError:
        return None


def resolve_data_dir(data_dir: Path | str | None = None) -> Path:
    """The ACLED sample folder (``data_dir``, else :func:`default_data_dir`); SourceError if absent."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not root.is_dir() or not any(root.glob("*.csv")):
        raise SourceError(
            f"ACLED sample not found: looked for *.csv in {root.resolve()}; pass the folder that holds them",
            where=str(root),
        )
    return root


def load_acled_rows(data_dir: Path | str | None = None) -> list[AcledRow]:
    """Every usable row of every CSV file, first occurrence of each ``event_id_cnty`` only."""
    root = resolve_data_dir(data_dir)
    rows: list[AcledRow] = []
    seen: set[str] = set()
    for path in sorted(root.glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            required = {"event_id_cnty", "event_date", "event_type", "sub_event_type", "notes"}
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise MalformedInputError(
                    f"not an ACLED export: no {', '.join(sorted(missing))}", where=str(path)
                )
            for record in reader:
                event_id = _text(record, "event_id_cnty")
                notes = _text(record, "notes")
                if event_id is None or notes is None or event_id in seen:
                    continue
                seen.add(event_id)
                rows.append(
                    AcledRow(
                        event_id_cnty=event_id,
                        event_date=parse_acled_date(record.get("event_date") or ""),
                        event_type=_text(record, "event_type") or "",
                        sub_event_type=_text(record, "sub_event_type") or "",
                        actor1=_text(record, "actor1"),
                        actor2=_text(record, "actor2"),
                        country=_text(record, "country"),
                        admin1=_text(record, "admin1"),
                        fatalities=_int(record.get("fatalities")),
                        notes=notes,
                        origin=f"{path}:{reader.line_num}",
                        raw={
                            key: value
                            for key, value in record.items()
                            if key is not None and value is not None
                        },
                    )
                )
    return rows


def split_rows(rows: Iterable[AcledRow]) -> AcledParts:
    """``rows`` split into the tuning and held-out parts (order kept)."""
    tuning: list[AcledRow] = []
    held_out: list[AcledRow] = []
    for row in rows:
        (held_out if is_held_out(row.event_id_cnty) else tuning).append(row)
    return AcledParts(tuning=tuple(tuning), held_out=tuple(held_out))


def acled_parts(data_dir: Path | str | None = None) -> AcledParts:
    """The tuning (~80%) and held-out (~20%) parts of the sample, for training scripts and evaluation."""
    return split_rows(load_acled_rows(data_dir))


def rows_for_part(part: str, data_dir: Path | str | None = None) -> list[AcledRow]:
    """The rows of ``part``: ``"held_out"``, ``"tuning"`` or ``"all"``."""
    if part not in PARTS:
        raise SourceError(f"unknown ACLED part {part!r}; expected one of {', '.join(PARTS)}")
    rows = load_acled_rows(data_dir)
    if part == "all":
        return rows
    parts = split_rows(rows)
    return list(parts.held_out if part == "held_out" else parts.tuning)


# ------------------------------------------------------------------------------------------------ scoring


_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # ACLED's government period: "(2015-)", "(1987-2014)"


def normalize_actor(text: str | None) -> str:
    """An actor name as :func:`normalize_value` gives it, without ACLED's period bracket (see above)."""
    return normalize_value(_PERIOD.sub("", text)) if text else ""


def normalize_value(text: str | None) -> str:
    """Accents removed, case folded, punctuation turned to spaces, spaces collapsed ("" for None)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join("".join(char if char.isalnum() else " " for char in text).split())


# Words that only say what kind of unit an admin1 is: "Bicol Region" and "Bicol", "City of Zagreb" and
# "Grad Zagreb" are one place. "Lima Province" and "Lima" (region) are two, so "Province" stays.
_ADMIN1_FORM = re.compile(r"^(?:city of|grad|autonomna pokrajina) | region$")


def normalize_admin1(text: str | None) -> str:
    """An admin1 name as :func:`normalize_value` gives it, without the words that name its form."""
    return _ADMIN1_FORM.sub("", normalize_value(text)).strip()


@dataclass(slots=True)
class _Tally:
    correct: int = 0
    predicted: int = 0
    gold: int = 0
    acc_correct: int = 0
    acc_total: int = 0

    def add(self, *, correct: int, predicted: int, gold: int, right: bool) -> None:
        self.correct += correct
        self.predicted += predicted
        self.gold += gold
        self.acc_correct += right
        self.acc_total += 1

    def accuracy(self) -> float:
        return Accuracy("", self.acc_correct, self.acc_total).value

    def row(self, name: str) -> FieldScore:
        return FieldScore(
            name, self.correct, self.predicted, self.gold, Accuracy(name, self.acc_correct, self.acc_total)
        )


_FIELDS = (
    "event_type",
    "sub_event_type",
    "fatalities",
    "actor1",
    "actor2",
    "actors (in order)",
    "actors (either order)",
    "admin1",
)
_NO_EVENT = "(no event)"


def _single(
    tally: _Tally,
    gold: str | None,
    predicted: str | None,
    has_event: bool,
    normalize: Callable[[str | None], str] = normalize_value,
) -> None:
    gold_norm, predicted_norm = normalize(gold), normalize(predicted)
    tally.add(
        correct=bool(gold_norm) and gold_norm == predicted_norm,
        predicted=bool(predicted_norm),
        gold=bool(gold_norm),
        right=has_event and gold_norm == predicted_norm,
    )


_ACTOR_FIELDS = ("actor1", "actor2", "actors (in order)", "actors (either order)")


def _actors(
    tallies: Mapping[str, _Tally],
    gold: tuple[str | None, str | None],
    predicted: tuple[str | None, str | None],
    has_event: bool,
    normalize: Callable[[str | None], str],
) -> None:
    """The actor rows: each slot, both slots in order, and both slots in either order."""
    _single(tallies["actor1"], gold[0], predicted[0], has_event, normalize)
    _single(tallies["actor2"], gold[1], predicted[1], has_event, normalize)
    gold_pair = [normalize(g) for g in gold]
    predicted_pair = [normalize(p) for p in predicted]
    in_order = [g for g, p in zip(gold_pair, predicted_pair, strict=True) if g and g == p]
    tallies["actors (in order)"].add(
        correct=len(in_order),
        predicted=sum(1 for p in predicted_pair if p),
        gold=sum(1 for g in gold_pair if g),
        right=has_event and gold_pair == predicted_pair,
    )
    gold_set = Counter(g for g in gold_pair if g)
    predicted_set = Counter(p for p in predicted_pair if p)
    tallies["actors (either order)"].add(
        correct=sum((gold_set & predicted_set).values()),
        predicted=sum(predicted_set.values()),
        gold=sum(gold_set.values()),
        right=has_event and sorted(gold_pair) == sorted(predicted_pair),
    )


def predicted_fatalities(event: Event | None) -> int:
    """The first event's best fatality count; 0 with no event or no count."""
    return event.fatalities.best if event is not None and event.fatalities is not None else 0


def _class_scores(title: str, gold: Sequence[str], predicted: Sequence[str | None]) -> ClassScores:
    labels = sorted({*gold, *(p for p in predicted if p is not None)})
    true_positive: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    for gold_label, predicted_label in zip(gold, predicted, strict=True):
        if predicted_label is not None:
            predicted_count[predicted_label] += 1
            true_positive[predicted_label] += gold_label == predicted_label
    support = Counter(gold)
    rows = tuple(
        FieldScore(label, true_positive[label], predicted_count[label], support[label]) for label in labels
    )
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return ClassScores(title, rows, Accuracy(title, correct, len(gold)))


def score_acled_notes(
    rows: Sequence[AcledRow],
    predictions: Mapping[str, Sequence[Event]],
    *,
    part: str = "held_out",
    info: Iterable[tuple[str, str]] = (),
    errors: Iterable[DocumentFailure] = (),
) -> EvaluationReport:
    """Score the events predicted per note (``predictions`` by ``event_id_cnty``; missing: no events)."""
    tallies = {name: _Tally() for name in _FIELDS}
    strict = {name: _Tally() for name in _ACTOR_FIELDS}  # names compared with their period brackets
    gold_types: list[str] = []
    predicted_types: list[str | None] = []
    gold_subs: list[str] = []
    predicted_subs: list[str | None] = []
    events_total = 0
    no_event = 0
    for row in rows:
        events = list(predictions.get(row.event_id_cnty, ()))
        events_total += len(events)
        first = events[0] if events else None
        has_event = first is not None
        no_event += not has_event

        gold_types.append(row.event_type)
        predicted_types.append(first.event_type if first else None)
        gold_subs.append(row.sub_event_type)
        predicted_subs.append(first.sub_event_type if first else None)
        _single(tallies["event_type"], row.event_type, first.event_type if first else None, has_event)
        _single(
            tallies["sub_event_type"], row.sub_event_type, first.sub_event_type if first else None, has_event
        )

        if row.fatalities is not None:
            count = predicted_fatalities(first)
            tallies["fatalities"].add(
                correct=row.fatalities > 0 and count == row.fatalities,
                predicted=count > 0,
                gold=row.fatalities > 0,
                right=count == row.fatalities,
            )

        predicted_pair = (first.actor1, first.actor2) if first else (None, None)
        _actors(tallies, (row.actor1, row.actor2), predicted_pair, has_event, normalize_actor)
        _actors(strict, (row.actor1, row.actor2), predicted_pair, has_event, normalize_value)
        _single(tallies["admin1"], row.admin1, first.admin1 if first else None, has_event, normalize_admin1)

    field_rows = tuple(tallies[name].row(name) for name in _FIELDS)
    by_name = {row.name: row for row in field_rows}
    sub_scores = _class_scores("sub_event_type by label", gold_subs, predicted_subs)
    type_scores = _class_scores("event_type by label", gold_types, predicted_types)

    def accuracy(name: str) -> float:
        acc = by_name[name].accuracy
        return acc.value if acc else 0.0

    headline = (
        ("event_type_accuracy", accuracy("event_type")),
        ("sub_event_type_accuracy", accuracy("sub_event_type")),
        ("sub_event_type_macro_f1", sub_scores.macro_f1),
        ("sub_event_type_weighted_f1", sub_scores.weighted_f1),
        ("fatalities_exact", accuracy("fatalities")),
        ("actor1_accuracy", accuracy("actor1")),
        ("actor2_accuracy", accuracy("actor2")),
        ("actors_either_order_accuracy", accuracy("actors (either order)")),
        ("actor1_accuracy_with_period", strict["actor1"].accuracy()),
        ("actor2_accuracy_with_period", strict["actor2"].accuracy()),
        ("actors_either_order_accuracy_with_period", strict["actors (either order)"].accuracy()),
        ("admin1_accuracy", accuracy("admin1")),
    )
    table = ScoreTable(
        "ACLED fields: first predicted event vs the coded row",
        field_rows,
        accuracy_label="acc (notes)",
        note="fatalities: P/R over counts > 0, accuracy = exact incl. 0; no event = 0",
    )
    return EvaluationReport(
        benchmark="acled-notes",
        split=part,
        documents=len(rows),
        headline=headline,
        tables=(table,),
        class_scores=(sub_scores, type_scores),
        info=(
            ("events", str(events_total)),
            ("notes without an event", str(no_event)),
            ("parts", HELD_OUT_RULE),
            *info,
        ),
        errors=tuple(errors),
    )


def run_extractor(
    rows: Sequence[AcledRow],
    extract_fn: ExtractFn,
    *,
    progress: ProgressFn | None = None,
) -> tuple[dict[str, list[Event]], list[DocumentFailure]]:
    """Events per ``event_id_cnty``; an eventwire error on a note is recorded and scored as no events."""
    return run_extractor_over(
        rows, lambda item: item.event_id_cnty, lambda item: item.to_document(), extract_fn, progress=progress
    )


def evaluate_acled_notes(
    extract_fn: ExtractFn,
    data_dir: Path | str | None = None,
    *,
    part: str = "held_out",
    limit: int | None = None,
    progress: ProgressFn | None = None,
) -> EvaluationReport:
    """Run ``extract_fn`` on the notes of ``part`` (default: the held-out ~20%; the first ``limit``)."""
    root = resolve_data_dir(data_dir)
    rows = rows_for_part(part, root)
    if limit is not None:
        rows = rows[:limit]
    predictions, failures = run_extractor(rows, extract_fn, progress=progress)
    return score_acled_notes(
        rows,
        predictions,
        part=part,
        info=(("data", str(root.resolve())),),
        errors=failures,
    )
