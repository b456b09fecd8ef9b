"""The event record of ``../shared/record-contract.md``, defined once.

Every interface (CLI, Python API, store, exports) emits :class:`Event` through :meth:`Event.to_dict`,
whose keys are the contract's field names in the contract's order, followed by our extra fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
"""ACLED's 6 event types and 25 sub-event types, in ACLED's spelling."""

SUB_EVENT_TO_TYPE: dict[str, str] = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}

TIME_PRECISION = {1: "day", 2: "week", 3: "month", 4: "year or vaguer"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count read from text, as a range: ``low`` <= ``best`` <= ``high`` (``high`` None: no upper bound)."""

    low: int
    best: int
    high: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high, "text": self.text}


@dataclass(frozen=True, slots=True)
class RoleFiller:
    """A role filler as the text names it (perpetrator, target, victim, weapon)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a field's value came from: ``field`` names it (``"sentence"`` for a reporting sentence)."""

    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True, slots=True)
class Event:
    """One event reported by one document (no cross-document merging at this stage)."""

    event_id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    date_start: dt.date | None
    date_end: dt.date | None
    time_precision: int
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonames_id: int | None = None
    fatalities: Quantity | None = None
    injuries: Quantity | None = None
    participants: Quantity | None = None
    perpetrator_orgs: tuple[RoleFiller, ...] = ()
    perpetrator_individuals: tuple[RoleFiller, ...] = ()
    targets: tuple[RoleFiller, ...] = ()
    victims: tuple[RoleFiller, ...] = ()
    weapons: tuple[RoleFiller, ...] = ()
    civilian_targeting: bool = False
    notes: str = ""
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    # Fields beyond the contract.
    abducted: Quantity | None = None
    arrested: Quantity | None = None
    date_text: str | None = None  # the date expression as written, kept even when it cannot be resolved
    actor1_country: str | None = None
    actor2_country: str | None = None
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data: contract fields first, in the contract's order."""

        def quantity(q: Quantity | None) -> dict[str, Any] | None:
            return q.to_dict() if q else None

        def fillers(items: tuple[RoleFiller, ...]) -> list[dict[str, Any]]:
            return [item.to_dict() for item in items]

        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": _iso(self.event_date),
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "time_precision": self.time_precision,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "assoc_actor_1": list(self.assoc_actor_1),
            "assoc_actor_2": list(self.assoc_actor_2),
            "inter1": self.inter1,
            "inter2": self.inter2,
            "country": self.country,
            "iso3": self.iso3,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "geonames_id": self.geonames_id,
            "fatalities": quantity(self.fatalities),
            "injuries": quantity(self.injuries),
            "participants": quantity(self.participants),
            "perpetrator_orgs": fillers(self.perpetrator_orgs),
            "perpetrator_individuals": fillers(self.perpetrator_individuals),
            "targets": fillers(self.targets),
            "victims": fillers(self.victims),
            "weapons": fillers(self.weapons),
            "civilian_targeting": self.civilian_targeting,
            "notes": self.notes,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "abducted": quantity(self.abducted),
            "arrested": quantity(self.arrested),
            "date_text": self.date_text,
            "actor1_country": self.actor1_country,
            "actor2_country": self.actor2_country,
        }


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _quantity(value: Any) -> Quantity | None:
    if not value:
        return None
    return Quantity(value["low"], value["best"], value.get("high"), value.get("text", ""))


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of :meth:`Event.to_dict` (for records read back from a store or a file)."""

    def fillers(key: str) -> tuple[RoleFiller, ...]:
        return tuple(RoleFiller(f["text"], f["start"], f["end"]) for f in data.get(key) or ())

    return Event(
        event_id=data["event_id"],
        doc_id=data["doc_id"],
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        event_date=_date(data.get("event_date")),
        date_start=_date(data.get("date_start")),
        date_end=_date(data.get("date_end")),
        time_precision=data.get("time_precision", 4),
        actor1=data.get("actor1"),
        actor2=data.get("actor2"),
        assoc_actor_1=tuple(data.get("assoc_actor_1") or ()),
        assoc_actor_2=tuple(data.get("assoc_actor_2") or ()),
        inter1=data.get("inter1"),
        inter2=data.get("inter2"),
        country=data.get("country"),
        iso3=data.get("iso3"),
        admin1=data.get("admin1"),
        admin2=data.get("admin2"),
        location=data.get("location"),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        geo_precision=data.get("geo_precision"),
        geonames_id=data.get("geonames_id"),
        fatalities=_quantity(data.get("fatalities")),
        injuries=_quantity(data.get("injuries")),
        participants=_quantity(data.get("participants")),
        perpetrator_orgs=fillers("perpetrator_orgs"),
        perpetrator_individuals=fillers("perpetrator_individuals"),
        targets=fillers("targets"),
        victims=fillers("victims"),
        weapons=fillers("weapons"),
        civilian_targeting=bool(data.get("civilian_targeting")),
        notes=data.get("notes") or "",
        evidence=tuple(
            Evidence(e["field"], e["start"], e["end"], e["text"]) for e in data.get("evidence") or ()
        ),
        confidence=float(data.get("confidence") or 0.0),
        abducted=_quantity(data.get("abducted")),
        arrested=_quantity(data.get("arrested")),
        date_text=data.get("date_text"),
        actor1_country=data.get("actor1_country"),
        actor2_country=data.get("actor2_country"),
    )
