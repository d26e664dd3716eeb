"""A small HTTP load generator for loopback: keep-alive connections, one per thread, bounded
in count and time. Enough for figures at concurrency 1 and 20; no third-party tool needed."""

from __future__ import annotations

import http.client
import json
import re
import secrets
import ssl
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


def connect(port: int, *, https: bool = False, timeout: float = 30):
    """To gunicorn straight (http on 127.0.0.1), or to nginx in front (https on localhost,
    its self-signed certificate taken as it is)."""
    if not https:
        return http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return http.client.HTTPSConnection("localhost", port, timeout=timeout, context=context)


def fetch(port: int, path: str, headers=None, *, https: bool = False):
    """(status, headers, body) of one GET; the headers an `http.client.HTTPMessage`."""
    conn = connect(port, https=https)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.msg, body


class FormSession:
    """One visitor filling the report form as its script does: the page (everyone's, no
    cookie), then this visitor's upload token and start time (`form-start`)."""

    def __init__(self, port: int, path: str = "/fr/signaler/", *, https: bool = False):
        self.port, self.path, self.https = port, path, https
        self.origin = f"https://localhost:{port}" if https else f"http://127.0.0.1:{port}"
        status, headers, body = fetch(port, path, https=https)
        if status != 200:
            raise RuntimeError(f"form: HTTP {status}")
        if headers.get_all("Set-Cookie"):
            raise RuntimeError("form: the blank form set a cookie")
        html = body.decode()
        # Every hidden field the form carries, then the values its script asks for.
        self.fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
        start = re.search(r'data-start="([^"]+)"', html).group(1)
        status, _headers, values = fetch(port, start, https=https)
        if status != 200:
            raise RuntimeError(f"form-start: HTTP {status}")
        self.fields.update(json.loads(values))
        self.cookie = ""

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
            "Referer": f"{self.origin}{self.path}",
            "Origin": self.origin,
            "Sec-Fetch-Site": "same-origin",
        }
        own = conn is None
        conn = conn or connect(self.port, https=self.https, timeout=60)
        start = time.perf_counter()
        conn.request("POST", self.path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode(errors="replace")
        status = response.status
        if status == 302:
            # Sent: the receipt is a page of its own, shown to the session that sent it and
            # opened with the browser's form key (its cookie).
            set_cookie = "; ".join(response.msg.get_all("Set-Cookie") or [])
            found = re.findall(r"((?:__Host-)?(?:sessionid|formkey)=[^;]+)", set_cookie)
            cookie = "; ".join(found)
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
