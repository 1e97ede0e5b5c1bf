"""Reported speech: claims attributed without quotation marks, and mixed statements.

    >>> text = 'The mayor said on Monday that the bridge would reopen in May.'
    >>> [(s.kind, s.text, s.speaker_mention, s.cue, s.date_mention)
    ...  for s in find_reported_speech(text, [(0, len(text))], [])]
    [('indirect', 'the bridge would reopen in May', 'The mayor', 'said', 'on Monday')]

`find_reported_speech(text, sentences, quote_spans)` looks, sentence by sentence, for a cue of
speech or cognition (a verb of lexicon.CUE_LEMMAS or REPORTING_LEMMAS, a stance adjective, or
"according to") and returns one Statement per cue whose reported clause is found. The cue and
subject tests (is this token a cue, which noun phrase is its subject) are
attribution.CueTokens', shared with direct quotes; the clause rules are here:

* cue first: ``SUBJECT [aux/adverbs] CUE [addressee] [date] [that] CLAUSE`` - the clause runs to
  the end of the sentence, or up to a following cue (", adding that ...", ", according to");
* clause first: ``CLAUSE, SUBJECT CUE.`` / ``CLAUSE, CUE SUBJECT.`` / ``CLAUSE, according to X.``
  and the parenthetical ``A, SUBJECT CUE, B.``;
* "according to X, CLAUSE" / "CLAUSE, as X reported";
* passives ("X is expected to ...": no speaker; "X was told that ...": X is the addressee;
  "... was reported by the Times": the agent speaks), stance adjectives ("X is confident
  that ..."), indirect questions ("asked whether ..."), and headline attributions
  ("Obama: I'm optimistic ...").

A clause that holds a quotation is a *mixed* statement (a paraphrase with a verbatim
fragment); a clause that is nothing but a quotation is left to the direct-quote step, and so is
a cue inside quoted speech. What counts as quoted is what `quote_spans` says, plus double
quotation marks (and typewriter ''marks'') in the clause itself. The clause's offsets exclude
the complementizer ("that"), a closing date phrase (kept as `date_mention`) and the final
period. The speaker is left unresolved (`speaker` is None): the pipeline resolves mentions
("She", "the opposition leader") over all statements.

Everything is linear in the length of the text: each sentence is tokenised once and every
look-around is bounded.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import compress
from typing import Iterator, Optional, Sequence

from .attribution import ASCII_LETTERS_ONLY, CONTRACTION, DOUBLED_QUOTES, QUOTE_TOKENS, CueTokens, cue_lemma
from .lexicon import (
    ADDRESSEE_CUES,
    AUXILIARIES,
    BE_FORMS,
    COMMON_ADDRESSEES,
    COMPLEMENTIZERS,
    CUE_PARTICLES,
    CUE_SUBJECT_PRONOUNS,
    DETERMINERS,
    FRAME_PREPOSITIONS,
    INFINITIVE_CUES,
    ING_NOUNS,
    ING_OPENERS,
    ING_PREPOSITIONS,
    INVERTED_CUES,
    IRREGULAR_PLURALS,
    LABEL_ENDERS,
    NAMING_CUES,
    NOT_SPEAKERS_BEFORE_COLON,
    OBJECT_PRONOUNS,
    PARTICIPLE_CUES,
    PARTICIPLE_FORMS,
    PARTICLE_ONLY_LEMMAS,
    PREPOSITIONS,
    QUANTITY_WORDS,
    QUESTION_WORDS,
    REFLEXIVES,
    REPORTING_TRIGGERS,
    SCORE_NOUNS,
    SPEECH_ING_LEMMAS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    SUBJECT_BOUNDARY_WORDS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_UNITS,
    TIME_WORDS,
    TOPIC_PREPOSITIONS,
    WEEKDAYS,
)
from .model import Statement

_OPENING_QUOTES = '"“„«'
_STANDARD_MARK = re.compile('["“”„«»]')
# The tokens at which a reported clause can stop (see _Sentence.cuts); no other token can.
_CUT_OPENERS = frozenset((",", "—", "–", ";", "and", "but")) | QUOTE_TOKENS | SUBORDINATORS


# The words a date phrase of _Sentence.date_at opens on.
_DATE_OPENERS = frozenset(("on", "yesterday", "today", "tonight", "recently", "earlier", "last", "this")) | frozenset(WEEKDAYS)
# The longest reported clause taken, in tokens: longer runs are not one claim.
MAX_CLAUSE_TOKENS = 150


# What follows a quotation: a mark, or a word (group 1).
_LABEL_FOLLOWER = re.compile(r"\s*(?:[,;:()\u2014\u2013-]|([^\W\d_]+))")
# "that" too, which DETERMINERS leaves out as the complementizer it mostly is.
_DETERMINER_END = re.compile(r"\b(?:" + "|".join(sorted(DETERMINERS | {"that"})) + r")\s*$", re.IGNORECASE)


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink past spaces and trailing sentence punctuation (the period is not the claim's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _words_outside_marks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has words outside the quotation marks it opens with."""
    if start >= end or not (text[start] in _OPENING_QUOTES or text[start:start + 2] in DOUBLED_QUOTES):
        return True
    inside = False
    for m in re.finditer(r"[\"“”„«»]|''|``|‘‘|’’|\w+", text[start:end]):
        tok = m.group()
        if tok in ("“", "„", "«", "``", "‘‘"):
            inside = True
        elif tok in ("”", "»", "’’"):
            inside = False
        elif tok in ('"', "''"):
            inside = not inside
        elif not inside:
            return True
    return False


