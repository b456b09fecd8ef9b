"""Find place names in text and resolve each against the gazetteer, using the whole document as context.

How it works, in one pass over the tokens:

1. Tokenize with the gazetteer's own token pattern and fold each token the way gazetteer keys are
   folded, so a window of tokens is looked up with one dictionary probe. Windows grow one token at a
   time while the gazetteer says some name still starts with them (``Gazetteer.ids_for_key``), and the
   longest name wins: this is a trie walk over a flat dictionary, with no per-name regex.
2. Decide how to read capital letters. In ordinary text a place name is capitalized; in wire copy in
   ALL CAPS (MUC-4) or in all lower case that cue is gone, and common words ("HIT", "MAY", "POLICE")
   need stronger evidence before they count as places.
3. Drop what is not a place: demonyms ("Iraqi commandos"), months, titles, names of organisations
   ("Bank of America"), parts of people's names ("Paris Hilton") and common words without support.
4. Resolve each name among its candidates with the document: countries and admin1s named in the text,
   explicit hierarchy ("Hit, in Anbar province"), place words ("the town of Hit", "Niger State") and
   population. In ALL CAPS wire copy a town counts as in the text's country only when the text names
   that country (or a place with a place word or a parent there), so surnames that are towns abroad
   ("RODRIGUEZ", "PONCE") do not vouch for each other.
5. Add the proper names the gazetteer lacks that a place word calls places, unresolved.

``find_toponyms`` is pure: it reads the text and the gazetteer and returns new objects.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import string
import weakref
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Final

from eventwire.models.place import Place, PlaceMention
from eventwire.resolve.gazetteer import (
    ADMIN_WORDS,
    ALT_PENALTY,
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_COUNTRY,
    KIND_REGION,
    KIND_TOWN,
    TOWN_WORDS,
    Gazetteer,
)
from eventwire.resolve.geo_names import TOKEN_SPLIT_RE, fold_token, is_article, name_key

__all__ = ["find_toponyms"]

# -- vocabulary ------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


# Single words that are never places in news text, whatever a gazetteer says: GeoNames has towns
# called Police, Army, May, Sunday and Of.
_NEVER_ALONE: Final = frozenset(
    _words(
        """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    today yesterday tomorrow tonight morning evening night week month year no not yes
    of the a an and or but in on at to from by for with as is are was were be been has have had said says
    say also however meanwhile according it its this that these those he she they we you i his her their
    our my me him them who what when where which while after before during since until about
    mr mrs ms miss dr rev dad mom mum president minister general gen colonel col captain capt major maj
    lieutenant lt sergeant sgt commander chief governor mayor senator sen rep king queen prince
    princess sheikh emir
    imam ayatollah pope father bishop sir lord lady judge justice premier chancellor ambassador envoy
    spokesman spokeswoman spokesperson deputy secretary professor prof
    police army navy government ministry parliament council assembly court party front movement forces
    force brigade battalion militia group committee agency news press radio television tv times post
    herald tribune daily reuters afp xinhua tass bbc cnn ap
    security military state islamic national united union republic democratic federal people officials
    official central western eastern northern southern north south east west new old great little upper
    lower middle greater saint santa san st mount lake river sea ocean gulf bay island islands valley
    desert mountains hills airport base camp city town village province region district county capital
    border square street road bridge market mosque church hospital school university college
    god allah christ jesus islam koran quran easter christmas ramadan eid internet facebook twitter
    whatsapp telegram google apple covid corona coronavirus boko haram taliban hezbollah hamas shabaab
    daesh isis isil qaeda
    """
    )
)

# Words that may stand between the capitalized words of one name ("Democratic Republic of the Congo",
# "Ras al-Ain", "Rio de Janeiro", "Mazar-e Sharif").
_CONNECTORS: Final = frozenset(
    _words(
        """
    al el ad adh ar as ash at ath az an ed er es et ez en de del della di da do dos das du des la le les
    los las of and the e i y upon sur am im bin ibn bint ul wa au aux
    """
    )
)

_DIRECTIONS: Final = frozenset(
    _words(
        """
    north south east west northern southern eastern western northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern central
    """
    )
)

# Words before a name that make it a location rather than, say, part of a person's name.
_LOCATIVES: Final = frozenset(
    _words(
        """
    in at near from to into outside around across toward towards through throughout within inside
    between on off via of nearby outskirts
    """
    )
)

# Words after a place that make it someone's origin ("a Texas woman", "a Minnesota native").
_ORIGIN_NOUNS: Final = frozenset(_words("man woman men women boy girl native natives couple family"))

# A capitalized word after a town that still leaves the town a place ("Mosul Dam", "Baghdad Police").
_FOLLOW_OK: Final = frozenset(
    _words(
        """
    airport dam province governorate city district state region county police operations command
    governor council prison hospital mosque market square bridge road street highway base camp air
    airbase refinery port harbour harbor station stadium gate front offensive university municipality
    town village area valley river lake mountains mountain neighbourhood neighborhood suburb
    countryside outskirts international old
    """
    )
)

# An institution named after a well-known place keeps the place ("Toronto Transit Commission", "the
# Washington Post", "Abuja Chamber of Commerce"): the corpora count it as a toponym, and the event's
# location (extraction.location) leaves places inside proper names out on its own. After a small
# town's name the same words more often continue a name ("Carnegie Library", "Robinson College").
_INSTITUTIONS: Final = frozenset(
    _words(
        """
    fire department departments commission committee board authority agency service services chamber
    club society association federation institute institution school schools academy college
    times post herald tribune journal gazette star chronicle examiner observer courier telegraph news
    republicans democrats assembly legislature senate court courts parliament government
    transit railway railways metro airlines zoo museum library clinic cathedral diocese archdiocese
    rangers united wanderers rovers athletic fc
    """
    )
)

# "<head> of <place>" names an organisation or a title, not an event location.
_ORG_HEADS: Final = frozenset(
    _words(
        """
    bank university college museum church cathedral duke duchess earl prince princess king queen
    archbishop bishop institute academy society conservatory school declaration treaty convention
    protocol congress house sultan emir patriarch
    """
    )
)

# Words that open a longer name ("San Martin", "Santa Ana"): a name found right after one is that
# longer name's tail, not a place of its own.
_NAME_PREFIXES: Final = frozenset(_words("san santa santo sao saint ste st"))
_SAINTS: Final = frozenset(_words("saint st ste"))
# Capitalized words after a name that make it a street's name, not the town's ("Trafalgar Street").
_STREETS: Final = frozenset(_words("street avenue boulevard lane drive"))

_TITLES: Final = frozenset(
    _words(
        """
    mr mrs ms miss dr president minister gen general col colonel capt captain maj major lt lieutenant
    sgt sergeant cpl pte pvt adm admiral commander cmdr sheikh shaikh imam ayatollah mullah emir king
    queen prince princess sultan pope father rev reverend bishop sir lord lady senator sen rep
    representative governor gov mayor judge justice chancellor premier secretary ambassador envoy
    spokesman spokeswoman spokesperson deputy mufti pastor professor prof mister madam
    """
    )
)

# Words after a place that make its name a disease's ("Marburg virus", "Lassa fever"); not "flu" or
# "strain", which follow where a season or a virus is ("the United States flu season", "Sudan strains").
_DISEASE_WORDS: Final = frozenset(_words("virus viruses fever haemorrhagic hemorrhagic disease"))
# Words after a country that make its name a currency's ("the US dollar", "Hong Kong dollars"): a rate
# against the dollar says nothing of where the event was.
_CURRENCY_WORDS: Final = frozenset(
    _words("dollar dollars peso pesos franc francs rupee rupees shilling shillings")
)

# Countries that are also common given names ("Chad Smith", "Jordan Peterson").
_NAME_LIKE_COUNTRIES: Final = frozenset({"chad", "jordan", "georgia", "israel", "india", "kenya", "america"})

# Provinces and states that are also people's names ("Georgia O'Keeffe", "George Washington", "Victoria
# Beckham"): beside another capitalized word they may be part of a person's name.
_NAME_LIKE_ADMIN1S: Final = frozenset(
    _words(
        """
    georgia virginia victoria carolina washington indiana alberta montana dakota florida nevada
    madison jackson lincoln orange vladimir
    """
    )
)

# Ordinary English words among the case-sensitive aliases: "US" is the United States only when
# written so, and in ALL CAPS text only after "the"; in ALL CAPS "THE CAR" is a car.
_WORDLIKE_ALIASES: Final = frozenset({"us", "car"})
_CAPS_NEVER: Final = frozenset({"car"})
_ERAS: Final = frozenset({"bc"})

# Function words that may precede a place name without making it part of a longer proper name.
_FUNCTION: Final = frozenset(
    _words(
        """
    the a an and or but of in on at to from by for with as is are was were be been has have had it its
    this that these those he she they we his her their our after before during since until about
    """
    )
)

# A single name followed by one of these is a speaker, not a location ("Clinton said").
_SPEECH: Final = frozenset(
    _words(
        """
    said says told added stated announced denied claimed insisted argued warned noted explained wrote
    tweeted replied asked admitted confirmed acknowledged urged vowed pledged accused called
    """
    )
)

# Words that open a sentence without being part of a name: "Though London's total...", "Unlike Paris".
_OPENERS: Final = frozenset(
    _words(
        """
    though although while whereas unlike like despite if unless because once whether even yet so then
    now still only both all most many some every each why how here there perhaps indeed thus hence
    besides beyond amid amidst among across throughout inside outside near
    """
    )
)

# Months and weekdays: after a name they begin a date ("in Lagos April 4"), not a longer name.
_CALENDAR: Final = frozenset(
    _words(
        """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
    )
)

_HIERARCHY_WORDS: Final = frozenset(
    {"in", "of", "the", "province", "governorate", "state", "region", "district", "county", "department",
     "prefecture", "oblast", "city", "canton", "caserio", "jurisdiction"}
)  # fmt: skip

_POSSESSIVE = re.compile(r"['’]s ")
_SENTENCE_BREAK = re.compile(r"[.!?\n:;\"“”]")
# What may stand between two words of one name: a space or a hyphen.
_JOIN_GAPS: Final = frozenset(
    {" ", "\u00a0", "-", "‐", "‑", " -", "- ", " - ", "\u00a0-", "-\u00a0"}
)  # fmt: skip
_APOSTROPHES: Final = frozenset("'’")
_LINE_BREAKS: Final = frozenset({"\n", "\r\n"})
_DOT_GAPS: Final = frozenset({".", ". "})
# A hard-wrapped text (wire copy, teletype, e-mail) breaks its lines anywhere, inside a sentence and
# inside a name ("IN SAN\nSALVADOR"): a line that ends without punctuation runs on into the next.
_WRAPPED_LINE_ENDS: Final = frozenset(string.ascii_letters + string.digits + ",)]")
_WRAP_MIN_LINES = 4
_WRAP_MIN_SHARE = 0.6
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 132  # wider lines are paragraphs
# Folded tokens that can be an Arabic article (see geo_names.is_article).
_ARTICLE_LIKE: Final = frozenset(_words("al el ad adh ar as ash at ath az an ed er es et ez en"))
# Lower-case words that may start a name: "al-Anbar", "western Iraq".
_LOWER_STARTS: Final = _DIRECTIONS | _ARTICLE_LIKE
# Words of _NEVER_ALONE that open many names: in text without case they may start a match.
_NAME_OPENERS: Final = frozenset(
    _words(
        "new old great greater little upper lower saint santa san st mount lake united democratic republic"
    )
)
_WORDS = re.compile(r"[A-Za-z]+")
_ABBREVIATIONS: Final = frozenset({"st", "ste", "mt", "ft"})

MAX_WINDOW: Final = 8  # tokens, connectors and articles included

_MIXED, _CAPS, _LOWER = 0, 1, 2


# -- tokens ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tokens:
    text: str
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    fold: list[str] = field(default_factory=list)
    joins: list[bool] = field(default_factory=list)  # token k continues a name from token k-1
    sent_start: list[bool] = field(default_factory=list)
    dropped: list[bool] = field(default_factory=list)  # an Arabic article: not part of the key
    examples: list[int] = field(default_factory=list)  # tokens that open a list of examples ("such")

    def __len__(self) -> int:
        return len(self.raw)


# geo_names' TOKEN_SPLIT_RE for ASCII text, where ``[^\W_]`` is ``[A-Za-z0-9]``: a class of ranges, which
# the regex engine tests faster than a negated category (kept here: geo_names' source is part of the
# gazetteer cache's fingerprint). test_toponyms checks that the two split ASCII text the same.
_ASCII_TOKEN_SPLIT_RE = re.compile(
    r"([A-Za-z0-9]+(?:['`](?!(?i:s|d|ll|ve|re|m|t)\b)[A-Za-z0-9]+)*)", re.ASCII
)


def _tokenize(text: str) -> _Tokens:
    # One split gives the tokens and the gaps before them, in C: [gap, token, gap, token, ..., gap].
    # This runs over every token of every article; no match object is made per token.
    ascii_text = text.isascii()
    parts = (_ASCII_TOKEN_SPLIT_RE if ascii_text else TOKEN_SPLIT_RE).split(text)
    toks = _Tokens(text)
    if len(parts) == 1:
        return toks
    raws = parts[1::2]
    gaps = parts[0:-1:2]  # the gap before each token
    offsets = list(itertools.accumulate(map(len, parts)))  # where each part ends
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    if ascii_text:
        # Folding an ASCII token is lower-casing it and dropping its apostrophes: lower-case the text
        # once and fold again only the tokens that hold an apostrophe.
        folds = list(map(str.lower, raws))
        if "'" in text or "`" in text:
            folds = [fold_token(f) if "'" in f or "`" in f else f for f in folds]
    else:
        folds = list(map(fold_token, raws))
    # A text has a few dozen distinct gaps (" ", ", ", ". "...): each is read once, and the lists are
    # made by `map` rather than a Python loop over every token.
    if ("\n" in gaps or "\r\n" in gaps) and (width := _wrap_width(text)):
        # Only a break after a full line runs on: a short line ends a paragraph, a title or a list item.
        full = 0.75 * width
        # Only the line breaks are visited (a text has a few dozen), not every gap.
        for k in itertools.compress(range(len(gaps)), map(_LINE_BREAKS.__contains__, gaps)):
            if k and ends[k - 1] - (text.rfind("\n", 0, ends[k - 1]) + 1) >= full:
                gaps[k] = " "
    breaks = {g: g != " " and _SENTENCE_BREAK.search(g) is not None for g in set(gaps)}
    joins = list(map(_JOIN_GAPS.__contains__, gaps))
    sent = list(map(breaks.__getitem__, gaps))
    joins[0], sent[0] = False, True
    n = len(raws)
    for k in itertools.compress(range(n), map(_DOT_GAPS.__contains__, gaps)):
        # "U.S.", "St. Petersburg": a dot joins after a single letter or an abbreviation.
        if k and ((gaps[k] == "." and len(folds[k - 1]) == 1) or folds[k - 1] in _ABBREVIATIONS):
            joins[k] = True
            sent[k] = False
        elif k >= 2 and _is_initial(raws, gaps, k - 1):
            # "Harry S. Truman": a middle initial, not the end of a sentence, and inside the name ("John
            # F. Kennedy International Airport")
            joins[k] = True
            sent[k] = False
    dropped = [False] * n
    for k in itertools.compress(range(n), map(_ARTICLE_LIKE.__contains__, folds)):
        dropped[k] = k + 1 < n and joins[k + 1] and is_article(folds[k], folds[k + 1])
    toks.start, toks.end, toks.raw, toks.fold = starts, ends, raws, folds
    toks.joins, toks.sent_start, toks.dropped = joins, sent, dropped
    # Few texts list provinces by example; most names need not walk back for one (see _listed_as_units).
    toks.examples = list(itertools.compress(range(n), map(_EXAMPLE_WORDS.__contains__, folds)))
    return toks


