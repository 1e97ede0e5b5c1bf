"""The database: its shape, declared once, and the functions that write to it.

Every function takes a `sqlite_utils.Database`, so each can be tried on an
in-memory database. `ensure_db_shape` is idempotent: it is called on every
start and brings an older file up to date without touching its rows.
"""
import contextlib
import datetime
import hashlib

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
}

INDEXES = {
    "articles": [["url"], ["content_hash"], ["published"]],
    "speakers": [["name"]],
    "speaker_aliases": [["key"], ["block"]],
    "claims": [["speaker_id"], ["n_sources", "n_articles", "n_quotes"], ["first_said"]],
    "claim_terms": [["speaker_id", "term", "claim_id"]],
    # (speaker_id, said_on): a speaker's newest or oldest quotes without sorting all of them.
    "quotes": [["speaker_id"], ["speaker_id", "said_on"], ["said_on"], ["article_id"], ["claim_id"]],
}
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
    for name, spec in TABLES.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
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
    """The stored article this one duplicates: same url, or same text when it has no url."""
    if article.get("url"):
        rows = db.query("select id from articles where url = ? order by id limit 1", [article["url"]])
    else:
        rows = db.query(
            "select id from articles where content_hash = ? and url is null order by id limit 1",
            [content_hash(article["text"])],
        )
    row = next(rows, None)
    return row["id"] if row else None


def save_article(db, article, statements, replace_id=None):
    """Store an article and its statements; returns the article id.

    With `replace_id`, that article's row is updated and its statements are
    replaced, keeping its id. Call inside `write_transaction`."""
    row = {
        "url": article.get("url"),
        "title": article.get("title"),
        "source": article.get("source"),
        "published": article.get("published"),
        "author": article.get("author"),
        "text": article["text"],
        "content_hash": content_hash(article["text"]),
        "ingested_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
    replaced = {"claims": set(), "speakers": set()}
    if replace_id is None:
        article_id = db["articles"].insert(row).last_pk
    else:
        article_id = replace_id
        for old in db.query("select claim_id, speaker_id from quotes where article_id = ?", [article_id]):
            replaced["claims"].add(old["claim_id"])
            replaced["speakers"].add(old["speaker_id"])
        db["quotes"].delete_where("article_id = ?", [article_id])
        db["articles"].update(article_id, row)
    speaker_ids = speakers.save_article_speakers(db, article["text"], statements)
    claim_ids = set()
    for statement in statements:
        fields = {field: getattr(statement, field) for field in QUOTE_FIELDS}
        if not statement.date_mention:
            found = dates.find_date_mention(article["text"], statement)
            fields["date_mention"] = found[0] if found else None
        said_on, basis = when_said(fields["date_mention"], article.get("published"))
        speaker_id = speaker_ids.get((statement.speaker or "").strip())
        quote_id = db["quotes"].insert({
            "article_id": article_id, "speaker_id": speaker_id, "speaker_name": statement.speaker,
            "said_on": said_on, "said_on_basis": basis, **fields,
        }).last_pk
        claim_ids.add(claims.assign(db, quote_id, speaker_id, statement.text))
    claims.refresh(db, replaced["claims"] - claim_ids, rebuild_terms=True)
    claims.refresh(db, claim_ids, rebuild_terms=bool(replaced["claims"] & claim_ids))
    speakers.remove_unused_speakers(db, replaced["speakers"] - set(speaker_ids.values()))
    return article_id


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
