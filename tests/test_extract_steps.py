"""Each extraction step on its own, on texts written here."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract
from tracker.extract.attribution import attribute
from tracker.extract.direct import direct_statements
from tracker.extract.lexicon import CUE_FORMS, FEMALE_HONORIFICS, INVERTING_CUES, NAME_TITLES, TITLE_PROPERTIES, TITLES
from tracker.extract.model import Statement
from tracker.extract.pipeline import _trim_mention
from tracker.extract.quotes import find_quotes
from tracker.extract.resolve import Resolver
from tracker.extract.segment import (
    _APPEAL,
    _CAPTION_CREDIT,
    _INTERSTITIAL,
    _QUOTE_MARK,
    _VIDEO_DURATION,
    _may_appeal,
    article_end,
    is_interstitial,
    paragraphs,
    segment,
    sentences,
)


# ---------------------------------------------------------------- lexicon
def test_cue_forms_map_to_lemmas():
    assert CUE_FORMS["said"] == "say"
    assert CUE_FORMS["told"] == "tell"
    assert "added" in INVERTING_CUES and "called" not in INVERTING_CUES


def test_one_title_table_gives_every_title_list():
    assert TITLE_PROPERTIES["mrs"] == (True, "f") and TITLE_PROPERTIES["former"] == (False, None)
    assert {"mrs", "sen", "mayor"} <= NAME_TITLES < TITLES
    assert "former" in TITLES and "former" not in NAME_TITLES
    assert {"mrs", "chairwoman"} <= FEMALE_HONORIFICS


# ---------------------------------------------------------------- segment
def test_paragraphs_on_single_and_blank_line_breaks():
    text = "One.\nTwo.\n\n  Three.  \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_sentences_keep_news_abbreviations():
    text = 'Sen. Ted Cruz met Mr. Smith in the U.S. on Sept. 3. He left. "Why?" she asked.'
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Sen. Ted Cruz met Mr. Smith in the U.S. on Sept. 3.", "He left.", '"Why?" she asked.']


def test_sentences_never_cross_paragraphs():
    text = "He said it was over\nShe disagreed."
    assert [text[s:e] for s, e in sentences(text)] == ["He said it was over", "She disagreed."]


def test_sentences_after_numbers_and_initials():
    text = "Prices rose 3 percent in 2016. He paid $5 million. then left.\nGeorge W. Bush agreed. So did I."
    got = [text[s:e] for s, e in sentences(text)]
    assert got[0] == "Prices rose 3 percent in 2016."
    assert "George W. Bush agreed." in got
    assert got[1] == "He paid $5 million. then left."
    assert got[-1] == "So did I."


def test_appended_appeal_is_cut_with_its_heading():
    body = "The minister resigned on Monday.\nHe said he was tired.\nThe vote is next week.\n"
    appeal = ("A Message from Our Newsroom:\nDear readers,\n"
              "We need your help. Please support us monthly.\nRemind me later.")
    text = body + appeal
    assert article_end(text) == len(body)
    assert all(end <= len(body) for _, end in sentences(text))


def test_related_list_is_cut_but_news_about_donations_is_not():
    news = ("The senator asked supporters to donate to the campaign.\n"
            "Donors gave $3 million, officials said.\n")
    assert article_end(news) == len(news)
    text = news + "Read more: Senate passes budget\n"
    assert article_end(text) == len(news)


def test_every_appeal_has_a_clue():
    # The cheap test before the appeal regex never turns an appeal away, whatever its case.
    for phrase in ("Support us", "support our newsroom", "PLEASE DONATE", "please support", "Make a contribution",
                   "remind me later", "Subscribe today", "ſubscribe now", "remınd me later"):
        if _APPEAL.search(phrase):
            assert _may_appeal(phrase), phrase
    assert not _may_appeal("The minister spoke on Monday.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Watch", "READ MORE:", "Officials met.", " ", "\n", "2:43", "12:05", ".", "(", ")",
                                 "Jane Doe/CBC", "Getty Images", '"', "“", "x", "\u00a0", "٣"]), max_size=12).map("".join))
def test_interstitial_reads_the_end_only_when_it_may_matter(text):
    # Looking at the paragraph's last characters first changes no answer of the three regexes.
    full = bool(_INTERSTITIAL.match(text) or _VIDEO_DURATION.search(text)
                or (not _QUOTE_MARK.search(text) and _CAPTION_CREDIT.search(text)))
    assert is_interstitial(text, 0, len(text)) == full


def test_segment_bundles_the_three_results():
    text = "A first line.\nDear readers, support us."
    segments = segment(text)
    assert segments.end == text.index("Dear")
    assert segments.sentences == [(0, 13)]


# ---------------------------------------------------------------- quotes
def _quoted(text):
    return [q.clean_text(text) for q in find_quotes(text)]


def test_curly_and_straight_double_quotes():
    assert _quoted('He said "yes" and “no.”') == ["yes", "no."]


def test_apostrophes_and_nested_single_quotes_stay_inside():
    text = "“It's the ‘best’ deal,” she said."
    assert _quoted(text) == ["It's the ‘best’ deal,"]


def test_single_quotes_when_the_article_has_no_double_quotes():
    text = "‘We won’t go,’ she said, and the voters' mood was clear."
    assert _quoted(text) == ["We won’t go,"]


def test_quote_running_over_paragraphs_is_one_passage():
    text = "She said: “First part.\n“Second part.”\nAfter."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].clean_text(text) == "First part. Second part."
    assert text[quotes[0].start] == "“" and text[quotes[0].end - 1] == "”"


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He called it “a sham.\nThe vote went ahead.\n“Yes,” she said."
    quotes = find_quotes(text)
    assert [q.clean_text(text) for q in quotes] == ["a sham.", "Yes,"]
    assert quotes[0].end == text.index("\n")


def test_opening_mark_typed_for_a_closing_one():
    text = '“The reality is grim,“ said Jim Clyburn. “We will see.”'
    assert _quoted(text) == ["The reality is grim,", "We will see."]


def test_quotes_without_words_are_dropped():
    assert find_quotes('"" “ ” ""') == []


def test_quotes_stop_at_the_limit():
    text = '"In," she said.\n"Out," they wrote.'
    assert _quoted(text[:0] + text)[:1] == ["In,"]
    assert [q.clean_text(text) for q in find_quotes(text, limit=16)] == ["In,"]


# ---------------------------------------------------------------- attribution
def _attribution(text):
    quote = find_quotes(text)[0]
    found = attribute(text, quote.start, quote.end, 0, len(text), 0)
    if found is None:
        return None
    return (found.subject.of(text), found.cue.of(text),
            found.addressee.of(text) if found.addressee else None,
            found.date.of(text) if found.date else None)


def test_subject_then_cue_after_the_quote():
    assert _attribution('"We will fight," she said.') == ("she", "said", None, None)


def test_a_cue_word_used_as_a_noun_belongs_to_the_subject():
    assert _attribution('"We will appeal," the civil claim says.') == ("the civil claim", "says", None, None)
    assert _attribution('"We will appeal," the report said.') == ("the report", "said", None, None)


def test_a_possessed_cue_noun_introduces_only_its_own_quote():
    text = 'Minyon Moore called Mr. Obama\'s remarks on Saturday "a true wake-up call" for voters.'
    assert _attribution(text)[:2] == ("Minyon Moore", "called")
    text = 'Politifact checked Donald Trump\'s claim that there were "thousands of shootings" there.'
    assert _attribution(text)[1] == "claim"


def test_a_datelines_place_in_capitals_is_no_organisation():
    text = ("OTTAWA — The plan was announced on Monday. The report found spending fell. "
            '"Projects were late," the report said.')
    assert _resolve(text, "the report") is None


def test_cue_then_subject_after_the_quote():
    assert _attribution('"No," said Anna Smith, a spokeswoman.') == ("Anna Smith", "said", None, None)


def test_apposition_between_subject_and_cue():
    got = _attribution('"Enough," Jan Kowalski, the trade minister, said on Monday.')
    assert got == ("Jan Kowalski", "said", None, "on Monday")


def test_lower_case_descriptors_before_a_name():
    assert _attribution('"Cruz is second," former congressman Dan Maffei said.') == (
        "former congressman Dan Maffei", "said", None, None)
    assert _attribution('"No," said master of ceremonies Asab Al-Tabchi, a Syrian engineer.') == (
        "master of ceremonies Asab Al-Tabchi", "said", None, None)
    assert _attribution('"They like him," this source told the Post.') == (
        "this source", "told", "the Post", None)
    # A clause ending in a name is not a description.
    assert _attribution('"Low energy," for the eventual nominee but did not Bush said.') is None


def test_adverbs_before_a_cue_are_not_the_subject():
    # The words a reported clause allows between a subject and its cue (AUXILIARIES) are the
    # ones a quote's introduction drops from its subject.
    assert _attribution('Clinton initially said, "I did not send any."')[:2] == ("Clinton", "said")
    assert _attribution('The mayor finally said: "We will rebuild."')[:2] == ("The mayor", "said")


def test_rarer_cues_in_the_past_tense():
    assert _attribution('"What was the pivot?" Beck questioned.')[:2] == ("Beck", "questioned")
    assert _attribution('"Free stuff," Bennett shot back with a laugh.')[:2] == ("Bennett", "shot back")


def test_quote_ending_on_a_comma_keeps_its_attribution_before_a_colon():
    assert _attribution('"There is a man with problems," Cruz said as the heckler yelled: "You suck!"')[:2] == (
        "Cruz", "said")


def test_coordinated_cue_takes_the_sentence_subject():
    assert _attribution('Asked about it, he laughed and said, "We will see."')[:2] == ("he", "said")


def test_quote_closing_its_sentence_belongs_to_the_cue_introducing_it():
    text = 'He backed Obama and said, "Clinton never did anything for us." Sharpton later clarified that.'
    assert _attribution(text)[:2] == ("He", "said")


def test_participle_cue_takes_the_whole_leading_name_past_a_dateline():
    text = 'WASHINGTON — Huma Abedin, a campaign aide, emailed supporters, telling them, "I am proud."'
    assert _attribution(text)[:2] == ("Huma Abedin", "telling")


def test_sentence_subject_after_several_opening_phrases():
    text = 'Last month, when I asked Sanders about it, he looked at me and said, "I will endorse YOU!"'
    assert _attribution(text)[:2] == ("he", "said")
    text = 'To wit, Trump spoke to Newsmax on Monday, adding, "He lost all of the Latino vote."'
    assert _attribution(text)[:2] == ("Trump", "adding")


def test_participle_after_a_name_is_the_names_and_descriptions_stay_whole():
    text = 'The ad uses footage of Hillary Clinton asking, "Why aren\'t I 50 points ahead?"'
    assert _attribution(text)[:2] == ("Hillary Clinton", "asking")
    text = 'The judge rubbed his chin, and then said, "This is strange."'
    assert _attribution(text)[:2] == ("The judge", "said")


def test_point_is_a_cue_only_as_point_out():
    assert _attribution('At one point, Cruz coached Trump to "breathe, breathe."') is None


def test_addressee_is_recorded_apart_from_the_speaker():
    got = _attribution('"It is occupation," Tikhanovskaya told AFP after meeting ministers.')
    assert got == ("Tikhanovskaya", "told", "AFP", None)


def test_cue_before_the_quote():
    assert _attribution('The mayor said in a statement: "We are ready."') == (
        "The mayor", "said", None, None)
    assert _attribution('In one tweet, Trump wrote: "Sad!"') == ("Trump", "wrote", None, None)


def test_according_to():
    assert _attribution('"Talks failed," according to two officials.') == (
        "two officials", "according to", None, None)


def test_passive_cue_gives_no_speaker():
    assert _attribution("The leader has been warned that his regime is “crumbling”.") is None


def test_scare_quote_has_no_attribution():
    assert _attribution("The elections were dismissed as a “sham” by critics.") is None


# ---------------------------------------------------------------- direct statements
def _direct(text):
    return direct_statements(text, segment(text), find_quotes(text))[0]


def test_interrupted_quote_is_one_statement():
    text = 'Intro.\n"We lost," she added, "but we will be back."'
    [statement] = _direct(text)
    assert statement.text == "We lost, but we will be back."
    assert text[statement.start] == '"' and statement.end == len(text)
    assert statement.speaker_mention == "she" and statement.cue == "added"


def test_a_quoted_sentence_resumes_after_a_phrase_of_its_attribution():
    text = ('"Every time you say that," Ann Ray said, pointing at the chart, "you prove my point."\n\n'
            '"We won," Bo Li said, adding that the vote was "close."')
    statements = _direct(text)
    assert [(s.text, s.speaker_mention) for s in statements][0] == (
        "Every time you say that, you prove my point.", "Ann Ray")
    # The phrase leads into the second quote: it is no resumption of "We won,".
    assert "close" not in statements[1].text

def test_a_quoted_sentence_after_a_mixed_statement_stays_a_statement():
    text = ('Ava Lee said she made the film because "most people do not know the law," she said. '
            '"We have no context for the present if we do not know the past."')
    statements = [s for s in extract(text, model=None) if s.kind == "direct"]
    assert [(s.text, s.speaker) for s in statements] == [
        ("We have no context for the present if we do not know the past.", "Ava Lee")]


def test_quote_introduced_by_its_cue_is_direct_not_mixed():
    text = 'When asked in October, Donald Trump said, "It is being discussed. We have to be careful."'
    [statement] = extract(text)
    assert (statement.kind, statement.speaker_mention) == ("direct", "Donald Trump")
    text = 'Mr. Obama said, most Americans have come to believe "that climate change is real."'
    [statement] = extract(text)
    assert statement.kind == "mixed"


def test_cue_inside_a_quote_opens_no_statement():
    text = 'Estrosi told the channel that "the driver fired on the crowd, according to the police."'
    [statement] = extract(text)
    assert (statement.kind, statement.speaker_mention) == ("direct", "Estrosi")
    assert statement.text == "the driver fired on the crowd, according to the police."


def test_reported_clause_runs_to_the_end_of_its_quote():
    text = 'She said she looks forward to "seeing her back, continuing on the path to victory."'
    [statement] = extract(text)
    assert statement.kind == "mixed" and statement.text.endswith('victory."')


def test_floating_quote_takes_the_previous_speaker():
    text = '"We lost," Ann Lee said.\n"Next year we win."\n\nA "sham" vote followed.'
    statements = _direct(text)
    assert [s.text for s in statements] == ["We lost.", "Next year we win."]
    assert statements[1].speaker_start == statements[0].speaker_start
    assert statements[1].speaker_mention == "Ann Lee"


def test_floating_quote_does_not_cross_a_narrative_paragraph():
    text = '"We lost," Ann Lee said.\nThe count went on for days.\n"Nobody knows."'
    assert [s.text for s in _direct(text)] == ["We lost."]


def test_colon_paragraph_introduces_the_next_quote():
    text = "The governor said:\n“We will rebuild.”"
    [statement] = _direct(text)
    assert statement.speaker_mention == "The governor"


def test_quoted_titles_are_not_statements():
    text = 'He appeared on Fox News\'s "Fox and Friends," Flynn said.'
    assert _direct(text) == []


# ---------------------------------------------------------------- resolution
def _resolve(text, mention, occurrence=-1):
    from tracker.extract.quotes import find_quotes as quotes_of
    start = [i for i in range(len(text)) if text.startswith(mention, i)][occurrence]
    quoted = sorted(piece for q in quotes_of(text) for piece in q.pieces)
    resolver = Resolver(text, sentences(text), quoted, [(start, start + len(mention))])
    entity = resolver.resolve(start, start + len(mention))
    return entity and (entity.name, entity.kind)


def test_pronoun_takes_the_recent_compatible_person():
    text = ("Svetlana Tikhanovskaya met Donald Trump's envoy. Later she spoke to Mr. Smith. "
            '"We will win," she said.')
    assert _resolve(text, "she") == ("Svetlana Tikhanovskaya", "person")


def test_pronoun_skips_names_inside_quotes():
    text = 'Ann Lee spoke first.\n"Putin and Lukashenko lie," she said.'
    assert _resolve(text, "she") == ("Ann Lee", "person")


def test_surname_resolves_to_the_fullest_form_and_spelling_variants_merge():
    text = ("Svetlana Tikhonovskaya leads the opposition. Tikhanovskaya said it again. "
            '"Yes," Tikhanovskaya said.')
    assert _resolve(text, "Tikhanovskaya") == ("Svetlana Tikhonovskaya", "person")


def test_description_resolves_to_the_name_introduced_with_it():
    text = ("Belarus opposition leader Svetlana Tikhanovskaya arrived with Alexander Lukashenko's "
            'critics. "Enough," the opposition leader said.')
    assert _resolve(text, "the opposition leader") == ("Svetlana Tikhanovskaya", "person")


@pytest.mark.parametrize("text, speaker", [
    ("The Food and Drug Administration said on Monday that the drug was safe.", "Food and Drug Administration"),
    ("The Centers for Disease Control and Prevention said the outbreak was over.", "Centers for Disease Control and Prevention"),
    ("The Department of Health and Human Services said the rule would take effect.", "Department of Health and Human Services"),
    ("The Immigration and Refugee Board said it would review the case.", "Immigration and Refugee Board"),
    ("According to The Globe and Mail, officials pressed the minister to intervene.", "Globe and Mail"),
    # Two names, or two bodies, joined by "and": the last is the subject, as before.
    ("Donald Trump and Hillary Clinton said they would debate again.", "Hillary Clinton"),
    ("The University of Toronto and McGill University said the exams would go ahead.", "McGill University"),
    ("The American Civil Liberties Union of Ohio and Demos said the law was unfair.", "Demos"),
])
def test_and_inside_a_bodys_name_is_part_of_it(text, speaker):
    assert [s.speaker for s in extract(text)] == [speaker]


@pytest.mark.parametrize("text, speaker, kind", [
    ("A new Gallup poll found that most voters want change.", "Gallup", "organisation"),
    ("A Washington Post-ABC News poll found that most voters want change.", "Washington Post-ABC News", "organisation"),
    ("In a Donald Trump tweet on Monday, he said the election was rigged.", "Donald Trump", "person"),
    ("The Parliamentary Budget Officer (PBO) spoke on Monday. An August PBO report found that spending lagged.",
     "Parliamentary Budget Officer", "organisation"),
    # A date, a platform or a place makes nothing.
    ("A June poll found that most voters want change.", None, "organisation"),
    ("A Facebook post said that the school would close.", None, None),
    ("A California poll found that most voters want change.", None, "organisation"),
    # Nor is a mention whose head comes before the document the document's.
    ("Some 78 percent of voters in a recent CBS News poll said they want change.", None, "organisation"),
    ("A POLITICO analysis of FEC records found that the group raised $3 million.", None, None),
    # Evidence is its maker's too, but a sentence's capitalised first word makes nothing.
    ("A Toronto Star investigation found that patients waited more than a year for surgery.", "Toronto Star", "organisation"),
    ("FEC records show that the group raised $3 million in the quarter.", "FEC", "organisation"),
    ("Exit polls showed that turnout rose sharply in the province.", None, None),
    ("Tuesday's results showed that turnout rose sharply in the province.", None, None),
])
def test_a_document_is_by_the_name_just_before_its_noun(text, speaker, kind):
    statement = extract(text)[-1]
    assert (statement.speaker, statement.speaker_kind) == (speaker, kind)


def test_a_professional_or_an_organizer_is_a_person_noun():
    text = ("President Uhuru Kenyatta announced the end of the siege on Wednesday. One group entered a nearby office "
            "building, where they left a grenade in the lobby, a private security professional present during the "
            "attack told Reuters.\n\nThe other group raked the restaurant with gunfire. Eventually the militants "
            "holed up on the top floor of the hotel, he said.")
    assert [s.speaker for s in extract(text)] == ["Uhuru Kenyatta", None, None]  # "he": the unnamed professional
    text = 'Organizer Dwayne Croteau said the agreement went too far. "It is more law than we need," he said.'
    assert [s.speaker for s in extract(text)] == ["Dwayne Croteau", "Dwayne Croteau"]


def test_a_work_or_an_award_never_speaks():
    text = ("Our daughters recently watched the Christmas classic Home Alone, where Kevin McCallister takes his cues "
            "from the men he sees on TV. \u201cIt\u2019s my house and I have to defend it,\u201d he concludes.")
    assert [s.speaker for s in extract(text)] == ["Kevin McCallister"]
    text = ("Christian Bale won on Sunday. It is the second Golden Globe for Bale, who plays Dick Cheney. "
            "He later thanked Satan in his acceptance speech.")
    assert extract(text)[-1].speaker == "Christian Bale"
    # A verb is no work noun: "polls that show Bernie Sanders" leave him a person.
    assert _resolve("New polls that show Bernie Sanders ahead came out. Sanders said he was pleased.", "Sanders") == (
        "Bernie Sanders", "person")


def test_a_datelines_capitals_are_not_the_name_a_reader_sees():
    text = ("OTTAWA — The budget was tabled on Monday. In its 2016 budget, Ottawa suggested the multiplier of its "
            "infrastructure spending would be 1.4 in 2017.")
    assert [s.speaker for s in extract(text)] == ["Ottawa"]
    # An acronym keeps its capitals.
    text = "ISIS fighters retreated on Monday. In a statement, Isis said the city had fallen to its fighters."
    assert _resolve(text, "Isis") == ("ISIS", "organisation")


@pytest.mark.parametrize("text", [
    "In December 2015, a man named Neil Calder was charged. Six months later he pleaded guilty and was sentenced.",
    "In December 2015, a man named Neil Calder was charged. Decades later he said he still regretted it.",
])
def test_a_number_or_a_span_of_time_opening_a_sentence_is_no_name(text):
    assert extract(text)[-1].speaker == "Neil Calder"


def test_the_first_word_of_an_outlet_named_with_and_names_it_again():
    text = ("The Globe and Mail reported on Thursday that the office pressed her. The Globe also said that the "
            "minister had refused to intervene. Wilson-Raybould, according to the Globe report, rebuffed the pressure "
            "from the Prime Minister's Office over the case.")
    assert [s.speaker for s in extract(text)] == ["Globe and Mail"] * 3


def test_an_outlet_is_named_whole_as_addressee_and_as_speaker():
    [quote] = extract('"We will not comment on this story," her office told The Globe and Mail on Tuesday.')
    assert quote.addressee == "The Globe and Mail"
    [claim] = extract("The minister will resign before the election, her office told The Globe and Mail.")
    assert (claim.addressee, claim.text) == ("The Globe and Mail", "The minister will resign before the election")
    # A place and a masthead word name an outlet, and the masthead word alone names it again.
    statements = extract("The Toronto Star reported on Monday that the plan was dead. The Star has learned that the minister will resign.")
    assert [(s.speaker, s.speaker_kind) for s in statements] == [("Toronto Star", "organisation")] * 2


def test_a_given_name_the_us_census_lacks_still_makes_a_person_a_pronoun_stands_for():
    text = ("Alexandre Tremblay had a history of mental health issues. He told psychologists that mass shooters "
            "such as Dylann Roof were his idols.\n\nHe also told investigators that he was upset with the government.")
    assert [s.speaker for s in extract(text)] == ["Alexandre Tremblay", "Alexandre Tremblay"]
    from tracker.extract.lexicon import given_names
    assert (given_names()["alexandre"], given_names()["mamadou"], given_names()["iryna"]) == ("m", "m", "f")
    # Not the words of place names, nor English words, nor common surnames that the source lists as given names.
    assert not {"nova", "angeles", "said", "an", "ocean", "smith", "miller"} & given_names().keys()


def test_who_is_heard_saying_it_speaks_not_who_hears_it():
    text = 'Nathan Phillips spoke on Sunday. But Phillips said he heard students shout, "Build that wall!"'
    [statement] = extract(text)
    assert (statement.speaker_mention, statement.speaker) == ("students", None)


def test_a_definite_description_after_someone_unnamed_is_that_one():
    text = ("Officials in the justice department gave a briefing on Monday. Unlike John McCallum, the officials "
            "were careful not to weigh in on the case.\n\n"
            '"It is up to the minister to decide," a justice official said at the briefing.\n\n'
            '"Most of those requests go through," the official said.')
    assert [(s.speaker_mention, s.speaker) for s in extract(text)] == [
        ("a justice official", None), ("the official", None)]
    # Unless a name comes after with the description's words just before it.
    text = ("A federal judge said on Friday that the documents must be released. U.S. District Judge Gonzalo "
            'Curiel wrote that the public interest was great.\n\n"The court has weighed the interests," the judge said.')
    assert _resolve(text, "the judge") == ("Gonzalo Curiel", "person")


def test_namesakes_of_another_gender_stay_apart():
    text = ("President Obama spoke on Saturday. Michelle Obama spoke before him. "
            '"Our progress is on the ballot," Mr. Obama said. "Vote," Mrs. Obama said.')
    assert _resolve(text, "Mr. Obama") == ("Obama", "person")
    assert _resolve(text, "President Obama") == ("Obama", "person")
    assert _resolve(text, "Michelle Obama") == ("Michelle Obama", "person")
    assert _resolve(text, "Mrs. Obama") == ("Michelle Obama", "person")


def test_a_description_needs_its_head_word_near_the_name():
    text = ("Ivanka Trump, the Republican presidential nominee's eldest daughter, wrote an essay. "
            "Donald Trump released his plan. The GOP candidate said it was fair.")
    assert _resolve(text, "The GOP candidate") != ("Ivanka Trump", "person")


def test_a_headline_runs_no_words_into_a_name():
    text = ("Rush Limbaugh Slams Hillary Asking Moderator To Fact Check Trump\n\n"
            "Donald Trump spoke on Monday. Trump said he would win.")
    assert _resolve(text, "Trump") == ("Donald Trump", "person")


def test_a_role_before_a_given_name_is_no_part_of_the_name():
    text = "Assistant Commissioner Eric Stubbs spoke. Stubbs said the review was done."
    assert _resolve(text, "Stubbs") == ("Eric Stubbs", "person")


def test_organisation_named_at_the_end_of_a_long_mention():
    text = "Analysts from US think tank the Institute for the Study of War wrote a report."
    assert _resolve(text, "Analysts from US think tank the Institute for the Study of War") == (
        "Institute for the Study of War", "organisation")


def test_modifier_name_is_not_the_speaker():
    text = "Exit polls said the president won."
    assert _resolve(text, "Exit polls") is None


def test_names_ending_in_a_bare_mark_or_possessive():
    # "D.C.’s" reads as the acronym DC and "’s", the last empty once its possessive is
    # dropped; "’s" alone is no name at all.
    text = ("We’d met at plan c in Washington D.C.’s office, ’s.\n"
            '"We are ready," the mayor said.')
    start = text.index("Washington")
    resolver = Resolver(text, sentences(text), [], [])
    assert resolver._name_tokens(start + len("Washington "), text.index(" office"))[2] == ("DC",)
    assert resolver._name_tokens(text.index("’s."), text.index("’s.") + 2) is None
    from tracker.extract import extract
    assert [s.text for s in extract(text, model=None)] == ["We are ready."]


def test_participle_cue_takes_the_sentence_subject():
    text = 'In a speech, Trump attacked Clinton, saying, "She is unstable."'
    assert _attribution(text)[:2] == ("Trump", "saying")


def test_as_x_put_it_and_speaker_labels():
    assert _attribution('As Vulture put it, "Hello, it is the Biebs."')[:2] == ("Vulture", "put it")
    assert _attribution('He spoke last. Bush: "The mission is to destroy ISIS."')[0] == "Bush"


def test_byline_dash_after_a_quote():
    assert _attribution("“I am so ashamed.” ― Jacklyn Ashley")[0] == "Jacklyn Ashley"


def test_cue_with_colon_introduces_the_next_quote():
    text = 'She said he was “refining practices.” He added: “My team remains.”'
    statements = _direct(text)
    assert [s.text for s in statements] == ["refining practices.", "My team remains."]
    assert statements[1].speaker_mention == "He"


def test_later_quote_in_the_paragraph_joins_the_statement():
    text = '"We won," Ann Lee said in a statement to reporters. "Next year too."'
    [statement] = _direct(text)
    assert statement.text == "We won. Next year too." and statement.end == len(text)


def test_dense_runs_of_marks_are_not_statements():
    text = 'Ann Lee said: ' + '"a" ' * 200
    assert _direct(text) == []
    assert len(_direct('Ann Lee said: "a" and "b".')) == 1


def test_initials_stay_in_the_subject_and_adjectival_participles_are_no_cue():
    assert _attribution('"It is over," said Robert S. Ford, a former ambassador.')[0] == "Robert S. Ford"
    text = 'Trump told the Post in a written statement, "I do not want it."'
    assert _attribution(text)[:2] == ("Trump", "told")


def test_the_arabic_article_in_lower_case_is_part_of_the_name_and_may_be_left_out():
    text = "The Somali group al-Shabaab said it carried out the attack."
    assert [s.speaker for s in extract(text, model=None)] == ["al-Shabaab"]
    text = "Egyptian President Abdel Fattah el-Sisi said the talks would go on."
    assert [s.speaker for s in extract(text, model=None)] == ["Abdel Fattah el-Sisi"]
    text = "Bashar al-Assad said he would stay. Assad added that the war was over."
    assert [s.speaker for s in extract(text, model=None)] == ["Bashar al-Assad", "Bashar al-Assad"]


def test_a_description_with_a_modifier_goes_to_whom_it_was_said_of_with_that_modifier():
    text = ("House Speaker Paul Ryan, a Republican from Wisconsin, spoke first. Republican nominee Donald Trump "
            "spoke next. The Wisconsin Republican said the party was united.")
    assert [(s.speaker, s.speaker_mention) for s in extract(text, model=None)] == [
        ("Paul Ryan", "The Wisconsin Republican")]


def test_fullest_name_leaves_titles_out():
    text = ('Italian Prime Minister Matteo Renzi arrived. "We agree," Renzi said.')
    assert _resolve(text, "Renzi") == ("Matteo Renzi", "person")


def test_bare_weekday_date_and_addressee_ends_before_it():
    got = _attribution('"We are ready," Ann Lee told reporters Tuesday in Ohio.')
    assert got == ("Ann Lee", "told", "reporters", "Tuesday")


def test_link_lines_and_captions_inside_an_article_are_skipped_not_its_end():
    text = ("The council met on Monday.\n\n"
            "READ MORE: Council delays budget vote\n\n"
            "\"We will vote next week,\" Mayor Ana Costa said.\n\n"
            "WATCH: Residents protest outside city hall\n\n"
            "Costa, left, speaks to reporters. (Jane Doe/CBC)\n\n"
            "\"The budget is sound,\" she said.\n")
    segments = segment(text)
    kept = [text[s:e] for s, e in segments.paragraphs]
    assert kept == ["The council met on Monday.", "\"We will vote next week,\" Mayor Ana Costa said.",
                    "\"The budget is sound,\" she said."]
    assert segments.end == len(text)
    assert [s.text for s in extract(text)] == ["We will vote next week.", "The budget is sound."]


def test_reading_links_and_contact_lines_are_no_statements_and_nobody_pronouns_go_to():
    text = ("Relevant Reading: How To Talk About Politics With Your Son\n\n"
            "She thinks the council should listen more.\n\n"
            "LOOK: The best and worst looks of the gala\n\n"
            "Email: asmith@example.com | Twitter: asmith_news\n")
    assert [text[s:e] for s, e in segment(text).paragraphs] == ["She thinks the council should listen more."]
    assert [(s.text, s.speaker) for s in extract(text, model=None)] == [
        ("the council should listen more", None)]
    # A paragraph that opens so in the story stays: a plain "Look:" or a headline of a company's claim.
    for line in ("Look: I am not going anywhere.", "Twitter: We Will Ban Political Ads Worldwide"):
        assert not is_interstitial(line, 0, len(line))


def test_a_continued_below_line_or_a_teaser_heading_does_not_break_a_quote_across_it():
    opening = ("The council met on Monday to discuss the transit plan.\n\n"
               "\"We have built this plan over ten years,\" said Mayor Sam Ortiz. \"It is not finished.\n\n")
    rest = "\"But we are close, and the riders will see it.\"\n\nOrtiz added that the vote is in March.\n"
    for line in ("Article Continued Below", "Story continued below", "\ufeffAlso on HuffPost:", "Also on HuffPost"):
        text = opening + line + "\n\n" + rest
        assert not any(line.lstrip("\ufeff") in text[s:e] for s, e in segment(text).paragraphs)
        direct = [(s.text, s.speaker) for s in extract(text, model=None) if s.kind == "direct"]
        assert direct == [("We have built this plan over ten years. It is not finished. "
                           "But we are close, and the riders will see it.", "Sam Ortiz")], line
    # A story's own line that opens so stays.
    for line in ("Also on Tuesday: the council met.", "Also on the ballot is a vote on the transit levy."):
        assert not is_interstitial(line, 0, len(line))


def test_a_photo_line_is_skipped_and_a_sites_own_list_heading_ends_the_article():
    text = ("\"We have built this plan over ten years,\" said Mayor Sam Ortiz. \"It is not finished.\n\n"
            "Open this photo in gallery:\n\n"
            "Mayor Sam Ortiz speaks at city hall on Monday. (Jane Doe/The Globe and Mail)\n\n"
            "\"But we are close.\"\n\n"
            "CTVNews.ca Top Stories\n\n"
            "'We will fight': Premier vows to appeal the ruling\n")
    assert [(s.text, s.speaker) for s in extract(text, model=None)] == [
        ("We have built this plan over ten years. It is not finished. But we are close.", "Sam Ortiz")]
    assert segment(text).end == text.index("CTVNews.ca")


def test_a_block_that_ends_the_article_still_ends_extraction():
    text = ("\"We will vote next week,\" Ana Costa said.\n\n"
            "More from City News:\n\n"
            "\"Taxes rise\" says report\n")
    assert segment(text).end == text.index("More from")
    assert len(extract(text)) == 1


def test_punctuation_lines_between_paragraphs_are_no_paragraphs():
    text = 'Ana Costa spoke first.\n .\n "We will win," she said.\n .\n "Next year we will be back."\n'
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Ana Costa spoke first.", '"We will win," she said.', '"Next year we will be back."']
    statements = extract(text)
    assert [(s.text, s.speaker) for s in statements] == [
        ("We will win.", "Ana Costa"), ("Next year we will be back.", "Ana Costa")]


def test_pronouns_go_to_a_person_of_their_gender_not_to_places_dates_or_companies():
    text = ("Wendy Golden runs a shop in Nova Scotia, near the Kinder Morgan pipeline.\n"
            "On Christmas Day the shop was closed. New Brunswick sent help.\n"
            '"We will reopen," she said.\n')
    [statement] = extract(text)
    assert statement.speaker == "Wendy Golden"


def test_he_skips_a_woman_and_they_skips_a_person():
    text = ('Tom Hinderks met Shannon Phillips. "The process is flawed," he said.\n'
            'The union met Phillips too. "We are tired," they said.\n')
    assert [s.speaker for s in extract(text)] == ["Tom Hinderks", None]


def test_names_stop_at_sentence_ends_possessives_and_dates():
    from tracker.extract.resolve import name_runs
    text = ("The death was in Nova Scotia. Then there was Vancouver's Bo Horvat, "
            "who spoke on Thursday. Mamadou Dia came from Paris for STP Consultants. "
            "The Bank of Canada agreed.")
    assert [text[a:b] for a, b in name_runs(text, 0, len(text))] == [
        "Nova Scotia", "Vancouver's", "Bo Horvat", "Mamadou Dia", "Paris", "STP Consultants", "The Bank of Canada"]


def test_a_story_about_one_person_keeps_her_for_she_long_after_her_name():
    filler = "".join(f"The council met for the {n}th time. " for n in range(1, 12))
    text = f"Wendy Golden sued the city. {filler}\n\"I will fight on,\" she said.\n"
    assert extract(text)[-1].speaker == "Wendy Golden"


def test_two_quotes_with_their_own_attributions_are_two_statements():
    text = '"Taxes will fall," Ana Costa said. "No, they will not," Bob Lee said.'
    assert [(s.text, s.speaker) for s in extract(text)] == [
        ("Taxes will fall.", "Ana Costa"), ("No, they will not.", "Bob Lee")]


def test_a_quote_running_into_the_next_paragraph_keeps_the_attribution_it_has_there():
    text = ('"Taxes will fall," Ana Costa said. "Nobody will pay more.\n'
            '"We did our work," added Bob Lee. "It shows."')
    assert [(s.text, s.speaker) for s in extract(text)] == [
        ("Taxes will fall.", "Ana Costa"), ("Nobody will pay more. We did our work. It shows.", "Bob Lee")]


def test_a_quote_introduced_in_a_relative_clause_is_the_named_persons():
    text = 'Stars came, like Nia Long, who joked of the museum, "I have not seen it yet."'
    [statement] = extract(text)
    assert (statement.speaker_mention, statement.speaker, statement.cue) == ("who", "Nia Long", "joked")


def test_a_participle_after_a_determiner_and_an_adverb_is_no_cue():
    text = ('Following a hastily called, late meeting, the council issued a statement calling '
            'the test "a clear violation."')
    assert all(s.cue != "called" for s in extract(text, model=None))


def test_a_quoted_transcript_is_a_statement_per_turn_of_the_labelled_speaker():
    text = ('Gov. Mike Pence spoke to Chris Wallace on Sunday. The transcript follows:\n\n'
            '"WALLACE: Will she be there?\n\n"PENCE: Well, look, she will not.\n\n"(CROSSTALK.)\n\n'
            '"But the truth is that we will win.\n\n"WALLACE: Thank you."')
    assert [(s.speaker_mention, s.speaker, s.text) for s in extract(text)] == [
        ("WALLACE", "Chris Wallace", "Will she be there?"),
        ("PENCE", "Mike Pence", "Well, look, she will not. But the truth is that we will win."),
        ("WALLACE", "Chris Wallace", "Thank you.")]


def test_one_label_in_a_quote_is_no_transcript():
    text = 'She wrote: "VIDEO: Hillary and Obama all told me it was a video."'
    [statement] = extract(text, model=None)
    assert statement.speaker_mention == "She"


def test_a_closing_mark_opening_a_paragraph_opens_a_quote():
    text = "Ana Costa spoke next.\n\n” … what we learned is that the plan works,” she said."
    [statement] = extract(text)
    assert (statement.text, statement.speaker) == ("… what we learned is that the plan works.", "Ana Costa")


def test_according_to_before_a_quote_attributes_it():
    text = 'Rush Limbaugh spoke on Monday. According to Limbaugh, "The debate is what matters."'
    [statement] = extract(text)
    assert (statement.speaker, statement.cue) == ("Rush Limbaugh", "According to")


def test_a_title_set_off_by_a_comma_after_book_is_no_direct_statement():
    text = 'In his 2002 book, "Make Your Kid a Millionaire," Mr. McKinley suggested saving early.'
    assert [s.kind for s in extract(text, model=None)] == ["indirect"]


def test_a_quote_a_new_sentence_hands_over_to_is_not_the_last_speakers():
    text = ('When Bob Lee accused Ana Costa of being too close to the banks, she said "I stood up '
            'against the banks" for their loans. Lee shot back, "She never did."')
    # The quotation is a verbatim part of what she said: a mixed statement, hers.
    assert [(s.text, s.speaker) for s in extract(text, model=None) if s.kind in ("direct", "mixed")] == [
        ('"I stood up against the banks" for their loans', "Ana Costa")]


@pytest.mark.parametrize("text, mention", [
    ("The crowd cheered the speeches by Bernie Sanders, who said the party would win.", "Bernie Sanders"),
    ("Gov. John Kasich of Ohio, who said the party would win, left early.", "Gov. John Kasich of Ohio"),
])
def test_the_antecedent_of_who_is_the_name_it_ends_on(text, mention):
    [statement] = extract(text, model=None)
    assert statement.speaker_mention == mention


def test_a_zero_width_space_between_words_is_a_space_and_offsets_stay():
    text = 'Jeff Traeger leads the union. "It is a start," Traeger\u200b said.'
    [statement] = extract(text, model=None)
    assert (statement.speaker, text[statement.speaker_start:statement.speaker_end]) == ("Jeff Traeger", "Traeger")


def test_a_signature_s_period_is_no_part_of_the_name_but_an_abbreviation_s_is():
    text = '"We want respect." — Carla Sanchez.\n\n"We want work," said John Smith Jr.'
    assert [s.speaker_mention for s in extract(text, model=None)] == ["Carla Sanchez", "John Smith Jr."]


def test_a_title_word_after_a_given_name_or_a_courtesy_title_is_a_surname():
    text = ('Larry King hosts a show on RT. "Nobody edits me," Mr. King said.\n\n'
            'Jim Justice owns mines. "We will pay," said Mr. Justice.')
    assert [s.speaker for s in extract(text, model=None)] == ["Larry King", "Jim Justice"]


def test_where_a_person_is_from_is_no_part_of_the_name_an_organisation_s_of_is():
    text = ('Senator Bernie Sanders of Vermont spoke first. "We will win," Mr. Sanders said.\n\n'
            '"We came to see it," said Jason Gilbert of Cheyenne.\n\n'
            'The Bank of Canada held rates. "Growth is slow," Bank of Canada Governor Stephen Poloz said.')
    assert [s.speaker for s in extract(text, model=None)] == ["Bernie Sanders", "Jason Gilbert", "Stephen Poloz"]


def test_a_quote_a_cue_introduces_and_that_ends_its_sentence_is_not_the_next_sentence_s_speaker():
    text = ('Mayor Ana Costa said the video should be released but said "the question is the timing." '
            'Gov. Bob Lee said it would be "improper" to speak.')
    [quote] = [s for s in extract(text, model=None) if s.text == "the question is the timing."]
    assert (quote.speaker_mention, quote.speaker) == ("Mayor Ana Costa", "Ana Costa")


@pytest.mark.parametrize("text, mention", [
    ('Appearing before supporters on Monday, Ana Costa, 70, said it was early but added, "We have won."',
     "Ana Costa"),
    ('A spokesman for Platte River declined to comment but said in a statement that "we did nothing wrong."',
     "A spokesman for Platte River"),
])
def test_the_subject_a_coordinated_cue_shares_skips_a_participle_s_phrase_and_keeps_its_for(text, mention):
    [statement] = [s for s in extract(text, model=None) if s.kind == "direct"]
    assert statement.speaker_mention == mention


def test_a_naming_verb_is_a_cue_but_not_its_noun():
    text = ('Japan branded the regime an "outlaw nation in the neighborhood." Russia insisted that '
            'talks resume.\n\nThe big brand names are everywhere, shoppers say.')
    statements = extract(text, model=None)
    assert [(s.speaker, s.cue) for s in statements if s.kind == "mixed"] == [("Japan", "branded")]
    assert all(s.cue != "brand" for s in statements)


def test_a_quote_over_two_paragraphs_attributed_at_its_end_is_one_statement():
    text = 'The strike went on.\n\n"We did not want this to happen.\n\n"Now the work is hard," said Ana Costa.'
    [statement] = extract(text)
    assert (statement.text, statement.speaker) == ("We did not want this to happen. Now the work is hard.", "Ana Costa")
    assert statement.start == text.index('"We did') and statement.end == text.index(" said")


def test_a_quote_paragraph_after_an_interrupted_quote_continues_it():
    text = '"We lost," Ana Costa said, "but we will be back."\n\n"Next year is ours."'
    assert [(s.text, s.speaker) for s in extract(text)] == [
        ("We lost, but we will be back.", "Ana Costa"), ("Next year is ours.", "Ana Costa")]


def test_a_quote_paragraph_after_reported_speech_is_the_same_speaker():
    text = ("Terry Chapman says ambulance delays are getting longer.\n\n"
            "\"Commonly, response times can be 45 minutes.\"\n")
    assert [(s.kind, s.speaker) for s in extract(text)] == [("indirect", "Terry Chapman"), ("direct", "Terry Chapman")]


def test_joined_quotes_read_as_prose_without_a_dangling_comma():
    text = 'Ana Costa spoke. "We needed it," she said, "We will do it."'
    assert [s.text for s in extract(text)] == ["We needed it. We will do it."]


def test_a_mention_loses_relative_clauses_and_time_phrases():
    text = ("Senators were lining up against it, according to a senior aide who spoke on condition of anonymity. "
            "Michelle Rempel earlier this week said the minister was a coward.")
    assert [s.speaker_mention for s in extract(text)] == ["a senior aide", "Michelle Rempel"]


@pytest.mark.parametrize("text, mention", [
    ("The deal is close, said a person familiar with the negotiations.", "a person familiar with the negotiations"),
    ("People familiar with her thinking said she would run.", "People familiar with her thinking"),
    ("An official with the port authority said the ships were held.", "An official with the port authority"),
    # Someone named, or named before, is the speaker without the phrase.
    ("The mayor with a smile said the vote was over.", "The mayor"),
    ('"We won," said Justin Trudeau with a grin.', "Justin Trudeau"),
])
def test_an_unnamed_source_keeps_the_with_phrase_that_tells_it_apart(text, mention):
    [statement] = extract(text, model=None)
    assert statement.speaker_mention == mention


def test_a_document_speaks_for_its_owner():
    text = ('Shannon Phillips issued a statement. "I have heard stories of bullying," her statement said.\n'
            'The union met on Friday. "We will strike," the union\'s Friday release said.\n')
    assert [s.speaker for s in extract(text)][0] == "Shannon Phillips"


def test_a_name_in_apposition_to_a_description_speaks():
    text = "But the director of operations for EHS, Jeff Fraser, says the system is designed for that."
    [statement] = extract(text)
    assert (statement.speaker_mention, statement.speaker) == ("Jeff Fraser", "Jeff Fraser")


def test_a_surname_that_looks_plural_is_a_person_once_named_in_full():
    text = ('"This rally is the only voice left," volunteer coordinator Tom Hinderks said.\n'
            '"The process is flawed," Hinderks said on Monday. He said the province had not listened.\n')
    statements = extract(text, model=None)
    assert [(s.speaker, s.speaker_kind) for s in statements] == [("Tom Hinderks", "person")] * 3


@pytest.mark.parametrize("text, speaker", [
    ("Damon Green was excited about looping for Ollie Schniederjans, who he calls a good ball-striker.",
     "Damon Green"),
    ("Cruz said on Friday that he had since apologized to Ben Carson, whom he considers a friend.", "Cruz"),
])
def test_a_pronoun_in_a_relative_clause_is_not_the_name_the_clause_describes(text, speaker):
    [statement] = [s for s in extract(text, model=None) if s.speaker_start > text.index(", who")]
    assert (statement.speaker_mention, statement.speaker) == ("he", speaker)


def test_a_sentence_opening_word_before_a_place_is_part_of_the_name():
    text = ("This rally is the only voice left, organizers said on Monday.\n"
            "Rally Canada, the group that organized the event, said it had heard from hundreds of residents.\n"
            "The group says those people include hikers and campers.\n")
    statements = extract(text, model=None)
    assert [(s.speaker, s.speaker_kind) for s in statements[1:]] == [("Rally Canada", "organisation")] * 2


def test_a_pronoun_after_an_unnamed_source_is_nobody_named():
    text = ("Senator Bernie Sanders visited the city on Monday.\n"
            "A reporter for Agence France-Presse said the street was in chaos.\n"
            '"We saw people hit and bits of debris flying around," he said.\n'
            "A reporter for the Times said Sanders looked tired.\n"
            '"I am fine," he said.\n')
    speakers = {s.text: s.speaker for s in extract(text, model=None)}
    assert speakers["We saw people hit and bits of debris flying around."] is None
    assert speakers["I am fine."] == "Bernie Sanders"  # someone named beside the unnamed source


def test_they_after_two_people_named_together_is_no_body_further_back():
    text = ("The HR department said the rules had changed.\n"
            'Tore Sohlberg and Lehla Abreder have worked at the store for years. "We were never told," they said.\n'
            'The Canadian Union of Public Employees met on Friday. "We will strike," they said.\n')
    speakers = {s.text: s.speaker for s in extract(text, model=None)}
    assert speakers["We were never told."] is None
    assert speakers["We will strike."] == "Canadian Union of Public Employees"  # no pair in the way: the body


def test_a_description_goes_to_the_entity_it_stands_for():
    text = ("Senate Majority Leader Mitch McConnell spoke on Monday.\n"
            "\"Activists isolated a few seconds of video,\" the Kentucky Republican said.\n"
            "The Toronto Raptors signed Jeremy Lin. \"We are pleased,\" the team said.\n")
    assert [s.speaker for s in extract(text)] == ["Mitch McConnell", "Toronto Raptors"]


def test_the_extractor_dates_each_statement_and_classes_its_cue():
    text = ("The mayor said on Monday that the bridge would reopen. A new poll shows voters want change. "
            "She hopes it works.")
    got = [(s.cue_class, s.said_on, s.said_on_basis) for s in extract(text, "2024-05-08")]
    assert got == [("speech", "2024-05-06", "text"), ("evidence", "2024-05-08", "published"),
                   ("thought", "2024-05-08", "published")]
    assert [s.said_on for s in extract(text)] == [None, None, None]


def test_a_video_summary_with_its_running_time_is_skipped():
    text = ("Jeff Traeger said the union will help.\n\n"
            "Three former employees outlined their concerns. 2:43.\n\n"
            "\"Do you want to eat a cheaper dinner?\"\n")
    assert [(s.kind, s.speaker) for s in extract(text)] == [("indirect", "Jeff Traeger"), ("direct", "Jeff Traeger")]


def test_reported_speech_stops_where_another_speaker_starts():
    text = "According to EHS, the target is met in 90 per cent of cases but Chapman says it is not what the union sees."
    assert [(s.text, s.speaker_mention) for s in extract(text, model=None)] == [
        ("the target is met in 90 per cent of cases", "EHS"), ("it is not what the union sees", "Chapman")]


def test_he_is_never_the_one_he_speaks_to():
    text = ("Dennis Brooks was homeless for 20 years.\n\n"
            "Asked what he would tell Mayor John Tory, he said: \"Just listen to us.\"\n")
    assert [s.speaker for s in extract(text) if s.kind == "direct"] == ["Dennis Brooks"]


def test_the_name_a_title_or_party_tag_stands_beside_speaks():
    text = ("Navdeep Bains, Minister of Innovation, said the policy was on a broader scale. "
            "Schumer knows the minds of his colleagues, said Sen. Debbie Stabenow, D-Mich., on Tuesday.")
    assert [s.speaker for s in extract(text)][0] == "Navdeep Bains"


def test_the_name_before_a_seat_and_title_in_apposition_speaks():
    text = "Gary Kowal, Westridge MP, said he drove around with flags on his truck all week."
    assert [s.speaker for s in extract(text)] == ["Gary Kowal"]


def test_an_acronym_is_the_body_the_article_spelled_out():
    text = "The Parliamentary Budget Officer released a report. The PBO said the pipeline will be built on time."
    assert [s.speaker for s in extract(text)] == ["Parliamentary Budget Officer"]


def test_a_plural_description_is_nobody_in_particular_and_a_national_body_no_person():
    text = ("Dixon Hall ran the study. The shelter residents said they want more information.\n"
            "Hockey Canada met on Monday. \"We are reviewing it,\" she said.\n")
    speakers = [s.speaker for s in extract(text)]
    assert speakers[0] is None and "Hockey Canada" not in speakers


def test_a_name_in_a_caption_is_nobodys_antecedent():
    text = ("\"It is hard to be in close quarters,\" Nadia Jamil says.\n\n"
            "The city set up three tents. (Lauren Pelley / CBC News).\n\n"
            "\"We just need to remember that,\" she added.\n")
    assert [s.speaker for s in extract(text)] == ["Nadia Jamil", "Nadia Jamil"]


def test_a_title_and_a_date_before_a_name_are_not_the_name_and_the_title_is_its_role():
    from tracker.names import article_speakers
    text = "In June Councillor David Brennan said the road will close. Brennan added that it would reopen."
    statements = extract(text)
    assert [s.speaker for s in statements] == ["David Brennan", "David Brennan"]
    assert article_speakers(text, statements)["David Brennan"].roles == ["Councillor"]


def test_abbreviated_council_and_police_ranks_neither_end_a_sentence_nor_stay_in_the_name():
    from tracker.names import article_speakers
    text = ("Police searched the area near the river on Sunday afternoon.\n\n"
            "\"This is over,\" said Coun. Mike Layton.\n\n"
            "\"We found the car,\" said Const. Jane Doucet.\n\n"
            "\"We ask for patience,\" Insp. Joanne Hilton said.\n\n"
            "\"Nobody was hurt,\" Cst. Mark Smith told reporters.\n")
    statements = extract(text, model=None)
    assert [(s.text, s.speaker) for s in statements] == [
        ("This is over.", "Mike Layton"), ("We found the car.", "Jane Doucet"),
        ("We ask for patience.", "Joanne Hilton"), ("Nobody was hurt.", "Mark Smith")]
    assert article_speakers(text, statements)["Joanne Hilton"].roles == ["Insp."]


def test_the_title_of_a_work_and_a_dateline_are_nobody():
    text = ("Kate Hudson starred in A Star Is Born. \"It was a dream,\" she said.\n"
            "OTTAWA — Conservative Leader Andrew Scheer says Justin Trudeau is divisive.\n")
    assert [s.speaker for s in extract(text)] == ["Kate Hudson", "Andrew Scheer"]


def test_a_cue_phrase_without_a_verb_of_speech_is_a_thought():
    from tracker.extract.cues import cue_class
    from tracker.extract.model import Statement
    assert [cue_class(Statement("indirect", "x", 0, 1, cue=cue)) for cue in ("seemed", "outlined to reporters", ":")] \
        == ["thought", "thought", "speech"]
    assert cue_class(Statement("indirect", "x", 0, 1, cue="weighed in, saying")) == "speech"


def test_the_document_a_speaker_wrote_in_is_not_part_of_the_name():
    text = '"We followed the doctors," said Nunes in an Oct. 3 email.'
    start = text.index("Nunes")
    statement = Statement("direct", "We followed the doctors.", 0, 27, speaker_mention=text[start:-1],
                          speaker_start=start, speaker_end=len(text) - 1)
    _trim_mention(text, statement)
    assert statement.speaker_mention == "Nunes"

def test_a_description_keeps_its_article_over_a_comma_between_adjectives():
    text = ('Margit Lenz founded the firm in 2014.\n\n'
            '"I know no carmaker that makes money here," the lanky, bespectacled professor said.\n')
    assert [(s.speaker, s.speaker_mention) for s in extract(text)] == [
        ("Margit Lenz", "the lanky, bespectacled professor")]


def test_a_product_after_an_article_is_no_person_a_description_stands_for():
    text = ("Set up by an engineering professor, the firm will build a car at half the price of the Tesla Model 3. "
            "Dana Whitfield is aware that she is entering uncharted waters.\n\n"
            '"No carmaker makes money in this category," the professor said.\n')
    assert [s.speaker for s in extract(text) if s.kind == "direct"] == ["Dana Whitfield"]


def test_a_description_named_right_after_it_is_that_person():
    text = ("Brandon Okafor played 70 games in the WHL over his career.\n\n"
            "Asked for comment, the WHL commissioner said the league had not been served.\n\n"
            '"We will review it," WHL commissioner Ted Lowry said in a statement.\n')
    assert {s.speaker for s in extract(text)} == {"Ted Lowry"}


def test_a_dotted_acronym_is_one_word_of_a_name_and_a_party_tag_no_one():
    text = ("The U.S. Army said the base was closed. Sen. Lindsey Graham (R-S.C.) spoke first. "
            "The South Carolina senator said the base must reopen.")
    assert [s.speaker for s in extract(text)] == ["US Army", "Lindsey Graham"]


def test_a_quote_paragraph_continues_reported_speech_the_model_found():
    text = ("Wendy Golden lives in Amherst.\n\nHer message now is simple: don't share or sell prescriptions.\n\n"
            '"You don\'t know what that person took earlier. And the combination can be lethal."\n\nThe fatal consequences.\n')
    assert [(s.kind, s.speaker) for s in extract(text)] == [("indirect", "Wendy Golden"), ("direct", "Wendy Golden")]


def test_a_date_or_clause_opener_read_as_the_subject_is_no_speaker():
    for mention in ("September", "Meanwhile", "Though", "2010"):
        statement = Statement("indirect", "taxes will fall", 0, 0, speaker_mention=mention,
                              speaker_start=0, speaker_end=len(mention))
        _trim_mention(mention + " said taxes will fall.", statement)
        assert statement.speaker_mention is None, mention


def test_a_description_in_apposition_inside_the_mention_leaves_the_name():
    statement = Statement("indirect", "the plan is sound", 0, 0, speaker_mention="Trevor Nicholson, a senior analyst",
                          speaker_start=0, speaker_end=34)
    _trim_mention("Trevor Nicholson, a senior analyst, said the plan is sound.", statement)
    assert statement.speaker_mention == "Trevor Nicholson"


def test_a_surname_before_a_suffix_is_the_surname():
    text = "Harold P. Dunmore Jr. ran the machine for decades. Dunmore said the state would resist."
    assert [s.speaker for s in extract(text)] == ["Harold P. Dunmore Jr."]


def test_a_contraction_and_a_party_tag_are_no_one_a_pronoun_stands_for():
    text = ("Speaker Dale Wendt, R-Wis., despite admitting that he had concerns, said the victims deserve a hearing.\n\n"
            "Carl Ames owns the towers. If, as I've suggested, he and other developers benefit from the deductions, "
            "he said the rules would stay.\n")
    assert [s.speaker for s in extract(text) if s.speaker_mention == "he"] == ["Carl Ames"]


def test_a_descriptor_with_and_or_a_slash_before_the_name_after_the_cue():
    text = ('"Our allies are laughing at us," said oil and gas worker Ken Dorsey. "They rob us blind."\n\n'
            '"The veto does not hold," said 9/11 widow Ruth Ambler.\n')
    assert [(s.kind, s.speaker) for s in extract(text)] == [("direct", "Ken Dorsey"), ("direct", "Ruth Ambler")]


def test_a_quote_its_own_cue_follows_is_no_fragment_of_a_clause_with_that_cue():
    text = '"No carmaker makes money here," the lanky, bespectacled professor said. "Especially not electric."\n'
    [statement] = extract(text)
    assert (statement.kind, statement.text) == ("direct", "No carmaker makes money here. Especially not electric.")


def test_a_mixed_statement_takes_the_subject_its_quote_attribution_read():
    text = ("Ann Kowal spoke out Tuesday about the death of Tom Reyes in Tulsa, Oklahoma, arguing that the "
            'killings of unarmed people should be recognized as "intolerable."\n')
    [mixed] = [s for s in extract(text) if s.kind == "mixed"]
    assert mixed.speaker == "Ann Kowal"


def test_attributions_after_a_quote_with_a_tag_a_long_apposition_or_a_noun_phrase():
    texts = {
        '"Subpoenas are not optional," panel Chairman Rep. Jake Dorn (R-Utah) said after the hearing.\n': "Jake Dorn",
        ('"It is an invasion of the state domain," Scott Pruell, the attorney general of Oklahoma, one of the '
         'states suing the agency, said at an event this month.\n'): "Scott Pruell",
        '"This is the same lead she has held all month," reported Reuters.\n': "Reuters",
        '"Why did he not pay?" a narrator in the Clinton ad asks.\n': None,
    }
    for text, speaker in texts.items():
        [statement] = extract(text)
        assert (statement.kind, statement.speaker) == ("direct", speaker), text


def test_a_colon_after_a_predicate_of_manner_hands_over_to_the_quote():
    text = ("Dave Marten works on the South Shore.\n\n"
            'Marten, the addictions doctor on the South Shore, is more blunt: "They will uncover horrifying things."\n'
            'The plan was simple: "Win the vote."\n')
    assert [(s.kind, s.speaker, s.cue_class) for s in extract(text)] == [("direct", "Dave Marten", "speech")]


def test_a_quote_with_its_own_cue_after_it_is_no_clause_of_a_later_cue():
    text = ('Scott Lee bristles at it. "I\'ve raised all I needed," he said, cutting off a reporter '
            "who asked about finances.")
    statements = extract(text, model=None)
    assert [(s.kind, s.cue, s.speaker) for s in statements] == [("direct", "said", "Scott Lee")]


def test_a_participle_cues_subject_is_never_inside_the_quote_before_it():
    text = ('"We must contrast. The American people do not agree with Trump," Sanders said, '
            'suggesting questions, including, "Do billionaires need tax breaks?"')
    assert [s.speaker for s in extract(text, model=None)] == ["Sanders", "Sanders"]


def test_people_named_by_what_they_are_say_things():
    assert _attribution('"We will appeal," local police said.')[:2] == ("local police", "said")
    assert _attribution('Later, protesters chanted "Trudeau must go!"')[:2] == ("protesters", "chanted")


def test_a_body_named_with_the_article_is_that_body_not_a_description():
    # A title word or a person noun opening or ending a body's name is part of the name.
    text = ("WASHINGTON (AP) -- The White House said Monday that talks would resume. "
            "The State Department said it would send a team. The Supreme Court declined to hear the case. "
            "The Liberal Party said it would appeal. The House Judiciary Committee will meet. "
            "The Associated Press counted the votes. Ms. White said nothing.")
    for mention, name in [("The White House", "White House"), ("The State Department", "State Department"),
                          ("The Supreme Court", "Supreme Court"), ("The Liberal Party", "Liberal Party"),
                          ("The House Judiciary Committee", "House Judiciary Committee"),
                          ("The Associated Press", "Associated Press")]:
        assert _resolve(text, mention) == (name, "organisation"), mention
    assert _resolve(text, "Ms. White")[0] == "White"
    # An office or an event after a title stays no body: "Secretary of the Navy", "State of the Union".
    assert _resolve("The Secretary of the Navy spoke after the State of the Union.", "Secretary of the Navy") is None


def test_a_description_of_one_sort_of_body_is_no_body_of_another_sort():
    text = ("The State Department and the Associated Press reported the figures on Monday. "
            "The campaign said it disagreed. The poll found support rising. The agency said it would respond.")
    assert _resolve(text, "The campaign") is None
    assert _resolve(text, "The poll") is None
    assert _resolve(text, "The agency") == ("State Department", "organisation")
    # A company or a group is often named without the word.
    text = "Cisco's unit Talos found the flaw on Monday. The security firm said it was fixed."
    assert _resolve(text, "The security firm") == ("Talos", "organisation")
    # Nor is the outlet named in the sentence that holds the description's word: the company
    # the staff spoke of is no outlet, though the outlet is introduced with "company" near it.
    text = ("Acme Widgets did not respond to The Washington Post. Five employees told The Washington Post that the "
            "company offers no paid leave. The company later said that its policy was fair.")
    assert _resolve(text, "The company") != ("Washington Post", "organisation")
    # But a poll is introduced with whoever made it, of any sort.
    text = "A Quinnipiac University poll released on Monday found Smith ahead. The poll said Jones trailed."
    assert _resolve(text, "The poll") == ("Quinnipiac University", "organisation")


@pytest.mark.parametrize("later", ["The Post", "the Post"])
def test_an_outlet_named_again_by_the_word_closing_its_name_is_that_outlet(later):
    text = f"The Washington Post reported on Monday that the talks failed. {later} said officials were unhappy."
    assert _resolve(text, later) == ("Washington Post", "organisation")
    # Not when two outlets' names close on the word: which one is not said.
    text = ("The New York Times and the Financial Times reported on Monday that the talks failed. "
            "The Times said officials were unhappy.")
    assert _resolve(text, "The Times", occurrence=-1) == ("Times", "organisation")


def test_a_description_with_of_is_its_head_introduced_with_what_follows():
    text = ("Judicial Watch president Tom Fitton sued for the emails. Bill Clinton spoke in Ohio. "
            "Former Secretary of State Hillary Clinton was in Iowa. "
            "The president of Judicial Watch said the emails mattered. "
            "The former secretary of state said she would answer.")
    assert _resolve(text, "The president of Judicial Watch") == ("Tom Fitton", "person")
    assert _resolve(text, "The former secretary of state") == ("Hillary Clinton", "person")
    # The holder named after an office with "of" is who the name is.
    assert _resolve(text, "Former Secretary of State Hillary Clinton") == ("Hillary Clinton", "person")
    # Nobody is introduced with it: nobody, rather than the last person named.
    assert _resolve("Bill Clinton spoke in Ohio. The president of the union said no.", "The president of the union") is None


def test_a_document_speaks_for_whoever_brought_it_up_in_the_article():
    def speaker_of(text, cue):
        return [s.speaker for s in extract(text, model=None) if s.cue == cue]

    assert speaker_of("Jason Schultz, technical researcher at Talos, stated in the company's blog post that the "
                      "threats were linked. The post said the senders used stolen accounts.", "said") == ["Jason Schultz"]
    assert speaker_of("Economist Philip Cross wrote in a recent report for the Macdonald-Laurier Institute that the "
                      "boom never came. The report says investment fell.", "says") == ["Philip Cross"]
    assert speaker_of("A report by the Congressional Budget Office found the deficit would grow. "
                      "The report said spending was to blame.", "said") == ["Congressional Budget Office"]
    assert speaker_of("Trump fell to 39 percent in a Quinnipiac poll on Monday. The poll showed Clinton ahead.",
                      "showed") == ["Quinnipiac"]
    # A weekday or a platform before the word is not who wrote it, nor a source that reported it.
    assert speaker_of("Trump fell to 39 percent in Monday's poll. The poll showed Clinton ahead.", "showed") == [None]
    assert speaker_of("According to The Guardian, an email was sent from the club. The email said the club would "
                      "close.", "said") == [None]
    assert speaker_of("Ann Lee shared a Facebook post on Sunday. The post said the park would close.", "said") == [None]
    # The document meant is the one brought up last: Ann Lee's post, not the researcher's.
    assert speaker_of("Jason Schultz stated in a blog post that the threats were linked. Ann Lee shared a Facebook "
                      "post on Sunday. The post said the park would close.", "said") == [None]


def test_a_name_in_parentheses_is_an_aside_no_pronoun_stands_for():
    text = ('In their new book "Concrete Economics" (Harvard Business Review Press), Stephen S. Cohen and '
            "J. Bradford DeLong blame policy. They argue that tariffs failed.")
    assert _resolve(text, "They") is None  # the two authors, whom no one name is
    text = "The Tax Policy Center (TPC) studied the plan. It said taxes would rise."
    assert _resolve(text, "It") == ("Tax Policy Center", "organisation")


def test_a_name_written_family_name_first_is_that_person_by_the_family_name_alone():
    text = ("North Korean leader Kim Jong-un arrived in Beijing on Tuesday. Chinese President Xi Jinping "
            "met him, and Kim Kardashian watched. Xi said China would help. Kim said the talks went well. "
            "Kardashian said she was thrilled.")
    speakers = {s.speaker_mention: s.speaker for s in extract(text, model=None)}
    assert speakers == {"Xi": "Xi Jinping", "Kim": "Kim Jong-un", "Kardashian": "Kim Kardashian"}


def test_a_diocese_a_school_or_a_chamber_is_a_body_by_its_whole_name():
    text = ("The Roman Catholic Diocese of Covington condemned the students on Saturday. Many alumni were upset.\n\n"
            "The diocese issued a second statement on Tuesday, saying an investigation would follow.\n\n"
            "The U.S. Chamber of Commerce said the tariffs would hurt exporters.\n")
    speakers = {s.speaker_mention: (s.speaker, s.speaker_kind) for s in extract(text, model=None)}
    assert speakers["The diocese"] == ("Roman Catholic Diocese of Covington", "organisation")
    assert speakers["The U.S. Chamber of Commerce"] == ("US Chamber of Commerce", "organisation")


def test_a_long_name_opening_prose_is_no_headline_and_a_job_title_is_no_part_of_a_name():
    text = ('Mexican President Andrés Manuel López Obrador met the delegation on Monday. '
            '"We will not pay," López Obrador said.\n\n'
            "Breitbart News' Washington Political Editor Matthew Boyle asked a question. \"Fine,\" Boyle said.\n")
    speakers = {s.speaker_mention: s.speaker for s in extract(text, model=None)}
    assert (speakers["López Obrador"], speakers["Boyle"]) == ("Andrés Manuel López Obrador", "Matthew Boyle")


def test_a_headline_run_on_into_a_name_is_nobody_s_name():
    text = ("Ben Carson, the only doctor on stage, was more measured on the topic.\n\n"
            "February 6, 2016 9:12PM CNN Disputes Characterization Of Network's Reporting On Carson\n\n"
            '"I was hurt," Carson said.\n')
    assert [s.speaker for s in extract(text, model=None) if s.speaker_mention == "Carson"] == ["Ben Carson"]


def test_a_hyphenated_office_an_accented_given_name_and_a_titled_single_name():
    text = ('U.N. Secretary-General António Guterres opened the summit on Monday. "The world is on fire," Guterres said.\n\n'
            'Pope Francis visited the camp on Sunday. "We must welcome them," the pontiff said.\n')
    speakers = {s.speaker_mention: (s.speaker, s.speaker_kind) for s in extract(text, model=None)}
    assert speakers == {"Guterres": ("António Guterres", "person"), "the pontiff": ("Francis", "person")}


def test_a_place_after_in_is_where_the_described_speak_not_who():
    text = ("Adam Fatkin played for the opposing Clark County team on Friday.\n\n"
            "A judge in Ohio said the law was void.\n\n"
            "The government in Beijing said the visit would go ahead.\n")
    speakers = {s.speaker_mention: s.speaker for s in extract(text, model=None)}
    assert speakers == {"A judge in Ohio": None, "The government in Beijing": "Beijing"}


def test_a_county_is_a_place_whatever_name_opens_it():
    text = 'On Monday the roads in Lee County were closed. "We are ready for the storm," he said.'
    [statement] = extract(text, model=None)
    assert statement.speaker is None  # no person is named: "Lee" opens a place's name here


def test_a_body_speaks_through_its_spokesman_not_through_a_graduate_or_a_director():
    text = ("Joe Smith arrived. A graduate of Harvard Law School said the ruling was wrong.\n\n"
            "A spokeswoman for Harvard Law School said the school would appeal.\n\n"
            "FBI Director James Comey testified on Monday. The director of the FBI said the inquiry was open.\n")
    speakers = {s.speaker_mention: s.speaker for s in extract(text, model=None)}
    assert speakers == {"A graduate of Harvard Law School": None,
                        "A spokeswoman for Harvard Law School": "Harvard Law School",
                        "The director of the FBI": "James Comey"}


def test_the_name_before_two_appositions_joined_by_and_speaks():
    text = ('Joe Nienaber, a 1989 Covington Catholic graduate and a county commissioner in Kenton County, '
            'where the school is, said the video "totally misrepresents the culture" of the school.')
    [statement] = extract(text, model=None)
    assert (statement.speaker_mention, statement.speaker) == ("Joe Nienaber", "Joe Nienaber")


def test_the_name_after_a_cue_set_off_by_commas_says_the_quote():
    text = ('Rather than the current layout, in which MPs sit facing each other, asks Policy Options editor '
            'Jennifer Ditchburn, “has anyone ever considered other designs?”\n\n'
            'Osuna told The Huffington Post, “A lot of people are wrong.”\n\n'
            'Instead of waiting, writes columnist Andrew Coyne, “we should act now.”\n')
    found = [(s.kind, s.text, s.speaker) for s in extract(text, model=None)]
    assert found == [("direct", "has anyone ever considered other designs?", "Jennifer Ditchburn"),
                     ("direct", "A lot of people are wrong.", "Osuna"),
                     ("direct", "we should act now.", "Andrew Coyne")]


def test_a_phrase_of_contrast_or_inclusion_is_no_speaker_but_a_possessor_in_it_may_be():
    text = ("John McCallum spoke on Monday. Unlike McCallum, the prime minister has been careful, "
            "emphasizing the importance of due process.\n\n"
            "Despite Trump's claims that he opposed the war, the record shows otherwise.\n")
    mentions = {s.speaker_mention: s.speaker for s in extract(text, model=None)}
    assert "Unlike McCallum" not in mentions and mentions.get("Trump's") == "Trump"


@pytest.mark.parametrize("model", [None, "packaged"])
@pytest.mark.parametrize("statement, mention", [
    ("Paul Otieno and some colleagues hid under desks, he said, but one man ran for the stairs.", "he"),
    ("The guards and Paul Otieno were unhurt, he added.", "he"),
])
def test_a_pronoun_after_what_it_says_is_no_name_in_it(model, statement, mention):
    # As in "he said Paul Otieno hid", the one who says it is someone named before. (Not so a
    # description, which a newsroom writes for a name in the clause: "emails from the State
    # Department were released, the agency said".)
    text = f"Ken Njoroge, a bank manager, was on the third floor when the gunmen arrived. {statement}"
    found = [s for s in extract(text, **({"model": None} if model is None else {})) if s.speaker_mention == mention]
    assert [s.speaker for s in found] == ["Ken Njoroge"]


def test_a_possessor_may_be_named_in_what_its_document_says():
    text = ("Workers at the cafe voted to join a union on Monday. "
            "The UFCW will represent all servers and cooks, according to the union's Friday release.")
    assert [s.speaker for s in extract(text, model=None)] == ["UFCW"]
