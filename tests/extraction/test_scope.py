"""Scopes: the shipped MUC-4 relevance model, its features, and how the extractor applies it."""

from __future__ import annotations

import math
from typing import Any

import pytest

from eventwire.evaluate.muc4 import load_muc4
from eventwire.extraction.pipeline import Extractor
from eventwire.extraction.scope import document_terms, lead, load_scope_model, term_counts, tfidf, view_tfidf
from support import shared_path


def test_terms_are_words_and_word_pairs() -> None:
    counts = term_counts("Guerrillas ATTACKED the farm; guerrillas fled.")
    assert counts["guerrillas"] == 2
    assert counts["guerrillas attacked"] == 1
    assert counts["the farm"] == 1


def test_tfidf_keeps_known_terms_and_has_unit_length() -> None:
    weights = tfidf(term_counts("bomb bomb car"), {"bomb": 2.0, "car": 1.0})
    assert set(weights) == {"bomb", "car"}
    assert math.isclose(sum(w * w for w in weights.values()), 1.0)
    assert weights["bomb"] > weights["car"]


def test_the_lead_starts_after_the_dateline() -> None:
    text = "LIMA, 10 JAN 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED TODAY IN FRONT OF THE U.S. EMBASSY."
    assert lead(text).lstrip().startswith("[TEXT] A CAR BOMB")


def test_each_view_counts_its_words_apart_and_has_unit_length() -> None:
    text = "LIMA, 10 JAN 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED TODAY. THE MINISTER SPOKE OF PEACE."
    terms = document_terms(text, ())
    assert terms["d:bomb"] == 1 and terms["l:bomb"] == 1
    assert not any(term.startswith("s:") for term in terms)  # no event, no event sentences
    weights = view_tfidf(terms, dict.fromkeys(terms, 1.0))
    for view in ("d:", "l:"):
        norm = sum(w * w for term, w in weights.items() if term.startswith(view))
        assert math.isclose(norm, 1.0)


def test_unknown_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="no model for scope"):
        load_scope_model("gdelt")


@pytest.fixture(scope="module")
def scoped(extractor: Any) -> Extractor:
    model = load_scope_model("muc4")
    return Extractor(extractor.nlp, extractor.gazetteer, extractor.actors, extractor.roles, model)


def test_a_document_out_of_scope_keeps_its_events_as_rejections(extractor: Any, scoped: Extractor) -> None:
    documents = load_muc4("dev", shared_path("benchmarks", "muc4"))[:60]
    dropped = 0
    for document in documents:
        full = extractor.run(document.to_document())
        narrow = scoped.run(document.to_document())
        assert narrow.events in ((), full.events)  # all or nothing, never a different event
        if full.events and not narrow.events:
            dropped += 1
            out = [r for r in narrow.rejections if r.reason.startswith("outside scope muc4")]
            assert len(out) == len(full.events)
    assert dropped > 0


def test_the_muc4_scope_judges_relevance_better_than_keeping_every_event(
    extractor: Any, scoped: Extractor
) -> None:
    documents = load_muc4("dev", shared_path("benchmarks", "muc4"))

    def right(run: Any) -> int:
        return sum(bool(run(d.to_document()).events) == d.relevant for d in documents)

    assert right(scoped.run) > right(extractor.run)
