"""Cues and their subjects: the one place that finds a cue and the speaker phrase it has, for
direct quotes (`attribute`, over the characters around a quote) and for reported speech
(`CueTokens`, over a sentence's tokens: indirect.py's rules build on it). Both read the same
word lists (lexicon: cue verbs, AUXILIARIES between a subject and its cue, the words that end
or open a subject phrase).

Around a quote, three shapes, tried in this order:

* after the quote: `"...," she said` / `"...," said the minister` / `"...," according to X`;
* before it, in the same sentence: `She said: "..."` / `X told reporters, "..."` and, for a
  fragment inside a paraphrase, `X said the plan was "a sham"`;
* nothing: the caller decides whether the quote floats on an earlier statement.

Every look-around is bounded (a few hundred characters, or a dozen tokens), so the cost per
quote or cue is constant.

    >>> text = '"We will win," Gov. Jane Roe told AFP on Monday.'
    >>> a = attribute(text, 0, 14, 0, len(text), 0)
    >>> (a.subject.of(text), a.cue.of(text), a.addressee.of(text), a.date.of(text))
    ('Gov. Jane Roe', 'told', 'AFP', 'on Monday')
"""
import re
from functools import cached_property
from typing import NamedTuple, Optional

from .lexicon import (
    ABBREVIATIONS,
    APPOSITION_OPENERS,
    APPOSITION_PREPOSITIONS,
    AUXILIARIES,
    BE_FORMS,
    CLAUSE_WORDS,
    COMMA_ADVERBS,
    COMPOUND_HEADS,
    CUE_FORMS,
    CUE_SUBJECT_PRONOUNS,
    DETERMINERS,
    EXTRA_CUE_FORMS,
    FINITE_AUXILIARIES,
    FRAME_PREPOSITIONS,
    HEAD_NOUNS,
    INDEFINITE_OPENERS,
    INVERTING_CUES,
    LEADING_WORDS,
    LEFT_STOP_WORDS,
    MASTHEAD_WORDS,
    MENTION_OPENING_WORDS,
    MONTHS,
    NAME_ABBREVIATIONS,
    NAME_CONNECTORS,
    NOT_IN_DESCRIPTIONS,
    NOUN_CUE_OPENERS,
    NOUNISH_FORMS,
    ORGANISATION_WORDS,
    PARTS_OF_DAY,
    PERSON_NOUNS,
    QUANTIFIERS,
    QUOTE_ADDRESSEE_CUES,
    QUOTE_CUE_ADVERBS,
    SUBJECT_BOUNDARY_WORDS,
    SUBJECT_OPENERS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLES,
    VERB_MAKERS,
    WEAK_CUE_FORMS,
    WEEKDAYS,
    given_names,
    places,
)


def _alternation(words):
    """A regex alternation of the words, the longest first ("says" before "say"), grouped by
    first letter ("s(?:ays|aid|ay)|t(?:old)"): the regex engine then tests a letter against each
    group, not against each of the 431 cue forms (the subject-then-cue pattern after a quote runs
    1.6x as fast). It matches what the plain alternation matches: only words of one first letter
    (in either case) can match at one place, and those keep their order."""
    by_letter = {}
    for word in sorted(words, key=len, reverse=True):
        by_letter.setdefault(word[0].lower(), []).append(word)
    groups = []
    for same_letter in by_letter.values():
        first = same_letter[0][0]
        if all(word[0] == first for word in same_letter):
            groups.append(re.escape(first) + "(?:" + "|".join(re.escape(word[1:]) for word in same_letter) + ")")
        else:  # both cases of the letter ("He", "he"): each word whole, in order
            groups.append("|".join(map(re.escape, same_letter)))
    return "|".join(groups)


_ABBREVIATED = rf"(?:{_alternation(w.capitalize() for w in NAME_ABBREVIATIONS)})\."
# One word of a subject phrase: an initialism (U.S.), a title abbreviation (Sen.), a word,
# or a parenthetical tag ("(R-Utah)").
_TOKEN = (rf"(?:(?:[A-Z]\.)+|{_ABBREVIATED}|\([^()\n]{{1,25}}\)"
          rf"|(?!{_ABBREVIATED})[\w'’&][\w'’&./-]*(?<![./]))")
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

