"""``eventwire evaluate geo``: toponym recognition and resolution on the geoparsing corpora.

Data (``../shared/benchmarks/geoparsing``; see its ``SOURCE.md``), one corpus per run:

``gwn``: ``geowebnews/GWN.xml``
    ``<article file=N><text>`` and ``<toponym>`` with ``extractedName, type, start, end, geonamesID,
    latitude, longitude``. Gold toponyms are the annotations with coordinates (the types Literal, Mixed,
    Literal_Modifier, Non_Literal_Modifier, Embedded_Literal, Embedded_Non_Lit, Metonymic, Coercion);
    Non_Toponym, Homonym, Demonym, Language and the ``*_Expression`` annotations are not toponyms.
``trnews``: ``corpora/TR-News.xml``
    ``<article docid><text>`` and ``<toponym><phrase/start/end/gaztag geonameid>`` with the feature's
    ``lat, lon, country, admin1``. Gold toponyms are those with a ``gaztag``.
``geovirus``: ``corpora/GeoVirus.xml``
    ``<article><source><text>`` and ``<location><name/start/end/lat/lon/page>`` (Wikipedia coordinates).

Scores
------
**Recognition** (span match). A predicted mention and a gold toponym *match* when their spans overlap;
they are paired one to one in text order. ``recall = matched gold / gold``, ``precision = matched
predictions / predictions``. ``exact`` counts only identical spans. Predictions are every mention
``eventwire places`` reports, the toponyms inside organisations' names (``literal`` False: "Washington" in
"The Washington Post") included: GWN counts them (its ``Embedded_Non_Lit`` type), TR-News annotates some
("the Winnipeg Free Press") and GeoVirus few, so ``non_literal`` reports how many there were and how many
matched a gold toponym, for precision over the literal ones alone. The corpora tag adjectival forms
("Turkish", "Syrian" for Syria) as toponyms; eventwire deliberately reads them as demonyms, not places, so
recognition is reported twice: over the *names* (gold toponyms whose surface form is not a demonym in the
gazetteer's vocabulary: the headline) and over *all* gold toponyms. A prediction that overlaps a gold
toponym of either kind is not a false positive. GeoVirus annotates the places an article is about rather
than every toponym, so its precision is a lower bound.

**Resolution**, end to end as in CamCoder (Gritta et al. 2018) and Mordecai 3: over the gold toponyms
that were matched by a prediction with coordinates (*resolved*):

- ``acc@161``: share with a great-circle error under 161 km (100 miles);
- ``mean_error_km`` and ``median_error_km``;
- ``auc``: area under the curve of ``ln(1 + error km)`` over the sorted errors, by the trapezoid rule,
  divided by ``ln(20039)`` (half the Earth's circumference) and by ``n - 1`` (Jurgens et al. 2015, as in
  CamCoder's code): 0 is perfect, 1 every error at the antipode. Lower is better;
- ``country``: the predicted place's ISO alpha-3 equals the gold's (not scored where the prediction is
  wider than a country: a continent or a world region such as "the Middle East"). The gold country is
  that of the gold GeoNames id where the gazetteer holds it, else the country TR-News names, else the
  country the gold surface form names when its point lies within 1,500 km of the gold coordinates, else
  the country of the gazetteer's town nearest the gold coordinates (within 200 km; otherwise the
  toponym is not scored);
- ``admin1``: the same for (country, admin1), both sides read through the gazetteer; a gold country
  matches a predicted country;
- ``geonames_id``: exact id, over resolved toponyms whose gold has an id (GWN, TR-News).
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from eventwire.errors import SourceError
from eventwire.models.place import PlaceMention
from eventwire.resolve.gazetteer import KIND_COUNTRY, Gazetteer
from eventwire.resolve.geo_names import name_key

__all__ = [
    "CORPORA",
    "GeoReport",
    "GoldDocument",
    "GoldToponym",
    "auc",
    "evaluate_geo",
    "haversine_km",
    "load_corpus",
    "score_documents",
]

DEFAULT_DATA_DIR: Final = Path("../shared/benchmarks/geoparsing")
CORPORA: Final = {
    "gwn": "geowebnews/GWN.xml",
    "trnews": "corpora/TR-News.xml",
    "geovirus": "corpora/GeoVirus.xml",
}
EARTH_RADIUS_KM: Final = 6371.0088
MAX_ERROR_KM: Final = 20039.0
ACC_KM: Final = 161.0
_NEAREST_KM: Final = 200.0
_COUNTRY_KM: Final = 1500.0

# GWN annotation types that are toponyms (the rest are expressions, non-toponyms, people, languages).
GWN_TOPONYM_TYPES: Final = frozenset(
    {
        "Literal",
        "Mixed",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Metonymic",
        "Coercion",
    }
)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    country: str | None = None
    """A country name the corpus gives (TR-News)."""
    kind: str = ""
    """The corpus's own type, where it has one (GWN)."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


