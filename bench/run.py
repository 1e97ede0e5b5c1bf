"""All the benchmarks, one after another, summed up in one table against the targets.

    .venv/bin/python bench/run.py [--quick]      (make bench)

Runs extract_speed.py, ingest_speed.py, html_ingest_speed.py, datasette_latency.py, ingest_memory.py and
scale.py, each as its own process writing its own bench/results/NAME-latest.json, then prints one table from those files
and writes bench/results/run-*.json. --quick makes every run smaller (minutes, not an hour);
a benchmark that fails is reported as failed and the others still run.
"""
import argparse
import json
import subprocess
import sys

from benchlib import BENCH, RESULTS, print_table, save_results

QUICK_ARGS = {"extract_speed": ["--sizes", "65536,262144", "--timeout", "30", "--repeat", "1"]}
BENCHMARKS = ["extract_speed", "ingest_speed", "html_ingest_speed", "datasette_latency", "ingest_memory", "scale"]


def run(name, quick):
    extra = (QUICK_ARGS.get(name, ["--quick"]) if quick else [])
    print(f"\n=== {name} {' '.join(extra)}", flush=True)
    latest = RESULTS / f"{name}-latest.json"
    before = latest.stat().st_mtime if latest.exists() else None
    code = subprocess.run([sys.executable, str(BENCH / f"{name}.py"), *extra]).returncode
    if code != 0 or not latest.exists() or latest.stat().st_mtime == before:
        return {"failed": f"exit code {code}"}
    return json.loads(latest.read_text())


def yes_no(met):
    return "yes" if met else "NO"


def summary_rows(results):
    rows = []
    extract = results["extract_speed"]
    if "failed" not in extract:
        rows.append(("extraction", f"articles/s, one core ({extract['corpus']}), with the model",
                     extract["articles"]["articles_per_s"], "", ""))
        if "rules_only" in extract:
            rows.append(("extraction", "articles/s, one core, rules only", extract["rules_only"]["articles_per_s"], "", ""))
            rows.append(("extraction", "with the model / rules only", extract["model_over_rules"],
                         f">= {extract['target_model_over_rules']}", yes_no(extract["model_over_rules"]
                                                                        >= extract["target_model_over_rules"])))
        for name, entry in extract["pathological"].items():
            rows.append(("extraction", f"MB/s on {name} input, large size", entry["large"]["mb_per_s"],
                         "linear", yes_no(entry["scaling"] is not None and entry["scaling"] > 0.5)))
    ingest = results["ingest_speed"]
    if "failed" not in ingest:
        target = ingest["target_articles_per_s"]
        for way, label in (("cli", "tracker ingest"), ("http", f"HTTP, {ingest['http']['clients']} clients")):
            rows.append(("bulk ingest", f"articles/s, {label} ({ingest[way]['articles']:,} articles)",
                         ingest[way]["articles_per_s"], f">= {target}", yes_no(ingest[way]["meets_target"])))
    web = results["html_ingest_speed"]
    if "failed" not in web:
        for way, label in (("text", ".jsonl of texts"), ("html", "folder of .html pages"), ("warc", ".warc.gz of pages")):
            ratio = f", x{web[way]['ratio_to_text']} the text path" if way != "text" else ""
            rows.append(("web ingest", f"articles/s, tracker ingest, {label} ({web[way]['articles']:,} articles){ratio}",
                         web[way]["articles_per_s"], "", ""))
        rows.append(("web ingest", "pages/s, page -> article (trafilatura) alone, one core",
                     web["page_extraction"]["pages_per_s"], "", ""))
    latency = results["datasette_latency"]
    if "failed" not in latency:
        for label, entry in latency["lookups"].items():
            target = entry.get("target_p95_ms", latency["target_p95_ms"])
            errors = f", {entry['errors']} over the time limit" if entry["errors"] else ""
            rows.append((f"Datasette, {latency['quotes']:,} quotes", f"{label} p50 / p95 ms{errors}",
                         f"{entry['p50_ms']} / {entry['p95_ms']}", f"p95 <= {target}", yes_no(entry["meets_target"])))
    memory = results["ingest_memory"]
    if "failed" not in memory:
        rows.append(("memory", f"RSS MB while ingesting {memory['articles']:,} articles: first -> last (peak)",
                     f"{memory['first']['rss_mb']} -> {memory['last']['rss_mb']} ({memory['peak_rss_mb']})",
                     "flat", yes_no(memory["flat"])))
    scale = results["scale"]
    if "failed" not in scale:
        ratios, archive = scale["ratios"], scale["archive"]
        for way, label in (("ingest", "tracker ingest"), ("http", "HTTP, 8 clients"), ("backfill", "backfill --workers 2")):
            rows.append(("scale", f"{label} / extract alone on one core ({ratios['articles']:,} articles)",
                         f"{ratios[way]['ratio']}x", f">= {ratios[way]['target']}x", yes_no(ratios[way]["meets_target"])))
        for workers, entry in archive["extraction"].items():
            rows.append(("scale", f"archive of {archive['articles']:,}: extraction articles/s, {workers} workers",
                         entry["articles_per_s"], "", ""))
        load = archive["load"]
        rows.append(("scale", "archive: loader rows/s; RSS MB first -> last shard",
                     f"{load['rows_per_s']:,}; {load['rss_mb_first_last'][0]} -> {load['rss_mb_first_last'][1]}", "flat",
                     yes_no(load["rss_mb_first_last"][1] < 1.2 * load["rss_mb_first_last"][0])))
        rows.append(("scale", "archive: GB per million statements", archive["database"]["gb_per_million_statements"],
                     "", ""))
    for name, result in results.items():
        if "failed" in result:
            rows.append((name, "failed", result["failed"], "", "NO"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs of every benchmark")
    parser.add_argument("--only", nargs="*", choices=BENCHMARKS, help="run only these, reuse the others' latest")
    args = parser.parse_args()

    results = {}
    for name in BENCHMARKS:
        if args.only is None or name in args.only:
            results[name] = run(name, args.quick)
        else:
            latest = RESULTS / f"{name}-latest.json"
            results[name] = json.loads(latest.read_text()) if latest.exists() else {"failed": "not run"}
    rows = summary_rows(results)
    print("\n=== summary" + (" (--quick)" if args.quick else ""))
    print_table(rows, ("benchmark", "measure", "value", "target", "met"))
    path = save_results("run", {"quick": args.quick, "summary": [dict(zip(
        ("benchmark", "measure", "value", "target", "met"), row)) for row in rows]})
    print(f"\nwrote {path.relative_to(path.parents[2])}")
    if any("failed" in result for result in results.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