# An article and the first of adjectives a comma separates: `the lanky, bespectacled professor`.
_COMMA_ADJECTIVE = r"(?:[Tt]he|[Aa]n?)\s+[a-z][\w-]*,\s+"
# Subject then cue, right after the closing mark: `"...," the former minister, 63, said`.
_AFTER_SUBJECT_CUE = re.compile(
    rf"[\s,;:—–-]*(?P<subject>(?:{_COMMA_ADJECTIVE})?(?:{_TOKEN}\s+){{0,7}}?{_TOKEN})"
    rf"(?P<apposition>(?:,[^,\"“”\n]{{1,160}}){{1,2}},)?\s+(?:{_ADVERBS}\s+){{0,2}}(?P<cue>{_CUE})\b"
)
_NEXT_CUE = re.compile(rf"\s+(?P<cue>{_CUE})\b")
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
_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_NEXT_QUOTE = re.compile(r"\s*,\s*[\"“]")
_WORDS = re.compile(r"\S+")
_INTRODUCED = re.compile(r"[,:]\s*$")
_NAME_BEFORE = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+$")
_COORDINATED = re.compile(r"\b(?:and|then|but)\s+$")
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
    if after is None or not (_introduced(text, quote_start) and _ends_sentence(text, quote_end)):
        return after or _before(text, quote_start, max(para_start, sentence_start), previous_end)
    # `X said, "A." Y later clarified that ...`: a quote introduced by a cue and closing its
    # sentence is the introducing speaker's; the cue after it opens the next sentence.
    return _before(text, quote_start, max(para_start, sentence_start), previous_end) or after


def _introduced(text, quote_start):
    """Whether the quote follows a comma, a colon or a cue word: `X said, "`, `X said "`."""
    if _INTRODUCED.search(text, max(0, quote_start - 3), quote_start):
        return True
    before = text[max(0, quote_start - 20):quote_start].split()
    return bool(before) and before[-1] in CUE_FORMS


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
        if (match and plausible_subject(match.group("subject"))
                and not (pattern is _AFTER_SUBJECT_CUE and _clause_like(match))
                and not _introduces(text, quote_end, match.end(), limit)):
            subject = Span(match.start("subject"), match.end("subject"))
            cue = Span(match.start("cue"), match.end("cue"))
            verb = _NEXT_CUE.match(text, cue.end, limit) if pattern is _AFTER_SUBJECT_CUE else None
            if verb and text[subject.start:subject.end].split()[-1].islower():
                # `"...," the civil claim says`: the first cue word was the noun of the subject
                subject, cue = Span(subject.start, cue.end), Span(verb.start("cue"), verb.end("cue"))
            return _complete(text, subject, cue, max(match.end(), cue.end), limit, after=True)
    return None


def _adjectival(text, match):
    """A participle after a determiner ("a written statement", "a swiftly called meeting")
    modifies a noun."""
    word = match.group().lower()
    return (word.endswith(("ed", "en")) or word in ("said", "told")) and bool(
        _MODIFIER_BEFORE.search(text, max(0, match.start() - 20), match.start()))


def _possessed(text, match, quote_start):
    """Whether a cue word is the noun of a possessive that does not introduce the quote: "Trump's
    claim that there were "..."" does, "called Mr. Obama's remarks on Saturday "..."" does not."""
    return (match.group().lower() in NOUNISH_FORMS and text.endswith(("'s ", "’s "), 0, match.start())
            and text[match.end():quote_start].split()[:1] not in ([], ["of"], ["that"], [":"]))


