"""broadcast: speech-ready broadcast scripts from a news article or transcript.

    >>> import broadcast
    >>> print(broadcast.script("article.txt", to="prompter"))
    >>> timed = broadcast.load("article.txt", slot=90)   # Story, cast, Timing and Fit
    >>> broadcast.audio("article.txt", "draft.mp3")      # audio draft, captions and cue sheet
    >>> broadcast.bulletin_audio("evening.toml", "bulletin.mp3")   # the whole bulletin's
"""
__version__ = "0.1.0"

from .api import Timed, audio, bulletin_audio, load, prepare, script  # noqa: E402

__all__ = ["Timed", "audio", "bulletin_audio", "load", "prepare", "script", "__version__"]
