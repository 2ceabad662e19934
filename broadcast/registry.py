"""Registries by discovery: adding a language, an engine or a command is adding a module (pandoc's readers)."""
from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable


def discover(package: str, path: Iterable[str], attribute: str) -> list[object]:
    """The `attribute` of every module in `package` that defines it, by module name; `base` and
    modules starting with `_` are the package's own parts, not entries."""
    found = []
    for module in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if module.name == "base" or module.name.startswith("_"):
            continue
        entry = getattr(importlib.import_module(f"{package}.{module.name}"), attribute, None)
        if entry is not None:
            found.append(entry)
    return found
