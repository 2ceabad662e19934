"""Mastering an audio draft, a story's or a bulletin's: the mix brought to loudness once, encoded, and written
with its captions, cue sheet and label track, all renamed into place together.

The same draft is copied from the draft cache when its recipe was rendered before.
"""
from __future__ import annotations

import contextlib
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ..errors import DISK_FULL, UsageError
from ..output import Output, landed_together, nothing_written, printable
from ..output import check_outputs as check_files
from ..scratch import run_folder
from . import captions, mix
from .cache_limit import limit, prune, rendering
from .cues import CueSheet
from .draft_cache import DraftCache, Layout
from .loudness import EBU_R128, TRUE_PEAK_CEILING, Encoding, Loudness, normalise
from .programme import Encoder, PieceEncoder, Sink, WavSink
from .speech import Progress, Steps

FORMATS = ("mp3", "wav")
# The computed peak is the mix's true peak (BS.1770's 4x interpolation, level.true_peak), less what the encode
# takes off the level (as for the loudness); measured against ffmpeg's meter on the file it lands within 0.1 dB
# on the example and the bulletin. Raise this to report on the safe side of a meter instead.
TRUE_PEAK_ALLOWANCE = 0.0
# Speech brought to a target up to this loud peaks under -1 dBTP without a limiter (espeak speech peaks about
# 19 dB over its loudness): the level is computed and the mix streamed. Louder targets are metered and limited.
STREAMED_UP_TO = -20.0


@dataclass(frozen=True)
class Options:
    engine: str | None = None  # speak every segment with this engine instead of each voice's own
    loudness: float = EBU_R128  # integrated target, LUFS
    ceiling: float = TRUE_PEAK_CEILING  # true peak, dBTP
    conform: bool = True
    bed: Path | None = None  # music under the lead, ducked under its speech
    sting: Path | None = None  # played before the story
    outro: Path | None = None  # played after it
    cache: Path | None = None  # clip cache folder; None: ClipCache's default
    cache_size: str | int | None = None  # the cache's limit: bytes, or text ("2G", "none"); None: the setting
    # Caption and cue files by format name (captions.writers()): a path, or None to skip that file.
    # A writer left out is written beside the audio (draft.mp3 -> draft.srt).
    outputs: dict[str, Path | None] = field(default_factory=dict)
    # Files the command reads (the article, a rundown and its stories): no output may name one of them.
    reads: tuple[Path, ...] = ()
    # The command's other outputs (a rundown's -o: a file, stdout or a MOS folder), made before the render:
    # checked with the draft's and landed together with them, all or none.
    also_writes: tuple[Output, ...] = ()


@dataclass(frozen=True)
class Draft:
    sheet: CueSheet
    files: tuple[Path, ...]  # everything written: the audio first
    made: int  # clips synthesized by this render
    cached: int  # clips the cache already held
    reused: bool = False  # the same recipe was rendered before: its kept file was copied


@dataclass(frozen=True)
class Recipe:
    """What a draft is made of: how many clips it speaks, how its mix is made, how its cue sheet is drawn."""

    clips: int
    mixdown: Callable[[Sink, Steps], tuple[Layout, int]]  # writes the mix to the sink: (layout, clips made)
    sheet: Callable[[Layout], CueSheet]
    metered: bool = False  # the mix holds sounds whose loudness is not computed (a bed, a sting): meter it after


def check_outputs(output: Path, options: Options) -> dict[str, Path]:
    """The caption and cue paths; before any work, UsageError when an output names an input or another
    output, InputError when one cannot be written."""
    if output.suffix.lower().lstrip(".") not in FORMATS:
        raise UsageError(f"{output}: the audio draft is written as .mp3 or .wav")
    destinations = _caption_paths(output, options.outputs)
    reads = (*options.reads, options.bed, options.sting, options.outro)
    others = options.also_writes
    folders = {Path(other.target): other.keep_suffix for other in others if other.folder}
    check_files([*(other.target for other in others if not other.folder), output, *destinations.values()], reads, folders)
    return destinations


def encoding_for(output: Path, title: str, channel: str) -> Encoding:
    return Encoding(output.suffix.lower().lstrip("."), tags=(("title", title), ("artist", channel), ("album", channel)))


def settings(options: Options, encoding: Encoding) -> tuple:
    """The render settings every recipe holds."""
    return (options.conform, options.loudness, options.ceiling, mix.MIX_RATE, repr(encoding))


