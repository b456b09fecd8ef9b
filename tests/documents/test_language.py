"""Language detection: non-English documents are skipped with the reason; short texts are never judged."""

from __future__ import annotations

import json

import pytest

from eventwire.documents.build import build_document
from eventwire.documents.language import detect_language
from eventwire.errors import LanguageSkippedError
from eventwire.models.document import RawItem
from support import ARTICLES, shared_path

FRENCH = (
    "Des hommes armés ont attaqué dimanche un village du centre du Mali, tuant au moins douze civils, "
    "selon des sources locales et un responsable de la sécurité qui a requis l'anonymat. Les assaillants "
    "sont arrivés à moto et ont incendié des greniers avant de se retirer vers la frontière."
)
SPANISH = (
    "Guerrilleros del ELN atacaron una base militar en el departamento de Arauca y mataron a tres soldados, "
    "informó el ejército el lunes en un comunicado, en el que añadió que otros cinco resultaron heridos."
)


def test_language_non_english_is_skipped_naming_the_input_and_language() -> None:
    for text, code, name in ((FRENCH, "fr", "French"), (SPANISH, "es", "Spanish")):
        with pytest.raises(LanguageSkippedError) as caught:
            build_document(RawItem("feeds/sahel.rss#3", text))
        assert caught.value.where == "feeds/sahel.rss#3" and caught.value.skipped
        assert f"{name} ({code}" in str(caught.value) and caught.value.code == "E021"
    assert build_document(RawItem("x", FRENCH), languages=None).language == "fr"


def test_language_english_articles_are_kept_and_marked() -> None:
    for path in sorted(ARTICLES.glob("*.json"))[:5]:
        case = json.loads(path.read_text(encoding="utf-8"))
        assert build_document(RawItem(path.name, case["text"])).language == "en", path.name


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a village last week.",
        "BOMB EXPLODED IN LIMA",
        "Troops clashed with militants near Gao, Mali.",
        "Kidnappers seized a priest in Enugu; police said.",
    ],
)
def test_language_short_texts_are_not_judged(text: str) -> None:
    assert detect_language(text).code is None
    assert build_document(RawItem("brief.txt", text)).language is None


@pytest.mark.shared
def test_language_muc4_wire_copy_in_capitals_is_english() -> None:
    """Every MUC-4 dev report (1980s FBIS wire copy, all in capitals) must be read, not skipped."""
    path = shared_path("benchmarks", "muc4", "full_templates", "dev.jsonl")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    # as a news site would serve it: a title in ordinary case above the capitals
    judged = [detect_language(f"Report from Latin America\n\n{text}") for text in texts]
    wrong = [
        (j.code, j.confidence, text[:60]) for j, text in zip(judged, texts, strict=True) if j.code != "en"
    ]
    assert not wrong, wrong[:3]
    assert all(j.confidence >= 0.9 for j in judged)
