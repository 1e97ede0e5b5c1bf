"""Archive scale: ingest, HTTP and backfill as ratios to extraction alone, and a synthetic-archive backfill.

    .venv/bin/python bench/scale.py [--articles 3000] [--archive 200000] [--workers 1,2] [--quick]

Ratios, measured in one run over the same synthetic articles (bench/synthetic.py): articles/s of
`tracker ingest` (all cores), of POST /api/articles with 8 clients to `tracker serve`, and of
`tracker backfill --workers 2` (the command's whole run: cluster start, extraction, loading), each
divided by the articles/s of `tracker.extract.extract` alone on one core (a process pinned to one CPU).
Other load on the machine moves every figure, the ratios less.

The archive part backfills `--archive` synthetic articles through the library: the partitions
extracted on a LocalCluster of each worker count (articles/s, the peak RSS of each worker), then
the shards loaded by one process (rows/s; the loader's memory after its first, middle and last
shard and its peak), and the database's size per million statements.

The loader's memory is given twice: RSS, and its anonymous part (RssAnon: the heap, Python's and
SQLite's; what is the process's own), without the file-backed pages RSS also counts (the mapped
libraries, SQLite's WAL index), which the kernel can drop and share. Flat means the last shard's
figure within a few percent of the middle one's: memory bounded, not growing with the archive.
"""
import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from benchlib import print_table, save_results
from synthetic import write_jsonl
from tracker.servers import RunningServers

TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")
TARGETS = {"ingest": 1.5, "http": 1.0, "backfill": 1.6}
CLIENTS = 8
EXTRACT_ALONE = """
import json, os, sys, time
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from tracker.extract import extract
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
started = time.perf_counter()
for text in texts:
    extract(text)
print(time.perf_counter() - started)
"""
ROW_TABLES = ("articles", "quotes", "speakers", "speaker_aliases", "claims", "claim_terms", "claim_sources")


def stored(database):
    with sqlite3.connect(database) as db:
        return {table: db.execute(f"select count(*) from {table}").fetchone()[0] for table in ROW_TABLES}


