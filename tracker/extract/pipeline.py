"""The extraction pipeline: segment → quotes → cues → speakers → resolved statements.

Each step is its own module and testable alone:

    segment.segment         paragraphs, sentences, where appended blocks begin
    quotes.find_quotes      quoted passages (marks paired, multi-paragraph quotes joined)
    direct.direct_statements  quotes with their cue and speaker mention, floating quotes
    indirect.find_reported_speech  reported speech and mixed statements
    resolve.Resolver        speaker mentions to the article's fullest names
    cues.cue_class          speech, thought or evidence, by the cue and who it rests on
    dates.date_statements   when each statement was said

    >>> [(s.kind, s.text, s.speaker) for s in extract('Dr. Ann Lee spoke. "We will win," she said.')]
    [('direct', 'We will win.', 'Ann Lee')]
"""
import re
from bisect import bisect_right

from . import learned
from .attribution import unnamed_source
from .cues import cue_class
from .dates import date_statements
from .direct import continue_statement, direct_statements, float_orphans, prose
from .indirect import find_reported_speech, reports_no_words
from .lexicon import (
    ABBREVIATIONS,
    APPOSITION_PREPOSITIONS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    MENTION_CUTS,
    MENTION_OPENING_WORDS,
    MENTION_TIME_WORDS,
    NO_SPEAKER_WORDS,
    NOT_SUBJECT_OPENERS,
    ORGANISATION_NOUNS,
    PERCEPTION_VERBS,
    PERSON_NOUNS,
    SUBJECT_OPENERS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TITLES,
)
from .model import Statement
from .quotes import find_quotes
from .resolve import PARTY_TAG, Resolver
from .segment import segment

# Zero-width characters web pages leave between words ("Traeger\u200b said") read as the spaces
# they stand for; one character for one, so that offsets still index the text as given.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_INVISIBLE_AS_SPACE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))
_MENTION_TRIM = " \t\n,;:"
_MENTION_WORD = re.compile(r"\S+")
_RELATIVE_AFTER = re.compile(r",\s+who\b")
_SENTENCE_PERIOD = re.compile(  # a word's final period, but not an abbreviation's ("Jr.", "Inc.")
    rf"(?<![\w.])(?!(?i:{'|'.join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))})\.$)"
    r"[\w'’-]{2,}\.$")
_TRAILING_NAME = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’-]*$")
# "Joe Nienaber, " or "Joe Nienaber, a 1989 graduate and " before the apposition that is the mention.
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]*){1,2}),\s*"
    r"(?:(?:an?|the)\s[^,;:.!?\"“”]{1,60}?\s+and\s+)?$")
_APPOSED_NAME = re.compile(r",\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s*(?:[a-z]+ly\s+)?$")
_INTRODUCING_MARKS = " \t\u00a0,:"
# A name, then a description in apposition to it: "Trevor Nicholson, a senior policy analyst".
_NAME_AND_DESCRIPTION = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?:a|an|the|who)\s")


def extract(text, published=None, model=learned.DEFAULT):
    """Every attributed statement in the article text, in order of their start offsets, each
    dated against `published` (ISO date or datetime, when the article has one). `model`: the
    `learned.AttributionModel` revising the rules' reported speech (by default the packaged
    one), or None for the rules alone."""
    if _INVISIBLE.search(text):
        text = text.translate(_INVISIBLE_AS_SPACE)
    segments = segment(text)
    quotes = find_quotes(text, segments.end, segments.paragraphs)
    statements, orphans = direct_statements(text, segments, quotes)
    reported = find_reported_speech(text, segments.sentences, [(q.start, q.end) for q in quotes])
    statements, reported = _without_quotes_inside(text, statements, reported, quotes)
    statements += reported
    statements.sort(key=lambda s: (s.start, s.end))
    floated = float_orphans(segments.paragraphs, statements, orphans)
    statements += floated
    statements.sort(key=lambda s: (s.start, s.end))
    if model is not None:
        model = learned.packaged() if model is learned.DEFAULT else model
        statements = model.revise(text, segments.sentences, [(q.start, q.end) for q in quotes], statements)
        # A quote may continue reported speech only the model found: `Her message is simple: ...`.
        statements += float_orphans(segments.paragraphs, statements, [o for o in orphans if o not in floated])
        statements.sort(key=lambda s: (s.start, s.end))
    statements = [s for s in statements if not reports_no_words(s)]
    for statement in statements:
        _trim_mention(text, statement)
    quoted = sorted(piece for q in quotes for piece in q.pieces)
    speakers = sorted({(s.speaker_start, s.speaker_end) for s in statements if s.speaker_start is not None})
    reported = [((s.speaker_start, s.speaker_end), s.start) for s in statements if s.speaker_start is not None]
    resolver = Resolver(text, segments.sentences, quoted, speakers, reported)
    for statement in statements:
        _resolve_speaker(resolver, statement)
        statement.cue_class = cue_class(statement)
    date_statements(text, statements, published)
    return statements


