"""`broadcast time`: how long every segment and the story run on air, against a slot."""
from __future__ import annotations

import argparse
import sys

from ..output import write_atomic
from ..terminal import paint_over_under, use_color
from ._options import add_article, load_article

NAME = "time"
HELP = "print the on-air timing of an article: segments, running total, over/under the slot"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)


def run(args: argparse.Namespace) -> int:
    table = load_article(args).render(to="timing")
    write_atomic("-", paint_over_under(table) if use_color(sys.stdout) else table)
    return 0
