"""The shipped Datasette metadata, served by the real Datasette (in process, with the installed
plugins) over a database filled by the real ingest: the lookups a user makes, as pages and JSON."""
import asyncio

import pytest
from datasette.app import Datasette

from tracker.articles import parse_article
from tracker.db import open_database
from tracker.ingest import ingest_article
from tracker.serve import PLUGINS_DIR, SQL_TIME_LIMIT_MS, TEMPLATES_DIR, datasette_metadata

# Published on a Wednesday; the minister spoke on the Monday before.
MONDAY_ARTICLE = {
    "title": "Budget vote delayed",
    "url": "https://example.com/budget-vote",
    "source": "Example News",
    "published": "2024-03-06",
    "text": (
        "The vote on the budget was put off again.\n"
        "\"This budget protects families,\" Maria Lopez said on Monday.\n"
    ),
}


@pytest.fixture(scope="module")
def datasette(tmp_path_factory, seeds, seeded_database):
    copy = {"text": (seeds / "004_e0203a718e2611c4.txt").read_text(), "source": "Barron's", "published": "2022-11-15",
            "url": "https://www.barrons.com/news/belarus-military-occupation"}
    path = seeded_database(tmp_path_factory.mktemp("datasette") / "tracked.db", copy, MONDAY_ARTICLE)
    return Datasette([path], metadata=datasette_metadata(path), settings={"sql_time_limit_ms": SQL_TIME_LIMIT_MS},
                     plugins_dir=PLUGINS_DIR, template_dir=TEMPLATES_DIR)


def get(datasette, path, **params):
    async def fetch():
        return await datasette.client.get(path, params=params)

    return asyncio.run(fetch())


def rows(datasette, query, **params):
    response = get(datasette, f"/tracked/{query}.json", _shape="array", **params)
    assert response.status_code == 200, response.text
    return response.json()


def test_quotes_by_speaker_matches_any_spelling_across_articles(datasette):
    found = rows(datasette, "quotes_by_speaker", name="Tikhonovskaya")
    assert {row["source"] for row in found} == {"Express.co.uk", "The Moscow Times", "Barron's"}
    # The spelling two of the three articles use, not the first one ingested.
    assert {row["speaker"] for row in found} == {"Svetlana Tikhanovskaya"}
    assert {"text", "speaker", "said_on", "source", "url"} <= set(found[0])
    assert [row["said_on"] for row in found] == sorted((row["said_on"] for row in found), reverse=True)
    assert len(rows(datasette, "quotes_by_speaker", name="svetlana tikhanovskaya")) == len(found)
    assert rows(datasette, "quotes_by_speaker", name="Nobody") == []


def test_the_lookup_page_shows_the_quotes(datasette):
    page = get(datasette, "/tracked/quotes_by_speaker", name="Tikhanovskaya").text
    assert "Quotes by speaker" in page
    assert "I have to say that Belarus is de facto under military occupation" in page


def test_search_with_a_date_range(datasette):
    found = rows(datasette, "search_quotes", q="military occupation", since="2022-11-01", until="2022-11-30")
    assert found and all("occupation" in row["text"] for row in found)
    assert rows(datasette, "search_quotes", q="military occupation", since="2023-01-01", until="") == []
    everything = rows(datasette, "search_quotes", q="", since="2025-01-01", until="")
    assert everything and {row["source"] for row in everything} == {"Express.co.uk"}
    assert rows(datasette, "search_quotes", q='"unbalanced', since="", until="") == []


def test_said_on_monday_in_a_wednesday_article_is_that_monday(datasette):
    (quote,) = rows(datasette, "quotes_by_speaker", name="Lopez")
    assert quote["said_on"] == "2024-03-04"
    assert quote["said_on_basis"] == "text"


def test_a_speakers_timeline_is_in_order(datasette):
    found = rows(datasette, "speaker_timeline", name="Tikhanovskaya")
    assert [row["said_on"] for row in found] == sorted(row["said_on"] for row in found)
    assert found[0]["said_on"].startswith("2022-11")


