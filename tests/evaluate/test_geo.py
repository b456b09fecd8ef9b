"""The geoparsing scorer on tiny hand-made gold, and one run on the shared corpora where present."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventwire.errors import SourceError
from eventwire.evaluate.geo import (
    GoldDocument,
    GoldToponym,
    align,
    auc,
    evaluate_geo,
    haversine_km,
    load_corpus,
    score_documents,
)
from eventwire.extraction.toponyms import find_toponyms
from eventwire.models.place import Place, PlaceMention
from eventwire.resolve.gazetteer import Gazetteer
from support import shared_path

TEXT = "Gunmen attacked Ramadi, in Anbar province, and Iraqi troops fled to Baghdad and Paris."


@pytest.fixture(scope="module")
def gazetteer(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _gold(word: str, lat: float, lon: float, gid: int | None = None) -> GoldToponym:
    start, end = _span(word)
    return GoldToponym(start, end, word, lat, lon, gid)


def _mention(word: str, place: Place | None, *, extra: int = 0) -> PlaceMention:
    start, end = _span(word)
    return PlaceMention(start, end + extra, TEXT[start : end + extra], place)


RAMADI = Place("Ramadi", "Iraq", "IRQ", "Anbar", latitude=33.4258, longitude=43.2992, geonames_id=94824)
PARIS_TX = Place(
    "Paris", "United States", "USA", "Texas", latitude=33.6609, longitude=-95.5555, geonames_id=4717560
)


def test_geo_haversine_and_auc_known_values() -> None:
    # One degree of latitude is about 111.2 km; London-Paris is about 344 km.
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.6, abs=1.0)
    assert auc([0.0, 0.0, 0.0]) == 0.0
    # Two errors: the trapezoid between ln(1) = 0 and ln(1 + 20038) is half the normalised maximum.
    assert auc([0.0, 20038.0]) == pytest.approx(0.5, abs=1e-6)
    assert auc([20038.0, 20038.0]) == pytest.approx(1.0, abs=1e-6)
    assert 0 < auc([10.0, 100.0, 1000.0]) < 1


def test_geo_align_pairs_overlaps_one_to_one_exact_first() -> None:
    gold = [_gold("Anbar", 33.0, 42.0), _gold("Baghdad", 33.3, 44.4)]
    predicted = [_mention("Anbar", None, extra=len(" province")), _mention("Baghdad", None)]
    assert align(gold, predicted) == [(0, 0), (1, 1)]
    # Two predictions over one gold span: only one is paired, the exact one.
    predicted = [_mention("Baghdad", None, extra=4), _mention("Baghdad", None)]
    assert align([gold[1]], predicted) == [(0, 1)]
    assert align(gold, []) == []


def test_geo_score_documents_counts_recognition_and_resolution(gazetteer: Gazetteer) -> None:
    gold = (
        _gold("Ramadi", 33.4258, 43.2992, 94824),
        _gold("Anbar", 33.0, 42.0),
        _gold("Iraqi", 33.0, 44.0),  # an adjectival form: counted under "all gold" only
        _gold("Paris", 48.8534, 2.3488, 2988507),
    )
    doc = GoldDocument("d1", TEXT, gold)
    predicted = [
        _mention("Ramadi", RAMADI),  # right, exact
        _mention("Paris", PARIS_TX),  # found, resolved 7,800 km away to the wrong country
        _mention("Gunmen", None),  # a false toponym
    ]
    report = score_documents("tiny", [doc], lambda text: predicted, gazetteer)
    assert report.names.gold == 3 and report.names.matched == 2
    assert report.everything.gold == 4 and report.everything.matched == 2
    assert report.predicted == 3 and report.predicted_matched == 2
    assert report.recall == pytest.approx(2 / 3)
    assert report.precision == pytest.approx(2 / 3)
    assert len(report.errors_km) == 2
    assert report.acc161 == pytest.approx(0.5)
    assert report.errors_km[1] > 7000
    assert report.country.correct == 1 and report.country.total == 2
    assert report.geonames_id.correct == 1 and report.geonames_id.total == 2
    kinds = {next(iter(k for k in m if k in {"miss", "far", "false"})) for m in report.misses}
    assert kinds == {"miss", "far", "false"}
    data = report.to_dict()
    assert data["headline"]["acc@161"] == 0.5
    assert "Acc@161km" in report.render_text()


def test_geo_score_documents_counts_non_literal_predictions(gazetteer: Gazetteer) -> None:
    doc = GoldDocument("d1", TEXT, (_gold("Ramadi", 33.4258, 43.2992, 94824),))
    start, end = _span("Paris")
    predicted = [
        _mention("Ramadi", RAMADI),
        PlaceMention(start, end, TEXT[start:end], PARIS_TX, literal=False),  # not in the gold
    ]
    report = score_documents("tiny", [doc], lambda text: predicted, gazetteer)
    assert (report.non_literal, report.non_literal_matched) == (1, 0)
    assert report.predicted == 2 and report.precision == pytest.approx(0.5)
    assert report.to_dict()["recognition"]["non_literal"] == {"predicted": 1, "matched": 0}


def test_geo_load_corpus_rejects_unknown_and_missing(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="unknown corpus"):
        load_corpus("lgl", tmp_path)
    with pytest.raises(SourceError, match="not found"):
        load_corpus("gwn", tmp_path)
    bad = tmp_path / "corpora"
    bad.mkdir()
    (bad / "TR-News.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(SourceError, match="malformed XML"):
        load_corpus("trnews", tmp_path)


def test_geo_loaders_repair_shifted_spans(tmp_path: Path) -> None:
    # GeoVirus counts offsets from 1: "Pandi" at 9..14 of this text is given as 10..15.
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "GeoVirus.xml").write_text(
        "<articles><article><source>x</source><text>Farm in Pandi, Bulacan.</text><locations>"
        "<location><name>Pandi</name><start>9</start><end>14</end><lat>14.87</lat><lon>120.95</lon>"
        "<page>p</page></location></locations></article></articles>",
        encoding="utf-8",
    )
    (doc,) = load_corpus("geovirus", tmp_path)
    (top,) = doc.toponyms
    assert (top.start, top.end, top.text) == (8, 13, "Pandi")


def test_geo_real_parser_on_hand_gold(gazetteer: Gazetteer) -> None:
    gold = (_gold("Ramadi", 33.4258, 43.2992), _gold("Baghdad", 33.3406, 44.4009))
    report = score_documents(
        "tiny", [GoldDocument("d", TEXT, gold)], lambda t: find_toponyms(t, gazetteer), gazetteer
    )
    assert report.names.matched == 2
    assert report.acc161 == 1.0
    assert report.country.value == 1.0
    assert not math.isnan(report.mean_error_km)


@pytest.mark.parametrize("corpus", ["trnews"])
def test_geo_evaluate_on_shared_corpus(corpus: str, gazetteer: Gazetteer) -> None:
    data = shared_path("benchmarks", "geoparsing")
    report = evaluate_geo(corpus, lambda t: find_toponyms(t, gazetteer), gazetteer, data_dir=data, limit=10)
    assert report.documents == 10
    assert report.names.gold > 50
    assert 0 < report.recall <= 1 and 0 < report.precision <= 1
    assert 0 < len(report.errors_km) <= report.everything.matched
