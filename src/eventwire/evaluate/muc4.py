"""``eventwire evaluate muc4``: the MUC-4 terrorism corpus, scored GRIT-style and against the full keys.

Data (``../shared/benchmarks/muc4``; see its ``SOURCE.md``), three JSON Lines files per split, one line
per document, all in the same document order:

``full_templates/{split}.jsonl``
    ``{"docid", "text", "relevant", "templates": [{"template": "1" | "2 (OPTIONAL)", "slots": {...}}]}``.
    ``text`` is the original upper-case FBIS text *with its dateline* ("   SAN SALVADOR, 10 JAN 90
    (RADIO ...) -- [TEXT] ..."); it is passed to the extractor as given, with no ``published`` date
    (the extractor reads the dateline itself). ``slots`` maps each answer-key slot name
    (``"INCIDENT: DATE"``, ``"INCIDENT: LOCATION"``, ``"INCIDENT: TYPE"``, ...) to the lines of the key
    verbatim. ``relevant`` is true exactly when there is at least one template (optional ones included).
``processed_grit/{split}.jsonl``
    ``{"docid", "doctext", "extracts": {"PerpInd"|"PerpOrg"|"Target"|"Victim"|"Weapon": [entity, ...]}}``
    where an entity is a list of ``[mention, offset]`` pairs (lower-cased, dateline removed): GRIT's
    gold, one merged set of role-filler entities per document. Used for CEAF-REE.
``processed_gtt/{split}.jsonl``
    ``{"docid", "doctext", "templates": [{"incident_type", "PerpInd", ...}]}``: the same role fillers per
    template, in the order of the full templates (checked on load). Used to align events to templates.

Scores
------
1. **CEAF-REE** (GRIT, Du et al. 2021), role-filler entity extraction at document level. The fillers
   of every event returned for a document are pooled per role (perpetrator individual →
   ``Event.perpetrator_individuals``, perpetrator organization → ``perpetrator_orgs``, target →
   ``targets``, victim → ``victims``, weapon → ``weapons``) and de-duplicated after normalization.
   A predicted filler matches a gold entity when, normalized, it equals one of the entity's mentions
   normalized (lower-cased, punctuation deleted, the articles a/an/the removed, whitespace collapsed).
   Per document and role, predicted fillers and gold entities are aligned one-to-one so that the number
   of matches is largest (CEAF); precision = matches / predicted fillers, recall = matches / gold
   entities, micro-averaged over documents, per role and over the five roles.
2. **Document relevance**: a document is relevant when its key has ≥1 template, predicted relevant
   when the extractor returns ≥1 event. Accuracy over documents, and P/R/F1 of the "relevant" class.
3. **Incidents against the full templates.** Within each document, events and templates are aligned
   one-to-one so that the total agreement is largest (as in CEAF), agreement of a pair being the number of
   the template's role-filler entities matched by the event's fillers (same role) plus one for each of:
   compatible type, date, country, named place (below). Pairs with no agreement are not aligned.
   An optional template ("N (OPTIONAL)") counts in the key only when an event is aligned to it.
   For each field: *correct* = aligned pairs where the event's value is right, *gold* = templates whose
   key has the field, *predicted* = events that give the field (less those aligned to a template whose
   key lacks it); the accuracy column is correct / aligned pairs whose key has the field.

   - ``incident``: correct = aligned pairs, predicted = events, gold = templates.
   - ``incident_type``: the event's ``sub_event_type`` is compatible with the key's type
     (:data:`MUC4_TYPE_TO_SUB_EVENTS`; "BOMBING / ATTACK" accepts either).
   - ``date``: the key's incident date lies within the event's interval ``date_start``..``date_end``
     (each falling back to ``event_date``; a missing bound is open). Key forms (MUC-4 task doc 7.3):
     ``DD MMM YY`` a day (must lie in the interval), ``DD MMM YY - DD MMM YY`` "on or between" and
     ``- DD MMM YY`` "on or before" (the intervals must overlap); ``(A) / (B)`` alternatives; ``-`` no
     date (not scored). A key date without a year takes the year of the dateline; where the dateline has
     none either ("NO DATE", "12 NOV"), the key date is not scored. Days past the month's end ("31 NOV
     89") are read as its last day.
   - ``date_day``: the event's best day ``event_date`` lies in a bounded key interval, or equals the
     anchor of an "on or before" key (the report date, which ACLED-style coding uses then).
   - ``country``: the event's ``iso3`` (or ``country`` looked up in ISO 3166) or country name equals
     the country of one of the key's location alternatives.
   - ``place``: one of the event's ``location``, ``admin2``, ``admin1`` equals, normalized, one of the
     places named in the key's location at any level ("PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)"
     names Lima and San Isidro). Scored only where the key names a place below the country.

Type mapping (:data:`MUC4_TYPE_TO_SUB_EVENTS`): MUC-4 ATTACK covers shootings, assassinations, massacres
and guerrilla assaults on posts, so it accepts ACLED's Attack, Armed clash, the two territory-change
Battles, Shelling/artillery/missile attack, Air/drone strike, Grenade, Mob violence, Excessive force
against protesters and Sexual violence; BOMBING (an explosive device) accepts Remote
explosive/landmine/IED, Suicide bomb, Grenade and Air/drone strike; KIDNAPPING and HIJACKING accept
Abduction/forced disappearance; ARSON accepts Looting/property destruction, Attack, Mob violence and
Violent demonstration; ROBBERY accepts Looting/property destruction and Attack; MURDER (a MUC-3 type the
MUC-4 keys converted to ATTACK) accepts Attack; FORCED WORK STOPPAGE accepts Other and Change to
group/activity. An unknown key type accepts nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.documents.build import build_document
from eventwire.errors import MalformedInputError, SourceError
from eventwire.evaluate.report import (
    Accuracy,
    DocumentFailure,
    EvaluationReport,
    ExtractFn,
    FieldScore,
    ProgressFn,
    ScoreTable,
    micro_total,
    run_extractor_over,
)
from eventwire.models.document import Document, RawItem
from eventwire.models.event import Event, RoleFiller

SPLITS = ("dev", "train", "test")
"""Split names; this copy of the corpus holds ``dev`` and ``train`` (``test`` is kept aside)."""

ROLES: tuple[tuple[str, str], ...] = (
    ("PerpInd", "perpetrator_individuals"),
    ("PerpOrg", "perpetrator_orgs"),
    ("Target", "targets"),
    ("Victim", "victims"),
    ("Weapon", "weapons"),
)
"""GRIT's role names and the :class:`~eventwire.models.event.Event` field each is read from."""

