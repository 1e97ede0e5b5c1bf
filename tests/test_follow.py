"""`tracker follow`: feeds polled on a real local site, each entry fetched once, conditional GETs,
failures survived, state kept in the database, Ctrl-C a clean stop."""
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import sqlite_utils
from click.testing import CliRunner

from test_web import BRIDGE, STRIKE, articles
from tracker.cli import cli
from webpages import NOW, Site, news_page, rss_feed

ETAG = '"feed-v1"'
LAST_MODIFIED = "Thu, 02 May 2024 09:00:00 GMT"
VALIDATORS = {"ETag": ("ETag", "If-None-Match", ETAG), "Last-Modified": ("Last-Modified", "If-Modified-Since", LAST_MODIFIED)}


def conditional(site, path, feed, validator="ETag"):
    """Serve `feed` at `path` with an ETag (or a Last-Modified), answering 304 to a request that sends it back."""
    header, asked_with, value = VALIDATORS[validator]

    def answer(handler):
        if handler.headers.get(asked_with) == value:
            return 304, {header: value}, b""
        return 200, {"Content-Type": "application/rss+xml", header: value}, feed.encode()

    site.pages[path] = (200, {}, answer)


@pytest.fixture
def site():
    with Site() as running:
        running.page("/news/port-strike", news_page("Port strike ends", STRIKE))
        running.page("/news/bridge", news_page("Old bridge to close", BRIDGE))
        yield running


def follow(*arguments):
    result = CliRunner().invoke(cli, ["follow", *map(str, arguments)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("validator", VALIDATORS)
def test_once_stores_the_new_entries_and_logs_a_line_each(site, tmp_path, validator):
    conditional(site, "/feed.xml", rss_feed([("Port strike ends", site.url("/news/port-strike"), NOW),
                                             ("Bridge", site.url("/news/bridge"), NOW - timedelta(hours=1))]),
                validator)
    database = tmp_path / "q.db"
    code, out, err = follow(site.url("/feed.xml"), "--once", "--db", database)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2
    assert f"new article 1: Port strike ends (Harbour Times) {site.url('/news/port-strike')}" in lines[0]
    assert "statements" in lines[0]
    assert [a["ingested_via"] for a in articles(database)] == ["feed", "feed"]
    db = sqlite_utils.Database(database)
    header, asked_with, value = VALIDATORS[validator]
    kept = db["feeds"].get(site.url("/feed.xml"))
    assert kept["etag" if validator == "ETag" else "last_modified"] == value

    hits = dict(site.hits)
    code, out, err = follow(site.url("/feed.xml"), "--once", "--db", database)
    assert (code, out) == (0, "")
    assert site.hits["/feed.xml"] == hits["/feed.xml"] + 1  # one conditional GET, answered 304
    assert site.requests[-1][1][asked_with] == value
    assert site.hits["/news/port-strike"] == hits["/news/port-strike"]
    assert len(articles(database)) == 2


def test_a_changed_feed_fetches_only_its_new_entries(site, tmp_path):
    site.page("/feed.xml", rss_feed([("Port strike ends", site.url("/news/port-strike"), NOW)]),
              content_type="application/rss+xml")
    database = tmp_path / "q.db"
    assert follow(site.url("/feed.xml"), "--once", "--db", database)[0] == 0
    site.page("/feed.xml", rss_feed([("Bridge", site.url("/news/bridge"), NOW),
                                     ("Port strike ends", site.url("/news/port-strike"), NOW)]),
              content_type="application/rss+xml")
    code, out, _ = follow(site.url("/feed.xml"), "--once", "--db", database)
    assert code == 0
    assert out.count("new article") == 1 and "Old bridge to close" in out
    assert site.hits["/news/port-strike"] == 1


def test_entries_stored_by_ingest_are_not_fetched_again(site, tmp_path):
    site.page("/feed.xml", rss_feed([("Port strike ends", site.url("/news/port-strike"), NOW)]),
              content_type="application/rss+xml")
    database = tmp_path / "q.db"
    assert CliRunner().invoke(cli, ["ingest", site.url("/news/port-strike"), "--db", str(database)]).exit_code == 0
    code, out, _ = follow(site.url("/feed.xml"), "--once", "--db", database)
    assert (code, out) == (0, "")
    assert site.hits["/news/port-strike"] == 1


def test_a_failing_feed_or_page_is_reported_and_the_rest_followed(site, tmp_path):
    site.page("/feed.xml", rss_feed([("Gone", site.url("/news/gone"), NOW),
                                     ("Bridge", site.url("/news/bridge"), NOW)]), content_type="application/rss+xml")
    site.page("/not-a-feed", "plain words", content_type="text/plain")
    database = tmp_path / "q.db"
    code, out, err = follow(site.url("/down.xml"), site.url("/not-a-feed"), site.url("/feed.xml"), "--once",
                            "--db", database)
    assert code == 1
    assert err.splitlines() == [f"{site.url('/down.xml')}: HTTP 404", f"{site.url('/not-a-feed')}: not an RSS or Atom feed",
                                f"{site.url('/news/gone')}: HTTP 404"]
    assert "Old bridge to close" in out
    db = sqlite_utils.Database(database)
    gone = db.execute("select error from feed_entries where link = ?", [site.url("/news/gone")]).fetchone()
    assert gone == ("HTTP 404",)
    # Each entry is fetched once: a page that failed is not tried on every poll.
    assert follow(site.url("/feed.xml"), "--once", "--db", database)[0] == 0
    assert site.hits["/news/gone"] == 1


@pytest.mark.slow  # a `tracker follow` process
def test_ctrl_c_stops_it_cleanly(site, tmp_path):
    site.page("/feed.xml", rss_feed([("Port strike ends", site.url("/news/port-strike"), NOW)]),
              content_type="application/rss+xml")
    database = tmp_path / "q.db"
    tracker = os.path.join(os.path.dirname(sys.executable), "tracker")
    process = subprocess.Popen([tracker, "follow", site.url("/feed.xml"), "--interval", "0.2", "--db", str(database)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while site.hits.get("/feed.xml", 0) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert err.strip().splitlines()[-1] == "stopped"
    assert "Traceback" not in err
    assert out.count("new article") == 1
    assert len(articles(database)) == 1
    assert sqlite_utils.Database(database).execute("pragma integrity_check").fetchone() == ("ok",)
