"""Load with wrk (Debian's), the load generator of `make bench`: requests/s and latency
percentiles of one URL at a given concurrency, read from wrk's own summary (a Lua hook)."""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
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
    # As every browser does: a client that reads gzip (nginx then sends a public page as its
    # cache keeps it, and a static file as its precompressed .gz).
    return [binary(), f"-t{min(threads, connections)}", f"-c{connections}",
            f"-d{seconds}s", "--timeout", "10s", "-H", "Accept-Encoding: gzip",
            "-s", script, url]  # fmt: skip


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


class Background:
    """A wrk run in the background: its process, and once stopped its figures (`rps`...)."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.figures: dict | None = None


@contextlib.contextmanager
def background(url: str, *, connections: int, seconds: float = 600, threads: int = 2):
    """wrk loading `url` while the block runs, at the same share of the processors as every
    other process (the bench changes no scheduling): what is measured meanwhile is the site's
    answer to someone else. Stopped at the block's end with SIGINT, on which wrk still
    prints its summary: the load's own figures are then in `figures`."""
    with _script() as script:
        proc = subprocess.Popen(
            command(url, connections=connections, seconds=seconds, threads=threads, script=script),
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        load = Background(proc)
        try:
            yield load
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                out, _err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, _err = proc.communicate()
            lines = [line for line in out.splitlines() if line.startswith('{"requests"')]
            if lines:
                figures = json.loads(lines[-1])
                load.figures = {
                    "rps": figures["requests"] / figures["seconds"],
                    "p50_ms": figures["p50_us"] / 1000,
                    "p99_ms": figures["p99_us"] / 1000,
                }
