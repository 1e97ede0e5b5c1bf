"""`tracker backfill` on a real Dask LocalCluster: the database `tracker ingest` makes, resumable, partition by partition."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import requests
import sqlite_utils
from dask.distributed import Client, LocalCluster

from archive import content, write_archive
from tracker import backfill
from tracker.db import open_database
from tracker.extract import extract
from tracker.servers import RunningServers
from tracker.storage import (
    ensure_db_shape,
    loaded_partitions,
    prepare_article,
    save_partition,
    save_prepared,
    write_transaction,
)

TRACKER = os.path.join(os.path.dirname(sys.executable), "tracker")


def tracker(*args):
    return subprocess.run([TRACKER, *map(str, args)], capture_output=True, text=True, timeout=600)


def contents(database):
    with sqlite3.connect(database) as db:
        return content(db)


def reported(stderr):
    """The lines naming a record that was not stored, as `FILE...: what is wrong`."""
    return sorted(line for line in stderr.splitlines() if line.startswith("/") and ": " in line)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    return folder, write_archive(folder)


@pytest.fixture(scope="module")
def ingested(archive):
    """The database `tracker ingest` makes of the archive, the seeds first on their own."""
    folder, paths = archive
    database = folder / "ingested.db"
    assert tracker("ingest", paths[0], "--db", database).returncode == 0
    result = tracker("ingest", *paths, "--db", database)
    assert result.returncode == 1  # the archive holds bad records
    return database, result


@pytest.mark.slow
def test_backfill_makes_the_database_ingest_makes(archive, ingested, tmp_path):
    _, paths = archive
    ingested_db, ingest_result = ingested
    database = tmp_path / "backfilled.db"
    assert tracker("ingest", paths[0], "--db", database).returncode == 0

    result = tracker("backfill", *paths, "--db", database, "--workers", 2, "--partition-size", 7)

    assert result.returncode == 1, result.stderr[-3000:]
    assert reported(result.stderr) == reported(ingest_result.stderr)
    assert len(reported(result.stderr)) == 4  # bad JSON, no text, a bad date, a broken file
    assert "already stored" in result.stderr and "0 failed" in result.stderr
    expected, got = contents(ingested_db), contents(database)
    assert len(got["claims"]) < len(got["quotes"]) and len(got["speakers"]) > 3
    assert any(n_sources > 1 for *_, n_sources, _ in got["claims"])
    for table in expected:
        assert got[table] == expected[table], table
    assert not os.path.exists(f"{database}.staging")


@pytest.mark.slow
def test_a_backfill_run_again_stores_nothing_twice(archive, ingested, tmp_path):
    _, paths = archive
    database = tmp_path / "again.db"
    first = tracker("backfill", *paths, "--db", database, "--workers", 1, "--partition-size", 50)
    again = tracker("backfill", *paths, "--db", database, "--workers", 1, "--partition-size", 50)
    assert first.returncode == 1 and again.returncode == 0  # the bad records were reported by the run that read them
    assert "0 partitions loaded (6 loaded before, 0 failed): 0 new" in again.stderr
    assert contents(database) == contents(ingested[0])


def stored_one_by_one(prepared):
    """An in-memory database holding the prepared articles, each saved in its own transaction."""
    from tracker.storage import find_article
    db = sqlite_utils.Database(memory=True)
    ensure_db_shape(db)
    for _, rows in prepared:
        if find_article(db, rows.row) is None:
            with write_transaction(db):
                save_prepared(db, rows)
    return db


def test_save_partition_stores_what_articles_stored_one_by_one_store(archive):
    _, paths = archive
    articles = [data for _, data in backfill.partition_records(backfill.plan([paths[1]])[0])
                if isinstance(data, dict) and (data.get("text") or "").strip() and data.get("published") != "last Tuesday"]
    prepared = [(str(n), prepare_article(a, extract(a["text"], a.get("published")))) for n, a in enumerate(articles)]
    one_by_one, in_bulk = stored_one_by_one(prepared), sqlite_utils.Database(memory=True)
    ensure_db_shape(in_bulk)
    with write_transaction(in_bulk):
        results = save_partition(in_bulk, "k", "part", len(prepared), prepared)
    assert content(in_bulk) == content(one_by_one)
    assert [created for _, _, created in results].count(False) == 1  # the article given twice
    assert loaded_partitions(in_bulk) == {"k"}


@pytest.mark.parametrize("kept", [20_000, 0])  # 0: every claim read is forgotten, read again when checked again
def test_partitions_loaded_on_claims_stored_before_store_what_one_by_one_stores(archive, kept, monkeypatch):
    """The second partition's statements are matched against the claims the first stored (read back
    from the database, as `BatchClaims` reads them), not only against its own."""
    monkeypatch.setattr("tracker.storage.READ_CLAIMS_KEPT", kept)
    _, paths = archive
    articles = [data for part in backfill.plan(paths[1:3], partition_size=30) for _, data in backfill.partition_records(part)
                if isinstance(data, dict) and (data.get("text") or "").strip() and data.get("published") != "last Tuesday"]
    prepared = [(str(n), prepare_article(a, extract(a["text"], a.get("published")))) for n, a in enumerate(articles)]
    one_by_one, in_bulk = stored_one_by_one(prepared), sqlite_utils.Database(memory=True)
    ensure_db_shape(in_bulk)
    loaded = []
    for start in range(0, len(prepared), 25):
        with write_transaction(in_bulk):
            loaded.append(save_partition(in_bulk, f"k{start}", "part", 25, prepared[start:start + 25]))
    assert content(in_bulk) == content(one_by_one)
    last_of_first = max(article_id for _, article_id, _ in loaded[0])
    assert len(loaded) > 2 and in_bulk.execute(  # claims later partitions found among those the first stored
        "select count(distinct claim_id) from quotes where article_id > ? and claim_id in "
        "(select claim_id from quotes where article_id <= ?)", [last_of_first, last_of_first]).fetchone()[0] > 3


def children(pid):
    """Ids of the processes whose parent is `pid` (Linux's /proc)."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, IndexError):
            continue
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def loaded(database):
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            return db.execute("select count(*) from backfill_partitions").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def wait_until(condition, process, what):
    while not condition():
        assert process.poll() is None, f"the backfill finished before {what}: make the archive longer"
        time.sleep(0.02)


CONSISTENT = """select (select count(*) from articles) = (select coalesce(sum(articles), 0) from backfill_partitions)
  and (select count(*) from quotes) = (select coalesce(sum(statements), 0) from backfill_partitions) as whole,
  (select count(*) from backfill_partitions) as partitions"""


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the worker processes in /proc")
def test_a_killed_backfill_run_again_completes_while_datasette_serves_whole_partitions(tmp_path):
    paths = write_archive(tmp_path, articles=800, seed=8)[1:3]
    reference = tmp_path / "ingested.db"
    assert tracker("ingest", *paths, "--db", reference).returncode == 1  # 3 bad records
    database = tmp_path / "quotes.db"
    open_database(str(database)).close()
    command = [TRACKER, "backfill", *paths, "--db", str(database), "--workers", "2", "--partition-size", "10"]

    with RunningServers(database, output=subprocess.DEVNULL) as servers:
        seen, stop = [], threading.Event()

        def read_while_loading():
            url = f"{servers.datasette}/{servers.db_name}.json"
            while not stop.is_set():
                response = requests.get(url, params={"sql": CONSISTENT, "_shape": "array"}, timeout=10)
                seen.append((response.status_code, response.json()[0] if response.ok else response.text))
                time.sleep(0.05)

        reader = threading.Thread(target=read_while_loading)
        reader.start()
        try:
            # The client and loader killed mid-way: its worker processes go with it.
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_until(lambda: loaded(database) >= 4, process, "it was killed")
            workers = children(process.pid)
            process.send_signal(signal.SIGKILL)
            process.wait()
            deadline = time.monotonic() + 15
            while any(map(alive, workers)) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(map(alive, workers)), "the killed backfill left worker processes running"
            assert 4 <= loaded(database) < len(backfill.plan(paths, 10))

            # A worker killed mid-way: Dask gives its partition to another, and the run completes.
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            before = loaded(database)
            wait_until(lambda: loaded(database) > before, process, "a worker was killed")
            wait_until(lambda: len(children(process.pid)) >= 3, process, "its workers started")
            os.kill(max(children(process.pid)), signal.SIGKILL)
            _, stderr = process.communicate(timeout=600)
        finally:
            stop.set()
            reader.join()

    assert f"({before} loaded before, 0 failed)" in stderr, stderr[-3000:]
    assert process.returncode in (0, 1) and "Traceback" not in stderr  # 1: bad records in the partitions it loaded
    assert contents(database) == contents(reference)
    assert len(seen) > 5 and {status for status, _ in seen} == {200}
    assert all(row["whole"] == 1 for _, row in seen)
    assert len({row["partitions"] for _, row in seen}) > 2  # Datasette saw it grow, a whole partition at a time


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as dask_client:
            yield dask_client


@pytest.mark.slow
def test_a_partition_that_fails_is_reported_the_others_are_loaded_and_a_rerun_loads_it(archive, client, tmp_path):
    folder, paths = archive
    crawl = [shutil.copy(paths[i], str(tmp_path / f"crawl-{i}.jsonl")) for i in (1, 2)]
    db = open_database(str(tmp_path / "quotes.db"))
    staging = str(tmp_path / "staging")
    partitions = backfill.plan(crawl, partition_size=30)
    moved = shutil.move(crawl[0], tmp_path / "elsewhere.jsonl")  # gone once planned: its partitions fail

    outcomes = list(backfill.backfill(db, client, partitions, staging, workers=2))

    failed = [o for o in outcomes if isinstance(o, backfill.Failed)]
    assert [f.partition.path for f in failed] == [crawl[0]] * len([p for p in partitions if p.path == crawl[0]])
    assert all("FileNotFoundError" in f.reason and crawl[0] in f.reason for f in failed)
    stored = db.execute("select count(*) from articles").fetchone()[0]
    assert stored == sum(o.created for o in outcomes if isinstance(o, backfill.Loaded)) > 0
    assert len(loaded_partitions(db)) == len(partitions) - len(failed)

    shutil.move(moved, crawl[0])
    again = list(backfill.backfill(db, client, backfill.plan(crawl, partition_size=30), staging, workers=2))
    assert len(again) == len(failed) and all(isinstance(o, backfill.Loaded) for o in again)
    urls = [row[0] for row in db.execute("select coalesce(url, content_hash) from articles")]
    assert len(urls) == len(set(urls))
    assert tracker("ingest", *crawl, "--db", tmp_path / "ingested.db").returncode == 1
    with sqlite3.connect(tmp_path / "ingested.db") as reference:
        expected = reference.execute("select (select count(*) from articles), (select count(*) from quotes)").fetchone()
    assert db.execute("select (select count(*) from articles), (select count(*) from quotes)").fetchone() == expected
