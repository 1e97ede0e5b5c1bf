"""Shared helpers for the benchmark scripts in bench/ (one script per benchmark).

Each script measures one thing, prints a table and writes a JSON file under bench/results/
(git-ignored). Sibling benchmarks (ingest, Datasette latency ...) import this module:

    from benchlib import REPO, corpus_texts, pin_one_core, print_table, save_results, timed
"""
import json
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
POLNEAR_TRAIN = REPO.parent / "shared" / "polnear" / "train" / "text"

if str(REPO) not in sys.path:  # run from a checkout without `pip install -e`
    sys.path.insert(0, str(REPO))


def pin_one_core():
    """Run this process on one CPU where the OS allows it; returns whether it did."""
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return True
    except (AttributeError, OSError):
        return False


def timed(fn, *args, repeat=1):
    """Best wall-clock seconds of `repeat` calls of fn(*args), and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, result


def corpus_texts():
    """(name of the corpus, list of article texts): PolNeAR train when present, else generated."""
    if POLNEAR_TRAIN.is_dir():
        files = sorted(POLNEAR_TRAIN.glob("*.txt"))
        if files:
            return "polnear-train", [f.read_text(encoding="utf-8") for f in files]
    from synthetic import articles  # here: synthetic imports this module

    return "generated", [article["text"] for article in articles(200)]


def print_table(rows, headers):
    rows = [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def save_results(name, payload):
    """Write bench/results/NAME-<utc stamp>.json and NAME-latest.json; return the first path."""
    RESULTS.mkdir(exist_ok=True)
    now = datetime.now(timezone.utc)
    payload = {"benchmark": name, "when": now.isoformat(timespec="seconds"),
               "python": platform.python_version(), "machine": platform.machine(), **payload}
    path = RESULTS / f"{name}-{now:%Y%m%dT%H%M%SZ}.json"
    for p in (path, RESULTS / f"{name}-latest.json"):
        p.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path
