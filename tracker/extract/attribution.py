"""Cues and their subjects: who a quoted passage is attributed to, by the words around it.

Three shapes, tried in this order:

* after the quote: `"...," she said` / `"...," said the minister` / `"...," according to X`;
* before it, in the same sentence: `She said: "..."` / `X told reporters, "..."` and, for a
  fragment inside a paraphrase, `X said the plan was "a sham"`;
* nothing: the caller decides whether the quote floats on an earlier statement.

Every look-around is bounded (a few hundred characters), so the cost per quote is constant.

    >>> text = '"We will win," Gov. Jane Roe told AFP on Monday.'
    >>> a = attribute(text, 0, 14, 0, len(text), 0)
    >>> (a.subject.of(text), a.cue.of(text), a.addressee.of(text), a.date.of(text))
    ('Gov. Jane Roe', 'told', 'AFP', 'on Monday')
"""
import re
from typing import NamedTuple, Optional

from .lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    CUE_FORMS,
    INVERTING_CUES,
    LEADING_WORDS,
    MONTHS,
    NAME_ABBREVIATIONS,
    NOT_IN_DESCRIPTIONS,
    PARTS_OF_DAY,
    QUOTE_ADDRESSEE_CUES,
    QUOTE_CUE_ADVERBS,
    SUBJECT_BOUNDARY_WORDS,
    SUBJECT_OPENERS,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
)


def _alternation(words):
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_ABBREVIATED = rf"(?:{_alternation(w.capitalize() for w in NAME_ABBREVIATIONS)})\."
# One word of a subject phrase: an initialism (U.S.), a title abbreviation (Sen.), a word,
# or a parenthetical tag ("(R-Utah)").
_TOKEN = (rf"(?:(?:[A-Z]\.)+|{_ABBREVIATED}|\([^()\n]{{1,25}}\)"
          rf"|(?!{_ABBREVIATED})[\w'’&][\w'’&.-]*(?<!\.))")
_CUE = rf"(?:{_alternation(CUE_FORMS)})"
_INVERTED_CUE = rf"(?:{_alternation(INVERTING_CUES)})"
# Any -ly adverb may stand between a subject and its cue too: `"...," she angrily said`.
_ADVERBS = rf"(?:{_alternation(QUOTE_CUE_ADVERBS)}|[a-z]+ly)"
_PART_OF_DAY = rf"(?:{_alternation(PARTS_OF_DAY)})"
_SUBJECT_PRONOUN = _alternation({form for p in SUBJECT_PRONOUNS for form in (p, p.capitalize())})
_DATE = re.compile(
    rf"\b(?:(?:on|last|this|next|late|early|earlier this)\s+(?:{_alternation(WEEKDAYS)})"
    rf"(?:\s+{_PART_OF_DAY})?"
    r"|(?:on\s+)?(?:(?:" + _alternation(m.capitalize() for m in MONTHS) + r")\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"|(?:last|this|earlier this|late last|early last)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter|night)"
    r"|yesterday|today|tonight|this (?:morning|afternoon|evening)"
    rf"|(?:{_alternation(WEEKDAYS)})(?:\s+{_PART_OF_DAY})?)\b",
    re.IGNORECASE,
)

# Subject then cue, right after the closing mark: `"...," the former minister, 63, said`.
_AFTER_SUBJECT_CUE = re.compile(
    rf"[\s,;:—–-]*(?P<subject>(?:{_TOKEN}\s+){{0,7}}?{_TOKEN})"
    rf"(?P<apposition>,[^,\"“”\n]{{1,100}},)?\s+(?:{_ADVERBS}\s+){{0,2}}(?P<cue>{_CUE})\b"
)
_SUBJECT_ENDS = (r"(?=\s*(?:[,;:!?)—–]|(?<!\b[A-Z])\.(?!\w)|$)|\s+(?:in|on|at|who|during|after|before|"
                 r"when|as|of|to|about|while|last|yesterday|this|earlier|later|and|but|told|via|"
                 r"from|with|for)\b)")


def _after_cue(last_token):
    return re.compile(rf"[\s,;:—–-]*(?P<cue>{_INVERTED_CUE})\s+(?P<subject>(?:{_TOKEN}\s+){{0,6}}?{last_token})"
                      + _SUBJECT_ENDS)


