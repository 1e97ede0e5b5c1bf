"""Reported speech: claims attributed without quotation marks, and mixed statements.

    >>> text = 'The mayor said on Monday that the bridge would reopen in May.'
    >>> [(s.kind, s.text, s.speaker_mention, s.cue, s.date_mention)
    ...  for s in find_reported_speech(text, [(0, len(text))], [])]
    [('indirect', 'the bridge would reopen in May', 'The mayor', 'said', 'on Monday')]

`find_reported_speech(text, sentences, quote_spans)` looks, sentence by sentence, for a cue of
speech or cognition (a verb from the shared cue lexicon or from the reported-speech lexicon
below, or "according to") and returns one Statement per cue whose reported clause is found:

* cue first: ``SUBJECT [aux/adverbs] CUE [addressee] [date] [that] CLAUSE`` - the clause runs to
  the end of the sentence, or up to a following cue (", adding that ...", ", according to");
* clause first: ``CLAUSE, SUBJECT CUE.`` / ``CLAUSE, CUE SUBJECT.`` / ``CLAUSE, according to X.``
  and the parenthetical ``A, SUBJECT CUE, B.``;
* "according to X, CLAUSE".

A clause that holds a quotation mark is a *mixed* statement (a paraphrase with a verbatim
fragment); a clause that is nothing but a quotation is left to the direct-quote step, and so
is anything in a sentence that is itself quoted speech. The clause's offsets exclude the
complementizer ("that") and the final period. The speaker is left unresolved: the pipeline
resolves mentions ("She", "the opposition leader") over all statements.

Everything is linear in the length of the text: each sentence is tokenised once and every
look-around is bounded.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple, Optional, Sequence

from .lexicon import CUE_FORMS, MONTHS, WEEKDAYS
from .model import Statement

# --------------------------------------------------------------------------- lexicons
# Specific to reported speech; the cue verbs themselves come from lexicon.CUE_FORMS.

# Verbs of cognition, attitude and reporting that introduce a reported clause but are not
# speech cues for direct quotation. Inflected forms are listed, as in lexicon.py.
_EXTRA_LEMMAS = {
    "expect": ("expect", "expects", "expected"),
    "doubt": ("doubt", "doubts", "doubted"),
    "worry": ("worry", "worries", "worried"),
    "suspect": ("suspects", "suspected"),
    "endorse": ("endorse", "endorses", "endorsed", "endorsing"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "question": ("questioned", "questioning"),
    "defend": ("defend", "defends", "defended", "defending"),
    "praise": ("praise", "praises", "praised", "praising"),
    "cite": ("cite", "cites", "cited", "citing"),
    "dismiss": ("dismiss", "dismisses", "dismissed", "dismissing"),
    "blame": ("blame", "blames", "blamed", "blaming"),
    "indicate": ("indicate", "indicates", "indicated", "indicating"),
    "signal": ("signaled", "signalled", "signaling", "signalling"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "remind": ("remind", "reminds", "reminded", "reminding"),
    "inform": ("inform", "informs", "informed", "informing"),
    "forecast": ("forecasts", "forecast", "forecasted"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "find": ("find", "finds", "found"),
    "threaten": ("threaten", "threatens", "threatened", "threatening"),
    "decry": ("decry", "decries", "decried", "decrying"),
    "denounce": ("denounce", "denounces", "denounced", "denouncing"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"),
    "attack": ("attacked",),
    "imply": ("imply", "implies", "implied", "implying"),
    "hint": ("hint", "hints", "hinted", "hinting"),
    "speculate": ("speculate", "speculates", "speculated", "speculating"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "disclose": ("disclose", "discloses", "disclosed", "disclosing"),
    "discover": ("discovered",),
    "learn": ("learned", "learnt"),
    "realize": ("realize", "realizes", "realized", "realise", "realises", "realised"),
    "understand": ("understands",),
    "recognize": ("recognize", "recognizes", "recognized", "recognise", "recognises", "recognised"),
    "assume": ("assume", "assumes", "assumed"),
    "guess": ("guess", "guessed"),
    "wonder": ("wonder", "wonders", "wondered", "wondering"),
    "dispute": ("disputes", "disputed", "disputing"),
    "refute": ("refute", "refutes", "refuted"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "concur": ("concur", "concurs", "concurred"),
    "decide": ("decided",),
    "refuse": ("refused", "refuses"),
    "decline": ("declined", "declines"),
    "seek": ("sought",),
    "want": ("wants", "wanted"),
    "plan": ("plans", "planned"),
    "intend": ("intend", "intends", "intended"),
    "vow": ("vow", "vows", "vowed", "vowing"),
}
EXTRA_CUE_FORMS = {form: lemma for lemma, forms in _EXTRA_LEMMAS.items() for form in forms}

# Complementizers and question words that open a reported clause.
COMPLEMENTIZERS = frozenset(("that",))
QUESTION_WORDS = frozenset(("whether", "if", "how", "why", "what", "when", "where", "who", "which"))

# Words allowed between a subject and its cue ("has also repeatedly said").
AUXILIARIES = frozenset((
    "has", "have", "had", "is", "was", "are", "were", "been", "be", "will", "would", "could",
    "can", "may", "might", "should", "must", "did", "does", "do", "not", "n't", "also", "again",
    "repeatedly", "publicly", "privately", "previously", "later", "recently", "once", "never",
    "already", "often", "frequently", "even", "then", "still", "reportedly", "allegedly",
    "apparently", "flatly", "firmly", "strongly", "openly", "quickly", "long", "further",
    "first", "initially", "earlier", "subsequently", "separately", "similarly", "likewise",
    "simply", "only", "just", "always", "had", "falsely", "wrongly", "correctly", "rightly",
    "clearly", "explicitly", "implicitly", "directly", "specifically", "generally", "mostly",
    "consistently", "continually", "constantly", "emphatically", "angrily", "bluntly",
))
# Verbs whose object before "that" is the addressee ("told reporters that").
ADDRESSEE_CUES = frozenset((
    "tell", "assure", "remind", "inform", "warn", "urge", "ask", "promise", "convince",
))
# Participles after a comma that start a new reported clause inside a sentence.
PARTICIPLE_CUES = frozenset(form for form, lemma in {**CUE_FORMS, **EXTRA_CUE_FORMS}.items()
                            if form.endswith("ing"))
# Cues that can follow a clause and stand inverted before their subject ("..., said Smith.").
INVERTED_CUES = frozenset((
    "said", "says", "say", "added", "adds", "wrote", "writes", "asked", "asks", "noted",
    "notes", "explained", "explains", "argued", "argues", "continued", "insisted", "insists",
    "told", "tells", "warned", "warns", "recalled", "recalls", "replied", "replies",
    "responded", "answered", "claimed", "claims", "stated", "states", "declared", "announced",
    "concluded", "conceded", "acknowledged", "admitted", "observed", "predicted", "predicts",
    "believes", "believe", "thinks", "think", "thought", "believed", "suggested", "suggests",
    "reported", "reports", "contends", "contended", "maintains", "maintained", "stressed",
    "emphasized", "pointed", "countered", "tweeted", "estimated", "estimates", "fears",
    "feared", "hopes", "hoped", "worries", "worried", "expects", "expected", "guessed",
))
# Subject pronouns and words that stop the leftward walk over a subject noun phrase.
SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "i", "we", "it", "you", "who"))
_LEFT_STOP_WORDS = frozenset((
    "that", "and", "but", "or", "because", "while", "when", "as", "if", "so", "although",
    "though", "after", "before", "since", "until", "unless", "where", "whereas", "which",
    "who", "whom", "whose", "what", "why", "how", "whether", "than", "then", "yet", "nor",
    "said", "says", "say", "told", "is", "was", "are", "were", "be", "been", "being", "to",
    "also", "even", "just", "not", "n't", "has", "have", "had", "will", "would", "could",
    "can", "may", "might", "should", "must", "did", "does", "do", "once", "now", "later",
))
_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                          "this", "these", "those", "some", "many", "most", "several", "few",
                          "both", "all", "other", "another", "each", "every", "any", "no"))
_PREPOSITIONS = frozenset(("in", "on", "at", "during", "via", "through", "to", "with", "from",
                           "after", "before", "over", "for", "by", "about", "earlier", "late",
                           "later", "last", "this", "yesterday", "today", "tonight"))
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(m.rstrip(".") for m in MONTHS) | frozenset((
    "yesterday", "today", "tonight", "earlier", "recently", "week", "month", "year", "morning",
    "afternoon", "evening", "night", "weekend", "last", "this", "next", "day", "days", "ago",
))
_ACCORDING = ("according", "to")
# Nouns that make a cue word part of a compound noun ("think tank", "press release").
_COMPOUND_HEADS = frozenset(("tank", "tanks", "release", "releases", "conference"))
_BE = frozenset(("is", "was", "are", "were", "be", "been", "being", "'s", "’s"))
# Adjectives that report a stance when followed by "that": "X is confident that ...".
STANCE_ADJECTIVES = frozenset((
    "hopeful", "confident", "convinced", "sure", "certain", "optimistic", "adamant", "aware",
    "worried", "concerned", "afraid", "fearful", "skeptical", "sceptical", "doubtful", "positive",
    "clear", "unaware", "pessimistic", "insistent", "happy", "glad", "proud", "disappointed",
))
# Verbs that are usually nouns in their base or -s form ("the reports", "the state").
_NOUNISH_FORMS = frozenset((
    "state", "states", "note", "notes", "report", "reports", "post", "posts", "call", "calls",
    "claim", "claims", "comment", "comments", "remark", "remarks", "charge", "charges", "answer",
    "answers", "fear", "fears", "hope", "hopes", "plan", "plans", "promise", "promises",
    "tweet", "tweets", "point", "points", "counter", "question", "estimate", "estimates",
    "doubt", "doubts", "show", "shows", "find", "finds", "cry", "shout", "joke", "jokes",
    "read", "reads", "stress", "demand", "demands", "proposal", "praise", "attack", "signal",
    "forecast", "forecasts", "vow", "vows", "pledge", "pledges", "quip", "quips", "concern",
    "defend", "blame", "reply", "replies", "warning", "dispute", "disputes", "lament",
    "guess", "wonder", "expect", "worry", "worries", "intend", "want", "add", "continue",
    "respond", "recall", "admit", "deny", "insist", "argue", "write", "say", "tell",
    "explain", "declare", "announce", "warn", "ask", "suggest", "predict", "urge", "agree",
    "believe", "think", "acknowledge", "concede", "contend", "assert", "maintain", "reveal",
    "confirm", "describe", "mention", "repeat", "conclude", "observe", "emphasize", "endorse",
    "accuse", "reject", "cite", "dismiss", "indicate", "assure", "remind", "inform", "threaten",
    "decry", "denounce", "condemn", "imply", "hint", "speculate", "reiterate", "disclose",
    "realize", "recognize", "assume", "refute", "concur", "vow", "pledge", "promise",
    "criticize", "recommend", "propose", "complain", "boast", "allege", "testify", "tout",
    "caution", "feel", "know", "claim", "remark", "comment", "doubt",
))
# Preceding words that make such a form a verb ("they say", "would say", "to say").
_VERB_MAKERS = frozenset((
    "i", "we", "they", "you", "he", "she", "it", "who", "would", "will", "could", "can", "may",
    "might", "should", "must", "did", "do", "does", "to", "n't", "not", "also", "often", "never",
    "still", "now", "people", "voters", "officials", "experts", "analysts", "critics",
    "supporters", "democrats", "republicans", "polls", "aides", "advisers", "sources", "others",
    "many", "some", "americans", "observers", "economists", "scientists", "lawmakers", "leaders",
    "groups", "residents", "members", "insiders", "strategists", "both", "all", "generally",
))
# Sentences that lead a transcript line or a header are no reported speech.
_QUOTE_CHARS = '"“”„«»'
_OPENING_QUOTES = '"“„«'

_TOKEN = re.compile(r"\w+(?:['’.&-]\w+)*|n't|[^\w\s]")


class _Tok(NamedTuple):
    start: int
    end: int
    low: str
    cap: bool  # starts with an upper-case letter


def _cue_lemma(word: str) -> Optional[str]:
    return CUE_FORMS.get(word) or EXTRA_CUE_FORMS.get(word)


# --------------------------------------------------------------------------- helpers

def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(start + m.start(), start + m.end(), m.group().lower(), m.group()[:1].isupper())
            for m in _TOKEN.finditer(text[start:end])]


def _is_quote(tok: _Tok) -> bool:
    return tok.low in _QUOTE_CHARS or tok.low == "''" or tok.low == "``"


def _is_boundary(tok: _Tok) -> bool:
    return tok.low in {",", ";", ":", "(", ")", "—", "–", "-", "[", "]"} or _is_quote(tok)


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink past spaces and trailing sentence punctuation (the period is not the claim's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


class _Quotes:
    """Membership tests against the quoted passages, in O(log n)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted((int(s), int(e)) for s, e in spans if e > s):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.spans = merged

    def covering(self, pos: int) -> Optional[list[int]]:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None


