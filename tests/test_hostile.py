"""Hostile input through the API (Flask's test client) and straight into the extractor:
a 4xx or a clean store, never a 5xx or a crash."""
import json

import pytest

from tracker.extract import extract

MB = 1 << 20


def post_raw(client, body, content_type="application/json"):
    return client.post("/api/articles", data=body, content_type=content_type)


@pytest.mark.parametrize("depth", [1_000, 100_000, 500_000])
def test_deeply_nested_json_is_a_400(app, client, depth, stored):
    app.config["MAX_CONTENT_LENGTH"] = 4 * MB
    for body in ("[" * depth + "]" * depth, '{"text": ' + '{"a": ' * depth + "1" + "}" * depth + "}"):
        response = post_raw(client, body.encode())
        assert response.status_code == 400, response.data[:200]
        assert "JSON object" in response.json["error"]
    assert stored("articles") == 0


@pytest.mark.parametrize(
    "body",
    [
        b'{"text": "caf\xe9 au lait, she said."}',  # latin-1, not UTF-8
        b'{"text": "\xc3\x28 broken"}',  # invalid continuation byte
        b'{"text": "\xed\xa0\x80 encoded surrogate"}',  # CESU, not UTF-8
        b'{"text": "cut \xe2\x80',  # truncated multi-byte sequence at the end
        b"\x00\x00\x00{",
    ],
)
def test_malformed_utf8_is_a_400(client, body, stored):
    assert post_raw(client, body).status_code == 400
    assert stored("articles") == 0


@pytest.mark.parametrize("field", ["text", "title", "url", "author", "source", "published"])
def test_a_lone_surrogate_escape_is_a_400(client, field, stored):
    body = json.dumps({"text": "Hello.", field: "bad \ud800 char"}).encode()
    response = post_raw(client, body)
    assert response.status_code == 400
    assert field in response.json["error"]
    assert stored("articles") == 0


def test_nul_in_the_text_is_a_400(client):
    response = client.post("/api/articles", json={"text": "before\x00after, she said."})
    assert response.status_code == 400
    assert "NUL" in response.json["error"]


def test_control_characters_are_stored_as_they_came(client):
    control = "".join(chr(c) for c in range(1, 32)) + "\x7f\u0085\u2028\u2029\ufeff\u200b"
    text = f'"We will win,{control}" Maria Lopez said.\n' + control
    response = client.post("/api/articles", json={"text": text, "title": control, "url": "https://x.test/" + control})
    assert response.status_code == 201
    fetched = client.get(f"/api/articles/{response.json['article_id']}").json
    assert (fetched["text"], fetched["title"]) == (text, control.strip())


@pytest.mark.parametrize(
    "value", [42, 4.2, True, False, [], ["a"], {}, {"a": "b"}, 10**300, -1e308],
)
@pytest.mark.parametrize("field", ["text", "title", "url", "author", "source", "published"])
def test_non_string_fields_are_a_400(client, field, value, stored):
    response = client.post("/api/articles", json={"text": "Hello.", field: value})
    assert response.status_code == 400
    assert field in response.json["error"]
    assert stored("articles") == 0


@pytest.mark.parametrize("body", [b'{"text": 1' + b"1" * 5000 + b"}", b'{"text": NaN}', b'{"text": Infinity}',
                                  b'{"text": 1e999999}', b'"just a string"', b"null", b"[]", b"12", b""])
def test_json_that_is_not_an_article_is_a_400(client, body, stored):
    assert post_raw(client, body).status_code == 400
    assert stored("articles") == 0


@pytest.mark.parametrize("marks", ['"', "“”", "„“«»‹›‘’'", '"\n'])
def test_a_megabyte_of_quotation_marks_is_taken_in(app, client, marks, stored):
    app.config["MAX_CONTENT_LENGTH"] = 8 * MB
    text = (marks * (MB // len(marks) + 1))[:MB]
    response = client.post("/api/articles", json={"text": text})
    assert response.status_code == 201
    assert stored("articles") == 1


def test_html_is_stored_as_text(client):
    html = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    text = f'"{html}," Maria Lopez said. </textarea><b>bold</b>\n'
    response = client.post("/api/articles", json={"text": text, "title": html})
    assert response.status_code == 201
    fetched = client.get(f"/api/articles/{response.json['article_id']}")
    assert fetched.json["text"] == text and fetched.json["title"] == html
    assert fetched.content_type == "application/json"


def test_duplicate_keys_and_unknown_fields_are_harmless(client):
    body = b'{"text": "first", "text": "\\"We won,\\" she said.", "extra": {"deep": [1, 2]}, "id": 99}'
    response = post_raw(client, body)
    assert response.status_code == 201
    assert response.json["text"] == '"We won," she said.'
    assert response.json["article_id"] == 1


@pytest.mark.parametrize("path", ["/api/articles/99999999999999999999999", "/api/articles/-1", "/api/articles/x",
                                  "/api/%00", "/api/articles/1%00"])
def test_odd_paths_are_json_4xx(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500
    assert "error" in response.json


HOSTILE_TEXTS = {
    "quotes": '"' * MB,
    "curly": "“" * (MB // 2) + "”" * (MB // 2),
    "alternating": "“”„«»‹›‘’'\"" * (MB // 12),
    "unclosed per line": '"he said\n' * (MB // 10),
    "one long sentence": ("said " * (MB // 5)),
    "nested": ("“" + '"' + "'" + "«") * (MB // 8) + ("»" + "'" + '"' + "”") * (MB // 8),
    "control": "".join(chr(c) for c in range(32)) * (MB // 32),
    "surrogates": "a\ud800b\udfffc" * 1000,
    "html": "<script>alert('said')</script>\"x,\" she said. " * (MB // 48),
    "no newline words": "word " * (MB // 5),
    "newlines": "\n" * MB,
    "empty": "",
}


@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_the_extractor_survives_hostile_text(name):
    text = HOSTILE_TEXTS[name]
    for statement in extract(text):
        assert 0 <= statement.start <= statement.end <= len(text)
