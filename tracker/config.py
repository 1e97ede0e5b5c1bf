"""Settings, from the environment: one place that knows the variable names."""
import os

DEFAULT_DB = os.path.join("data", "quotes.db")
DEFAULT_MAX_BODY = 2 * 1024 * 1024


def from_environment(environ=os.environ):
    return {
        "DATABASE": environ.get("TRACKER_DB", DEFAULT_DB),
        "HOST": environ.get("TRACKER_HOST", "127.0.0.1"),
        "PORT": int(environ.get("TRACKER_PORT", "5000")),
        "DATASETTE_PORT": int(environ.get("DATASETTE_PORT", "8001")),
        "MAX_CONTENT_LENGTH": int(environ.get("TRACKER_MAX_BODY", str(DEFAULT_MAX_BODY))),
        "TOKEN": environ.get("TRACKER_TOKEN") or None,
        "MODEL": environ.get("TRACKER_MODEL") or None,  # see tracker.models: a path, or "rules-only"
    }
