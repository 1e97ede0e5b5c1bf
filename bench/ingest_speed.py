"""Bulk ingest speed, articles/s into SQLite: through `tracker ingest` and over HTTP to `tracker serve`.

    .venv/bin/python bench/ingest_speed.py [--articles 2000] [--clients 8] [--quick]

Articles come from bench/synthetic.py (news-like, 6-14 paragraphs, made-up words, speakers with a
long tail). Everything the ingest does is in the figure: extraction, speaker matching, claim
linking, one transaction per article. The CLI figure includes the command's start-up; the HTTP
figure has `clients` threads posting at once to gunicorn (2 workers x 4 threads), the client
sharing the machine's cores with the server.
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from benchlib import print_table, save_results
from synthetic import articles, write_jsonl
from tracker.servers import RunningServers

TARGET = 200  # articles/s
TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")


def stored(database):
    with sqlite3.connect(database) as db:
        return db.execute("select (select count(*) from articles), (select count(*) from quotes)").fetchone()


def through_cli(folder, n):
    crawl = write_jsonl(os.path.join(folder, "crawl.jsonl"), n)
    database = os.path.join(folder, "cli.db")
    started = time.perf_counter()
    subprocess.run([TRACKER, "ingest", crawl, "--db", database], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return seconds, stored(database)


def through_http(folder, n, clients):
    database = os.path.join(folder, "http.db")
    batch = list(articles(n))
    with RunningServers(database, output=subprocess.DEVNULL) as servers:
        local = threading.local()  # one keep-alive session per client thread

        def post(article):
            if not hasattr(local, "session"):
                local.session = requests.Session()
            return local.session.post(f"{servers.api}/articles", json=article, timeout=120).status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            statuses = list(pool.map(post, batch))
        seconds = time.perf_counter() - started
    failures = len([s for s in statuses if s != 201])
    return seconds, stored(database), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="300 articles")
    args = parser.parse_args()
    if args.quick:
        args.articles = min(args.articles, 300)

    results, rows = {}, []
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        seconds, (n_articles, n_quotes) = through_cli(folder, args.articles)
        results["cli"] = {"articles": n_articles, "quotes": n_quotes, "seconds": round(seconds, 2),
                          "articles_per_s": round(n_articles / seconds, 1)}
        seconds, (n_articles, n_quotes), failures = through_http(folder, args.articles, args.clients)
        results["http"] = {"articles": n_articles, "quotes": n_quotes, "seconds": round(seconds, 2),
                           "articles_per_s": round(n_articles / seconds, 1), "clients": args.clients,
                           "non_201": failures}
    for way, r in results.items():
        r["meets_target"] = r["articles"] == args.articles and r["articles_per_s"] >= TARGET
        label = "tracker ingest (CLI)" if way == "cli" else f"POST /api/articles, {args.clients} clients"
        rows.append((label, r["articles"], r["quotes"], r["seconds"], r["articles_per_s"],
                     "yes" if r["meets_target"] else "NO"))
    print_table(rows, ("ingest", "articles", "quotes", "seconds", "articles/s", f">={TARGET}/s"))
    path = save_results("ingest_speed", {"requested_articles": args.articles, "target_articles_per_s": TARGET,
                                         **results})
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
