"""`tracker serve` as a real process for the benchmarks: the same helper the integration tests use."""
import sys

from benchlib import REPO

sys.path.insert(0, str(REPO / "tests"))
from servers import RunningServers as RunningTracker, free_port  # noqa: E402

__all__ = ["RunningTracker", "free_port"]
