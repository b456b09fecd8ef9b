"""Result records shared by every ``eventwire evaluate`` benchmark, and their plain-text and JSON forms.

An evaluation produces one :class:`EvaluationReport`. It holds

- ``headline``: the few numbers a run is judged by (fractions in 0..1, e.g. ``("ceaf_ree_f1", 0.5450)``);
- ``tables``: :class:`ScoreTable` s of per-field counts with precision, recall and F1, and where it means
  something an accuracy next to them (each row is a :class:`FieldScore`);
- ``class_scores``: per-label tables of multi-class fields (:class:`ClassScores`) with macro and
  weighted F1;
- ``info``: how the run was made (data folder, split, rules), as ``(key, value)`` strings;
- ``errors``: documents on which the extractor raised an eventwire error (scored as "no events").

Counts are kept as integers and every ratio is computed from them, so reports can be summed or re-scored.
:meth:`EvaluationReport.to_dict` gives JSON-ready data (ratios as fractions rounded to 4 places);
:meth:`EvaluationReport.render_text` gives fixed-width tables with percentages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from eventwire.errors import EventwireError
from eventwire.models.document import Document
from eventwire.models.event import Event

ExtractFn = Callable[[Document], list[Event]]
ProgressFn = Callable[[int, int], None]
_Item = TypeVar("_Item")


def _ratio(numerator: float, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``total`` trials."""

    name: str
    correct: int
    total: int

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "correct": self.correct,
            "total": self.total,
            "value": round(self.value, 4),
        }


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Counts for one field: ``correct`` of ``predicted`` values given, out of ``gold`` values in the key.

    ``precision = correct / predicted``, ``recall = correct / gold`` (0 when the denominator is 0).
    ``accuracy``, where set, is a separate trial count (e.g. over aligned pairs or over all rows) whose
    meaning the table's ``accuracy_label`` states.
    """

    name: str
    correct: int
    predicted: int
    gold: int
    accuracy: Accuracy | None = None

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.gold)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "correct": self.correct,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": self.accuracy.to_dict() if self.accuracy else None,
        }


def micro_total(name: str, rows: Iterable[FieldScore]) -> FieldScore:
    """The micro-average of ``rows``: their counts summed (accuracies summed where every row has one)."""
    rows = list(rows)
    accuracies = [row.accuracy for row in rows]
    accuracy: Accuracy | None = None
    if rows and all(acc is not None for acc in accuracies):
        accuracy = Accuracy(
            name,
            sum(acc.correct for acc in accuracies if acc),
            sum(acc.total for acc in accuracies if acc),
        )
    return FieldScore(
        name,
        correct=sum(row.correct for row in rows),
        predicted=sum(row.predicted for row in rows),
        gold=sum(row.gold for row in rows),
        accuracy=accuracy,
    )


@dataclass(frozen=True, slots=True)
class ScoreTable:
    """A titled table of :class:`FieldScore` rows, with an optional ``total`` (micro-average) row."""

    title: str
    rows: tuple[FieldScore, ...]
    total: FieldScore | None = None
    accuracy_label: str = "accuracy"
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "note": self.note,
            "accuracy_label": self.accuracy_label,
            "rows": [row.to_dict() for row in self.rows],
            "total": self.total.to_dict() if self.total else None,
        }


@dataclass(frozen=True, slots=True)
class ClassScores:
    """Per-label scores of a multi-class field (one :class:`FieldScore` per label, ``gold`` = support).

    ``macro_f1`` is the unweighted mean F1 over the labels listed (every label that is in the key or was
    predicted); ``weighted_f1`` weights each label's F1 by its support in the key.
    """

    title: str
    labels: tuple[FieldScore, ...]
    accuracy: Accuracy

    @property
    def macro_f1(self) -> float:
        return sum(label.f1 for label in self.labels) / len(self.labels) if self.labels else 0.0

    @property
    def weighted_f1(self) -> float:
        support = sum(label.gold for label in self.labels)
        return _ratio(sum(label.f1 * label.gold for label in self.labels), support)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "accuracy": self.accuracy.to_dict(),
            "macro_f1": round(self.macro_f1, 4),
            "weighted_f1": round(self.weighted_f1, 4),
            "labels": [label.to_dict() for label in self.labels],
        }


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    """A document on which the extractor raised an eventwire error; it was scored as giving no events."""

    doc_id: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "message": self.message}


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """The outcome of one evaluation run (see the module docstring)."""

    benchmark: str
    split: str
    documents: int
    headline: tuple[tuple[str, float], ...]
    tables: tuple[ScoreTable, ...] = ()
    class_scores: tuple[ClassScores, ...] = ()
    info: tuple[tuple[str, str], ...] = ()
    errors: tuple[DocumentFailure, ...] = ()

    def metric(self, name: str) -> float:
        """A headline number by name (KeyError if there is none)."""
        for key, value in self.headline:
            if key == name:
                return value
        raise KeyError(name)

    def table(self, title: str) -> ScoreTable:
        """A table by title (KeyError if there is none)."""
        for table in self.tables:
            if table.title == title:
                return table
        raise KeyError(title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark,
            "split": self.split,
            "documents": self.documents,
            "headline": {key: round(value, 4) for key, value in self.headline},
            "tables": [table.to_dict() for table in self.tables],
            "class_scores": [scores.to_dict() for scores in self.class_scores],
            "info": dict(self.info),
            "errors": [error.to_dict() for error in self.errors],
        }

    def render_text(self, *, per_label: bool = True) -> str:
        """Fixed-width plain text: headline, each table, each per-label table (``per_label``), info."""
        return render_text(self, per_label=per_label)


def _pct(value: float) -> str:
    return f"{100 * value:6.2f}"


def _table_lines(title: str, rows: list[FieldScore], total: FieldScore | None, acc_label: str) -> list[str]:
    show_acc = any(row.accuracy is not None for row in [*rows, *([total] if total else [])])
    width = max([len("field"), *(len(row.name) for row in rows), *([len(total.name)] if total else [])])
    header = f"{'field':<{width}}  {'correct':>7}  {'pred':>6}  {'gold':>6}  {'P':>6}  {'R':>6}  {'F1':>6}"
    if show_acc:
        header += f"  {acc_label}"
    lines = [title, "-" * len(title), header]

    def line(row: FieldScore) -> str:
        text = (
            f"{row.name:<{width}}  {row.correct:>7}  {row.predicted:>6}  {row.gold:>6}"
            f"  {_pct(row.precision)}  {_pct(row.recall)}  {_pct(row.f1)}"
        )
        if show_acc and row.accuracy is not None:
            acc = row.accuracy
            text += f"  {_pct(acc.value)} ({acc.correct}/{acc.total})"
        return text

    lines.extend(line(row) for row in rows)
    if total is not None:
        lines.append("-" * len(header))
        lines.append(line(total))
    return lines


def render_text(report: EvaluationReport, *, per_label: bool = True) -> str:
    """The report as plain text (percentages with two decimals); see :meth:`EvaluationReport.render_text`."""
    lines = [
        f"eventwire evaluate {report.benchmark} — split {report.split}, {report.documents} documents",
        "",
    ]
    if report.headline:
        width = max(len(key) for key, _ in report.headline)
        lines.extend(f"  {key:<{width}}  {_pct(value)}" for key, value in report.headline)
        lines.append("")
    for table in report.tables:
        lines.extend(_table_lines(table.title, list(table.rows), table.total, table.accuracy_label))
        if table.note:
            lines.append(f"  ({table.note})")
        lines.append("")
    for scores in report.class_scores:
        summary = (
            f"accuracy {_pct(scores.accuracy.value).strip()}% ({scores.accuracy.correct}/"
            f"{scores.accuracy.total}), macro F1 {_pct(scores.macro_f1).strip()}%, "
            f"weighted F1 {_pct(scores.weighted_f1).strip()}%"
        )
        if per_label:
            lines.extend(_table_lines(scores.title, list(scores.labels), None, ""))
        else:
            lines.extend([scores.title, "-" * len(scores.title)])
        lines.append(f"  {summary}")
        lines.append("")
    if report.errors:
        lines.append(f"extractor errors ({len(report.errors)} documents, scored as no events):")
        lines.extend(f"  {error.doc_id}: {error.message}" for error in report.errors[:20])
        if len(report.errors) > 20:
            lines.append(f"  … and {len(report.errors) - 20} more")
        lines.append("")
    for key, value in report.info:
        lines.append(f"{key}: {value}")
    return "\n".join(lines).rstrip() + "\n"


def run_extractor_over(
    items: Sequence[_Item],
    key: Callable[[_Item], str],
    to_document: Callable[[_Item], Document],
    extract_fn: ExtractFn,
    *,
    progress: ProgressFn | None = None,
) -> tuple[dict[str, list[Event]], list[DocumentFailure]]:
    """Events per ``key(item)`` for every benchmark item; an eventwire error on one (building its document
    or extracting) is recorded and the item scored as giving no events."""
    predictions: dict[str, list[Event]] = {}
    failures: list[DocumentFailure] = []
    for number, item in enumerate(items, start=1):
        name = key(item)
        try:
            predictions[name] = list(extract_fn(to_document(item)))
        except EventwireError as error:
            predictions[name] = []
            failures.append(DocumentFailure(name, str(error)))
        if progress is not None:
            progress(number, len(items))
    return predictions, failures
