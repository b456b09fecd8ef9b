"""Counts as written in news: "14", "2,500", "seven", "twenty-one", "a dozen", "dozens", "at least 14",
"between 10 and 15" → a :class:`Count` range.

The rules for vague and qualified counts are written down once here (and in docs/record.md):

=====================  =====================================
text                   low / best / high
=====================  =====================================
"14"                   14 / 14 / 14
"at least 14"          14 / 14 / None (no upper bound)
"more than 200"        201 / 201 / None
"nearly 30"            27 / 30 / 30   (low: 90%, rounded down)
"about 40"             36 / 40 / 44   (±10%)
"up to 20"             1 / 20 / 20
"fewer than 10"        1 / 9 / 9
"between 10 and 15"    10 / 12 / 15   (best: the mean, rounded down)
"a dozen"              12 / 12 / 12
"dozens"               24 / 24 / 99
"scores"               40 / 40 / None
"hundreds"             200 / 200 / 999
"thousands"            2000 / 2000 / 9999
"several"              3 / 3 / 9
"a few"                2 / 3 / 5
=====================  =====================================

The best value of a vague plural is its smallest literal reading ("dozens" is at least two dozen), which
keeps totals conservative, as ACLED's coders do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague amounts: (low, best, high).
_VAGUE: dict[str, tuple[int, int, int | None]] = {
    "a dozen": (12, 12, 12),
    "half a dozen": (6, 6, 6),
    "a couple of": (2, 2, 2),
    "a pair of": (2, 2, 2),
    "dozens of": (24, 24, 99),
    "dozens": (24, 24, 99),
    "scores of": (40, 40, None),
    "scores": (40, 40, None),
    "hundreds of": (200, 200, 999),
    "hundreds": (200, 200, 999),  # "hundreds marched", "killing hundreds"
    "thousands of": (2000, 2000, 9999),
    "thousands": (2000, 2000, 9999),
    "tens of thousands of": (20000, 20000, 99999),
    "tens of thousands": (20000, 20000, 99999),
    "hundreds of thousands of": (200000, 200000, 999999),
    "hundreds of thousands": (200000, 200000, 999999),
    "several": (3, 3, 9),
    "a few": (2, 3, 5),
    "a handful of": (2, 3, 5),
    "many": (10, 10, None),
    "numerous": (10, 10, None),
}

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_VAGUE_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_VAGUE, key=len, reverse=True))

_QUALIFIER = (
    r"(?P<qual>at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|more\s+than|over|upwards\s+of|"
    r"in\s+excess\s+of|up\s+to|as\s+many\s+as|nearly|almost|close\s+to|about|around|approximately|"
    r"roughly|some|an\s+estimated|estimated|fewer\s+than|less\s+than|at\s+most|only|just)"
)
_AMOUNT = rf"(?:{_DIGITS}|{_WORD_NUMBER})"

COUNT_PATTERN = (
    rf"(?:(?P<vague>{_VAGUE_RE})"
    rf"|(?:between\s+)?(?P<lo>{_AMOUNT})\s+(?:and|to|or)\s+(?P<hi>{_AMOUNT})\b"
    rf"|(?P<dlo>{_DIGITS})\s*[-–]\s*(?P<dhi>{_DIGITS})\b"
    rf"|(?:{_QUALIFIER}\s+)?(?P<n>{_DIGITS}|{_WORD_NUMBER})\b(?!\s*(?:%|percent|per\s+cent)))"
)
"""A regex fragment for a count with its qualifier; case-insensitive, for use inside larger patterns."""

COUNT_RE = re.compile(COUNT_PATTERN, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    low: int
    best: int
    high: int | None


def word_number(text: str) -> int | None:
    """'twenty-one' → 21, 'one hundred and five' → 105, '2,500' → 2500; None if not a number."""
    cleaned = text.lower().replace(",", "").strip()
    if cleaned.isdigit():
        return int(cleaned)
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", cleaned):
        if token == "and" or not token:
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _qualified(qual: str | None, n: int) -> Count:
    q = " ".join(qual.lower().split()) if qual else ""
    if q in {"at least", "no fewer than", "no less than", "a minimum of"}:
        return Count(n, n, None)
    if q in {"more than", "over", "upwards of", "in excess of"}:
        return Count(n + 1, n + 1, None)
    if q in {"up to", "as many as", "at most"}:
        return Count(min(1, n), n, n)
    if q in {"nearly", "almost", "close to"}:
        return Count(int(n * 0.9), n, n)
    if q in {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated"}:
        return Count(int(n * 0.9), n, round(n * 1.1))
    if q in {"fewer than", "less than"}:
        return Count(min(1, n - 1), max(n - 1, 0), max(n - 1, 0))
    return Count(n, n, n)


def parse_count(match: re.Match[str]) -> Count | None:
    """Turn a match of :data:`COUNT_RE` (or a pattern embedding it) into a Count."""
    groups = match.groupdict()
    if groups.get("vague"):
        low, best, high = _VAGUE[" ".join(groups["vague"].lower().split())]
        return Count(low, best, high)
    lo_text = groups.get("lo") or groups.get("dlo")
    hi_text = groups.get("hi") or groups.get("dhi")
    if lo_text and hi_text:
        lo, hi = word_number(lo_text), word_number(hi_text)
        if lo is not None and hi is not None and hi < lo:
            # "one hundred and five" is one number, not a range.
            whole = word_number(match.group(0).lower().removeprefix("between").strip())
            return Count(whole, whole, whole) if whole is not None else None
        if lo is None or hi is None:
            return None
        return Count(lo, (lo + hi) // 2, hi)
    if groups.get("n"):
        n = word_number(groups["n"])
        if n is None:
            return None
        return _qualified(groups.get("qual"), n)
    return None


def read_count(text: str) -> Count | None:
    """Read the first count in ``text`` ("at least 14 fighters" → 14/14/None)."""
    match = COUNT_RE.search(text)
    return parse_count(match) if match else None
