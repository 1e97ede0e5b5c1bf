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


def claims_one_by_one_and_in_bulk(one_by_one, in_bulk, batch):
    """The claim ids of the (speaker id, text) statements of `batch`: matched by `claim_for` one at a
    time in `one_by_one`, and by one `BatchClaims` in `in_bulk`."""
    from tracker.claims import terms
    from tracker.storage import BatchClaims, claim_for

    with write_transaction(one_by_one):
        expected = [claim_for(one_by_one, s, text, terms(text)) for s, text in batch]
    with write_transaction(in_bulk):
        matcher = BatchClaims(in_bulk, [(s, terms(text)) for s, text in batch])
        got = [matcher.claim_for(s, text, terms(text)) for s, text in batch]
        matcher.write()
    return expected, got


@pytest.mark.parametrize("kept", [20_000, 0])  # 0: every claim read is forgotten, read again
def test_batch_claims_match_as_claim_for_does_on_claims_stored_before(kept, monkeypatch):
    """`BatchClaims` keeps of a stored claim only its size and the terms the batch's statements by its
    speaker hold: the claims it picks, and the terms it stores, are those of `claim_for` one by one."""
    from tracker.claims import terms
    from tracker.storage import claim_for

    monkeypatch.setattr("tracker.storage.READ_CLAIMS_KEPT", kept)

    stored = [(1, "alpha bravo charlie delta echo foxtrot golf hotel india juliet"),
              (1, "kilo lima mike november oscar papa"), (2, "alpha bravo charlie delta echo")]
    batch = [(1, "alpha bravo charlie"),  # 3 of a 10-term claim's terms: the same claim
             (1, "kilo lima mike quebec romeo sierra"),  # 3 of 6, by a 6-term claim: not the same
             (1, "alpha bravo charlie xray yankee zulu"),  # 3 of 6, by the 10-term claim: not the same
             (2, "alpha bravo charlie delta"),  # speaker 2's own claim, not speaker 1's
             (1, "quebec romeo sierra tango"),  # the batch's own claim (from the second statement) ...
             (1, "quebec romeo sierra tango uniform"), (3, "alpha bravo charlie")]  # ... and a new speaker

    def database():
        db = sqlite_utils.Database(memory=True)
        ensure_db_shape(db)
        with write_transaction(db):
            db.conn.executemany("insert into speakers (id, name) values (?, ?)", [(1, "A"), (2, "B"), (3, "C")])
            for speaker_id, text in stored:
                claim_for(db, speaker_id, text, terms(text))
        return db

    one_by_one, in_bulk = database(), database()
    expected, got = claims_one_by_one_and_in_bulk(one_by_one, in_bulk, batch)
    assert got == expected == [1, 4, 5, 3, 4, 4, 6]
    for table in ("claims", "claim_terms"):
        sql = f"select * from {table} order by 1, 2, 3"
        assert in_bulk.execute(sql).fetchall() == one_by_one.execute(sql).fetchall()


@pytest.mark.parametrize("kept", [20_000, 0])  # 0: every claim read is forgotten, read again
def test_batch_claims_match_as_claim_for_does_on_a_claim_indexed_under_two_speakers(kept, monkeypatch):
    """Whatever the index holds: a claim a statement by another speaker checks is read anew for them,
    with the terms the batch gave it."""
    from tracker.claims import terms
    from tracker.storage import claim_for

    monkeypatch.setattr("tracker.storage.READ_CLAIMS_KEPT", kept)

    batch = [(1, "alpha bravo charlie delta echo foxtrot golf hotel"),  # claim 1, given two terms
             (2, "alpha bravo charlie golf hotel"),  # checks claim 1 through speaker 2's rows: shares golf, hotel
             (1, "alpha bravo charlie delta echo foxtrot golf hotel")]  # and back to speaker 1

    def database():
        db = sqlite_utils.Database(memory=True)
        ensure_db_shape(db)
        with write_transaction(db):
            db.conn.executemany("insert into speakers (id, name) values (?, ?)", [(1, "A"), (2, "B")])
            claim_for(db, 1, "alpha bravo charlie delta echo foxtrot", terms("alpha bravo charlie delta echo foxtrot"))
            db.execute("update claim_terms set speaker_id = 2 where term in ('alpha', 'bravo')")
        return db

    one_by_one, in_bulk = database(), database()
    expected, got = claims_one_by_one_and_in_bulk(one_by_one, in_bulk, batch)
    assert got == expected == [1, 1, 1]
    sql = "select * from claim_terms order by 1, 2, 3"
    assert in_bulk.execute(sql).fetchall() == one_by_one.execute(sql).fetchall()