def _without_quotes_inside(text, direct, reported, quotes):
    """Direct and reported statements, each quote reported once: a direct statement whose
    quote is a fragment of a mixed statement goes, but not the sentences quoted after the mixed
    statement that it had joined (`... because "A," she said. "B."`: "B." stays); and the mixed
    statement goes instead when the quote follows its cue directly (`Trump said, "..."`, `told
    AFP: "..."`): the quote is the whole statement, and a clause around it a misreading."""
    mixed = sorted((s for s in reported if s.kind == "mixed"), key=lambda s: (s.start, s.end))
    starts = [s.start for s in mixed]
    kept, misread = [], set()
    for statement in direct:
        index = bisect_right(starts, statement.start) - 1
        if index < 0 or statement.start >= mixed[index].end:
            kept.append(statement)
            continue
        around = mixed[index]
        # Its own cue makes the quote whole (`"...," the lanky, bespectacled professor said`): a
        # clause around it with the same cue misread where its subject starts.
        if _introduced(text, statement) or _attributed_after(statement, around):
            misread.add(id(around))
            kept.append(statement)
            continue
        if statement.cue_start == around.cue_start and _stray_subject(around.speaker_mention) \
                and statement.speaker_start is not None:
            # The quote's attribution read its subject better (`Hillary Clinton spoke out Tuesday
            # about X, arguing ... "intolerable"`, not "out Tuesday about X").
            for field in ("speaker_mention", "speaker_start", "speaker_end"):
                setattr(around, field, getattr(statement, field))
        # The sentences quoted after the mixed statement, which the fragment had joined.
        rest = [q for q in quotes if around.end <= q.start and q.end <= statement.end]
        if rest and _opens_sentence(text, rest[0].start):
            after = Statement(kind="direct", text=prose(q.clean_text(text) for q in rest),
                              start=rest[0].start, end=rest[-1].end)
            continue_statement(after, statement)
            kept.append(after)
    return kept, [s for s in reported if id(s) not in misread]


def _opens_sentence(text, position):
    before = text[:position].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?\n"


def _stray_subject(mention):
    """Whether a mention opens on a lower-case word no subject opens with ("out Tuesday about",
    "began by"): words around a cue taken for its subject."""
    first = (mention or "").split()[:1]
    return bool(first) and first[0][0].islower() and first[0] not in SUBJECT_OPENERS


def _attributed_after(statement, around):
    """Whether the quote's cue follows it and is the cue of the clause around it too."""
    return (statement.cue_start is not None and statement.cue_start > statement.start
            and around.cue_start is not None and statement.cue_start <= around.cue_start)


def _introduced(text, statement):
    """Whether a comma or colon, and nothing else, introduces the quote after its cue (or
    addressee): `said, "..."`, `told AFP: "..."`; not `believe "that ..."`."""
    cue_end = statement.addressee_end or statement.cue_end
    if cue_end is None or cue_end > statement.start:
        return False
    between = text[cue_end:statement.start]
    return not between.strip(_INTRODUCING_MARKS) and ("," in between or ":" in between)


