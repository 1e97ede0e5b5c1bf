"""The reading room as a reader walks it, in a real headless Chromium driven through chromedriver,
over `tracker serve` on a database ingested from seeds/ (plus one article whose text is HTML):
the home page's search, the speaker, statement and claim pages, the table view, and the feeds.
Screenshots are kept in tests/artifacts/ (reading_room_*.png)."""
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import requests
import sqlite_utils

from tracker.servers import RunningServers

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = {
    "source": "<b>Evil Gazette</b>", "published": "2024-05-02",
    "text": "Intro line.\n\"<script>window.pwned = 1</script>We will <i>win</i>,\" Ana Costa said.\nThe end.\n",
}

pytestmark = [
    pytest.mark.slow,  # a real Chromium against a real `tracker serve`
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="chromium and chromedriver are not installed (.ci/run installs Debian's chromium and chromium-driver)",
    ),
]


@pytest.fixture(scope="module")
def servers(tmp_path_factory, seeded_database):
    database = seeded_database(tmp_path_factory.mktemp("reading_room") / "quotes.db", HOSTILE)
    with RunningServers(database) as running:
        running.db = sqlite_utils.Database(str(database))
        yield running


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1100"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def screenshot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"reading_room_{name}.png"))


def assert_links_resolve(driver, selector):
    hrefs = {link.get_attribute("href") for link in css(driver, selector)}
    assert hrefs
    for href in hrefs:
        assert requests.get(href, timeout=10).status_code == 200, href


def the_speaker(servers):
    return servers.db.execute("select id, name from speakers where name like 'Svetlana%'").fetchone()


@pytest.mark.parametrize("typed", ["Tikhonovskaya", "Tikhanovskaya", "Svetlana"])
def test_typing_any_spelling_on_the_home_page_leads_to_her_one_page(servers, browser, typed):
    speaker_id, name = the_speaker(servers)
    browser.get(servers.datasette + "/")
    box = css(browser, "form.find input[name=q]")[0]
    box.send_keys(typed)
    box.submit()
    found = css(browser, "ul.speakers a.speaker")
    assert [link.text for link in found] == [name]
    screenshot(browser, f"find_{typed}")
    found[0].click()
    assert browser.current_url.endswith(f"/quotes/speakers/{speaker_id}")
    assert css(browser, "h1.speaker-name")[0].text == name
    outlets = {row.find_elements("css selector", "td")[3].text for row in css(browser, "table.statements tr")[1:]}
    assert outlets == {"Express.co.uk", "The Moscow Times"}


def test_the_speaker_page_has_aliases_counts_timeline_claims_and_statements(servers, browser):
    speaker_id, name = the_speaker(servers)
    db = servers.db
    browser.get(f"{servers.datasette}/quotes/speakers/{speaker_id}")
    browser.execute_script("return new Promise(done => { const wait = () => window.timelineView ? done() : setTimeout(wait, 50); wait(); })")
    screenshot(browser, "speaker")
    assert browser.title == name
    roles = {role.text for role in css(browser, ".speaker-role")}
    assert "Belarus opposition leader" in roles
    assert css(browser, ".speaker-kind")[0].text == "person"
    aliases = {row.find_elements("css selector", "td")[0].text for row in css(browser, "table.aliases tr")[1:]}
    assert aliases == {alias for (alias,) in db.execute("select alias from speaker_aliases where speaker_id = ?",
                                                         [speaker_id])}
    assert {"Tikhanovskaya", "Svetlana Tikhonovskaya", "Svetlana Tikhanovskaya"} <= aliases
    by_kind = {tuple(cell.text for cell in row.find_elements("css selector", "td"))
               for row in css(browser, "table.by-kind tr")}
    assert by_kind == {(kind, str(n)) for kind, n in db.execute(
        "select kind, count(*) from quotes where speaker_id = ? group by kind", [speaker_id])}
    total = db.execute("select count(*) from quotes where speaker_id = ?", [speaker_id]).fetchone()[0]
    assert css(browser, ".n-statements")[0].text == str(total)
    # The timeline's x axis is time: 2022-11 and 2025-01 are 26 months apart, not neighbours.
    assert browser.execute_script("return window.timelineView.scale('x').type") in ("time", "utc")
    assert css(browser, "#timeline canvas, #timeline svg")
    dates = [cell.text for cell in css(browser, "table.statements td.date")]
    assert len(dates) == total and dates == sorted(dates, reverse=True)
    assert_links_resolve(browser, "table.statements td.text a")
    assert_links_resolve(browser, "ol.top-claims a")


def test_the_statement_page_highlights_it_in_its_paragraph(servers, browser):
    quote = servers.db.execute(
        "select quotes.id, quotes.start, quotes.end, articles.text from quotes join articles"
        " on articles.id = quotes.article_id where quotes.text like '%military occupation%' and kind = 'mixed'"
    ).fetchone()
    quote_id, start, end, article_text = quote
    browser.get(f"{servers.datasette}/quotes/quotes/{quote_id}")
    screenshot(browser, "statement")
    marked = css(browser, "p.paragraph mark.statement")
    assert [mark.text for mark in marked] == [article_text[start:end].strip()]
    paragraph = css(browser, "p.paragraph")[0].text
    assert paragraph.startswith("Belarus opposition leader Svetlana Tikhanovskaya said that")
    assert css(browser, ".source")[0].text == "The Moscow Times"
    assert "on Monday" in css(browser, ".said-on")[0].text
    assert_links_resolve(browser, "a.speaker, a.claim, table.occurrences a")


