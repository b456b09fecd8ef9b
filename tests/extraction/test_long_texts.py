"""A long text (a report, a transcript, a page of many articles) costs work in proportion to its length.

Grouping once compared every mention with every member of every event before it, and each event's
sentences were matched against all of a text's places and dates: 600 repeats of one sentence took 23 s,
1,000 took 88 s. Time on a shared machine is no measure, so these tests count the Python calls the event
stages make: linear work grows ten times from 30 to 300 reports (8 and 10 times now); the old work grew
290 and 640 times.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from eventwire.documents.dateline import dateline_spans
from eventwire.extraction.context import Context
from eventwire.extraction.events import GROUPING_REACH, build_event, group_mentions
from eventwire.extraction.toponyms import find_toponyms
from eventwire.models.document import Document
from eventwire.text.dates import find_dates

_PUBLISHED = dt.date(2024, 9, 6)
_REPORT = "Gunmen killed 12 villagers in Kolofata, Cameroon, on Monday, 2 September, police said. "
# Reports of several events, each named again in later paragraphs: several groups, each growing.
_REPORTS = (
    "Gunmen killed 12 villagers in Kolofata, Cameroon, on Monday, 2 September, police said. "
    "Protesters marched through Maroua on Tuesday, 3 September, demanding better security. "
    "Soldiers arrested five suspects in Mora on Wednesday, 4 September, the army said. "
    "A bomb exploded at a market in Kousseri on Thursday, killing three traders. "
)


def _calls(run: Callable[[], object]) -> int:
    """The Python and built-in calls made while ``run`` runs."""
    count = 0

    def tally(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in {"call", "c_call"}:
            count += 1

    sys.setprofile(tally)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def _event_stages(extractor: Any, text: str) -> Callable[[], object]:
    """Grouping and event assembly for ``text``, as the extractor runs them, ready to run."""
    doc = Document(id="long", text=text, published=_PUBLISHED)
    lower, _, _, mentions, _ = extractor._read(text)
    ctx = Context(
        doc,
        lower,
        find_toponyms(text, extractor.gazetteer),
        find_dates(text, _PUBLISHED),
        dateline_spans(text),
        seat_of=extractor.gazetteer.admin1_seat,
        country_named=extractor.gazetteer.country_named,
    )

    def run() -> object:
        built = []
        for group in group_mentions(mentions, ctx):
            actors = [
                a
                for m in group.mentions
                for a in extractor.actors.find(text, m.sentence.start, m.sentence.end)
            ]
            built.append(build_event(group, ctx, actors, extractor.generic))
        return built

    return run


@pytest.mark.parametrize("report", [_REPORT, _REPORTS], ids=["one-event", "several-events"])
def test_event_stages_work_in_proportion_to_the_text(extractor: Any, report: str) -> None:
    short = _calls(_event_stages(extractor, report * 30))
    long = _calls(_event_stages(extractor, report * 300))
    assert long < 15 * short, (short, long)


def test_a_report_pages_after_an_event_is_another_event(extractor: Any) -> None:
    # Nothing happens in between: in an article the two reports are one event; in a text longer than any
    # article (a page of many), the second is about another day's killing, named alike.
    between = "The market reopened and traders returned to their stalls. "
    near = _REPORT + between * 50 + _REPORT
    far = _REPORT + between * (GROUPING_REACH // len(between) + 10) + _REPORT
    for text, events in ((near, 1), (far, 2)):
        result = extractor.run(Document(id="t", text=text, published=_PUBLISHED))
        assert len(result.events) == events, [r.reason for r in result.rejections]
