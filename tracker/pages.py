"""A news page's HTML turned into an article: its main text and its metadata.

`page_article(html, url)` takes the page as bytes (as fetched or archived) or as text (as posted)
and returns the article's fields: text, title, author, published, source (the site's name) and
canonical_url, from trafilatura (which drops navigation, share buttons and related-links boxes).
Its dates are htmldate's, from the markup only (JSON-LD, <meta>, <time>, the url): htmldate's
extensive search guesses from free text, and takes a footer's "(c) 2024" for 1 January 2024.
It raises `NotAnArticle` saying why a page gives no article. Pure: no I/O.
"""
import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

# Shorter than this, what trafilatura keeps is a teaser or a list of links, not an article.
MIN_TEXT_CHARACTERS = 200
# Where a page declares its charset: an HTML5 <meta charset>, an http-equiv Content-Type, an XML declaration.
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
                              re.IGNORECASE)
HTML_TYPES = ("text/html", "application/xhtml+xml")


class NotAnArticle(ValueError):
    pass


@dataclass
class WebPage:
    """A page as it came in, before its text is extracted (which `parse_article` does, in a worker)."""
    html: bytes | str
    url: str | None
    via: str  # how it came in: 'html' (a page or a saved file), 'feed' (a feed's entry), 'warc' (a crawl archive)
    content_type: str | None = None
    fetched_at: str | None = None
    metadata: dict = field(default_factory=dict)  # fields given with it (a sidecar, a request's body): they win
    fallback: dict = field(default_factory=dict)  # fields for what the page lacks (a feed entry's title, date)


def charset_of(content_type):
    """The charset a Content-Type header gives ('text/html; charset=ISO-8859-1' -> 'iso-8859-1'), or None."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1).lower() if match else None


def is_html_type(content_type):
    return (content_type or "").split(";")[0].strip().lower() in HTML_TYPES


def known_codec(name):
    try:
        return codecs.lookup(name).name
    except (LookupError, TypeError):
        return None


def decode_page(body, content_type=None):
    """The page as text: in the charset its byte-order mark, HTTP header or <meta> declares (in that
    order, as browsers do), else the one charset_normalizer detects."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    declared = charset_of(content_type)
    if declared is None:
        match = DECLARED_CHARSET.search(body[:4096])
        declared = match and (match.group(1) or match.group(2)).decode("ascii").lower()
    codec = known_codec(declared) if declared else None
    if codec is not None:
        try:
            return body.decode(codec)
        except UnicodeDecodeError:
            pass  # a wrong declaration, common enough: detect instead
    best = charset_normalizer.from_bytes(body).best()
    if best is None:
        said = f"its declared charset {declared}" if declared else "any charset"
        raise NotAnArticle(f"undecodable: the bytes are not text in {said}")
    return str(best)


def page_article(html, url=None, content_type=None):
    """The article fields of a page (`html`: bytes or str); fields it lacks are None."""
    if isinstance(html, bytes):
        html = decode_page(html, content_type)
    if not html.strip():
        raise NotAnArticle("empty page")
    if "<" not in html:
        raise NotAnArticle("not HTML: no markup in the page")
    # Imported here: trafilatura (lxml and its language data) takes most of a second to load,
    # which every `tracker` command would pay, though only pages need it.
    import trafilatura
    from trafilatura.settings import set_date_params

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True,
                                           date_extraction_params=set_date_params(extensive=False))
    text = (document.text or "").strip() if document is not None else ""
    if len(text) < MIN_TEXT_CHARACTERS:
        raise NotAnArticle(f"not a news page: no article text found ({len(text)} characters of main text)")
    return {
        "text": text + "\n",
        "title": document.title,
        "author": document.author,
        "published": document.date,
        "source": document.sitename,
        "canonical_url": document.url or url,
    }
