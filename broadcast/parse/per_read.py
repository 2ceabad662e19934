"""What the reader finds of a line, found once per read.

A reader's passes (the page frame, the headline, the blocks, the walk and its rules, the line builder) ask
the same questions of the same line: its furniture, its outlet's credit, its source attribution. Within
`remembered()` each answer is kept for the rest of the read; outside it every question is answered afresh.
The answers are immutable (strings, frozen dataclasses, matches), so a kept one is the one a fresh call gives.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Callable, Hashable, Iterator, TypeVar

_Answer = TypeVar("_Answer")
_MEMO: ContextVar[dict[Hashable, object] | None] = ContextVar("per_read", default=None)
_MISSING = object()


@contextmanager
def remembered() -> Iterator[None]:
    """Within it, every question a `once` function is asked is answered once."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """`question`, answered once per read for each set of (hashable) arguments."""
    return once_by(lambda *args: args)(question)


def once_by(key: Callable[..., Hashable]) -> Callable[[Callable[..., _Answer]], Callable[..., _Answer]]:
    """`once`, telling arguments apart by `key(*args)`: a language by its code, not by hashing its patterns."""

    def decorate(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
        @wraps(question)
        def ask(*args: Any) -> _Answer:
            memo = _MEMO.get()
            if memo is None:
                return question(*args)
            asked = (ask, key(*args))
            found = memo.get(asked, _MISSING)
            if found is _MISSING:
                found = memo[asked] = question(*args)
            return found  # type: ignore[return-value]

        return ask

    return decorate
