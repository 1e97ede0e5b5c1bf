"""Speakers across articles: one row per real person or organisation, whatever the spelling.

An article gives, per statement, the fullest form of the speaker's name it holds. This module
finds the other forms the article uses ("Tikhanovskaya" beside "Svetlana Tikhonovskaya") and
the roles it gives ("Belarus opposition leader"), and maps each name to a stored speaker:
an alias seen before, else a transliteration variant of a known full name, else (for a
surname alone) the one known person with that surname, else a new speaker.

What the user decides with `merge`, `split` and `rename` is stored as aliases and names marked
`source = 'user'`; later ingests find those aliases first and never move them.
"""
import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from nltk.metrics.distance import edit_distance, jaro_winkler_similarity

from . import claims

# Honorifics and titles dropped from the front of a name to compare it (kept as roles).
TITLES = frozenset((
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sen",
    "senator", "rep", "gov", "governor", "gen", "general", "president", "vice", "prime",
    "minister", "secretary", "chancellor", "mayor", "judge", "rev", "pope", "king", "queen",
    "prince", "princess", "col", "colonel", "capt", "captain", "premier", "ambassador", "chief",
))
# Nouns that end a role phrase: "Belarus opposition leader", "foreign minister".
ROLE_HEADS = frozenset((
    "leader", "president", "minister", "dictator", "senator", "governor", "chancellor",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "ambassador", "mayor", "candidate", "nominee", "ceo", "director", "chief", "head", "official",
    "commander", "general", "king", "queen", "premier", "envoy", "adviser", "advisor", "analyst",
    "lawmaker", "activist", "judge", "founder", "economist", "professor", "representative",
    "congressman", "congresswoman", "prosecutor", "lawyer", "attorney", "strategist", "negotiator",
))
# Lower-case words that may stand inside a role phrase before its head.
ROLE_MODIFIERS = frozenset((
    "opposition", "former", "foreign", "prime", "vice", "deputy", "defense", "defence", "finance",
    "interior", "health", "acting", "press", "executive", "party", "state", "senior", "top",
    "interim", "exiled", "veteran", "chief", "general", "national", "security", "economy",
    "economic", "trade", "justice", "education", "energy", "military", "campaign", "government",
    "presidential", "independent",
))
# Words that can open a capitalised run without being part of a name.
NOT_NAME_WORDS = frozenset((
    "the", "a", "an", "but", "and", "however", "although", "while", "when", "after", "before",
    "in", "on", "at", "as", "if", "so", "yet", "this", "that", "these", "those", "there", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "my", "much",
    "many", "some", "for", "with", "by", "from", "to", "of", "meanwhile",
))
PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"))
KINDS = ("person", "organisation")

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’')\]]*\s+|\n|^)")


def fold(text):
    """Lower case, accents and marks dropped: 'Tichanóvskaja' -> 'tichanovskaja'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Name computations are pure and the same names recur in every article (and pairwise within
# one): cached, with bounds so a long ingest's memory stays flat.
@lru_cache(maxsize=65536)
def name_tokens(name):
    """The words of a name (a tuple), folded, possessive and leading titles dropped."""
    tokens = [_POSSESSIVE.sub("", fold(w)).strip(".-") for w in _WORD.findall(name)]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in TITLES:
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


def names_match(tokens, other):
    """Whether two person names (as `name_tokens`) can be the same person.

    A surname alone matches a name with that surname; full names need the surname and the
    given name to agree (a given name may be an initial)."""
    if not tokens or not other or not same_word(tokens[-1], other[-1]):
        return False
    if len(tokens) == 1 or len(other) == 1:
        return True
    return same_given_name(tokens[0], other[0])


def block_of(tokens):
    """What candidates are fetched by: the first letter and the length of the surname's skeleton."""
    surname = skeleton(tokens[-1]) if tokens else ""
    return f"{surname[:1]}{len(surname)}"


