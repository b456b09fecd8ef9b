"""``eventwire evaluate merging``: are reports of one incident in several documents merged into one event?

Gold (:func:`build_gold`, stored as labels only in ``evaluate/data/muc4_merge_gold.json``)
--------------------------------------------------------------------------------------------
MUC-4 often reports one incident in several documents (a radio report, then a wire report the next
day). The answer keys describe each document's incidents, so reports of the same incident can be found
across documents by rule, from the keys alone:

- in scope: every non-optional template of the dev and train splits whose ``INCIDENT: DATE`` is one
  day, whose location names a country and a place below it, and whose (day, country) is reported by
  at least two documents — so the set holds the incidents that could be confused, not only the
  duplicates;
- two templates of different documents report the same incident when they have the same day, the
  same country, a place in common (at any level: "EL SALVADOR: SAN SALVADOR (CITY)" and "EL SALVADOR:
  SAN SALVADOR (DEPARTMENT): MEJICANOS (CITY)" share San Salvador), an incident type in common, and a
  target or victim in common: a content word (not a generic one such as "people", "soldiers",
  "house", nor a word of the place names) shared by their target/victim mentions — or, when neither
  names a target, a perpetrator organization in common;
- incidents are the connected groups of such links, except that two templates of one document are never
  put together (the key says they are different incidents).

The file stores document ids, template numbers and incident ids, never the texts.

Scoring (:func:`score_merging`)
-------------------------------
The extractor is run on every document of the set and the events are merged as `eventwire ingest` merges
them (:func:`ingested`): each document is written with its events to a new SQLite store, in dateline
order as a feed brings them, and the store puts each new event into the best-matching stored cluster
whose first report it matches too. (The batch :func:`eventwire.dedup.events.cluster`, which the merge
benchmark times, is scored beside it in the report's info.) Events are mapped to gold incidents through
the template they align to in their document (:func:`eventwire.evaluate.muc4.align_events`: role
fillers, type, date and place agreement, one-to-one). Only events aligned to an in-scope template are
scored; the others (spurious events, events aligned to out-of-scope templates) still take part in
clustering, so a wrong merge through them still counts. We report:

- coverage: in-scope templates that got an aligned event;
- pairwise precision/recall/F1 over pairs of scored events (a pair is predicted when both events are
  in one predicted cluster, gold when both map to one incident);
- B³ precision/recall/F1 (Bagga & Baldwin 1998): per scored event, the share of its predicted cluster
  (restricted to scored events) that is in its gold incident, and the share of its gold incident
  (restricted to scored events) that is in its predicted cluster, averaged over the scored events;
- the same scores for two baselines: every event alone, and every event of the same (day, country)
  merged;
- the cluster scores again for each of two parts of the set, split by incident date (:func:`part_of`):
  the *tune* part (incidents of even-numbered months: February, April ...) is the one the merge
  decision's thresholds and weights were chosen on; the *test* part (odd-numbered months) was only
  measured. The set is split by month, not by incident, so that the incidents that could be confused
  (same day, same country) fall in one part; all events are still clustered together;
- for the gold pairs left apart, the first reason :func:`~eventwire.dedup.events.compare` gives (most
  are extraction errors: a wrong country or no date on one of the two reports).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from eventwire.dedup.events import cluster, compare
from eventwire.errors import MalformedInputError, SourceError
from eventwire.evaluate.muc4 import (
    GoldTemplate,
    Muc4Document,
    align_events,
    load_muc4,
    normalize_mention,
    resolve_data_dir,
    run_extractor,
)
from eventwire.evaluate.report import (
    EvaluationReport,
    ExtractFn,
    FieldScore,
    ProgressFn,
    ScoreTable,
    f1_score,
)
from eventwire.models.event import Event

GOLD_PATH = Path(__file__).parent / "data" / "muc4_merge_gold.json"
"""The stored labels (document ids, template numbers, incident ids)."""

GOLD_SPLITS = ("dev", "train")
PARTS = ("tune", "test")
_K = TypeVar("_K", bound=Hashable)

_GENERIC_TARGET_WORDS = frozenset(
    """
    people persons person civilians civilian peasants peasant members member individuals individual
    soldiers soldier troops policemen policeman police agents agent officers officer army military
    children women students workers residents citizens inhabitants guerrillas unidentified several other
    house houses home homes residence building buildings vehicle vehicles office offices property
    national their from with that this they unit units installations facilities
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One in-scope template: a document's report of an incident."""

    doc_id: str
    template_id: str
    incident: str


