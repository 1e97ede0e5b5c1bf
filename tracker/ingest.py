"""Ingesting articles: find each, extract it, store it, all or nothing per article (or batch of articles).

Shared by the API and the CLI so both store exactly the same thing.
"""
import collections
import concurrent.futures
import os
import threading
import time
from dataclasses import dataclass

from .articles import InvalidArticle, parse_article
from .models import PACKAGED, extractor
from .sources import UnreadableSource
from .storage import find_article, prepare_article, save_articles, save_prepared, write_transaction

# A bulk ingest prepares articles in this many batches of this many per worker ahead of the one
# being stored: enough to keep all busy, few enough that memory stays flat on a crawl of millions.
BATCHES_AHEAD = 4
BATCH_SIZE = 16
# The writer stores every batch prepared by the time it is free, up to this many articles, in one
# transaction: when storing falls behind, a commit (and its fsync) serves more articles.
MAX_STORED_TOGETHER = 256


@dataclass
class IngestResult:
    article_id: int
    created: bool  # False when the article was already stored and left as it was


def prepare(db, article, replace=False, model=PACKAGED):
    """The article's rows (see `prepare_article`), or None when it is stored already and not to be replaced.

    The extraction, and everything else that needs no database (claim terms, speaker names,
    dates), runs outside the write lock: writers from other processes should not wait on it."""
    if find_article(db, article) is not None and not replace:
        return None
    return prepare_article(article, extractor(model)(article["text"], article["published"]))


def store(db, article, prepared, replace=False, model=PACKAGED):
    """Store what `prepare` gave (None: the article was stored already) in one write transaction."""
    if prepared is None:
        existing = find_article(db, article)
        if existing is not None:
            return IngestResult(existing, created=False)
        prepared = prepare_article(article, extractor(model)(article["text"], article["published"]))  # it was, and is no more
    with write_transaction(db):
        # Checked again under the lock: another writer may have stored it meanwhile.
        existing = find_article(db, article)
        if existing is not None and not replace:
            return IngestResult(existing, created=False)
        article_id = save_prepared(db, prepared, replace_id=existing)
    return IngestResult(article_id, created=existing is None)


def ingest_article(db, article, replace=False, model=PACKAGED):
    """Store `article` (as returned by `parse_article`) unless it is stored already."""
    return store(db, article, prepare(db, article, replace, model), replace, model)


def _prepare_batch(database, batch, replace, model):
    """In a worker process: (where, parsed article or the error it is, prepared rows) for raw `(where, data)` pairs.

    Without `replace`, an article whose rows are prepared comes back as None: its rows hold all the
    writer needs of it, and its text need not be pickled back twice."""
    from .db import connect

    db = connect(database)
    try:
        prepared = []
        for where, data in batch:
            try:
                if isinstance(data, UnreadableSource):
                    raise data
                article = parse_article(data)
            except (InvalidArticle, UnreadableSource) as error:
                prepared.append((where, error, None))
                continue
            rows = prepare(db, article, replace, model)
            prepared.append((where, article if rows is None or replace else None, rows))
        return prepared
    finally:
        db.conn.close()


def _exit_with_parent(parent_pid):
    """The worker's initializer: it leaves when its `tracker ingest` does, even one killed by SIGKILL
    (it would otherwise wait for work forever)."""
    def watch():
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _batches(items):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_stream(db, database, items, replace=False, workers=None, model=PACKAGED):
    """Ingest the `(where, data)` pairs of `read_articles` into `db` (the file `database`), in order;
    yields `(where, IngestResult)`, or `(where, error)` for an article that is invalid or unreadable.

    `workers` processes (default: the cores) extract and prepare the next articles while this one
    stores them, a batch per transaction: storing holds the write lock, preparing needs none."""
    workers = workers or os.cpu_count() or 1
    with concurrent.futures.ProcessPoolExecutor(
            workers, initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        pending = collections.deque()
        for batch in _batches(items):
            pending.append(pool.submit(_prepare_batch, database, batch, replace, model))
            if len(pending) > BATCHES_AHEAD * workers:
                yield from store_batch(db, _prepared_so_far(pending), replace, model)
        while pending:
            yield from store_batch(db, _prepared_so_far(pending), replace, model)


def _prepared_so_far(pending):
    """The first pending batch (waited for) and the ones prepared after it by now, in order, up to
    MAX_STORED_TOGETHER articles."""
    prepared = pending.popleft().result()
    while pending and pending[0].done() and len(prepared) + BATCH_SIZE <= MAX_STORED_TOGETHER:
        prepared += pending.popleft().result()
    return prepared


def store_batch(db, batch, replace=False, model=PACKAGED):
    """Store `(where, article or the error it is, what `prepare` gave)` triples in one transaction (one per
    article with `replace`, which re-extracts in place); yields `(where, IngestResult or the error)`."""
    if replace:
        for where, article, prepared in batch:
            yield where, article if isinstance(article, Exception) else store(db, article, prepared, replace, model)
        return
    with write_transaction(db):
        results = save_batch(db, batch, model)
    yield from results


def save_batch(db, batch, model=PACKAGED):
    """`store_batch` without replacing, inside the caller's write transaction; returns its pairs as a list.

    The article of a triple may be None when its rows are prepared (see `_prepare_batch`)."""
    to_store = []
    for where, article, prepared in batch:
        if isinstance(article, Exception) or (prepared is None and find_article(db, article) is not None):
            continue  # prepared is None: it was stored when it was prepared
        to_store.append((where, prepared or prepare_article(article, extractor(model)(article["text"], article["published"]))))
    stored = {where: (article_id, created) for where, article_id, created in save_articles(db, to_store)}
    results = []
    for where, article, prepared in batch:
        if isinstance(article, Exception):
            results.append((where, article))
        elif where in stored:
            results.append((where, IngestResult(*stored[where])))
        else:
            results.append((where, IngestResult(find_article(db, article), created=False)))
    return results
