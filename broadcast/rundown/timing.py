"""Bulletin timing: pure functions from the items' durations to cume, hit and back times, and the cuts
and floats that bring an over-running bulletin into its slot. No I/O.

A single story's rules are reused as they are (`broadcast.timing.cut_order`, `without`, `time_story`):
the bulletin only decides which story gives up its lines first.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Cut
from ..timecode import to_second
from ..timing import Unit, cut_order, sentences_of, time_story, without
from .model import BulletinFit, BulletinTiming, Float, Item, ItemTiming, LineCut

# The value of a line by the kind of its segment (lowest cut first), as a single story's cut order has it.
_TIER = {"vo": 0, "standup": 0, "sot": 1, "tag": 2, "lead": 3}


def time_bulletin(durations: Sequence[int], start: int, slot: int, slots: Sequence[int | None] = ()) -> BulletinTiming:
    """Cume, hit and back time of every item; `slots` holds each item's own slot (or None)."""
    hard_out = start + slot
    own = list(slots) or [None] * len(durations)
    remaining = total = sum(durations)
    cume, rows = 0, []
    for duration, item_slot in zip(durations, own):
        rows.append(
            ItemTiming(
                estimate=duration,
                cume=cume,
                hit=start + cume,
                back=hard_out - remaining,
                over=None if item_slot is None else duration - item_slot,
            )
        )
        cume += duration
        remaining -= duration
    return BulletinTiming(start=start, hard_out=hard_out, duration=total, items=tuple(rows))


def bulletin_as_shown(timing: BulletinTiming) -> BulletinTiming:
    """The bulletin's timing as its table shows it: every cume rounded to the second (`timecode.to_second`),
    every estimate the difference of the rounded cumes around it, hit and back times moved with them, so
    EST adds up to the next CUME and to the TOTAL, and BACK - HIT is the same for every row."""
    total = to_second(timing.duration)
    rows = []
    for row in timing.items:
        cume = to_second(row.cume)
        estimate = to_second(row.cume + row.estimate) - cume
        over = None if row.over is None else estimate - (row.estimate - row.over)
        hit = timing.start + cume
        rows.append(ItemTiming(estimate=estimate, cume=cume, hit=hit, back=timing.hard_out - total + cume, over=over))
    return replace(timing, duration=total, items=tuple(rows))


def time_items(items: Sequence[Item], start: int, slot: int) -> BulletinTiming:
    return time_bulletin([item.duration for item in items], start, slot, [item.entry.slot for item in items])


def _shortest(item: Item) -> int:
    """The story's duration with every line its cut order allows cut."""
    assert item.timed is not None
    story = item.timed.story
    return time_story(without(story, set(cut_order(story))), item.timed.cast, item.timed.languages).duration


def _floats(items: Sequence[Item], over: int) -> list[Float]:
    """Stories to float, from the bottom of the running order up, when cutting lines alone cannot fit.

    The top story stays: a bulletin opens with its lead. Breaks and stings are never floated.
    """
    stories = [i for i, item in enumerate(items) if item.timed is not None]
    short = {i: _shortest(items[i]) for i in stories}
    reachable = over - sum(items[i].duration - short[i] for i in stories)
    chosen = []
    for i in reversed(stories[1:]):
        if reachable <= 0:
            break
        chosen.append(Float(item=i, slug=items[i].slug, saves=items[i].duration))
        reachable -= short[i]
    return chosen


def fit_bulletin(items: Sequence[Item], slot: int) -> BulletinFit:
    """The cuts (lowest value first, later stories before earlier; no more than it takes) and floats that
    bring the bulletin within `slot` ms. Each cut's saving is measured by re-timing its story, so applied
    they add up."""
    duration = sum(item.duration for item in items)
    over = duration - slot
    if over <= 0:
        return BulletinFit(slot=slot, duration=duration)
    floats = _floats(items, over)
    floated = {f.item for f in floats}
    over -= sum(f.saves for f in floats)
    candidates = []
    for i, item in enumerate(items):
        if item.timed is None or i in floated:
            continue
        segments = item.timed.story.segments
        for rank, (s, line, sentence) in enumerate(cut_order(item.timed.story)):
            candidates.append((_TIER[segments[s].kind], -i, rank, i, (s, line, sentence)))
    def length(i: int, units: set[Unit]) -> int:
        timed = items[i].timed
        assert timed is not None
        return time_story(without(timed.story, units), timed.cast, timed.languages).duration

    picked: list[tuple[int, Unit]] = []
    units: dict[int, set[Unit]] = {}
    saves: dict[int, int] = {}  # by story: what its picked cuts save together
    for _, _, _, i, unit in sorted(candidates):
        if sum(saves.values()) >= over:
            break
        picked.append((i, unit))
        units.setdefault(i, set()).add(unit)
        saves[i] = items[i].duration - length(i, units[i])
    if sum(saves.values()) >= over:
        # As for one story: let go of the cuts the others already cover, the longest first.
        alone = {choice: items[choice[0]].duration - length(choice[0], {choice[1]}) for choice in picked}
        for i, unit in sorted(picked, key=lambda choice: alone[choice], reverse=True):
            without_it = items[i].duration - length(i, units[i] - {unit})
            if sum(saves.values()) - saves[i] + without_it >= over:
                picked.remove((i, unit))
                units[i].discard(unit)
                saves[i] = without_it
    chosen: dict[int, set[Unit]] = {}
    current = {i: item.duration for i, item in enumerate(items)}
    cuts = []
    for i, unit in picked:
        timed = items[i].timed
        assert timed is not None
        chosen.setdefault(i, set()).add(unit)
        after = length(i, chosen[i])
        s, line, sentence = unit
        written = timed.story.segments[s].lines[line]
        cut = Cut(segment=s, line=line, source_line=written.source_line, saves=current[i] - after, sentence=sentence,
                  text=sentences_of(written)[sentence][0])
        cuts.append(LineCut(item=i, slug=items[i].slug, cut=cut))
        current[i] = after
    return BulletinFit(slot=slot, duration=duration, cuts=tuple(cuts), floats=tuple(floats))


def apply_fit(items: Sequence[Item], fit: BulletinFit) -> list[Item]:
    """The items with the suggested floats left out and the suggested lines cut, each story re-timed.

    Never called behind the producer's back: the CLI only shows the suggestion; tests and tools apply it.
    """
    floated = {f.item for f in fit.floats}
    cut: dict[int, set[Unit]] = {}
    for line_cut in fit.cuts:
        cut.setdefault(line_cut.item, set()).add((line_cut.cut.segment, line_cut.cut.line, line_cut.cut.sentence))
    result = []
    for i, item in enumerate(items):
        if i in floated:
            continue
        if i in cut and item.timed is not None:
            story = without(item.timed.story, cut[i])
            timing = time_story(story, item.timed.cast, item.timed.languages)
            item = replace(item, duration=timing.duration, timed=replace(item.timed, story=story, timing=timing, fit=None))
        result.append(item)
    return result
