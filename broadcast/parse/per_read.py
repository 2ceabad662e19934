"""What the reader finds of a line, found once per read.

A reader's passes (the page frame, the headline, the blocks, the walk and its rules, the line builder) ask
the same questions of the same line: its furniture, its outlet's credit, its source attribution. Within
`remembered()` each answer is kept for the rest of the read; outside it every question is answered afresh.
The answers are immutable (strings, frozen dataclasses, matches), so a kept one is the one a fresh call gives.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Callable, Hashable, Iterator, TypeVar

_Answer = TypeVar("_Answer")
_MEMO: ContextVar[dict[Callable[..., Any], dict[Hashable, Any]] | None] = ContextVar("per_read", default=None)
_MISSING = object()


@contextmanager
def remembered() -> Iterator[None]:
    """Within it, every question a `once` function is asked is answered once; and the cyclic garbage
    collector waits. A read makes a few small objects a line (the line, its spoken form, the kept answers),
    all alive to its end: each collection on the way would only walk them all again (a tenth of the reading
    time of a long text). What the read leaves for the collector is collected after it, as before."""
    token = _MEMO.set({})
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        _MEMO.reset(token)


def once(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """`question`, answered once per read for each set of (hashable) arguments."""
    return once_by(lambda *args: args[0] if len(args) == 1 else args)(question)


def once_by(key: Callable[..., Hashable]) -> Callable[[Callable[..., _Answer]], Callable[..., _Answer]]:
    """`once`, telling arguments apart by `key(*args)`: a language by its code, not by hashing its patterns."""

    def decorate(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
        @wraps(question)
        def ask(*args: Any) -> _Answer:
            memo = _MEMO.get()
            if memo is None:
                return question(*args)
            answers = memo.get(ask)
            if answers is None:
                answers = memo[ask] = {}
            asked = key(*args)
            found = answers.get(asked, _MISSING)
            if found is _MISSING:
                found = answers[asked] = question(*args)
            return found

        return ask

    return decorate
