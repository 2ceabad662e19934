"""SubRip (.srt): numbered captions, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line between."""
from __future__ import annotations

from ...writers.formats import Format, register
from ..cues import CueSheet
from .layout import captions, timestamp


def write(sheet: CueSheet) -> str:
    blocks = [
        f"{number}\n{timestamp(c.start, ',')} --> {timestamp(c.end, ',')}\n{c.text}\n"
        for number, c in enumerate(captions(sheet), start=1)
    ]
    return "\n".join(blocks)


register(Format("srt", "cues", ".srt", write=write, help="SubRip captions"))