# -- loading -----------------------------------------------------------------------------------------


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except FileNotFoundError:
        raise SourceError(
            "geoparsing corpus not found; pass --data with the folder of SOURCE.md", where=str(path)
        ) from None
    except ET.ParseError as exc:
        raise SourceError(f"malformed XML: {exc}", where=str(path)) from None


def _span(el: ET.Element, where: str) -> tuple[int, int]:
    start, end = _int(el.findtext("start")), _int(el.findtext("end"))
    if start is None or end is None or end < start:
        raise SourceError("a toponym without a valid start/end", where=where)
    return start, end


def _repair(text: str, start: int, end: int, name: str | None) -> tuple[int, int]:
    """The span of ``name`` nearest to the given one: GeoVirus counts from 1 and some TR-News articles
    are shifted by a character or two against their text."""
    name = (name or "").strip()
    if not name or text[start:end] == name:
        return start, end
    best: int | None = None
    for at in (m.start() for m in re.finditer(re.escape(name), text[max(0, start - 20) : end + 20])):
        pos = max(0, start - 20) + at
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
    return (best, best + len(name)) if best is not None else (start, end)


def _load_gwn(root: ET.Element, where: str) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        for t in art.iter("toponym"):
            kind = (t.findtext("type") or "").strip()
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if kind not in GWN_TOPONYM_TYPES or lat is None or lon is None:
                continue
            start, end = _repair(text, *_span(t, where), t.findtext("extractedName"))
            gold.append(
                GoldToponym(start, end, text[start:end], lat, lon, _int(t.findtext("geonamesID")), None, kind)
            )
        docs.append(GoldDocument(art.get("file", str(len(docs))), text, tuple(gold)))
    return docs


def _load_trnews(root: ET.Element, where: str) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None:
                continue
            start, end = _repair(text, *_span(t, where), t.findtext("phrase"))
            gold.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    _float(tag.findtext("lat")),
                    _float(tag.findtext("lon")),
                    _int(tag.get("geonameid")),
                    (tag.findtext("country") or "").strip() or None,
                )
            )
        docs.append(GoldDocument(art.get("docid", str(len(docs))), text, tuple(gold)))
    return docs


def _load_geovirus(root: ET.Element, where: str) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        for t in art.iter("location"):
            lat, lon = _float(t.findtext("lat")), _float(t.findtext("lon"))
            if lat is None or lon is None:
                continue
            start, end = _repair(text, *_span(t, where), t.findtext("name"))
            gold.append(GoldToponym(start, end, text[start:end], lat, lon))
        source = (art.findtext("source") or "").strip()
        docs.append(GoldDocument(source or str(len(docs)), text, tuple(gold)))
    return docs


_LOADERS: Final = {"gwn": _load_gwn, "trnews": _load_trnews, "geovirus": _load_geovirus}