@dataclass(frozen=True, slots=True)
class MergeGold:
    """The labelled merge set: every in-scope template with its incident id."""

    reports: tuple[GoldReport, ...]
    splits: tuple[str, ...]

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(r.doc_id for r in self.reports))

    def incidents(self) -> dict[str, list[GoldReport]]:
        groups: dict[str, list[GoldReport]] = defaultdict(list)
        for report in self.reports:
            groups[report.incident].append(report)
        return dict(groups)

    def to_dict(self) -> dict[str, Any]:
        incidents = self.incidents()
        return {
            "about": (
                "Reports of the same incident across MUC-4 documents, derived from the answer keys by "
                "eventwire.evaluate.merging.build_gold (see its module docstring for the rules). Labels "
                "only: document ids, template numbers as in the key, incident ids."
            ),
            "splits": list(self.splits),
            "templates": len(self.reports),
            "incidents": len(incidents),
            "multi_document_incidents": sum(len({r.doc_id for r in g}) > 1 for g in incidents.values()),
            "reports": [
                {"doc_id": r.doc_id, "template": r.template_id, "incident": r.incident} for r in self.reports
            ],
        }


@dataclass(frozen=True, slots=True)
class _Scoped:
    doc_id: str
    template_id: str
    day: Any
    country: str
    places: frozenset[str]
    types: frozenset[str]
    target_words: frozenset[str]
    perp_orgs: frozenset[str]


def _scoped(doc: Muc4Document, template: GoldTemplate) -> _Scoped | None:
    if template.optional or len(template.dates) != 1:
        return None
    date = template.dates[0]
    if date.start is None or date.start != date.end:
        return None
    located = [loc for loc in template.locations if loc.country and loc.places]
    if not located:
        return None
    words = {
        w
        for role in ("Target", "Victim")
        for entity in template.roles.get(role, ())
        for mention in entity
        for w in _WORD.findall(normalize_mention(mention))
        if w not in _GENERIC_TARGET_WORDS
    }
    orgs = {normalize_mention(m) for entity in template.roles.get("PerpOrg", ()) for m in entity}
    return _Scoped(
        doc_id=doc.doc_id,
        template_id=template.template_id,
        day=date.start,
        country=str(located[0].country).upper(),
        places=frozenset(normalize_mention(p) for loc in located for p in loc.places),
        types=frozenset(template.incident_types),
        target_words=frozenset(words),
        perp_orgs=frozenset(orgs),
    )


def _same_incident(a: _Scoped, b: _Scoped) -> bool:
    if a.doc_id == b.doc_id or not (a.places & b.places) or not (a.types & b.types):
        return False
    place_words = {w for p in a.places | b.places for w in _WORD.findall(p)}
    if a.target_words or b.target_words:
        return bool((a.target_words & b.target_words) - place_words)
    return bool(a.perp_orgs & b.perp_orgs)


def build_gold(documents: Sequence[Muc4Document], splits: Sequence[str] = GOLD_SPLITS) -> MergeGold:
    """The merge gold of ``documents`` by the rules of the module docstring (deterministic)."""
    scoped = [s for doc in documents for t in doc.templates if (s := _scoped(doc, t)) is not None]
    by_day: dict[tuple[Any, str], list[int]] = defaultdict(list)
    for index, item in enumerate(scoped):
        by_day[(item.day, item.country)].append(index)
    kept = [i for group in by_day.values() if len({scoped[i].doc_id for i in group}) > 1 for i in group]
    kept.sort()

    parent = {i: i for i in kept}
    docs_of: dict[int, set[str]] = {i: {scoped[i].doc_id} for i in kept}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for group in by_day.values():
        for i, j in itertools.combinations(sorted(group), 2):
            if i not in parent or not _same_incident(scoped[i], scoped[j]):
                continue
            ri, rj = find(i), find(j)
            if ri == rj or docs_of[ri] & docs_of[rj]:
                continue  # never two templates of one document in one incident
            root, child = min(ri, rj), max(ri, rj)
            parent[child] = root
            docs_of[root] |= docs_of.pop(child)

    roots = sorted({find(i) for i in kept})
    name = {root: f"I{n:04d}" for n, root in enumerate(roots, start=1)}
    reports = tuple(GoldReport(scoped[i].doc_id, scoped[i].template_id, name[find(i)]) for i in kept)
    return MergeGold(reports, tuple(splits))


