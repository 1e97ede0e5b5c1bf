"""Speaker resolution: from the mention an attribution rests on to the person or body meant.

A `Resolver` reads an article once: it collects the capitalised names outside quotation
marks, groups spelling variants of one name (same surname by Jaro-Winkler, so
"Tikhanovskaya" and "Tikhonovskaya" are one person) and keeps the fullest form. It then
resolves a speaker mention:

* a name ("Tikhanovskaya", "Mr. Obama") to its group;
* a pronoun ("she") to the nearest compatible antecedent: earlier in its own sentence,
  else the first one in each earlier sentence (subjects come first in English), following
  chains of pronouns;
* a definite description ("the opposition leader", "the newspaper") to the name the
  article introduced with those words ("Belarus opposition leader Svetlana Tikhanovskaya").

    >>> text = 'Belarus opposition leader Svetlana Tikhanovskaya spoke. "Yes," the opposition leader said.'
    >>> r = Resolver(text, [(0, 55), (56, len(text))], [(56, 62)], [(63, 84)])
    >>> r.resolve(63, 84).name
    'Svetlana Tikhanovskaya'
"""
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from nltk.metrics.distance import jaro_winkler_similarity

from .attribution import and_joins_a_body
from .lexicon import (
    AUTHORED_NOUNS,
    CLAIM_FUNCTION_WORDS,
    COURTESY_TITLES,
    DESCRIPTION_SYNONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EVENT_WORDS,
    EVIDENCE_NOUNS,
    FEMALE_GIVEN_NAMES,
    FEMALE_HONORIFICS,
    FEMALE_NOUNS,
    GOVERNMENT_HEADS,
    INDEFINITE_OPENERS,
    MALE_GIVEN_NAMES,
    MALE_HONORIFICS,
    MALE_NOUNS,
    MASTHEAD_WORDS,
    MENTION_PREPOSITIONS,
    NAME_CONNECTORS,
    NAME_FUNCTION_WORDS,
    NAME_SUFFIXES,
    NOT_AUTHORS,
    NOT_IN_NAMES,
    NOT_SUBJECT_OPENERS,
    ORGANISATION_NOUNS,
    ORGANISATION_SORTS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PLACE_ONLY_WORDS,
    PLACE_WORDS,
    POLL_NOUNS,
    POSSESSIVES,
    PRONOUNS,
    QUANTITY_WORDS,
    SPEAKS_FOR_HEADS,
    SUBJECT_PRONOUNS,
    TIME_UNITS,
    TITLE_CASE_WORDS,
    TITLES,
    WORK_NOUNS,
    fold,
    given_names,
    places,
    surname_first,
    surnames,
)

_CAPITALISED = (r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Prof|St|Jr|Sr)\."
                r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[A-Z][\w'’-]*\w|[A-Z]")
# "and" too, which joins two names as often as it stands inside one ("Food and Drug
# Administration"): `_names_in_run` tells which.
_CONNECTOR = rf"(?:{'|'.join(sorted(NAME_CONNECTORS | {'and'}))})"
# Capitalised words in a row, joined by particles ("Institute for the Study of War"). Words
# may hold periods (U.S., Sen.); a period ending a name that is no abbreviation is trimmed.
# The capital comes before the look-behind so that the regex engine can skip ahead to capitals.
_NAME = re.compile(rf"[A-Z](?<![\w'’][A-Z])[\w'’.-]*(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*[A-Z][\w'’.-]*)*")
_ABBREVIATION_END = re.compile(rf"(?:{_CAPITALISED})$")
# He, she, they, it, him, her, them, his, their, its: their first letters come first, so that the
# regex engine can skip ahead to them, then the rest of the word that letter opens (twice as fast as
# `\b(?:[Hh]e|[Ss]he|...)\b`).
_PRONOUN = re.compile(r"[HhSsTtIi](?<=\b.)(?:(?<=[Hh])(?:e|im|er|is)|(?<=[Ss])he|(?<=[Tt])he(?:y|m|ir)|(?<=[Ii])ts?)\b")
_WORD = re.compile(r"[\w'’-]+")
# What may follow a name at the end of a mention: a party tag, an age, a possessive.
_TAIL = re.compile(r"(?:['’]s?)?\s*(?:\([^()]*\)|,\s*[A-Z]-[A-Z][\w.]*,?|,\s*\d+,?)?\s*")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?\"“”:\n])\s*$")
_ANTECEDENT_SENTENCES = 6
# Where the head noun of a description has come if it is to come: "a reporter for AFP".
_AFTER_HEAD = frozenset(("for", "of", "with", "at", "from", "in", "who", "familiar"))
_NAME_AFTER_DESCRIPTION = re.compile(r",\s*[A-Z]")
_AND = re.compile(r",?\s+and\s+")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom)\s+$")
# `like Stevie Wonder, who joked`: the name a relative "who" hangs on, within this many characters.
_NAME_BEFORE_RELATIVE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*),\s*$")
_NAME_CHARS = 80
# A party tag ("D-Mich.", "(R-Utah)", "R-S.C." once its initials are one word): never anyone.
PARTY_TAG = re.compile(r"\(?[A-Z]-[A-Z][\w.]*\)?,?")
_CONTRACTION = re.compile(r"['’]")  # "I've", "We're" open a sentence: a pronoun, no name
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
_ADDRESSED = re.compile(r"\b(?:tell|tells|told|telling|ask|asks|asked|urged|thanked|warned|reminded|informed|assured)"
                        r"\s+(?:\S+\s+){0,1}$")
# The longest name form taken as a person's or body's full name, in words.
_FULLEST = 6
# A description is matched against this many names before it (an article's worth).
_DESCRIBED_NAMES = 300
# How many earlier descriptions a definite one looks back over for someone unnamed it stands for:
# bounded, as an article of thousands of them would otherwise cost their square.
_UNNAMED_MENTIONS = 40
# How far ahead a description may be named ("the commissioner said ... Commissioner Ron Robison").
_CATAPHORA_SENTENCES = 2
_CATAPHORA_NAMES = 8
# How many characters before a name a description's words are looked for ("opposition leader Svetlana ...").
_NEAR_NAME = 40

# Lower-case uses of a word are looked for this far around it.
_NEIGHBOURHOOD = 20_000
# Surnames shorter than this are not matched as spelling variants (Jaro-Winkler is too
# generous on short words, and transliteration variants are long).
_VARIANT_LENGTH = 7
_MAX_CHAIN = 6
# Words in or just before a name that tell a person's gender.
_FEMALE_CUES = FEMALE_GIVEN_NAMES | FEMALE_HONORIFICS | FEMALE_NOUNS
_MALE_CUES = MALE_GIVEN_NAMES | MALE_HONORIFICS | MALE_NOUNS
_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s")


