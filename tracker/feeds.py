"""Reading RSS and Atom feeds with feedparser: which links a feed holds, and what it says of each.

    read_feed(body, url) -> [FeedEntry, ...], or None when `body` is not a feed
"""
import calendar
import datetime
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser


@dataclass
class FeedEntry:
    key: str  # what identifies the entry in its feed: its id (guid), else its link
    link: str
    title: str | None
    author: str | None
    published: str | None  # ISO 8601, UTC


def entry_published(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), datetime.timezone.utc).isoformat()


def read_feed(body, url=None):
    """The entries of the feed in `body` (bytes), with their links made absolute against `url`;
    None when it is no RSS or Atom feed (an HTML page, say): feeds are told by content, not by name."""
    feed = feedparser.parse(body, response_headers={"content-location": url} if url else None,
                            resolve_relative_uris=False, sanitize_html=False)
    if not feed.get("version"):
        return None
    entries = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(url or "", link)
        entries.append(FeedEntry(entry.get("id") or link, link, entry.get("title") or None,
                                 entry.get("author") or None, entry_published(entry)))
    return entries
