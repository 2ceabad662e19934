"""Registries by discovery: adding a language, an engine or a command is adding a module (pandoc's readers)."""
from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable


def discover(package: str, path: Iterable[str], attribute: str) -> list[object]:
    """The `attribute` of every module in `package` that defines it, by module name; `base` and
    modules starting with `_` are the package's own parts, not entries."""
    found = []
    for name in entry_names(path):
        entry = getattr(importlib.import_module(f"{package}.{name}"), attribute, None)
        if entry is not None:
            found.append(entry)
    return found


def entry_names(path: Iterable[str], own: Iterable[str] = ("base",)) -> list[str]:
    """The names of the package's entry modules, without importing any (a registry keyed by module name
    imports only the entry asked for: a Kazakh story never imports the English rules)."""
    parts = set(own)
    return sorted(m.name for m in pkgutil.iter_modules(path) if m.name not in parts and not m.name.startswith("_"))