def _has_quote_mark(text: str, start: int, end: int) -> bool:
    return any(ch in _QUOTE_CHARS for ch in text[start:end])


def _all_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one quotation: opens with a mark and has no unquoted words."""
    s, e = _trim_span(text, start, end)
    if s >= e or text[s] not in _OPENING_QUOTES:
        return False
    inside, outside_words = False, False
    for m in re.finditer(r'["“”„«»]|\w+', text[s:e]):
        tok = m.group()
        if tok in _QUOTE_CHARS:
            if tok in "“„«":
                inside = True
            elif tok in "”»":
                inside = False
            else:
                inside = not inside
        elif not inside:
            outside_words = True
            break
    return not outside_words


# --------------------------------------------------------------------------- finding cues

def _looks_like_verb(toks: list[_Tok], i: int) -> bool:
    """Tell `reports`/`say`/`state` used as verbs from the same words used as nouns."""
    tok = toks[i]
    prev = toks[i - 1].low if i > 0 else ""
    if prev in _DETERMINERS or prev in ("of", "'s", "’s", "for", "in", "on", "with", "and"):
        return False
    if tok.low not in _NOUNISH_FORMS:
        return i > 0  # a cue never opens a sentence ("Said ..." is rare, "Asked ..." is a frame)
    if prev in _VERB_MAKERS:
        return True
    if tok.low.endswith("s") and not tok.low.endswith("ss") and i > 0:
        # "Smith says", "the study shows": a singular subject just before
        return toks[i - 1].cap or prev in ("study", "poll", "survey", "report", "analysis",
                                           "campaign", "spokesman", "spokeswoman", "spokesperson",
                                           "official", "source", "statement", "data", "research")
    return False


def _skip_left_aux(toks: list[_Tok], i: int) -> int:
    """Index of the last subject token before cue i, past auxiliaries, adverbs and dates."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 8:
        low = toks[j].low
        if low in AUXILIARIES or low.endswith("ly") and not toks[j].cap:
            j -= 1
        elif low in _TIME_WORDS and (toks[j].cap or low in ("yesterday", "today", "earlier", "recently")):
            j -= 1
            if j >= 0 and toks[j].low in ("on", "last", "this", "earlier"):
                j -= 1
        else:
            break
        steps += 1
    return j


