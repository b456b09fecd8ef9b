"""Language detection: non-English documents are skipped with the reason; short texts are never judged."""

from __future__ import annotations

import json

import pytest

from eventwire.documents.build import build_document
from eventwire.documents.language import (
    _WORD,
    SAMPLE_CHARS,
    _identifier,
    detect_language,
    plainly_english,
)
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


def test_language_first_look_settles_plain_english_as_the_identifier_would() -> None:
    """The first look settles long plain English news without the identifier, and its answer is the one
    the identifier gives on the fixture articles."""
    settled = 0
    for path in sorted(ARTICLES.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        language = detect_language(text)
        if language.first_look:
            settled += 1
            assert language.code == "en" and language.confidence == 1.0
            code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
            assert (code, confidence >= 0.9) == ("en", True), path.name
    assert settled, "no fixture article was plain enough for the first look"


def test_language_first_look_leaves_other_languages_and_mixed_text_to_the_identifier() -> None:
    english = (
        "Gunmen killed at least twelve civilians in an attack on a village in central Mali on Sunday, "
        "local officials said, and the army said that it had sent troops to the area after the attack. "
    )
    assert detect_language(english * 6).first_look
    for text in (FRENCH * 4, SPANISH * 4):
        language = detect_language(text)
        assert not language.first_look and language.code in ("fr", "es")
    # The same English with a long passage in another script: the identifier judges it.
    mixed = english * 6 + "Вооружённые люди напали на деревню в центре Мали и убили двенадцать человек. " * 3
    assert not plainly_english(mixed[:SAMPLE_CHARS], _WORD.findall(mixed[:SAMPLE_CHARS]))
    # Short texts are never settled by the first look, however English.
    assert not detect_language(english).first_look
