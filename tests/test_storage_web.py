"""The storage of articles from the web: provenance columns, canonical urls, the state of followed feeds."""
import pytest
import sqlite_utils

from tracker.storage import (
    ensure_db_shape,
    find_article,
    load_feed,
    save_article,
    save_feed,
    save_feed_entry,
    seen_entry_keys,
    write_transaction,
)


@pytest.fixture
def db():
    database = sqlite_utils.Database(memory=True)
    ensure_db_shape(database)
    return database


PAGE = {"text": "Dock workers returned.", "url": "https://harbour.example/a?ref=rss", "ingested_via": "feed",
        "fetched_at": "2024-05-02T09:00:00+00:00", "canonical_url": "https://harbour.example/a"}


def test_an_article_keeps_how_and_when_it_came_in(db):
    article_id = save_article(db, PAGE, [])
    row = db["articles"].get(article_id)
    assert (row["ingested_via"], row["fetched_at"], row["canonical_url"]) == (
        "feed", "2024-05-02T09:00:00+00:00", "https://harbour.example/a")
    assert db["articles"].get(save_article(db, {"text": "Plain.", "url": None}, []))["ingested_via"] == "text"


@pytest.mark.parametrize("other", [
    {"url": "https://harbour.example/a"},  # its url is the stored one's canonical url
    {"url": "https://harbour.example/a?ref=home", "canonical_url": "https://harbour.example/a"},
    {"url": "https://harbour.example/a?ref=rss"},
    {"url": "https://mirror.example/x", "canonical_url": "https://harbour.example/a?ref=rss"},
])
def test_the_same_article_is_found_by_url_or_canonical_url(db, other):
    article_id = save_article(db, PAGE, [])
    assert find_article(db, {"text": "Another text.", **other}) == article_id


def test_another_article_is_not_found(db):
    save_article(db, PAGE, [])
    assert find_article(db, {"text": "Dock workers returned.", "url": "https://harbour.example/b"}) is None


def test_a_feed_state_and_its_seen_entries(db):
    assert load_feed(db, "https://harbour.example/feed.xml") is None
    with write_transaction(db):
        save_feed(db, "https://harbour.example/feed.xml", '"v1"', "Thu, 02 May 2024 09:00:00 GMT", "2024-05-02T09:00:00")
        save_feed_entry(db, "https://harbour.example/feed.xml", "guid-1", "https://harbour.example/a", "2024-05-02",
                        error="HTTP 404")
    with write_transaction(db):
        save_feed(db, "https://harbour.example/feed.xml", '"v2"', None, "2024-05-02T10:00:00")
    assert load_feed(db, "https://harbour.example/feed.xml") == {
        "etag": '"v2"', "last_modified": None, "checked_at": "2024-05-02T10:00:00"}
    assert seen_entry_keys(db, "https://harbour.example/feed.xml") == {"guid-1"}
    assert seen_entry_keys(db, "https://other.example/feed.xml") == set()


def test_a_failed_transaction_saves_no_feed_state(db):
    with pytest.raises(RuntimeError):
        with write_transaction(db):
            save_feed(db, "https://harbour.example/feed.xml", '"v1"', None, "2024-05-02")
            raise RuntimeError("interrupted")
    assert load_feed(db, "https://harbour.example/feed.xml") is None
