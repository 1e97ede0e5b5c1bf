"""The database: its shape, declared once, and the functions that write to it.

Every function takes a `sqlite_utils.Database`, so each can be tried on an
in-memory database. `ensure_db_shape` is idempotent: it is called on every
start and brings an older file up to date without touching its rows.
"""
import contextlib
import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass

from . import claims, dates, speakers

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
        # what fuzzy candidates are fetched by; source: 'article' or 'user' (never moved by ingests).
        "columns": {"speaker_id": int, "alias": str, "key": str, "block": str, "source": str},
        "pk": ("speaker_id", "alias"),
        "foreign_keys": [("speaker_id", "speakers", "id")],
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
    "claims": [["speaker_id"], ["n_sources", "n_articles", "n_quotes"], ["first_said"]],
    "claim_terms": [["speaker_id", "term", "claim_id"]],
    # (speaker_id, said_on): a speaker's newest or oldest quotes without sorting all of them;
    # (claim_id, said_on): a claim's first and last dates in one lookup.
    "quotes": [["speaker_id"], ["speaker_id", "said_on"], ["said_on"], ["article_id"], ["claim_id", "said_on"]],
}
# A claim's text, its first quote in this order, is one lookup however many quotes it has.
EXPRESSION_INDEXES = {
    "quotes_claim_representative": f"quotes (claim_id, {claims.REPRESENTATIVE_ORDER})",
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
    if c not in ("id", "article_id", "speaker_id", "said_on", "said_on_basis", "speaker_name", "claim_id")
]


def configure_connection(db, busy_timeout_ms=10_000):
    """Per-connection settings: SQLite forgets these when a connection closes."""
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


def ensure_db_shape(db):
    configure_connection(db)
    if db.journal_mode != "wal" and not db.memory:
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
        db.rollback()
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
    speakers: dict  # {speaker name as extracted: speakers.ArticleSpeaker}
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
    for statement in statements:
        fields = {field: getattr(statement, field) for field in QUOTE_FIELDS}
        if not statement.date_mention:
            found = dates.find_date_mention(article["text"], statement)
            fields["date_mention"] = found[0] if found else None
        said_on, basis = when_said(fields["date_mention"], article.get("published"))
        quote = {"speaker_name": statement.speaker, "said_on": said_on, "said_on_basis": basis, **fields}
        quotes.append((quote, claims.terms(statement.text)))
    return PreparedArticle(row, speakers.article_speakers(article["text"], statements), quotes)


def save_article(db, article, statements, replace_id=None):
    """Store an article and its statements; returns the article id. See `save_prepared`."""
    return save_prepared(db, prepare_article(article, statements), replace_id)


def save_prepared(db, prepared, replace_id=None):
    """Store a `PreparedArticle`; returns the article id.

    With `replace_id`, that article's row is updated and its statements are
    replaced, keeping its id. Call inside `write_transaction`."""
    columns = list(prepared.row)
    replaced = {"claims": set(), "speakers": set()}
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
            claims.quotes_removed(db, claim_id, article_id, removed)
        db.execute(f"update articles set {', '.join(f'[{c}] = ?' for c in columns)} where id = ?",
                   [*prepared.row.values(), article_id])
    speaker_ids = speakers.save_article_speakers(db, prepared.speakers)
    added = Counter()
    for quote, quote_terms in prepared.quotes:
        speaker_id = speaker_ids.get((quote["speaker_name"] or "").strip())
        claim_id = claims.claim_for(db, speaker_id, quote["text"], quote_terms)
        row = {**quote, "article_id": article_id, "speaker_id": speaker_id, "claim_id": claim_id}
        db.execute(f"insert into quotes ({', '.join(f'[{c}]' for c in row)}) values ({', '.join('?' * len(row))})",
                   list(row.values()))
        added[claim_id] += 1
    for claim_id, count in added.items():
        claims.quotes_added(db, claim_id, article_id, count)
    claims.refresh(db, replaced["claims"] - set(added), rebuild_terms=True)
    claims.refresh(db, set(added), rebuild_terms=bool(replaced["claims"] & set(added)))
    speakers.remove_unused_speakers(db, replaced["speakers"] - set(speaker_ids.values()))
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


def when_said(date_mention, published):
    """(said_on, said_on_basis): the date the text gives ('text'), else the publication date ('published')."""
    resolved = dates.resolve_date_mention(date_mention, published)
    if resolved is not None:
        return resolved.isoformat(), "text"
    published_on = dates.as_date(published)
    return (published_on.isoformat(), "published") if published_on else (None, None)


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
            select quotes.id, speakers.name as speaker, {columns}, quotes.said_on, quotes.said_on_basis,
              quotes.claim_id
            from quotes left join speakers on speakers.id = quotes.speaker_id
            where quotes.article_id = ? order by quotes.start, quotes.id
            """,
            [article_id],
        )
    )
    return article
