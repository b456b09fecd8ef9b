"""Reading what every match of a regex starts with, and the lookahead scans built from it."""

from __future__ import annotations

import re

from eventwire.text.numbers import COUNT_PATTERN
from eventwire.text.regex_starts import alternation, prefiltered, start_classes, start_finder, start_searcher


def test_start_classes_keep_the_class_after_a_start() -> None:
    assert start_classes(r"a\s+march|on\s+strike") == {"a": r"\s", "on": r"\s"}
    assert start_classes(r"air\s*strikes?") == {"air": None}  # "airstrike": no space needed
    assert start_classes(r"a\s+march|a\w+ed") == {"a": None}  # followed by different classes
    assert start_classes(r"(?:ab)+c") == {"ab": None}  # more repetitions may follow: nothing after is known
    assert start_classes(r"\d+ killed") is None  # starts with a class: no literal start


def test_alternation_with_classes_matches_a_literal_only_before_its_class() -> None:
    space = r"\s"
    regex = re.compile("(?:" + alternation(["a", "an", "attack"], {"a": space, "an": space}) + ")")
    assert [bool(regex.match(text)) for text in ("a car", "an hour", "attack", "and", "ant", "a")] == [
        True, True, True, False, False, False,
    ]  # fmt: skip
    longest = regex.match("attacked")
    assert longest is not None and longest.group(0) == "attack"


def test_start_finder_stands_wherever_a_count_may_start() -> None:
    finder = start_finder(COUNT_PATTERN)
    assert finder is not None
    text = "often 1,200 of them, some twenty-one, a dozen or hundreds of people; between 3 and 5. alone"
    starts = {m.start() for m in finder.finditer(text)}
    counts = {m.start() for m in re.finditer(f"(?=(?:{COUNT_PATTERN}))", text)}
    assert counts <= starts  # every position where a count matches ("ten" in "often", "one" in "alone")
    assert len(starts) < len(text) // 3


def test_start_finder_is_none_where_a_match_may_start_anywhere_or_be_empty() -> None:
    assert start_finder(r"[abc]d|x") is None
    assert start_finder(r".+ed") is None
    assert start_finder(r"(?:killed)?") is None
    assert start_finder(r"(?i)killed") is None
    assert start_finder(r"killed", re.IGNORECASE) is None
    assert start_finder(r"a\s+march", re.ASCII) is None


def _starts(pattern: str) -> set[str] | None:
    """The strings every match of ``pattern`` starts with, without the classes after them."""
    classes = start_classes(pattern)
    return None if classes is None else set(classes)


def test_starts_follow_optional_parts_groups_and_alternatives() -> None:
    assert _starts(r"air\s*strikes?|drone\s+strikes?") == {"air", "drone"}
    assert _starts(r"(?<!propelled\s)(?:hand\s+)?grenades?\b(?!-)") == {"hand", "grenade", "grenades"}
    assert _starts(r"\bieds?\b") == {"ied", "ieds"}
    assert _starts(r"bomb(?:ing|ed)?\b") == {"bomb", "bombing", "bombed"}
    assert _starts(r"(?:ab)+c") == {"ab"}  # more repetitions may follow: stop after one


def test_starts_is_none_where_a_match_may_start_anywhere() -> None:
    assert _starts(r"\w+ed") is None
    assert _starts(r"(?:killed)?\s+dead") is None
    assert _starts(r"(?i)killed") is None
    assert _starts(r"x|[abc]d") is None


def test_alternation_matches_exactly_its_literals() -> None:
    literals = ["bomb", "bombs", "booby", "air", "aircraft", "ied"]
    regex = re.compile(f"(?:{alternation(literals)})\\Z")
    assert all(regex.match(literal) for literal in literals)
    assert not any(regex.match(other) for other in ("bom", "boob", "airc", "ie", "bombss", ""))


_NEWS = (
    "Police said a car bomb exploded near a market in the town on Monday, killing 12 people; "
    "a heart attack, not the blast, killed the driver. Residents said the attack was the third this year, "
    "and 3 more were wounded in a second explosion. Officials denied that troops had opened fire."
)


def test_start_searcher_finds_the_start_finder_positions_from_any_offset() -> None:
    finder, searcher = start_finder(COUNT_PATTERN), start_searcher(COUNT_PATTERN)
    assert finder is not None and searcher is not None
    starts = [m.start() for m in finder.finditer(_NEWS)]
    found, at = [], searcher.search(_NEWS)
    while at is not None:
        found.append(at.start())
        at = searcher.search(_NEWS, at.start() + 1)
    assert found == starts


def test_prefiltered_matches_exactly_where_the_pattern_does() -> None:
    senses = re.compile(r"heart\s+attacks?|\b(?:car|traffic)\s+accidents?|\bfloods?\b|panic\s+attack")
    faster = prefiltered(senses)
    assert faster is not senses and faster.pattern.startswith("(?=")
    assert [m.span() for m in faster.finditer(_NEWS)] == [m.span() for m in senses.finditer(_NEWS)]
    assert faster.search(_NEWS, 0, 80) is None and senses.search(_NEWS, 0, 80) is None  # before the attack
    assert faster.sub("X", _NEWS) == senses.sub("X", _NEWS)


def test_prefiltered_leaves_a_pattern_it_cannot_read() -> None:
    for unread in (re.compile(r"\d+ killed"), re.compile("attack", re.IGNORECASE), re.compile(r"(?:a|b)?")):
        assert prefiltered(unread) is unread


def test_prefiltered_at_word_starts_matches_exactly_where_the_pattern_does() -> None:
    # every match opens at a word boundary, after a lookbehind, in each alternative: the lookahead is
    # tried at word starts only
    courts = re.compile(r"(?<!not\s)\b(?:trial|court\s+told|jury)\b|\b(?:charged|pleaded)\s+\w+")
    faster = prefiltered(courts, word_start=True)
    assert faster.pattern.startswith(r"\b(?=")
    texts = (
        "The jury heard that he pleaded guilty; the court told him the trial would resume. Atrial flutter.",
        "A bomb exploded at the courthouse; police charged two men. Not trial nor jury: a retrial.",
        "Soccer: the striker was charged after the match. Jurys, trials, courtroom drama.",
    )
    for text in texts:
        assert [m.span() for m in faster.finditer(text)] == [m.span() for m in courts.finditer(text)]
        assert faster.sub("X", text) == courts.sub("X", text)
    found = [m.group(0) for m in faster.finditer(texts[0])]
    assert found == ["jury", "pleaded guilty", "court told", "trial"]


def test_prefiltered_at_word_starts_only_where_every_match_opens_a_word() -> None:
    # "heart attack" may start inside a word ("sweetheart attack"), "(?:a|an)" behind a lookahead too
    for inner in (re.compile(r"heart\s+attacks?|\bfloods?\b"), re.compile(r"(?=a)\b(?:a|an)\s+attack")):
        faster = prefiltered(inner, word_start=True)
        assert not faster.pattern.startswith(r"\b")
        text = "A sweetheart attack, an attack in floods"
        assert [m.span() for m in faster.finditer(text)] == [m.span() for m in inner.finditer(text)]
    assert prefiltered(re.compile(r"\bfloods?\b")).pattern.startswith("(?=")  # without word_start: as before
