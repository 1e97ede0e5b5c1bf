"""The database: its shape, declared once, and every function that writes to it.

Every SQL write of the project is here: articles and their statements, speakers and their
aliases, the user's curation of speakers (merge, split, rename) and the claims statements are
grouped into. What needs no database (extraction, name matching in `tracker.names`, claim terms
in `tracker.claims`; statements come dated by `tracker.extract`) is worked out before, outside the write lock.

Every function takes a `sqlite_utils.Database`, so each can be tried on an
in-memory database. `ensure_db_shape` is idempotent: it is called on every
start and brings an older file up to date without touching its rows.
"""
import array
import bisect
import contextlib
import dataclasses
import datetime
import hashlib
import json
import operator
from collections import Counter
from dataclasses import dataclass

from . import claims, names
from .extract import dates

TABLES = {
    "articles": {
        "columns": {
            "id": int,
            "url": str,
            "title": str,
            "source": str,
            "published": str,
            "author": str,
            "text": str,
            "content_hash": str,
            "ingested_at": str,
            # How it came in: 'text' (a JSON article, a .txt), 'html' (a page), 'feed' (a feed's entry), 'warc'.
            "ingested_via": str,
            "fetched_at": str,
            "canonical_url": str,  # the page's <link rel="canonical">: the same article under another url
        },
        "pk": "id",
    },
    "speakers": {
        # roles: JSON list of the roles and titles articles gave ("Belarus opposition leader");
        # name_source: 'user' once `tracker speakers rename` set the name, which ingests then keep.
        "columns": {"id": int, "name": str, "kind": str, "roles": str, "name_source": str},
        "pk": "id",
    },
    "speaker_aliases": {
        # key: the alias folded for matching; block: the first letter of its surname's skeleton,
        # what fuzzy candidates are fetched by; source: 'article' or 'user' (never moved by ingests);
        # n_articles: how many articles gave this spelling as the speaker's name (see `choose_speaker_name`).
        "columns": {"speaker_id": int, "alias": str, "key": str, "block": str, "source": str, "n_articles": int},
        "pk": ("speaker_id", "alias"),
        "foreign_keys": [("speaker_id", "speakers", "id")],
    },
    "alias_articles": {
        # Which article counted in which alias's n_articles: a re-extraction takes its count back.
        "columns": {"speaker_id": int, "alias": str, "article_id": int},
        "pk": ("speaker_id", "alias", "article_id"),
        "foreign_keys": [("speaker_id", "speakers", "id"), ("article_id", "articles", "id")],
    },
    "speaker_curations": {
        "columns": {"id": int, "at": str, "action": str, "speaker_id": int, "detail": str},
        "pk": "id",
    },
    "claims": {
        "columns": {
            "id": int,
            "speaker_id": int,
            "text": str,
            "first_said": str,
            "last_said": str,
            "n_quotes": int,
            "n_articles": int,
            "n_sources": int,
            "first_article_id": int,
        },
        "pk": "id",
        "foreign_keys": [("speaker_id", "speakers", "id"), ("first_article_id", "articles", "id")],
    },
    "claim_sources": {
        # source: an outlet (an article without one counts as its own); n_articles: its articles holding the claim.
        "columns": {"claim_id": int, "source": str, "n_articles": int},
        "pk": ("claim_id", "source"),
        "foreign_keys": [("claim_id", "claims", "id")],
    },
    "claim_terms": {
        "columns": {"claim_id": int, "speaker_id": int, "term": str},
        "pk": ("claim_id", "term"),
        "foreign_keys": [("claim_id", "claims", "id")],
    },
    "quotes": {
        "columns": {
            "id": int,
            "article_id": int,
            "speaker_id": int,
            "kind": str,
            "text": str,
            "start": int,
            "end": int,
            "speaker_mention": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
            "cue_start": int,
            "cue_end": int,
            "addressee": str,
            "date_mention": str,
            "said_on": str,
            "said_on_basis": str,
            "cue_class": str,
            "speaker_name": str,
            "claim_id": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("article_id", "articles", "id"), ("speaker_id", "speakers", "id"), ("claim_id", "claims", "id"),
        ],
    },
    "feeds": {
        # What `tracker follow` knows of each feed, for its next conditional GET.
        "columns": {"url": str, "etag": str, "last_modified": str, "checked_at": str},
        "pk": "url",
    },
    "feed_entries": {
        # Every entry `tracker follow` has seen, fetched once: article_id when it was stored, else error.
        "columns": {"feed_url": str, "key": str, "link": str, "seen_at": str, "article_id": int, "error": str},
        "pk": ("feed_url", "key"),
        "foreign_keys": [("article_id", "articles", "id")],
    },
}

INDEXES = {
    "articles": [["url"], ["content_hash"], ["published"], ["canonical_url"]],
    "speakers": [["name"]],
    "speaker_aliases": [["key"], ["block"]],
    "alias_articles": [["article_id"]],
    # (speaker_id, n_sources, ...): a speaker's most repeated claims without sorting all of them.
    "claims": [["speaker_id"], ["n_sources", "n_articles", "n_quotes"], ["first_said"],
               ["speaker_id", "n_sources", "n_articles", "n_quotes"]],
    "claim_terms": [["speaker_id", "term", "claim_id"]],
    # (speaker_id, said_on): a speaker's newest or oldest quotes without sorting all of them;
    # (claim_id, said_on): a claim's first and last dates in one lookup.
    # (speaker_id, said_on, kind, speaker_name, speaker_mention): a speaker page's counts by kind, month
    # and spelling read from the index alone, however many statements the speaker has.
    "quotes": [["speaker_id"], ["speaker_id", "said_on"], ["said_on"], ["article_id"], ["claim_id", "said_on"],
               ["speaker_id", "said_on", "kind", "speaker_name", "speaker_mention"]],
}
# A claim's text is its fullest direct quote, else its fullest mixed or indirect statement: its
# first quote in this order, one lookup of this index however many quotes it has.
REPRESENTATIVE_ORDER = "(case kind when 'direct' then 0 when 'mixed' then 1 else 2 end), length(text) desc, id"
EXPRESSION_INDEXES = {
    "quotes_claim_representative": f"quotes (claim_id, {REPRESENTATIVE_ORDER})",
}
# Filled once from the quotes when a file from before it gets the table.
CLAIM_SOURCES_FROM_QUOTES = """
insert into claim_sources (claim_id, source, n_articles)
select quotes.claim_id, coalesce(articles.source, 'article ' || articles.id), count(distinct quotes.article_id)
from quotes join articles on articles.id = quotes.article_id
where quotes.claim_id is not null
group by 1, 2
"""
UNIQUE_INDEXES = {("speakers", "name")}

