"""Reported speech (indirect and mixed statements) on texts written here, and on the seeds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract
from tracker.extract.indirect import _holds_trigger, _may_report, _Quotes, _Sentence, find_reported_speech
from tracker.extract.lexicon import REPORTING_TRIGGERS
from tracker.extract.quotes import find_quotes
from tracker.extract.segment import sentences


def quote_spans(text):
    return [(q.start, q.end) for q in find_quotes(text)]


def reported(text):
    found = find_reported_speech(text, sentences(text), quote_spans(text))
    for s in found:  # the offset contract, for every statement
        assert text[s.start:s.end] == s.text
        assert s.kind in ("indirect", "mixed") and s.speaker is None
        for field, mention in (("speaker", s.speaker_mention), ("cue", s.cue), ("addressee", s.addressee),
                               ("date", s.date_mention)):
            start, end = getattr(s, f"{field}_start"), getattr(s, f"{field}_end")
            if start is not None:
                assert text[start:end] == mention
    return found


def one(article, **expected):
    found = reported(article)
    assert len(found) == 1, [(s.kind, s.text) for s in found]
    s = found[0]
    for key, value in expected.items():
        assert getattr(s, key) == value, (key, getattr(s, key))
    return s


def test_said_that_clause():
    one("The mayor said that the bridge would reopen in May.", kind="indirect",
        text="the bridge would reopen in May", speaker_mention="The mayor", cue="said")


def test_bare_clause_and_date():
    one("Officials said on Tuesday the talks had stalled over funding.",
        text="the talks had stalled over funding", speaker_mention="Officials", date_mention="on Tuesday")


def test_told_addressee():
    one("The senator told reporters that the bill would pass next week.",
        text="the bill would pass next week", speaker_mention="The senator", addressee="reporters", cue="told")


def test_sentence_adverb_before_the_subject_is_not_the_speaker():
    # The words that open a sentence before its subject (LEADING_WORDS) are the ones a quote's
    # attribution drops too.
    for opening in ("Instead", "Indeed", "But"):
        one(f"{opening} the mayor said that the bridge would reopen in May.", speaker_mention="the mayor")


def test_apposition_subject_is_the_name():
    one("Jane Doe, a lawyer for the family, said the police had ignored the evidence.",
        speaker_mention="Jane Doe", text="the police had ignored the evidence")


def test_relative_clause_subject():
    s = one("The governor, who faces a recall vote next month, insisted that the budget was balanced.")
    assert s.speaker_mention == "The governor" and s.text == "the budget was balanced"


def test_clause_first_pronoun():
    one("The economy is slowing down, she said.", text="The economy is slowing down",
        speaker_mention="she", cue="said")


@pytest.mark.parametrize("attribution, addressee, date", [
    ("she told reporters.", "reporters", None),
    ("she told CBC News.", "CBC News", None),
    ("she told The Canadian Press on Tuesday.", "The Canadian Press", "on Tuesday"),
])
def test_clause_first_with_an_addressee(attribution, addressee, date):
    one(f"The economy is slowing down, {attribution}", text="The economy is slowing down",
        speaker_mention="she", cue="told", addressee=addressee, date_mention=date)


@pytest.mark.parametrize("subject", ["Dunn's lawyers", "The mayor's office", "Other former officers"])
def test_subject_of_and_cue_is_the_opening_noun_phrase_to_its_head(subject):
    one(f"{subject} are preparing a motion for March, and have alleged in court filings that the charges were political.",
        speaker_mention=subject, text="the charges were political")


def test_clause_first_inverted():
    one("The deal is dead, said Tom Ruiz, the union's president.", text="The deal is dead",
        speaker_mention="Tom Ruiz")


def test_according_to_both_orders():
    one("According to the agency, prices rose by three percent in March.",
        text="prices rose by three percent in March", speaker_mention="the agency", cue="According to")
    one("Prices rose by three percent in March, according to the agency.",
        text="Prices rose by three percent in March", speaker_mention="the agency")


@pytest.mark.parametrize("subject", ["Dunn", "Most tenants", "The owner of the building"])
def test_according_to_between_subject_and_verb(subject):
    # The subject before the parenthetical may be one word: it is what the source reports on.
    one(f"{subject}, according to the court filing, sold the building to the city.",
        text=f"{subject}, according to the court filing, sold the building to the city",
        speaker_mention="the court filing", cue="according to")


def test_mixed_statement():
    s = one('She said the plan was "a recipe for disaster" and would be withdrawn.')
    assert s.kind == "mixed" and s.text == 'the plan was "a recipe for disaster" and would be withdrawn'


def test_participle_subject_is_the_opening_description_to_its_head_noun():
    s = one("The billionaire businessman began by talking about the drug crisis, saying that overdoses were rising.")
    assert s.speaker_mention == "The billionaire businessman" and s.text == "overdoses were rising"


def test_urged_not_to_is_mixed_with_addressee():
    s = one('He urged voters not to "give up" on the party before the election.')
    assert s.kind == "mixed" and s.text.startswith('not to "give up"') and s.addressee == "voters"


def test_adding_that_gives_two_statements():
    found = reported("The minister denied the report, adding that no decision had been taken.")
    texts = [s.text for s in found]
    assert "no decision had been taken" in texts
    adding = [s for s in found if s.cue == "adding"][0]
    assert adding.speaker_mention == "The minister"


def test_quantifier_subject():
    one("Some said they had waited for hours outside the hall.", speaker_mention="Some",
        text="they had waited for hours outside the hall")


def test_told_without_that():
    one("Smith told The Daily Herald he would not run again next year.", addressee="The Daily Herald",
        text="he would not run again next year", speaker_mention="Smith")


def test_as_x_reported_takes_the_clause_before():
    one("The two men met in secret last week, as the newspaper reported on Tuesday.",
        text="The two men met in secret last week", speaker_mention="the newspaper", date_mention="on Tuesday")


def test_indirect_question():
    s = one("Reporters asked whether the company would cut jobs in the spring.")
    assert s.text == "whether the company would cut jobs in the spring" and s.speaker_mention == "Reporters"


def test_fronted_asked_has_no_speaker():
    found = reported("Asked whether he would resign, the minister said nothing.")
    assert [(s.text, s.speaker_mention) for s in found] == [("whether he would resign", None)]


def test_dash_enclosed_subject():
    s = one("Democrats — and a few Republicans — say the bill goes too far on surveillance.")
    assert s.speaker_mention == "Democrats" and s.text == "the bill goes too far on surveillance"


def test_coordinated_cue_cuts_the_clause():
    found = reported("She says voters may not like the answer, but insists the plan is the right one.")
    by_cue = {s.cue: s for s in found}
    assert by_cue["says"].text == "voters may not like the answer"
    assert by_cue["insists"].text == "the plan is the right one" and by_cue["insists"].speaker_mention == "She"


def test_naming_is_not_a_claim():
    assert reported("She founded a group called Women for Change in 2010.") == []
    assert reported("The senator found himself in a difficult position after the vote.") == []


def test_quoted_phrase_mid_sentence_does_not_block_the_cue():
    s = one('Asked about "privatization of public jobs," Sanders said contractors can cost more than staff.')
    assert s.text == "contractors can cost more than staff" and s.speaker_mention == "Sanders"


def test_apposition_with_a_lowercase_title():
    one("Ann Walsh, director of the Center for Polling at Rutgers University, said turnout would be low.",
        speaker_mention="Ann Walsh", text="turnout would be low")


def test_any_cue_can_close_the_sentence():
    one("The new album is almost complete, the singer recently revealed.",
        text="The new album is almost complete", speaker_mention="the singer", cue="revealed")


def test_adverbial_piece_between_subject_and_cue():
    one("The mayor's office, when contacted by reporters, said the budget was final.",
        speaker_mention="The mayor's office", text="the budget was final")


def test_direct_quotes_are_not_reported_speech():
    assert reported('"We will win this election," she said.') == []
    assert reported('He said: "We will win this election."') == []
    assert reported('"We will win," Smith said in a statement on Monday.') == []


def test_scare_quotes_and_plain_narration_are_not_statements():
    assert reported('The so-called "reform" passed the house by a narrow margin on Friday.') == []
    assert reported("The committee met in Brussels for three hours on a cold morning.") == []


def test_cut_before_a_second_attribution():
    found = reported("She said the country was occupied on Monday as she urged the union to act before the summer.")
    by_cue = {s.cue: s for s in found}
    assert by_cue["said"].text == "the country was occupied"
    assert by_cue["said"].date_mention == "on Monday"
    assert by_cue["urged"].text == "to act before the summer"


def test_passive_has_no_speaker():
    s = one("The deficit is expected to rise to three percent next year.")
    assert s.speaker_mention is None and s.text.startswith("The deficit")


def test_typewriter_quotes_are_quotes():
    assert reported("''The plan will not work,'' she said.") == []


def test_appended_block_is_left_out():
    text = ("The mayor said that the bridge would reopen in May.\n\n"
            "Dear readers,\n\nWe believe that independent journalism matters, please support us.")
    assert [s.text for s in reported(text)] == ["the bridge would reopen in May"]


@pytest.mark.parametrize("text", ["", " ", ".", "said that", "according to", '"', "“" * 50,
                                  "He said, she said; they said: that.", "x" * 10000])
def test_degenerate_inputs(text):
    reported(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "that", ",", '"', "“", "”", "''", "He", "she", "according",
                                 "to", "told", ".", "\n", ";", "was", "expected", "confident",
                                 "Smith", ":", "who", "adding", "on", "Monday", "the", "é", "\t"]),
                max_size=60),
       st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4),
       st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=4))
def test_never_crashes(words, sents, quotes):
    text = " ".join(words)
    for spans in (sentences(text), sents):
        for s in find_reported_speech(text, spans, quotes):
            assert text[s.start:s.end] == s.text
            assert s.speaker_start is None or text[s.speaker_start:s.speaker_end] == s.speaker_mention


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text):
    reported(text)


def test_linear_on_long_inputs():
    import time
    unit = 'The senator said “the plan would fail and that nobody listened, as officials told reporters that "talks were over. '
    small, large = unit * 200, unit * 1600
    t0 = time.perf_counter()
    find_reported_speech(small, [(0, len(small))], [])
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    find_reported_speech(large, [(0, len(large))], [])
    t_large = time.perf_counter() - t0
    assert t_large < 8 * 4 * max(t_small, 1e-3)  # 8x the text, far from 64x


# --------------------------------------------------------------------------- seeds

@pytest.fixture(scope="module")
def seed_statements(seeds):
    out = {}
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, reported(text))
    return out


def find(statements, fragment):
    hits = [s for s in statements if fragment in s.text]
    assert hits, fragment
    return hits[0]


@pytest.mark.parametrize("fragment, speaker, kind", [
    ("democratic change was still possible in Belarus", "The opposition leader", "indirect"),
    ("Russia would never succeed in annexing Belarus", "Tikhanovskaya", "indirect"),
    ("the best way to gain the attention of the new US President", "She", "indirect"),
    ("the Kremlin was in the end-game of a", "Analysts from US think tank the Institute for the Study of War", "mixed"),
])
def test_seed_000(seed_statements, fragment, speaker, kind):
    s = find(seed_statements["000"][1], fragment)
    assert s.speaker_mention == speaker and s.kind == kind


def test_seed_000_told_addressee(seed_statements):
    s = find(seed_statements["000"][1], "democratic change")
    assert s.addressee == "Express.co.uk" and s.text == "democratic change was still possible in Belarus"


@pytest.mark.parametrize("fragment, speaker, kind, exact", [
    ('her country was under de facto "military occupation" by Russia', "Belarus opposition leader Svetlana Tikhanovskaya", "mixed", True),
    ('Lukashenko does not "control the presence of Russian troops"', "She", "mixed", False),
    ("Belarusian soldiers would refuse to join Moscow's war", "Tikhanovskaya", "indirect", False),
    ('so far the opposition hadn\'t "seen any signs"', "She", "mixed", False),
    ('not to "overlook" the ongoing repression', "She", "mixed", False),
])
def test_seed_004(seed_statements, fragment, speaker, kind, exact):
    s = find(seed_statements["004"][1], fragment)
    assert s.speaker_mention == speaker and s.kind == kind
    if exact:
        assert s.text == fragment


def test_seed_004_date_and_nothing_from_the_appeal(seed_statements):
    text, found = seed_statements["004"]
    s = find(found, "military occupation")
    assert s.date_mention == "on Monday"
    appeal = text.index("A Message from The Moscow Times")
    assert all(s.start < appeal for s in found)


def test_a_score_added_is_no_statement():
    assert reported("Carolina added three more goals before the end of the period.") == []


def test_an_opening_time_phrase_is_neither_subject_nor_apposition():
    text = ("Later that month, SNC-Lavalin applied for a review in Federal Court, arguing the "
            "refusal was unreasonable.")
    [statement] = extract(text, model=None)
    assert (statement.speaker, statement.cue) == ("SNC-Lavalin", "arguing")


def test_a_participle_cue_after_a_comma_takes_the_sentences_subject():
    text = ("Attorney General Roy Cooper, McCrory's opponent in the election, called Friday for "
            'releasing the videos, as well, saying that openness "brings progress."')
    [statement] = [s for s in extract(text, model=None) if s.kind == "mixed"]
    assert (statement.speaker, statement.cue) == ("Roy Cooper", "saying")


def test_an_opening_participle_clause_is_no_subject():
    text = ("Chastened by the analyses, as well as complaints over costs, Trump revised his plan, "
            "promising that taxes would fall.")
    assert all(s.speaker != "Chastened" for s in extract(text, model=None))


def test_a_participle_cue_after_by_takes_the_sentences_subject():
    text = "President Barack Obama responded to a mother on Wednesday by saying the issue was manufactured."
    [statement] = extract(text, model=None)
    assert (statement.speaker, statement.cue) == ("Barack Obama", "saying")


def test_a_cue_in_a_fronted_subordinate_clause_reports_up_to_its_comma():
    text = ("While he acknowledged funding was a major reason, Ham also noted several "
            "“intangibles” left him disillusioned.")
    statements = extract(text, model=None)
    assert [(s.kind, s.text, s.speaker_mention) for s in statements] == [
        ("indirect", "funding was a major reason", "he"),
        ("mixed", "several “intangibles” left him disillusioned", "Ham")]


_SENTENCE_PIECES = st.lists(st.sampled_from(
    ["The mayor", "she", "said", "Said", "told", "reporters", "that", "according", "to", "confident", "asked",
     "whether", "the bridge", "would reopen", "Obama", ":", ",", ".", " ", " ", '"', "“", "”", "-", "İ", "x"]),
    min_size=4, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_SENTENCE_PIECES, st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=3))
def test_the_pre_check_skips_no_sentence_that_reports(text, quoted):
    # A sentence the cheap pre-check turns away yields nothing when read in full.
    quotes = _Quotes([(start, start + length) for start, length in quoted])
    if not _may_report(text, 0, len(text), quotes):
        assert _Sentence(text, 0, len(text), quotes).statements() == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "SAID", "Said", "s", "aid", "told", "went on", "K", "ſ", "İ", "ı", "é", "ＳＡＩＤ",
                                 " ", "-", "’", "'", ".", "\n", "2"]), max_size=12).map("".join))
def test_the_trigger_runs_are_the_ascii_letter_runs_of_the_lower_cased_text(text):
    # The pre-check splits the runs out without a regex: they must be the ones `[a-z]+` finds.
    runs = re.findall("[a-z]+", text.lower())
    assert _holds_trigger(text, 0, len(text)) == (not REPORTING_TRIGGERS.isdisjoint(runs))


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 30)), max_size=5), st.integers(0, 120), st.integers(0, 60))
def test_quote_gaps_are_what_no_quotation_covers(spans, start, length):
    quotes = _Quotes([(s, s + n) for s, n in spans])
    end = start + length
    outside = {p for a, b in quotes.gaps(start, end) for p in range(a, b)}
    assert outside == {p for p in range(start, end) if quotes.covering(p) is None}


@pytest.mark.parametrize("text, content", [
    ("Kim said in his New Year speech he was ready to meet Trump.", "he was ready to meet Trump"),
    ("Kim said in a speech that he was ready to meet Trump.", "he was ready to meet Trump"),
])
def test_a_frame_between_cue_and_clause_is_skipped_up_to_the_clause_s_subject(text, content):
    [statement] = find_reported_speech(text, [(0, len(text))], [])
    assert (statement.text, statement.speaker_mention) == (content, "Kim")


def test_no_clause_is_read_past_a_conjunction_or_an_infinitive():
    text = "He pledged to fund it by running deficits. The gap between what we expect from Trump and what we got is vast."
    assert all(not s.text.startswith(("it ", "we ")) for s in find_reported_speech(text, [(0, 42), (43, len(text))], []))


@pytest.mark.parametrize("sentence, label", [
    ('Trump called Clinton a "liar" during the debate.', 'Clinton a "liar"'),
    ('Reid described Trump as a "con artist" in a speech on Tuesday.', 'Trump as a "con artist"'),
    ('Warren labeled the plan "a disaster" and walked out.', 'the plan "a disaster"'),
    ('Sanders called the bank "a fraud" for cheating its customers.', 'the bank "a fraud"'),
    # After a determiner the quoted word may be part of the noun phrase, which goes on.
    ('Trump calls the "crooked" media his enemy.', 'the "crooked" media his enemy'),
    ('Trump called the "crooked" media a disgrace during the debate.', 'the "crooked" media a disgrace during the debate'),
])
def test_a_label_given_with_a_naming_cue_ends_with_its_quotation(sentence, label):
    one(sentence, kind="mixed", text=label)


def test_a_naming_cue_with_a_particle_reports_its_whole_clause():
    one('Warren called for bonuses to be "clawed back" from the executives.', kind="mixed",
        text='bonuses to be "clawed back" from the executives')


def indirect_texts(text, model):
    """The indirect statements' texts of `text`, by the rules alone or with the packaged model."""
    from tracker.extract import learned
    return [s.text for s in extract(text, model=learned.packaged() if model else None) if s.kind == "indirect"]


