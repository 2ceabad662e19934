"""Stopping a run: Ctrl-C, SIGTERM and SIGHUP always stop it, even when they land where Python drops them.

Python turns a signal into an exception at the next line of Python code that runs, which may be code that
cannot pass it on: a ctypes callback (espeak's), an at-fork hook run while a child process starts, a
finaliser. There the exception is printed as "Exception ignored" and the run would go on and exit 0. So
the handlers also remember the signal, and `checkpoint()`, called between the steps of a render and before
an output is put in place, raises it again.
"""
from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import signal
else:  # the C module: `signal`'s enums (their making is some 10M instructions of a start) are not used here
    import _signal as signal

_STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_pending: list[int] = []  # signals received in this run


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C, so temporary files go and children are stopped."""

    @property
    def signal(self) -> int:
        return int(self.args[0])


def _handle(signum: int, frame: object) -> None:
    _pending.append(signum)
    _raise(signum)


def _raise(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Stopped(signum)


def checkpoint() -> None:
    """Raise the stop a signal asked for, if one came (it may have been swallowed where it landed)."""
    if _pending:
        _raise(_pending[0])


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Within the block (in the main thread), every stop signal is remembered and raised; the handlers
    before are put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _pending.clear()
    previous = {stop: signal.signal(stop, _handle) for stop in _STOPS}
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)
        _pending.clear()
