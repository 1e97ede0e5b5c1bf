"""What an article is, as the API and the CLI accept it.

`parse_article` turns an untrusted mapping (a JSON body, a JSON Lines record)
into a clean article dict or raises `InvalidArticle` saying what is wrong.
"""
import datetime

TEXT_FIELDS = ("title", "url", "source", "author")
FIELDS = ("text", "published") + TEXT_FIELDS


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


def parse_article(data):
    if not isinstance(data, dict):
        raise InvalidArticle("an article is a JSON object with at least a 'text' field")
    for field in FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            raise InvalidArticle(f"'{field}' must be a string, not {type(value).__name__}")
        if value and not is_encodable(value):
            raise InvalidArticle(f"'{field}' holds a lone surrogate (like \\ud800), which is not text")
    text = data.get("text")
    if not text or not text.strip():
        raise InvalidArticle("'text' is required and must not be empty")
    if "\x00" in text:
        raise InvalidArticle("'text' must not contain NUL characters")
    article = {"text": text}
    for field in TEXT_FIELDS:
        value = (data.get(field) or "").strip()
        article[field] = value or None
    published = (data.get("published") or "").strip()
    article["published"] = parse_published(published) if published else None
    return article