def _wrap_width(text: str) -> int | None:
    """The width ``text`` was wrapped at, where it was: most lines are long, about that width, and run
    on into the next one (wire copy at 69 columns). None for ordinary text, whose lines are paragraphs,
    headlines, bylines or list items ("San Salvador\nSan Miguel\nSanta Ana")."""
    lines = [line.rstrip() for line in text.split("\n")]
    lines = [line for line in lines[:-1] if line]
    if len(lines) < _WRAP_MIN_LINES:
        return None
    widths = sorted(map(len, lines))
    width = widths[(len(widths) * 9) // 10]  # most lines reach the wrap width; a few long ones overrun it
    if width < _WRAP_MIN_WIDTH or width > _WRAP_MAX_WIDTH:
        return None
    full = [line for line in lines if len(line) >= 0.75 * width]
    if len(full) < _WRAP_MIN_SHARE * len(lines):
        return None
    run_on = sum(map(_WRAPPED_LINE_ENDS.__contains__, map(itemgetter(-1), full)))
    return width if run_on >= _WRAP_MIN_SHARE * len(full) else None


def _is_initial(raws: list[str], gaps: list[str], k: int) -> bool:
    """Whether token ``k`` is a middle initial: one capital letter, after a capitalized word and before
    a dot and another capitalized word ("Franklin D. Roosevelt"). Not a Roman numeral: "After World
    War I. Turkey was divided" ends a sentence."""
    raw, before, after = raws[k], raws[k - 1], raws[k + 1]
    return (
        len(raw) == 1
        and raw.isupper()
        and raw not in "IVX"
        and gaps[k] == " "
        and len(before) > 1
        and before[0].isupper()
        and not before.isupper()
        and after[0].isupper()
    )


def _case_mode(toks: _Tokens) -> int:
    """ALL CAPS wire copy, all lower case, or ordinary mixed case."""
    words = [r for r in toks.raw if len(r) > 1 and r.isalpha()]
    if not words:
        return _MIXED
    upper = sum(map(str.isupper, words))
    if upper > 0.6 * len(words):
        return _CAPS
    capital = sum(1 for r in words if r[0].isupper())
    if len(words) >= 12 and capital <= 0.02 * len(words):
        return _LOWER
    return _MIXED


# -- matching names --------------------------------------------------------------------------------


# What _resolve reads of a candidate: its id, kind, population, country (ISO3) and admin1.
_Facts = tuple[int, int, int, str | None, str | None]


@dataclass(slots=True)
class _Match:
    i: int  # first token
    j: int  # last token of the name
    key: str
    ids: list[int]
    end_tok: int  # last token of the mention (the name, or its place word)
    designator: str | None = None  # "admin" ("Anbar province") or "town" ("the town of Hit")
    locative: bool = False
    building: bool = False  # a building's name follows the preposition ("AT THE SAN JORGE WAREHOUSE")
    after_of: bool = False  # the preposition is "of" ("OF THE SANTO TOMAS HOSPITAL", "MURDER OF HECTOR")
    hierarchy: bool = False
    bonus: dict[int, float] = field(default_factory=dict)
    alternates: frozenset[int] = frozenset()  # readings through an alternate name only
    priors: dict[int, float] = field(default_factory=dict)  # cache of _prior per candidate
    # What _Reading.resolve reads of the match, made once: the match is settled before the readings.
    reading_key: tuple[object, ...] | None = None
    facts: list[_Facts] | None = None  # what _resolve reads of each candidate, read once
    # _accept's verdicts by (reading, in the text's countries, in its anchors): all else it reads of the
    # match and the text is settled before the readings, which ask again and again.
    verdicts: dict[tuple[int, bool, bool, bool], bool] = field(default_factory=dict)


def _possessive(toks: _Tokens, k: int) -> bool:
    """Whether token ``k`` is the "s" of a possessive ("People's", "Anne’s")."""
    return toks.fold[k] == "s" and toks.text[toks.end[k - 1] : toks.start[k]] in _APOSTROPHES


def _after_letters(toks: _Tokens, k: int) -> bool:
    """Whether token ``k`` follows letters with dots ("U.S. Virgin Islands"): the tokenizer ends a
    sentence at such a dot ("in the U.S. The"), where the gazetteer may still know the longer name."""
    return (
        k >= 3
        and len(toks.fold[k - 1]) == 1
        and toks.text[toks.end[k - 1] : toks.start[k]] == ". "
        and toks.text[toks.end[k - 2] : toks.start[k - 1]] == "."
        and len(toks.fold[k - 2]) == 1
    )


def _can_start(toks: _Tokens, k: int, mode: int) -> bool:
    raw, fold = toks.raw[k], toks.fold[k]
    if fold == "the" or not raw[0].isalpha():
        return False
    if mode != _MIXED:
        # Without case to go by, a word that is never a place alone may still open a longer name
        # ("SAN SALVADOR", "NEW YORK"); _find_matches keeps such a match only if it goes on.
        return fold not in _NEVER_ALONE or fold in _DIRECTIONS or fold in _NAME_OPENERS or toks.dropped[k]
    if raw[0].isupper():
        return True
    n = len(toks)
    if toks.dropped[k]:  # "al-Anbar", "ash-Sharqat"
        return k + 1 < n and toks.raw[k + 1][0].isupper()
    if fold in _DIRECTIONS:  # "western Iraq", "north-east Nigeria"
        for nxt in range(k + 1, min(k + 3, n)):
            if not toks.joins[nxt]:
                return False
            if toks.raw[nxt][0].isupper():
                return True
            if toks.fold[nxt] not in _DIRECTIONS:
                return False
    return False


def _longest(
    toks: _Tokens, k: int, mode: int, probe: dict[str, bool] | Gazetteer
) -> tuple[int, str, Sequence[int]] | None:
    """The longest name starting at token ``k``: (last token, key, entry ids), or None.

    ``probe`` is the gazetteer, or a dict of phrase keys (True: a whole phrase, False: a prefix).
    """
    n = len(toks)
    best: tuple[int, str, Sequence[int]] | None = None
    key = ""
    inside = False
    for j in range(k, min(n, k + MAX_WINDOW)):
        if j > k:
            if not toks.joins[j]:
                # A possessive inside a name ("Democratic People's Republic of Korea", "Queen Anne's
                # County"), which must go on: "St. Paul's" and "Burton's" are a church and a shop.
                if _possessive(toks, j):
                    inside = True
                elif not _after_letters(toks, j):
                    break
            elif mode == _MIXED and not (
                toks.raw[j][0].isupper() or toks.fold[j] in _CONNECTORS or toks.fold[j] in _DIRECTIONS
            ):
                break
        if toks.dropped[j]:
            continue
        fold = toks.fold[j]
        key = f"{key} {fold}" if key else fold
        if isinstance(probe, dict):
            whole = probe.get(key)
            if whole is None:
                break
            if whole:
                best = (j, key, ())
            continue
        ids = probe.ids_for_key(key)
        if ids is None:
            break
        if ids and fold not in _CONNECTORS and not inside:
            best = (j, key, ids)
        inside = False
    return best


def _find_matches(
    toks: _Tokens, gaz: Gazetteer, mode: int, skipped: list[tuple[int, int]] | None = None
) -> list[_Match]:
    """The gazetteer's names in the text, longest first; ``skipped`` collects the (first, last) tokens
    of the phrases that are not places ("Bank of America", "Washington Post")."""
    phrases = gaz.not_place_keys
    matches: list[_Match] = []
    # A token that starts no name and no phrase, and is no article to skip, starts no match: skip it
    # without a call (most capitalized words are no place: people, sentence openers, every word in
    # ALL CAPS text).
    names, dropped = gaz.name_keys, toks.dropped
    if mode == _MIXED:
        # Most tokens are lower case and cannot start a name; skip them without a call.
        starts = [
            k
            for k, r, f in zip(itertools.count(), toks.raw, toks.fold)
            if (r[0].isupper() or f in _LOWER_STARTS) and (f in names or f in phrases or dropped[k])
        ]
    else:
        starts = [
            k
            for k, f in enumerate(toks.fold)
            if (f not in _NEVER_ALONE or f in _LOWER_STARTS or f in _NAME_OPENERS)
            and (f in names or f in phrases or dropped[k])
        ]
    resume = 0
    for k in starts:
        if k < resume or not _can_start(toks, k, mode):
            continue
        # Most words open no phrase: spare those the walk (an article is skipped, so it needs one).
        opens = toks.dropped[k] or toks.fold[k] in phrases
        phrase = _longest(toks, k, mode, phrases) if opens else None
        if phrase is not None:
            resume = phrase[0] + 1  # "Bank of America", "Gulf of Aden": skip the whole phrase
            if skipped is not None:
                skipped.append((k, phrase[0]))
            continue
        found = _longest(toks, k, mode, gaz)
        if found is None:
            continue
        j, key, ids = found
        if j == k and toks.fold[k] in _NAME_OPENERS:
            continue  # "SAN" or "NEW" alone is no place
        if (
            j > k
            and toks.fold[k] in _DIRECTIONS
            and toks.fold[k + 1] not in _DIRECTIONS
            and not toks.dropped[k + 1]
        ):
            # "northern Guatemala City" is a part of Guatemala City, not the region Northern Guatemala
            # and a stray "City": the longer name after the direction wins.
            inner = _longest(toks, k + 1, mode, gaz)
            if inner is not None and inner[0] > j:
                continue
        if mode == _MIXED and toks.fold[k] in _DIRECTIONS and toks.raw[k][0].islower():
            # "east London" is a part of London, not East London (South Africa): a direction in lower
            # case opens only a region's name ("western Iraq"); else the name starts after it.
            ids = [c for c in ids if gaz.kind(c) != KIND_TOWN]
            if not ids:
                continue
        matches.append(_Match(i=k, j=j, key=key, ids=list(ids), end_tok=j, alternates=gaz.alternate_ids(key)))
        resume = j + 1
    return matches


# -- local evidence --------------------------------------------------------------------------------


def _annotate(m: _Match, toks: _Tokens) -> None:
    """Place words and prepositions around a match."""
    n = len(toks)
    fold = toks.fold
    nxt = m.j + 1
    if nxt < n and toks.joins[nxt] and not toks.dropped[nxt]:
        word = fold[nxt]
        if word in ADMIN_WORDS:
            m.designator, m.end_tok = "admin", nxt
        elif word in TOWN_WORDS and word != "municipality":
            m.designator, m.end_tok = "town", nxt
    i = m.i
    if i >= 2 and fold[i - 1] == "of" and not toks.sent_start[i - 1]:
        before = fold[i - 2] if fold[i - 2] != "the" or i < 3 else fold[i - 3]
        if before in ADMIN_WORDS:
            m.designator = "admin"
        elif before in TOWN_WORDS:
            m.designator = "town"
    if m.designator is None and _listed_as_units(m, toks):
        m.designator = "admin"
    if i >= 1 and not toks.sent_start[i]:
        prev = fold[i - 1]
        m.locative = prev in _LOCATIVES or (prev == "the" and i >= 2 and fold[i - 2] in _LOCATIVES)
        # "at the San Jorge warehouse": the preposition places the building, not the name before it
        m.building = m.locative and nxt < n and fold[nxt] in _BUILDINGS
        of_at = i - 1 if prev == "of" else i - 2 if prev == "the" and i >= 2 and fold[i - 2] == "of" else -1
        # ("40 KM SOUTH OF TEGUCIGALPA", "THE SUBURBS OF", "THE NORTHERN PART OF": after a direction, a
        # distance or a part of a place, "of" places)
        m.after_of = (
            of_at > 0
            and fold[of_at - 1] not in _DIRECTIONS
            and fold[of_at - 1] not in _PARTS_OF
            and not (of_at > 1 and fold[of_at - 2] in _DIRECTIONS)
        )


# Buildings a name can stand before ("the San Jorge warehouse", "the Medellin hotel"): a preposition
# before them says where the building is, and says nothing of the name (a town, a saint, an owner).
_BUILDINGS: Final = frozenset(
    _words(
        """
    warehouse warehouses hotel restaurant building buildings offices headquarters factory plant school
    college university hospital clinic church cathedral chapel market supermarket store shop bank
    embassy consulate station stadium prison barracks garrison mall cinema theater theatre club bar
    """
    )
)
# Rural units below a municipality, named like a town ("HORCONES DE BERLIN CANTON", "EL ZAPOTE CASERIO").
_LOCAL_UNITS: Final = frozenset(_words("canton caserio"))
_PARTS_OF: Final = frozenset(
    _words(
        """
    km kilometres kilometers miles mi outskirts suburbs suburb vicinity environs streets part parts area
    areas centre center heart region port city town capital department province
    """
    )
)
# "states such as California or Washington", "provinces like Punjab and Sindh", "states including".
_UNITS: Final = frozenset(_words("states provinces counties governorates"))
_EXAMPLE_WORDS: Final = frozenset(_words("such like including"))
_LIST_WORDS: Final = frozenset(_words("and or as"))


def _listed_as_units(m: _Match, toks: _Tokens) -> bool:
    """Whether the name is in a list of examples of provinces ("western states such as California or
    Washington"): each of them is one, not the town or capital named like it."""
    # The walk back ends False unless it meets an example word within its reach: where none is, skip it.
    at = bisect.bisect_left(toks.examples, max(1, m.i - 12))
    if at == len(toks.examples) or toks.examples[at] >= m.i:
        return False
    fold, raw = toks.fold, toks.raw
    k = m.i - 1
    while k >= 1 and m.i - k <= 12 and not toks.sent_start[k + 1]:
        if fold[k] in _EXAMPLE_WORDS:
            return fold[k - 1] in _UNITS
        if fold[k] not in _LIST_WORDS and not raw[k][0].isupper():
            return False
        k -= 1
    return False


# Prepositions that place what follows: after them a name seen as a person's elsewhere in the text is
# a place again ("in Clinton"), unlike after "of", "on" or "between" ("reports of Steele").
_PLACING: Final = frozenset(
    _words("in at near outside around into toward towards throughout inside within outskirts")
)


def _placed(m: _Match, toks: _Tokens, parent_at: dict[int, _Match]) -> bool:
    """Whether the text writes ``m`` as a place: after a placing preposition, or before its province or
    country ("to Reston, Virginia")."""
    nxt = m.end_tok + 1
    if nxt < len(toks) and toks.text[toks.end[m.end_tok] : toks.start[nxt]] == ", " and nxt in parent_at:
        return True
    i = m.i
    if not m.locative or i < 1:
        return False
    prev = toks.fold[i - 1] if toks.fold[i - 1] != "the" or i < 2 else toks.fold[i - 2]
    return prev in _PLACING


_PARENT_BONUS: Final = 5.0


def _link_hierarchy(matches: list[_Match], toks: _Tokens, gaz: Gazetteer) -> None:
    """Reward readings that agree with a parent named next ("Hit, in Anbar province", "Mosul (Ninewa)")."""
    text = toks.text
    for a, b in itertools.pairwise(matches):
        gap = text[toks.end[a.end_tok] : toks.start[b.i]]
        if len(gap) > 40:
            continue
        words = {w.lower() for w in _WORDS.findall(gap)}
        if not words <= _HIERARCHY_WORDS or not ("," in gap or "(" in gap or "in" in words):
            continue
        parents = [p for p in b.ids if gaz.kind(p) != KIND_TOWN]
        parent_bonus = _parent_bonus(a, b, gap, toks, gaz)
        country_first = gaz.kind(a.ids[0]) == KIND_COUNTRY
        for c in a.ids:
            if country_first and gaz.kind(c) == KIND_TOWN:
                continue  # "Iraq, Iran, and Syria": a country's name in a list is not a town of the next
            iso3 = gaz.iso3_of(c)
            admin1 = gaz.admin1_of(c)
            for p in parents:
                if gaz.iso3_of(p) != iso3 or p == c:
                    continue
                pk = gaz.kind(p)
                if pk == KIND_COUNTRY or (admin1 is not None and gaz.admin1_of(p) == admin1):
                    a.bonus[c] = a.bonus.get(c, 0.0) + _PARENT_BONUS
                    b.bonus[p] = b.bonus.get(p, 0.0) + parent_bonus
                    a.hierarchy = b.hierarchy = True


def _parent_bonus(a: _Match, b: _Match, gap: str, toks: _Tokens, gaz: Gazetteer) -> float:
    """What a province or country after a town of its gets for being named there.

    Right after a comma ("Tacoma, Washington") the parent holds the town as surely as the town is the
    one there: the capital named like the state gets no say (and the text's other bare mentions of the
    name follow it, see _follow_parents). Less where the text goes on as a list ("Richmond, Virginia,
    Fort Lauderdale", "Washington, New York and Boston"), or where the parent's name is also a city
    that holds the town ("Brooklyn, New York").
    """
    if gap.strip() != "," or _LIST_GOES_ON.match(toks.text, toks.end[b.end_tok]):
        return 2.0
    towns = [p for p in b.ids if gaz.kind(p) == KIND_TOWN]
    if towns and any(gaz.kind(c) == KIND_TOWN and gaz.any_within_km(c, towns, _NEAR_KM) for c in a.ids):
        return 2.0
    return _PARENT_BONUS


def _parent_starts(matches: list[_Match], gaz: Gazetteer, toks: _Tokens) -> frozenset[int]:
    """First tokens of provinces that directly follow a town of theirs with no comma ("Maiduguri Borno
    State", "Chicago Illinois"), and of well-known places joined to another by a hyphen ("the
    Amsterdam-London leg", "Nelson-Creston"): two places side by side, not one person's or
    organisation's name."""
    out: set[int] = set()
    for a, b in itertools.pairwise(matches):
        if b.i != a.end_tok + 1:
            continue
        if (
            toks.text[toks.end[a.end_tok] : toks.start[b.i]] == "-"
            and _well_known(a, gaz)
            and _well_known(b, gaz)
        ):
            out.add(b.i)
            continue
        if not (b.designator == "admin" or gaz.kind(b.ids[0]) == KIND_ADMIN1):
            continue
        provinces = {(gaz.iso3_of(p), gaz.admin1_of(p)) for p in b.ids if gaz.kind(p) == KIND_ADMIN1}
        if any(gaz.kind(c) == KIND_TOWN and (gaz.iso3_of(c), gaz.admin1_of(c)) in provinces for c in a.ids):
            out.add(b.i)
    return frozenset(out)


def _full_admin_name(key: str) -> bool:
    """A name with its place word ("orange county"), not a direction's ("central district")."""
    words = key.split(" ")
    return len(words) > 1 and words[-1] in ADMIN_WORDS and words[0] not in _DIRECTIONS


def _well_known(m: _Match, gaz: Gazetteer) -> bool:
    top = m.ids[0]
    return gaz.kind(top) != KIND_TOWN or gaz.population(top) >= _SETTING_POPULATION


def _org_or_person(
    m: _Match, toks: _Tokens, mode: int, gaz: Gazetteer, parents: frozenset[int] = frozenset()
) -> str | None:
    """Why this name is part of an organisation's or a person's name, or None.

    "org": "Bank of America"; "head": "Bank" there; "speaker": "Clinton said"; "person": "President
    Abbas", "George Washington" (the end of a person's name); "name": "Paris Hilton", "Lima Declaration"
    (the start of a longer name, a person's or an organisation's); "prefix", "owner", "street", "arabic":
    the tail of a longer place name ("San Martin"), a possessor ("Wilson's Farm"), a street ("Trafalgar
    Street") or the head of an Arabic name the gazetteer lacks ("Wadi al-Shay"); "thing": a currency sign's
    or a disease's ("US$", "Marburg virus"); "currency": a currency named after a country ("the US
    dollar"), reported as a non-literal toponym.
    """
    i, n = m.i, len(toks)
    fold, raw = toks.fold, toks.raw
    if i >= 2 and fold[i - 1] == "of" and fold[i - 2] in _ORG_HEADS and raw[i - 2][0].isupper():
        return "org"
    start, end = toks.start[i], toks.end[m.end_tok]
    if toks.text[end : end + 1] == "$" or toks.text[max(0, start - 2) : start].strip() == "$":
        return "thing"  # "US$460 million", "$US 1.5 billion", "NZ$": a currency
    nxt = m.end_tok + 1
    if (
        nxt < n
        and fold[nxt] in _DISEASE_WORDS
        and toks.text[end : toks.start[nxt]] == " "
        and gaz.kind(m.ids[0]) == KIND_TOWN  # "India virus deaths", "Kenya disease outbreak": the country
    ):
        return "thing"  # "Marburg virus", "Lassa fever": a disease named after where it was found
    if nxt < n and fold[nxt] in _CURRENCY_WORDS and toks.text[end : toks.start[nxt]] == " ":
        return "currency"  # "the US dollar", "Hong Kong dollars": named after the country, not there
    if m.key in _ORG_HEADS and nxt + 1 < n and fold[nxt] == "of" and raw[nxt + 1][0].isupper():
        return "head"  # "Bank of Mexico": the head of an organisation's name
    if i >= 1 and toks.joins[i] and not toks.sent_start[i] and fold[i - 1] in _NAME_PREFIXES:
        return "prefix"  # "SANTA ANA DEPARTMENT", "San Martin" where only "Martin" is known: a longer name
    top_is_country = gaz.kind(m.ids[0]) == KIND_COUNTRY
    # A province (or a county with its place word) beside another capitalized word names an
    # institution of the province ("California National Guard"), rarely a person, as a town may.
    # Only a populous one: small provinces are named after people and saints ("Paul", "Rivera").
    top = m.ids[0]
    top_is_province = (
        gaz.kind(top) == KIND_ADMIN1
        and gaz.population(top) >= _KNOWN_PROVINCE
        and m.key not in _NAME_LIKE_ADMIN1S
    )
    if (
        gaz.kind(m.ids[0]) == KIND_TOWN  # "Texas said" is the state (metonymy); "Clinton said" a person
        and " " not in m.key
        and m.designator is None
        and not m.locative  # "officials in London said": a preposition makes it where they were
        and nxt < n
        and toks.joins[nxt]
        and fold[nxt] in _SPEECH
    ):
        return "speaker"
    if (
        i >= 2
        and fold[i - 1] == "to"
        and fold[i - 2] == "according"
        and m.designator is None
        and toks.text[end : end + 1] == ","
        and gaz.kind(m.ids[0]) != KIND_COUNTRY  # "according to Guatemala, ...": the country still counts
    ):
        return "speaker"  # "ACCORDING TO PONCE, THE SOLDIERS ...": a source, named before what it said
    if mode != _MIXED:
        # Without capitals only a title tells a person ("MAJOR RENE RODRIGUEZ", "COLONEL PONCE"): the
        # title and the words of the name that follow it are one person.
        k = i - 1
        while k >= 0 and k >= i - 3 and toks.joins[k + 1] and not toks.sent_start[k + 1]:
            if fold[k] in _TITLES:
                return "person"
            if fold[k] in _FUNCTION or fold[k] in _LOCATIVES or fold[k] in _CONNECTORS:
                break
            k -= 1
        return None
    # A name in capitals amid ordinary text is a dateline ("Associated Press WASHINGTON (AP)", "SAN
    # ANTONIO Turner Sports"): the change of case ends the names on either side of it.
    shouted = len(m.key) > 3 and all(raw[t].isupper() for t in range(i, m.j + 1) if raw[t].isalpha())
    if i >= 2 and not toks.sent_start[i] and toks.text[toks.end[i - 1] : toks.start[i]] == ". ":
        return "person"  # "Harry S. Truman": after a middle initial (see _tokenize)
    if (
        nxt + 1 < n
        and gaz.kind(m.ids[0]) == KIND_TOWN
        and toks.text[toks.end[m.end_tok] : toks.start[nxt]] == " "
        and toks.joins[nxt + 1]  # set after a middle initial (see _tokenize)
        and toks.text[toks.end[nxt] : toks.start[nxt + 1]] == ". "
        and len(raw[nxt]) == 1
    ):
        return "name"  # "George W. Bush": a given name before a middle initial
    if i >= 1 and toks.joins[i] and not toks.sent_start[i]:
        prev_raw, prev = raw[i - 1], fold[i - 1]
        if prev in _TITLES and prev_raw[0].isupper():
            return "person"
        if i in parents:
            return None  # "Maiduguri Borno State": the province after its town
        if (
            prev_raw[0].isupper()
            and not (prev_raw.isupper() and len(prev_raw) <= 5)  # "CBC Toronto", "CTV Winnipeg": a branch
            and not (shouted and not prev_raw.isupper())
            and prev not in _LOCATIVES
            and prev not in _DIRECTIONS
            and prev not in _FUNCTION
            and prev not in gaz.demonyms
            and not (
                toks.sent_start[i - 1]
                and (prev in gaz.common_words or prev in _NEVER_ALONE or prev in _OPENERS)
            )
            and not top_is_country
            and not top_is_province  # "FrontCounter BC", "Marine Energy Wales": a province's branch
            and not _full_admin_name(m.key)  # "Republican Orange County": a county's name is no surname
        ):
            return "person"  # the end of a longer proper name ("George Washington")
    owner = nxt + 1  # "Wilson's Farm" is the tokens "Wilson", "s", "Farm"
    if (
        m.designator is None
        and owner < n
        and raw[nxt] == "s"
        and _POSSESSIVE.fullmatch(toks.text[toks.end[m.end_tok] : toks.start[owner]])
        and raw[owner][0].isupper()
        and (fold[i] in _SAINTS or (fold[owner] not in _FOLLOW_OK and not _well_known(m, gaz)))
    ):
        # "Wilson's Farm": a small town's name is someone's here; "St. Peter's Basilica", "St
        # Michael's Hospital": a saint's, whatever the building.
        return "owner"
    if m.designator is None and nxt < n and toks.joins[nxt] and not toks.sent_start[nxt]:
        nraw, nfold = raw[nxt], fold[nxt]
        if nfold in _STREETS and nraw[0].isupper() and gaz.kind(m.ids[0]) != KIND_COUNTRY:
            return "street"  # "Trafalgar Street", "Royal Street": a street, found as such later
        if nfold == "river" and nraw[0].isupper():
            return "street"  # "the Mississippi River" is no state nor town: a river, found as such later
        if nxt in parents:
            return None  # "Maiduguri Borno State": the town, then its province
        if (
            nraw[0].isupper()
            and not nraw.isupper()
            and not shouted
            and nfold not in _FOLLOW_OK
            and not (nfold in _INSTITUTIONS and _well_known(m, gaz))
            and nfold not in _CONNECTORS
            and nfold not in _CALENDAR  # "arrive in Lagos April 4"
            and nfold not in _TITLES  # "Manitoba Premier Brian Pallister", "Texas Gov. Greg Abbott"
            and (not top_is_country or m.key in _NAME_LIKE_COUNTRIES)
            and not top_is_province  # "California law", "Peel Regional Police", "Manila Archbishop"
            and not _full_admin_name(m.key)  # "Marathon County Sheriff"
        ):
            return "name"  # "Paris Hilton", "Lima Declaration", "Chad Smith"
        after = nxt + 1
        if nfold in ("al", "el") and after < n and toks.joins[after] and raw[after][0].isupper():
            return "arabic"  # the head of a longer Arabic name the gazetteer lacks ("Wadi al-Shay")
    return None


# -- document context ------------------------------------------------------------------------------


def _weight(gaz: Gazetteer, c: int) -> float:
    kind = gaz.kind(c)
    if kind in (KIND_COUNTRY, KIND_ADMIN1):
        return 1.0
    if kind in (KIND_REGION, KIND_ADMIN2):
        return 0.5
    return 0.5 if gaz.population(c) >= 20_000 else 0.25


def _prior(m: _Match, c: int, gaz: Gazetteer, toks: _Tokens) -> float:
    """What the name and its surroundings say for reading ``c``, before document context."""
    kind = gaz.kind(c)
    pop = gaz.population(c)
    if kind == KIND_COUNTRY:
        score = 10.0
    elif kind == KIND_REGION:
        score = 8.0 if pop else 7.0
        if m.i > 0 and toks.fold[m.i - 1] == "the":
            score += 2.0  # "the Sahel", "the Donbas"
    elif kind == KIND_TOWN and gaz.is_airport(c):
        # The airports the gazetteer knows by a name of their own are the world's busiest, better known
        # than most cities of millions: "Heathrow" is London's airport, not the Florida town.
        score = _AIRPORT_PRIOR
    else:
        score = math.log10(pop + 10) + (0.5 if kind == KIND_ADMIN1 else 0.0)
        if kind == KIND_ADMIN2:
            score -= _ADMIN2_PENALTY  # its population is all its towns': the town of the name comes first
        if c in m.alternates:
            # Where a place word says a town is meant, a town of that very name counts against one
            # called so only by an alternate name: "the town of Southold" is Southold, New York, not
            # South Bend (once called so). A short form of the town's own name is no such alternate
            # ("Newcastle" for Newcastle upon Tyne).
            own = (
                m.designator == "town"
                and kind == KIND_TOWN
                and any(gaz.kind(o) == KIND_TOWN for o in m.ids if o not in m.alternates)
                and not name_key(gaz.place(c).name).startswith(m.key)
            )
            score -= ALT_PENALTY * (2.0 if own else 1.0)
        elif kind == KIND_TOWN and (pop >= _WORLD_CITY or gaz.is_national_capital(c)):
            # A text that names the United States does not make "Brussels" Brussels, Wisconsin: a
            # capital or a city of millions is known beyond its country.
            score += _WORLD_CITY_BONUS
    if m.designator == "admin":
        if kind in (KIND_ADMIN1, KIND_ADMIN2, KIND_REGION):
            score += 4.0
        elif not (kind == KIND_COUNTRY and _territory_of(m, toks)):
            # (a country is a territory too: "mined the border territory of Georgia" with Azerbaijan)
            score -= 4.0
    elif m.designator == "town":
        score += 4.0 if kind == KIND_TOWN else -4.0
        if m.end_tok > m.j and toks.fold[m.end_tok] == "township" and gaz.is_admin_seat(c):
            # "Washington Township" is one of the many townships named so, not the capital.
            score -= 4.0
    return score + m.bonus.get(c, 0.0)


def _territory_of(m: _Match, toks: _Tokens) -> bool:
    """Whether "territory of" (perhaps "the territory of") comes right before the name."""
    i = m.i
    return i >= 2 and toks.fold[i - 1] == "of" and "territory" in toks.fold[max(0, i - 3) : i - 1]


def _resolve(
    m: _Match,
    gaz: Gazetteer,
    toks: _Tokens,
    countries: dict[str, float],
    admin1s: set[tuple[str, str]],
    neighbours: Counter[tuple[str, str]] | None = None,
    near: Sequence[int] = (),
) -> int:
    """The best reading of ``m``: its prior plus agreement with the countries and admin1s in the text.

    ``neighbours`` counts the other places of the text by their (country, admin1): a town or county in
    the province where the text's other towns are is preferred (spatial minimality: "Edmonton" among
    Kentucky's counties is Edmonton, Kentucky). ``near`` are the towns other names of the text were
    first read as: a town or county a few kilometres from one of them is preferred across a border
    too ("London" beside St. Thomas, Ontario is London, Ontario; "Kingston" beside Brisbane is the
    suburb, not Jamaica's capital).
    """
    if len(m.ids) == 1:
        return m.ids[0]
    facts = m.facts
    if facts is None:
        facts = m.facts = gaz.facts(m.ids)
    candidates = _candidates(m, facts, countries)
    # One pass over the candidates for what the scores below depend on:
    # - "Oklahoma" in a text about the U.S. is the state, whatever small town in Pennsylvania shares the
    #   name: where the name is a country or a province of a country in the text (``area``), small towns
    #   get no local advantage (their province named, their neighbours) over it;
    # - a country's name ("Mexico") is the country, whatever town of that name lies near another place;
    # - "Louisville" in a text set in Ohio is still Kentucky's city of 600,000, known across the country,
    #   not the Ohio village of that name: beside a major city of the text's country (``major``), a
    #   small namesake gets half the advantage of its province or its neighbours being named.
    area = has_country = False
    major = 0
    for _, kind, pop, iso3, _ in candidates:
        if kind == KIND_COUNTRY:
            area = has_country = True
        elif kind == KIND_ADMIN1 and m.designator != "town":
            # ("Washington Township", "the town of Washington": a place word says it is no province)
            if not area and countries.get(iso3 or "", 0.0) > 0:
                area = True
        elif kind == KIND_TOWN and pop > major and countries.get(iso3 or "", 0.0) > 0:
            major = pop
    # The towns that the other names of the text were first read as (a town near one is preferred).
    near_towns = near if not has_country else ()
    best, best_score = m.ids[0], -math.inf
    priors = m.priors
    big = major >= _MAJOR_CITY
    for c, kind, pop, iso3, admin1 in candidates:
        score = priors.get(c)
        if score is None:
            score = priors[c] = _prior(m, c, gaz, toks)
        if iso3 is not None:
            weight = countries.get(iso3)
            if weight:
                score += 3.0 * min(1.0, weight)
            elif kind == KIND_COUNTRY and _near_named_country(c, gaz, countries):
                score += _NEAR_COUNTRY_BONUS
            # (the bonuses below are added in this order, and a zero one not at all: the same sums)
            if kind in (KIND_TOWN, KIND_ADMIN2) and not (area and pop < 20_000):
                share = 0.5 if big and pop * _MAJOR_RATIO < major else 1.0
                if admin1s and (iso3, admin1) in admin1s:
                    score += 2.0 * share
                if neighbours and (count := neighbours.get((iso3, admin1 or ""), 0)):
                    score += _NEIGHBOUR_BONUS * share * min(2, count)
                if near_towns and gaz.any_within_km(c, near_towns, _NEAR_KM):
                    score += _NEAR_BONUS * share
            elif (
                kind == KIND_ADMIN1
                and neighbours
                and not has_country
                and (count := neighbours.get((iso3, admin1 or ""), 0))
            ):
                # "Washington" in a text whose towns are Tacoma and Spokane is their state, not the
                # capital (a country of the name stays the country: "Mexico" beside Toluca).
                score += _NEIGHBOUR_BONUS * min(2, count)
        if score > best_score:
            best, best_score = c, score
    return best


_NEAR_KM: Final = 50.0
_NEAR_BONUS: Final = 2.0
_MAJOR_CITY: Final = 250_000
_MAJOR_RATIO: Final = 30
_AIRPORT_PRIOR: Final = 7.0


_MAX_CANDIDATES: Final = 25
_NEAR_COUNTRY_KM: Final = 1000.0
_NEAR_COUNTRY_BONUS: Final = 1.5


def _near_named_country(c: int, gaz: Gazetteer, countries: dict[str, float]) -> bool:
    """Whether country ``c`` lies near a country the text names (spatial minimality between countries:
    "Georgia" beside Armenia and Azerbaijan is the country, not the American state)."""
    for iso3, weight in countries.items():
        if weight < 0.5:
            continue
        other = gaz.country_entry(iso3)
        if other is not None and other != c and gaz.distance_km(c, other) < _NEAR_COUNTRY_KM:
            return True
    return False


def _candidates(m: _Match, facts: list[_Facts], countries: dict[str, float]) -> Sequence[_Facts]:
    """The candidates worth scoring: the best priors, and any in a country the text is about.

    "Washington" names a hundred places; past the first few dozen only context can lift one.
    """
    if len(facts) <= _MAX_CANDIDATES:
        return facts
    head = facts[:_MAX_CANDIDATES]
    if m.hierarchy:
        head += [f for f in facts[_MAX_CANDIDATES:] if f[0] in m.bonus]
    return head + [f for f in facts[_MAX_CANDIDATES:] if f[3] in countries]


# Words after a name that make it a state or province rather than its city: "New York Gov. Andrew
# Cuomo", "the Quebec government", "Texas lawmakers".
_GOVERNED: Final = frozenset(
    _words("gov governor government premier legislature legislators lawmakers legislative")
)
_GOVERNED_BONUS: Final = 4.0


def _prefer_governed(m: _Match, gaz: Gazetteer, toks: _Tokens) -> None:
    """Give the admin1 readings of a name that a governing word follows the bonus that says so."""
    nxt = m.end_tok + 1
    if m.designator is not None or nxt >= len(toks) or not toks.joins[nxt] or toks.fold[nxt] not in _GOVERNED:
        return
    # A country governs too ("the Niger government", "Mexico lawmakers"): its provinces of the same name
    # (Niger State, the State of Mexico) get nothing.
    if any(gaz.kind(c) == KIND_COUNTRY for c in m.ids):
        return
    for c in m.ids:
        if gaz.kind(c) == KIND_ADMIN1:
            m.bonus[c] = m.bonus.get(c, 0.0) + _GOVERNED_BONUS


# The capital bonuses of each name and candidates, with the candidates' facts (see _prefer_capital_town),
# kept per gazetteer across texts: news names the same places again and again.
_CapitalMemo = dict[tuple[str, tuple[int, ...]], tuple[dict[int, float], list[_Facts]]]
_CAPITAL_MEMOS: Final[weakref.WeakKeyDictionary[Gazetteer, _CapitalMemo]] = weakref.WeakKeyDictionary()
_CAPITAL_MEMO_SIZE: Final = 50_000  # names; a long run starts afresh past that


def _capital_memo(gaz: Gazetteer) -> _CapitalMemo:
    memo = _CAPITAL_MEMOS.get(gaz)
    if memo is None or len(memo) > _CAPITAL_MEMO_SIZE:
        memo = _CAPITAL_MEMOS[gaz] = {}
    return memo


_PriorMemo = dict[tuple[object, ...], dict[int, float]]
_PRIOR_MEMOS: Final[weakref.WeakKeyDictionary[Gazetteer, _PriorMemo]] = weakref.WeakKeyDictionary()


def _shared_priors(gaz: Gazetteer, sig: tuple[object, ...], priors: dict[int, float]) -> dict[int, float]:
    """The priors of the matches with signature ``sig`` (see _Reading.resolve): ``priors`` if it is the
    first such match."""
    memo = _PRIOR_MEMOS.get(gaz)
    if memo is None or len(memo) > _CAPITAL_MEMO_SIZE:
        memo = _PRIOR_MEMOS[gaz] = {}
    return memo.setdefault(sig, priors)


def _prefer_capital_town(m: _Match, gaz: Gazetteer, toks: _Tokens, made: _CapitalMemo) -> None:
    """A city named like its own province ("Baghdad", "Kirkuk") or district is the city unless told
    otherwise.

    ``made`` holds the bonuses given to each name and candidates: with no place word and no bonus yet,
    nothing else of the match counts (the priors it compares are of towns and districts, which read
    nothing of the text around the name), whatever the text.
    """
    if m.designator is not None:
        return
    if not m.bonus:
        key = (m.key, tuple(m.ids))
        done = made.get(key)
        if done is not None:
            m.bonus = dict(done[0])
            if m.facts is None:
                m.facts = done[1]
            return
        _give_capital_bonus(m, gaz, toks)
        made[key] = (dict(m.bonus), m.facts or gaz.facts(m.ids))
    else:
        _give_capital_bonus(m, gaz, toks)


def _give_capital_bonus(m: _Match, gaz: Gazetteer, toks: _Tokens) -> None:
    facts = m.facts
    if facts is None:  # the candidates are settled: _resolve reads the same facts later
        facts = m.facts = gaz.facts(m.ids)
    admin_pop = {(iso3, admin1): pop for _, kind, pop, iso3, admin1 in facts if kind == KIND_ADMIN1}
    # A district's town comes just before the district, and no further: "Newcastle" in a British text
    # is not the Australian city because New South Wales has a City of Newcastle as well.
    districts: dict[tuple[str | None, str | None], float] = {}
    for c, kind, _, iso3, _ in facts:
        if kind == KIND_ADMIN2:
            key = (iso3, gaz.admin2_of(c))
            districts[key] = max(districts.get(key, -math.inf), _prior(m, c, gaz, toks))
    countries = {iso3 for _, kind, _, iso3, _ in facts if kind == KIND_ADMIN1}
    for c, kind, pop, iso3, admin1 in facts:
        if kind != KIND_TOWN:
            continue
        province = admin_pop.get((iso3, admin1))
        # "Quebec" is the province, whose seat holds a sixteenth of its people and is called "Quebec
        # City"; Baghdad and Kirkuk hold most of theirs.
        minor = province is not None and pop < _MINOR_SEAT_SHARE * province
        district = districts.get((iso3, gaz.admin2_of(c))) if districts else None
        if province is not None and not minor:
            # The province's own seat more so, even where GeoNames calls it otherwise ("New York City").
            m.bonus[c] = m.bonus.get(c, 0.0) + (3.0 if gaz.is_admin_seat(c) else 2.0)
        elif district is not None:
            m.bonus[c] = m.bonus.get(c, 0.0) + max(0.0, district - _prior(m, c, gaz, toks)) + 0.5
        if iso3 in countries and gaz.is_national_capital(c):
            # "Washington" is the capital before the state named after the same person.
            m.bonus[c] = m.bonus.get(c, 0.0) + _CAPITAL_BONUS


def _accept(
    m: _Match,
    best: int,
    toks: _Tokens,
    gaz: Gazetteer,
    mode: int,
    countries: dict[str, float],
    mid_caps: set[str],
    anchors: set[str] | None = None,
    home: frozenset[str] | None = None,
) -> bool:
    """Whether the evidence is enough for this name, read as ``best``, to be a place.

    ``anchors`` (for text without capitals) are the countries the text names outright or through a
    place with a place word or a parent: there a word that is also a town's name counts as being in
    the text's country only when the text says so, not because other such words were towns there.
    ``home`` (for ALL CAPS text with a dateline) are the countries the text is set in: its dateline's
    and those it puts something in (:func:`_placed_in`).
    """
    iso3 = gaz.iso3_of(best) or ""
    # (without capitals, the text's anchors; else the countries it is about)
    in_doc = iso3 in anchors if mode != _MIXED and anchors is not None else countries.get(iso3, 0.0) >= 0.5
    anchored = anchors is not None and iso3 in anchors
    abroad = home is not None and iso3 not in home
    key = (best, in_doc, anchored, abroad)
    verdict = m.verdicts.get(key)
    if verdict is None:
        verdict = m.verdicts[key] = _judge(m, best, toks, gaz, mode, in_doc, anchored, mid_caps, abroad)
    return verdict


def _judge(
    m: _Match,
    best: int,
    toks: _Tokens,
    gaz: Gazetteer,
    mode: int,
    in_doc: bool,
    anchored: bool,
    mid_caps: set[str],
    abroad: bool = False,
) -> bool:
    """_accept's verdict, given whether the reading's country is one the text is about (``in_doc``), one
    of its anchors (``anchored``) and none of those it is set in (``abroad``).

    :func:`_never_a_place` reads the tests of the name alone below without a reading: a test added
    before them that may accept a name must be added there too (as the airport's is)."""
    kind = gaz.kind(best)
    pop = gaz.population(best)
    single = " " not in m.key
    strong = m.designator is not None or m.hierarchy
    spellings = gaz.case_sensitive_keys.get(m.key)
    if spellings is not None:
        if mode == _CAPS:
            if m.key in _CAPS_NEVER:
                return False
            if m.key in _WORDLIKE_ALIASES and not (m.i > 0 and toks.fold[m.i - 1] == "the"):
                return False
            if all(s.endswith(".") for s in spellings) and not _after_town(m, toks):
                return False  # "MASS KIDNAPPING", "HE WAS ILL.": "Mass." and "Ill." only as "BOSTON, MASS."
        elif _spelled(m, toks) not in spellings and _spelled(m, toks, dot=False) not in spellings:
            return False  # "us" is not the US; "in the UK." is the UK, its full stop aside
        if m.key in _ERAS and m.i > 0 and toks.raw[m.i - 1].isdigit():
            return False  # "500 BC" is a year, not British Columbia
    if mode == _MIXED and kind == KIND_TOWN and gaz.is_airport(best):
        return True  # "Heathrow", "O'Hare": the name is the airport's own
    if (
        not m.hierarchy
        and all(w in _GENERIC for w in m.key.split(" "))
        and not anchored
        and not (kind != KIND_TOWN and _titled_unit(m, toks, mode))
    ):
        # "the USA's West Coast", "IN THE COUNTRY'S EASTERN REGION": New Zealand's West Coast region or
        # Uganda's Eastern Region only in a text that names New Zealand or Uganda.
        return False
    if single:
        if m.key in _NEVER_ALONE or len(m.key) < 2:
            return False  # "May", "Police"; an initial ("D. Smith")
        if m.key in gaz.demonyms and not (m.designator == "admin" and kind in (KIND_ADMIN1, KIND_REGION)):
            return False  # "Somali troops" but "the Somali region"
        if (
            mode == _MIXED
            and len(m.key) <= 4
            and toks.raw[m.i].isupper()
            and kind == KIND_TOWN
            and not (toks.sent_start[m.i] and pop >= 100_000)
        ):
            return False  # an acronym ("UN", "AU", "IS"), unless a dateline ("BONN -") names a city
        if mode == _CAPS and not m.hierarchy and (m.key in _DIRECTIONS or m.key in gaz.common_words):
            # "IN THE EASTERN REGION", "THE SAME TOWN", "WE CAN STATE": without capitals a place word
            # after a direction or a common word is no evidence; a region needs its country named.
            return m.key in _DIRECTIONS and kind != KIND_TOWN and in_doc
        if m.key in gaz.common_words and kind != KIND_COUNTRY:
            if strong:
                return True
            if (
                kind == KIND_TOWN
                and (best in m.alternates or pop < _COMMON_WORD_TOWN)
                and not _numbered(m, toks)
            ):
                # "testify before Congress", "the Summit of the Americas", "2231 Royal": a common word
                # is no hamlet of that name (Congress, Arizona) and no town's other name (Royal City)
                # unless a place word or a parent says so. A numbered part of a town ("in Sector 29 of
                # Ouagadougou") is a place, which its parent places.
                return False
            if mode == _MIXED:
                # "in Sector 30", "in Providence" but not "the Ministry of Economy", "Volunteers for
                # the Defense of the Homeland", "the Grand Imam": after "of" or before another
                # capitalized word, a common word is part of an organisation's or a title's name.
                return (
                    not toks.sent_start[m.i]
                    and (_after_placing(m, toks) or in_doc)
                    and not _capital_follows(m, toks)
                )
            return False  # "SEE", "MAKE", "COURSE": without capitals a common word needs a place word
        if mode != _MIXED and not strong and best in m.alternates and kind != KIND_COUNTRY:
            # Without capitals, a word that names a place only through an alternate name ("JULIA" for
            # Plovdiv, "DAMAS" for Damascus) is a word or a person's name unless the text places it.
            return m.locative and in_doc
    if mode == _CAPS and not strong:
        return _accept_caps(m, kind, pop, single, in_doc, toks, abroad, gaz.is_admin_seat(best))
    if kind in (KIND_COUNTRY, KIND_ADMIN1, KIND_REGION) or strong or (kind == KIND_ADMIN2 and not single):
        return True
    if kind == KIND_ADMIN2 and mode == _MIXED and _closes_brackets(m, toks):
        return True  # the parent that closes a place's brackets: "Piegou (Tansarga, Tapoa)"
    if mode == _MIXED:
        if not single:
            return pop >= 1000 or m.locative or in_doc
        if not toks.sent_start[m.i]:
            # A capitalized word mid-sentence is a proper name, but surnames are proper names too:
            # a small town needs a preposition or its country in the text.
            return m.locative or pop >= 20_000 or (in_doc and pop >= 5000)
        return pop >= 20_000 or (in_doc and pop >= 1000) or m.key in mid_caps
    return pop >= 200_000 or (in_doc and m.locative)


def _never_a_place(m: _Match, mode: int, gaz: Gazetteer) -> bool:
    """Whether :func:`_judge` turns the name down whatever it is read as: by the tests it makes, in its
    order, of the name alone before any of the reading's own (its kind, population, country).

    In mixed case an airport's name is accepted before those tests: a name that may be read as one is
    read.
    """
    if " " in m.key:
        return False
    if mode == _MIXED and any(gaz.kind(c) == KIND_TOWN and gaz.is_airport(c) for c in m.ids):
        return False
    if m.key in _NEVER_ALONE or len(m.key) < 2:
        return True  # "May", "Police"; an initial
    if m.key in gaz.demonyms and m.designator != "admin":
        return True  # "SOMALI TROOPS" (with "admin" it depends on the reading: "the Somali region")
    # ("SEE", "MAKE", "COURSE": a common word, no direction and no part of a hierarchy)
    return mode == _CAPS and not m.hierarchy and m.key in gaz.common_words and m.key not in _DIRECTIONS


def _numbered(m: _Match, toks: _Tokens) -> bool:
    """Whether a number follows the name: "Sector 29", "Zone 4"."""
    nxt = m.end_tok + 1
    return nxt < len(toks) and toks.raw[nxt].isdigit()


def _after_placing(m: _Match, toks: _Tokens) -> bool:
    """Whether a placing preposition ("in", "at", "near"), perhaps with "the", comes right before."""
    i = m.i
    if not m.locative or i < 1:
        return False
    prev = toks.fold[i - 1] if toks.fold[i - 1] != "the" or i < 2 else toks.fold[i - 2]
    return prev in _PLACING


def _capital_follows(m: _Match, toks: _Tokens) -> bool:
    """Whether a capitalized word continues the name ("Grand Imam", "Independence Square")."""
    nxt = m.end_tok + 1
    return (
        m.end_tok == m.j
        and nxt < len(toks)
        and toks.joins[nxt]
        and not toks.sent_start[nxt]
        and toks.raw[nxt][0].isupper()
    )


def _closes_brackets(m: _Match, toks: _Tokens) -> bool:
    """Whether the name is the last in brackets after a place: "(Tansarga, Tapoa)", "(Kossi)"."""
    text = toks.text
    before = text[toks.end[m.i - 1] : toks.start[m.i]] if m.i > 0 else ""
    return before.rstrip().endswith(("(", ",")) and text[toks.end[m.end_tok] :].startswith(")")


def _accept_caps(
    m: _Match,
    kind: int,
    pop: int,
    single: bool,
    in_doc: bool,
    toks: _Tokens,
    abroad: bool = False,
    seat: bool = False,
) -> bool:
    """Whether a name in ALL CAPS text, with no place word or parent, is a place.

    Every word is capitalized, so surnames ("RODRIGUEZ", "PONCE"), given names and ordinary words that
    some town somewhere bears ("ATH", "WAVE") look like places. A town far from the countries the text
    names needs a preposition and a large population, or a very large one (a dateline's capital). So
    does a bare word in a country named only in passing (``abroad``: neither the dateline's nor one the
    text puts something in): a story filed from San Salvador that mentions "A U.S. CITIZEN"
    names the United States, but its "RICHARD HOWARD" and "SUPERIOR OF THE JESUITS" are a man and a
    rank, not towns in Wisconsin; one filed from Madrid about El Salvador still has its "USULUTAN".
    """
    if kind in (KIND_COUNTRY, KIND_REGION):
        return True
    # Before a building the preposition places the building: its name is a saint's, an owner's or a
    # town's. Abroad it places nothing; at home "AT THE PUERTO BERRIO HOSPITAL" is still where, but
    # "OF THE SANTO TOMAS HOSPITAL" names an institution, and a name of several words, a saint's.
    locative = m.locative and not (m.building and (abroad or (m.after_of and not single)))
    if abroad and single and m.after_of and kind == KIND_TOWN and not seat:
        # "THE ASSASSINATION OF HECTOR OQUELI": after "of" a bare word abroad is a person's name as
        # often as a town's ("the town of X" is read by its place word, not here); a capital's is a
        # capital's ("THE POLICE OF MANAGUA").
        locative = False
    if kind == KIND_ADMIN1:
        return in_doc or locative or not single
    if not single:
        # A country named only in passing (``abroad``) places none of its small towns by name alone.
        named = in_doc and (locative or not abroad)
        return (named and pop >= 1000) or (locative and pop >= 5000) or pop >= _CAPS_FAR_POPULATION
    if in_doc and (locative or not abroad):
        return locative or pop >= 5000
    if _is_dateline(m, toks):
        return pop >= 50_000
    return (locative and pop >= _CAPS_FAR_POPULATION) or pop >= _CAPS_ANY_POPULATION


# Words that describe a place rather than name it: names made only of them ("Eastern Region",
# "Central Highlands") are taken for descriptions in text without capitals.
_GENERIC: Final = (
    _DIRECTIONS
    | ADMIN_WORDS
    | TOWN_WORDS
    | frozenset(_words("area zone coast highlands lowlands plateau mountain mountains north south east west"))
)
_CAPS_FAR_POPULATION: Final = 100_000
_CAPS_ANY_POPULATION: Final = 1_000_000
_COMMON_WORD_TOWN: Final = 5000


def _titled_unit(m: _Match, toks: _Tokens, mode: int) -> bool:
    """Whether a name of place words is written as a unit's proper name: capitalized in mixed case, with
    no direction in it, and a unit word after it ("Plateau State", "Coast Province"); the caller reads it
    so only for an administrative unit. "the Eastern Region" and "the plateau area" stay descriptions."""
    return (
        mode == _MIXED
        and m.designator == "admin"
        and toks.raw[m.i][:1].isupper()
        and not any(w in _DIRECTIONS for w in m.key.split(" "))
    )


def _is_dateline(m: _Match, toks: _Tokens) -> bool:
    """Whether the name opens the text and a comma or a bracket follows ("LIMA, 10 JAN 90")."""
    if m.i != 0:
        return False
    end = toks.end[m.end_tok]
    return toks.text[end : end + 2].lstrip()[:1] in (",", "(")


_SETTING_POPULATION: Final = 100_000
_KNOWN_PROVINCE: Final = 1_000_000
_WORLD_CITY: Final = 2_500_000
_MINOR_SEAT_SHARE: Final = 0.1
_WORLD_CITY_BONUS: Final = 1.5
_CAPITAL_BONUS: Final = 2.0
_ADMIN2_PENALTY: Final = 1.0
_NEIGHBOUR_BONUS: Final = 1.0


def _stray_hamlet(
    m: _Match, best: int, gaz: Gazetteer, settings: set[tuple[str, str]], set_in: set[str]
) -> bool:
    """Whether ``best`` is a hamlet known only by an alternate name, far from where the text is set.

    Neighbourhoods share their names with villages elsewhere ("the Sabon Gari area" of Kano is also an
    old name of a Yobe hamlet). A report that names Kano and then "Sabon Gari" means Kano's; one about
    the Yobe hamlet would have named Yobe.
    """
    if m.designator is not None or m.hierarchy or gaz.kind(best) != KIND_TOWN:
        return False
    if best not in m.alternates or gaz.population(best) >= 1000:
        return False
    iso3 = gaz.iso3_of(best)
    return iso3 in set_in and (iso3 or "", gaz.admin1_of(best) or "") not in settings


@dataclass(slots=True)
class _Reading:
    """What one reading of the text found: the context the next reading resolves names in."""

    countries: dict[str, float]
    admin1s: set[tuple[str, str]]
    places_in: Counter[tuple[str, str]]
    readings: dict[str, tuple[int, ...]]  # name key -> the readings of its every mention
    near: tuple[tuple[str, int], ...] = ()  # (name key, town) as the first reading read them
    # Readings already made, by all that a reading depends on: a text names the same place many times.
    made: dict[tuple[object, ...], int] = field(default_factory=dict)
    # The context each name is read in, by its earlier readings, and the towns near which it is read, by
    # its key (see _resolve): made once per reading.
    contexts: dict[tuple[int, ...], tuple[dict[str, float], Counter[tuple[str, str]]]] = field(
        default_factory=dict
    )
    near_towns: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, chosen: list[tuple[_Match, int]], gaz: Gazetteer, near: tuple[tuple[str, int], ...] = ()
    ) -> _Reading:
        countries: dict[str, float] = defaultdict(float)
        admin1s: set[tuple[str, str]] = set()
        for _, c in chosen:
            iso3 = gaz.iso3_of(c)
            if iso3 is not None:
                countries[iso3] += _weight(gaz, c)
                admin1 = gaz.admin1_of(c)
                if admin1 is not None and gaz.kind(c) in (KIND_ADMIN1, KIND_REGION):
                    admin1s.add((iso3, admin1))
        # Where the text's towns and counties are, each name counted once per province.
        places_in: Counter[tuple[str, str]] = Counter()
        for iso3, admin1, _ in {
            (gaz.iso3_of(c) or "", gaz.admin1_of(c) or "", m.key) for m, c in chosen if _is_local(gaz, c)
        }:
            places_in[(iso3, admin1)] += 1
        readings: dict[str, list[int]] = defaultdict(list)
        for m, c in chosen:
            readings[m.key].append(c)
        return cls(countries, admin1s, places_in, {k: tuple(v) for k, v in readings.items()}, near)

    def resolve(self, m: _Match, gaz: Gazetteer, toks: _Tokens) -> int:
        """``m`` read in this context, the earlier readings of its name left out: a name does not vouch
        for itself, neither where it stands nor where the text repeats it ("an Edmonton woman ... of
        Dunnock Close, Edmonton": two mentions of one name are not two places in Canada)."""
        if len(m.ids) == 1:
            return m.ids[0]
        own = self.readings.get(m.key, ())
        # The name, its candidates, what _prior reads of the match (its place word, parent, bonuses, a
        # "the" before it) and its name's earlier readings: _resolve reads nothing else of the match.
        sig = m.reading_key
        if sig is None:
            the = m.i > 0 and toks.fold[m.i - 1] == "the"
            sig = m.reading_key = (
                m.key,
                tuple(m.ids),
                m.designator,
                m.hierarchy,
                tuple(m.bonus.items()),
                the,
            )
            if m.designator is None:
                # Without a place word the priors read nothing else of the match or the text either:
                # matches of the same signature, in this text or another, share them.
                m.priors = _shared_priors(gaz, sig, m.priors)
        key = (sig, own)
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = self._resolve(m, own, gaz, toks)
        return made

    def _resolve(self, m: _Match, own: tuple[int, ...], gaz: Gazetteer, toks: _Tokens) -> int:
        neighbours, countries = self.places_in, self.countries
        if own:
            context = self.contexts.get(own)
            if context is None:
                context = self.contexts[own] = self._without(own, gaz)
            countries, neighbours = context
        near = self.near_towns.get(m.key)
        if near is None:
            near = self.near_towns[m.key] = [t for other, t in self.near if other != m.key]
        return _resolve(m, gaz, toks, countries, self.admin1s, neighbours, near)

    def _without(
        self, own: tuple[int, ...], gaz: Gazetteer
    ) -> tuple[dict[str, float], Counter[tuple[str, str]]]:
        """The countries and neighbours of this reading, ``own`` readings of a name left out."""
        countries = dict(self.countries)
        neighbours = self.places_in.copy()
        for c in own:
            if (iso3 := gaz.iso3_of(c)) is not None:
                countries[iso3] -= _weight(gaz, c)
        # places_in counts a name once per province.
        for iso3, admin1 in {
            (gaz.iso3_of(c) or "", gaz.admin1_of(c) or "") for c in own if _is_local(gaz, c)
        }:
            neighbours[(iso3, admin1)] -= 1
        return countries, neighbours


