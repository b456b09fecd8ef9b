"""Normalization: the fast path for plain ASCII lines changes nothing ftfy would do."""

from __future__ import annotations

import json

import ftfy
import pytest

from eventwire.documents.normalize import _CONFIG, _fix_text, normalize_text
from support import ARTICLES

MIXED = [
    "Plain ASCII line one.\nSecond line with â€™ mojibake and “curly” quotes.\nThird plain line.\n",
    "Windows line ends\r\nand old Mac ones\rin one text\r\n",
    "A form feed\x0cand a bell\x07 and an escape \x1b[31mred\x1b[0m inside ASCII.",
    "ﬁghting in the ｃｉｔｙ\u2028next line\x85and more",
    "e\u0301 combining accent; non-breaking\u00a0space; zero width\u200bspace\n\nplain\n",
    "",
    "\n\n\n",
]


@pytest.mark.parametrize("text", MIXED)
def test_fix_text_equals_ftfy(text: str) -> None:
    assert _fix_text(text) == ftfy.fix_text(text, _CONFIG)


def test_fix_text_equals_ftfy_on_fixture_articles() -> None:
    for path in sorted(ARTICLES.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        assert _fix_text(text) == ftfy.fix_text(text, _CONFIG)
        assert _fix_text(text.replace("'", "\u2019")) == ftfy.fix_text(text.replace("'", "\u2019"), _CONFIG)


def test_normalize_text_repairs_what_ftfy_repairs_and_keeps_plain_text() -> None:
    assert (
        normalize_text("It\u00e2\u20ac\u2122s a \u201ctest\u201d\r\nline  two ") == 'It\'s a "test"\nline two'
    )
    assert normalize_text("PLAIN  WIRE COPY\n\n\n\nNEXT") == "PLAIN WIRE COPY\n\nNEXT"