FTS_CONFIG = {
    "quotes": ["text"],
    "articles": ["title"],
}

VIEWS = {
    "quote_details": """
select
  quotes.id,
  quotes.said_on,
  substr(quotes.said_on, 1, 7) as said_month,
  speakers.name as speaker,
  speakers.kind as speaker_kind,
  quotes.kind,
  quotes.text,
  articles.source,
  articles.published,
  articles.url,
  articles.title,
  quotes.cue,
  quotes.speaker_mention,
  quotes.addressee,
  quotes.date_mention,
  quotes.said_on_basis,
  quotes.claim_id,
  quotes.article_id,
  quotes.speaker_id
from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
""",
    "speaker_details": """
select
  speakers.id,
  speakers.name,
  speakers.kind,
  speakers.roles,
  (select group_concat(alias, '; ') from speaker_aliases where speaker_id = speakers.id) as aliases,
  (select count(*) from quotes where speaker_id = speakers.id) as n_quotes,
  (select count(*) from claims where speaker_id = speakers.id) as n_claims,
  (select min(said_on) from quotes where speaker_id = speakers.id) as first_said,
  (select max(said_on) from quotes where speaker_id = speakers.id) as last_said
from speakers
""",
    "claim_details": """
select
  claims.id,
  speakers.name as speaker,
  claims.text,
  claims.n_sources,
  claims.n_articles,
  claims.n_quotes,
  claims.first_said,
  claims.last_said,
  first.source as first_source,
  first.url as first_url,
  claims.speaker_id
from claims
  left join speakers on speakers.id = claims.speaker_id
  left join articles as first on first.id = claims.first_article_id
""",
}

QUOTE_FIELDS = [
    c for c in TABLES["quotes"]["columns"]
    if c not in ("id", "article_id", "speaker_id", "speaker_name", "claim_id")
]


def configure_connection(db, busy_timeout_ms=10_000):
    """Per-connection settings: SQLite forgets these when a connection closes."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


def ensure_db_shape(db):
    configure_connection(db)
    if db.journal_mode not in ("wal", "memory"):  # an in-memory database has no WAL
        db.enable_wal()
    created = set()
    for name, spec in TABLES.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
            created.add(name)
        else:
            missing = {c: t for c, t in spec["columns"].items() if c not in table.columns_dict}
            for column, column_type in missing.items():
                table.add_column(column, column_type)
            linked = {(fk.column, fk.other_table) for fk in table.foreign_keys}
            for column, other_table, other_column in spec.get("foreign_keys", ()):
                if (column, other_table) not in linked:
                    table.add_foreign_key(column, other_table, other_column)
    for name, index_columns in INDEXES.items():
        for columns in index_columns:
            unique = (name, columns[0]) in UNIQUE_INDEXES
            db[name].create_index(columns, unique=unique, if_not_exists=True)
    for name, definition in EXPRESSION_INDEXES.items():
        db.execute(f"create index if not exists {name} on {definition}")
    if "claim_sources" in created and "quotes" not in created:
        db.execute(CLAIM_SOURCES_FROM_QUOTES)
    for name, columns in FTS_CONFIG.items():
        if not db[f"{name}_fts"].exists():
            db[name].enable_fts(columns, create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


@contextlib.contextmanager
def write_transaction(db):
    """One article, one transaction. IMMEDIATE takes the write lock up front,
    so concurrent writers wait on the busy timeout instead of failing when a
    read transaction tries to become a write transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()  # sqlite-utils 3 has no Database.rollback
        raise
    else:
        db.execute("COMMIT")


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def find_article(db, article):
    """The stored article this one duplicates: same url or canonical url (either of one being either
    of the other), or same text when it has neither."""
    urls = list(dict.fromkeys(u for u in (article.get("url"), article.get("canonical_url")) if u))
    if urls:
        marks = ", ".join("?" * len(urls))
        return db.execute(
            f"select min(id) from articles where url in ({marks}) or canonical_url in ({marks})", urls * 2
        ).fetchone()[0]
    row = db.execute(
        "select id from articles where content_hash = ? and url is null order by id limit 1",
        [content_hash(article["text"])],
    ).fetchone()
    return row[0] if row else None


@dataclass
class PreparedArticle:
    """All of an article's rows that need no database, worked out before taking the write lock."""
    row: dict  # the articles row
    speakers: dict  # {speaker name as extracted: names.ArticleSpeaker}
    quotes: list  # (quotes row without article and ids, its claim terms), in statement order


def prepare_article(article, statements):
    row = {
        "url": article.get("url"),
        "title": article.get("title"),
        "source": article.get("source"),
        "published": article.get("published"),
        "author": article.get("author"),
        "text": article["text"],
        "content_hash": content_hash(article["text"]),
        "ingested_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "ingested_via": article.get("ingested_via", "text"),
        "fetched_at": article.get("fetched_at"),
        "canonical_url": article.get("canonical_url"),
    }
    quotes = []
    # Statements come dated by the extractor; ones made otherwise (by a caller of this
    # function) are dated here the same way, on copies: the caller's objects stay as they are.
    statements = [s if s.said_on_basis is not None else dataclasses.replace(s) for s in statements]
    dates.date_statements(article["text"], [s for s in statements if s.said_on_basis is None],
                          article.get("published"))
    for statement in statements:
        fields = {field: getattr(statement, field) for field in QUOTE_FIELDS}
        quote = {"speaker_name": statement.speaker, **fields}
        quotes.append((quote, claims.terms(statement.text)))
    return PreparedArticle(row, names.article_speakers(article["text"], statements), quotes)


def save_article(db, article, statements, replace_id=None):
    """Store an article and its statements; returns the article id. See `save_prepared`."""
    return save_prepared(db, prepare_article(article, statements), replace_id)


