"""Playwright on Debian's Chromium, headless, with no network beyond loopback."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests
    # make between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Collects console CSP violations and requests to other hosts for one page."""

    def __init__(self, page, origin: str):
        self.page = page
        self.origin = origin
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("request", self._on_request)

    def _on_console(self, msg):
        if msg.type in {"error", "warning"}:
            self.console_errors.append(msg.text)

    def _on_request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if not url.startswith(self.origin):
            self.foreign_requests.append(url)

    @property
    def csp_violations(self) -> list[str]:
        return [m for m in self.console_errors if "Content Security Policy" in m]


@pytest.fixture
def watched_page(browser, live_server):
    context = browser.new_context(locale="fr-BE")
    page = context.new_page()
    watch = PageWatch(page, live_server.url)
    yield page, watch
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-BE",
    )
    page = context.new_page()
    watch = PageWatch(page, live_server.url)
    yield page, watch
    context.close()
