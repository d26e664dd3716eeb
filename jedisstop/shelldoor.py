"""The blank forms answered at the door, in front of Django.

A blank report form is the same page for every visitor in a language but for its tokens
(`pagecache.shell_page`), and the page cache's middleware answers it from a shell before
sessions, locale, auth or the view run. What it still costs is Django's own work around an
answer that is already made: the request object, the request signals, the middlewares on
the way out (security headers, CSP, CSRF cookie), the response object: about 1 ms of
Python a visitor, what limits how many people can open the form in a rush.

So the WSGI application is wrapped. When this process has answered a shell through the
whole of Django, the door keeps that answer as it left Django: its status and every header
the middlewares set, with the CSRF cookie's value as the only hole. The next visitors for
the same page get it from the door with their own values written in: the CSRF secret from
their cookie (Django's own reading of it) or a new one, the masked token, the view's
tokens (`pagecache.visitor_values`).

The door answers only what the page cache's middleware would answer with that same shell:
a GET without a query string, from a visitor without a personal cookie, for an allowed host,
the same scheme, host and path (`pagecache.key_for`, on Django's own request object), and
only while this process's copy of the shell is the one the door's answer was made from
(`pagecache.kept`): a content change, a new release or the copy's few seconds running out
send the next visitor through Django again. An answer setting any other cookie, or a cookie
that expires at a date, is never kept. Anything else, and any error, goes to Django.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.csrf import CsrfViewMiddleware, InvalidTokenFormat

from jedisstop import pagecache

logger = logging.getLogger(__name__)
MAX_ANSWERS = 100  # a few forms x 3 languages; the least recently used goes first


@dataclass(frozen=True)
class Answer:
    """A shell's answer as it left Django, the CSRF cookie's value left out."""

    shell: tuple
    path: str  # the server's PATH_INFO: the door looks only at these
    status: str
    headers: list[tuple[str, str]]
    cookie: tuple[str, str]  # the Set-Cookie header before and after the secret


class ShellDoor:
    def __init__(self, application):
        self.application = application
        self.answers: dict[str, Answer] = {}
        self.paths: frozenset[str] = frozenset()  # those of the answers
        self.lock = threading.Lock()
        self._secret = CsrfViewMiddleware(lambda request: None)._get_secret

    def __call__(self, environ, start_response):
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or environ.get("QUERY_STRING")
            or not settings.PAGE_CACHE_SECONDS
            or settings.CSRF_USE_SESSIONS
        ):
            return self.application(environ, start_response)
        # Only a path with an answer costs the door a request object and a key: every other
        # request goes to Django as if there were no door.
        if environ.get("PATH_INFO") in self.paths:
            request = WSGIRequest(environ)  # a GET: nothing read from the body
            key = pagecache.key_for(request)
            with self.lock:  # threaded servers (runserver, gthread) share the table
                answer = self.answers.pop(key, None) if key is not None else None
                if answer is not None:
                    self.answers[key] = answer  # the most recently used last: dropped last
            if answer is not None and answer.shell is pagecache.kept(key):
                try:
                    return self.answer(request, answer, start_response)
                except Exception:
                    logger.exception("The door could not answer a blank form; Django does")
                    with self.lock:
                        self.answers.pop(key, None)
        return self.through_django(environ, start_response)

    def through_django(self, environ, start_response):
        sent = {}

        def keep_start(status, headers, exc_info=None):
            sent["status"], sent["headers"] = status, headers
            return start_response(status, headers, exc_info)

        response = self.application(environ, keep_start)
        shell, key = getattr(response, "shell", None), getattr(response, "shell_key", None)
        if shell is not None and shell is pagecache.kept(key):
            answer = self.learn(shell, environ.get("PATH_INFO"), sent, response)
            if answer is not None:
                with self.lock:
                    self.answers.pop(key, None)
                    if len(self.answers) >= MAX_ANSWERS:  # the least recently used goes
                        self.answers.pop(next(iter(self.answers)))
                    self.answers[key] = answer
                    self.paths = frozenset(a.path for a in self.answers.values())
        return response

    @staticmethod
    def learn(shell, path, sent, response) -> Answer | None:
        """The answer to keep from a shell Django just answered, or None."""
        secret = response.csrf_secret if hasattr(response, "csrf_secret") else None
        name = settings.CSRF_COOKIE_NAME
        cookies = [value for header, value in sent["headers"] if header.lower() == "set-cookie"]
        if secret is None or len(cookies) != 1:
            return None
        before, found, after = cookies[0].partition(f"{name}={secret}")
        if not found or before or "expires=" in after.lower():
            return None
        headers = [
            (header, value)
            for header, value in sent["headers"]
            if header.lower() not in ("set-cookie", "content-length")
        ]
        return Answer(shell, path, sent["status"], headers, (f"{name}=", after))

    def answer(self, request, answer: Answer, start_response):
        try:
            secret = self._secret(request)
        except InvalidTokenFormat:
            secret = None  # as Django: a new cookie
        if secret is not None:
            request.META["CSRF_COOKIE"] = secret
        _tag, _status, _headers, content, fill = answer.shell
        body = pagecache.fill_in(content, pagecache.visitor_values(request, fill))
        before, after = answer.cookie
        start_response(
            answer.status,
            [
                *answer.headers,
                ("Content-Length", str(len(body))),
                ("Set-Cookie", before + request.META["CSRF_COOKIE"] + after),
            ],
        )
        return [body]
