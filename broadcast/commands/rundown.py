"""`broadcast rundown`: a whole news slot — timing table, one prompter, one A/V script, JSON or MOS files."""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import UsageError
from ..output import write_atomic
from ..terminal import use_color
from ..timecode import parse_time_of_day
from ._options import format_for, slot_seconds

NAME = "rundown"
HELP = "time a bulletin's running order (stories, breaks, stings) against its slot; prompter, script, JSON, MOS"

FORMATS = ("table", "prompter", "script", "json", "mos")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rundown", help="the rundown file (TOML; see README, 'Bulletins')")
    parser.add_argument(
        "--to", metavar="FORMAT", help=f"{', '.join(FORMATS)}; by default from OUT's extension (.json, .md, .mos), else table"
    )
    parser.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="output file (default - for stdout); for mos, a folder"
    )
    parser.add_argument("--audio", metavar="FILE", help="also write the bulletin's audio draft to FILE")
    parser.add_argument("--start", help="on-air time, e.g. 19:00:00 (overrides the file)")
    parser.add_argument("--slot", help="slot length, e.g. 10:00 (overrides the file)")


def _start(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return parse_time_of_day(text)
    except ValueError as error:
        raise UsageError(f"--start: {error}") from None


def _audio_writer():
    """The audio module's bulletin writer, checked before anything is read or written.

    The seam: `broadcast.audio.bulletin_draft(items, out)` gets the bulletin's items in running order
    (`broadcast.rundown.Item`: a timed story, or a break or sting with its duration and optional audio
    file) and writes one audio draft with its captions and cues.
    """
    try:
        audio = importlib.import_module("broadcast.audio")
    except ImportError:
        raise UsageError("audio drafts of a bulletin need the audio module (broadcast.audio), not installed here") from None
    writer = getattr(audio, "bulletin_draft", None)
    if writer is None:
        raise UsageError("audio drafts of a bulletin need the audio module's bulletin_draft(items, out); it has none yet")
    return writer


def run(args: argparse.Namespace) -> int:
    from ..rundown import load_bulletin, render_bulletin, write_mos

    args.to = args.to or format_for(args.output, "table")
    if args.to not in FORMATS:
        raise UsageError(f"unknown bulletin format {args.to!r}; known: {', '.join(FORMATS)}")
    if args.to == "mos" and args.output == "-":
        raise UsageError("--to mos writes a folder of MOS files: give it with -o FOLDER")
    audio = _audio_writer() if args.audio else None
    slot = round(slot_seconds(args.slot) * 1000) if args.slot is not None else None
    # Only the JSON carries each story's readability findings; the other outputs need timing alone.
    bulletin = load_bulletin(args.rundown, start=_start(args.start), slot=slot, checked=args.to == "json")
    if args.to == "mos":
        write_mos(bulletin, args.output)
    else:
        color = args.to == "table" and args.output == "-" and use_color(sys.stdout)
        write_atomic(args.output, render_bulletin(bulletin, args.to, color=color))
    if audio is not None:
        audio(bulletin.items, args.audio)
    return 0
