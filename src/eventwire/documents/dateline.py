"""Publication dates from datelines: "LIMA, 10 JAN 90 (EFE) -- [TEXT] ...", "KABUL, Aug. 29, 2024 —".

Wire copy opens with the place it was filed from and often the date; when no publication date is given or
in the metadata, that date is the one relative expressions ("yesterday") are resolved against.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventwire.text.dates import find_dates

# PLACE[, REGION], DATE ... (SOURCE) -- ; the place is capitalized words, the separator a dash.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?),\s*"
    r"(?P<date>[^()\n]{4,30}?)\s*(?:\([^)\n]{1,60}\)\s*)?(?:--|—|–|-)\s",
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    place_start: int
    place_end: int
    date: dt.date | None
    end: int  # where the dateline ends in the text


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, if there is one, with its date if the date is complete."""
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    date: dt.date | None = None
    for mention in find_dates(text, None, match.start("date"), match.end("date")):
        if mention.kind in {"iso", "day_month_year", "month_day_year"} and mention.date_start:
            date = mention.date_start
            break
    place = match.group("place").split(",")[0].strip()
    return Dateline(place, match.start("place"), match.start("place") + len(place), date, match.end())
