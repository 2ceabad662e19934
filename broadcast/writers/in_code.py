"""The bundled timing table (`timing.txt.j2`) and prompter (`prompter.txt.j2`) written in code as well, byte for
byte what Jinja2 makes of them: `broadcast time` and `script --to prompter` never import Jinja2.

Jinja2 is some 30-60 ms of a start, as long as the rest of a short story's run.

Only the very templates they copy are rendered here: a house style's template is written in code when its
text is exactly the one shipped (its length and checksum below); an edited copy, another house's own, a user's
`--template` go through Jinja2 as before. Editing the shipped template sends it to Jinja2 too (its output is
then the new template's), and tests/test_in_code.py says the code copy fell behind. Each function takes the
template context (writers/story.py `context`) and returns the text, or None for what it does not copy (Jinja2
renders it, with its own errors).
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Any, Callable

from .wrap import wrap
from ..timecode import format_duration

Written = Callable[[dict[str, Any]], "str | None"]

_ROW = "%-3s %-7s %-32s %7s %7s %7s"
_SUM = "%-44s %23s"
# The longest `"=" * width` the template's sandbox makes (templating.MAX_PRODUCT); Jinja2 refuses a longer one.
_LONGEST_RULE = 1_000_000


def timing_table(values: dict[str, Any]) -> str | None:
    """`timing.txt.j2`: every segment with its start, length and running total, then the slot and the cuts."""
    timing, fit = values["timing"], values["fit"]
    out = [f"{values['story'].title}\n", _ROW % ("#", "KIND", "SPEAKER / VOICE", "START", "DUR", "TOTAL") + "\n"]
    for s in values["segments"]:
        segment, timed = s.segment, s.timing
        who = segment.speaker.name if segment.speaker else timed.voice
        row = _ROW % (s.index, str(segment.kind).upper(), who[:32], format_duration(timed.start),
                      format_duration(timed.duration), format_duration(timed.end))
        out.append(row + ("  tape\n" if segment.tape is not None else "\n"))
    total = f"TOTAL (read {format_duration(timing.read)}, tape {format_duration(timing.tape)})"
    out.append(_SUM % (total, format_duration(timing.duration)) + "\n")
    if fit:
        out.append(_SUM % ("SLOT", format_duration(fit.slot)) + "\n")
        out.append(_SUM % ("OVER" if fit.over > 0 else "UNDER", format_duration(fit.over, signed=True)) + "\n")
        if fit.cuts:
            out.append("To fit, cut (lowest value first):\n")
            for c in fit.cuts:
                out.append(f"  line {c.source_line}  saves {format_duration(c.saves)}  {_truncate(c.text, 48, '…')}\n")
        if fit.still_over:
            lead = "  " if fit.cuts else ""
            out.append(f"{lead}still over by {format_duration(fit.still_over)} with every sentence that may go cut\n")
    return "".join(out)


def _truncate(text: str, length: int, end: str) -> str:
    """Jinja2's `truncate(length, end=end, leeway=0)`: at a word's end, `end` added."""
    text = str(text)
    if len(text) <= length:
        return text
    return text[: length - len(end)].rsplit(" ", 1)[0] + end


def prompter(values: dict[str, Any]) -> str | None:
    """`prompter.txt.j2`: the channel and title, then each segment's cue with its running time and its lines
    wrapped to the prompter's width (a nat's sound, a SOT's in and out words)."""
    width = values["width"]
    if not isinstance(width, int) or not 0 < width <= _LONGEST_RULE:
        return None
    out = [f"{str(values['channel']).upper()} — {values['story'].title}\n", "=" * width + "\n"]
    for s in values["segments"]:
        segment, timed = s.segment, s.timing
        duration = format_duration(timed.duration)
        out.append(f"\n{format_duration(timed.start)}  {s.cue}  ({duration})\n")
        if segment.kind == "nat":
            out.append(f"  NAT SOUND (not read): {segment.text}\n")
            out.append(f"  RUNS {duration}{' (no length given)' if segment.tape is None else ''}\n")
        elif segment.kind == "sot":
            words = segment.text.split()
            out.append(f"  IN:  {' '.join(words[:4])}…\n")
            out.append(f"  OUT: …{' '.join(words[-4:])}\n")
            out.append(f"  RUNS {duration}{' (tape)' if segment.tape is not None else ''}\n")
        else:
            lines = s.lines
            for number, line in enumerate(lines, 1):
                out.extend(f"{row}\n" for row in wrap(line.line.prompt, width))
                if number < len(lines):
                    out.append("\n")
    out.append(f"\n{format_duration(values['timing'].duration)}  [END]\n")
    return "".join(out)


# The shipped templates written in code: file name -> (length, CRC-32 of the bytes, the writer).
_COPIED: dict[str, tuple[int, int, Written]] = {
    "timing.txt.j2": (1172, 0xC5F5A79B, timing_table),
    "prompter.txt.j2": (988, 0x54211E13, prompter),
}

# What a template file was found to be, by its path, change time and size.
_FOUND: dict[tuple[str, int, int], Written | None] = {}


def writer(template: Path) -> Written | None:
    """The code that writes what template file `template` makes, if it is one of the shipped templates copied
    here, unchanged; else None."""
    copied = _COPIED.get(template.name)
    if copied is None:
        return None
    try:
        stat = os.stat(template)
        key = (str(template), stat.st_mtime_ns, stat.st_size)
        if key in _FOUND:
            return _FOUND[key]
        found = None
        if stat.st_size == copied[0]:
            with open(template, "rb") as stream:
                if zlib.crc32(stream.read()) == copied[1]:
                    found = copied[2]
    except (OSError, ValueError):
        return None
    _FOUND[key] = found
    return found
