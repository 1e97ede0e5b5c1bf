"""Quoted passages: pair quotation marks, paragraph by paragraph, in one linear pass.

Double marks (curly, straight, low-9, guillemets) delimit quotations; single marks are read
as quotations only in an article that has no double marks at all (British style), since
elsewhere they are nested quotes or apostrophes. A quote left open at the end of a paragraph
continues when the next paragraph opens with a mark (the newsroom convention for a quotation
running over several paragraphs); otherwise it ends with its paragraph, so a stray mark never
swallows the rest of the article.

    >>> text = 'He said "yes" and “no way.”'
    >>> [q.clean_text(text) for q in find_quotes(text)]
    ['yes', 'no way.']
"""
import re
from dataclasses import dataclass

from .segment import paragraphs

# Runs of adjacent marks count as one mark: a megabyte of marks is then a handful of events.
_DOUBLE = re.compile("[\"“”„«»]+")
_SINGLE = re.compile("['‘’‚‹›]+")
_OPENERS = "“„«‘‚‹"
_CLOSERS = "”»’›"
_WORD = re.compile(r"\w")
# Characters after which a straight mark opens a quote ("(", a dash, a space).
_BEFORE_OPENING = set(" \t\u00a0([{—–-/:;")


@dataclass
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark (or the end of the paragraph left open)
    pieces: tuple  # (start, end) of the quoted words in each paragraph it spans
    closed: bool  # ended on a closing mark rather than at a paragraph end

    def clean_text(self, text):
        """The quoted words, one space joining the paragraphs of a multi-paragraph quote."""
        return " ".join(text[s:e].strip() for s, e in self.pieces).strip()


def _direction(text, start, end, single):
    """'open', 'close', 'apostrophe' or None (undecided) for the run of marks text[start:end]."""
    mark = text[start]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if single and before.isalnum() and after.isalnum():
        return "apostrophe"
    if mark in _OPENERS and not (single and before.isalnum()):
        if before not in _BEFORE_OPENING and before != "\n" and (after.isspace() or after in ",.;:!?"):
            return "close"  # an opening mark typed for a closing one: `here,“ said Clyburn`
        return "open"
    if before == "\n" or start == 0:
        return "open"  # a closing mark typed for an opening one, at a paragraph start: `” … he said`
    if text[end - 1] in _CLOSERS:
        if single and after.isalnum():
            return "apostrophe"
        return "close"
    # A straight or ambiguous mark: decide by its neighbours.
    if before in _BEFORE_OPENING or before == "\n":
        return None if after.isspace() else "open"
    if after.isspace() or not after.isalnum():
        return "close"
    return None


def find_quotes(text, limit=None, paras=None):
    """Quoted passages of text[:limit] in order, each with at least one word inside;
    paras: the text's paragraph spans when the caller has them."""
    limit = len(text) if limit is None else limit
    single = _DOUBLE.search(text, 0, limit) is None
    marks = _SINGLE if single else _DOUBLE
    quotes = []
    carried = None  # [start, pieces] of a quote left open by the previous paragraph
    for para_start, para_end in paragraphs(text) if paras is None else paras:
        if para_start >= limit:
            break
        opened = None  # [start, pieces, start of the current piece] of the quote open here
        first = True
        for match in marks.finditer(text, para_start, para_end):
            direction = _direction(text, match.start(), match.end(), single)
            if direction == "apostrophe":
                continue
            if carried is not None:
                if first and match.start() == para_start and direction != "close":
                    opened = [carried[0], carried[1], match.end()]
                    carried = None
                    first = False
                    continue
                _keep(quotes, text, carried[0], carried[1], False)
                carried = None
            first = False
            if opened is None:
                if direction != "close":
                    opened = [match.start(), [], match.end()]
            elif direction == "open" and text[opened[0]] == text[match.start()] == "“":
                # A second curly opener: the first one was never closed.
                opened[1].append((opened[2], match.start()))
                _keep(quotes, text, opened[0], opened[1], False)
                opened = [match.start(), [], match.end()]
            elif direction != "open":
                opened[1].append((opened[2], match.start()))
                _keep(quotes, text, opened[0], opened[1], True, match.end())
                opened = None
        if carried is not None:
            _keep(quotes, text, carried[0], carried[1], False)
            carried = None
        if opened is not None:
            opened[1].append((opened[2], para_end))
            carried = opened[:2]
    if carried is not None:
        _keep(quotes, text, carried[0], carried[1], False)
    return quotes


def _keep(quotes, text, start, pieces, closed, end=None):
    if any(_WORD.search(text, s, e) for s, e in pieces):
        quotes.append(Quote(start, pieces[-1][1] if end is None else end, tuple(pieces), closed))
