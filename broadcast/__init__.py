"""broadcast: speech-ready broadcast scripts from a news article or transcript.

    >>> import broadcast
    >>> print(broadcast.script("article.txt", to="prompter"))
    >>> timed = broadcast.load("article.txt", slot=90)   # Story, cast, Timing and Fit
    >>> broadcast.audio("article.txt", "draft.mp3")      # audio draft, captions and cue sheet
    >>> broadcast.bulletin_audio("evening.toml", "bulletin.mp3")   # the whole bulletin's
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Timed", "audio", "bulletin_audio", "load", "prepare", "script", "__version__"]

if TYPE_CHECKING:
    from .api import Timed, audio, bulletin_audio, load, prepare, script


def _api(name: str) -> Any:
    if f"{__name__}.api" not in sys.modules:
        from . import compile_cache

        # Before the API's modules compile their patterns: those our modules compile, from what was kept.
        compile_cache.install_for_library()
    return getattr(importlib.import_module(f"{__name__}.api"), name)


def __getattr__(name: str) -> Any:
    """The public API of `broadcast.api`, imported on first use (PEP 562): the command line, which needs only
    `__version__` here, does not load the audio libraries for a script."""
    if name in __all__:
        return _api(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(types.ModuleType):
    """`broadcast.audio` is the function of the README even once the subpackage `broadcast.audio` is imported
    (the import system sets the subpackage as this attribute; it stays in sys.modules for imports)."""

    @property
    def audio(self) -> Any:
        return _api("audio")

    @audio.setter
    def audio(self, value: Any) -> None:
        pass


sys.modules[__name__].__class__ = _Package
