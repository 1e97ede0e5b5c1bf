"""Claims, the terms they are matched by: pure functions, no database.

A syndicated copy, a trimmed quote and a paraphrase next to its own direct quote share most of
their distinctive words. Each quote is reduced to its content terms (stemmed words, function
words dropped); it joins the speaker's claim whose terms hold most of its own (containment over
the smaller of the two sets), else it starts a claim. `tracker.storage` keeps the claims and
their `claim_terms` index.

    >>> sorted(terms('her country was under de facto "military occupation"'))
    ['countri', 'de', 'facto', 'militari', 'occup']
"""
import re
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from .extract.lexicon import CLAIM_FUNCTION_WORDS
from .names import fold

# A claim match needs this much: enough shared terms, and most of the smaller text's terms.
MIN_SHARED_TERMS = 3
MIN_CONTAINMENT = 0.6

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _stemmer():
    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word):
    """Porter stemming is the slow part of `terms` and words recur across articles: cached, bounded."""
    return _stemmer().stem(word)


def terms(text):
    """The content terms of a statement: folded, stemmed words, function words dropped."""
    return {_stem(w) for w in _WORD.findall(fold(text or "").replace("’", "'")) if w not in CLAIM_FUNCTION_WORDS}


def is_same_claim(shared, own, claim_size):
    """Whether a quote with `own` terms, sharing `shared` of them with a claim of `claim_size` terms, belongs to it."""
    if shared == own == claim_size:
        return shared > 0  # identical short statements ("Lukashenko knows this.")
    smaller = min(own, claim_size)
    return shared >= MIN_SHARED_TERMS and shared / smaller >= MIN_CONTAINMENT
