"""What the reader finds of a line, found once per read.

A reader's passes (the page frame, the headline, the blocks, the walk and its rules, the line builder) ask
the same questions of the same line: its furniture, its outlet's credit, its source attribution. Within
`remembered()` each answer is kept for the rest of the read; outside it every question is answered afresh.
The answers are immutable (strings, frozen dataclasses, matches), so a kept one is the one a fresh call gives.
"""
from __future__ import annotations

import gc
import inspect
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Callable, Hashable, Iterator, TypeVar

_Answer = TypeVar("_Answer")
# Each `once` function keeps its answers in a context variable of its own (one lookup a question: the reader asks
# some ten a line); `remembered()` gives each an empty dict for the read, outside it they hold None.
_KEPT: list[ContextVar[dict[Hashable, Any] | None]] = []
_MISSING = object()


@contextmanager
def remembered() -> Iterator[None]:
    """Within it, every question a `once` function is asked is answered once; and the cyclic garbage
    collector waits. A read makes a few small objects a line (the line, its spoken form, the kept answers),
    all alive to its end: each collection on the way would only walk them all again (a tenth of the reading
    time of a long text). What the read leaves for the collector is collected after it, as before."""
    tokens = [(kept, kept.set({})) for kept in _KEPT]
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        for kept, token in reversed(tokens):
            kept.reset(token)


def _answers(question: Callable[..., Any]) -> ContextVar[dict[Hashable, Any] | None]:
    kept: ContextVar[dict[Hashable, Any] | None] = ContextVar(f"per_read:{question.__qualname__}", default=None)
    _KEPT.append(kept)
    return kept


def once(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """`question`, answered once per read for each set of (hashable) arguments."""
    return once_by(None)(question)


def once_by(key: Callable[..., Hashable] | None) -> Callable[[Callable[..., _Answer]], Callable[..., _Answer]]:
    """`once`, telling arguments apart by `key(*args)`: a language by its code, not by hashing its patterns
    (None: by the arguments themselves, a single one as it is)."""

    def decorate(question: Callable[..., _Answer]) -> Callable[..., _Answer]:
        kept = _answers(question)
        if key is None and _one_argument(question):

            @wraps(question)
            def ask_one(arg: Any) -> _Answer:  # the same as `ask` below, without packing the arguments: asked most
                answers = kept.get()
                if answers is None:
                    return question(arg)
                found = answers.get(arg, _MISSING)
                if found is _MISSING:
                    found = answers[arg] = question(arg)
                return found

            return ask_one

        @wraps(question)
        def ask(*args: Any) -> _Answer:
            answers = kept.get()
            if answers is None:
                return question(*args)
            asked = key(*args) if key is not None else args[0] if len(args) == 1 else args
            found = answers.get(asked, _MISSING)
            if found is _MISSING:
                found = answers[asked] = question(*args)
            return found

        return ask

    return decorate


def _one_argument(question: Callable[..., Any]) -> bool:
    """Whether `question` takes exactly one argument, given by position (`furniture(text)`)."""
    parameters = list(inspect.signature(question).parameters.values())
    return len(parameters) == 1 and parameters[0].kind in (
        inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD) and parameters[0].default is inspect.Parameter.empty
