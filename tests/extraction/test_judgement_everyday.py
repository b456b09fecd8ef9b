"""Everyday news that uses conflict words in another sense gives no event; the conflict news beside it
does (``judgement.everyday_reason``). Each sentence runs through the whole extractor, in mixed case and
in ALL CAPS."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.models.document import Document


def _run(extractor: Any, text: str) -> Any:
    return extractor.run(Document(id="everyday-test", text=text, published=dt.date(2024, 5, 6)))


EVERYDAY = [
    ("The striker scored twice as Boca beat River 2-0 on Sunday.", "not conflict (sport"),
    ("United's new signing fired a shot past the keeper in the 89th minute.", "not conflict (sport"),
    ("Chelsea's attack fired blanks again as they drew 0-0 with Everton in the league.", None),
    ("Shares plunged 12 percent after the company killed its electric car programme.", "not conflict (what"),
    ("The film bombed at the box office, and the studio killed plans for a sequel.", None),
    ("The minister attacked the opposition's budget plan in a fiery speech.", "not conflict"),
    ("The storm battered the coast on Tuesday, leaving thousands of homes without power.", "not conflict"),
    ("Fire broke out at a warehouse in Houston on Saturday, injuring two firefighters.", "not conflict"),
    ("A boiler explosion at a factory in Dhaka injured three workers on Wednesday.", "not conflict"),
    ("The bomb squad was called to the airport after a bag was found.", "not conflict (no bomb"),
    ("Police arrested a man suspected of shoplifting at a shop in Leeds.", "not conflict (police"),
    ("Police arrested a man on suspicion of drink driving after a crash on the M4.", None),
    ("The chef blew up the souffle recipe on his show, and critics exploded with praise.", "not conflict"),
    ("Sales shot up by 40 percent after the launch.", "not conflict (figurative"),
    ("The senator called the bill an attack on the middle class.", "not conflict (figurative"),
    ("A bus overturned on a mountain road in Nepal on Sunday, killing 12 passengers.", "not conflict"),
    ("A plane crashed after take-off from Kathmandu on Monday, killing all 72 on board.", "not conflict"),
    ("The opposition leader launched a blistering attack on the government's handling of the economy.", None),
    ("Heavy fighting in the Senate over the budget continued into the night.", "not conflict (figurative"),
    ("Police raided the offices of the bank on Tuesday as part of a fraud investigation.", "not conflict"),
    ("The government said a ceasefire agreement with the rebels would be signed next month.", None),
    ("The star striker suffered a knee injury in training and will miss the final.", "not conflict (sport"),
    # A trigger inside a longer word is that word: "afraid", "patriot", "studied", "unhurt".
    ("Residents were afraid of the dark on Monday.", "not conflict (inside the word 'afraid'"),
    ("Fire fighters put out the flames at the market in Temuco on Monday.", "not conflict (firefighters"),
    ("The patriots sang the anthem in Lima on Monday.", "not conflict (inside the word 'patriots'"),
    ("The minister, who studied law in Lima, spoke on Monday.", "not conflict (inside the word 'studied'"),
]  # fmt: skip

CONFLICT = [
    "Fans clashed with police after the match in Buenos Aires, and 12 people were injured.",
    "Gunmen attacked a football stadium in Mogadishu on Sunday, killing five spectators.",
    "The striker was shot dead outside a bar in Medellin on Saturday.",
    "Arsonists set fire to a mosque in Kaduna on Monday, and firefighters put out the blaze.",
    "A gas cylinder bomb exploded in a market in Bauchi on Friday, killing four people.",
    "Gunmen killed the project manager of a road company in Zamfara on Monday.",
    "Rebels attacked the town on Sunday, the governor said on radio.",
    "Al-Shabaab claimed the attack on the base in Afgoye in a statement on Saturday.",
    "Protesters started to storm the governor's house in Tripoli on Friday.",
    "Police arrested 30 protesters in Nairobi on Tuesday.",
    "Gunmen shot up a bar in Culiacan on Saturday, killing three people.",
    "According to police, the fire broke out after an explosion at the bank in Monteria on Monday.",
    "Rebels shot down a military helicopter, which crashed near Gao on Monday, killing four soldiers.",
    "The ruling on the kidnappers was overturned after gunmen killed the judge in Cali on Monday.",
    "Rebels fired a carbomb at the barracks in Lima on Monday, killing two soldiers.",
    "Strikers blocked the gates of the car plant in Durban on Monday, the union said.",
    "A Taliban antiaircraft targeted an army plane in Farah on Monday.",
]


@pytest.mark.parametrize(("text", "reason"), EVERYDAY)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_everyday_sense_is_no_event(extractor: Any, text: str, reason: str | None, case: Any) -> None:
    extraction = _run(extractor, case(text))
    assert extraction.events == ()
    if reason is not None:
        assert any(r.reason.startswith(reason) for r in extraction.rejections), extraction.rejections


@pytest.mark.parametrize("text", CONFLICT)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_conflict_beside_everyday_words_stays_an_event(extractor: Any, text: str, case: Any) -> None:
    assert len(_run(extractor, case(text)).events) >= 1
