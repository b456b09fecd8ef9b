"""Near-duplicate documents: MinHash fingerprints of word shingles, with LSH band keys.

Syndicated wire copies are the same story under another headline or byline, with a boilerplate line
added or the last paragraph trimmed. Their sets of word 3-shingles overlap heavily (Jaccard ≈ 0.6–0.95),
while two different stories about the same event share only a few phrases (Jaccard ≈ 0–0.15). MinHash
estimates that Jaccard similarity directly, which is why we use it rather than a 64-bit SimHash: a
SimHash of a copy with a trimmed paragraph is typically 10–16 bits away from the original, too far for
a Hamming threshold that still keeps different stories apart.

The fingerprint is a plain non-negative ``int`` of up to :data:`FINGERPRINT_BITS` (1024) bits: 64 MinHash
values of 16 bits each, slot ``i`` in bits ``16*i .. 16*i+15``. It does not fit a 64-bit SQL INTEGER
column: store it as text with :func:`fingerprint_to_hex` and read it back with :func:`fingerprint_from_hex`.

    fp = fingerprint(text)          # once per document
    keys = lsh_keys(fp)             # 32 band keys: index the document under each
    near_duplicate(fp, other_fp)    # verify a candidate found through a shared key

Two documents whose shingle sets have Jaccard similarity ``s`` share at least one of the 32 band keys
(2 slots each) with probability ``1 - (1 - s**2)**32``: 0.9999 at ``s = 0.5``, 0.73 at ``s = 0.2``; a
random 32-bit collision between unrelated documents is negligible. :func:`near_duplicate` then accepts
pairs whose estimated Jaccard similarity is at least :data:`NEAR_DUPLICATE_JACCARD` (0.5).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import numpy.typing as npt

NUM_HASHES = 64
"""MinHash slots per fingerprint."""

SLOT_BITS = 16
"""Bits kept of each slot's minimum (b-bit MinHash); two different minima collide with probability 2⁻¹⁶."""

FINGERPRINT_BITS = NUM_HASHES * SLOT_BITS

ROWS_PER_BAND = 2
"""Slots per LSH band key; ``NUM_HASHES // ROWS_PER_BAND`` (32) keys per document."""

SHINGLE_WORDS = 3
"""Words per shingle."""

NEAR_DUPLICATE_JACCARD = 0.5
"""Minimum estimated Jaccard similarity of the shingle sets for two documents to be near-duplicates."""

_SLOT_MASK = (1 << SLOT_BITS) - 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# A fixed multiply-shift hash family: h_i(x) = a_i * x + b_i (mod 2^64), a_i odd. The parameters are
# derived from a fixed seed, never from the process, so fingerprints are stable across runs and machines.
_rng = np.random.default_rng(20240906)
_A = (_rng.integers(1, 2**63, size=NUM_HASHES, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64) << np.uint64(1)
del _rng

_EMPTY_FINGERPRINT = 0
_CHUNK = 4096


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingle_hashes(words: list[str]) -> npt.NDArray[np.uint64]:
    """The 64-bit hash of each word 3-shingle, repeats included (a minimum is the same without them)."""
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(t) for t in zip(*[words[i:] for i in range(SHINGLE_WORDS)], strict=False)]
    blake = hashlib.blake2b
    digests = b"".join([blake(g.encode(), digest_size=8).digest() for g in grams])
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def _mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finalizer: spreads every bit of a minimum over the bits we keep."""
    z = values.copy()
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def fingerprint(text: str) -> int:
    """The MinHash fingerprint of ``text``'s word 3-shingles (case-folded, punctuation ignored).

    Returns a non-negative int of up to :data:`FINGERPRINT_BITS` bits (see the module docstring for
    how to store it). A text without any word gets ``0``, which is a near-duplicate of nothing.
    Raises ``TypeError`` when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"fingerprint() needs the document text as str, got {type(text).__name__}")
    hashes = _shingle_hashes(_words(text))
    if hashes.size == 0:
        return _EMPTY_FINGERPRINT
    minima = np.full(NUM_HASHES, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, hashes.size, _CHUNK):  # bounded memory for book-length inputs
        chunk = hashes[start : start + _CHUNK]
        with np.errstate(over="ignore"):
            products = _A[:, None] * chunk[None, :] + _B[:, None]  # wraps mod 2^64 by design
        np.minimum(minima, products.min(axis=1), out=minima)
    minima = _mix(minima) & np.uint64(_SLOT_MASK)
    # Slot 0 in the low bits. A slot equal to 0 is kept as 1 so that only the empty text maps to 0.
    slots = np.maximum(minima, np.uint64(1)).astype("<u2")
    return int.from_bytes(slots.tobytes(), "little")


