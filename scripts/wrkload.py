"""Load with wrk (Debian's), the load generator of `make bench`: requests/s and latency
percentiles of one URL at a given concurrency, read from wrk's own summary (a Lua hook)."""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

# wrk calls done() once at the end with the whole run's figures (microseconds).
SUMMARY = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\n{"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, '
    .. '"socket_errors": %d, "timeouts": %d, "bad_status": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write, e.timeout, e.status))
end
"""


def binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is missing: make wrk (Debian's wrk)")
    return found


@contextlib.contextmanager
def _script():
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(SUMMARY)
    try:
        yield handle.name
    finally:
        Path(handle.name).unlink()


def command(url: str, *, connections: int, seconds: float, threads: int, script: str) -> list:
    return [binary(), f"-t{min(threads, connections)}", f"-c{connections}",
            f"-d{seconds}s", "--timeout", "10s", "-s", script, url]  # fmt: skip


def run(url: str, *, connections: int, seconds: float = 8, threads: int = 2) -> dict:
    """{'rps', 'p50_ms', 'p99_ms', 'errors'} of `connections` keep-alive clients for `seconds`."""
    with _script() as script:
        out = subprocess.run(
            command(url, connections=connections, seconds=seconds, threads=threads, script=script),
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return {
        "rps": figures["requests"] / figures["seconds"],
        "p50_ms": figures["p50_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "errors": figures["socket_errors"] + figures["timeouts"] + figures["bad_status"],
    }


@contextlib.contextmanager
def background(url: str, *, connections: int, seconds: float = 600, threads: int = 2):
    """wrk loading `url` while the block runs (stopped at its end), at a lower priority than
    the site: the load stands for visitors on other machines, and what is measured meanwhile
    is the site's answer to someone else."""
    with _script() as script:
        proc = subprocess.Popen(
            ["nice", "-n", "10", *command(
                url, connections=connections, seconds=seconds, threads=threads, script=script)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            yield proc
        finally:
            proc.terminate()
            proc.wait(timeout=30)
