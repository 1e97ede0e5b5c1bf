"""`tracker ingest` of pages, feeds and crawl archives from a real web site on 127.0.0.1 and from
files: what a user would check, the body, metadata and quotes stored, nothing from the boilerplate."""
import gzip
import io
import time

import pytest
import sqlite_utils
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tracker.cli import cli
from webpages import BOILERPLATE, NOW, Site, news_page, rss_feed

STRIKE = [
    "Dock workers returned to the port of Leith on Thursday after a strike that lasted nine days.",
    "\"We got what we asked for,\" Ana Costa, the union's leader, said outside the gates.",
    "The port authority said the agreement would cost it four million pounds a year.",
    "Ports minister Peter Vance told reporters that the deal was \"fair to everyone involved\".",
]
BRIDGE = [
    "The city council voted on Monday to close the old bridge to cars from the first of June.",
    "\"The bridge is simply not safe for heavy traffic any more,\" Mayor Lena Novak said after the vote.",
    "Shop owners on both banks fear losing customers during the two years of repairs.",
]
CAFE = [
    "Le café de la place du marché a fermé ses portes jeudi, après trente ans d'activité.",
    "« Nous étions épuisés », a déclaré Hélène Dubois, la propriétaire, devant la façade.",
    "La mairie a promis une aide aux commerçants du centre-ville dès la rentrée prochaine.",
]
RELATED = ("Port fees rise again", "Ferry timetable changes")
NAVIGATION = ("Home", "Politics", "Business", "Sport", "About us")


@pytest.fixture
def site():
    with Site() as running:
        yield running


def ingest(*arguments):
    result = CliRunner().invoke(cli, ["ingest", *map(str, arguments)])
    return result.exit_code, result.output


def articles(database):
    return list(sqlite_utils.Database(database).query("select * from articles order by id"))


def quotes(database):
    return list(sqlite_utils.Database(database).query(
        "select quotes.text, speakers.name as speaker from quotes left join speakers on speakers.id = speaker_id"))


def assert_no_boilerplate(text):
    for words in (*BOILERPLATE, *RELATED, *NAVIGATION, "By Maria Keller", "cookies"):
        assert words not in text


def test_a_page_url_is_an_article_with_its_metadata_and_quotes(site, tmp_path):
    site.page("/news/port-strike", news_page("Port strike ends", STRIKE, date_in="json-ld"))
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/news/port-strike"), "--db", database)
    assert code == 0, output
    assert "1 new" in output
    [article] = articles(database)
    assert article["text"].split("\n")[:-1] == STRIKE
    assert_no_boilerplate(article["text"])
    assert (article["title"], article["author"], article["published"], article["source"]) == (
        "Port strike ends", "Maria Keller", "2024-05-02", "Harbour Times")
    assert (article["url"], article["ingested_via"]) == (site.url("/news/port-strike"), "html")
    assert article["fetched_at"].startswith(time.strftime("%Y-", time.gmtime()))
    stored = quotes(database)
    assert any("We got what we asked for" in q["text"] and q["speaker"] == "Ana Costa" for q in stored), stored


def test_a_date_from_meta_tags_and_a_byline_in_meta(site, tmp_path):
    site.page("/bridge", news_page("Old bridge to close", BRIDGE, author="Tom Berg", published="2024-03-11",
                                   date_in="meta", site="Valley Herald"))
    database = tmp_path / "q.db"
    assert ingest(site.url("/bridge"), "--db", database)[0] == 0
    [article] = articles(database)
    assert (article["published"], article["author"], article["source"]) == ("2024-03-11", "Tom Berg", "Valley Herald")
    assert "Mayor Lena Novak said" in article["text"]
    assert_no_boilerplate(article["text"])