def _clause_like(match):
    """`"..." In 1998 in the Senate's vote for admitting`: a clause and a participle, not
    a subject and its cue."""
    words = match.group("subject").split()
    if match.group("cue").endswith("ing"):
        return True
    if words[0].lower() in ("a", "an", "the"):
        # `"..." a narrator in the Clinton ad asks`: a noun phrase may hold a preposition.
        return any(word in CLAUSE_WORDS and word not in APPOSITION_PREPOSITIONS for word in words[1:])
    return any(word in CLAUSE_WORDS for word in words[1:])


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
            if m.group() in CUE_FORMS and not _adjectival(text, m) and not _possessed(text, m, quote_start)
            and (CUE_FORMS[m.group()] != "point" or text.startswith(" out", m.end()))]
    for cue_match in reversed(cues[-2:]):
        between = text[cue_match.end():quote_start]
        if any(mark in between for mark in "\"“”") or between.count(",") > 2:
            continue
        if _PASSIVE.search(text, max(region_start, cue_match.start() - 20), cue_match.start()):
            continue  # "X has been warned that ...": X is the addressee, not the speaker
        inverted = (_NAME_THEN_QUOTE.fullmatch(between) if cue_match.group() in INVERTING_CUES
                    and text[max(0, cue_match.start() - 2):cue_match.start()].strip() == "," else None)
        if inverted is not None:
            # `Rather than ..., asks Policy Options editor Jennifer Ditchburn, "..."`: the name
            # after a cue set off by a comma, right before the quote, says it (not the addressee
            # of "told The Huffington Post, ...", nor "said last week in Tel Aviv, ...").
            subject = Span(cue_match.end() + inverted.start("subject"), cue_match.end() + inverted.end("subject"))
            cue = Span(cue_match.start(), cue_match.end())
            return _complete(text, subject, cue, subject.end, quote_start, after=False)
        participle = cue_match.group().endswith("ing")
        name = _NAME_BEFORE.search(text, region_start, cue_match.start()) if participle else None
        if name is not None:
            # `footage of Hillary Clinton asking, "..."`: the participle's subject is the name.
            subject = Span(name.start(1), name.end(1))
        elif participle or _COORDINATED.search(
                text, max(region_start, cue_match.start() - 8), cue_match.start()):
            # `Trump attacked Clinton, saying "..."`, `he laughed and said, "..."`: the cue
            # shares the subject of the sentence, which begins after the quote a sentence opened
            # inside (`"... The American people ...," Sanders said, suggesting, "..."`).
            opening = _after_open_quote(text, region_start, cue_match.start())
            subject = _sentence_subject(text, opening, cue_match.start())
        else:
            subject = _subject_before(text, region_start, cue_match.start()) or _relative_subject(
                text, region_start, cue_match.start())
        if subject is None:
            continue
        cue = Span(cue_match.start(), cue_match.end())
        return _complete(text, subject, cue, cue.end, quote_start, after=False)
    for pattern in (_AS_PUT_IT, _INVERTED_BEFORE, _LABEL, _PREDICATE_COLON, _ACCORDING_BEFORE):
        match = pattern.search(text, max(region_start, cues_from), quote_start)
        if match and plausible_subject(match.group("subject")):
            subject = Span(match.start("subject"), match.end("subject"))
            cue = Span(match.start("cue"), match.end("cue"))
            return _complete(text, subject, cue, cue.end, quote_start, after=False)
    return None


_NAME_PHRASE = r"(?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,3}[A-Z][\w'’-]*"
# What lies between an inverted cue and its quote when the cue's subject follows it: a name,
# with the role words before it ("Policy Options editor Jennifer Ditchburn"), and a comma or colon.
_NAME_THEN_QUOTE = re.compile(
    r"\s+(?P<subject>(?:(?!(?:of|for|at|in|to|with|from|on|by)\b)[A-Za-z][\w'’.-]*[ \t\u00a0]+){0,4}"
    r"[A-Z][\w'’.-]*[ \t\u00a0]+[A-Z][\w'’-]*)\s*[,:]\s*")
# `As Vulture put it, "..."`
_AS_PUT_IT = re.compile(
    rf"\b[Aa]s\s+(?P<subject>(?:the\s+|The\s+)?{_NAME_PHRASE}|he|she|they|it)\s+"
    r"(?P<cue>puts? it|says|said|wrote|writes)\s*[,:]?\s*$")
# `Continued Stone: "..."`: a cue opening the sentence, then its subject.
_INVERTED_BEFORE = re.compile(
    rf"(?:^|(?<=[.!?”\"\n]\s))(?P<cue>(?:{_INVERTED_CUE}))\s+(?P<subject>{_NAME_PHRASE})\s*[:,]\s*$",
    re.IGNORECASE)
# `According to Limbaugh, "..."`
_ACCORDING_BEFORE = re.compile(
    rf"\b(?P<cue>[Aa]ccording to)\s+(?P<subject>(?:{_TOKEN}\s+){{0,6}}?{_TOKEN}),\s*$")
# `Bush: "..."`: a speaker label.
_LABEL = re.compile(rf"(?:^|(?<=[.!?”\"\n]\s))(?P<subject>{_NAME_PHRASE})\s*(?P<cue>:)\s*$")
# `Martell, the addictions doctor, is more blunt: "..."`: a name opening the sentence, a short
# predicate of manner, and the colon that hands over to the quote (the cue).
_PREDICATE_COLON = re.compile(
    rf"(?:^|(?<=[.!?”\"\n]\s))(?P<subject>{_NAME_PHRASE})(?:,[^,:;\n\"“”]{{1,80}},)?"
    r"\s+(?:is|was|had|has|put it|puts it)\b[^:;.\n\"“”]{0,30}(?P<cue>:)\s*$")


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
    if not plausible_subject(span.of(text)):
        return None
    return span


