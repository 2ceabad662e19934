"""`broadcast audio`: the article spoken as an audio draft, with captions, a cue sheet and a label track."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..output import write_atomic
from ._progress import progress_bar
from ._options import add_article, add_draft_options, check_house, draft_options, load_article, read_files

NAME = "audio"
HELP = "speak an article into an audio draft (MP3/WAV) at broadcast loudness, with captions and cues"

# Caption and cue files: writer name -> (option, what it is).
_FILES = {
    "srt": ("--srt", "SubRip captions"),
    "vtt": ("--vtt", "WebVTT captions"),
    "cues": ("--cues", "the cue sheet (JSON)"),
    "labels": ("--labels", "the Audacity label track"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the audio draft: .mp3 or .wav")
    parser.add_argument(
        "--voice", metavar="VOICE", help="one voice profile for every segment (a quick listen; --cast sets roles)"
    )
    parser.add_argument("--bed", type=Path, metavar="FILE", help="music under the lead, ducked under its speech")
    parser.add_argument("--sting", type=Path, metavar="FILE", help="an intro sting before the story")
    parser.add_argument("--outro", type=Path, metavar="FILE", help="an outro after the story")
    add_draft_options(parser)
    parser.add_argument(
        "--no-captions", action="store_true", help="write only the audio: no captions, cue sheet or label track"
    )
    for name, (option, what) in _FILES.items():
        parser.add_argument(option, type=Path, metavar="PATH", dest=f"{name}_path", help=f"where to write {what}")
        parser.add_argument(f"--no-{option[2:]}", action="store_true", dest=f"no_{name}", help=f"do not write {what}")


def run(args: argparse.Namespace) -> int:
    from ..api import audio

    check_house(args)
    if args.voice:
        args.cast = [f"*={args.voice}", *args.cast]
    timed = load_article(args)
    outputs: dict[str, Path | None] = {}
    for name in _FILES:
        if args.no_captions or getattr(args, f"no_{name}"):
            outputs[name] = None
        elif getattr(args, f"{name}_path") is not None:
            outputs[name] = getattr(args, f"{name}_path")
    draft = audio(
        timed, args.output, bed=args.bed, sting=args.sting, outro=args.outro, outputs=outputs, progress=progress_bar(),
        reads=read_files(args),
        **draft_options(args),
    )
    write_atomic("-", report(draft))
    return 0


def report(draft) -> str:
    """What was written, how loud it measures, and each segment's audio against the script's estimate."""
    sheet = draft.sheet
    rows = summary(draft)
    rows.append(f"{'#':>2}  {'kind':<4}  {'voice':<18} {'script':>7} {'spoken':>7} {'audio':>7} {'diff':>6}")
    for number, cue in enumerate(sheet.segments, start=1):
        rows.append(
            f"{number:>2}  {cue.segment.kind:<4}  {cue.voice:<18} {cue.estimate / 1000:>6.1f}s {cue.spoken / 1000:>6.1f}s "
            f"{cue.duration / 1000:>6.1f}s {cue.difference:>+6.1%}"
        )
    total = (sheet.speech - sheet.estimate) / sheet.estimate if sheet.estimate else 0.0
    rows.append(f"{'':>2}  {'all':<4}  {'':<18} {sheet.estimate / 1000:>6.1f}s {'':>7} {sheet.speech / 1000:>6.1f}s {total:>+6.1%}")
    return "\n".join(rows) + "\n"


def summary(draft) -> list[str]:
    """The rows every draft's report opens with: files written, duration, clips, loudness as measured."""
    sheet = draft.sheet
    rows = [f"Wrote {', '.join(str(path) for path in draft.files)}"]
    reused = "; the same draft was rendered before: copied from the cache" if draft.reused else ""
    rows.append(f"Duration {sheet.duration / 1000:.1f} s; clips: {draft.made} made, {draft.cached} from cache{reused}")
    if sheet.loudness:
        # EBU R 128 allows +-0.5 LU; normalise() retries until inside, so this only shows on odd material.
        missed = abs(sheet.loudness.integrated - sheet.target) > 0.5 or sheet.loudness.true_peak > -1.0
        rows.append(
            f"Loudness {sheet.loudness.integrated:.1f} LUFS (target {sheet.target:g}), "
            f"true peak {sheet.loudness.true_peak:.1f} dBTP, range {sheet.loudness.range:.1f} LU"
            + ("  -- MISSES THE TARGET" if missed else "")
        )
    return rows
