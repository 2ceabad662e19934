"""Audacity label track (.labels.txt): `start<TAB>end<TAB>label` in seconds, one segment a row, so an
editor who imports it beside the draft sees the segments marked."""
from __future__ import annotations

from ..cues import CueSheet, SegmentCue


def label(number: int, cue: SegmentCue) -> str:
    """`3 SOT Ирина Новикова / экономика ғылымдарының докторы (kk-guest-female)`."""
    who = cue.lower_third or cue.segment.role
    return f"{number} {cue.segment.kind.upper()} {who} ({cue.voice})"


def write(sheet: CueSheet) -> str:
    rows = [
        f"{cue.start / 1000:.6f}\t{cue.end / 1000:.6f}\t{label(number, cue)}"
        for number, cue in enumerate(sheet.segments, start=1)
    ]
    return "\n".join(rows) + "\n"
