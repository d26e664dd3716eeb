"""Who is opening sealed values in this request: a team member with their unlocked private
key, or a reporter with the key derived from their code, for their own report only.

Set for one request (a middleware, the follow-up page) or one block of code (a management
command given the recovery key), and reset after it; never kept anywhere else. The report
keys opened during the request are remembered for the request only, so that a page of
twenty messages opens its report's key once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Holder:
    kind: str  # "member", "reporter" or "recovery"
    user_id: int | None = None
    report_id: int | None = None  # a reporter opens their own report only
    # Called at the first use: (user id, private key), so that a request that opens nothing
    # never looks its person up.
    load: Callable[[], tuple[int | None, bytes | None]] | None = None
    opened: dict = field(default_factory=dict)  # (report id, scope) → key, for this request
    _private: bytes | None = None
    _public: bytes | None = None
    _loaded: bool = False

    def private_key(self) -> bytes | None:
        self._load()
        return self._private

    def public_key(self) -> bytes | None:
        """The public half of the private key held (None without one)."""
        if self._public is None and (private := self.private_key()) is not None:
            from encryption.sealing import public_key_of

            self._public = public_key_of(private)
        return self._public

    def member_id(self) -> int | None:
        self._load()
        return self.user_id

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            if self.load is not None:
                self.user_id, self._private = self.load()


_current: ContextVar[Holder | None] = ContextVar("jedisstop_key_holder", default=None)


def current() -> Holder | None:
    return _current.get()


@contextlib.contextmanager
def holding(holder: Holder | None):
    token = _current.set(holder)
    try:
        yield holder
    finally:
        _current.reset(token)


def member(user_id: int | None = None, private_key: bytes | None = None, *, load=None) -> Holder:
    if load is not None:
        return Holder("member", load=load)
    return Holder("member", user_id=user_id, _private=private_key, _loaded=True)


def reporter(report_id: int, private_key: bytes) -> Holder:
    return Holder("reporter", report_id=report_id, _private=private_key, _loaded=True)


def recovery(private_key: bytes) -> Holder:
    return Holder("recovery", _private=private_key, _loaded=True)
