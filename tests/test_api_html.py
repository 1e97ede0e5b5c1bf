"""`POST /api/articles` with a page's `html` instead of `text`."""
import pytest
import requests

from test_web import BOILERPLATE, STRIKE
from tracker.servers import RunningServers
from webpages import Site, news_page

PAGE = news_page("Port strike ends", STRIKE, canonical="https://harbour.example/port-strike")


def test_html_is_extracted_and_stored_with_the_page_metadata(client):
    response = client.post("/api/articles", json={"html": PAGE, "url": "https://harbour.example/port-strike?ref=rss"})
    assert response.status_code == 201, response.json
    body = response.json
    assert body["text"].split("\n")[:-1] == STRIKE
    assert not any(words in body["text"] for words in BOILERPLATE)
    assert (body["title"], body["author"], body["published"], body["source"], body["ingested_via"]) == (
        "Port strike ends", "Maria Keller", "2024-05-02", "Harbour Times", "html")
    assert body["url"] == "https://harbour.example/port-strike?ref=rss"
    assert body["canonical_url"] == "https://harbour.example/port-strike"
    assert body["fetched_at"] is None
    direct = [s for s in body["statements"] if "We got what we asked for" in s["text"]]
    assert direct and direct[0]["speaker"] == "Ana Costa"
    # Offsets index the stored extracted text.
    assert body["text"][direct[0]["start"]:direct[0]["end"]].strip('"').startswith("We got what we asked for")


def test_fields_in_the_body_win_over_the_page(client):
    response = client.post("/api/articles", json={"html": PAGE, "title": "Strike over", "source": "Wire",
                                                  "published": "2024-05-03"})
    assert response.status_code == 201
    assert (response.json["title"], response.json["source"], response.json["published"], response.json["author"]) == (
        "Strike over", "Wire", "2024-05-03", "Maria Keller")


def test_the_same_page_under_another_url_is_stored_once(client):
    first = client.post("/api/articles", json={"html": PAGE, "url": "https://harbour.example/port-strike?ref=a"})
    again = client.post("/api/articles", json={"html": PAGE, "url": "https://harbour.example/port-strike?ref=b"})
    plain = client.post("/api/articles", json={"text": "\"Hi,\" Ana Costa said.",
                                               "url": "https://harbour.example/port-strike"})
    assert (first.status_code, again.status_code, plain.status_code) == (201, 200, 200)
    assert first.json["article_id"] == again.json["article_id"] == plain.json["article_id"]


@pytest.mark.parametrize("body, error", [
    ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "not a news page"),
    ({"html": "no markup at all"}, "not HTML"),
    ({"html": "   "}, "empty page"),
    ({"html": ["<p>"]}, "'html' must be a string"),
])
def test_a_page_without_an_article_is_a_400_and_stores_nothing(client, body, error):
    response = client.post("/api/articles", json=body)
    assert response.status_code == 400
    assert response.json["error"].startswith(error)
    assert client.get("/api/health").json["articles"] == 0


def test_the_api_never_fetches_a_url(client):
    with Site() as site:
        site.page("/news/port-strike", PAGE)
        response = client.post("/api/articles", json={"url": site.url("/news/port-strike")})
        assert response.status_code == 400
        assert site.hits == {}


@pytest.mark.slow  # a real `tracker serve`
def test_a_page_posted_to_tracker_serve_is_browsable_in_datasette(tmp_path):
    with RunningServers(tmp_path / "quotes.db") as servers:
        posted = requests.post(f"{servers.api}/articles", json={"html": PAGE}, timeout=30)
        assert posted.status_code == 201, posted.text
        rows = requests.get(f"{servers.datasette}/{servers.db_name}/articles.json?_shape=array", timeout=30).json()
        quotes = requests.get(f"{servers.datasette}/{servers.db_name}/quote_details.json?_shape=array&speaker=Ana+Costa",
                              timeout=30).json()
    assert [(r["url"], r["ingested_via"], r["source"]) for r in rows] == [
        ("https://harbour.example/port-strike", "html", "Harbour Times")]
    assert any("We got what we asked for" in q["text"] for q in quotes)
