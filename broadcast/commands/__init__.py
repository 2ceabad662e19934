"""The subcommands. Each module here defines NAME, HELP, add_arguments(parser) and run(args) -> int;
adding a command is adding a file. They are listed in the order `--help` shows them."""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

_ORDER = ["script", "time", "check", "audio", "voices", "rundown", "prompter"]


def _discover() -> list[ModuleType]:
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    names.sort(key=lambda name: (_ORDER.index(name) if name in _ORDER else len(_ORDER), name))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


COMMANDS = _discover()
