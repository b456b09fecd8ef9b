"""Which language a document is written in, with py3langid (its model ships inside the package).

eventwire's lexicons and rules read English; a document judged to be in another language is left out
with the reason (:class:`~eventwire.errors.LanguageSkippedError`) instead of giving wrong events. A short
text gives too little evidence to judge: under ``MIN_WORDS`` words the language stays undetermined and the
text is read as English, so a one-line English wire brief is never skipped by mistake.
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

_WORD = re.compile(r"[^\W\d_]{2,}")
# Deleting the ASCII capitals (or small letters) and measuring what is left counts them without a list.
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Language:
    code: str | None  # ISO 639-1 code ("en", "fr"), or None when the text is too short to judge
    confidence: float
    words: int


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> Language:
    """The language of ``text`` and how sure the identifier is (0..1)."""
    sample = text[:SAMPLE_CHARS]
    words = len(_WORD.findall(sample))
    if words < MIN_WORDS:
        return Language(None, 0.0, words)
    # Wire copy in capitals (MUC-4's FBIS reports, even under a title in ordinary case) is judged in lower
    # case: the model was trained on ordinary text, and capitals alone make it unsure.
    if len(sample.translate(_DROP_LOWER)) > len(sample.translate(_DROP_UPPER)):  # more [A-Z] than [a-z]
        sample = sample.lower()
    code, confidence = _identifier().classify(sample)
    return Language(str(code), float(confidence), words)


def language_name(code: str) -> str:
    """ "fr" → "French" (the code itself where the name is unknown)."""
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code)
    except (ImportError, KeyError, LookupError):  # pragma: no cover
        found = None
    return str(found.name) if found is not None else code
