"""Datasette latency of the lookups, p50/p95 over HTTP, on a generated database of 1 million quotes.

    .venv/bin/python bench/datasette_latency.py [--quotes 1000000] [--requests 100] [--quick]

The database is made by bench/synthetic.py (bulk inserts through the storage schema, not the
extractor) and cached under bench/results/, keyed by the schema, so reruns start at once; new
indexes in storage.INDEXES are applied to the cached file on every run. It is served by a real
`tracker serve` (so with the shipped metadata, canned queries and SQL time limit), and every
canned query in that metadata is timed with varied parameters, plus the quote_details table
filtered by speaker and searched, as the README's links do, and the reading room's pages (speaker,
statement and claim pages, the home page's find, the Atom feeds) against their own target.
"""
import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import subprocess
import time

import requests

from benchlib import RESULTS, print_table, save_results
from synthetic import SOURCES, build_lookup_db, person_names
from tracker.servers import RunningServers

TARGET_P95_MS = 100
PAGE_TARGET_P95_MS = 150


def schema_fingerprint():
    from tracker import storage
    shape = json.dumps([storage.TABLES, storage.FTS_CONFIG, storage.VIEWS], default=str, sort_keys=True)
    generator = open(os.path.join(os.path.dirname(__file__), "synthetic.py"), "rb").read()
    return hashlib.sha1(shape.encode() + generator).hexdigest()[:10]


def cached_database(quotes):
    """The generated database of `quotes` quotes, made if the cache has none for this schema."""
    RESULTS.mkdir(exist_ok=True)
    # Named quotes.db, as the database the reading room's row templates (row-quotes-*.html) are for.
    folder = RESULTS / f"lookup-{quotes}-{schema_fingerprint()}"
    path = folder / "quotes.db"
    if path.exists():
        return path, None
    for old in RESULTS.glob(f"lookup-{quotes}-*.db*"):
        old.unlink()
    for old in RESULTS.glob(f"lookup-{quotes}-*/quotes.db*"):
        old.unlink()
    folder.mkdir(exist_ok=True)
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    for leftover in folder.glob(partial.name + "*"):
        leftover.unlink()
    build_lookup_db(partial, quotes)
    partial.rename(path)
    return path, time.perf_counter() - started


def sample_values(path, rng):
    """Speakers (frequent and rare) and search words, as a user would type them."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    speakers = db.execute("select count(*) from speakers").fetchone()[0]
    names = person_names(speakers)
    last_quote = db.execute("select max(id) from quotes").fetchone()[0]
    ids = rng.sample(range(1, last_quote + 1), 300)
    texts = [row[0] for row in db.execute(f"select text from quotes where id in ({','.join('?' * len(ids))})", ids)]
    words = [w for text in texts for w in text.split() if len(w) > 4]
    frequent = names[:20]
    busiest = [row[0] for row in db.execute(
        "select speaker_id from quotes where speaker_id is not null group by speaker_id order by count(*) desc limit 20")]
    last_claim = db.execute("select max(id) from claims").fetchone()[0]
    most_repeated = [row[0] for row in db.execute("select id from claims order by n_quotes desc limit 20")]
    db.close()
    return {"names": frequent + rng.sample(names, 80), "words": words, "quote_ids": ids,
            "speaker_ids": busiest + rng.sample(range(1, speakers + 1), 80),
            "claim_ids": most_repeated + rng.sample(range(1, last_claim + 1), 80)}


def parameters(params, values, rng, i):
    """Values for a canned query's parameters, varied from one request to the next."""
    chosen = {}
    for name in params:
        if name in ("name", "speaker", "who"):
            full = rng.choice(values["names"])
            chosen[name] = "" if (name == "speaker" and i % 3 == 0) else (full.split()[-1] if i % 4 == 1 else full)
        elif name in ("q", "query", "search", "words"):
            chosen[name] = " ".join(rng.sample(values["words"], 1 + i % 2))
        elif name in ("since", "from"):
            chosen[name] = "" if i % 2 else f"{2019 + i % 5}-01-01"
        elif name in ("until", "to"):
            chosen[name] = "" if i % 3 else f"{2020 + i % 5}-06-30"
        elif name == "claim":
            chosen[name] = str(rng.choice(values["claim_ids"]))
        elif name == "source":
            chosen[name] = rng.choice(SOURCES)
        else:
            chosen[name] = ""
    return chosen


