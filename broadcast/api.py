"""The library's public front: everything the command line does, Python can do (script, audio, bulletin_audio).

The work is done below: `pipeline` (load, prepare), `audio.story`, `rundown`; this module only joins them.
"""
from __future__ import annotations

from pathlib import Path
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from .pipeline import Timed, load, prepare, prepare_with

if TYPE_CHECKING:  # imported where a draft or a bulletin is made: `broadcast.load` stays light
    from .audio.master import Draft, Options
    from .output import Output
    from .rundown import Bulletin

__all__ = ["Timed", "audio", "bulletin_audio", "load", "prepare", "prepare_with", "script"]


def script(source: str | Path, to: str = "prompter", template: Path | None = None, **options: Any) -> str:
    """The rendered script of an article: `to` is a format name (prompter, script, markup, json, timing, check,
    page, or a template of the house style)."""
    if to == "page":
        from .prompter import page  # noqa: F401  registers the page format (imported only when asked for)
    return load(source, **options).render(to=to, template=template)


def audio(
    source: str | Path | Timed,
    output: str | Path,
    engine: str | None = None,
    loudness: float = -23.0,
    conform: bool = True,
    bed: str | Path | None = None,
    sting: str | Path | None = None,
    outro: str | Path | None = None,
    cache: str | Path | None = None,
    outputs: Mapping[str, str | Path | None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    reads: Iterable[str | Path] = (),
    cache_size: str | int | None = None,
    **options: Any,
) -> Draft:
    """Speak an article (a path, `-`, or a story already loaded) into an audio draft at `output` (.mp3, .wav).

    Beside it go captions (.srt, .vtt), a cue sheet (.cues.json) and a label track (.labels.txt);
    `outputs` moves one (`{"srt": "subs/a.srt"}`) or skips it (`{"vtt": None}`). `loudness` is the
    integrated target in LUFS (true peak stays at or under -1 dBTP); `options` go to `load()`. No output may
    name the article or a file in `reads` (checked before any work). `cache_size` (bytes, or "2G", "none")
    caps the cache; default BROADCAST_CACHE_SIZE, else 2 GB (least recently used entries go first).
    """
    from .audio.story import make

    timed = source if isinstance(source, Timed) else load(source, **options)
    chosen = _draft_options(engine, loudness, conform, cache, outputs, bed=bed, sting=sting, outro=outro,
                            cache_size=cache_size)
    sources = [*reads, *([] if isinstance(source, Timed) or str(source) == "-" else [source])]
    chosen = replace(chosen, reads=tuple(Path(path) for path in sources))
    return make(timed, output, chosen, progress)


def bulletin_audio(
    source: str | Path | Bulletin,
    output: str | Path,
    engine: str | None = None,
    loudness: float = -23.0,
    conform: bool = True,
    cache: str | Path | None = None,
    outputs: Mapping[str, str | Path | None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    also_writes: Iterable[Output] = (),
    cache_size: str | int | None = None,
) -> Draft:
    """Speak a whole bulletin (a rundown file, or a Bulletin already loaded) into one audio draft at `output`.

    Stories in running order, each in its own cast's voices; a break or sting is its sound file fit to
    its duration, or silence. With `conform`, each item starts at its cume time. Captions, cue sheet and
    label track go beside it as for `audio()`; `also_writes` are other outputs (`output.Output`: a file, stdout
    or a folder of files, already made), checked with these before any work and put in place together with
    them: all are written, or none.
    """
    from .rundown import Bulletin, load_bulletin
    from .rundown.audio import bulletin_draft

    bulletin = source if isinstance(source, Bulletin) else load_bulletin(source)
    chosen = replace(
        _draft_options(engine, loudness, conform, cache, outputs, cache_size=cache_size),
        reads=bulletin.inputs, also_writes=tuple(also_writes),
    )
    return bulletin_draft(bulletin, output, chosen, progress)


def _path(value: str | Path | None) -> Path | None:
    return Path(value) if value else None


def _draft_options(
    engine: str | None,
    loudness: float,
    conform: bool,
    cache: str | Path | None,
    outputs: Mapping[str, str | Path | None] | None,
    bed: str | Path | None = None,
    sting: str | Path | None = None,
    outro: str | Path | None = None,
    cache_size: str | int | None = None,
) -> Options:
    """The audio package's Options from the API's plain arguments (paths as text or Path)."""
    from .audio.master import Options

    paths = {name: None if where is None else Path(where) for name, where in (outputs or {}).items()}
    return Options(
        engine=engine, loudness=loudness, conform=conform, bed=_path(bed), sting=_path(sting), outro=_path(outro),
        cache=_path(cache), outputs=paths, cache_size=cache_size,
    )