def load_corpus(corpus: str, data_dir: Path | None = None) -> list[GoldDocument]:
    """The documents of ``corpus`` (``gwn``, ``trnews`` or ``geovirus``) with their gold toponyms."""
    if corpus not in CORPORA:
        raise SourceError(f"unknown corpus {corpus!r}; choose one of {', '.join(CORPORA)}")
    path = (data_dir or DEFAULT_DATA_DIR) / CORPORA[corpus]
    return _LOADERS[corpus](_parse(path), str(path))


# -- metrics -----------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc(errors_km: Sequence[float]) -> float:
    """The normalised area under the sorted ``ln(1 + error)`` curve: 0 perfect, 1 worst (module doc)."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log1p(max(0.0, e)) for e in errors_km)
    if len(ys) == 1:
        return ys[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (math.log(MAX_ERROR_KM) * (len(ys) - 1))


def align(gold: Sequence[GoldToponym], predicted: Sequence[PlaceMention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs of overlapping spans, exact matches first."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(predicted):
                if pi in used_p:
                    continue
                hit = (
                    (p.start == g.start and p.end == g.end)
                    if exact
                    else (p.start < g.end and g.start < p.end)
                )
                if hit:
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return sorted(pairs)


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    matched: int = 0
    exact: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "matched": self.matched,
            "exact": self.exact,
            "recall": round(self.matched / self.gold, 4) if self.gold else 0.0,
        }


@dataclass(slots=True)
class _Trial:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += ok

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": round(self.value, 4)}


@dataclass(slots=True)
class GeoReport:
    """Counts and errors of one run; every ratio is computed from them."""

    corpus: str
    documents: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    predicted_exact: int = 0
    non_literal: int = 0
    non_literal_matched: int = 0
    names: _Counts = field(default_factory=_Counts)
    everything: _Counts = field(default_factory=_Counts)
    by_type: dict[str, _Counts] = field(default_factory=dict)
    """Recognition by the corpus's own toponym type (GWN's Literal, Metonymic, Embedded_Non_Lit...)."""
    errors_km: list[float] = field(default_factory=list)
    country: _Trial = field(default_factory=_Trial)
    admin1: _Trial = field(default_factory=_Trial)
    geonames_id: _Trial = field(default_factory=_Trial)
    info: list[tuple[str, str]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    """Examples of errors, for tuning: unmatched gold names, false places and far resolutions."""

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.names.matched / self.names.gold if self.names.gold else 0.0

    @property
    def acc161(self) -> float:
        e = self.errors_km
        return sum(1 for x in e if x < ACC_KM) / len(e) if e else 0.0

    @property
    def mean_error_km(self) -> float:
        return sum(self.errors_km) / len(self.errors_km) if self.errors_km else 0.0

    @property
    def median_error_km(self) -> float:
        e = sorted(self.errors_km)
        if not e:
            return 0.0
        mid = len(e) // 2
        return e[mid] if len(e) % 2 else (e[mid - 1] + e[mid]) / 2

    @property
    def auc(self) -> float:
        return auc(self.errors_km)

    def headline(self) -> dict[str, float]:
        f1 = 2 * self.precision * self.recall / (self.precision + self.recall) if self.precision else 0.0
        return {
            "toponym_recall": round(self.recall, 4),
            "toponym_precision": round(self.precision, 4),
            "toponym_f1": round(f1, 4),
            "acc@161": round(self.acc161, 4),
            "mean_error_km": round(self.mean_error_km, 1),
            "median_error_km": round(self.median_error_km, 1),
            "auc": round(self.auc, 4),
            "country": round(self.country.value, 4),
            "admin1": round(self.admin1.value, 4),
            "geonames_id": round(self.geonames_id.value, 4),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "benchmark": "geo",
            "corpus": self.corpus,
            "documents": self.documents,
            "headline": self.headline(),
            "recognition": {
                "predicted": self.predicted,
                "predicted_matched": self.predicted_matched,
                "predicted_exact": self.predicted_exact,
                "non_literal": {"predicted": self.non_literal, "matched": self.non_literal_matched},
                "names": self.names.to_dict(),
                "all_gold": self.everything.to_dict(),
                "by_type": {kind: counts.to_dict() for kind, counts in sorted(self.by_type.items())},
            },
            "resolution": {
                "resolved": len(self.errors_km),
                "acc@161": round(self.acc161, 4),
                "country": self.country.to_dict(),
                "admin1": self.admin1.to_dict(),
                "geonames_id": self.geonames_id.to_dict(),
            },
            "info": dict(self.info),
            "misses": self.misses,
        }

    def render_text(self, *, per_label: bool = True) -> str:
        h = self.headline()
        n, a = self.names, self.everything
        co, a1 = self.country, self.admin1
        lines = [
            f"eventwire evaluate geo — corpus {self.corpus}, {self.documents} documents",
            "",
            "recognition (span overlap)",
            f"  recall, names     {100 * self.recall:6.2f}  ({n.matched}/{n.gold}; exact spans {n.exact})",
            f"  recall, all gold  {100 * (a.matched / a.gold if a.gold else 0):6.2f}  ({a.matched}/{a.gold})",
            f"  precision         {100 * self.precision:6.2f}  ({self.predicted_matched}/{self.predicted};"
            f" exact spans {self.predicted_exact})",
            f"  F1                {100 * h['toponym_f1']:6.2f}",
            f"  non-literal       {self.non_literal_matched}/{self.non_literal} matched"
            " (toponyms inside organisations' names)",
            *(
                f"  recall, {kind:<21} {100 * (c.matched / c.gold if c.gold else 0):6.2f}"
                f"  ({c.matched}/{c.gold})"
                for kind, c in sorted(self.by_type.items())
            ),
            "",
            f"resolution ({len(self.errors_km)} resolved gold toponyms)",
            f"  Acc@161km         {100 * self.acc161:6.2f}",
            f"  mean error km     {self.mean_error_km:8.1f}",
            f"  median error km   {self.median_error_km:8.1f}",
            f"  AUC               {self.auc:8.4f}",
            f"  correct country   {100 * co.value:6.2f}  ({co.correct}/{co.total})",
            f"  correct admin1    {100 * a1.value:6.2f}  ({a1.correct}/{a1.total})",
            f"  exact GeoNames id {100 * self.geonames_id.value:6.2f}"
            f"  ({self.geonames_id.correct}/{self.geonames_id.total})",
            "",
        ]
        lines.extend(f"{key}: {value}" for key, value in self.info)
        return "\n".join(lines) + "\n"


# -- scoring -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _GoldPlace:
    iso3: str | None
    admin1: str | None


def _gold_place(g: GoldToponym, gaz: Gazetteer) -> _GoldPlace | None:
    """The gold toponym's country and admin1, read through the gazetteer (None when unknown)."""
    if g.geonames_id is not None:
        entry = gaz.entry_for_geonames_id(g.geonames_id)
        if entry is not None:
            admin1 = gaz.admin1_of(entry) if gaz.kind(entry) != KIND_COUNTRY else None
            return _GoldPlace(gaz.iso3_of(entry), admin1)
    if g.latitude is None or g.longitude is None:
        return None
    # A country named outright ("DRC" with a point on the Congo river, where the nearest town may lie
    # across the border) is that country when its point is not far off.
    named = gaz.country(g.text)
    if (
        named is not None
        and named.latitude is not None
        and named.longitude is not None
        and haversine_km(g.latitude, g.longitude, named.latitude, named.longitude) < _COUNTRY_KM
    ):
        return _GoldPlace(named.iso3, None)
    near = gaz.nearest_town(g.latitude, g.longitude, max_km=_NEAREST_KM)
    iso3 = gaz.iso3_of(near) if near is not None else None
    if g.country:
        named = gaz.country(g.country)
        if named is not None and named.iso3 != iso3:
            return _GoldPlace(named.iso3, None)
        if named is not None and g.country and name_key(g.text) == name_key(g.country):
            return _GoldPlace(named.iso3, None)
    if near is None:
        return None
    named = gaz.country(g.text)
    if named is not None and named.iso3 == iso3:
        return _GoldPlace(iso3, None)  # a country named outright: scored at country level
    return _GoldPlace(iso3, gaz.admin1_of(near))


