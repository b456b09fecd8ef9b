"""Rule-based role fillers: targets read after an attack verb."""

from __future__ import annotations

from eventwire.extraction.roles import find_targets


def test_roles_the_agent_or_means_of_a_passive_is_no_target() -> None:
    for text, targets in (
        ("the police station was hit by a car bomb on monday", []),
        ("rebels attacked a car bomb factory", ["a car bomb factory"]),
        ("gunmen attacked the police station with rifles", ["the police station"]),
        ("a bomb exploded outside the ministry of defence", ["the ministry"]),
    ):
        assert [text[s:e] for s, e in find_targets(text, [(0, len(text))])] == targets, text
