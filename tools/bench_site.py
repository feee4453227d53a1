"""Benchmark: how soon the site's search is ready on a slow mobile line, in every language, and what a page weighs.

Run with `make bench` (`python -m tools.bench_site`). Builds the site into a scratch folder, serves it as
`oila serve` does (text compressed), and opens each language's home page in headless Chromium on an emulated
slow 3G line (DevTools' preset: 2 s round trip, 400 kbit/s each way) with an empty cache. Search is ready when
the search box stops saying it is getting ready. Prints the median of several runs; a benchmark, not a test, so
it never fails.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from generator.build import build
from generator.serve import start_server
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

RUNS = 3
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
"""Chrome DevTools' "Slow 3G": bytes a second, and the round trip in milliseconds."""
READY_SECONDS = 120


def search_ready_seconds(page: Page, address: str) -> tuple[float, int]:
    """Seconds from asking for `address` to search being ready, and the bytes that came over the line."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", SLOW_3G)
    received: list[int] = []
    session.on("Network.loadingFinished", lambda event: received.append(int(event["encodedDataLength"])))
    started = time.perf_counter()
    page.goto(address, wait_until="commit", timeout=READY_SECONDS * 1000)
    page.wait_for_function(
        """() => {
            const config = document.getElementById("__config");
            const meta = document.querySelector(".md-search-result__meta");
            return config && meta && meta.textContent.trim() ===
                JSON.parse(config.textContent).translations["search.result.placeholder"];
        }""",
        timeout=READY_SECONDS * 1000,
        polling=50,
    )
    return time.perf_counter() - started, sum(received)


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "build"
        build(root, out, only=["site"])
        server = start_server(out / "site", 0)
        address = f"http://127.0.0.1:{server.server_address[1]}"
        languages = sorted(path.name for path in (out / "site").iterdir() if path.is_dir())
        print(f"search ready on slow 3G (2 s round trip, 400 kbit/s), served compressed, median of {RUNS} runs:")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for language in languages:
                runs = []
                for _ in range(RUNS):
                    context = browser.new_context()
                    runs.append(search_ready_seconds(context.new_page(), f"{address}/{language}/index.html"))
                    context.close()
                seconds = statistics.median(seconds for seconds, _ in runs)
                weight = statistics.median(size for _, size in runs) / 1024
                index = (out / "site" / language / "search" / "search_index.json").stat().st_size / 1024
                print(f"  {language:8} {seconds:5.1f} s, {weight:6.0f} KiB came, index {index:.0f} KiB on disk")
            browser.close()
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
