"""Reading crawl archives (WARC, as Common Crawl's CC-NEWS publishes them) with warcio.

Each HTML `response` record with a 2xx status is a page, its WARC-Target-URI its url and its
WARC-Date when it was fetched; other records (requests, metadata, robots.txt, images, redirects)
hold no article and are passed over.
"""
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .pages import WebPage, is_html_type


class UnreadableArchive(ValueError):
    pass


def warc_pages(path, max_bytes):
    """Yields `(where, WebPage)`, or `(where, error)` for a page over `max_bytes`; raises
    `UnreadableArchive` when the file is no WARC or breaks off."""
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type")
                if not (status or "").startswith("2") or not is_html_type(content_type):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}[{number}] {url}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield where, UnreadableArchive(f"over the size cap of {max_bytes} bytes")
                    continue
                yield where, WebPage(body, url, "warc", content_type, record.rec_headers.get_header("WARC-Date"))
    except ArchiveLoadFailed:
        raise UnreadableArchive("not a WARC file") from None
    except (EOFError, zlib.error) as error:
        raise UnreadableArchive(f"the archive breaks off or is corrupt ({error})") from None
