"""Acceptance on the two seed articles in seeds/ (issue #3)."""

import pytest

from tracker.extract import extract

TIKHANOVSKAYA = {"Svetlana Tikhanovskaya", "Svetlana Tikhonovskaya"}
MENTIONS = ("speaker", "cue", "addressee", "date")


def _seed(seeds, prefix):
    [path] = seeds.glob(prefix + "_*.txt")
    text = path.read_text(encoding="utf-8")
    return text, extract(text)


@pytest.fixture(scope="module")
def seed000(seeds):
    return _seed(seeds, "000")


@pytest.fixture(scope="module")
def seed004(seeds):
    return _seed(seeds, "004")


def _holding(statements, words):
    found = [s for s in statements if words in s.text]
    assert len(found) == 1, (words, [s.text for s in found])
    return found[0]


def _check_direct(statements, first, last=None, speakers=TIKHANOVSKAYA):
    statement = _holding(statements, first)
    assert statement.kind == "direct"
    if last is not None:
        assert last in statement.text  # one statement across paragraphs and interruptions
    assert statement.speaker in speakers
    return statement


def test_seed000_direct_quotes(seed000):
    text, statements = seed000
    _check_direct(statements, "I see that people are not giving up")
    _check_direct(statements, "We continue to fight")
    whole = _check_direct(statements, "It's impossible for the Russian imperial machine",
                          "the resistance to Russia will only increase.")
    assert text[whole.start] == "“" and text[whole.end - 1] == "”"
    _check_direct(statements, "Believe me, around Lukashenko",
                  "The system is crumbling.")
    assert "They want to save the country" in _holding(statements, "Believe me").text
    _check_direct(statements, "One of the main messages of President Trump")
    _check_direct(statements, "And we, Belarusian people",
                  "peace and security in the whole region.")


def test_seed000_multi_paragraph_text_is_clean(seed000):
    _, statements = seed000
    statement = _holding(statements, "Believe me")
    assert "“" not in statement.text and "\n" not in statement.text
    assert "Belarus. They want" in statement.text


def test_seed000_think_tank(seed000):
    _, statements = seed000
    statement = _holding(statements, "decades-long strategic effort to de facto annex Belarus")
    assert "Institute for the Study of War" in statement.speaker


def test_seed000_scare_quotes_are_not_statements(seed000):
    _, statements = seed000
    for scare in ("sham", "opposition candidates", "free nor fair"):
        assert not [s for s in statements if s.kind == "direct" and s.text.strip(",.") == scare]


def test_seed004_direct_quotes(seed004):
    _, statements = seed004
    occupation = _check_direct(statements, "I have to say that Belarus is de facto under military occupation")
    assert occupation.cue == "told" and occupation.addressee == "AFP"
    _check_direct(statements, "He just has to agree with everything")
    _check_direct(statements, "The situation in Belarus is worsening")
    _check_direct(statements, "We are asking the world to be persistent")


def test_seed004_appeal_yields_nothing(seed004):
    text, statements = seed004
    appeal = text.index("A Message from")
    assert statements and all(s.end <= appeal for s in statements)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_no_statement_given_to_people_named_in_quotes(seeds, prefix):
    _, statements = _seed(seeds, prefix)
    for statement in statements:
        speaker = statement.speaker or ""
        assert not any(name in speaker for name in ("Lukashenko", "Putin", "Trump"))
        assert statement.addressee is None or statement.addressee != statement.speaker_mention


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_every_offset_is_valid(seeds, prefix):
    text, statements = _seed(seeds, prefix)
    for statement in statements:
        assert 0 <= statement.start < statement.end <= len(text)
        for name in MENTIONS:
            mention = getattr(statement, "speaker_mention" if name == "speaker" else
                              "date_mention" if name == "date" else name)
            start, end = getattr(statement, name + "_start"), getattr(statement, name + "_end")
            if mention is None:
                assert start is None and end is None
            else:
                assert text[start:end] == mention
