"""Extraction speed: articles per second on one core, and MB/s on pathological inputs.

    .venv/bin/python bench/extract_speed.py [--timeout SECONDS] [--sizes 131072,1048576] [--repeat 5]

Articles: the PolNeAR train texts when ../shared/polnear/train/text exists next to the repo,
else generated news-like text; the fastest of --repeat passes over them is reported.
Pathological inputs, each at a small and a large size so that a super-linear path shows as a
falling MB/s (the "scaling" column: large-size MB/s divided by small-size MB/s; near 1.0 is
linear, a quadratic path gives about small/large):

* quotes   - nothing but quotation marks of every kind
* unpaired - news sentences whose quotation marks never close, in one long paragraph
* news     - ordinary news text (the articles concatenated), paragraphs kept

Each pathological run happens in a child process and is cut after --timeout seconds.
If textacy with a spaCy English model is installed, textacy's direct_quotations is timed on
the same articles and the speed ratio printed; otherwise that part is skipped.
Results: printed as a table and written to bench/results/extract_speed-*.json.
"""
import argparse
import multiprocessing as mp
import time

from benchlib import corpus_texts, pin_one_core, print_table, save_results, timed

MB = 1 << 20
TARGET_MODEL_OVER_RULES = 0.6  # with the attribution model, at least this share of the rules-only speed