def test_pages_in_other_charsets_than_utf8(site, tmp_path):
    html = news_page("Le café ferme", CAFE, site="Le Petit Écho", charset="iso-8859-1")
    site.page("/declared-in-meta", html, content_type="text/html", encoding="iso-8859-1")
    site.page("/declared-in-header", html.replace('<meta charset="iso-8859-1">', ""),
              content_type="text/html; charset=windows-1252", encoding="cp1252")
    site.page("/not-declared", html.replace('<meta charset="iso-8859-1">', ""), content_type="text/html",
              encoding="cp1252")
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/declared-in-meta"), site.url("/declared-in-header"), site.url("/not-declared"),
                          "--db", database)
    assert code == 0, output
    stored = articles(database)
    assert len(stored) == 3
    for article in stored:
        assert article["text"].split("\n")[:-1] == CAFE
        assert (article["title"], article["source"]) == ("Le café ferme", "Le Petit Écho")


def test_a_feed_is_every_entry_page_and_a_second_run_stores_nothing(site, tmp_path):
    site.page("/news/port-strike", news_page("Port strike ends", STRIKE))
    site.page("/news/bridge", news_page("Old bridge to close", BRIDGE, published=None))
    site.page("/feed.xml", rss_feed([("Port strike ends", site.url("/news/port-strike"), NOW),
                                     ("Bridge: the council decides", site.url("/news/bridge"), NOW)]),
              content_type="application/rss+xml")
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/feed.xml"), "--db", database)
    assert code == 0, output
    assert "2 new" in output
    stored = {a["url"]: a for a in articles(database)}
    assert set(stored) == {site.url("/news/port-strike"), site.url("/news/bridge")}
    assert {a["ingested_via"] for a in stored.values()} == {"feed"}
    # The page says what it is; the feed only stands in for what the page lacks (no date here).
    bridge = stored[site.url("/news/bridge")]
    assert bridge["title"] == "Old bridge to close"
    assert bridge["published"] == NOW.isoformat()
    again = ingest(site.url("/feed.xml"), "--db", database)
    assert again == (0, f"0 new, 2 already stored; 0 statements stored in {database}\n")
    assert len(articles(database)) == 2
    # The entries stored are not fetched again, unless they are to be re-extracted.
    assert (site.hits["/news/port-strike"], site.hits["/news/bridge"]) == (1, 1)
    replaced = ingest(site.url("/feed.xml"), "--db", database, "--replace")
    assert replaced[1].startswith("0 new, 2 replaced")
    assert (site.hits["/news/port-strike"], site.hits["/news/bridge"]) == (2, 2)


def test_an_atom_feed_served_as_xml_is_told_by_its_content(site, tmp_path):
    from webpages import atom_feed

    site.page("/news/port-strike", news_page("Port strike ends", STRIKE))
    site.page("/updates", atom_feed([("Port strike ends", "/news/port-strike", NOW)]), content_type="text/xml")
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/updates"), "--db", database)
    assert code == 0, output
    assert [a["url"] for a in articles(database)] == [site.url("/news/port-strike")]


