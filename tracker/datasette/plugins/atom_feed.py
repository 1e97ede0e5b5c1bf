"""The `.atom` format of a canned query whose rows have atom_id, atom_updated and atom_title
(atom_content, atom_link, atom_author_name optional), written with feedgen.

The feed's title is the rows' atom_feed_title when the query gives one (a speaker's name), else the
query's title. A query that finds nothing is an empty feed, so a reader can subscribe to a name before
anyone quotes it. A relative atom_link ("quotes/12") is resolved against the feed's address: a
statement without an article url links to its page here.
"""
import datetime
from urllib.parse import urljoin

from datasette import Response, hookimpl
from datasette.views.base import DatasetteError
from feedgen.feed import FeedGenerator

REQUIRED_COLUMNS = {"atom_id", "atom_updated", "atom_title"}
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def feed_title(datasette, database, query_name, request, rows):
    titles = list(dict.fromkeys(row["atom_feed_title"] for row in rows if row["atom_feed_title"]))
    if titles:
        return "; ".join(titles)
    query = (datasette.metadata("queries", database=database) or {}).get(query_name) or {}
    asked = ", ".join(f"{name}={request.args.get(name)}" for name in request.args.keys() if not name.startswith("_"))
    return f"{query.get('title', query_name)}: nothing yet for {asked}" if asked else query.get("title", query_name)


def render_atom(datasette, request, columns, rows, database, query_name):
    if not REQUIRED_COLUMNS.issubset(columns):
        raise DatasetteError(f"an Atom feed needs the columns {', '.join(sorted(REQUIRED_COLUMNS))}", status=400)
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.title(feed_title(datasette, database, query_name, request, rows) if "atom_feed_title" in columns
               else query_name or "Datasette")
    feed.updated(max((row["atom_updated"] for row in rows), default=EPOCH))
    for row in reversed(rows):
        entry = feed.add_entry()
        entry.id(str(row["atom_id"]))
        entry.title(str(row["atom_title"]))
        entry.updated(row["atom_updated"])
        if "atom_content" in columns and row["atom_content"]:
            entry.content(row["atom_content"], type="text")
        if "atom_link" in columns and row["atom_link"]:
            entry.link(href=urljoin(request.url, row["atom_link"]))
        if "atom_author_name" in columns and row["atom_author_name"]:
            entry.author({"name": row["atom_author_name"]})
    return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8", status=200)


def can_render_atom(columns):
    return REQUIRED_COLUMNS.issubset(columns)


# trylast: if datasette-atom is installed too, this renderer is registered after it and wins.
@hookimpl(trylast=True)
def register_output_renderer(datasette):
    return {"extension": "atom", "render": render_atom, "can_render": can_render_atom}
