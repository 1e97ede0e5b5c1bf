"""Fetching pages and feeds politely: a timeout, a size cap, a bounded number of redirects, an
honest User-Agent, robots.txt respected (unless told otherwise) and conditional GETs.

    fetcher = Fetcher(timeout=20, max_bytes=10_000_000)
    page = fetcher.get(url, etag=..., last_modified=...)   # a Fetched, or FetchError saying what went wrong
"""
import datetime
import re
import time
import urllib.robotparser
from dataclasses import dataclass
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit

import requests

USER_AGENT = f"tracker/{version('tracker')} (news quote tracker; python-requests/{requests.__version__})"
DEFAULT_TIMEOUT = 20.0  # seconds, for the whole response
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5


class FetchError(ValueError):
    pass


@dataclass
class Fetched:
    url: str  # where it was found, after redirects
    status: int  # 304: not modified since the ETag / Last-Modified given, and `body` is empty
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    fetched_at: str  # UTC, ISO 8601


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


class Fetcher:
    def __init__(self, timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES, respect_robots=True):
        self.timeout, self.max_bytes, self.respect_robots = timeout, max_bytes, respect_robots
        self.session = requests.Session()
        self.session.max_redirects = MAX_REDIRECTS
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.hooks["response"].append(self.refuse_disallowed_redirect)
        self.robots = {}  # scheme://host -> RobotFileParser

    def get(self, url, etag=None, last_modified=None):
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        if self.respect_robots and not self.allowed(url):
            raise FetchError("disallowed by the site's robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched = self.download(url, headers)
        if fetched.status >= 400:
            raise FetchError(f"HTTP {fetched.status}")
        return fetched

    def download(self, url, headers=None):
        deadline = time.monotonic() + self.timeout
        try:
            with self.session.get(url, headers=headers, timeout=self.timeout, stream=True) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"over the size cap: {declared} bytes announced, at most {self.max_bytes}")
                body = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"over the size cap of {self.max_bytes} bytes")
                    # The read timeout is per read: a server sending a byte at a time would never hit it.
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.timeout:g} s")
                return Fetched(response.url, response.status_code, response.headers.get("Content-Type", ""),
                               bytes(body), response.headers.get("ETag"), response.headers.get("Last-Modified"), now())
        except requests.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        except (requests.Timeout, TimeoutError):
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except requests.ConnectionError as error:
            raise FetchError(f"could not connect ({reason(error)})") from None
        except requests.RequestException as error:
            raise FetchError(f"fetch failed ({reason(error)})") from None

    def refuse_disallowed_redirect(self, response, **kwargs):
        """A redirect is followed only where robots.txt allows it, as if the target had been asked for."""
        if self.respect_robots and response.is_redirect:
            target = urljoin(response.url, response.headers["Location"])
            if urlsplit(target).path != "/robots.txt" and not self.allowed(target):
                raise FetchError(f"redirected to {target}, which the site's robots.txt disallows")

    def allowed(self, url):
        """What the site's robots.txt says of `url` for our User-Agent, read once per site by
        urllib.robotparser; as RFC 9309 has it, no file (a 4xx) allows everything and an
        unreachable one (a 5xx, a timeout) forbids everything."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self.robots:
            rules = urllib.robotparser.RobotFileParser(urljoin(site, "/robots.txt"))
            try:
                fetched = self.download(rules.url)
            except FetchError:
                fetched = None
            if fetched is None or fetched.status >= 500:
                rules.disallow_all = True
            elif fetched.status >= 400:
                rules.allow_all = True
            else:
                rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
            self.robots[site] = rules
        return self.robots[site].can_fetch(USER_AGENT, url)


def reason(error):
    """The few words that say why a connection failed ('Connection refused'), out of requests' long message."""
    match = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(error))
    return match.group(1) if match else type(error).__name__
