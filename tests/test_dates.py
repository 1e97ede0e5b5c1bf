import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.extract import Statement
from tracker.extract.dates import (
    _ANY_DATE,
    _SENTENCE_END,
    _SENTENCE_WINDOW,
    _may_hold_date,
    _sentence_start,
    find_date_mention,
    resolve_date_mention,
)

WEDNESDAY = datetime.date(2022, 11, 16)


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("on Monday", "2022-11-14"),
        ("Monday", "2022-11-14"),
        ("on Wednesday", "2022-11-16"),  # the publication day itself
        ("last Wednesday", "2022-11-09"),
        ("on Thursday", "2022-11-10"),  # never after publication: the Thursday before
        ("yesterday", "2022-11-15"),
        ("late yesterday", "2022-11-15"),
        ("last night", "2022-11-15"),
        ("today", "2022-11-16"),
        ("this morning", "2022-11-16"),
        ("last week", "2022-11-07"),  # a period resolves to its first day
        ("earlier this week", "2022-11-14"),
        ("last month", "2022-10-01"),
        ("on Nov. 3", "2022-11-03"),
        ("on November 3rd", "2022-11-03"),
        ("on 3 November", "2022-11-03"),
        ("on Dec. 24", "2021-12-24"),  # no year: the latest Dec. 24 on or before publication
        ("on Nov. 3, 2020", "2020-11-03"),
        ("on Monday, Nov. 14", "2022-11-14"),
        ("in June", "2022-06-01"),
        ("on 2022-11-01", "2022-11-01"),
    ],
)
def test_mentions_resolve_against_the_publication_date(mention, expected):
    assert resolve_date_mention(mention, WEDNESDAY) == datetime.date.fromisoformat(expected)


@pytest.mark.parametrize("mention", [None, "", "recently", "next week", "on Feb. 30", "in a statement"])
def test_what_names_no_past_date_resolves_to_nothing(mention):
    assert resolve_date_mention(mention, WEDNESDAY) is None


def test_publication_date_may_be_a_datetime_text():
    assert resolve_date_mention("on Monday", "2022-11-16T09:30:00+00:00") == datetime.date(2022, 11, 14)


def test_relative_mentions_need_a_publication_date_but_full_dates_do_not():
    assert resolve_date_mention("on Monday", None) is None
    assert resolve_date_mention("on Nov. 3, 2020", None) == datetime.date(2020, 11, 3)


def test_a_future_date_is_refused():
    assert resolve_date_mention("on Nov. 20, 2022", WEDNESDAY) is None


def statement_at(text, quote, cue):
    start = text.index(quote)
    return Statement(kind="direct", text=quote, start=start, end=start + len(quote),
                     cue=cue, cue_start=text.index(cue), cue_end=text.index(cue) + len(cue))


def test_date_found_in_the_attribution_sentence():
    text = 'Prices rose in June. "We will act," the minister said on Monday. "Soon," she added.'
    found = find_date_mention(text, statement_at(text, "We will act,", "said"))
    assert found == ("on Monday", text.index("on Monday"), text.index("on Monday") + len("on Monday"))


def test_a_date_inside_the_statement_is_not_when_it_was_said():
    text = "She said that Moscow would deliver missiles in June."
    start = text.index("Moscow")
    statement = Statement(kind="indirect", text=text[start:-1], start=start, end=len(text) - 1,
                          cue="said", cue_start=4, cue_end=8)
    assert find_date_mention(text, statement) is None


# Text made of what date patterns and sentence ends are built from, in any order.
_DATE_PIECES = st.lists(st.sampled_from(
    ["Nov", "nov.", "Sept", "MAY", "3", "2022", "-", "11", "05", "1", "Monday", "last", "this", "week", "year", "today",
     "night", "the day before", "in", "of", " ", " ", "\n", ".", "?", "!", "”", ")", "'", "x", "ſ", "ı", "İ"]),
    max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_DATE_PIECES)
@example("filed 2022-11-05")
@example("ſeptember 3")
@example("tonıght")
def test_date_clues_miss_no_date(text):
    # The cheap test may let a dateless region through, but never turn a dated one away.
    if _ANY_DATE.search(text):
        assert _may_hold_date(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=12).map("".join), st.integers(0, 1200))
def test_sentence_start_is_the_last_sentence_end_of_the_window(text, anchor):
    # The stretches scanned first may start inside a sentence end: the answer stays the full scan's.
    anchor = min(anchor, len(text))
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, anchor - _SENTENCE_WINDOW), anchor)]
    assert _sentence_start(text, anchor) == (ends[-1] if ends else max(0, anchor - _SENTENCE_WINDOW))
