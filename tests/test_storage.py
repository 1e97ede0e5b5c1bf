import sqlite3

import pytest
import sqlite_utils

from tracker.extract import Statement
from tracker.storage import ensure_db_shape, load_article, save_article, write_transaction


def statement(**fields):
    defaults = dict(kind="direct", text="We will win.", start=0, end=14, speaker="Maria Lopez",
                    speaker_mention="Lopez", speaker_start=20, speaker_end=25, cue="said", cue_start=26, cue_end=30)
    return Statement(**{**defaults, **fields})


ARTICLE = {"text": "\"We will win,\" said Lopez.", "url": "https://example.com/a", "title": "Win",
           "source": "Example", "published": "2024-01-02T10:00:00+00:00", "author": None}


def test_shape_is_complete(db):
    assert {"articles", "speakers", "quotes", "quotes_fts", "articles_fts"} <= set(db.table_names())
    assert "quote_details" in db.view_names()
    assert {tuple(i.columns) for i in db["quotes"].indexes} >= {("speaker_id",), ("said_on",), ("article_id",)}
    assert {fk.other_table for fk in db["quotes"].foreign_keys} == {"articles", "speakers", "claims"}


def test_shape_is_idempotent_and_keeps_rows(db):
    with write_transaction(db):
        save_article(db, ARTICLE, [statement()])
    schema = db.schema
    ensure_db_shape(db)
    assert db.schema == schema
    assert db["quotes"].count == 1


def test_shape_adds_missing_columns_to_an_older_file(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["articles"].create({"id": int, "text": str}, pk="id")
    ensure_db_shape(old)
    assert "content_hash" in old["articles"].columns_dict
    assert old.journal_mode == "wal"


def test_saved_article_loads_with_its_statements(db):
    with write_transaction(db):
        article_id = save_article(db, ARTICLE, [statement(), statement(text="Second.", start=40, end=49)])
    loaded = load_article(db, article_id)
    assert loaded["url"] == ARTICLE["url"]
    assert [s["text"] for s in loaded["statements"]] == ["We will win.", "Second."]
    assert loaded["statements"][0]["speaker"] == "Maria Lopez"
    assert loaded["statements"][0]["said_on"] == "2024-01-02"
    assert db["speakers"].count == 1


def test_statements_are_searchable(db):
    with write_transaction(db):
        save_article(db, ARTICLE, [statement(text="Inflation is falling")])
    hits = list(db["quotes"].search("inflation"))
    assert [h["text"] for h in hits] == ["Inflation is falling"]


def test_replace_keeps_the_id_and_swaps_the_statements(db):
    with write_transaction(db):
        article_id = save_article(db, ARTICLE, [statement()])
    with write_transaction(db):
        assert save_article(db, ARTICLE, [statement(text="New.")], replace_id=article_id) == article_id
    assert [s["text"] for s in load_article(db, article_id)["statements"]] == ["New."]
    assert db["articles"].count == 1


def test_a_failed_transaction_leaves_nothing(db):
    with pytest.raises(sqlite3.IntegrityError):
        with write_transaction(db):
            save_article(db, ARTICLE, [statement()])
            db["quotes"].insert({"article_id": 999, "kind": "direct", "text": "orphan"})
    assert db["articles"].count == 0
    assert db["quotes"].count == 0
