"""The engine registry: every module in this package that defines `ENGINE` is an engine."""
from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from ...errors import UsageError
from .base import Engine, Readiness

__all__ = ["Engine", "Readiness", "get", "names"]


@cache
def _registry() -> dict[str, Engine]:
    found: dict[str, Engine] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name == "base" or module.name.startswith("_"):
            continue
        engine = getattr(importlib.import_module(f"{__name__}.{module.name}"), "ENGINE", None)
        if engine is not None:
            found[engine.name] = engine
    return found


def names() -> list[str]:
    return sorted(_registry())


def get(name: str) -> Engine:
    try:
        return _registry()[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r}; known: {', '.join(names())}") from None
