"""The API's one writer: concurrent requests' articles stored in one transaction, each answered after its commit."""
import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from werkzeug.serving import make_server

from tracker.app import create_app
from tracker.db import connect

CLIENTS = 16


def article(number):
    return {"url": f"https://example.com/{number}", "published": "2024-06-01",
            "text": f'"Article {number} is stored once and whole," Ana Costa said on Monday.\n'}


def test_articles_posted_at_once_are_stored_in_a_few_transactions(tmp_path):
    database = str(tmp_path / "quotes.db")
    app = create_app({"DATABASE": database})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/api/articles"
    try:
        # Another writer holds the lock while every request arrives: they wait together, then go in together.
        blocker = connect(database)
        blocker.execute("BEGIN IMMEDIATE")
        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = [pool.submit(requests.post, url, json=article(n), timeout=60) for n in range(CLIENTS)]
            while app.extensions["tracker_writer"].waiting.qsize() < CLIENTS - 1:
                threading.Event().wait(0.01)
            assert not any(answer.done() for answer in answers)  # none answered before its commit
            blocker.execute("ROLLBACK")
            responses = [answer.result() for answer in answers]
    finally:
        server.shutdown()
    assert [r.status_code for r in responses] == [201] * CLIENTS
    assert len({r.json()["article_id"] for r in responses}) == CLIENTS
    assert all(r.json()["statements"][0]["speaker"] == "Ana Costa" for r in responses)
    assert app.extensions["tracker_writer"].transactions == 1
    db = connect(database)
    assert db.execute("select count(*) from articles").fetchone()[0] == CLIENTS
    assert db.execute("select count(*) from quotes").fetchone()[0] == CLIENTS
