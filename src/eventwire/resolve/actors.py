"""The actor registry: who a phrase in the news names, written the way ACLED names actors.

:class:`ActorRegistry` reads ``eventwire/data/actors.json`` (its ``_about`` documents the format), then
an optional user file of the same shape that adds entries or replaces them by name. It recognizes
three kinds of actor phrase in a sentence:

* **named actors** by alias: "ISIS fighters", "al-Shabaab", "SHINING PATH", "FMLN URBAN COMMANDOS";
* **state forces** from a country word and a force noun: "Iraqi commandos", "U.S. soldiers",
  "Mali's army", "the army of Mali", "Kenyan police", or a bare "security forces" / "police" that
  takes the sentence's country → "Military Forces of Iraq", "Police Forces of Kenya" (inter 1);
* **generic actors**: "gunmen" → "Unidentified Armed Group (Nigeria)" (3), "protesters" →
  "Protesters (Chile)" (6), "a mob" → "Rioters (India)" (5), "villagers" → "Civilians (Mali)" (7);
  a nationality in front sets the country ("Malian civilians").

Conventions of :meth:`ActorRegistry.find`:

* Offsets are absolute into ``text``. A mention never includes a leading determiner ("the"), and
  includes a possessive ("Mali's army") and a group noun after a named actor ("ISIS fighters").
* Coordinated nationalities give one mention per country. The last one spans nationality to head
  noun, the earlier ones span their nationality word only: "American and Iraqi commandos" →
  "American" (Military Forces of the United States) and "Iraqi commandos" (Military Forces of Iraq).
* A state-force phrase with no nationality and no ``country`` gives no mention: "Military Forces of"
  whom is unknown. A generic actor with no country is named without the parenthesis ("Protesters").
* ``Actor.kind`` says what sort of phrase it was: ``military``, ``police`` (state forces); ``rebel``,
  ``militia``, ``cartel``, ``gang``, ``external`` ... (named actors); ``unidentified`` ("gunmen"),
  ``insurgents`` ("jihadists", "militants": a caller that sees a named group nearby should prefer
  it), ``gang``, ``protesters``, ``rioters``, ``civilians`` (generic actors).

Case is evidence. In mixed-case text a name needs a capital somewhere ("turkey" is a bird), an alias
written in capitals must be written so ("IS" but not the verb "is", "US" but not "us"), and a
capitalized word just before "Army"/"Forces" makes them part of another name ("Salvation Army").
In ALL-CAPS wire text that evidence is gone, so aliases marked ``context`` (such as "IS") count only
next to a group noun ("IS FIGHTERS") or after "THE".

Matching is one pass over the sentence's tokens with token tries built at load time; no alias is
tried one by one at find time.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventwire.errors import ConfigError, ResolutionError
from eventwire.models.actor import Actor, ActorMention

__all__ = ["ActorRegistry"]

# ---------------------------------------------------------------------------------------------------
# The file format (validated at the edge; the matcher below works on plain tuples and dicts)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _AliasSpec(_Strict):
    text: str = Field(min_length=1)
    context: Literal["caps", "always"] | None = None


class _ActorSpec(_Strict):
    name: str = Field(min_length=1)
    inter: int | None = Field(default=None, ge=1, le=8)
    country: str | None = None
    kind: str | None = None
    aliases: list[str | _AliasSpec] = Field(default_factory=list)
    branches: dict[str, str] = Field(default_factory=dict)


class _CountrySpec(_Strict):
    name: str = Field(min_length=1)
    the: bool = False
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)


class _TemplateSpec(_Strict):
    name: str = Field(min_length=1)
    inter: int | None = Field(default=None, ge=1, le=8)


class _UnitSpec(_Strict):
    name: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    phrases: list[str] = Field(default_factory=list)


class _ForcesSpec(_Strict):
    templates: dict[str, _TemplateSpec] = Field(default_factory=dict)
    heads: dict[str, list[str]] = Field(default_factory=dict)  # kind -> head phrases
    needs_nationality: list[str] = Field(default_factory=list)
    modifiers: dict[str, list[str]] = Field(default_factory=dict)  # kind or "neutral" -> words
    blockers: list[str] = Field(default_factory=list)
    units: list[_UnitSpec] = Field(default_factory=list)


class _GenericClassSpec(_Strict):
    name: str = Field(min_length=1)
    inter: int | None = Field(default=None, ge=1, le=8)
    kind: str = Field(min_length=1)
    nouns: list[str] = Field(default_factory=list)


class _GenericSpec(_Strict):
    modifiers: list[str] = Field(default_factory=list)
    classes: list[_GenericClassSpec] = Field(default_factory=list)


class _IdentityGroupSpec(_Strict):
    name: str = Field(min_length=1)  # as ACLED writes it in "Tiv Ethnic Militia (Nigeria)"
    aliases: list[str] = Field(default_factory=list)  # other spellings: "Peul", "Fula" for Fulani


class _IdentityMilitiaSpec(_Strict):
    name: str = "{group} Ethnic Militia ({country})"
    inter: int = Field(default=4, ge=1, le=8)
    nouns: list[str] = Field(default_factory=list)  # what armed men of a group are called: "militiamen"
    groups: list[_IdentityGroupSpec] = Field(default_factory=list)


class _RegistryFile(_Strict):
    about: list[str] = Field(default_factory=list, alias="_about")
    version: Literal[1] = 1
    actors: list[_ActorSpec] = Field(default_factory=list)
    countries: list[_CountrySpec] = Field(default_factory=list)
    group_nouns: list[str] = Field(default_factory=list)
    group_modifiers: list[str] = Field(default_factory=list)
    stop_phrases: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
    forces: _ForcesSpec = Field(default_factory=_ForcesSpec)
    generic: _GenericSpec = Field(default_factory=_GenericSpec)
    identity_militias: _IdentityMilitiaSpec = Field(default_factory=_IdentityMilitiaSpec)


# ---------------------------------------------------------------------------------------------------
# Tokens

# One token: a dotted abbreviation ("U.S.", "U.N."), a possessive ("'s"), or a word with apostrophes
# inside ("Jama'atu", "Qa'ida") but not before a possessive s ("Mali" + "'s"). Hyphens and spaces
# separate tokens, so "al-Shabaab", "al Shabaab" and "Al-Shabaab" all read as "al shabaab".
_APOS = "'’‘ʼʻ`"
_TOKEN_RE = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}|[{_APOS}][sS]\b|[^\W_]+(?:[{_APOS}](?![sS]\b)[^\W_]+)*",
)
# The same tokens as _TOKEN_RE, split out with the text between them; where the text is ASCII, the
# ASCII reading of the classes ([^\W_] is [A-Za-z0-9] there), which the regex engine tries faster.
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
# Written to open with the class of a token's first character, whatever the reading (then the token's
# first character decides it): the engine skips in C the characters none opens with, the spaces and
# punctuation between tokens, where it tries the three readings at each one otherwise.
_ASCII_SPLIT_RE = re.compile(
    r"([A-Za-z0-9'`](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|(?<=['`])[sS]\b|(?<=[A-Za-z0-9])[A-Za-z0-9]*"
    r"(?:['`](?![sS]\b)[A-Za-z0-9]+)*))"
)
_POSSESSIVE = "'s"
_STRIP = str.maketrans("", "", "." + _APOS)
# What may stand between two tokens of one phrase. A comma or a dot ends a phrase; brackets and
# slashes end one too, except inside a name ("CPI (Maoist)", "SPLM/A-IO").
_JOINERS = " \t\n\r-‐‑'’\"“”"
_NAME_JOINERS = _JOINERS + "()/"
_DETERMINERS = frozenset({"the", "a", "an"})
_CONJUNCTIONS = frozenset({"and", "or"})
_OWNER_PRONOUNS = frozenset({"its", "their"})
_STATE_KINDS = frozenset({"military", "police"})
_REPORTING = frozenset(
    {"said", "says", "say", "told", "claimed", "claims", "reported", "announced", "stated"}
)
_REPORT_CLAUSE = _REPORTING | frozenset(
    {"that", "on", "late", "early", "earlier", "today", "yesterday", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "in", "a", "statement", "had", "have", "has"}
)  # fmt: skip
_BLOCKING_PREFIXES = frozenset({"anti", "pro", "counter"})  # "anti-ISIS coalition" is not ISIS
# Capitalized words that are not names of anything armed ("On Monday Police said").
_CALENDAR = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    }
)  # fmt: skip


def _fold_token(token: str) -> str:
    """The lookup key of one token: lower case, no dots, no apostrophes, no diacritics."""
    if token[0] in _APOS and token[1:].lower() == "s":
        return _POSSESSIVE
    key = token.lower().translate(_STRIP)
    if not key.isascii():
        key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode() or key
    return key


class _FoldMemo(dict[str, str]):
    """Token -> its key, each folded once per process (news repeats its words), forgotten all at once past
    65,536 tokens: a dict's own lookup of a known token costs a third of a cached function's call."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 1 << 16:
            self.clear()
        key = self[token] = _fold_token(token)
        return key


