"""Starting `tracker serve` as a real process, as `make run` does, for integration tests."""
import os
import signal
import socket
import subprocess
import sys
import time

import requests


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
            if requests.get(url, timeout=1).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # gunicorn accepts before its workers are up
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


class RunningServers:
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
