"""`broadcast check`: what an anchor stumbles on, line by line, and how readable the story is."""
from __future__ import annotations

import argparse

from ..output import write_atomic
from ._options import add_article, load_article

NAME = "check"
HELP = "list what an anchor stumbles on: long sentences, figures, unknown abbreviations and names, long bites"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the report lists anything (for a pipeline)")


def run(args: argparse.Namespace) -> int:
    timed = load_article(args)
    write_atomic("-", timed.render(to="check"))
    return 1 if args.strict and timed.story.warnings else 0  # whatever the report lists
