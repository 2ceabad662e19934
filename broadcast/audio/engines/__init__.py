"""The engine registry: every module in this package that defines `ENGINE` is an engine."""
from __future__ import annotations

from functools import cache
from typing import cast

from ...errors import UsageError
from ...registry import discover
from .base import Engine, Readiness

__all__ = ["Engine", "Readiness", "get", "names"]


@cache
def _registry() -> dict[str, Engine]:
    engines = cast(list[Engine], discover(__name__, __path__, "ENGINE"))
    return {engine.name: engine for engine in engines}


def names() -> list[str]:
    return sorted(_registry())


def get(name: str) -> Engine:
    try:
        return _registry()[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r}; known: {', '.join(names())}") from None
