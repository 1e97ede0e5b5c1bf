"""`tracker serve` as a real child process, as `make run` starts it: for the integration tests and
the benchmarks, which talk to it over HTTP."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):  # refused, or accepted before gunicorn's workers are up
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


class RunningServers:
    """`with RunningServers(path) as servers:` the API at `servers.api`, Datasette at `servers.datasette`."""

    def __init__(self, database, extra_env=None, output=None):
        self.output = output  # where the servers' logs go: inherited when None
        self.database = str(database)
        self.api_port, self.datasette_port = free_port(), free_port()
        self.api = f"http://127.0.0.1:{self.api_port}/api"
        self.datasette = f"http://127.0.0.1:{self.datasette_port}"
        self.db_name = os.path.splitext(os.path.basename(self.database))[0]
        self.env = {
            **os.environ,
            "TRACKER_DB": self.database,
            "TRACKER_HOST": "127.0.0.1",
            "TRACKER_PORT": str(self.api_port),
            "DATASETTE_PORT": str(self.datasette_port),
            **(extra_env or {}),
        }

    def __enter__(self):
        tracker = os.path.join(os.path.dirname(sys.executable), "tracker")
        self.process = subprocess.Popen([tracker, "serve"], env=self.env, start_new_session=True,
                                        stdout=self.output, stderr=self.output)
        try:
            wait_for(f"{self.api}/health", self.process)
            wait_for(f"{self.datasette}/-/versions.json", self.process)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(self, *exc):
        self.stop()
