"""Ingest speed through the HTML path next to the text path, articles/s, all through `tracker ingest`.

    .venv/bin/python bench/html_ingest_speed.py [--articles 500] [--repeat 3] [--quick]

The same synthetic articles (bench/synthetic.py) three ways: as a .jsonl of texts (the text path),
as a folder of news pages (.html, with navigation, share buttons and related links around the
article) and as one .warc.gz of those pages as HTTP responses. Also page-to-article extraction
alone (trafilatura, `tracker.pages.page_article`) on one core, pages/s. The three ingests take
turns `--repeat` times and each keeps its fastest, since other load on the machine only slows a
run; read the figures as ratios within one run, the machine's speed drifts between runs.
"""
import argparse
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from benchlib import pin_one_core, print_table, save_results, timed
from synthetic import articles, news_page, write_jsonl
from tracker.pages import page_article

TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")


def write_pages(folder, batch):
    os.makedirs(folder)
    for number, article in enumerate(batch):
        with open(os.path.join(folder, f"{number:06}.html"), "w", encoding="utf-8") as f:
            f.write(news_page(article))
    return folder


def write_warc(path, batch):
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for article in batch:
            body = news_page(article).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(article["url"], "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


def ingest(path, database):
    for leftover in (database, database + "-wal", database + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    started = time.perf_counter()
    subprocess.run([TRACKER, "ingest", path, "--db", database], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    with sqlite3.connect(database) as db:
        stored = db.execute("select (select count(*) from articles), (select count(*) from quotes)").fetchone()
    return {"articles": stored[0], "quotes": stored[1], "seconds": round(seconds, 2),
            "articles_per_s": round(stored[0] / seconds, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each ingest, the fastest kept")
    parser.add_argument("--quick", action="store_true", help="150 articles, one run each")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.repeat = min(args.articles, 150), 1
    batch = list(articles(args.articles))

    results = {}
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        inputs = {
            "text": write_jsonl(os.path.join(folder, "crawl.jsonl"), args.articles),
            "html": write_pages(os.path.join(folder, "pages"), batch),
            "warc": write_warc(os.path.join(folder, "crawl.warc.gz"), batch),
        }
        for _ in range(args.repeat):
            for way, path in inputs.items():
                run = ingest(path, os.path.join(folder, f"{way}.db"))
                if way not in results or run["seconds"] < results[way]["seconds"]:
                    results[way] = run
    pages = [news_page(article).encode() for article in batch]
    pinned = pin_one_core()
    seconds, _ = timed(lambda: [page_article(page, article["url"]) for page, article in zip(pages, batch)])
    results["page_extraction"] = {"pages": len(pages), "seconds": round(seconds, 2),
                                  "pages_per_s": round(len(pages) / seconds, 1), "one_core": pinned}
    for way in ("html", "warc"):
        results[way]["ratio_to_text"] = round(results[way]["articles_per_s"] / results["text"]["articles_per_s"], 2)
        results[way]["same_quotes_as_text"] = results[way]["quotes"] == results["text"]["quotes"]

    rows = [(f"tracker ingest, {way}", r["articles"], r["quotes"], r["seconds"], r["articles_per_s"],
             r.get("ratio_to_text", 1.0)) for way, r in results.items() if way != "page_extraction"]
    print_table(rows, ("path", "articles", "quotes", "seconds", "articles/s", "x text path"))
    extraction = results["page_extraction"]
    print(f"\npage -> article (trafilatura) alone: {extraction['pages_per_s']} pages/s"
          f"{' on one core' if pinned else ''}")
    path = save_results("html_ingest_speed", {"requested_articles": args.articles, "repeat": args.repeat, **results})
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
