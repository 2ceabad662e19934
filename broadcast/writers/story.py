"""Rendering a timed story: Jinja2 templates of the house style, and the story writers in code (JSON, check).

Every template `NAME.EXT.j2` in the house style's folder is an output format called NAME; adding a
format is adding a template (writers/formats.py is the table). The template context is documented in
templates/README.md.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from .contract import story_dict
from .formats import Format, find, register
from .formats import formats as all_formats
from ..errors import InputError, UsageError
from ..house import House
from ..languages import StoryLanguages, of_story
from ..model import Fit, Line, LineTiming, Segment, SegmentTiming, Story, Timing
from ..parse.markup import MAGIC
from ..readability import scores
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
    folders: tuple[Path, ...]
    if template is not None:
        if not template.is_file():
            raise InputError(f"{template}: no such template")
        folders, name = (template.parent, house.folder), template.name
    else:
        entry = find("story", house, to)
        if entry.write is not None:
            return entry.write(values)
        if entry.template is None:
            raise UsageError(f"format {to!r} writes files, not text")
        folders, name = (house.folder,), entry.template
        # The shipped timing table and prompter, unchanged: written in code, without importing Jinja2.
        from .in_code import writer

        written = writer(house.folder / name)
        out = written(values) if written is not None else None
        if out is not None:
            return out
    from .story_templates import environment, render_template

    return render_template(environment(folders), name, values)


def __getattr__(name: str) -> Any:
    """What moved to writers/story_templates.py with Jinja2 (`environment`, `FILTERS`, `render_template`), for
    code that still imports it from here: imported when first asked for."""
    if name in ("environment", "FILTERS", "render_template", "_compiled_templates"):
        from . import story_templates

        return getattr(story_templates, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
