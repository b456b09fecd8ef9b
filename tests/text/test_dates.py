from __future__ import annotations

import datetime as dt

import pytest

from eventwire.text.dates import find_dates

FRIDAY = dt.date(2024, 9, 6)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("the raid last week", "2024-08-26", "2024-09-01", 2),
        ("on Tuesday", "2024-09-03", "2024-09-03", 1),
        ("late Friday", "2024-09-06", "2024-09-06", 1),
        ("last Friday", "2024-08-30", "2024-08-30", 1),
        ("two days ago", "2024-09-04", "2024-09-04", 1),
        ("yesterday", "2024-09-05", "2024-09-05", 1),
        ("earlier this month", "2024-09-01", "2024-09-05", 3),
        ("last month", "2024-08-01", "2024-08-31", 3),
        ("on 29 August 2024", "2024-08-29", "2024-08-29", 1),
        ("Aug. 29", "2024-08-29", "2024-08-29", 1),
        ("August 29, 2024", "2024-08-29", "2024-08-29", 1),
        ("in March", "2024-03-01", "2024-03-31", 3),
        ("9 JAN 90", "1990-01-09", "1990-01-09", 1),
        ("2024-08-29", "2024-08-29", "2024-08-29", 1),
    ],
)
def test_dates_resolve_against_publication(text: str, start: str, end: str, precision: int) -> None:
    (mention,) = find_dates(text, FRIDAY)
    assert (mention.date_start, mention.date_end, mention.precision) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
        precision,
    )
    assert text[mention.start : mention.end] == mention.text


def test_dates_relative_without_publication_stay_text() -> None:
    (mention,) = find_dates("gunmen attacked the town last week", None)
    assert mention.text == "last week"
    assert (mention.date_start, mention.date_end, mention.precision) == (None, None, 4)


def test_dates_may_the_verb_is_not_a_month() -> None:
    assert find_dates("the rebels may attack again", FRIDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "GUERRILLAS ATTACKED THE POST LAST WEEK AND AGAIN ON 9 JAN 90, IN MARCH AND TWO DAYS AGO.",
        "Police said on Tuesday that 15 percent of the 3 May 2024 crowd left by May 5; in may they came.",
    ],
)
def test_dates_in_ascii_text_are_found_as_in_any_other_text(text: str) -> None:
    # ASCII text is matched in lower case without IGNORECASE; one letter outside ASCII takes the other way.
    fast = find_dates(text, FRIDAY)
    other = find_dates(text + " \u00e9", FRIDAY)
    assert fast and fast == other
    assert [d.text for d in fast] == [text[d.start : d.end] for d in fast]