def save_prepared(db, prepared, replace_id=None):
    """Store a `PreparedArticle`; returns the article id.

    With `replace_id`, that article's row is updated and its statements are
    replaced, keeping its id. Call inside `write_transaction`."""
    columns = list(prepared.row)
    replaced = {"claims": set(), "speakers": set(), "named": set()}
    if replace_id is None:
        article_id = db.execute(
            f"insert into articles ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})",
            list(prepared.row.values()),
        ).lastrowid
    else:
        article_id = replace_id
        old_quotes = db.execute("select claim_id, speaker_id from quotes where article_id = ?", [article_id]).fetchall()
        replaced["claims"] = {claim_id for claim_id, _ in old_quotes}
        replaced["speakers"] = {speaker_id for _, speaker_id in old_quotes}
        db.execute("delete from quotes where article_id = ?", [article_id])
        for claim_id, removed in Counter(claim_id for claim_id, _ in old_quotes if claim_id is not None).items():
            quotes_removed(db, claim_id, article_id, removed)
        replaced["named"] = uncount_article_aliases(db, article_id)
        db.execute(f"update articles set {', '.join(f'[{c}] = ?' for c in columns)} where id = ?",
                   [*prepared.row.values(), article_id])
    speaker_ids = save_article_speakers(db, prepared.speakers, article_id)
    for speaker_id in replaced["named"] - set(speaker_ids.values()):
        choose_speaker_name(db, speaker_id)
    added = Counter()
    for quote, quote_terms in prepared.quotes:
        speaker_id = speaker_ids.get((quote["speaker_name"] or "").strip())
        claim_id = claim_for(db, speaker_id, quote["text"], quote_terms)
        row = {**quote, "article_id": article_id, "speaker_id": speaker_id, "claim_id": claim_id}
        db.execute(f"insert into quotes ({', '.join(f'[{c}]' for c in row)}) values ({', '.join('?' * len(row))})",
                   list(row.values()))
        added[claim_id] += 1
    for claim_id, count in added.items():
        quotes_added(db, claim_id, article_id, count)
    refresh_claims(db, replaced["claims"] - set(added), rebuild_terms=True)
    refresh_claims(db, set(added), rebuild_terms=bool(replaced["claims"] & set(added)))
    remove_unused_speakers(db, replaced["speakers"] - set(speaker_ids.values()))
    return article_id


def load_feed(db, url):
    """What `save_feed` kept of the feed at `url` (etag, last_modified, checked_at), or None."""
    rows = list(db.query("select etag, last_modified, checked_at from feeds where url = ?", [url]))
    return rows[0] if rows else None


def save_feed(db, url, etag, last_modified, checked_at):
    """Call inside `write_transaction`, like every save here."""
    db.execute("insert or replace into feeds (url, etag, last_modified, checked_at) values (?, ?, ?, ?)",
               [url, etag, last_modified, checked_at])


def seen_entry_keys(db, feed_url):
    return {row[0] for row in db.execute("select key from feed_entries where feed_url = ?", [feed_url])}


def save_feed_entry(db, feed_url, key, link, seen_at, article_id=None, error=None):
    db.execute("insert or replace into feed_entries (feed_url, key, link, seen_at, article_id, error)"
               " values (?, ?, ?, ?, ?, ?)", [feed_url, key, link, seen_at, article_id, error])


def load_article(db, article_id):
    """The article's metadata and its statements, as the API returns them."""
    rows = list(db.query("select * from articles where id = ?", [article_id]))
    if not rows:
        return None
    article = rows[0]
    article.pop("content_hash")
    columns = ", ".join(f'quotes."{field}"' for field in QUOTE_FIELDS)
    article["statements"] = list(
        db.query(
            f"""
            select quotes.id, speakers.name as speaker, {columns}, quotes.claim_id
            from quotes left join speakers on speakers.id = quotes.speaker_id
            where quotes.article_id = ? order by quotes.start, quotes.id
            """,
            [article_id],
        )
    )
    return article


# Speakers: one row per real person or organisation, whatever the spelling. A name is matched
# to a stored speaker in this order: an alias seen before, else a transliteration variant of a
# known full name, else (for a surname alone) the one known person with that surname, else a new
# speaker. What the user decides with `merge`, `split` and `rename` is stored as aliases and
# names marked source = 'user'; later ingests find those aliases first and never move them.

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
    tokens = names.name_tokens(name)
    key = " ".join(tokens)
    if not key:
        return None
    exact = _aliases_with_key(db, key)
    by_speaker = {row["speaker_id"]: row for row in exact}
    if len(by_speaker) == 1:
        return next(iter(by_speaker))
    named_so = [i for i, row in by_speaker.items() if names.name_key(row["name"]) == key]
    if named_so:
        return named_so[0]
    user_placed = sorted(i for i, row in by_speaker.items() if row["source"] == "user")
    if len(user_placed) == 1:
        return user_placed[0]
    if by_speaker and len(tokens) > 1:
        return min(by_speaker)
    if by_speaker or kind == "organisation":
        return None  # a surname several known people have, or an organisation seen under no such name
    blocks = names.neighbour_blocks(tokens)
    candidates = db.execute(
        f"""select speaker_aliases.speaker_id, speaker_aliases.key from speaker_aliases
        join speakers on speakers.id = speaker_aliases.speaker_id
        where speaker_aliases.block in ({', '.join('?' * len(blocks))})
          and coalesce(speakers.kind, '') != 'organisation'""",
        blocks,
    )
    matching = {speaker_id for speaker_id, key in candidates if names.names_match(tokens, key.split())}
    # One known person only: a surname several people share, or a spelling close to two names, is no one yet.
    return next(iter(matching)) if len(matching) == 1 else None


def save_alias(db, speaker_id, alias, source="article"):
    """Record `alias` for the speaker, unless the user placed that spelling with another speaker."""
    tokens = names.name_tokens(alias)
    if not tokens:
        return
    key = " ".join(tokens)
    if source == "user":
        db.execute(
            """insert into speaker_aliases (speaker_id, alias, key, block, source) values (?, ?, ?, ?, 'user')
            on conflict (speaker_id, alias) do update set key = excluded.key, block = excluded.block, source = 'user'""",
            [speaker_id, alias, key, names.block_of(tokens)],
        )
    else:
        db.execute(
            """insert or ignore into speaker_aliases (speaker_id, alias, key, block, source)
            select ?, ?, ?, ?, 'article'
            where not exists (select 1 from speaker_aliases where key = ? and source = 'user' and speaker_id != ?)""",
            [speaker_id, alias, key, names.block_of(tokens), key, speaker_id],
        )


def _count_alias_article(db, speaker_id, alias, article_id):
    """Count `article_id` once into the n_articles of the speaker's `alias`, when it has that alias."""
    counted = db.execute(
        """insert or ignore into alias_articles (speaker_id, alias, article_id)
        select speaker_id, alias, ? from speaker_aliases where speaker_id = ? and alias = ?""",
        [article_id, speaker_id, alias],
    ).rowcount
    if counted:
        db.execute("update speaker_aliases set n_articles = coalesce(n_articles, 0) + 1 where speaker_id = ? and alias = ?",
                   [speaker_id, alias])