@pytest.mark.parametrize("model", [None, "packaged"])
def test_a_game_account_or_an_answers_timing_is_no_statement(model):
    text = ("The Canucks lost 4-2 to the Sharks on Saturday night in San Jose.\n\n"
            "Elias Pettersson added a goal and an assist as the Canucks snapped Edmonton's five-game point streak.\n\n"
            "Edmonton responded a couple minutes later when Jones recorded his first goal.\n\n"
            "Coach Travis Green said the team had played well.\n\n"
            "The mayor said its main goal was to cut taxes, and she added two goals of her own.\n")
    kept = indirect_texts(text, model)
    assert "the team had played well" in kept and "its main goal was to cut taxes" in kept
    assert not any(t.startswith(("a goal and an assist", "Edmonton's five-game", "a couple minutes later")) for t in kept)


def test_something_or_someone_called_or_named_so_is_no_claim():
    for sentence in ("Police said a man named Neil Calder, 47, was charged on Friday.",
                     "She was given a sedative called clonazepam, which is widely prescribed."):
        assert [s.cue for s in reported(sentence) if s.cue in ("called", "named")] == []
    # Naming a choice is a statement: "Trump named Sen. Ted Cruz".
    assert [s.text for s in reported("Asked for a running mate, Trump named Sen. Ted Cruz, who laughed.")
            if s.cue == "named"] != []