class _Quotes:
    """The quoted passages, merged and sorted, for O(log n) look-ups."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted((int(s), int(e)) for s, e in spans if e is not None and s is not None and e > s):
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

    def intersects(self, start: int, end: int) -> bool:
        return self.last(start, end) is not None

    def last(self, start: int, end: int) -> Optional[list[int]]:
        """The last quoted passage reaching into [start, end), or None."""
        i = bisect_right(self.starts, end - 1) - 1
        return self.spans[i] if i >= 0 and self.spans[i][1] > start else None

    def gaps(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The stretches of [start, end) outside every quoted passage, in order."""
        i, position = max(0, bisect_right(self.starts, start) - 1), start
        while i < len(self.spans) and self.spans[i][0] < end:
            span_start, span_end = self.spans[i]
            if span_start > position:
                yield position, span_start
            position = max(position, span_end)
            i += 1
        if position < end:
            yield position, end


class _Sentence(CueTokens):
    """One sentence with every reported-speech rule as a method over its tokens (the cue and
    subject tests are CueTokens')."""

    def __init__(self, text: str, start: int, end: int, quotes: _Quotes):
        super().__init__(text, start, end)
        self.quotes = quotes

    # ------------------------------------------------------------------ quotation tests

    def all_quoted(self, start: int, end: int) -> bool:
        """The clause is nothing but quotation: one quoted passage covers it, or its marks do."""
        span = self.quotes.covering(start)
        if span is not None and span[1] >= end:
            return True
        return not _words_outside_marks(self.text, start, end)

    def holds_quote(self, start: int, end: int) -> bool:
        return self.quotes.intersects(start, end) or _STANDARD_MARK.search(self.text, start, end) is not None

    # ------------------------------------------------------------------ clause stops

    @cached_property
    def cuts(self) -> list[int]:
        """For every token index k, the first index at or after k where a reported clause stops
        (n when it runs to the sentence end): a comma before a participle cue (", adding that"),
        ", according to", an inverted or parenthetical cue (", she said" / ", said Smith"), a
        conjunction opening a new attribution ("as she urged"), a semicolon. Right to left;
        computed when a rule first asks for a clause's end (most sentences never do)."""
        n = self.n
        lows = self.lows + ["", "", ""]  # lows[i + 3] past the end and lows[-1] before the start read ""
        cuts = [n] * (n + 1)
        nxt = n
        # Only the tokens of _CUT_OPENERS are read; the tokens between two of them share one stop.
        above = n  # the opener read last (the sentence end at first)
        for i in reversed(list(compress(range(n), map(_CUT_OPENERS.__contains__, self.lows)))):
            cuts[i + 1:above] = [nxt] * (above - i - 1)
            above = i
            w = lows[i]
            a, b, c = lows[i + 1], lows[i + 2], lows[i + 3]
            if w in (",", "—", "–") or w in QUOTE_TOKENS and lows[i - 1] == ",":
                if a in PARTICIPLE_CUES or (a, b) == ("according", "to") \
                        or a in ("while", "but", "and", "before", "after") and b in PARTICIPLE_CUES:
                    nxt = i
                elif a in CUE_SUBJECT_PRONOUNS and a != "who" and b in INVERTED_CUES and (c in (",", ".", "") or c in PREPOSITIONS):
                    nxt = i
                elif a in INVERTED_CUES and i + 2 < n and (self.caps[i + 2] or b in (",", ":") or b in QUOTE_TOKENS):
                    nxt = i  # ", said Smith" / ", noting A, said:"
            elif w == ";":
                nxt = i
            elif w in ("and", "but") and a in PARTICIPLE_CUES:
                nxt = i  # "describing him as a hero but insisting that ..."
            elif w in ("and", "but") and (a in INVERTED_CUES or a in AUXILIARIES and b in INVERTED_CUES or a == "also" and b in INVERTED_CUES) \
                    and a not in ("think", "believe", "say", "expect", "hope"):
                nxt = i - 1 if lows[i - 1] == "," else i  # "... the answer, but insists Sanders is ..."
            elif w in ("but", "while", "whereas") and b in INVERTED_CUES and i + 1 < n and (
                    a in CUE_SUBJECT_PRONOUNS and a != "who" or self.caps[i + 1]):
                nxt = i - 1 if lows[i - 1] == "," else i  # "... in 90 per cent of cases but Chapman says ..."
            elif w in SUBORDINATORS and a in CUE_SUBJECT_PRONOUNS and a != "who" and (
                    cue_lemma(b) and not b.endswith("ing") or b in AUXILIARIES and cue_lemma(c) and not c.endswith("ing")):
                nxt = i - 1 if lows[i - 1] == "," else i
            cuts[i] = nxt
        cuts[:above] = [nxt] * above
        return cuts

    def clause_stop(self, k: int) -> int:
        """Token index (exclusive) where the clause from token k ends; a clause never runs
        past MAX_CLAUSE_TOKENS, which keeps the work per cue bounded."""
        return min(self.cuts[k], k + MAX_CLAUSE_TOKENS) if k < self.n else self.n

    def next_semicolon(self, k: int) -> int:
        """The next semicolon from token k, or the sentence end, at most MAX_CLAUSE_TOKENS on."""
        limit = min(self.n, k + MAX_CLAUSE_TOKENS)
        for m in range(k, limit):
            if self.low(m) == ";":
                return m
        return limit

    def clause_start_before(self, i: int) -> int:
        """First token of the clause that ends before token i: after the last semicolon, or the
        sentence start, at most MAX_CLAUSE_TOKENS back."""
        limit = max(0, i - MAX_CLAUSE_TOKENS)
        for m in range(i - 1, limit - 1, -1):
            if self.low(m) == ";":
                return m + 1
        return limit

    # ------------------------------------------------------------------ dates

    def date_at(self, k: int, limit: Optional[int] = None) -> Optional[tuple[int, int]]:
        """A date phrase starting at token k: 'on Monday', 'Tuesday night', 'last week'."""
        limit = self.n if limit is None else limit
        if k >= limit or k < 0:
            return None
        lows, caps, low = self.lows, self.caps, self.low(k)
        if low not in _DATE_OPENERS:
            return None  # most tokens: none of the phrases below opens on them
        parts_of_day = ("night", "morning", "afternoon", "evening")
        if low == "on" and k + 1 < limit and caps[k + 1] and lows[k + 1] in TIME_WORDS:
            last = k + 1
            return (k, last + 1) if last + 1 < limit and self.low(last + 1) in parts_of_day else (k, last)
        if low in WEEKDAYS and caps[k]:
            return (k, k + 1) if k + 1 < limit and self.low(k + 1) in parts_of_day else (k, k)
        if low in ("yesterday", "today", "tonight", "recently"):
            return k, k
        if low == "earlier" and k + 2 < limit and self.low(k + 1) == "this" and self.low(k + 2) in TIME_WORDS:
            return k, k + 2
        if low in ("last", "this") and k + 1 < limit and self.low(k + 1) in (
                "week", "month", "year", "weekend", "morning", "night", "spring", "summer", "fall", "autumn", "winter"):
            return k, k + 1
        return None

    def trailing_date(self, k: int, stop: int) -> Optional[tuple[int, int]]:
        """A date phrase closing the clause tokens k..stop-1 ('... by Russia on Monday')."""
        last = stop - 1
        while last > k and self.low(last) in (".", ",", "!", "?"):
            last -= 1
        for first in (last - 1, last):
            d = self.date_at(first, last + 1)
            if d and d[1] == last:
                # A short clause keeps its date ("the cuts on Monday"): not half of it ("the cuts on").
                return d if first > k + 2 else None
        return None

    # ------------------------------------------------------------------ direct quotes

    def after_direct_quote(self, first: int) -> bool:
        """Whether the subject starting at token `first` follows a quotation ('"...," she said')."""
        j = first - 1
        if self.low(j) == ",":
            j -= 1
        if not (self.is_quote(j) or self.low(j) in ("'", "’") and self.low(j - 1) in (",", ".", "?", "!")):
            return False
        # a quotation that opens the sentence (or comes from an earlier one) is direct speech; a
        # quoted phrase inside the sentence ('To a question on "privatization," Sanders said')
        # is not
        span = self.quotes.covering(self.starts[j])
        if span is not None:
            return span[0] <= self.starts[0] + 1
        opening = next((m for m in range(j - 1, -1, -1) if self.is_quote(m)), None)
        return opening is None or opening <= 1

    # ------------------------------------------------------------------ building statements

    def make(self, span, subj, cue, date=None, addressee=None) -> Optional[Statement]:
        text = self.text
        start, end = _trim_span(text, *span)
        quoted = self.quotes.covering(end - 1) if end > start else None
        if quoted is not None and end < quoted[1] <= self.ends[-1]:
            end = quoted[1]  # a reported clause never stops inside the quotation it holds
        if end - start < 8 or len(text[start:end].split(maxsplit=1)) < 2:
            return None
        if self.all_quoted(start, end):
            return None  # a plain quotation: the direct-quote step's
        kind = "mixed" if self.holds_quote(start, end) else "indirect"
        st = Statement(kind=kind, text=text[start:end], start=start, end=end)
        starts, ends = self.starts, self.ends
        if subj is not None:
            s, e = starts[subj[0]], ends[subj[1]]
            st.speaker_mention, st.speaker_start, st.speaker_end = text[s:e], s, e
        c0, c1 = starts[cue[0]], ends[cue[1]]
        st.cue, st.cue_start, st.cue_end = text[c0:c1], c0, c1
        if addressee is not None:
            s, e = starts[addressee[0]], ends[addressee[1]]
            st.addressee, st.addressee_start, st.addressee_end = text[s:e], s, e
        if date is not None:
            s, e = starts[date[0]], ends[date[1]]
            st.date_mention, st.date_start, st.date_end = text[s:e], s, e
        return st

    def statements(self) -> list[Statement]:
        if self.n < 4:
            return []
        out: list[Statement] = []
        headline = self.headline()
        if headline:
            out.append(headline)
        lows = self.lows
        # No rule below starts at any other word than a trigger (picked out without a Python loop).
        for i in compress(range(self.n), map(REPORTING_TRIGGERS.__contains__, lows)):
            low = lows[i]
            st = None
            if self.quotes.covering(self.starts[i]):
                continue  # a cue inside quoted speech is the quote's business
            if low == "according":
                if self.low(i + 1) == "to":
                    st = self.according_to(i)
            elif low in STANCE_ADJECTIVES:
                st = self.stance(i)
            elif self.is_cue(i) and self.looks_like_verb(i):
                st = self.verb_cue(i)
            if st:
                out.append(st)
        return _outermost_mixed(out)

    # ------------------------------------------------------------------ the rules

    def verb_cue(self, i: int) -> Optional[Statement]:
        low = self.low(i)
        lemma = cue_lemma(low)
        nxt = self.low(i + 1)
        if nxt == "than":
            return None  # "easier said than done"
        if nxt in REFLEXIVES:
            return None  # "found himself in a bind", "called herself a progressive"
        if lemma == "call" and self.naming(i):
            return None  # "a group called Ginbot 7"
        if lemma == "call" and (nxt == "up" or nxt in OBJECT_PRONOUNS and (
                self.low(i + 2) in PREPOSITIONS or self.low(i + 2) in ("back", "."))):
            return None  # "called her to say ...", "called him on Thursday", "got called up": a phone call, a summons
        if lemma == "talk" and nxt == "with":
            return None  # "talking with his colleagues", "talks with Iran": whom, not what
        if low in ("called", "named") and self.low(i - 2) in ("a", "an") and (
                self.naming(i) or i + 2 < self.n and self.is_boundary(i + 2)):
            return None  # "a man named Neil Calder,", "a sedative called clonazepam,": who or what, not a claim
        if lemma == "ask":
            st = self.question(i)
            if st:
                return st
        j = self.prev_verbal(i)
        prev = self.low(j)
        if low.endswith("ing") and prev not in ING_OPENERS and prev not in BE_FORMS and lemma not in SPEECH_ING_LEMMAS \
                and not (self.is_quote(j) and self.low(j - 1) == ","):
            return None  # "by emphasizing the risks", "a warning": no cue
        if prev == "by" and lemma not in SPEECH_ING_LEMMAS:
            return None
        if prev in BE_FORMS and not low.endswith("ing") and (low.endswith("ed") or low in PARTICIPLE_FORMS):
            return self.passive(i, j, lemma)
        # The noun phrase before the cue, past auxiliaries and adverbs: read once for both shapes.
        j = self.skip_left_aux(i)
        subject_before = self.subject_left(j)
        if subject_before is not None and subject_before[0] >= 1 and self.low(subject_before[0] - 1) in ("and", "but") \
                and self.low(subject_before[0]) in ("in", "on", "during", "with", "through", "via") \
                and self.low(subject_before[0] + 1) in ("a", "an"):
            # "Trudeau called it false and in a carefully worded response said ...": a frame ("in
            # a statement", "during an interview") is how, and the sentence's subject says it.
            subject_before = self.main_subject(subject_before[0] - 1)
        return self.clause_first(i, j, subject_before) or self.cue_first(i, lemma, j, subject_before)

    def clause_after(self, k: int, lemma: str):
        """From token k just after a cue: (addressee, date, first clause token, saw 'that')."""
        n, low = self.n, self.low
        addressee = None
        date = self.date_at(k)
        if date:
            k = date[1] + 1
        if lemma in ADDRESSEE_CUES and k < n and low(k) not in COMPLEMENTIZERS and not self.is_boundary(k):
            # "told reporters (on Monday) that", "told AFP after meeting ministers that"
            m = k
            while m < n and m - k < 12 and low(m) not in COMPLEMENTIZERS and low(m) not in ("to", ".", ";") \
                    and not self.is_quote(m):
                m += 1
            if m < n and low(m) in COMPLEMENTIZERS:
                stop = k + 1  # the addressee: the first noun phrase, up to a preposition or comma
                while stop < m and low(stop) not in PREPOSITIONS and not self.is_boundary(stop):
                    stop += 1
                addressee = (k, stop - 1)
                date = date or self.date_at(stop)
                k = m
            elif m < n and low(m) == "to" and lemma in ("urge", "ask", "warn", "tell", "remind", "convince") \
                    and CUE_SUBJECT_PRONOUNS.isdisjoint(self.lows[k + 1:m]):
                # "urged ministers to act"; but in "told the jury he did not remember using the bin
                # to ..." the clause opens on "he", which the next branch finds.
                stop = m - 1 if low(m - 1) == "not" else m  # "urged ministers not to ...": keep "not to"
                if stop > k:
                    addressee = (k, stop - 1)
                k = stop
            else:
                stop = self.addressee_end(k)  # "told POLITICO she was leaning toward Cruz"
                first_word = CONTRACTION.sub("", self.low(stop)) if stop is not None else ""
                if stop is not None and (first_word in CUE_SUBJECT_PRONOUNS or first_word in DETERMINERS
                                         or first_word == "there") and first_word != "who":
                    addressee, k = (k, stop - 1), stop
                elif lemma == "tell":
                    return None  # "told AFP after ..." with no clause: the quote step's business
        if not date:
            date = self.date_at(k)
            if date:
                k = date[1] + 1
        k = self.skip_frame(k)
        if low(k) == ",":
            k += 1
        that = low(k) in COMPLEMENTIZERS
        if that:
            k += 1
        if k >= n or low(k) in (".", ",", ";", ":", "?", "!", "by", "as"):
            return None
        if not that and lemma == "add" and (low(k)[:1].isdigit() or low(k) in QUANTITY_WORDS):
            return None  # "Carolina added three more goals": a score, not a statement
        if not that and low(k) in FRAME_PREPOSITIONS and not (low(k) == "to" and lemma in INFINITIVE_CUES) \
                and not ((low(k) in TOPIC_PREPOSITIONS or low(k) == "in" and low(k + 1) in STANCE_NOUNS) and lemma in (
                    "ask", "talk", "refer", "speak", "complain", "boast", "warn", "agree", "argue", "caution")):
            return None  # "said at a rally in Ohio.", "asked before going off": where or when, not what
        return addressee, date, k, that

    def addressee_end(self, k: int) -> Optional[int]:
        """Index just past an addressee starting at token k: a pronoun, a common addressee
        ("reporters"), or a run of capitalised words ("The Huffington Post", "Fox News's host")."""
        low = self.low(k)
        if low in OBJECT_PRONOUNS or low in COMMON_ADDRESSEES:
            return k + 1
        m = k
        if low in ("the", "a", "an", "his", "her", "their"):
            m += 1
        first = m
        while m < self.n and m - k < 8 and (self.caps[m] and self.low(m) not in CUE_SUBJECT_PRONOUNS
                                            or m > first and self.low(m) in ("'s", "’s", "of", "&", ".")):
            m += 1
        if m > first and self.low(m) == "and":
            last = m
            while last + 1 < self.n and self.caps[last + 1]:
                last += 1
            if last > m and self.and_in_name(m, last):
                m = last + 1  # "told The Globe and Mail"
        if m > first:
            return m
        if m < self.n and m - k <= 4 and self.low(m) in COMMON_ADDRESSEES:
            return m + 1
        return None

    def skip_frame(self, k: int) -> int:
        """Past a short frame between cue and clause ('in a statement', 'on Twitter') when a
        complementizer follows within a few words, or a subject pronoun opens the clause ('said
        in a speech he was ready'); otherwise leave k where it is."""
        if self.low(k) not in FRAME_PREPOSITIONS and self.low(k) != ",":
            return k
        for m in range(k + 1, min(self.n, k + 12)):
            if self.low(m) in COMPLEMENTIZERS:
                return m
            if self.low(m) in (".", ";") or self.is_quote(m):
                break
            if self.low(m) in SUBJECT_PRONOUNS and m - k <= 6 and self.low(k) not in (",", "to") \
                    and self.low(m - 1) not in FRAME_PREPOSITIONS and not any(
                        self.is_boundary(b) or self.low(b) in SUBJECT_BOUNDARY_WORDS for b in range(k + 1, m)):
                return m
        return k

    def content_from(self, k: int, date, stop_at_comma: bool = False):
        """(start, end) of the clause from token k to its stop, less a closing date phrase."""
        stop = self.clause_stop(k)
        if stop_at_comma:
            stop = next((m for m in range(k + 1, stop) if self.low(m) == ","), stop)
        tail = self.trailing_date(k, stop)
        if tail and (not date or tail == date):
            date, stop = tail, tail[0]
        if stop <= k:
            return None, date
        return (self.starts[k], self.ends[stop - 1]), date

    def cue_first(self, i: int, lemma: str, j: int, subj) -> Optional[Statement]:
        """SUBJECT [aux] CUE [addressee] [date] [that] CLAUSE. j: the last token before the cue
        past auxiliaries and adverbs, subj: the noun phrase ending there (or None)."""
        low = self.low
        if low(i).endswith("ing") and low(j) in (",", "by") and not self.clause_opening(j):
            # "Cooper called for releasing the videos, as well, saying ...", "Obama responded to a
            # mother by saying ...": the sentence's subject
            subj = self.main_subject(j) or subj
        if subj is None and low(i).endswith("ing") and low(j) in ING_PREPOSITIONS and self.clause_opening(j):
            subj = self.subject_after_comma(i)  # "After backing Obama, Mark Cuban is ...": Cuban
        if subj is None and (low(i).endswith("ing") and (low(j) in ING_OPENERS or low(j) in FRAME_PREPOSITIONS
                                                          or self.is_quote(j) and low(j - 1) == ",")
                             or low(j) in ("and", "but")):
            subj = self.main_subject(j)  # "X said A, adding that B" / "X denied A and said B": X's
        if subj is None:
            return None
        left_date = self.date_at(j + 1, i) if j + 1 < i else None
        cue_end, k = i, i + 1
        if low(k) in CUE_PARTICLES.get(lemma, ()):
            cue_end, k = k, k + 1
        elif lemma in PARTICLE_ONLY_LEMMAS:
            return None  # "spoke at the rally": "spoke about X" reports, "spoke" alone does not
        after = self.clause_after(k, lemma)
        if after is None:
            return None
        addressee, date, k, that = after
        if not that and self.after_direct_quote(subj[0]):
            return None  # '"...," Pence said in a statement.'
        stop = self.clause_stop(k)
        if stop <= k or self.is_quote(k) and self.all_quoted(self.starts[k], self.ends[stop - 1]):
            return None  # a direct quotation introduced by the cue
        # "Graham, who says A, tweeted B" / "After backing A, Cuban ..." / "While he acknowledged
        # A, Ham noted B": A ends at a comma
        relative = self.low(j) == "who" or low(i).endswith("ing") and low(self.prev_verbal(i)) in ING_PREPOSITIONS
        fronted = low(0) in SUBORDINATORS and low(0) not in ("and", "but") and "," not in self.lows[:i]
        span, date = self.content_from(k, date or left_date, stop_at_comma=relative or fronted)
        if span is None:
            return None
        if lemma in NAMING_CUES and not that and cue_end == i:  # not "called for", "called on"
            span = (span[0], self.label_end(*span))
        return self.make(span, subj, (i, cue_end), date, addressee)

    def label_end(self, start: int, end: int) -> int:
        """Where a named label's clause ends: after its last quotation ('Clinton a "liar"
        during the debate'); but a quotation after a determiner may be a word of a longer noun
        phrase ('the "crooked" media'), which a mark or a word of LABEL_ENDERS must then end."""
        last = self.quotes.last(start, end)
        if last is None or last[1] >= end:
            return end
        opening, closing = last
        if _DETERMINER_END.search(self.text, start, opening):
            after = _LABEL_FOLLOWER.match(self.text, closing, end)
            if after is None or after.group(1) is not None and after.group(1).lower() not in LABEL_ENDERS:
                return end
        return closing

    def naming(self, i: int) -> bool:
        """'X called NAME' ending at a boundary: a name given, not a claim ("a PAC called Stop
        Hillary", "the group, called Keep the Promise,")."""
        m = i + 1
        while m < self.n and m - i < 8 and self.caps[m]:
            m += 1
        return m > i + 1 and (m >= self.n or self.is_boundary(m) or self.low(m) in (
            ".", "and", "that", "which", "who", "to", "in", "on", "for", "at", "with", "from", "of", "by", "as"))

    def question(self, i: int) -> Optional[Statement]:
        """'X asked (Y) whether CLAUSE' / 'Asked (on TV) why CLAUSE, X said ...' / 'was asked by
        Y if ...': the indirect question is the statement; the asker speaks, if named."""
        k = i + 1
        if self.low(k) == "by":  # "was asked by host John Dickerson whether"
            m = k + 1
            while m < self.n and m - k < 8 and self.low(m) not in QUESTION_WORDS and not self.is_boundary(m):
                m += 1
            agent = (k + 1, m - 1) if m > k + 1 else None
            k = m
        else:
            agent = None
        m = k
        while m < self.n and m - k < 8 and self.low(m) not in QUESTION_WORDS and not self.is_boundary(m) \
                and self.low(m) not in ("that", "to", "."):
            m += 1
        if self.low(m) not in QUESTION_WORDS or self.low(m) in ("which",):
            return None
        speaker = agent
        prev = self.low(self.prev_verbal(i))
        if speaker is None and i > 0 and prev not in BE_FORMS and prev not in (",", "when", "after", "if"):
            speaker = self.subject_left(self.skip_left_aux(i))
        stop = self.clause_stop(m)
        comma = next((c for c in range(m + 1, stop) if self.low(c) == ","), stop)
        if i == 0 or prev in (",", "when", "after", "if"):
            stop = comma  # "Asked whether ..., Priebus said": the question ends at the comma
        if stop <= m + 1:
            return None
        span = (self.starts[m], self.ends[stop - 1])
        return self.make(span, speaker, (i, i))

    def passive(self, i: int, j: int, lemma: str) -> Optional[Statement]:
        """'X is expected to win' (no speaker; the claim keeps its subject), 'X was told that Y'
        (X is the addressee), '... was reported by the Times' (the agent speaks)."""
        n, caps = self.n, self.caps
        k, agent = i + 1, None
        if self.low(k) == "by" and k + 1 < n and caps[k + 1]:
            m = k + 1
            while m < n and m - k < 8 and (caps[m] or self.low(m) in ("of", "the", "for", "and")) and not self.is_boundary(m):
                m += 1
            agent, k = (k + 1, m - 1), m
        if self.low(k) == "to":
            subj = self.subject_left(self.skip_left_aux(j + 1))
            stop = self.clause_stop(k)
            if subj is None or stop <= k + 1:
                return None
            return self.make((self.starts[subj[0]], self.ends[stop - 1]), agent, (j, i))
        after = self.clause_after(k, lemma)
        if after is None or not after[3]:
            return None  # without "that" a passive rarely reports anything ("was called a liar")
        _, date, k, _ = after
        addressee = self.subject_left(self.skip_left_aux(j + 1))
        span, date = self.content_from(k, date)
        if span is None:
            return None
        return self.make(span, agent, (i, i), date, addressee)

    def stance(self, i: int) -> Optional[Statement]:
        """'X is confident that CLAUSE': the adjective is the cue."""
        if self.low(i + 1) not in COMPLEMENTIZERS:
            return None
        j = i - 1
        while j >= 0 and i - j < 4 and self.low(j) not in BE_FORMS and self.low(j).endswith("ly"):
            j -= 1
        if self.low(j) not in BE_FORMS and self.low(j) not in ("remains", "remained", "seemed", "feels", "felt"):
            return None
        subj = self.subject_left(self.skip_left_aux(j + 1))
        if subj is None:
            return None
        span, date = self.content_from(i + 2, None)
        return self.make(span, subj, (i, i), date) if span else None

    def clause_first(self, i: int, j: int, subj) -> Optional[Statement]:
        """CLAUSE, SUBJECT CUE. / CLAUSE, CUE SUBJECT. / A, SUBJECT CUE, B. j and subj: as for
        cue_first."""
        n, low = self.n, self.low
        if i < 3:
            return None
        inverting = low(i) in INVERTED_CUES
        if low(i - 1) == "," and inverting:  # "..., said Smith."
            if self.is_quote(i - 2) or low(i - 2) in ("'", "’"):
                return None  # '"...," said Smith': a direct quote
            if self.subject_left(i - 1) is not None:
                return None  # "Smith, a senator, said ...": the comma closes an apposition
            subject_after = self.subject_right(i)
            if subject_after is None:
                return None
            after = subject_after[1] + 1
            date = self.date_at(after)
            if date:
                after = date[1] + 1
            if after < n and low(after) not in (".", ",", ";", "?", "!") and low(after) not in FRAME_PREPOSITIONS:
                return None
            opening = after + 1 if low(after) in (",", ":") else after
            if opening < n and self.is_quote(opening) and self.quotes.covering(self.ends[opening]) is not None:
                return None  # 'Instead of waiting, writes Andrew Coyne, "we should act now."': the quote is what he writes
            return self.clause_before(i - 1, i, subject_after, after, date, parenthetical=False)
        # ", she said." / ", the official said,"
        if subj is None or subj[0] < 2 or j - subj[0] > 8:
            return None
        comma = subj[0] - 1
        as_clause = low(comma) == "as" and low(comma - 1) == ","
        if as_clause:
            comma -= 1  # "A, as The New York Times reported on Tuesday."
        if low(comma) != ",":
            return None
        after, addressee = i + 1, None
        if cue_lemma(low(i)) in ADDRESSEE_CUES:
            # "..., she told reporters.", "..., he told The Canadian Press on Tuesday."
            stop = self.addressee_end(after)
            while stop is not None and stop - 1 > after and low(stop - 1) == ".":
                stop -= 1  # the sentence's period, not an initial's
            if stop is not None and stop > after:
                addressee, after = (after, stop - 1), stop
        date = self.date_at(after)
        if date:
            after = date[1] + 1
        elif low(after) in FRAME_PREPOSITIONS:
            if low(after) == "to" and cue_lemma(low(i)) in INFINITIVE_CUES:
                return None  # "..., the company expects to turn a profit": what it expects follows
            m = after  # ", she said in an interview." - a short frame up to the end or a comma
            while m < n and m - after < 12 and low(m) not in (",", ".", ";") and not self.is_quote(m):
                if low(m) in COMPLEMENTIZERS:
                    return None  # "..., Trump said in an exchange with Schumer that he ...": his clause follows
                m += 1
            after = m
        if after < n and low(after) not in (".", ",", ";", "?", "!") and not self.is_quote(after):
            return None
        if after < n and self.is_quote(after) and self.quotes.covering(self.ends[after]) is not None:
            # '"With the cameras rolling, Trump said "I am proud ..."': a quotation opening after
            # the cue is what was said; what comes before the subject only sets the scene.
            return None
        if not inverting and after < n and low(after) not in (".", "?", "!"):
            # Any cue closes a sentence ("..., frontman Anthony Kiedis revealed."); only the
            # common ones stand parenthetically.
            return None
        return self.clause_before(comma, i, subj, after, date, parenthetical=not as_clause, addressee=addressee)

    def clause_before(self, comma: int, i: int, subj, after: int, date=None, parenthetical=True,
                      addressee=None) -> Optional[Statement]:
        """The clause before `comma`, and, for a parenthetical ('A, she said, B.'), what
        follows the cue up to the next semicolon."""
        if self.is_quote(comma - 1) or self.low(comma - 1) in ("'", "’"):
            return None  # '"...," she said': a direct quote
        start_tok = self.clause_start_before(comma)
        if comma - start_tok < 3:
            return None
        end = self.starts[comma]
        if parenthetical and after < self.n - 1 and self.low(after) == "," and self.low(after + 1) not in PARTICIPLE_CUES \
                and (self.low(after + 1), self.low(after + 2)) != ("according", "to"):
            end = self.ends[self.next_semicolon(after + 1) - 1]
        else:
            opening = self.low(start_tok)
            # "In a later interview, Trump joked ...": a phrase setting the scene, no clause; but
            # "About 270 people have been ..." opens on a quantity.
            if opening in FRAME_PREPOSITIONS and opening not in SUBORDINATORS and "," not in self.lows[start_tok:comma] \
                    and not self.low(start_tok + 1)[:1].isdigit():
                return None
        return self.make((self.starts[start_tok], end), subj, (i, i), date, addressee)

    def according_to(self, i: int) -> Optional[Statement]:
        """'According to X, CLAUSE.' / 'CLAUSE, according to X.' / 'A, according to X, B.'"""
        n, low = self.n, self.low
        k = m = i + 2
        while m < n and m - k < 15 and low(m) not in (",", ".", ";") and not self.is_quote(m):
            m += 1
        if m == k:
            return None
        src, cue = (k, m - 1), (i, i + 1)
        j = i - 1
        while j >= 0 and low(j) in ("but", "and", "yet", "so", "also", "however"):
            j -= 1
        if j < 0:  # According to X, CLAUSE
            if low(m) == "," and m + 1 < n:
                span, date = self.content_from(m + 1, None)
                return self.make(span, src, cue, date) if span else None
            return None
        if low(i - 1) != ",":
            return None
        start_tok = self.clause_start_before(i - 1)
        parenthetical = low(m) == "," and m + 1 < n and low(m + 1) != "."
        # 'CLAUSE, according to X.' needs a clause before it; in 'A, according to X, B.' A may
        # be the subject alone ("Wilson-Raybould, according to the Globe report, rebuffed ...").
        if i - 1 - start_tok < (1 if parenthetical else 3):
            return None
        end = self.starts[i - 1]
        if parenthetical:
            end = self.ends[self.next_semicolon(m + 1) - 1]  # 'A, according to X, B.'
        return self.make((self.starts[start_tok], end), src, cue)

    def headline(self) -> Optional[Statement]:
        """'Obama: I'm Optimistic Americans Will Say No' - a name, a colon, the claim."""
        lows, caps = self.lows, self.caps
        para_start = self.starts[0] == 0 or self.text[self.starts[0] - 1] == "\n"
        if not para_start:
            return None
        opening = lows[1:min(6, self.n - 3)]
        if ":" not in opening:
            return None
        c = opening.index(":") + 1
        if not all(caps[m] or lows[m] in ("of", "the", "'s", "’s", ".", "-") for m in range(c)) or \
                lows[0] in NOT_SPEAKERS_BEFORE_COLON or not caps[c - 1]:
            return None
        if sum(1 for low in lows[c + 1:] if low[:1].isalnum()) < 4:
            return None  # "Carson: A miracle." - a label, not a claim
        span = (self.starts[c + 1], self.ends[-1])
        return self.make(span, (0, c - 1), (c, c))


