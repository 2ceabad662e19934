"""The command line: parse arguments, call the library, map its errors to exit codes. Nothing else."""
from __future__ import annotations

import argparse
import signal
import sys
import threading

from . import __version__
from .commands import COMMANDS
from .errors import BroadcastError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, as every other error
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


class _Terminated(BaseException):
    """SIGTERM (or SIGHUP) arrived: unwind like Ctrl-C, so temporary files go and children are stopped."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated(signum)


def main(argv: list[str] | None = None) -> int:
    stops = (signal.SIGTERM, signal.SIGHUP) if threading.current_thread() is threading.main_thread() else ()
    previous = {stop: signal.signal(stop, _terminate) for stop in stops}
    try:
        args = build_parser().parse_args(argv)
        return args.run(args) or 0
    except BroadcastError as error:
        print(f"broadcast: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("broadcast: interrupted", file=sys.stderr)
        return 130
    except _Terminated as stop:
        print(f"broadcast: stopped ({signal.Signals(stop.args[0]).name})", file=sys.stderr)
        return 128 + stop.args[0]
    except BrokenPipeError:  # e.g. `broadcast script A | head`
        return 0
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)


if __name__ == "__main__":
    sys.exit(main())
