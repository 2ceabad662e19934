"""`broadcast script`: the article as a teleprompter script, A/V script, markup or JSON."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..output import check_outputs, write_atomic
from ._options import add_article, format_for, load_article

NAME = "script"
HELP = "render an article as a prompter script, A/V script, markup, timing table or JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser)
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        help="prompter, script, markup, timing, json; by default from OUT's extension (.json, .md), else prompter",
    )
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help="output file (default - for stdout)")
    parser.add_argument("--template", type=Path, metavar="PATH", help="render through your own Jinja2 template")


def run(args: argparse.Namespace) -> int:
    to = args.to or format_for(args.output, "prompter")
    check_outputs([args.output], [args.article, args.template, *args.lexicon])
    timed = load_article(args)
    write_atomic(args.output, timed.render(to=to, template=args.template))
    return 0
