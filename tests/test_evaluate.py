"""tracker.evaluate on tiny gold folders written here (no corpus needed)."""
import json

import pytest

from tracker.evaluate import (
    GoldAttribution,
    evaluate,
    extract_records,
    format_table,
    load_gold,
    match,
    score,
    score_jsonl,
    speaker_right,
    trim,
    write_records,
)
from tracker.extract.model import Statement

TEXT = ('"We will win," Mayor Ann Lee said on Monday. '
        'She added that the budget was balanced. '
        'Critics argued that taxes would rise.')


def span(sub, text=TEXT, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def t_line(tid, label, sub, text=TEXT):
    s, e = span(sub, text)
    return f"{tid}\t{label} {s} {e}\t{sub}"


def write_gold(root, docs):
    """docs: {name: (text, {annotator: [ann lines]})}"""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, anns) in docs.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        for annotator, lines in anns.items():
            (root / "attributions" / f"{name}_{annotator}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


GOLD_LINES = [
    t_line("T1", "Content", '"We will win,"'),
    t_line("T2", "Source", "Mayor Ann Lee"),
    t_line("T3", "Cue", "said"),
    "E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1",
    t_line("T4", "Content", "that the budget was balanced"),
    t_line("T5", "Source", "She"),
    t_line("T6", "Cue", "added"),
    "E2\tAttribution:T6 Cue:T6 Source:T5 Content:T4",
    t_line("T7", "Content", "taxes would rise"),
    t_line("T8", "Source", "Critics"),
    t_line("T9", "Cue", "argued"),
    "E3\tAttribution:T9 Cue:T9 Source:T8 Content:T7",
]


@pytest.fixture
def gold_dir(tmp_path):
    return write_gold(tmp_path / "gold", {"a": (TEXT, {"0a1b": GOLD_LINES, "ffff": ["garbage"]})})


def statement(kind, sub, speaker=None, text=TEXT):
    s, e = span(sub, text)
    st = Statement(kind=kind, text=sub, start=s, end=e)
    if speaker:
        st.speaker_mention = speaker
        st.speaker_start, st.speaker_end = span(speaker, text)
    return st


def test_load_gold_uses_first_annotator_and_classifies_kinds(gold_dir):
    gold = load_gold(gold_dir)
    assert list(gold) == ["a"]
    kinds = [a.kind for a in gold["a"].attributions]
    assert kinds == ["direct", "indirect", "indirect"]
    assert gold["a"].attributions[0].source_text == "Mayor Ann Lee"


def test_discontinuous_content_span(tmp_path):
    text = '"First part," he said, "second part."'
    s1, s2 = span('"First part,"', text), span('"second part."', text)
    he = span("he", text)
    lines = [f"T1\tContent {s1[0]} {s1[1]};{s2[0]} {s2[1]}\tx", f"T2\tSource {he[0]} {he[1]}\the",
             "E1\tAttribution:T1 Source:T2 Content:T1"]
    gold = load_gold(write_gold(tmp_path / "g", {"d": (text, {"0000": lines})}))
    g = gold["d"].attributions[0]
    assert (g.start, g.end) == (s1[0], s2[1]) and g.kind == "direct"
    # a system statement covering the whole passage matches it
    assert match(text, [g], [{"start": 0, "end": len(text)}]) == [(0, 0)]


def test_trim_strips_marks_and_spaces():
    text = ' "Hello, world." '
    assert text[slice(*trim(text, 0, len(text)))] == "Hello, world"
    assert trim("...", 0, 3) == (3, 3)


def test_match_needs_half_of_the_shorter_span_and_is_one_to_one():
    text = "abcdefghijklmnopqrst"
    g = [GoldAttribution("indirect", [(0, 10)])]
    assert match(text, g, [{"start": 5, "end": 20}]) == [(0, 0)]       # 5 of 10
    assert match(text, g, [{"start": 6, "end": 20}]) == []             # 4 of 10
    pairs = match(text, g, [{"start": 0, "end": 8}, {"start": 0, "end": 10}])
    assert pairs == [(0, 1)]                                           # the larger overlap wins


def test_speaker_lenient_needs_same_last_word_not_pronoun():
    text = "Ann Lee spoke. Lee said. She said."
    g = GoldAttribution("indirect", [(0, 1)], source_spans=[(0, 7)], source_text="Ann Lee")
    assert speaker_right(text, g, {"speaker_start": 0, "speaker_end": 3}) == (True, True)
    assert speaker_right(text, g, {"speaker_start": 15, "speaker_end": 18}) == (False, True)
    g_she = GoldAttribution("indirect", [(0, 1)], source_spans=[(0, 3)], source_text="She")
    assert speaker_right(text, g_she, {"speaker_start": 25, "speaker_end": 28}) == (False, False)
    assert speaker_right(text, g, {"speaker_start": None, "speaker_end": None}) == (False, False)


def test_hand_computed_figures(gold_dir):
    def extractor(text):
        return [
            statement("direct", '"We will win,"', "Mayor Ann Lee"),    # match, speaker strict
            statement("mixed", "Critics"),                             # direct, no match
            statement("indirect", "the budget was balanced", "Mayor Ann Lee"),  # match, wrong speaker
            statement("indirect", "taxes would rise.", "Critics"),     # match, speaker strict
            statement("indirect", "Monday"),                           # no match
        ]
    res = evaluate(gold_dir, extractor)
    # direct: 1 gold, 2 system, 1 matched -> P 1/2, R 1, F1 2/3; e2e same
    assert res["direct"] == {"gold": 1, "system": 2, "matched": 1, "precision": 0.5, "recall": 1.0,
                             "f1": 0.6667, "speaker_acc_strict": 1.0, "speaker_acc_lenient": 1.0,
                             "end_to_end_f1": 0.6667}
    # indirect: 2 gold, 3 system, 2 matched -> P 2/3, R 1, F1 0.8; 1 speaker of 2 right
    # e2e: P 1/3, R 1/2 -> F1 0.4
    assert res["indirect"] == {"gold": 2, "system": 3, "matched": 2, "precision": 0.6667, "recall": 1.0,
                               "f1": 0.8, "speaker_acc_strict": 0.5, "speaker_acc_lenient": 0.5,
                               "end_to_end_f1": 0.4}
    table = format_table(res)
    assert "indirect" in table and "0.8000" in table


def test_empty_output_scores_zero(gold_dir):
    res = evaluate(gold_dir, lambda text: [])
    assert res["indirect"]["gold"] == 2 and res["indirect"]["f1"] == 0.0


def test_jsonl_round_trip_agrees(gold_dir, tmp_path):
    def extractor(text):
        return [statement("direct", '"We will win,"', "She"), statement("indirect", "taxes would rise", "Critics")]
    out = tmp_path / "out.jsonl"
    write_records(extract_records(load_gold(gold_dir), extractor), out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert rec["doc"] == "a.txt" and rec["kind"] == "direct"
    assert score_jsonl(gold_dir, out) == evaluate(gold_dir, extractor)


def test_records_for_unknown_documents_are_ignored(gold_dir):
    gold = load_gold(gold_dir)
    res = score(gold, {"other": [{"kind": "indirect", "start": 0, "end": 5}]})
    assert res["indirect"]["system"] == 0


def test_default_extractor_runs(gold_dir):
    res = evaluate(gold_dir)
    assert set(res) == {"direct", "indirect"}


def test_cli_evaluate(gold_dir):
    from click.testing import CliRunner

    from tracker.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["evaluate", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)) == {"direct", "indirect"}
    table = runner.invoke(cli, ["evaluate", str(gold_dir)])
    assert table.exit_code == 0 and table.output.splitlines()[0].startswith("kind")


def test_cli_evaluate_writes_the_statements_for_the_reference_scorer(gold_dir, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    out = tmp_path / "statements.jsonl"
    result = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == score_jsonl(gold_dir, out)


def test_cli_evaluate_refuses_a_folder_without_annotations(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1
    assert "holds no attributions" in result.output


def test_cli_evaluate_by_document(gold_dir):
    from click.testing import CliRunner

    from tracker.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["evaluate", str(gold_dir), "--json", "--by-document"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.output)
    assert set(documents) == set(load_gold(gold_dir))
    totals = json.loads(runner.invoke(cli, ["evaluate", str(gold_dir), "--json"]).output)
    for kind in ("direct", "indirect"):
        for count in ("gold", "system", "matched"):
            assert sum(d[kind][count] for d in documents.values()) == totals[kind][count]
    table = runner.invoke(cli, ["evaluate", str(gold_dir), "--by-document"]).output.splitlines()
    assert table[0].startswith("document") and len(table) == 2 + len(documents)


NAMED_TEXT = ('"Taxes will fall," Ana Costa said. "No, they will not," Bob Lee said. '
              "''We lost,'' she said.")


def named_gold(root):
    lines = [
        t_line("T1", "Content", '"Taxes will fall,"', NAMED_TEXT),
        t_line("T2", "Source", "Ana Costa", NAMED_TEXT),
        "E1\tAttribution:T1 Content:T1 Source:T2",
        "#1\tAnnotatorNotes T1\tAna Costa",
        t_line("T3", "Content", '"No, they will not,"', NAMED_TEXT),
        t_line("T4", "Source", "Bob Lee", NAMED_TEXT),
        "E2\tAttribution:T3 Content:T3 Source:T4",
        "#2\tAnnotatorNotes T3\tBob Lee",
        t_line("T5", "Content", "''We lost,''", NAMED_TEXT),
        t_line("T6", "Source", "she", NAMED_TEXT),
        "E3\tAttribution:T5 Content:T5 Source:T6",
        "#3\tAnnotatorNotes T5\tAna Costa",
    ]
    return write_gold(root / "named", {"n": (NAMED_TEXT, {"0000": lines})})


def said_by(sub, speaker, mention=None):
    s, e = span(sub, NAMED_TEXT)
    m = span(mention or speaker, NAMED_TEXT)
    return {"kind": "direct", "start": s, "end": e, "speaker": speaker, "speaker_mention": mention or speaker,
            "speaker_start": m[0], "speaker_end": m[1]}


def test_a_doubled_apostrophe_quotes_and_resolved_names_are_read(tmp_path):
    [doc] = load_gold(named_gold(tmp_path)).values()
    assert [(a.kind, a.name) for a in doc.attributions] == [
        ("direct", "Ana Costa"), ("direct", "Bob Lee"), ("direct", "Ana Costa")]


def test_speaker_by_name_counts_the_resolved_name_not_the_mention(tmp_path):
    gold = load_gold(named_gold(tmp_path))
    # "she" resolved to Bob Lee overlaps the gold mention: right by mention, wrong by name.
    system = {"n": [said_by('"Taxes will fall,"', "Ana Costa"), said_by('"No, they will not,"', "Bob Lee"),
                    said_by("''We lost,''", "Bob Lee", "she")]}
    result = score(gold, system)["direct"]
    assert result["speaker_acc_strict"] == 1.0
    assert result["speaker_name_acc"] == round(2 / 3, 4)


def test_many_to_many_matching_finds_both_quotes_of_one_joined_statement(tmp_path):
    gold = load_gold(named_gold(tmp_path))
    start, _ = span('"Taxes will fall,"', NAMED_TEXT)
    _, end = span('"No, they will not,"', NAMED_TEXT)
    joined = {**said_by('"Taxes will fall,"', "Ana Costa"), "end": end}
    one = score(gold, {"n": [joined]})["direct"]
    many = score(gold, {"n": [joined]}, matching="many")["all"]
    assert (one["matched"], one["recall"]) == (1, round(1 / 3, 4))
    assert (many["found"], many["right"], many["precision"]) == (2, 1, 1.0)
    assert many["speaker_name_acc"] == 0.5  # Bob Lee's quote found, but in Ana Costa's statement
    assert many["direct_recall"] == round(2 / 3, 4) and many["other_recall"] == 0.0


def test_cli_evaluate_many(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli
    result = CliRunner().invoke(cli, ["evaluate", str(named_gold(tmp_path)), "--matching", "many", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["all"]
    assert figures["gold"] == 3 and 0 <= figures["speaker_name_acc"] <= 1


def test_cli_evaluate_can_score_some_cue_classes_only(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli
    text = "Ana Costa said the port would reopen. Bob Lee believes the strike will end soon.\n"
    lines = [t_line("T1", "Content", "the port would reopen", text), t_line("T2", "Source", "Ana Costa", text),
             t_line("T3", "Cue", "said", text), "E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1"]
    gold = write_gold(tmp_path / "gold", {"s": (text, {"0a1b": lines})})
    runner = CliRunner()
    every = json.loads(runner.invoke(cli, ["evaluate", str(gold), "--json", "--rules-only"]).output)
    speech = runner.invoke(cli, ["evaluate", str(gold), "--json", "--rules-only", "--class", "speech"])
    assert speech.exit_code == 0, speech.output
    assert every["indirect"]["system"] == 2 and json.loads(speech.output)["indirect"]["system"] == 1
    bad = runner.invoke(cli, ["evaluate", str(gold), "--class", "rumour"])
    assert bad.exit_code == 2 and "rumour" in bad.output
