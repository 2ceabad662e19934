"""The command line: parse arguments, call the library, map its errors to exit codes. Nothing else."""
from __future__ import annotations

from . import compile_cache

# Before anything compiles its patterns or dataclasses on import: from what the last run kept.
compile_cache.install()

import argparse  # noqa: E402
import atexit  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from typing import NoReturn  # noqa: E402

from . import __version__  # noqa: E402
from .commands import command, names  # noqa: E402
from .commands._terminal import visible_output  # noqa: E402
from .errors import DISK_FULL, BroadcastError, UsageError  # noqa: E402
from .interrupt import Stopped, handled  # noqa: E402


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line and exit 2, as every other error
        raise UsageError(message)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, the parser of that command alone, whose module alone is
    imported (building every command's options took longer than a short article takes to read)."""
    parser = _Parser(prog="broadcast", description="Speech-ready broadcast scripts from a news article.")
    parser.add_argument("--version", action="version", version=f"broadcast {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in names() if only is None else [only]:
        module = command(name)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _command_named(argv: list[str]) -> str | None:
    """The command the arguments name (the first that is not an option: the top level's options take no
    value), or None when it is not one of ours (argparse then tells the choices)."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in names() else None


def main(argv: list[str] | None = None) -> int:
    with visible_output():  # an article's escape sequences never reach the terminal raw
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    try:
        with handled():
            arguments = sys.argv[1:] if argv is None else argv
            args = build_parser(_command_named(arguments)).parse_args(arguments)
            return args.run(args) or 0
    except BroadcastError as error:
        print(f"broadcast: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("broadcast: interrupted", file=sys.stderr)
        return 130
    except Stopped as stop:
        import signal  # its enums, for the name: only here (the module's import is some 10M instructions)

        print(f"broadcast: stopped ({signal.Signals(stop.signal).name})", file=sys.stderr)
        return 128 + stop.signal
    except BrokenPipeError:  # e.g. `broadcast script A | head`
        return 0
    except OSError as error:
        if error.errno not in DISK_FULL:
            raise
        # A disk that fills (or a quota, a read-only remount) where no write named its file: still one line.
        named = error.filename2 or error.filename  # a copy names its source first, the file it writes second
        where = f"{named}: " if named else ""
        print(f"broadcast: {where}cannot write ({error.strerror}); no output was written", file=sys.stderr)
        return 1



def leave(code: int) -> NoReturn:
    """Exit with `code` as `sys.exit(code)` does, without the interpreter's teardown (freeing every module and
    object one by one, a tenth of a short run): the atexit functions run and stdout and stderr are flushed
    first. While another thread runs, as Python would wait for it, it is `sys.exit(code)`."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # each one's error is printed, as at a normal exit
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # `broadcast script A | head`: what was read is all that was wanted
            pass
        except (OSError, ValueError):
            code = code or 120  # what Python exits with when it cannot flush them
    os._exit(code)


if __name__ == "__main__":
    leave(main())
