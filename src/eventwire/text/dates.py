"""Date expressions in news text, resolved against the publication date.

``find_dates(text, published)`` returns every date expression with its offsets and the interval it
allows. Relative expressions ("last week", "on Tuesday", "two days ago", "earlier this month") need a
publication date; without one they are kept as text with ``precision`` 4 and null dates, never today's
date in disguise.

Conventions (documented in docs/record.md):
- a weekday ("on Tuesday", "late Friday", "Tuesday night") is the most recent such day on or before
  publication (wire copy says "on Friday" for the day it is filed); "last Tuesday" is strictly before;
  a weekday with its date ("on Monday, 4 August", FBIS's "WEDNESDAY [4 OCTOBER]") is one mention, of
  that date;
- "last week" is the previous Monday..Sunday calendar week; "this week"/"earlier this week" run from this
  week's Monday to publication;
- "earlier this month" runs from the 1st to the day before publication; "last month" is the previous
  calendar month;
- "overnight" / "last night" are the day before publication;
- a day and month without a year is the most recent such date on or before publication, or a day or two
  after it (``NEAR_FUTURE_DAYS``): "on 28 July" in a report of 27 July is tomorrow, not a year ago;
- a range of days ("between 4 - 5 October", "overnight between 5 and 6 April 2020", "November 7-8",
  "from 30 April to 2 May") is one interval; without a year its first day is placed as a single day is;
- a day of the month alone ("on the 10th", "the night of the 9th") is the latest such day on or before
  publication;
- two-digit years (MUC-4's "10 JAN 90") are 19xx when they would otherwise lie in the future.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from eventwire.text.numbers import word_number

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A bare two-digit year is no year before a word: "On April 23, 23 individuals were executed" counts them.
_YEAR = r"(?P<year>(?:1[89]|20)\d\d|'\d\d|\d\d(?!\s+[a-z]))"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_MONTH2 = r"(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)\b"
# "4 - 5", "4-5", "5 and 6", "7 to 9": the two ends of a range of days.
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|and|until|till)\s+)"
_RANGE_LEAD = r"(?:(?:overnight\s+)?between\s+|from\s+)?"
_NUM = r"(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_COUNT = _NUM.replace("(?P<num>", "(?:")  # the same, where the number itself is not needed
# "on the 10th", "the night of the 9th": a day of the month alone. Not "on the 3rd floor", "of the 21st
# century", "the 10th anniversary": only punctuation or a word that opens no noun phrase may follow.
_ORDINAL_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
_NO_NOUN_AFTER = (
    r"(?=\s*(?:[,.;:)\]]|$)|\s+(?:of\s+(?:this|last|the)\s+month|at|in|when|as|after|before|near|while|"
    r"and|around|during|morning|afternoon|evening|night|gunmen|police|soldiers|militants|the|a|an)\b)"
)

# Order matters: longer, more specific forms first. A new form's first word must be one that
# _FIRST_WORDS or _FIRST_PHRASES lets through.
_PATTERNS: list[tuple[str, str]] = [
    ("day_range", rf"\b{_RANGE_LEAD}{_DAY}{_TO}{_DAY2}\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+{_YEAR4})?"),
    (
        "month_range",
        rf"\b{_RANGE_LEAD}{_DAY}\s+(?:of\s+)?{_MONTH}{_TO}{_DAY2}\s+(?:of\s+)?{_MONTH2}(?![a-z])(?:,?\s+{_YEAR4})?",
    ),
    ("month_day_range", rf"\b{_RANGE_LEAD}{_MONTH}\s+{_DAY}{_TO}{_DAY2}\b(?:,?\s+{_YEAR4})?"),
    ("iso", r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])"),
    ("month_day", rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b(?!\s*(?:%|percent|people|killed))"),
    ("month_year", rf"\b{_MONTH},?\s+(?P<year>(?:1[89]|20)\d\d)\b"),
    ("day_before_yesterday", r"\b(?:the\s+)?day\s+before\s+yesterday\b"),
    ("yesterday", r"\b(?:yesterday|last\s+night)\b"),
    ("overnight", r"\bovernight\b"),
    ("today", r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("days_ago", rf"\b{_NUM}\s+days?\s+ago\b"),
    ("weeks_ago", rf"\b{_NUM}\s+weeks?\s+ago\b"),
    ("months_ago", rf"\b{_NUM}\s+months?\s+ago\b"),
    ("years_ago", rf"\b{_NUM}\s+years?\s+ago\b"),
    ("last_weekend", r"\b(?:last|this\s+past|over\s+the)\s+weekend\b"),
    ("last_week", r"\b(?:last|this\s+past)\s+week\b"),
    ("earlier_this_week", r"\b(?:earlier\s+)?this\s+week\b"),
    ("last_month", r"\blast\s+month\b"),
    ("earlier_this_month", r"\b(?:earlier|late|early)\s+this\s+month\b|\bthis\s+month\b"),
    ("last_year", r"\blast\s+year\b"),
    ("recent_days", r"\bin\s+(?:recent|the\s+past\s+few|the\s+last\s+few)\s+days\b"),
    ("minutes_ago", rf"\b(?:a\s+few|several|some|{_COUNT})\s+(?:minutes?|hours?)\s+ago\b"),
    (
        "recent_hours",
        rf"\b(?:in|during|over|within)\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|{_COUNT}\s+)?hours\b",
    ),
    ("last_weekday", rf"\blast\s+{_WEEKDAY}\b"),
    ("weekday", rf"\b{_WEEKDAY}\b"),
    ("day_of_month", rf"(?:(?<=\bon\s)|(?<=\bof\s))the\s+{_ORDINAL_DAY}{_NO_NOUN_AFTER}"),
    ("in_month", rf"\bin\s+(?:early\s+|late\s+|mid-?)?{_MONTH}(?![a-z])(?!\s+\d)"),
    ("year", r"\b(?:in|since|during|of)\s+(?P<year>(?:19|20)\d\d)\b"),
]
# Group names repeat across alternatives, which `re` forbids in one pattern: prefix them per alternative.
_GROUP_NAMES = ("month", "month2", "day", "day2", "year", "weekday", "num", "iy", "im", "id")
NEAR_FUTURE_DAYS = 2
"""A day and month without a year this close after publication is that day, not the same day a year ago."""


def _compile(flags: int = re.IGNORECASE) -> re.Pattern[str]:
    parts = []
    for kind, pattern in _PATTERNS:
        for name in _GROUP_NAMES:
            pattern = pattern.replace(f"(?P<{name}>", f"(?P<{kind}__{name}>")
        parts.append(f"(?P<k_{kind}>{pattern})")
    # Every alternative starts a word: one look-ahead turns away the other positions at once.
    return re.compile(r"\b(?=\w)(?:" + "|".join(parts) + ")", flags)


# What every date expression opens with: a digit, one of these whole words, or one of the short words of
# _FIRST_PHRASES followed by what the patterns allow after it. ``re`` tries each of the thirty-odd
# patterns at every word of the text; most words ("the", "a", "in", "said") open none, and this scan
# turns them away at the cost of one trie walk.
_FIRST_WORDS = (
    *MONTHS, *WEEKDAYS, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "overnight", "yesterday", "today", "tonight", "last", "earlier", "late", "early",
)  # fmt: skip
_FIRST_PHRASES = (
    r"(?:between|from)(?=\s+[\djfmasond])",  # a day or a month: "from 30 April", "between 4 - 5 October"
    r"the(?=\s+(?:day|[0-3]?\d(?:st|nd|rd|th)\b))",  # "the day before yesterday", "on the 10th"
    r"day(?=\s+before)",
    r"this(?=\s+[mapwe])",  # morning, afternoon, evening, past, week, month
    r"an?(?=\s+[fmhdwy])",  # a few, minutes, hours, days, weeks, months, years
    r"(?:several|some)(?=\s+[mh])",  # minutes, hours
    r"(?:over|within)(?=\s+the)",
    r"during(?=\s+[t12])",  # "during the past hours", "during 1990"
    r"in(?=\s+[relmt12jfasond])",  # recent, the, early, late, mid, a year, a month
    r"(?:of|since)(?=\s+[12])",  # a year
)


def _trie(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` grouped by first letter: ``re`` turns a branch away on its first letter
    at once, so a word is compared with the few words of its letter rather than with all of them."""
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = [
        first + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for first, rests in sorted(by_letter.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _compile_first(flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # Only the first word is consumed (the rest is look-ahead): a scan that swallowed "of 2" would step
    # over the "29 April" of "of 29 April".
    return re.compile(r"\b(?:\d|" + _trie(_FIRST_WORDS) + r"\b|" + "|".join(_FIRST_PHRASES) + ")", flags)


_DATE_RE = _compile()
_DATE_START_RE = _compile_first()
# The same pattern without IGNORECASE, for ASCII text in lower case: it finds the same matches at the same
# offsets, in less than half the time (``re`` folds the case of every character it compares otherwise).
# Only for ASCII: IGNORECASE also matches a few other letters to ASCII ones ("\u212a", the Kelvin sign,
# to "k"), which lower case does not.
_LOWER_DATE_RE = _compile(0)
_LOWER_DATE_START_RE = _compile_first(0)
# Each kind's own groups: (short name, group name in _DATE_RE).
_KIND_GROUPS = {
    kind: tuple(
        (name, f"{kind}__{name}") for name in _GROUP_NAMES if f"{kind}__{name}" in _DATE_RE.groupindex
    )
    for kind, _ in _PATTERNS
}

RELATIVE_KINDS = frozenset(
    {
        "day_before_yesterday", "yesterday", "overnight", "today", "days_ago", "weeks_ago", "months_ago",
        "years_ago", "last_weekend", "last_week", "earlier_this_week", "last_month", "earlier_this_month",
        "last_year", "recent_days", "minutes_ago", "recent_hours", "last_weekday", "weekday",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: offsets into the text, the interval it allows, and its precision.

    ``precision``: 1 day, 2 week, 3 month, 4 year or vaguer. ``start``/``end`` of the interval are None
    when the expression cannot be resolved (no publication date for a relative expression).
    """

    start: int
    end: int
    text: str
    kind: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: int

    @property
    def resolved(self) -> bool:
        return self.date_start is not None


def _year(value: str, published: dt.date | None) -> int:
    value = value.lstrip("'")
    if len(value) == 4:
        return int(value)
    base = published.year if published else 2000
    year = 2000 + int(value)
    return year if year <= base + 1 else year - 100


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _previous_month(day: dt.date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def _amount(value: str) -> int:
    value = value.lower()
    if value in {"a", "an"}:
        return 1
    return word_number(value) or 0


Interval = tuple[dt.date, dt.date, int]


def _resolve_relative(kind: str, g: dict[str, str | None], pub: dt.date) -> Interval | None:
    """The interval a relative expression allows, given the publication date."""
    one = dt.timedelta(days=1)
    monday = pub - dt.timedelta(days=pub.weekday())
    if kind in {"today", "minutes_ago"}:  # "a few minutes ago", "two hours ago"
        return pub, pub, 1
    if kind == "recent_hours":  # "in the past few hours" may reach back into yesterday
        return pub - one, pub, 1
    if kind in {"yesterday", "overnight"}:
        return pub - one, pub - one, 1
    if kind == "day_before_yesterday":
        return pub - 2 * one, pub - 2 * one, 1
    if kind == "days_ago":
        day = pub - _amount(g["num"] or "0") * one
        return day, day, 1
    if kind == "weeks_ago":
        ref = pub - dt.timedelta(weeks=_amount(g["num"] or "0"))
        start = ref - dt.timedelta(days=ref.weekday())
        return start, start + 6 * one, 2
    if kind == "months_ago":
        year, month = pub.year, pub.month
        for _ in range(_amount(g["num"] or "0")):
            year, month = _previous_month(dt.date(year, month, 1))
        return (*_month_bounds(year, month), 3)
    if kind in {"years_ago", "last_year"}:
        year = pub.year - (_amount(g["num"] or "1") if kind == "years_ago" else 1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), 4
    if kind == "last_weekend":
        saturday = monday - 2 * one
        if pub.weekday() == 6:  # published on a Sunday: "this past weekend" is the one just ending
            saturday = pub - one
        return saturday, saturday + one, 2
    if kind == "last_week":
        start = monday - 7 * one
        return start, start + 6 * one, 2
    if kind == "earlier_this_week":
        return monday, max(monday, pub), 2
    if kind == "last_month":
        return (*_month_bounds(*_previous_month(pub)), 3)
    if kind == "earlier_this_month":
        first = pub.replace(day=1)
        return first, max(first, pub - one), 3
    if kind == "recent_days":
        return pub - 7 * one, pub, 2
    if kind in {"weekday", "last_weekday"}:
        target = WEEKDAYS[(g["weekday"] or "").lower()]
        back = (pub.weekday() - target) % 7
        if kind == "last_weekday" and back == 0:
            back = 7
        day = pub - back * one
        return day, day, 1
    return None


def _yearless(month: int, day: int, pub: dt.date | None) -> dt.date | None:
    """A day and month without a year: the most recent such day on or before publication, unless it
    falls at most ``NEAR_FUTURE_DAYS`` after it."""
    if pub is None:
        return None
    # A day or two after publication across New Year ("2 January" on 31 December) is the next year's.
    soon = _safe_date(pub.year + 1, month, day)
    if soon is not None and (soon - pub).days <= NEAR_FUTURE_DAYS:
        return soon
    date = _safe_date(pub.year, month, day)
    if date is not None and (date - pub).days <= NEAR_FUTURE_DAYS:
        return date
    return _safe_date(pub.year - 1, month, day)


def _day_of_month(day: int, pub: dt.date | None) -> Interval | None:
    """ "On the 10th": the latest such day on or before publication: in the publication's month, else in
    the month before (or the one before that: "the 30th" told in March is January's, February has none).
    A bare ordinal tells what was, so unlike a named date it is never a day or two ahead."""
    if pub is None:
        return None
    year, month = pub.year, pub.month
    for _ in range(3):
        date = _safe_date(year, month, day)
        if date is not None and date <= pub:
            return date, date, 1
        year, month = _previous_month(dt.date(year, month, 1))
    return None


def _resolve_range(month: int, g: dict[str, str | None], pub: dt.date | None) -> Interval | None:
    """A range of days ("between 4 - 5 October", "from 30 April to 2 May 2020"): first day to last."""
    last_month = MONTHS.get((g.get("month2") or "").lower().rstrip("."), month)
    first_day, last_day = int(g["day"] or 0), int(g["day2"] or 0)
    if g.get("year"):
        year = int(g["year"] or 0)
        end = _safe_date(year, last_month, last_day)
        first_year = year if (month, first_day) <= (last_month, last_day) else year - 1
        start = _safe_date(first_year, month, first_day)
    else:
        start = _yearless(month, first_day, pub)
        if start is None:
            return None
        end = _safe_date(start.year if (month, first_day) <= (last_month, last_day) else start.year + 1,
                         last_month, last_day)  # fmt: skip
    if start is None or end is None or end < start:
        return None
    days = (end - start).days
    return start, end, 1 if days == 0 else 2 if days <= 7 else 3


def _resolve_absolute(kind: str, g: dict[str, str | None], pub: dt.date | None) -> Interval | None:
    if kind == "iso":
        day = _safe_date(int(g["iy"] or 0), int(g["im"] or 0), int(g["id"] or 0))
        return (day, day, 1) if day else None
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if kind in {"day_month_year", "month_day_year"} and month:
        day = _safe_date(_year(g["year"] or "", pub), month, int(g["day"] or 0))
        return (day, day, 1) if day else None
    if kind in {"day_month", "month_day"} and month:
        day = _yearless(month, int(g["day"] or 0), pub)
        return (day, day, 1) if day else None
    if kind in {"day_range", "month_range", "month_day_range"} and month:
        return _resolve_range(month, g, pub)
    if kind == "month_year" and month:
        return (*_month_bounds(int(g["year"] or 0), month), 3)
    if kind == "in_month" and month:
        if pub is None:
            return None
        year = pub.year if month <= pub.month else pub.year - 1
        return (*_month_bounds(year, month), 3)
    if kind == "day_of_month":
        return _day_of_month(int(g["day"] or 0), pub)
    if kind == "year":
        year = int(g["year"] or 0)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), 4
    return None


# A weekday or month word that is something else: "May" the modal verb, "March" the verb.
_FALSE_MONTH = re.compile(r"^(?:may|march)$", re.IGNORECASE)

# What may stand between a weekday and the date that says which one it is: "on Monday, 4 August",
# "FRIDAY 28 JULY", and FBIS's editors' gloss "WEDNESDAY [4 OCTOBER]".
_WEEKDAY_GLOSS = re.compile(r"\s*,?\s*[\[(]?\s*")
# A day and month that name a place or a body ("the July 7 neighbourhood", "7 July and Engineering College
# areas", "26 September Street", "the March 23 Movement"): no date of anything that happened there.
_NAME_AFTER = re.compile(
    r"(?:\s+(?i:and|&)\s+(?:[A-Z][\w'-]*\s+){1,3}|\s+)"
    r"(?i:neighbou?rhoods?|districts?|streets?|avenues?|squares?|roads?|bridges?|stadiums?|areas?|quarters?|"
    r"camps?|city|park|hospital|university|school|airport|port|brigades?|battalions?|movement|alliance)\b"
    # ... unless an act follows: "the July 7 camp massacre", "the 12 May airport bombing" date the act.
    r"(?!\s+(?i:massacres?|bombings?|shootings?|attacks?|raids?|blasts?|explosions?|killings?|strikes?|fires?"
    r"|siege|clashes|riots?|protests?)\b)"
)
_TIME_BEFORE = re.compile(r"\b(?:on|since|until|by)\s+$", re.IGNORECASE)  # "on 7 July areas were shelled"
# "AT 1950 (0050 GMT 18 OCTOBER)": the day of a clock time given in world time, across midnight from the
# local day the report tells of; the local day is the event's. Only such a bracketed gloss: "at 0300 GMT
# on 28 December" gives the event's own day.
_WORLD_TIME_BEFORE = re.compile(
    r"\(\s*\d{1,2}:?\d{2}(?:\s*(?:hours|hrs|h))?\s*(?:gmt|utc)\s*,?\s*(?:on\s+)?$", re.IGNORECASE
)
_NAMED_KINDS = frozenset({"day_month", "month_day"})
_WEEKDAY_KINDS = frozenset({"weekday", "last_weekday"})
# Dates that name their day outright ("29 October", "Oct. 29, 2020", "2020-10-29"), not relative ones.
DAY_KINDS = frozenset({"iso", "day_month_year", "month_day_year", "day_month", "month_day"})


def find_dates(
    text: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, with absolute offsets, resolved against ``published``."""
    found: list[DateMention] = []
    stop = len(text) if end is None else end
    if text.isascii():
        matches = _date_matches(_LOWER_DATE_RE, _LOWER_DATE_START_RE, text.lower(), start, stop)
    else:
        matches = _date_matches(_DATE_RE, _DATE_START_RE, text, start, stop)
    for match in matches:
        kind = (match.lastgroup or "k_")[2:]
        # The text of each group from ``text`` itself (the match may have read it in lower case).
        groups = {name: _group(text, match, group) for name, group in _KIND_GROUPS[kind]}
        month_word = groups.get("month")
        if (
            month_word
            and _FALSE_MONTH.match(month_word)
            and kind in {"in_month", "month_day", "month_day_range"}
            and not month_word[0].isupper()
        ):
            continue
        if (
            kind in _NAMED_KINDS
            and _NAME_AFTER.match(text, match.end())
            and not _TIME_BEFORE.search(text, max(0, match.start() - 7), match.start())
        ):
            continue
        if _WORLD_TIME_BEFORE.search(text, max(0, match.start() - 24), match.start()):
            continue
        if kind in RELATIVE_KINDS:
            interval = _resolve_relative(kind, groups, published) if published else None
        else:
            interval = _resolve_absolute(kind, groups, published)
        said = text[match.start() : match.end()]
        if interval is None:
            mention = DateMention(match.start(), match.end(), said, kind, None, None, 4)
        else:
            mention = DateMention(match.start(), match.end(), said, kind, *interval)
        if found and (named := _named_weekday(text, found[-1], mention)) is not None:
            found[-1] = named
        elif found and (night := _night_of(text, found[-1], mention)) is not None:
            found[-1] = night
        else:
            found.append(mention)
    return found


def _night_of(text: str, overnight: DateMention, day: DateMention) -> DateMention | None:
    """ "overnight on Monday", "overnight into Tuesday" as one mention of that day, or None: the night is
    the day named, not the night before publication."""
    if overnight.kind != "overnight" or day.kind not in _WEEKDAY_KINDS:
        return None
    if _NIGHT_GLUE.fullmatch(text, overnight.end, day.start) is None:
        return None
    return replace(day, start=overnight.start, text=text[overnight.start : day.end])


_NIGHT_GLUE = re.compile(r"\s+(?:on|into)\s+", re.IGNORECASE)


def _named_weekday(text: str, weekday: DateMention, date: DateMention) -> DateMention | None:
    """A weekday and its date ("Monday, 4 August") as one mention of the date, or None when ``weekday``
    is not a weekday right before a day's date.

    The date says which Monday it was: resolved on its own against publication, the weekday would be
    the last Monday before the report, weeks after a date the writer gave.
    """
    if weekday.kind not in _WEEKDAY_KINDS or date.kind not in DAY_KINDS:
        return None
    gloss = _WEEKDAY_GLOSS.fullmatch(text, weekday.end, date.start)
    if gloss is None:
        return None
    end = date.end
    if gloss.group().strip(" \t\n,") and text[end : end + 1] in {"]", ")"}:
        end += 1  # the bracket the gloss opened
    return replace(date, start=weekday.start, end=end, text=text[weekday.start : end])


def _date_matches(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` yields, ``pattern`` tried only where ``starts`` finds
    a word that can open a date."""
    resume = start
    for first in starts.finditer(text, start, end):
        at = first.start()
        if at < resume:
            continue  # inside the date just found
        match = pattern.match(text, at, end)
        if match is not None:
            yield match
            resume = match.end()


def _group(text: str, match: re.Match[str], group: str) -> str | None:
    start, end = match.span(group)
    return None if start < 0 else text[start:end]


def midpoint(start: dt.date, end: dt.date) -> dt.date:
    """The best single day of an interval: its middle (the earlier middle day for even lengths)."""
    return start + dt.timedelta(days=(end - start).days // 2)
