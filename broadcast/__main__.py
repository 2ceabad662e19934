"""The command line as a program: `broadcast` (its entry point is `run`) and `python -m broadcast`.

A run is short and allocates much: the cyclic collector runs less often (before the imports, which allocate
most), and the process leaves without the interpreter's teardown (`cli.leave`).
"""
import gc

gc.set_threshold(50_000, 20, 10)  # Python's default is (700, 10, 10)

from typing import NoReturn  # noqa: E402

from .cli import leave, main  # noqa: E402


def run() -> NoReturn:
    leave(main())


if __name__ == "__main__":
    run()
