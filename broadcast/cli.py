"""The command line: parse arguments, call the library, map its errors to exit codes. Nothing else."""
from __future__ import annotations

import argparse
import signal
import sys
from typing import NoReturn

from . import __version__, regex_cache

# Before the commands' modules compile their rules on import: from the lists kept by the last run.
regex_cache.install()

from .commands import COMMANDS  # noqa: E402
from .commands._terminal import visible_output  # noqa: E402
from .errors import BroadcastError, UsageError  # noqa: E402
from .interrupt import Stopped, handled  # noqa: E402


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line and exit 2, as every other error
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="broadcast", description="Speech-ready broadcast scripts from a news article.")
    parser.add_argument("--version", action="version", version=f"broadcast {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    with visible_output():  # an article's escape sequences never reach the terminal raw
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    try:
        with handled():
            args = build_parser().parse_args(argv)
            return args.run(args) or 0
    except BroadcastError as error:
        print(f"broadcast: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("broadcast: interrupted", file=sys.stderr)
        return 130
    except Stopped as stop:
        print(f"broadcast: stopped ({signal.Signals(stop.signal).name})", file=sys.stderr)
        return 128 + stop.signal
    except BrokenPipeError:  # e.g. `broadcast script A | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
