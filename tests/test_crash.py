"""`tracker ingest` killed with SIGKILL part-way: the database stays sound, and the same ingest run again completes it."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tracker.extract import extract

pytestmark = pytest.mark.slow  # `tracker ingest` processes killed mid-way

ARTICLES = 3_000
TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")


FIRST = ["Ana", "Peter", "Maria", "John", "Lena", "Omar", "Kofi"]
LAST = ["Costa", "Vance", "Lopez", "Carter", "Novak", "Haddad", "Mensah", "Ito", "Berg", "Silva", "Okafor", "Moreau",
        "Reyes"]


def word(number, salt):
    """A made-up word per article, so that no two articles hold the same statement."""
    letters, n = [], number * 7 + salt
    for _ in range(5):
        n, r = divmod(n, 26)
        letters.append(chr(ord("a") + r))
    return "".join(letters)


def article(number):
    if number % 10 == 0:  # some articles have no statement at all
        return {"url": f"https://example.com/{number}", "text": f"Narration only, number {number}.\n"}
    speaker, other = f"{FIRST[number % 7]} {LAST[number % 11]}", f"{FIRST[number % 5]} {LAST[number % 13]}"
    return {
        "url": f"https://example.com/{number}",
        "published": "2024-02-03",
        "text": (f'"The {word(number, 3)} plan will {word(number, 4)} every {word(number, 5)}," {speaker} said.\n\n'
                 f'"Nobody {word(number, 6)} the {word(number, 0)} report," said {other}.\n'),
    }


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "crawl.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for number in range(ARTICLES):
            f.write(json.dumps(article(number)) + "\n")
    return path


def stored_articles(database):
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            return db.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or its tables not yet
        return 0


def ingest_and_kill_at(crawl, database, articles):
    process = subprocess.Popen([TRACKER, "ingest", str(crawl), "--db", str(database)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while stored_articles(database) < articles and process.poll() is None:
            time.sleep(0.01)
        assert process.poll() is None, "the ingest finished before it could be killed: make the crawl longer"
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 5
    while left_behind(database) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left_behind(database), "the killed ingest left its worker process running"


def left_behind(database):
    """Ids of processes still running with `database` on their command line (Linux's /proc)."""
    if not os.path.isdir("/proc"):
        return []
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if str(database).encode() in f.read():
                    found.append(int(pid))
        except OSError:  # gone meanwhile
            continue
    return found


def expected_statements(text):
    return len(extract(text))


def check_sound(database):
    """Integrity ok, no url twice, and every stored article holds all its statements; returns the urls."""
    with sqlite3.connect(database) as db:
        assert db.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert db.execute("pragma foreign_key_check").fetchall() == []
        rows = db.execute("""select articles.url, articles.text, count(quotes.id) from articles
                             left join quotes on quotes.article_id = articles.id group by articles.id""").fetchall()
    urls = [url for url, _, _ in rows]
    assert len(urls) == len(set(urls))
    for url, text, quotes in rows:
        assert quotes == expected_statements(text), url
    return set(urls)


def test_a_killed_ingest_leaves_a_sound_database_and_a_rerun_completes_it(crawl, tmp_path):
    database = tmp_path / "quotes.db"
    for fraction in (0.2, 0.5):
        ingest_and_kill_at(crawl, database, int(ARTICLES * fraction))
        stored = check_sound(database)
        assert int(ARTICLES * fraction) <= len(stored) < ARTICLES

    rerun = subprocess.run([TRACKER, "ingest", str(crawl), "--db", str(database)],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{ARTICLES - len(stored)} new, {len(stored)} already stored" in rerun.stderr
    assert check_sound(database) == {article(n)["url"] for n in range(ARTICLES)}