_BATTLES = ("Armed clash", "Government regains territory", "Non-state actor overtakes territory")
MUC4_TYPE_TO_SUB_EVENTS: dict[str, frozenset[str]] = {
    "ATTACK": frozenset(
        (
            "Attack",
            *_BATTLES,
            "Shelling/artillery/missile attack",
            "Air/drone strike",
            "Grenade",
            "Mob violence",
            "Excessive force against protesters",
            "Sexual violence",
        )
    ),
    "BOMBING": frozenset(("Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Air/drone strike")),
    "KIDNAPPING": frozenset(("Abduction/forced disappearance",)),
    "HIJACKING": frozenset(("Abduction/forced disappearance",)),
    "ARSON": frozenset(("Looting/property destruction", "Attack", "Mob violence", "Violent demonstration")),
    "ROBBERY": frozenset(("Looting/property destruction", "Attack")),
    "MURDER": frozenset(("Attack",)),
    "FORCED WORK STOPPAGE": frozenset(("Other", "Change to group/activity")),
}
"""ACLED sub-event types compatible with each MUC-4 incident type (see the module docstring)."""

_COUNTRY_ALIASES = {"GUATAMALA": "GTM"}  # misspellings found in the keys


def default_data_dir() -> Path:
    """``../shared/benchmarks/muc4`` relative to the current working directory."""
    return Path.cwd() / ".." / "shared" / "benchmarks" / "muc4"


# ----------------------------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldDate:
    """One reading of a key's ``INCIDENT: DATE``: on or between ``start`` and ``end``.

    ``start`` None is the key's "on or before ``end``" form.
    """

    start: dt.date | None
    end: dt.date


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """One reading of a key's ``INCIDENT: LOCATION``: the country and the places named below it."""

    country: str | None
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldTemplate:
    """One answer-key template: the parsed slots we score, the GTT role fillers and the raw slots.

    ``roles`` maps each GRIT role name to its entities, each a tuple of mention strings.
    """

    template_id: str
    optional: bool
    incident_types: tuple[str, ...]
    dates: tuple[GoldDate, ...]
    locations: tuple[GoldLocation, ...]
    roles: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    slots: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Muc4Document:
    """A MUC-4 document with its key: templates (full view) and GRIT's merged role-filler entities."""

    doc_id: str
    text: str
    relevant: bool
    templates: tuple[GoldTemplate, ...]
    entities: Mapping[str, tuple[tuple[str, ...], ...]]
    origin: str | None = None

    def to_document(self) -> Document:
        """The text as given (dateline included), built as any input is: the dateline gives the date."""
        raw = RawItem(self.origin or self.doc_id, self.text, "text/plain", (("id", self.doc_id),))
        return build_document(raw)


