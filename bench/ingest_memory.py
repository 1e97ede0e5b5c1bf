"""Memory while `tracker ingest` takes in a large crawl: resident set size sampled as it goes.

    .venv/bin/python bench/ingest_memory.py [--articles 100000] [--quick]

The crawl is one .jsonl file of short synthetic articles (1-3 paragraphs: memory is about how many
articles go through, and short ones get there sooner). RSS is read from /proc every
--every seconds with the number of articles stored so far; the figure is the RSS once 2% of the
articles are in (imports and caches warm) against the RSS at the end, and the peak (VmHWM).
Flat means the last sample is within 20% of the first: the ingest streams, it does not accumulate.
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

from benchlib import print_table, save_results
from synthetic import write_jsonl

TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")
FLAT_GROWTH = 0.20


def memory_kb(pid):
    """(VmRSS, VmHWM) in kB, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
    except (FileNotFoundError, KeyError, ProcessLookupError):
        return None


def stored(database):
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            return db.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between samples")
    parser.add_argument("--quick", action="store_true", help="5,000 articles")
    args = parser.parse_args()
    if args.quick:
        args.articles = min(args.articles, 5_000)

    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        crawl = write_jsonl(os.path.join(folder, "crawl.jsonl"), args.articles, paragraphs=(1, 3))
        database = os.path.join(folder, "memory.db")
        samples, peak_kb = [], 0
        started = time.perf_counter()
        process = subprocess.Popen([TRACKER, "ingest", crawl, "--db", database],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None:
            memory = memory_kb(process.pid)
            if memory:
                peak_kb = max(peak_kb, memory[1])
                samples.append({"seconds": round(time.perf_counter() - started, 1), "articles": stored(database),
                                "rss_mb": round(memory[0] / 1024, 1)})
                print(f"{samples[-1]['seconds']:>8} s {samples[-1]['articles']:>8} articles "
                      f"{samples[-1]['rss_mb']:>7} MB", flush=True)
            time.sleep(args.every)
        seconds = time.perf_counter() - started
        total = stored(database)
    warm = [s for s in samples if s["articles"] >= args.articles * 0.02] or samples
    first, last = warm[0], warm[-1]
    growth = (last["rss_mb"] - first["rss_mb"]) / first["rss_mb"]
    result = {"articles": total, "exit_code": process.returncode, "seconds": round(seconds, 1),
              "articles_per_s": round(total / seconds, 1), "first": first, "last": last,
              "peak_rss_mb": round(peak_kb / 1024, 1), "growth": round(growth, 3),
              "flat": process.returncode == 0 and total == args.articles and growth <= FLAT_GROWTH,
              "samples": samples}
    print()
    print_table([(f"tracker ingest, {total:,} articles", f"{first['rss_mb']} @ {first['articles']:,}",
                  f"{last['rss_mb']} @ {last['articles']:,}", result["peak_rss_mb"], f"{growth:+.1%}",
                  "yes" if result["flat"] else "NO")],
                ("run", "first RSS MB @ articles", "last RSS MB @ articles", "peak MB", "growth", "flat"))
    path = save_results("ingest_memory", {"requested_articles": args.articles, **result})
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
