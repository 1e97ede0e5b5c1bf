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
_CONTENT = re.compile(r"\w")

# A line may open on invisible characters: HuffPost sets a byte order mark before "Also on HuffPost:".
_LEAD = r"[\s\ufeff\u200b\u2060]*"
# Lines a site sets inside its articles: link lines, video and listen prompts, "continued
# below" notes, advertisement labels, photo captions with their credit. They are skipped, and
# the article goes on after them.
_INTERSTITIAL = re.compile(
    _LEAD + r"(?:(?:read more|related(?: stories| articles| coverage| content| video)?|watch(?: below| live| now)?"
    r"|listen(?: now)?|see also|also read|more|click here|photos?|video|graphic|gallery|full coverage"
    r"|(?:relevant|related|recommended|further) reading|(?-i:LOOK))"
    r"\s*(?::|\|)"
    r"|watch\b[^.!?\n]{0,120}:\s*$"
    # A contact line: "Email: jsnyder@postmedia.com | Twitter: jesse_snyder", "Twitter: @Milbank."
    r"|(?:e-?mail|twitter|facebook|instagram)\s*:\s*@?[\w.-]+(?:@[\w.-]+)?\.?\s*(?:\||$)"
    # A teaser's heading standing alone on its line: "Also on HuffPost:".
    r"|also on\b[^.!?:\n]{0,40}:\s*$|also on huff ?post\s*$"
    r"|(?:article|story) continue[sd]? below|continue reading|advertisement\s*$|sponsored content\s*$"
    # The Globe and Mail's line above each photo: "Open this photo in gallery:".
    r"|open this (?:photo|image) in gallery\b)",
    re.IGNORECASE,
)
# A photo caption ends on its credit: "(Jane Doe/CBC)", "(Getty Images)", "(Submitted photo)".
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()\n]{1,40}/[^()\n]{1,40}|[^()\n]{0,40}\b(?:photo|images|handout|submitted|file)\b[^()\n]{0,20}"
    r"|cbc(?: news)?|ap|afp|reuters|(?:the )?canadian press|(?:the )?associated press)\)\.?\s*$",
    re.IGNORECASE,
)
# A video's summary ends on its running time: "... have outlined their concerns. 2:43".
_VIDEO_DURATION = re.compile(r"[.!?]\s+\d{1,2}:\d{2}\.?\s*$")
# Openings of blocks a site appends to its articles (appeals, newsletter boxes, link lists,
# "more from" headings): the article ends there. They hold quotation marks and "we"
# statements that are not the article's.
_APPENDIX_OPENING = re.compile(
    _LEAD + r"(?:dear (?:readers?|subscribers?|friends|supporters)\b"
    r"|a (?:message|note) from\b"
    r"|(?:related(?: articles| stories| coverage| content)?|more from|more on this|see also"
    r"|recommended(?: for you)?|you may also like|most popular|trending now|top stories"
    r"|sign up|subscribe|follow us|share this)\b[^.!?:|]{0,80}:?\s*$"
    # A site's own list heading: "CTVNews.ca Top Stories", "Globalnews.ca Most Read".
    r"|[\w-]+\.(?:ca|com|net|org|co\.uk) (?:top stories|most read|most popular|trending(?: now)?)\s*:?\s*$"
    r"|(?:sign up|subscribe)\b[^.!?]{0,80}(?:newsletter|inbox|email)"
    r"|advertisement\s*$)",
    re.IGNORECASE,
)
# Appeal wording that counts in the second half of an article, outside quotation marks.
_APPEAL = re.compile(
    r"\b(?:support us|support our (?:work|journalism|reporting|newsroom)|please (?:donate|support)"
    r"|make a (?:donation|contribution)|remind me later|subscribe (?:now|today))\b",
    re.IGNORECASE,
)
# Every appeal holds one of these in lower case (or a letter IGNORECASE reads as an ASCII one
# that lower() leaves alone): a paragraph without any is no appeal, without running the regex.
_APPEAL_CLUES = ("support", "please", "make a", "remind", "subscribe", "ı", "ſ")
_QUOTE_MARK = re.compile("[\"“”„«»]")
# A short line standing as a heading over an appended block ("A Message from ...:").
_HEADING = re.compile(r"[^.!?\"“”]{1,80}:?\s*$")


