"""`broadcast rundown`: a whole news slot — timing table, one prompter, one A/V script, JSON or MOS files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError
from ..output import Output, check_outputs, write_atomic, write_folder_atomic
from ..timecode import format_duration, parse_time_of_day
from ._options import add_draft_options, add_houses, add_voice_options, cast_option, draft_options, slot_seconds
from ._progress import progress_bar
from ._terminal import paint, use_color
from .audio import summary

NAME = "rundown"
HELP = "time a bulletin's running order (stories, breaks, stings) against its slot; prompter, script, JSON, MOS"

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rundown", help="the rundown file (TOML; see README, 'Bulletins')")
    parser.add_argument(
        "--to", metavar="FORMAT",
        help="table, prompter, script, json, mos, page (the prompter's HTML page) or another format of the house style; by "
        "default from OUT's extension "
        "(.json, .md, .mos), else table",
    )
    parser.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="output file (default - for stdout); for mos, a folder"
    )
    parser.add_argument(
        "--audio", metavar="FILE",
        help="also write the bulletin's audio draft (.mp3, .wav) with its captions, cue sheet and labels beside it",
    )
    add_draft_options(parser)
    add_voice_options(parser)
    add_houses(parser)
    parser.add_argument("--start", help="on-air time, e.g. 19:00:00 (overrides the file)")
    parser.add_argument("--slot", help="slot length, e.g. 10:00 (overrides the file)")


def _start(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return parse_time_of_day(text)
    except ValueError as error:
        raise UsageError(f"--start: {error}") from None


def run(args: argparse.Namespace) -> int:
    from ..prompter import page  # noqa: F401  registers the page format (the rundown's own modules are loaded anyway)
    from ..rundown import build, read_rundown, render_bulletin
    from ..rundown.bulletin import house_of
    from ..voices import voice_files
    from ..writers.formats import find, for_output

    if args.rundown == "-":
        raise UsageError("a rundown is read from its file (its stories are named from its folder), not from - (stdin)")
    audio = draft_options(args) if args.audio else None
    slot = round(slot_seconds(args.slot) * 1000) if args.slot is not None else None
    rundown = read_rundown(args.rundown, start=_start(args.start), slot=slot)
    # The formats are the house style's: its rundown templates, and the writers in code (json, mos, page).
    house = house_of(rundown, args.houses)
    chosen = find("bulletin", house, args.to or for_output("bulletin", house, args.output, "table"))
    if chosen.folder and args.output == "-":
        raise UsageError(f"--to {chosen.name} writes a folder of files: give it with -o FOLDER")
    # Only the JSON carries each story's readability findings; the other outputs need timing alone.
    bulletin = build(rundown, checked=chosen.name == "json", voices=args.voices, cast=cast_option(args), houses=args.houses)
    # -o never names the rundown or a story of it; a MOS folder is never written over anything but MOS files.
    reads = [*bulletin.inputs, *voice_files(args.voices)]
    folders = {Path(args.output): chosen.file_suffix} if chosen.folder else {}
    check_outputs([args.output] if not chosen.folder else [], reads, folders)
    # -o is made first (it is quick), so that with --audio it lands together with the draft: all or nothing.
    if chosen.folder_files is not None:
        made = Output(args.output, files=chosen.folder_files(bulletin), keep_suffix=chosen.file_suffix)
    else:
        painted = args.output == "-" and use_color(sys.stdout)
        made = Output(args.output, render_bulletin(bulletin, chosen.name, paint=paint if painted else None))
    if audio is None:
        if made.files is not None:
            write_folder_atomic(made.target, made.files, made.keep_suffix)
        else:
            write_atomic(made.target, made.data)
        return 0
    from ..api import bulletin_audio

    # Every output (-o, the audio, its captions) is checked before the render starts and all are put in
    # place together when it ends: a render that fails or is stopped leaves none of them written.
    draft = bulletin_audio(bulletin, args.audio, progress=progress_bar(), also_writes=[made], **audio)
    # The table may be on stdout: then the report goes to stderr, so a pipe gets the table alone.
    (sys.stderr if args.output == "-" else sys.stdout).write(report(draft))
    return 0


def report(draft) -> str:
    """The audio draft's summary, then each item: its start, its estimate in the rundown, what its speech (or
    sound file) ran, and its length in the audio."""
    rows = summary(draft)
    rows.append(f"{'page':<5} {'slug':<12} {'kind':<6} {'start':>8} {'script':>8} {'spoken':>8} {'audio':>8}")
    for item in draft.sheet.items:
        cut = ""
        if item.words_cut:
            cut = f"  ran {(item.spoken - item.duration) / 1000:.1f}s long: its last {item.words_cut / 1000:.1f}s of speech cut"
        elif item.spoken > item.duration:
            what = "closing pause shortened" if item.kind == "story" else "sound cut with a fade"
            cut = f"  ran {(item.spoken - item.duration) / 1000:.1f}s long: {what}"
        spoken = f"{item.spoken / 1000:>7.1f}s" if item.spoken else f"{'silence':>8}"
        rows.append(
            f"{item.page:<5} {item.slug[:12]:<12} {item.kind:<6} {format_duration(item.start):>8} "
            f"{item.estimate / 1000:>7.1f}s {spoken} {item.duration / 1000:>7.1f}s{cut}"
        )
    return "\n".join(rows) + "\n"
