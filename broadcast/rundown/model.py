"""A bulletin in the newsroom's words: the rundown as written, its items ready for air, their timing.

Plain data, no I/O. Times are integer milliseconds (clock times: milliseconds after midnight), so every
sum is exact and hit time + duration always lands on the next hit time.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..pipeline import Timed
from ..model import AgainstSlot, Cut

ItemKind = Literal["story", "break", "sting"]
ITEM_KINDS: tuple[str, ...] = ("story", "break", "sting")


@dataclass(frozen=True)
class Entry:
    """One `[[item]]` of the rundown file, as written (paths resolved, times in milliseconds)."""

    number: int  # 1-based position in the file, for messages
    kind: ItemKind
    slug: str
    file: Path | None = None  # a story's article or markup script
    duration: int | None = None  # a break's or sting's fixed length
    slot: int | None = None  # a story's own slot
    presenter: str = ""
    voice: str | None = None  # voice profile for the anchor
    lang: str | None = None
    audio: Path | None = None  # a break's or sting's own audio file, for the audio draft
    floated: bool = False  # kept in the file, left out of timing and outputs

    @property
    def name(self) -> str:
        """How messages name the item: `item 3 (BELARUS)`."""
        return f"item {self.number} ({self.slug})"


@dataclass(frozen=True)
class Presenter:
    """A person on air: the voice profile that stands in for them in the audio draft, and their own read rate
    (syllables a second), so stories they present are timed at their pace. Either may be left out."""

    name: str
    voice: str | None = None
    read_rate: float | None = None
    # A bilingual presenter: a voice profile and a read rate for each language they read (kk, ru ...). A language
    # missing here takes `voice` and `read_rate`.
    voices: dict[str, str] = field(default_factory=dict)
    rates: dict[str, float] = field(default_factory=dict)

    def voice_in(self, language: str) -> str | None:
        return self.voices.get(language, self.voice)

    def rate_in(self, language: str) -> float | None:
        return self.rates.get(language, self.read_rate)


@dataclass(frozen=True)
class Rundown:
    """The rundown file: a running order with an on-air start and a slot that must end on the second."""

    path: Path
    title: str
    start: int  # on-air, milliseconds after midnight
    slot: int  # length of the slot
    entries: tuple[Entry, ...]
    house: str = "khabar24"
    presenter: str = ""  # the anchor for stories that name none
    date: datetime.date | None = None
    presenters: dict[str, Presenter] = field(default_factory=dict)  # [presenters]: who reads at what rate, in what voice

    @property
    def hard_out(self) -> int:
        return self.start + self.slot

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def inputs(self) -> tuple[Path, ...]:
        """The rundown file, its stories and its sounds: files no output may name."""
        sounds = (path for entry in self.entries for path in (entry.file, entry.audio) if path is not None)
        return (self.path, *sounds)


@dataclass(frozen=True)
class Item:
    """An entry ready for air: a story with its timing, or a break or sting of fixed length.

    This is the seam for the bulletin's audio draft: a mixer walks the items in order and, for each,
    speaks `timed` (a story) or plays `entry.audio` / `duration` of silence (a break or sting).
    """

    entry: Entry
    page: str  # A1, A2 … B1 after a break
    duration: int
    timed: Timed | None = None

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def slug(self) -> str:
        return self.entry.slug

    @property
    def talent(self) -> str:
        """Who is on air: the story's presenter, else its anchor voice; nobody for breaks and stings."""
        if self.timed is None:
            return ""
        return self.entry.presenter or self.timed.cast.anchor.name


@dataclass(frozen=True)
class ItemTiming:
    """One row of the timing as newsroom systems show it."""

    estimate: int  # the item's duration
    cume: int  # time on air before the item
    hit: int  # clock time the item starts: start + cume
    back: int  # hard out minus this and every later item: when it must start to end on the second
    over: int | None = None  # against the item's own slot, if it has one (positive: over)

    @property
    def end(self) -> int:
        return self.hit + self.estimate


@dataclass(frozen=True)
class BulletinTiming(AgainstSlot):
    """The bulletin's rows and its total against the slot (`over` positive: past the hard out)."""

    start: int
    hard_out: int
    duration: int
    items: tuple[ItemTiming, ...]

    @property
    def slot(self) -> int:  # type: ignore[override]
        return self.hard_out - self.start


@dataclass(frozen=True)
class LineCut:
    """A line of one story of the bulletin suggested for cutting."""

    item: int  # index into the bulletin's items
    slug: str
    cut: Cut  # segment, line, source line and what it saves


@dataclass(frozen=True)
class Float:
    """A story suggested for floating (left out, kept in the file)."""

    item: int
    slug: str
    saves: int


@dataclass(frozen=True)
class BulletinFit:
    """What to cut and float to bring an over-running bulletin into its slot: a suggestion, never applied."""

    slot: int
    duration: int
    cuts: tuple[LineCut, ...] = field(default=())
    floats: tuple[Float, ...] = field(default=())

    @property
    def saves(self) -> int:
        return sum(c.cut.saves for c in self.cuts) + sum(f.saves for f in self.floats)

    @property
    def fits(self) -> bool:
        """Whether the suggestion, applied, brings the bulletin within its slot."""
        return self.duration - self.saves <= self.slot
