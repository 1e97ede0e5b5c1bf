import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from tracker.cli import cli

QUOTE_TEXT = "\"Taxes will fall next year,\" Maria Lopez said.\n"
CONTRACT = {"doc", "kind", "text", "start", "end", "speaker", "speaker_mention", "speaker_start",
            "speaker_end", "cue", "cue_start", "cue_end"}


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_prints_the_contract_as_json_lines(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(QUOTE_TEXT, encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and CONTRACT <= set(rows[0])
    assert rows[0]["doc"] == str(path)
    assert QUOTE_TEXT[rows[0]["start"]:rows[0]["end"]].startswith("\"Taxes will fall")


def test_extract_reads_standard_input(runner):
    result = runner.invoke(cli, ["extract", "-"], input=QUOTE_TEXT)
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["doc"] == "-"


def test_extract_refuses_non_utf8(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("\"Café,\" she said.".encode("latin-1"))
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output


def write_folder(folder):
    folder.mkdir()
    (folder / "one.txt").write_text(QUOTE_TEXT, encoding="utf-8")
    (folder / "two.txt").write_text("\"Rates stay,\" said John Smith.\n", encoding="utf-8")
    (folder / "articles.json").write_text(json.dumps([
        {"file": "one.txt", "source": "Daily Example", "published": "2024-01-05"},
        {"file": "two.txt", "source": "Weekly Example", "published": "2024-02-01"},
    ]))
    (folder / "more.jsonl").write_text(
        json.dumps({"text": "\"Jobs are up,\" Ann Lee said.", "url": "https://example.com/jobs"}) + "\n"
    )


def test_ingest_folder_with_metadata_index_is_idempotent(runner, tmp_path):
    write_folder(tmp_path / "in")
    database = str(tmp_path / "q.db")
    first = runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", database])
    assert first.exit_code == 0, first.output
    assert "3 new" in first.output
    again = runner.invoke(cli, ["ingest", str(tmp_path / "in"), "--db", database])
    assert again.exit_code == 0
    assert "0 new, 3 already stored" in again.output
    db = sqlite_utils.Database(database)
    assert db["articles"].count == 3
    sources = {row["source"]: row["published"] for row in db["articles"].rows}
    assert sources == {"Daily Example": "2024-01-05", "Weekly Example": "2024-02-01", None: None}


def test_ingest_reads_the_database_path_from_the_environment(runner, tmp_path):
    write_folder(tmp_path / "in")
    database = tmp_path / "from-env.db"
    result = runner.invoke(cli, ["ingest", str(tmp_path / "in" / "more.jsonl")], env={"TRACKER_DB": str(database)})
    assert result.exit_code == 0
    assert sqlite_utils.Database(database)["articles"].count == 1


def test_ingest_reports_bad_records_keeps_good_ones_and_fails(runner, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "\"Fine,\" Ann Lee said.", "url": "https://example.com/1"}),
        "{not json",
        json.dumps({"text": ""}),
        json.dumps({"text": "Hi.", "published": "someday"}),
        json.dumps({"text": "\"Also fine,\" Ann Lee said.", "url": "https://example.com/2"}),
    ]) + "\n")
    database = str(tmp_path / "q.db")
    result = runner.invoke(cli, ["ingest", str(path), "--db", database])
    assert result.exit_code == 1
    assert f"{path}:2: not valid JSON" in result.output
    assert f"{path}:3: 'text' is required" in result.output
    assert f"{path}:4: 'published' is not an ISO date" in result.output
    assert "2 new, 3 failed" in result.output
    assert sqlite_utils.Database(database)["articles"].count == 2


def test_ingest_a_json_list(runner, tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "\"A,\" Ann Lee said."}, {"text": "\"B,\" Ann Lee said."}]))
    database = str(tmp_path / "q.db")
    result = runner.invoke(cli, ["ingest", str(path), "--db", database])
    assert result.exit_code == 0
    assert sqlite_utils.Database(database)["articles"].count == 2


def test_ingest_of_a_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_ingest_the_seeds_with_their_metadata(runner, tmp_path, seeds):
    database = str(tmp_path / "q.db")
    result = runner.invoke(cli, ["ingest", str(seeds), "--db", database])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(database)
    assert {(r["source"], r["published"]) for r in db["articles"].rows} == {
        ("Express.co.uk", "2025-01-27"), ("The Moscow Times", "2022-11-14")}


def _command_paths(group, path=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _command_paths(command, path + (name,))
        else:
            yield path + (name,)


@pytest.mark.parametrize("path", list(_command_paths(cli)), ids=" ".join)
def test_every_command_documents_an_example_that_help_prints_whole(runner, path):
    command = cli
    for name in path:
        command = command.commands[name]
    examples = [line.strip() for line in (command.help or "").splitlines()
                if line.strip().startswith(("tracker ", "TRACKER_"))]
    assert examples, f"tracker {' '.join(path)} has no example"
    # Click rewraps a paragraph into the terminal's width unless a \b line stands before it.
    output = runner.invoke(cli, [*path, "--help"], terminal_width=200).output
    assert [line for line in examples if line not in {shown.strip() for shown in output.splitlines()}] == []
