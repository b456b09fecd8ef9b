"""``eventwire evaluate merging``: the gold rules, the cluster scores and the stored labels."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.evaluate.merging import (
    GOLD_PATH,
    PARTS,
    build_gold,
    load_gold,
    part_of,
    score_clusters,
)
from eventwire.evaluate.muc4 import GoldDate, GoldLocation, GoldTemplate, Muc4Document
from support import shared_path


def template(tid: str, day: int, place: str, kind: str, victims: tuple[str, ...] = ()) -> GoldTemplate:
    date = dt.date(1989, 11, day)
    return GoldTemplate(
        template_id=tid,
        optional=False,
        incident_types=(kind,),
        dates=(GoldDate(date, date),),
        locations=(GoldLocation("EL SALVADOR", (place,)),),
        roles={"Victim": tuple((v,) for v in victims)},
    )


def doc(doc_id: str, *templates: GoldTemplate) -> Muc4Document:
    return Muc4Document(doc_id, "", True, templates, {})


def test_merging_gold_links_reports_of_one_incident_only() -> None:
    docs = [
        doc("A", template("1", 16, "SAN SALVADOR", "ATTACK", ("IGNACIO ELLACURIA", "FIVE PRIESTS"))),
        doc(
            "B",
            template("1", 16, "SAN SALVADOR", "ATTACK", ("JESUIT PRIEST IGNACIO ELLACURIA",)),
            template("2", 16, "SAN SALVADOR", "BOMBING", ("PEOPLE",)),
        ),
        doc("C", template("1", 16, "SAN SALVADOR", "ATTACK", ("SOLDIERS",))),  # generic word only
        doc("D", template("1", 17, "SAN SALVADOR", "ATTACK", ("IGNACIO ELLACURIA",))),  # a day later, alone
    ]
    gold = build_gold(docs)
    incident = {(r.doc_id, r.template_id): r.incident for r in gold.reports}
    assert incident[("A", "1")] == incident[("B", "1")]
    assert len({incident[("A", "1")], incident[("B", "2")], incident[("C", "1")]}) == 3
    assert ("D", "1") not in incident, "a (day, country) reported by one document only is out of scope"


def test_merging_gold_never_joins_two_templates_of_one_document() -> None:
    docs = [
        doc(
            "A",
            template("1", 3, "LIMA", "ATTACK", ("MAYOR",)),
            template("2", 3, "LIMA", "ATTACK", ("JUDGE",)),
        ),
        doc("B", template("1", 3, "LIMA", "ATTACK", ("MAYOR", "JUDGE"))),
    ]
    incident = {(r.doc_id, r.template_id): r.incident for r in build_gold(docs).reports}
    assert incident[("A", "1")] != incident[("A", "2")]


def test_merging_cluster_scores_by_hand() -> None:
    gold = {1: "x", 2: "x", 3: "x", 4: "y"}
    predicted = {1: "a", 2: "a", 3: "b", 4: "b"}
    scores = score_clusters(predicted, gold)
    assert (scores.pairs_correct, scores.pairs_predicted, scores.pairs_gold) == (1, 2, 3)
    # B³ precision: items 1, 2 → 1; items 3, 4 → 1/2. Recall: 1, 2 → 2/3; 3 → 1/3; 4 → 1.
    assert scores.b3_precision == pytest.approx(0.75)
    assert scores.b3_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    perfect = score_clusters(gold, gold)
    assert perfect.b3_f1 == 1.0 and perfect.pairwise("p").f1 == 1.0
    with pytest.raises(ValueError, match="same items"):
        score_clusters({1: "a"}, {2: "a"})


def test_merging_stored_gold_is_labels_only_and_rebuilds_from_the_keys() -> None:
    stored = load_gold()
    raw = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    assert set(raw) == {"about", "splits", "templates", "incidents", "multi_document_incidents", "reports"}
    assert raw["reports"] and all(set(r) == {"doc_id", "template", "incident"} for r in raw["reports"])
    root = shared_path("benchmarks", "muc4")
    from eventwire.evaluate.muc4 import load_muc4

    documents = [d for split in stored.splits for d in load_muc4(split, root)]
    assert build_gold(documents).reports == stored.reports


def test_merging_evaluation_runs_the_extractor_and_scores(extractor) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluate.merging import evaluate_merging

    root = shared_path("benchmarks", "muc4")
    report = evaluate_merging(extractor.extract, data_dir=root)
    headline = dict(report.headline)
    assert set(headline) >= {"b3_f1", "b3_precision", "b3_recall", "pairwise_f1", "coverage"}
    assert report.documents == len(load_gold().doc_ids)
    assert headline["coverage"] > 0.5, "most gold templates should get an aligned event"
    assert headline["b3_precision"] > 0.8, "merging must not glue different incidents together wholesale"
    info = dict(report.info)
    assert "gold pairs not merged, by first reason" in info
    # The tune and test parts are scored apart, and together hold every gold pair.
    rows = {row.name: row for row in report.tables[0].rows}
    assert rows["cluster, tune part"].gold + rows["cluster, test part"].gold == rows["cluster"].gold
    assert {
        "tune part (even-numbered months): B3 P/R/F1",
        "test part (odd-numbered months): B3 P/R/F1",
    } <= set(info)


def test_merging_parts_split_by_month() -> None:
    assert part_of(dt.date(1989, 2, 28)) == "tune"
    assert part_of(dt.date(1989, 12, 1)) == "tune"
    assert part_of(dt.date(1990, 1, 31)) == "test"
    assert PARTS == ("tune", "test")