_fold = _FoldMemo().__getitem__


def _phrase_tokens(phrase: str) -> list[str]:
    return [m.group() for m in _TOKEN_RE.finditer(phrase)]


@dataclass(slots=True)
class _Tokens:
    """The tokens of one span of text, in parallel lists (cheaper than one object per token)."""

    keys: list[str]
    surfaces: list[str]
    starts: list[int]
    ends: list[int]
    joined: list[bool]  # the gap before token i holds only spaces/hyphens/quotes: it may continue a phrase
    loose: list[bool]  # the same, brackets and slashes allowed: it may continue a name
    comma: list[bool]  # the gap before token i is a comma: a list of nationalities may go on
    caps: bool  # the span is ALL-CAPS wire text: case tells nothing
    title: bool  # the span is a Title Case headline: capitals do not mark names

    @classmethod
    def of(cls, text: str, start: int, end: int, *, caseless: bool = False) -> _Tokens:
        span = text[start:end]  # the token pattern looks behind no token's start: a slice reads the same
        # [gap, token, gap, token, ..., gap]: the offsets are the running sums of the lengths.
        parts = (_ASCII_SPLIT_RE if span.isascii() else _SPLIT_RE).split(span)
        offsets = list(itertools.accumulate(map(len, parts), initial=start))
        surfaces = parts[1::2]
        starts = offsets[1:-1:2]
        ends = offsets[2::2]
        keys = list(map(_fold, surfaces))
        gaps = parts[0:-1:2]  # the text before each token
        # A span has a handful of distinct gaps (" ", ", ", "-"): each is read once, and the lists are
        # made by `map` rather than by a Python test per token.
        distinct = set(gaps)
        joined = list(map({gap: not gap.strip(_JOINERS) for gap in distinct}.__getitem__, gaps))
        loose = list(map({gap: not gap.strip(_NAME_JOINERS) for gap in distinct}.__getitem__, gaps))
        comma = list(map({gap: gap.strip() == "," for gap in distinct}.__getitem__, gaps))
        upper = lower = capital = 0
        for surface in surfaces:
            if surface.isupper():
                upper += 1
            elif not surface.isdigit():
                lower += 1
                capital += surface[0].isupper()
        words = upper + lower
        caps = caseless or (upper >= 2 and lower * 5 < upper)
        title = not caps and words >= 4 and (capital + upper) * 10 >= words * 7
        return cls(keys, surfaces, starts, ends, joined, loose, comma, caps, title)


# ---------------------------------------------------------------------------------------------------
# Token tries

_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class _Variant(Generic[_V]):
    """One way of writing a phrase: per-token exact spellings (None: any case), its guard, its value."""

    exact: tuple[str | None, ...]
    proper: bool  # a name: in mixed-case text, some token must hold a capital
    context: str | None
    value: _V


class _Node(Generic[_V]):
    __slots__ = ("children", "variants")

    def __init__(self) -> None:
        self.children: dict[str, _Node[_V]] = {}
        self.variants: list[_Variant[_V]] = []