def load_gold(path: Path | str = GOLD_PATH) -> MergeGold:
    """The stored labels (SourceError if the file is missing, MalformedInputError if it is not ours)."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"merge gold not found: {path}", where=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reports = tuple(
            GoldReport(str(r["doc_id"]), str(r["template"]), str(r["incident"])) for r in data["reports"]
        )
        splits = tuple(str(s) for s in data["splits"])
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise MalformedInputError(f"not a merge gold file: {error}", where=str(path)) from error
    return MergeGold(reports, splits)


def save_gold(gold: MergeGold, path: Path | str = GOLD_PATH) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gold.to_dict(), indent=1) + "\n", encoding="utf-8")


def part_of(day: dt.date) -> str:
    """The part of the set an incident of ``day`` is in: "tune" for even-numbered months, else "test"."""
    return PARTS[0] if day.month % 2 == 0 else PARTS[1]


# --------------------------------------------------------------------------------------------- metrics


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """Pairwise counts and B³ averages of a predicted clustering against gold, over the same items."""

    pairs_correct: int
    pairs_predicted: int
    pairs_gold: int
    b3_precision: float
    b3_recall: float

    @property
    def b3_f1(self) -> float:
        return f1_score(self.b3_precision, self.b3_recall)

    def pairwise(self, name: str) -> FieldScore:
        return FieldScore(name, self.pairs_correct, self.pairs_predicted, self.pairs_gold)


def score_clusters(predicted: Mapping[_K, Hashable], gold: Mapping[_K, Hashable]) -> ClusterScores:
    """Pairwise and B³ scores; both maps give each item's cluster label and must have the same items."""
    if set(predicted) != set(gold):
        raise ValueError("predicted and gold clusterings must label the same items")
    items = list(gold)
    pred_groups: dict[Hashable, set[_K]] = defaultdict(set)
    gold_groups: dict[Hashable, set[_K]] = defaultdict(set)
    for item in items:
        pred_groups[predicted[item]].add(item)
        gold_groups[gold[item]].add(item)

    def pairs(groups: Mapping[Hashable, set[_K]]) -> int:
        return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())

    correct = 0
    for group in pred_groups.values():
        by_gold: dict[Hashable, int] = defaultdict(int)
        for item in group:
            by_gold[gold[item]] += 1
        correct += sum(n * (n - 1) // 2 for n in by_gold.values())
    precision = recall = 0.0
    for item in items:
        p, g = pred_groups[predicted[item]], gold_groups[gold[item]]
        common = len(p & g)
        precision += common / len(p)
        recall += common / len(g)
    n = len(items)
    return ClusterScores(
        correct, pairs(pred_groups), pairs(gold_groups), precision / n if n else 0.0, recall / n if n else 0.0
    )


# --------------------------------------------------------------------------------------------- scoring

Clusterer = Callable[[Sequence[Event]], list[list[int]]]


def _day_country_baseline(events: Sequence[Event]) -> list[list[int]]:
    groups: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[(e.event_date, e.iso3 or e.country)].append(i)
    return list(groups.values())


def score_merging(
    documents: Sequence[Muc4Document],
    predictions: Mapping[str, Sequence[Event]],
    gold: MergeGold,
    *,
    clusterer: Clusterer = cluster,
    info: tuple[tuple[str, str], ...] = (),
) -> EvaluationReport:
    """Map events to gold incidents, cluster them with ``clusterer`` and score (module docstring)."""
    incident_of = {(r.doc_id, r.template_id): r.incident for r in gold.reports}
    by_id = {doc.doc_id: doc for doc in documents}
    missing = [d for d in gold.doc_ids if d not in by_id]
    if missing:
        raise SourceError(
            f"{len(missing)} documents of the merge gold are not in the corpus, e.g. {missing[0]}"
        )

    events: list[Event] = []
    scored: dict[int, str] = {}  # event index -> gold incident
    for doc_id in gold.doc_ids:
        doc_events = list(predictions.get(doc_id, ()))
        templates = by_id[doc_id].templates
        for t, e, _ in align_events(templates, doc_events):
            incident = incident_of.get((doc_id, templates[t].template_id))
            if incident is not None:
                scored[len(events) + e] = incident
        events.extend(doc_events)

    def scores(groups: list[list[int]], part: str | None = None) -> ClusterScores:
        label = {i: n for n, group in enumerate(groups) for i in group}
        items = {
            i: incident
            for i, incident in scored.items()
            if part is None or part_of_incident[incident] == part
        }
        return score_clusters({i: label[i] for i in items}, items)

    day_of = {
        (doc.doc_id, t.template_id): t.dates[0].start for doc in documents for t in doc.templates if t.dates
    }
    part_of_incident = {
        r.incident: part_of(day) for r in gold.reports if (day := day_of.get((r.doc_id, r.template_id)))
    }
    clusters = clusterer(events)
    merged = scores(clusters)
    by_part = {part: scores(clusters, part) for part in PARTS}
    alone = scores([[i] for i in range(len(events))])
    by_day = scores(_day_country_baseline(events))
    table = ScoreTable(
        "pairwise (pairs of scored events in one cluster)",
        (
            merged.pairwise("cluster"),
            *(by_part[part].pairwise(f"cluster, {part} part") for part in PARTS),
            alone.pairwise("baseline: no merging"),
            by_day.pairwise("baseline: day+country"),
        ),
    )
    covered = len(set(scored.values()))
    blocked: Counter[str] = Counter()
    for i, j in itertools.combinations(sorted(scored), 2):
        if scored[i] == scored[j]:
            decision = compare(events[i], events[j])
            if not decision.merge:
                kind = decision.reasons[0].split(" (")[0] if decision.score == 0 else "score below threshold"
                blocked[re.sub(r"\d+", "N", kind)] += 1
    info_rows = (
        *info,
        ("gold templates", str(len(gold.reports))),
        ("gold incidents", str(len(gold.incidents()))),
        ("gold templates with an aligned event", str(len(scored))),
        ("gold incidents with an aligned event", str(covered)),
        ("events extracted", str(len(events))),
        ("gold pairs not merged, by first reason", ", ".join(f"{k}: {n}" for k, n in blocked.most_common())),
        *(
            (
                f"{part} part ({'even' if part == PARTS[0] else 'odd'}-numbered months): B3 P/R/F1",
                f"{s.b3_precision:.4f}/{s.b3_recall:.4f}/{s.b3_f1:.4f}",
            )
            for part, s in by_part.items()
        ),
        (
            "baseline no merging: B3 P/R/F1",
            f"{alone.b3_precision:.4f}/{alone.b3_recall:.4f}/{alone.b3_f1:.4f}",
        ),
        (
            "baseline day+country: B3 P/R/F1",
            f"{by_day.b3_precision:.4f}/{by_day.b3_recall:.4f}/{by_day.b3_f1:.4f}",
        ),
    )
    pair = merged.pairwise("cluster")
    return EvaluationReport(
        benchmark="merging",
        split="+".join(gold.splits),
        documents=len(gold.doc_ids),
        headline=(
            ("b3_f1", merged.b3_f1),
            ("b3_precision", merged.b3_precision),
            ("b3_recall", merged.b3_recall),
            ("pairwise_f1", pair.f1),
            ("pairwise_precision", pair.precision),
            ("pairwise_recall", pair.recall),
            ("coverage", len(scored) / len(gold.reports) if gold.reports else 0.0),
        ),
        tables=(table,),
        info=info_rows,
    )


def ingested(documents: Sequence[Muc4Document], predictions: Mapping[str, Sequence[Event]]) -> Clusterer:
    """A clusterer that merges as `eventwire ingest` does: each document is written, with its events, to a
    new SQLite store in the order a feed brings them (dateline date, then id), and every event goes where
    the store's incremental merging put it. It answers for the events of ``predictions`` only."""
    from eventwire.pipeline import dedup_functions
    from eventwire.store import open_store

    built = {doc.doc_id: doc.to_document() for doc in documents}
    order = sorted(built, key=lambda d: (built[d].published or dt.date.min, d))
    cluster_of: dict[str, str] = {}
    with (
        tempfile.TemporaryDirectory(prefix="eventwire-merging-") as folder,
        open_store(Path(folder) / "merging.db", dedup=dedup_functions()) as store,
    ):
        for doc_id in order:
            store.write(built[doc_id], predictions.get(doc_id, ()))
        for merged in store.events():
            found = store.cluster(merged.event_id)
            for member in found.members if found else ():
                cluster_of[member.event_id] = merged.event_id

    def clusterer(events: Sequence[Event]) -> list[list[int]]:
        groups: defaultdict[str, list[int]] = defaultdict(list)
        for i, event in enumerate(events):
            groups[cluster_of.get(event.event_id, event.event_id)].append(i)
        return sorted(groups.values(), key=lambda g: g[0])

    return clusterer


def evaluate_merging(
    extract_fn: ExtractFn,
    data_dir: Path | str | None = None,
    *,
    gold_path: Path | str = GOLD_PATH,
    progress: ProgressFn | None = None,
) -> EvaluationReport:
    """Run ``extract_fn`` on the documents of the merge gold, merge the events as `eventwire ingest` does
    (:func:`ingested`) and score the merging; the batch clustering of
    :func:`eventwire.dedup.events.cluster` is scored beside it, in the report's info."""
    root = resolve_data_dir(data_dir)
    gold = load_gold(gold_path)
    wanted = set(gold.doc_ids)
    documents = [doc for split in gold.splits for doc in load_muc4(split, root) if doc.doc_id in wanted]
    predictions, failures = run_extractor(documents, extract_fn, progress=progress)
    batch = score_merging(documents, predictions, gold)
    b3 = dict(batch.headline)
    report = score_merging(
        documents,
        predictions,
        gold,
        clusterer=ingested(documents, predictions),
        info=(
            ("data", str(root.resolve())),
            ("merged by", "the store, as `eventwire ingest` merges, documents in dateline order"),
            (
                "batch clustering (eventwire.dedup.events.cluster): B3 P/R/F1",
                f"{b3['b3_precision']:.4f}/{b3['b3_recall']:.4f}/{b3['b3_f1']:.4f}",
            ),
        ),
    )
    return replace(report, errors=tuple(failures))
