import pytest


def test_health(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "articles": 0}


def test_post_extracts_and_stores(client, article, stored):
    response = client.post("/api/articles", json=article)
    assert response.status_code == 201
    body = response.json
    assert body["article_id"] == 1
    assert body["source"] == "Example News"
    quote = next(s for s in body["statements"] if s["text"].startswith("This budget protects families"))
    assert quote["kind"] == "direct"
    assert quote["speaker"] == "Maria Lopez"
    assert article["text"][quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_mention"]
    assert quote["said_on"] == "2024-03-06"
    assert stored("quotes") == len(body["statements"])


def test_get_returns_what_post_stored(client, article):
    posted = client.post("/api/articles", json=article).json
    fetched = client.get(f"/api/articles/{posted['article_id']}").json
    assert fetched["id"] == posted["article_id"]
    assert fetched["statements"] == posted["statements"]
    assert fetched["text"] == article["text"]


def test_same_url_is_stored_once(client, article, stored):
    first = client.post("/api/articles", json=article)
    again = client.post("/api/articles", json={**article, "title": "Changed title"})
    assert again.status_code == 200
    assert again.json["article_id"] == first.json["article_id"]
    assert again.json["title"] == article["title"]
    assert stored("articles") == 1
    assert stored("quotes") == len(first.json["statements"])


def test_same_text_without_url_is_stored_once(client, article, stored):
    del article["url"]
    first = client.post("/api/articles", json=article)
    again = client.post("/api/articles", json=article)
    assert (first.status_code, again.status_code) == (201, 200)
    assert stored("articles") == 1


def test_replace_re_extracts_in_place(client, article, stored):
    first = client.post("/api/articles", json=article).json
    changed = {**article, "text": article["text"] + "\"We will cut taxes,\" she said.\n"}
    replaced = client.post("/api/articles?replace=1", json=changed)
    assert replaced.status_code == 200
    assert replaced.json["article_id"] == first["article_id"]
    assert any("We will cut taxes" in s["text"] for s in replaced.json["statements"])
    assert stored("articles") == 1
    assert stored("quotes") == len(replaced.json["statements"])


@pytest.mark.parametrize(
    "body, content_type, message",
    [
        (b"not json", "application/json", "JSON object"),
        (b'{"text": "unterminated', "application/json", "JSON object"),
        (b'{"text": "x"}', "text/plain", "JSON object"),
        (b'["a", "list"]', "application/json", "JSON object"),
        (b"{}", "application/json", "'text' is required"),
        (b'{"text": "   "}', "application/json", "'text' is required"),
        (b'{"text": 42}', "application/json", "'text' must be a string"),
        (b'{"text": "Hi.", "title": ["x"]}', "application/json", "'title' must be a string"),
        (b'{"text": "Hi.", "published": "last Tuesday"}', "application/json", "'published' is not an ISO date"),
        (b'{"text": "Hi.", "published": "2024-02-30"}', "application/json", "'published' is not an ISO date"),
        (b'\xff\xfe{"text": "Hi."}', "application/json", "JSON object"),
    ],
)
def test_bad_input_is_a_400_and_stores_nothing(client, body, content_type, message, stored):
    response = client.post("/api/articles", data=body, content_type=content_type)
    assert response.status_code == 400
    assert message in response.json["error"]
    assert stored("articles") == 0


def test_accepts_a_datetime(client):
    response = client.post("/api/articles", json={"text": "Hi.", "published": "2024-03-06T09:30:00Z"})
    assert response.status_code == 201
    assert response.json["published"] == "2024-03-06T09:30:00+00:00"


def test_a_body_over_the_limit_is_413(app, client, stored):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = client.post("/api/articles", json={"text": "x" * 2000})
    assert response.status_code == 413
    assert "error" in response.json
    assert stored("articles") == 0


def test_unknown_article_is_a_json_404(client):
    response = client.get("/api/articles/12345")
    assert response.status_code == 404
    assert "12345" in response.json["error"]


def test_wrong_method_is_a_json_405(client):
    response = client.delete("/api/articles/1")
    assert response.status_code == 405
    assert "error" in response.json