def uncount_article_aliases(db, article_id):
    """Take an article (being re-extracted) out of its aliases' n_articles; returns the speakers it named."""
    counted = db.execute("select speaker_id, alias from alias_articles where article_id = ?", [article_id]).fetchall()
    for speaker_id, alias in counted:
        db.execute("update speaker_aliases set n_articles = n_articles - 1 where speaker_id = ? and alias = ?",
                   [speaker_id, alias])
    db.execute("delete from alias_articles where article_id = ?", [article_id])
    return {speaker_id for speaker_id, _ in counted}


def choose_speaker_name(db, speaker_id, name=None, name_source=None):
    """Name the speaker by the fullest spelling most articles use: of the spellings articles gave as
    its name (not every mention or passing form of it), the one with the most name words, then the
    most articles, then the earliest seen. A name the user gave (`rename`) stays.

    `name` and `name_source`: the speaker's, when the caller has just read them."""
    if name is None:
        name, name_source = db.execute("select name, name_source from speakers where id = ?", [speaker_id]).fetchone()
    if name_source == "user":
        return
    aliases = db.execute(
        "select alias, n_articles, rowid from speaker_aliases where speaker_id = ? and n_articles > 0", [speaker_id]
    ).fetchall()
    for alias, _, _ in sorted(aliases, key=lambda row: (-len(names.name_tokens(row[0])), -row[1], row[2])):
        if alias == name:
            return
        if not db.execute("select 1 from speakers where name = ?", [alias]).fetchone():  # names are unique
            db.execute("update speakers set name = ? where id = ?", [alias, speaker_id])
            return


def save_article_speaker(db, speaker, article_id):
    """The id of the stored speaker for a `names.ArticleSpeaker` of article `article_id`, created or
    brought up to date: its roles, its aliases, and its name (see `choose_speaker_name`)."""
    speaker_id = None
    for alias in sorted(speaker.aliases, key=lambda a: (-len(names.name_tokens(a)), a)):
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
        name, name_source = speaker.name, "article"
    else:
        kind, stored_roles, name, name_source = db.execute(
            "select kind, roles, name, name_source from speakers where id = ?", [speaker_id]).fetchone()
        roles = json.loads(stored_roles or "[]")
        known = {x.lower() for x in roles}
        new_roles = [r for r in speaker.roles if r.lower() not in known]
        if new_roles or (not kind and speaker.kind):  # most ingests change nothing
            db.execute("update speakers set kind = ?, roles = ? where id = ?",
                       [kind or speaker.kind, json.dumps(roles + new_roles), speaker_id])
    for alias in speaker.aliases:
        save_alias(db, speaker_id, alias)
    _count_alias_article(db, speaker_id, speaker.name, article_id)
    choose_speaker_name(db, speaker_id, name, name_source)
    return speaker_id


def save_article_speakers(db, found, article_id):
    """{speaker name as the extractor gave it: speaker id} for an article's `names.article_speakers`."""
    return {name: save_article_speaker(db, speaker, article_id) for name, speaker in found.items()}


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
            _delete_claims(db, "speaker_id = ?", [speaker_id])
            db.execute("delete from alias_articles where speaker_id = ?", [speaker_id])
            db.execute("delete from speaker_aliases where speaker_id = ?", [speaker_id])
            db.execute("delete from speakers where id = ?", [speaker_id])


# Curation: what the user decides. Each runs inside the caller's transaction and is logged.
# Plain SQL throughout: sqlite-utils 3's table methods commit, which would end that transaction.

class CurationError(ValueError):
    pass


def _log_curation(db, action, speaker_id, detail):
    db.execute(
        "insert into speaker_curations (at, action, speaker_id, detail) values (?, ?, ?, ?)",
        [datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), action, speaker_id,
         json.dumps(detail, ensure_ascii=False)],
    )


def lookup_speaker(db, reference):
    """A speaker id from an id, a name or any alias; CurationError when none or several match."""
    if str(reference).isdigit() and db["speakers"].count_where("id = ?", [int(reference)]):
        return int(reference)
    ids = {row["id"] for row in db.query("select id from speakers where name = ?", [reference])}
    if not ids:
        ids = {row["speaker_id"] for row in _aliases_with_key(db, names.name_key(reference))}
    if len(ids) != 1:
        raise CurationError(f"{'no speaker' if not ids else 'several speakers'} match {reference!r}"
                            + (f": ids {sorted(ids)}" if ids else ""))
    return ids.pop()


def _move_alias(db, alias, from_id, to_id):
    """Give speaker `from_id`'s `alias` to `to_id`, as the user's, with the articles that used it."""
    db.execute("delete from speaker_aliases where speaker_id = ? and alias = ?", [from_id, alias])
    save_alias(db, to_id, alias, source="user")
    db.execute("update or ignore alias_articles set speaker_id = ? where speaker_id = ? and alias = ?",
               [to_id, from_id, alias])
    db.execute("delete from alias_articles where speaker_id = ? and alias = ?", [from_id, alias])  # counted for both
    db.execute(
        """update speaker_aliases set n_articles = (
             select count(*) from alias_articles where speaker_id = ? and alias = ?)
        where speaker_id = ? and alias = ?""",
        [to_id, alias, to_id, alias],
    )


def merge_speakers(db, keep_id, other_ids):
    """Make the speakers `other_ids` one with `keep_id`: their quotes, aliases and roles move to it,
    their names become its aliases, and their claims join its claims where they are the same."""
    keep = db["speakers"].get(keep_id)
    roles = json.loads(keep["roles"] or "[]")
    for other_id in other_ids:
        if other_id == keep_id:
            continue
        other = db["speakers"].get(other_id)
        roles += [r for r in json.loads(other["roles"] or "[]") if r not in roles]
        for (alias,) in db.execute("select alias from speaker_aliases where speaker_id = ?", [other_id]).fetchall():
            _move_alias(db, alias, other_id, keep_id)
        save_alias(db, keep_id, other["name"], source="user")
        moved_quotes = [r[0] for r in db.execute("select id from quotes where speaker_id = ?", [other_id])]
        db.execute("update quotes set speaker_id = ? where speaker_id = ?", [keep_id, other_id])
        regroup_claims(db, moved_quotes)
        db.execute("delete from speakers where id = ?", [other_id])
        _log_curation(db, "merge", keep_id, {"merged": other["name"], "merged_id": other_id})
    save_alias(db, keep_id, keep["name"], source="user")
    db.execute("update speakers set roles = ? where id = ?", [json.dumps(roles), keep_id])