# Cue then subject: `"...," said Anna Smith, a spokeswoman` / `"...," says the report`.
_AFTER_CUE_SUBJECT = _after_cue(_TOKEN)
# The same, when the shortest subject is a lower-case description that goes on to a name:
# `"...," said secretary of state John Kerry`.
_AFTER_CUE_NAME = _after_cue(rf"(?=[A-Z]){_TOKEN}")
# A byline-style attribution after a quote: `"..." ― Jane Roe`.
_AFTER_DASH = re.compile(
    r"[\s,]*(?P<cue>[―—–]|--)[\s\u00a0]*(?P<subject>(?:[A-Z][\w'’.-]*[\s\u00a0]+){0,4}[A-Z][\w'’-]*\.?)"
    r"(?=\s*(?:,|$))"
)
_AFTER_ACCORDING = re.compile(
    rf"[\s,;:—–-]*(?P<cue>according to)\s+(?P<subject>(?:{_TOKEN}\s+){{0,6}}?{_TOKEN})"
    r"(?=\s*(?:[,;:!?)]|(?<!\b[A-Z])\.(?!\w)|$)|\s+(?:in|on|at|who|during|after|when)\b)"
)
_ADDRESSEE = re.compile(
    rf"\s+(?P<addressee>(?:the\s+|The\s+)?(?:{_TOKEN}\s+){{0,4}}?{_TOKEN})"
    r"(?=\s*(?:[,;:!?)]|(?<!\b[A-Z])\.(?!\w)|$)|\s+(?:in|on|at|after|before|during|that|when|as|last|"
    r"yesterday|this|earlier|later|about|while|from|via|over|then|he|she|they|we|it|was|were|is|"
    rf"and|for|with|to|by|(?i:{_alternation(WEEKDAYS)}))\b)"
)
_LETTERS = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")
# `"A." He added: "B."`: a cue followed by a colon introduces the next quote.
_INTRODUCES = re.compile(r"[^.!?\"“”\n]{0,60}:")
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+$", re.IGNORECASE)
_NEXT_QUOTE = re.compile(r"\s*,\s*[\"“]")
_WORDS = re.compile(r"\S+")
_INTRODUCED = re.compile(r"[,:]\s*$")
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+$")
_COORDINATED = re.compile(r"\b(?:and|then)\s+$")
_PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being|be|get|got|gets)\s+(?:[a-z]+ly\s+)?$")
_WINDOW = 300


class Span(NamedTuple):
    start: int
    end: int

    def of(self, text):
        return text[self.start:self.end]


class Attribution(NamedTuple):
    subject: Span
    cue: Span
    addressee: Optional[Span]
    date: Optional[Span]
    after: bool  # the attribution follows the quote (it may also interrupt it)
    end: int  # where the attribution's words end (a quote it interrupts resumes after it)


def attribute(text, quote_start, quote_end, para_start, para_end, sentence_start, previous_end=0):
    """The attribution of the quote text[quote_start:quote_end], or None.

    para_* bound the paragraph; sentence_start is where the sentence holding the opening
    mark begins (a cue before the quote must lie in that sentence, and after the end of
    the quote before it, previous_end).
    """
    after = _after(text, quote_end, para_end)
    if after is None or not (_INTRODUCED.search(text, max(0, quote_start - 3), quote_start)
                             and _ends_sentence(text, quote_end)):
        return after or _before(text, quote_start, max(para_start, sentence_start), previous_end)
    # `X said, "A." Y later clarified that ...`: a quote introduced by a cue and closing its
    # sentence is the introducing speaker's; the cue after it opens the next sentence.
    return _before(text, quote_start, max(para_start, sentence_start), previous_end) or after


def _ends_sentence(text, quote_end):
    """Whether the quote closes on the end of a sentence: `"... for us."`."""
    return text[max(0, quote_end - 3):quote_end].rstrip("\"”’'")[-1:] in (".", "?", "!")


def attribute_before(text, quote_start, region_start):
    """The attribution in text[region_start:quote_start] introducing the quote, or None."""
    return _before(text, quote_start, region_start)


def _after(text, quote_end, para_end):
    limit = min(para_end, quote_end + _WINDOW)
    for pattern in (_AFTER_CUE_SUBJECT, _AFTER_CUE_NAME, _AFTER_ACCORDING, _AFTER_SUBJECT_CUE,
                    _AFTER_DASH):
        match = pattern.match(text, quote_end, limit)
        if (match and _plausible_subject(match.group("subject"))
                and not (pattern is _AFTER_SUBJECT_CUE and _clause_like(match))
                and not _introduces(text, quote_end, match.end(), limit)):
            subject = Span(match.start("subject"), match.end("subject"))
            cue = Span(match.start("cue"), match.end("cue"))
            return _complete(text, subject, cue, max(match.end(), cue.end), limit, after=True)
    return None