def neighbour_blocks(tokens):
    """The blocks a spelling of this surname can be in: `same_word` allows no more length change."""
    surname = skeleton(tokens[-1])
    reach = max(1, len(surname) // 5) + 1
    return [f"{surname[:1]}{n}" for n in range(max(1, len(surname) - reach), len(surname) + reach + 1)]


def is_name(text):
    """A proper name rather than a pronoun or a description ('the opposition leader')."""
    if not text:
        return False
    words = text.split()
    return (text.strip().lower() not in PRONOUNS and words[0].lower() not in ("the", "a", "an")
            and any(w[:1].isupper() for w in words))


def strip_titles(surface):
    """(title words, the rest) of a name's surface form: ('President', 'Alexander Lukashenko')."""
    words = surface.split()
    cut = 0
    while cut < len(words) - 1 and _POSSESSIVE.sub("", fold(words[cut])).strip(".") in TITLES:
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
        sentence_start = match.end()
    words = text[sentence_start:start].split()
    role = []
    for word in reversed(words):
        bare = word.strip("[](),")
        if bare != word and role:
            break
        lower = bare.lower()
        if not bare.replace("-", "").isalpha() or lower in NOT_NAME_WORDS:
            break
        if not (bare[0].isupper() or lower in ROLE_MODIFIERS or lower in ROLE_HEADS):
            break
        role.insert(0, bare)
    while role and role[-1].lower() not in ROLE_HEADS:
        role.pop()  # the words right before the name must end on a role noun, else no role
    return " ".join(role)


def description_role(mention):
    """'the opposition leader' -> 'opposition leader'; '' when the mention is no role description."""
    if not mention:
        return ""
    words = mention.split()
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if words and words[-1].lower() in ROLE_HEADS and all(w.lower() not in PRONOUNS for w in words):
        return " ".join(words)
    return ""


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
            for occurrence in re.finditer(re.escape(alias), text):
                speaker.add_role(role_before(text, occurrence.start()))
    return found


def _aliases_with_key(db, key):
    cursor = db.execute(
        """select speaker_aliases.speaker_id, speaker_aliases.source, speakers.name
        from speaker_aliases join speakers on speakers.id = speaker_aliases.speaker_id
        where speaker_aliases.key = ?""",
        [key],
    )
    return [dict(zip(("speaker_id", "source", "name"), row)) for row in cursor]


def find_speaker(db, name, kind=None):
    """The stored speaker `name` (a surface form) refers to, or None when it is no one known yet."""
    tokens = name_tokens(name)
    key = " ".join(tokens)
    if not key:
        return None
    exact = _aliases_with_key(db, key)
    by_speaker = {row["speaker_id"]: row for row in exact}
    if len(by_speaker) == 1:
        return next(iter(by_speaker))
    named_so = [i for i, row in by_speaker.items() if name_key(row["name"]) == key]
    if named_so:
        return named_so[0]
    user_placed = sorted(i for i, row in by_speaker.items() if row["source"] == "user")
    if len(user_placed) == 1:
        return user_placed[0]
    if by_speaker and len(tokens) > 1:
        return min(by_speaker)
    if by_speaker or kind == "organisation":
        return None  # a surname several known people have, or an organisation seen under no such name
    blocks = neighbour_blocks(tokens)
    candidates = db.execute(
        f"""select speaker_aliases.speaker_id, speaker_aliases.key from speaker_aliases
        join speakers on speakers.id = speaker_aliases.speaker_id
        where speaker_aliases.block in ({', '.join('?' * len(blocks))})
          and coalesce(speakers.kind, '') != 'organisation'""",
        blocks,
    )
    matching = {speaker_id for speaker_id, key in candidates if names_match(tokens, key.split())}
    # One known person only: a surname several people share, or a spelling close to two names, is no one yet.
    return next(iter(matching)) if len(matching) == 1 else None


def save_alias(db, speaker_id, alias, source="article"):
    """Record `alias` for the speaker, unless the user placed that spelling with another speaker."""
    tokens = name_tokens(alias)
    if not tokens:
        return
    key = " ".join(tokens)
    placed_elsewhere = db.execute(
        "select 1 from speaker_aliases where key = ? and source = 'user' and speaker_id != ?", [key, speaker_id]
    ).fetchone()
    if placed_elsewhere and source != "user":
        return
    db.execute(
        f"insert or {'replace' if source == 'user' else 'ignore'} into speaker_aliases"
        " (speaker_id, alias, key, block, source) values (?, ?, ?, ?, ?)",
        [speaker_id, alias, key, block_of(tokens), source],
    )


def _name_is_fuller(new, old):
    return len(name_tokens(new)) > len(name_tokens(old))


def save_article_speaker(db, speaker):
    """The id of the stored speaker for an `ArticleSpeaker`, created or brought up to date."""
    speaker_id = None
    for alias in sorted(speaker.aliases, key=lambda a: (-len(name_tokens(a)), a)):
        speaker_id = find_speaker(db, alias, speaker.kind)
        if speaker_id is not None:
            break
    if speaker_id is None:
        # A speaker of that very name with no such alias: stored before aliases existed.
        same_name = db.execute("select id from speakers where name = ?", [speaker.name]).fetchone()
        speaker_id = same_name[0] if same_name else None
    if speaker_id is None:
        speaker_id = db.execute(
            "insert into speakers (name, kind, roles, name_source) values (?, ?, ?, 'article')",
            [speaker.name, speaker.kind, json.dumps(speaker.roles)],
        ).lastrowid
    else:
        name, kind, stored_roles, name_source = db.execute(
            "select name, kind, roles, name_source from speakers where id = ?", [speaker_id]
        ).fetchone()
        roles = json.loads(stored_roles or "[]")
        known = {x.lower() for x in roles}
        new_roles = [r for r in speaker.roles if r.lower() not in known]
        fuller_name = name_source != "user" and _name_is_fuller(speaker.name, name) and not db.execute(
            "select 1 from speakers where name = ?", [speaker.name]
        ).fetchone()
        if new_roles or fuller_name or (not kind and speaker.kind):  # most ingests change nothing
            db.execute("update speakers set name = ?, kind = ?, roles = ? where id = ?",
                       [speaker.name if fuller_name else name, kind or speaker.kind,
                        json.dumps(roles + new_roles), speaker_id])
    for alias in speaker.aliases:
        save_alias(db, speaker_id, alias)
    return speaker_id


def save_article_speakers(db, found):
    """{speaker name as the extractor gave it: speaker id} for an article's `article_speakers`."""
    return {name: save_article_speaker(db, speaker) for name, speaker in found.items()}


def remove_unused_speakers(db, speaker_ids):
    """Drop speakers left with no statement (after a re-extraction), unless the user curated them."""
    for speaker_id in speaker_ids:
        if speaker_id is None:
            continue
        used = db.execute("select 1 from quotes where speaker_id = ? limit 1", [speaker_id]).fetchone()
        curated = db.execute(
            """select 1 from speakers where id = ? and (name_source = 'user'
            or exists (select 1 from speaker_aliases where speaker_id = speakers.id and source = 'user'))""",
            [speaker_id],
        ).fetchone()
        if not used and not curated:
            db.execute("delete from claim_terms where claim_id in (select id from claims where speaker_id = ?)", [speaker_id])
            db.execute("delete from claim_sources where claim_id in (select id from claims where speaker_id = ?)", [speaker_id])
            db.execute("delete from claims where speaker_id = ?", [speaker_id])
            db.execute("delete from speaker_aliases where speaker_id = ?", [speaker_id])
            db.execute("delete from speakers where id = ?", [speaker_id])


# Curation: what the user decides. Each runs inside the caller's transaction and is logged.

class CurationError(ValueError):
    pass


def _log(db, action, speaker_id, detail):
    db["speaker_curations"].insert({
        "at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "action": action, "speaker_id": speaker_id, "detail": json.dumps(detail, ensure_ascii=False),
    })


def lookup(db, reference):
    """A speaker id from an id, a name or any alias; CurationError when none or several match."""
    if str(reference).isdigit() and db["speakers"].count_where("id = ?", [int(reference)]):
        return int(reference)
    ids = {row["id"] for row in db.query("select id from speakers where name = ?", [reference])}
    if not ids:
        ids = {row["speaker_id"] for row in _aliases_with_key(db, name_key(reference))}
    if len(ids) != 1:
        raise CurationError(f"{'no speaker' if not ids else 'several speakers'} match {reference!r}"
                            + (f": ids {sorted(ids)}" if ids else ""))
    return ids.pop()


def merge(db, keep_id, other_ids):
    """Make the speakers `other_ids` one with `keep_id`: their quotes, aliases and roles move to it,
    their names become its aliases, and their claims join its claims where they are the same."""
    keep = db["speakers"].get(keep_id)
    roles = json.loads(keep["roles"] or "[]")
    for other_id in other_ids:
        if other_id == keep_id:
            continue
        other = db["speakers"].get(other_id)
        roles += [r for r in json.loads(other["roles"] or "[]") if r not in roles]
        for alias in list(db.query("select alias from speaker_aliases where speaker_id = ?", [other_id])):
            save_alias(db, keep_id, alias["alias"], source="user")
        save_alias(db, keep_id, other["name"], source="user")
        db.execute("delete from speaker_aliases where speaker_id = ?", [other_id])
        moved_quotes = [r[0] for r in db.execute("select id from quotes where speaker_id = ?", [other_id])]
        db.execute("update quotes set speaker_id = ? where speaker_id = ?", [keep_id, other_id])
        claims.regroup(db, moved_quotes)
        db.execute("delete from speakers where id = ?", [other_id])
        _log(db, "merge", keep_id, {"merged": other["name"], "merged_id": other_id})
    save_alias(db, keep_id, keep["name"], source="user")
    db["speakers"].update(keep_id, {"roles": json.dumps(roles)})


def split(db, speaker_id, aliases, new_name=None):
    """Move the spellings `aliases` of a speaker, and the statements made under them, to a new
    speaker named `new_name` (default: the first alias). Returns the new speaker's id."""
    keys = {name_key(a) for a in aliases}
    known = {row["key"] for row in db.query("select key from speaker_aliases where speaker_id = ?", [speaker_id])}
    unknown = [a for a in aliases if name_key(a) not in known]
    if unknown:
        raise CurationError(f"speaker {speaker_id} has no alias {', '.join(map(repr, unknown))}")
    name = new_name or aliases[0]
    if db.execute("select 1 from speakers where name = ?", [name]).fetchone():
        raise CurationError(f"a speaker named {name!r} exists already: merge into it instead")
    old = db["speakers"].get(speaker_id)
    new_id = db["speakers"].insert(
        {"name": name, "kind": old["kind"], "roles": "[]", "name_source": "user"}
    ).last_pk
    moving = [
        row["id"] for row in db.query(
            "select id, speaker_name, speaker_mention from quotes where speaker_id = ?", [speaker_id]
        ) if name_key(row["speaker_name"] or "") in keys or name_key(row["speaker_mention"] or "") in keys
    ]
    for row in list(db.query("select alias from speaker_aliases where speaker_id = ?", [speaker_id])):
        if name_key(row["alias"]) in keys:
            db.execute("delete from speaker_aliases where speaker_id = ? and alias = ?", [speaker_id, row["alias"]])
            save_alias(db, new_id, row["alias"], source="user")
    save_alias(db, new_id, name, source="user")
    # What stays is now the user's word too: no later ingest gives those spellings to another speaker.
    for alias in list(db.query("select alias from speaker_aliases where speaker_id = ?", [speaker_id])):
        save_alias(db, speaker_id, alias["alias"], source="user")
    if moving:
        db.execute(
            f"update quotes set speaker_id = ? where id in ({', '.join('?' * len(moving))})", [new_id, *moving]
        )
        claims.regroup(db, moving)
    _log(db, "split", speaker_id, {"new_id": new_id, "name": name, "aliases": sorted(aliases), "quotes": len(moving)})
    return new_id


def rename(db, speaker_id, name):
    """Give a speaker the name `name`, kept by later ingests; the old name stays an alias."""
    clash = db.execute("select id from speakers where name = ? and id != ?", [name, speaker_id]).fetchone()
    if clash:
        raise CurationError(f"speaker {clash[0]} is named {name!r} already: merge into it instead")
    old = db["speakers"].get(speaker_id)
    save_alias(db, speaker_id, old["name"], source="user")
    save_alias(db, speaker_id, name, source="user")
    db["speakers"].update(speaker_id, {"name": name, "name_source": "user"})
    _log(db, "rename", speaker_id, {"from": old["name"], "to": name})
