"""Names across articles: which spellings are one person's, and what one article says of its speakers.

Pure functions of names and text, no database: `tracker.storage` maps what they find to stored
speakers. An article gives, per statement, the fullest form of the speaker's name it holds;
`article_speakers` finds the other forms the article uses ("Tikhanovskaya" beside "Svetlana
Tikhonovskaya") and the roles it gives ("Belarus opposition leader").

    >>> names_match(name_tokens("S. Tikhanovskaya"), name_tokens("Svetlana Tikhonovskaya"))
    True
    >>> strip_titles("President Alexander Lukashenko")
    ('President', 'Alexander Lukashenko')
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.metrics.distance import edit_distance, jaro_winkler_similarity

from .extract.lexicon import (
    ABBREVIATIONS,
    COURTESY_TITLES,
    MENTION_OPENING_WORDS,
    NAME_ABBREVIATIONS,
    NAME_PRONOUNS,
    NAME_TITLES,
    NOT_NAME_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    TITLES,
    fold,
    surname_first,
)

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’')\]]*\s+|\n|^)")
# Abbreviated ranks are roles as written ("Sen.", "Insp.", "Staff Sgt."); "Mr." and "Jr." are not.
_ABBREVIATED_ROLES = frozenset(a + "." for a in NAME_ABBREVIATIONS if a in TITLES and a not in COURTESY_TITLES)


# Name computations are pure and the same names recur in every article (and pairwise within
# one): cached, with bounds so a long ingest's memory stays flat.
@lru_cache(maxsize=65536)
def name_tokens(name):
    """The words of a name (a tuple), folded, possessive and leading titles dropped."""
    tokens = [_POSSESSIVE.sub("", fold(w)).strip(".-") for w in _WORD.findall(name)]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in NAME_TITLES:
        tokens = tokens[1:]
    return tuple(tokens)


def name_key(name):
    return " ".join(name_tokens(name))


@lru_cache(maxsize=65536)
def skeleton(token):
    """A token with the usual transliteration choices made one way: ks/x, kh/h, y/i, w/v, doubled letters."""
    for variant, chosen in (("ks", "x"), ("kh", "h"), ("ph", "f"), ("y", "i"), ("w", "v"), ("j", "i")):
        token = token.replace(variant, chosen)
    return re.sub(r"(.)\1+", r"\1", token)


def same_word(a, b):
    """Two spellings of one name word: same skeleton, or close (Jaro-Winkler and edit distance) when long."""
    a, b = skeleton(a), skeleton(b)
    if a == b:
        return True
    shorter = min(len(a), len(b))
    allowed_edits = max(1, shorter // 5)
    # The length difference is a lower bound of the edit distance: most pairs stop here, unmeasured.
    return shorter >= 6 and abs(len(a) - len(b)) <= allowed_edits and _close_spellings(a, b, allowed_edits)


@lru_cache(maxsize=65536)
def _close_spellings(a, b, allowed_edits):
    return jaro_winkler_similarity(a, b) >= 0.9 and edit_distance(a, b) <= allowed_edits


def same_given_name(a, b):
    return a[0] == b[0] and (len(a) == 1 or len(b) == 1) or same_word(a, b)


def surname_and_given(tokens):
    """(surname, given name or None) of a person name's tokens (as `name_tokens`): the last
    and the first word, or the other way round in a name written family name first ("Xi Jinping")."""
    if surname_first(tokens):
        return tokens[0], tokens[1]
    return tokens[-1], tokens[0] if len(tokens) > 1 else None


def names_match(tokens, other):
    """Whether two person names (as `name_tokens`) can be the same person.

    A surname alone matches a name with that surname; full names need the surname and the
    given name to agree (a given name may be an initial)."""
    if not tokens or not other:
        return False
    (surname, given), (other_surname, other_given) = surname_and_given(tokens), surname_and_given(other)
    if not same_word(surname, other_surname):
        return False
    if given is None or other_given is None:
        return True
    return same_given_name(given, other_given)


def block_of(tokens):
    """What candidates are fetched by: the first letter and the length of the surname's skeleton."""
    surname = skeleton(surname_and_given(tokens)[0]) if tokens else ""
    return f"{surname[:1]}{len(surname)}"


