from __future__ import annotations

import datetime as dt

import pytest

from eventwire.text import dates
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
        ("two strong explosions a few minutes ago", "2024-09-06", "2024-09-06", 1),
        ("kidnapped in the past few hours", "2024-09-05", "2024-09-06", 1),
        ("yesterday", "2024-09-05", "2024-09-05", 1),
        ("earlier this month", "2024-09-01", "2024-09-05", 3),
        ("last month", "2024-08-01", "2024-08-31", 3),
        ("on 29 August 2024", "2024-08-29", "2024-08-29", 1),
        ("Aug. 29", "2024-08-29", "2024-08-29", 1),
        ("August 29, 2024", "2024-08-29", "2024-08-29", 1),
        ("in March", "2024-03-01", "2024-03-31", 3),
        ("9 JAN 90", "1990-01-09", "1990-01-09", 1),
        ("2024-08-29", "2024-08-29", "2024-08-29", 1),
        ("on August the 29th", "2024-08-29", "2024-08-29", 1),
        # A day of the month alone is in the publication's month, or the month before.
        ("gunmen struck on the 4th, police said", "2024-09-04", "2024-09-04", 1),
        ("ON THE NIGHT OF THE 30TH", "2024-08-30", "2024-08-30", 1),
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


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        # ACLED's "around" dates and wire copy's "overnight between": one interval, the year from the start.
        ("Around 27 July 2020 (between 27 -28 July), militants", "2020-07-27", "2020-07-27", "2020-07-28", 2),
        ("Overnight between 5 and 6 April 2020, miners clashed", "2020-04-05", "2020-04-05", "2020-04-06", 2),
        ("Overnight between November 7-8 2019, forces engaged", "2019-11-07", "2019-11-07", "2019-11-08", 2),
        ("(from 30 April to 2 May) the strike went on", "2020-05-01", "2020-04-30", "2020-05-02", 2),
        ("between 30 December and 2 January", "2021-01-01", "2020-12-30", "2021-01-02", 2),
    ],
)
def test_dates_ranges_of_days_are_one_interval(
    text: str, published: str, start: str, end: str, precision: int
) -> None:
    mention = find_dates(text, dt.date.fromisoformat(published))[-1]
    assert (mention.date_start, mention.date_end, mention.precision) == (
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end),
        precision,
    )


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("on 28 July", "2020-07-27", "2020-07-28"),  # tomorrow, not a year ago: a plan if anything
        ("on 29 July", "2020-07-27", "2020-07-29"),
        ("on 30 July", "2020-07-27", "2019-07-30"),
        ("on 2 January", "2020-12-31", "2021-01-02"),
        ("on 30 December", "2021-01-02", "2020-12-30"),
        ("on 29 February", "2021-03-01", "2020-02-29"),
    ],
)
def test_dates_day_and_month_a_day_or_two_after_publication_stay_in_its_year(
    text: str, published: str, day: str
) -> None:
    (mention,) = find_dates(text, dt.date.fromisoformat(published))
    assert mention.date_start == mention.date_end == dt.date.fromisoformat(day)


@pytest.mark.parametrize(
    ("text", "said", "day"),
    [
        ("WAS KILLED ON MONDAY, 4 AUGUST.", "MONDAY, 4 AUGUST.", "2024-08-04"),
        ("KIDNAPPED IN DOWNTOWN LIMA WEDNESDAY [4 OCTOBER] BY", "WEDNESDAY [4 OCTOBER]", "2023-10-04"),
        ("murdered on Friday 28 July in Medellin", "Friday 28 July", "2024-07-28"),
        ("last Thursday (Aug. 22) the army", "last Thursday (Aug. 22)", "2024-08-22"),
        ("on Tuesday, Sept. 3, 2024, gunmen", "Tuesday, Sept. 3, 2024", "2024-09-03"),
    ],
)
def test_dates_a_weekday_with_its_date_is_that_date(text: str, said: str, day: str) -> None:
    # Resolved on its own, "Monday" would be the last Monday before publication, a month after the date.
    (mention,) = find_dates(text, FRIDAY)
    assert mention.text == said == text[mention.start : mention.end]
    assert mention.date_start == mention.date_end == dt.date.fromisoformat(day)
    assert mention.precision == 1


def test_dates_a_weekday_apart_from_a_date_stays_a_weekday() -> None:
    found = find_dates("police said on Tuesday that on 29 August gunmen attacked", FRIDAY)
    assert [(d.text, d.date_start) for d in found] == [
        ("Tuesday", dt.date(2024, 9, 3)),
        ("29 August", dt.date(2024, 8, 29)),
    ]


def test_dates_numbers_of_people_are_no_range() -> None:
    assert find_dates("between 10 and 15 people were killed", FRIDAY) == []


_WIRE = " ".join(
    [
        "BOGOTA, 9 JAN 90 -- Police said on Tuesday that the day before yesterday, between 4 - 5 October",
        "and from 30 April to 2 May 1989, guerrillas attacked the post. Two days ago, a few minutes ago,",
        "several hours ago and in the past few hours the army reported clashes; last night, overnight, this",
        "morning and earlier this week, as in early March, in 1988, since 1985, during 1990 and of 1987, the",
        "rebels struck. On Sept. 3, 1989, and November 7-8 2019, 2019-11-08, three weeks ago, last month,",
        "last year and over the weekend they returned; them, then, this town, a man, in the city, of the",
        "people and some time later they left.",
    ]
)