def test_bad_items_are_reported_one_line_each_and_the_rest_stored(site, tmp_path):
    def slow(handler):
        time.sleep(2)
        return 200, {"Content-Type": "text/html"}, news_page("Late", STRIKE).encode()

    site.page("/good", news_page("Port strike ends", STRIKE))
    site.pages["/slow"] = (200, {}, slow)
    site.page("/report.pdf", b"%PDF-1.7 binary", content_type="application/pdf")
    def unannounced(handler):  # no Content-Length: read until the cap, then given up on
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(news_page("Long read", STRIKE * 200).encode())
        return None, None, None

    site.page("/index", "<html><body><nav><a href='/a'>Politics</a> <a href='/b'>Sport</a></nav>"
                        "<ul><li><a href='/news/1'>Port strike ends</a></li><li><a href='/news/2'>Bridge to close</a>"
                        "</li></ul></body></html>")
    site.pages["/unannounced"] = (200, {}, unannounced)
    site.page("/garbage", bytes(range(256)) * 20, content_type="text/html; charset=utf-8")
    site.page("/huge", news_page("Long read", STRIKE * 200))
    site.page("/empty", b"")
    urls = ["/good", "/missing", "/slow", "/report.pdf", "/index", "/garbage", "/huge", "/unannounced", "/empty"]
    database = tmp_path / "q.db"
    code, output = ingest(*map(site.url, urls), "--db", database, "--timeout", "0.5", "--max-bytes", "20000")
    assert code == 1
    lines = dict(line.split(": ", 1) for line in output.splitlines() if line.startswith("http"))
    assert lines == {
        site.url("/missing"): "HTTP 404",
        site.url("/slow"): "timed out after 0.5 s",
        site.url("/report.pdf"): "not HTML (Content-Type: application/pdf)",
        site.url("/index"): lines[site.url("/index")],
        site.url("/garbage"): "undecodable: the bytes are not text in its declared charset utf-8",
        site.url("/huge"): "over the size cap: 81106 bytes announced, at most 20000",
        site.url("/unannounced"): "over the size cap of 20000 bytes",
        site.url("/empty"): "empty page",
    }, output
    assert lines[site.url("/index")].startswith("not a news page: no article text found")
    assert "1 new, 8 failed" in output
    assert [a["title"] for a in articles(database)] == ["Port strike ends"]


def test_robots_txt_is_respected_unless_told_otherwise(site, tmp_path):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.page("/private/port-strike", news_page("Port strike ends", STRIKE))
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/private/port-strike"), "--db", database)
    assert code == 1
    assert f"{site.url('/private/port-strike')}: disallowed by the site's robots.txt" in output
    assert site.hits.get("/private/port-strike") is None
    site.pages["/moved"] = (301, {"Location": "/private/port-strike"}, b"")
    code, output = ingest(site.url("/moved"), "--db", database)
    assert f"{site.url('/moved')}: redirected to {site.url('/private/port-strike')}, which the site's robots.txt" \
           " disallows" in output
    assert site.hits.get("/private/port-strike") is None
    assert ingest(site.url("/private/port-strike"), "--db", database, "--ignore-robots")[0] == 0
    assert len(articles(database)) == 1


def test_requests_name_tracker_and_redirects_are_followed_a_few_times(site, tmp_path):
    site.page("/news/port-strike", news_page("Port strike ends", STRIKE))
    site.pages["/old"] = (301, {"Location": "/news/port-strike"}, b"")
    site.pages["/loop"] = (302, {"Location": "/loop"}, b"")
    database = tmp_path / "q.db"
    code, output = ingest(site.url("/old"), site.url("/loop"), "--db", database)
    assert code == 1
    assert f"{site.url('/loop')}: more than 5 redirects" in output
    [article] = articles(database)
    assert article["url"] == site.url("/news/port-strike")
    agents = {headers["User-Agent"] for _, headers in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("tracker/0.1.0 ")


def test_the_same_article_under_another_url_is_stored_once(site, tmp_path):
    canonical = site.url("/news/port-strike")
    page = news_page("Port strike ends", STRIKE, canonical=canonical)
    site.page("/news/port-strike", page)
    site.pages["/news/port-strike?utm_source=feed"] = site.pages["/news/port-strike"]
    database = tmp_path / "q.db"
    assert ingest(site.url("/news/port-strike?utm_source=feed"), "--db", database)[0] == 0
    code, output = ingest(canonical, "--db", database)
    assert code == 0
    assert "0 new, 1 already stored" in output
    [article] = articles(database)
    assert article["canonical_url"] == canonical


def test_a_saved_page_with_its_canonical_url_and_a_sidecar(tmp_path):
    saved = tmp_path / "saved-page.html"
    saved.write_text(news_page("Port strike ends", STRIKE, canonical="https://harbour.example/port-strike"),
                     encoding="utf-8")
    (tmp_path / "bridge.htm").write_bytes(news_page("Le café ferme", CAFE, charset="iso-8859-1").encode("latin-1"))
    (tmp_path / "bridge.json").write_text('{"source": "Given Outlet", "url": "https://given.example/cafe"}')
    database = tmp_path / "q.db"
    code, output = ingest(saved, tmp_path / "bridge.htm", "--db", database)
    assert code == 0, output
    port, cafe = articles(database)
    assert (port["url"], port["canonical_url"], port["source"], port["ingested_via"]) == (
        "https://harbour.example/port-strike", "https://harbour.example/port-strike", "Harbour Times", "html")
    assert port["fetched_at"] is None
    assert (cafe["url"], cafe["source"], cafe["title"]) == ("https://given.example/cafe", "Given Outlet", "Le café ferme")
    assert "Hélène Dubois" in cafe["text"]
    again = ingest(tmp_path, "--db", database)
    assert again == (0, f"0 new, 2 already stored; 0 statements stored in {database}\n")


def http_record(writer, url, status, content_type, body, date="2024-05-02T10:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": date})


