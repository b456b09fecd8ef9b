"""Publication dates from datelines: "LIMA, 10 JAN 90 (EFE) -- [TEXT] ...", "KABUL, Aug. 29, 2024 —".

Wire copy opens with the place it was filed from and often the date; when no publication date is given or
in the metadata, that date is the one relative expressions ("yesterday") are resolved against.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.text.dates import find_dates

# PLACE[ (COUNTRY)][, REGION], DATE ... (SOURCE) -- ; the place is capitalized words, the separator a
# dash. Wire services put the country in brackets after the city: "SAN JOSE (COSTA RICA), 9 JUN 89".
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?(?:\s*\([A-Z][A-Za-z.'\- ]{1,30}\))?"
    r"(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?),\s*"
    r"(?P<date>[^()\n]{4,30}?)\s*(?:\([^)\n]{1,60}\)\s*)?(?:--|—|–|-)\s",
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    place_start: int
    place_end: int
    date: dt.date | None
    end: int  # where the dateline ends in the text


@lru_cache(maxsize=8)  # asked of one text three times: building the document, extracting, placing
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
    place = re.split(r"[,(]", match.group("place"), maxsplit=1)[0].strip()
    return Dateline(place, match.start("place"), match.start("place") + len(place), date, match.end())


# "BAMAKO —", "KABUL, Afghanistan (AP) —", "MAIDUGURI, Nigeria —" at the start of a paragraph: the place
# is written in capitals, the date may be missing.
_PLACE_LINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?)"
    r"(?:,\s*[^()\n—–]{3,30}?)?\s*(?:\([^)\n]{1,60}\)\s*)?(?:--|—|–|-)\s",
    re.MULTILINE,
)


def dateline_spans(text: str, within: int = 600) -> list[tuple[int, int]]:
    """The spans of dateline places near the start of a text (in its first ``within`` characters)."""
    spans = [
        (m.start("place"), m.end("place")) for m in _PLACE_LINE.finditer(text, 0, min(len(text), within))
    ]
    dateline = read_dateline(text)
    if dateline:
        spans.append((dateline.place_start, dateline.end))
    return spans