# `Stevie Wonder, who joked, "..."`: a relative pronoun after a name, before the cue.
_RELATIVE_AFTER_NAME = re.compile(r"(?<=[\w'’.-]),\s+(?P<who>who)\s+(?:[a-z]+ly\s+)?$")


def _relative_subject(text, start, end):
    """The "who" of a relative clause on a name holding the cue at `end`: the pronoun is the
    mention, the name before it what it resolves to."""
    relative = _RELATIVE_AFTER_NAME.search(text, max(start, end - 20), end)
    before = text[max(start, relative.start() - 40):relative.start()].split() if relative else None
    if not before or not before[-1][:1].isupper():
        return None
    return Span(relative.start("who"), relative.end("who"))


def _after_open_quote(text, start, end):
    """Where the words after the closing mark begin when text[start:end] begins inside a
    quotation, or start when it begins outside any."""
    curly = min((i for i in (text.find("“", start, end), text.find("”", start, end)) if i >= 0), default=-1)
    if curly >= 0 and text[curly] == "”":
        closing = curly
    elif text.count('"', start, end) % 2:
        closing = text.find('"', start, end)
    else:
        return start
    return closing + 1 + len(text[closing + 1:end]) - len(text[closing + 1:end].lstrip(" ,"))


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
    r"|[A-Z][a-z]+ing\b[^,.!?\"“”]{0,80},\s*"  # a participle's phrase: `Appearing before supporters, `
    r"|(?:And|But|So|Yet|Still|Then)\s+)")
_LEADING_SUBJECT = re.compile(
    rf"(?:{_SUBJECT_PRONOUN})\b"
    r"|(?:The|A|An)\s+(?:(?!(?:for|of|at)\b)[a-z][\w'’-]*\s+){0,3}(?!(?:for|of|at)\b)[a-z][\w'’-]*"  # `The judge`
    r"(?:\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"  # `A spokesman for Platte River`
    rf"|(?:(?:The|A|An)\s+)?(?:{_TOKEN}\s+){{0,5}}?[A-Z][\w'’-]*(?=,|\s+(?![A-Z]))")


def plausible_subject(phrase):
    words = phrase.split()
    first = words[0].lower()
    if phrase[0].isupper() or first in SUBJECT_OPENERS:
        return True
    if len(words) <= 3 and phrase.islower() and (words[-1] in HEAD_NOUNS or words[-1].endswith(_AGENT_PLURALS)):
        return True  # `protesters chanted`, `local police said`: people named by what they are
    # `former Obama adviser David Axelrod`, `retired neurosurgeon Ben Carson`: lower-case
    # descriptors before a name.
    if len(words) > 1 and words[-1].startswith("("):
        words = words[:-1]  # `panel Chairman Rep. Jason Chaffetz (R-Utah)`: the tag is no word of the name
    return words[-1][0].isupper() and not any(
        w.lower() in NOT_IN_DESCRIPTIONS and not _joins_descriptors(words, i) for i, w in enumerate(words))


_AGENT_PLURALS = ("ers", "ors", "ists", "ants", "ents")


def _joins_descriptors(words, index):
    """Whether words[index] is an "and" between two lower-case descriptor words: `oil and gas
    worker Mike Wipf` is one person."""
    return (words[index] == "and" and 0 < index < len(words) - 1
            and words[index - 1].islower() and words[index + 1].islower())


_AND_NAME = re.compile(r"[ \t]+and[ \t]+((?:[A-Z][\w'’.-]*[ \t]+)*[A-Z][\w'’-]*)")


def _body_name_end(text, start, end, limit):
    """The end of the name text[start:end], or of the body's name it opens with "and" ("told The
    Globe and Mail", see `and_joins_a_body`)."""
    more = _AND_NAME.match(text, end, limit)
    if more is None:
        return end
    left = text[start:end].lower().split()
    opened = bool(left) and left[0] == "the"
    right = more.group(1).lower().split()
    return more.end(1) if and_joins_a_body(left[opened:], right, opened) else end


