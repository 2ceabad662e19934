"""`broadcast voices`: the voice profiles there are, and whether their engine can speak now."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import languages
from ..errors import UsageError
from ..output import write_atomic
from ..voices import VoiceProfile, load_voices

NAME = "voices"
HELP = "list the voice profiles (packaged, the user's, --voices DIR) and whether their engine is ready"

_COLUMNS = ("name", "language", "role", "gender", "read_rate", "engine", "status")
_HEADINGS = ("VOICE", "LANG", "ROLE", "GENDER", "RATE", "ENGINE", "STATUS")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--voices", type=Path, action="append", default=[], metavar="DIR", help="a folder of extra voice profiles"
    )
    parser.add_argument("--lang", help="only the profiles of this language")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def describe(voice: VoiceProfile) -> dict[str, object]:
    """One profile with its engine's readiness; never touches the network (an online engine says so)."""
    from ..audio import engines  # the audio package is loaded only when a command needs it

    try:
        readiness = engines.get(voice.engine_name).readiness(voice)
        ready, online, detail = readiness.ready, readiness.online, readiness.detail
    except UsageError as error:  # an engine this installation does not have
        ready, online, detail = False, False, str(error)
    return {
        "name": voice.name,
        "language": voice.language,
        "role": voice.role,
        "gender": voice.gender,
        "read_rate": voice.read_rate,
        "engine": voice.engine_name,
        "ready": ready,
        "online": online,
        "status": detail or ("ready" if ready else "not ready"),
        "path": voice.path,
    }


def table(rows: list[dict[str, object]]) -> str:
    cells = [_HEADINGS] + [tuple(str(row[column]) for column in _COLUMNS) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(_COLUMNS) - 1)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[-1] + "\n" for line in cells
    )


def run(args: argparse.Namespace) -> int:
    if args.lang is not None:
        languages.get(args.lang)  # an unknown code is a usage error naming the known ones
    voices = [v for v in load_voices(args.voices).values() if args.lang in (None, v.language)]
    voices.sort(key=lambda v: (v.language, v.role, v.name))
    rows = [describe(voice) for voice in voices]
    write_atomic("-", json.dumps(rows, ensure_ascii=False, indent=2) + "\n" if args.json else table(rows))
    return 0