def lookups(servers, values, rng):
    """(label, function of request number -> (url, params)) for every lookup to time."""
    metadata = requests.get(f"{servers.datasette}/-/metadata.json", timeout=30).json()
    queries = metadata["databases"][servers.db_name].get("queries", {})
    found = []
    for name, query in queries.items():
        params = query.get("params", [])
        found.append((f"canned: {name}", lambda i, name=name, params=params: (
            f"{servers.datasette}/{servers.db_name}/{name}.json",
            {**parameters(params, values, rng, i), "_shape": "array"})))
    table = f"{servers.datasette}/{servers.db_name}/quote_details.json"
    found.append(("table: quote_details?speaker=", lambda i: (
        table, {"speaker": rng.choice(values["names"]), "_shape": "objects", "_size": 50})))
    found.append(("table: quote_details?_search=", lambda i: (
        table, {"_search": rng.choice(values["words"]), "_shape": "objects", "_size": 50})))
    database = f"{servers.datasette}/{servers.db_name}"
    found.append(("page: speaker (the 20 busiest, then any)", lambda i: (
        f"{database}/speakers/{values['speaker_ids'][i % len(values['speaker_ids'])]}", {})))
    found.append(("page: statement", lambda i: (f"{database}/quotes/{rng.choice(values['quote_ids'])}", {})))
    found.append(("page: claim (the 20 most repeated, then any)", lambda i: (
        f"{database}/claims/{values['claim_ids'][i % len(values['claim_ids'])]}", {})))
    found.append(("page: home page's find", lambda i: (f"{servers.datasette}/-/find", {
        "q": rng.choice(values["names"]).split()[-1 if i % 2 else 0] if i % 3 else rng.choice(values["words"])})))
    found.append(("feed: speaker_feed.atom", lambda i: (
        f"{database}/speaker_feed.atom", {"name": rng.choice(values["names"])})))
    found.append(("feed: claim_feed.atom", lambda i: (
        f"{database}/claim_feed.atom", {"claim": str(rng.choice(values["claim_ids"]))})))
    return found, sorted(queries)


def time_lookup(session, make_request, count, warmup=3):
    latencies, errors = [], []
    for i in range(warmup + count):
        url, params = make_request(i)
        started = time.perf_counter()
        response = session.get(url, params=params, timeout=60)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            errors.append(f"{response.status_code}: {response.text[:160]}")
        elif i >= warmup:
            latencies.append(elapsed * 1000)
    return latencies, errors


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per lookup")
    parser.add_argument("--quick", action="store_true", help="100,000 quotes and 30 requests per lookup")
    args = parser.parse_args()
    if args.quick:
        args.quotes, args.requests = min(args.quotes, 100_000), min(args.requests, 30)

    path, built_in = cached_database(args.quotes)
    print(f"database: {path.relative_to(RESULTS.parent.parent)} "
          + (f"(generated in {built_in:.0f} s)" if built_in else "(cached)"))
    rng = random.Random(3)
    values = sample_values(path, rng)
    rows, results = [], {}
    with RunningServers(path, output=subprocess.DEVNULL) as servers:
        session = requests.Session()
        found, canned = lookups(servers, values, rng)
        for label, make_request in found:
            latencies, errors = time_lookup(session, make_request, args.requests)
            p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
            target = PAGE_TARGET_P95_MS if label.startswith(("page:", "feed:")) else TARGET_P95_MS
            results[label] = {"requests": len(latencies), "p50_ms": p50 and round(p50, 1),
                              "p95_ms": p95 and round(p95, 1), "max_ms": latencies and round(max(latencies), 1),
                              "mean_ms": latencies and round(statistics.mean(latencies), 1),
                              "errors": len(errors), "first_errors": errors[:3],
                              "target_p95_ms": target,
                              "meets_target": bool(latencies) and not errors and p95 <= target}
            r = results[label]
            rows.append((label, r["requests"], r["p50_ms"], r["p95_ms"], r["max_ms"], r["errors"], target,
                         "yes" if r["meets_target"] else "NO"))
    print(f"{args.quotes:,} quotes; canned queries in the metadata: {', '.join(canned) or 'none'}\n")
    print_table(rows, ("lookup", "n", "p50 ms", "p95 ms", "max ms", "errors", "target p95 ms", "met"))
    for label, r in results.items():
        for error in r["first_errors"]:
            print(f"  {label}: {error}")
    path = save_results("datasette_latency", {"quotes": args.quotes, "database": str(path.relative_to(RESULTS)),
                                              "generated_seconds": built_in and round(built_in, 1),
                                              "canned_queries": canned, "target_p95_ms": TARGET_P95_MS,
                                              "lookups": results})
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