def split_speaker(db, speaker_id, aliases, new_name=None):
    """Move the spellings `aliases` of a speaker, and the statements made under them, to a new
    speaker named `new_name` (default: the first alias). Returns the new speaker's id."""
    keys = {names.name_key(a) for a in aliases}
    known = {row["key"] for row in db.query("select key from speaker_aliases where speaker_id = ?", [speaker_id])}
    unknown = [a for a in aliases if names.name_key(a) not in known]
    if unknown:
        raise CurationError(f"speaker {speaker_id} has no alias {', '.join(map(repr, unknown))}")
    name = new_name or aliases[0]
    if db.execute("select 1 from speakers where name = ?", [name]).fetchone():
        raise CurationError(f"a speaker named {name!r} exists already: merge into it instead")
    old = db["speakers"].get(speaker_id)
    new_id = db.execute(
        "insert into speakers (name, kind, roles, name_source) values (?, ?, '[]', 'user')", [name, old["kind"]]
    ).lastrowid
    moving = [
        row["id"] for row in db.query(
            "select id, speaker_name, speaker_mention from quotes where speaker_id = ?", [speaker_id]
        ) if names.name_key(row["speaker_name"] or "") in keys or names.name_key(row["speaker_mention"] or "") in keys
    ]
    for (alias,) in db.execute("select alias from speaker_aliases where speaker_id = ?", [speaker_id]).fetchall():
        if names.name_key(alias) in keys:
            _move_alias(db, alias, speaker_id, new_id)
    save_alias(db, new_id, name, source="user")
    # What stays is now the user's word too: no later ingest gives those spellings to another speaker.
    for (alias,) in db.execute("select alias from speaker_aliases where speaker_id = ?", [speaker_id]).fetchall():
        save_alias(db, speaker_id, alias, source="user")
    if moving:
        db.execute(
            f"update quotes set speaker_id = ? where id in ({', '.join('?' * len(moving))})", [new_id, *moving]
        )
        regroup_claims(db, moving)
    _log_curation(db, "split", speaker_id,
                  {"new_id": new_id, "name": name, "aliases": sorted(aliases), "quotes": len(moving)})
    return new_id


def rename_speaker(db, speaker_id, name):
    """Give a speaker the name `name`, kept by later ingests; the old name stays an alias."""
    clash = db.execute("select id from speakers where name = ? and id != ?", [name, speaker_id]).fetchone()
    if clash:
        raise CurationError(f"speaker {clash[0]} is named {name!r} already: merge into it instead")
    (old_name,) = db.execute("select name from speakers where id = ?", [speaker_id]).fetchone()
    save_alias(db, speaker_id, old_name, source="user")
    save_alias(db, speaker_id, name, source="user")
    db.execute("update speakers set name = ?, name_source = 'user' where id = ?", [name, speaker_id])
    _log_curation(db, "rename", speaker_id, {"from": old_name, "to": name})


# Claims: the occurrences of one statement by one speaker (see `tracker.claims` for the terms
# and the rule). A quote joins the speaker's claim whose terms hold most of its own, found
# through the `claim_terms` index, keyed by speaker and term, so an ingest never reads the
# speaker's other quotes.

# How far candidate fetching goes: claims per term, and claims then checked exactly.
CANDIDATES_PER_TERM = 200
CHECKED_CANDIDATES = 20
# SQLite's limit on a compound select is 500 parts.
TERMS_PER_QUERY = 100
CANDIDATES_SQL = "select claim_id from claim_terms where speaker_id is ? and term = ? order by claim_id desc limit ?"


def best_claim(db, speaker_id, quote_terms):
    """The id of the speaker's claim this quote's terms belong to, or None.

    Each term fetches at most CANDIDATES_PER_TERM of the speaker's newest claims holding it, so the
    cost stays flat however many claims share a common word: a claim a quote truly belongs to
    shares its distinctive (rarer) words, and those lists are complete. The claims hit most often
    are then checked exactly."""
    if not quote_terms:
        return None
    hits = Counter()
    ordered = sorted(quote_terms)
    # The terms' candidate lists in one statement per TERMS_PER_QUERY terms, not one statement per term.
    for start in range(0, len(ordered), TERMS_PER_QUERY):
        chunk = ordered[start:start + TERMS_PER_QUERY]
        sql = " union all ".join([f"select * from ({CANDIDATES_SQL})"] * len(chunk))
        params = [value for term in chunk for value in (speaker_id, term, CANDIDATES_PER_TERM)]
        hits.update(row[0] for row in db.execute(sql, params))
    marks = ", ".join("?" * len(quote_terms))
    matches = []
    for claim_id, _ in hits.most_common(CHECKED_CANDIDATES):
        shared, size = db.execute(
            f"""select (select count(*) from claim_terms where claim_id = ? and term in ({marks})),
                       (select count(*) from claim_terms where claim_id = ?)""",
            [claim_id, *sorted(quote_terms), claim_id],
        ).fetchone()
        if claims.is_same_claim(shared, len(quote_terms), size):
            matches.append((shared / min(len(quote_terms), size), shared, -claim_id, claim_id))
    return max(matches)[-1] if matches else None


def _add_claim_terms(db, claim_id, speaker_id, new_terms):
    # One statement for all the terms (a JSON array), through db.execute for its transaction handling.
    db.execute(
        "insert or ignore into claim_terms (claim_id, speaker_id, term) select ?, ?, value from json_each(?)",
        [claim_id, speaker_id, json.dumps(sorted(new_terms))],
    )


def claim_for(db, speaker_id, text, quote_terms):
    """The id of the claim a statement with these `terms` belongs to, started when none fits; its
    terms join the claim's index. The caller stores the quote, then counts it (`quotes_added`)."""
    claim_id = best_claim(db, speaker_id, quote_terms)
    if claim_id is None:
        claim_id = db.execute(
            "insert into claims (speaker_id, text, n_quotes, n_articles, n_sources) values (?, ?, 0, 0, 0)",
            [speaker_id, text],
        ).lastrowid
    _add_claim_terms(db, claim_id, speaker_id, quote_terms)
    return claim_id


def _delete_claims(db, where, params):
    """Delete the claims `where` selects, with their index terms and outlet counts."""
    for table in ("claim_terms", "claim_sources"):
        db.execute(f"delete from {table} where claim_id in (select id from claims where {where})", params)
    db.execute(f"delete from claims where {where}", params)


