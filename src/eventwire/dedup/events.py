"""One event per real event: merging reports of the same event across documents.

Four pure functions:

- :func:`block_keys` gives the keys under which an event is filed, so that candidate duplicates are
  found by key lookup, never by comparing all pairs;
- :func:`compare` decides whether two reports describe the same event, with a score and the reasons
  in words;
- :func:`combine` turns the reports of one event into one record that keeps every source's figures;
- :func:`cluster` does all of it for a batch: block, compare within blocks, union-find.

The decision (see :func:`compare`) has hard conditions — dates at most one day apart, the same country,
places within :data:`MAX_DISTANCE_KM` or the same admin1, compatible types, different documents —
and then a weighted score of date, place, type, actors, casualty figures, role fillers and text that
must reach :data:`MERGE_THRESHOLD`. Contradicting actors or casualty figures, each report naming a
victim the other does not, and clock times hours apart ("at 0230" / "at 1230"), lower the score. A
victim both reports name (a person's name of two words or more) merges them, and excuses either a
place contradiction or dates up to :data:`NAMED_DATE_TOLERANCE_DAYS` apart, unless each report also
names a victim the other does not. A report whose text gives no date (the extractor's fallback: the week
up to publication) counts as no evidence on the date, and its shared name excuses nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from eventwire.models.event import Event, Quantity, RoleFiller

DATE_TOLERANCE_DAYS = 1
"""Reports whose date intervals are this many days apart may still be the same event ("last night")."""

MAX_DISTANCE_KM = 50.0
"""Two precisely located reports (geo_precision 1 or 2) further apart than this are different events."""

MAX_INTERVAL_WEEKS = 60
"""An event whose date interval spans more weeks than this is too vague to be merged with anything."""

MERGE_THRESHOLD = 0.73
"""The score (0..1) from which two compatible reports are merged. Chosen on the tune part (even-numbered
months) of the labelled merge set (``eventwire evaluate merging``): B³ F1 there 0.860 at 0.65, 0.867 at
0.7, 0.865 at 0.75; checked again after undated reports were weighed less: 0.8745 at 0.65 and 0.7,
0.872 at 0.75; and after reports naming different victims were weighed less: 0.875 at 0.65, 0.882 at
0.68 and 0.7, 0.893 from 0.71 to 0.73 (one chain of kidnappings in one city split), 0.879 at 0.74 and
0.75; and after the second-stage typing: 0.8745 at 0.68 and 0.7, 0.886 at 0.71 and 0.72, 0.893 at 0.73,
0.879 at 0.74 to 0.76 (0.73 the best both times); unchanged at every one of these thresholds when no
Battles type was incompatible with Violence against civilians any more; after reports giving clock
times hours apart were weighed less: 0.879 at 0.68 and 0.7, 0.891 at 0.71 and 0.72, 0.898 from 0.73 to
0.75, 0.887 at 0.76."""

NAMED_DATE_TOLERANCE_DAYS = 7
"""Reports that name the same victim (see :func:`compare`) may be this many days apart: a later report
often dates the event by its own day ("the judge murdered on Friday")."""

NAMED_MAX_WIDTH_DAYS = 7
"""A shared named victim counts only between reports whose date intervals are at most this wide."""

GRID_DEGREES = 1.0
"""Size of the latitude/longitude cells of the spatial block keys."""

# Sub-event types that reports of one event are often given in different words. Pairs within one event
# type are compatible anyway (at a lower score); these are the pairs that score higher or cross types.
_CLOSE_SUBTYPES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("Suicide bomb", "Remote explosive/landmine/IED"),
        ("Grenade", "Remote explosive/landmine/IED"),
        ("Shelling/artillery/missile attack", "Air/drone strike"),
        ("Peaceful protest", "Protest with intervention"),
        ("Protest with intervention", "Excessive force against protesters"),
        ("Armed clash", "Government regains territory"),
        ("Armed clash", "Non-state actor overtakes territory"),
    )
)
_CROSS_TYPE_COMPATIBLE: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("Armed clash", "Shelling/artillery/missile attack"),
        ("Armed clash", "Air/drone strike"),
        ("Attack", "Suicide bomb"),
        ("Attack", "Remote explosive/landmine/IED"),
        ("Attack", "Grenade"),
        ("Attack", "Air/drone strike"),
        ("Attack", "Shelling/artillery/missile attack"),
        ("Attack", "Mob violence"),
        ("Attack", "Looting/property destruction"),
        ("Violent demonstration", "Peaceful protest"),
        ("Violent demonstration", "Protest with intervention"),
        ("Violent demonstration", "Excessive force against protesters"),
        ("Mob violence", "Looting/property destruction"),
        ("Violent demonstration", "Looting/property destruction"),
        ("Protest with intervention", "Arrests"),
    )
)

# Battles and Violence against civilians are one decision, whom the violence was aimed at (armed men or
# not), and reports of one incident often make it differently: "guerrillas attacked the post" / "a clash
# with guerrillas", "soldiers killed five peasants" / "five killed in a clash". So no sub-event type of
# one is incompatible with one of the other (they count as the cross-type pairs above), and an attack and
# an armed clash whose reports share an actor are close: ACLED itself takes an attack and a clash at one
# place and date for candidates for one event when the actors match.
_ONE_DECISION_TYPES = frozenset(("Battles", "Violence against civilians"))
_CLASH_OR_ATTACK = frozenset(("Armed clash", "Attack"))

# Actor names that say little about which event it was: sharing them is weak evidence.
_GENERIC_ACTOR = re.compile(
    r"^(civilians|protesters|rioters|unidentified|police forces|military forces)\b", re.IGNORECASE
)

# Targets and victims that any report of any event could name ("two policemen", "a house").
_GENERIC_FILLER = re.compile(
    r"^(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|some|other|"
    r"at least|more than|dozens of|of|local|innocent|young|unidentified|armed)\s+)*"
    r"(?:people|persons?|civilians?|villagers?|residents?|men|women|children|soldiers?|policem[ae]n|"
    r"police(?:men)?|officers?|troops|guerrillas?|rebels?|militants?|peasants?|students?|workers?|"
    r"houses?|homes?|buildings?|vehicles?|cars?|bus(?:es)?|stores?|shops?|offices?|others|\d+)$"
)
_TOKEN = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

# A word of death in a report that counts no dead: it tells of dead all the same, only not counted.
_DEATH_WORD = re.compile(
    r"\b(?:kill\w*|dead|died|dies|deaths?|bod(?:y|ies)|fatalit\w*|lives)\b", re.IGNORECASE
)
# A clock time the report gives for the event: "went off AT 0230 [0830 GMT]", "occurred at 12:30 p.m.".
# Only after "at" (wire copy gives the hour that way; a bare number is a figure) and never a time in
# GMT (a report filed abroad converts; the local time is the one both reports can give), nor a distance
# ("at 1500 meters").
_CLOCK = re.compile(
    r"\bat\s+(?:about\s+|around\s+|approximately\s+)?"
    # "at 0230", "at 0230 hours", "at 0230 [0830 GMT]", but not a figure ("at 1500 people", "at 1200 sq km").
    r"(?:(?P<h24>[01]\d|2[0-3])(?P<m24>[0-5]\d)(?![\d:])"
    r"(?!\s+(?!(?:hours|hrs|local|time|last|this|today|tonight|yesterday|on|in|at|and|when|while|near"
    r"|from|after|before|as|the|that|[a-z]+day)\b)[a-z])"
    r"|(?P<h12>1[0-2]|0?[1-9])[:.](?P<m12>[0-5]\d)\s*(?P<ampm>[ap])\.?m\b\.?+)"  # the dot kept: "p.m. GMT"
    r"(?![\d:])(?!\s*(?:hours\s+)?(?:gmt|utc|z\b))"
    r"(?!\s*(?:meters|metres|kilometers|kilometres|km|feet|ft|miles|yards)\b)",
    re.IGNORECASE,
)

# Words of a victim's description that are no part of a person's name: "three treasury police members",
# "leftist politicians", "the judge's bodyguards". What is left of a name after dropping them must still
# be two words or more (a given name alone, or a surname alone, is shared by too many people).
_NOT_NAME_WORDS = frozenset(
    """
    people persons person civilians civilian villagers residents peasants peasant members member men women
    children students workers soldiers soldier troops police policemen policeman officers officer agents
    agent guards guard bodyguards bodyguard escort driver drivers guerrillas guerrilla rebels militants
    leaders leader politicians politician officials official employees employee relatives family wife son
    daughter brother sister mother father judge judges magistrate priests priest jesuits nuns journalist
    journalists leftist rightist national treasury army military government union labor humanitarian
    organizations organization group groups unit units several many some other others unidentified
    young old innocent local foreign his her their its house houses home homes building buildings office
    offices headquarters vehicle vehicles car cars bus buses truck station post tower towers bank branch
    store stores shop company plant factory school university church hospital embassy airport residence
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_STOPWORDS = frozenset(
    """
    the and for that with was were are been has have had from this said says which who their they
    its his her them than then also into over after before about more other some such when where while
    there these those would could will shall may might not but all any one two three four five six
    seven eight nine ten being other against during between under near told reported according
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_WEIGHTS = {"date": 0.2, "place": 0.25, "type": 0.15, "actors": 0.1, "figures": 0.1, "text": 0.2}
# The same weights as plain names: the score is summed for every pair compared (a dict lookup apiece cost
# more than the multiplication).
_W_DATE, _W_PLACE, _W_TYPE = _WEIGHTS["date"], _WEIGHTS["place"], _WEIGHTS["type"]
_W_ACTORS, _W_FIGURES, _W_TEXT = _WEIGHTS["actors"], _WEIGHTS["figures"], _WEIGHTS["text"]
_UNRELATED_TEXT = 0.06  # reporting sentences sharing fewer content words than this tell different stories
_NEUTRAL = 0.5  # the value of a component that neither report gives evidence for
_UNKNOWN_PLACE = 0.1  # the place score when one report has no country: little evidence either way
_UNDATED_OVERLAP = _NEUTRAL  # an undated report gives no evidence on the date
_SHARED_TARGET_WORD = 0.8  # the text score of reports whose targets share a distinctive word
_OTHER_VICTIMS = 0.1  # subtracted when each report names a victim the other does not
_OTHER_HOUR = 0.15  # subtracted when the reports put the event at clearly different times of day
_HOURS_APART = 180  # minutes: clock times further apart than this are different events ("0230" / "1230")
_SPELLING = 0.8  # two words of names this similar may be one word spelled two ways ("Donelly" / "Donnelly")
_DEAD_NOT_INJURED = 3  # this many dead in one report against none but injured in the other tell two events
_INJURED_NOT_DEAD = 0.05
_REVISED_TOLL = 0.35  # fatalities differing by up to this share of the larger figure may be one toll revised


@dataclass(frozen=True)
class MergeDecision:
    """Whether two reports are the same event, a score in 0..1, and the reasons in words."""

    merge: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeFeatures:
    """What :func:`compare` needs of an event, computed once per event in :func:`cluster`."""

    doc_id: str
    start: dt.date | None
    end: dt.date | None
    country: str | None  # case-folded iso3, else country name
    country_name: str | None
    admin1: str | None  # case-folded
    admin1_name: str | None
    location: str | None  # case-folded
    lat: float | None
    lon: float | None
    precise: bool  # geo_precision 1 or 2 with coordinates
    event_type: str
    sub_event_type: str
    actors: frozenset[str]
    actor_names: tuple[str, ...]  # as written, for the reasons
    specific_actors: frozenset[str]
    fatalities: Quantity | None
    injured_only: bool  # the report counts injured and no dead: as far as it knows, nobody died
    fillers: frozenset[str]
    target_words: frozenset[str]  # the distinctive words of the targets ("fenastras", "espectador")
    names: tuple[frozenset[str], ...]  # the words of each named victim (see _victim_names)
    name_texts: tuple[str, ...]  # the same names as written, for the reasons
    tokens: frozenset[str]
    undated: bool = False  # no date in the text: the interval is the week up to publication
    clock: frozenset[int] = frozenset()  # the times of day the report gives, in minutes after midnight
    # Worked out once per event rather than once per pair (an event is compared with tens of others):
    width: int = 0  # days from start to end (0 without a date)
    lat_rad: float = 0.0  # radians and cosine of the latitude, for the distance (0.0 and 1.0 without one)
    lat_cos: float = 1.0


def _interval(event: Event) -> tuple[dt.date | None, dt.date | None]:
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date or start
    if start is not None and end is not None and end < start:
        start, end = end, start
    return start, end


def _tokens(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(
        t for text in texts for t in (m.casefold() for m in _TOKEN.findall(text)) if t not in _STOPWORDS
    )


def _clock_times(texts: Iterable[str]) -> frozenset[int]:
    """The times of day ``texts`` give for an event ("at 0230", "at 2:30 p.m."), in minutes after midnight."""
    minutes = set()
    for text in texts:
        for m in _CLOCK.finditer(text):
            if m["h24"] is not None:
                minutes.add(int(m["h24"]) * 60 + int(m["m24"]))
            else:
                hour = int(m["h12"]) % 12 + (12 if m["ampm"].casefold() == "p" else 0)
                minutes.add(hour * 60 + int(m["m12"]))
    return frozenset(minutes)


def _hours_apart(a: frozenset[int], b: frozenset[int]) -> tuple[int, int] | None:
    """A time of ``a`` and one of ``b`` when every time of one is more than :data:`_HOURS_APART` from
    every time of the other (around the clock: 2330 and 0030 are an hour apart); None otherwise."""
    if not a or not b:
        return None
    day = 24 * 60
    nearest = min((min(abs(x - y), day - abs(x - y)), x, y) for x in a for y in b)
    return (nearest[1], nearest[2]) if nearest[0] > _HOURS_APART else None


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}{minutes % 60:02d}"


def _victim_names(event: Event) -> dict[frozenset[str], str]:
    """The named people among ``event``'s victims: the words of each name (two or more), as written."""
    names: dict[frozenset[str], str] = {}
    for victim in event.victims:
        written = " ".join(victim.text.split())
        words = frozenset(
            w
            for w in (t.casefold() for t in _TOKEN.findall(written))
            if w not in _NOT_NAME_WORDS and w not in _STOPWORDS
        )
        if len(words) >= 2:
            names.setdefault(words, written)
    return names


def _shared_name(a: MergeFeatures, b: MergeFeatures) -> str | None:
    """A victim both reports name (one name's words all within the other's: "Maria Elena Diaz" and
    "Judge Maria Elena Diaz Perez"), as ``a`` writes it; None when they name none in common."""
    for words, written in zip(a.names, a.name_texts, strict=True):
        if any(words <= other or other <= words for other in b.names):
            return written
    return None


def _spelled_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names with no word in common could still be one person's: two of their words differ
    by a spelling ("Jamus Arthur Donelly" / "James Arthur Donnelly"; wire copies misspell foreign names)."""
    return any(difflib.SequenceMatcher(None, x, y).ratio() >= _SPELLING for x in a for y in b if x[0] == y[0])


def _first_unshared(
    names: Sequence[frozenset[str]], texts: Sequence[str], others: Sequence[frozenset[str]]
) -> str | None:
    """The first of ``names`` (as written in ``texts``) that could be none of ``others``."""
    for words, written in zip(names, texts, strict=True):
        # A word in common makes two names one person's; only failing that are spellings compared.
        if any(words & other for other in others):
            continue
        if not any(_spelled_alike(words, other) for other in others):
            return written
    return None


def _unshared_names(a: MergeFeatures, b: MergeFeatures) -> tuple[str, str] | None:
    """A victim named by ``a`` and one named by ``b`` that the other report names in no way (no word in
    common, not even misspelt), as written; None unless both reports have such a name.

    Each report naming a victim the other does not is a sign of two events: reports of one killing
    name the same dead, and a report listing the victims of several incidents ("Judge Ana Ruiz Mora,
    killed on Monday ... Pedro Salas Vega, killed in August") is not the report of one of them ("Tomas
    Ibarra Leal and Judge Ana Ruiz were shot on Monday")."""
    if not a.names or not b.names:
        return None
    mine = _first_unshared(a.names, a.name_texts, b.names)
    theirs = _first_unshared(b.names, b.name_texts, a.names) if mine is not None else None
    return (mine, theirs) if mine is not None and theirs is not None else None


def _features(event: Event) -> MergeFeatures:
    if not isinstance(event, Event):
        raise TypeError(f"expected an eventwire Event, got {type(event).__name__}")
    start, end = _interval(event)
    names = tuple(
        a for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a and a.strip()
    )
    actors = {a.casefold() for a in names}
    fillers = {
        text
        for f in (*event.targets, *event.victims)
        if (text := " ".join(f.text.casefold().split())) and not _GENERIC_FILLER.match(text)
    }
    sentences = [e.text for e in event.evidence if e.field == "sentence"]
    precise = event.latitude is not None and event.longitude is not None and (event.geo_precision or 3) <= 2
    country = event.iso3 or event.country
    victim_names = _victim_names(event)
    lat_rad = math.radians(event.latitude) if event.latitude is not None else 0.0
    return MergeFeatures(
        doc_id=event.doc_id,
        start=start,
        end=end,
        country=country.casefold() if country else None,
        country_name=event.country or event.iso3,
        admin1=event.admin1.casefold() if event.admin1 else None,
        admin1_name=event.admin1,
        location=event.location.casefold() if event.location else None,
        lat=event.latitude,
        lon=event.longitude,
        precise=precise,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actors=frozenset(actors),
        actor_names=names,
        specific_actors=frozenset(a for a in actors if not _GENERIC_ACTOR.match(a)),
        fatalities=event.fatalities,
        injured_only=event.fatalities is None
        and event.injuries is not None
        and event.injuries.best > 0
        # ("three were wounded and an unknown number killed": dead, only not counted)
        and not any(_DEATH_WORD.search(s) for s in sentences),
        fillers=frozenset(fillers),
        target_words=frozenset(
            w
            for f in event.targets
            for w in (t.casefold() for t in _TOKEN.findall(f.text))
            if w not in _NOT_NAME_WORDS and w not in _STOPWORDS
        ),
        names=tuple(victim_names),
        name_texts=tuple(victim_names.values()),
        tokens=_tokens(sentences or ([event.notes] if event.notes else [])),
        # The extractor's fallback when the text gives no date: the week up to publication, with no
        # date text (a record dated to the day without a date text, e.g. from a table, is dated).
        undated=start is not None and not event.date_text and event.time_precision >= 2,
        clock=_clock_times(sentences),
        width=(end - start).days if start is not None and end is not None else 0,
        lat_rad=lat_rad,
        lat_cos=math.cos(lat_rad),
    )


# --------------------------------------------------------------------------------------------- blocking


def _weeks(f: MergeFeatures) -> range | None:
    if f.start is None or f.end is None:
        return None
    tol = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    first = (f.start - tol).toordinal() // 7
    last = (f.end + tol).toordinal() // 7
    if last - first + 1 > MAX_INTERVAL_WEEKS:
        return None
    return range(first, last + 1)


def _cells(f: MergeFeatures) -> list[str]:
    """The grid cells that every point within :data:`MAX_DISTANCE_KM` of a precise place falls in."""
    if not f.precise or f.lat is None or f.lon is None:
        return []
    dlat = MAX_DISTANCE_KM / 111.0
    dlon = MAX_DISTANCE_KM / (111.0 * max(math.cos(math.radians(f.lat)), 0.05))
    rows = range(math.floor((f.lat - dlat) / GRID_DEGREES), math.floor((f.lat + dlat) / GRID_DEGREES) + 1)
    lon_first = math.floor((f.lon - dlon) / GRID_DEGREES)
    lon_last = math.floor((f.lon + dlon) / GRID_DEGREES)
    if lon_last - lon_first > 8:  # near a pole; a real place will not be there
        return []
    wrap = round(360 / GRID_DEGREES)
    return [f"{r}:{c % wrap}" for r in rows for c in range(lon_first, lon_last + 1)]


def _name_keys(f: MergeFeatures) -> list[str]:
    """``n|{word} {word}|{period}`` for every two words of every named victim, per period of
    :data:`NAMED_DATE_TOLERANCE_DAYS` days (at least a week) the widened interval touches: two reports
    whose names nest share the shorter name's pairs of words."""
    if not f.names or f.start is None or f.end is None or (f.end - f.start).days > NAMED_MAX_WIDTH_DAYS:
        return []
    days = max(7, NAMED_DATE_TOLERANCE_DAYS)
    tol = dt.timedelta(days=NAMED_DATE_TOLERANCE_DAYS)
    periods = range((f.start - tol).toordinal() // days, (f.end + tol).toordinal() // days + 1)
    pairs = dict.fromkeys(
        f"{x} {y}" for words in f.names for x, y in itertools.combinations(sorted(words), 2)
    )
    return [f"n|{pair}|{period}" for pair in pairs for period in periods]


def _keys(f: MergeFeatures) -> list[str]:
    weeks = _weeks(f)
    if weeks is None:
        return []
    country = f.country or "?"
    keys = [f"c|{country}|{w}" for w in weeks]
    if f.admin1:
        keys += [f"a|{country}|{f.admin1}|{w}" for w in weeks]
    keys += [f"g|{cell}|{w}" for cell in _cells(f) for w in weeks]
    keys += _name_keys(f)
    return keys


def block_keys(event: Event) -> list[str]:
    """The keys under which ``event`` is filed; two events that could be the same share at least one.

    Time is bucketed in weeks (days since 0001-01-01 // 7): an event gets every week its date interval
    touches, widened by :data:`DATE_TOLERANCE_DAYS` on each side, so an interval that straddles a week
    boundary, or ends a day before one, also gets the neighbouring week. Each week is combined with:

    - ``a|{country}|{admin1}|{week}`` when the admin1 is known;
    - ``g|{cell}|{week}`` for each 1° cell within :data:`MAX_DISTANCE_KM` of a precise place (two
      reports of one event geocoded to neighbouring admin1s meet there);
    - ``c|{country}|{week}``, the country-wide key, which every event gets (``?`` for no country). It
      exists for events located only to their country. That block is large: two events that both have
      an admin1 already meet in an ``a|`` or ``g|`` key, so :func:`cluster` compares within a ``c|``
      block only the pairs in which one side has no admin1 — a store should do the same
      (:func:`is_country_key`).

    Events that name a victim (a person's name of two words or more) also get ``n|{word} {word}|{period}``
    for every two words of the name, per period of :data:`NAMED_DATE_TOLERANCE_DAYS` days (at least
    seven) touched by the interval widened by that tolerance: reports of one killing meet there even
    when one of them put it in the wrong place or dated it by its own day.

    Events without a usable date (none, or an interval longer than :data:`MAX_INTERVAL_WEEKS` weeks)
    get no key: nothing says they are the same event as another, so they are never merged.
    """
    return _keys(_features(event))


def is_country_key(key: str) -> bool:
    """Whether ``key`` is a country-wide key (see :func:`block_keys`)."""
    return key.startswith("c|")


def _is_name_key(key: str) -> bool:
    return key.startswith("n|")


# --------------------------------------------------------------------------------------------- comparing


def _km_apart(a: MergeFeatures, b: MergeFeatures) -> float:
    """The great-circle distance in km between two located events (haversine), with each one's latitude
    in radians and its cosine worked out once per event (see :func:`_features`)."""
    assert a.lon is not None and b.lon is not None
    dp, dl = b.lat_rad - a.lat_rad, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + a.lat_cos * b.lat_cos * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _span(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _no(reason: str) -> MergeDecision:
    return MergeDecision(False, 0.0, (reason,))


def _date_reason(a: MergeFeatures, b: MergeFeatures, gap: int) -> str:
    """How :func:`_decide` explains the dates of two reports ``gap`` days apart (0 or less: overlapping)."""
    assert a.start and a.end and b.start and b.end
    spans = f"{_span(a.start, a.end)} / {_span(b.start, b.end)}"
    if gap <= 0 and (a.undated or b.undated):
        return f"dates overlap, one not in the text ({spans})"
    if gap <= 0:
        return f"dates overlap ({spans})"
    days = "day" if gap == 1 else "days"
    return f"dates {gap} {days} apart ({spans})"


def _place_reason(
    a: MergeFeatures, b: MergeFeatures, km: float | None, both_precise: bool, same_admin1: bool
) -> str:
    """How :func:`_decide` explains the places of two reports with no contradiction between them."""
    if a.location and a.location == b.location:
        return f"same place {a.location.title()}" + (f" ({a.admin1_name})" if a.admin1_name else "")
    if both_precise and km is not None:
        return f"nearby places, {km:.0f} km apart" + (f", same admin1 {a.admin1_name}" if same_admin1 else "")
    if same_admin1:
        where = f", {km:.0f} km apart" if km is not None and (a.precise or b.precise) else ""
        return f"same admin1 {a.admin1_name}{where}"
    if a.country and a.country == b.country:
        return f"same country {a.country_name}, admin1 unknown for one"
    return "country unknown"


def _type_reason(a: MergeFeatures, b: MergeFeatures, kind: float) -> str:
    """How :func:`_decide` explains two compatible types that it scored ``kind``."""
    if kind == 1.0:
        return f"same type {a.sub_event_type}"
    if kind == 0.5:
        return f"same event type {a.event_type} ({a.sub_event_type} / {b.sub_event_type})"
    return f"compatible types {a.sub_event_type} / {b.sub_event_type}"


def _decide(a: MergeFeatures, b: MergeFeatures, explain: bool) -> MergeDecision:
    reasons: list[str] = []
    if a.doc_id == b.doc_id:
        return _no("same document: its extractor already told these events apart")

    # Date: hard condition, then how telling the overlap is.
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return _no("date unknown")
    gap = (max(a.start, b.start) - min(a.end, b.end)).days
    widest = max(a.width, b.width)
    # A victim named in both reports is the strongest sign of one event: a person is killed or
    # kidnapped once. It excuses the place (the toponym of one report resolved wrongly, a report
    # filed abroad) or a date a few days off, never an incompatible type. Not from a report dated
    # vaguer than a week: that is a round-up ("the leaders murdered this month") naming many victims.
    named = _shared_name(a, b) if widest <= NAMED_MAX_WIDTH_DAYS and a.names and b.names else None
    # ... unless each report also names a victim the other does not: then the name they share is one
    # of several incidents a report lists, and it proves nothing.
    # (Worked out here only where a name is shared; otherwise after the hard conditions, see below:
    # comparing every name with every other is the dearest part of a comparison.)
    unshared = _unshared_names(a, b) if named else None
    names_compared = named is not None
    if unshared:
        named = None
    if gap > (NAMED_DATE_TOLERANCE_DAYS if named else DATE_TOLERANCE_DAYS):
        return _no(f"dates {gap} days apart ({_span(a.start, a.end)} / {_span(b.start, b.end)})")
    if widest > MAX_INTERVAL_WEEKS * 7:
        return _no("date too vague")
    if gap <= 0 and (a.undated or b.undated):
        # The week up to publication overlaps every report of that week: no evidence either way.
        date = _UNDATED_OVERLAP
    elif gap <= 0:
        date = 1.0 if widest <= 1 else 0.75 if widest <= 7 else 0.4
    else:
        date = (
            0.6 if gap <= DATE_TOLERANCE_DAYS and widest <= 1 else 0.4 if gap <= DATE_TOLERANCE_DAYS else 0.2
        )

    # Place: hard conditions (country, distance, admin1), then how close.
    km = None
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = _km_apart(a, b)
    both_precise = a.precise and b.precise and km is not None
    same_admin1 = a.admin1 is not None and a.admin1 == b.admin1
    conflict = None
    if a.country and b.country and a.country != b.country:
        conflict = f"different countries ({a.country_name} / {b.country_name})"
    elif both_precise and km is not None and km > MAX_DISTANCE_KM:
        conflict = f"places {km:.0f} km apart"
    elif a.admin1 and b.admin1 and not same_admin1 and not (both_precise and km is not None):
        conflict = f"different admin1 ({a.admin1_name} / {b.admin1_name})"
    # A shared name excuses one contradiction, the place or a date a few days off, not both: two
    # people of one common name are killed in different places on different days.
    # Nor when one report is not dated by its text (its week up to publication is a guess): the
    # name is then the one link between them and cannot outweigh a contradiction too.
    if conflict and (not named or gap > DATE_TOLERANCE_DAYS or a.undated or b.undated):
        return _no(conflict)
    if conflict:
        place = 0.0
    elif a.location and a.location == b.location:
        place = 1.0
    elif both_precise and km is not None:
        place = 1.0 if km <= 10 else 0.7
    elif same_admin1:
        place = 0.6
    elif a.country and a.country == b.country:
        place = 0.3
    else:
        place = _UNKNOWN_PLACE

    # Type. (The reasons of date and place are written only from here on: a third of the pairs compared
    # fail on the type, and their reasons would be thrown away.)
    if a.sub_event_type == b.sub_event_type:
        kind = 1.0
    elif (pair := frozenset((a.sub_event_type, b.sub_event_type))) in _CLOSE_SUBTYPES or (
        pair == _CLASH_OR_ATTACK and bool(a.actors & b.actors)
    ):
        kind = 0.8
    elif a.event_type == b.event_type:
        kind = 0.5
    elif pair in _CROSS_TYPE_COMPATIBLE or frozenset((a.event_type, b.event_type)) == _ONE_DECISION_TYPES:
        kind = 0.4
    else:
        return _no(f"incompatible types ({a.sub_event_type} / {b.sub_event_type})")
    if explain:
        reasons += (
            _date_reason(a, b, gap),
            conflict or _place_reason(a, b, km, both_precise, same_admin1),
            _type_reason(a, b, kind),
        )

    # Actors: shared specific names are strong, disjoint named sides are a contradiction.
    penalty = 0.0
    shared = a.actors & b.actors
    if a.specific_actors & b.specific_actors:
        actors = 1.0
    elif shared:
        actors = _NEUTRAL  # only generic names ("Unidentified Armed Group (Iraq)") in common
    elif a.specific_actors and b.specific_actors:
        actors = 0.0
        penalty += 0.1
    else:
        actors = _NEUTRAL
    if explain and shared:
        shown = dict.fromkeys(n for n in a.actor_names if n.casefold() in shared)
        reasons.append("actors share " + ", ".join(shown))
    elif explain and actors == 0.0:
        reasons.append("no shared actor")

    # Casualty figures.
    figures = _NEUTRAL
    fa, fb = a.fatalities, b.fatalities
    if fa is not None and fb is not None:
        a_high = fa.high if fa.high is not None else math.inf
        b_high = fb.high if fb.high is not None else math.inf
        overlap = fa.low <= b_high and fb.low <= a_high
        close = abs(fa.best - fb.best) <= max(2, 0.25 * max(fa.best, fb.best))
        if overlap or close:
            figures = 1.0
            if explain:
                reasons.append(f"similar fatalities ({_figure(fa)} / {_figure(fb)})")
        elif abs(fa.best - fb.best) <= _REVISED_TOLL * max(fa.best, fb.best):
            # 7 dead in the first report, 10 in the next: tolls are revised as the wounded die and
            # bodies are found, so figures this far apart neither join nor part the reports.
            figures = _NEUTRAL
            if explain:
                reasons.append(f"fatalities a revised toll could explain ({_figure(fa)} / {_figure(fb)})")
        else:
            far = max(fa.best, fb.best) > 3 * max(1, min(fa.best, fb.best)) and abs(fa.best - fb.best) > 5
            figures = 0.0
            penalty += 0.15 if far else 0.0
            if explain:
                reasons.append(f"different fatalities ({_figure(fa)} / {_figure(fb)})")
    elif (dead := _dead_against_wounded(a, b)) is not None:
        # One report counts the wounded and no dead, the other several dead: a bombing that wounded
        # three and one that killed seven, in one city on one day, are two bombings.
        figures = 0.0
        penalty += _INJURED_NOT_DEAD
        if explain:
            reasons.append(f"one report counts only injured, the other {_figure(dead)} dead")

    # Time of day: two bombs in one city on one day are two events when one went off at 0230 and the
    # other at 1230; reports of one event that both give the hour give about the same one.
    if a.clock and b.clock and (hours := _hours_apart(a.clock, b.clock)):
        penalty += _OTHER_HOUR
        if explain:
            reasons.append(f"different times of day ({_hhmm(hours[0])} / {_hhmm(hours[1])})")

    if named and explain:
        reasons.append(f"same named victim {named}")
    if not names_compared and a.names and b.names:
        unshared = _unshared_names(a, b)
    if unshared:
        penalty += _OTHER_VICTIMS
        if explain:
            reasons.append(f"different named victims ({unshared[0]} / {unshared[1]})")

    # Text: the reporting sentences and the role fillers (targets, victims, perpetrators).
    text = _NEUTRAL
    if a.tokens and b.tokens:
        common = len(a.tokens & b.tokens)
        jaccard = common / (len(a.tokens) + len(b.tokens) - common)  # the union's size, without the union
        text = min(1.0, jaccard / 0.3)
        if jaccard < _UNRELATED_TEXT:
            penalty += 0.1
        if explain:
            reasons.append(f"text similarity {jaccard:.2f}")
    common_fillers = a.fillers & b.fillers
    if common_fillers:
        text = max(text, 0.8) if len(common_fillers) == 1 else 1.0
        if explain:
            reasons.append("role fillers share " + ", ".join(sorted(common_fillers)))
    elif common_words := a.target_words & b.target_words:
        # "FENASTRAS" / "the FENASTRAS headquarters": the same target in other words.
        text = max(text, _SHARED_TARGET_WORD)
        if explain:
            reasons.append("targets share " + ", ".join(sorted(common_words)))

    score = (
        _W_DATE * date
        + _W_PLACE * place
        + _W_TYPE * kind
        + _W_ACTORS * actors
        + _W_FIGURES * figures
        + _W_TEXT * text
        - penalty
    )
    score = max(0.0, min(1.0, score))
    if named:
        score = max(score, MERGE_THRESHOLD)
    return MergeDecision(score >= MERGE_THRESHOLD, round(score, 4), tuple(reasons))


def _dead_against_wounded(a: MergeFeatures, b: MergeFeatures) -> Quantity | None:
    """The toll of the report that counts several dead when the other counts only wounded."""
    for wounded, other in ((a, b), (b, a)):
        toll = other.fatalities
        if wounded.injured_only and toll is not None and toll.best >= _DEAD_NOT_INJURED:
            return toll
    return None


def _figure(q: Quantity) -> str:
    if q.text:
        return f'"{q.text}"'
    return str(q.best) if q.high == q.best == q.low else f"{q.low}-{q.high if q.high is not None else ''}"


def compare(a: Event, b: Event) -> MergeDecision:
    """Whether ``a`` and ``b`` report the same event.

    Hard conditions (any one failing gives ``merge=False`` with that reason): different documents; date
    intervals overlapping or at most :data:`DATE_TOLERANCE_DAYS` apart; the same country; precise
    places (geo_precision 1–2) within :data:`MAX_DISTANCE_KM`, and otherwise the same admin1 where both
    give one; types that are the same, within one event type, a known-compatible pair ("Attack" /
    "Remote explosive/landmine/IED"), or one of Battles and one of Violence against civilians (whether
    the violence was aimed at armed men is what reports of one incident disagree on most: an attack and
    an armed clash are close types when the reports share an actor). Then a score in 0..1 weighs date
    (20%), place (25%), type (15%), actors (10%), fatality figures (10%) and text (20%: content-word
    overlap of the reporting sentences, or shared role fillers); a component neither report speaks to
    counts 0.5; disjoint named actors, clearly different fatality figures, and each report naming a
    victim whom the other does not name in any spelling (no word of the name in common, nor one
    differing by a letter or two: "Donelly" / "Donnelly"), and clock times more than three hours apart
    (each report's sentences give the hour "at 0230" or "at 2:30 p.m.", never a GMT one) subtract.
    ``merge`` is ``score >= MERGE_THRESHOLD``.

    A named victim in common (a victim's name of two words or more, not counting words such as
    "judge" or "bodyguards", whose words all appear in a victim's name in the other report: "Maria
    Elena Diaz" / "Maria Elena Diaz Perez") merges the two whatever the score, when both are dated to a
    week or less and the types are compatible. It excuses one contradiction: a place (another country,
    admin1 or a point too far: one report's toponym resolved wrongly, or the report was filed abroad)
    or dates up to :data:`NAMED_DATE_TOLERANCE_DAYS` apart (a later report dating the event by its own
    day), not both, and none where either report is undated (no date in its text: the extractor's
    week up to publication, ``date_text`` None with ``time_precision`` 2 or more). The overlap of
    such a week with another report's dates counts as no evidence (0.5). Nor does the name count at
    all when each report also names a victim the other does not: a report listing the victims of
    several incidents shares one name with the report of each.

    The reasons read like ``"dates overlap (2024-09-01..2024-09-06 / 2024-09-03)"``,
    ``"same admin1 Anbar, 12 km apart"``, ``"actors share Islamic State"``.
    """
    return _decide(_features(a), _features(b), explain=True)


def merge_features(event: Event) -> MergeFeatures:
    """What :func:`compare` reads of ``event``: worth keeping for an event compared many times."""
    return _features(event)


def feature_keys(f: MergeFeatures) -> list[str]:
    """:func:`block_keys` of the event whose features (from :func:`merge_features`) ``f`` are."""
    return _keys(f)


def decide(a: MergeFeatures, b: MergeFeatures) -> MergeDecision:
    """:func:`compare` on features from :func:`merge_features`, with the same decision and reasons."""
    return _decide(a, b, explain=True)


# --------------------------------------------------------------------------------------------- combining


def _combine_quantities(values: Sequence[Quantity | None]) -> Quantity | None:
    present = [q for q in values if q is not None]
    if not present:
        return None
    low = min(q.low for q in present)
    best = statistics.median_low([q.best for q in present])
    bounded = [q.high for q in present if q.high is not None]
    high = max([*bounded, *(q.best for q in present)]) if bounded else None
    texts = list(dict.fromkeys(q.text or str(q.best) for q in present))
    return Quantity(low=low, best=max(low, best), high=high, text=" / ".join(texts))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return counts.most_common(1)[0][0]  # ties: the first seen, as Counter keeps insertion order


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _unique_fillers(values: Iterable[RoleFiller]) -> tuple[RoleFiller, ...]:
    seen: dict[str, RoleFiller] = {}
    for f in values:
        seen.setdefault(f.text.casefold(), f)
    return tuple(seen.values())


def _source(event: Event) -> dict[str, Any]:
    def q(value: Quantity | None) -> dict[str, Any] | None:
        return value.to_dict() if value else None

    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "location": event.location,
        "admin1": event.admin1,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "fatalities": q(event.fatalities),
        "injuries": q(event.injuries),
        "participants": q(event.participants),
        "abducted": q(event.abducted),
        "arrested": q(event.arrested),
        "evidence": [e.to_dict() for e in event.evidence],
    }


def combine(events: Sequence[Event]) -> Event:
    """One record for the reports ``events`` of one event, keeping every source.

    - ``event_id`` and ``doc_id`` are those of the earliest member: the first in the order given. Pass
      the reports in the order they were ingested (a store does) and the merged event's id never
      changes when later reports join.
    - Date fields come from the most precise report (lowest ``time_precision``, then the narrowest
      interval); place fields (country .. geonames_id) from the most precisely located one (lowest
      ``geo_precision``, then the one naming a location, then an admin1).
    - Type: the most frequent sub-event type (ties: the earliest report's).
    - Actors are united: ``actor1``/``actor2`` are the most frequent ones, every other actor of either
      side goes to ``assoc_actor_1``/``assoc_actor_2``.
    - Figures (fatalities, injuries, participants, abducted, arrested) across sources: ``low`` = the
      minimum of the lows, ``best`` = the median of the bests (the lower middle value for an even count),
      ``high`` = the maximum of the stated upper bounds and of the bests — a source with no upper
      bound ("at least 12") does not lift the bound the others give, and ``high`` is None only when
      no source gives one. 14 / 15 / "at least 12" → 12 / 14 / 15. ``text`` joins the sources' texts.
    - Evidence: every report's evidence, in order; ``extras["evidence_doc_ids"]`` gives the document of
      each item. Role fillers are united by text.
    - ``extras["sources"]``: one entry per report with its event id, document id, dates, place, actors,
      its own figures and its evidence; ``extras["members"]``: the member event ids.

    Raises ``ValueError`` for an empty sequence.
    """
    if not events:
        raise ValueError("combine() needs at least one event")
    for e in events:
        if not isinstance(e, Event):
            raise TypeError(f"combine() takes eventwire Events, got {type(e).__name__}")
    first = events[0]

    def date_rank(e: Event) -> tuple[int, int]:
        start, end = _interval(e)
        width = (end - start).days if start and end else 10**6
        return (e.time_precision, width)

    def place_rank(e: Event) -> tuple[int, int, int]:
        return (e.geo_precision if e.geo_precision is not None else 9, e.location is None, e.admin1 is None)

    dated = min(events, key=date_rank)
    placed = min(events, key=place_rank)
    sub = _most_common(e.sub_event_type for e in events) or first.sub_event_type
    typed = next(e for e in events if e.sub_event_type == sub)

    actor1 = _most_common(e.actor1 for e in events)
    actor2 = _most_common(e.actor2 for e in events if e.actor2 != actor1)
    side1 = _unique(a for e in events for a in (e.actor1, *e.assoc_actor_1) if a)
    side2 = _unique(a for e in events for a in (e.actor2, *e.assoc_actor_2) if a)
    chosen = {actor1, actor2}
    with1 = next((e for e in events if e.actor1 == actor1), first)
    with2 = next((e for e in events if e.actor2 == actor2), first)

    evidence = tuple(ev for e in events for ev in e.evidence)
    evidence_docs = [e.doc_id for e in events for _ in e.evidence]
    best_notes = max(events, key=lambda e: e.confidence)

    return replace(
        first,
        event_type=typed.event_type,
        sub_event_type=sub,
        event_date=dated.event_date,
        date_start=dated.date_start,
        date_end=dated.date_end,
        time_precision=dated.time_precision,
        date_text=dated.date_text,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=tuple(a for a in side1 if a not in chosen),
        assoc_actor_2=tuple(a for a in side2 if a not in chosen and a not in side1),
        inter1=with1.inter1 if actor1 else None,
        inter2=with2.inter2 if actor2 else None,
        actor1_country=with1.actor1_country if actor1 else None,
        actor2_country=with2.actor2_country if actor2 else None,
        country=placed.country,
        iso3=placed.iso3,
        admin1=placed.admin1,
        admin2=placed.admin2,
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        geonames_id=placed.geonames_id,
        fatalities=_combine_quantities([e.fatalities for e in events]),
        injuries=_combine_quantities([e.injuries for e in events]),
        participants=_combine_quantities([e.participants for e in events]),
        abducted=_combine_quantities([e.abducted for e in events]),
        arrested=_combine_quantities([e.arrested for e in events]),
        perpetrator_orgs=_unique_fillers(f for e in events for f in e.perpetrator_orgs),
        perpetrator_individuals=_unique_fillers(f for e in events for f in e.perpetrator_individuals),
        targets=_unique_fillers(f for e in events for f in e.targets),
        victims=_unique_fillers(f for e in events for f in e.victims),
        weapons=_unique_fillers(f for e in events for f in e.weapons),
        civilian_targeting=any(e.civilian_targeting for e in events),
        notes=best_notes.notes,
        evidence=evidence,
        confidence=max(e.confidence for e in events),
        extras={
            **first.extras,
            "sources": [_source(e) for e in events],
            "members": [e.event_id for e in events],
            "evidence_doc_ids": evidence_docs,
        },
    )


# --------------------------------------------------------------------------------------------- clustering


def cluster(events: Sequence[Event]) -> list[list[int]]:
    """Group ``events`` into clusters of reports of the same event: lists of indices into ``events``.

    Every index appears in exactly one cluster (singletons included); clusters are sorted by their
    first index and each lists its indices in ascending order. Events are filed under their
    :func:`block_keys`, compared (:func:`compare`'s rules) only with events sharing a key, and merged
    by union-find, so the work grows with the sizes of the blocks, not with the square of the number of
    events. Two clusters are joined when a report of one matches a report of the other and their
    first reports (lowest indices) match too, which stops long chains of pairwise matches from
    gluing different events together, and when no document has a report in both: two reports of one
    document are never one event (the extractor told them apart), even through a third report.
    """
    feats = [_features(e) for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in _keys(f):
            blocks[key].append(i)

    # The documents of each cluster (by its root): two reports of one document are never one event.
    docs: dict[int, set[str]] = {}

    def documents(root: int) -> set[str]:
        return docs.get(root) or {feats[root].doc_id}

    def try_merge(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj or not _decide(feats[i], feats[j], explain=False).merge:
            return
        # Against chaining (A~B, B~C, C~D... drifting away from A): the clusters' first reports must
        # also be compatible with each other ...
        if (ri, rj) != (i, j) and not _decide(feats[ri], feats[rj], explain=False).merge:
            return
        # ... and the clusters must not hold two reports of one document: its extractor told them apart
        # (a vague third report matching both must not glue them together).
        di, dj = documents(ri), documents(rj)
        if not di.isdisjoint(dj):
            return
        root, child = min(ri, rj), max(ri, rj)
        parent[child] = root
        larger, smaller = (di, dj) if len(di) >= len(dj) else (dj, di)
        larger |= smaller  # into the larger set: a cluster's documents are copied O(log n) times at most
        docs.pop(child, None)
        docs[root] = larger

    for key, members in blocks.items():
        if len(members) < 2:
            continue
        if is_country_key(key):
            vague = [i for i in members if feats[i].admin1 is None]
            for i in vague:
                for j in members:
                    if j != i and (feats[j].admin1 is not None or j > i):
                        try_merge(i, j)
            continue
        # Sweep over the block in order of start date: a pair is compared only while the later start
        # lies within the earlier event's interval (plus the tolerance).
        members.sort(key=lambda i: feats[i].start or dt.date.min)
        tolerance = dt.timedelta(days=NAMED_DATE_TOLERANCE_DAYS if _is_name_key(key) else DATE_TOLERANCE_DAYS)
        for x, i in enumerate(members):
            end = feats[i].end
            limit = end + tolerance if end is not None else dt.date.min
            for j in members[x + 1 :]:
                start = feats[j].start
                if start is None or start > limit:
                    break
                try_merge(i, j)

    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