_TRIGGER_RUNS = frozenset(word.encode("ascii") for word in REPORTING_TRIGGERS
                          if word.isascii() and word.isalpha() and word.islower())
_LONGEST_TRIGGER = max(map(len, REPORTING_TRIGGERS))


def _holds_trigger(text: str, start: int, end: int) -> bool:
    # `letter_runs`, inlined: this runs on every sentence of every article.
    runs = text[start:end].lower().encode("ascii", "replace").translate(ASCII_LETTERS_ONLY).split()
    return not _TRIGGER_RUNS.isdisjoint(runs)


def _may_report(text: str, start: int, end: int, quotes: _Quotes) -> bool:
    """Cheap pre-check: does the sentence hold a colon, or a word outside quoted speech that
    can open a statement? Most sentences of a long text are skipped here without being
    tokenised."""
    if text.find(":", start, end) >= 0:
        return True
    if not quotes.intersects(start, end):
        return _holds_trigger(text, start, end)
    # A trigger token starts outside the quotations and ends within the longest trigger's length.
    return any(_holds_trigger(text, gap_start, min(end, gap_end + _LONGEST_TRIGGER))
               for gap_start, gap_end in quotes.gaps(start, end))


def _outermost_mixed(statements: list[Statement]) -> list[Statement]:
    """Drop a mixed statement lying inside another one of the same sentence ("said that he
    wants a policy "focused on ..."" holds "wants a policy ..."): the quotation is reported
    once, by the outer cue. A sweep by start offset: O(m log m)."""
    if len(statements) < 2:
        return statements  # most sentences: nothing can lie inside anything
    mixed = sorted((s for s in statements if s.kind == "mixed"), key=lambda s: (s.start, -s.end))
    inner, reach = set(), None  # reach: (end, start) of the widest span seen so far
    for s in mixed:
        if reach is not None and s.end <= reach[0] and (s.start, s.end) != (reach[1], reach[0]):
            inner.add(id(s))
        elif reach is None or s.end > reach[0]:
            reach = (s.end, s.start)
    return [s for s in statements if id(s) not in inner]