def _subject_left(toks: list[_Tok], j: int) -> Optional[tuple[int, int]]:
    """(first, last) token indices of the noun phrase ending at token j, or None.

    Walks left over words until a clause boundary; past an apposition or relative clause
    closed by a comma ("Smith, a senator from Ohio, said") it takes the name before it.
    """
    if j < 0:
        return None
    if toks[j].low in SUBJECT_PRONOUNS and toks[j].low != "who":
        return j, j
    if toks[j].low == ",":
        # apposition: find the opening comma within a short window
        k = j - 1
        while k >= 0 and j - k < 30 and toks[k].low not in {",", ";", ":", "(", "—", "–"} and not _is_quote(toks[k]):
            k -= 1
        if k >= 0 and toks[k].low == "," and j - k > 1 and (
                toks[k + 1].low in _DETERMINERS or toks[k + 1].low in ("who", "which", "whose", "whom", "now")
                or toks[k + 1].cap or toks[k + 1].low in ("former", "then", "also", "both", "including")):
            found = _subject_left(toks, k - 1)
            if found:
                return found
        return None
    if _is_boundary(toks[j]) or toks[j].low in _LEFT_STOP_WORDS:
        if toks[j].low == "who" and j > 0:
            return _subject_left(toks, j - 1)
        return None
    first = j
    while first - 1 >= 0 and j - first < 12:
        prev = toks[first - 1]
        if _is_boundary(prev) or prev.low in _LEFT_STOP_WORDS:
            break
        if _cue_lemma(prev.low) and not prev.cap and toks[first].low not in _COMPOUND_HEADS:
            break
        first -= 1
    # drop a leading conjunction-like or prepositional frame ("In Ohio the governor")
    while first < j and toks[first].low in ("but", "and", "so", "yet", "meanwhile", "still", "however"):
        first += 1
    return first, j