_MONTHS = {
    name: number
    for number, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1
    )
}
_DATELINE_DATE = re.compile(
    r"\b(\d{1,2})\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+(\d{2,4})\b", re.IGNORECASE
)


def _year(text: str) -> int:
    year = int(text)
    return year + 1900 if year < 100 else year


def dateline_year(text: str) -> int | None:
    """The year of the dateline ("LIMA, 10 JAN 90 (EFE) --" → 1990), from the first 200 characters."""
    match = _DATELINE_DATE.search(text[:200])
    return _year(match.group(3)) if match else None


def _split_top_level(value: str, separator: str) -> list[str]:
    """``value`` split on ``separator`` where it is not inside parentheses."""
    parts: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(value):
        char = value[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and value.startswith(separator, index):
            parts.append(value[start:index])
            index += len(separator)
            start = index
            continue
        index += 1
    parts.append(value[start:])
    return parts


def _strip_wrapping(value: str) -> str:
    """Leading "?" markers and parentheses that wrap the whole value removed."""
    value = value.strip().lstrip("?").strip()
    while value.startswith("(") and value.endswith(")"):
        depth = 0
        for index, char in enumerate(value):
            depth += char == "("
            depth -= char == ")"
            if depth == 0 and index < len(value) - 1:
                return value  # the first "(" closes before the end: "(A) - (B)"
        value = value[1:-1].strip().lstrip("?").strip()
    return value


_KEY_DAY = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3,})\.?(?:\s+(\d{2,4}))?$")
_KEY_DAY_MONTH_FIRST = re.compile(r"^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:\s+(\d{2,4}))?$")


def _parse_key_day(text: str, default_year: int | None) -> dt.date | None:
    text = text.strip()
    match = _KEY_DAY.match(text)
    if match:
        day, month_name, year = match.group(1), match.group(2), match.group(3)
    else:
        match = _KEY_DAY_MONTH_FIRST.match(text)
        if not match:
            return None
        month_name, day, year = match.group(1), match.group(2), match.group(3)
    month = _MONTHS.get(month_name[:3].upper())
    resolved_year = _year(year) if year else default_year
    if month is None or resolved_year is None:
        return None
    day_number = min(int(day), calendar.monthrange(resolved_year, month)[1])  # the keys have "31 NOV 89"
    return dt.date(resolved_year, month, day_number) if day_number >= 1 else None


def parse_key_date(value: str, default_year: int | None = None) -> tuple[GoldDate, ...]:
    """The readings of an ``INCIDENT: DATE`` key value; empty for ``-``, ``*`` or an unreadable value.

    >>> parse_key_date("(08 MAR 90) / (07 MAR 90 - 08 MAR 90)")  # doctest: +NORMALIZE_WHITESPACE
    (GoldDate(start=datetime.date(1990, 3, 8), end=datetime.date(1990, 3, 8)),
     GoldDate(start=datetime.date(1990, 3, 7), end=datetime.date(1990, 3, 8)))
    """
    readings: list[GoldDate] = []
    for alternative in _split_top_level(value, "/"):
        alternative = _strip_wrapping(alternative)
        if alternative in {"", "-", "*"}:
            continue
        if "-" not in alternative:
            day = _parse_key_day(alternative, default_year)
            if day:
                readings.append(GoldDate(day, day))
            continue
        left, _, right = alternative.partition("-")
        end = _parse_key_day(right, default_year)
        if end is None:
            continue
        if not left.strip():
            readings.append(GoldDate(None, end))
            continue
        start = _parse_key_day(left, default_year)
        if start is not None:
            readings.append(GoldDate(min(start, end), max(start, end)))
    return tuple(dict.fromkeys(readings))


