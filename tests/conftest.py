"""Fixtures every test file may use: an article, the app and its client, an empty database,
the seed articles, and a count of what the app stored."""
from pathlib import Path

import pytest
import sqlite_utils

from tracker.app import create_app
from tracker.storage import ensure_db_shape

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = {
    "title": "Minister defends budget",
    "url": "https://example.com/news/budget",
    "source": "Example News",
    "published": "2024-03-06",
    "author": "A. Reporter",
    "text": (
        "The finance minister defended the budget on Tuesday.\n"
        "\"This budget protects families,\" Maria Lopez said.\n"
        "Critics were not convinced.\n"
    ),
}


@pytest.fixture
def article():
    return dict(ARTICLE)


@pytest.fixture
def app(tmp_path):
    return create_app({"DATABASE": str(tmp_path / "quotes.db"), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def stored(app):
    """How many rows a table of the app's database holds: stored("quotes")."""
    return lambda table: sqlite_utils.Database(app.config["DATABASE"])[table].count


@pytest.fixture
def db():
    """An empty in-memory database of the current shape."""
    database = sqlite_utils.Database(memory=True)
    ensure_db_shape(database)
    return database


@pytest.fixture(scope="session")
def seeds():
    """The folder of seed articles (seeds/), with their metadata index articles.json."""
    return SEEDS


@pytest.fixture(scope="session")
def seeded_database(seeds):
    """seeded_database(path, *articles): a database file at `path` holding the seed articles,
    then `articles` (API-style dicts); returns the path as a string."""
    from tracker.articles import parse_article
    from tracker.db import open_database
    from tracker.ingest import ingest_article
    from tracker.sources import read_articles

    def make(path, *articles):
        db = open_database(str(path))
        for _, data in read_articles([str(seeds)]):
            ingest_article(db, parse_article(data))
        for article in articles:
            ingest_article(db, parse_article(article))
        db.close()
        return str(path)

    return make