def write_warc(path):
    """A crawl archive the way CC-NEWS holds one: request/response pairs, some not articles at all."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=str(path).endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(str(path), {"software": "tests"}))
        pages = [
            ("https://harbour.example/port-strike", "200 OK", "text/html; charset=utf-8",
             news_page("Port strike ends", STRIKE).encode()),
            ("https://harbour.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://harbour.example/gone", "404 Not Found", "text/html", b"<h1>Not found</h1>"),
            ("https://harbour.example/", "200 OK", "text/html", b"<html><body><nav>Home</nav></body></html>"),
            ("https://echo.example/cafe", "200 OK", "text/html",
             news_page("Le café ferme", CAFE, charset="iso-8859-1").encode("latin-1")),
        ]
        for url, status, content_type, body in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(http_record(writer, url, status, content_type, body))


def test_a_crawl_archive_is_its_html_responses(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl)
    database = tmp_path / "q.db"
    code, output = ingest(crawl, "--db", database)
    assert code == 1
    assert "2 new, 1 failed" in output
    assert f"{crawl}[9] https://harbour.example/: not a news page" in output
    port, cafe = articles(database)
    assert (port["url"], port["ingested_via"], port["fetched_at"]) == (
        "https://harbour.example/port-strike", "warc", "2024-05-02T10:00:00Z")
    assert port["text"].split("\n")[:-1] == STRIKE
    assert cafe["text"].split("\n")[:-1] == CAFE
    assert any("We got what we asked for" in q["text"] for q in quotes(database))
    again = ingest(crawl, "--db", database)
    assert "0 new, 2 already stored, 1 failed" in again[1]


def test_an_uncompressed_archive_and_a_file_that_is_none(tmp_path):
    write_warc(tmp_path / "crawl.warc")
    (tmp_path / "broken.warc.gz").write_bytes(gzip.compress(news_page("Port strike ends", STRIKE).encode()))
    database = tmp_path / "q.db"
    code, output = ingest(tmp_path / "crawl.warc", tmp_path / "broken.warc.gz", "--db", database)
    assert code == 1
    assert f"{tmp_path / 'broken.warc.gz'}: not a WARC file" in output
    assert len(articles(database)) == 2


def test_the_size_cap_holds_for_saved_pages_and_archived_ones(tmp_path):
    (tmp_path / "long-read.html").write_text(news_page("Long read", STRIKE * 50), encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz")
    database = tmp_path / "q.db"
    cap = len(news_page("Le café ferme", CAFE, charset="iso-8859-1").encode("latin-1"))  # the archive's smaller page
    code, output = ingest(tmp_path / "long-read.html", tmp_path / "crawl.warc.gz", "--db", database,
                          "--max-bytes", cap)
    assert code == 1
    assert f"{tmp_path / 'long-read.html'}: over the size cap of {cap} bytes" in output
    assert f"{tmp_path / 'crawl.warc.gz'}[3] https://harbour.example/port-strike: over the size cap of {cap} bytes" in output
    assert [a["url"] for a in articles(database)] == ["https://echo.example/cafe"]
