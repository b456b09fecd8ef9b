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

# A blank line: where one block of text (a paragraph, a headline) ends and the next begins.
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


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
        for match in PARAGRAPH_BREAK.finditer(text):
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

    Elsewhere only the text around the sentence-final characters is tokenized (see :meth:`_windows`):
    spaCy tokenizes each run of non-space characters on its own, so a window of whole runs gets the
    tokens the whole block would, and tokenizing a tenth of the text costs a tenth.
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import IDX, ORTH

        sentencizer = nlp.get_pipe("sentencizer")
        self.tokenizer = _lean_copy(nlp.tokenizer)
        self.strings = self.tokenizer.vocab.strings
        self.attrs = [ORTH, IDX]
        self.punct: dict[int, bool] = {}  # see _is_punct
        chars = sorted(sentencizer.punct_chars)
        self.final = re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
        # The same class without the characters past the BMP, for text that has none of those: with
        # them Python's regex engine checks a character ten times slower.
        self.final_bmp = re.compile("[" + "".join(re.escape(c) for c in chars if c <= "\uffff") + "]")
        self.final_ids = frozenset(self.strings.add(c) for c in chars)

    def starts(self, block: str) -> list[int]:
        """Character offsets in ``block`` where its sentences start (0 first)."""
        # (an ASCII block, as most are, has no character past the BMP: str knows that at no cost)
        final = self.final if not block.isascii() and _ASTRAL.search(block) else self.final_bmp
        stripped = block.rstrip()
        end = len(stripped)
        while end and unicodedata.category(stripped[end - 1]).startswith("P"):
            end -= 1
        if not final.search(stripped, 0, end):
            return [0]
        windows = self._windows(block, final)
        # The windows joined by single spaces: one tokenizer call, and a single space makes no token.
        doc = self.tokenizer(" ".join(block[s:e] for s, e in windows))
        starts = [0]
        seen_final = False
        final_ids = self.final_ids
        k, shift, joined_end = 0, windows[0][0], windows[0][1] - windows[0][0]
        for orth, idx in doc.to_array(self.attrs).tolist():
            if idx > joined_end:  # the next window: the rule starts afresh there (see _windows)
                joined = joined_end + 1
                while True:
                    k += 1
                    s, e = windows[k]
                    if idx < joined + e - s:
                        break
                    joined += e - s + 1
                shift, joined_end, seen_final = s - joined, joined + e - s, False
            if orth in final_ids:
                seen_final = True
            elif seen_final and not self._is_punct(orth):
                starts.append(idx + shift)
                seen_final = False
        return starts

    def _is_punct(self, orth: int) -> bool:
        """spaCy's ``IS_PUNCT`` of a token, by its string's id, read once per string."""
        punct = self.punct.get(orth)
        if punct is None:
            punct = self.punct[orth] = _all_punct(self.strings[orth])
        return punct

    @staticmethod
    def _windows(block: str, final: re.Pattern[str]) -> list[tuple[int, int]]:
        """Spans of whole runs of non-space characters that hold every sentence-final character.

        A window opens at the run that holds a sentence-final character and closes after the next run
        with a character that is not punctuation (or at the end of the block): the token that starts a
        sentence lies within, and past it the rule has nothing to carry until the next window.
        """
        windows: list[tuple[int, int]] = []
        found = final.search(block)
        while found is not None:
            start = found.start()
            while start and not block[start - 1].isspace():
                start -= 1
            end = found.end()
            while end < len(block) and not block[end].isspace():
                end += 1
            while True:
                run = _RUN.search(block, end)
                if run is None:
                    end = len(block)
                    break
                end = run.end()
                if not _all_punct(run.group()) and final.search(block, run.start(), end) is None:
                    break
            windows.append((start, end))
            found = final.search(block, end)
        return windows


_RUN = re.compile(r"\S+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _all_punct(run: str) -> bool:
    """spaCy's ``is_punct`` of a token made of all of ``run``: every character is punctuation."""
    return all(unicodedata.category(c).startswith("P") for c in run)


def _lean_copy(tokenizer: Any) -> Any:
    """A tokenizer with ``tokenizer``'s rules over a vocabulary of its own that computes no lexical
    attributes: the tokens are the same, but a word it has not seen before skips the dozen attribute
    functions (shape, stop word, number-likeness ...) the shared vocabulary runs on it, which cost more
    than tokenizing the word. The sentence rule reads only the text and offsets of tokens."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    return Tokenizer(
        Vocab(),
        rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics,
    )


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