def _complete(text, subject, cue, search_from, limit, after):
    """Add the addressee ("told AFP") and the date ("on Monday") found in the cue's clause."""
    addressee = None
    if text[cue.start:cue.end].lower() in QUOTE_ADDRESSEE_CUES:
        match = _ADDRESSEE.match(text, cue.end, limit)
        if match and not match.group("addressee").lower().startswith(("that", "him", "her", "them")):
            addressee = Span(match.start("addressee"), _body_name_end(text, *match.span("addressee"), limit))
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


# --------------------------------------------------------------------------- over a sentence's tokens
# The same question for reported speech (indirect.py): which token of a sentence is a cue, and
# which tokens are its subject (before it, after an inverted cue, or the sentence's own).

_QUOTE_CHARS = '"“”„«»'
# Typewriter-style quotation marks made of two single marks (''like this'' or ``this'').
DOUBLED_QUOTES = frozenset(("''", "``", "‘‘", "’’"))
# A token that is a quotation mark (tokens of punctuation are one character or a doubled mark).
QUOTE_TOKENS = frozenset(_QUOTE_CHARS) | DOUBLED_QUOTES
_BOUNDARIES = frozenset((",", ";", ":", "(", ")", "—", "–", "-", "[", "]"))
# Tokens that end a noun phrase or a clause: punctuation and quotation marks.
_BOUNDARY_TOKENS = _BOUNDARIES | QUOTE_TOKENS

CONTRACTION = re.compile(r"['’](?:s|re|ll|d|ve|m)$")

# A word with its inner marks ("don't", "al-Assad", the "U.S" of "U.S."), a doubled quotation mark, or
# one character of punctuation: the rules test each of these as one token.
_CUE_TOKEN = re.compile(r"\w+(?:['’.&-]\w+)*|n't|''|``|‘‘|’’|[^\w\s]")


# The auxiliaries prev_verbal reads past, as it does adverbs; it stops at "be" and "have", whose
# forms its callers read (a passive: "was told").
_ADVERBIAL_AUXILIARIES = AUXILIARIES - BE_FORMS - {"has", "have", "had"}
# The cue forms of either lexicon that is_cue takes: one set look-up per token.
_STRONG_CUE_FORMS = (frozenset(CUE_FORMS) | frozenset(EXTRA_CUE_FORMS)) - WEAK_CUE_FORMS


def and_joins_a_body(left: list[str], right: list[str], after_the: bool) -> bool:
    """Whether "and" between two runs of capitalised words (lower case, `left` from the run's
    start, `right` to its end) is inside one body's name, not between two names: "the Food and
    Drug Administration" (after "the", ending on an organisation word), "Centers for Disease
    Control and Prevention", "Department of Health and Human Services" (in what an organisation
    word's "of" or "for" holds, up to a body of that word); not "Trump and Clinton", "Smith and
    Jones", "the State Department and Justice Department", "University of Toronto and McGill
    University"."""
    if not left or not right or right[0] in NAME_CONNECTORS or any(
            word in TITLES or word in given_names() for word in left):
        return False  # "the Clinton and State Department": a person's name before "and"
    of = next((i for i, word in enumerate(left) if word in ("of", "for")), None)
    if of is None:  # not "the Commons and Senate": a body's name after "and"
        second_body = len(right) == 1 and right[0] not in MASTHEAD_WORDS or _names_a_body(right[0]) and len(right) > 1
        return after_the and _names_a_body(right[-1]) and not any(map(_names_a_body, left)) and not second_body
    if of == 0 or not _names_a_body(left[of - 1]) or all(word in places() for word in left[of + 1:]):
        return False  # "the American Civil Liberties Union of Ohio and Demos": a place closes a name
    # A second body: "House of Commons and Senate", "University of Toronto and York University".
    return not any(map(_names_a_body, left[of + 1:])) and not _names_a_body(right[0]) and left[of - 1] not in right


def _names_a_body(word: str) -> bool:
    return word in ORGANISATION_WORDS


def unnamed_source(words: list[str]) -> bool:
    """Whether the lower-case words of a mention before a "with" describe a source the article
    does not name, whom the "with" phrase tells apart: "a person familiar with the talks", "an
    official with Animal Protection Services". Not a definite description ("the mayor with a
    smile"), which stands for someone named before, nor a name ("Trudeau with his wife")."""
    return bool(words) and (words[-1] == "familiar" or len(words) == 2 and words[0] in INDEFINITE_OPENERS
                            and words[1] in PERSON_NOUNS)


