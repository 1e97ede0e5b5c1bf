"""The whole path a user walks: `tracker serve`, a POST over HTTP, the quotes read back from Datasette."""
import pytest
import requests
import sqlite_utils

from tracker.servers import RunningServers

pytestmark = pytest.mark.slow  # a real `tracker serve`

ARTICLE = {
    "title": "Port strike ends",
    "url": "https://example.com/port-strike",
    "source": "Harbour Times",
    "published": "2024-05-02",
    "text": (
        "Dock workers returned to work on Thursday after a two-week strike.\n"
        "\"We got what we asked for,\" Ana Costa said.\n"
        "\"The port will reopen tomorrow,\" said Peter Vance.\n"
    ),
}


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with RunningServers(tmp_path_factory.mktemp("serve") / "quotes.db") as running:
        yield running


def test_post_then_read_back_through_datasette(servers):
    posted = requests.post(f"{servers.api}/articles", json=ARTICLE, timeout=10)
    assert posted.status_code == 201, posted.text
    assert any(s["speaker"] == "Ana Costa" for s in posted.json()["statements"])
    rows = requests.get(
        f"{servers.datasette}/{servers.db_name}/quote_details.json",
        params={"speaker": "Ana Costa", "_shape": "array"},
        timeout=10,
    ).json()
    assert [row["text"] for row in rows] == ["We got what we asked for."]
    assert rows[0]["source"] == "Harbour Times"
    assert rows[0]["url"] == ARTICLE["url"]
    assert rows[0]["said_on"] == "2024-05-02"


def test_datasette_serves_the_shipped_metadata(servers):
    metadata = requests.get(f"{servers.datasette}/-/metadata.json", timeout=10).json()
    table = metadata["databases"][servers.db_name]["tables"]["quote_details"]
    assert {"speaker", "kind", "source"} <= set(table["facets"])
    page = requests.get(f"{servers.datasette}/{servers.db_name}/quote_details", timeout=10).text
    assert "filter by speaker here" in page


@pytest.mark.parametrize(
    "sql",
    [
        "insert into speakers (name) values ('Intruder')",
        "update speakers set name = 'Intruder'",
        "delete from quotes",
        "drop table quotes",
        "select 1; delete from quotes",
    ],
)
def test_datasette_refuses_writes(servers, sql):
    before = sqlite_utils.Database(servers.database).execute("select count(*) from quotes").fetchone()
    schema = sqlite_utils.Database(servers.database).schema
    response = requests.get(f"{servers.datasette}/{servers.db_name}.json", params={"sql": sql}, timeout=10)
    assert response.status_code >= 400
    db = sqlite_utils.Database(servers.database)
    assert db.execute("select count(*) from quotes").fetchone() == before
    assert db.schema == schema
    assert "Intruder" not in {row["name"] for row in db["speakers"].rows}


def test_datasette_searches_statements_by_full_text(servers):
    requests.post(f"{servers.api}/articles", json=ARTICLE, timeout=10)
    rows = requests.get(
        f"{servers.datasette}/{servers.db_name}/quote_details.json",
        params={"_search": "reopen", "_shape": "array"},
        timeout=10,
    ).json()
    assert [row["text"] for row in rows] == ["The port will reopen tomorrow."]