def _same_readings(a: list[tuple[_Match, int]], b: list[tuple[_Match, int]]) -> bool:
    """Whether two readings accepted the same matches and read each as the same place."""
    return len(a) == len(b) and all(ma is mb and ca == cb for (ma, ca), (mb, cb) in zip(a, b, strict=True))


def _follow_parents(
    chosen: list[tuple[_Match, int]], gaz: Gazetteer, toks: _Tokens
) -> list[tuple[_Match, int]]:
    """Mentions of a name that the text once places with its parent ("NEWARK, N.J.", "Tacoma,
    Washington") read as that mention does, where they have no place word or parent of their own: a
    report names one Newark, whatever its other towns say of California.

    The province a text places its towns in is its setting: "CAMP MURRAY, Wash. ... at home in
    Washington" is the state, not the capital named like it (a town inside the province stays the
    town: "NEW YORK, N.Y. ... New York police")."""
    placed: dict[str, set[int]] = defaultdict(set)
    provinces: set[int] = set()
    for m, c in chosen:
        if m.hierarchy and m.bonus.get(c, 0.0) >= _PARENT_BONUS:
            placed[m.key].add(c)
            if gaz.kind(c) == KIND_ADMIN1:
                provinces.add(c)
        elif gaz.kind(c) == KIND_ADMIN1 and _DATELINE_HEAD.fullmatch(toks.text, 0, toks.start[m.i]):
            provinces.add(c)  # "CAMP MURRAY, Wash. -": the dateline's town may be one the gazetteer lacks
    if not placed and not provinces:
        return chosen
    out: list[tuple[_Match, int]] = []
    for m, c in chosen:
        if m.hierarchy or m.designator is not None:
            out.append((m, c))
            continue
        readings = placed.get(m.key)
        if readings is not None and len(readings) == 1:
            (anchor,) = readings
            if anchor in m.ids:
                c = anchor
        # The text's province over a namesake outside it, even one the text names once with its own
        # parent ("Washington, D.C." in a report from Washington state says which one that is).
        home = [p for p in provinces if p in m.ids]
        if len(home) == 1 and not _inside_province(c, home[0], gaz):
            c = home[0]
        out.append((m, c))
    return out


