"""Many writers at once, through the real servers: every article stored once, whole, and no 5xx."""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlite_utils

from tracker.articles import parse_article
from tracker.db import connect, open_database
from tracker.extract import extract
from tracker.ingest import ingest_article
from tracker.servers import RunningServers

CLIENTS = 16
ARTICLES_PER_CLIENT = 4


def make_article(client, number):
    name = f"Speaker{client}x{number} Jones"
    return {
        "url": f"https://example.com/c{client}/a{number}",
        "title": f"Article {number} from client {client}",
        "published": "2024-06-01",
        "text": (
            f'"Client {client} sends article {number}," {name} said on Monday.\n\n'
            f"{name} told reporters that the load test would pass.\n\n"
            f'"Nothing is lost," said Ana Costa. "Nothing is doubled."\n'
        ),
    }


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with RunningServers(tmp_path_factory.mktemp("concurrency") / "quotes.db") as running:
        yield running


def read_while(servers, stop, statuses):
    """Datasette and the API's reads, for as long as the writers write."""
    session = requests.Session()
    urls = [f"{servers.datasette}/{servers.db_name}/quote_details.json?_shape=array&_size=50",
            f"{servers.datasette}/{servers.db_name}/quote_details.json?_search=nothing&_shape=array",
            f"{servers.api}/health"]
    while not stop.is_set():
        for url in urls:
            statuses.append(session.get(url, timeout=30).status_code)


@pytest.mark.slow  # a real `tracker serve`
def test_concurrent_distinct_articles_are_each_stored_once_and_whole(servers):
    start = threading.Barrier(CLIENTS)

    def client(number):
        session = requests.Session()
        start.wait()
        return [session.post(f"{servers.api}/articles", json=make_article(number, n), timeout=60)
                for n in range(ARTICLES_PER_CLIENT)]

    stop, read_statuses = threading.Event(), []
    reader = threading.Thread(target=read_while, args=(servers, stop, read_statuses))
    reader.start()
    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            responses = [r for batch in pool.map(client, range(CLIENTS)) for r in batch]
    finally:
        stop.set()
        reader.join()

    assert [r.status_code for r in responses] == [201] * CLIENTS * ARTICLES_PER_CLIENT, \
        [r.text for r in responses if r.status_code != 201][:3]
    assert read_statuses and set(read_statuses) == {200}
    db = sqlite_utils.Database(servers.database)
    for number in range(CLIENTS):
        for n in range(ARTICLES_PER_CLIENT):
            article = make_article(number, n)
            rows = list(db.query("select id from articles where url = ?", [article["url"]]))
            assert len(rows) == 1, article["url"]
            quotes = db.execute("select count(*) from quotes where article_id = ?", [rows[0]["id"]]).fetchone()[0]
            assert quotes == len(extract(article["text"])) > 0


@pytest.mark.slow  # a real `tracker serve`
def test_the_same_article_posted_at_once_is_stored_once(servers):
    article = make_article(99, 0)
    start = threading.Barrier(CLIENTS)

    def client(_):
        start.wait()
        return requests.post(f"{servers.api}/articles", json=article, timeout=60)

    with ThreadPoolExecutor(CLIENTS) as pool:
        responses = list(pool.map(client, range(CLIENTS)))
    assert sorted(r.status_code for r in responses) == [200] * (CLIENTS - 1) + [201]
    assert len({r.json()["article_id"] for r in responses}) == 1
    db = sqlite_utils.Database(servers.database)
    assert db["articles"].count_where("url = ?", [article["url"]]) == 1
    article_id = responses[0].json()["article_id"]
    assert db["quotes"].count_where("article_id = ?", [article_id]) == len(extract(article["text"]))


def test_ingest_checks_again_under_the_write_lock(tmp_path):
    """Another writer stores the same article after this one's first look but before it gets the lock:
    the second look, under the lock, must find it."""
    path = str(tmp_path / "quotes.db")
    open_database(path).close()
    article = parse_article(make_article(7, 7))
    ours, theirs = connect(path), connect(path)
    waiting_for_lock = threading.Event()
    ours.conn.set_trace_callback(lambda sql: sql == "BEGIN IMMEDIATE" and waiting_for_lock.set())

    theirs.execute("BEGIN IMMEDIATE")
    # Plain SQL: sqlite-utils 3's table methods would commit the transaction.
    theirs.execute("insert into articles (url, text) values (?, ?)", [article["url"], article["text"]])
    result = {}
    worker = threading.Thread(target=lambda: result.update(outcome=ingest_article(ours, article)))
    worker.start()
    # Uncommitted, their row is invisible to our first look; we now wait on the lock they hold.
    assert waiting_for_lock.wait(timeout=30)
    theirs.execute("COMMIT")
    worker.join(timeout=30)

    assert result["outcome"].created is False
    assert theirs["articles"].count_where("url = ?", [article["url"]]) == 1
    assert theirs["quotes"].count == 0