def _check(fp: int) -> None:
    """Raise ``ValueError`` unless ``fp`` is a whole fingerprint."""
    if not isinstance(fp, int) or fp < 0 or fp.bit_length() > FINGERPRINT_BITS:
        raise ValueError(
            f"not a document fingerprint: {fp!r} (expected a non-negative int of at most "
            f"{FINGERPRINT_BITS} bits from eventwire.dedup.documents.fingerprint)"
        )
    if 0 < fp.bit_length() <= FINGERPRINT_BITS - SLOT_BITS:
        # Every slot of a real fingerprint is non-zero, so the top slot is set: this one was cut short,
        # e.g. by a 64-bit INTEGER column. Comparing it would silently find no duplicate.
        raise ValueError(
            f"truncated document fingerprint ({fp.bit_length()} bits, expected {FINGERPRINT_BITS}): "
            "store fingerprints as text with fingerprint_to_hex(), not in a 64-bit integer column"
        )


def _slots(fp: int) -> list[int]:
    _check(fp)
    return [(fp >> (SLOT_BITS * i)) & _SLOT_MASK for i in range(NUM_HASHES)]


def similarity(a: int, b: int) -> float:
    """The estimated Jaccard similarity (0..1) of the shingle sets behind two fingerprints."""
    if a == _EMPTY_FINGERPRINT or b == _EMPTY_FINGERPRINT:
        return 0.0
    equal = sum(x == y for x, y in zip(_slots(a), _slots(b), strict=True))
    return equal / NUM_HASHES


def near_duplicate(a: int, b: int) -> bool:
    """Whether two fingerprints are near-duplicates: estimated Jaccard ≥ :data:`NEAR_DUPLICATE_JACCARD`."""
    return similarity(a, b) >= NEAR_DUPLICATE_JACCARD


def lsh_keys(fp: int) -> list[str]:
    """The LSH band keys of a fingerprint: ``"m{band}:{hex}"``, one per band of two slots.

    Near-duplicates share at least one key with high probability (see the module docstring). The
    empty fingerprint has no keys.
    """
    _check(fp)
    if fp == _EMPTY_FINGERPRINT:
        return []
    # Read off the fingerprint's hex digits (slot 0 last, four digits a slot) instead of formatting each
    # slot: a document's keys are worked out three times between reading and writing it.
    digits = f"{fp:0{FINGERPRINT_BITS // 4}x}"
    width = SLOT_BITS // 4
    keys = []
    for band in range(NUM_HASHES // ROWS_PER_BAND):
        end = len(digits) - band * ROWS_PER_BAND * width
        rows = [digits[end - (row + 1) * width : end - row * width] for row in range(ROWS_PER_BAND)]
        keys.append(f"m{band}:" + "".join(rows))
    return keys


def fingerprint_to_hex(fp: int) -> str:
    """``fp`` as fixed-width lower-case hex (256 characters), for a text column."""
    _check(fp)
    return f"{fp:0{FINGERPRINT_BITS // 4}x}"


def fingerprint_from_hex(text: str) -> int:
    """The inverse of :func:`fingerprint_to_hex`; raises ``ValueError`` naming bad input."""
    try:
        fp = int(text, 16)
    except (TypeError, ValueError):
        raise ValueError(f"not a hex document fingerprint: {text!r}") from None
    _check(fp)
    return fp
