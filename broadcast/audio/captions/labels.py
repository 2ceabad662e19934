"""Audacity label track (.labels.txt): `start<TAB>end<TAB>label` in seconds, one segment a row, so an
editor who imports it beside the draft sees the segments marked (a bulletin's items too)."""
from __future__ import annotations

from ...writers.formats import Format, register
from ..cues import CueSheet, ItemCue, SegmentCue


def label(number: int, cue: SegmentCue) -> str:
    """`3 SOT Ирина Новикова / экономика ғылымдарының докторы (kk-guest-female)`."""
    who = cue.lower_third or cue.segment.role
    return f"{number} {cue.segment.kind.upper()} {who} ({cue.voice})"


def item_label(item: ItemCue) -> str:
    """`A2 BELARUS (story)`."""
    return f"{item.page} {item.slug} ({item.kind})"


def write(sheet: CueSheet) -> str:
    numbers = {id(cue): number for number, cue in enumerate(sheet.segments, start=1)}
    # A bulletin's track marks each item, then the segments inside it; a story's marks its segments.
    marks = [(item, item_label(item)) for item in sheet.items] + [(cue, label(numbers[id(cue)], cue)) for cue in sheet.segments]
    marks.sort(key=lambda mark: (mark[0].start, not isinstance(mark[0], ItemCue)))
    return "".join(f"{cue.start / 1000:.6f}\t{cue.end / 1000:.6f}\t{text}\n" for cue, text in marks)


register(Format("labels", "cues", ".labels.txt", write=write, help="the Audacity label track"))
