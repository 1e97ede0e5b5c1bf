"""The ingestion API: a JSON blueprint under /api, described in tracker/openapi.json."""
import json
from importlib import resources

from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .articles import InvalidArticle, parse_article
from .auth import require_token_for_writes
from .db import connect
from .ingest import ingest_article, prepare
from .storage import load_article

api = Blueprint("api", __name__, url_prefix="/api")
SQLITE_MAX_INTEGER = 2**63 - 1  # a larger id would not fit in a query parameter
api.before_request(require_token_for_writes)


def get_db():
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"])
    return g.db


@api.teardown_app_request
def close_db(exception):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@api.app_errorhandler(HTTPException)
def http_error_as_json(error):
    return jsonify(error=error.description), error.code


def read_at_most(stream, limit):
    body = bytearray()
    while len(body) <= limit:
        chunk = stream.read(min(64 * 1024, limit + 1 - len(body)))
        if not chunk:
            return bytes(body)
        body += chunk
    raise RequestEntityTooLarge()


def request_json():
    """The body parsed as JSON; None when it is not JSON.

    A chunked body (no Content-Length) is read here, not by Werkzeug: Werkzeug stops
    at MAX_CONTENT_LENGTH and passes what it read on as if it were the whole body,
    and a cut body padded with whitespace would parse."""
    if not request.is_json:
        return None
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is None and limit is not None and request.environ.get("wsgi.input_terminated"):
        body = read_at_most(request.input_stream, limit)
    else:
        body = request.get_data()
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: deeply nested JSON, one recursion per level
        return None


@api.get("/health")
def health():
    count = get_db().execute("select count(*) from articles").fetchone()[0]
    return {"status": "ok", "articles": count}


@api.post("/articles")
def post_article():
    data = request_json()
    if data is None:
        return jsonify(error="the body must be a JSON object (Content-Type: application/json)"), 400
    try:
        article = parse_article(data)
    except InvalidArticle as error:
        return jsonify(error=str(error)), 400
    db = get_db()
    model = current_app.config["MODEL"]
    if request.args.get("replace") in ("1", "true"):
        result = ingest_article(db, article, replace=True, model=model)
    else:
        result = current_app.extensions["tracker_writer"].store(article, prepare(db, article, model=model))
    return jsonify(article_id=result.article_id, **article_body(db, result.article_id)), (
        201 if result.created else 200
    )


@api.get("/openapi.json")
def openapi():
    return current_app.response_class(
        resources.files("tracker").joinpath("openapi.json").read_bytes(), mimetype="application/json"
    )


@api.get(f"/articles/<int(max={SQLITE_MAX_INTEGER}):article_id>")
def get_article(article_id):
    article = load_article(get_db(), article_id)
    if article is None:
        return jsonify(error=f"no article with id {article_id}"), 404
    return jsonify(article)


def article_body(db, article_id):
    article = load_article(db, article_id)
    article.pop("id")
    return article