def _subject_right(toks: list[_Tok], i: int, end: int) -> Optional[tuple[int, int]]:
    """The subject after an inverted cue: '..., said Jane Smith, a senator.'"""
    k = i + 1
    first = k
    while k < end and k - first < 12 and not _is_boundary(toks[k]) and toks[k].low != ".":
        if toks[k].low in ("that", "on", "in", "at", "during", "to", "after", "before", "when", "while", "as"):
            break
        k += 1
    if k == first:
        return None
    return first, k - 1


def _date_after(toks: list[_Tok], k: int, end: int) -> Optional[tuple[int, int]]:
    """A date phrase starting at token k: 'on Monday', 'Tuesday', 'last week', 'earlier this month'."""
    if k >= end:
        return None
    low = toks[k].low
    if low == "on" and k + 1 < end and toks[k + 1].low in _TIME_WORDS and toks[k + 1].cap:
        last = k + 1
        if last + 1 < end and toks[last + 1].low in ("night", "morning", "afternoon", "evening"):
            last += 1
        return k, last
    if low in WEEKDAYS and toks[k].cap:
        last = k
        if last + 1 < end and toks[last + 1].low in ("night", "morning", "afternoon", "evening"):
            last += 1
        return k, last
    if low in ("yesterday", "today", "tonight", "recently", "earlier"):
        last = k
        if low == "earlier" and k + 2 < end and toks[k + 1].low == "this" and toks[k + 2].low in _TIME_WORDS:
            last = k + 2
        return k, last
    if low in ("last", "this") and k + 1 < end and toks[k + 1].low in ("week", "month", "year", "weekend", "morning", "night", "spring", "summer", "fall", "autumn", "winter"):
        return k, k + 1
    return None


