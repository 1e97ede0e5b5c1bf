"""What an article is, as the API and the CLI accept it.

`parse_article` turns an untrusted mapping (a JSON body, a JSON Lines record)
into a clean article dict or raises `InvalidArticle` saying what is wrong.
"""
import datetime

from .pages import NotAnArticle, WebPage, page_article

TEXT_FIELDS = ("title", "url", "source", "author")
FIELDS = ("text", "html", "published") + TEXT_FIELDS


class InvalidArticle(ValueError):
    pass


def parse_published(value):
    """An ISO 8601 date or datetime, kept as ISO text ('2022-11-14' or '2022-11-14T09:30:00+00:00')."""
    try:
        if len(value) == 10:
            return datetime.date.fromisoformat(value).isoformat()
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise InvalidArticle(f"'published' is not an ISO date or datetime: {value!r}") from None


def is_encodable(value):
    """False for strings with lone surrogates: JSON's \\ud800 escapes make them, and SQLite cannot store them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def page_fields(page, given):
    """The fields of an article from a page: what the page says, the fields given winning."""
    try:
        extracted = page_article(page.html, page.url, page.content_type)
    except NotAnArticle as error:
        raise InvalidArticle(str(error)) from None
    found = {**{k: v for k, v in page.fallback.items() if v}, **{k: v for k, v in extracted.items() if v}}
    fields = {**found, **{k: v for k, v in given.items() if k in FIELDS and v}}
    fields["url"] = fields.get("url") or page.url or extracted["canonical_url"]
    return fields


def parse_article(data):
    """A clean article from a mapping of FIELDS (`html` standing in for `text`) or a `WebPage`."""
    page = data if isinstance(data, WebPage) else None
    if page is not None:
        data = page.metadata
    if not isinstance(data, dict):
        raise InvalidArticle("an article is a JSON object with at least a 'text' (or an 'html') field")
    for field in FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            raise InvalidArticle(f"'{field}' must be a string, not {type(value).__name__}")
        if value and not is_encodable(value):
            raise InvalidArticle(f"'{field}' holds a lone surrogate (like \\ud800), which is not text")
    if page is None and data.get("html"):
        page = WebPage(data["html"], (data.get("url") or "").strip() or None, "html")
    if page is not None:
        data = page_fields(page, data)
    text = data.get("text")
    if not text or not text.strip():
        raise InvalidArticle("'text' is required and must not be empty (or 'html', a page's HTML)")
    if "\x00" in text:
        raise InvalidArticle("'text' must not contain NUL characters")
    article = {"text": text}
    for field in TEXT_FIELDS:
        value = (data.get(field) or "").strip()
        article[field] = value or None
    published = (data.get("published") or "").strip()
    article["published"] = parse_published(published) if published else None
    article["ingested_via"] = page.via if page is not None else "text"
    article["fetched_at"] = page.fetched_at if page is not None else None
    article["canonical_url"] = data.get("canonical_url") if page is not None else None
    return article