class _Trie(Generic[_V]):
    """Phrases keyed by their folded tokens; a walk from one token yields every phrase that starts there."""

    def __init__(self) -> None:
        self.root: _Node[_V] = _Node()

    def add(self, phrase: str, value: _V, *, context: str | None = None) -> None:
        surfaces = _phrase_tokens(phrase)
        if not surfaces:
            return
        node = self.root
        for surface in surfaces:
            node = node.children.setdefault(_fold(surface), _Node())
        exact = tuple(s if _case_marked(s) else None for s in surfaces)
        # A name written with a capital needs one in mixed-case text; "security guards" does not.
        proper = phrase != phrase.lower()
        # A later entry written the same way replaces an earlier one: user files override.
        node.variants = [v for v in node.variants if (v.exact, v.proper) != (exact, proper)]
        node.variants.append(_Variant(exact, proper, context, value))

    def walk(self, toks: _Tokens, i: int, *, name: bool = False) -> list[tuple[int, _Node[_V]]]:
        """(end, node) for each phrase that starts at token i, shortest first."""
        out: list[tuple[int, _Node[_V]]] = []
        node = self.root
        keys, joined = toks.keys, toks.loose if name else toks.joined
        j, n = i, len(keys)
        while j < n and (j == i or joined[j]):
            child = node.children.get(keys[j])
            if child is None:
                break
            node = child
            j += 1
            if node.variants:
                out.append((j, node))
        return out

    def longest(self, toks: _Tokens, i: int) -> tuple[int, _V] | None:
        """The longest phrase at token i whose value is not checked for case (vocabulary, not names)."""
        found = self.walk(toks, i)
        if not found:
            return None
        end, node = found[-1]
        return end, node.variants[-1].value

    def first_keys(self) -> set[str]:
        return set(self.root.children)


def _case_marked(surface: str) -> bool:
    """An alias token written in capitals ("ISIS", "U.S.", "K") or with inner capitals ("LeT")."""
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return False
    return all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])


# ---------------------------------------------------------------------------------------------------
# What the tries hold


@dataclass(frozen=True, slots=True)
class _Named:
    """A named actor, or (actor None) a stop phrase that hides the words inside it."""

    actor: Actor | None
    templated: bool = False  # the name holds {country}: filled from the sentence
    branches: Mapping[str, Actor] | None = None  # by the sentence's country: the branch ACLED names


@dataclass(frozen=True, slots=True)
class _CountryRef:
    country: str
    is_name: bool  # a country's name ("Mali"), not its demonym ("Malian"): "the army of Mali"


@dataclass(frozen=True, slots=True)
class _Template:
    name: str
    inter: int | None
    kind: str


@dataclass(frozen=True, slots=True)
class _Hit:
    """One mention found, in token positions; the actor is resolved already."""

    first: int
    last: int  # exclusive
    actor: Actor
    named: bool = False  # found by a named actor's alias, not read from a description


# ---------------------------------------------------------------------------------------------------


