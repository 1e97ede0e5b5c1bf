import pytest

from tracker.app import create_app

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
