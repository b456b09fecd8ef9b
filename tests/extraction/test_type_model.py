"""The shipped sub-event-type classifier: its features and its reading of plain reports."""

from __future__ import annotations

import pytest

from eventwire.extraction.type_model import cue_features, features, load_type_model, tokens


def test_type_model_tokens_fold_numbers_and_drop_months() -> None:
    assert tokens("On 8 May 2020, 12 soldiers") == ["on", "0", "0", "0", "soldiers"]


def test_type_model_cue_features_name_trigger_kinds_and_figures() -> None:
    cues = cue_features("Militants planted an IED that killed three soldiers; no one was injured.")
    assert {"kind=ied", "fatalities=forces", "no injuries"} <= set(cues)


def test_type_model_features_add_stems() -> None:
    assert {"shell~", "shelled", "forces shelled"} <= set(features("Forces shelled the village"))


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Hundreds of teachers protested peacefully outside the ministry, demanding unpaid salaries.",
         "Peaceful protest"),
        ("Suspected militants abducted two aid workers on the road to the camp.",
         "Abduction/forced disappearance"),
        ("Rebel forces shelled government positions near the town with mortars.",
         "Shelling/artillery/missile attack"),
    ],
)  # fmt: skip
def test_type_model_reads_plain_reports(text: str, sub_event_type: str) -> None:
    model = load_type_model()
    if model is None:
        pytest.skip("event_types.npz is not shipped in this checkout")
    assert model.predict(text).sub_event_type == sub_event_type


def test_type_model_cue_features_read_triggers_as_one_alternation_would() -> None:
    # The trigger kinds come from the literals each pattern starts with; the reading must stay that of
    # one regex over all kinds (leftmost match, first kind in lexicon order, no overlaps).
    import re

    from eventwire.extraction.lexicon import TRIGGERS

    text = (
        "Suicide bombers blew themselves up near a checkpoint; air strikes and shelling followed, and "
        "police arrested 12 protesters after a roadside bomb exploded. Gunmen abducted two aid workers "
        "and later stormed the town hall; hundreds of demonstrators marched in the capital."
    ).lower()
    alternation = re.compile("|".join(f"(?P<{kind.name}>{kind.pattern})" for kind in TRIGGERS))
    expected = [f"kind={m.lastgroup}" for m in alternation.finditer(text)]
    assert len(expected) >= 8
    assert [f for f in cue_features(text) if f.startswith("kind=")] == expected


def test_type_model_predict_sums_an_event_types_sub_types() -> None:
    import numpy as np

    from eventwire.extraction.type_model import TypeModel

    labels = (
        "Battles | Armed clash",
        "Violence against civilians | Attack",
        "Violence against civilians | Abduction/forced disappearance",
    )
    # No features: the bias alone gives P = 0.4 / 0.35 / 0.25.
    model = TypeModel(
        labels=labels,
        vocabulary={},
        idf=np.zeros(0, dtype=np.float32),
        weights=np.zeros((3, 0), dtype=np.float32),
        bias=np.log(np.array([0.4, 0.35, 0.25], dtype=np.float32)),
    )
    prediction = model.predict("gunmen seized two men")
    assert (prediction.event_type, prediction.sub_event_type) == ("Violence against civilians", "Attack")
    assert prediction.type_probability == pytest.approx(0.6, abs=1e-4)
    assert prediction.probability == pytest.approx(0.35, abs=1e-4)


def test_type_model_reading_features_name_who_did_what_to_whom() -> None:
    from eventwire.extraction.type_model import Reading, reading_features

    reading = Reading(
        rules=("Violence against civilians", "Attack"),
        kinds=("attack", "kill"),
        anchor_kinds=("attack",),
        family="violence",
        families=("violence",),
        side_a=((3, "unidentified"),),
        side_b=(),
        victims=("forces",),
        fatalities=1,
    )
    probabilities = {"Battles | Armed clash": 0.6, "Violence against civilians | Attack": 0.4}
    feats = reading_features(reading, probabilities)
    assert {
        "r:Violence against civilians|Attack",
        "rt:Violence against civilians&mt:Battles",
        "a:3",
        "ak:unidentified",
        "b:none",
        "v:forces",
        "k:kill",
        "fat",
        # armed men on one side, soldiers dead on the other: both sides armed
        "armed:True&True",
    } <= set(feats)
    assert feats["t:Battles"] > feats["t:Violence against civilians"]
    # The first stage speaks per event type only: per sub-event type its rare labels overfit the stage.
    assert not any(name.startswith("p:") for name in feats)


def test_type_model_ships_a_second_stage_over_the_event_types() -> None:
    model = load_type_model()
    if model is None or model.stage is None:
        pytest.skip("event_types.npz with a second stage is not shipped in this checkout")
    assert {"Battles", "Violence against civilians", "Riots", "Protests"} <= set(model.stage.labels)
    probabilities = model.stage.probabilities({"v:forces": 1.0})
    assert abs(sum(probabilities.values()) - 1.0) < 1e-6
