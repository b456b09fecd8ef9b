"""The MUC-4 scorer on hand-built keys and predictions, and (where ../shared exists) on the dev split."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import SourceError
from eventwire.evaluate.muc4 import (
    MUC4_TYPE_TO_SUB_EVENTS,
    ROLES,
    GoldDate,
    GoldLocation,
    GoldTemplate,
    Muc4Document,
    align_events,
    ceaf_ree_counts,
    country_match,
    date_day,
    date_within,
    evaluate_muc4,
    load_muc4,
    max_weight_assignment,
    normalize_mention,
    parse_key_date,
    parse_key_location,
    parse_key_types,
    place_match,
    score_muc4,
    type_compatible,
)
from eventwire.models import Document, Event, RoleFiller
from eventwire.models.event import SUB_EVENT_TO_TYPE

SHARED = Path(__file__).parents[2] / ".." / "shared"
MUC4_DIR = SHARED / "benchmarks" / "muc4"
needs_shared = pytest.mark.skipif(
    not (MUC4_DIR / "full_templates").is_dir(),
    reason=f"MUC-4 benchmark not available: {MUC4_DIR.resolve()} is absent",
)

D = dt.date


def event(
    sub_event_type: str = "Attack",
    *,
    doc_id: str = "d1",
    event_date: dt.date | None = None,
    date_start: dt.date | None = None,
    date_end: dt.date | None = None,
    country: str | None = None,
    iso3: str | None = None,
    location: str | None = None,
    admin1: str | None = None,
    perpetrator_individuals: Sequence[str] = (),
    perpetrator_orgs: Sequence[str] = (),
    targets: Sequence[str] = (),
    victims: Sequence[str] = (),
    weapons: Sequence[str] = (),
) -> Event:
    def fillers(texts: Sequence[str]) -> tuple[RoleFiller, ...]:
        return tuple(RoleFiller(text, 0, len(text)) for text in texts)

    return Event(
        event_id=f"{doc_id}-{sub_event_type}",
        doc_id=doc_id,
        event_type=SUB_EVENT_TO_TYPE.get(sub_event_type, ""),
        sub_event_type=sub_event_type,
        event_date=event_date,
        date_start=date_start,
        date_end=date_end,
        time_precision=1,
        country=country,
        iso3=iso3,
        location=location,
        admin1=admin1,
        perpetrator_individuals=fillers(perpetrator_individuals),
        perpetrator_orgs=fillers(perpetrator_orgs),
        targets=fillers(targets),
        victims=fillers(victims),
        weapons=fillers(weapons),
    )


def template(
    incident_type: str = "ATTACK",
    *,
    optional: bool = False,
    dates: tuple[GoldDate, ...] = (),
    locations: tuple[GoldLocation, ...] = (),
    **roles: list[list[str]],
) -> GoldTemplate:
    return GoldTemplate(
        template_id="1 (OPTIONAL)" if optional else "1",
        optional=optional,
        incident_types=parse_key_types(incident_type),
        dates=dates,
        locations=locations,
        roles={role: tuple(tuple(entity) for entity in roles.get(role, [])) for role, _ in ROLES},
    )


def document(
    doc_id: str = "d1", templates: tuple[GoldTemplate, ...] = (), **entities: list[list[str]]
) -> Muc4Document:
    return Muc4Document(
        doc_id=doc_id,
        text="   SAN SALVADOR, 10 JAN 90 (RADIO) -- [TEXT] ...",
        relevant=bool(templates),
        templates=templates,
        entities={role: tuple(tuple(entity) for entity in entities.get(role, [])) for role, _ in ROLES},
    )


# --------------------------------------------------------------------------------- normalization, CEAF-REE


def test_normalize_mention_strips_case_punctuation_and_articles_only_as_words() -> None:
    assert normalize_mention('THE "SANTO TOMAS" PRESIDENTIAL FARM') == "santo tomas presidential farm"
    assert normalize_mention("An  anarchist, a theologian") == "anarchist theologian"
    assert normalize_mention("U.S. embassy") == "us embassy"


def test_article_and_case_differences_still_match() -> None:
    assert ceaf_ree_counts([["the guerrillas"]], ["GUERRILLAS"]) == (1, 1, 1)
    assert ceaf_ree_counts([["guerrillas"]], ["A GUERRILLA"]) == (0, 1, 1)


def test_any_mention_of_an_entity_matches() -> None:
    gold = [["farabundo marti national liberation front", "fmln"]]
    assert ceaf_ree_counts(gold, ["FMLN"]) == (1, 1, 1)


def test_one_entity_is_matched_once_extra_mentions_are_spurious() -> None:
    gold = [["farabundo marti national liberation front", "fmln"]]
    assert ceaf_ree_counts(gold, ["FMLN", "Farabundo Marti National Liberation Front"]) == (1, 2, 1)


def test_duplicate_predicted_fillers_count_once() -> None:
    assert ceaf_ree_counts([["fmln"]], ["FMLN", "the FMLN", "fmln"]) == (1, 1, 1)


def test_alignment_maximizes_matches_where_greedy_would_not() -> None:
    # "guerrillas" fits both entities; taken greedily by the first it would leave "column" unmatched.
    gold = [["guerrilla column", "guerrillas"], ["guerrillas"]]
    assert ceaf_ree_counts(gold, ["guerrillas", "guerrilla column"]) == (2, 2, 2)


def test_empty_predictions_and_empty_gold() -> None:
    assert ceaf_ree_counts([["fmln"], ["army"]], []) == (0, 0, 2)
    assert ceaf_ree_counts([], ["fmln"]) == (0, 1, 0)


@pytest.mark.parametrize("shape", [(3, 3), (2, 5), (5, 2), (4, 4), (1, 3), (6, 5)])
def test_max_weight_assignment_equals_brute_force(shape: tuple[int, int]) -> None:
    rng = random.Random(sum(shape))
    rows, columns = shape
    for _ in range(30):
        weights = [[rng.randint(0, 4) for _ in range(columns)] for _ in range(rows)]
        pairs = max_weight_assignment(weights)
        assert len(pairs) == min(rows, columns)
        assert len({r for r, _ in pairs}) == len(pairs) and len({c for _, c in pairs}) == len(pairs)
        if rows <= columns:
            best = max(
                sum(weights[r][c] for r, c in enumerate(perm))
                for perm in itertools.permutations(range(columns), rows)
            )
        else:
            best = max(
                sum(weights[r][c] for c, r in enumerate(perm))
                for perm in itertools.permutations(range(rows), columns)
            )
        assert sum(weights[r][c] for r, c in pairs) == best


# ------------------------------------------------------------------------------------- document scoring


def test_fillers_are_pooled_over_all_events_of_a_document() -> None:
    doc = document(
        templates=(template(),),
        PerpOrg=[["fmln"]],
        Victim=[["mayor"], ["peasant"]],
    )
    events = [
        event(victims=["THE MAYOR"], perpetrator_orgs=["FMLN"]),
        event(victims=["peasant", "mayor"], perpetrator_orgs=["army"]),
    ]
    report = score_muc4([doc], {"d1": events})
    table = report.table("CEAF-REE role-filler entities (GRIT, document level)")
    rows = {row.name: row for row in table.rows}
    assert (rows["Victim"].correct, rows["Victim"].predicted, rows["Victim"].gold) == (2, 2, 2)
    assert (rows["PerpOrg"].correct, rows["PerpOrg"].predicted, rows["PerpOrg"].gold) == (1, 2, 1)
    assert table.total is not None
    assert (table.total.correct, table.total.predicted, table.total.gold) == (3, 4, 3)
    assert report.metric("ceaf_ree_precision") == pytest.approx(3 / 4)
    assert report.metric("ceaf_ree_recall") == pytest.approx(1.0)
    assert report.metric("ceaf_ree_f1") == pytest.approx(2 * 0.75 / 1.75)


def test_micro_average_sums_counts_over_documents() -> None:
    first = document("a", (template(),), Victim=[["mayor"]])
    second = document("b", (template(),), Victim=[["judge"], ["priest"], ["nun"]])
    report = score_muc4([first, second], {"a": [event(victims=["mayor"])], "b": [event(victims=["judge"])]})
    # micro: 2 matched / 2 predicted / 4 gold (a macro average of recalls would give 0.67)
    assert report.metric("ceaf_ree_precision") == pytest.approx(1.0)
    assert report.metric("ceaf_ree_recall") == pytest.approx(0.5)


def test_no_predictions_scores_zero_and_relevant_doc_is_missed() -> None:
    doc = document(templates=(template(),), Victim=[["mayor"]])
    report = score_muc4([doc], {})
    assert report.metric("ceaf_ree_f1") == 0.0
    assert report.metric("relevance_accuracy") == 0.0
    relevance = report.table("document relevance (≥1 template vs ≥1 event)").rows[0]
    assert (relevance.correct, relevance.predicted, relevance.gold) == (0, 0, 1)


def test_irrelevant_documents() -> None:
    quiet = document("quiet")
    noisy = document("noisy")
    report = score_muc4([quiet, noisy], {"noisy": [event(victims=["mayor"])]})
    assert report.metric("relevance_accuracy") == pytest.approx(0.5)
    roles = report.table("CEAF-REE role-filler entities (GRIT, document level)").total
    assert roles is not None and (roles.correct, roles.predicted, roles.gold) == (0, 1, 0)
    incidents = {
        row.name: row for row in report.table("incidents: events aligned one-to-one to full templates").rows
    }
    assert (incidents["incident"].correct, incidents["incident"].predicted, incidents["incident"].gold) == (
        0,
        1,
        0,
    )


# ------------------------------------------------------------------------------------- key parsing


def test_parse_key_date_forms() -> None:
    assert parse_key_date("21 JAN 89") == (GoldDate(D(1989, 1, 21), D(1989, 1, 21)),)
    assert parse_key_date("- 21 JAN 89") == (GoldDate(None, D(1989, 1, 21)),)
    assert parse_key_date("-05 DEC 89") == (GoldDate(None, D(1989, 12, 5)),)
    assert parse_key_date("15 JAN 89 - 21 JAN 89") == (GoldDate(D(1989, 1, 15), D(1989, 1, 21)),)
    assert parse_key_date("(08 MAR 90) / (07 MAR 90 - 08 MAR 90)") == (
        GoldDate(D(1990, 3, 8), D(1990, 3, 8)),
        GoldDate(D(1990, 3, 7), D(1990, 3, 8)),
    )
    assert parse_key_date("03 MARCH 90") == (GoldDate(D(1990, 3, 3), D(1990, 3, 3)),)
    assert parse_key_date("31 NOV 89") == (GoldDate(D(1989, 11, 30), D(1989, 11, 30)),)
    assert parse_key_date("-") == ()
    assert parse_key_date("07 DEC") == ()
    assert parse_key_date("07 DEC", default_year=1989) == (GoldDate(D(1989, 12, 7), D(1989, 12, 7)),)


def test_parse_key_location_forms() -> None:
    assert parse_key_location("PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)") == (
        GoldLocation("PERU", ("LIMA", "SAN ISIDRO")),
    )
    assert parse_key_location("(COLOMBIA: BOGOTA (CITY)) / (COLOMBIA)") == (
        GoldLocation("COLOMBIA", ("BOGOTA",)),
        GoldLocation("COLOMBIA", ()),
    )
    assert parse_key_location("CHILE: COPIAPO (CITY) - TALCA (CITY)") == (
        GoldLocation("CHILE", ("COPIAPO", "TALCA")),
    )
    assert parse_key_location("PERU: LIMA (CITY / MUNICIPALITY)") == (GoldLocation("PERU", ("LIMA",)),)
    assert parse_key_location("? COLOMBIA") == (GoldLocation("COLOMBIA", ()),)
    assert parse_key_location("-") == ()


def test_parse_key_types_alternatives() -> None:
    assert parse_key_types("BOMBING / ATTACK") == ("BOMBING", "ATTACK")
    assert parse_key_types("KIDNAPPING") == ("KIDNAPPING",)


# ------------------------------------------------------------------------------------- field checks


def test_type_mapping_uses_acled_spelling() -> None:
    for sub_events in MUC4_TYPE_TO_SUB_EVENTS.values():
        assert sub_events <= set(SUB_EVENT_TO_TYPE)


def test_type_compatibility() -> None:
    assert type_compatible(["BOMBING"], "Remote explosive/landmine/IED")
    assert not type_compatible(["BOMBING"], "Armed clash")
    assert type_compatible(["KIDNAPPING"], "Abduction/forced disappearance")
    assert not type_compatible(["KIDNAPPING"], "Attack")
    assert type_compatible(["BOMBING", "ATTACK"], "Attack")
    assert not type_compatible(["SOMETHING ELSE"], "Attack")


def test_date_within_the_predicted_interval() -> None:
    day = (GoldDate(D(1990, 1, 9), D(1990, 1, 9)),)
    assert date_within(day, event(date_start=D(1990, 1, 8), date_end=D(1990, 1, 10)))
    assert not date_within(day, event(date_start=D(1990, 1, 10), date_end=D(1990, 1, 12)))
    assert date_within(day, event(event_date=D(1990, 1, 9)))
    assert not date_within(day, event(event_date=D(1990, 1, 10)))
    assert date_within(day, event()) is None
    on_or_before = (GoldDate(None, D(1990, 1, 10)),)
    assert date_within(on_or_before, event(event_date=D(1990, 1, 7)))
    assert not date_within(on_or_before, event(event_date=D(1990, 1, 11)))
    assert date_day(on_or_before, event(event_date=D(1990, 1, 10)))
    assert not date_day(on_or_before, event(event_date=D(1990, 1, 7)))


def test_country_and_place() -> None:
    key = parse_key_location("EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)")
    assert country_match(key, event(country="El Salvador"))
    assert country_match(key, event(iso3="SLV"))
    assert not country_match(key, event(country="Guatemala", iso3="GTM"))
    assert country_match(key, event()) is None
    assert place_match(key, event(location="San Salvador"))
    assert place_match(key, event(location="Escalón"))
    assert not place_match(key, event(location="Soyapango"))
    assert place_match(key, event()) is None


# ------------------------------------------------------------------------------------- template alignment


def test_events_are_aligned_to_templates_by_agreement_not_order() -> None:
    bombing = template("BOMBING", Target=[["power pylon"]])
    kidnapping = template("KIDNAPPING", Victim=[["mayor"]])
    events = [
        event("Abduction/forced disappearance", victims=["mayor"]),
        event("Remote explosive/landmine/IED", targets=["power pylon"]),
    ]
    assert {(t, e) for t, e, _ in align_events([bombing, kidnapping], events)} == {(0, 1), (1, 0)}
    report = score_muc4([document(templates=(bombing, kidnapping))], {"d1": events})
    assert report.metric("type_accuracy") == 1.0
    assert report.metric("incident_f1") == 1.0


def test_incident_fields_on_aligned_templates() -> None:
    key = template(
        "ATTACK",
        dates=parse_key_date("09 JAN 90"),
        locations=parse_key_location("PERU: LIMA (CITY): SAN ISIDRO (NEIGHBORHOOD)"),
        Victim=[["enrique lopez albujar"]],
    )
    right = event(
        "Attack", event_date=D(1990, 1, 9), country="Peru", location="Lima", victims=["ENRIQUE LOPEZ ALBUJAR"]
    )
    report = score_muc4([document(templates=(key,))], {"d1": [right]})
    assert report.metric("date_accuracy") == 1.0
    assert report.metric("country_accuracy") == 1.0
    assert report.metric("place_accuracy") == 1.0

    wrong = event(
        "Armed clash",
        event_date=D(1990, 1, 5),
        country="Peru",
        location="Cusco",
        victims=["enrique lopez albujar"],
    )
    report = score_muc4([document(templates=(key,))], {"d1": [wrong]})
    assert report.metric("date_accuracy") == 0.0
    assert report.metric("place_accuracy") == 0.0
    assert report.metric("country_accuracy") == 1.0
    assert report.metric("type_accuracy") == 1.0  # Armed clash is compatible with ATTACK


def test_unaligned_optional_templates_are_not_counted() -> None:
    required = template("BOMBING", Target=[["pylon"]])
    optional = template("ARSON", optional=True, Target=[["bus"]])
    report = score_muc4(
        [document(templates=(required, optional))],
        {"d1": [event("Remote explosive/landmine/IED", targets=["pylon"])]},
    )
    incident = report.table("incidents: events aligned one-to-one to full templates").rows[0]
    assert (incident.correct, incident.predicted, incident.gold) == (1, 1, 1)


def test_an_event_agreeing_on_nothing_is_not_aligned() -> None:
    key = template("KIDNAPPING", Victim=[["mayor"]], locations=parse_key_location("PERU: LIMA (CITY)"))
    unrelated = event("Armed clash", country="Chile", victims=["soldier"])
    assert align_events([key], [unrelated]) == []
    report = score_muc4([document(templates=(key,))], {"d1": [unrelated]})
    incident = report.table("incidents: events aligned one-to-one to full templates").rows[0]
    assert (incident.correct, incident.predicted, incident.gold) == (0, 1, 1)
    assert report.metric("country_accuracy") == 0.0


def test_spurious_event_counts_against_precision_of_fields() -> None:
    key = template("KIDNAPPING", Victim=[["mayor"]], locations=parse_key_location("PERU"))
    events = [
        event("Abduction/forced disappearance", victims=["mayor"], country="Peru"),
        event(country="Peru"),
    ]
    report = score_muc4([document(templates=(key,))], {"d1": events})
    rows = {
        row.name: row for row in report.table("incidents: events aligned one-to-one to full templates").rows
    }
    assert (rows["incident"].correct, rows["incident"].predicted, rows["incident"].gold) == (1, 2, 1)
    assert (rows["country"].correct, rows["country"].predicted, rows["country"].gold) == (1, 2, 1)
    assert rows["place"].gold == 0  # the key names no place below the country


# ------------------------------------------------------------------------------------- runner and report


def test_evaluate_reports_clear_error_where_data_is_absent(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=str(tmp_path / "nowhere")):
        evaluate_muc4(lambda doc: [], "dev", tmp_path / "nowhere")


def test_unknown_split_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="split"):
        load_muc4("validation", tmp_path)


def _write_mini_corpus(root: Path) -> None:
    text = "   LIMA, 10 JAN 90 (EFE) -- [TEXT] THE NATIONAL POLICE REPORTED THAT TERRORISTS KILLED A MAYOR."
    full = {
        "docid": "TST-1",
        "text": text,
        "relevant": True,
        "templates": [
            {
                "template": "1",
                "slots": {
                    "INCIDENT: DATE": ["- 10 JAN 90"],
                    "INCIDENT: LOCATION": ["PERU: LIMA (CITY)"],
                    "INCIDENT: TYPE": ["ATTACK"],
                },
            }
        ],
    }
    roles = {
        "PerpInd": [[["terrorists", 60]]],
        "PerpOrg": [],
        "Target": [],
        "Victim": [[["mayor", 80]]],
        "Weapon": [],
    }
    irrelevant = {
        "docid": "TST-2",
        "text": "   LIMA, 11 JAN 90 -- [TEXT] NOTHING HAPPENED.",
        "relevant": False,
        "templates": [],
    }
    corpus: dict[str, list[dict[str, Any]]] = {
        "full_templates": [full, irrelevant],
        "processed_grit": [{"docid": "TST-1", "extracts": roles}, {"docid": "TST-2", "extracts": {}}],
        "processed_gtt": [
            {"docid": "TST-1", "templates": [{"incident_type": "attack", **roles}]},
            {"docid": "TST-2", "templates": []},
        ],
    }
    for folder, rows in corpus.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "dev.jsonl").write_text(
            "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8"
        )


def test_evaluate_passes_text_as_given_and_scores(tmp_path: Path) -> None:
    _write_mini_corpus(tmp_path)
    seen: list[Document] = []

    def extract(doc: Document) -> list[Event]:
        seen.append(doc)
        if doc.id != "TST-1":
            return []
        return [
            event(
                "Attack",
                doc_id=doc.id,
                event_date=D(1990, 1, 9),
                country="Peru",
                location="Lima",
                victims=["A MAYOR"],
                perpetrator_individuals=["TERRORISTS"],
            )
        ]

    report = evaluate_muc4(extract, "dev", tmp_path)
    assert [doc.id for doc in seen] == ["TST-1", "TST-2"]
    assert seen[0].text.startswith("LIMA, 10 JAN 90 (EFE) --")
    assert seen[0].published == D(1990, 1, 10)  # read from the dateline, as for any input
    assert report.documents == 2
    assert report.metric("ceaf_ree_f1") == 1.0
    assert report.metric("relevance_accuracy") == 1.0
    assert report.metric("date_accuracy") == 1.0
    data = json.loads(json.dumps(report.to_dict()))
    assert data["headline"]["ceaf_ree_f1"] == 1.0
    assert data["tables"][0]["total"]["gold"] == 2
    text = report.render_text()
    assert "micro (5 roles)" in text and "100.00" in text


def test_extractor_errors_are_recorded_and_scored_as_no_events(tmp_path: Path) -> None:
    from eventwire.errors import ExtractionError

    _write_mini_corpus(tmp_path)

    def failing(doc: Document) -> list[Event]:
        raise ExtractionError("model exploded", where=doc.id)

    report = evaluate_muc4(failing, "dev", tmp_path)
    assert [error.doc_id for error in report.errors] == ["TST-1", "TST-2"]
    assert report.metric("relevance_accuracy") == 0.5


# ------------------------------------------------------------------------------------- the real dev split


@needs_shared
@pytest.mark.shared
def test_dev_split_loads_with_expected_counts() -> None:
    documents = load_muc4("dev", MUC4_DIR)
    assert len(documents) == 200
    assert sum(doc.relevant for doc in documents) == 116
    assert sum(len(doc.templates) for doc in documents) == 191
    assert all(doc.text.lstrip()[:1].isupper() for doc in documents)
    for doc in documents:  # every key date other than "-" is understood
        for key in doc.templates:
            if key.slots["INCIDENT: DATE"][0].strip() != "-":
                assert key.dates, (doc.doc_id, key.slots["INCIDENT: DATE"])
            assert key.locations and key.incident_types


@needs_shared
@pytest.mark.shared
def test_dev_oracle_and_empty_extractor() -> None:
    documents = {doc.doc_id: doc for doc in load_muc4("dev", MUC4_DIR)}

    def oracle(doc: Document) -> list[Event]:
        gold = documents[doc.id]
        if not gold.relevant:
            return []
        roles: dict[str, list[str]] = {}
        for role, attribute in ROLES:
            chosen: list[str] = []  # one mention per entity, avoiding those shared between entities
            for entity in gold.entities[role]:
                used = {normalize_mention(m) for m in chosen}
                chosen.append(next((m for m in entity if normalize_mention(m) not in used), entity[0]))
            roles[attribute] = chosen
        return [
            event(
                "Attack",
                doc_id=doc.id,
                perpetrator_individuals=roles["perpetrator_individuals"],
                perpetrator_orgs=roles["perpetrator_orgs"],
                targets=roles["targets"],
                victims=roles["victims"],
                weapons=roles["weapons"],
            )
        ]

    perfect = evaluate_muc4(oracle, "dev", MUC4_DIR)
    assert perfect.metric("ceaf_ree_f1") == pytest.approx(1.0)
    assert perfect.metric("relevance_accuracy") == pytest.approx(1.0)

    empty = evaluate_muc4(lambda doc: [], "dev", MUC4_DIR)
    assert empty.metric("ceaf_ree_recall") == 0.0
    assert empty.metric("relevance_accuracy") == pytest.approx(84 / 200)