class ActorRegistry:
    """Named actors, countries and the vocabulary of forces and generic actors, compiled for matching."""

    def __init__(self, data: _RegistryFile) -> None:
        self._the: dict[str, bool] = {c.name: c.the for c in data.countries}
        self._country_names: dict[str, str] = {}
        for c in data.countries:
            for name in (c.name, *c.aliases, *c.demonyms):
                self._country_names[" ".join(_fold(t) for t in _phrase_tokens(name))] = c.name

        self._named: _Trie[_Named] = _Trie()
        self._by_name: dict[str, Actor] = {}
        self._templated: dict[str, Actor] = {}  # "fulani ethnic militia" -> Actor with a {country} name
        self._named_actors: list[Actor] = []
        self._branch_countries: dict[str, tuple[str, ...]] = {}
        for spec in data.actors:
            actor = Actor(spec.name, spec.inter, spec.country, spec.kind)
            self._named_actors.append(actor)
            templated = "{country}" in spec.name
            if templated:
                self._templated[_name_prefix(spec.name)] = actor
            else:
                self._by_name[spec.name.casefold()] = actor
        # Aliases once every name is known: a branch may be an entry of its own ("Islamic State (Egypt)").
        for spec, actor in zip(data.actors, self._named_actors, strict=True):
            branches = {
                country: self._by_name.get(name.casefold()) or Actor(name, spec.inter, country, spec.kind)
                for country, name in spec.branches.items()
            }
            entry = _Named(actor, "{country}" in spec.name, branches or None)
            if branches:
                self._branch_countries[actor.name] = tuple(branches)
            for alias in spec.aliases:
                text, context = (alias, None) if isinstance(alias, str) else (alias.text, alias.context)
                self._named.add(text, entry, context=context)
        for actor, alias in _identity_militias(data.identity_militias):
            self._templated.setdefault(_name_prefix(actor.name), actor)
            self._named.add(alias, _Named(self._templated[_name_prefix(actor.name)], templated=True))
        for phrase in data.stop_phrases:
            self._named.add(phrase, _Named(None))

        self._countries: _Trie[_CountryRef] = _Trie()
        for c in data.countries:
            for name in (c.name, *c.aliases):
                self._countries.add(name, _CountryRef(c.name, is_name=True))
            for demonym in c.demonyms:
                self._countries.add(demonym, _CountryRef(c.name, is_name=False))

        # The last word of every country phrase ("Russian", "Sudanese", "Congo").
        self._country_tails = {
            _fold(_phrase_tokens(w)[-1])
            for c in data.countries
            for w in (c.name, *c.aliases, *c.demonyms)
            if _phrase_tokens(w)
        }

        self._force_templates = {
            kind: _Template(t.name, t.inter, kind) for kind, t in data.forces.templates.items()
        }
        self._force_heads: _Trie[str] = _Trie()
        for kind, phrases in data.forces.heads.items():
            for phrase in phrases:
                self._force_heads.add(phrase, kind)
        self._needs_nationality = _keys(data.forces.needs_nationality)
        self._force_mods: dict[str, str | None] = {}
        for kind, words in data.forces.modifiers.items():
            self._force_mods.update(dict.fromkeys(_keys(words), None if kind == _NEUTRAL else kind))
        self._blockers = _keys(data.forces.blockers)
        # "gendarmes" -> Police Forces of X Gendarmerie: the unit ACLED names after the state's forces
        self._units: dict[str, _Template] = {}
        for unit in data.forces.units:
            base = self._force_templates.get(unit.kind) or self._force_templates.get("military")
            if base is not None:
                template = _Template(f"{base.name} {unit.name}", base.inter, unit.kind)
                self._units.update(dict.fromkeys(_keys(unit.phrases), template))

        self._generic: _Trie[_Template] = _Trie()
        for cls in data.generic.classes:
            template = _Template(cls.name, cls.inter, cls.kind)
            self._templated.setdefault(_name_prefix(cls.name), Actor(cls.name, cls.inter, None, cls.kind))
            for noun in cls.nouns:
                self._generic.add(noun, template)
        self._generic_mods: dict[str, str | None] = dict.fromkeys(_keys(data.generic.modifiers))
        self._group_nouns = _keys(data.group_nouns)
        self._group_mods = _keys(data.group_modifiers)
        self._not_before = _keys(data.not_before)

        # The one check most tokens get: can anything start here? And which of the three readings of
        # `_scan` can: "the" starts names ("the Taliban") but no country, force or generic phrase.
        self._named_first = frozenset(self._named.first_keys())
        self._country_first = frozenset(self._countries.first_keys())
        self._bare_first = frozenset(
            self._force_heads.first_keys()
            | set(self._force_mods)
            | self._generic.first_keys()
            | set(self._generic_mods)
        )
        self._starters = self._named_first | self._country_first | self._bare_first

    # --- loading ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, user_file: Path | None = None) -> ActorRegistry:
        """The packaged registry, then ``user_file`` (same format) adding or replacing entries by name."""
        packaged = resources.files("eventwire") / "data" / "actors.json"
        try:
            base = _RegistryFile.model_validate(json.loads(packaged.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:  # ValidationError is a ValueError
            raise ResolutionError(
                f"the packaged actor registry is unreadable: {exc}", where=str(packaged)
            ) from exc
        if user_file is not None:
            base = _merge(base, _read_user_file(user_file))
            _check(base, where=str(user_file))
        return cls(base)

    # --- public API ---------------------------------------------------------------------------------

    def branch_countries(self, actor: Actor) -> tuple[str, ...]:
        """The countries where the named ``actor`` has a branch of its own name (Islamic State: Syria,
        Nigeria, ...); none for an actor without branches."""
        return self._branch_countries.get(actor.name, ())

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        country: str | None = None,
        caseless: bool = False,
    ) -> list[ActorMention]:
        """Every actor phrase in ``text[start:end]``, in text order, with absolute offsets.

        ``country`` is where the sentence happens (ACLED's country name or any alias); it names bare
        forces ("police") and generic actors ("gunmen") that carry no nationality of their own.
        ``caseless`` says the whole document is written without capitals ("russian troops shelled
        kharkiv"): its case tells nothing, as in ALL-CAPS wire copy. (A span alone cannot tell: a sentence
        of lower-case words in a mixed-case text has names in it only where it capitalizes them.)
        """
        stop = len(text) if end is None else end
        toks = _Tokens.of(text, start, stop, caseless=caseless)
        hits = self._scan(toks, self._canonical(country), phrase=False)
        mentions = []
        for h in hits:
            s, e = toks.starts[h.first], toks.ends[h.last - 1]
            if e < stop and text[e] == ")" and text.count("(", s, e) > text.count(")", s, e):
                e += 1  # "CPI (Maoist)": close the bracket the name opened
            mentions.append(ActorMention(s, e, text[s:e], h.actor))
        return mentions

    def normalize(self, phrase: str, *, country: str | None = None) -> Actor | None:
        """The actor a phrase names: an ACLED name ("Military Forces of Iraq (2018-)"), an alias, or a
        description ("Iraqi commandos"). With several actors in the phrase, the longest mention wins."""
        clean = " ".join(_YEARS_RE.sub("", phrase).split())
        if not clean:
            return None
        where = self._canonical(country)
        known = self._by_name.get(clean.casefold()) or self._parse_acled_name(clean, where)
        if known is not None:
            return known
        toks = _Tokens.of(clean, 0, len(clean))
        hits = self._scan(toks, where, phrase=True)
        if not hits:
            return None
        best = max(hits, key=lambda h: (toks.ends[h.last - 1] - toks.starts[h.first], -h.first))
        return best.actor

    def country_of_demonym(self, word: str) -> str | None:
        """The ACLED country name for a demonym or short form ("Iraqi", "U.S.", "Congolese") or a
        country's own name or alias; None for anything else, and for "us" written in lower case."""
        toks = _Tokens.of(word.strip(), 0, len(word.strip()))
        if not toks.keys:
            return None
        for end, node in reversed(self._countries.walk(toks, 0)):
            if end != len(toks.keys):
                continue
            for variant in reversed(node.variants):
                if _exact_ok(variant, toks, 0):
                    return variant.value.country
        return None

    # --- the scan -----------------------------------------------------------------------------------

    def _scan(self, toks: _Tokens, country: str | None, *, phrase: bool) -> list[_Hit]:
        hits: list[_Hit] = []
        keys = toks.keys
        readings = (
            (self._named_at, self._named_first),
            (self._nationality_at, self._country_first),
            (self._bare_at, self._bare_first),
        )
        # Only the tokens a phrase can start with are visited (picked in C: most tokens start none).
        resume = 0  # a phrase found ends here: the tokens inside it start nothing
        for i in itertools.compress(itertools.count(), map(self._starters.__contains__, keys)):
            if i < resume:
                continue
            key = keys[i]
            # Three readings compete; the longest wins, and on a tie a name beats a description
            # ("Syrian National Army" is a rebel group, not the Syrian army). A reading none of whose
            # phrases starts with this word finds nothing: it is not asked.
            best_end: int = i
            best_hits: Sequence[_Hit] = ()
            owner, by_country = self._owner(toks, i, hits)
            where = (owner.country or country) if owner is not None else country
            for reading, firsts in readings:
                if key not in firsts:
                    continue
                found = reading(toks, i, where, phrase)
                if found is not None and found[0] > best_end:
                    best_end, best_hits = found
            if best_end > i:
                if owner is not None and not by_country:
                    # "the Houthis said their forces ...", "Hamas said its fighters ...": the group's own
                    best_hits = [
                        replace(h, actor=owner) if h.actor.inter in {1, 2, 3} else h for h in best_hits
                    ]
                hits.extend(best_hits)
                resume = best_end
        return self._either_of(toks, hits)

    @staticmethod
    def _owner(toks: _Tokens, i: int, hits: Sequence[_Hit]) -> tuple[Actor | None, bool]:
        """The armed actor just named, when "its" or "their" hands the phrase at token i to it, and whether
        only its country passes on: in "the Israeli military said its forces killed ..." the forces are
        Israel's, wherever the sentence happens; in "the Houthis (the LNA, Hamas) said their forces ..."
        the named group's own."""
        if not (i > 0 and toks.joined[i] and toks.keys[i - 1] in _OWNER_PRONOUNS and hits):
            return None, False
        last = hits[-1]
        # Only the one who speaks: "the army said its soldiers", not "the army said ISWAP ambushed its
        # soldiers" (the soldiers are the army's, not ISWAP's).
        between = toks.keys[last.last : i - 1]
        if not (_REPORTING & set(between) and set(between) <= _REPORT_CLAUSE):
            return None, False
        owner = last.actor
        if last.named and owner.inter in {1, 2, 3}:
            return owner, False
        if owner.inter == 1 and owner.kind in _STATE_KINDS and owner.country:
            return owner, True
        return None, False

    def _either_of(self, toks: _Tokens, hits: list[_Hit]) -> list[_Hit]:
        """ "JNIM or ISGS", "JNIM and/or ISGS militants": ACLED codes an attack it cannot pin on one of two
        named groups to the pair, "A and/or B". The pair's registry entry, where there is one, gives
        ACLED's own order and inter ("ISGS or JNIM" is still "JNIM: ... and/or Islamic State ...")."""
        out: list[_Hit] = []
        for hit in hits:
            prev = out[-1] if out else None
            if prev is not None and prev.named and hit.named and self._or_between(toks, prev.last, hit.first):
                out[-1] = _Hit(prev.first, hit.last, self._pair(prev.actor, hit.actor), named=False)
            else:
                out.append(hit)
        return out

    @staticmethod
    def _or_between(toks: _Tokens, end: int, start: int) -> bool:
        words = toks.keys[end:start]
        if words == ["or"]:
            return toks.joined[end] and toks.joined[start]
        gap_ok = all(toks.loose[k] for k in range(end, start + 1))
        return words == ["and", "or"] and gap_ok  # "and/or"

    def _pair(self, a: Actor, b: Actor) -> Actor:
        for first, second in ((a, b), (b, a)):
            known = self._by_name.get(f"{first.name} and/or {second.name}".casefold())
            if known is not None:
                return known
        country = a.country if a.country == b.country else None
        return Actor(f"{a.name} and/or {b.name}", a.inter, country, a.kind)

    def _named_at(
        self, toks: _Tokens, i: int, country: str | None, phrase: bool
    ) -> tuple[int, Sequence[_Hit]] | None:
        """A named actor by alias at token i, with any group noun after it ("ISIS fighters").

        "anti-ISIS coalition" is not ISIS, but "pro-Houthi forces" are the Houthis' own fighters, as
        ACLED codes them: after "pro-" a group noun must follow."""
        prefix = toks.keys[i - 1] if i > 0 and toks.joined[i] else ""
        if prefix in _BLOCKING_PREFIXES and prefix != "pro":
            return None
        for end, node in reversed(self._named.walk(toks, i, name=True)):
            for variant in reversed(node.variants):
                if not self._case_ok(variant, toks, i, end):
                    continue
                last = self._group_noun_end(toks, end)
                if prefix == "pro" and last == end:
                    continue
                if variant.context is not None and not phrase:
                    needs = variant.context == "always" or toks.caps
                    after_the = i > 0 and toks.keys[i - 1] == "the" and toks.joined[i]
                    if needs and last == end and not after_the:
                        continue
                entry = variant.value
                if entry.actor is None:  # a stop phrase: swallow it, say nothing
                    return end, ()
                actor = entry.actor
                if entry.branches and country is not None and country in entry.branches:
                    actor = entry.branches[country]  # "IS militants" in Iraq: Islamic State (Iraq)
                elif entry.templated:
                    actor = _fill(actor.name, actor.inter, actor.kind, country)
                return last, (_Hit(i, last, actor, named=not entry.templated),)
        return None

    def _group_noun_end(self, toks: _Tokens, j: int) -> int:
        """Where a named actor's mention ends once trailing modifiers + group noun are taken in."""
        keys, joined = toks.keys, toks.joined
        k, n = j, len(keys)
        if k < n and keys[k] == _POSSESSIVE:  # "Hamas's armed wing", "ISIS's fighters"
            k += 1
        start = k
        while k < n and k - start < 3 and joined[k] and keys[k] in self._group_mods:
            k += 1
        if k < n and joined[k] and keys[k] in self._group_nouns:
            k += 1
            # one more noun may follow: "guerrilla group", "militia fighters"
            return k + 1 if k < n and joined[k] and keys[k] in self._group_nouns else k
        # A modifier may be the noun itself ("FMLN rebel", "Boko Haram militant").
        return k if k > start and keys[k - 1] in self._group_nouns else j

    def _nationality_at(
        self, toks: _Tokens, i: int, country: str | None, phrase: bool
    ) -> tuple[int, Sequence[_Hit]] | None:
        """Country word(s) + force or generic phrase: "Iraqi forces", "American and Iraqi commandos"."""
        if i > 0 and toks.joined[i] and toks.keys[i - 1] in _BLOCKING_PREFIXES:  # "pro-Russian forces"
            return None
        first = self._country_at(toks, i)
        if first is None:
            return None
        spans = [(i, first[0], first[1].country)]
        j = first[0]
        n = len(toks.keys)
        last_link = ""
        while j < n:
            # "Malian and Chadian", and the serial comma's "French, Malian, and Chadian"
            if toks.keys[j] in _CONJUNCTIONS and (toks.joined[j] or toks.comma[j]) and j + 1 < n:
                nxt = self._country_at(toks, j + 1)
                if nxt is not None and toks.joined[j + 1]:
                    spans.append((j + 1, nxt[0], nxt[1].country))
                    j, last_link = nxt[0], "conjunction"
                    continue
            if toks.comma[j]:
                nxt = self._country_at(toks, j)
                if nxt is not None:
                    spans.append((j, nxt[0], nxt[1].country))
                    j, last_link = nxt[0], "comma"
                    continue
            break
        if last_link == "comma":
            # A list ends with "and": "French, Malian and Chadian troops". In "In Mali, Israeli troops" the
            # comma closes a phrase; the nationality after it starts its own mention.
            return None
        if j < n and toks.keys[j] == _POSSESSIVE and toks.joined[j]:
            j += 1
        # A state named as the subject of an act of arms acts by its forces: "Russia fired 40 missiles",
        # "the US and Britain struck Houthi targets", "Israel, meanwhile, struck targets in Rafah" (the
        # aside does not part the state from its act); not "youths in Senegal attacked".
        subject = not (i > 0 and toks.keys[i - 1] in _PLACE_PREPOSITIONS) and not self._named_before(toks, i)
        states = subject and all(self._is_name_at(toks, s) for s, _, _ in spans)
        aside = (
            len(spans) == 1
            and j + 1 < n
            and toks.comma[j]
            and toks.keys[j] in _ASIDE_WORDS
            and toks.comma[j + 1]
            and toks.keys[j + 1] in STATE_ACTS
        )
        if states and aside and (forces := self._states_forces(spans)):
            return first[0], forces
        if j >= n or not toks.joined[j]:
            return None
        if states and toks.keys[j] in STATE_ACTS and (forces := self._states_forces(spans)):
            return j, forces
        head = self._force_phrase(toks, j, bare=False) or self._generic_phrase(toks, j)
        if head is None:
            return None
        end, make = head
        hits = [_Hit(s, e, make(c)) for s, e, c in spans[:-1]]
        hits.append(_Hit(spans[-1][0], end, make(spans[-1][2])))
        return end, hits

    def _bare_at(
        self, toks: _Tokens, i: int, country: str | None, phrase: bool
    ) -> tuple[int, Sequence[_Hit]] | None:
        """A force or generic phrase with no nationality in front: "security forces", "gunmen"."""
        prev = toks.keys[i - 1] if i > 0 and toks.joined[i] else ""
        # "rebel forces"; and "pro-Russian forces", whose nationality was refused, is nobody's army here
        blocked = (
            prev in self._blockers or prev in self._country_tails or self._looks_like_other_name(toks, i)
        )
        force = None if blocked else self._force_phrase(toks, i, bare=True)
        # "pro-militant website", "anti-government protesters": the actor, if any, comes later
        generic = None if prev in _BLOCKING_PREFIXES else self._generic_phrase(toks, i)
        found = force or generic
        if found is None:
            return None
        end, make = found
        # "the army of Mali", "troops from Chad": the country follows.
        keys, n = toks.keys, len(toks.keys)
        if end + 1 < n and keys[end] in ("of", "from") and toks.joined[end]:
            k = end + 1
            if keys[k] == "the" and k + 1 < n and toks.joined[k + 1]:
                k += 1
            named = self._country_at(toks, k)
            if named is not None and named[1].is_name and toks.joined[k]:
                return named[0], (_Hit(i, named[0], make(named[1].country)),)
        if force is not None and country is None:
            return end, ()  # whose forces is unknown: consume the phrase, report nothing
        return end, (_Hit(i, end, make(country)),)

    # --- phrase pieces ------------------------------------------------------------------------------

    def _country_at(self, toks: _Tokens, i: int) -> tuple[int, _CountryRef] | None:
        for end, node in reversed(self._countries.walk(toks, i)):
            for variant in reversed(node.variants):
                if self._case_ok(variant, toks, i, end):
                    return end, variant.value
        return None

    def _force_phrase(self, toks: _Tokens, i: int, *, bare: bool) -> tuple[int, _Maker] | None:
        """[modifier]* head ([modifier]* head)*: "security forces", "army special forces", "riot police"."""
        end, j = i, i
        kinds: list[str] = []
        heads_only_hardware = True
        while j == i or (j < len(toks.keys) and toks.joined[j]):
            found = self._modified(toks, j, self._force_heads, self._force_mods)
            if found is None:
                break
            head_start, j, kind, mods = found
            end = j
            kinds.append(kind)
            kinds.extend(m for m in mods if m)
            heads_only_hardware &= " ".join(toks.keys[head_start:j]) in self._needs_nationality
        if end == i or self._adjective(toks, end):
            return None
        if bare and heads_only_hardware:  # "a drone strike" says nothing about whose drone
            return None
        kind = "police" if "police" in kinds else "military"
        template = self._unit(toks, i, end) or self._force_templates.get(kind)
        template = template or self._force_templates.get("military")
        if template is None:
            return None
        return end, lambda c: self._state_actor(template, c)

    def _unit(self, toks: _Tokens, i: int, end: int) -> _Template | None:
        """The named unit a force phrase ends in ("gendarmes", "the military police"), if any."""
        if not self._units:
            return None
        for k in range(i, end):
            template = self._units.get(" ".join(toks.keys[k:end]))
            if template is not None:
                return template
        return None

    def _generic_phrase(self, toks: _Tokens, i: int) -> tuple[int, _Maker] | None:
        found = self._modified(toks, i, self._generic, self._generic_mods)
        if found is None:
            return None
        _, end, template, _ = found
        if self._adjective(toks, end):
            return None
        return end, lambda c: _fill(template.name, template.inter, template.kind, c)

    def _modified(
        self,
        toks: _Tokens,
        i: int,
        trie: _Trie[_V],
        mods: Mapping[str, str | None],
    ) -> tuple[int, int, _V, list[str | None]] | None:
        """[modifier]* phrase at token i, the longest reading: (phrase start, end, value, modifier kinds).

        A word may be both ("army" in "army troops", "jihadist" in "jihadist militants"), so every
        phrase reachable through modifiers is tried and the one reaching furthest wins."""
        keys, joined, n = toks.keys, toks.joined, len(toks.keys)
        best: tuple[int, int, _V, list[str | None]] | None = None
        j = i
        seen: list[str | None] = []
        while j < n and (j == i or joined[j]):
            hit = trie.longest(toks, j)
            if hit is not None and (best is None or hit[0] > best[1]):
                best = (j, hit[0], hit[1], list(seen))
            if keys[j] not in mods:
                break
            seen.append(mods[keys[j]])
            j += 1
        return best

    def _adjective(self, toks: _Tokens, end: int) -> bool:
        """The phrase modifies the next word ("military operation", "rebel-held", "civilian casualties")."""
        return end < len(toks.keys) and toks.joined[end] and toks.keys[end] in self._not_before

    def _states_forces(self, spans: Sequence[tuple[int, int, str]]) -> tuple[_Hit, ...]:
        """The military forces of the states at ``spans`` (first token, end, country), or none where the
        registry has no military template."""
        template = self._force_templates.get("military")
        if template is None:
            return ()
        return tuple(_Hit(s, e, self._state_actor(template, c)) for s, e, c in spans)

    def _is_name_at(self, toks: _Tokens, i: int) -> bool:
        """Whether a country's name (not its demonym) stands at token i: "Mali", not "Malian"."""
        found = self._country_at(toks, i)
        return found is not None and found[1].is_name

    def _named_before(self, toks: _Tokens, i: int) -> bool:
        """Whether the word before token i is a capitalized word that makes it part of a person's or a
        thing's name ("Michael Jordan attacked the rim"), in mixed-case prose."""
        if toks.caps or toks.title or i == 0 or not toks.joined[i]:
            return False
        prev = toks.surfaces[i - 1]
        return (
            prev[0].isupper() and toks.keys[i - 1] not in _DETERMINERS and toks.keys[i - 1] not in _CALENDAR
        )

    def _looks_like_other_name(self, toks: _Tokens, i: int) -> bool:
        """In mixed-case prose, "Salvation Army" or "Democratic Forces": a capitalized unknown word
        right before a capitalized phrase makes the phrase part of some other proper name."""
        if toks.caps or toks.title or i == 0 or not toks.joined[i]:
            return False
        surface, prev = toks.surfaces[i], toks.surfaces[i - 1]
        if not (surface[0].isupper() and prev[0].isupper()):
            return False
        key = toks.keys[i - 1]
        return not (
            key in self._starters
            or key in _DETERMINERS
            or key in _CALENDAR
            or key == _POSSESSIVE
            or key in self._blockers
        )

    def _case_ok(self, variant: _Variant[Any], toks: _Tokens, i: int, end: int) -> bool:
        if toks.caps:
            return True
        if not _exact_ok(variant, toks, i):
            return False
        if variant.proper:
            return any(s != s.lower() for s in toks.surfaces[i:end])
        return True

    # --- actors -------------------------------------------------------------------------------------

    def _canonical(self, country: str | None) -> str | None:
        if country is None:
            return None
        key = " ".join(_fold(t) for t in _phrase_tokens(country))
        return self._country_names.get(key, country)

    def _state_actor(self, template: _Template, country: str | None) -> Actor:
        assert country is not None  # bare forces without a country never get here
        the = "the " if self._the.get(country) else ""
        name = template.name.replace("{the_country}", the + country).replace("{country}", country)
        return Actor(name, template.inter, country, template.kind)

    def _parse_acled_name(self, name: str, default_country: str | None) -> Actor | None:
        """ACLED's own templated names back to actors, when the country is known: "Military Forces of the
        United States", "Police Forces of Nigeria Gendarmerie" (the sub-unit dropped), "Protesters (Chile)",
        "Fulani Ethnic Militia (Nigeria)"."""
        for template in self._force_templates.values():
            prefix = template.name.split("{", 1)[0].casefold()
            if prefix and name.casefold().startswith(prefix):
                rest = name[len(prefix) :]
                toks = _Tokens.of(rest, 0, len(rest))
                k = 1 if toks.keys[:1] == ["the"] else 0
                found = self._country_at(toks, k) if len(toks.keys) > k else None
                if found is not None and found[1].is_name:
                    return self._state_actor(template, found[1].country)
        m = _PAREN_RE.fullmatch(name)
        actor = self._templated.get(_name_prefix(m.group(1) if m else name))
        if actor is None:
            return None
        if m is None:
            country = default_country
        else:
            country = self._canonical(m.group(2))
            if country not in self._the:
                return None
        return _fill(actor.name, actor.inter, actor.kind, country)

    # --- introspection (tests, reports) -------------------------------------------------------------

    @property
    def actors(self) -> list[Actor]:
        """The named actors (templated names such as "Fulani Ethnic Militia ({country})" included)."""
        return list(self._named_actors)

    @property
    def countries(self) -> list[str]:
        return list(self._the)


_NEUTRAL = "neutral"  # a force modifier that says nothing of the kind ("special", "government")
# What a state does by arms, told with the state itself as the subject: "Russia fired", "Israel struck".
STATE_ACTS = frozenset(
    {
        "fired", "struck", "launched", "attacked", "bombed", "shelled", "pounded", "invaded", "retook",
        "recaptured", "captured", "downed", "intercepted", "targeted", "raided", "bombarded",
    }
)  # fmt: skip
# Asides between a subject and its verb: "Israel, meanwhile, struck ...".
_ASIDE_WORDS = frozenset({"meanwhile", "however", "also", "too", "then", "again", "separately"})
# Words after which a country is where something happened, not who acted: "youths in Senegal attacked".
_PLACE_PREPOSITIONS = frozenset(
    {
        "in", "from", "of", "near", "across", "at", "to", "by", "into", "on", "with", "against", "for",
        "between", "within", "inside", "outside", "throughout", "over", "under", "around", "toward",
        "towards", "through", "along", "beyond", "via",
    }
)  # fmt: skip
_Maker = Callable[[str | None], Actor]  # builds the actor of a phrase once its country is known
_YEARS_RE = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # ACLED's "(2018-)", "(1987-2014)"
_PAREN_RE = re.compile(r"(.+?) \(([^()]+)\)")


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(_fold(t) for t in _phrase_tokens(w)) for w in words)