def _adjectival(text, match):
    """A participle after a determiner ("a written statement") modifies a noun."""
    word = match.group().lower()
    return (word.endswith(("ed", "en")) or word in ("said", "told")) and bool(
        _MODIFIER_BEFORE.search(text, max(0, match.start() - 6), match.start()))


def _clause_like(match):
    """`"..." In 1998 in the Senate's vote for admitting`: a clause and a participle, not
    a subject and its cue."""
    words = match.group("subject").split()
    return match.group("cue").endswith("ing") or any(word in CLAUSE_WORDS for word in words[1:])


def _introduces(text, quote_end, attribution_end, limit):
    """Whether the cue after a quote rather opens the next one: `"A." He added: "B."`, and
    `"A." She adds, "B."` after a quote that ended its sentence."""
    # A quote ending on a comma awaits its own attribution: `"A," Cruz said as a heckler yelled: "B"`.
    return _ends_sentence(text, quote_end) and (
        _INTRODUCES.match(text, attribution_end, limit) is not None
        or _NEXT_QUOTE.match(text, attribution_end, limit) is not None)


def _before(text, quote_start, region_start, cues_from=0):
    """The cue lies in text[max(region_start, cues_from):quote_start], its subject may lie
    before cues_from (`Trump -- "A" -- kept asserting, "B"`)."""
    region_start = max(region_start, quote_start - _WINDOW)
    # A word scan and a set look-up: a regex alternation of every cue form costs 50x more.
    cues = [m for m in _LETTERS.finditer(text, max(region_start, cues_from), quote_start)
            if m.group() in CUE_FORMS and not _adjectival(text, m)
            and (CUE_FORMS[m.group()] != "point" or text.startswith(" out", m.end()))]
    for cue_match in reversed(cues[-2:]):
        between = text[cue_match.end():quote_start]
        if any(mark in between for mark in "\"“”") or between.count(",") > 2:
            continue
        if _PASSIVE.search(text, max(region_start, cue_match.start() - 20), cue_match.start()):
            continue  # "X has been warned that ...": X is the addressee, not the speaker
        participle = cue_match.group().endswith("ing")
        name = _NAME_BEFORE.search(text, region_start, cue_match.start()) if participle else None
        if name is not None:
            # `footage of Hillary Clinton asking, "..."`: the participle's subject is the name.
            subject = Span(name.start(1), name.end(1))
        elif participle or _COORDINATED.search(
                text, max(region_start, cue_match.start() - 8), cue_match.start()):
            # `Trump attacked Clinton, saying "..."`, `he laughed and said, "..."`: the cue
            # shares the subject of the sentence.
            subject = _sentence_subject(text, region_start, cue_match.start())
        else:
            subject = _subject_before(text, region_start, cue_match.start())
        if subject is None:
            continue
        cue = Span(cue_match.start(), cue_match.end())
        return _complete(text, subject, cue, cue.end, quote_start, after=False)
    for pattern in (_AS_PUT_IT, _INVERTED_BEFORE, _LABEL):
        match = pattern.search(text, max(region_start, cues_from), quote_start)
        if match and _plausible_subject(match.group("subject")):
            subject = Span(match.start("subject"), match.end("subject"))
            cue = Span(match.start("cue"), match.end("cue"))
            return _complete(text, subject, cue, cue.end, quote_start, after=False)
    return None


_NAME_PHRASE = r"(?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,3}[A-Z][\w'’-]*"
# `As Vulture put it, "..."`
_AS_PUT_IT = re.compile(
    rf"\b[Aa]s\s+(?P<subject>(?:the\s+|The\s+)?{_NAME_PHRASE}|he|she|they|it)\s+"
    r"(?P<cue>puts? it|says|said|wrote|writes)\s*[,:]?\s*$")
# `Continued Stone: "..."`: a cue opening the sentence, then its subject.
_INVERTED_BEFORE = re.compile(
    rf"(?:^|(?<=[.!?”\"\n]\s))(?P<cue>(?:{_INVERTED_CUE}))\s+(?P<subject>{_NAME_PHRASE})\s*[:,]\s*$",
    re.IGNORECASE)
# `Bush: "..."`: a speaker label.
_LABEL = re.compile(rf"(?:^|(?<=[.!?”\"\n]\s))(?P<subject>{_NAME_PHRASE})\s*(?P<cue>:)\s*$")


