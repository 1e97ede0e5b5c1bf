"""The database: its shape, declared once, and the functions that write to it.

Every function takes a `sqlite_utils.Database`, so each can be tried on an
in-memory database. `ensure_db_shape` is idempotent: it is called on every
start and brings an older file up to date without touching its rows.
"""
import contextlib
import datetime
import hashlib

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
        "columns": {"id": int, "name": str},
        "pk": "id",
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
        },
        "pk": "id",
        "foreign_keys": [("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    },
}

INDEXES = {
    "articles": [["url"], ["content_hash"], ["published"]],
    "speakers": [["name"]],
    "quotes": [["speaker_id"], ["said_on"], ["article_id"]],
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
  speakers.name as speaker,
  quotes.kind,
  quotes.text,
  articles.source,
  articles.published,
  articles.url,
  articles.title,
  quotes.cue,
  quotes.speaker_mention,
  quotes.addressee,
  quotes.article_id,
  quotes.speaker_id
from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
""",
}

QUOTE_FIELDS = [c for c in TABLES["quotes"]["columns"] if c not in ("id", "article_id", "speaker_id", "said_on")]


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


def save_speaker(db, name):
    if not name:
        return None
    return db["speakers"].lookup({"name": name})


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
    if replace_id is None:
        article_id = db["articles"].insert(row).last_pk
    else:
        article_id = replace_id
        db["quotes"].delete_where("article_id = ?", [article_id])
        db["articles"].update(article_id, row)
    said_on = (article.get("published") or "")[:10] or None
    db["quotes"].insert_all(
        (
            {
                "article_id": article_id,
                "speaker_id": save_speaker(db, statement.speaker),
                "said_on": said_on,
                **{field: getattr(statement, field) for field in QUOTE_FIELDS},
            }
            for statement in statements
        ),
    )
    return article_id


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
            select quotes.id, speakers.name as speaker, {columns}, quotes.said_on
            from quotes left join speakers on speakers.id = quotes.speaker_id
            where quotes.article_id = ? order by quotes.start, quotes.id
            """,
            [article_id],
        )
    )
    return article
