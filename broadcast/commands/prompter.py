"""`broadcast prompter`: the story or bulletin as a prompter page, or a live prompter server for a studio."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..house import DEFAULT_HOUSE
from ..output import check_outputs, write_atomic
from ._options import add_article, check_house, damage, load_options, read_files, slot_seconds

if TYPE_CHECKING:  # the prompter package (rundown, pipeline) is imported when this command runs, not at every start
    from ..prompter.source import Source

NAME = "prompter"
HELP = "a teleprompter page (HTML) of an article or a whole rundown, or a live prompter server (--serve)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    for action in parser._actions:  # the shared positional, said for this command: a rundown too
        if action.dest == "article":
            action.help = "the article, transcript or markup (a path, or - for stdin), or a rundown file (.toml)"
            action.metavar = "ARTICLE|RUNDOWN.toml"
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help="the page (default - for stdout)")
    parser.add_argument("--serve", action="store_true", help="serve the page live: screens in step, edits on air")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default %(default)s; others need the token)")
    parser.add_argument("--port", type=int, default=8700, help="port (default %(default)s; 0 picks a free one)")


def source(args: argparse.Namespace) -> Source:
    from ..prompter.source import Source, is_rundown

    if is_rundown(args.article):
        ignored = [name for name, given in (("--lang", args.lang), ("--house", args.house != DEFAULT_HOUSE),
                                            ("--voices", args.voices), ("--cast", args.cast), ("--lexicon", args.lexicon))
                   if given]
        if ignored:
            raise UsageError(f"{', '.join(ignored)}: a rundown names its own house, voices and languages per item")
        return Source(args.article, {"slot": slot_seconds(args.slot) if args.slot is not None else None, "houses": args.houses})
    return Source(args.article, load_options(args))


def run(args: argparse.Namespace) -> int:
    from ..prompter import render_page

    check_house(args)
    chosen = source(args)
    if not args.serve:
        check_outputs([args.output], chosen.inputs() if chosen.is_rundown else read_files(args))
    if not args.serve:
        document, warnings = chosen.read()
        for line in damage(args.article, warnings):
            print(line, file=sys.stderr)
        write_atomic(args.output, render_page(document))
        return 0
    if args.article == "-":
        raise UsageError("--serve follows a file on disk; give its path, not -")
    if args.output != "-":
        raise UsageError("--serve writes no file; leave out -o")
    if not 0 <= args.port <= 65535:
        raise UsageError("--port takes 0-65535")
    from ..prompter.server import (
        serve,  # the server's stack is imported only when it is asked for
    )

    serve(chosen, host=args.host, port=args.port)
    return 0
