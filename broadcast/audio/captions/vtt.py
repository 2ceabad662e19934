"""WebVTT (.vtt): the same captions as the SRT, for browsers and web players."""
from __future__ import annotations

from ...writers.formats import Format, register
from ..cues import CueSheet
from .layout import captions, timestamp


def write(sheet: CueSheet) -> str:
    blocks = ["WEBVTT\n"]
    for c in captions(sheet):
        blocks.append(f"{timestamp(c.start, '.')} --> {timestamp(c.end, '.')}\n{_escape(c.text)}\n")
    return "\n".join(blocks)


def _escape(text: str) -> str:
    # `<` and `&` open tags and entities in a cue's text; `-->` would end its timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("-->", "--&gt;")


register(Format("vtt", "cues", ".vtt", write=write, help="WebVTT captions"))
