"""The pipeline every output stands on: read, parse, cast, time and check a story (`Timed`, `load`, `prepare`).

Below the writers' users, the audio draft and the rundown; above read, parse, languages, timing and the writers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .languages import StoryLanguages, of_story
from .house import DEFAULT_HOUSE, House, load_house
from .model import Fit, Story, Timing, Warning
from .parse import parse_text
from .inputs import Read, read_input
from .timing import fit as fit_story
from .timing import time_story
from .voices import Cast, VoiceProfile, cast_for, load_voices


@dataclass(frozen=True)
class Timed:
    """A story with everything decided about it: house style, cast, timing and slot, and the languages it is said
    in (resolved once, with the user's lexicons: every later stage takes them from here)."""

    story: Story
    house: House
    cast: Cast
    timing: Timing
    fit: Fit | None = None
    findings: tuple[Warning, ...] = ()  # what `broadcast check` reports (also among story.warnings)
    languages: StoryLanguages = field(kw_only=True)  # `languages.of_story(story, lexicons)`

    def render(self, to: str = "prompter", template: Path | None = None) -> str:
        # Imported here: what the writers import is not needed by audio (and Jinja2, which a story's template
        # needs, only where the template is not one written in code: writers/in_code.py).
        from .writers.story import render

        return render(self.story, self.timing, self.house, to=to, fit=self.fit, template=template,
                      languages=self.languages, cast=self.cast)


def load(
    source: str | Path,
    lang: str | None = None,
    house: str = DEFAULT_HOUSE,
    slot: float | None = None,
    voices: Iterable[Path] = (),
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
    quotes: str = "sot",
    checked: bool = True,
    houses: Iterable[Path] = (),
) -> Timed:
    """Read, parse and time an article (a path, or `-` for stdin), optionally against a slot in seconds.

    `checked=False` leaves out what the anchor may stumble on (for outputs that do not show warnings)."""
    return prepare(
        read_input(source),  # .srt/.vtt/.docx/.html by suffix; what it set aside is warned, not read
        lang=lang, house=house, slot=slot, voices=voices, cast=cast, lexicons=lexicons, quotes=quotes,
        checked=checked, houses=houses,
    )


def prepare(
    text: str | Read,
    lang: str | None = None,
    house: str = DEFAULT_HOUSE,
    slot: float | None = None,
    voices: Iterable[Path] = (),
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
    quotes: str = "sot",
    checked: bool = True,
    houses: Iterable[Path] = (),
) -> Timed:
    """Parse and time article text already read (or what the read stage made of a file, its line numbers the
    file's); what the anchor may stumble on joins the warnings.

    `quotes`: a quote inside the copy's sentence is its speaker's SOT (`sot`) or stays in the copy (`read`).
    `house` is a house style's name (looked up in `houses`, the user's, the packaged) or its folder.
    """
    lexicons = tuple(lexicons)
    house_style, profiles = load_house(house, houses), load_voices(voices)
    return prepare_with(
        text, house_style, profiles, lang=lang, slot=slot, cast=cast, lexicons=lexicons, quotes=quotes, checked=checked
    )


def _check(story: Story, timing: Timing, cast: Cast, spoken: StoryLanguages, house: House) -> list[Warning]:
    from .check import check  # imported only for outputs that show its findings: the prompter starts faster

    return check(story, timing, cast, spoken, house.super_width)


def prepare_with(
    text: str | Read,
    house: House,
    profiles: dict[str, VoiceProfile],
    lang: str | None = None,
    slot: float | None = None,
    cast: dict[str, str] | None = None,
    lexicons: Iterable[Path] = (),
    checked: bool = True,
    quotes: str = "sot",
) -> Timed:
    """`prepare` with the house style and voice profiles already loaded: a bulletin loads them once.

    `checked=False` leaves out the anchor's readability check, which timing does not need.
    """
    lexicons = tuple(lexicons)
    read = text if isinstance(text, Read) else Read(text)
    story = read.place(parse_text(read.text, language=lang, house=house, lexicons=lexicons, quotes=quotes))
    spoken = of_story(story, lexicons)  # the story's and its segments' languages, once, with the user's lexicons
    chosen = cast_for(story, profiles, cast)
    timing = time_story(story, chosen, spoken)
    fitted = fit_story(story, chosen, slot, spoken) if slot is not None else None
    findings = _check(story, timing, chosen, spoken, house) if checked else []
    story = replace(story, warnings=tuple(sorted((*story.warnings, *findings), key=lambda warning: warning.line)))
    return Timed(story=story, house=house, cast=chosen, timing=timing, fit=fitted, findings=tuple(findings), languages=spoken)