_NAMED_PLACE = re.compile(r"([^()]+?)\s*\(([^()]*)\)")


def parse_key_location(value: str) -> tuple[GoldLocation, ...]:
    """The readings of an ``INCIDENT: LOCATION`` key value ("COUNTRY: PLACE (TYPE): PLACE (TYPE)").

    Alternatives are separated by "/" outside parentheses, several places at one level by " - ".

    >>> parse_key_location("(COLOMBIA: MEDELLIN (CITY)) / (COLOMBIA)")
    (GoldLocation(country='COLOMBIA', places=('MEDELLIN',)), GoldLocation(country='COLOMBIA', places=()))
    """
    readings: list[GoldLocation] = []
    for alternative in _split_top_level(value, "/"):
        alternative = _strip_wrapping(alternative)
        if alternative in {"", "-", "*"}:
            continue
        levels = _split_top_level(alternative, ":")
        country = levels[0].strip() or None
        places: list[str] = []
        for level in levels[1:]:
            found = [m.group(1) for m in _NAMED_PLACE.finditer(level)]
            for name in found or [level]:
                name = name.strip().lstrip("-").strip()
                if name and name not in places:
                    places.append(name)
        readings.append(GoldLocation(country, tuple(places)))
    return tuple(dict.fromkeys(readings))


def parse_key_types(value: str) -> tuple[str, ...]:
    """The incident types of an ``INCIDENT: TYPE`` key value ("BOMBING / ATTACK" → both)."""
    types = (_strip_wrapping(part).upper() for part in _split_top_level(value, "/"))
    return tuple(dict.fromkeys(t for t in types if t and t not in {"-", "*"}))


def _first_value(slots: Mapping[str, Sequence[str]], name: str) -> str:
    values = [v for v in slots.get(name, ()) if not v.lstrip().startswith(";")]
    return values[0] if values else "-"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise SourceError(f"MUC-4 file not found: {path.resolve()}", where=str(path))
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise MalformedInputError(f"not JSON: {error.msg}", where=f"{path}:{number}") from error
            if not isinstance(row, dict) or "docid" not in row:
                raise MalformedInputError("not a MUC-4 document record", where=f"{path}:{number}")
            rows.append(row)
    return rows


def _entities(raw: Iterable[Any]) -> tuple[tuple[str, ...], ...]:
    """GRIT/GTT entities (lists of ``[mention, offset]``) as tuples of mention strings."""
    entities: list[tuple[str, ...]] = []
    for entity in raw:
        mentions = tuple(m[0] if isinstance(m, list) else str(m) for m in entity)
        if mentions:
            entities.append(mentions)
    return tuple(entities)


def resolve_data_dir(data_dir: Path | str | None = None) -> Path:
    """The MUC-4 folder (``data_dir``, else :func:`default_data_dir`); SourceError if it is not there."""
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not (root / "full_templates").is_dir():
        raise SourceError(
            f"MUC-4 benchmark not found: looked for {root.resolve() / 'full_templates'}; "
            "pass the folder that holds full_templates/, processed_grit/ and processed_gtt/",
            where=str(root),
        )
    return root


