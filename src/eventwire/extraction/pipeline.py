"""The extractor: Document → events (and, for --explain, the candidates it rejected and why).

Models and data load once in :meth:`Extractor.load` and are passed to pure functions; extracting a document
does no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.documents.dateline import dateline_spans, read_dateline
from eventwire.extraction.context import Context, Group
from eventwire.extraction.events import GenericActors, act_date, build_event, group_mentions
from eventwire.extraction.location import document_place, event_place
from eventwire.extraction.mentions import Mention, Rejection, lower_same_length, read_mentions
from eventwire.extraction.role_model import (
    RoleTagger,
    SentenceInput,
    document_inputs,
    token_marks,
    with_tagged_fillers,
)
from eventwire.extraction.scope import ScopeModel, load_scope_model
from eventwire.extraction.sentences import Sentence, load_sentencizer, split_sentences
from eventwire.extraction.toponyms import find_toponyms
from eventwire.models.actor import ActorMention
from eventwire.models.document import Document
from eventwire.models.event import Event
from eventwire.models.place import PlaceMention
from eventwire.resolve.actors import ActorRegistry
from eventwire.resolve.gazetteer import Gazetteer
from eventwire.text.dates import DateMention, find_dates

_TEXT_MARK = re.compile(r"\s*\[TEXT\]\s*", re.IGNORECASE)

ACTOR_HINT = 0.7
"""How much an actor's country weighs in reading the text's place names, in units of a country the text
names (1.0): a report on the Taliban is about Afghanistan ("Faizabad" is Badakhshan's, not India's), but
a country named outright weighs more. Chosen on ACLED's tuning notes (admin1 70.19 at 0 → 70.28 at 0.4,
70.35 at 0.7, 70.33 at 1.0)."""

NEAR_ACTOR_HINT = 0.35
"""The hint for a country near an actor's own, or where a movement without a country has a branch."""
NEAR_ACTOR_KM = 600.0
"""How near (between countries' centres) a country must be to an actor's own to get NEAR_ACTOR_HINT."""