def _trim_mention(text, statement):
    """The speaker mention without what is not the speaker: a relative clause ("a senior aide
    who spoke on condition of anonymity"), a verb phrase ("Covington Catholic was known for"), a
    time phrase ("Michelle Rempel earlier this week"), a clause after a pronoun ("she now
    thinks"), who perceives it ("he heard students [shout]" is the students'); no speaker at all when only function words are left ("The", "According")."""
    if statement.speaker_start is None:
        return
    start, end = statement.speaker_start, statement.speaker_end
    while start < end and text[start] in _MENTION_TRIM:
        start += 1
    while end > start and text[end - 1] in _MENTION_TRIM:
        end -= 1
    if text.startswith(".", end - 1) and _SENTENCE_PERIOD.search(text, start, end):
        end -= 1  # `"..." — Carla Sanchez.`: the sentence's period, not the name's
    if _RELATIVE_AFTER.match(text, end):
        start = _antecedent_name(text, start, end)
    words = [(m.start(), m.end()) for m in _MENTION_WORD.finditer(text, start, end)]
    while len(words) > 1 and text[words[0][0]:words[0][1]].lower().strip(",") in MENTION_OPENING_WORDS:
        words.pop(0)  # "In June Councillor David Brennan": the time phrase is not the speaker
    if len(words) > 1 and text[words[0][0]:words[0][1]].lower() in NOT_SUBJECT_OPENERS:
        # "Unlike McCallum, ...", "Among those": no subject at all; but in "Despite Trump's
        # claims that ..." the possessor is whose claims they are.
        words = words[1:] if text[words[-1][0]:words[-1][1]].endswith(("'s", "’s")) else []
    if len(words) > 1 and text[words[0][0]:words[0][1]].lower() in SUBJECT_PRONOUNS:
        perceived = len(words) > 2 and text[words[1][0]:words[1][1]].lower() in PERCEPTION_VERBS
        words = words[2:] if perceived else words[:1]
    for index, (word_start, word_end) in enumerate(words[1:], 1):
        word = text[word_start:word_end].lower()
        if word in MENTION_CUTS and not (word == "with" and unnamed_source([text[a:b].lower() for a, b in words[:index]])):
            words = words[:index]
            break
    while len(words) > 1 and text[words[-1][0]:words[-1][1]].lower().strip(".,") in MENTION_TIME_WORDS:
        words.pop()
    lowered = [text[a:b].lower().strip(".,") for a, b in words]
    if lowered[-1:] and lowered[-1] in DOCUMENT_NOUNS and "in" in lowered[1:]:
        words = words[:lowered.index("in", 1)]  # "Nicholson in an Aug. 28 email": where, not who
    if not words or all(text[a:b].lower() in NO_SPEAKER_WORDS for a, b in words) or _no_one(text[words[0][0]:words[-1][1]]):
        for field in ("speaker_start", "speaker_end", "speaker_mention"):
            setattr(statement, field, None)
        return
    statement.speaker_start, statement.speaker_end = words[0][0], words[-1][1]
    while statement.speaker_end > statement.speaker_start + 1 and text[statement.speaker_end - 1] in _MENTION_TRIM:
        statement.speaker_end -= 1  # "Sarah Buckley," before a cut "who"
    described = _NAME_AND_DESCRIPTION.match(text, statement.speaker_start, statement.speaker_end)
    if described:  # "Trevor Nicholson, a senior policy analyst": the name is who speaks
        statement.speaker_end = described.end("name")
    if _in_apposition(text, words):
        # `Navdeep Bains, Minister of Innovation, said`, `Debbie Stabenow, D-Mich., said`: the
        # title, tag or description stands in apposition to the name before it, who speaks.
        named = _NAME_BEFORE_APPOSITION.search(text, max(0, statement.speaker_start - 120), statement.speaker_start)
        if named:
            statement.speaker_start, statement.speaker_end = named.span("name")
    if statement.cue_start is not None and statement.cue_start > statement.speaker_end:
        # `the director of operations for EHS, Jeff Fraser, says`: the name in apposition speaks;
        # a seat and title after the name does not (`Jim Eglinski, Yellowhead MP, said`).
        named = _APPOSED_NAME.match(text, statement.speaker_end, statement.cue_start)
        if named and (" " in named.group("name") or text[words[-1][0]:words[-1][1]].islower()) \
                and named.group("name").split()[-1].lower().strip(".") not in TITLES:
            # One word stands in apposition only to a description: "Spindler's father, Joseph, says".
            statement.speaker_start, statement.speaker_end = named.span("name")
    statement.speaker_mention = text[statement.speaker_start:statement.speaker_end]


def _antecedent_name(text, start, end):
    """Where the antecedent of a relative "who" begins: the name it ends on when nothing before
    that is a name ("the speeches by Bernie Sanders, who ..." is Bernie Sanders's), else start."""
    name = _TRAILING_NAME.search(text, start, end)
    if name is None or name.start() == start:
        return start
    before = text[start:name.start()].split()
    if any(word[:1].isupper() and word.lower() not in DETERMINERS for word in before):
        return start  # "Gov. John Kasich of Ohio", "the president of the Foundation for Peace"
    return name.start()


def _no_one(mention):
    """Whether a one-word mention is a date, a number or a word that opens a clause ("September",
    "2010", "Meanwhile", "Though"): what was read as a subject is no one."""
    word = mention.lower().strip(",.")
    return " " not in mention and (word in MENTION_OPENING_WORDS or word in SUBORDINATORS or word.isdigit())


def _in_apposition(text, words):
    """Whether a mention is a title, a party tag or a description that names no one itself
    ("Minister of Innovation", "D-Mich.", "a spokesman for Trudeau"), as appositions are."""
    first = text[words[0][0]:words[0][1]]
    if PARTY_TAG.fullmatch(first):
        return True
    if first.lower().strip(".") not in TITLES and first not in ("a", "an"):
        return False
    after_preposition = False
    for start, end in words[1:]:
        word = text[start:end]
        if word.lower() in APPOSITION_PREPOSITIONS:
            after_preposition = True
        elif word[:1].isupper() and not after_preposition:
            return False  # "Mr. Obama", "Democratic nominee Hillary Clinton": a name
    return True


def _resolve_speaker(resolver, statement):
    if statement.speaker_start is None:
        return
    entity = resolver.resolve(statement.speaker_start, statement.speaker_end)
    if entity is not None:
        # A place that speaks is its government or its people: "Ottawa said", "China warned".
        statement.speaker = entity.name
        statement.speaker_kind = "person" if entity.kind == "person" else "organisation"
        return
    words = statement.speaker_mention.lower().split()
    head = words[-1] if words else ""
    if head in ("he", "she", "i") or head in PERSON_NOUNS:
        statement.speaker_kind = "person"
    elif head in ORGANISATION_NOUNS:
        statement.speaker_kind = "organisation"