def quotes_input(size):
    unit = '"' * 40 + "“”" * 20 + "„«»" * 4 + "''" + "\n"
    return (unit * (size // len(unit) + 1))[:size]


def unpaired_input(size):
    unit = ('The senator said “the plan would fail and that nobody had listened, '
            'as officials told reporters that "talks were over. ')
    return (unit * (size // len(unit) + 1))[:size]


def news_input(size, articles):
    out, n = [], 0
    while n < size:
        for a in articles:
            out.append(a)
            n += len(a) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def stage_timings(text):
    """Seconds per extraction stage on one text, so a slow path can be placed; while the stages'
    functions are being reshaped, which one is missing is said instead."""
    out = {}
    try:
        from tracker.extract.indirect import find_reported_speech
        from tracker.extract.quotes import find_quotes
        from tracker.extract.segment import segment
    except ImportError as error:
        return {"unavailable": str(error)}
    t0 = time.perf_counter()
    seg = segment(text)
    out["segment"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = find_quotes(text, seg.end)
    out["quotes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    find_reported_speech(text, seg.sentences, [(q.start, q.end) for q in quotes])
    out["indirect"] = time.perf_counter() - t0
    return {k: round(v, 3) for k, v in out.items()}


def _child(text, queue):
    from tracker.extract import extract
    pin_one_core()
    stages = stage_timings(text)
    t0 = time.perf_counter()
    statements = extract(text)
    queue.put((time.perf_counter() - t0, len(statements), stages))


def run_isolated(text, timeout):
    """(seconds, statements, stage seconds) for extract(text) in a child process;
    (None, None, {}) on timeout."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(text, queue), daemon=True)
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return None, None, {}
    if proc.exitcode != 0:
        raise RuntimeError(f"extract crashed (exit code {proc.exitcode})")
    return queue.get()


def article_speed(articles, repeat):
    """Extraction speed with the packaged attribution model and with the rules alone, their
    passes interleaved so that both see the same load; the fastest pass of each counts."""
    from tracker.extract import extract
    from tracker.extract.learned import packaged

    models = {"model": packaged(), "rules_only": None}
    best = {name: float("inf") for name in models}
    counts = {}
    for name, model in models.items():
        extract(articles[0], model=model)  # warm up lazy initialisation (tokenizer, lexicons, model)
    # The fastest of several passes: other load on a shared machine only ever slows a pass.
    for _ in range(repeat):
        for name, model in models.items():
            seconds, counts[name] = timed(lambda: [len(extract(a, model=model)) for a in articles])
            best[name] = min(best[name], seconds)
    chars = sum(len(a) for a in articles)
    out = {name: {"articles": len(articles), "seconds": round(best[name], 3),
                  "articles_per_s": round(len(articles) / best[name], 1),
                  "mb_per_s": round(chars / MB / best[name], 3), "statements": sum(counts[name])}
           for name in models}
    out["model_over_rules"] = round(best["rules_only"] / best["model"], 2)
    out["target_model_over_rules"] = TARGET_MODEL_OVER_RULES
    out["meets_target"] = out["model_over_rules"] >= TARGET_MODEL_OVER_RULES
    return out


def textacy_speed(articles):
    """Seconds for textacy's direct_quotations over the articles, or a reason it was skipped."""
    try:
        import spacy
        import textacy.extract
        nlp = spacy.load("en_core_web_sm")
    except (ImportError, OSError) as exc:  # not installed, or no English model: an optional comparison
        return {"skipped": f"{type(exc).__name__}: {exc}"[:200]}
    def run():
        return sum(len(list(textacy.extract.triples.direct_quotations(nlp(a)))) for a in articles)
    seconds, n = timed(run)
    return {"seconds": round(seconds, 3), "articles_per_s": round(len(articles) / seconds, 1), "quotations": n}


def main():
    parser = argparse.ArgumentParser(description="Extraction speed benchmark")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per pathological run")
    parser.add_argument("--sizes", default=f"{MB // 8},{MB}", help="small,large input sizes in characters")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the articles; the fastest counts")
    args = parser.parse_args()
    small, large = (int(x) for x in args.sizes.split(","))

    pinned = pin_one_core()
    corpus, articles = corpus_texts()
    speeds = article_speed(articles, args.repeat)
    speed = speeds["model"]
    print(f"corpus: {corpus} ({speed['articles']} articles, fastest of {args.repeat} passes each, interleaved), "
          f"one core pinned: {pinned}\n")
    print_table([(f"{corpus}, {name.replace('_', ' ')}", speeds[name]["articles"], speeds[name]["seconds"],
                  speeds[name]["articles_per_s"], speeds[name]["mb_per_s"], speeds[name]["statements"])
                 for name in ("model", "rules_only")],
                ("articles", "n", "seconds", "articles/s", "MB/s", "statements"))
    print(f"with the model: {speeds['model_over_rules']}x the rules-only speed "
          f"(target >= {TARGET_MODEL_OVER_RULES}x)")

    inputs = {"quotes": quotes_input, "unpaired": unpaired_input,
              "news": lambda size: news_input(size, articles)}
    pathological, rows = {}, []
    for name, make in inputs.items():
        entry = {}
        for label, size in (("small", small), ("large", large)):
            text = make(size)
            seconds, n, stages = run_isolated(text, args.timeout)
            entry[label] = {"chars": len(text), "seconds": None if seconds is None else round(seconds, 3),
                            "mb_per_s": None if seconds is None else round(len(text) / MB / max(seconds, 1e-9), 3),
                            "statements": n, "timed_out": seconds is None, "stage_seconds": stages}
        s, l = entry["small"]["mb_per_s"], entry["large"]["mb_per_s"]
        entry["scaling"] = round(l / s, 2) if s and l else None
        pathological[name] = entry
        rows.append((name, *(f"{entry[k]['mb_per_s']}" if entry[k]['mb_per_s'] is not None
                             else f"timeout>{args.timeout:g}s" for k in ("small", "large")),
                     entry["large"]["seconds"], entry["large"]["statements"], entry["scaling"]))
    print()
    print_table(rows, ("input", f"MB/s @{small // 1024}KB", f"MB/s @{large // 1024}KB", "s @large",
                       "statements", "scaling"))

    stage_names = sorted({k for e in pathological.values() for k in e["large"]["stage_seconds"]})
    if stage_names:
        print(f"\nstage seconds @{large // 1024}KB (the rest of extract: direct quotes, speakers)")
        print_table([(name, *(e["large"]["stage_seconds"].get(k, "-") for k in stage_names), e["large"]["seconds"])
                     for name, e in pathological.items()], ("input", *stage_names, "extract"))

    textacy = textacy_speed(articles)
    print()
    if "skipped" in textacy:
        print(f"textacy: skipped ({textacy['skipped']})")
    else:
        ratio = round(speed["articles_per_s"] / textacy["articles_per_s"], 1)
        textacy["ratio_ours_over_textacy"] = ratio
        print(f"textacy direct_quotations: {textacy['articles_per_s']} articles/s; ours is {ratio}x")

    path = save_results("extract_speed", {"corpus": corpus, "pinned_one_core": pinned, "articles": speed,
                                          "rules_only": speeds["rules_only"],
                                          "model_over_rules": speeds["model_over_rules"],
                                          "target_model_over_rules": TARGET_MODEL_OVER_RULES,
                                          "pathological": pathological, "textacy": textacy})
    print(f"\nwrote {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