def _skip_frame(toks: list[_Tok], k: int, end: int) -> int:
    """Past a short prepositional frame between cue and clause: 'in a statement', 'on Twitter'.

    Only taken when a complementizer follows within a few words, so that content starting
    with a preposition is not eaten.
    """
    if k >= end or toks[k].low not in ("in", "on", "at", "during", "via", "through", "to", "with", "after", "before", "over", "from", "for", ","):
        return k
    for m in range(k + 1, min(end, k + 12)):
        if toks[m].low in COMPLEMENTIZERS:
            return m
        if toks[m].low in (".", ";") or _is_quote(toks[m]):
            break
    return k


_SUBORDINATORS = frozenset(("as", "while", "when", "after", "before", "because", "since", "and",
                            "but", "although", "though", "whereas", "even"))
_PARTICIPLE_FORMS = frozenset(("told", "shown", "known", "thought", "found", "said", "written",
                               "sought", "understood", "taught", "heard", "seen"))


def _cut_points(toks: list[_Tok]) -> list[int]:
    """For every token index k, the index of the first token at or after k where a reported
    clause stops (len(toks) when it runs to the sentence end).

    Stops: a comma before a participle cue (", adding that"), ", according to", the opening
    of a parenthetical or inverted cue (", she said," / ", said Smith"), a conjunction opening
    a new attribution ("as she urged", "but he warned") and a semicolon. Right to left: linear.
    """
    n = len(toks)
    cuts = [n] * (n + 1)
    nxt = n
    for i in range(n - 1, -1, -1):
        low = toks[i].low
        a = toks[i + 1].low if i + 1 < n else ""
        b = toks[i + 2].low if i + 2 < n else ""
        c = toks[i + 3].low if i + 3 < n else ""
        if low in (",", "—", "–"):
            if a in PARTICIPLE_CUES or (a, b) == _ACCORDING or a in ("while", "but", "and", "before", "after") and b in PARTICIPLE_CUES:
                nxt = i
            elif a in SUBJECT_PRONOUNS and a != "who" and b in INVERTED_CUES and (c in (",", ".", "") or c in _PREPOSITIONS):
                nxt = i
            elif a in INVERTED_CUES and i + 2 < n and toks[i + 2].cap:
                nxt = i
        elif low == ";":
            nxt = i
        elif low in _SUBORDINATORS and a in SUBJECT_PRONOUNS and a != "who" and (
                _cue_lemma(b) and not b.endswith("ing") or b in AUXILIARIES and _cue_lemma(c) and not c.endswith("ing")):
            nxt = i - 1 if i > 0 and toks[i - 1].low == "," else i
        cuts[i] = nxt
    return cuts


def _clause_stop(toks: list[_Tok], k: int, cuts: list[int]) -> int:
    """Token index (exclusive) where the clause starting at token k ends."""
    return cuts[k] if k < len(toks) else len(toks)


def _trailing_date(toks: list[_Tok], k: int, stop: int) -> Optional[tuple[int, int]]:
    """A date phrase closing the clause tokens k..stop-1 ("... by Russia on Monday")."""
    last = stop - 1
    while last > k and toks[last].low in (".", ",", "!", "?"):
        last -= 1
    for first in (last - 1, last):
        if first > k:
            d = _date_after(toks, first, last + 1)
            if d and d[1] == last:
                return d
    return None


# --------------------------------------------------------------------------- statements

def _make(text: str, clause: tuple[int, int], toks, subj, cue, date=None, addressee=None) -> Optional[Statement]:
    """A Statement for the clause text[clause[0]:clause[1]], or None when it is no claim."""
    start, end = _trim_span(text, *clause)
    if end - start < 8 or len(text[start:end].split()) < 2:
        return None
    if _all_quoted(text, start, end):
        return None  # a plain quotation: the direct-quote step's
    kind = "mixed" if _has_quote_mark(text, start, end) else "indirect"
    st = Statement(kind=kind, text=text[start:end], start=start, end=end)
    if subj is not None:
        s, e = toks[subj[0]].start, toks[subj[1]].end
        st.speaker_mention, st.speaker_start, st.speaker_end = text[s:e], s, e
    c0, c1 = toks[cue[0]].start, toks[cue[1]].end
    st.cue, st.cue_start, st.cue_end = text[c0:c1], c0, c1
    if addressee is not None:
        s, e = toks[addressee[0]].start, toks[addressee[1]].end
        st.addressee, st.addressee_start, st.addressee_end = text[s:e], s, e
    if date is not None:
        s, e = toks[date[0]].start, toks[date[1]].end
        st.date_mention, st.date_start, st.date_end = text[s:e], s, e
    return st


