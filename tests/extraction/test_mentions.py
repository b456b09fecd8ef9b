"""Trigger scanning: the literal starts read off each trigger pattern, and the scan that uses them finds
exactly what one regex of every trigger finds (on the fixture articles and, where ../shared is here, on
MUC-4 wire copy)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.extraction import mentions
from eventwire.extraction.lexicon import TRIGGERS
from eventwire.extraction.mentions import _TRIGGER_RE, TriggerScan, lower_same_length
from eventwire.models.document import Document
from eventwire.text.regex_starts import start_classes
from support import ARTICLES, shared_path

FIXTURES = sorted(ARTICLES.glob("*.json"))


def _reference(lower: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.lastgroup or "", m.start(), m.end()) for m in _TRIGGER_RE.finditer(lower, start, end)]


def _check(text: str) -> int:
    lower = lower_same_length(text)
    scan = TriggerScan(lower, 0, len(lower))
    found = 0
    for start, end in ((0, len(lower)), (7, len(lower) // 2), (len(lower) // 3, max(0, len(lower) - 5))):
        assert scan.matches(start, end) == _reference(lower, start, end)
        found += len(scan.matches(start, end))
    return found


def test_every_trigger_kind_has_literal_starts() -> None:
    # Without them the scan falls back to the slow regex; a new pattern should keep the scan fast.
    assert all(start_classes(kind.pattern) for kind in TRIGGERS)
    assert mentions._STARTS is not None and mentions._START_RE is not None


def test_scan_finds_triggers_inside_words_as_the_regex_does() -> None:
    # "raid" inside "afraid", "rally" inside "morally": the lexicon's patterns match there, so the scan must.
    text = "Residents were afraid; the morally bankrupt gunmen raided the village and killed 3, police said."
    lower = lower_same_length(text)
    assert TriggerScan(lower, 0, len(lower)).matches(0, len(lower)) == _reference(lower, 0, len(lower))
    assert {("raid", 17, 21), ("protest", 29, 34)} <= set(_reference(lower, 0, len(lower)))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_scan_equals_the_regex_on_fixture_articles(path: Path) -> None:
    _check(json.loads(path.read_text(encoding="utf-8"))["text"])


def test_scan_equals_the_regex_on_muc4_wire_copy() -> None:
    path = shared_path("benchmarks", "muc4", "full_templates", "dev.jsonl")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:150]]
    assert sum(_check(text) for text in texts) > 500


def test_scan_of_a_document_without_sentences_finds_nothing() -> None:
    assert mentions.read_mentions("", "", []) == ([], [])


def test_scan_reads_the_longest_start_with_the_kinds_of_its_prefixes() -> None:
    # "a" opens other kinds' patterns ("a march was held"), always before a space: where "attack"
    # stands, their kinds are not tried; where "a" stands before a space, only theirs are.
    masks = mentions._START_MASKS
    assert mentions._START_FOLLOWS["a"] == r"\s"
    assert masks["attack"] & masks["a"] != masks["a"]
    assert masks["a"] != masks["attack"]
    lower = "a car bomb and an attack: a man and a woman were shot, and a march went on to the square."
    scan = TriggerScan(lower, 0, len(lower))
    assert scan.found[lower.index("attack")] == masks["attack"]
    assert scan.matches(0, len(lower)) == _reference(lower, 0, len(lower))


def test_clause_wide_text_blanks_asides_and_drops_superlatives() -> None:
    # The clause-wide cues ("since 2019": historical) are not read in the relative clause nor in a
    # superlative's comparison; the clause is read once for all its triggers.
    lower = "the attack, which police blamed on rebels, was the deadliest in the region since 2019."
    wide = mentions._wide_text(lower, 0, len(lower))
    assert wide == "the attack" + " " * 33 + "was the  "
    assert mentions._wide_text(lower, 0, len(lower)) is wide


def test_document_wide_reasons_are_read_once_per_trigger_kind() -> None:
    # (read_mentions reads the ordinary-crime and trial reasons once per kind: each kind keeps its own)
    from eventwire.extraction.sentences import load_sentencizer, split_sentences

    text = (
        "Police raided a flat in Leeds on Tuesday and arrested two men. Both were charged with burglary and "
        "appeared in court on Wednesday. Police raided a second flat on Thursday and arrested a woman."
    )
    lower = lower_same_length(text)
    found, rejected = mentions.read_mentions(text, lower, split_sentences(text, load_sentencizer(), 0))
    assert found == []
    assert [(r.text, r.reason.split(":")[1].split(",")[0].strip()) for r in rejected] == [
        ("raided", "a police search"),
        ("arrested", "police and courts"),
        ("raided", "a police search"),
        ("arrested", "police and courts"),
    ]


def test_joined_cues_match_where_one_of_them_does() -> None:
    # one search of all the reject cues (read at word starts only: every cue opens at a word boundary)
    # finds a cue exactly where a search of each cue in turn finds one
    from eventwire.extraction.lexicon import REJECT_CUES

    joined = mentions._ANY_CUE
    assert joined is not None and joined.pattern.startswith(r"\b(?=")
    texts = (
        "police said they would investigate the attack on the convoy",
        "rebels denied carrying out the attack and threatened to strike again",
        "a man who was arrested last year said the raid had been planned since 2019",
        "unbelievable: the protesters marched peacefully through the city centre",
        "",
    )
    for text in texts:
        first = min((m.start() for _, cue in REJECT_CUES if (m := cue.search(text))), default=None)
        found = joined.search(text)
        assert (found.start() if found else None) == first


def test_a_toll_told_with_a_misfortunes_verb_is_not_the_acts(extractor: Any) -> None:
    text = "Floods killed 10 people in Kano on Monday as gunmen killed five villagers in Zamfara."
    (event,) = extractor.run(Document(id="t", text=text, published=dt.date(2024, 3, 14))).events
    assert event.fatalities is not None and event.fatalities.best == 5
