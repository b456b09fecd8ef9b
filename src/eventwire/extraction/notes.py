"""A one-sentence summary of an event in ACLED's style: when, who, did what to whom, where, toll."""

from __future__ import annotations

from eventwire.models.event import Event, Quantity

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Arrests": "arrested",
}


def _when(event: Event) -> str:
    if event.date_start is None or event.date_end is None:
        return f"On an unresolved date ({event.date_text})" if event.date_text else "On an unknown date"
    if event.date_start == event.date_end:
        return f"On {event.date_start.day} {event.date_start:%B %Y}"
    start, end = event.date_start, event.date_end
    return f"Between {start.day} {start:%B %Y} and {end.day} {end:%B %Y}"


def _where(event: Event) -> str:
    parts = [p for p in (event.location, event.admin1) if p]
    place = ", ".join(dict.fromkeys(parts))
    if place and event.country:
        return f" in {place} ({event.country})"
    if event.country:
        return f" in {event.country}"
    return ""


def _toll(label: str, quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    exact = quantity.high == quantity.low
    return f" {label}: {quantity.best}{'' if exact else ' (' + quantity.text + ')'}."


def write_notes(event: Event) -> str:
    side_a = " and ".join([event.actor1, *event.assoc_actor_1]) if event.actor1 else "Unidentified actors"
    side_b = " and ".join([event.actor2, *event.assoc_actor_2]) if event.actor2 else ""
    verb = _VERBS.get(event.sub_event_type)
    if event.event_type in {"Protests", "Riots"}:
        action = f"{side_a} {'rioted' if event.event_type == 'Riots' else 'demonstrated'}"
        if side_b:
            action += f"; {side_b} intervened"
    elif verb:
        action = f"{side_a} {verb} {side_b or 'unidentified targets'}"
    else:
        action = f"{side_a}: {event.sub_event_type.lower()}" + (f" involving {side_b}" if side_b else "")
    text = f"{_when(event)}, {action}{_where(event)}."
    text += _toll("Fatalities", event.fatalities) + _toll("Injuries", event.injuries)
    return text
