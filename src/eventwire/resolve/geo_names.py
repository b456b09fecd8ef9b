"""Name keys for the gazetteer: one normalisation shared by the builder, the lookups and the recognizer.

A place name becomes a *key* by splitting it into word tokens, folding each token (no case, no
diacritics, no apostrophes) and joining them with single spaces. Arabic articles are dropped so that
"Al-Anbar", "al Anbar" and "Anbar" share a key, as do "Ar Ramadi" and "Ramadi". Because the
recognizer tokenizes text with the same ``TOKEN_RE`` and folds tokens with the same ``fold_token``,
a window of text tokens and a gazetteer name meet on exactly the same string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

# A word: letters or digits, with apostrophes allowed inside ("Dar'a", "Ma’rib", "N'Djamena") but
# not before a possessive "s" or a contraction ("Iraq's" is "Iraq" and "s", "I've" is "I" and "ve").
# Hyphens and dots separate tokens, so "Deir ez-Zor" is three tokens and "U.S." two.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’‘`ʼʻ](?!(?i:s|d|ll|ve|re|m|t)\b)[^\W_]+)*")
# The same as one group, for ``re.split``: the tokens and the text between them in one call.
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")

_APOSTROPHES = str.maketrans("", "", "'’‘`ʼʻ")

# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "ə": "a",
        "Ə": "a",
    }
)

# "al"/"el" is the Arabic article in transliterations; dropping it everywhere lets "Ras al-Ain" and
# "Ras el Ain" meet. The assimilated forms ("ash-Sharqat", "an-Najaf", "ar-Ramadi") are dropped only
# when the next token starts with the consonant they assimilated to, which keeps English "at"/"as"
# and Spanish "es" intact in names like "Tell as Sawda" vs "Stratford at Bow".
_ARTICLES = frozenset({"al", "el"})
_ASSIMILATED = frozenset(
    {"ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "er", "es", "et", "ez", "en"}
)
# A leading English article never distinguishes a place ("the Gambia", "the Sahel").
_LEADING_DROP = frozenset({"the"})


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """Fold one token: lower case, no diacritics, no apostrophes ("Ḩamāh" -> "hamah", "Dar‘ā" -> "dara")."""
    if token.isascii():
        return token.lower().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", token.translate(_SPECIAL_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower().translate(_APOSTROPHES)


def is_article(token: str, next_token: str | None) -> bool:
    """Whether folded ``token`` is an Arabic article to drop before folded ``next_token``."""
    if next_token is None:
        return False
    if token in _ARTICLES:
        return True
    return token in _ASSIMILATED and next_token.startswith(token[1:])


def key_from_folded(tokens: Sequence[str]) -> str:
    """Join folded tokens into a key, dropping articles (but never every token)."""
    n = len(tokens)
    start = 1 if n > 1 and tokens[0] in _LEADING_DROP else 0
    kept = [
        tok
        for i, tok in enumerate(tokens[start:], start)
        if not is_article(tok, tokens[i + 1] if i + 1 < n else None)
    ]
    if not kept:
        kept = list(tokens[start:]) or list(tokens)
    return " ".join(kept)


def name_key(name: str) -> str:
    """The lookup key of a name: ``name_key("Al-Anbar") == name_key("anbar") == "anbar"``."""
    return key_from_folded([fold_token(tok) for tok in TOKEN_RE.findall(name)])


def ascii_name(name: str) -> str:
    """A display form without diacritics ("Ḩamāh" -> "Hamah"), keeping case, spaces and hyphens."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
