"""`broadcast script`: the article as a teleprompter script, A/V script, markup or JSON; or many articles."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UsageError
from ..output import check_outputs, write_atomic
from ._batch import add_batch_options, is_batch, run_batch
from ._options import add_article, check_house, load_article, load_options, page_formats_if_asked, read_files

NAME = "script"
HELP = "render an article as a prompter script, A/V script, markup, timing table or JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_article(parser, many=True)
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        help="prompter, script, markup, timing, json, check, page (the prompter's HTML page) or another format of the "
        "house style; by default from OUT's extension (.json, .md, .html), else prompter",
    )
    add_batch_options(parser, "output file (default - for stdout); with many articles a folder: one file each")
    parser.add_argument("--template", type=Path, metavar="PATH", help="render through your own Jinja2 template")


def run(args: argparse.Namespace) -> int:
    from ..house import load_house
    from ..writers.formats import for_output
    from ..writers.story import output_suffix, shows_findings

    check_house(args)
    batch = is_batch(args.article, args.output)
    page_formats_if_asked(args.to, None if batch else args.output, args.house, args.houses)
    # Without --to, the output's suffix names the format when one format of the house style has it (.json, .md).
    house = load_house(args.house, args.houses)
    to = args.to or ("prompter" if batch else for_output("story", house, args.output, "prompter"))
    checked = shows_findings(to, args.template)
    if batch:
        options = load_options(args)
        return run_batch(args, options, to, output_suffix(to, house, args.template), args.template, checked)
    if args.template is None:
        _suffix_matches(args.output, to, Path("x." + output_suffix(to, house)).suffix)
    check_outputs([args.output], read_files(args))
    timed = load_article(args, checked=checked)
    write_atomic(args.output, timed.render(to=to, template=args.template))
    return 0


def _suffix_matches(output: str, to: str, suffix: str) -> None:
    """`-o x.html --to prompter`, `-o x.docx`: a name whose extension is not the format's is a usage error,
    not a wrongly named file."""
    given = Path(str(output)).suffix.lower()
    if str(output) != "-" and given and suffix and given != suffix.lower():
        raise UsageError(f"-o {output}: a {to} output is a {suffix} file; name it so, or choose the format with --to")
