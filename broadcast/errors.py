"""Errors meant for people. The CLI maps each type to an exit code (docs/contract.md#exit-codes) in one place."""

import errno

# A write that fails for want of room or permission on the disk (full, over quota, remounted read-only, over
# the file size limit): the output's fault to say in one line, never a traceback.
DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG})


class BroadcastError(Exception):
    """Base class: the message is one line that names the problem."""

    exit_code = 1


class InputError(BroadcastError):
    """The input or a resource (template, voice profile, lexicon) is bad."""

    exit_code = 1


class UsageError(BroadcastError):
    """The command was called wrongly (unknown format, bad option value)."""

    exit_code = 2


class EngineError(BroadcastError):
    """A speech engine or the network failed."""

    exit_code = 3


def unreadable(name: str, error: OSError, what: str = "a file") -> InputError:
    """The one line for a file that cannot be opened: missing, a folder where `what` was meant, locked, or why not."""
    if isinstance(error, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return InputError(f"{name}: is a directory, not {what}")
    if isinstance(error, PermissionError):
        return InputError(f"{name}: permission denied")
    return InputError(f"{name}: cannot read ({error.strerror or error})")