# What comes before a dateline's province: the town in capitals and a comma ("CAMP MURRAY, ").
_DATELINE_HEAD: Final = re.compile(r"\s*[A-Z][A-Z.'’ -]*,\s*")


def _inside_province(c: int, province: int, gaz: Gazetteer) -> bool:
    """Whether reading ``c`` lies in ``province`` (the province itself included)."""
    return gaz.iso3_of(c) == gaz.iso3_of(province) and gaz.admin1_of(c) == gaz.admin1_of(province)


def _counties_by_short_name(chosen: list[tuple[_Match, int]], gaz: Gazetteer) -> dict[str, int]:
    """The counties the text names with the word ("Suffolk County"), by their name without it."""
    counties: dict[str, int] = {}
    for m, c in chosen:
        if gaz.kind(c) == KIND_ADMIN2 and m.key.endswith(_COUNTY_SUFFIX):
            counties.setdefault(m.key.removesuffix(_COUNTY_SUFFIX), c)
    return counties


def _as_county(m: _Match, c: int, counties: dict[str, int], gaz: Gazetteer) -> int:
    """A name the text also gives as a county's ("Suffolk County ... the Suffolk Times") is that county
    where it would otherwise be a small town in another province (Suffolk, Virginia): the county's
    name without "County" is what its people call it. Capitals and cities keep their reading."""
    county = counties.get(m.key)
    if (
        county is not None
        and m.designator is None
        and not m.hierarchy
        and gaz.kind(c) == KIND_TOWN
        and not gaz.is_admin_seat(c)
        and gaz.population(c) < _SETTING_POPULATION
        and not _inside_province(c, county, gaz)
    ):
        return county
    return c