def neighbour_blocks(tokens):
    """The blocks a spelling of this surname can be in: `same_word` allows no more length change."""
    surname = skeleton(surname_and_given(tokens)[0])
    reach = max(1, len(surname) // 5) + 1
    return [f"{surname[:1]}{n}" for n in range(max(1, len(surname) - reach), len(surname) + reach + 1)]


def is_name(text):
    """A proper name rather than a pronoun or a description ('the opposition leader')."""
    if not text:
        return False
    words = text.split()
    return (text.strip().lower() not in NAME_PRONOUNS and words[0].lower() not in ("the", "a", "an")
            and any(w[:1].isupper() for w in words))


def strip_titles(surface):
    """(title words, the rest) of a name's surface form: ('President', 'Alexander Lukashenko')."""
    words = surface.split()
    cut = 0
    while cut < len(words) - 1 and _POSSESSIVE.sub("", fold(words[cut])).strip(".") in NAME_TITLES:
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


@dataclass
class ArticleSpeaker:
    """What one article says about one speaker."""
    name: str
    kind: str = None
    aliases: set = field(default_factory=set)
    roles: list = field(default_factory=list)

    def add_role(self, role):
        role = role.strip()
        if role and role.lower() not in {r.lower() for r in self.roles}:
            self.roles.append(role)


def role_before(text, start):
    """The role phrase standing just before offset `start` ('Belarus opposition leader'), or ''."""
    sentence_start = 0
    for match in _SENTENCE_START.finditer(text, max(0, start - 200), start):
        if not _after_abbreviation(text, match.start()):
            sentence_start = match.end()
    words = text[sentence_start:start].split()
    role = []
    for word in reversed(words):
        bare = word.strip("[](),")
        if bare != word and role:
            break
        lower = bare.lower()
        if lower in _ABBREVIATED_ROLES:
            role.insert(0, bare)
            continue
        if not bare.replace("-", "").isalpha() or lower in NOT_NAME_WORDS or lower in MENTION_OPENING_WORDS:
            break  # "In June Councillor David Brennan": the role is "Councillor"
        if not (bare[0].isupper() or lower in ROLE_MODIFIERS or lower in ROLE_HEADS):
            break
        role.insert(0, bare)
    while role and role[-1].lower() not in ROLE_HEADS and role[-1].lower() not in _ABBREVIATED_ROLES:
        role.pop()  # the words right before the name must end on a role noun, else no role
    return " ".join(role)


def _after_abbreviation(text, period):
    """Whether the period at `period` closes an abbreviation ("Insp.", "Sen."), no sentence."""
    word = text[max(0, period - 12):period].rsplit(None, 1)[-1:]
    return text.startswith(".", period) and bool(word) and word[0].lower().lstrip("([\"“") in ABBREVIATIONS


def description_role(mention):
    """'the opposition leader' -> 'opposition leader'; '' when the mention is no role description."""
    if not mention:
        return ""
    words = mention.split()
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if words and words[-1].lower() in ROLE_HEADS and all(w.lower() not in NAME_PRONOUNS for w in words):
        return " ".join(words)
    return ""


def _occurrences(text, phrase):
    """Where `phrase` starts in `text`, each after the end of the one before: `re.finditer` of the
    escaped phrase without compiling a pattern per phrase (the regex cache cannot hold every name)."""
    start = text.find(phrase)
    while start != -1:
        yield start
        start = text.find(phrase, start + max(1, len(phrase)))


def article_speakers(text, statements):
    """{speaker name: ArticleSpeaker} for the named speakers of `statements` in this article."""
    found = {}
    for statement in statements:
        name = (statement.speaker or "").strip()
        if not is_name(name):
            continue
        titles, bare_name = strip_titles(name)
        speaker = found.setdefault(name, ArticleSpeaker(bare_name))
        speaker.kind = speaker.kind or statement.speaker_kind
        speaker.aliases.add(bare_name)
        if titles:
            speaker.add_role(titles)
        if is_name(statement.speaker_mention) and names_match(name_tokens(statement.speaker_mention), name_tokens(name)):
            speaker.aliases.add(strip_titles(statement.speaker_mention)[1])
        speaker.add_role(description_role(statement.speaker_mention))
    people = {n: s for n, s in found.items() if s.kind != "organisation"}
    for run in _CAPITALISED_RUN.finditer(text):
        words = strip_titles(_POSSESSIVE.sub("", run.group()))[1].split()
        while words and words[0].lower() in NOT_NAME_WORDS:
            words = words[1:]
        if not words or len(words) > 4:
            continue
        surface = " ".join(words)
        tokens = name_tokens(surface)
        for speaker in people.values():
            if names_match(tokens, name_tokens(speaker.name)):
                speaker.aliases.add(surface)
    for speaker in found.values():
        for alias in sorted(speaker.aliases):
            for start in _occurrences(text, alias):
                speaker.add_role(role_before(text, start))
    return found
