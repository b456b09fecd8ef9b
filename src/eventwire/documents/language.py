"""Which language a document is written in, with py3langid (its model ships inside the package).

eventwire's lexicons and rules read English; a document judged to be in another language is left out
with the reason (:class:`~eventwire.errors.LanguageSkippedError`) instead of giving wrong events. A short
text gives too little evidence to judge: under ``MIN_WORDS`` words the language stays undetermined and the
text is read as English, so a one-line English wire brief is never skipped by mistake.

Most news is plainly English, and the identifier is a tenth of what extraction costs: a first look settles
a sample as English when it is long, plain ASCII and full of English function words ("the", "of", "was",
"said"), and the identifier reads only the others. On 12,000 texts (MUC-4, GeoWebNews, TR-News, GeoVirus,
ACLED notes, CoNLL, and spaCy's samples of 66 other languages alone and mixed with English) the identifier
judged every text the first look settles as English with confidence 0.9 or more; of the long, plain
texts it did not judge English so surely, none had more than 19% function words (22% are asked here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_WORDS = 20
"""Fewer words than this and the language is not judged."""
MIN_CONFIDENCE = 0.9
"""A text is judged to be in another language only when the identifier is at least this sure."""
SAMPLE_CHARS = 2000
"""The identifier reads this much of the text: the language of a news report shows in its first lines."""

FIRST_LOOK_WORDS = 100
"""The first look settles a sample as English only when it has at least this many words..."""
FIRST_LOOK_SHARE = 0.22
"""...at least this share of them in :data:`_ENGLISH_FUNCTION_WORDS`..."""
FIRST_LOOK_NON_ASCII = 0.01
"""...and at most this share of its characters outside ASCII (another script weighs in the identifier's
bytes far more than in a count of words)."""

# Words that English news is full of and that are rare as words of other Latin-script languages ("in",
# "is", "an", "on", "at" are left out: Dutch, German, French, Danish use them as often).
_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the", "of", "and", "to", "was", "were", "for", "that", "with", "by", "said", "from", "has", "have",
        "had", "been", "which", "are", "its", "their", "they", "this", "will", "would", "who", "after", "his",
        "she", "but", "not",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]{2,}")
# Deleting the ASCII capitals (or small letters) and measuring what is left counts them without a list.
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Language:
    code: str | None  # ISO 639-1 code ("en", "fr"), or None when the text is too short to judge
    confidence: float
    words: int
    first_look: bool = False  # settled as English by the first look (confidence 1.0), not by the identifier


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load_identifier() -> None:
    """Load the language identifier's model now (a third of a second), not at the first text it judges:
    a parallel ingest loads it once before forking its workers, which then share it."""
    _identifier()


def detect_language(text: str) -> Language:
    """The language of ``text`` and how sure the identifier is (0..1)."""
    sample = text[:SAMPLE_CHARS]
    found = _WORD.findall(sample)
    words = len(found)
    if words < MIN_WORDS:
        return Language(None, 0.0, words)
    if plainly_english(sample, found):
        return Language("en", 1.0, words, first_look=True)
    # Wire copy in capitals (MUC-4's FBIS reports, even under a title in ordinary case) is judged in lower
    # case: the model was trained on ordinary text, and capitals alone make it unsure.
    if len(sample.translate(_DROP_LOWER)) > len(sample.translate(_DROP_UPPER)):  # more [A-Z] than [a-z]
        sample = sample.lower()
    code, confidence = _identifier().classify(sample)
    return Language(str(code), float(confidence), words)


def plainly_english(sample: str, words: list[str]) -> bool:
    """Whether ``sample`` (with its ``words``) is English beyond doubt: long, nearly all ASCII and with at
    least :data:`FIRST_LOOK_SHARE` of its words English function words."""
    if len(words) < FIRST_LOOK_WORDS:
        return False
    if not sample.isascii():
        non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
        if non_ascii > FIRST_LOOK_NON_ASCII * len(sample):
            return False
    common = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    return common >= FIRST_LOOK_SHARE * len(words)


def language_name(code: str) -> str:
    """ "fr" → "French" (the code itself where the name is unknown)."""
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code)
    except (ImportError, KeyError, LookupError):  # pragma: no cover
        found = None
    return str(found.name) if found is not None else code
