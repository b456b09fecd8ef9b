"""Sentences with their offsets, from spaCy's rule-based sentencizer (no model to download).

News text comes in two shapes: paragraphs on their own lines (each line break ends a sentence: headlines
have no full stop), and hard-wrapped wire copy such as MUC-4's, where a line break is only a space and a
blank line ends a paragraph. ``split_sentences`` tells them apart by how the lines end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
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


class _Splitter:
    """spaCy's sentencizer rule, read off the tokenizer's output without building sentence spans.

    The rule (``Sentencizer.predict``): a token that is neither punctuation nor one of the sentencizer's
    sentence-final characters starts a sentence when such a character stands between it and the last
    token of that kind. A block whose sentence-final characters all stand in the run of punctuation that
    ends it is therefore one sentence, and needs no tokenizing at all.
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import IDX, IS_PUNCT, ORTH

        sentencizer = nlp.get_pipe("sentencizer")
        self.tokenizer = nlp.tokenizer
        self.attrs = [ORTH, IDX, IS_PUNCT]
        chars = sorted(sentencizer.punct_chars)
        self.final = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
        self.final_ids = frozenset(nlp.vocab.strings.add(c) for c in chars)

    def starts(self, block: str) -> list[int]:
        """Character offsets in ``block`` where its sentences start (0 first)."""
        stripped = block.rstrip()
        end = len(stripped)
        while end and unicodedata.category(stripped[end - 1]).startswith("P"):
            end -= 1
        if not self.final.search(stripped, 0, end):
            return [0]
        doc = self.tokenizer(block)
        starts = [0]
        seen_final = False
        final_ids = self.final_ids
        for orth, idx, is_punct in doc.to_array(self.attrs).tolist():
            if orth in final_ids:
                seen_final = True
            elif seen_final and not is_punct:
                starts.append(idx)
                seen_final = False
        return starts


@lru_cache(maxsize=4)
def _splitter(nlp: Any) -> _Splitter:
    return _Splitter(nlp)


def split_sentences(text: str, nlp: Any, start: int = 0) -> list[Sentence]:
    """Sentences of ``text`` from offset ``start`` on, as absolute offsets, blank ones dropped.

    ``nlp`` is the pipeline from :func:`load_sentencizer`; the sentences are those its sentencizer gives.
    """
    splitter = _splitter(nlp)
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        block_start = max(block_start, start)
        if block_end <= block_start or not text[block_start:block_end].strip():
            continue
        block = text[block_start:block_end].replace("\n", " ")
        starts = splitter.starts(block)
        for s, e in zip(starts, [*starts[1:], len(block)], strict=True):
            s, e = block_start + s, block_start + e
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(s, e))
    return sentences