def load_muc4(split: str = "dev", data_dir: Path | str | None = None) -> list[Muc4Document]:
    """The documents of ``split`` with their keys, in corpus order (SourceError if the files are absent)."""
    if split not in SPLITS:
        raise SourceError(f"unknown MUC-4 split {split!r}; expected one of {', '.join(SPLITS)}")
    root = resolve_data_dir(data_dir)
    full_path = root / "full_templates" / f"{split}.jsonl"
    if not full_path.is_file():
        raise SourceError(
            f"MUC-4 split {split!r} not found: looked for {full_path.resolve()}"
            + (" (the test split is kept aside in this copy)" if split == "test" else ""),
            where=str(full_path),
        )
    full = _read_jsonl(full_path)
    grit = {row["docid"]: row for row in _read_jsonl(root / "processed_grit" / f"{split}.jsonl")}
    gtt = {row["docid"]: row for row in _read_jsonl(root / "processed_gtt" / f"{split}.jsonl")}
    documents: list[Muc4Document] = []
    for number, row in enumerate(full, start=1):
        doc_id = str(row["docid"])
        where = f"{full_path}:{number}"
        if doc_id not in grit or doc_id not in gtt:
            raise MalformedInputError(f"{doc_id} is missing from processed_grit/processed_gtt", where=where)
        text = str(row.get("text", ""))
        year = dateline_year(text)
        gtt_templates = gtt[doc_id].get("templates", [])
        raw_templates = row.get("templates", [])
        if len(gtt_templates) != len(raw_templates):
            raise MalformedInputError(
                f"{doc_id}: {len(raw_templates)} full templates but {len(gtt_templates)} GTT templates",
                where=where,
            )
        templates: list[GoldTemplate] = []
        for raw, view in zip(raw_templates, gtt_templates, strict=True):
            slots = {name: tuple(values) for name, values in raw.get("slots", {}).items()}
            template_id = str(raw.get("template", ""))
            templates.append(
                GoldTemplate(
                    template_id=template_id,
                    optional="OPTIONAL" in template_id.upper(),
                    incident_types=parse_key_types(_first_value(slots, "INCIDENT: TYPE")),
                    dates=parse_key_date(_first_value(slots, "INCIDENT: DATE"), year),
                    locations=parse_key_location(_first_value(slots, "INCIDENT: LOCATION")),
                    roles={role: _entities(view.get(role, [])) for role, _ in ROLES},
                    slots=slots,
                )
            )
        extracts = grit[doc_id].get("extracts", {})
        documents.append(
            Muc4Document(
                doc_id=doc_id,
                text=text,
                relevant=bool(row.get("relevant", bool(templates))),
                templates=tuple(templates),
                entities={role: _entities(extracts.get(role, [])) for role, _ in ROLES},
                origin=where,
            )
        )
    return documents


# --------------------------------------------------------------------------------------------- matching

_ARTICLES = re.compile(r"\b(?:a|an|the)\b")
_PUNCTUATION = frozenset(string.punctuation)


def normalize_mention(text: str) -> str:
    """GRIT's string normalization: lower case, punctuation deleted, articles removed, spaces collapsed.

    >>> normalize_mention('The "Santo Tomas" Presidential Farm')
    'santo tomas presidential farm'
    """
    text = text.lower()
    text = "".join(
        char for char in text if char not in _PUNCTUATION and not unicodedata.category(char).startswith("P")
    )
    return " ".join(_ARTICLES.sub(" ", text).split())


def max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns with the largest total weight (Hungarian method).

    Returns ``(row, column)`` pairs, ``min(rows, columns)`` of them (zero-weight pairs included).
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    if rows == 0 or columns == 0:
        return []
    if rows > columns:
        transposed = [[weights[r][c] for r in range(rows)] for c in range(columns)]
        return [(r, c) for c, r in max_weight_assignment(transposed)]
    # Minimize cost = -weight; potentials u (rows) and v (columns), 1-based with a dummy column 0.
    infinity = 1 << 60
    u = [0] * (rows + 1)
    v = [0] * (columns + 1)
    owner = [0] * (columns + 1)  # owner[j]: the row assigned to column j (0: none)
    previous = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        column = 0
        slack = [infinity] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[column] = True
            current_row = owner[column]
            delta = infinity
            next_column = 0
            for j in range(1, columns + 1):
                if used[j]:
                    continue
                reduced = -weights[current_row - 1][j - 1] - u[current_row] - v[j]
                if reduced < slack[j]:
                    slack[j] = reduced
                    previous[j] = column
                if slack[j] < delta:
                    delta = slack[j]
                    next_column = j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            back = previous[column]
            owner[column] = owner[back]
            column = back
    return sorted((owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j])


def _matched_entities(gold: Sequence[Sequence[str]], predicted: Sequence[str]) -> int:
    """How many gold entities a one-to-one alignment can match with ``predicted`` (normalized) fillers."""
    if not gold or not predicted:
        return 0
    gold_sets = [{normalize_mention(m) for m in entity} for entity in gold]
    weights = [[1 if filler in entity else 0 for entity in gold_sets] for filler in predicted]
    return sum(weights[r][c] for r, c in max_weight_assignment(weights))


def ceaf_ree_counts(gold: Sequence[Sequence[str]], predicted: Iterable[str]) -> tuple[int, int, int]:
    """``(matched, predicted, gold)`` for one role of one document (predicted fillers de-duplicated).

    ``gold`` is a list of entities, each a list of mention strings; ``predicted`` the filler strings.
    """
    fillers = list(dict.fromkeys(normalize_mention(text) for text in predicted))
    return _matched_entities(gold, fillers), len(fillers), len(gold)