_SCORE_LINE = re.compile(
    r"(?:[\w.'’-]+['’]s\s+|(?:a|an|another|yet another|\d+|" + "|".join(QUANTITY_WORDS) + r")\s+)"
    r"(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(SCORE_NOUNS) + r"|top[- ]\d+s|[\w-]+-game (?:point |winning |losing )?streak)\b"
    r"(?! of\b)(?!\s+(?:is|was|are|were|has|had|will|would)\b)",  # "a goal of $1 billion", "a goal was ...": an aim
    re.IGNORECASE)
_WHEN_LATER = re.compile(
    r"(?:just |only |about |(?:just )?(?:less|more) than )?(?:(?:a|an|one|two|three|a few|several|a couple(?: of)?|\d+)\s+)?"
    r"(?:" + "|".join(TIME_UNITS) + r")\s+later\b",
    re.IGNORECASE)


def reports_no_words(statement: Statement) -> bool:
    """Whether a reported statement, by the rules or the model, holds what happened rather than
    anything said or held: a game's score ("added a goal and an assist", "snapped Vancouver's
    five-game point streak", "posted a runner-up"), only when an answer came ("responded a
    couple minutes later when ..."), a skill known ("knows how to win"), or something seen
    happen ("saw people sporting yellow vests", "saw it coming")."""
    if statement.kind != "indirect":
        return False
    if _SCORE_LINE.match(statement.text) or _WHEN_LATER.match(statement.text):
        return True
    lemma = cue_lemma((statement.cue or "").rsplit(maxsplit=1)[-1].lower()) if statement.cue else None
    if lemma == "know":
        return _HOW_TO.match(statement.text) is not None
    if lemma == "see":
        seen = _SEEN_HAPPEN.match(statement.text)
        return seen is not None and seen.group("ing").lower() not in ING_NOUNS and (
            seen.group("name") is not None or seen.group("one").lower() in _SEEN_ONES
            or seen.group("one").lower().endswith("s") and seen.group("one").isalpha())
    return False