def test_the_most_repeated_claims_come_first_with_where_they_first_appeared(datasette):
    found = rows(datasette, "most_repeated_claims", speaker="")
    assert found[0]["n_sources"] == 2
    assert found[0]["first_source"] == "The Moscow Times"
    occupation = next(row for row in found if "military occupation" in row["text"])
    assert (occupation["n_sources"], occupation["n_articles"]) == (2, 2)
    assert rows(datasette, "most_repeated_claims", speaker="Lopez")[0]["n_sources"] == 1
    history = rows(datasette, "claim_first_appearance", claim=occupation["claim_id"])
    assert [row["source"] for row in history][0] == "The Moscow Times"
    assert {row["source"] for row in history} == {"The Moscow Times", "Barron's"}


def test_an_atom_feed_of_a_speakers_newest_quotes(datasette):
    response = get(datasette, "/tracked/speaker_feed.atom", name="Tikhanovskaya")
    assert response.status_code == 200
    assert "application/xml" in response.headers["content-type"]
    assert response.text.count("<entry>") == len(rows(datasette, "quotes_by_speaker", name="Tikhanovskaya"))
    assert "Svetlana Tikhanovskaya: " in response.text


def test_robots_are_blocked(datasette):
    assert get(datasette, "/robots.txt").text.split() == ["User-agent:", "*", "Disallow:", "/"]


def test_the_speaker_chart_page_is_served(datasette):
    page = get(datasette, "/-/dashboards/speaker", name="Tikhanovskaya")
    assert page.status_code == 200
    assert "Statements per month" in page.text
    assert "vega-lite" in page.text


def test_tables_have_descriptions_facets_and_sorts(datasette):
    metadata = get(datasette, "/-/metadata.json").json()["databases"]["tracked"]
    assert {"said_month", "speaker", "kind", "source"} <= set(metadata["tables"]["quote_details"]["facets"])
    facets = get(datasette, "/tracked/quote_details.json", _facet="said_month").json()["facet_results"]
    months = get(datasette, "/tracked.json", sql="select distinct said_month from quote_details",
                 _shape="arrayfirst").json()
    # The seeds' statements were said in several months (publication dates and "last month").
    assert len(months) > 1 and set(months) == {item["value"] for item in facets["said_month"]["results"]}
    for table in ("quote_details", "claims", "speakers", "speaker_aliases", "claim_details", "speaker_details"):
        assert metadata["tables"][table]["description"]
    assert metadata["tables"]["claim_details"]["sort_desc"] == "n_sources"
    assert not any(query.get("write") for query in metadata["queries"].values())


def test_every_lookup_answers_as_json(datasette):
    metadata = get(datasette, "/-/metadata.json").json()["databases"]["tracked"]
    for name, query in metadata["queries"].items():
        params = {param: "Tikhanovskaya" if param in ("name", "speaker") else "" for param in query["params"]}
        if "claim" in params:
            params["claim"] = "1"
        response = get(datasette, f"/tracked/{name}.json", **params)
        assert response.status_code == 200, (name, response.text)
        assert response.json()["ok"], name


def test_the_stored_name_is_the_spelling_most_articles_use_and_every_lookup_finds_it(tmp_path):
    path = str(tmp_path / "spellings.db")
    db = open_database(path)
    for n, spelling in enumerate(["Svetlana Tikhonovskaya", "Svetlana Tikhanovskaya", "Svetlana Tikhanovskaya"]):
        ingest_article(db, parse_article({
            "text": f"Talks resumed in Vilnius.\n\"Point {n} stands,\" {spelling} said.\n",
            "url": f"https://news.example/{n}", "source": f"Outlet {n}", "published": f"2024-03-0{n + 1}",
        }))
    db.close()
    served = Datasette([path], metadata=datasette_metadata(path), settings={"sql_time_limit_ms": SQL_TIME_LIMIT_MS})
    by_name = get(served, "/spellings/quote_details.json", _shape="array", speaker="Svetlana Tikhanovskaya").json()
    assert sorted(row["url"] for row in by_name) == [f"https://news.example/{n}" for n in range(3)]
    facet = get(served, "/spellings/quote_details.json", _facet="speaker").json()["facet_results"]
    assert [(v["value"], v["count"]) for v in facet["speaker"]["results"]] == [("Svetlana Tikhanovskaya", 3)]
    for name in ("Tikhonovskaya", "Svetlana Tikhonovskaya", "Tikhanovskaya"):
        found = get(served, "/spellings/quotes_by_speaker.json", _shape="array", name=name).json()
        assert len(found) == 3 and {row["speaker"] for row in found} == {"Svetlana Tikhanovskaya"}, name