def pooled_fillers(events: Iterable[Event]) -> dict[str, list[str]]:
    """The fillers of all ``events`` per GRIT role, in order (as written in the text)."""
    events = list(events)
    pooled: dict[str, list[str]] = {}
    for role, attribute in ROLES:
        fillers: tuple[RoleFiller, ...] = ()
        for event in events:
            fillers += getattr(event, attribute)
        pooled[role] = [filler.text for filler in fillers]
    return pooled


def type_compatible(incident_types: Iterable[str], sub_event_type: str) -> bool:
    """Whether an ACLED ``sub_event_type`` is compatible with one of the key's MUC-4 types."""
    return any(sub_event_type in MUC4_TYPE_TO_SUB_EVENTS.get(t.upper(), ()) for t in incident_types)


def _interval(event: Event) -> tuple[dt.date | None, dt.date | None] | None:
    start = event.date_start or event.event_date
    end = event.date_end or event.event_date
    return None if start is None and end is None else (start, end)


def date_within(dates: Sequence[GoldDate], event: Event) -> bool | None:
    """Whether the key's date is within the event's interval; None when the event gives no date."""
    interval = _interval(event)
    if interval is None:
        return None
    start, end = interval
    for gold in dates:
        if gold.start == gold.end:
            if (start is None or start <= gold.end) and (end is None or gold.end <= end):
                return True
        elif (start is None or start <= gold.end) and (
            gold.start is None or end is None or end >= gold.start
        ):
            return True
    return False


def date_day(dates: Sequence[GoldDate], event: Event) -> bool | None:
    """Whether the event's best day agrees with the key (see the module docstring); None without a day."""
    day = event.event_date
    if day is None:
        return None
    return any(
        (gold.start is None and day == gold.end) or (gold.start is not None and gold.start <= day <= gold.end)
        for gold in dates
    )


def _plain(text: str) -> str:
    """Accents removed, case folded, punctuation turned to spaces, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join("".join(char if char.isalnum() else " " for char in text).split())


_ISO3_CACHE: dict[str, str | None] = {}


def country_iso3(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country name (None if unknown)."""
    key = name.strip().upper()
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if key not in _ISO3_CACHE:
        import pycountry  # deferred: only the location score needs it

        try:
            _ISO3_CACHE[key] = str(pycountry.countries.lookup(name.strip()).alpha_3)
        except LookupError:
            _ISO3_CACHE[key] = None
    return _ISO3_CACHE[key]


def country_match(locations: Sequence[GoldLocation], event: Event) -> bool | None:
    """Whether the event's country is the key's; None when the event gives no country."""
    if not event.country and not event.iso3:
        return None
    predicted_iso3 = (event.iso3 or "").upper() or (country_iso3(event.country) if event.country else None)
    predicted_name = _plain(event.country or "")
    for gold in locations:
        if not gold.country:
            continue
        if predicted_name and _plain(gold.country) == predicted_name:
            return True
        if predicted_iso3 and country_iso3(gold.country) == predicted_iso3:
            return True
    return False


def place_match(locations: Sequence[GoldLocation], event: Event) -> bool | None:
    """Whether a place the event names is one the key names; None when the event names none."""
    predicted = {_plain(name) for name in (event.location, event.admin2, event.admin1) if name}
    predicted.discard("")
    if not predicted:
        return None
    return any(_plain(place) in predicted for gold in locations for place in gold.places)


# ----------------------------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class _Tally:
    correct: int = 0
    predicted: int = 0
    gold: int = 0
    acc_correct: int = 0
    acc_total: int = 0

    def row(self, name: str, with_accuracy: bool = True) -> FieldScore:
        accuracy = Accuracy(name, self.acc_correct, self.acc_total) if with_accuracy else None
        return FieldScore(name, self.correct, self.predicted, self.gold, accuracy)


_TEMPLATE_FIELDS = ("incident_type", "date", "date_day", "country", "place")


def _key_has(name: str, template: GoldTemplate) -> bool:
    """Whether the template's key fills field ``name`` (so that it is scored)."""
    if name == "incident_type":
        return bool(template.incident_types)
    if name in {"date", "date_day"}:
        return bool(template.dates)
    if name == "country":
        return any(location.country for location in template.locations)
    return any(location.places for location in template.locations)


