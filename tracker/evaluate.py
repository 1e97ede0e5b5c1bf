"""Measure the extractor against hand-annotated articles.

Gold annotations are read in the layout of the PolNeAR corpus (brat standoff)::

    GOLD_DIR/text/NAME.txt                 the article, UTF-8
    GOLD_DIR/attributions/NAME_XXXX.ann    its attributions, by annotator XXXX

An ``.ann`` file holds ``T`` lines (labelled spans: ``Source``, ``Cue``, ``Content``) and
``E`` lines tying one attribution together (``Attribution:T4 Cue:T2 Source:T1 Content:T3``).
When an article has several annotators, the alphabetically first file is used. The same
layout works for your own articles: annotate them in brat (or write the lines by hand),
put them in that layout, and run ``tracker evaluate GOLD_DIR``.

The scoring rule is the one of the PolNeAR reference scorer (``score.py``) and its figures
agree with it exactly:

* a gold attribution is *direct* when its Content holds a quotation mark (a doubled apostrophe
  ``''`` counts: the NYT texts write quotations ``''like this''``), else *indirect*;
  system statements of kind ``direct`` and ``mixed`` are scored against gold direct, the
  rest against gold indirect;
* a system statement and a gold attribution *match* when their character overlap, after
  trimming quotation marks, apostrophes, commas, periods and spaces at both ends, is at least half of the
  shorter of the two; pairs are made one to one, largest overlap first;
* on matched pairs the speaker is right (*strict*) when the system's speaker span overlaps
  the gold Source span, and (*lenient*) also when both end in the same word that is not a
  pronoun;
* end-to-end F1 counts a statement right only when it is matched and its speaker is right
  (lenient);
* *by name*: where the gold gives a quote's resolved speaker (a brat ``AnnotatorNotes`` line on
  its Content span, as the GGT gold has), the statement's ``speaker`` (its resolved name; its
  mention when it has none) must end in the same word as that name: "he" resolved to the wrong
  person is wrong here, as a reader filtering by name sees it.

:func:`of_classes` keeps the statements of some cue classes only, for gold that annotates those
only (GGT: speech, not beliefs or intentions; ``tracker evaluate --class speech --class evidence``).

``matching="many"`` scores as the GGT reference scorer does, for gold that annotates
``"A," X said. "B."`` as two quotes where one statement may hold both: a gold quote is *found*
when some statement overlaps it so (recall), a statement is right when it overlaps some gold
quote so (precision), and the speaker by name is read on each found quote's best-overlapping
statement; recall is also given for direct and other gold quotes.

    >>> result = evaluate("path/to/gold")              # doctest: +SKIP
    >>> print(format_table(result))                    # doctest: +SKIP
"""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .extract import lexicon

QUOTE_CHARS = '“”"„«»'
DOUBLED_APOSTROPHE = "''"
TRIM_CHARS = QUOTE_CHARS + ",.'"
PRONOUNS = frozenset(lexicon.PRONOUNS)  # the reference scorer's: he, him, his, she, her, ... you
KINDS_SCORED = ("direct", "indirect")
MATCHINGS = ("one", "many")

_ANN_NAME = re.compile(r"^(?P<doc>.+)_[0-9a-f]{4}\.ann$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")

Span = tuple[int, int]


# --------------------------------------------------------------------------- gold loading

@dataclass
class GoldAttribution:
    """One annotated attribution: its Content span(s) and its Source span(s)."""

    kind: str  # "direct" when the content holds a quotation mark, else "indirect"
    spans: list[Span]  # the Content, possibly discontinuous
    source_spans: list[Span] = field(default_factory=list)
    source_text: Optional[str] = None  # the Source as written in the .ann text column
    name: Optional[str] = None  # the resolved speaker, from an AnnotatorNotes line on the Content

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class GoldDocument:
    name: str
    text: str
    attributions: list[GoldAttribution]