@pytest.mark.parametrize("sentence, content", [
    # What the cue takes after it is what was said; the phrase before the subject sets the scene.
    ('With the cameras rolling, Trump said in an exchange with Schumer that he would "take the mantle" for it.',
     'he would "take the mantle" for it'),
    ("Meanwhile, in that same budget, officials had admitted “there is some uncertainty” about the figures.",
     "“there is some uncertainty” about the figures"),
    ("But unlike its rival, the carmaker expects to turn a profit next year.", "to turn a profit next year"),
])
def test_a_fronted_phrase_is_no_clause_when_the_cue_takes_its_own(sentence, content):
    one(sentence, text=content)


def test_a_clause_before_a_cue_with_a_short_frame_is_still_reported():
    one("Taxes will rise next year, the minister said in an interview.", text="Taxes will rise next year",
        speaker_mention="the minister")


def test_a_phrase_setting_the_scene_is_no_clause_reported():
    assert [s.text for s in reported("In a later interview with the Times, Ginsburg joked.")] == []
    one("About 270 people have now been resettled, the department said.",
        text="About 270 people have now been resettled")
    # In a parenthetical the fronted phrase opens the clause that goes on after the cue.
    s = one("During his years in office, Obama said, most Americans have come to agree.")
    assert s.text.startswith("During his years") and s.text.endswith("have come to agree")


