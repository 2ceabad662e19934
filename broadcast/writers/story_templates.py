"""The Jinja2 side of the story writers: the environment the house style's templates (and a user's own) are
rendered in, with the filters templates/README.md lists, and its cache of compiled templates.

Apart from writers/story.py because it imports Jinja2 (some 30-60 ms of a start): a bundled template that is
written in code as well (writers/in_code.py: the timing table, the prompter) renders without it.
"""
from __future__ import annotations

import os
import zlib
from functools import cache
from pathlib import Path
from typing import Any, Callable

import jinja2
import markupsafe

from . import templating
from .contract import seconds
from .wrap import wrap
from .templating import render_template
from ..parse.cis import label
from ..parse.markup import escape, header
from ..resources import user_cache
from ..timecode import format_clock, format_duration, format_time_of_day

__all__ = ["FILTERS", "environment", "render_template"]


def _label_kind(text: str) -> str:
    """The kind of the CIS label a line opens with (`ЛАЙФ 0:05 …` → nat), or "": the cis layout does not label a
    line twice."""
    found = label(text)
    return found.kind if found is not None else ""


@jinja2.pass_context
def _paint(context: Any, text: str, color: str) -> str:
    """Colour, when the caller gave the template a `paint(text, color)` (the command line does, on a terminal);
    the library itself never colours."""
    painter = context.get("paint")
    return painter(text, color) if painter else text


FILTERS: dict[str, Callable[..., Any]] = {
    "tc": format_duration,
    "clock": format_clock,
    "signed": lambda ms: format_duration(ms, signed=True),
    "seconds": seconds,
    "wrap": wrap,
    "label_kind": _label_kind,
    "escape_markup": escape,
    "markup_header": header,
    "time_of_day": format_time_of_day,
    "paint": _paint,
}


def _markdown(name: str | None) -> bool:
    """Markdown templates are escaped as HTML is: a Markdown viewer renders raw HTML, so an article's
    `<script>` or `<img onerror>` would be live. Markup the template means is marked `| safe`."""
    return bool(name) and str(name).endswith(".md.j2")


@jinja2.pass_eval_context
def _markdown_text(context: Any, value: Any) -> Any:
    """What an expression prints into a Markdown template (the only ones escaped in this environment): its
    brackets escaped too, so an article's `[x](javascript:...)` or `![x](...)` is text, never a live link."""
    if context.autoescape and isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return value.replace("[", "\\[").replace("]", "\\]")
    return value


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled once and kept between runs (Jinja's own cache, keyed by each template's source),
    so a fresh `broadcast script` does not compile its template again. A cache that cannot be read or
    written is no cache, never an error."""

    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _compiled_templates(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    # The compiled code depends on Jinja's version and the environment's options: each set has its own folder.
    options = (type(env).__name__, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
               getattr(env.autoescape, "__qualname__", env.autoescape),  # a function's repr holds its address
               getattr(env.finalize, "__qualname__", None))
    folder = user_cache(f"templates-{jinja2.__version__}-{zlib.crc32(repr(options).encode()):08x}")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        kept = folder.stat()
    except OSError:
        return None
    # Compiled code is run when loaded: trust only a folder that is ours and that nobody else can write to.
    if kept.st_mode & 0o022 or (hasattr(os, "getuid") and kept.st_uid != os.getuid()):
        return None
    return _CompiledTemplates(str(folder))


@cache
def environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    """The sandboxed environment of our templates (writers/templating.py), with the filters
    templates/README.md lists.

    One per set of folders for the whole process: templates are compiled once (an edited file is
    compiled again, Jinja checks its time), not once per story."""
    env = templating.environment(list(folders), FILTERS, autoescape=_markdown)
    env.finalize = _markdown_text  # before any template is compiled: the compiled code calls it
    env.bytecode_cache = _compiled_templates(env)  # the sandbox's checks are in the compiled code too
    return env

