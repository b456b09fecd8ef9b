"""The acled-notes scorer on hand-built rows and predictions, and (where ../shared exists) on the sample."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from eventwire.errors import ExtractionError, SourceError
from eventwire.evaluate.acled_notes import (
    AcledRow,
    acled_parts,
    evaluate_acled_notes,
    is_held_out,
    load_acled_rows,
    normalize_actor,
    normalize_admin1,
    normalize_value,
    parse_acled_date,
    rows_for_part,
    score_acled_notes,
    split_rows,
)
from eventwire.models import Document, Event, Quantity
from eventwire.models.event import SUB_EVENT_TO_TYPE

SHARED = Path(__file__).parents[2] / ".." / "shared"
ACLED_DIR = SHARED / "benchmarks" / "acled_sample"
needs_shared = pytest.mark.skipif(
    not any(ACLED_DIR.glob("*.csv")),
    reason=f"ACLED sample not available: {ACLED_DIR.resolve()} is absent",
)


def row(
    event_id: str = "X1",
    sub_event_type: str = "Attack",
    *,
    actor1: str | None = "Unidentified Armed Group (Burkina Faso)",
    actor2: str | None = "Civilians (Burkina Faso)",
    admin1: str | None = "Centre",
    fatalities: int | None = 0,
) -> AcledRow:
    return AcledRow(
        event_id_cnty=event_id,
        event_date=dt.date(2020, 12, 2),
        event_type=SUB_EVENT_TO_TYPE[sub_event_type],
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        country="Burkina Faso",
        admin1=admin1,
        fatalities=fatalities,
        notes="On 2 December 2020, unknown gunmen opened fire ...",
        origin="test",
    )


def event(
    sub_event_type: str = "Attack",
    *,
    actor1: str | None = "Unidentified Armed Group (Burkina Faso)",
    actor2: str | None = "Civilians (Burkina Faso)",
    admin1: str | None = "Centre",
    fatalities: int | None = None,
) -> Event:
    return Event(
        event_id="e",
        doc_id="X1",
        event_type=SUB_EVENT_TO_TYPE[sub_event_type],
        sub_event_type=sub_event_type,
        event_date=dt.date(2020, 12, 2),
        date_start=None,
        date_end=None,
        time_precision=1,
        actor1=actor1,
        actor2=actor2,
        admin1=admin1,
        fatalities=Quantity(fatalities, fatalities, fatalities, str(fatalities))
        if fatalities is not None
        else None,
    )


def fields(rows: list[AcledRow], predictions: dict[str, list[Event]]) -> dict[str, tuple[int, int, int, int]]:
    """Per field: (correct, predicted, gold, accuracy-correct)."""
    report = score_acled_notes(rows, predictions)
    out = {}
    for score in report.tables[0].rows:
        assert score.accuracy is not None
        out[score.name] = (score.correct, score.predicted, score.gold, score.accuracy.correct)
    return out


# ------------------------------------------------------------------------------------- parts and loading


def test_held_out_rule_is_the_documented_hash() -> None:
    for event_id in ("BFO4217", "YEM52360", "ISR1786", "MEX17991"):
        expected = int(hashlib.sha256(event_id.encode()).hexdigest(), 16) % 5 == 0
        assert is_held_out(event_id) is expected
    ids = [f"ABC{n}" for n in range(5000)]
    share = sum(map(is_held_out, ids)) / len(ids)
    assert 0.18 < share < 0.22


def test_split_rows_is_disjoint_complete_and_order_preserving() -> None:
    rows = [row(f"R{n}") for n in range(200)]
    parts = split_rows(rows)
    assert len(parts.tuning) + len(parts.held_out) == 200
    assert {r.event_id_cnty for r in parts.tuning}.isdisjoint(r.event_id_cnty for r in parts.held_out)
    assert all(is_held_out(r.event_id_cnty) for r in parts.held_out)
    assert not any(is_held_out(r.event_id_cnty) for r in parts.tuning)
    assert [r.event_id_cnty for r in parts.held_out] == [
        r.event_id_cnty for r in rows if is_held_out(r.event_id_cnty)
    ]


def test_parse_acled_date_formats() -> None:
    assert parse_acled_date("03 December 2020") == dt.date(2020, 12, 3)
    assert parse_acled_date("9-May-20") == dt.date(2020, 5, 9)
    assert parse_acled_date("2020-05-09") == dt.date(2020, 5, 9)
    assert parse_acled_date("someday") is None


HEADER = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "notes",
    "fatalities",
]


def _write_csv(path: Path, records: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(records)


def test_load_rows_skips_blank_notes_and_repeated_ids(tmp_path: Path) -> None:
    _write_csv(
        tmp_path / "a.csv",
        [
            [
                "BFO1",
                "03 December 2020",
                "Battles",
                "Armed clash",
                "A",
                "B",
                "Burkina Faso",
                "Sahel",
                "On 3 December ...",
                "4",
            ],
            ["BFO2", "03 December 2020", "Battles", "Armed clash", "A", "", "Burkina Faso", "Sahel", "", "1"],
        ],
    )
    _write_csv(
        tmp_path / "b.csv",
        [
            [
                "BFO1",
                "3-Dec-20",
                "Battles",
                "Armed clash",
                "other",
                "",
                "Burkina Faso",
                "Sahel",
                "duplicate",
                "9",
            ],
            [
                "YEM9",
                "9-May-20",
                "Riots",
                "Mob violence",
                "Rioters (Yemen)",
                "",
                "Yemen",
                "Aden",
                "On 9 May 2020 ...",
                "",
            ],
        ],
    )
    rows = load_acled_rows(tmp_path)
    assert [r.event_id_cnty for r in rows] == ["BFO1", "YEM9"]
    first, second = rows
    assert (first.notes, first.fatalities, first.actor2, first.admin1) == (
        "On 3 December ...",
        4,
        "B",
        "Sahel",
    )
    assert second.fatalities is None and second.actor2 is None
    doc = second.to_document()
    assert (doc.id, doc.text, doc.published, doc.published_source) == (
        "YEM9",
        "On 9 May 2020 ...",
        dt.date(2020, 5, 9),
        "metadata",
    )


def test_missing_data_folder_is_a_clear_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=str(tmp_path / "nowhere")):
        evaluate_acled_notes(lambda doc: [], tmp_path / "nowhere")


def test_unknown_part_is_refused(tmp_path: Path) -> None:
    _write_csv(tmp_path / "a.csv", [])
    with pytest.raises(SourceError, match="part"):
        rows_for_part("test", tmp_path)


# ------------------------------------------------------------------------------------- scoring


def test_normalize_value() -> None:
    assert normalize_value("Military Forces of Yemen (2016-)") == "military forces of yemen 2016"
    assert normalize_value("  Boucle du Mouhoun ") == normalize_value("boucle du mouhoun")
    assert normalize_value("Hauts-Bassins") == normalize_value("Hauts Bassins")
    assert normalize_value("Ségou") == "segou"
    assert normalize_value(None) == ""


def test_no_event_is_wrong_on_type_and_counts_zero_fatalities() -> None:
    rows = [row("A", fatalities=0), row("B", fatalities=3)]
    report = score_acled_notes(rows, {})
    assert report.metric("event_type_accuracy") == 0.0
    assert report.metric("sub_event_type_accuracy") == 0.0
    assert report.metric("fatalities_exact") == pytest.approx(0.5)  # A: 0 == 0
    assert report.metric("actor2_accuracy") == 0.0
    # Even where ACLED has no actor2, a note with no event is not right about it.
    assert score_acled_notes([row("C", actor2=None)], {}).metric("actor2_accuracy") == 0.0


def test_only_the_first_event_is_compared() -> None:
    rows = [row("A", "Attack")]
    assert (
        score_acled_notes(rows, {"A": [event("Attack"), event("Armed clash")]}).metric(
            "sub_event_type_accuracy"
        )
        == 1.0
    )
    assert (
        score_acled_notes(rows, {"A": [event("Armed clash"), event("Attack")]}).metric(
            "sub_event_type_accuracy"
        )
        == 0.0
    )


def test_event_type_right_sub_event_type_wrong() -> None:
    report = score_acled_notes([row("A", "Attack")], {"A": [event("Sexual violence")]})
    assert report.metric("event_type_accuracy") == 1.0
    assert report.metric("sub_event_type_accuracy") == 0.0


def test_fatalities_exact_and_counts() -> None:
    rows = [row("A", fatalities=5), row("B", fatalities=0), row("C", fatalities=2), row("D", fatalities=None)]
    predictions = {
        "A": [event(fatalities=5)],
        "B": [event(fatalities=None)],
        "C": [event(fatalities=7)],
        "D": [event(fatalities=1)],
    }
    scores = fields(rows, predictions)
    # A exact; B null counts as 0 (right); C wrong; D has no ACLED count and is not scored.
    assert scores["fatalities"] == (1, 2, 2, 2)
    assert score_acled_notes(rows, predictions).metric("fatalities_exact") == pytest.approx(2 / 3)


def test_actors_in_order_and_either_order() -> None:
    gold = row(
        "A", actor1="Military Forces of Mali (2016-)", actor2="JNIM: Group for Support of Islam and Muslims"
    )
    swapped = event(
        actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali (2016-)"
    )
    scores = fields([gold], {"A": [swapped]})
    assert scores["actor1"] == (0, 1, 1, 0)
    assert scores["actor2"] == (0, 1, 1, 0)
    assert scores["actors (in order)"] == (0, 2, 2, 0)
    assert scores["actors (either order)"] == (2, 2, 2, 1)

    same = event(
        actor1="military forces of mali (2016-)", actor2="JNIM: Group for Support of Islam and Muslims"
    )
    scores = fields([gold], {"A": [same]})
    assert scores["actors (in order)"] == (2, 2, 2, 1)


def test_actor_names_are_compared_without_acleds_government_period() -> None:
    gold = row(
        "A",
        actor1="Police Forces of Burkina Faso (2015-) Gendarmerie",
        actor2="Military Forces of Mali (2013-2020)",
    )
    ours = event(actor1="Police Forces of Burkina Faso Gendarmerie", actor2="Military Forces of Mali")
    scores = fields([gold], {"A": [ours]})
    assert scores["actor1"] == (1, 1, 1, 1)
    assert scores["actors (either order)"] == (2, 2, 2, 1)
    report = score_acled_notes([gold], {"A": [ours]})
    assert report.metric("actor1_accuracy") == 1.0
    assert report.metric("actor1_accuracy_with_period") == 0.0  # the strict reading stays in the report
    assert report.metric("actors_either_order_accuracy_with_period") == 0.0
    # A later export closes the period: "(2013-)" and "(2013-2020)" are one name.
    assert normalize_actor("Military Forces of Mali (2013-)") == normalize_actor(
        "Military Forces of Mali (2013-2020)"
    )
    assert normalize_actor(None) == ""


def test_empty_actor2_on_both_sides_is_right_but_not_a_hit() -> None:
    scores = fields([row("A", actor2=None)], {"A": [event(actor2=None)]})
    assert scores["actor2"] == (0, 0, 0, 1)
    scores = fields([row("A", actor2=None)], {"A": [event(actor2="Civilians (Mali)")]})
    assert scores["actor2"] == (0, 1, 0, 0)


def test_admin1_match_is_normalized() -> None:
    scores = fields([row("A", admin1="Hauts-Bassins")], {"A": [event(admin1="hauts bassins")]})
    assert scores["admin1"] == (1, 1, 1, 1)
    scores = fields([row("A", admin1="Sahel")], {"A": [event(admin1=None)]})
    assert scores["admin1"] == (0, 0, 1, 0)


def test_macro_and_weighted_f1_by_hand() -> None:
    rows = [row("1", "Attack"), row("2", "Attack"), row("3", "Attack"), row("4", "Armed clash")]
    predictions = {"1": [event("Attack")], "2": [event("Armed clash")], "4": [event("Armed clash")]}
    report = score_acled_notes(rows, predictions)
    # Attack: P 1/1, R 1/3 -> F1 0.5; Armed clash: P 1/2, R 1/1 -> F1 2/3.
    assert report.metric("sub_event_type_macro_f1") == pytest.approx((0.5 + 2 / 3) / 2)
    assert report.metric("sub_event_type_weighted_f1") == pytest.approx((3 * 0.5 + 1 * 2 / 3) / 4)
    assert report.metric("sub_event_type_accuracy") == pytest.approx(2 / 4)
    labels = {label.name: label for label in report.class_scores[0].labels}
    assert (labels["Attack"].correct, labels["Attack"].predicted, labels["Attack"].gold) == (1, 1, 3)


def test_evaluate_runs_the_extractor_on_the_held_out_part(tmp_path: Path) -> None:
    records = [
        [f"T{n}", "9-May-20", "Battles", "Armed clash", "A", "B", "Yemen", "Sanaa", f"note {n}", "1"]
        for n in range(40)
    ]
    _write_csv(tmp_path / "a.csv", records)
    seen: list[Document] = []

    def extract(doc: Document) -> list[Event]:
        seen.append(doc)
        if doc.id == seen[0].id:
            raise ExtractionError("broken", where=doc.id)
        return [event("Armed clash", actor1="A", actor2="B", admin1="Sanaa", fatalities=1)]

    report = evaluate_acled_notes(extract, tmp_path)
    held_out = [f"T{n}" for n in range(40) if is_held_out(f"T{n}")]
    assert [doc.id for doc in seen] == held_out
    assert all(doc.published == dt.date(2020, 5, 9) for doc in seen)
    assert report.split == "held_out" and report.documents == len(held_out)
    assert [error.doc_id for error in report.errors] == held_out[:1]
    assert report.metric("sub_event_type_accuracy") == pytest.approx((len(held_out) - 1) / len(held_out))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["benchmark"] == "acled-notes" and data["class_scores"][0]["accuracy"]["total"] == len(
        held_out
    )
    text = report.render_text()
    assert "actors (either order)" in text and "weighted F1" in text

    tuning = evaluate_acled_notes(lambda doc: [], tmp_path, part="tuning")
    assert tuning.documents == 40 - len(held_out)


# ------------------------------------------------------------------------------------- the real sample


@needs_shared
@pytest.mark.shared
def test_sample_parts_are_deterministic_and_about_a_fifth() -> None:
    parts = acled_parts(ACLED_DIR)
    total = len(parts.tuning) + len(parts.held_out)
    assert total > 8000
    assert 0.18 < len(parts.held_out) / total < 0.22
    assert {r.event_id_cnty for r in parts.tuning}.isdisjoint(r.event_id_cnty for r in parts.held_out)
    assert all(r.notes and r.sub_event_type in SUB_EVENT_TO_TYPE and r.event_date for r in parts.held_out)
    assert acled_parts(ACLED_DIR) == parts


@needs_shared
@pytest.mark.shared
def test_sample_oracle_scores_perfectly() -> None:
    rows = {r.event_id_cnty: r for r in rows_for_part("held_out", ACLED_DIR)}

    def oracle(doc: Document) -> list[Event]:
        gold = rows[doc.id]
        result = event(
            gold.sub_event_type,
            actor1=gold.actor1,
            actor2=gold.actor2,
            admin1=gold.admin1,
            fatalities=gold.fatalities,
        )
        return [result]

    report = evaluate_acled_notes(oracle, ACLED_DIR)
    for name, value in report.headline:
        assert value == pytest.approx(1.0), name


def test_normalize_admin1_drops_only_the_unit_form() -> None:
    assert normalize_admin1("Bicol Region") == normalize_admin1("Bicol")
    assert normalize_admin1("City of Zagreb") == normalize_admin1("Grad Zagreb")
    assert normalize_admin1("Autonomna Pokrajina Vojvodina") == normalize_admin1("Vojvodina")
    assert normalize_admin1("Lima Province") != normalize_admin1("Lima")