@pytest.mark.parametrize("model", [None, "packaged"])
def test_a_skill_known_or_something_seen_happen_is_no_statement(model):
    text = ("Medicine Hat saw people sporting yellow vests and driving in convoys.\n\n"
            "He saw it coming not long after his victory in Houston.\n\n"
            "Woods knows how to win at this course.\n\n"
            "Anderson saw Clinton's running mate speak at a rally.\n\n"
            "He saw that the plan would fail, and he knows the economy is weak.\n")
    kept = indirect_texts(text, model)
    assert not any(t.startswith(("people sporting", "it coming", "how to win")) for t in kept)
    if model is None:  # what the rules still report; the model keeps what it finds
        assert "the plan would fail" in kept and any(t.startswith("Clinton's running mate") for t in kept)


def test_a_cue_noun_after_a_possessor_holds_no_clause_but_its_own():
    assert [s.cue for s in reported("McCallum's comments raised concerns over political interference.")] == []
    assert [s.text for s in reported("The Kremlin’s hopes would see an end to sanctions.")] == []
    assert one("Ford's plans to open a plant in Mexico were announced on Monday.").text.startswith("to open a plant")
    one("She's said the plan is dead.", text="the plan is dead")


def test_told_someone_then_a_clause_is_the_clause_not_an_infinitive_inside_it():
    one("Garnier told the jury he did not remember using the bin to dispose of the body.",
        text="he did not remember using the bin to dispose of the body", addressee="the jury")
    one("She urged ministers to act on the report.", text="to act on the report", addressee="ministers")


