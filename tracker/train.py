"""Train the attribution model (`tracker.extract.learned`) on brat gold in PolNeAR's layout.

Each sentence of each gold article becomes one CRF sequence: its tokens, their features (the
words around them, the cue lexicon, and what the rules extracted there) and their gold labels
(Source, Cue, Content of the attributions the annotator marked, the innermost attribution where
they nest). Training is L-BFGS, deterministic for a given seed (which orders the sequences).

    >>> train(["gold/"], "my.model", seed=0)          # doctest: +SKIP
"""
import hashlib
import json
import random
import re
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

from tracker.evaluate import load_gold, parse_ann
from tracker.extract import extract
from tracker.extract.learned import (
    FEATURE_VERSION,
    LABELS,
    MAGIC,
    Featurizer,
    Sweep,
    rule_roles,
    sentence_tokens,
    tokens,
)
from tracker.extract.quotes import find_quotes
from tracker.extract.segment import segment

ROLES = ("Content", "Source", "Cue")  # later roles win where spans overlap
DEFAULT_ITERATIONS = 150
CUE_MIN_COUNT, CUE_MIN_SHARE = 3, 0.2
PARAMETERS = {"c1": 0.3, "c2": 1.0, "feature.minfreq": 2, "feature.possible_transitions": True}


class GoldError(Exception):
    """A gold folder with nothing to learn from."""


def gold_spans(gold_dir, name):
    """(role, [(start, end)...]) of every attribution part in NAME's first annotator's file, the
    longest contents first (so that a nested attribution's labels overwrite its outer one's)."""
    pattern = re.compile(re.escape(name) + r"_[0-9a-f]{4}\.ann")
    ann = min(p for p in (Path(gold_dir) / "attributions").iterdir() if pattern.fullmatch(p.name))
    with open(ann, encoding="utf-8") as fh:
        spans, events = parse_ann(fh)[:2]
    parts = []
    for roles in events:
        content = spans.get(roles.get("Content"))
        if not content:
            continue
        length = max(e for _, e in content[1]) - min(s for s, _ in content[1])
        for role in ROLES:
            found = spans.get(roles.get(role))
            if found:
                parts.append((-length, ROLES.index(role), role, found[1]))
    parts.sort(key=lambda p: (p[0], p[1]))
    return [(role, pieces) for _, _, role, pieces in parts]


def labelled_sentences(text, parts, featurizer):
    """(features, labels) for each sentence of `text`, `parts` being `gold_spans`."""
    owner = [None] * len(text)  # which part (index, role) each character belongs to
    for index, (role, pieces) in enumerate(parts):
        for start, end in pieces:
            for i in range(max(0, start), min(len(text), end)):
                owner[i] = (index, role)
    segments = segment(text)
    quote_spans = [(q.start, q.end) for q in find_quotes(text, segments.end, segments.paragraphs)]
    quotes, roles = Sweep(quote_spans), Sweep(rule_roles(extract(text, model=None)))
    out = []
    for s0, s1 in segments.sentences:
        near_quotes = quotes.meeting(s0, s1)
        toks, words = sentence_tokens(text, s0, s1)
        if not toks:
            continue
        labels, previous = [], None
        for a, _ in toks:
            part = owner[a]
            labels.append("O" if part is None else ("I-" if part == previous else "B-") + part[1])
            previous = part
        features = featurizer.sentence(words, toks, near_quotes, roles.meeting(s0, s1))
        if features is not None:
            out.append((features, labels))
    return out


def cue_words(docs):
    """The words gold Cues are made of, seen at least CUE_MIN_COUNT times in a Cue and in a Cue
    at least CUE_MIN_SHARE of the times they are written: the model's cue lexicon."""
    in_cue, seen = Counter(), Counter()
    for _, text, parts in docs:
        seen.update(text[a:b].lower() for a, b in tokens(text, 0, len(text)))
        for role, pieces in parts:
            if role == "Cue":
                in_cue.update(text[a:b].lower() for s, e in pieces for a, b in tokens(text, s, e))
    return sorted(w for w, n in in_cue.items() if n >= CUE_MIN_COUNT and n >= CUE_MIN_SHARE * seen[w])


def sequences(gold_dirs, progress=lambda items, label: items):
    """(articles read, cue lexicon, every training sequence of the gold folders in a fixed order)."""
    docs = []
    for gold_dir in gold_dirs:
        gold = load_gold(gold_dir)
        docs += [(name, doc.text, gold_spans(gold_dir, name)) for name, doc in sorted(gold.items())]
    if not docs:
        raise GoldError(f"no annotated article in {', '.join(map(str, gold_dirs))} "
                        "(expected GOLD_DIR/text/NAME.txt and GOLD_DIR/attributions/NAME_XXXX.ann)")
    cues = cue_words(docs)
    featurizer = Featurizer(cues)
    out = []
    for name, text, parts in progress(docs, "Reading gold"):
        out += labelled_sentences(text, parts, featurizer)
    return len(docs), cues, out


def train(gold_dirs, out_path, seed=0, iterations=DEFAULT_ITERATIONS, progress=lambda items, label: items):
    """Train on `gold_dirs` and write the model file to `out_path`. `progress(items, label)`
    wraps the articles read, then the training iterations (e.g. in a progress bar)."""
    n_articles, cues, data = sequences(gold_dirs, progress)
    random.Random(seed).shuffle(data)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**PARAMETERS, "max_iterations": iterations})
    for features, labels in data:
        trainer.append(features, labels)
    with tempfile.TemporaryDirectory() as tmp:
        crf_path = Path(tmp) / "model.crfsuite"
        ticks = iter(progress(range(iterations), "Training"))
        trainer.on_iteration = lambda log, info: next(ticks, None)
        trainer.train(str(crf_path))
        for _ in ticks:  # L-BFGS may converge before the last iteration
            pass
        crf = crf_path.read_bytes()
    meta = {"feature_version": FEATURE_VERSION, "labels": list(LABELS), "sha256": hashlib.sha256(crf).hexdigest(),
            "cues": cues, "seed": seed, "iterations": iterations, "articles": n_articles, "sentences": len(data)}
    Path(out_path).write_bytes(MAGIC + json.dumps(meta).encode() + b"\n" + crf)
    return meta