# Claim figures are kept up to date a change at a time, never recounted over a claim's quotes:
# a claim repeated 10,000 times must cost an ingest no more than a new one. The counts move by
# what changed; `claim_sources` holds, per claim and outlet, how many articles carry the claim,
# so an outlet's first or last article is seen without reading the others. The other figures
# are single index lookups (the indexes on quotes by claim_id).

def _quotes_in_article(db, claim_id, article_id):
    # Through the article_id index: an article holds a handful of quotes, a claim maybe thousands.
    return db.execute(
        "select count(*) from quotes where article_id = ? and +claim_id = ?", [article_id, claim_id]
    ).fetchone()[0]


def _count_source(db, claim_id, article_id, change):
    """Add (`change` 1) or remove (-1) an article from its outlet's count for the claim; returns
    how the claim's number of outlets changes (an article without a source is an outlet of its own)."""
    (source,) = db.execute("select coalesce(source, 'article ' || id) from articles where id = ?",
                           [article_id]).fetchone()
    row = db.execute("select n_articles from claim_sources where claim_id = ? and source = ?",
                     [claim_id, source]).fetchone()
    before = row[0] if row else 0
    if before + change > 0:
        db.execute("insert or replace into claim_sources (claim_id, source, n_articles) values (?, ?, ?)",
                   [claim_id, source, before + change])
    else:
        db.execute("delete from claim_sources where claim_id = ? and source = ?", [claim_id, source])
    return (before + change > 0) - (before > 0)


def quotes_added(db, claim_id, article_id, added):
    """Count `added` quotes of `article_id`, just linked to the claim, into its figures."""
    new_article = _quotes_in_article(db, claim_id, article_id) == added
    new_sources = _count_source(db, claim_id, article_id, 1) if new_article else 0
    db.execute(
        """update claims set n_quotes = n_quotes + ?, n_articles = n_articles + ?, n_sources = n_sources + ?,
          first_article_id = (select quotes.article_id from quotes join articles on articles.id = quotes.article_id
                              where quotes.article_id in (claims.first_article_id, ?) and +quotes.claim_id = claims.id
                              order by quotes.said_on, articles.published, articles.id limit 1)
        where id = ?""",
        [added, int(new_article), new_sources, article_id, claim_id],
    )


def quotes_removed(db, claim_id, article_id, removed):
    """Take `removed` quotes of `article_id`, just unlinked from the claim, out of its figures.
    Call it before the article's source changes: the outlet it counted under is read from it."""
    article_gone = _quotes_in_article(db, claim_id, article_id) == 0
    lost_sources = _count_source(db, claim_id, article_id, -1) if article_gone else 0
    db.execute(
        "update claims set n_quotes = n_quotes - ?, n_articles = n_articles - ?, n_sources = n_sources + ? where id = ?",
        [removed, int(article_gone), lost_sources, claim_id],
    )
    if article_gone:
        # The earliest occurrence may have gone: the earliest said_on's quotes are looked through.
        db.execute(
            """update claims set first_article_id = (
                 select quotes.article_id from quotes join articles on articles.id = quotes.article_id
                 where quotes.claim_id = claims.id and quotes.said_on is (
                   select said_on from quotes where claim_id = claims.id order by said_on limit 1)
                 order by articles.published, articles.id limit 1)
            where id = ? and first_article_id = ?""",
            [claim_id, article_id],
        )


_REFRESH_CLAIM = f"""
update claims set
  text = (select text from quotes where claim_id = claims.id order by {REPRESENTATIVE_ORDER} limit 1),
  first_said = (select min(said_on) from quotes where claim_id = claims.id),
  last_said = (select max(said_on) from quotes where claim_id = claims.id)
where id = ?
"""


def refresh_claims(db, claim_ids, rebuild_terms=False):
    """Bring the text and dates of `claim_ids` up to date (their counts are kept by `quotes_added`
    and `quotes_removed`); remove the claims left with no quote.

    With `rebuild_terms`, their index terms are recomputed from the quotes they still hold
    (needed when quotes left them)."""
    for claim_id in set(claim_ids) - {None}:
        if db.execute("select 1 from quotes where claim_id = ? limit 1", [claim_id]).fetchone() is None:
            _delete_claims(db, "id = ?", [claim_id])
            continue
        if rebuild_terms:
            db.execute("delete from claim_terms where claim_id = ?", [claim_id])
            (speaker_id,) = db.execute("select speaker_id from claims where id = ?", [claim_id]).fetchone()
            # Distinct texts: a claim repeated word for word is stemmed once, not once per copy.
            for (text,) in db.execute("select distinct text from quotes where claim_id = ?", [claim_id]).fetchall():
                _add_claim_terms(db, claim_id, speaker_id, claims.terms(text))
        db.execute(_REFRESH_CLAIM, [claim_id])


def regroup_claims(db, quote_ids):
    """Group `quote_ids` anew (their speaker changed): each leaves its claim and joins the
    claim that fits it under its current speaker."""
    if not quote_ids:
        return
    marks = ", ".join("?" * len(quote_ids))
    rows = list(db.query(
        f"select id, article_id, speaker_id, text, claim_id from quotes where id in ({marks}) order by id", quote_ids
    ))
    db.execute(f"update quotes set claim_id = null where id in ({marks})", quote_ids)
    left = Counter((row["claim_id"], row["article_id"]) for row in rows if row["claim_id"] is not None)
    for (claim_id, article_id), removed in left.items():
        quotes_removed(db, claim_id, article_id, removed)
    refresh_claims(db, {claim_id for claim_id, _ in left}, rebuild_terms=True)
    joined = set()
    for row in rows:
        claim_id = claim_for(db, row["speaker_id"], row["text"], claims.terms(row["text"]))
        db.execute("update quotes set claim_id = ? where id = ?", [claim_id, row["id"]])
        quotes_added(db, claim_id, row["article_id"], 1)
        joined.add(claim_id)
    refresh_claims(db, joined)


# ---------------------------------------------------------------------------------------------
# Bulk loading: `tracker backfill` (see tracker/backfill.py)
#
# A partition of an archive is loaded in one transaction, recorded in `backfill_partitions` in that
# same transaction, so a reader sees all of a partition or none of it and a re-run knows what is in.
# Speakers and claims are matched article by article in input order, by the same functions as
# `tracker ingest` (a match depends on what was stored before it); the quotes rows and the claims'
# figures are written once per partition, set-based, instead of once per statement.

TABLES["backfill_partitions"] = {
    # key: what the partition is (its file, size, mtime, records); part: it, for people.
    "columns": {"key": str, "part": str, "records": int, "articles": int, "statements": int, "failed": int,
                "loaded_at": str},
    "pk": "key",
}

