"""`broadcast time`: how long every segment and the story run on air, against a slot; or many articles."""
from __future__ import annotations

import argparse
import sys

from ..output import check_outputs, write_atomic
from ._terminal import paint_over_under, use_color
from ._batch import add_batch_options, is_batch, run_batch
from ._options import add_article, check_house, load_article, load_options, read_files

NAME = "time"
HELP = "print the on-air timing of an article: segments, running total, over/under the slot"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser, many=True)
    add_batch_options(parser, "write the table to OUT (default - for stdout); with many articles a folder")


def run(args: argparse.Namespace) -> int:
    check_house(args)
    if is_batch(args.article, args.output):
        return run_batch(args, load_options(args), "timing", "timing.txt", checked=False)
    check_outputs([args.output], read_files(args))
    table = load_article(args, checked=False).render(to="timing")
    painted = args.output == "-" and use_color(sys.stdout)
    write_atomic(args.output, paint_over_under(table) if painted else table)
    return 0
