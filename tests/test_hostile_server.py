"""Hostile clients against the real servers: gunicorn in front of the API, and Datasette."""
import html
import socket

import pytest
import requests
import sqlite_utils

from tracker.config import DEFAULT_MAX_BODY
from tracker.servers import RunningServers

pytestmark = pytest.mark.slow  # a real `tracker serve`

MB = 1 << 20


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with RunningServers(tmp_path_factory.mktemp("hostile") / "quotes.db") as running:
        yield running


def raw_request(servers, head, body_parts=()):
    """Send a hand-written request over a socket; the status code the server answers with.
    Sending stops early if the server has answered and closed; the socket timeout turns a hang into a failure."""
    with socket.create_connection(("127.0.0.1", servers.api_port), timeout=30) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n")
        try:
            for part in body_parts:
                sock.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass
        response = b""
        while b"\r\n" not in response:
            chunk = sock.recv(4096)
            if not chunk:
                break
            response += chunk
    return int(response.split(b" ", 2)[1])


def articles_stored(servers):
    return sqlite_utils.Database(servers.database)["articles"].count


def test_a_60mb_content_length_is_refused_before_the_body_is_read(servers):
    before = articles_stored(servers)
    head = f"POST /api/articles HTTP/1.1\nHost: x\nContent-Type: application/json\nContent-Length: {60 * MB}\n"
    # Only a little of the announced body is ever sent: an answer means the server did not wait for the rest.
    assert raw_request(servers, head, [b'{"text": "' + b"a" * 1000]) == 413
    assert articles_stored(servers) == before
    assert requests.get(f"{servers.api}/health", timeout=10).status_code == 200


def chunked(data, size=64 * 1024):
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        yield b"%x\r\n" % len(piece) + piece + b"\r\n"
    yield b"0\r\n\r\n"


CHUNKED_HEAD = "POST /api/articles HTTP/1.1\nHost: x\nContent-Type: application/json\nTransfer-Encoding: chunked\n"


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "' + b"a" * (DEFAULT_MAX_BODY + MB) + b'"}',
        # Cut at the limit, this would still parse: the whole of it must be refused, not its first part stored.
        b'{"text": "\\"Padding follows,\\" she said.", "url": "https://x.test/padded"}' + b" " * (DEFAULT_MAX_BODY + MB),
    ],
    ids=["long text", "padded with whitespace"],
)
def test_a_chunked_body_over_the_limit_is_a_413(servers, body):
    before = articles_stored(servers)
    assert raw_request(servers, CHUNKED_HEAD, chunked(body)) == 413
    assert articles_stored(servers) == before


def test_a_chunked_body_under_the_limit_is_read(servers):
    body = b'{"text": "\\"Chunks arrive fine,\\" the engineer said.", "url": "https://x.test/chunked"}'
    assert raw_request(servers, CHUNKED_HEAD, chunked(body, size=7)) == 201


@pytest.mark.parametrize(
    "body",
    [b"[" * 500_000 + b"]" * 500_000, b'{"text": "\xff\xfe bad utf-8"}', b'{"text": "a\\ud800b"}',
     b'{"text": "nul\\u0000"}', b'{"text": ["list"]}'],
)
def test_hostile_bodies_get_a_400_from_gunicorn(servers, body):
    response = requests.post(f"{servers.api}/articles", data=body,
                             headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert "error" in response.json()


def test_html_reaches_datasette_escaped(servers):
    script = "<script>alert(1)</script>"
    article = {"url": "https://x.test/html", "title": f"Title {script}",
               "text": f'"Keep {script} out," said Maria Lopez.\n<b>bold</b> {script}\n'}
    posted = requests.post(f"{servers.api}/articles", json=article, timeout=10)
    assert posted.status_code == 201
    assert any(script in s["text"] for s in posted.json()["statements"])
    article_id = posted.json()["article_id"]
    pages = [
        f"{servers.datasette}/{servers.db_name}/articles/{article_id}",
        f"{servers.datasette}/{servers.db_name}/quote_details?article_id={article_id}",
        f"{servers.datasette}/{servers.db_name}/quotes?article_id={article_id}",
    ]
    for url in pages:
        page = requests.get(url, timeout=10)
        assert page.status_code == 200
        assert script not in page.text
        assert html.escape(script, quote=False) in page.text.replace("&#34;", '"').replace("&#39;", "'")


WRITES = [
    "attach database ':memory:' as other",
    "attach database '/tmp/tracker-attached.db' as other",
    "pragma writable_schema = 1",
    "pragma journal_mode = delete",
    "pragma user_version = 7",
    "vacuum",
    "with x as (select 1) insert into speakers (name) select 'Intruder' from x",
    "replace into speakers (id, name) values (1, 'Intruder')",
    "create table intruder (x)",
    "select load_extension('/tmp/nothing')",
    "select * from speakers; insert into speakers (name) values ('Intruder')",
]


@pytest.mark.parametrize("sql", WRITES)
def test_datasette_cannot_write(servers, sql):
    before = sqlite_utils.Database(servers.database)
    schema, speakers = before.schema, list(before["speakers"].rows)
    pragmas = [before.execute(f"pragma {p}").fetchone() for p in ("journal_mode", "user_version")]
    for method in ("get", "post"):
        response = getattr(requests, method)(f"{servers.datasette}/{servers.db_name}.json",
                                             params={"sql": sql}, timeout=10)
        assert response.status_code >= 400, (method, response.text[:300])
    after = sqlite_utils.Database(servers.database)
    assert after.schema == schema
    assert list(after["speakers"].rows) == speakers
    assert [after.execute(f"pragma {p}").fetchone() for p in ("journal_mode", "user_version")] == pragmas


# Plugins whose purpose is to write to the database; Datasette loads whatever is installed.
WRITING_PLUGINS = {
    "datasette-write", "datasette-insert", "datasette-upload-csvs", "datasette-edit-schema",
    "datasette-write-ui", "datasette-edit-templates", "datasette-import", "datasette-upload-dbs",
    "datasette-configure-fts", "datasette-saved-queries", "datasette-enrichments", "datasette-comments",
}


def test_datasette_has_a_time_limit_no_writing_plugin_and_no_writable_canned_query(servers):
    settings = requests.get(f"{servers.datasette}/-/settings.json", timeout=10).json()
    assert 0 < settings["sql_time_limit_ms"] <= 5000
    plugins = {plugin["name"] for plugin in requests.get(f"{servers.datasette}/-/plugins.json", timeout=10).json()}
    assert not plugins & WRITING_PLUGINS
    metadata = requests.get(f"{servers.datasette}/-/metadata.json", timeout=10).json()
    for database in metadata["databases"].values():
        for name, query in database.get("queries", {}).items():
            assert not (isinstance(query, dict) and query.get("write")), name


def test_a_slow_query_is_cut_off(servers):
    endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = requests.get(f"{servers.datasette}/{servers.db_name}.json", params={"sql": endless}, timeout=30)
    assert response.status_code == 400
    assert "interrupted" in response.text.lower() or "time limit" in response.text.lower()