def _prev_content_index(toks: list[_Tok], i: int) -> int:
    """Index of the nearest token before i that is not an adverb ("also", "repeatedly")."""
    j = i - 1
    while j >= 0 and i - j < 5 and (toks[j].low in AUXILIARIES and toks[j].low not in _BE
                                    and toks[j].low not in ("has", "have", "had")
                                    or toks[j].low.endswith("ly") and not toks[j].cap):
        j -= 1
    return j


def _sentence_statements(text: str, s0: int, s1: int, quotes: _Quotes) -> list[Statement]:
    toks = _tokens(text, s0, s1)
    n = len(toks)
    if n < 4:
        return []
    cuts = _cut_points(toks)
    out: list[Statement] = []
    for i, tok in enumerate(toks):
        low = tok.low
        if low == "according":
            if i + 1 < n and toks[i + 1].low == "to":
                st = _according_to(text, toks, i, cuts)
                if st:
                    out.append(st)
            continue
        if quotes.covering(tok.start):  # a cue inside quoted speech is the quote's business
            continue
        if low in STANCE_ADJECTIVES:
            st = _stance(text, toks, i, cuts)
            if st:
                out.append(st)
            continue
        lemma = _cue_lemma(low)
        if lemma is None or tok.cap and i > 0 or not _looks_like_verb(toks, i):
            continue
        j = _prev_content_index(toks, i)
        prev = toks[j].low if j >= 0 else ""
        if low.endswith("ing") and prev not in (",", "while", "after", "before", "and", "—", "–") and prev not in _BE:
            continue  # "by emphasizing", "the saying": not a cue
        passive = prev in _BE and not low.endswith("ing") and (low.endswith("ed") or low in _PARTICIPLE_FORMS)
        if passive:
            st = _passive(text, toks, i, j, lemma, cuts)
        else:
            st = _clause_first(text, toks, i, cuts) or _cue_first(text, toks, i, lemma, cuts)
        if st:
            out.append(st)
    return out


def _clause_after(toks: list[_Tok], k: int, lemma: str):
    """From token k just after a cue: (addressee, date, first clause token) or None."""
    n = len(toks)
    addressee = None
    date = _date_after(toks, k, n)
    if date:
        k = date[1] + 1
    if lemma in ADDRESSEE_CUES and k < n and toks[k].low not in COMPLEMENTIZERS and not _is_boundary(toks[k]):
        # "told reporters (on Monday) that", "told AFP after meeting ministers that"
        m = k
        while m < n and m - k < 12 and toks[m].low not in COMPLEMENTIZERS and toks[m].low not in ("to", ".", ";") \
                and not _is_quote(toks[m]):
            m += 1
        if m < n and toks[m].low in COMPLEMENTIZERS:
            stop = k + 1  # the addressee: the first noun phrase, up to a preposition or comma
            while stop < m and toks[stop].low not in _PREPOSITIONS and not _is_boundary(toks[stop]):
                stop += 1
            addressee = (k, stop - 1)
            date = date or _date_after(toks, stop, n)
            k = m
        elif m < n and toks[m].low == "to" and lemma in ("urge", "ask", "warn", "tell", "remind", "convince"):
            # "urged EU ministers not to ...": the clause keeps "not to"
            stop = m - 1 if toks[m - 1].low == "not" else m
            if stop > k:
                addressee = (k, stop - 1)
            k = stop
        elif lemma == "tell":
            return None  # "told AFP after ..." and no clause: the quote step's business
    if not date:
        date = _date_after(toks, k, n)
        if date:
            k = date[1] + 1
    k = _skip_frame(toks, k, n)
    if k < n and toks[k].low == ",":
        k += 1
    if k < n and toks[k].low in COMPLEMENTIZERS:
        k += 1
    if k >= n or toks[k].low in (".", ",", ";", ":", "by", "as", "?", "!"):
        return None
    return addressee, date, k


def _content_after(text, toks, k, cuts, date):
    """(start, end) chars of the clause from token k, and the date, trimmed of a final date."""
    stop = _clause_stop(toks, k, cuts)
    if stop <= k:
        return None, date
    tail = _trailing_date(toks, k, stop)
    if tail and not date:
        date, stop = tail, tail[0]
    elif tail and tail == date:
        stop = tail[0]
    if stop <= k:
        return None, date
    return (toks[k].start, toks[stop - 1].end), date


