"""What `make run` serves from: run-time dependencies only, a Datasette that refuses every write
with a 405 and one log line, and errors logged as one line each (no traceback with locals)."""
import re
import subprocess
import tempfile
from importlib import metadata
from pathlib import Path

import pytest
import requests
import sqlite_utils
from packaging.requirements import Requirement

from tracker.servers import RunningServers

ROOT = Path(__file__).parent.parent
WRITE_ENDPOINTS = [
    ("POST", "/-/insert"), ("POST", "/quotes/quotes/-/insert"), ("POST", "/quotes/quotes/-/upsert"),
    ("POST", "/quotes/quotes/1/-/delete"), ("POST", "/quotes/quotes/1/-/update"), ("POST", "/quotes/-/create"),
    ("POST", "/quotes/quotes/-/drop"), ("PUT", "/quotes/quotes/1"), ("DELETE", "/quotes/quotes/1"),
    ("PATCH", "/quotes/speakers/1"), ("POST", "/quotes"),
]


def run_time_distributions(name="tracker"):
    """Every distribution installing `name` brings in, extras left out."""
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        key = current.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        for line in metadata.requires(current) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def test_the_run_time_dependencies_hold_no_test_tool():
    test_extra = {Requirement(line).name.lower() for line in metadata.requires("tracker")
                  if Requirement(line).marker and "extra" in str(Requirement(line).marker)}
    assert {"pytest", "schemathesis"} <= test_extra
    run_time = run_time_distributions()
    assert "datasette" in run_time and "flask" in run_time
    assert not run_time & (test_extra | {"rich"})


def test_make_run_serves_from_a_venv_without_the_test_extra():
    commands = subprocess.run(["make", "-n", "-B", "run"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.splitlines()
    installs = [line for line in commands if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all("[test]" not in line for line in installs)
    run_venv = installs[0].split("/bin/python")[0]
    assert run_venv != ".venv"
    assert f"{run_venv}/bin/tracker serve" in commands


@pytest.fixture(scope="module")
def servers(tmp_path_factory, seeded_database):
    database = seeded_database(tmp_path_factory.mktemp("hygiene") / "quotes.db")
    with tempfile.TemporaryFile("w+") as log:
        with RunningServers(database, output=log) as running:
            running.log = log
            yield running


def log_since(servers, offset):
    servers.log.flush()
    servers.log.seek(offset)
    text = servers.log.read()
    servers.log.seek(0, 2)
    return text


@pytest.mark.slow  # a real `tracker serve`
@pytest.mark.parametrize("method,path", WRITE_ENDPOINTS)
def test_every_write_endpoint_is_refused_with_a_405_and_one_log_line(servers, method, path):
    before = sqlite_utils.Database(servers.database).execute("select count(*), max(id) from quotes").fetchone()
    offset = servers.log.seek(0, 2)
    response = requests.request(method, servers.datasette + path, json={"row": {"text": "Intruder"}},
                                timeout=10)
    assert response.status_code == 405
    assert "read-only" in response.json()["error"]
    lines = [line for line in log_since(servers, offset).splitlines() if line.startswith("datasette:")]
    assert lines == [f"datasette: refused {method} {path} (read-only)"]
    after = sqlite_utils.Database(servers.database).execute("select count(*), max(id) from quotes").fetchone()
    assert after == before


@pytest.mark.slow  # a real `tracker serve`
@pytest.mark.parametrize("path,status,ours", [
    ("/quotes.json?sql=select+*+from+nowhere", 400, False),  # Datasette logs a failed query itself
    ("/quotes/no_such_table", 404, True),
    ("/quotes/quotes/999999", 404, True),
    ("/quotes/no_such_table.json", 404, True),
])
def test_an_error_is_one_log_line_not_a_traceback(servers, path, status, ours):
    offset = servers.log.seek(0, 2)
    assert requests.get(servers.datasette + path, timeout=10).status_code == status
    logged = log_since(servers, offset)
    assert "Traceback" not in logged and "locals" not in logged
    assert len([line for line in logged.splitlines() if line.strip()]) <= 2, logged  # ours + the access log
    assert bool(re.search(rf"^datasette: {status} GET ", logged, re.M)) == ours, logged