# The claims given quotes by the articles in json_each(:articles), their figures' change: quotes, articles,
# and their earliest quote here, by the order `quotes_added` keeps first_article_id in.
_PARTITION_CLAIMS = """
insert into temp.partition_claims (claim_id, n_quotes, n_articles, first_article_id, first_said, first_published)
select ranked.claim_id, counts.n_quotes, counts.n_articles, ranked.article_id, ranked.said_on, ranked.published
from (
  select quotes.claim_id, quotes.article_id, quotes.said_on, articles.published,
    row_number() over (partition by quotes.claim_id order by quotes.said_on, articles.published, articles.id) as place
  from quotes join articles on articles.id = quotes.article_id
  where quotes.article_id in (select value from json_each(:articles)) and quotes.claim_id is not null
) as ranked join (
  select claim_id, count(*) as n_quotes, count(distinct article_id) as n_articles from quotes
  where article_id in (select value from json_each(:articles)) and claim_id is not null group by claim_id
) as counts on counts.claim_id = ranked.claim_id
where ranked.place = 1
"""
_PARTITION_SOURCES = """
insert into temp.partition_sources (claim_id, source, n_articles)
select quotes.claim_id, coalesce(articles.source, 'article ' || articles.id), count(distinct quotes.article_id)
from quotes join articles on articles.id = quotes.article_id
where quotes.article_id in (select value from json_each(:articles)) and quotes.claim_id is not null
group by 1, 2
"""
_CLAIM_FIGURES = f"""
update claims set
  n_quotes = claims.n_quotes + change.n_quotes,
  n_articles = claims.n_articles + change.n_articles,
  n_sources = claims.n_sources + (
    select count(*) from temp.partition_sources as new
    where new.claim_id = claims.id
      and not exists (select 1 from claim_sources where claim_id = new.claim_id and source = new.source)),
  first_article_id = (
    select article_id from (
      select quotes.article_id, quotes.said_on, articles.published
      from quotes join articles on articles.id = quotes.article_id
      where quotes.article_id = claims.first_article_id and +quotes.claim_id = claims.id
      union all
      select change.first_article_id, change.first_said, change.first_published)
    order by said_on, published, article_id limit 1),
  text = (select text from quotes where claim_id = claims.id order by {REPRESENTATIVE_ORDER} limit 1),
  first_said = (select min(said_on) from quotes where claim_id = claims.id),
  last_said = (select max(said_on) from quotes where claim_id = claims.id)
from temp.partition_claims as change
where change.claim_id = claims.id
"""
_ADD_CLAIM_SOURCES = """
insert into claim_sources (claim_id, source, n_articles)
select claim_id, source, n_articles from temp.partition_sources where true
on conflict (claim_id, source) do update set n_articles = claim_sources.n_articles + excluded.n_articles
"""


def loaded_partitions(db):
    """The keys of the partitions `save_partition` has loaded."""
    return {row[0] for row in db.execute("select key from backfill_partitions")}


# Of the claims a batch reads (to check them), how many it keeps for its later statements; past
# that, it forgets the half it checked longest ago (not those it changed) and reads again those checked again.
READ_CLAIMS_KEPT = 20_000
# A batch's candidate lists, one statement for all its (speaker, term) pairs (a JSON array of pairs):
# each pair's newest CANDIDATES_PER_TERM claims, as `best_claim` fetches them.
_BATCH_CANDIDATES = f"""
select pair.key, (select group_concat(claim_id) from (
  select claim_id from claim_terms
  where speaker_id is json_extract(pair.value, '$[0]') and term = json_extract(pair.value, '$[1]')
  order by claim_id desc limit {CANDIDATES_PER_TERM}))
from json_each(?) as pair
"""


