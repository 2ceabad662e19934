"""The engine registry: every module in this package that defines `ENGINE` is an engine."""
from __future__ import annotations

import importlib
from functools import cache
from typing import cast

from ...errors import UsageError
from ...registry import discover, entry_names
from .base import Engine, Readiness

__all__ = ["Engine", "Readiness", "get", "names"]


@cache
def _registry() -> dict[str, Engine]:
    engines = cast(list[Engine], discover(__name__, __path__, "ENGINE"))
    return {engine.name: engine for engine in engines}


def names() -> list[str]:
    return sorted(_registry())


@cache
def _alone(name: str) -> Engine | None:
    """The engine in the module of its own name (espeak, piper), imported alone: a story espeak speaks never
    imports the other engines' modules (nor what they import); None for an engine named otherwise (gtts)."""
    if name not in entry_names(__path__):
        return None
    engine = getattr(importlib.import_module(f"{__name__}.{name}"), "ENGINE", None)
    return engine if engine is not None and engine.name == name else None


def get(name: str) -> Engine:
    engine = _alone(name)
    if engine is not None:
        return engine
    try:
        return _registry()[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r}; known: {', '.join(names())}") from None