def paragraphs(text):
    """Spans of the lines of `text` that hold a word: paragraphs are separated by newlines, and
    a line of punctuation alone (a stray " ." or "***" some sites put between paragraphs) is none."""
    spans = []
    for line in _LINE.finditer(text):
        body = line.group()
        stripped = body.strip()
        if stripped and _CONTENT.search(stripped):
            start = line.start() + len(body) - len(body.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def is_interstitial(text, start, end):
    """Whether the paragraph text[start:end] is a line set inside the article by its site
    ("READ MORE: ...", "WATCH: ...", a photo caption, a video's summary and running time),
    not part of the story."""
    if _INTERSTITIAL.match(text, start, end):
        return True
    # A running time ends on a digit, a credit on a bracket (either maybe with a period): at
    # any other end, most paragraphs', neither is looked for.
    closing = text[start:end].rstrip()[-2:]
    closing = closing[:-1] if closing.endswith(".") else closing[-1:]
    return bool(closing.isdecimal() and _VIDEO_DURATION.search(text, start, end)
                or closing == ")" and not _QUOTE_MARK.search(text, start, end)
                and _CAPTION_CREDIT.search(text, start, end))


def _closing(text, paras, index):
    start, end = paras[index]
    paragraph = text[start:end]
    late = start > len(text) // 2
    appeal = late and _may_appeal(paragraph) and _APPEAL.search(paragraph) and not _QUOTE_MARK.search(paragraph)
    return bool(_APPENDIX_OPENING.match(paragraph) or appeal)


def _may_appeal(paragraph):
    return any(map(paragraph.lower().__contains__, _APPEAL_CLUES))


def article_end(text, paras=None):
    """Offset where the article's own text ends: the start of an appended block, else the end
    of its last paragraph that is not an interstitial line (see `is_interstitial`), else len(text).

    An appended block is recognised by how it opens ("Dear readers", "Related stories",
    "Sign up ...") or, in the second half of the text, by appeal wording outside quotes ("support
    us", "please donate"); a short heading line just above it is cut with it.
    """
    paras = paragraphs(text) if paras is None else paras
    return _article_end(text, paras)[0]


def _article_end(text, paras):
    """(end offset, index of the first paragraph past the end)."""
    last = len(paras)
    for index in range(1, len(paras)):
        if _closing(text, paras, index):
            previous = paras[index - 1]
            if index > 1 and _HEADING.match(text, previous[0], previous[1]) and not is_interstitial(text, *previous):
                last = index - 1
            else:
                last = index
            break
    while last > 1 and is_interstitial(text, *paras[last - 1]):
        last -= 1
    if last == len(paras):
        return len(text), last
    return paras[last][0], last


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
        word_from, previous_end = previous_end, match.end()
        if match.group("end") == ".":  # only a period may follow an abbreviation or an initial
            mark_start = match.start()
            word_start = max(word_from, text.rfind(" ", word_from, mark_start) + 1,
                             text.rfind("\u00a0", word_from, mark_start) + 1)
            word = text[word_start:mark_start].lstrip("\"“‘'([").lower()
            if word in ABBREVIATIONS:
                continue
            if len(word) == 1 and word.isalpha():
                return _punkt_sentences(text, start, end)
        following = _SPACES.match(text, match.end(), end).end()
        if following < end and text[following].islower():
            continue  # `"Why?" she asked.`, `$5 million. then`: no sentence starts lower case
        spans.append((sentence_start, match.end()))
        sentence_start = following
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
    paragraphs: list  # the article's own paragraphs: interstitial lines and appended blocks left out
    end: int  # where the article's own text ends (see `article_end`)
    sentences: list  # sentence spans of those paragraphs


def segment(text):
    """Paragraphs, article end and sentences in one pass (see `sentences`)."""
    paras = paragraphs(text)
    limit, last = _article_end(text, paras)
    kept = [span for span in paras[:last] if not is_interstitial(text, *span)]
    spans = []
    for start, end in kept:
        spans.extend(paragraph_sentences(text, start, end))
    return Segments(kept, limit, spans)


def sentences(text):
    """Sentence spans of the article's own text, in order, never crossing a paragraph break.

    Punkt with hand-set news abbreviations (Mr., Sen., U.S., Sept., Inc. ...), run paragraph by
    paragraph; interstitial lines and appended blocks (see `article_end`) are left out.
    """
    return segment(text).sentences
