"""Rendering a timed story: Jinja2 templates of the house style, and the story writers in code (JSON, check).

Every template `NAME.EXT.j2` in the house style's folder is an output format called NAME; adding a
format is adding a template (writers/formats.py is the table). The template context is documented in
templates/README.md.
"""
from __future__ import annotations

import json
import os
import textwrap
import zlib
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import jinja2
import markupsafe

from . import templating
from .contract import seconds, story_dict
from .formats import Format, find, register
from .formats import formats as all_formats
from .templating import render_template
from ..errors import InputError, UsageError
from ..house import House
from ..languages import StoryLanguages, of_story
from ..resources import user_cache
from ..model import Fit, Line, LineTiming, Segment, SegmentTiming, Story, Timing
from ..parse.cis import label
from ..parse.markup import MAGIC, escape, header
from ..readability import scores
from ..timecode import format_clock, format_duration, format_time_of_day
from ..timing import as_shown, sentences_of
from ..voices import Cast


@dataclass(frozen=True)
class TimedLine:
    line: Line
    timing: LineTiming
    cut: bool  # the whole line suggested for cutting to fit the slot
    # The line's sentences as written, each with whether it is suggested for cutting.
    parts: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class TimedSegment:
    index: int  # 1-based, as the rundown and prompter number them
    segment: Segment
    timing: SegmentTiming
    # The sentences suggested for cutting, as (segment, line, sentence) indexes: `lines` marks them.
    cuts: frozenset[tuple[int, int, int]] = field(default=frozenset(), repr=False)

    @cached_property
    def lines(self) -> tuple[TimedLine, ...]:
        """Each line beside its timing, its cut sentences marked: made when first read (a timing table, which shows
        segments only, makes none of a long story's lines)."""
        s = self.index - 1
        return tuple(
            _timed_line(s, i, line, line_timing, self.cuts)
            for i, (line, line_timing) in enumerate(zip(self.segment.lines, self.timing.lines))
        )

    @property
    def cue(self) -> str:
        """The prompter cue: `[VO]`, `[SOT: Name — title]`, `[SOT: Name — title · RU]` for another language."""
        speaker, kind = self.segment.speaker, self.segment.kind.upper()
        language = f" · {self.segment.language.upper()}" if self.segment.language else ""
        if kind in ("SOT", "STANDUP") and speaker:
            who = f"{speaker.name} — {speaker.title}" if speaker.title else speaker.name
            return f"[{kind}: {who}{language}]"
        return f"[{kind}{language}]"


class _OnFirstUse(Mapping[str, Any]):
    """A mapping computed when first read: the readability scores, which only some outputs show."""

    def __init__(self, compute: Callable[[], dict[str, Any]]) -> None:
        self._compute = compute

    @cached_property
    def _values(self) -> dict[str, Any]:
        return self._compute()

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def timed_segments(story: Story, timing: Timing, fit: Fit | None = None) -> list[TimedSegment]:
    """Story and timing side by side, the shape templates walk."""
    cuts = frozenset((c.segment, c.line, c.sentence) for c in fit.cuts) if fit else frozenset()
    return [
        TimedSegment(index=s + 1, segment=segment, timing=timed, cuts=cuts)
        for s, (segment, timed) in enumerate(zip(story.segments, timing.segments))
    ]


def _timed_line(s: int, i: int, line: Line, line_timing: LineTiming, cut: frozenset[tuple[int, int, int]]) -> TimedLine:
    if not cut or not any(unit[:2] == (s, i) for unit in cut):
        return TimedLine(line, line_timing, False, ((line.text, False),))
    parts = tuple((written, (s, i, k) in cut) for k, (written, _) in enumerate(sentences_of(line)))
    return TimedLine(line, line_timing, all(struck for _, struck in parts), parts)


def _wrap(text: str, width: int = 32) -> list[str]:
    """Rows of at most `width` characters; a dash never opens a row (it would read as a new speaker's quote)."""
    rows = _rows(text, width) or [""]
    for index in range(len(rows) - 1, 0, -1):
        head, _, rest = rows[index].partition(" ")
        if head in ("-", "–", "—"):
            rows[index - 1] += f" {head}"
            rows[index] = rest
    return [row for row in rows if row] or [""]


# The white space textwrap turns into spaces (its `_whitespace`, a tab expanded first): a line with none of it
# but spaces is split as it is.
_MUNGED = frozenset("\t\n\x0b\x0c\r")
_WORDS_AND_SPACES = textwrap.TextWrapper.wordsep_simple_re


