"""Reading articles from files (.jsonl, .json, .txt, .html, .htm, .warc, .warc.gz), folders of
them, and http(s) URLs of pages or feeds.

`read_articles(paths, fetcher)` yields `(where, data)` pairs, `where` naming the file (and line,
record or link) for messages, `data` the raw mapping or `WebPage` for `parse_article`.
A .txt or .html file takes its metadata from a sidecar (`NAME.json` beside it) or from
a metadata index in its folder: a .json list of objects with a `file` key
and no `text`, like seeds/articles.json.
"""
import json
import os
from dataclasses import dataclass

from .archives import UnreadableArchive, warc_pages
from .feeds import read_feed
from .fetch import Fetcher, FetchError
from .pages import WebPage, is_html_type

ARTICLE_SUFFIXES = (".jsonl", ".json", ".txt", ".html", ".htm", ".warc", ".warc.gz")
URL_SCHEMES = ("http://", "https://")


class UnreadableSource(ValueError):
    pass


def is_metadata_index(data):
    return isinstance(data, list) and bool(data) and all(
        isinstance(item, dict) and "file" in item and "text" not in item for item in data
    )


def is_url(path):
    return path.lower().startswith(URL_SCHEMES)


def expand_paths(paths):
    for path in paths:
        if not is_url(path) and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(ARTICLE_SUFFIXES):
                        yield os.path.join(root, name)
        else:
            yield path


def is_sidecar(path):
    """A NAME.json beside a NAME.txt or NAME.html is that article's metadata, not an article."""
    stem = os.path.splitext(path)[0]
    return any(os.path.exists(stem + suffix) for suffix in (".txt", ".html", ".htm"))


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableSource(f"not valid JSON ({error})") from None


def folder_metadata(folder, cache):
    """Metadata for the .txt files of a folder, from its metadata index files."""
    if folder not in cache:
        metadata = {}
        for name in sorted(os.listdir(folder or ".")):
            if name.endswith(".json"):
                try:
                    data = read_json(os.path.join(folder, name))
                except UnreadableSource:
                    continue
                if is_metadata_index(data):
                    metadata.update({item["file"]: item for item in data})
        cache[folder] = metadata
    return cache[folder]


def file_metadata(path, cache):
    sidecar = os.path.splitext(path)[0] + ".json"
    if os.path.exists(sidecar):
        metadata = read_json(sidecar)
    else:
        metadata = folder_metadata(os.path.dirname(path), cache).get(os.path.basename(path), {})
    if not isinstance(metadata, dict):
        raise UnreadableSource(f"its metadata in {sidecar} must be a JSON object")
    return {k: v for k, v in metadata.items() if k != "file"}


def text_article(path, cache):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return {**file_metadata(path, cache), "text": text}


def html_page(path, cache, max_bytes):
    """A saved page: its url is the one its metadata gives, else its canonical link."""
    with open(path, "rb") as f:
        html = f.read(max_bytes + 1)
    if len(html) > max_bytes:
        raise UnreadableSource(f"over the size cap of {max_bytes} bytes")
    metadata = file_metadata(path, cache)
    url = metadata.get("url") if isinstance(metadata.get("url"), str) else None
    return WebPage(html, url, "html", metadata=metadata)


def fetched_page(fetched, via, fallback=None):
    """The `WebPage` of a fetched response; a response without a Content-Type is taken for HTML."""
    if fetched.content_type and not is_html_type(fetched.content_type):
        raise UnreadableSource(f"not HTML (Content-Type: {fetched.content_type})")
    return WebPage(fetched.body, fetched.url, via, fetched.content_type, fetched.fetched_at, fallback=fallback or {})


def entry_page(entry, fetcher):
    """The page a feed entry links to, what the feed says of it standing in for what the page lacks."""
    fallback = {"title": entry.title, "author": entry.author, "published": entry.published}
    try:
        return fetched_page(fetcher.get(entry.link), "feed", fallback)
    except (FetchError, UnreadableSource) as error:
        return UnreadableSource(str(error))


@dataclass
class AlreadyStored:
    """A feed entry whose page is stored already, so not fetched again."""
    url: str


def url_articles(url, fetcher, is_stored):
    """A page is an article; a feed (told by its content) is its entries' pages."""
    try:
        fetched = fetcher.get(url)
    except FetchError as error:
        yield url, UnreadableSource(str(error))
        return
    entries = read_feed(fetched.body, fetched.url)
    if entries is None:
        try:
            yield url, fetched_page(fetched, "html")
        except UnreadableSource as error:
            yield url, error
        return
    for entry in entries:
        yield entry.link, AlreadyStored(entry.link) if is_stored(entry.link) else entry_page(entry, fetcher)


def jsonl_record(path, number, line):
    """`(where, data)` for one line of a .jsonl file (a str)."""
    try:
        return f"{path}:{number}", json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        return f"{path}:{number}", UnreadableSource(f"not valid JSON ({error})")


def read_jsonl_part(path, offset, first_line, lines):
    """The records of `lines` lines of a .jsonl file starting at byte `offset` (line number `first_line`),
    as `read_file` gives them: a backfill partition."""
    with open(path, "rb") as f:
        f.seek(offset)
        for number in range(first_line, first_line + lines):
            line = f.readline().decode("utf-8", errors="replace")
            if line.strip():
                yield jsonl_record(path, number, line)


def read_file(path, cache, max_bytes):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    yield jsonl_record(path, number, line)
    elif path.endswith(".json"):
        data = read_json(path)
        if is_metadata_index(data) or is_sidecar(path):
            return
        if not isinstance(data, list):
            yield path, data
        else:
            for number, item in enumerate(data, 1):
                yield f"{path}[{number}]", item
    elif path.endswith(".txt"):
        yield path, text_article(path, cache)
    elif path.endswith((".html", ".htm")):
        yield path, html_page(path, cache, max_bytes)
    elif path.endswith((".warc", ".warc.gz")):
        for where, page in warc_pages(path, max_bytes):
            yield where, UnreadableSource(str(page)) if isinstance(page, Exception) else page
    else:
        raise UnreadableSource("not a .jsonl, .json, .txt, .html, .htm, .warc or .warc.gz file")


def read_articles(paths, fetcher=None, is_stored=lambda url: False):
    """Yields `(where, data)`; `data` is an `UnreadableSource` error for what could not be read,
    so that one bad file, record or link costs only its own articles, and `AlreadyStored` for a
    feed's entry whose link `is_stored`. URLs are fetched with `fetcher` (a `Fetcher` with its
    defaults when None), whose size cap files keep to as well."""
    fetcher = fetcher or Fetcher()
    cache = {}
    for path in expand_paths(paths):
        if is_url(path):
            yield from url_articles(path, fetcher, is_stored)
            continue
        try:
            yield from read_file(path, cache, fetcher.max_bytes)
        except (UnreadableSource, UnreadableArchive, UnicodeDecodeError, OSError) as error:
            yield path, UnreadableSource(str(error))