# Runs of ASCII letters in lower-cased text: a token that is a cue word is one of them (its
# neighbours are no letters). They are split out without a regex, at C speed: the text encoded to
# ASCII (any other character a "?"), every byte but a-z blanked, then split (1.8x as fast as
# `[a-z]+`, the same runs). A cue of other characters ("went on", "hasn't") is never such a run.
ASCII_LETTERS_ONLY = bytes(byte if ord("a") <= byte <= ord("z") else ord(" ") for byte in range(256))


def letter_runs(text: str, start: int, end: int) -> list[bytes]:
    """The runs of ASCII letters of text[start:end] in lower case, as bytes: a cheap test of
    whether a sentence holds some word of a set before it is tokenised."""
    return text[start:end].lower().encode("ascii", "replace").translate(ASCII_LETTERS_ONLY).split()


def cue_lemma(word: str) -> Optional[str]:
    """The lemma of a cue form of either lexicon (speech, or reporting and cognition), or None."""
    return CUE_FORMS.get(word) or EXTRA_CUE_FORMS.get(word)




class CueTokens:
    """One sentence, tokenised once, with the cue and subject tests as methods over its tokens."""

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        # Token i is text[starts[i]:ends[i]], lows[i] in lower case; caps[i]: whether it starts
        # with an upper-case letter. Parallel lists, as an object per token costs more to build
        # than most sentences cost to read.
        matches = list(_CUE_TOKEN.finditer(text, start, end))
        self.starts = list(map(re.Match.start, matches))
        self.ends = list(map(re.Match.end, matches))
        self.lows = list(map(str.lower, map(re.Match.group, matches)))
        self.caps = [text[s].isupper() for s in self.starts]
        self.n = len(matches)

    @cached_property
    def title_case(self) -> bool:
        """A headline in title case ("Clinton Says Russians Hacked DNC"): capitals say nothing.
        Asked only about a capitalised cue word."""
        word_caps = [cap for low, cap in zip(self.lows, self.caps) if low[:1].isalpha()]
        return len(word_caps) >= 4 and sum(word_caps) >= 0.75 * len(word_caps)

    # ------------------------------------------------------------------ token tests

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def is_quote(self, i: int) -> bool:
        return 0 <= i < self.n and self.lows[i] in QUOTE_TOKENS

    def is_boundary(self, i: int) -> bool:
        return 0 <= i < self.n and self.lows[i] in _BOUNDARY_TOKENS

    def is_cue(self, i: int) -> bool:
        if i == 0 and self.low(0) == "asked":
            return True
        return 0 < i < self.n and self.lows[i] in _STRONG_CUE_FORMS and (not self.caps[i] or self.title_case) \
            and self.low(i + 1) not in COMPOUND_HEADS  # "think tank"

    # ------------------------------------------------------------------ verbs

    def looks_like_verb(self, i: int) -> bool:
        """Tell `reports`/`say`/`state` used as verbs from the same words used as nouns."""
        low, prev = self.lows[i], self.low(i - 1)
        if prev in DETERMINERS and prev not in QUANTIFIERS or prev in ("of", "'s", "’s", "for", "in", "on", "with"):
            return False  # "the reports", "his claims" - but "Some say", "Many believe"
        if low in NOUNISH_FORMS and prev.endswith(("'s", "’s")) and prev[:-2] not in CUE_SUBJECT_PRONOUNS \
                and prev[:-2] not in ("that", "there", "what", "here") and self.low(i + 1) not in NOUN_CUE_OPENERS \
                and not self.is_quote(i + 1):
            # "McCallum's comments raised concerns": a noun that holds no clause, so no cue; but
            # "Ford's plans to open a plant" and "Trump's claims that ..." report, and "she's said" is a verb.
            return False
        before = self.low(self.prev_verbal(i))
        if before in DETERMINERS and before not in QUANTIFIERS and low.endswith("ed"):
            return False  # "the previously announced absence"
        if low not in NOUNISH_FORMS:
            return i > 0 or low == "asked"  # "Asked whether ..., she said"
        if prev in VERB_MAKERS:
            return True
        if low.endswith("s") and not low.endswith("ss") and i > 0:
            return self.caps[i - 1] or prev in ("study", "poll", "survey", "report", "analysis",
                                                "campaign", "spokesman", "spokeswoman", "spokesperson",
                                                "official", "source", "statement", "data", "research")
        return False

    def prev_verbal(self, i: int) -> int:
        """Index of the nearest token before i that is not an adverb ("also", "repeatedly")."""
        j = i - 1  # i is a token's index: every j below it is one too
        while j >= 0 and i - j < 5 and (self.lows[j] in _ADVERBIAL_AUXILIARIES
                                        or self.lows[j].endswith("ly") and not self.caps[j]):
            j -= 1
        return j

    # ------------------------------------------------------------------ subjects

    def skip_left_aux(self, i: int) -> int:
        """Index of the last subject token before cue i, past auxiliaries, adverbs and dates."""
        j, steps = i - 1, 0
        while j >= 0 and steps < 8:
            low, cap = self.lows[j], self.caps[j]
            if low in AUXILIARIES or low.endswith("ly") and not cap:
                j -= 1
            elif low in TIME_WORDS and (cap or low in ("yesterday", "today", "earlier", "recently")):
                j -= 1
                if self.low(j) in ("on", "last", "this", "earlier"):
                    j -= 1
            else:
                break
            steps += 1
        return j

    def subject_left(self, j: int, depth: int = 0) -> Optional[tuple[int, int]]:
        """(first, last) tokens of the noun phrase ending at token j, or None.

        Walks left to a clause boundary; past an apposition or relative clause closed by a
        comma ("Smith, a senator from Ohio, said"; "Smith, who ..., said") it takes the phrase
        before it; "who said" takes the relative pronoun's antecedent.
        """
        if j < 0 or depth > 2:
            return None
        lows, caps, low = self.lows, self.caps, self.low(j)
        if low in CUE_SUBJECT_PRONOUNS and low != "who":
            return j, j
        if low == "who":
            return self.subject_left(j - 1 if self.low(j - 1) != "," else j - 2, depth + 1)
        if low in ("—", "–") or low == "-" and j > 0 and self.ends[j - 1] < self.starts[j]:
            k = j - 1  # "Democrats — and some Republicans — say": the phrase before the dashes
            while k >= 0 and j - k < 15 and self.low(k) != low and not self.is_quote(k):
                k -= 1
            if k >= 1 and self.low(k) == low:
                return self.subject_left(k - 1, depth + 1)
            return None
        if low == ",":
            k = j - 1
            while k >= 0 and j - k < 30 and self.low(k) not in (",", ";", ":", "(", "—", "–") and not self.is_quote(k):
                k -= 1
            if k >= 1 and self.low(k) == "," and j - k == 2 and self.low(k + 1) in COMMA_ADVERBS:
                return self.subject_left(k - 1, depth + 1)  # "Forbes, however, says"
            relative = self.low(k + 1) in ("who", "which", "whose", "whom")
            if k >= 1 and self.after_opening_time(k + 1) == k + 1:
                return None  # "Later that month, SNC-Lavalin applied ...,": a time phrase, no apposition
            if k >= 1 and self.low(k) == "," and j - k > 1 and (
                    self.low(k + 1) in DETERMINERS or relative or self.low(k + 1) in APPOSITION_OPENERS
                    or caps[k + 1] or caps[k - 1] and self.low(k + 1)[:1].isalpha()) and (relative or not any(self.low(m) in FINITE_AUXILIARIES for m in range(k + 1, j))):
                return self.subject_left(k - 1, depth + 1)
            return None
        if self.is_boundary(j) or low in LEFT_STOP_WORDS:
            return None
        first = j
        while first - 1 >= 0 and j - first < 12:
            if self.is_boundary(first - 1) or lows[first - 1] in LEFT_STOP_WORDS:
                if lows[first - 1] == "and" and self.and_in_name(first - 1, j):
                    first -= 1  # "the Food and Drug Administration said"
                    continue
                break
            if self.is_cue(first - 1) and lows[first] not in COMPOUND_HEADS:
                break
            first -= 1
        while first < j and lows[first] in LEADING_WORDS:
            first += 1
        return first, j

    def and_in_name(self, k: int, j: int) -> bool:
        """Whether the "and" at token k joins the capitalised words around it, up to token j,
        into one body's name (see `and_joins_a_body`)."""
        caps, lows = self.caps, self.lows
        if not (0 < k < j and caps[k - 1] and all(caps[i] or lows[i] in NAME_CONNECTORS for i in range(k + 1, j + 1))):
            return False
        m = k - 1
        while m > 0 and (caps[m - 1] or lows[m - 1] in NAME_CONNECTORS and lows[m - 1] != "the") and k - m < 8:
            m -= 1
        after_the = lows[m] == "the" or m > 0 and lows[m - 1] == "the"
        return and_joins_a_body(lows[m + (lows[m] == "the"):k], lows[k + 1:j + 1], after_the)

    def subject_right(self, i: int) -> Optional[tuple[int, int]]:
        """The subject after an inverted cue: '..., said Jane Smith, a senator.'"""
        k = first = i + 1
        if self.low(k) in FRAME_PREPOSITIONS or self.low(k) in LEFT_STOP_WORDS or self.low(k).endswith("ing"):
            return None  # "..., said of RT", "said having ...": no subject here
        if k >= self.n or not any(self.caps[m] or self.low(m) in DETERMINERS for m in range(k, min(self.n, k + 4))):
            return None
        while k < self.n and k - first < 12 and not self.is_boundary(k) and (
                self.low(k) != "." or k > first and self.low(k - 1) in ABBREVIATIONS):  # "Sen. Debbie Stabenow"
            if self.low(k) in LEFT_STOP_WORDS or self.low(k) in AUXILIARIES or self.low(k) in FRAME_PREPOSITIONS and k > first \
                    and not (self.low(k) == "with" and unnamed_source(self.lows[first:k])):
                break
            k += 1
        return (first, k - 1) if k > first else None

    def clause_opening(self, j: int) -> bool:
        """Whether token j opens the sentence, give or take a few words ("Eight years after")."""
        return not any(self.is_boundary(m) or self.is_cue(m) for m in range(max(0, j - 4), j)) and j <= 4

    def subject_after_comma(self, i: int) -> Optional[tuple[int, int]]:
        """The noun phrase after the comma closing a fronted participle clause at token i."""
        comma = next((m for m in range(i + 1, min(self.n, i + 40)) if self.low(m) == ","), None)
        if comma is None:
            return None
        m = first = comma + 1
        while m < self.n and m - first < 12 and not self.is_boundary(m) and self.low(m) not in LEFT_STOP_WORDS \
                and self.low(m) not in AUXILIARIES and not self.is_cue(m):
            m += 1
        return (first, m - 1) if m > first and self.lows[m - 1][:1].isalpha() else None

    def main_subject(self, j: int) -> Optional[tuple[int, int]]:
        """For ', adding that' / 'and said': the subject of the earlier cue in the sentence."""
        for m in range(j - 1, max(-1, j - 60), -1):
            if self.is_cue(m) and not self.low(m).endswith("ing") and self.looks_like_verb(m):
                subj = self.subject_left(self.skip_left_aux(m))
                if subj:
                    return subj
        if CONTRACTION.sub("", self.low(0)) in CUE_SUBJECT_PRONOUNS and self.low(0) != "who":
            return 0, 0  # "He's comparing ... and says ...": the sentence's pronoun subject
        first = self.after_opening_time(j)
        if self.low(first).endswith(("ed", "ing")) and self.low(first + 1)[:1].islower():
            return None  # "Chastened by the analyses, ...": a participle clause opens, no noun phrase
        m = first  # "Other former CIA officers ... chafed at it and said ...": the opening noun phrase
        while m < min(j, first + 12) and (self.caps[m] or self.low(m) in DETERMINERS or self.low(m) in ("of", "'s", "’s", "-")):
            m += 1
        opening = self.low(first)
        if m > first and self.caps[m - 1] and opening not in SUBORDINATORS and opening not in FRAME_PREPOSITIONS \
                and opening not in ("so", "if", "under", "despite", "because", "once"):
            # "The billionaire businessman ...", "Norman's lawyers are ... and have alleged": up to
            # the head noun after a determiner or a possessive.
            if self.low(m - 1) in DETERMINERS or self.low(m - 1).endswith(("'s", "’s")):
                heads = [k for k in range(m, min(j, m + 3)) if self.low(k) in HEAD_NOUNS
                         or self.low(k).endswith("s") and self.low(k)[:-1] in HEAD_NOUNS]
                if heads:
                    last = heads[0]
                    while last + 1 < j and self.low(last + 1) in HEAD_NOUNS:
                        last += 1  # "billionaire businessman"
                    return first, last
            return first, m - 1
        return None

    def after_opening_time(self, j: int) -> int:
        """The first token after a time phrase and its comma opening the sentence ("Later that
        month, SNC-Lavalin applied ..."), or 0."""
        comma = next((m for m in range(min(j, 6)) if self.lows[m] == ","), None)
        if comma and all(self.lows[m] in TIME_WORDS or self.lows[m] in MENTION_OPENING_WORDS
                         or self.lows[m] in ("that", "the") or self.lows[m].isdigit() for m in range(comma)):
            return comma + 1
        return 0
