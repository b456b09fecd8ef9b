"""Sentences: ``split_sentences`` gives exactly the sentences of spaCy's sentencizer over each block,
though it reads the rule off the tokens itself and skips the tokenizer for one-sentence blocks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eventwire.extraction.sentences import _blocks, load_sentencizer, split_sentences
from support import ARTICLES, shared_path

FIXTURES = sorted(ARTICLES.glob("*.json"))


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_sentencizer()


def _spacy_sentences(text: str, nlp: Any, start: int = 0) -> list[tuple[int, int]]:
    """The sentences as spaCy's pipeline gives them: nlp(block).sents, trimmed of spaces."""
    found = []
    for block_start, block_end in _blocks(text):
        block_start = max(block_start, start)
        if block_end <= block_start or not text[block_start:block_end].strip():
            continue
        for sent in nlp(text[block_start:block_end].replace("\n", " ")).sents:
            s, e = block_start + sent.start_char, block_start + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                found.append((s, e))
    return found


def _ours(text: str, nlp: Any, start: int = 0) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text, nlp, start)]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 3. Police said so.",
        "Gunmen killed 3 in the U.S. on Friday. Police said so!",
        'He said: "They fled." Then the army came?! Yes.',
        ". Leading stop",
        "Ends with spaces and marks .  !  ",
        "Wait... what?! Yes.'' No",
        "Il a dit。Puis il est parti",
        "A\u00a0. B\t. C",
        "No final mark at all",
        "Protest in Lima (AP) -- 10 JAN 90 -- [TEXT] THE ARMY SAID. IT WAS QUIET.",
        # Only the text around sentence-final marks is tokenized: runs of spaces, tabs and no-break
        # spaces, marks inside words and brackets, and marks past the BMP must all read as spaCy does.
        'Killed 3.  Police said.\tThen \u00a0 more. (End.) "Yes." Next . . . done!  ',
        "Dr. Smith met Mr. Jones in the U.S. today. He left... (Quietly.) ?! ok",
        "One \U00011047 two. \U0001f600 Three. Four\U00011047Five",
        "a.b.c. d! e?f g .h ",
    ],
)
def test_split_sentences_equals_spacy_on_hard_cases(text: str, nlp: Any) -> None:
    assert _ours(text, nlp) == _spacy_sentences(text, nlp)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_split_sentences_equals_spacy_on_fixture_articles(path: Any, nlp: Any) -> None:
    text = json.loads(path.read_text(encoding="utf-8"))["text"]
    assert _ours(text, nlp) == _spacy_sentences(text, nlp)
    assert _ours(text, nlp, 40) == _spacy_sentences(text, nlp, 40)


def test_split_sentences_equals_spacy_on_muc4_wire_copy(nlp: Any) -> None:
    path = shared_path("benchmarks", "muc4", "full_templates", "dev.jsonl")
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:100]]
    sentences = 0
    for text in texts:
        ours = _ours(text, nlp)
        assert ours == _spacy_sentences(text, nlp)
        sentences += len(ours)
    assert sentences > 1000


def test_split_sentences_adds_no_words_to_the_pipelines_vocabulary(nlp: Any) -> None:
    # The sentences are read with a tokenizer of the same rules over a vocabulary of its own, which
    # computes no lexical attributes for new words (they cost more than the tokenizing).
    before = len(nlp.vocab)
    text = "Zarqawiyyun fighters overran Qaraqoshiyya. Brigadier Xylphantos said so. Then they left."
    ours = _ours(text, nlp)
    assert len(nlp.vocab) == before
    assert len(ours) == 3
    assert ours == _spacy_sentences(text, nlp)
