"""Options shared by the commands that read an article."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..errors import UsageError
from ..house import DEFAULT_HOUSE
from ..timecode import ACCEPTED, AMBIGUOUS_BELOW, is_bare_number, parse_duration

if TYPE_CHECKING:
    from ..model import Warning


def slot_seconds(text: str) -> float:
    """Seconds from a --slot value; a bare number under 10 (seconds or minutes?) is refused."""
    try:
        seconds = parse_duration(text)
    except ValueError as error:
        raise UsageError(f"--slot: {error}") from None
    if is_bare_number(text) and seconds < AMBIGUOUS_BELOW:
        raise UsageError(f"--slot {text.strip()}: seconds or minutes? write it as {ACCEPTED}")
    if seconds <= 0:
        raise UsageError("--slot must be longer than 0")
    return seconds


def add_article(parser: argparse.ArgumentParser, many: bool = False) -> None:
    """The article and the options that read and time it; `many`: articles, folders or globs (batch)."""
    if many:
        parser.add_argument(
            "article", nargs="+", help="the article or transcript (a path, or - for stdin); or many, a folder, a glob"
        )
    else:
        parser.add_argument("article", help="the article or transcript (a path, or - for stdin)")
    parser.add_argument("--lang", help="language code (kk, ru, en); detected when left out")
    parser.add_argument("--slot", help="the slot the story must fit: 1:30, 90s or 1.5m (a bare number is seconds, 10 or more)")
    parser.add_argument("--house", default=DEFAULT_HOUSE, help="house style (a name or a folder); default %(default)s")
    add_houses(parser)
    add_voice_options(parser)
    parser.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a lexicon of your own (TOML: expand, letters, word, say) on top of the packaged one",
    )
    parser.add_argument(
        "--quotes",
        choices=("sot", "read"),
        default="sot",
        help="a named person's quote inside the copy's sentence: their SOT (default) or read in the copy",
    )


def add_voice_options(parser: argparse.ArgumentParser) -> None:
    """`--voices` and `--cast`: what `audio`, the article commands and `rundown` share."""
    parser.add_argument(
        "--voices", type=Path, action="append", default=[], metavar="DIR", help="a folder of extra voice profiles"
    )
    parser.add_argument(
        "--cast",
        action="append",
        default=[],
        metavar="ROLE=VOICE",
        help="use voice profile VOICE for a role (anchor, reporter, guest), a role in another language "
        "(anchor:ru) or a speaker's name",
    )


def add_houses(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--houses", type=Path, action="append", default=[], metavar="DIR",
        help="a folder of house styles, searched by name before ~/.config/broadcast/houses/ and the packaged ones",
    )


def cast_option(args: argparse.Namespace) -> dict[str, str]:
    """`--cast ROLE=VOICE ...` as a mapping; UsageError on a malformed one."""
    cast = {}
    for item in args.cast:
        role, sep, voice = item.partition("=")
        if not sep or not role.strip() or not voice.strip():
            raise UsageError(f"--cast takes ROLE=VOICE, not {item!r}")
        cast[role.strip()] = voice.strip()
    return cast


def load_article(args: argparse.Namespace, checked: bool = True):
    """Read, parse and time the article the arguments name (`checked`: with what the anchor may stumble on)."""
    from ..pipeline import load

    article = args.article[0] if isinstance(args.article, list) else args.article
    timed = load(article, checked=checked, **load_options(args))
    for line in damage(article, timed.story.warnings):
        print(line, file=sys.stderr)
    return timed


def damage(article: str, warnings: Iterable[Warning]) -> list[str]:
    """What the reader could not decode (bytes that are not UTF-8), as lines for stderr: whatever the output
    shows of the warnings, the producer learns of it."""
    name = "stdin" if str(article) == "-" else str(article)
    return [
        f"broadcast: warning: {name}: line {warning.line}: {warning.message}"
        for warning in warnings if warning.kind == "encoding"
    ]


def check_house(args: argparse.Namespace) -> None:
    """`--house` names a house on the search path or a folder inside the article's (see check_given_house)."""
    from ..house import check_given_house

    articles = args.article if isinstance(args.article, list) else [args.article]
    check_given_house(args.house, args.houses, articles)


