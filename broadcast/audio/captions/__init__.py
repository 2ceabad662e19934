"""Writers over the cue sheet, one module each, chosen by name from one table (as aeneas's sync maps).

Each writer is `write(sheet: CueSheet) -> str`; `SUFFIXES` says what it appends to the draft's stem.
"""
from __future__ import annotations

from typing import Callable

from ..cues import CueSheet
from . import cuesheet, labels, srt, vtt

Writer = Callable[[CueSheet], str]

WRITERS: dict[str, Writer] = {
    "srt": srt.write,
    "vtt": vtt.write,
    "cues": cuesheet.write,
    "labels": labels.write,
}

# Beside `draft.mp3`: draft.srt, draft.vtt, draft.cues.json, draft.labels.txt.
SUFFIXES: dict[str, str] = {"srt": ".srt", "vtt": ".vtt", "cues": ".cues.json", "labels": ".labels.txt"}


def write(name: str, sheet: CueSheet) -> str:
    return WRITERS[name](sheet)