def master(
    output: Path, options: Options, encoding: Encoding, key: str, recipe: Recipe, cache: Path, progress: Progress | None
) -> Draft:
    """Mix (or copy the draft kept under `key`) at the programme level, encode it once, write it with its
    captions and cues.

    Every file goes to a temporary name first and all are put in place together at the end (output.Landing):
    an interrupted render leaves nothing under the output names, and one that cannot be put in place leaves
    every output as it was.
    """
    try:
        return _master(output, options, encoding, key, recipe, cache, progress)
    except OSError as error:
        if error.errno not in DISK_FULL:
            raise
        # a disk that filled where no write named its output (ffmpeg's pieces joined, a copy): none was put in place
        raise nothing_written(error.filename2 or error.filename or output, error) from None


def _master(
    output: Path, options: Options, encoding: Encoding, key: str, recipe: Recipe, cache: Path, progress: Progress | None
) -> Draft:
    destinations = check_outputs(output, options)
    size = limit(options.cache_size)  # a bad setting is told before any work
    drafts = DraftCache(cache / "drafts")
    steps = Steps(2 * recipe.clips + 1, progress)
    made = 0
    # The render's pin in the cache: a render beside it prunes nothing this one uses or makes (cache_limit.py).
    with rendering(cache), contextlib.ExitStack() as renames, run_folder(output.parent) as scratch:
        landing = renames.enter_context(landed_together())
        # Every folder the render writes temporary files in keeps its scratch folder for the whole render:
        # made and removed once, not once a clip (a folder made and removed costs more than the clip's write).
        for folder in (cache, cache / "takes", cache / "pieces", Path(tempfile.gettempdir())):
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
                renames.enter_context(run_folder(folder))
        kept = drafts.get(key, into=Path(scratch) / "kept.audio")  # copied as it is checked
        if kept:
            audio_temp = landing.path(output)
            try:
                shutil.move(kept[0], audio_temp)
            except OSError as error:  # a full disk: no output is put in place
                raise nothing_written(output, error) from None
            layout = kept[1]
        elif recipe.metered or options.loudness > STREAMED_UP_TO:
            # Sounds whose loudness is not computed (a bed, a sting), or a target loud enough that speech needs
            # a limiter: the mix is written whole, levels matched at R 128, then metered and normalised.
            mixed = Path(scratch) / "mix.wav"
            sink = WavSink(mixed, min(options.loudness, EBU_R128), options.ceiling)
            try:
                layout, made = recipe.mixdown(sink, steps)
            finally:
                sink.close()
            steps("loudness")
            audio_temp = landing.path(output)
            layout = replace(layout, loudness=normalise(mixed, audio_temp, encoding, options.loudness, options.ceiling))
            drafts.put(key, audio_temp, layout)
        else:
            # Speech (and sound files) brought to the programme level as laid and streamed into one encode; the
            # codec's known loss is made up by aiming that much higher. It is encoded in the scratch folder and
            # moved to the output's temporary name only when whole.
            encoded = Path(scratch) / f"draft.{encoding.format}"
            aim = options.loudness + encoding.loudness_loss
            encoder: Encoder | PieceEncoder = (
                PieceEncoder(encoded, encoding, aim, options.ceiling, cache / "pieces") if encoding.format == "mp3"
                else Encoder(encoded, encoding, aim, options.ceiling)
            )
            with encoder:
                layout, made = recipe.mixdown(encoder, steps)
            steps("loudness")
            timeline = encoder.timeline
            loudness = Loudness(
                integrated=round(timeline.loudness() - encoding.loudness_loss, 1),
                true_peak=round(timeline.peak - encoding.loudness_loss + TRUE_PEAK_ALLOWANCE, 1),
                range=timeline.range(),
            )
            layout = replace(layout, loudness=loudness)
            audio_temp = landing.path(output)
            shutil.move(encoded, audio_temp)
            drafts.put(key, audio_temp, layout)
        sheet = recipe.sheet(layout)
        files = [output]
        for name, path in destinations.items():
            temporary = landing.path(path)
            try:
                # surrogateescape: a file name that is not UTF-8 is written back as the bytes the file system has
                temporary.write_text(printable(captions.write(name, sheet)), encoding="utf-8", errors="surrogateescape")
            except OSError as error:  # a full disk: no output is put in place
                raise nothing_written(path, error) from None
            files.append(path)
        for other in options.also_writes:
            landing.write(other)
            files.extend([Path(other.target)] if str(other.target) != "-" else [])
        (progress or (lambda done, total, what: None))(1, 1, "written")
    prune(cache, size)  # the least recently used entries go while the cache is over its size
    return Draft(sheet=sheet, files=tuple(files), made=made, cached=recipe.clips - made, reused=kept is not None)


def _caption_paths(output: Path, chosen: dict[str, Path | None]) -> dict[str, Path]:
    """Where each caption and cue file goes: as `chosen` says, else beside the audio; None skips it."""
    stem = output.with_suffix("")
    paths = {name: chosen.get(name, Path(f"{stem}{entry.suffix}")) for name, entry in captions.writers().items()}
    return {name: path for name, path in paths.items() if path is not None}
