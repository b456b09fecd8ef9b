"""Composes the stages: inputs → documents → events, one document at a time, errors captured per input.

Bad input never stops a run: each failure comes back as an :class:`~eventwire.errors.EventwireError` naming
the input, in order with the successes, and the caller decides what to print and how to exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.documents.build import build_document
from eventwire.errors import EventwireError, ExtractionError
from eventwire.extraction.pipeline import Extraction, Extractor
from eventwire.models.document import RawItem


@dataclass(slots=True)
class RunReport:
    """Counts for the one-line summary at the end of a run."""

    documents: int = 0
    events: int = 0
    errors: int = 0
    skipped: int = 0
    failures: list[EventwireError] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.documents} document{'s' if self.documents != 1 else ''}",
            f"{self.events} event{'s' if self.events != 1 else ''}",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} already stored")
        parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        return ", ".join(parts)


def process(
    items: Iterable[RawItem | EventwireError],
    extractor: Extractor,
    *,
    published: dt.date | None = None,
    report: RunReport | None = None,
) -> Iterator[Extraction | EventwireError]:
    """Extract every readable item; yield an error (and count it) for every one that is not."""
    report = report if report is not None else RunReport()
    for item in items:
        if isinstance(item, EventwireError):
            report.errors += 1
            report.failures.append(item)
            yield item
            continue
        try:
            doc = build_document(item, published)
            extraction = extractor.run(doc)
        except EventwireError as err:
            report.errors += 1
            report.failures.append(err)
            yield err
            continue
        except (ValueError, IndexError, KeyError, RecursionError) as err:  # a bug must not stop the run
            failure = ExtractionError(f"extraction failed: {type(err).__name__}: {err}", where=item.origin)
            report.errors += 1
            report.failures.append(failure)
            yield failure
            continue
        report.documents += 1
        report.events += len(extraction.events)
        yield extraction