@pytest.mark.parametrize("text", [_WIRE, _WIRE.upper(), _WIRE.lower(), _WIRE + " \u00e9t\u00e9"])
def test_dates_are_tried_only_where_one_can_start_yet_all_are_found(text: str) -> None:
    # The scan for the words a date can open with turns most words away; what it lets through must hold
    # every position where the full pattern matches (each kind of pattern appears above).
    if text.isascii():
        pattern, starts, subject = dates._LOWER_DATE_RE, dates._LOWER_DATE_START_RE, text.lower()
    else:
        pattern, starts, subject = dates._DATE_RE, dates._DATE_START_RE, text
    full = [(m.span(), m.lastgroup) for m in pattern.finditer(subject)]
    assert len(full) >= 20
    assert [
        (m.span(), m.lastgroup) for m in dates._date_matches(pattern, starts, subject, 0, len(text))
    ] == full
    assert [(m.span(), m.lastgroup) for m in dates._date_matches(pattern, starts, subject, 50, 400)] == [
        (m.span(), m.lastgroup) for m in pattern.finditer(subject, 50, 400)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "forces fired artillery shells at Ad Dubyani area of July 7 neighbourhood in the northeast",
        "forces fired machine guns at 7 July and Engineering College areas of Hudaydah city",
        "a march along 26 September Street in Sanaa",
        "FORCES FIRED AT 7 JULY AND ENGINEERING COLLEGE AREAS OF HUDAYDAH",
    ],
)
def test_a_day_and_month_that_name_a_place_are_no_date(text: str) -> None:
    assert find_dates(text, dt.date(2020, 5, 6)) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The July 7 camp massacre left 40 dead.", dt.date(2020, 7, 7)),
        ("Police said the 12 May airport bombing was planned abroad.", dt.date(2020, 5, 12)),
        ("FIGHTERS RESUMED 7 JULY AND ENGINEERING COLLEGE ATTACKS", dt.date(2020, 7, 7)),
    ],
)
def test_a_day_and_month_before_a_place_word_and_an_act_dates_the_act(text: str, day: dt.date) -> None:
    (found,) = find_dates(text, dt.date(2020, 7, 9))
    assert found.date_start == day


def test_a_day_and_month_before_a_place_word_after_on_is_a_date() -> None:
    (found,) = find_dates("On 7 July areas of the city were shelled.", dt.date(2020, 7, 9))
    assert found.date_start == dt.date(2020, 7, 7)


def test_a_number_after_a_month_day_and_comma_counts_people_not_years() -> None:
    (found,) = find_dates("On April 23, 23 individuals were executed.", dt.date(2020, 5, 6))
    assert (found.text, found.date_start) == ("April 23", dt.date(2020, 4, 23))
    (dated,) = find_dates("BOGOTA, MAY 5, 89 -- the army said", dt.date(1989, 5, 6))
    assert dated.date_start == dt.date(1989, 5, 5)


def test_dates_the_day_of_a_world_time_gloss_is_no_date() -> None:
    # "AT 1950 (0050 GMT 18 OCTOBER)": 18 October is the clock's day in GMT; the local day is the 17th.
    text = "AT 1950 (0050 GMT 18 OCTOBER), URBAN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS."
    assert find_dates(text, dt.date(1989, 10, 17)) == []
    assert [d.start for d in find_dates("On 18 October (0050 GMT) guerrillas attacked.", None)] == [3]
    assert find_dates("AT 19:50 LOCAL TIME (23:50 GMT ON 18 OCTOBER) GUERRILLAS ATTACKED.", None) == []
    # Outside such a gloss the day after a world time is the event's.
    found = find_dates("A bomb exploded in Kabul at 0300 GMT on 28 December.", dt.date(2024, 12, 30))
    assert [d.date_start for d in found] == [dt.date(2024, 12, 28)]


def test_dates_a_day_of_the_month_alone_is_never_ahead_of_publication() -> None:
    # Published Friday 6 September: "the 7th" was in August, and "the 31st" is in August too.
    assert [m.date_start for m in find_dates("killed on the 7th", FRIDAY)] == [dt.date(2024, 8, 7)]
    march = dt.date(2024, 3, 14)  # February has no 30th: the 30th told in March is January's
    assert [m.date_start for m in find_dates("killed on the 30th", march)] == [dt.date(2024, 1, 30)]


def test_dates_an_ordinal_that_counts_something_is_no_day() -> None:
    for text in (
        "on the 3rd floor",
        "the 10th anniversary of the attack",
        "of the 21st century",
        "on the 2nd attempt",
        "the 5th battalion",
    ):
        assert find_dates(text, FRIDAY) == [], text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Russia fired missiles overnight on Monday.", dt.date(2024, 3, 11)),
        ("DRONES ATTACKED KYIV OVERNIGHT INTO TUESDAY.", dt.date(2024, 3, 12)),
        ("Drones attacked Kyiv overnight.", dt.date(2024, 3, 13)),  # the night before publication
    ],
)
def test_dates_a_night_named_by_its_day(text: str, day: dt.date) -> None:
    (date,) = find_dates(text, dt.date(2024, 3, 14))
    assert (date.date_start, date.precision) == (day, 1)