def parse_ann(lines: Iterable[str]) -> tuple[dict, list[dict], dict]:
    """Parse brat standoff lines into ``({tid: (label, spans, text)}, [event roles], {tid: note})``.

    Lines other than ``T``, ``E`` and ``AnnotatorNotes`` lines are ignored (so is the
    continuation of a text column that runs over several lines: offsets are what count).
    """
    spans: dict[str, tuple[str, list[Span], str]] = {}
    events: list[dict[str, str]] = []
    notes: dict[str, str] = {}
    for line in lines:
        line = line.rstrip("\n")
        if re.match(r"T\d+\t", line):
            tid, middle, covered = (line.split("\t", 2) + [""])[:3]
            label, ranges = middle.split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in ranges.split(";")]
            spans[tid] = (label, pieces, covered)
        elif re.match(r"E\d+\t", line):
            roles = line.split("\t")[1]
            events.append(dict(role.split(":", 1) for role in roles.split()))
        elif line.startswith("#"):
            parts = line.split("\t")
            if len(parts) > 2 and parts[1].startswith("AnnotatorNotes "):
                notes[parts[1].split()[1]] = parts[2].strip()
    return spans, events, notes


def gold_kind(content: str) -> str:
    quoted = any(ch in content for ch in QUOTE_CHARS) or DOUBLED_APOSTROPHE in content
    return "direct" if quoted else "indirect"


def attributions_from_ann(text: str, lines: Iterable[str]) -> list[GoldAttribution]:
    spans, events, notes = parse_ann(lines)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content"))
        if not content:
            continue
        pieces = content[1]
        source = spans.get(roles.get("Source"))
        out.append(GoldAttribution(
            kind=gold_kind("".join(text[s:e] for s, e in pieces)),
            spans=pieces,
            source_spans=source[1] if source else [],
            source_text=source[2] if source else None,
            name=notes.get(roles.get("Content")) or None,
        ))
    return out


