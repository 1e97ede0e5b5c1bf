"""What a person sees: headless Chromium opens the speaker lookup, the search and the speaker chart
of a running `tracker serve` over a database filled by the real ingest. Screenshots are kept in
tests/artifacts/ to look at."""
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tracker.servers import RunningServers

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Everything that would reach past this machine is off; JavaScript gets up to this much
# virtual time to render (Chromium fast-forwards it, so it is not a wait).
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=10000", "--window-size=1280,1100",
]

pytestmark = [
    pytest.mark.slow,  # a real Chromium against a real `tracker serve`
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium package)"),
]


def chromium(*args):
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        result = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dom_and_screenshot(url, name):
    """The page's DOM after its scripts ran, and a screenshot saved as tests/artifacts/NAME.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / f"{name}.png"
    screenshot.unlink(missing_ok=True)
    chromium(f"--screenshot={screenshot}", url)
    assert screenshot.stat().st_size > 10_000  # a page, not a blank
    return chromium("--dump-dom", url)


@pytest.fixture(scope="module")
def servers(tmp_path_factory, seeded_database):
    database = seeded_database(tmp_path_factory.mktemp("browser") / "quotes.db")
    with RunningServers(database) as running:
        yield running


def test_the_speaker_lookup_shows_her_quotes_from_both_articles(servers):
    url = f"{servers.datasette}/{servers.db_name}/quotes_by_speaker?{urlencode({'name': 'Tikhonovskaya'})}"
    dom = dom_and_screenshot(url, "quotes_by_speaker")
    assert "Quotes by speaker" in dom
    assert "Svetlana Tikhonovskaya" in dom
    assert "Express.co.uk" in dom and "The Moscow Times" in dom
    assert "I have to say that Belarus is de facto under military occupation" in dom


def test_the_search_page_finds_the_quote_in_its_date_range(servers):
    query = urlencode({"q": "military occupation", "since": "2022-11-01", "until": "2022-11-30"})
    dom = dom_and_screenshot(f"{servers.datasette}/{servers.db_name}/search_quotes?{query}", "search_quotes")
    assert "Search quotes" in dom
    assert "de facto under military occupation" in dom
    assert "Express.co.uk" not in dom  # said in 2025: outside the range


def test_the_speaker_chart_is_drawn(servers):
    dom = dom_and_screenshot(f"{servers.datasette}/-/dashboards/speaker?{urlencode({'name': 'Tikhanovskaya'})}",
                             "speaker_chart")
    assert "Statements per month" in dom
    assert 'class="marks"' in dom  # the Vega view drew its marks