def _cue_first(text, toks, i, lemma, cuts) -> Optional[Statement]:
    """SUBJECT [aux] CUE [addressee] [date] [that] CLAUSE."""
    n = len(toks)
    j = _skip_left_aux(toks, i)
    subj = _subject_left(toks, j)
    if subj is None and toks[i].low.endswith("ing") and j >= 0 and toks[j].low in (",", "while", "after", "before", "and", "—", "–"):
        subj = _subject_of_sentence(toks, j)  # "X said A, adding that B": X's
    if subj is None:
        return None
    left_date = _date_after(toks, j + 1, i) if j + 1 < i else None
    cue_end = i
    k = i + 1
    if k < n and toks[k].low in ("out", "for", "on", "up", "about") and lemma in ("point", "call", "ask", "talk", "refer", "speak", "complain", "boast", "comment", "testify", "report", "warn"):
        cue_end = k  # "pointed out", "called for", "warned about"
        k += 1
    after = _clause_after(toks, k, lemma)
    if after is None:
        return None
    addressee, date, k = after
    if _is_quote(toks[k]) and _all_quoted(text, toks[k].start, toks[_clause_stop(toks, k, cuts) - 1].end):
        return None  # a direct quotation introduced by the cue
    span, date = _content_after(text, toks, k, cuts, date or left_date)
    if span is None:
        return None
    return _make(text, span, toks, subj, (i, cue_end), date, addressee)


def _passive(text, toks, i, j, lemma, cuts) -> Optional[Statement]:
    """'X is expected to win' (no speaker, the claim keeps its subject), 'X was told that Y'
    (X is the addressee), '... was reported by Y' (Y speaks)."""
    n = len(toks)
    k = i + 1
    agent = None
    if k + 1 < n and toks[k].low == "by" and toks[k + 1].cap:
        m = k + 1
        while m < n and m - k < 8 and (toks[m].cap or toks[m].low in ("of", "the", "for", "and")) and not _is_boundary(toks[m]):
            m += 1
        agent = (k + 1, m - 1)
        k = m
    if k < n and toks[k].low == "to":
        subj = _subject_left(toks, _skip_left_aux(toks, j + 1) if j >= 0 else -1)
        if subj is None:
            return None
        stop = _clause_stop(toks, k, cuts)
        if stop <= k:
            return None
        return _make(text, (toks[subj[0]].start, toks[stop - 1].end), toks, agent, (j if j >= 0 else i, i))
    after = _clause_after(toks, k, lemma)
    if after is None or toks[after[2] - 1].low not in COMPLEMENTIZERS:
        return None  # without "that" a passive rarely reports anything ("was called a liar")
    _, date, k = after
    addressee = _subject_left(toks, _skip_left_aux(toks, j + 1) if j >= 0 else -1)
    span, date = _content_after(text, toks, k, cuts, date)
    if span is None:
        return None
    return _make(text, span, toks, agent, (i, i), date, addressee)


def _stance(text, toks, i, cuts) -> Optional[Statement]:
    """'X is confident that CLAUSE' - the adjective is the cue."""
    n = len(toks)
    if not (i + 1 < n and toks[i + 1].low in COMPLEMENTIZERS):
        return None
    j = i - 1
    while j >= 0 and i - j < 4 and toks[j].low not in _BE and toks[j].low.endswith("ly"):
        j -= 1
    if j < 0 or toks[j].low not in _BE and toks[j].low not in ("remains", "remained", "seemed", "feels", "felt"):
        return None
    subj = _subject_left(toks, _skip_left_aux(toks, j + 1))
    if subj is None:
        return None
    span, date = _content_after(text, toks, i + 2, cuts, None)
    if span is None:
        return None
    return _make(text, span, toks, subj, (i, i), date)


def _subject_of_sentence(toks: list[_Tok], j: int) -> Optional[tuple[int, int]]:
    """For ', adding that': the subject of the main cue earlier in the sentence."""
    for m in range(j - 1, max(-1, j - 60), -1):
        low = toks[m].low
        if _cue_lemma(low) and not toks[m].cap and m > 0 and not low.endswith("ing"):
            subj = _subject_left(toks, _skip_left_aux(toks, m))
            if subj:
                return subj
    return None


