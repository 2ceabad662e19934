"""A bulletin: the rundown file read, every story parsed and timed, the whole timed against its slot."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from .. import languages
from ..pipeline import Timed, prepare_with
from ..errors import InputError, UsageError
from ..house import House, house_files, load_house
from ..inputs import read_input
from ..voices import VoiceProfile, load_voices
from .file import read_presenters, read_rundown
from .model import BulletinFit, BulletinTiming, Entry, Item, Presenter, Rundown
from .timing import fit_bulletin, time_items


@dataclass(frozen=True)
class Bulletin:
    """The rundown with its items ready for air (floated ones left out), their timing and the fit."""

    rundown: Rundown
    house: House
    items: tuple[Item, ...]
    timing: BulletinTiming
    fit: BulletinFit

    @property
    def floated(self) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.rundown.entries if entry.floated)

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file the bulletin is read from: the rundown, its stories and sounds, its house style's files (no
        output may name one)."""
        return (*self.rundown.inputs, *house_files(self.house))


def _block(index: int) -> str:
    """A, B, … Z, AA, AB …: the letter of the block between breaks."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def page_numbers(kinds: Sequence[str]) -> list[str]:
    """Page numbers as a running order has them: A1, A2 …, the break closes block A, then B1 …"""
    pages, block, number = [], 0, 0
    for kind in kinds:
        number += 1
        pages.append(f"{_block(block)}{number}")
        if kind == "break":
            block, number = block + 1, 0
    return pages


def _story(
    rundown: Rundown, entry: Entry, house: House, profiles: dict[str, VoiceProfile], checked: bool,
    presenters: dict[str, Presenter], cast: dict[str, str],
) -> Timed:
    """Read, parse and time one story of the rundown; any error names the rundown and the item.

    Its anchor is, first, the item's `voice`, then `--cast`, then its presenter's voice and read rate."""
    assert entry.file is not None
    slot = entry.slot / 1000 if entry.slot is not None else None
    try:
        # By suffix, as a story on its own (.docx, .html, .srt work here too); a stray byte is refused, not warned:
        # the rundown's table shows no story's warnings.
        read = read_input(entry.file, strict=True)
        chosen = dict(cast)
        presenter = presenters.get(entry.presenter)
        if presenter is not None and not {"anchor", "*"} & set(cast):
            language = entry.lang or languages.detect(read.text)
            anchor = _presenting(presenter, language, profiles)
            if anchor is not None:
                profiles = {**profiles, anchor.name: anchor}
                chosen["anchor"] = anchor.name
            # A bilingual presenter reads a segment in their other language (a [LEAD ru]) in their voice for it.
            for other in sorted(set(presenter.voices) - {language}):
                voice = _presenting(presenter, other, profiles, name=f"{presenter.name} ({other})")
                if voice is not None and f"anchor:{other}" not in cast:
                    profiles = {**profiles, voice.name: voice}
                    chosen[f"anchor:{other}"] = voice.name
        if entry.voice:
            chosen["anchor"] = entry.voice
        return prepare_with(read, house, profiles, lang=entry.lang, slot=slot, cast=chosen or None, checked=checked)
    except InputError as error:
        name = str(entry.file.relative_to(rundown.folder))
        message = str(error).replace(str(entry.file), name)
        if message.startswith("line "):  # a parse error names a line: say of which file
            message = f"{name}: {message}"
        raise InputError(f"{rundown.path.name} {entry.name}: {message}") from None


def _presenting(
    presenter: Presenter, language: str, profiles: dict[str, VoiceProfile], name: str | None = None
) -> VoiceProfile | None:
    """The anchor voice of `presenter` in `language`: their own profile for it when it speaks the language,
    else the language's first anchor, at their read rate in it; named after them. None when nothing fits."""
    chosen = presenter.voice_in(language)
    own = profiles.get(chosen) if chosen else None
    if chosen and own is None:
        raise InputError(f"presenters: {presenter.name}: unknown voice profile {chosen!r}")
    if own is not None and language in presenter.voices and own.language != language:
        raise InputError(f"presenters: {presenter.name}'s voice for {language} is {chosen!r}, a {own.language} voice")
    if own is None or own.language != language:
        own = next((p for p in profiles.values() if p.language == language and p.role == "anchor"), None)
    if own is None:
        return None
    return replace(own, name=name or presenter.name, read_rate=presenter.rate_in(language) or own.read_rate)


def house_of(rundown: Rundown, houses: Iterable[Path] = ()) -> House:
    """The house style the rundown names: a name on the search path (`houses` first) or a folder inside the
    rundown's folder. One it names that does not exist is the file's mistake (exit 1)."""
    try:
        return load_house(rundown.house, houses, within=rundown.folder)
    except UsageError as error:  # named in the file, so the file is wrong, not the command
        raise InputError(f"{rundown.path.name}: {error}") from None


def build(
    rundown: Rundown, voices: Iterable[Path] = (), checked: bool = True, cast: dict[str, str] | None = None,
    houses: Iterable[Path] = (),
) -> Bulletin:
    """Time a rundown already read: stories parsed once each, floated items left out; `checked=False`
    leaves out each story's readability findings, which timing does not need. `cast` is `--cast`'s, for every
    story; presenters come from the rundown's [presenters], then the house style's (see `house_of`)."""
    house = house_of(rundown, houses)
    profiles = load_voices(voices)
    presenters = {**read_presenters(house.presenters, lambda message: InputError(f"house style {house.name}: {message}")),
                  **rundown.presenters}
    entries = [entry for entry in rundown.entries if not entry.floated]
    if not entries:
        raise InputError(f"{rundown.path.name}: every item is floated; nothing to put on air")
    items = []
    for entry, page in zip(entries, page_numbers([entry.kind for entry in entries])):
        if entry.kind == "story":
            timed = _story(rundown, entry, house, profiles, checked, presenters, cast or {})
            items.append(Item(entry=entry, page=page, duration=timed.timing.duration, timed=timed))
        else:
            assert entry.duration is not None
            items.append(Item(entry=entry, page=page, duration=entry.duration))
    return Bulletin(
        rundown=rundown,
        house=house,
        items=tuple(items),
        timing=time_items(items, rundown.start, rundown.slot),
        fit=fit_bulletin(items, rundown.slot),
    )


def load_bulletin(
    path: str | Path, start: int | None = None, slot: int | None = None, voices: Iterable[Path] = (), checked: bool = True,
    cast: dict[str, str] | None = None, houses: Iterable[Path] = (),
) -> Bulletin:
    """Read the rundown file at `path` and time the bulletin; `start`, `slot` (ms) override the file's; `voices`
    and `cast` as `broadcast audio` takes them; `houses` as `--houses`."""
    return build(read_rundown(path, start=start, slot=slot), voices=voices, checked=checked, cast=cast, houses=houses)