def _rows(text: str, width: int) -> list[str]:
    """`textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)`, row for row: its greedy fill
    of words and runs of spaces, with the same rules for white space at a row's ends, without building a
    TextWrapper and translating every character of every line (the prompter wraps every line it shows: this
    was half of a render). Text with tabs or other line-breaking white space, or an odd width, goes to textwrap."""
    if type(width) is not int or width <= 0 or not _MUNGED.isdisjoint(text):
        return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    chunks = [chunk for chunk in _WORDS_AND_SPACES.split(text) if chunk]
    rows: list[str] = []
    index, count = 0, len(chunks)
    while index < count:
        if rows and chunks[index].strip() == "":  # white space opening a row after the first is dropped
            index += 1
        row: list[str] = []
        length = 0
        while index < count and length + len(chunks[index]) <= width:
            length += len(chunks[index])
            row.append(chunks[index])
            index += 1
        if not row and index < count:  # a word longer than the row stands on a row of its own, unbroken
            row.append(chunks[index])
            index += 1
        if row and row[-1].strip() == "":  # and white space closing a row
            row.pop()
        if row:
            rows.append("".join(row))
    return rows


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
    "wrap": _wrap,
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


def template_formats(house: House) -> dict[str, str]:
    """Format name -> template file name, for every template of the house style."""
    return {name: entry.template for name, entry in all_formats("story", house).items() if entry.template}


def _json(context: dict[str, Any]) -> str:
    exact = context["exact"]
    story = story_dict(context["story"], exact["timing"], exact["fit"], context["languages"])
    return json.dumps(story, ensure_ascii=False, indent=2) + "\n"


def _check(context: dict[str, Any]) -> str:
    """The `broadcast check` report: one row per finding, by input line, then the readability scores."""
    rows = [f"{context['story'].title}"]
    for warning in context["story"].warnings:
        where = f"line {warning.line}" if warning.line else "story"
        rows.append(f"{where:<9} {warning.kind:<13} {warning.message}")
    if not context["story"].warnings:
        rows.append("nothing found")
    scores = ", ".join(f"{name.upper() if name == 'lix' else name.capitalize()} {value}" for name, value in context["readability"].items())
    rows.append(f"readability: {scores}")
    return "\n".join(rows) + "\n"


# Formats that show no warnings: rendered without running the anchor's check (`shows_findings`).
QUIET_FORMATS = frozenset({"prompter", "timing"})


def shows_findings(to: str, template: Path | None = None) -> bool:
    """Whether format `to` (or a user's own template) shows the check's findings, so they must be found."""
    return template is not None or to not in QUIET_FORMATS


def output_suffix(to: str, house: House, template: Path | None = None) -> str:
    """How a batch names the output of format `to`: `prompter.txt`, `script.md`, `json` (A.json)."""
    if template is not None:
        return template.name.removesuffix(".j2")
    if to == "json":
        return "json"
    entry = all_formats("story", house).get(to)
    return f"{to}{entry.suffix}" if entry and entry.suffix else f"{to}.txt"


# Formats written by code rather than a template (a house style need not carry them).
register(Format("json", "story", ".json", write=_json, help="the story with its timing (docs/contract.md)"))
register(Format("check", "story", ".txt", write=_check, help="what the anchor may stumble on"))


def formats(house: House) -> list[str]:
    return sorted(all_formats("story", house))


def context(
    story: Story, timing: Timing, house: House, fit: Fit | None = None, languages: StoryLanguages | None = None,
    cast: Cast | None = None,
) -> dict[str, Any]:
    """What every template gets (documented in templates/README.md): times as a table shows them, rounded
    to the second so that they add up; `exact` keeps the milliseconds. `languages` as the pipeline resolved
    them (with the user's lexicons); without, the packaged and the user's own."""
    shown = as_shown(story, timing)
    spoken = languages or of_story(story)
    return {
        "story": story,
        "timing": shown,
        "segments": timed_segments(story, shown, fit),
        "fit": replace(fit, duration=shown.duration) if fit else None,
        "exact": {"timing": timing, "fit": fit},
        "house": house,
        "channel": house.channel_name(story.language),
        "width": int(house.settings.get("prompter_width", 32)),
        "markup_magic": MAGIC,
        "languages": spoken,
        "cast": cast,
        "readability": _OnFirstUse(lambda: scores(story, spoken)),
    }


def render(
    story: Story, timing: Timing, house: House, to: str = "prompter", fit: Fit | None = None, template: Path | None = None,
    languages: StoryLanguages | None = None, cast: Cast | None = None,
) -> str:
    """The story in format `to` of the house style, or through a user's own `template` file; `languages` as the
    pipeline resolved them, `cast` the voices it chose (the prompter page shows the anchor's pace)."""
    values = context(story, timing, house, fit, languages, cast)
    if template is not None:
        if not template.is_file():
            raise InputError(f"{template}: no such template")
        env = environment((template.parent, house.folder))
        name = template.name
    else:
        entry = find("story", house, to)
        if entry.write is not None:
            return entry.write(values)
        if entry.template is None:
            raise UsageError(f"format {to!r} writes files, not text")
        env, name = environment((house.folder,)), entry.template
    return render_template(env, name, values)