_COUNTY_SUFFIX: Final = " county"


def _literal_senses(chosen: list[tuple[_Match, int]]) -> dict[str, int]:
    """How the text reads each name where it names a place: the name inside an organisation's name
    is the same place ("Suffolk County detectives ... the Suffolk County Times")."""
    readings: dict[str, Counter[int]] = defaultdict(Counter)
    for m, c in chosen:
        readings[m.key][c] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in readings.items()}


def _bring_home(
    chosen: list[tuple[_Match, int]],
    gaz: Gazetteer,
    toks: _Tokens,
    home: set[str],
    *,
    towns_only: bool = False,
) -> tuple[list[tuple[_Match, int]], list[_Match]]:
    """Small towns read abroad in a text set elsewhere: read at home, or left unresolved.

    A text that names provinces, or places names with their parent or a province's place word
    ("Pelhoute (Arbinda, Soum)"), says where it is set (``home``). Another name of it whose best
    reading is a small town in a country nothing else of the text is in ("the Arra mining site" as
    Arrah, Ivory Coast; "Konna" as Conna, Ireland) is a place at home the gazetteer does not know by
    that name, or no place at all: it takes its best reading at home if it has one. Else it comes back
    in the second list, a name to report unresolved: still a toponym, but no guess abroad.

    Where only the text's towns set ``home`` (``towns_only``), the evidence is weaker: people flee and
    shells fly across borders ("fled from Maiduguri, Bama and Gwoza to Diffa"), so only a hamlet or a
    town's other name counts as a stray, never a province's seat.
    """
    if not home:
        return chosen, []
    by_country: Counter[str] = Counter()
    for _, iso3 in {(m.key, gaz.iso3_of(c) or "") for m, c in chosen}:
        by_country[iso3] += 1
    out: list[tuple[_Match, int]] = []
    strays: list[_Match] = []
    for m, c in chosen:
        iso3 = gaz.iso3_of(c) or ""
        if (
            iso3 in home
            or by_country[iso3] > 1
            or not _stray_abroad(m, c, gaz)
            or (towns_only and not _hamlet_or_other_name(m, c, gaz))
        ):
            out.append((m, c))
            continue
        at_home = [x for x in m.ids if (gaz.iso3_of(x) or "") in home and gaz.kind(x) != KIND_COUNTRY]
        if at_home:
            out.append((m, max(at_home, key=lambda x: _prior(m, x, gaz, toks))))
        else:
            strays.append(m)
    return out, strays


