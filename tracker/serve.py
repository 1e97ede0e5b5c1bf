"""Running the two servers side by side: the Flask API under gunicorn, and Datasette.

Both get the same database. When either stops, or on Ctrl-C / SIGTERM, both
are stopped, so no orphan keeps a port.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from importlib import resources

API_WORKERS = 2
API_THREADS = 4
SQL_TIME_LIMIT_MS = 1000
# The reading room: row pages for speakers, statements and claims, the home page's search, the
# Atom feeds and the refusal of writes (tracker/datasette/templates and plugins).
DATASETTE_FILES = resources.files("tracker").joinpath("datasette")
TEMPLATES_DIR = str(DATASETTE_FILES.joinpath("templates"))
PLUGINS_DIR = str(DATASETTE_FILES.joinpath("plugins"))


def datasette_metadata(database_path):
    """The shipped metadata, keyed by the name Datasette gives this database file."""
    metadata = json.loads(resources.files("tracker").joinpath("datasette/metadata.json").read_text())
    name = os.path.splitext(os.path.basename(database_path))[0]
    metadata["databases"] = {name: metadata["databases"]["quotes"]}
    metadata["description_html"] = metadata["description_html"].replace("/quotes/", f"/{name}/")
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for chart in dashboard.get("charts", {}).values():
            if chart.get("db") == "quotes":
                chart["db"] = name
    return metadata


def api_command(config):
    return [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{config['HOST']}:{config['PORT']}",
        "--workers", str(API_WORKERS), "--threads", str(API_THREADS),
        "--access-logfile", "-",
        "tracker.app:create_app()",
    ]


def datasette_command(config, metadata_path):
    return [
        sys.executable, "-m", "datasette", "serve", config["DATABASE"],
        "--host", config["HOST"], "--port", str(config["DATASETTE_PORT"]),
        "--metadata", metadata_path,
        "--template-dir", TEMPLATES_DIR,
        "--plugins-dir", PLUGINS_DIR,
        "--setting", "sql_time_limit_ms", str(SQL_TIME_LIMIT_MS),
        # Suggestions run a query per column on every table page: seconds for a speaker with 70k quotes.
        "--setting", "suggest_facets", "off",
    ]


def serve(config):
    """Run both servers in the foreground until one exits or we are told to stop."""
    with tempfile.TemporaryDirectory(prefix="tracker-") as folder:
        metadata_path = os.path.join(folder, "metadata.json")
        with open(metadata_path, "w") as f:
            json.dump(datasette_metadata(config["DATABASE"]), f)
        environment = {**os.environ, "TRACKER_DB": config["DATABASE"], "TRACKER_MODEL": config.get("MODEL") or ""}
        processes = [
            subprocess.Popen(api_command(config), env=environment),
            subprocess.Popen(datasette_command(config, metadata_path), env=environment),
        ]

        def stop(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, stop)
        try:
            while all(process.poll() is None for process in processes):
                time.sleep(0.2)
        except KeyboardInterrupt:
            pass
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        return max(process.returncode or 0 for process in processes)