@lru_cache(maxsize=50000)
def _stem(word):
    """A crude stem, enough to match "leader", "leads" and "lead" (Porter costs 20x more)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


def _trim_name(text, start, end):
    """End of the name text[start:end] without a sentence-final period."""
    if text[end - 1] == "." and not _ABBREVIATION_END.search(text, start, end):
        return end - 1
    return end


_NAME_WORD = re.compile(r"\S+")
# How many distinct names (capitalised runs) have their readings kept, most recently read first:
# those an article repeats and those every article has ("Trump", "Ottawa"), in a few MB.
_NAMES_KEPT = 4096
# The Arabic article, written in lower case and joined to the name it opens.
_LOWER_CASE_ARTICLES = frozenset({"al-", "el-"})
# What may cut a capitalised run in two: a period, a possessive, "for" or "of".
_SPLITS_A_NAME = re.compile(r"\.|['’]s\b|s['’]|\b(?:for|of|and)\b", re.IGNORECASE)


def name_runs(text, start, end):
    """(start, end) of each name in text[start:end]: the capitalised runs of `_NAME`, cut where
    a sentence ends inside one ("Scotia. Then"), after a possessive ("Vancouver's Bo Horvat"),
    before "for"/"of" unless what comes before names a body ("Bank of Canada", not "Paris for
    STP Consultants"), and without dates and sentence adverbs at either end."""
    runs = []
    for match in _NAME.finditer(text, start, end):
        offset, run = match.start(), match.group()
        # Whether "the" comes before matters only to an "and" in the run (see `and_joins_a_body`).
        after_the = " and " in run and text[offset - 4:offset].lower() == "the "
        for name_start, name_end in _names_in_run(run, after_the):
            runs.append((offset + name_start, offset + name_end))
        if text[offset - 1] == "-" and offset - 3 >= start and text[offset - 3:offset] in _LOWER_CASE_ARTICLES \
                and runs and runs[-1][0] == offset and not (offset > 3 and text[offset - 4].isalnum()):
            # "al-Shabaab", "Abdel Fattah el-Sisi": the article is part of the name, which may go on
            # from the given names before it.
            name_end = runs.pop()[1]
            given_names_before = runs and runs[-1][1] == offset - 4 and text[offset - 4] == " "
            runs.append((runs.pop()[0] if given_names_before else offset - 3, name_end))
    return runs


@lru_cache(maxsize=_NAMES_KEPT)
def _names_in_run(run, after_the=False):
    """The (start, end) of each name in one capitalised run, relative to it; after_the: whether
    "the" comes before it. What a run holds depends on its words alone, and an article (a corpus)
    writes the same names again and again."""
    if " " not in run and "\t" not in run:
        # One word, most names' case: only whether it may stand as a name is looked at.
        if run.lower().strip(".,") in _NOT_NAMES_ALONE:
            return ()
        return ((0, _trim_name(run, 0, len(run))),)
    runs = []
    words = list(map(re.Match.span, _NAME_WORD.finditer(run)))
    if not _SPLITS_A_NAME.search(run):
        _keep(run, words, runs)  # nothing inside to cut at: only the edges are looked at
        return tuple(runs)
    piece = []
    for index, (word_start, word_end) in enumerate(words):
        word = run[word_start:word_end]
        lowered = word.lower()
        if lowered in ("for", "of") and piece and not any(
                run[a:b].lower().strip(".") in ORGANISATION_WORDS or run[a:b].lower().strip(".") in TITLES
                for a, b in piece):
            _keep(run, piece, runs)
            piece = []
            continue
        if lowered == "and" and piece:
            left = [run[a:b].lower().strip(".,") for a, b in piece]
            opened = bool(left) and left[0] == "the"
            right = [run[a:b].lower().strip(".,") for a, b in words[index + 1:]]
            while right and right[-1] in _NOT_CLOSING_NAMES:
                right.pop()  # "The Globe and Mail Thursday": the date is no word of the name
            if not and_joins_a_body(left[opened:], right, after_the or opened):
                _keep(run, piece, runs)  # "Trump and Clinton": two names
                piece = []
                continue
        piece.append((word_start, word_end))
        last = index == len(words) - 1
        sentence_end = (word.endswith(".") and not last and not _ABBREVIATION_END.search(word)
                        and len(word.rstrip(".")) > 1)
        if sentence_end or (not last and word.endswith(("'s", "’s", "s'", "s’"))):
            _keep(run, piece, runs)
            piece = []
    _keep(run, piece, runs)
    return tuple(runs)


# "In June Councillor David Brennan said": no name opens on a preposition or a date.
_NOT_OPENING_NAMES = NOT_IN_NAMES | NOT_SUBJECT_OPENERS | {"for", "of", "in", "on", "at", "by", "since", "during",
                                                           "until", "after", "before", "from", "with", "as", "like"}
_NOT_CLOSING_NAMES = NOT_IN_NAMES | NAME_CONNECTORS
_NOT_NAMES_ALONE = _NOT_OPENING_NAMES | _NOT_CLOSING_NAMES


def _keep(text, piece, runs):
    """Add to `runs` the span of the words `piece` without what may not open or close a name."""
    first, last = 0, len(piece)
    while first < last and text[piece[first][0]:piece[first][1]].lower().strip(".,") in _NOT_OPENING_NAMES:
        first += 1
    while last > first and text[piece[last - 1][0]:piece[last - 1][1]].lower().strip(".,") in _NOT_CLOSING_NAMES:
        last -= 1
    if last > first:
        start, end = piece[first][0], piece[last - 1][1]
        runs.append((start, _trim_name(text, start, end)))


def _joined_initials(text, spans):
    """Word spans with the letters of a dotted acronym as one word: "S.E.C." is "SEC", as
    the article may also write it, not three initials."""
    joined = []
    for start, end in spans:
        if (joined and end - start == 1 and text[start].isupper() and joined[-1][1] + 1 == start
                and text[joined[-1][1]] == "." and text[joined[-1][0]:joined[-1][1]].replace(".", "").isupper()):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


@lru_cache(maxsize=_NAMES_KEPT)
def _name_words(name, period_after):
    """The words of a capitalised name as `Resolver._name_tokens` reads them: their spans in it
    (a dotted acronym one word), in lower case, and as written (see `_written_word`) without a
    possessive ending. period_after: whether a period follows the name. They depend on its text
    alone, and an article (a corpus) writes the same names again and again."""
    spans = tuple(_joined_initials(name, list(map(re.Match.span, _WORD.finditer(name)))))
    lowered = tuple(name[start:end].lower() for start, end in spans)
    written = []
    for start, end in spans:
        period_follows = name.startswith(".", end) if end < len(name) else period_after
        written.append(_without_possessive(_written_word(name[start:end], period_follows)))
    return spans, lowered, tuple(written)


def _written_word(word, period_after):
    """A word of a name as a reader writes it: an initial or suffix with its period ("J.",
    "Jr."), an acronym without its dots ("S.E.C." is SEC)."""
    if "." in word:
        return word.replace(".", "")
    if period_after and (len(word) == 1 and word.isupper() or word.lower() in NAME_SUFFIXES):
        return word + "."
    return word


@lru_cache(maxsize=_NAMES_KEPT)
def _classified(tokens, surface, is_acronym):
    """(tokens, lower-case tokens, kind, key) of the name `surface` read as `tokens`: what it
    names and the key its entity is found by. They depend on its words alone, and an article (a
    corpus) writes the same names again and again."""
    lowered = [t.lower() for t in tokens]
    # "A Star Is Born", "Eat Pray Love"-like runs with a verb or pronoun inside are
    # the titles of works: nobody, whatever title word they hold.
    work = not TITLE_CASE_WORDS.isdisjoint(w.lower() for w in surface.split()[1:])
    # "St. Charles Police Lt. Tom Wilkison", "Senate Majority Leader Mitch McConnell":
    # the person named after the last title, unless what follows names a body.
    # A hyphenated office is a title by its first word: "Secretary-General", "Attorney-General".
    titled = [i for i, w in enumerate(lowered[:-1]) if w.strip(".") in TITLES or w.split("-", 1)[0] in TITLES]
    if titled and not work and not any(w in ORGANISATION_WORDS for w in lowered[titled[-1] + 1:]):
        tokens, lowered = tokens[titled[-1] + 1:], lowered[titled[-1] + 1:]
    # A plural that is no surname names a group: "the Raptors", "Edmonton Oilers", "Liberals".
    plural = (lowered[-1].endswith("s") and not lowered[-1].endswith("ss") and len(lowered[-1]) > 3
              and lowered[-1].isalpha()
              and lowered[-1] not in surnames() and _given_name_gender(lowered[0]) is _NO_GIVEN_NAME)
    organisation = is_acronym or plural or any(w in ORGANISATION_WORDS for w in lowered) or _outlet(lowered)
    kind = "work" if work else "organisation" if organisation else _kind_of_name(lowered)
    key = _last_name_word(lowered) if kind == "person" else " ".join(lowered)
    return tokens, tuple(lowered), kind, key  # shared by every article that has the name: never changed


_NO_GIVEN_NAME = object()
_NOT_A_NAME_ALONE = QUANTITY_WORDS | frozenset(TIME_UNITS)
_WORK_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your"))
_NOT_OPENING_MAKERS = NOT_AUTHORS | NAME_FUNCTION_WORDS  # "An August PBO report"


def _outlet(lowered):
    """Whether the lower-case words of a name are an outlet's: a place and a masthead word
    ("Toronto Star", "Ottawa Citizen"), or a masthead word alone ("the Star"; see
    `Resolver._masthead_is_outlet`)."""
    return lowered[-1] in MASTHEAD_WORDS and (len(lowered) == 1 or " ".join(lowered[:-1]) in places())


@lru_cache(maxsize=_NAMES_KEPT)
def _given_name_gender(word):
    """The gender of a given name (lower case): "f", "m", None for one given to both, or
    _NO_GIVEN_NAME; accents aside ("antónio" is "antonio", "josé" is "jose")."""
    names = given_names()
    if word in names:
        return names[word]
    folded = fold(word)
    return names[folded] if folded != word and folded in names else _NO_GIVEN_NAME


def _kind_of_name(lowered):
    """"person", "place" or "event" for a name that names no organisation, by its words."""
    if len(lowered) > 1 and lowered[-1] in PLACE_ONLY_WORDS:
        return "place"  # "Clark County", "Kenton County": a given name opens no person's name here
    if len(lowered) > 1 and _given_name_gender(lowered[0]) is not _NO_GIVEN_NAME:
        return "person"
    if all(len(word) == 1 for word in lowered):
        return "place"  # initials alone are an abbreviation ("N.S.", "U.S."), not a name
    if lowered[-1] in ("day", "eve") and len(lowered) > 1 or not EVENT_WORDS.isdisjoint(lowered[:-1] + [
            w for w in lowered[-1:] if w not in ("day", "eve")]):
        return "event"
    joined = " ".join(lowered)
    if len(lowered) > 1 and not PLACE_WORDS.isdisjoint(lowered[1:]) or (
            joined in places() and (len(lowered) > 1 or joined not in surnames())):
        return "place"
    if len(lowered) > 1 and lowered[-1] in places():
        return "organisation"  # "Hockey Canada", "Infrastructure Canada": a national body
    return "person"


def _sort_of(entity):
    """The sort of body an organisation's name says it is ("State Department": "government"), or None."""
    for word in reversed(entity.tokens):
        sort = ORGANISATION_SORTS.get(word.lower())
        if sort is not None:
            return sort
    return None


def _of_sort(entity, sort):
    """Whether a body may be one a description of this sort stands for (sort None: any). A
    company or a group is often named without the word ("Talos", "Rally Canada"); a ministry,
    an outlet, a party, a poll or a city by a name that says so."""
    if sort is None:
        return True
    return _sort_of(entity) in ((None, sort) if sort in ("business", "civil") else (sort,))


def _without_possessive(word):
    """The word without a possessive ending ("Obama's" -> "Obama", "Jones'" -> "Jones")."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


@lru_cache(maxsize=50000)
def _surname(name):
    """The last word of a name but a suffix ("Jr."), lower case, without a possessive ending."""
    words = name.split()
    if " of " in name:
        words = words[:_before_origin(words)]
    return _last_name_word([_without_possessive(word).lower() for word in words])


_OF = re.compile(r"\s+of\s")
# "a report by the Congressional Budget Office", "a letter from Senator Ann Lee": its author.
_AUTHOR_AFTER = re.compile(r"[^.;:!?]{0,40}?\b(?P<by>by|from)\s+(?:the\s+)?"
                           r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*)")
# Who said something in the document: "stated in the company's blog post", "said in a statement".
_IN_THE_DOCUMENT = re.compile(r"\bin\s+(?:[\w'’.,-]+\s+){0,5}$")
# How many sentences back a document is looked for where the article brought it up.
_AUTHOR_SENTENCES = 12


def _before_origin(words):
    """How many of a name's words come before where the person is from: "Senator Bernie Sanders
    of Vermont" is Bernie Sanders (a given name before the "of"); "Bank of Canada" is whole."""
    if "of" not in words[1:]:
        return len(words)
    cut = words.index("of", 1)
    lowered = [word.lower().strip(".") for word in words[:cut]]
    named = [word for word in lowered if word not in TITLES]  # "Sen. Sherrod Brown": a title, then a name
    personal = (named and named[0] in given_names() or not COURTESY_TITLES.isdisjoint(lowered)
                or len(named) >= 2 and lowered[0] in TITLES)
    return cut if personal and not any(word in ORGANISATION_WORDS for word in lowered) else len(words)


def _full_name_last(reading):
    """Sort key of a (span, `_reading`) pair: the names read as one word (or not read as a name)
    before fuller ones, each in text order."""
    span, found = reading
    return found is not None and len(found[0]) > 1, span


def _last_name_word(lowered):
    """The surname of a name's lower-case words: the last that is no suffix ("king" of "martin
    luther king jr"), without the article some write and some leave out ("assad" of "bashar
    al-assad"); the first of a name written family name first ("xi" of "chinese president xi
    jinping")."""
    for length in (2, 3):
        if surname_first(lowered[-length:]):
            return lowered[-length]
    while len(lowered) > 1 and lowered[-1] in NAME_SUFFIXES:
        lowered = lowered[:-1]
    last = lowered[-1]
    return last[3:] if last[:3] in _LOWER_CASE_ARTICLES and len(last) > 3 else last


class Entity:
    """One person or organisation: every mention of it and the fullest form of its name."""

    # An article makes an entity for each name it registers: thousands, each made and read often.
    __slots__ = ("name", "tokens", "kind", "gender", "established", "personal", "spoke", "namesakes",
                 "name_gender", "mentions")

    def __init__(self, name, tokens, kind):
        self.name, self.tokens, self.kind = name, tokens, kind
        self.gender = None
        self.established = len(tokens) > 1  # a full name or a title: a pronoun may refer to it
        # Known to be a person, not a place, a date or a company that looks like a name: a
        # given name, a title or a role before it, or it speaks. Only then is it "he" or "she".
        self.personal = False
        self.spoke = False  # the subject of a cue somewhere in the article
        # Other people of this surname and another gender ("Michelle Obama" beside "Mr. Obama"):
        # a list kept on the first one the article names.
        self.namesakes = []
        self.name_gender = None  # what a given name or honorific says, for telling namesakes apart
        self.mentions = 0

    def add(self, tokens):
        # A fuller form, but no run-on of capitalised words ("Trump Meanwhile Trump").
        if len(self.tokens) < len(tokens) <= _FULLEST and len(set(tokens)) == len(tokens):
            self.name, self.tokens = " ".join(tokens), tokens
        elif self.name.isupper() and " ".join(tokens).lower() == self.name.lower() and not " ".join(tokens).isupper() \
                and (len(self.name) > 5 or self.name.lower() in places()):
            self.name, self.tokens = " ".join(tokens), tokens  # a dateline's "OTTAWA" is Ottawa; "ISIS" stays
        self.established = self.established or len(tokens) > 1


class Resolver:
    def __init__(self, text, sentences, quoted, speaker_spans=(), reported=()):
        """sentences: the article's sentence spans; quoted: sorted (start, end) of quoted
        passages, whose names and pronouns are the quoted person's, not the article's;
        speaker_spans: mentions cues rest on (a bare surname that speaks is a person);
        reported: ((start, end) of a speaker mention, start of its statement), for the mentions
        that come after what they say ("Macharia hid under desks, he said"): a pronoun there is no name in it."""
        self.text = text
        self._said_before = {}
        for mention, said in reported:
            if said < mention[0]:
                self._said_before[mention] = min(said, self._said_before.get(mention, said))
        self.sentences = sentences
        self.sentence_starts = [start for start, _ in sentences]
        self._by_key = {}
        self._memo = {}
        self._named_memo = {}
        self._headlines = {}  # sentence index -> whether it is written in title case
        self._lower_words = {}
        self._stems = {}
        self._near = {}  # name start -> stems around it
        self._lowered = None  # the text in lower case, made when a description is first read
        self._descriptions = {}  # (description words, names before it) -> entity
        self._surfaces = {}  # surface string of a name -> its tokens, kind and key
        self._surnames = {}  # first two letters -> [(surname, person)], for spelling variants
        self._expansions = None  # initials -> the tokens of the name they stand for, made when needed
        quoted_starts = [start for start, _ in quoted]

        def outside(position):
            index = bisect_right(quoted_starts, position) - 1
            return index < 0 or position >= quoted[index][1]

        limit = sentences[-1][1] if sentences else 0
        # Names are only read (tokens, kind, variants) when a resolution reaches them: most
        # names of an article never matter to a speaker. They are indexed by surname.
        self._by_surname = {}
        self._long_surnames = {}  # first two letters -> surnames that may have variants
        self._completed = set()
        self._name_entity = {}
        self._outside = outside
        self.names = []  # (start, end) of every name outside quotes
        sentence_starts, by_surname = self.sentence_starts, self._by_surname
        for span in name_runs(text, 0, limit):
            start = span[0]
            # Names in quotations are the quoted person's (`outside`, inlined: an article has
            # thousands of names), names in lines left out of the story (captions, link lines)
            # nobody's antecedent.
            quote = bisect_right(quoted_starts, start) - 1
            if quote >= 0 and start < quoted[quote][1]:
                continue
            sentence = bisect_right(sentence_starts, start) - 1
            if sentence < 0 or start >= sentences[sentence][1]:
                continue
            self.names.append(span)
            name = text[start:span[1]]
            surname = _surname(name)
            if surname not in by_surname:
                by_surname[surname] = []
                if len(surname) >= _VARIANT_LENGTH:
                    self._long_surnames.setdefault(surname[:2], []).append(surname)
            by_surname[surname].append(span)
            if " and " in name:
                opening = name.lower().removeprefix("the ").split(maxsplit=1)[0]
                if opening in MASTHEAD_WORDS:
                    # "The Globe and Mail" is "the Globe" too: read with that word's names (see `_masthead_is_outlet`).
                    by_surname.setdefault(opening, []).append(span)
        self.name_starts = [start for start, _ in self.names]
        self.descriptions = []  # speaker mentions that are descriptions ("the senator")
        self.speaker_spans = sorted(speaker_spans)
        for start, end in speaker_spans:
            if text[start:end].lower() in PRONOUNS:
                continue
            entity = self._named(start, end)
            if entity is None:
                self.descriptions.append((start, end))
            else:
                entity.established = entity.spoke = True
                entity.personal = entity.kind == "person"
        self.descriptions.sort()
        self._sentence_candidates = {}

    def _candidates(self, sentence):
        """(start, end, "name" | "pronoun" | "description") in one sentence, in order."""
        found = self._sentence_candidates.get(sentence)
        if found is None:
            start, end = self.sentences[sentence]
            # A name wholly in parentheses is an aside ("Concrete Economics (Harvard Business Review
            # Press)"), whom no pronoun or description stands for.
            found = [(s, e, "name") for s, e in self.names[bisect_left(self.name_starts, start):
                                                              bisect_left(self.name_starts, end)]
                     if not (self.text[s - 1:s] == "(" and self.text[e:e + 1] == ")")]
            found += [(m.start(), m.end(), "pronoun") for m in _PRONOUN.finditer(self.text, start, end)
                      if self._outside(m.start())]
            found += [(s, e, "description") for s, e in self.descriptions[
                bisect_left(self.descriptions, (start,)):bisect_left(self.descriptions, (end,))]]
            found.sort()
            self._sentence_candidates[sentence] = found
        return found

    def _complete(self, surname):
        """Read every name with this surname, or a spelling variant of it, so that the
        entity holds its fullest form."""
        if surname in self._completed:
            return
        variants = [surname]
        if len(surname) >= _VARIANT_LENGTH:
            variants += [other for other in self._long_surnames.get(surname[:2], ())
                         if other != surname and abs(len(other) - len(surname)) <= 2
                         and other not in self._completed
                         and jaro_winkler_similarity(other, surname) >= 0.9]
        for key in variants:
            self._completed.add(key)
            # A surname alone ("Mr. Obama") first: whoever it stands for is the article's
            # principal of that name, whom a namesake of another gender ("Michelle Obama") is not.
            # A span indexed under two words ("The Globe and Mail" under "mail" and "globe") is read once.
            readings = [(span, self._reading(*span)) for span in self._by_surname.get(key, ())
                        if span not in self._name_entity]
            readings.sort(key=_full_name_last)
            for span, found in readings:
                self._name_entity[span] = self._register(*span, found)
            if key in MASTHEAD_WORDS:
                self._masthead_is_outlet(key)

    def _masthead_is_outlet(self, word):
        """"the Post" after "The Washington Post": an outlet named by the word closing its name
        (or opening it before "and": "the Globe" after "The Globe and Mail") is the one outlet of
        the article whose name it closes, as a surname is a person's; not when two do ("The New
        York Times", "the Financial Times")."""
        alone = self._by_key.get(word)
        spans = self._by_surname.get(word, ())
        outlets = {id(entity): entity for entity in map(self._name_entity.get, spans)
                   if entity is not None and entity is not alone and entity.kind == "organisation"
                   and len(entity.tokens) > 1 and (entity.tokens[-1].lower() == word
                                                   or entity.tokens[0].lower() == word and "and" in entity.tokens)}
        if alone is None or alone.kind != "organisation" or len(outlets) != 1:
            return
        (outlet,) = outlets.values()
        for span in spans:
            if self._name_entity.get(span) is alone:
                self._name_entity[span] = outlet
        outlet.mentions += alone.mentions
        self._by_key[word] = outlet

    def _entity_at(self, start, end):
        """The entity of the name candidate text[start:end]."""
        if (start, end) not in self._name_entity:
            self._complete(_surname(self.text[start:end]))
        return self._name_entity.get((start, end))

    # ------------------------------------------------------------------ names
    def written_lower(self, word, position):
        """Whether the text around `position` writes `word` (lower case) in lower case: then
        a capitalised occurrence of it opens a sentence rather than naming someone."""
        lo = max(0, position - _NEIGHBOURHOOD)
        hi = min(len(self.text), position + _NEIGHBOURHOOD)
        key = (word, lo // _NEIGHBOURHOOD)
        known = self._lower_words.get(key)
        if known is None:
            known = not word
            index = self.text.find(word, lo, hi)
            while index >= 0 and not known:
                end = index + len(word)
                known = ((index == 0 or not self.text[index - 1].isalnum())
                         and (end == len(self.text) or not self.text[end].isalnum()))
                index = self.text.find(word, end, hi)
            self._lower_words[key] = known
        return known

    def _name_tokens(self, start, end, strip_nouns=False):
        """(start, end, tokens) of the name in text[start:end] without leading titles and
        sentence-initial common words, or None."""
        spans, lowered, written = _name_words(self.text[start:end], self.text.startswith(".", end))
        if "of" in lowered:
            cut = _before_origin(lowered)  # "Senator Bernie Sanders of Vermont"
            spans, lowered, written = spans[:cut], lowered[:cut], written[:cut]
        if not spans:
            return None
        first, titled, courteous = 0, False, False  # the first word kept
        # "Liberal Party", "State Department", "House Judiciary Committee": a person noun or a
        # title opening a body's name is a word of it; not in "Ms. White", nor in an office or
        # an event after the title ("Secretary of the Navy", "State of the Union").
        body = lowered[-1] in ORGANISATION_WORDS and "of" not in lowered and not any(
            word in COURTESY_TITLES or word in given_names() for word in lowered)
        while len(spans) - first > 1 and not courteous:
            word = lowered[first]
            if word in ("of", "for") and titled:
                # "Minister of Innovation": an office, whose holder is named elsewhere; but in
                # "Secretary of State Hillary Clinton" the holder follows, from a given name on.
                holder = next((i for i in range(first + 1, len(spans) - 1) if lowered[i] in given_names()), None)
                if holder is None:
                    return None
                first = holder
                break
            if (word in NAME_FUNCTION_WORDS or word in TITLES and not body
                    or (spans[first][0] == 0 and self._opens_sentence(start) and self.written_lower(word, start)
                        # "Rally Canada said": a national body, as "Hockey Canada" is, not a place alone
                        and not (len(spans) - first == 2 and lowered[first + 1] in places()))
                    or (strip_nouns and word in PERSON_NOUNS and not body) or word in ("of", "for")
                    # "Assistant Commissioner Eric Stubbs": a role before a given name and surname
                    or (word in PERSON_NOUNS and len(spans) - first > 2 and lowered[first + 1] in given_names())):
                titled = titled or word in TITLES
                courteous = word in COURTESY_TITLES
                first += 1
            else:
                break
        tokens = tuple(filter(None, written[first:]))  # a bare "'s" goes
        if not tokens:
            return None
        last = tokens[-1].lower()
        # "Charlie King", "Mr. King": a title word after a given name or a courtesy title is a surname.
        surname = courteous or len(tokens) > 1 and tokens[-2].lower() in given_names()
        if len(tokens) > 1 and not surname and (last in TITLES or last in PERSON_NOUNS) and last not in ORGANISATION_WORDS \
                and not _outlet([token.lower() for token in tokens]):
            # "the Yellowhead MP": a description, whose holder is named elsewhere; "the White
            # House", "the Supreme Court", "the Toronto Star" end on a title word too, but one that names a body.
            return None
        # "the Star", "the Globe": a masthead word alone may be the outlet (see `_masthead_is_outlet`).
        # "Six months later he pleaded", "Decades later": a number or a span of time opening a sentence.
        if len(tokens) == 1 and not courteous and (last in NAME_FUNCTION_WORDS or not last or last in _NOT_A_NAME_ALONE or (
                last in TITLES or last in PERSON_NOUNS) and last not in MASTHEAD_WORDS
                                 or self.written_lower(last, start)
                                 or PARTY_TAG.fullmatch(tokens[0]) or _CONTRACTION.split(last)[0] in PRONOUNS):
            return None
        return start + spans[first][0], start + spans[-1][1], tokens

    def _opens_sentence(self, position):
        return position < 3 or _SENTENCE_OPENING.search(self.text, position - 3, position) is not None

    def _in_headline(self, position):
        """Whether the sentence at `position` is written in title case, as a headline."""
        sentence = bisect_right(self.sentence_starts, position) - 1
        if sentence not in self._headlines:
            start, end = self.sentences[sentence] if sentence >= 0 else (0, 0)
            # Title case leaves only short function words ("over", "with") in lower case; a
            # sentence with any other word in lower case is prose, however long the name that
            # opens it ("Mexican President Andrés Manuel López Obrador met the delegation").
            long_words = [w for w in _WORD.findall(self.text, start, end)
                          if len(w) > 3 and w[0].isalpha() and w.lower() not in CLAIM_FUNCTION_WORDS]
            self._headlines[sentence] = len(long_words) >= 4 and all(w[0].isupper() for w in long_words)
        return self._headlines[sentence]

    def _reading(self, start, end):
        """(tokens, lower-case tokens, kind, key) of the name text[start:end], or None."""
        surface = self.text[start:end]
        if surface in self._surfaces:
            found = self._surfaces[surface]
        else:
            found = self._name_tokens(start, end)
            if found is not None:
                tokens = found[2]
                # A dateline's place in capitals ("OTTAWA") is no acronym.
                is_acronym = (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1
                              and tokens[0].lower() not in places())
                if is_acronym:
                    # "the PBO" stands for the body the article spelled out: "Parliamentary Budget Officer".
                    tokens = self._spelled_out(tokens[0]) or tokens
                found = _classified(tokens, surface, is_acronym)
                if found[2] != "work" and self._after_work_noun(start):
                    found = (found[0], found[1], "work", " ".join(found[1]))
            self._surfaces[surface] = found
        return found

    def _after_work_noun(self, position):
        """Whether a name at `position` is the title of the work the noun before it names, after a
        determiner or a possessive: "the Christmas classic Home Alone", "his book Fire and Fury";
        not "polls that show Bernie Sanders" ahead."""
        if position < 2:
            return False
        space = self.text.rfind(" ", max(0, position - 16), position - 1)
        if self.text[space + 1:position - 1].lower() not in WORK_NOUNS:
            return False  # most names: no work noun just before
        before = self.text[max(0, position - 40):position].lower().split()[-3:]
        return any(word in _WORK_DETERMINERS or word.endswith(("'s", "’s")) for word in before[:-1])

    def _register(self, start, end, found):
        """The entity of the name text[start:end], whose `_reading` is `found`."""
        if found is None:
            return None
        tokens, lowered, kind, key = found
        if kind == "person" and len(tokens) > 2 and lowered[-1] not in NAME_SUFFIXES and self._in_headline(start):
            # "Rush Limbaugh Slams Hillary Asking Moderator To Fact Check Trump": in a headline
            # capitalised words run on into a name; its surname is all that is sure.
            tokens, lowered = tokens[-1:], lowered[-1:]
        entity = self._by_key.get(key)
        if entity is None and kind == "person":
            entity = self._variant(key)
        name_gender = self._namesake_gender(start, end, lowered) if kind == "person" else None
        if kind == "person" and entity is not None:
            if entity.kind == "organisation" and len(entity.tokens) == 1 and len(tokens) > 1:
                # "Hinderks said" read alone as a plural, a group; "Tom Hinderks" says whose surname it is.
                entity.kind = "person"
            entity = self._namesake(entity, name_gender) or self._new_namesake(entity, tokens, name_gender)
            entity.name_gender = entity.name_gender or name_gender
        if entity is None:
            entity = Entity(" ".join(tokens), tokens, kind)
            entity.name_gender = name_gender
        else:
            entity.add(tokens)
        if kind == "person" and not (entity.established and entity.personal) and len(tokens) == 1 and (
                lowered[0] in surnames() or _given_name_gender(lowered[0]) is not _NO_GIVEN_NAME):
            # "Pope Francis", "Sen. Warren": a title makes one name a person, whom a description may
            # stand for; but not a word after it ("Miss Universe", "the General Assembly").
            words = self.text[start:end].split()
            if len(words) > 1 and words[0].lower().strip(".") in TITLES:
                entity.established = entity.personal = True
        entity.mentions += 1
        if key not in self._by_key:
            self._by_key[key] = entity
            if kind == "person":
                self._surnames.setdefault(key[:2], []).append((key, entity))
        if kind == "person":
            if entity.name_gender:  # a given name or honorific says more than the words around it
                entity.gender = entity.name_gender
            if not (entity.gender and entity.personal):  # else nothing more to learn
                gender, personal = self._gender(start, lowered)
                entity.gender = entity.gender or gender
                entity.personal = entity.personal or personal
        return entity

    def _namesake_gender(self, start, end, lowered):
        """The gender that tells one person of a surname from another: a given name ("Michelle
        Obama") or an honorific ("Mr. Obama"), not a word that merely stands near the name."""
        if len(lowered) > 1:
            gender = None if surname_first(lowered) else _given_name_gender(lowered[0])
            return None if gender is _NO_GIVEN_NAME else gender
        words = [w.strip(".,").lower() for w in self.text[max(0, start - 6):end].split()[-3:-1]]
        if not FEMALE_HONORIFICS.isdisjoint(words):
            return "f"
        if not MALE_HONORIFICS.isdisjoint(words):
            return "m"
        return None

    @staticmethod
    def _namesake(entity, gender):
        """The person of `entity`'s surname that a mention of this gender (or None) stands for."""
        for person in (entity, *entity.namesakes):
            if gender is None or person.name_gender in (None, gender):
                return person
        return None

    @staticmethod
    def _new_namesake(entity, tokens, gender):
        namesake = Entity(" ".join(tokens), tokens, "person")
        namesake.gender = namesake.name_gender = gender
        entity.namesakes.append(namesake)
        return namesake

    def _spelled_out(self, acronym):
        """The tokens of the article's name whose initials make `acronym`, or None."""
        if self._expansions is None:
            self._expansions = {}  # initials -> the first name that has them, in one pass
            for name in dict.fromkeys(self.text[start:end] for start, end in self.names):  # each once, in order
                if " " not in name:
                    continue
                words = name.split()
                while words and words[0].lower() in NAME_FUNCTION_WORDS:
                    words = words[1:]
                if len(words) < 2:
                    continue
                initials = "".join(w[0] for w in words if w.lower() not in NAME_CONNECTORS and w[:1].isupper())
                if initials not in self._expansions:
                    self._expansions[initials] = tuple(_without_possessive(w) for w in words)
        return self._expansions.get(acronym)

    def _variant(self, key):
        """A person already seen under a spelling variant of this surname."""
        if len(key) < _VARIANT_LENGTH:
            return None
        for other, entity in self._surnames.get(key[:2], ()):
            if (abs(len(other) - len(key)) <= 2 and len(other) >= _VARIANT_LENGTH
                    and jaro_winkler_similarity(other, key) >= 0.9):
                return entity
        return None

    def _gender(self, start, lowered):
        """(gender or None, whether the name is known to be a person's) from its given name,
        or the honorific, title or role words in or just before it."""
        before = self.text[max(0, start - 30):start].lower().split()
        words = [w.strip(".,") for w in list(lowered[:-1]) + before[-2:]]
        titled = not TITLES.isdisjoint(words) or not PERSON_NOUNS.isdisjoint(words)
        if not _FEMALE_CUES.isdisjoint(words):
            return "f", True
        if not _MALE_CUES.isdisjoint(words):
            return "m", True
        gender = _given_name_gender(lowered[0]) if len(lowered) > 1 and not surname_first(lowered) else _NO_GIVEN_NAME
        if gender is not _NO_GIVEN_NAME:
            return gender, True
        return None, titled

    # ------------------------------------------------------------------ resolution
    def resolve(self, start, end, depth=0):
        """The Entity the mention text[start:end] stands for, or None."""
        key = (start, end)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = None  # a chain that comes back here resolves to nothing
        phrase = self.text[start:end].strip().lower()
        if phrase == "who":
            name = _NAME_BEFORE_RELATIVE.search(self.text, max(0, start - _NAME_CHARS), start)
            entity = self._named(*name.span(1)) if name else None
        elif phrase in PRONOUNS:
            speaks_of_others = phrase not in ("i", "we", "you")
            # "Macharia and some colleagues hid under desks, he said": "he" is not Macharia, a name
            # in what he says (as in "he said Macharia hid"), but someone named before. (A
            # description may be: "emails from the State Department ..., the agency said".)
            said = self._said_before.get(key) if phrase in SUBJECT_PRONOUNS else None
            entity = self._antecedent(start, PRONOUNS[phrase], depth, said=said) if depth < _MAX_CHAIN and speaks_of_others else None
        else:
            possessor = self._possessor(start, end) if depth < _MAX_CHAIN else None
            if possessor is not None:
                entity = self.resolve(*possessor, depth + 1)
            else:
                entity = self._named(start, end)
            if entity is None and possessor is None and depth < _MAX_CHAIN:
                entity = (self._authored(start, phrase, depth) or self._described(start, end, phrase)
                          or self._maker(start, end, depth))
        self._memo[key] = entity
        return entity

    def _authored(self, position, phrase, depth):
        """Who wrote the document a definite mention names ("the post", "the report", "the
        lawsuit"), from where the article brought it up last: the name just before its word ("a
        Quinnipiac poll", "Powell's letter"), after "by" ("a report by the CBO") or, for a
        person, "from" ("a letter from Ann Lee"), or who speaks in it ("Jason Schultz stated in
        the company's blog post that ..."); the author of the document a "the post" before it
        names ("The post said A. The post also said B.")."""
        words = phrase.split()
        if len(words) != 2 or words[0] not in ("the", "this", "that") or words[1] not in AUTHORED_NOUNS:
            return None
        sentence = bisect_right(self.sentence_starts, position) - 1
        limit = self.sentences[max(0, sentence - _AUTHOR_SENTENCES)][0] if sentence >= 0 else 0
        noun = re.compile(r"\b" + re.escape(words[1]) + r"s?\b", re.IGNORECASE)
        for match in reversed(list(noun.finditer(self.text, limit, position))):
            index = bisect_right(self.sentence_starts, match.start()) - 1
            if index >= 0 and match.start() < self.sentences[index][1] and self._outside(match.start()):
                break
        else:
            return None
        sentence_start, sentence_end = self.sentences[index]
        mention = (match.start() - 4, match.end())
        at = bisect_left(self.speaker_spans, mention)
        if self.text[mention[0]:match.start()].lower() == "the " and self.speaker_spans[at:at + 1] == [mention]:
            return self.resolve(*mention, depth + 1)
        runs = name_runs(self.text, sentence_start, match.start())
        if runs and not self.text[runs[-1][1]:match.start()].strip(" -'’s"):
            entity = self._entity_at(*runs[-1])
            if entity is not None and entity.kind in ("person", "organisation") and not (
                    len(entity.tokens) == 1 and entity.tokens[0].lower() in NOT_AUTHORS):
                return entity  # "a Quinnipiac poll", not "Monday's poll" or "a Facebook post"
        by = _AUTHOR_AFTER.match(self.text, match.end(), sentence_end)
        if by:
            entity = self._entity_at(*by.span("name"))
            if entity is not None and (entity.kind == "person" or by.group("by") == "by" and entity.kind == "organisation"):
                return entity
        speakers = self.speaker_spans[bisect_left(self.speaker_spans, (sentence_start,)):
                                      bisect_left(self.speaker_spans, (match.start(),))]
        for speaker_start, speaker_end in speakers:
            if speaker_end <= match.start() and _IN_THE_DOCUMENT.search(self.text, speaker_end, match.start()):
                entity = self.resolve(speaker_start, speaker_end, depth + 1)
                if entity is not None:
                    return entity
        return None

    def _possessor(self, start, end):
        """(start, end) of who owns the document a mention names, or None: "her statement" ->
        "her", "the union's Friday release" -> "the union", "Infrastructure Canada's database",
        "Gallup's tracking poll"."""
        words = list(map(re.Match.span, _WORD.finditer(self.text, start, end)))
        if len(words) < 2:
            return None
        noun = self.text[words[-1][0]:words[-1][1]].lower()
        if noun not in DOCUMENT_NOUNS and noun not in AUTHORED_NOUNS:
            return None
        first = self.text[words[0][0]:words[0][1]]
        if first.lower() in POSSESSIVES:
            return words[0]
        for word_start, word_end in words[:-1]:
            if self.text[word_start:word_end].endswith(("'s", "’s")):
                return start, word_end - 2
        return None

    def _maker(self, start, end, depth):
        """Who made the document a mention names by the name just before its noun ("a new Gallup
        poll", "the Globe report", "a Trump tweet"): a person or a body, not a date, a platform
        or a place ("a June poll", "a Facebook post", "a California poll")."""
        noun = self.text[start:end].rsplit(maxsplit=1)[-1:]
        noun = noun[0].lower().strip(".,") if noun else ""
        if noun not in DOCUMENT_NOUNS and noun not in AUTHORED_NOUNS and noun not in EVIDENCE_NOUNS:
            return None  # most mentions: no document ("a Toronto Star investigation" is one)
        words = list(map(re.Match.span, _WORD.finditer(self.text, start, end)))
        if len(words) < 2:
            return None
        runs = name_runs(self.text, start, words[-1][0])
        if not runs or self.text[runs[-1][1]:words[-1][0]].strip():
            return None
        maker_start, maker_end = runs[-1]
        before = [word for word in self.text[start:maker_start].split() if word[:1].islower()]
        if len(before) > 3 or any(word in PERSON_NOUNS or word.endswith("ing") or word == "of" for word in before):
            # "a judge handling a ... lawsuit", "78 percent of voters in a CBS News poll", "a POLITICO
            # analysis of FEC records": what the mention names is not the document the name made.
            return None
        if self.text[maker_start:maker_end].lower() in QUANTITY_WORDS:
            return None  # "One message"
        for word in _NAME_WORD.finditer(self.text, maker_start, maker_end):
            # "An August PBO report" is the PBO's.
            if word.end() == maker_end or word.group().lower() not in _NOT_OPENING_MAKERS:
                maker_start = word.start()
                break
        maker = self.text[maker_start:maker_end]
        if _without_possessive(maker.split()[-1]).lower() in NOT_AUTHORS:
            return None  # "Tuesday's results"
        if maker_start == start and " " not in maker and not maker.isupper() and self._opens_sentence(start):
            return None  # "Exit polls", "Early polls", "Lobbying records": capitalised as a sentence's first word
        entity = self.resolve(maker_start, maker_end, depth + 1)
        if entity is None or entity.kind not in ("person", "organisation"):
            return None
        if noun in POLL_NOUNS and entity.kind == "person" and not entity.personal and len(entity.tokens) == 1:
            entity.kind = "organisation"  # "a new Gallup poll": a pollster, though Gallup is a surname
        return entity

    def _named(self, start, end):
        """The entity named in a mention; its head is the last name in it ("Belarus opposition
        leader Svetlana Tikhanovskaya"), but not a person after "for"/"of" ("a spokesman for X")."""
        key = (start, end)
        if key not in self._named_memo:  # each speaker's mention is read when indexed and when resolved
            self._named_memo[key] = self._read_name(start, end)
        return self._named_memo[key]

    def _read_name(self, start, end):
        of = _OF.search(self.text, start, end)
        if of and self._from_somewhere(start, of.start(), end):
            end = of.start()  # "voter Jason Gilbert of Cheyenne" is Jason Gilbert
        for run_start, run_end in reversed(name_runs(self.text, start, end)):
            if _TAIL.match(self.text, run_end, end).end() != end:
                continue  # a modifier ("Exit polls", "White House officials"), not the head
            found = self._name_tokens(run_start, run_end, strip_nouns=True)
            if found is None:
                continue
            head = found[2][-1].lower()
            if (head in PERSON_NOUNS or head in ORGANISATION_NOUNS) and \
                    _DETERMINER_BEFORE.search(self.text, max(0, run_start - 5), run_start) and \
                    (head in PERSON_NOUNS or len(found[2]) < 2 or self._in_headline(run_start)):
                # "the Kentucky Republican": a description, not a name; but a body's name
                # capitalised through ("the State Department", "the Supreme Court") is its name.
                continue
            entity = self._lookup(found[2])
            if entity is None or entity.kind in ("event", "work"):
                continue
            if entity.kind == "person":
                gender = self._namesake_gender(run_start, run_end, [t.lower() for t in found[2]])
                entity = self._namesake(entity, gender) or entity
            # "a spokesman for Trudeau", "a judge in Ohio": who speaks is the one described, not
            # a person or place after the preposition; but "the government in Beijing" is Beijing's.
            preceding = self.text[max(start, run_start - 30):run_start].lower().split()
            if preceding and preceding[-1] in MENTION_PREPOSITIONS and entity.kind != "organisation" \
                    and not (preceding[-1] == "in" and preceding[-2:-1] and preceding[-2] in GOVERNMENT_HEADS):
                continue
            # A body speaks through its spokesman, its lawyer or its statement ("a spokesman for the
            # Kremlin"), not through a graduate, a director or a member of it, who speak for themselves.
            if preceding[-1:] and preceding[-1] in DETERMINERS:
                preceding = preceding[:-1]
            if entity.kind == "organisation" and len(preceding) > 1 and preceding[-1] in MENTION_PREPOSITIONS \
                    and preceding[-2] not in SPEAKS_FOR_HEADS:
                continue
            return entity
        return None

    def _from_somewhere(self, start, of_start, end):
        """Whether the "of ..." at of_start says where the person named just before it is from."""
        runs = name_runs(self.text, start, of_start)
        if not runs or self.text[runs[-1][1]:of_start].strip():
            return False
        words = self.text[runs[-1][0]:end].split()
        return _before_origin(words) < len(words)

    def _lookup(self, tokens):
        lowered = [t.lower() for t in tokens]
        self._complete(_last_name_word(lowered))
        if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
            spelled_out = self._spelled_out(tokens[0])
            if spelled_out:
                for word in spelled_out:
                    self._complete(word.lower())
                lowered = [t.lower() for t in spelled_out]
        return (self._by_key.get(" ".join(lowered)) or self._by_key.get(_last_name_word(lowered))
                or (self._variant(lowered[-1]) if len(tokens) == 1 else None))

    def _antecedent(self, position, wanted, depth, sort=None, said=None):
        """The entity a pronoun at `position` refers to; wanted: its (gender, number), gender
        "p" for any person (a description: "the rookie defenceman"); sort: the sort of body a
        description names (see ORGANISATION_SORTS), which a body of another sort is not; said:
        where what the pronoun says starts when that comes before it, whose names it is not."""
        gender, number = wanted
        if sort is not None:
            def compatible(candidate, gender, number, depth):
                entity = self._compatible(candidate, gender, number, depth)
                return entity if entity is not None and _of_sort(entity, sort) else None
        else:
            compatible = self._compatible
        sentence = bisect_right(self.sentence_starts, position) - 1
        if sentence < 0:
            return None
        # "Schniederjans, who he calls a good ball-striker": the "who" is the object of the
        # pronoun's own clause, so whom it stands for is not the pronoun.
        relative = _RELATIVE_BEFORE.search(self.text, max(0, position - 8), position)
        said = position if said is None else min(said, position)
        for candidate in reversed(self._candidates(sentence)):
            if candidate[0] < said:
                between = self.text[candidate[1]:position]
                if not between.strip(" ,"):
                    continue  # "Schumer, he said, knows ...": who the words are about, not who says them
                if relative and not self.text[candidate[1]:relative.start()].strip(" ,"):
                    continue
                if number == "pl" and self._in_pair_of_people(candidate, sentence):
                    return None
                entity = compatible(candidate, gender, number, depth)
                if entity is not None:
                    return entity
        for back in range(sentence - 1, max(-1, sentence - 1 - _ANTECEDENT_SENTENCES), -1):
            # Subjects come first, and a possessive ("For his part, Brooks said") is no subject.
            candidates = sorted(self._candidates(back), key=self._salience)
            for candidate in candidates:
                if self._someone_unnamed(candidate, gender, number) and not any(
                        other[2] != "description" and (other[0] >= candidate[1] or other[1] <= candidate[0])
                        and compatible(other, gender, number, depth) for other in candidates):
                    return None  # "A reporter asked Sanders ... He replied": someone else there may be the one
                if number == "pl" and self._in_pair_of_people(candidate, back):
                    return None
                entity = compatible(candidate, gender, number, depth)
                if entity is not None:
                    return entity
        if gender not in ("m", "f"):
            return None
        # A story about one person says "she" long after her name: the nearest earlier name
        # of a person of that gender, however far back.
        before = bisect_left(self.name_starts, self.sentences[sentence][0])
        for start, end in reversed(self.names[max(0, before - _DESCRIBED_NAMES):before]):
            entity = self._entity_at(start, end)
            if entity is not None and entity.kind == "person" and entity.personal and entity.gender == gender:
                return entity
        return None

    def _in_pair_of_people(self, candidate, sentence):
        """Whether a name candidate is one of two people named together ("Tore Sohlberg and Lehla
        Abreder"): "they" then stands for the two, whom no one entity is, not for a body further back."""
        if candidate[2] != "name":
            return False
        names = [c for c in self._candidates(sentence) if c[2] == "name"]
        index = names.index(candidate)
        pairs = [(names[j], names[j + 1]) for j in (index - 1, index) if 0 <= j < len(names) - 1]  # before, after
        return any(_AND.fullmatch(self.text, first[1], second[0]) and all(
            (entity := self._entity_at(start, end)) is not None and entity.kind == "person"
            for start, end, _ in (first, second)) for first, second in pairs)

    def _someone_unnamed(self, candidate, gender, number):
        """Whether the candidate is an indefinite description of a person the pronoun may stand
        for ("a private security professional told Reuters ... he said"): someone the article
        does not name, whom no earlier name is."""
        start, end, kind = candidate
        if kind != "description" or number != "sg" or gender not in ("m", "f", "p"):
            return False
        words = self.text[start:end].lower().split()
        if len(words) < 2 or words[0] not in INDEFINITE_OPENERS:
            return False
        if _NAME_AFTER_DESCRIPTION.match(self.text, end):
            return False  # "Another pollster, David Woodard, said": named after all
        head = next((w for w in words[1:] if w in PERSON_NOUNS or w in _AFTER_HEAD), None)
        if head not in PERSON_NOUNS:
            return False
        said = "f" if head in FEMALE_NOUNS else "m" if head in MALE_NOUNS else None
        return said is None or gender in (said, "p")

    def _salience(self, candidate):
        """Order of candidates in an earlier sentence: those who speak in the article first
        ("..., Scheer insists"), then other names and subject pronouns; a possessive ("For his
        part, Brooks said") is no subject and comes last."""
        start, end, kind = candidate
        if kind == "pronoun":
            return 2 if self.text[start:end].lower() in POSSESSIVES else 1
        if kind == "name":
            if self.text[start:end].endswith(("'s", "’s")) or self.text.startswith(("'s", "’s"), end):
                return 2  # "Holt's colleague Matt Lauer": the possessor is no subject either
            entity = self._entity_at(start, end)
            return 0 if entity is not None and entity.spoke and entity.personal else 1
        return 1

    def _compatible(self, candidate, gender, number, depth):
        start, end, kind = candidate
        if kind == "name" and _ADDRESSED.search(self.text, max(0, start - 12), start):
            return None  # "Asked what he would tell John Tory, he said": the addressee is not "he"
        if kind == "name":
            entity = self._entity_at(start, end)
        else:
            entity = self.resolve(start, end, depth + 1)
        if entity is None:
            return None
        if gender in ("m", "f", "p"):
            # A full name of no known given name may be a person's ("Mamadou Dia"), and so may
            # a surname alone ("Mulder"), but not one after an article ("the Kinder Morgan
            # pipeline"): that one is a modifier.
            probable = (kind == "name" and not _DETERMINER_BEFORE.search(self.text, max(0, start - 5), start)
                        and (len(entity.tokens) > 1 or entity.tokens[-1].lower() in surnames()
                             and entity.tokens[-1].lower() not in given_names()))
            ok = (entity.kind == "person" and entity.gender in (None, gender if gender != "p" else entity.gender)
                  and (entity.personal or probable))
        elif gender == "n":
            ok = entity.kind in ("organisation", "place")
        elif gender == "o":
            ok = entity.kind == "organisation"
        else:
            ok = entity.kind == "organisation"  # "they": a body or a group, never one person
        return entity if ok else None

    def _described(self, start, end, phrase):
        """The entity a definite description refers to: the one introduced with its words."""
        words = [w for w in _WORD.findall(phrase)]
        if not words or words[0] not in ("the", "this", "that"):
            return None
        # "the former secretary of state", "the president of Judicial Watch": the head comes
        # before "of"; what follows is whom its holder is introduced with, like a modifier.
        complement = []
        if "of" in words:
            cut = words.index("of")
            words, complement = words[:cut], [w for w in words[cut + 1:] if w not in NAME_FUNCTION_WORDS]
        content = [w for w in words[1:] if w not in NAME_FUNCTION_WORDS]
        if not content:
            return None
        head = content[-1]
        kind = ("organisation" if head in ORGANISATION_NOUNS or " ".join(content[-2:]) in ORGANISATION_NOUNS
                else "person" if head in PERSON_NOUNS else None)
        if kind is None:
            return None  # "the tweet", "the remarks": not someone who speaks
        # "a justice official said ... the official said": the one that mention brought in, unless
        # a name comes after it with the description's words just before it ("A federal judge
        # has ordered ... U.S. District Judge Gonzalo Curiel ... The judge").
        introduction = self._unnamed_before(start, head) if kind == "person" else None
        before = bisect_left(self.name_starts, start)
        since = bisect_left(self.name_starts, introduction[1]) if introduction else 0
        key = (" ".join(content), " ".join(complement), before, since)
        if key not in self._descriptions:
            self._descriptions[key] = self._introduced(content, kind, before, complement, since)
        found, titled = self._descriptions[key]
        if not titled and not head.endswith("s"):
            # A title just before a name soon after says more than words around an earlier one.
            found = self._named_next(content, kind, end) or found
        if introduction is not None and not titled:
            return self.resolve(*introduction, 1)
        if found is None and not complement and not (head.endswith("s") and head in PERSON_NOUNS):
            # No introduction holds its words ("the rookie defenceman", "the agency"): the
            # entity of its kind a reader takes it for, as for a pronoun. Not for a plural
            # ("the residents"), which is nobody in particular.
            gender = "f" if head in FEMALE_NOUNS else "m" if head in MALE_NOUNS else "p"
            if kind == "person":
                found = self._antecedent(start, (gender, "sg"), 1)
            else:
                found = self._antecedent(start, ("o", "sg"), 1, ORGANISATION_SORTS.get(head))
        return found

    def _unnamed_before(self, position, head):
        """The last speaker mention before `position` that brings in someone unnamed by this
        head noun ("a justice official", "a spokesman for the Kremlin"), when it is the last
        mention with that head: a definite description after it ("the official") may be the same one."""
        at = bisect_left(self.descriptions, (position,))
        for start, end in reversed(self.descriptions[max(0, at - _UNNAMED_MENTIONS):at]):
            words = self.text[start:end].lower().split()
            own = next((i for i, word in enumerate(words) if word in _AFTER_HEAD), len(words))
            if own < 2 or words[own - 1] != head:
                continue
            if words[0] in INDEFINITE_OPENERS and not _NAME_AFTER_DESCRIPTION.match(self.text, end):
                return start, end
            return None
        return None

    def _introduced(self, content, kind, before, complement=(), since=0):
        """The established entity among the names from index `since` to `before` whose introduction
        holds the description's words (content: its words without function words, complement:
        those after its "of"), or None; and whether all of content stands just before its name
        ("WHL commissioner Ron Robison")."""
        head = content[-1]
        wanted = set()
        for word in (*content, *complement):
            wanted.add(_stem(word))
            wanted.update(_stem(s) for s in DESCRIPTION_SYNONYMS.get(word, ()))
        modifiers = {_stem(w) for w in (*content[:-1], *complement)}
        heads = {_stem(head), *(_stem(s) for s in DESCRIPTION_SYNONYMS.get(head, ()))}
        head_stem, unmodified = _stem(head), wanted - modifiers
        if kind == "person" and head.endswith("s") and head in PERSON_NOUNS:
            return None, False  # "the shelter residents": a group, not anyone named
        best, best_score, titled = None, 0, False
        sort = ORGANISATION_SORTS.get(head)
        if self._lowered is None:
            self._lowered = self.text.lower()
        # A stem is the start of a word in lower case: where the lower-case text holds no head
        # stem, no word there has it, and the words need not be stemmed. (Not where lower case
        # changes the text's length, as for "İ": then its offsets are not the text's.)
        find = self._lowered.find if len(self._lowered) == len(self.text) else None
        for candidate_start, candidate_end in self.names[max(since, before - _DESCRIBED_NAMES):before]:
            # The words around a name first: they rule most names out before the name is read.
            if find is not None:
                index = bisect_right(self.sentence_starts, candidate_start) - 1
                sentence_start, sentence_end = self.sentences[index] if index >= 0 else (0, 0)
                near_start = max(0, candidate_start - _NEAR_NAME)
                for stem in heads:
                    if find(stem, sentence_start, sentence_end) >= 0 or find(stem, near_start, candidate_end) >= 0:
                        break
                else:
                    continue
            sentence = self._sentence_stems(candidate_start)
            near = self._near_stems(candidate_start, candidate_end)
            if heads.isdisjoint(sentence) and heads.isdisjoint(near):
                continue  # a modifier alone ("the Republican nominee's daughter") introduces no "GOP candidate"
            entity = self._entity_at(candidate_start, candidate_end)
            if entity is None or not entity.established or entity.kind != kind:
                continue
            if kind == "organisation" and sort != "study" and not _of_sort(entity, sort):
                # "told The Post that the company offers ...": the company is no outlet; but a
                # poll or a report is introduced with whoever made it, of any sort.
                continue
            if kind == "person" and not entity.personal and (
                    len(entity.tokens) < 2 or _DETERMINER_BEFORE.search(self.text, max(0, candidate_start - 5), candidate_start)):
                continue  # "the Carolina right wing", "the Tesla Model 3": a team, a product, not a person
            if kind == "person" and modifiers and modifiers.isdisjoint(sentence) and modifiers.isdisjoint(near):
                continue  # "the Wisconsin Republican" is not a Republican introduced with nothing of Wisconsin
            score = len(wanted & sentence)
            if head_stem in near or not unmodified.isdisjoint(near):
                score += 1
            # Of as good a fit, the later one, but not a namesake mentioned less ("The GOP
            # candidate" after "Ivanka Trump" is still her father).
            if score > best_score or score == best_score > 0 and (
                    entity is best or entity not in best.namesakes and best not in entity.namesakes
                    or entity.mentions >= best.mentions):
                best, best_score = entity, score
                titled = {_stem(word) for word in content} <= near
        return best, titled

    def _named_next(self, content, kind, position):
        """The entity named soon after `position` right after the words of the description:
        "the WHL commissioner said ... WHL commissioner Ron Robison said"."""
        wanted = [_stem(word) for word in content]
        sentence = bisect_right(self.sentence_starts, position) - 1
        limit = self.sentences[min(len(self.sentences) - 1, sentence + _CATAPHORA_SENTENCES)][1]
        index = bisect_left(self.name_starts, position)
        for start, end in self.names[index:index + _CATAPHORA_NAMES]:
            if start >= limit:
                break
            entity = self._entity_at(start, end)
            just_before = [_stem(w.lower()) for w in _WORD.findall(self.text, max(0, start - 60), start)]
            if entity is not None and entity.kind == kind and just_before[-len(wanted):] == wanted:
                return entity
        return None

    def _near_stems(self, start, end):
        """Stems of a name and the words just before it ("opposition leader Svetlana ...")."""
        stems = self._near.get(start)
        if stems is None:
            stems = self._near[start] = set(map(_stem, map(str.lower, _WORD.findall(self.text, max(0, start - _NEAR_NAME), end))))
        return stems

    def _sentence_stems(self, position):
        sentence = bisect_right(self.sentence_starts, position) - 1
        stems = self._stems.get(sentence)
        if stems is None:
            start, end = self.sentences[sentence] if sentence >= 0 else (0, 0)
            stems = self._stems[sentence] = set(map(_stem, map(str.lower, _WORD.findall(self.text, start, end))))
        return stems
