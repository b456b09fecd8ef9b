"""Actors: a normalized actor, and an actor named in a text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    """An ACLED-style actor.

    ``inter`` is ACLED's actor-type code: 1 state forces, 2 rebel groups, 3 political militias,
    4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
    ``country`` is the actor's own country (ISO 3166 name), not where it acts.
    """

    name: str
    inter: int | None
    country: str | None = None
    kind: str | None = None  # military, police, rebel, militia, civilians, protesters, rioters, ...


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a document, with its offsets and its normalization."""

    start: int
    end: int
    text: str
    actor: Actor
