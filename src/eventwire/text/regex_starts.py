"""What every match of a regex starts with, read off the pattern itself: the literal strings a match may
begin with and the class of the character after each, so that a scan can find the few positions where a
costly pattern may match (with `str` speed) and try the pattern only there.

``start_classes`` reads a pattern; ``alternation`` writes one regex for the starts; ``start_finder``
gives the lookahead regex that finds every position where a match may start. The reading follows the
parse tree of Python's own ``re`` (``re._parser``); where it meets what it does not follow (flags, a
pattern starting with a class it cannot name), it says None and the caller scans as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

_MAX_STARTS = 80
"""Past this many distinct literal starts a pattern is no cheaper to find by its starts than by itself
(the protest trigger's phrasings have 65)."""


def _close(closed: dict[str, str | None], prefixes: Iterable[str], follow: str | None) -> None:
    """Record finished prefixes and the class of the character after them (None: any character)."""
    for prefix in prefixes:
        if prefix in closed and closed[prefix] != follow:
            closed[prefix] = None  # followed by different things in different places: by anything
        else:
            closed[prefix] = follow


def _follow(op: Any, av: Any, c: Any) -> str | None:
    """``\\s``, ``\\w`` or ``\\d`` (or their negations) where the op is that one class, else None."""
    if op is not c.IN or len(av) != 1 or av[0][0] is not c.CATEGORY:
        return None
    names = {
        c.CATEGORY_SPACE: r"\s", c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D",
    }  # fmt: skip
    return names.get(av[0][1])


def _walk(
    items: Iterable[tuple[Any, Any]],
    open_: set[str],
    closed: dict[str, str | None],
    c: Any,
    most: int = _MAX_STARTS,
) -> set[str]:
    """Extend the prefixes in ``open_`` over ``items`` of a parsed pattern; finished ones go to ``closed``
    with what must follow them."""
    for op, av in items:
        if not open_:
            break
        if op is c.LITERAL:
            open_ = {prefix + chr(av) for prefix in open_}
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the text a match starts with is unchanged
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            open_ = _walk(av[3], open_, closed, c, most)
        elif op is c.BRANCH:
            open_ = set().union(*(_walk(alt, set(open_), closed, c, most) for alt in av[1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] <= 1:
            low, high, item = av
            once = _walk(item, set(open_), closed, c, most)
            if low == 0 and high == 1:
                open_ = open_ | once
            else:  # more repetitions may follow (or none at all): what is known so far is final
                _close(closed, once if low == 1 else open_ | once, None)
                open_ = set()
        else:  # a character class, any character, a long repeat: the prefixes end here
            _close(closed, open_, _follow(op, av, c))
            open_ = set()
        if len(open_) > most:
            _close(closed, open_, None)
            open_ = set()
    return open_


def _read(pattern: str, flags: int = 0, most: int = _MAX_STARTS) -> dict[str, str | None] | None:
    """Every start of ``pattern`` with the class after it; "" for a match that may start with a class
    (its class, or None for any character). None where the pattern cannot be read so."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        parsed = parser.parse(pattern, flags)
        # Case-blind, verbose or ASCII-only patterns read otherwise than the classes written here.
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
            return None
        closed: dict[str, str | None] = {}
        _close(closed, _walk(parsed, {""}, closed, constants, most), None)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover
        return None
    if not closed or len(closed.keys() - {""}) > most:
        return None
    return closed


def start_classes(pattern: str) -> dict[str, str | None] | None:
    """Strings one of which every match of ``pattern`` starts with, each with the class (``\\s`` ...) the
    next character of such a match is in, or None where it may be anything; None when some match may
    start with a character class (or the pattern uses what this reading does not follow: flags, ``re``
    internals of another Python)."""
    closed = _read(pattern)
    return None if closed is None or "" in closed else closed


def alternation(
    literals: Iterable[str], follows: Mapping[str, str | None] | None = None, prefix: str = ""
) -> str:
    """One regex for some literals, sharing their common prefixes ("bomb|booby" → "bo(?:mb|oby)"): the
    regex engine then tries a few characters at each position instead of every literal. A literal with
    a class in ``follows`` matches only before a character of that class ("a(?=\\s)")."""
    follows = follows or {}
    groups: dict[str, list[str]] = {}
    for literal in sorted(literals):
        groups.setdefault(literal[0], []).append(literal[1:])
    parts = []
    for first, rests in groups.items():
        longer = [rest for rest in rests if rest]
        tail = alternation(longer, follows, prefix + first) if longer else ""
        if len(longer) < len(rests):  # a literal ends here: longer ones are tried first, then it
            after = follows.get(prefix + first)
            end = f"(?={after})" if after else ""
            tail = (f"(?:{tail}|{end})" if end else f"(?:{tail})?") if longer else end
        parts.append(re.escape(first) + tail)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def start_finder(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A regex whose matches (empty, by lookahead) stand at every position where ``pattern`` may match,
    and at a few more; None where a match may start anywhere or be empty. A pattern starting with
    ``\\d`` may start at every digit: such a start is kept as its class alone."""
    starts = _starts(pattern, flags)
    return None if starts is None else re.compile(f"(?={starts})")


def start_searcher(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """:func:`start_finder`'s positions, as the starts of the matches of a regex that reads the start
    itself: ``search(text, pos)`` gives the first position from ``pos`` on. Unlike the lookahead, such a
    regex lets the engine skip in C the characters no start opens with; a scan searches again from the
    next position it needs (see ``casualties._finditer``)."""
    starts = _starts(pattern, flags)
    return None if starts is None else re.compile(starts)


def _starts(pattern: str, flags: int) -> str | None:
    read = _read(pattern, flags)
    if read is None or _min_width(pattern) == 0:
        return None
    anywhere = read.pop("", False)
    if anywhere is None:
        return None
    parts = [f"(?={anywhere})"] if anywhere else []
    if read:
        parts.append(alternation(read, read))
    return "|".join(parts) if parts else None


def _min_width(pattern: str) -> int:
    try:
        return int(importlib.import_module("re._parser").parse(pattern).getwidth()[0])
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover
        return 0


def prefiltered(
    pattern: re.Pattern[str], most: int = 4 * _MAX_STARTS, *, word_start: bool = False
) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for the strings its matches start with: the same matches at the same
    places, the pattern tried only where one of its starts stands. Faster for a pattern the engine must
    try in full at every character (a long alternation of phrases, each behind a word boundary); slower
    for one that opens with a literal word, which the engine finds by itself: measure before using it.
    ``pattern`` itself where its starts cannot be read (flags, a match that may start with a class)."""
    if pattern.flags != re.UNICODE:  # the starts are read as those of a plain, case-sensitive pattern
        return pattern
    read = _read(pattern.pattern, 0, most)
    if read is None or "" in read:
        return pattern
    # With ``word_start``, where every match starts at a word boundary (r"\b(?:shot|gunfire)"), the
    # lookahead is tried only at one: inside a word the engine turns the position away on that one test
    # (the pattern itself makes it at the same place: the same matches). Faster where the starts open
    # with common letters, which the lookahead would otherwise read inside every word; slower where they
    # are rare: measure.
    boundary = r"\b" if word_start and opens_at_boundary(pattern.pattern) else ""
    return re.compile(f"{boundary}(?={alternation(read, read)})(?:{pattern.pattern})", pattern.flags)


def opens_at_boundary(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at a word boundary: it opens with ``\\b``, after any
    lookbehinds (which read only the text before), in each of its alternatives."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        return _items_open_at_boundary(list(parser.parse(pattern)), constants)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError):  # pragma: no cover
        return False


def _items_open_at_boundary(items: list[tuple[Any, Any]], c: Any) -> bool:
    for k, (op, av) in enumerate(items):
        if op is c.AT:
            return bool(av is c.AT_BOUNDARY)
        if op in (c.ASSERT, c.ASSERT_NOT) and av[0] < 0:
            continue  # a lookbehind: the match still starts here
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return _items_open_at_boundary(list(av[3]) + items[k + 1 :], c)
        if op is c.BRANCH:
            return all(_items_open_at_boundary(list(alt) + items[k + 1 :], c) for alt in av[1])
        return False
    return False
