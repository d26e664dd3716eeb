"""Figures for the public pages, printed one a line as `name: value unit`.

- home_bytes_compressed: the home page as a browser fetches it (HTML + CSS + JS, gzip);
- home_server_p50_ms (50 runs) and the same for the news list and a campaign page,
  in-process, with the seed content, on a scratch SQLite database.

Run: .venv/bin/python scripts/bench_pages.py
"""

import io
import statistics
import time

from benchlib import over_the_wire, percentile, setup_django

setup_django()

from django.test import Client  # noqa: E402

from campaign import seed  # noqa: E402

RUNS = 50


def timed(client: Client, url: str) -> list[float]:
    client.get(url)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return sorted(timings)


def main() -> None:
    seed.load(io.StringIO())
    client = Client()
    sizes = over_the_wire(client.get("/fr/").content)
    print(f"home_html_bytes_compressed: {sizes['html']} B")
    print(f"home_bytes_compressed: {sum(sizes.values())} B")
    for name, url in [("home", "/fr/"), ("news_list", "/fr/actualites/"), ("page", "/fr/le-code/")]:
        timings = timed(client, url)
        print(f"{name}_server_p50_ms: {statistics.median(timings):.2f} ms")
        print(f"{name}_server_p95_ms: {percentile(timings, 0.95):.2f} ms")


if __name__ == "__main__":
    main()