def _name_prefix(name: str) -> str:
    return name.replace(" ({country})", "").replace("({country})", "").strip().casefold()


def _fill(name: str, inter: int | None, kind: str | None, country: str | None) -> Actor:
    """A {country} name for one country, or without its parenthesis where the country is unknown."""
    if country is None:
        return Actor(name.replace(" ({country})", "").replace("{country}", "").strip(), inter, None, kind)
    return Actor(name.replace("{country}", country), inter, country, kind)


def _identity_militias(spec: _IdentityMilitiaSpec) -> Iterable[tuple[Actor, str]]:
    """Each identity group's militia with each alias it is named by: "Tiv militiamen", "Peul gunmen" →
    "Tiv Ethnic Militia ({country})", "Fulani Ethnic Militia ({country})" (ACLED's inter 4)."""
    for group in spec.groups:
        actor = Actor(spec.name.replace("{group}", group.name), spec.inter, None, "militia")
        for word in (group.name, *group.aliases):
            for noun in spec.nouns:
                yield actor, f"{word} {noun}"


def _exact_ok(variant: _Variant[Any], toks: _Tokens, i: int) -> bool:
    surfaces = toks.surfaces
    return all(e is None or surfaces[i + k] == e for k, e in enumerate(variant.exact))


# ---------------------------------------------------------------------------------------------------
# User files


