"""Errors meant for people. The CLI maps each type to an exit code (docs/contract.md#exit-codes) in one place."""


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