_STRAY_POPULATION: Final = 100_000


def _hamlet_or_other_name(m: _Match, c: int, gaz: Gazetteer) -> bool:
    """Whether reading ``c`` of ``m`` is a hamlet, or a town known by the name only as an alternate one
    (a province's seat is neither: "fled to Diffa")."""
    if gaz.is_admin_seat(c):
        return False
    return gaz.population(c) < _COMMON_WORD_TOWN or c in m.alternates


def _placed_by_parent(chosen: list[tuple[_Match, int]], gaz: Gazetteer, toks: _Tokens) -> set[str]:
    """Countries of the provinces named and of the places read with their parent or a province's
    place word ("Tillabery", "Arbinda, Soum", "Gadabay Region").

    A country named outright is no such evidence: ACLED's notes name the countries of actors and
    migrants ("migrants from Afghanistan") as often as where the event was. Nor is a province's
    abbreviation alone ("FEDAP/BC"), which is as often an organisation's.
    """
    return {
        iso3
        for m, c in chosen
        if (
            m.hierarchy
            or m.designator == "admin"
            # "Tillabery", but not "aid workers from Bavaria" or "a Texas woman": who, not where
            or (gaz.kind(c) == KIND_ADMIN1 and not toks.raw[m.i].isupper() and not _origin(m, toks))
        )
        and m.key not in _DIRECTIONS
        and m.key not in gaz.common_words
        and (iso3 := gaz.iso3_of(c)) is not None
    }


def _towns_country(chosen: list[tuple[_Match, int]], gaz: Gazetteer) -> set[str]:
    """The country where the text's towns are, where it names several there and at most one town
    elsewhere (Blackpool, Dewsbury, Great Yarmouth and "the Pioneer cinema"): a story told town by town
    is set in their country, and a small town abroad is more likely a name the gazetteer lacks."""
    towns: dict[str, set[str]] = defaultdict(set)
    for m, c in chosen:
        if gaz.kind(c) == KIND_TOWN and (iso3 := gaz.iso3_of(c)) is not None:
            towns[iso3].add(m.key)
    counts = sorted(((len(keys), iso3) for iso3, keys in towns.items()), reverse=True)
    if not counts or counts[0][0] < _TOWNS_SET_IN:
        return set()
    if len(counts) > 1 and counts[1][0] > 1:
        return set()
    return {counts[0][1]}


_TOWNS_SET_IN: Final = 3


def _origin(m: _Match, toks: _Tokens) -> bool:
    """Whether the name says where someone came from ("from Bavaria", "a Texas woman")."""
    after = m.end_tok + 1
    return (m.i > 0 and toks.fold[m.i - 1] == "from") or (
        after < len(toks) and toks.fold[after] in _ORIGIN_NOUNS
    )


def _stray_abroad(m: _Match, c: int, gaz: Gazetteer) -> bool:
    """Whether reading ``c`` of ``m`` is a town that nothing but its name places: no parent, no
    province's place word, and small or known only by an alternate name ("Pensa" for Penza).

    Only in a text set elsewhere: without that, an alternate name is more often a place's other
    spelling ("Mogilev", "Tyr") than a namesake's.
    """
    if m.hierarchy or m.designator == "admin" or gaz.kind(c) not in (KIND_TOWN, KIND_ADMIN2):
        return False
    pop = gaz.population(c)
    return pop < _STRAY_POPULATION or (c in m.alternates and pop < _WORLD_CITY)


def _anchored(chosen: list[tuple[_Match, int]], gaz: Gazetteer) -> set[str]:
    """Countries of the places read with a place word or a parent ("USULUTAN DEPARTMENT", "LHASA (TIBET)")."""
    return {
        iso3
        for m, c in chosen
        if (m.designator is not None or m.hierarchy)
        and m.key not in _DIRECTIONS
        and m.key not in gaz.common_words
        and (iso3 := gaz.iso3_of(c)) is not None
    }


def _placed_in(chosen: list[tuple[_Match, int]], gaz: Gazetteer, toks: _Tokens) -> frozenset[str]:
    """Countries the text is about: those of the places it puts something in (after "in", "at", "near":
    "THE EMBASSY IN SAN SALVADOR", "FIGHTING IN USULUTAN"; with a place word or a parent; a town of two
    words or more, which is seldom a surname), and those it names as such ("EL SALVADOR'S ARMY", "THE
    GOVERNMENT OF GUATEMALA"). A country's name before a noun ("A U.S. CITIZEN", "THE U.S. EMBASSY")
    says whose, not where."""
    return frozenset(
        iso3
        for m, c in chosen
        if (
            m.designator is not None
            or m.hierarchy
            or _after_placing(m, toks)
            or (gaz.kind(c) == KIND_TOWN and " " in m.key)
            or (gaz.kind(c) == KIND_COUNTRY and _named_as_scene(m, toks))
        )
        and (iso3 := gaz.iso3_of(c)) is not None
    )


def _named_as_scene(m: _Match, toks: _Tokens) -> bool:
    """Whether a country is named as where things go on: as the owner of its army or government ("EL
    SALVADOR'S ARMY", "THE GOVERNMENT OF GUATEMALA"), not as one more party ("THE SUPPORT OF THE UNITED
    STATES", "THE UNITED STATES CONDEMNED") or as whose ("A U.S. CITIZEN")."""
    nxt = m.end_tok + 1
    if nxt < len(toks) and _possessive(toks, nxt):
        return True
    i = m.i - 1
    if i >= 0 and toks.fold[i] == "the":
        i -= 1
    return i >= 1 and toks.fold[i] == "of" and toks.fold[i - 1] in _OWNED


# What a country named after "of" owns that makes it the scene ("THE GOVERNMENT OF GUATEMALA").
_OWNED: Final = frozenset(
    _words(
        """
    government army military forces police people president interior territory soil north south east
    west capital provinces departments towns villages countryside
    """
    )
)


def _is_local(gaz: Gazetteer, c: int) -> bool:
    return gaz.kind(c) in (KIND_TOWN, KIND_ADMIN2) and gaz.admin1_of(c) is not None


def _after_town(m: _Match, toks: _Tokens) -> bool:
    """Whether an abbreviated state follows a town and a comma, with its dot: "SPRINGFIELD, ILL."."""
    return (
        m.i > 0 and _spelled(m, toks).endswith(".") and toks.text[toks.end[m.i - 1] : toks.start[m.i]] == ", "
    )


def _spelled(m: _Match, toks: _Tokens, *, dot: bool = True) -> str:
    """The name as written, with a closing dot if one follows ("U.S.", "Ky.") unless ``dot`` is False."""
    end = toks.end[m.j]
    if dot and toks.text[end : end + 1] == ".":
        end += 1
    return toks.text[toks.start[m.i] : end]