def read_files(args: argparse.Namespace) -> Iterator[Path | str]:
    """Every file an article command reads, which no output may name: the article (or stdin), --template,
    --lexicon, the voice profiles and the house style's files (settings, templates, sounds). Listed only when
    iterated: with stdout as the only output nothing needs them."""
    from ..house import house_files, load_house
    from ..voices import voice_files

    articles = args.article if isinstance(args.article, list) else [args.article]
    files = [*articles, getattr(args, "template", None), *args.lexicon]
    yield from (path for path in files if path is not None)
    yield from voice_files(args.voices)
    yield from house_files(load_house(args.house, args.houses))


def load_options(args: argparse.Namespace) -> dict:
    """`pipeline.load`'s keyword arguments from the article options, checked once for a whole batch."""
    from ..languages import codes

    if args.lang is not None and args.lang not in codes():
        raise UsageError(f"unknown language {args.lang!r}; known: {', '.join(codes())}")
    cast = cast_option(args)
    slot = slot_seconds(args.slot) if args.slot is not None else None
    return {
        "lang": args.lang, "house": args.house, "slot": slot, "voices": args.voices, "cast": cast,
        "lexicons": args.lexicon, "quotes": args.quotes, "houses": args.houses,
    }


def add_draft_options(parser: argparse.ArgumentParser) -> None:
    """What `broadcast audio` and `broadcast rundown --audio` share: engine, loudness, conform, clip cache."""
    parser.add_argument("--engine", help="speak every segment with this engine (espeak, gtts) instead of each voice's own")
    parser.add_argument(
        "--loudness", type=float, default=-23.0, metavar="LUFS",
        help="integrated loudness target: -23 (EBU R 128, default) or -16 for the web; true peak stays <= -1 dBTP",
    )
    parser.add_argument(
        "--conform", action=argparse.BooleanOptionalAction, default=True,
        help="time-stretch each line (0.8-1.25x) to the script's timing (default on)",
    )
    parser.add_argument("--cache", type=Path, metavar="DIR", help="the clip cache folder (shared by audio and rundown)")
    parser.add_argument(
        "--cache-size", metavar="SIZE",
        help="keep the cache under SIZE (e.g. 500M, 2G, or none), the least recently used entries going first "
        "(default: $BROADCAST_CACHE_SIZE, else 2G)",
    )


def draft_options(args: argparse.Namespace) -> dict:
    """The API's keyword arguments for a draft from those options, checked."""
    if not -70 < args.loudness < 0:
        raise UsageError("--loudness takes LUFS between -70 and 0, e.g. -23 or -16")
    if args.cache_size is not None:
        from ..audio.cache_limit import parse_size

        parse_size(args.cache_size)  # told before any work
    return {"engine": args.engine, "loudness": args.loudness, "conform": args.conform, "cache": args.cache,
            "cache_size": args.cache_size}


def page_formats_if_asked(to: str | None, output: object, house: str, houses: Iterable[Path] = ()) -> None:
    """Register the prompter page's formats (`page`, .html) when `--to` names a format not registered yet (the
    page, or an unknown name, which is then told among all of them) or `-o` has a suffix no format has: the
    page pulls in the rundown and its assets, which the quick formats do not pay for at every start."""
    from ..house import load_house
    from ..writers.formats import formats

    known = formats("story", load_house(house, houses))
    suffix = Path(str(output)).suffix.lower() if output not in (None, "-") else ""
    if (to and to not in known) or (not to and suffix and all(entry.suffix != suffix for entry in known.values())):
        from ..prompter import page  # noqa: F401  registers the formats
