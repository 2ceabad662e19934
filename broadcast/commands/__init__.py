"""The subcommands. Each module here defines NAME (the module's own name), HELP, add_arguments(parser) and
run(args) -> int; adding a command is adding a file.

They are listed in the order `--help` shows them, and a command's module is imported only when it is run or
listed: `broadcast script` imports no other.
"""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from ..registry import entry_names

_ORDER = ["script", "time", "check", "audio", "voices", "rundown", "prompter"]


def names() -> list[str]:
    """Every command's name (its module's name), in `--help` order, without importing any."""
    found = entry_names(__path__, own=())
    found.sort(key=lambda name: (_ORDER.index(name) if name in _ORDER else len(_ORDER), name))
    return found


def command(name: str) -> ModuleType:
    """The module of the command `name` (one of `names()`)."""
    return importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    """`COMMANDS`: every command's module, imported, in `--help` order."""
    if name == "COMMANDS":
        return [command(each) for each in names()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
