"""Realistic news pages, feeds and a small web site the tests write themselves, served on 127.0.0.1.

A page has what real ones have around the article: navigation, share buttons, a related-links box,
a cookie banner, a footer, a byline, and its date in JSON-LD or in <meta> tags.
"""
import html
import json
import threading
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOILERPLATE = ["Subscribe to our newsletter", "Share on Facebook", "Tweet this", "Most read today",
               "Accept all cookies", "All rights reserved"]


def news_page(title, paragraphs, author="Maria Keller", published="2024-05-02", site="Harbour Times",
              url=None, canonical=None, date_in="json-ld", charset="utf-8", related=("Port fees rise again",
                                                                                    "Ferry timetable changes")):
    """A news page's HTML (str): the article among the boilerplate of a real site; no date anywhere
    when `published` is None."""
    e = html.escape
    head = [f'<meta charset="{charset}">', f"<title>{e(title)} | {e(site)}</title>",
            f'<meta property="og:site_name" content="{e(site)}">', f'<meta property="og:title" content="{e(title)}">',
            '<meta property="og:type" content="article">']
    if canonical:
        head.append(f'<link rel="canonical" href="{e(canonical)}">')
    if published is None:
        date_in = None
    if date_in == "json-ld":
        head.append('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": published,
            "author": {"@type": "Person", "name": author}, "publisher": {"@type": "Organization", "name": site},
        }) + "</script>")
    elif date_in == "meta":
        head += [f'<meta property="article:published_time" content="{published}T08:30:00+00:00">',
                 f'<meta name="author" content="{e(author)}">']
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    links = "".join(f'<li><a href="/news/{i}">{e(r)}</a></li>' for i, r in enumerate(related))
    return f"""<!DOCTYPE html>
<html lang="en"><head>{''.join(head)}</head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept all cookies</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<form class="newsletter"><p>Subscribe to our newsletter</p><input type="email"></form></header>
<main>
<article>
<h1>{e(title)}</h1>
<p class="byline">By <span class="author">{e(author)}</span>{f', <time datetime="{published}">{published}</time>' if published else ''}</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet this</a> <a href="#">Email</a></div>
<div class="article-body">
{body}
</div>
</article>
<aside class="related"><h2>Most read today</h2><ul>{links}</ul></aside>
</main>
<footer><p>&copy; 2024 {e(site)}. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>
"""


def rss_feed(items, title="Harbour Times", link="http://127.0.0.1/"):
    """An RSS 2.0 feed of `items`, each (title, link, published datetime)."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link><guid>{html.escape(u)}</guid>"
        f"<pubDate>{format_datetime(d)}</pubDate></item>" for t, u, d in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{html.escape(title)}</title>'
            f"<link>{link}</link><description>News</description>{entries}</channel></rss>")


def atom_feed(items, title="Harbour Times"):
    entries = "".join(
        f'<entry><title>{html.escape(t)}</title><link href="{html.escape(u)}"/><id>{html.escape(u)}</id>'
        f"<updated>{d.isoformat()}</updated></entry>" for t, u, d in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(title)}</title><id>urn:feed</id><updated>2024-05-02T00:00:00Z</updated>{entries}</feed>")


class Site:
    """A web site on 127.0.0.1 in a thread: `site.pages[path] = (status, headers, body)`; `site.hits`
    counts the requests per path and `site.requests` keeps each (path, headers)."""

    def __init__(self):
        self.pages, self.hits, self.requests = {}, {}, []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.requests.append((self.path, dict(self.headers)))
                status, headers, body = site.pages.get(self.path, (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"))
                if callable(body):
                    status, headers, body = body(self)
                    if status is None:
                        return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"

    def url(self, path):
        return self.base + path

    def page(self, path, text, content_type="text/html; charset=utf-8", status=200, headers=None, encoding="utf-8"):
        body = text.encode(encoding) if isinstance(text, str) else text
        self.pages[path] = (status, {"Content-Type": content_type, **(headers or {})}, body)

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


NOW = datetime(2024, 5, 2, 9, 0, tzinfo=timezone.utc)
