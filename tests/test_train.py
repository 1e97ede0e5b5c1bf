"""The learned attribution model: trained by `tracker train` on brat gold the tests write, used
by `tracker extract` / `evaluate` / `ingest` and the API, and refused when its file is bad."""
import hashlib
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.app import create_app
from tracker.cli import cli
from tracker.evaluate import load_gold
from tracker.extract import extract
from tracker.extract.learned import Featurizer, tokens
from tracker.models import ModelError, load

# A way of reporting speech the rules do not know ("X reckoned Y"), said of many things.
SPEAKERS = ["The mayor", "Ms. Park", "The council", "Mr. Diaz", "The union", "The senator"]
CLAIMS = ["the bridge would open in May", "the budget was too small", "taxes would rise next year",
          "the strike could last a month", "the plan had failed", "prices were falling"]
FILLER = ["The city has grown fast.", "Rain fell all week.", "The vote is on Friday."]
UNSEEN = "Officials met on Monday.\nThe governor reckoned the tunnel would close in June.\n"


def write_gold(folder, n_articles=8):
    """Brat gold in PolNeAR's layout: each article two `SOURCE reckoned CONTENT.` sentences
    between sentences attributing nothing."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for k in range(n_articles):
        text, ann, t = "", [], 0
        for i in range(2):
            text += FILLER[(k + i) % len(FILLER)] + "\n"
            source, claim = SPEAKERS[(k + i) % len(SPEAKERS)], CLAIMS[(k * 2 + i) % len(CLAIMS)]
            s = len(text)
            text += f"{source} reckoned {claim}.\n"
            spans = {"Source": (s, s + len(source)), "Cue": (s + len(source) + 1, s + len(source) + 9)}
            spans["Content"] = (spans["Cue"][1] + 1, spans["Cue"][1] + 1 + len(claim))
            ids = {}
            for label, (a, b) in spans.items():
                t += 1
                ids[label] = f"T{t}"
                ann.append(f"T{t}\t{label} {a} {b}\t{text[a:b]}")
            ann.append(f"E{k * 2 + i + 1}\tAttribution:{ids['Cue']} Cue:{ids['Cue']} Source:{ids['Source']} "
                       f"Content:{ids['Content']}")
        (folder / "text" / f"article{k}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"article{k}_ab12.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def gold(tmp_path_factory):
    return write_gold(tmp_path_factory.mktemp("gold"))


@pytest.fixture(scope="module")
def model_path(gold, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "tiny.model"
    result = CliRunner().invoke(cli, ["train", str(gold), "-o", str(path), "--seed", "3"])
    assert result.exit_code == 0, result.output
    return path


def statements(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_gold_written_is_what_evaluate_reads(gold):
    docs = load_gold(gold)
    assert len(docs) == 8
    first = docs["article0"]
    assert [first.text[a.start:a.end] for a in first.attributions] == CLAIMS[:2]


def test_a_trained_model_finds_what_the_rules_miss(model_path, tmp_path):
    article = tmp_path / "unseen.txt"
    article.write_text(UNSEEN, encoding="utf-8")
    runner = CliRunner()
    assert statements(runner.invoke(cli, ["extract", "--rules-only", str(article)])) == []
    found = statements(runner.invoke(cli, ["extract", "--model", str(model_path), str(article)]))
    assert [(s["kind"], s["text"], s["speaker_mention"], s["cue"]) for s in found] == [
        ("indirect", "the tunnel would close in June", "The governor", "reckoned")]
    assert UNSEEN[found[0]["start"]:found[0]["end"]] == found[0]["text"]


def test_evaluate_shows_the_model_against_the_rules(model_path, gold):
    runner = CliRunner()
    rules = json.loads(runner.invoke(cli, ["evaluate", str(gold), "--json", "--rules-only"]).output)
    learned = json.loads(runner.invoke(cli, ["evaluate", str(gold), "--json", "--model", str(model_path)]).output)
    assert rules["indirect"]["f1"] == 0
    assert learned["indirect"]["f1"] > 0.9


def test_training_is_deterministic_for_a_seed(model_path, gold, tmp_path):
    again = tmp_path / "again.model"
    assert CliRunner().invoke(cli, ["train", str(gold), "-o", str(again), "--seed", "3"]).exit_code == 0
    assert again.read_bytes() == model_path.read_bytes()


def test_rules_only_is_the_rules_alone():
    text = "Ana Costa said the port would reopen. \"We won,\" she added.\n"
    result = CliRunner().invoke(cli, ["extract", "--rules-only", "-"], input=text)
    assert [(s["kind"], s["start"], s["end"]) for s in statements(result)] == [
        (s.kind, s.start, s.end) for s in extract(text, model=None)]


def test_tracker_model_environment_reaches_ingest_and_the_api(model_path, tmp_path):
    article = tmp_path / "unseen.txt"
    article.write_text(UNSEEN, encoding="utf-8")
    database = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", str(database)],
                                env={"TRACKER_MODEL": str(model_path)})
    assert result.exit_code == 0, result.output
    assert "1 statements stored" in result.output
    client = create_app({"DATABASE": str(tmp_path / "api.db"), "MODEL": str(model_path)}).test_client()
    posted = client.post("/api/articles", json={"text": UNSEEN}).get_json()
    assert [s["text"] for s in posted["statements"]] == ["the tunnel would close in June"]


def bad_models(model_path, folder):
    """Model files tracker must refuse: (file, what the error says)."""
    data = model_path.read_bytes()
    header, meta, crf = data.split(b"\n", 2)
    other = json.loads(meta)
    other["feature_version"] = 999
    junk = b"junk " * 20
    checked_junk = {**json.loads(meta), "sha256": hashlib.sha256(junk).hexdigest()}
    files = {
        "garbage.model": (b"\x00\x01 not a model at all", "not a tracker attribution model"),
        "truncated.model": (data[: len(data) // 2], "corrupt model"),
        "flipped.model": (data[:-10] + bytes(b ^ 0xFF for b in data[-10:]), "corrupt model"),
        "other-features.model": (b"\n".join([header, json.dumps(other).encode(), crf]), "made for other features"),
        "bad-header.model": (header + b"\n{not json\n" + crf, "corrupt model header"),
        "junk-crf.model": (b"\n".join([header, json.dumps(checked_junk).encode(), junk]), "unreadable model"),
    }
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return {folder / name: message for name, (_, message) in files.items()}


def test_a_bad_model_file_is_a_one_line_error_naming_it(model_path, tmp_path):
    runner = CliRunner()
    for path, message in bad_models(model_path, tmp_path).items():
        for command in (["extract", "-"], ["evaluate", str(tmp_path)], ["ingest", str(tmp_path)]):
            result = runner.invoke(cli, [*command, "--model", str(path)], input="Ana said so.")
            assert result.exit_code == 1, (path, command, result.output)
            assert result.output.startswith(f"Error: {path}: ")
            assert message in result.output and result.output.count("\n") == 1
            assert result.exception is None or isinstance(result.exception, SystemExit)
        with pytest.raises(ModelError, match=str(path)):
            load(str(path))
    missing = runner.invoke(cli, ["extract", "-", "--model", str(tmp_path / "none.model")], input="x")
    assert missing.exit_code == 1 and "none.model: cannot read the model" in missing.output


def test_the_api_will_not_start_on_a_bad_model(model_path, tmp_path):
    path, _ = next(iter(bad_models(model_path, tmp_path).items()))
    with pytest.raises(ModelError, match=str(path)):
        create_app({"DATABASE": str(tmp_path / "api.db"), "MODEL": str(path)})
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--port", "0"],
                                env={"TRACKER_MODEL": str(path)})
    assert result.exit_code == 1 and result.output.startswith(f"Error: {path}: ")


def test_training_on_a_folder_without_gold_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["train", str(tmp_path), "-o", str(tmp_path / "m.model")])
    assert result.exit_code == 1 and "no annotated article" in result.output
    assert not (tmp_path / "m.model").exists()


@pytest.mark.parametrize("text, cue, subject", [
    ("Britain blocked any discussion of a European army.", "blocked", "Britain"),
    ("Local environmentalists worry that the mines will close.", "worry", "Local environmentalists"),
    ("Mr. Quiros was accused of using the money.", "accused", None),  # who is spoken of, not who speaks
    ("The sharp criticism of the plan grew.", "criticism", None),  # a noun, not a verb with a subject
])
def test_a_model_cue_without_a_source_takes_the_rules_subject(text, cue, subject):
    from tracker.extract.learned import subject_of_cue
    at = text.index(cue)
    found = subject_of_cue(text, (0, len(text)), (at, at + len(cue)))
    assert (found and text[found[0]:found[1]]) == subject


class CountingTagger:
    """A tagger that tags nothing and remembers the sentences (their first words) it was given."""

    def __init__(self):
        self.seen = []

    def tag(self, features):
        self.seen.append(features[0][0])
        return ["O"] * len(features)


def tagged_sentences(model_path, text):
    model = load(str(model_path))
    model._tagger = CountingTagger()
    extract(text, model=model)
    return model._tagger.seen


def test_the_model_tags_only_sentences_where_it_can_change_something(model_path):
    # A speech verb's rule statement stands whatever the model says; a quotation with a few words
    # beside it leaves no room for reported speech; a sentence without a cue word nothing to find.
    text = ("Ana Costa said the port would reopen.\n"
            "\"We won the vote and we will win the next one too,\" she added.\n"
            "Rain fell all week.\n"
            "The union believes the strike could last a month.\n"
            "Mr. Diaz reckoned the bridge would open in May.\n")
    assert tagged_sentences(model_path, text) == [b"the", b"mr"]


def test_a_token_s_attributes_are_its_word_its_neighbours_and_the_rules_marks():
    featurizer = Featurizer(cues=["reckoned"])
    text = "Diaz reckoned it."
    toks = tokens(text, 0, len(text))
    words = [text[a:b] for a, b in toks]
    features = featurizer.sentence(words, toks, [], [])
    assert features == [  # the words two away are no features (since version 3)
        [b"diaz", b"~iaz", b"^Xx", b"*b1", b" diaz", b"< ", b">reckoned", b">#cue"],
        [b"reckoned", b"#cue", b"~ned", b"*a0", b"diaz reckoned", b"<diaz", b">it", b">#pron"],
        [b"it", b"#pron", b"*a1", b"reckoned it", b"<reckoned", b"<#cue", b">."],
        [b".", b"*a2", b"it .", b"<it", b"<#pron", b"> "]]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["reckoned", "Said", "SAID", "hasn't", "co-sponsored", "went on", "said2", "x",
                                 " ", ",", "'", "-", ":", "\"", "“", "é", "İ", "\u212a", "\u0301", "\u00a0"]),
                min_size=1, max_size=12).map("".join))
def test_the_cheap_cue_test_never_turns_away_a_sentence_worth_tagging(text):
    # `may_hold_cue` runs before tokenising: where it says no, `sentence` would find no cue either.
    featurizer = Featurizer(cues=["reckoned", "co-sponsored"])
    toks = tokens(text, 0, len(text))
    if toks and featurizer.sentence([text[a:b] for a, b in toks], toks, [], []) is not None:
        assert featurizer.may_hold_cue(text, 0, len(text))


def test_a_single_word_the_model_tags_as_content_is_no_statement():
    from tracker.extract.learned import _statements
    text = "Officials released documents on Monday, and critics doubted the figures."
    spans = [("Source", text.index("critics"), text.index("critics") + 7),
             ("Cue", text.index("doubted"), text.index("doubted") + 7),
             ("Content", text.index("documents"), text.index("documents") + 9),
             ("Content", text.index("the figures"), text.index("the figures") + 11)]
    assert [s.text for s in _statements(text, spans, [], [], (0, len(text)))] == ["the figures"]


def test_a_content_the_model_tags_around_a_quotation_is_a_mixed_statement_with_its_marks():
    from tracker.extract.learned import _statements
    text = 'Senator Reid described Trump as a "con artist" on Monday.'
    quote = (text.index('"con'), text.index(' on Monday'))
    spans = [("Source", 0, text.index(" described")),
             ("Cue", text.index("described"), text.index(" Trump")),
             ("Content", text.index("Trump"), text.index('artist"') + 6)]  # tagged without the closing mark
    [statement] = _statements(text, spans, [], [quote], (0, len(text)))
    assert (statement.kind, statement.text, statement.speaker_mention) == (
        "mixed", 'Trump as a "con artist"', "Senator Reid")
    # A quotation a rule statement already holds, or a fragment with nobody to say it, is no new statement.
    assert _statements(text, spans, [], [quote], (0, len(text)), taken=[quote]) == []
    assert _statements(text, spans[2:], [], [quote], (0, len(text))) == []


def test_the_packaged_model_reads_a_description_in_quotation_marks_as_the_describers_words():
    text = 'At a rally on Monday, Senator Harry Reid described Donald Trump as a "con artist" who would hurt workers.'
    [statement] = extract(text)
    assert (statement.kind, statement.speaker, statement.text) == (
        "mixed", "Harry Reid", 'Donald Trump as a "con artist" who would hurt workers')


def test_a_source_before_a_passive_cue_is_who_is_spoken_of_not_the_speaker():
    from tracker.extract.learned import _statements
    text = 'Dr. Oz has been called a "charlatan" by fellow physicians.'
    quote = (text.index('"'), text.index(" by"))
    spans = [("Source", 0, text.index(" has")), ("Cue", text.index("has"), text.index(" a ")),
             ("Content", text.index("a "), text.rindex("."))]
    assert _statements(text, spans, [], [quote], (0, len(text))) == []  # a fragment nobody says
    [claim] = _statements(text, spans, [], [], (0, len(text)))
    assert claim.speaker_mention is None


@pytest.mark.parametrize("text", [
    "The new transit plan seemed to lack transparency, and critics were quick to pounce on its costs at the council meeting.",
    "After two weeks of debate in the legislature, the mayor appears to be losing the support of her own caucus on the budget.",
    "Few seemed to notice that the candidate had quietly dropped his promise to cut taxes for the middle class.",
])
def test_what_seems_to_the_writer_is_nobodys_statement(text):
    # The subject of "seemed" says nothing: the plan is not a speaker, nor the mayor a source of "to be losing".
    assert extract(text) == []


def test_a_verb_of_speech_after_seeming_is_still_a_statement():
    [statement] = extract("The minister appeared to suggest that the pipeline would be built whatever the courts decide.")
    assert (statement.speaker_mention, statement.cue) == ("The minister", "appeared to suggest")


def test_a_content_the_model_tags_with_neither_cue_nor_source_is_no_statement():
    from tracker.extract.learned import _statements
    text = "Such medications work on different receptors in the brain than opioids do."
    content = [("Content", 0, len(text) - 1)]
    assert _statements(text, content, [], [], (0, len(text))) == []
    # A cue in the sentence is enough: the speaker may be named in another one.
    cue = [("Cue", text.index("work"), text.index(" on"))]
    assert [s.cue for s in _statements(text, content + cue, [], [], (0, len(text)))] == ["work"]