def _read_user_file(path: Path) -> _RegistryFile:
    where = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("actor registry file not found", where=where) from exc
    except OSError as exc:
        raise ConfigError(f"actor registry file unreadable: {exc}", where=where) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"actor registry file is not valid UTF-8 JSON: {exc}", where=where) from exc
    try:
        return _RegistryFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise ConfigError(
            "actor registry file does not match the format of eventwire/data/actors.json "
            f"(sections: actors, countries, group_nouns, group_modifiers, stop_phrases, not_before, forces, "
            f"generic, identity_militias): {problems}",
            where=where,
        ) from exc


def _merge(base: _RegistryFile, user: _RegistryFile) -> _RegistryFile:
    """User entries replace packaged ones with the same name (actors, countries, templates, generic
    classes by kind); word lists are extended."""

    def by(items: Sequence[Any], extra: Sequence[Any], key: str) -> list[Any]:
        merged = {getattr(x, key): x for x in items}
        merged.update({getattr(x, key): x for x in extra})
        return list(merged.values())

    def union(a: list[str], b: list[str]) -> list[str]:
        return list(dict.fromkeys([*a, *b]))

    def merge_lists(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
        return {k: union(a.get(k, []), b.get(k, [])) for k in dict.fromkeys([*a, *b])}

    forces = _ForcesSpec(
        templates={**base.forces.templates, **user.forces.templates},
        heads=merge_lists(base.forces.heads, user.forces.heads),
        needs_nationality=union(base.forces.needs_nationality, user.forces.needs_nationality),
        modifiers=merge_lists(base.forces.modifiers, user.forces.modifiers),
        blockers=union(base.forces.blockers, user.forces.blockers),
        units=by(base.forces.units, user.forces.units, "name"),
    )
    generic = _GenericSpec(
        modifiers=union(base.generic.modifiers, user.generic.modifiers),
        classes=by(base.generic.classes, user.generic.classes, "kind"),
    )
    given = user.identity_militias.model_fields_set
    militias = _IdentityMilitiaSpec(
        name=(user if "name" in given else base).identity_militias.name,
        inter=(user if "inter" in given else base).identity_militias.inter,
        nouns=union(base.identity_militias.nouns, user.identity_militias.nouns),
        groups=by(base.identity_militias.groups, user.identity_militias.groups, "name"),
    )
    return _RegistryFile(
        _about=base.about,
        identity_militias=militias,
        actors=by(base.actors, user.actors, "name"),
        countries=by(base.countries, user.countries, "name"),
        group_nouns=union(base.group_nouns, user.group_nouns),
        group_modifiers=union(base.group_modifiers, user.group_modifiers),
        stop_phrases=union(base.stop_phrases, user.stop_phrases),
        not_before=union(base.not_before, user.not_before),
        forces=forces,
        generic=generic,
    )


def _check(data: _RegistryFile, *, where: str) -> None:
    """Cross-references the schema cannot see: countries named by actors, force kinds and templates."""
    countries = {c.name for c in data.countries}
    for actor in data.actors:
        for country in filter(None, (actor.country, *actor.branches)):
            if country not in countries:
                raise ConfigError(
                    f"actor {actor.name!r} names country {country!r}, which is not in 'countries' "
                    "(use the country's ACLED name, e.g. 'Democratic Republic of Congo', or add it)",
                    where=where,
                )
    kinds = set(data.forces.templates)
    if "military" not in kinds:
        raise ConfigError("forces.templates needs a 'military' template", where=where)
    for section, valid in (("heads", kinds), ("modifiers", kinds | {_NEUTRAL})):
        for kind in getattr(data.forces, section):
            if kind not in valid:
                raise ConfigError(
                    f"forces.{section} has kind {kind!r}; valid kinds: {', '.join(sorted(valid))}",
                    where=where,
                )
    for kind, template in data.forces.templates.items():
        if "{the_country}" not in template.name and "{country}" not in template.name:
            raise ConfigError(
                f"forces.templates[{kind!r}] name {template.name!r} needs {{the_country}} or {{country}}",
                where=where,
            )