def find_toponyms(
    text: str, gazetteer: Gazetteer, *, embedded: bool = False, hints: Mapping[str, float] | None = None
) -> list[PlaceMention]:
    """Place names in ``text`` with their offsets, each resolved to a ``Place``.

    ``text[m.start:m.end] == m.text`` for every mention, in text order. A mention covers the name and
    a place word that follows it ("Anbar province", "Niger State"). Names the evidence does not support
    (common words, demonyms, parts of organisations' or people's names) are left out. Proper names the
    gazetteer lacks come back unresolved (``place`` None) where a place word makes them places ("Katarko
    village", "the village of Kafr Naya", "Desire Street"); in ALL CAPS text there are none.

    ``hints`` are countries (ISO3) the text is about by other evidence than its place names, with a weight
    in the units of a named country's (1.0): the countries of the actors it names ("Malian soldiers", the
    Taliban). They weigh in the reading as the text's own places do (from half a named country's weight
    on, the country is one the text is about), but anchor nothing in ALL CAPS text, where only names do.

    With ``embedded``, the toponyms inside the names of organisations, teams, newspapers and agreements
    ("The Washington Post", "Houston Rockets", "Bank of Mexico") come back too, resolved in the
    document's context but flagged ``literal=False``; they add nothing to that context, so the literal
    mentions are the same either way.
    """
    if not text:
        return []
    gaz = gazetteer
    toks = _tokenize(text)
    mode = _case_mode(toks)
    skipped: list[tuple[int, int]] | None = [] if embedded else None
    matches = _find_matches(toks, gaz, mode, skipped)
    inside = _inside_phrases(toks, gaz, mode, skipped) if skipped else []
    if not matches and not inside and mode != _MIXED:
        return []  # (in mixed case a place word may still make a name the gazetteer lacks a place)
    for m in itertools.chain(matches, inside):
        _annotate(m, toks)
    # A rural unit's word after a name ("HORCONES DE BERLIN CANTON") is no town of its own (Canton,
    # Guangzhou); between the name and its parent it is one of the words a hierarchy may hold.
    units = {
        m.end_tok + 1
        for m in matches
        if m.end_tok + 1 < len(toks) and toks.fold[m.end_tok + 1] in _LOCAL_UNITS
    }
    if units:
        matches = [m for m in matches if m.i not in units]
    # A name seen as part of a person's name ("Bill Clinton") stays a person elsewhere in the text
    # ("Clinton arrived") unless a preposition makes it a location ("in Clinton").
    person_like: set[str] = set()
    kept: list[_Match] = []
    named_in: list[_Match] = inside  # toponyms inside names of things that are not places
    parents = _parent_starts(matches, gaz, toks)
    for m in matches:
        why = _org_or_person(m, toks, mode, gaz, parents)
        if why is None:
            (named_in if _names_institution(m, toks, gaz) else kept).append(m)
        elif why == "person" and gaz.kind(m.ids[0]) == KIND_TOWN and gaz.population(m.ids[0]) < 100_000:
            person_like.add(m.key)
        elif embedded and (why in ("org", "currency") or (why == "name" and _opens_org_name(m, toks, gaz))):
            named_in.append(m)
    parent_at = {m.i: m for m in kept if gaz.kind(m.ids[0]) in (KIND_COUNTRY, KIND_ADMIN1)}
    matches = [
        m
        for m in kept
        if m.key not in person_like or _placed(m, toks, parent_at) or m.designator is not None or m.hierarchy
    ]
    named_in = [m for m in named_in if m.key not in person_like] if embedded else []
    capital_bonus = _capital_memo(gaz)
    for m in itertools.chain(matches, named_in):
        if m.designator == "admin":
            m.ids = [c for c in m.ids if gaz.kind(c) != KIND_TOWN] or m.ids
        _prefer_governed(m, gaz, toks)
        _prefer_capital_town(m, gaz, toks, capital_bonus)
    _link_hierarchy(matches, toks, gaz)

    # Names that appear capitalized mid-sentence somewhere vouch for the same name at a sentence start.
    mid_caps = {m.key for m in matches if not toks.sent_start[m.i] and toks.raw[m.i][0].isupper()}

    # First reading: countries and admin1s named outright set the scene.
    countries: dict[str, float] = defaultdict(float)
    admin1s: set[tuple[str, str]] = set()
    for m in matches:
        top = m.ids[0]
        if (
            gaz.kind(top) == KIND_COUNTRY
            and m.key not in gaz.demonyms
            and m.key not in gaz.common_words
            and not (mode != _MIXED and m.key in _WORDLIKE_ALIASES)
        ):
            countries[gaz.iso3_of(top) or ""] += 1.0
    named = set(countries)
    for hinted, weight in (hints or {}).items():
        countries[hinted] += weight
    anchors: set[str] = named
    chosen: list[tuple[_Match, int]] = []
    # The names that no reading can make a place are not read at all (half of the names in ALL CAPS
    # copy, where every common word a town bears is a candidate): see _never_a_place.
    readable = [m for m in matches if not _never_a_place(m, mode, gaz)]
    first = _Reading(countries, admin1s, Counter(), {})
    for m in readable:
        best = first.resolve(m, gaz, toks)
        if _accept(m, best, toks, gaz, mode, countries, mid_caps, anchors):
            chosen.append((m, best))
    # In ALL CAPS copy, the country the text is filed from ("SAN SALVADOR, 22 NOV 89"): a bare word that
    # is a town elsewhere is more likely a surname there (see _accept_caps).
    dateline = next((gaz.iso3_of(c) for m, c in chosen[:1] if mode == _CAPS and _is_dateline(m, toks)), None)
    scene: frozenset[str] | None = None

    # Second and third readings: everything accepted counts as context, then every name is resolved
    # again (a town read right the second time can set the scene for its neighbours the third time).
    # The towns the first reading found, for spatial minimality across borders (see _resolve).
    near = tuple(dict.fromkeys((m.key, c) for m, c in chosen if _is_local(gaz, c)))
    for _ in range(2):
        reading = _Reading.of(chosen, gaz, near)
        for hinted, weight in (hints or {}).items():
            reading.countries[hinted] += weight
        anchors = named | _anchored(chosen, gaz)
        if dateline is not None:
            scene = frozenset({dateline}) | _placed_in(chosen, gaz, toks)
        elif mode == _CAPS:
            # Filed from no place ("CLANDESTINE, 15 JUN 89 (RADIO VENCEREMOS)"): the countries the text
            # puts things in set the scene alone, where it puts anything anywhere.
            scene = _placed_in(chosen, gaz, toks) or None
        read: list[tuple[_Match, int]] = []
        for m in readable:
            best = reading.resolve(m, gaz, toks)
            if _accept(m, best, toks, gaz, mode, reading.countries, mid_caps, anchors, scene):
                read.append((m, best))
        settled = _same_readings(read, chosen)
        chosen = read
        if settled:
            # The next reading would start from the same context as this one and read the same: most
            # texts settle after the second reading.
            break
    # The third reading is the last: the names it accepted, as it read them, are the mentions.
    countries, admin1s = reading.countries, reading.admin1s
    # The provinces the text is set in: those named, and those of the cities it names.
    settings = admin1s | {
        (iso3, admin1)
        for _, c in chosen
        if gaz.kind(c) == KIND_TOWN
        and gaz.population(c) >= _SETTING_POPULATION
        and (iso3 := gaz.iso3_of(c)) is not None
        and (admin1 := gaz.admin1_of(c)) is not None
    }
    set_in = {iso3 for iso3, _ in settings}
    chosen = _follow_parents(chosen, gaz, toks)
    counties = _counties_by_short_name(chosen, gaz)
    if counties:
        chosen = [(m, _as_county(m, c, counties, gaz)) for m, c in chosen]
    home = _placed_by_parent(chosen, gaz, toks)
    chosen, strays = _bring_home(chosen, gaz, toks, home or _towns_country(chosen, gaz), towns_only=not home)
    mentions = [
        _mention(m, best, toks, gaz)
        for m, best in chosen
        if not _stray_hamlet(m, best, gaz, settings, set_in)
    ]
    mentions += [_mention(m, None, toks, gaz) for m in strays]
    mentions.sort(key=lambda p: p.start)
    if mode == _MIXED:
        unknown = _unknown_places(toks, mentions, gaz)
        # Once more with those: a name whose parent the gazetteer lacks too ("Piegou (Tansarga, Tapoa)").
        if unknown:
            known = sorted(mentions + unknown, key=lambda p: p.start)
            unknown += _unknown_places(toks, known, gaz)
        mentions.extend(unknown)
        mentions.sort(key=lambda p: p.start)
    mentions = _under_parents(mentions, text, gaz)
    # Toponyms inside names are read in the context the literal places set, and add none of their own.
    if named_in:
        unknown = [p for p in mentions if p.place is None]
        said = _literal_senses(chosen)
        for m in named_in:
            best = said.get(m.key, -1)
            if best < 0:
                best = _as_county(m, _resolve_inside(m, gaz, toks, reading), counties, gaz)
            if _accept(
                m, best, toks, gaz, mode, reading.countries, mid_caps, anchors, scene
            ) and _known_inside(m, best, gaz, reading.countries):
                found = _mention(m, best, toks, gaz, literal=False)
                if not any(p.start < found.end and found.start < p.end for p in unknown):
                    mentions.append(found)
    mentions.sort(key=lambda p: p.start)
    return mentions


def _mention(
    m: _Match, best: int | None, toks: _Tokens, gaz: Gazetteer, *, literal: bool = True
) -> PlaceMention:
    text = toks.text
    start, end = toks.start[m.i], toks.end[m.end_tok]
    if text[end : end + 1] == "." and (
        len(toks.raw[m.end_tok]) == 1 or _spelled(m, toks) in gaz.case_sensitive_keys.get(m.key, ())
    ):
        end += 1  # "U.S.", "Ky."
    place = None if best is None else gaz.place(best)
    return PlaceMention(start=start, end=end, text=text[start:end], place=place, literal=literal)


# -- toponyms inside names -------------------------------------------------------------------------

# Words that end the names of organisations, events and agreements: after a place's name they make it
# part of such a name ("Venice Commission", "Cavan Sustainable Energy Group", "Lima Declaration"), where
# other capitalized words more often make it a person's given name ("Charlotte Smith").
_ORG_WORDS: Final = _INSTITUTIONS | frozenset(
    _words(
        """
    company corporation corp inc ltd plc group bank trust foundation fund council union league alliance
    congress tribunal ministry department office organization organisation dialogue forum festival
    cup championship championships awards award prize agreement accord accords declaration treaty
    convention protocol summit conference press radio television tv network racing party
    """
    )
)
_MAX_NAME_WORDS: Final = 5

# Capitalized words after a well-known place that make it part of the name of a newspaper, a team or
# an airline ("The Toronto Star", "New York Rangers", "Kenya Airways"): the name says nothing of where
# the text is set. Other institutions ("Toronto Transit Commission", "Abuja Chamber of Commerce") work
# in the place and stay literal.
_NON_LOCAL_HEADS: Final = frozenset(
    _words(
        """
    times post herald tribune journal gazette star chronicle examiner observer courier telegraph
    airlines airways rangers united wanderers rovers athletic fc
    """
    )
)

# Words of a phrase that name a geographic feature: "Gulf of Aden", "Congo River" are places the
# gazetteer lacks, not names of organisations, and the names inside them are not toponyms of their own.
_FEATURE_WORDS: Final = frozenset(_words("river sea gulf ocean bay lake strait canal"))


def _resolve_inside(m: _Match, gaz: Gazetteer, toks: _Tokens, reading: _Reading) -> int:
    """A name inside an organisation's name is read among the countries of the text, not its provinces
    or towns: "the Portland Trail Blazers" beside Houston and Texas are Oregon's, "West Surrey Racing"
    in a British text is England's. Only a small town is read in the text's provinces too ("The
    Allendale Woman's Club" of New Jersey)."""
    best = _resolve(m, gaz, toks, reading.countries, set())
    if gaz.kind(best) != KIND_TOWN or gaz.population(best) >= _SETTING_POPULATION:
        return best
    return reading.resolve(m, gaz, toks)


def _known_inside(m: _Match, best: int, gaz: Gazetteer, countries: dict[str, float]) -> bool:
    """Whether a name inside an organisation's name is the place ``best``: a well-known place, or a town
    of a country the text is about ("The Allendale Woman's Club" in a text about New Jersey), by its own
    name ("Fox News" is not Victor, Idaho, once called Fox; "Commerce Ministry" in China is no
    Texan town)."""
    if gaz.kind(best) != KIND_TOWN or gaz.population(best) >= _SETTING_POPULATION:
        return True
    return (
        best not in m.alternates
        and m.key not in gaz.common_words
        and countries.get(gaz.iso3_of(best) or "", 0.0) >= 0.5
    )


def _names_institution(m: _Match, toks: _Tokens, gaz: Gazetteer) -> bool:
    """Whether the name opens a newspaper's, a team's or an airline's name ("The Washington Times")."""
    nxt = m.end_tok + 1
    return (
        m.designator is None
        and nxt < len(toks)
        and toks.joins[nxt]
        and not toks.sent_start[nxt]
        and toks.raw[nxt][0].isupper()
        and toks.fold[nxt] in _NON_LOCAL_HEADS
        and _well_known(m, gaz)
    )


def _opens_org_name(m: _Match, toks: _Tokens, gaz: Gazetteer) -> bool:
    """Whether the capitalized words after the name make it an organisation's: one of them is an
    organisation's word ("Venice Commission", "Bank of Valletta plc"), or, after "the" and a well-known
    place, a plural ends them (a team: "the Houston Rockets", "the Portland Trail Blazers"; without
    "the", "Tyler Williams" is a person)."""
    n = len(toks)
    k = m.end_tok + 1
    last = None
    while k < n and k <= m.end_tok + _MAX_NAME_WORDS and not toks.sent_start[k]:
        raw, fold = toks.raw[k], toks.fold[k]
        if not toks.joins[k] and not _possessive(toks, k):
            break  # a possessive goes on: "The Allendale Woman's Club"
        if not raw[0].isupper() and fold not in ("of", "s"):
            break
        if fold in _ORG_WORDS:
            return True
        last = k
        k += 1
    if (
        last is None
        or m.i == 0
        or toks.fold[m.i - 1] != "the"
        or not _well_known(m, gaz)
        or m.key in _NAME_LIKE_ADMIN1S
        or m.key in _NAME_LIKE_COUNTRIES
    ):
        return False
    word = toks.raw[last]
    return word[-1] == "s" and word[-2:] not in ("ss", "us") and toks.fold[last] not in gaz.demonyms


