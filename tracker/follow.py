"""Following feeds: each new entry fetched once, ingested, and logged in a line.

What a feed was last seen with (its ETag and Last-Modified, for a conditional GET) and which
entries were seen are kept in the database (storage's `feeds` and `feed_entries`), so a
restarted `tracker follow` takes up where it stopped.
"""
import time

from .articles import InvalidArticle, parse_article
from .feeds import read_feed
from .fetch import FetchError, now
from .ingest import ingest_article
from .models import PACKAGED
from .sources import UnreadableSource, entry_page
from .storage import find_article, load_feed, save_feed, save_feed_entry, seen_entry_keys, write_transaction


def poll(db, feed_url, fetcher, log, warn, model=PACKAGED):
    """One look at the feed at `feed_url`; returns (new articles, failures). `model`: the
    attribution model choice (see tracker.models)."""
    state = load_feed(db, feed_url) or {}
    try:
        fetched = fetcher.get(feed_url, etag=state.get("etag"), last_modified=state.get("last_modified"))
    except FetchError as error:
        warn(f"{feed_url}: {error}")
        return 0, 1
    if fetched.status == 304:
        with write_transaction(db):
            save_feed(db, feed_url, state.get("etag"), state.get("last_modified"), fetched.fetched_at)
        return 0, 0
    entries = read_feed(fetched.body, fetched.url)
    if entries is None:
        warn(f"{feed_url}: not an RSS or Atom feed")
        return 0, 1
    seen = seen_entry_keys(db, feed_url)
    new = failed = 0
    for entry in entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        article_id, error = find_article(db, {"url": entry.link}), None
        if article_id is None:  # an entry stored already (by `tracker ingest`, say) is not fetched again
            try:
                page = entry_page(entry, fetcher)
                if isinstance(page, UnreadableSource):
                    raise page
                article = parse_article(page)
                result = ingest_article(db, article, model=model)
                article_id = result.article_id
                if result.created:
                    new += 1
                    log(new_article_line(db, article_id))
            except (UnreadableSource, InvalidArticle) as failure:
                error = str(failure)
                failed += 1
                warn(f"{entry.link}: {error}")
        with write_transaction(db):
            save_feed_entry(db, feed_url, entry.key, entry.link, now(), article_id, error)
    with write_transaction(db):
        save_feed(db, feed_url, fetched.etag, fetched.last_modified, fetched.fetched_at)
    return new, failed


def new_article_line(db, article_id):
    row = db.execute(
        "select title, source, url, (select count(*) from quotes where article_id = articles.id) from articles"
        " where id = ?", [article_id]).fetchone()
    title, source, url, statements = row
    counted = f"{statements} statement{'' if statements == 1 else 's'}"
    return f"{now()} new article {article_id}: {title or '(no title)'} ({source or 'no source'}) {url}, {counted}"


def follow(db, feed_urls, fetcher, interval, once, log, warn, model=PACKAGED):
    """Poll every feed, then wait `interval` seconds, until interrupted (or after one round with `once`);
    returns the number of failures of the last round."""
    while True:
        failed = 0
        for feed_url in feed_urls:
            failed += poll(db, feed_url, fetcher, log, warn, model)[1]
        if once:
            return failed
        time.sleep(interval)