def test_seed_004s_quote_and_paraphrase_are_one_claim_on_its_page(servers, browser):
    claim_id = servers.db.execute(
        "select claim_id from quotes where text like '%military occupation%' group by claim_id"
        " having count(distinct kind) > 1").fetchone()[0]
    browser.get(f"{servers.datasette}/quotes/claims/{claim_id}")
    screenshot(browser, "claim")
    direct = [cell.text for cell in css(browser, "table.occurrences td.direct")]
    reported = [cell.text for cell in css(browser, "table.occurrences td.reported")]
    stored = dict(servers.db.execute("select kind, text from quotes where claim_id = ?", [claim_id]).fetchall())
    assert direct == [stored["direct"]] and "Belarus is de facto under military occupation" in direct[0]
    assert len(reported) == 1 and reported[0].startswith(stored["mixed"])
    assert 'under de facto "military occupation" by Russia' in reported[0]
    assert "The Moscow Times" in css(browser, ".first-said")[0].text
    assert_links_resolve(browser, "table.occurrences a, a.speaker")


def test_article_html_is_shown_as_text_never_run(servers, browser):
    quote_id = servers.db.execute("select id from quotes where text like '%pwned%'").fetchone()[0]
    browser.get(f"{servers.datasette}/quotes/quotes/{quote_id}")
    screenshot(browser, "hostile_statement")
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned = 1</script>" in css(browser, "mark.statement")[0].text
    assert css(browser, ".source")[0].text == "<b>Evil Gazette</b>"
    assert not css(browser, "p.paragraph i, .source b")


def test_the_statements_table_opens_on_what_a_reader_wants(servers, browser):
    speaker_id, name = the_speaker(servers)
    browser.get(f"{servers.datasette}/quotes/quote_details")
    screenshot(browser, "quote_details")
    descriptions = css(browser, "details.column-descriptions")
    assert descriptions and not descriptions[0].get_attribute("open")
    assert not css(browser, "dl.column-descriptions")[0].is_displayed()
    assert not css(browser, "td.col-speaker_id")[0].is_displayed()
    assert css(browser, "td.col-text")[0].size["width"] > 400
    dates = [cell.text for cell in css(browser, "td.col-said_on")]
    assert dates == sorted(dates, reverse=True)
    speaker_links = {link.get_attribute("href") for link in css(browser, "td.col-speaker a")}
    assert f"{servers.datasette}/quotes/speakers/{speaker_id}" in speaker_links
    browser.get(servers.datasette + "/")
    listed = {link.text for link in css(browser, "a[href^='/quotes/']")}
    assert {"quote_details", "speakers", "claims"} <= listed
    assert not listed & {"claim_terms", "claim_sources", "speaker_curations"}


def feed(url):
    response = requests.get(url, timeout=10)
    assert response.status_code == 200, response.text
    return ElementTree.fromstring(response.content)


def test_a_speakers_feed_is_titled_with_her_name_and_links_to_statement_pages(servers):
    speaker_id, name = the_speaker(servers)
    root = feed(f"{servers.datasette}/quotes/speaker_feed.atom?name=Tikhanovskaya")
    assert root.find(f"{ATOM}title").text == name
    links = [entry.find(f"{ATOM}link").get("href") for entry in root.findall(f"{ATOM}entry")]
    assert len(links) == servers.db.execute("select count(*) from quotes where speaker_id = ?",
                                            [speaker_id]).fetchone()[0]
    assert all(link.startswith(f"{servers.datasette}/quotes/quotes/") for link in links)  # the seeds have no url
    for link in links[:3]:
        assert requests.get(link, timeout=10).status_code == 200


def test_an_unknown_name_is_an_empty_feed(servers):
    root = feed(f"{servers.datasette}/quotes/speaker_feed.atom?name=Nobody+Atall")
    assert root.findall(f"{ATOM}entry") == []
    assert "Nobody Atall" in root.find(f"{ATOM}title").text


def test_a_claims_feed_has_every_occurrence(servers):
    claim_id, n_quotes = servers.db.execute("select id, n_quotes from claims order by n_quotes desc").fetchone()
    root = feed(f"{servers.datasette}/quotes/claim_feed.atom?claim={claim_id}")
    assert len(root.findall(f"{ATOM}entry")) == n_quotes == 2
    assert root.find(f"{ATOM}title").text.startswith("Svetlana Tikhonovskaya: ")


@pytest.mark.parametrize("page", [
    "quotes_by_speaker?name=Tikhanovskaya", "speaker_timeline?name=Tikhanovskaya",
    "search_quotes?q=occupation&since=&until=", "most_repeated_claims?speaker=", "quote_details",
    "claim_details", "speaker_details",
])
def test_every_speaker_name_shown_links_to_the_speaker_page(servers, browser, page):
    speaker_id, name = the_speaker(servers)
    browser.get(f"{servers.datasette}/quotes/{page}")
    cells = css(browser, "td.col-speaker, td.col-name")
    named = [cell for cell in cells if cell.text == name]
    assert named
    for cell in named:
        assert [link.get_attribute("href") for link in cell.find_elements("css selector", "a")] == [
            f"{servers.datasette}/quotes/speakers/{speaker_id}"]


def test_the_dashboard_chart_has_a_time_axis_with_gaps(servers, browser):
    browser.get(f"{servers.datasette}/-/dashboards/speaker?name=Tikhanovskaya")
    browser.execute_script("return new Promise(done => { const wait = () => document.querySelector("
                           "'.marks') ? done() : setTimeout(wait, 50); wait(); })")
    screenshot(browser, "dashboard")
    labels = [text.text for text in css(browser, ".role-axis-label text")]
    # Statements were said in 2022-11 and 2025-01 only: a time axis still shows the years between.
    assert any("2023" in label for label in labels) and any("2024" in label for label in labels), labels