def _inside_phrases(
    toks: _Tokens, gaz: Gazetteer, mode: int, spans: Sequence[tuple[int, int]]
) -> list[_Match]:
    """The gazetteer's names inside the phrases that are not places ("Washington" in "Washington Post",
    "Iraq" in "Islamic State of Iraq"), each within its phrase."""
    out: list[_Match] = []
    for first, last in spans:
        if any(toks.fold[t] in _FEATURE_WORDS for t in range(first, last + 1)):
            continue
        k = first
        while k <= last:
            found = _longest(toks, k, mode, gaz) if _can_start(toks, k, mode) else None
            if found is None or found[0] > last:
                k += 1
                continue
            j, key, ids = found
            # The head of the phrase is no place ("Bank" of "Bank of America"), nor is the whole phrase
            # where it is also a town's name ("White House", Tennessee); the European Union is Europe's.
            whole = (k, j) == (first, last)
            if (
                key not in _ORG_WORDS
                and key not in _ORG_HEADS
                and not (whole and gaz.kind(ids[0]) == KIND_TOWN)
            ):
                out.append(
                    _Match(i=k, j=j, key=key, ids=list(ids), end_tok=j, alternates=gaz.alternate_ids(key))
                )
            k = j + 1
    return out


# -- places the gazetteer lacks --------------------------------------------------------------------

# Words after a proper name that make it a place ("Desire Street", "Handarat Refugee Camp", "Katarko
# village", "the Rangae district").
_PLACE_HEADS: Final = frozenset(
    _words(
        """
    street avenue road boulevard lane square highway district village villages camp airport airbase farms
    mountains mountain hills river valley gorge bridge neighbourhood neighborhood suburb township
    governorate province region crossing quarter springs oasis checkpoint
    """
    )
)
# Buildings and grounds: the last word of a capitalized name that makes the name a place ("Barclays
# Center", "Altnagelvin Hospital", "Glenrock Lagoon"). Unlike _PLACE_HEADS they count only inside the
# name: "the Mosul hospital" is a hospital in Mosul.
_FACILITY_HEADS: Final = frozenset(
    _words(
        """
    hospital church cathedral mosque temple synagogue stadium arena centre center theatre theater museum
    gallery hall park prison palace tower lagoon bay island peninsula beach harbour harbor
    """
    )
)
# First words of a capitalized name that make it a place ("Lake Titicaca", "Fort Detrick", "Mount
# Chaambi", "Cape Peron").
_PLACE_OPENERS: Final = frozenset(_words("lake mount mt fort cape"))
# Words before "of" that make the proper name after it a place ("the village of Kafr Naya").
_PLACE_OF: Final = frozenset(
    _words(
        """
    town village city district suburb neighbourhood neighborhood province region area camp hamlet
    municipality governorate outskirts township
    """
    )
)


# A parent written after a name the gazetteer lacks: after a comma or in brackets ("in Kelbo, Soum",
# "Chikun LGA (Kaduna)"), not after "in" or "of", which follow people's names as often.
_NAME_THEN_PARENT: Final = re.compile(r"(?:\s+(?:LGA|lga|district|village|town))?(?:\s*,\s*|\s*\(\s*)")


def _parent_follows(toks: _Tokens, j: int, by_start: dict[int, PlaceMention], *, bracket_only: bool) -> bool:
    """Whether a parent place is named right after token ``j`` ("Kelbo, Soum", "Piegou (Tansarga"):
    a resolved place, or in brackets a name the text already calls a place."""
    gap = _NAME_THEN_PARENT.match(toks.text, toks.end[j])
    after = by_start.get(gap.end()) if gap else None
    if after is None or gap is None:
        return False
    bracket = "(" in gap.group(0)
    if after.place is None or bracket_only:
        return bracket
    return after.place.feature_code != "RGN"


def _unknown_places(toks: _Tokens, found: list[PlaceMention], gaz: Gazetteer) -> list[PlaceMention]:
    """Proper names the gazetteer lacks that the text itself calls places, unresolved (``place`` None).

    Villages under 500 people, neighbourhoods, streets and camps are where much news happens: "the
    village of Kafr Naya", "Katarko village", "along Atlantic Avenue". Only a place word before ("the
    town of") or after ("village", "Street") makes such a name a place; nothing is guessed about where
    it lies.
    """
    n = len(toks)
    covered = [False] * n
    by_start = {p.start: p for p in found}
    k = 0
    for p in found:
        while k < n and toks.end[k] <= p.start:
            k += 1
        j = k
        while j < n and toks.start[j] < p.end:
            covered[j] = True
            j += 1
    out: list[PlaceMention] = []
    k = 0
    while k < n:
        raw = toks.raw[k]
        if (
            covered[k]
            or not raw[0].isupper()
            or raw.isupper()
            or (toks.fold[k] in _NEVER_ALONE and toks.fold[k] not in _PLACE_OPENERS)
        ):
            k += 1
            continue
        # A run of capitalized words (with "al-", "de" inside): one proper name.
        j = k
        while (
            j + 1 < n
            and not covered[j + 1]
            and toks.joins[j + 1]
            and (toks.raw[j + 1][0].isupper() or toks.fold[j + 1] in _CONNECTORS)
        ):
            j += 1
        while j > k and toks.fold[j] in _CONNECTORS:
            j -= 1
        end_tok, cued = j, False
        head = toks.fold[j]
        if (head in _PLACE_HEADS or head in _FACILITY_HEADS or toks.fold[k] in _PLACE_OPENERS) and j > k:
            cued = True  # "Desire Street", "Handarat Refugee Camp"
        elif j + 1 < n and toks.joins[j + 1] and not covered[j + 1] and toks.raw[j + 1].islower():
            cued = toks.fold[j + 1] in _PLACE_HEADS  # "Katarko village", "the Rangae district"
        if not cued and k >= 2 and toks.fold[k - 1] == "of" and not toks.sent_start[k - 1]:
            cued = toks.fold[k - 2] in _PLACE_OF  # "the village of Kafr Naya"
        if not cued and j + 1 < n and toks.fold[j + 1] == "lga" and toks.joins[j + 1]:
            cued = True  # Nigeria's local government areas: "Chikun LGA"
        if not cued and k >= 1 and not toks.sent_start[k]:
            # "in Boulemporo (Barani, Kossi)", "near Kelbo, Soum", "between X (Y, Z) and Boulikessi
            # (Douentza, Mopti)": a parent named next makes it a place; and "(Tansarga, Tapoa)": the
            # first name in brackets after a place is that place's parent. After "of" or "and" a
            # comma is too weak ("Jodi Mahler of Bellmore", "Ministry of Information, Abuja").
            prev, opened = toks.fold[k - 1], toks.text[toks.end[k - 1] : toks.start[k]].endswith("(")
            if prev in _PLACING or opened:
                cued = _parent_follows(toks, j, by_start, bracket_only=False)
            elif prev in ("and", "between"):
                cued = _parent_follows(toks, j, by_start, bracket_only=True)
        first = toks.fold[k]
        if (
            cued
            and not (toks.sent_start[k] and first in gaz.common_words)
            and first not in _TITLES
            and first not in gaz.demonyms
            and not (k >= 1 and toks.fold[k - 1] in _TITLES)
        ):
            start, end = toks.start[k], toks.end[end_tok]
            out.append(PlaceMention(start=start, end=end, text=toks.text[start:end], place=None))
        k = j + 1
    return out


# -- places read through the parent named after them -----------------------------------------------

# Between a place and its parent: "Pisky, Donetsk", "Boulemporo (Barani", "Bulani village of Zhari",
# "Chikun LGA (Kaduna", "Zari district center, Balkh".
_PARENT_GAP: Final = re.compile(
    r"(?:\s+(?:village|town|hamlet|city|district|province|department|region|raion|rayon|county|commune|"
    r"municipality|LGA|area|center|centre|neighbou?rhood|suburb|quarter|barrio|colonia|canton|caserio))?"
    # "the San Antonio Abad neighborhood in northwestern San Salvador": a direction before the parent
    r"(?:\s*,\s*|\s*\(\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+(?=\w))?)",
    re.IGNORECASE,
)
# After a parent, another name: the two were a list ("Mosul, Anbar and Basra"), not a place and its parent.
_LIST_GOES_ON: Final = re.compile(
    r"(?:\s+(?:province|governorate|state|region|district|county|department|oblast))?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]"
)
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _list_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends in a letter and a comma, spaces aside ("Mosul, Anbar"): a list goes on
    there. Read backwards from ``end``: a regex search for it would read the whole text before each
    mention, and a long text of many lists would cost the square of its length."""
    k = end
    while k and text[k - 1].isspace():
        k -= 1
    if not k or text[k - 1] != ",":
        return False
    k -= 1
    while k and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in _ASCII_LETTERS


# After the name that follows a comma, a verb of saying or a possessive: it is a speaker ("Israel said"),
# not the place's parent.
_SPEAKS: Final = re.compile(
    r"(?:['’]s\b|\s+(?:said|says|say|claimed|claims|reported|reports|announced|stated|told|added|denied|"
    r"accused|confirmed|insisted|warned))"
)


def _under_parents(mentions: list[PlaceMention], text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Places read through the parent the text names after them ("Pisky, Donetsk", "Boulemporo (Barani,
    Kossi)", "Komo in Chikun LGA (Kaduna)").

    A name the gazetteer lacks becomes a place in its parent: the parent's country, admin1 and admin2
    and its point, with the parent's precision (3 under an admin1 or a country, 2 under an admin2 or
    beside a town: ACLED's "part of a region" or "near a town"). A town the gazetteer knows only
    elsewhere (Pisky in Poltava, where the text says Donetsk) gives way the same way: the text's own
    parent outweighs a namesake far away (its namesakes in the parent won already, in _link_hierarchy).
    Mentions are read from the last, so a parent read so itself passes its parent on ("Boulemporo"
    under "Barani" under "Kossi"). A parent that goes on as a list ("Mosul, Anbar and Basra") is none.
    """
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        parent = b.place
        if parent is None or not a.literal or not b.literal or parent.feature_code == "RGN":
            continue
        parent = _province_named(parent, gaz)
        gap = _PARENT_GAP.match(text, a.end)
        if gap is None or gap.end() != b.start:
            continue
        paren = "(" in gap.group(0)
        if parent.feature_code == "PCLI" and not ("," in gap.group(0) or paren):
            continue  # "the statue of St. Gregory of Narek in Vatican": a town abroad, then where it is
        if not paren and (_LIST_GOES_ON.match(text, b.end) or (k > 0 and _list_before(text, a.start))):
            continue
        if parent.is_site and not (paren or (parent.feature_code == "PPL" and parent.geonames_id is None)):
            continue  # "Paris, London": a town after a comma is a list's next town, not a parent
        if parent.feature_code == "ADM1" and _LOWER_UNIT_AFTER.match(text, b.end):
            continue  # "Petare, Sucre municipality": a municipality named like a state, not the state
        if _SPEAKS.match(text, b.end):
            continue  # "in Beit Lahia, Israel said": the name after the comma is who said it
        place = a.place
        if place is not None and (
            not place.is_site
            or place.geonames_id is None
            or (place.population >= _SETTING_POPULATION and not _town_abroad(place, parent, paren))
            or _agrees(place, parent, b.text, gaz)
        ):
            continue
        namesake = _namesake_in(a.text, parent, gaz)
        if namesake is None and place is not None and parent.feature_code == "PCLI" and not paren:
            continue  # a known town is moved into a country after a comma only where it has a namesake
        out[k] = replace(a, place=namesake or _inside(_written_name(a.text), parent))
    return out


def _town_abroad(place: Place, parent: Place, paren: bool) -> bool:
    """Whether a city gives way to the town in brackets after it, in another country ("Hyderabad city
    (Hyderabad, Sindh)", "Mandoli (Bandiagara, Mopti)"): ACLED writes a place's own district there.
    Not a national capital ("Lome city (Golfe, Maritime)" with Golfe read in Angola), and not for a
    province or a country in brackets, which are read wrong more often ("Minna (Chanchaga LGA, Niger)")."""
    known = parent.is_site and parent.geonames_id is not None  # not a name read through its own parent
    return paren and known and place.iso3 != parent.iso3 and place.feature_code != "PPLC"


def _namesake_in(name: str, parent: Place, gaz: Gazetteer) -> Place | None:
    """The most populous town called ``name`` (its place word aside) within ``parent``, or None."""
    name = _without_place_word(name)
    if parent.iso3 is None:
        return None
    found = [
        c
        for c in gaz.candidate_ids(name, iso3=parent.iso3)
        if gaz.kind(c) == KIND_TOWN
        and (parent.feature_code == "PCLI" or parent.admin1 is None or gaz.admin1_of(c) == parent.admin1)
    ]
    return gaz.place(max(found, key=gaz.population)) if found else None


_LOWER_UNIT_AFTER: Final = re.compile(
    r"\s+(?:municipality|district|county|commune|department|raion|rayon|lga|LGA|sub-?district)\b"
)


def _agrees(place: Place, parent: Place, parent_text: str, gaz: Gazetteer) -> bool:
    """Whether a town lies in the parent named after it, as the parent was read or as any unit of the
    parent's name in the town's country ("La Plata (Buenos Aires)": the province, not the capital;
    "Kagara, Niger": Nigeria's Niger State, not the country)."""
    if place.iso3 == parent.iso3 and (
        parent.feature_code == "PCLI" or parent.admin1 is None or place.admin1 == parent.admin1
    ):
        return True
    return any(
        gaz.kind(c) in (KIND_ADMIN1, KIND_ADMIN2) and gaz.admin1_of(c) == place.admin1
        for c in gaz.candidate_ids(parent_text, iso3=place.iso3)
    )


def _province_named(place: Place, gaz: Gazetteer) -> Place:
    """As a parent, a town named like its province stands for the province: "Pisky, Donetsk" and
    "Komo (Kaduna)" name Donetsk oblast and Kaduna state, not their capitals."""
    if not place.is_site or place.admin1 is None or name_key(place.name) != name_key(place.admin1):
        return place
    return gaz.admin1(place.admin1, place.iso3) or place


def _written_name(text: str) -> str:
    """A name the gazetteer lacks as a place's name: in ALL CAPS text without its place word and in
    title case ("LAS VUELTAS VILLAGE" is Las Vueltas), elsewhere as written."""
    name = " ".join(text.split())
    if not name.isupper():
        return name
    return " ".join(w.capitalize() for w in _without_place_word(name).split())


def _without_place_word(name: str) -> str:
    """``name`` without the place word that ends it ("Las Vueltas village" is Las Vueltas)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in TOWN_WORDS | ADMIN_WORDS:
        return " ".join(words[:-1])
    return name


def _inside(name: str, parent: Place) -> Place:
    """A place called ``name`` somewhere in ``parent``: the parent's units and point, the parent's
    precision (at best 2: a village placed by its parent is not placed to the town)."""
    country_wide = parent.feature_code == "PCLI"
    return Place(
        name=name,
        country=parent.country,
        iso3=parent.iso3,
        admin1=None if country_wide else parent.admin1,
        admin2=None if country_wide else parent.admin2,
        latitude=parent.latitude,
        longitude=parent.longitude,
        geonames_id=None,
        feature_class="P",
        feature_code="PPL",
        population=0,
        precision=max(2, parent.precision),
    )
