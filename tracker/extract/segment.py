"""Segmentation: paragraphs, sentences, and where the article's own text ends.

All spans are (start, end) Python str offsets into the text exactly as given.

    >>> text = 'Mr. Smith arrived. "We won," he said.\\n\\nDear readers, please support us'
    >>> paragraphs(text)
    [(0, 37), (39, 70)]
    >>> sentences(text)
    [(0, 18), (19, 37)]
"""
import re
from functools import lru_cache
from typing import NamedTuple

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import ABBREVIATIONS

_LINE = re.compile(r"[^\n]+")

# Openings of blocks a site appends to its articles (appeals, newsletter boxes, link lists).
# They hold quotation marks and "we" statements that are not the article's.
_APPENDIX_OPENING = re.compile(
    r"\s*(?:dear (?:readers?|subscribers?|friends|supporters)\b"
    r"|a (?:message|note) from\b"
    r"|(?:read more|related(?: articles| stories| coverage| content)?|more from|see also"
    r"|recommended(?: for you)?|you may also like|most popular|trending now"
    r"|sign up|subscribe|follow us|share this)\b[^.!?]{0,80}$"
    r"|advertisement\s*$)",
    re.IGNORECASE,
)
# Appeal wording that counts in the second half of an article, outside quotation marks.
_APPEAL = re.compile(
    r"\b(?:support us|support our (?:work|journalism|reporting|newsroom)|please (?:donate|support)"
    r"|make a (?:donation|contribution)|remind me later|subscribe (?:now|today))\b",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile("[\"“”„«»]")
# A short line standing as a heading over an appended block ("A Message from ...:").
_HEADING = re.compile(r"[^.!?\"“”]{1,80}:?\s*$")


def paragraphs(text):
    """Spans of the non-blank lines of `text`: paragraphs are separated by one or more newlines."""
    spans = []
    for line in _LINE.finditer(text):
        body = line.group()
        stripped = body.strip()
        if stripped:
            start = line.start() + len(body) - len(body.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def article_end(text, paras=None):
    """Offset where the article's own text ends: the start of an appended block, else len(text).

    An appended block is recognised by how it opens ("Dear readers", "Read more", "Related",
    "Sign up ...") or, in the second half of the text, by appeal wording outside quotes ("support us",
    "please donate"); a short heading line just above it is cut with it.
    """
    paras = paragraphs(text) if paras is None else paras
    for index, (start, end) in enumerate(paras[1:], 1):
        paragraph = text[start:end]
        late = start > len(text) // 2
        appeal = late and _APPEAL.search(paragraph) and not _QUOTE_MARK.search(paragraph)
        if _APPENDIX_OPENING.match(paragraph) or appeal:
            previous = paras[index - 1]
            if index > 1 and _HEADING.match(text, previous[0], previous[1]):
                return previous[0]
            return start
    return len(text)


@lru_cache(maxsize=1)
def _tokenizer():
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


# A possible sentence end inside a paragraph; paragraphs without one are one sentence.
_INNER_END = re.compile(r"[.!?][\"”’')\]]*\s")
# A possible sentence end: its marks, then closing quotes or brackets, then a space.
_CANDIDATE = re.compile(r"(?P<end>[.!?…]+)[\"”’')\]]*(?=\s)")
# Punkt costs about 20 µs per period and its regex guard raises past 5 s on one call, so
# very long paragraphs (pathological input) are fed to it in windows cut at whitespace.
_WINDOW = 10_000
_SPACES = re.compile(r"\s*")
# Fewer than one possible sentence end per this many characters is prose.
_DENSE = 12
_DENSE_MIN = 2_000


def _window_sentences(text, start, end):
    window = text[start:end]
    ends = [m.end() for m in _INNER_END.finditer(window)]
    if len(window) > _DENSE_MIN and len(ends) * _DENSE > len(window):
        # Not prose (a run of "a. a. a."): Punkt would spend 20 µs a period for nothing.
        bounds = [0] + ends + [len(window)]
        spans = []
        for a, b in zip(bounds, bounds[1:]):
            piece = window[a:b]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((start + a + lead, start + a + len(piece.rstrip())))
        return spans
    return [(start + s, start + e) for s, e in _tokenizer().span_tokenize(window)]


def paragraph_sentences(text, start, end):
    """Sentence spans inside one paragraph text[start:end].

    Punkt with fixed parameters breaks at every "!", "?" and at a period after a word that is
    not a known abbreviation; those ends are decided here directly, ten times faster, and
    only where the next word is not lower case (`"Why?" she asked.`). Punkt itself reads a
    paragraph holding an initial ("George W. Bush"), where its heuristics earn their cost.
    """
    if not _INNER_END.search(text, start, end):
        return [(start, end)]
    spans = []
    sentence_start = previous_end = start
    for match in _CANDIDATE.finditer(text, start, end):
        word_start = max(previous_end, text.rfind(" ", previous_end, match.start()) + 1,
                         text.rfind("\u00a0", previous_end, match.start()) + 1)
        previous_end = match.end()
        word = text[word_start:match.start()].lstrip("\"“‘'([").lower()
        mark = match.group("end")
        if mark == "." and word in ABBREVIATIONS:
            continue
        if mark == "." and len(word) == 1 and word.isalpha():
            return _punkt_sentences(text, start, end)
        following = _SPACES.match(text, match.end(), end).end()
        if following < end and text[following].islower():
            continue  # `"Why?" she asked.`, `$5 million. then`: no sentence starts lower case
        spans.append((sentence_start, match.end()))
        sentence_start = _SPACES.match(text, match.end(), end).end()
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def _punkt_sentences(text, start, end):
    spans = []
    while start < end:
        cut = end
        if end - start > _WINDOW:
            space = text.find(" ", start + _WINDOW, end)
            cut = end if space < 0 else space
        spans.extend(_window_sentences(text, start, cut))
        start = _SPACES.match(text, cut, end).end()
    return spans


class Segments(NamedTuple):
    paragraphs: list  # every paragraph, appended blocks included
    end: int  # where the article's own text ends (see `article_end`)
    sentences: list  # sentence spans of the article's own text


def segment(text):
    """Paragraphs, article end and sentences in one pass (see `sentences`)."""
    paras = paragraphs(text)
    limit = article_end(text, paras)
    spans = []
    for start, end in paras:
        if start >= limit:
            break
        spans.extend(paragraph_sentences(text, start, end))
    return Segments(paras, limit, spans)


def sentences(text):
    """Sentence spans of the article's own text, in order, never crossing a paragraph break.

    Punkt with hand-set news abbreviations (Mr., Sen., U.S., Sept., Inc. ...), run paragraph by
    paragraph; appended blocks (see `article_end`) are left out.
    """
    return segment(text).sentences