_HOW_TO = re.compile(rf"(?:{'|'.join(sorted(QUESTION_WORDS))})\s+to\b", re.IGNORECASE)  # "how to win"
# A name (no possessive: "Clinton's running mate" is no one running), a pronoun or a plural, then an -ing form.
_SEEN_HAPPEN = re.compile(r"(?:(?P<name>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?<!['’]s))|(?P<one>[\w'’]+))\s+(?P<ing>[a-z]{2,}ing)\b")
_SEEN_ONES = OBJECT_PRONOUNS | IRREGULAR_PLURALS | {"it"}


def find_reported_speech(text: str, sentences: Sequence[tuple[int, int]],
                         quote_spans: Sequence[tuple[int, int]]) -> list[Statement]:
    """Indirect and mixed statements in `text`, sentence by sentence (see the module doc).

    `sentences`: (start, end) spans of the article's own sentences (appended blocks left out);
    `quote_spans`: (start, end) spans of quoted passages. Returns statements in text order,
    one per reported clause, with `speaker` unresolved.
    """
    quotes = _Quotes(quote_spans or ())
    out: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for s0, s1 in sentences:
        s0, s1 = max(0, int(s0)), min(len(text), int(s1))
        if s1 - s0 < 10 or not _may_report(text, s0, s1, quotes):
            continue
        for st in _Sentence(text, s0, s1, quotes).statements():
            if (st.start, st.end) not in seen:
                seen.add((st.start, st.end))
                out.append(st)
    return out
