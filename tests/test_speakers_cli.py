"""`tracker speakers ...` on a real database file filled by `tracker ingest`."""

import pytest
import sqlite_utils
from click.testing import CliRunner

from tracker.cli import cli


@pytest.fixture
def database(tmp_path, seeds):
    path = str(tmp_path / "quotes.db")
    result = CliRunner().invoke(cli, ["ingest", str(seeds), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def run(*args):
    return CliRunner().invoke(cli, ["speakers", *args])


def speaker_of(database, alias):
    db = sqlite_utils.Database(database)
    return {row["speaker_id"] for row in db["speaker_aliases"].rows_where("alias = ?", [alias])}


def test_the_seeds_hold_one_tikhanovskaya_with_every_spelling(database):
    result = run("list", "Tikh", "--db", database)
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert "Svetlana Tikhonovskaya" in line and "Svetlana Tikhanovskaya" in line
    db = sqlite_utils.Database(database)
    (speaker_id,) = speaker_of(database, "Tikhanovskaya")
    articles = {row["article_id"] for row in db["quotes"].rows_where("speaker_id = ?", [speaker_id])}
    assert len(articles) == 2


def test_rename_split_and_merge_round_trip(database):
    assert run("rename", "Tikhanovskaya", "Sviatlana Tsikhanouskaya", "--db", database).exit_code == 0
    (speaker_id,) = speaker_of(database, "Sviatlana Tsikhanouskaya")
    result = run("split", "Sviatlana Tsikhanouskaya", "Svetlana Tikhonovskaya", "--db", database)
    assert result.exit_code == 0, result.output
    assert speaker_of(database, "Svetlana Tikhonovskaya") != {speaker_id}
    db = sqlite_utils.Database(database)
    assert db["speakers"].count == 3
    result = run("merge", "Sviatlana Tsikhanouskaya", "Svetlana Tikhonovskaya", "--db", database)
    assert result.exit_code == 0, result.output
    assert db["speakers"].count == 2
    assert db["speakers"].get(speaker_id)["name"] == "Sviatlana Tsikhanouskaya"
    assert [row["action"] for row in db["speaker_curations"].rows] == ["rename", "split", "merge"]


def test_refusals_are_clean_errors(database):
    result = run("merge", "Tikhanovskaya", "Nobody Atall", "--db", database)
    assert result.exit_code == 1
    assert "no speaker match 'Nobody Atall'" in result.output
    result = run("rename", "Tikhanovskaya", "Institute for the Study of War", "--db", database)
    assert result.exit_code == 1
    assert "merge into it instead" in result.output