def _event_right(name: str, template: GoldTemplate, event: Event) -> bool | None:
    """Whether the event's value of field ``name`` agrees with the key (None: the event gives none)."""
    if name == "incident_type":
        return (
            type_compatible(template.incident_types, event.sub_event_type) if event.sub_event_type else None
        )
    if name == "date":
        return date_within(template.dates, event)
    if name == "date_day":
        return date_day(template.dates, event)
    if name == "country":
        return country_match(template.locations, event)
    return place_match(template.locations, event)


def _event_gives(name: str, event: Event) -> bool:
    if name == "incident_type":
        return bool(event.sub_event_type)
    if name == "date":
        return _interval(event) is not None
    if name == "date_day":
        return event.event_date is not None
    if name == "country":
        return bool(event.country or event.iso3)
    return bool(event.location or event.admin2 or event.admin1)


def _event_fillers(event: Event) -> dict[str, list[str]]:
    return {
        role: list(dict.fromkeys(normalize_mention(f.text) for f in getattr(event, attribute)))
        for role, attribute in ROLES
    }


def align_events(templates: Sequence[GoldTemplate], events: Sequence[Event]) -> list[tuple[int, int, int]]:
    """``(template index, event index, agreement)`` for the best one-to-one alignment (agreement > 0)."""
    if not templates or not events:
        return []
    fillers = [_event_fillers(event) for event in events]
    weights: list[list[int]] = []
    for template in templates:
        row: list[int] = []
        for event, event_fillers in zip(events, fillers, strict=True):
            agreement = sum(
                _matched_entities(template.roles.get(role, ()), event_fillers[role]) for role, _ in ROLES
            )
            agreement += sum(
                1 for name in _TEMPLATE_FIELDS if name != "date_day" and _event_right(name, template, event)
            )
            row.append(agreement)
        weights.append(row)
    return [(t, e, weights[t][e]) for t, e in max_weight_assignment(weights) if weights[t][e] > 0]


@dataclass(slots=True)
class _Muc4Tally:
    roles: dict[str, _Tally] = field(default_factory=lambda: {role: _Tally() for role, _ in ROLES})
    relevance: _Tally = field(default_factory=_Tally)
    incident: _Tally = field(default_factory=_Tally)
    fields: dict[str, _Tally] = field(default_factory=lambda: {name: _Tally() for name in _TEMPLATE_FIELDS})
    by_type: dict[str, _Tally] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    events: int = 0

    def add(self, document: Muc4Document, events: Sequence[Event]) -> None:
        self.events += len(events)
        pooled = pooled_fillers(events)
        for role, _ in ROLES:
            matched, predicted, gold = ceaf_ree_counts(document.entities.get(role, ()), pooled[role])
            tally = self.roles[role]
            tally.correct += matched
            tally.predicted += predicted
            tally.gold += gold

        predicted_relevant = bool(events)
        self.relevance.correct += document.relevant and predicted_relevant
        self.relevance.predicted += predicted_relevant
        self.relevance.gold += document.relevant
        self.relevance.acc_correct += document.relevant == predicted_relevant
        self.relevance.acc_total += 1

        aligned = {t: e for t, e, _ in align_events(document.templates, events)}
        counted = [i for i, tpl in enumerate(document.templates) if not tpl.optional or i in aligned]
        self.incident.correct += len(aligned)
        self.incident.predicted += len(events)
        self.incident.gold += len(counted)
        skipped_events: dict[str, int] = dict.fromkeys(_TEMPLATE_FIELDS, 0)
        for index in counted:
            template = document.templates[index]
            event = events[aligned[index]] if index in aligned else None
            for name in _TEMPLATE_FIELDS:
                tally = self.fields[name]
                if not _key_has(name, template):
                    if event is not None:
                        skipped_events[name] += _event_gives(name, event)
                    continue
                tally.gold += 1
                if event is not None:
                    right = bool(_event_right(name, template, event))
                    tally.acc_total += 1
                    tally.correct += right
                    tally.acc_correct += right
            label = " / ".join(template.incident_types) or "-"
            by_type = self.by_type.setdefault(label, _Tally())
            by_type.gold += 1
            if event is not None:
                compatible = type_compatible(template.incident_types, event.sub_event_type)
                by_type.predicted += 1
                by_type.correct += compatible
                by_type.acc_total += 1
                by_type.acc_correct += compatible
                self.confusion[(label, event.sub_event_type)] += 1
        for name in _TEMPLATE_FIELDS:
            self.fields[name].predicted += sum(_event_gives(name, e) for e in events) - skipped_events[name]


