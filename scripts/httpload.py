"""A small HTTP load generator for loopback: keep-alive connections, one per thread, bounded
in count and time. Enough for figures at concurrency 1 and 20; no third-party tool needed."""

from __future__ import annotations

import http.client
import re
import secrets
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered), p95


def measure(port: int, path: str, *, concurrency: int, total: int, headers=None) -> list[float]:
    """Latencies (ms) of `total` GETs spread over `concurrency` keep-alive connections."""
    per_thread = max(1, total // concurrency)
    results: list[float] = []
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(per_thread):
            start = time.perf_counter()
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
        conn.close()
        with lock:
            results.extend(mine)

    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    return results


def fetch(port: int, path: str, headers=None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


class FormSession:
    """One visitor filling the report form: cookie, CSRF token, upload token."""

    def __init__(self, port: int, path: str = "/fr/signaler/"):
        self.port, self.path = port, path
        status, headers, body = fetch(port, path)
        if status != 200:
            raise RuntimeError(f"form: HTTP {status}")
        cookie = headers.get("Set-Cookie", "")
        self.csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        html = body.decode()

        def hidden(name: str) -> str:
            return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)

        self.fields = {
            "csrfmiddlewaretoken": hidden("csrfmiddlewaretoken"),
            "upload_token": hidden("upload_token"),
            "started": hidden("started"),
        }  # fmt: skip

    def submit(self, fields: dict, photo: bytes | None = None, conn=None) -> tuple[int, str, float]:
        boundary = "----jedisstop" + secrets.token_hex(8)
        parts = []
        for name, value in {**self.fields, **fields}.items():
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            parts.append(head.encode() + str(value).encode() + b"\r\n")
        if photo is not None:
            disposition = 'Content-Disposition: form-data; name="photos"; filename="p.jpg"'
            head = f"--{boundary}\r\n{disposition}\r\nContent-Type: image/jpeg\r\n\r\n"
            parts.append(head.encode() + photo + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"csrftoken={self.csrf}",
            "Referer": f"http://127.0.0.1:{self.port}{self.path}",
            "Origin": f"http://127.0.0.1:{self.port}",
        }
        own = conn is None
        conn = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        start = time.perf_counter()
        conn.request("POST", self.path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode(errors="replace")
        status = response.status
        if status == 302:
            # Sent: the receipt is a page of its own, shown to the session that sent it.
            set_cookie = response.getheader("Set-Cookie") or ""
            session = re.search(r"((?:__Host-)?sessionid=[^;]+)", set_cookie)
            cookie = f"csrftoken={self.csrf}" + (f"; {session.group(1)}" if session else "")
            conn.request("GET", response.getheader("Location"), headers={"Cookie": cookie})
            response = conn.getresponse()
            text = response.read().decode(errors="replace")
            status = response.status
        elapsed = (time.perf_counter() - start) * 1000
        if own:
            conn.close()
        return status, text, elapsed


def receipt_of(html: str) -> tuple[str, str] | None:
    code = re.search(r'id="follow-up-code">([0-9A-Z-]+)<', html)
    ref = re.search(r'id="report-reference">(JDS-[0-9A-Z-]+)</strong>', html)
    return (ref.group(1), code.group(1)) if code and ref else None