def read_text(path) -> str:
    # Universal newlines, as the reference scorer reads it: offsets refer to this string.
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def load_gold(gold_dir) -> dict[str, GoldDocument]:
    """Every annotated article of GOLD_DIR, by name (the .txt file name without extension)."""
    gold_dir = Path(gold_dir)
    docs: dict[str, GoldDocument] = {}
    for ann in sorted((gold_dir / "attributions").glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        name = m.group("doc") if m else ann.stem
        if name in docs:  # an earlier annotator's file wins
            continue
        text = read_text(gold_dir / "text" / f"{name}.txt")
        with open(ann, encoding="utf-8") as fh:
            docs[name] = GoldDocument(name, text, attributions_from_ann(text, fh))
    return docs


# --------------------------------------------------------------------------- span matching

def trim(text: str, start: int, end: int) -> Span:
    """Shrink a span past quotation marks, commas, periods and whitespace at both ends."""
    while start < end and (text[start].isspace() or text[start] in TRIM_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_CHARS):
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(text: str, gold: list[GoldAttribution], system: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, system index)``, greedily by largest overlap.

    Overlap is summed over the pieces of a discontinuous gold span; a pair qualifies when
    it is at least half of the shorter span (the gold span measured from its first to its
    last character). Ties go to the later gold item, then the later system item.
    """
    candidates = []
    for gi, g in enumerate(gold):
        g_span = trim(text, g.start, g.end)
        g_pieces = [trim(text, s, e) for s, e in g.spans]
        for si, s in enumerate(system):
            s_span = trim(text, s["start"], s["end"])
            shared = sum(overlap(s_span, piece) for piece in g_pieces)
            shorter = max(1, min(g_span[1] - g_span[0], s_span[1] - s_span[0]))
            if shared / shorter >= 0.5:
                candidates.append((shared, gi, si))
    candidates.sort(reverse=True)
    used_gold, used_system, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    return pairs


# --------------------------------------------------------------------------- speakers

def last_word(s: Optional[str]) -> Optional[str]:
    words = _WORD.findall(s or "")
    return words[-1].lower() if words else None


def speaker_right(text: str, gold: GoldAttribution, statement: dict) -> tuple[bool, bool]:
    """(strict, lenient) correctness of a matched statement's speaker."""
    start, end = statement.get("speaker_start"), statement.get("speaker_end")
    if start is None or end is None:
        return False, False
    strict = any(overlap((start, end), src) > 0 for src in gold.source_spans)
    if strict:
        return True, True
    if not gold.source_text:
        return False, False
    mine = last_word(text[start:end])
    lenient = mine is not None and mine not in PRONOUNS and mine == last_word(gold.source_text)
    return False, lenient


# --------------------------------------------------------------------------- scoring

def scored_as(statement: dict) -> str:
    """The gold kind a system statement is scored against: mixed counts as direct."""
    return "direct" if statement.get("kind") in ("direct", "mixed") else "indirect"


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def name_right(gold: GoldAttribution, statement: dict) -> bool:
    """Whether the statement's speaker, as a reader sees it, is the gold's resolved name."""
    said = last_word(statement.get("speaker") or statement.get("speaker_mention"))
    return said is not None and said == last_word(gold.name)


def score(gold: dict[str, GoldDocument], system: dict[str, list[dict]], matching: str = "one") -> dict:
    """Figures for system records grouped by document: per kind (``direct``, ``indirect``)
    with one-to-one matching, or over all quotes with ``matching="many"`` (see the module doc).

    A system record is a dict with ``kind``, ``start``, ``end``, ``speaker_start``,
    ``speaker_end`` and ``speaker``; records for documents not in ``gold`` are ignored.
    """
    if matching == "many":
        return score_many(gold, system)
    result = {}
    for kind in KINDS_SCORED:
        n_gold = n_system = n_matched = strict = lenient = named = by_name = 0
        for name, doc in gold.items():
            g = [a for a in doc.attributions if a.kind == kind]
            s = [r for r in system.get(name, []) if scored_as(r) == kind]
            n_gold += len(g)
            n_system += len(s)
            for gi, si in match(doc.text, g, s):
                n_matched += 1
                ok_strict, ok_lenient = speaker_right(doc.text, g[gi], s[si])
                strict += ok_strict
                lenient += ok_lenient
                if g[gi].name:
                    named += 1
                    by_name += name_right(g[gi], s[si])
        p, r = ratio(n_matched, n_system), ratio(n_matched, n_gold)
        e2e_p, e2e_r = ratio(lenient, n_system), ratio(lenient, n_gold)
        result[kind] = {
            "gold": n_gold, "system": n_system, "matched": n_matched,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
            "speaker_acc_strict": round(ratio(strict, n_matched), 4),
            "speaker_acc_lenient": round(ratio(lenient, n_matched), 4),
            "end_to_end_f1": round(f1(e2e_p, e2e_r), 4),
        }
        if named:
            result[kind]["speaker_name_acc"] = round(ratio(by_name, named), 4)
    return result


def score_many(gold: dict[str, GoldDocument], system: dict[str, list[dict]]) -> dict:
    """Many-to-many figures over all quotes, as the GGT reference scorer computes them."""
    n_gold = n_system = found = right = named = by_name = 0
    kinds = defaultdict(lambda: [0, 0])  # gold kind -> [gold, found]
    for name, doc in gold.items():
        statements = system.get(name, [])
        n_system += len(statements)
        spans = [trim(doc.text, s["start"], s["end"]) for s in statements]
        overlapping = set()
        for g in doc.attributions:
            n_gold += 1
            kind = "direct" if g.kind == "direct" else "other"
            kinds[kind][0] += 1
            g_span = trim(doc.text, g.start, g.end)
            best, best_overlap = None, 0
            for index, s_span in enumerate(spans):
                shared = overlap(g_span, s_span)
                if shared and shared / max(1, min(g_span[1] - g_span[0], s_span[1] - s_span[0])) >= 0.5:
                    overlapping.add(index)
                    if shared > best_overlap:
                        best, best_overlap = statements[index], shared
            if best is None:
                continue
            found += 1
            kinds[kind][1] += 1
            if g.name:
                named += 1
                by_name += name_right(g, best)
        right += len(overlapping)
    p, r = ratio(right, n_system), ratio(found, n_gold)
    return {"all": {
        "gold": n_gold, "system": n_system, "found": found, "right": right,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
        "speaker_name_acc": round(ratio(by_name, named), 4),
        "direct_recall": round(ratio(kinds["direct"][1], kinds["direct"][0]), 4),
        "other_recall": round(ratio(kinds["other"][1], kinds["other"][0]), 4),
    }}


def score_documents(gold: dict[str, GoldDocument], system: dict[str, list[dict]],
                    matching: str = "one") -> dict[str, dict]:
    """:func:`score` for each document alone, by name: where the errors come from."""
    return {name: score({name: doc}, {name: system.get(name, [])}, matching) for name, doc in gold.items()}


# --------------------------------------------------------------------------- running

def doc_name(path_or_name: str) -> str:
    """``/a/b/NAME.txt`` -> ``NAME``: how system records are tied to gold documents."""
    return re.sub(r"\.txt$", "", os.path.basename(path_or_name))


def extract_records(gold: dict[str, GoldDocument], extractor: Optional[Callable] = None) -> dict[str, list[dict]]:
    """Run the extractor over every gold text; records (plain dicts) by document."""
    if extractor is None:
        from tracker.extract import extract as extractor
    return {name: [st.to_dict() for st in extractor(doc.text)] for name, doc in gold.items()}


def of_classes(records: dict[str, list[dict]], classes: Iterable[str]) -> dict[str, list[dict]]:
    """The records whose ``cue_class`` is one of ``classes``: for gold that annotates some
    classes only, as GGT annotates speech and not beliefs or intentions."""
    wanted = set(classes)
    return {name: [r for r in statements if r.get("cue_class") in wanted] for name, statements in records.items()}


def group_records(records: Iterable[dict]) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_doc[doc_name(r["doc"])].append(r)
    return dict(by_doc)


def evaluate(gold_dir, extractor: Optional[Callable] = None, matching: str = "one") -> dict:
    """Run ``extractor`` (default: ``tracker.extract.extract``) on GOLD_DIR and score it."""
    gold = load_gold(gold_dir)
    return score(gold, extract_records(gold, extractor), matching)


def score_jsonl(gold_dir, jsonl_path, matching: str = "one") -> dict:
    """Score saved output (one JSON statement per line, each with a ``doc`` key)."""
    with open(jsonl_path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return score(load_gold(gold_dir), group_records(records), matching)


def write_records(records: dict[str, list[dict]], out_path) -> None:
    """Write records by document as JSON Lines, each with its ``doc``, as ``tracker extract`` does."""
    with open(out_path, "w", encoding="utf-8") as fh:
        for name, statements in records.items():
            for r in statements:
                fh.write(json.dumps({"doc": f"{name}.txt", **r}, ensure_ascii=False) + "\n")


def format_documents(results: dict[str, dict]) -> str:
    """A plain-text table of :func:`score_documents`: per document and kind, gold, system,
    matched (found, with many-to-many matching) and F1."""
    kinds = list(next(iter(results.values()))) if results else list(KINDS_SCORED)
    headers = ["document"]
    for kind in kinds:
        headers += [f"{kind} gold", "system", "matched", "F1"]
    rows = [tuple(headers)]
    for name, result in results.items():
        cells = [name]
        for kind in kinds:
            m = result[kind]
            cells += [str(m["gold"]), str(m["system"]), str(m.get("matched", m.get("found"))), f"{m['f1']:.4f}"]
        rows.append(tuple(cells))
    return _align(rows)


_COLUMNS = (("precision", "P"), ("recall", "R"), ("f1", "F1"), ("speaker_acc_strict", "spk strict"),
            ("speaker_acc_lenient", "spk lenient"), ("speaker_name_acc", "spk by name"),
            ("end_to_end_f1", "e2e F1"), ("direct_recall", "direct R"), ("other_recall", "other R"))


def format_table(result: dict) -> str:
    """A plain-text table of :func:`evaluate`'s result, one row per kind; a column is shown
    when some row has its figure (speaker by name needs resolved names in the gold)."""
    counts = ("gold", "system", "matched") if "matched" in next(iter(result.values())) else ("gold", "system", "found")
    columns = [(key, label) for key, label in _COLUMNS if any(key in m for m in result.values())]
    rows = [("kind", *counts, *(label for _, label in columns))]
    for kind, m in result.items():
        rows.append((kind, *(str(m[c]) for c in counts),
                     *(f"{m[key]:.4f}" if key in m else "" for key, _ in columns)))
    return _align(rows)


def _align(rows: list[tuple]) -> str:
    """Rows of cells as columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
