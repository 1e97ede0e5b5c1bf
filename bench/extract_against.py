"""Extraction speed against an earlier revision of the code, measured in one run.

    .venv/bin/python bench/extract_against.py REV [--passes 5]      (make bench-against REV=9a06d3c)

REV's `tracker/` package is taken out of git (`git archive`) into a temporary folder; then,
passes interleaved so that both see the same load, a child process per pass and side, pinned to
one core, times on CPU (not wall clock: this machine's speed drifts by a third) over the same
articles (PolNeAR train when ../shared is there, else generated ones):

* extract  - `tracker.extract.extract(text)`, rules only (as REV had no model, or with
             `model=None`);
* prepared - `extract` and then `storage.prepare_article`: the whole way from a text to the
             rows ingest writes (dates, the article's speakers, claim terms), which is the
             fair comparison when work moves between the two (the date a statement was said
             became an extraction step in 2026-12).

The ratio is REV's seconds over this checkout's: above 1.0 this checkout is faster. The fastest
pass of each counts (other load only ever slows a pass); medians are given beside it.
Results: printed as a table and written to bench/results/extract_against-*.json.
"""
import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchlib import REPO, corpus_texts, print_table, save_results

MODES = ("extract", "prepared")

# What a child runs: the code of one tree, timed on CPU over the articles piped to it as JSON.
CHILD = r"""
import inspect, json, os, sys, time
tree, mode = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
from tracker.extract import pipeline
from tracker import storage
assert pipeline.__file__.startswith(tree), f"imported {pipeline.__file__}, not the code of {tree}"
if hasattr(os, "sched_setaffinity"):  # as benchlib.pin_one_core, which would put this checkout first on sys.path
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
articles = json.load(sys.stdin)
rules_only = {"model": None} if "model" in inspect.signature(pipeline.extract).parameters else {}
def run(text):
    statements = pipeline.extract(text, **rules_only)
    if mode == "prepared":
        storage.prepare_article({"text": text}, statements)
    return len(statements)
run(articles[0])  # lazy initialisation (lexicons, compiled patterns) is no per-article cost
t0 = time.process_time()
count = sum(run(text) for text in articles)
print(json.dumps({"seconds": time.process_time() - t0, "statements": count}))
"""


def export_tree(rev, into):
    """REV's tracker/ package under `into`; exits with a one-line message when git cannot give it."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", rev, "tracker"],
                             capture_output=True)
    if archive.returncode != 0:
        sys.exit(f"extract_against: cannot read revision {rev!r}: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        # The filter argument came with Python 3.10.12 / 3.11.4; the archive is this repository's own.
        tar.extractall(into, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    return Path(into)


def timed_pass(tree, mode, payload):
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), mode],
                          input=payload, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"extract_against: {mode} on {tree} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def compare(rev, passes):
    corpus, articles = corpus_texts()
    payload = json.dumps(articles)
    with tempfile.TemporaryDirectory(prefix="extract-against-") as tmp:
        trees = {"this checkout": REPO, rev: export_tree(rev, tmp)}
        seconds = {(side, mode): [] for side in trees for mode in MODES}
        statements = {}
        for _ in range(passes):
            for mode in MODES:
                for side, tree in trees.items():
                    result = timed_pass(tree, mode, payload)
                    seconds[side, mode].append(result["seconds"])
                    statements[side, mode] = result["statements"]
    out = {"corpus": corpus, "articles": len(articles), "revision": rev, "passes": passes, "modes": {}}
    for mode in MODES:
        ours, theirs = seconds["this checkout", mode], seconds[rev, mode]
        out["modes"][mode] = {
            "seconds": {"this checkout": sorted(ours), rev: sorted(theirs)},
            "statements": {"this checkout": statements["this checkout", mode], rev: statements[rev, mode]},
            "ratio_fastest": round(min(theirs) / min(ours), 3),
            "ratio_median": round(statistics.median(theirs) / statistics.median(ours), 3),
        }
    return out


def main():
    parser = argparse.ArgumentParser(description="Extraction speed against an earlier revision, in one run")
    parser.add_argument("rev", help="a git revision of this repository (a commit, tag or branch)")
    parser.add_argument("--passes", type=int, default=5, help="interleaved passes per side and mode")
    args = parser.parse_args()
    result = compare(args.rev, args.passes)
    print(f"corpus: {result['corpus']} ({result['articles']} articles), {args.passes} interleaved passes, "
          f"CPU seconds on one pinned core\n")
    rows = []
    for mode, entry in result["modes"].items():
        ours, theirs = entry["seconds"]["this checkout"], entry["seconds"][args.rev]
        rows.append((mode, f"{min(theirs):.2f} / {statistics.median(theirs):.2f}",
                     f"{min(ours):.2f} / {statistics.median(ours):.2f}",
                     entry["ratio_fastest"], entry["ratio_median"]))
    print_table(rows, ("mode", f"{args.rev} s (fastest / median)", "this checkout s", "speed ratio (fastest)",
                       "(median)"))
    print("\nspeed ratio: the revision's seconds over this checkout's (above 1.0: this checkout is faster)")
    print(f"results: {save_results('extract_against', result)}")


if __name__ == "__main__":
    main()
