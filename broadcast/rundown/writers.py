"""Rendering a bulletin: templates of the house style's `rundown/` folder, and the JSON writer.

Every `rundown/NAME.EXT.j2` of a house style is a bulletin format called NAME; they live in a folder of
their own so that the single-story formats keep their names. A story inside a bulletin is rendered by
including the house's single-story template, so a story reads the same alone and in a bulletin.
"""
from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, replace
from typing import Any, Callable

from ..writers.contract import seconds, story_dict
from ..errors import UsageError
from ..model import Fit, Timing
from ..writers.formats import Format, find, register
from ..writers.formats import formats as all_formats
from ..writers.story import TimedSegment, timed_segments
from ..writers.story_templates import environment, render_template
from ..timecode import format_time_of_day
from ..timing import as_shown
from .bulletin import Bulletin
from .model import BulletinTiming, Item, ItemTiming
from .timing import bulletin_as_shown


@dataclass(frozen=True)
class Row:
    """One item of the running order beside its timing, the shape templates walk."""

    item: Item
    timing: ItemTiming
    segments: tuple[TimedSegment, ...]  # a story's segments, its suggested cuts marked; empty otherwise
    cuts: Fit | None  # the bulletin's suggested cuts in this story, as a single story's Fit
    story_timing: Timing | None  # a story's timing as its own table shows it (rounded to add up)
    story_fit: Fit | None  # a story against its own slot, as its table shows it

    @property
    def story(self):
        return self.item.timed.story if self.item.timed else None


def _story_cuts(bulletin: Bulletin, index: int) -> Fit | None:
    cuts = tuple(c.cut for c in bulletin.fit.cuts if c.item == index)
    if not cuts:
        return None
    item = bulletin.items[index]
    return Fit(slot=item.duration - sum(c.saves for c in cuts), duration=item.duration, cuts=cuts)


def rows(bulletin: Bulletin, timing: BulletinTiming) -> list[Row]:
    """The running order beside `timing` (the bulletin's, as the table shows it)."""
    result = []
    for index, (item, item_timing) in enumerate(zip(bulletin.items, timing.items)):
        cuts = _story_cuts(bulletin, index)
        shown = as_shown(item.timed.story, item.timed.timing) if item.timed else None
        segments = tuple(timed_segments(item.timed.story, shown, cuts)) if item.timed and shown else ()
        own = item.timed.fit if item.timed else None
        fit = replace(own, duration=shown.duration) if own and shown else None
        result.append(Row(item=item, timing=item_timing, segments=segments, cuts=cuts, story_timing=shown, story_fit=fit))
    return result


@dataclass(frozen=True)
class CutRun:
    """Suggested cuts next to each other in the list that fall in one story: one line of the table."""

    slug: str
    source_lines: tuple[int, ...]
    saves: int


def cut_runs(bulletin: Bulletin) -> list[CutRun]:
    """The suggested cuts in their order, consecutive ones of the same story taken together."""
    return [
        CutRun(slug=slug, source_lines=tuple(c.cut.source_line for c in run), saves=sum(c.cut.saves for c in run))
        for slug, run in ((slug, list(run)) for slug, run in itertools.groupby(bulletin.fit.cuts, key=lambda c: c.slug))
    ]


def context(bulletin: Bulletin) -> dict[str, Any]:
    """What every bulletin template gets (documented in templates/README.md): times rounded to the second
    so that they add up, as for one story."""
    house = bulletin.house
    shown = bulletin_as_shown(bulletin.timing)
    return {
        "bulletin": bulletin,
        "rundown": bulletin.rundown,
        "timing": shown,
        "fit": bulletin.fit,
        "cut_runs": cut_runs(bulletin),
        "rows": rows(bulletin, shown),
        "floated": bulletin.floated,
        "house": house,
        "channel": house.channel_name(next((i.timed.story.language for i in bulletin.items if i.timed), "")),
        "width": int(house.settings.get("prompter_width", 32)),
    }


def _clock(milliseconds: int) -> dict[str, Any]:
    return {"s": seconds(milliseconds), "clock": format_time_of_day(milliseconds)}


def bulletin_dict(bulletin: Bulletin) -> dict[str, Any]:
    """The bulletin as JSON: each story is the story contract of docs/contract.md inside an item with its timing."""
    rundown, timing, fit = bulletin.rundown, bulletin.timing, bulletin.fit
    items = []
    for item, row in zip(bulletin.items, timing.items):
        entry = item.entry
        items.append(
            {
                "page": item.page,
                "slug": item.slug,
                "type": item.kind,
                "talent": item.talent,
                "file": str(entry.file.relative_to(rundown.folder)) if entry.file else None,
                "audio": str(entry.audio.relative_to(rundown.folder)) if entry.audio else None,
                "estimate": seconds(row.estimate),
                "cume": seconds(row.cume),
                "hit": seconds(row.hit),
                "hit_clock": format_time_of_day(row.hit),
                "back": seconds(row.back),
                "back_clock": format_time_of_day(row.back),
                "slot": seconds(entry.slot) if entry.slot is not None else None,
                "over": seconds(row.over) if row.over is not None else None,
                "story": story_dict(item.timed.story, item.timed.timing, item.timed.fit, item.timed.languages) if item.timed else None,
            }
        )
    return {
        "title": rundown.title,
        "house": bulletin.house.name,
        "date": rundown.date.isoformat() if rundown.date else None,
        "start": _clock(timing.start),
        "hard_out": _clock(timing.hard_out),
        "slot": seconds(timing.slot),
        "duration": seconds(timing.duration),
        "over": seconds(timing.over),
        "fits": timing.fits,
        "items": items,
        "floated": [entry.slug for entry in bulletin.floated],
        "fit": {
            "cuts": [
                {"slug": c.slug, "item": c.item, "segment": c.cut.segment, "line": c.cut.line,
                 "sentence": c.cut.sentence, "text": c.cut.text, "source_line": c.cut.source_line,
                 "saves": seconds(c.cut.saves)}
                for c in fit.cuts
            ],
            "floats": [{"slug": f.slug, "item": f.item, "saves": seconds(f.saves)} for f in fit.floats],
            "saves": seconds(fit.saves),
            "fits": fit.fits,
        },
    }


def _json(bulletin: Bulletin) -> str:
    return json.dumps(bulletin_dict(bulletin), ensure_ascii=False, indent=2) + "\n"


# Bulletin formats written by code rather than a template (the templates are the house's rundown/*.j2).
register(Format("json", "bulletin", ".json", write=_json, help="the bulletin with each story's contract (docs/contract.md)"))


def formats(bulletin: Bulletin) -> list[str]:
    return sorted(all_formats("bulletin", bulletin.house))


def render_bulletin(bulletin: Bulletin, to: str = "table", paint: Callable[[str, str], str] | None = None) -> str:
    """The bulletin in format `to`. `paint(text, color)`, when given, colours what the template paints (the
    command line passes its terminal colours: over in red, under in green)."""
    entry = find("bulletin", bulletin.house, to)
    if entry.write is not None:
        return entry.write(bulletin)
    if entry.template is None:
        raise UsageError(f"--to {to} writes a folder: give it with -o FOLDER")
    # Rooted at the house folder: `rundown/prompter.txt.j2` can then include the story's `prompter.txt.j2`.
    env = environment((bulletin.house.folder,))
    return render_template(env, entry.template, {**context(bulletin), "paint": paint})
