"""With TRACKER_TOKEN set, writes need the bearer token; reads stay open. And no open write API on the network."""
import os
import subprocess
import sys

import pytest
import requests
import sqlite_utils

from tracker.app import create_app
from tracker.auth import ExposedWithoutToken, check_exposure
from tracker.servers import RunningServers

TOKEN = "s3cret-token-ünïcode"


@pytest.fixture
def guarded(tmp_path):
    return create_app({"DATABASE": str(tmp_path / "quotes.db"), "TESTING": True, "TOKEN": TOKEN})


def articles_stored(app):
    return sqlite_utils.Database(app.config["DATABASE"])["articles"].count


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}"],
)
def test_a_write_without_the_token_is_a_json_401(guarded, article, authorization):
    headers = {} if authorization is None else {"Authorization": authorization.encode("utf-8").decode("latin-1")}
    response = guarded.test_client().post("/api/articles", json=article, headers=headers)
    assert response.status_code == 401
    assert "Bearer" in response.json["error"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert articles_stored(guarded) == 0


def test_a_write_with_the_token_is_stored(guarded, article):
    # WSGI hands header values over as latin-1; the token is compared as the UTF-8 bytes the client sent.
    header = f"Bearer {TOKEN}".encode("utf-8").decode("latin-1")
    response = guarded.test_client().post("/api/articles", json=article, headers={"Authorization": header})
    assert response.status_code == 201
    assert articles_stored(guarded) == 1


def test_the_scheme_is_case_insensitive(guarded, article):
    header = f"bearer {TOKEN}".encode("utf-8").decode("latin-1")
    assert guarded.test_client().post("/api/articles", json=article, headers={"Authorization": header}).status_code == 201


def test_reads_need_no_token(guarded):
    client = guarded.test_client()
    assert client.get("/api/health").status_code == 200
    assert client.get("/api/openapi.json").status_code == 200
    assert client.get("/api/articles/1").status_code == 404


def test_the_token_is_checked_before_the_body_is_parsed(guarded):
    response = guarded.test_client().post("/api/articles", data=b"{not json", content_type="application/json")
    assert response.status_code == 401


def test_without_a_token_writes_are_open(client, article):
    assert client.post("/api/articles", json=article).status_code == 201


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_needs_no_token(host):
    check_exposure(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", ""])
def test_other_addresses_need_a_token(host):
    with pytest.raises(ExposedWithoutToken):
        check_exposure(host, None)
    check_exposure(host, TOKEN)


@pytest.mark.slow  # a `tracker serve` process
def test_serve_refuses_a_public_address_without_a_token(tmp_path):
    environment = {"TRACKER_DB": str(tmp_path / "quotes.db"), "PATH": ""}
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "tracker"), "serve", "--host", "0.0.0.0"],
        env=environment, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "TRACKER_TOKEN" in lines[0] and "0.0.0.0" in lines[0]
    assert not (tmp_path / "quotes.db").exists()


@pytest.mark.slow  # a real `tracker serve`
def test_tracker_serve_with_a_token_guards_writes_over_http(tmp_path, article):
    with RunningServers(tmp_path / "quotes.db", extra_env={"TRACKER_TOKEN": "served-token"}) as servers:
        refused = requests.post(f"{servers.api}/articles", json=article, timeout=30)
        accepted = requests.post(f"{servers.api}/articles", json=article, timeout=30,
                                 headers={"Authorization": "Bearer served-token"})
        health = requests.get(f"{servers.api}/health", timeout=30)
    assert (refused.status_code, accepted.status_code, health.status_code) == (401, 201, 200)
    assert "error" in refused.json()