def _clause_first(text, toks, i, cuts) -> Optional[Statement]:
    """CLAUSE, SUBJECT CUE[.|,] / CLAUSE, CUE SUBJECT. / A, SUBJECT CUE, B."""
    n = len(toks)
    if toks[i].low not in INVERTED_CUES or i < 2:
        return None
    if toks[i - 1].low == "," or _is_quote(toks[i - 1]):
        # "..., said Smith."
        if _is_quote(toks[i - 1]) or _is_quote(toks[i - 2]):
            return None  # '"...," said Smith': a direct quote
        subj = _subject_right(toks, i, n)
        if subj is None:
            return None
        after = subj[1] + 1
        date = _date_after(toks, after, n)
        if date:
            after = date[1] + 1
        if after < n and toks[after].low not in (".", ",", ";") and toks[after].low not in _PREPOSITIONS:
            return None
        return _clause_before_statement(text, toks, i - 1, i, subj, after, date)
    # ", she said." / ", the official said,"
    j = _skip_left_aux(toks, i)
    subj = _subject_left(toks, j)
    if subj is None or subj[0] == 0:
        return None
    comma = subj[0] - 1
    if toks[comma].low != "," or j - subj[0] > 8:
        return None
    after = i + 1
    date = _date_after(toks, after, n)
    if date:
        after = date[1] + 1
    elif after < n and toks[after].low in ("in", "on", "at", "during", "to", "via", "after", "before", "while", "when", "of"):
        # ", she said in an interview." - a short frame up to the end or the next comma
        m = after
        while m < n and m - after < 12 and toks[m].low not in (",", ".", ";") and not _is_quote(toks[m]):
            m += 1
        after = m
    if after < n and toks[after].low not in (".", ",", ";", "?", "!") and not _is_quote(toks[after]):
        return None
    return _clause_before_statement(text, toks, comma, i, subj, after, date)


def _clause_before_statement(text, toks, comma, i, subj, after, date=None) -> Optional[Statement]:
    """The clause before `comma` (from the sentence start or the last semicolon) and, for a
    parenthetical ('A, she said, B.'), what follows it up to the next stop."""
    n = len(toks)
    if comma < 1 or _is_quote(toks[comma - 1]):
        return None  # '"...," she said': direct quote
    start_tok = 0
    for m in range(comma - 1, max(-1, comma - 150), -1):
        if toks[m].low == ";":
            start_tok = m + 1
            break
    end = toks[comma].start
    if after < n - 1 and toks[after].low == ",":
        stop = _next_stop(toks, after + 1)
        end = toks[stop - 1].end  # parenthetical: the clause continues after the cue
    if start_tok >= comma:
        return None
    return _make(text, (toks[start_tok].start, end), toks, subj, (i, i), date)


def _next_stop(toks, k) -> int:
    n = len(toks)
    for m in range(k, min(n, k + 200)):
        if toks[m].low == ";":
            return m
    return n


def _according_to(text, toks, i, cuts) -> Optional[Statement]:
    """'According to X, CLAUSE.' / 'CLAUSE, according to X.' / 'A, according to X, B.'"""
    n = len(toks)
    k = i + 2
    m = k
    while m < n and m - k < 15 and toks[m].low not in (",", ".", ";") and not _is_quote(toks[m]):
        m += 1
    if m == k:
        return None
    src, cue = (k, m - 1), (i, i + 1)
    j = i - 1
    while j >= 0 and toks[j].low in ("but", "and", "yet", "so", "also", "however"):
        j -= 1
    if j < 0:  # According to X, CLAUSE
        if m + 1 < n and toks[m].low == ",":
            stop = _clause_stop(toks, m + 1, cuts)
            if stop > m + 1:
                return _make(text, (toks[m + 1].start, toks[stop - 1].end), toks, src, cue)
        return None
    if toks[i - 1].low == ",":
        start_tok = 0
        for p in range(i - 2, max(-1, i - 150), -1):
            if toks[p].low == ";":
                start_tok = p + 1
                break
        end = toks[i - 1].start
        if m + 1 < n and toks[m].low == "," and toks[m + 1].low != ".":
            end = toks[_next_stop(toks, m + 1) - 1].end  # 'A, according to X, B.'
        if start_tok >= i - 1:
            return None
        return _make(text, (toks[start_tok].start, end), toks, src, cue)
    return None


def find_reported_speech(text: str, sentences: Sequence[tuple[int, int]],
                         quote_spans: Sequence[tuple[int, int]]) -> list[Statement]:
    """Indirect and mixed statements in `text`, sentence by sentence (see the module doc).

    `sentences`: (start, end) spans of the article's own sentences (appended blocks left out);
    `quote_spans`: (start, end) spans of quoted passages. Returns statements in text order,
    with `speaker` unresolved.
    """
    quotes = _Quotes(quote_spans)
    out: list[Statement] = []
    for s0, s1 in sentences:
        s0, s1 = max(0, int(s0)), min(len(text), int(s1))
        if s1 - s0 < 10:
            continue
        out.extend(_sentence_statements(text, s0, s1, quotes))
    # one statement per clause: keep the first of identical spans
    seen, unique = set(), []
    for st in out:
        if (st.start, st.end) in seen:
            continue
        seen.add((st.start, st.end))
        unique.append(st)
    return unique