def _subject_before(text, start, end):
    """The noun phrase ending just before a cue at `end`, reading leftwards from it."""
    head = text[start:end]
    if head.rstrip().endswith(","):
        # `Trump, speaking at a rally, said`: drop the parenthetical before the cue.
        inner = head.rstrip()[:-1]
        comma = inner.rfind(",")
        if comma >= 0:
            head = head[:comma]
    words = [(m.start(), m.end()) for m in _WORDS.finditer(head)]
    while words and head[words[-1][0]:words[-1][1]].lower() in AUXILIARIES:
        words.pop()
    chosen = []
    for word_start, word_end in reversed(words):
        word = head[word_start:word_end]
        if word.endswith((",", ";", ":", "\"", "“", "”", ")")) and chosen and not word.endswith(")"):
            break
        if word.lower().strip(",;:") in SUBJECT_BOUNDARY_WORDS or len(chosen) == 12:
            break
        chosen.append((word_start, word_end))
        if word.endswith((",", ";", ":")) and len(chosen) == 1:
            return None
    while chosen and head[chosen[-1][0]:chosen[-1][1]].lower().strip(",") in LEADING_WORDS:
        chosen.pop()
    if not chosen:
        return None
    span = Span(start + chosen[-1][0], start + chosen[0][1])
    if not _plausible_subject(span.of(text)):
        return None
    return span


def _sentence_subject(text, start, end):
    """The subject opening the sentence at `start`, after an opening phrase ("In August, ")."""
    for _ in range(_MAX_OPENING_PHRASES):  # `Last month, when I asked him, he said`
        opening = _OPENING_PHRASE.match(text, start, end)
        if not opening:
            break
        start = opening.end()
    match = _LEADING_SUBJECT.match(text, start, end)
    if match is None:
        return None
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, match.start(), match.end())]
    kept = []
    for word_start, word_end in words:
        word = text[word_start:word_end].lower()
        if kept and (word in AUXILIARIES or word in CUE_FORMS or word.endswith("ed")):
            break
        kept.append((word_start, word_end))
    return Span(kept[0][0], kept[-1][1]) if kept else None


_MAX_OPENING_PHRASES = 3
_OPENING_PHRASE = re.compile(
    r"\s*(?:[A-Z][A-Z.' ]+(?:\([^()\n]{1,30}\))?\s*(?:—|–|--|-)\s*"  # a dateline: `WASHINGTON (AP) — `
    r"|(?i:in|on|at|during|after|before|following|while|when|as|since|speaking|asked|later|"
    r"earlier|last|this|then|meanwhile|however|still|yet|but|and|so|to|if|because|although|"
    r"though|once|until|unlike|like|despite|with|without|for|by|from|according)\b[^,.!?\"“”]{0,80},\s*"
    r"|(?:[^\s,.!?\"“”]+\s+){0,3}(?:later|earlier|ago|[A-Z][a-z]+day|morning|afternoon|night|week|month|year)\s*,\s*"
    r"|(?:And|But|So|Yet|Still|Then)\s+)")
_LEADING_SUBJECT = re.compile(
    rf"(?:{_SUBJECT_PRONOUN})\b"
    r"|(?:The|A|An)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*"  # `The judge`: a description
    rf"|(?:(?:The|A|An)\s+)?(?:{_TOKEN}\s+){{0,5}}?[A-Z][\w'’-]*(?=,|\s+(?![A-Z]))")


def _plausible_subject(phrase):
    words = phrase.split()
    first = words[0].lower()
    if phrase[0].isupper() or first in SUBJECT_OPENERS:
        return True
    # `former Obama adviser David Axelrod`, `retired neurosurgeon Ben Carson`: lower-case
    # descriptors before a name.
    return words[-1][0].isupper() and not any(w.lower() in NOT_IN_DESCRIPTIONS for w in words)


def _complete(text, subject, cue, search_from, limit, after):
    """Add the addressee ("told AFP") and the date ("on Monday") found in the cue's clause."""
    addressee = None
    if text[cue.start:cue.end].lower() in QUOTE_ADDRESSEE_CUES:
        match = _ADDRESSEE.match(text, cue.end, limit)
        if match and not match.group("addressee").lower().startswith(("that", "him", "her", "them")):
            addressee = Span(match.start("addressee"), match.end("addressee"))
            search_from = max(search_from, addressee.end)
    clause_end = _clause_end(text, search_from, limit) if after else limit
    date = None
    for region in ((search_from, clause_end), (subject.end, cue.start)):
        match = _DATE.search(text, *region)
        if match:
            date = Span(match.start(), match.end())
            break
    end = search_from
    if date is not None and date.start >= search_from and not text[search_from:date.start].strip():
        end = date.end
    return Attribution(subject, cue, addressee, date, after, end)


_CLAUSE_END = re.compile(r"[.!?;:](?=\s|$)|,?\s*[\"“”]")


def _clause_end(text, start, limit):
    match = _CLAUSE_END.search(text, start, limit)
    return match.start() if match else limit