def timed_command(*args):
    started = time.perf_counter()
    subprocess.run([TRACKER, *map(str, args)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def through_http(crawl, database):
    with open(crawl, encoding="utf-8") as f:
        batch = [json.loads(line) for line in f]
    with RunningServers(database, output=subprocess.DEVNULL) as servers:
        def post(article):
            return requests.post(f"{servers.api}/articles", json=article, timeout=300).status_code

        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = list(pool.map(post, batch))
        seconds = time.perf_counter() - started
    assert statuses.count(201) == len(batch), "some posts failed"
    return seconds


def ratios(folder, n):
    crawl = write_jsonl(os.path.join(folder, "ratios.jsonl"), n, seed=3)
    alone = float(subprocess.run([sys.executable, "-c", EXTRACT_ALONE, crawl], check=True,
                                 capture_output=True, text=True).stdout)
    seconds = {
        "ingest": timed_command("ingest", crawl, "--db", os.path.join(folder, "ingest.db")),
        "http": through_http(crawl, os.path.join(folder, "http.db")),
        "backfill": timed_command("backfill", crawl, "--db", os.path.join(folder, "backfill.db"), "--workers", 2,
                                  "--partition-size", 250),
    }
    result = {"articles": n, "extract_alone_one_core": {"seconds": round(alone, 2), "articles_per_s": round(n / alone, 1)}}
    for way, s in seconds.items():
        ratio = alone / s
        result[way] = {"seconds": round(s, 2), "articles_per_s": round(n / s, 1), "ratio": round(ratio, 2),
                       "target": TARGETS[way], "meets_target": ratio >= TARGETS[way]}
    return result


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def memory_mb():
    """(RSS, its anonymous part) of this process in MB, from /proc/self/status (Linux)."""
    with open("/proc/self/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return tuple(round(int(fields[name].split()[0]) / 1024, 1) for name in ("VmRSS", "RssAnon"))


def first_middle_last(values):
    return [values[0], values[len(values) // 2], values[-1]]


def archive(folder, n, worker_counts, partition_size):
    from dask.distributed import Client, LocalCluster

    from tracker import backfill
    from tracker.db import open_database

    crawl = write_jsonl(os.path.join(folder, "archive.jsonl"), n, seed=23)
    partitions = backfill.plan([crawl], partition_size)
    result = {"articles": n, "partitions": len(partitions), "extraction": {}}
    for workers in worker_counts:
        staging = os.path.join(folder, f"staging-{workers}")
        os.makedirs(staging)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            started = time.perf_counter()
            shards = client.gather(client.map(backfill.extract_partition, partitions, staging=staging, pure=False))
            seconds = time.perf_counter() - started
            worker_peaks = client.run(peak_rss_mb)
        result["extraction"][workers] = {"seconds": round(seconds, 1), "articles_per_s": round(n / seconds, 1),
                                         "peak_rss_mb_per_worker": round(max(worker_peaks.values()), 1)}
    database = os.path.join(folder, "archive.db")
    db = open_database(database)
    memory = []
    started = time.perf_counter()
    for partition, shard in zip(partitions, shards):
        backfill.load_shard(db, partition, shard)
        memory.append(memory_mb())
    seconds = time.perf_counter() - started
    db.close()
    rows = stored(database)
    size = os.path.getsize(database)
    result["load"] = {"seconds": round(seconds, 1), "rows": rows, "rows_per_s": round(sum(rows.values()) / seconds),
                      "articles_per_s": round(n / seconds, 1),
                      "rss_mb_first_middle_last": first_middle_last([rss for rss, _ in memory]),
                      "anonymous_mb_first_middle_last": first_middle_last([anonymous for _, anonymous in memory]),
                      "peak_rss_mb": round(peak_rss_mb(), 1)}
    result["database"] = {"bytes": size, "statements": rows["quotes"],
                          "gb_per_million_statements": round(size / 1e9 / rows["quotes"] * 1e6, 2)}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="articles of the ratio runs")
    parser.add_argument("--archive", type=int, default=200_000, help="articles of the synthetic archive")
    parser.add_argument("--workers", default="1,2", help="worker counts of the archive's extraction")
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="1,000 articles for the ratios, an archive of 4,000")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.archive, args.partition_size = min(args.articles, 1000), min(args.archive, 4000), 250

    with tempfile.TemporaryDirectory(prefix="tracker-scale-") as folder:
        results = {"quick": args.quick, "ratios": ratios(folder, args.articles),
                   "archive": archive(folder, args.archive, [int(w) for w in args.workers.split(",")],
                                      args.partition_size)}
    r, a = results["ratios"], results["archive"]
    rows = [("extract alone, one core", "articles/s", r["extract_alone_one_core"]["articles_per_s"], "", "")]
    for way, label in (("ingest", "tracker ingest"), ("http", f"HTTP, {CLIENTS} clients"),
                       ("backfill", "tracker backfill --workers 2")):
        rows.append((label, "articles/s (ratio to extract alone)", f"{r[way]['articles_per_s']} ({r[way]['ratio']}x)",
                     f">= {r[way]['target']}x", "yes" if r[way]["meets_target"] else "NO"))
    for workers, e in a["extraction"].items():
        rows.append((f"archive {a['articles']:,}: extraction, {workers} workers", "articles/s; peak RSS MB per worker",
                     f"{e['articles_per_s']}; {e['peak_rss_mb_per_worker']}", "", ""))
    load = a["load"]
    rows.append(("archive: loader", "rows/s (articles/s)", f"{load['rows_per_s']:,} ({load['articles_per_s']})", "", ""))
    rows.append(("archive: loader", "RSS MB first, middle, last shard (peak)",
                 f"{', '.join(map(str, load['rss_mb_first_middle_last']))} ({load['peak_rss_mb']})", "", ""))
    rows.append(("archive: loader", "anonymous MB first, middle, last shard",
                 ", ".join(map(str, load["anonymous_mb_first_middle_last"])), "", ""))
    rows.append(("archive: database", "GB per million statements", a["database"]["gb_per_million_statements"], "", ""))
    print_table(rows, ("run", "measure", "value", "target", "met"))
    path = save_results("scale", results)
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