def score_muc4(
    documents: Sequence[Muc4Document],
    predictions: Mapping[str, Sequence[Event]],
    *,
    split: str = "dev",
    info: Iterable[tuple[str, str]] = (),
    errors: Iterable[DocumentFailure] = (),
) -> EvaluationReport:
    """Score ``predictions`` (events per document id; a missing id means no events) against the keys."""
    tally = _Muc4Tally()
    for document in documents:
        tally.add(document, list(predictions.get(document.doc_id, ())))

    role_rows = tuple(tally.roles[role].row(role, with_accuracy=False) for role, _ in ROLES)
    role_total = micro_total("micro (5 roles)", role_rows)
    relevance = tally.relevance.row("relevant")
    incident_rows = (
        tally.incident.row("incident", with_accuracy=False),
        *(tally.fields[name].row(name) for name in _TEMPLATE_FIELDS),
    )
    type_rows = tuple(tally.by_type[label].row(label) for label in sorted(tally.by_type))
    ordered = sorted(tally.confusion.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    confusion = "; ".join(f"{gold} → {predicted or '?'} {count}" for (gold, predicted), count in ordered)
    fields = {row.name: row for row in incident_rows}

    def accuracy(name: str) -> float:
        acc = fields[name].accuracy
        return acc.value if acc else 0.0

    headline = (
        ("ceaf_ree_precision", role_total.precision),
        ("ceaf_ree_recall", role_total.recall),
        ("ceaf_ree_f1", role_total.f1),
        ("relevance_accuracy", relevance.accuracy.value if relevance.accuracy else 0.0),
        ("incident_f1", fields["incident"].f1),
        ("type_accuracy", accuracy("incident_type")),
        ("date_accuracy", accuracy("date")),
        ("country_accuracy", accuracy("country")),
        ("place_accuracy", accuracy("place")),
    )
    tables = (
        ScoreTable(
            "CEAF-REE role-filler entities (GRIT, document level)",
            role_rows,
            role_total,
            note="fillers pooled over all events of a document; one-to-one alignment per role",
        ),
        ScoreTable(
            "document relevance (≥1 template vs ≥1 event)",
            (relevance,),
            accuracy_label="acc (docs)",
        ),
        ScoreTable(
            "incidents: events aligned one-to-one to full templates",
            incident_rows,
            accuracy_label="acc (aligned)",
            note="accuracy = correct among aligned templates whose key has the field",
        ),
        ScoreTable(
            "incident type by MUC-4 type",
            type_rows,
            accuracy_label="acc (aligned)",
            note="pred = templates of that type with an aligned event; R = share of them typed compatibly",
        ),
    )
    all_info = (
        ("templates", str(sum(len(d.templates) for d in documents))),
        ("events", str(tally.events)),
        *info,
        ("type confusion (key → predicted sub-event type)", confusion or "-"),
    )
    return EvaluationReport(
        benchmark="muc4",
        split=split,
        documents=len(documents),
        headline=headline,
        tables=tables,
        info=all_info,
        errors=tuple(errors),
    )


def run_extractor(
    documents: Sequence[Muc4Document],
    extract_fn: ExtractFn,
    *,
    progress: ProgressFn | None = None,
) -> tuple[dict[str, list[Event]], list[DocumentFailure]]:
    """Events per document id; an eventwire error on a document is recorded and scored as no events."""
    return run_extractor_over(
        documents, lambda item: item.doc_id, lambda item: item.to_document(), extract_fn, progress=progress
    )


def evaluate_muc4(
    extract_fn: ExtractFn,
    split: str = "dev",
    data_dir: Path | str | None = None,
    *,
    limit: int | None = None,
    progress: ProgressFn | None = None,
) -> EvaluationReport:
    """Run ``extract_fn`` on every document of ``split`` (the first ``limit`` if given) and score it."""
    root = resolve_data_dir(data_dir)
    documents = load_muc4(split, root)
    if limit is not None:
        documents = documents[:limit]
    predictions, failures = run_extractor(documents, extract_fn, progress=progress)
    return score_muc4(
        documents,
        predictions,
        split=split,
        info=(("data", str(root.resolve())),),
        errors=failures,
    )