def test_when_someone_asked_is_no_question_asked():
    text = '“Are there prizes?” Lincicome asked before going off in the anchor position.'
    assert [s.text for s in reported(text) if s.kind == "indirect"] == []
    one("They asked for a recount after the vote.", text="for a recount after the vote")
    one("She argued in favor of a recount.", text="in favor of a recount")


def test_a_call_made_or_a_player_called_up_is_no_claim():
    text = ("He called her to say they would not vote for her. Nedeljkovic got called up this month. "
            "Trump called him, among other things, a failed candidate. She called them rapists.")
    assert [s.text for s in reported(text)] == ["him, among other things, a failed candidate", "them rapists"]


def test_talks_with_someone_say_whom_not_what():
    assert [s.text for s in reported("Schumer has been talking with his colleagues for months.")] == []
    one("He talked about the war in Syria.", text="the war in Syria")


def test_a_frame_after_and_is_how_the_sentence_s_subject_said_it():
    text = ("Trudeau called the allegation false on Thursday and in a carefully worded response "
            "said he never issued directions on the case.")
    said = [s for s in reported(text) if s.cue == "said"]
    assert [(s.text, s.speaker_mention) for s in said] == [("he never issued directions on the case", "Trudeau")]


def test_voiced_reports_what_was_voiced():
    one('He voiced his "frustration, anger and helplessness" on Twitter.', kind="mixed", cue="voiced")
    one("The mayor voiced concern that the plan would fail.", kind="indirect", cue="voiced",
        text="concern that the plan would fail")


def test_a_short_clause_keeps_its_whole_date_or_none_of_it():
    # Not "the cuts on", the date taken from it but for its preposition.
    statements = extract("The Star has learned that Premier Doug Ford will announce the cuts on Monday.", model=None)
    assert [(s.text, s.date_mention) for s in statements] == [
        ("Premier Doug Ford will announce the cuts", "on Monday"), ("the cuts on Monday", None)]