def score_documents(
    corpus: str,
    documents: Iterable[GoldDocument],
    geoparse: Callable[[str], Sequence[PlaceMention]],
    gazetteer: Gazetteer,
    *,
    progress: Callable[[int, int], None] | None = None,
    max_misses: int = 100_000,
) -> GeoReport:
    """Run ``geoparse`` on every document and score it against the gold (see the module docstring)."""
    docs = list(documents)
    report = GeoReport(corpus=corpus, documents=len(docs))
    gaz = gazetteer
    demonyms = gaz.demonyms
    for n, doc in enumerate(docs, 1):
        predicted = list(geoparse(doc.text))
        pairs = align(doc.toponyms, predicted)
        by_gold = dict(pairs)
        report.predicted += len(predicted)
        report.predicted_matched += len(pairs)
        report.non_literal += sum(1 for p in predicted if not p.literal)
        report.non_literal_matched += sum(1 for _, pi in pairs if not predicted[pi].literal)
        for gi, g in enumerate(doc.toponyms):
            is_name = name_key(g.text) not in demonyms
            pi = by_gold.get(gi)
            p = predicted[pi] if pi is not None else None
            exact = p is not None and p.start == g.start and p.end == g.end
            report.predicted_exact += exact
            typed = report.by_type.setdefault(g.kind, _Counts()) if g.kind else None
            for counts, applies in ((report.everything, True), (report.names, is_name), (typed, True)):
                if counts is None:
                    continue
                if applies:
                    counts.gold += 1
                    counts.matched += p is not None
                    counts.exact += exact
            if p is None:
                if is_name and len(report.misses) < max_misses:
                    report.misses.append({"doc": doc.doc_id, "miss": g.text, "at": g.start})
                continue
            place = p.place
            if place is None or place.latitude is None or place.longitude is None:
                continue
            if g.latitude is None or g.longitude is None:
                continue
            err = haversine_km(place.latitude, place.longitude, g.latitude, g.longitude)
            report.errors_km.append(err)
            gold_place = _gold_place(g, gaz)
            if gold_place is not None and gold_place.iso3 is not None and place.iso3 is not None:
                report.country.add(place.iso3 == gold_place.iso3)
                pred_admin1 = place.admin1 if place.feature_code != "PCLI" else None
                report.admin1.add(place.iso3 == gold_place.iso3 and pred_admin1 == gold_place.admin1)
            if g.geonames_id is not None:
                report.geonames_id.add(place.geonames_id == g.geonames_id)
            if err >= ACC_KM and len(report.misses) < max_misses:
                report.misses.append(
                    {
                        "doc": doc.doc_id,
                        "far": g.text,
                        "as": f"{place.name}, {place.admin1}, {place.iso3}",
                        "km": round(err),
                        "code": place.feature_code or "",
                    }
                )
        matched = {pi for _, pi in pairs}
        for pi, p in enumerate(predicted):
            if pi not in matched and len(report.misses) < max_misses:
                report.misses.append({"doc": doc.doc_id, "false": p.text, "at": p.start})
        if progress is not None:
            progress(n, len(docs))
    return report


def evaluate_geo(
    corpus: str,
    geoparse: Callable[[str], Sequence[PlaceMention]],
    gazetteer: Gazetteer,
    *,
    data_dir: Path | None = None,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> GeoReport:
    """Load ``corpus`` and score ``geoparse`` (usually ``find_toponyms`` bound to the gazetteer) on it."""
    docs = load_corpus(corpus, data_dir)
    if limit is not None:
        docs = docs[:limit]
    report = score_documents(corpus, docs, geoparse, gazetteer, progress=progress)
    report.info.append(("data", str((data_dir or DEFAULT_DATA_DIR) / CORPORA[corpus])))
    report.info.append(("gold", "toponyms with coordinates; 'names' leaves out demonym surface forms"))
    return report
