"""Ingesting one article: find it, extract it, store it, all or nothing.

Shared by the API and the CLI so both store exactly the same thing.
"""
from dataclasses import dataclass

from .extract import extract
from .storage import find_article, save_article, write_transaction


@dataclass
class IngestResult:
    article_id: int
    created: bool  # False when the article was already stored and left as it was


def ingest_article(db, article, replace=False):
    """Store `article` (as returned by `parse_article`) unless it is stored already.

    The extraction runs outside the write lock: it is the slow part, and
    writers from other processes should not wait on it."""
    existing = find_article(db, article)
    if existing is not None and not replace:
        return IngestResult(existing, created=False)
    statements = extract(article["text"])
    with write_transaction(db):
        # Checked again under the lock: another writer may have stored it meanwhile.
        existing = find_article(db, article)
        if existing is not None and not replace:
            return IngestResult(existing, created=False)
        article_id = save_article(db, article, statements, replace_id=existing)
    return IngestResult(article_id, created=existing is None)
