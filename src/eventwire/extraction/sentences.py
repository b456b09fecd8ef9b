"""Sentences with their offsets, from spaCy's rule-based sentencizer (no model to download).

News text comes in two shapes: paragraphs on their own lines (each line break ends a sentence: headlines
have no full stop), and hard-wrapped wire copy such as MUC-4's, where a line break is only a space and a
blank line ends a paragraph. ``split_sentences`` tells them apart by how the lines end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_BLOCK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def load_sentencizer() -> Any:
    """A blank English spaCy pipeline with the rule-based sentencizer; loaded once and passed in."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _hard_wrapped(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    open_ended = sum(1 for line in lines if not line.rstrip().endswith((".", "!", "?", '"', "'", ":")))
    lengths = sorted(len(line) for line in lines)
    return open_ended / len(lines) > 0.5 and 40 <= lengths[len(lengths) // 2] <= 100


def _blocks(text: str) -> list[tuple[int, int]]:
    if _hard_wrapped(text):
        spans, pos = [], 0
        for match in _BLOCK.finditer(text):
            spans.append((pos, match.start()))
            pos = match.end()
        spans.append((pos, len(text)))
        return spans
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def split_sentences(text: str, nlp: Any, start: int = 0) -> list[Sentence]:
    """Sentences of ``text`` from offset ``start`` on, as absolute offsets, blank ones dropped."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        block_start = max(block_start, start)
        if block_end <= block_start or not text[block_start:block_end].strip():
            continue
        block = text[block_start:block_end].replace("\n", " ")
        for sent in nlp(block).sents:
            s, e = block_start + sent.start_char, block_start + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(s, e))
    return sentences
