"""The library API the CLI stands on: everything the command line does, Python can do."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from . import languages
from .check import check
from .house import DEFAULT_HOUSE, House, load_house
from .model import Fit, Story, Timing, Warning
from .parse import parse_text
from .read import read_text
from .render import render
from .timing import fit as fit_story
from .timing import time_story
from .voices import Cast, VoiceProfile, cast_for, load_voices

if TYPE_CHECKING:  # the audio package is imported only when a draft is made: the script path stays light
    from .audio.draft import Draft
    from .rundown import Bulletin


@dataclass(frozen=True)
class Timed:
    """A story with everything decided about it: house style, cast, timing and slot."""

    story: Story
    house: House
    cast: Cast
    timing: Timing
    fit: Fit | None = None
    findings: tuple[Warning, ...] = ()  # what `broadcast check` reports (also among story.warnings)

    def render(self, to: str = "prompter", template: Path | None = None) -> str:
        return render(self.story, self.timing, self.house, to=to, fit=self.fit, template=template)


def load(
    source: str | Path,
    lang: str | None = None,
    house: str = DEFAULT_HOUSE,
    slot: float | None = None,
    voices: Iterable[Path] = (),
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
) -> Timed:
    """Read, parse and time an article (a path, or `-` for stdin), optionally against a slot in seconds."""
    return prepare(read_text(source), lang=lang, house=house, slot=slot, voices=voices, cast=cast, lexicons=lexicons)


def prepare(
    text: str,
    lang: str | None = None,
    house: str = DEFAULT_HOUSE,
    slot: float | None = None,
    voices: Iterable[Path] = (),
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
) -> Timed:
    """Parse and time article text already read; what the anchor may stumble on joins the warnings."""
    lexicons = tuple(lexicons)
    return prepare_with(text, load_house(house), load_voices(voices), lang=lang, slot=slot, cast=cast, lexicons=lexicons)


def prepare_with(
    text: str,
    house: House,
    profiles: dict[str, VoiceProfile],
    lang: str | None = None,
    slot: float | None = None,
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
    checked: bool = True,
) -> Timed:
    """`prepare` with the house style and voice profiles already loaded: a bulletin loads them once.

    `checked=False` leaves out the anchor's readability check, which timing does not need.
    """
    lexicons = tuple(lexicons)
    story = parse_text(text, language=lang, house=house, lexicons=lexicons)
    chosen = cast_for(story, profiles, cast)
    timing = time_story(story, chosen)
    fitted = fit_story(story, chosen, slot) if slot is not None else None
    language = languages.get(story.language, lexicons)
    findings = check(story, timing, chosen, language, house.super_width) if checked else []
    story = replace(story, warnings=tuple(sorted((*story.warnings, *findings), key=lambda warning: warning.line)))
    return Timed(story=story, house=house, cast=chosen, timing=timing, fit=fitted, findings=tuple(findings))


def script(source: str | Path, to: str = "prompter", template: Path | None = None, **options: object) -> str:
    """The rendered script of an article: `to` is a format name (prompter, script, markup, json, timing)."""
    return load(source, **options).render(to=to, template=template)  # type: ignore[arg-type]


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
    outputs: dict[str, str | Path | None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    **options: Any,
) -> "Draft":
    """Speak an article (a path, `-`, or a story already loaded) into an audio draft at `output` (.mp3, .wav).

    Beside it go captions (.srt, .vtt), a cue sheet (.cues.json) and a label track (.labels.txt);
    `outputs` moves one (`{"srt": "subs/a.srt"}`) or skips it (`{"vtt": None}`). `loudness` is the
    integrated target in LUFS (true peak stays at or under -1 dBTP); `options` go to `load()`.
    """
    from .audio.draft import make

    timed = source if isinstance(source, Timed) else load(source, **options)
    chosen = _draft_options(engine, loudness, conform, cache, outputs, bed=bed, sting=sting, outro=outro)
    return make(timed, output, chosen, progress)


def bulletin_audio(
    source: "str | Path | Bulletin",
    output: str | Path,
    engine: str | None = None,
    loudness: float = -23.0,
    conform: bool = True,
    cache: str | Path | None = None,
    outputs: dict[str, str | Path | None] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> "Draft":
    """Speak a whole bulletin (a rundown file, or a Bulletin already loaded) into one audio draft at `output`.

    Stories in running order, each in its own cast's voices; a break or sting is its sound file fit to
    its duration, or silence. With `conform`, each item starts at its cume time. Captions, cue sheet and
    label track go beside it as for `audio()`.
    """
    from .audio.bulletin import bulletin_draft
    from .rundown import Bulletin, load_bulletin

    bulletin = source if isinstance(source, Bulletin) else load_bulletin(source)
    return bulletin_draft(bulletin, output, _draft_options(engine, loudness, conform, cache, outputs), progress)


def _draft_options(engine, loudness, conform, cache, outputs, bed=None, sting=None, outro=None):
    """The audio package's Options from the API's plain arguments (paths as text or Path)."""
    from .audio.draft import Options

    def path(value):
        return Path(value) if value else None

    paths = {name: None if where is None else Path(where) for name, where in (outputs or {}).items()}
    return Options(
        engine=engine, loudness=loudness, conform=conform, bed=path(bed), sting=path(sting), outro=path(outro),
        cache=path(cache), outputs=paths,
    )
