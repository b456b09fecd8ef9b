"""The role-filler tagger: BIO decoding, one filler per entity, fillers given to the nearest event, and
the shipped model on real reports."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from functools import partial
from typing import Any

import pytest

from eventwire.documents.build import build_document
from eventwire.extraction.role_model import (
    RoleTagger,
    TaggedSpan,
    completed_spans,
    continued_spans,
    coordinated_targets,
    glossed_pairs,
    group_and_its_people,
    joined_spans,
    merge_aliases,
    same_entity,
    sentence_features,
    spans_from_labels,
    tokenize,
    trim_span,
    with_tagged_fillers,
    word_clusters,
)
from eventwire.models.document import Document, RawItem
from eventwire.models.event import Event, Evidence, RoleFiller
from support import ARTICLES, shared_path


def test_bio_labels_become_spans_and_a_stray_inside_label_starts_one() -> None:
    text = "urban guerrillas bombed the power station"
    tokens = tokenize(text, 0, len(text))
    labels = ["B-PerpInd", "I-PerpInd", "O", "I-Target", "I-Target", "I-Target"]
    spans = spans_from_labels(tokens, labels)
    assert [(s.role, text[s.start : s.end]) for s in spans] == [
        ("PerpInd", "urban guerrillas"),
        ("Target", "the power station"),
    ]


def test_an_acronym_or_a_shorter_naming_is_the_same_entity() -> None:
    assert same_entity("FMLN", "Farabundo Marti National Liberation Front")
    assert same_entity("the FMLN", "FMLN urban commandos")
    assert same_entity("commandos", "FMLN urban commandos")
    assert not same_entity("police", "Policarpo Paz")
    names = ["the FMLN", "Farabundo Marti National Liberation Front", "FMLN", "army"]
    assert [names[i] for i in merge_aliases(names)] == ["Farabundo Marti National Liberation Front", "army"]
    assert same_entity("UN", "the United Nations")
    assert not same_entity("ELN", "National Liberation Front")


def _event(event_id: str, sentence: tuple[int, int], text: str, **fillers: Any) -> Event:
    start, end = sentence
    return Event(
        event_id=event_id,
        doc_id="d",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date=dt.date(1990, 1, 3),
        date_start=dt.date(1990, 1, 3),
        date_end=dt.date(1990, 1, 3),
        time_precision=1,
        evidence=(Evidence("sentence", start, end, text[start:end]),),
        **fillers,
    )


def test_fillers_go_to_the_event_whose_sentences_are_nearest() -> None:
    text = "Gunmen shot the mayor in Soyapango. Police later arrested two students in Mejicanos."
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    events = [
        _event("a", first, text, victims=(RoleFiller("old", 0, 3),)),
        _event("b", second, text),
    ]
    spans = [
        TaggedSpan("PerpInd", 0, 6),
        TaggedSpan("Victim", text.index("the mayor"), text.index(" in Soy")),
        TaggedSpan("Victim", text.index("two students"), text.index(" in Mej")),
    ]
    attack, arrest = with_tagged_fillers(events, spans, text)
    assert [f.text for f in attack.perpetrator_individuals] == ["Gunmen"]
    assert [f.text for f in attack.victims] == ["the mayor"]  # the tagger's fillers replace the rules'
    assert [f.text for f in arrest.victims] == ["two students"]
    assert arrest.perpetrator_individuals == ()


def test_an_event_the_tagger_found_nothing_for_keeps_the_rules_fillers() -> None:
    text = "Militants killed 14 ISIS fighters."
    rules = _event("a", (0, len(text)), text, victims=(RoleFiller("14 ISIS fighters", 17, 33),))
    (kept,) = with_tagged_fillers([rules], [TaggedSpan("Victim", 0, 1)], text)  # "M": no word, dropped
    assert kept.victims == rules.victims


def test_an_event_the_tagger_is_silent_on_in_a_document_it_reads_keeps_only_the_rules_targets() -> None:
    text = (
        "Urban guerrillas bombed the Soyapango power station. "
        "Two days later soldiers clashed with rebels near the Cerron Grande dam."
    )
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    dam = RoleFiller("the Cerron Grande dam", text.index("the Cerron"), len(text) - 1)
    events = [
        _event("a", first, text),
        _event(
            "b",
            second,
            text,
            perpetrator_individuals=(RoleFiller("soldiers", text.index("soldiers"), text.index(" clashed")),),
            targets=(dam,),
        ),
    ]
    spans = [TaggedSpan("PerpInd", 0, text.index(" bombed")), TaggedSpan("Weapon", 0, 1)]
    bombing, clash = with_tagged_fillers(events, spans, text)
    assert [f.text for f in bombing.perpetrator_individuals] == ["Urban guerrillas"]
    assert clash.perpetrator_individuals == ()  # the tagger reads this text and named no one here
    assert clash.targets == (dam,)


def test_a_separate_event_the_tagger_is_silent_on_keeps_the_rules_fillers() -> None:
    from dataclasses import replace

    text = (
        "Gunmen shot dead the mayor of Tumaco on Monday. "
        "Separately, soldiers killed four members of the Clan del Golfo in Antioquia on Tuesday."
    )
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    soldiers = RoleFiller("soldiers", text.index("soldiers"), text.index(" killed four"))
    members = RoleFiller("four members", text.index("four"), text.index(" of the Clan"))
    tumaco = replace(_event("a", first, text), admin1="Narino")
    antioquia = replace(
        _event("b", second, text, perpetrator_individuals=(soldiers,), victims=(members,)),
        admin1="Antioquia",
        date_start=dt.date(1990, 1, 4),
        date_end=dt.date(1990, 1, 4),
    )
    spans = [TaggedSpan("PerpInd", 0, text.index(" shot"))]
    _, clash = with_tagged_fillers([tumaco, antioquia], spans, text)
    # another day, another region: no second mention of the shooting, so the rules' reading stands
    assert clash.perpetrator_individuals == (soldiers,)
    assert clash.victims == (members,)


def _muc_dev(doc_id: str) -> Document:
    path = shared_path("benchmarks", "muc4", "full_templates", "dev.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["docid"] == doc_id:
            return build_document(RawItem(doc_id, row["text"], "text/plain", ()))
    raise AssertionError(f"{doc_id} not in {path}")


def test_the_shipped_model_reads_a_kidnapping_report_in_wire_capitals(extractor: Any) -> None:
    doc = _muc_dev("TST2-MUC4-0039")  # the ELN kidnaps two Britons in Colombia (key: 3 victims)
    events = [e for e in extractor.extract(doc) if e.victims]
    assert events and {e.sub_event_type for e in events} == {"Abduction/forced disappearance"}
    assert {"JAMES ARTHUR DONNELLY", "LESLIE KENT"} <= {f.text for e in events for f in e.victims}
    assert "ELN" in {f.text for e in events for f in e.perpetrator_orgs}
    for filler in (f for e in events for f in (*e.victims, *e.perpetrator_orgs)):
        assert doc.text[filler.start : filler.end] == filler.text


def test_the_shipped_model_reads_a_bombing_target_and_weapon(extractor: Any) -> None:
    doc = _muc_dev("TST2-MUC4-0075")  # a car bomb at the FENASTRAS offices
    events = extractor.extract(doc)
    assert {f.text for e in events for f in e.weapons} & {"CAR BOMB", "BOMB"}
    # the federation's offices, by its acronym or its full name ("... WORKERS NATIONAL UNION FEDERATION")
    targets = [f.text.replace("\n", " ") for e in events for f in e.targets]
    assert any("FENASTRAS" in t or "UNION FEDERATION" in t for t in targets), targets


def test_tagged_spans_lose_edge_words_and_possessives_and_non_names() -> None:
    text = "THEY KILLED BERNARDO JARAMILLO'S DRIVER AT THE EMBASSY ON 2 DECEMBER, THEY ATTACKED."

    def trimmed(piece: str) -> str | None:
        start = text.index(piece)
        span = trim_span(TaggedSpan("Victim", start, start + len(piece)), text)
        return None if span is None else text[span.start : span.end]

    assert trimmed("BERNARDO JARAMILLO'S") == "BERNARDO JARAMILLO"
    assert trimmed("AT THE EMBASSY ON") == "THE EMBASSY"
    assert trimmed("2 DECEMBER,") is None
    assert trimmed("ATTACKED.") is None
    assert trimmed("JARAMILLO'S DRIVER") == "JARAMILLO'S DRIVER"
    assert trimmed("DRIVER AT THE") == "DRIVER"  # an article ends no name


def test_tagged_spans_lose_the_verbs_kinds_and_parts_the_tagger_took_in() -> None:
    text = (
        "WE HOLD ALFREDO CRISTIANI'S GOVERNMENT RESPONSIBLE. A COMMANDO OF THE GROUP TUPAC AMARU "
        "REVOLUTIONARY MOVEMENT STRUCK. URBAN GUERRILLAS OPENED FIRE ON AT LEAST THREE MEN IN FRONT OF THE "
        "PRC EMBASSY TO PROTEST BERNARDO JARAMILLO OSSA'S MURDER."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("HOLD ALFREDO CRISTIANI'S GOVERNMENT", "PerpOrg") == "ALFREDO CRISTIANI'S GOVERNMENT"
    assert (
        trimmed("GROUP TUPAC AMARU REVOLUTIONARY MOVEMENT", "PerpOrg") == "TUPAC AMARU REVOLUTIONARY MOVEMENT"
    )
    assert trimmed("URBAN GUERRILLAS OPENED", "PerpInd") == "URBAN GUERRILLAS"
    assert trimmed("AT LEAST THREE MEN", "Victim") == "AT LEAST THREE MEN"  # "at" of the count stays
    assert trimmed("FRONT OF THE PRC EMBASSY", "Target") == "PRC EMBASSY"
    assert trimmed("BERNARDO JARAMILLO OSSA'S MURDER", "Victim") == "BERNARDO JARAMILLO OSSA"


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("PerpOrg", "Movement for Democratic Change"),
        ("PerpOrg", "Guerrilla Army of the Poor"),
        ("PerpOrg", "Front of the Revolutionary Left"),
        ("PerpOrg", "Lashkar-e-Jhangvi United"),
        ("PerpInd", "Abu Khaled"),
        ("PerpInd", "Javed"),
        ("Target", "President Kais Saied"),
    ],
)
def test_names_that_start_with_a_kind_or_end_like_a_verb_are_kept_whole(role: str, name: str) -> None:
    text = f"Police said {name} was responsible."
    span = trim_span(TaggedSpan(role, 12, 12 + len(name)), text)
    assert span is not None and text[span.start : span.end] == name


def test_a_weapons_modifier_alone_and_a_weapon_as_perpetrator_are_no_fillers() -> None:
    text = "A POWERFUL BOMB AND 55 KG OF DYNAMITE WENT OFF. HE WAS KILLED BY THREE BULLETS FIRED BY GUNMEN."

    trimmed = partial(_trimmed, text)

    assert trimmed("POWERFUL", "Weapon") is None  # the tagger's "bomb" after it is the weapon
    assert trimmed("55 KG OF", "Weapon") is None
    assert trimmed("POWERFUL BOMB", "Weapon") == "POWERFUL BOMB"
    assert trimmed("THREE BULLETS", "PerpInd") is None
    assert trimmed("THREE BULLETS", "Weapon") == "THREE BULLETS"
    assert trimmed("GUNMEN", "PerpInd") == "GUNMEN"


def test_words_carry_their_clusters_and_unknown_words_none() -> None:
    clusters = word_clusters()
    assert [c.split("=")[0] for c in clusters["guerrillas"]] == ["c64", "c256", "c1024"]
    # A group of fighters and an explosive are not words of one kind.
    assert clusters["guerrillas"][0] != clusters["dynamite"][0]
    features = sentence_features("guerrillas zzqx", [(0, 10), (11, 15)], None, 0, 9, {})
    assert clusters["guerrillas"][0] in features[0]
    assert not any(f.startswith("c64=") for f in features[1])


def test_features_the_model_does_not_know_are_left_out_and_the_rest_keep_their_order(
    extractor: Any,
) -> None:
    # What the tagger reads at run time is what training reads, less the attributes crfsuite would skip.
    article = json.loads((ARTICLES / "05-kandahar-roadside-bomb.json").read_text(encoding="utf-8"))
    doc = build_document(RawItem(article["id"], article["text"]))
    known = extractor.roles.attributes
    assert known is not None and "b" in known
    inputs = extractor.role_inputs(doc)
    assert inputs
    marks: dict[int, list[str]] = {}
    for item in inputs:
        lower = doc.text.lower()
        full = sentence_features(lower, item.tokens, None, 1, 1, marks)
        kept = sentence_features(lower, item.tokens, None, 1, 1, marks, known)
        assert kept == [[f for f in features if f in known] for features in full]
    # Training reads every feature: words the model never saw among them.
    assert any(f not in known for item in inputs for features in item.features for f in features)


def test_tagged_spans_keep_the_thousands_of_a_number() -> None:
    text = "THEY KEEP ABOUT 5,000 TROOPS THERE AND 1,200,000 PEOPLE FLED."
    for piece, whole in (("000 TROOPS", "5,000 TROOPS"), ("000 PEOPLE", "1,200,000 PEOPLE")):
        start = text.index(piece)
        span = trim_span(TaggedSpan("Victim", start, start + len(piece)), text)
        assert span is not None and text[span.start : span.end] == whole


def test_the_tagger_decodes_in_numpy_as_crfsuite_does(extractor: Any) -> None:
    # The weights are read from the model file itself and the marginals computed for all of a document's
    # sentences at once; the labels must be crfsuite's, and the probabilities equal up to rounding.
    import numpy as np

    from eventwire.extraction.role_model import _crf_weights, _input_scores

    tagger = extractor.roles
    model = _crf_weights(tagger.model_path)
    crfsuite = tagger._tagger()
    assert model is not None and model.labels == tuple(crfsuite.labels())
    for name in ("05-kandahar-roadside-bomb.json", *sorted(p.name for p in ARTICLES.glob("*.json"))[:6]):
        article = json.loads((ARTICLES / name).read_text(encoding="utf-8"))
        doc = build_document(RawItem(article["id"], article["text"]))
        text = doc.text
        lower, body, sentences, mentions, _ = extractor._read(text)
        named = extractor.actors.find(text, body, caseless=text == lower)
        inputs = extractor._role_inputs(text, lower, sentences, mentions, named, (), tagger.attributes)
        assert inputs
        # The word-by-word sums are the sums of each token's feature strings.
        scores = _input_scores(inputs, model)
        assert np.allclose(scores, model.feature_scores([item.features for item in inputs]), atol=1e-12)
        marginals = model.marginals(scores, [len(item.tokens) for item in inputs])
        i = 0
        for item in inputs:
            crfsuite.set(item.features)
            for t in range(len(item.tokens)):
                expected = [crfsuite.marginal(label, t) for label in model.labels]
                assert np.allclose(marginals[i], expected, rtol=0, atol=1e-12)
                i += 1
        assert tagger.tag(inputs) == [span for item in inputs for span in tagger._crfsuite_spans(item)]


def test_features_are_built_when_read_and_are_sentence_features() -> None:
    from eventwire.extraction.role_model import FeatureSource, SentenceInput

    text = "Gunmen shot the mayor of Tumaco."
    tokens = tokenize(text, 0, len(text))
    lower = text.lower()
    item = SentenceInput(None, tokens, FeatureSource(lower, None, 2, 1, {}, None))  # type: ignore[arg-type]
    assert item.features == sentence_features(lower, tokens, None, 2, 1, {})
    assert "features=[['b', 'w=gunmen'" in repr(item)
    assert item == SentenceInput(None, list(tokens), FeatureSource(lower, None, 2, 1, {}, None))  # type: ignore[arg-type]
    assert item != SentenceInput(None, tokens, FeatureSource(lower, None, 3, 1, {}, None))  # type: ignore[arg-type]


def test_the_tagger_with_no_sentences_and_with_a_damaged_model(extractor: Any, tmp_path: Any) -> None:
    import pytest

    from eventwire.errors import ExtractionError
    from eventwire.extraction.role_model import RoleTagger

    assert extractor.roles.tag([]) == []
    damaged = tmp_path / "roles.crfsuite"
    damaged.write_bytes(extractor.roles.model_path.read_bytes()[:5000])  # cut short: a failed copy
    with pytest.raises(ExtractionError, match="damaged"):
        RoleTagger(damaged).tag([object()])  # type: ignore[list-item]


def test_bigrams_are_looked_up_by_word_pairs_as_their_feature_strings() -> None:
    # The tagger finds a sentence's bigram features from word ids in numpy; each pair must read the row
    # that the string "bg-=" + left + "|" + right reads, "|" tokens and the sentence's edges included.
    import numpy as np

    from eventwire.extraction.role_model import _AttributeIds, _Bigrams

    ids = _AttributeIds(["bg-=the|army", "bg-=<s>|gunmen", "bg-=||x", "w=army", "bg-=army|the"])
    bigrams = _Bigrams.of(ids, "bg-=")
    words: list[str | None] = [None, "the", "army", "gunmen", "|", "x", "killed"]
    pairs = [(1, 2), (0, 3), (4, 5), (2, 1), (2, 2), (0, 2), (6, 1), (4, 4)]
    left = bigrams.ids(bigrams.left, words, "<s>")[[a for a, _ in pairs]]
    right = bigrams.ids(bigrams.right, words)[[b for _, b in pairs]]
    expected = [ids.get("bg-=" + (words[a] or "<s>") + "|" + str(words[b]), ids.zero) for a, b in pairs]
    assert bigrams.rows(left, right, ids.zero).tolist() == expected
    assert expected[:4] == [0, 1, 2, 4] and set(expected[4:]) == {ids.zero}
    nothing = _Bigrams.of(ids, "bg+=")
    assert nothing.rows(np.array([0, -1]), np.array([0, 0]), ids.zero).tolist() == [ids.zero] * 2


def test_a_new_words_weights_are_those_of_its_feature_strings(extractor: Any) -> None:
    # A word the tagger has not seen yet is weighed from look-ups of the word itself, not of the
    # feature strings: each must read the row its string reads (clusters, affixes, flags, and words that
    # hold a "=" or a "|" as the strings do), and the sums be the strings' sums up to rounding.
    import numpy as np

    from eventwire.extraction.role_model import _SLOT_OF, _crf_weights, _word_features, _word_weights

    model = _crf_weights(extractor.roles.model_path)
    assert model is not None
    words: list[str | None] = [None, "guerrillas", "dynamite", "killed", "1989", "5,000", ","]
    words += ["=", "w=x", "|", "zzqx", "él", "a"]
    expected = model.feature_scores([_word_features(word) for word in words]).reshape(len(words), 9, -1)
    weights = _word_weights(words, model)
    # The token d places away reads the word's row _SLOT_OF[d + 4]: the four "win=" ones are one row.
    assert np.allclose(weights[:, list(_SLOT_OF)], expected, rtol=0, atol=1e-12)
    assert np.count_nonzero(weights) > len(words)


def test_the_known_attributes_are_read_from_the_model_file_as_crfsuite_knows_them() -> None:
    import pycrfsuite

    tagger = RoleTagger.load()
    crfsuite = pycrfsuite.Tagger()
    crfsuite.open(str(tagger.model_path))
    try:
        assert tagger.attributes == frozenset(crfsuite.info().attributes)
    finally:
        crfsuite.close()


def test_the_nearest_event_found_by_bisection_is_the_one_every_sentence_gives() -> None:
    from eventwire.extraction.role_model import _gap, _NearestEvent

    rng = random.Random(7)
    for _ in range(2000):
        cuts = sorted(rng.sample(range(1, 200), rng.randint(2, 12)))
        sentences = [pair for pair in itertools.pairwise(cuts) if rng.random() < 0.8]
        events = [[s for s in sentences if rng.random() < 0.4] for _ in range(rng.randint(1, 5))]
        nearest = _NearestEvent(events)
        for _ in range(10):
            start = rng.randint(0, 210)
            span = TaggedSpan("Target", start, start + rng.randint(1, 20))
            assert nearest(span) == min(range(len(events)), key=lambda k: _gap(span, events[k]))


def test_namings_with_the_same_words_are_one_and_aliases_fold_into_the_longest() -> None:
    texts = ["the FMLN", "FMLN", "Farabundo Marti National Liberation Front", "guerrillas"] * 50
    assert merge_aliases(texts) == [2, 3]
    assert merge_aliases(texts, shortest=True) == [0, 3]  # "the FMLN" and "FMLN" are one naming


def test_a_name_tagged_in_pieces_is_one_filler_and_an_organization_keeps_its_short_name() -> None:
    text = "SEVERAL HOODED MEN AND THREE FMLN URBAN COMMANDOS ATTACKED THE VICAS STORE. THE FMLN CLAIMED IT."
    pieces = [("PerpInd", "SEVERAL"), ("PerpInd", "HOODED MEN"), ("PerpOrg", "FMLN URBAN COMMANDOS")]
    pieces += [("Target", "VICAS"), ("Target", "STORE."), ("PerpOrg", "THE FMLN")]
    spans = [TaggedSpan(role, text.index(p), text.index(p) + len(p)) for role, p in pieces]
    joined = joined_spans([trim_span(s, text) or s for s in spans], text)
    assert [(s.role, text[s.start : s.end]) for s in joined] == [
        ("PerpInd", "SEVERAL HOODED MEN"),
        ("PerpOrg", "FMLN URBAN COMMANDOS"),
        ("Target", "VICAS STORE"),
        ("PerpOrg", "THE FMLN"),
    ]
    # "MEN AND THREE": a word between two fillers keeps them apart.
    apart = [spans[1], TaggedSpan("PerpInd", text.index("THREE"), text.index(" FMLN"))]
    assert len(joined_spans(apart, text)) == 2
    # A name wraps across a line, not across a paragraph.
    for gap, fillers in (("\n", 1), ("\n\n   ", 2)):
        wrapped = f"THE NATIONAL{gap}GUARD ATTACKED"
        second = wrapped.index("GUARD")
        halves = [TaggedSpan("PerpOrg", 4, 12), TaggedSpan("PerpOrg", second, second + 5)]
        assert len(joined_spans(halves, wrapped)) == fillers
    # A kind of group is no shorter name of a group: the longer naming stays beside it.
    assert merge_aliases(["the army", "National Liberation Army"], shortest=True) == [0, 1]
    assert merge_aliases(["the armed forces", "Revolutionary Armed Forces of Colombia"], shortest=True) == [
        0,
        1,
    ]
    assert merge_aliases(
        ["Revolutionary Armed Forces", "Revolutionary Armed Forces of Colombia"], shortest=True
    ) == [0]
    (event,) = with_tagged_fillers([_event("a", (0, len(text)), text)], spans, text)
    # (the group's commandos are people too: see group_and_its_people)
    assert [f.text for f in event.perpetrator_individuals] == ["SEVERAL HOODED MEN", "FMLN URBAN COMMANDOS"]
    assert [f.text for f in event.perpetrator_orgs] == ["THE FMLN"]
    assert [f.text for f in event.targets] == ["VICAS STORE"]


def test_marginals_of_sentences_of_any_lengths_together_are_each_ones_alone(extractor: Any) -> None:
    # The sentences are run position by position, each only as far as its own length (a long text's one
    # long sentence does not lengthen its short ones): together or alone, the same probabilities.
    import numpy as np

    from eventwire.extraction.role_model import _crf_weights

    model = _crf_weights(extractor.roles.model_path)
    assert model is not None
    lengths = [3, 0, 41, 1, 7, 41, 2]
    scores = np.random.default_rng(7).normal(scale=3.0, size=(sum(lengths), len(model.labels)))
    together = model.marginals(scores, lengths)
    starts = np.cumsum([0, *lengths])
    for k, length in enumerate(lengths):
        alone = model.marginals(scores[starts[k] : starts[k + 1]], [length])
        assert np.allclose(together[starts[k] : starts[k + 1]], alone, rtol=0, atol=1e-12)
    assert np.allclose(together.sum(axis=1), 1.0)


def test_a_name_the_tagger_began_anew_after_of_is_one_filler() -> None:
    text = "A GROUP OF UNIDENTIFIED INDIVIDUALS BOMBED THE MAIN OFFICES OF EL ESPECTADOR IN BOGOTA."
    pieces = [("PerpInd", "GROUP OF"), ("PerpInd", "UNIDENTIFIED INDIVIDUALS")]
    pieces += [("Target", "MAIN OFFICES OF"), ("Target", "EL ESPECTADOR"), ("Target", "IN BOGOTA")]
    spans = [TaggedSpan(role, text.index(p), text.index(p) + len(p)) for role, p in pieces]
    assert [text[s.start : s.end] for s in continued_spans(spans, text)] == [
        "GROUP OF UNIDENTIFIED INDIVIDUALS",
        "MAIN OFFICES OF EL ESPECTADOR",
        "IN BOGOTA",  # after a name, not after "of": a filler of its own
    ]
    (event,) = with_tagged_fillers([_event("a", (0, len(text)), text)], spans, text)
    assert [f.text for f in event.perpetrator_individuals] == ["GROUP OF UNIDENTIFIED INDIVIDUALS"]
    assert [f.text for f in event.targets] == ["MAIN OFFICES OF EL ESPECTADOR", "BOGOTA"]
    # "of" must be a word of its own ("CHIEF OF" yes, "PROF" no).
    prof = "PROF GARCIA"
    assert len(continued_spans([TaggedSpan("Victim", 0, 4), TaggedSpan("Victim", 5, 11)], prof)) == 2


def test_a_lone_group_adjective_is_no_perpetrator() -> None:
    text = (
        "A GUERRILLA ATTACK DESTROYED THE BRIDGE. Rebel positions were shelled. THE GUERRILLAS FLED. "
        "A terrorist bomb went off."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("GUERRILLA", "PerpInd") is None  # the kind of attack, in capitals
    assert trimmed("Rebel", "PerpInd") is None  # and in mixed case
    # near misses: the group itself, the adjective keys do take, another role
    assert trimmed("GUERRILLAS", "PerpInd") == "GUERRILLAS"
    assert trimmed("terrorist", "PerpInd") == "terrorist"
    assert trimmed("GUERRILLA", "PerpOrg") == "GUERRILLA"


def _trimmed(text: str, piece: str, role: str) -> str | None:
    """The tagged span of ``piece`` (its first occurrence) as ``trim_span`` leaves it, or None."""
    start = text.index(piece)
    span = trim_span(TaggedSpan(role, start, start + len(piece)), text)
    return None if span is None else text[span.start : span.end]


def test_attackers_lose_a_vague_count_but_keep_a_number() -> None:
    text = (
        "SEVERAL ARMED INDIVIDUALS FIRED AT THE OFFICE. Some masked men fled. THREE HEAVILY ARMED MEN LEFT. "
        "SEVERAL HUNDRED GUERRILLAS ATTACKED."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("SEVERAL ARMED INDIVIDUALS", "PerpInd") == "ARMED INDIVIDUALS"
    assert trimmed("Some masked men", "PerpInd") == "masked men"
    # near misses: a number stays, another role keeps its words, "SEVERAL" alone is left to the rest
    assert trimmed("THREE HEAVILY ARMED MEN", "PerpInd") == "THREE HEAVILY ARMED MEN"
    assert trimmed("Some masked men", "Victim") == "Some masked men"
    assert trimmed("SEVERAL", "PerpInd") == "SEVERAL"
    assert trimmed("SEVERAL HUNDRED GUERRILLAS", "PerpInd") == "SEVERAL HUNDRED GUERRILLAS"  # a count whole


def test_tagged_spans_lose_the_day_and_a_participle_that_follows_the_noun() -> None:
    text = (
        "YESTERDAY ARMED MEN BOMBED THE RESTAURANT TODAY AND A POLICE POST LOCATED IN THE TOWN. "
        "Gunmen raided the offices owned by the mayor. JOHN PARKED WAS KILLED."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("YESTERDAY ARMED MEN", "PerpInd") == "ARMED MEN"
    assert trimmed("RESTAURANT TODAY", "Target") == "RESTAURANT"
    assert trimmed("POLICE POST LOCATED", "Target") == "POLICE POST"
    assert trimmed("offices owned", "Target") == "offices"  # mixed case: any past form after the noun
    # near miss: a name that ends like a participle, as a victim, stays whole
    assert trimmed("JOHN PARKED", "Victim") == "JOHN PARKED"


def test_a_naming_glossed_in_brackets_is_one_entity_with_it() -> None:
    text = (
        "GUERRILLAS OF THE ELN [ARMY OF NATIONAL LIBERATION] KIDNAPPED TWO ENGINEERS. THE ELN CLAIMED IT. "
        "The Rapid Support Forces (RSF) shelled the market."
    )
    pieces = [
        ("PerpOrg", "ELN"),
        ("PerpOrg", "ARMY OF NATIONAL LIBERATION"),
        ("PerpOrg", "Rapid Support Forces"),
    ]
    pieces += [("PerpOrg", "RSF")]
    spans = [TaggedSpan(role, text.index(p), text.index(p) + len(p)) for role, p in pieces]
    assert glossed_pairs(spans, text) == {
        frozenset({("eln",), ("army", "of", "national", "liberation")}),
        frozenset({("rapid", "support", "forces"), ("rsf",)}),
    }
    (event,) = with_tagged_fillers([_event("a", (0, len(text)), text)], spans, text)
    assert [f.text for f in event.perpetrator_orgs] == ["ELN", "RSF"]  # an organization keeps its short name
    # near misses: two fillers with words between them, or of two roles, are no gloss
    apart = "THE ELN AND THE ARMY (FAES) FOUGHT."
    spans = [TaggedSpan("PerpOrg", 4, 7), TaggedSpan("PerpOrg", 16, 20), TaggedSpan("Target", 22, 26)]
    assert glossed_pairs(spans, apart) == frozenset()


def test_a_piece_of_a_name_the_tagger_gave_whole_elsewhere_is_widened_to_it() -> None:
    text = "SHINING PATH GUERRILLAS ATTACKED THE TOWN. THE SHINING PATH LATER CLAIMED IT. SHINING SHOES."
    second = text.index("SHINING PATH LATER")
    spans = [
        TaggedSpan("PerpOrg", 0, 12),
        TaggedSpan("PerpOrg", second, second + 7),  # "SHINING", in "SHINING PATH"
        TaggedSpan("PerpOrg", text.index("SHINING SHOES"), text.index(" SHOES")),
        TaggedSpan("Target", text.index("TOWN"), text.index("TOWN") + 4),
    ]
    assert [text[s.start : s.end] for s in completed_spans(spans, text)] == [
        "SHINING PATH",
        "SHINING PATH",
        "SHINING",  # near miss: not standing in the longer naming there
        "TOWN",
    ]


def test_attackers_end_with_the_people_not_with_what_they_did() -> None:
    text = (
        "TERRORISTS HURLED A BOMB. UNIDENTIFIED INDIVIDUALS THREW THREE GRENADES. "
        "THIRTY MEN IN UNIFORM FLED. Men wearing masks fled. ALLEGED URBAN GUERRILLAS FIRED. "
        "Suspected rebels fled."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("TERRORISTS HURLED", "PerpInd") == "TERRORISTS"
    assert trimmed("UNIDENTIFIED INDIVIDUALS THREW THREE", "PerpInd") == "UNIDENTIFIED INDIVIDUALS"
    assert trimmed("ALLEGED URBAN GUERRILLAS", "PerpInd") == "URBAN GUERRILLAS"
    assert trimmed("Suspected rebels", "PerpInd") == "rebels"
    # near misses: words that go on describing them stay, and other roles keep their words
    assert trimmed("THIRTY MEN IN UNIFORM", "PerpInd") == "THIRTY MEN IN UNIFORM"
    assert trimmed("Men wearing masks", "PerpInd") == "Men wearing masks"
    assert trimmed("UNIDENTIFIED INDIVIDUALS THREW THREE", "Victim") == "UNIDENTIFIED INDIVIDUALS THREW THREE"
    assert trimmed("ALLEGED URBAN GUERRILLAS", "PerpOrg") == "ALLEGED URBAN GUERRILLAS"


def _tagged_as(text: str, role: str, piece: str) -> list[tuple[str, str]]:
    start = text.index(piece)
    return [
        (span.role, text[span.start : span.end])
        for span in group_and_its_people(TaggedSpan(role, start, start + len(piece)), text)
    ]


def test_a_group_named_with_its_people_is_those_people_and_the_group() -> None:
    text = (
        "SHINING PATH MEMBERS KILLED TWO. An FMLN sniper fired. FMLN URBAN COMMANDOS STRUCK. "
        "THE PATRIOTIC FRONT MARCHED. THE GUERRILLAS FLED."
    )
    tagged_as = partial(_tagged_as, text)
    assert tagged_as("PerpOrg", "SHINING PATH MEMBERS") == [
        ("PerpOrg", "SHINING PATH"),
        ("PerpInd", "SHINING PATH MEMBERS"),
    ]
    assert tagged_as("PerpOrg", "FMLN sniper") == [("PerpOrg", "FMLN"), ("PerpInd", "FMLN sniper")]
    # the words before the people say what kind they are: only the people
    assert tagged_as("PerpOrg", "FMLN URBAN COMMANDOS") == [("PerpInd", "FMLN URBAN COMMANDOS")]
    # near misses: a group's name alone, its people alone, and the people as another role
    assert tagged_as("PerpOrg", "PATRIOTIC FRONT") == [("PerpOrg", "PATRIOTIC FRONT")]
    assert tagged_as("PerpOrg", "GUERRILLAS") == [("PerpOrg", "GUERRILLAS")]
    assert tagged_as("Victim", "SHINING PATH MEMBERS") == [("Victim", "SHINING PATH MEMBERS")]


def test_the_agent_of_an_attack_joins_the_perpetrators_of_an_event_the_tagger_filled() -> None:
    text = (
        "THE MAYOR WAS MURDERED ON MONDAY BY HIRED ASSASSINS IN MEDELLIN. "
        "In Cali, a judge was killed by gunmen on Tuesday."
    )
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    events = [_event("a", first, text), _event("b", second, text)]
    mayor = TaggedSpan("Victim", 0, text.index(" WAS"))
    murder, killing = with_tagged_fillers(events, [mayor], text)
    assert [f.text for f in murder.perpetrator_individuals] == ["HIRED ASSASSINS"]
    assert [f.text for f in murder.victims] == ["THE MAYOR"]
    # near miss: an event the tagger is silent on keeps the rules' fillers (here none) and gets no agent
    assert killing.perpetrator_individuals == ()
    # and the tagger's own reading of the agent's words stands
    assassins = text.index("HIRED")
    org = TaggedSpan("PerpOrg", assassins, assassins + len("HIRED ASSASSINS"))
    murder, _ = with_tagged_fillers(events, [mayor, org], text)
    assert murder.perpetrator_individuals == ()


def test_targets_lose_where_they_stood_and_what_filled_them() -> None:
    text = (
        "THE PACIFIC OIL PIPELINE IN MULALO MUNICIPALITY WAS BOMBED. A BANK BRANCH ON 86TH STREET BURNED. "
        "A CAR FILLED WITH DYNAMITE EXPLODED NEAR THE WINDOWS OF VELOX BANK. One or two buses burned. "
        "The store in the Gran Via mall was looted."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("PACIFIC OIL PIPELINE IN MULALO MUNICIPALITY", "Target") == "PACIFIC OIL PIPELINE"
    assert trimmed("BANK BRANCH ON 86TH STREET", "Target") == "BANK BRANCH"
    assert trimmed("CAR FILLED", "Target") == "CAR"
    assert trimmed("NEAR THE WINDOWS OF VELOX BANK", "Target") == "VELOX BANK"
    assert trimmed("or two buses", "Target") == "two buses"
    # near misses: a place that is no kind of place stays, and a victim keeps where it was
    assert trimmed("store in the Gran Via mall", "Target") == "store in the Gran Via mall"
    assert trimmed("BANK BRANCH ON 86TH STREET", "Victim") == "BANK BRANCH ON 86TH STREET"


def test_a_victim_loses_the_titles_before_the_name() -> None:
    text = (
        "THEY KILLED MINISTER ANTONIO RODRIGUEZ PORTH AND THE MAYOR OF HUANTA. Gunmen shot banker Ramiro "
        "Castillo Love and Colonel Ponce. COLOMBIAN JUSTICE CARLOS VALENCIA GARCIA WAS MURDERED."
    )

    trimmed = partial(_trimmed, text)

    assert trimmed("MINISTER ANTONIO RODRIGUEZ PORTH", "Victim") == "ANTONIO RODRIGUEZ PORTH"
    assert trimmed("banker Ramiro Castillo Love", "Victim") == "Ramiro Castillo Love"
    assert trimmed("COLOMBIAN JUSTICE CARLOS VALENCIA GARCIA", "Victim") == "CARLOS VALENCIA GARCIA"
    # near misses: a title with its office's place, a title with one word after it, another role
    assert trimmed("MAYOR OF HUANTA", "Victim") == "MAYOR OF HUANTA"
    assert trimmed("Colonel Ponce", "Victim") == "Colonel Ponce"
    assert trimmed("MINISTER ANTONIO RODRIGUEZ PORTH", "PerpInd") == "MINISTER ANTONIO RODRIGUEZ PORTH"


def test_a_weapon_loses_what_was_done_with_it() -> None:
    text = "THEY THREW BOMBS AND AN EXPLOSIVE DEVICE THROWN AT A BANK; rebels were firing rockets. USED CARS"

    trimmed = partial(_trimmed, text)

    assert trimmed("THREW BOMBS", "Weapon") == "BOMBS"
    assert trimmed("EXPLOSIVE DEVICE THROWN", "Weapon") == "EXPLOSIVE DEVICE"
    assert trimmed("firing rockets", "Weapon") == "rockets"
    # near miss: another role keeps the word
    assert trimmed("USED CARS", "Target") == "USED CARS"


def test_a_target_of_things_joined_by_and_is_each_of_them() -> None:
    text = (
        "REBELS BURNED STORES AND ELECTRIC TOWERS. Rioters looted shops and private homes. "
        "A bomb hit the Las Villas Savings and Loans office."
    )

    def parts(piece: str, role: str = "Target") -> list[str]:
        start = text.index(piece)
        spans = coordinated_targets(TaggedSpan(role, start, start + len(piece)), text)
        return [text[s.start : s.end] for s in spans]

    assert parts("STORES AND ELECTRIC TOWERS") == ["STORES", "ELECTRIC TOWERS"]
    assert parts("shops and private homes") == ["shops", "private homes"]
    # near misses: a name in mixed case that holds "and", and another role
    assert parts("Las Villas Savings and Loans office") == ["Las Villas Savings and Loans office"]
    assert parts("STORES AND ELECTRIC TOWERS", "Victim") == ["STORES AND ELECTRIC TOWERS"]


def test_a_victims_title_the_tagger_labelled_apart_is_left_out_of_the_joined_name() -> None:
    text = "GUNMEN KIDNAPPED CATTLEMAN LIBERTO GUTIERREZ MARQUEZ ON HIS FARM AND THE MAYOR."
    title, name = text.index("CATTLEMAN"), text.index("LIBERTO")
    spans = [
        TaggedSpan("Victim", title, title + len("CATTLEMAN")),
        TaggedSpan("Victim", name, text.index(" ON HIS")),
        TaggedSpan("Victim", text.index("THE MAYOR"), len(text) - 1),
    ]
    (event,) = with_tagged_fillers([_event("a", (0, len(text)), text)], spans, text)
    # near miss: a title with no name after it is the victim as the text names it
    assert [f.text for f in event.victims] == ["LIBERTO GUTIERREZ MARQUEZ", "THE MAYOR"]
