"""Writers over the cue sheet (SRT, WebVTT, cue JSON, the Audacity label track), one module each, as aeneas's sync
maps, each an entry of the one table of output formats (writers/formats.py, subject `cues`).

Each registers itself beside its code; the audio draft writes every one of them beside the audio unless told
otherwise.
"""
from __future__ import annotations

from ...writers.formats import Format, find, formats
from ..cues import CueSheet
from . import srt, vtt, cuesheet, labels  # noqa: F401  each registers its format, in this order beside the audio


def writers() -> dict[str, Format]:
    """The cue-sheet formats by name; each one's `suffix` is what it appends to the draft's stem (draft.srt)."""
    return formats("cues")


def write(name: str, sheet: CueSheet) -> str:
    entry = find("cues", None, name)
    assert entry.write is not None  # a cue-sheet format is written by code
    return entry.write(sheet)
