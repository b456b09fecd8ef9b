"""Events from mentions: a movement of forces is an event of its own unless it answers violence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.models.document import Document


def _events(extractor: Any, text: str) -> list[tuple[str, str]]:
    doc = Document(id="t", text=text, published=dt.date(2020, 5, 10))
    return [(e.event_type, e.sub_event_type) for e in extractor.run(doc).events]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2020, Russian military police brought reinforcements to the town of Maadan in Raqqa.",
        "On 4 May 2020, Turkish and Russian forces conducted a joint patrol in the countryside of Hasakah.",
        "On 8 May 2020, the governor imposed a nightly curfew in the province of Soum.",
    ],
)
def test_events_movements_of_forces_are_changes_of_activity(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == [("Strategic developments", "Change to group/activity")]


def test_events_reinforcements_that_answer_a_riot_belong_to_it(extractor: Any) -> None:
    text = (
        "On 8 May 2020, rioters threw stones at police and burned tyres in Kano. "
        "Calm returned by late evening after police reinforcements arrived."
    )
    assert [event_type for event_type, _ in _events(extractor, text)] == ["Riots"]


class _SaysProtest:
    """A type model sure that every text is a peaceful protest."""

    def predict(self, text: str) -> tuple[str, str, float]:
        return "Protests", "Peaceful protest", 0.9


def test_events_the_model_makes_no_protest_of_an_event_without_a_protest_trigger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.extraction import events

    monkeypatch.setattr(events, "load_type_model", lambda: _SaysProtest())
    attack = ("Violence against civilians", "Attack", True)
    # Leaders condemning an assassination: the mentions are violence, so the rules' reading stands.
    assert events.second_opinion(attack, "leaders condemned the assassination", {"violence"}) == attack
    # A report whose mentions include a protest may become one.
    assert events.second_opinion(attack, "students marched after the killing", {"violence", "protest"}) == (
        "Protests",
        "Peaceful protest",
        False,
    )


def test_events_a_level_of_forces_is_no_movement(extractor: Any) -> None:
    text = (
        "Defence ministers from three Sahel states agreed on Thursday to keep a joint force of about 5,000"
        " troops deployed along their shared borders through next year."
    )
    assert _events(extractor, text) == []
