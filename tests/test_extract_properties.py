"""Properties of extract() on arbitrary text, quotation marks heavily represented."""
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import KINDS, extract

_PIECES = st.sampled_from([
    '"', "“", "”", "'", "‘", "’", "„", "«", "»", " ", " ", "\n", "\n\n", ",", ".", ":", "—",
    "said", "told", "added", "she", "He", "according to", "Mr.", "Sen.", "U.S.",
    "Ann Lee", "the minister", "AFP", "on Monday", "that", "Dear readers", "Read more",
    "’s", "D.C.", "’d", " c ", "Tikhonovskaya", "the opposition leader", "it",
])
_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from('"“”‘’\'„«» \n.,:—abcAB'), max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=80).map("".join),
)
_MENTIONS = (("speaker_mention", "speaker_start", "speaker_end"), ("cue", "cue_start", "cue_end"),
             ("addressee", "addressee_start", "addressee_end"),
             ("date_mention", "date_start", "date_end"))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_statements_have_valid_offsets_and_mentions(text):
    for statement in extract(text):
        assert statement.kind in KINDS
        assert 0 <= statement.start <= statement.end <= len(text)
        for mention, start, end in _MENTIONS:
            value = getattr(statement, mention)
            if value is not None:
                assert text[getattr(statement, start):getattr(statement, end)] == value