class BatchClaims:
    """`claim_for` for the statements of a batch, in order, with the same result as one by one:
    the claim_terms index of the batch's (speaker, term) pairs read in one statement, kept up to date
    in memory with the batch's own claims and terms, which `write` then stores set-based.

    Create it inside the write transaction (nothing else changes the index until its commit).
    Its memory is bounded by the batch, not by the archive (the claims a batch checks grow in number
    with the archive, as more claims share a word): it holds the batch's pairs and their candidate
    lists (compact arrays), the claims it made or gave terms to, and at most READ_CLAIMS_KEPT of the
    claims it read; of a claim, only its number of terms and those of its terms the batch's
    statements by that speaker hold, which is all a match is decided by."""

    def __init__(self, db, statements):
        """`statements`: the (speaker id, terms) pairs `claim_for` will be asked about."""
        self.db = db
        pairs = list({(speaker_id, term) for speaker_id, quote_terms in statements for term in quote_terms})
        # (speaker id, term): claim ids, newest first; a pair with none has no entry.
        self.candidates = {}
        for index, listed in db.execute(_BATCH_CANDIDATES, [json.dumps(pairs)]):
            if listed:
                self.candidates[pairs[index]] = array.array("q", sorted(map(int, listed.split(",")), reverse=True))
        # The batch's terms, by speaker: a statement's terms are all among its speaker's, so a claim's
        # terms outside them change no count `_best_claim` makes (term: itself, one string for all).
        self.vocabulary = {}
        for speaker_id, term in pairs:
            self.vocabulary.setdefault(speaker_id, {})[term] = term
        # Claim id: (the speaker it was read for, how many terms it has, those of them among that
        # speaker's batch terms), for the claims this batch made, gave terms to or read (those dropped
        # past READ_CLAIMS_KEPT, read again when checked again); read anew for another speaker.
        self.known = {}
        self.added = {}  # claim id: the terms the batch gave it, not in the database before `write`
        (self.next_id,) = db.execute("select coalesce(max(id), 0) + 1 from claims").fetchone()
        self.new_claims = []  # (id, speaker id, text)
        self.new_terms = []  # (claim id, speaker id, term), in the order `_add_claim_terms` inserts them

    def claim_for(self, speaker_id, text, quote_terms):
        claim_id = self._best_claim(speaker_id, quote_terms)
        if claim_id is None:
            # The id SQLite would give it: claims has no AUTOINCREMENT, so a new row gets the largest id + 1.
            claim_id, self.next_id = self.next_id, self.next_id + 1
            self.new_claims.append((claim_id, speaker_id, text))
            self.known[claim_id] = (speaker_id, 0, ())
        _, size, known = self.known[claim_id]  # read for this speaker: `_best_claim` checked it for them
        new = sorted(quote_terms.difference(known))
        if not new:
            return claim_id
        self.known[claim_id] = (speaker_id, size + len(new), known + tuple(new))
        self.added.setdefault(claim_id, []).extend(new)
        for term in new:
            self.new_terms.append((claim_id, speaker_id, term))
            listed = self.candidates.setdefault((speaker_id, term), array.array("q"))
            listed.insert(bisect.bisect_left(listed, -claim_id, key=operator.neg), claim_id)
            del listed[CANDIDATES_PER_TERM:]
        return claim_id

    def _read(self, speaker_id, claim_ids):
        """Read the terms of `claim_ids` for `speaker_id`'s statements (see `known`)."""
        vocabulary = self.vocabulary[speaker_id]
        read = {claim_id: [len(self.added.get(claim_id, ()))] for claim_id in claim_ids}
        for claim_id in claim_ids:
            read[claim_id].extend(vocabulary[t] for t in self.added.get(claim_id, ()) if t in vocabulary)
        rows = self.db.execute("select claim_id, term from claim_terms where claim_id in "
                               "(select value from json_each(?))", [json.dumps(claim_ids)])
        for claim_id, term in rows:
            entry = read[claim_id]
            entry[0] += 1
            if term in vocabulary:
                entry.append(vocabulary[term])
        for claim_id, (size, *known) in read.items():
            self.known[claim_id] = (speaker_id, size, tuple(known))

    def _best_claim(self, speaker_id, quote_terms):
        """`best_claim`, on the batch's lists: the same candidates, counted in the same order."""
        if not quote_terms:
            return None
        hits = Counter()
        for term in sorted(quote_terms):
            listed = self.candidates.get((speaker_id, term))
            if listed:  # most (speaker, term) pairs have no claim yet
                hits.update(listed)
        checked = [claim_id for claim_id, _ in hits.most_common(CHECKED_CANDIDATES)]
        for claim_id in checked:  # the claims checked last go last: those checked longest ago are forgotten first
            entry = self.known.pop(claim_id, None)
            if entry is not None:
                self.known[claim_id] = entry
        if len(self.known) - len(self.added) > READ_CLAIMS_KEPT:
            # Half of them forgotten, not the claims the batch changed: the database lacks their terms.
            stale = [claim_id for claim_id in self.known if claim_id not in self.added]
            for claim_id in stale[:len(stale) - READ_CLAIMS_KEPT // 2]:
                del self.known[claim_id]
        unread = [claim_id for claim_id in checked
                  if claim_id not in self.known or self.known[claim_id][0] != speaker_id]
        if unread:
            self._read(speaker_id, unread)
        matches = []
        for claim_id in checked:
            _, size, known = self.known[claim_id]
            shared = len(quote_terms.intersection(known))
            if claims.is_same_claim(shared, len(quote_terms), size):
                matches.append((shared / min(len(quote_terms), size), shared, -claim_id, claim_id))
        return max(matches)[-1] if matches else None

    def write(self):
        """Store the batch's new claims (their figures zero, for the caller to count) and new terms."""
        self.db.conn.executemany(
            "insert into claims (id, speaker_id, text, n_quotes, n_articles, n_sources) values (?, ?, ?, 0, 0, 0)",
            self.new_claims)
        self.db.conn.executemany("insert into claim_terms (claim_id, speaker_id, term) values (?, ?, ?)",
                                 self.new_terms)


def save_articles(db, prepared_articles):
    """Store `(where, PreparedArticle)` pairs, in order, as `save_prepared` one by one would.

    Returns `(where, article id, created)` per article; an article stored already (same url, or
    same text without one), or given twice, is left as it is. Call inside `write_transaction`.

    Speakers are matched article by article (a match depends on those stored before it); then the
    claims of all the statements, in order (they depend on the speakers' ids, not on their names),
    by `BatchClaims`; the quotes rows and the claims' figures are written once for the batch."""
    results, new_articles = [], []
    for where, prepared in prepared_articles:
        existing = find_article(db, prepared.row)
        if existing is not None:
            results.append((where, existing, False))
            continue
        columns = list(prepared.row)
        article_id = db.execute(
            f"insert into articles ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})",
            list(prepared.row.values()),
        ).lastrowid
        speaker_ids = save_article_speakers(db, prepared.speakers, article_id)
        new_articles.append((article_id, [(quote, quote_terms, speaker_ids.get((quote["speaker_name"] or "").strip()))
                                          for quote, quote_terms in prepared.quotes]))
        results.append((where, article_id, True))
    matcher = BatchClaims(db, [(speaker_id, quote_terms) for _, quotes in new_articles
                               for _, quote_terms, speaker_id in quotes])
    quote_rows = [
        {**quote, "article_id": article_id, "speaker_id": speaker_id,
         "claim_id": matcher.claim_for(speaker_id, quote["text"], quote_terms)}
        for article_id, quotes in new_articles for quote, quote_terms, speaker_id in quotes
    ]
    matcher.write()
    if quote_rows:  # every row has the same columns, in the same order
        columns = list(quote_rows[0])
        db.conn.executemany(
            f"insert into quotes ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})",
            [list(row.values()) for row in quote_rows],
        )
    db.execute("create temp table if not exists partition_claims (claim_id integer primary key, n_quotes integer, "
               "n_articles integer, first_article_id integer, first_said text, first_published text)")
    db.execute("create temp table if not exists partition_sources (claim_id integer, source text, n_articles integer, "
               "primary key (claim_id, source))")
    db.execute("delete from temp.partition_claims")
    db.execute("delete from temp.partition_sources")
    params = {"articles": json.dumps([article_id for article_id, _ in new_articles])}
    db.execute(_PARTITION_CLAIMS, params)
    db.execute(_PARTITION_SOURCES, params)
    db.execute(_CLAIM_FIGURES)
    db.execute(_ADD_CLAIM_SOURCES)
    return results


def save_partition(db, key, part, records, prepared_articles, failed=0):
    """`save_articles`, and the partition recorded as loaded (see `loaded_partitions`), in the caller's transaction."""
    results = save_articles(db, prepared_articles)
    created = [article_id for _, article_id, new in results if new]
    statements = db.execute(
        "select count(*) from quotes where article_id in (select value from json_each(?))", [json.dumps(created)]
    ).fetchone()[0]
    db.execute(
        "insert into backfill_partitions (key, part, records, articles, statements, failed, loaded_at)"
        " values (?, ?, ?, ?, ?, ?, ?)",
        [key, part, records, len(created), statements, failed,
         datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")],
    )
    return results
