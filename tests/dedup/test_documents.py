"""Near-duplicate documents: syndicated wire copies are caught, different stories about one event are not."""

from __future__ import annotations

import pytest

from eventwire.dedup.documents import (
    FINGERPRINT_BITS,
    fingerprint,
    fingerprint_from_hex,
    fingerprint_to_hex,
    lsh_keys,
    near_duplicate,
    similarity,
)

ORIGINAL = """Gunmen kill 14 in raid on Anbar village

By Staff Reporter

RAMADI, Iraq, Sept 6 (Wire) - Gunmen believed to belong to Islamic State killed at least 14 people in
an overnight raid on a village west of Ramadi in Iraq's Anbar province, police and hospital sources
said on Friday.

The attackers stormed Albu Bali before dawn, shooting residents in their homes and setting fire to
two houses, a police captain told reporters by phone. Six of the dead were from a single family.

Security forces sealed off the area and launched a search for the gunmen, who fled towards the desert
near the Syrian border. A curfew was imposed on nearby villages.

Anbar has seen a rise in attacks by Islamic State remnants this year, although the group lost the
last of its territory in Iraq in 2017. Provincial officials have called for more troops to guard the
desert roads.
"""

# The same wire story as another outlet ran it: new headline and byline, a boilerplate line added,
# the last paragraph trimmed.
SYNDICATED = """Islamic State suspected in deadly night attack near Ramadi

By Agency Correspondent | Updated 2 hours ago

RAMADI, Iraq, Sept 6 (Wire) - Gunmen believed to belong to Islamic State killed at least 14 people in
an overnight raid on a village west of Ramadi in Iraq's Anbar province, police and hospital sources
said on Friday.

The attackers stormed Albu Bali before dawn, shooting residents in their homes and setting fire to
two houses, a police captain told reporters by phone. Six of the dead were from a single family.

Security forces sealed off the area and launched a search for the gunmen, who fled towards the desert
near the Syrian border. A curfew was imposed on nearby villages.

Copyright 2024 Wire Agency. All rights reserved. Click here to subscribe to our newsletter.
"""

# Another outlet's own story about the same raid: same facts, its own words.
OTHER_STORY = """Families bury victims of Albu Bali massacre

RAMADI - Mourners in Anbar buried on Saturday the fifteen villagers shot dead when militants of the
Islamic State group attacked Albu Bali, a farming hamlet outside Ramadi, in the early hours of Friday.

Survivors said the assailants arrived in pickup trucks and went from house to house. "They called
out names from a list," said a farmer who lost two brothers. Local officials blamed lax security on
the desert highway and demanded reinforcements from Baghdad.

The Iraqi army said it had killed two of the attackers in an operation on Saturday morning.
"""


def test_documents_syndicated_copy_is_near_duplicate() -> None:
    a, b = fingerprint(ORIGINAL), fingerprint(SYNDICATED)
    assert near_duplicate(a, b)
    assert set(lsh_keys(a)) & set(lsh_keys(b)), "near-duplicates must meet under at least one band key"


def test_documents_different_stories_about_one_event_are_not_near_duplicates() -> None:
    a, other = fingerprint(ORIGINAL), fingerprint(OTHER_STORY)
    assert not near_duplicate(a, other)
    assert similarity(a, other) < 0.2


def test_documents_fingerprint_ignores_case_spacing_and_punctuation() -> None:
    shouted = ORIGINAL.upper().replace("\n", "  ").replace(",", " ,")
    assert fingerprint(shouted) == fingerprint(ORIGINAL)
    assert fingerprint(ORIGINAL) == fingerprint(ORIGINAL)


def test_documents_rewrite_of_most_sentences_is_not_a_duplicate() -> None:
    half = ORIGINAL.split("\n\n")
    rewritten = "\n\n".join([*half[:3], OTHER_STORY])
    assert not near_duplicate(fingerprint(ORIGINAL), fingerprint(rewritten))


def test_documents_fingerprint_is_bounded_and_round_trips_as_hex() -> None:
    fp = fingerprint(ORIGINAL)
    assert 0 < fp < 2**FINGERPRINT_BITS
    text = fingerprint_to_hex(fp)
    assert len(text) == FINGERPRINT_BITS // 4
    assert fingerprint_from_hex(text) == fp
    assert len(lsh_keys(fp)) == 32


def test_documents_empty_text_has_no_keys_and_matches_nothing() -> None:
    assert fingerprint("") == 0
    assert fingerprint("  ... !!") == 0
    assert lsh_keys(0) == []
    assert not near_duplicate(0, 0)
    assert fingerprint("Ramadi") != 0  # a single word is still a document


def test_documents_bad_input_is_named() -> None:
    with pytest.raises(TypeError, match="bytes"):
        fingerprint(b"raw bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="-5"):
        lsh_keys(-5)
    with pytest.raises(ValueError, match="not a document fingerprint"):
        near_duplicate(1 << FINGERPRINT_BITS, 1)
    with pytest.raises(ValueError, match="truncated document fingerprint"):
        near_duplicate(fingerprint(ORIGINAL), fingerprint(SYNDICATED) & (2**64 - 1))
    with pytest.raises(ValueError, match="'zz-top'"):
        fingerprint_from_hex("zz-top")


def test_documents_repeated_shingles_count_once() -> None:
    # A MinHash is a minimum over the set of shingles: a paragraph printed twice is the same set.
    paragraph = ORIGINAL.split("\n\n")[2]
    assert fingerprint(paragraph + "\n\n" + paragraph) == fingerprint(
        paragraph + "\n\n" + paragraph + "\n\n" + paragraph
    )
    assert fingerprint("gunmen kill gunmen kill gunmen kill") == fingerprint("gunmen kill gunmen kill")


def test_documents_lsh_keys_name_each_band_by_its_two_slots() -> None:
    # Band b's key is "m{b}:" and slots 2b and 2b+1 (16 bits each, slot 0 in the low bits) in hex: the
    # keys stored in the database are these, whichever way they are worked out.
    fp = fingerprint(ORIGINAL)
    slots = [(fp >> (16 * i)) & 0xFFFF for i in range(64)]
    assert lsh_keys(fp) == [f"m{b}:{slots[2 * b]:04x}{slots[2 * b + 1]:04x}" for b in range(32)]
    assert lsh_keys(fingerprint("Ramadi"))[0].startswith("m0:")
