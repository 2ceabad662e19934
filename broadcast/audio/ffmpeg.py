"""Find ffmpeg and hand out pydub configured to use it, quietly.

No system ffmpeg is needed: the imageio-ffmpeg wheel ships a static binary. It ships no ffprobe, so decode
with an explicit `format=`/`codec=` (pydub only probes when neither says what the input is).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import warnings
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import EngineError


@cache
def ffmpeg_exe() -> str:
    """The ffmpeg binary: the one on PATH, else imageio-ffmpeg's."""
    found = shutil.which("ffmpeg") or os.environ.get("IMAGEIO_FFMPEG_EXE") or _shipped()
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as error:
        raise EngineError(f"ffmpeg not found: install ffmpeg or the imageio-ffmpeg package ({error})") from None


def _shipped() -> str | None:
    """The binary in imageio-ffmpeg's wheel, found without importing the package: its get_ffmpeg_exe() imports
    importlib.resources and zipfile and runs `ffmpeg -version` to check the binary, a whole ffmpeg start (some
    15 ms of CPU and a process) on every render. A broken binary is told by the first run that uses it."""
    try:
        spec = importlib.util.find_spec("imageio_ffmpeg")
    except (ImportError, ValueError):
        return None
    folders = list(spec.submodule_search_locations or []) if spec else []
    binaries = [path for folder in folders for path in (Path(folder) / "binaries").glob("ffmpeg-*")
                if path.is_file() and os.access(path, os.X_OK)]
    return str(binaries[0]) if len(binaries) == 1 else None


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