GENERIC_NAMES = {
    "protesters": "Protesters ({country})",
    "rioters": "Rioters ({country})",
    "civilians": "Civilians ({country})",
    "unidentified": "Unidentified Armed Group ({country})",
}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one document."""

    document: Document
    events: tuple[Event, ...]
    rejections: tuple[Rejection, ...]


class Extractor:
    """Holds the loaded resources; ``run`` and ``extract`` are safe to call for many documents."""

    def __init__(
        self,
        nlp: Any,
        gazetteer: Gazetteer,
        actors: ActorRegistry,
        roles: RoleTagger | None = None,
        scope: ScopeModel | None = None,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.actors = actors
        self.roles = roles  # None: the rules in extraction.roles alone fill the roles
        self.scope = scope  # None: every event is kept (ACLED's scope); see extraction.scope
        self.generic = GenericActors(GENERIC_NAMES)

    @classmethod
    def load(
        cls, *, actors_file: Path | None = None, cache_dir: Path | None = None, scope: str = "all"
    ) -> Extractor:
        return cls(
            load_sentencizer(),
            Gazetteer.load(cache_dir),
            ActorRegistry.load(actors_file),
            RoleTagger.load(),
            None if scope == "all" else load_scope_model(scope),
        )

    def extract(self, doc: Document) -> list[Event]:
        return list(self.run(doc).events)

    def _read(self, text: str) -> tuple[str, int, list[Sentence], list[Mention], list[Rejection]]:
        """The lower-cased text, where the body starts (after the dateline), its sentences and mentions."""
        lower = lower_same_length(text)
        body = 0
        dateline = read_dateline(text)
        if dateline:
            body = dateline.end
            mark = _TEXT_MARK.match(text, body)
            body = mark.end() if mark else body
        sentences = split_sentences(text, self.nlp, body)
        mentions, rejections = read_mentions(text, lower, sentences)
        return lower, body, sentences, mentions, rejections

    def role_inputs(self, doc: Document) -> list[SentenceInput]:
        """What the role tagger reads for ``doc`` (also how ``scripts/train_role_fillers.py`` sees it)."""
        lower, body, sentences, mentions, _ = self._read(doc.text)
        named, toponyms = self._actors_and_places(doc.text, lower, body)
        return self._role_inputs(doc.text, lower, sentences, mentions, named, toponyms)

    def _role_inputs(
        self,
        text: str,
        lower: str,
        sentences: list[Sentence],
        mentions: list[Mention],
        named: Sequence[ActorMention],
        toponyms: Sequence[PlaceMention],
        known: frozenset[str] | None = None,
    ) -> list[SentenceInput]:
        """With ``known``, only the features a tagger knows (training reads them all)."""
        return document_inputs(text, lower, sentences, mentions, token_marks(named, toponyms), known)

    def _actors_and_places(
        self, text: str, lower: str, body: int
    ) -> tuple[list[ActorMention], list[PlaceMention]]:
        """The actors the body names that carry a country of their own (no sentence country is given),
        and the text's place names read with those countries as hints: one reading for extraction and
        for the role tagger's training alike."""
        # no capital anywhere: case is no evidence of a name
        named = self.actors.find(text, body, caseless=text == lower)
        return named, find_toponyms(text, self.gazetteer, hints=self._actor_countries(named))

    def _actor_countries(self, named: Sequence[ActorMention]) -> dict[str, float]:
        """The countries of the actors a text names ("Malian soldiers", the Taliban), as toponym hints.

        Forces fight at home and next door: the countries near an actor's own get a lesser hint ("Israeli
        forces raided Bethlehem" is the West Bank's, not Belém, called Bethlehem in English). So do the
        countries of a movement's branches where it has no country of its own (Islamic State: "Palmyra"
        is Syria's, not the Pennsylvania town)."""
        hints: dict[str, float] = {}
        lesser: set[str] = set()
        for mention in named:
            actor = mention.actor
            iso3 = self._iso3(actor.country)
            if iso3 is not None:
                hints[iso3] = ACTOR_HINT
                lesser.update(self.gazetteer.countries_near(iso3, NEAR_ACTOR_KM))
            elif actor.country is None:
                lesser.update(filter(None, map(self._iso3, self.actors.branch_countries(actor))))
        for iso3 in lesser:
            hints.setdefault(iso3, NEAR_ACTOR_HINT)
        return hints

    def _iso3(self, country: str | None) -> str | None:
        place = self.gazetteer.country_named(country) if country else None
        return place.iso3 if place is not None and place.iso3 else None

    def run(self, doc: Document) -> Extraction:
        text = doc.text
        lower, body, sentences, mentions, rejections = self._read(text)
        if not mentions:
            return Extraction(doc, (), tuple(rejections))
        named, toponyms = self._actors_and_places(text, lower, body)
        caseless = text == lower
        ctx = Context(
            doc,
            lower,
            toponyms,
            find_dates(text, doc.published),
            dateline_spans(text),
            seat_of=self.gazetteer.admin1_seat,
            country_named=self.gazetteer.country_named,
            lead=sentences[0].start if sentences else -1,
        )
        events: list[Event] = []
        built: list[Group] = []  # the groups that became events, in order

        def earlier() -> DateMention | None:
            """The date of the latest event built that has one (read only where an event needs it)."""
            return next(filter(None, (act_date(g, ctx) for g in reversed(built))), None)

        for group in group_mentions(mentions, ctx):
            place = event_place(group, ctx) or document_place(ctx)
            country = place.place.country if place and place.place else None
            actors: list[ActorMention] = []
            for mention in group.mentions:
                actors.extend(
                    self.actors.find(
                        text, mention.sentence.start, mention.sentence.end, country=country, caseless=caseless
                    )
                )
            result = build_event(group, ctx, actors, self.generic, earlier=earlier)
            if isinstance(result, Rejection):
                rejections.append(result)
            else:
                events.append(result)
                built.append(group)
        if events and self.roles is not None:
            inputs = self._role_inputs(
                text, lower, sentences, mentions, named, ctx.places, self.roles.attributes
            )
            events = with_tagged_fillers(events, self.roles.tag(inputs), text)
        if events and self.scope is not None:
            kept, probability = self.scope.keeps(text, events)
            if not kept:
                for event in events:
                    rejections.append(_out_of_scope(event, self.scope, probability))
                events = []
        return Extraction(doc, tuple(events), tuple(rejections))


def _out_of_scope(event: Event, scope: ScopeModel, probability: float) -> Rejection:
    anchor = next((e for e in event.evidence if e.field == "event_type"), event.evidence[0])
    sentence = next((e.text for e in event.evidence if e.field == "sentence"), anchor.text)
    reason = f"outside scope {scope.name} (document relevance {probability:.2f} < {scope.threshold:.2f})"
    return Rejection(anchor.start, anchor.end, anchor.text, reason, sentence)
