"""Shared test helpers."""

import re
from html.parser import HTMLParser

from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC_NAMESPACES = {"campaign", "partners", "reports"}
# Public addresses that are not pages: the receipt as a text file (only for the ten minutes
# after sending: tests/test_receipt_and_consent.py), the form's "can the site be reached?"
# (204: tests/test_nothing_lost.py) and "Exit this page" (a redirect: tests/test_quick_exit.py).
NOT_PAGES = {"reports:receipt-file", "reports:online", "reports:form-start", "reports:exit"}
# Pages reached by doing something, not from the navigation: the receipt, after sending.
REACHED_BY_SENDING = {"reports:receipt"}


def public_url_names() -> list[str]:
    """Every namespaced public URL name that takes no argument."""
    names: list[str] = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif (
                isinstance(pattern, URLPattern)
                and pattern.name
                and namespace in PUBLIC_NAMESPACES
                and not pattern.pattern.converters
            ):
                names.append(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return sorted(set(names) - NOT_PAGES)


# <link> relations that make the browser fetch something (canonical/alternate do not).
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                     "apple-touch-icon", "dns-prefetch", "preconnect"}  # fmt: skip
SELF = "http://testserver/"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.html_lang = None
        self.external: list[str] = []
        self.inline_scripts_without_nonce = 0
        self.style_attrs = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if "style" in attrs:
            self.style_attrs += 1
        refs = []
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed", "track"}:
            refs += [attrs.get("src"), attrs.get("srcset")]
        if tag == "link" and set((attrs.get("rel") or "").split()) & FETCHED_LINK_RELS:
            refs.append(attrs.get("href"))
        if tag == "form":
            refs.append(attrs.get("action"))
        if tag == "object":
            refs.append(attrs.get("data"))
        if (
            tag == "script"
            and not attrs.get("src")
            and not attrs.get("nonce")
            and attrs.get("type") not in {"application/json", "application/ld+json"}
        ):
            self.inline_scripts_without_nonce += 1
        for ref in refs:
            if ref and re.match(r"^\s*(https?:)?//", ref) and not ref.startswith(SELF):
                self.external.append(ref)


def inspect_html(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector
