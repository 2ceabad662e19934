"""Find ffmpeg and hand out pydub configured to use it, quietly.

No system ffmpeg is needed: the imageio-ffmpeg wheel ships a static binary. It ships no ffprobe, so decode
with an explicit `format=`/`codec=` (pydub only probes when neither says what the input is).
"""
from __future__ import annotations

import shutil
import warnings
from functools import cache
from typing import Any

from ..errors import EngineError


@cache
def ffmpeg_exe() -> str:
    """The ffmpeg binary: the one on PATH, else imageio-ffmpeg's."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as error:
        raise EngineError(f"ffmpeg not found: install ffmpeg or the imageio-ffmpeg package ({error})") from None


@cache
def audio_segment() -> Any:
    """pydub's AudioSegment, pointed at `ffmpeg_exe()`."""
    exe = ffmpeg_exe()
    # pydub warns at import when ffmpeg is not on PATH (we set it right after) and Python 3.11-3.12 warn
    # that its audioop is deprecated (audioop-lts replaces it on 3.13): noise on the user's terminal.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Couldn't find ff", category=RuntimeWarning)
        warnings.filterwarnings("ignore", message=".*audioop", category=DeprecationWarning)
        from pydub import AudioSegment
    AudioSegment.converter = exe
    return AudioSegment
