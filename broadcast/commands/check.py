"""`broadcast check`: what an anchor stumbles on, line by line, and how readable the story is; or many."""
from __future__ import annotations

import argparse

from ..output import check_outputs, write_atomic
from ._batch import add_batch_options, is_batch, run_batch
from ._options import add_article, check_house, load_article, load_options, read_files

NAME = "check"
HELP = "list what an anchor stumbles on: long sentences, figures, unknown abbreviations and names, long bites"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser, many=True)
    parser.add_argument("--strict", action="store_true", help="exit 1 when the report lists anything (for a pipeline)")
    add_batch_options(parser, "write the report to OUT (default - for stdout); with many articles a folder")


def run(args: argparse.Namespace) -> int:
    check_house(args)
    if is_batch(args.article, args.output):
        return run_batch(args, load_options(args), "check", "check.txt", strict=args.strict)
    check_outputs([args.output], read_files(args))
    timed = load_article(args)
    write_atomic(args.output, timed.render(to="check"))
    return 1 if args.strict and timed.story.warnings else 0  # whatever the report lists
