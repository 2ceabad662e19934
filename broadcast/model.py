"""The document model: what a story is, in the newsroom's words. Plain data, no I/O."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["lead", "vo", "sot", "tag", "nat", "standup"]
Role = Literal["anchor", "reporter", "guest"]
Gender = Literal["female", "male", "unknown"]

# nat: natural sound (ЛАЙФ, ИНТЕРШУМ), not read, as long as its tape; standup: the reporter on camera.
KINDS: tuple[str, ...] = ("lead", "vo", "sot", "tag", "nat", "standup")
# Who speaks a segment of each kind, unless the markup says otherwise (a nat is the package's own sound).
ROLE_OF_KIND: dict[str, str] = {
    "lead": "anchor", "vo": "reporter", "sot": "guest", "tag": "anchor", "nat": "reporter", "standup": "reporter"
}


@dataclass(frozen=True)
class Speaker:
    """A person heard on tape; `title` is the second row of the lower third."""

    name: str
    title: str = ""
    gender: Gender = "unknown"
    # The input line that names the speaker (`Name, title:` or a quote's `– деді X`), 0 if none: that
    # line is accounted for, not lost. Not part of who the speaker is.
    source_line: int = field(default=0, compare=False)

    @property
    def lower_third(self) -> str:
        return f"{self.name} / {self.title}" if self.title else self.name


@dataclass(frozen=True)
class Line:
    """One line as the prompter shows it (`text`) and as it is said (`spoken`)."""

    text: str
    spoken: str
    source_line: int  # 1-based line number in the input
    # The written tail that is not said on air (the house channel's own attribution), if any.
    unread: str = ""

    @property
    def prompt(self) -> str:
        """What the prompter shows: the text as written, less what is not read."""
        if not self.unread or self.unread not in self.text:
            return self.text
        if not self.text.endswith(self.unread):  # a credit that leads in (`Как сообщает X, ...`) or stands inside
            head, _, tail = self.text.partition(self.unread)
            said = " ".join(f"{head.rstrip(' ,')} {tail}".split())
            return said[:1].upper() + said[1:]
        said = self.text[: -len(self.unread)].rstrip(" ,")
        # The attribution was a sentence of its own (`Об этом сообщает Хабар 24.`): the one before ends already.
        return said if not said or said.endswith((".", "!", "?", "…")) else said + "."


@dataclass(frozen=True)
class Segment:
    kind: Kind
    role: Role
    lines: tuple[Line, ...]
    speaker: Speaker | None = None
    tape: float | None = None  # seconds of tape given for a SOT or a nat, if known
    language: str | None = None  # None: the story's language (a Russian synch in a Kazakh story is "ru")

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def read_aloud(self) -> bool:
        """Whether someone reads the lines; a nat's lines only describe the sound."""
        return self.kind != "nat"

    @property
    def on_tape(self) -> bool:
        """Whether the segment's time is tape time (a bite or natural sound), not read time."""
        return self.role == "guest" or self.kind == "nat"


@dataclass(frozen=True)
class Warning:
    line: int  # 1-based input line the warning is about (0: the whole story)
    message: str
    kind: str = "note"  # a short code a tool can filter on: duplicate, breath, figures, abbreviation, ...


@dataclass(frozen=True)
class Story:
    language: str
    title: str
    segments: tuple[Segment, ...]
    source: str = ""
    warnings: tuple[Warning, ...] = ()

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for segment in self.segments for line in segment.lines)

    def language_of(self, segment: Segment) -> str:
        """The language a segment is said in: its own, else the story's."""
        return segment.language or self.language

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """Each distinct speaker once, in order of first appearance."""
        seen: dict[str, Speaker] = {}
        for segment in self.segments:
            if segment.speaker and segment.speaker.name not in seen:
                seen[segment.speaker.name] = segment.speaker
        return tuple(seen.values())


# Timing is kept apart from the story: the same story is timed against different casts and slots.
# Times are integer milliseconds so that sums are exact; `*_s` properties give seconds.


class Span:
    """What a timed line and a timed segment share: `start` and `duration` in ms."""

    start: int
    duration: int

    @property
    def start_s(self) -> float:
        return self.start / 1000

    @property
    def duration_s(self) -> float:
        return self.duration / 1000

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass(frozen=True)
class LineTiming(Span):
    start: int
    duration: int
    syllables: int


@dataclass(frozen=True)
class SegmentTiming(Span):
    start: int
    duration: int  # == sum of line durations + pause
    pause: int  # silence after the segment's last line, before the next segment
    lines: tuple[LineTiming, ...]
    voice: str  # the voice profile the segment was timed with


@dataclass(frozen=True)
class Timing:
    segments: tuple[SegmentTiming, ...]
    duration: int  # the whole story
    read: int  # anchor and reporter
    tape: int  # sound on tape

    @property
    def duration_s(self) -> float:
        return self.duration / 1000

    @property
    def read_s(self) -> float:
        return self.read / 1000

    @property
    def tape_s(self) -> float:
        return self.tape / 1000


@dataclass(frozen=True)
class Cut:
    """A sentence suggested for cutting to fit a slot (a whole line when its sentences cannot be told apart)."""

    segment: int  # index into story.segments
    line: int  # index into the segment's lines
    source_line: int
    saves: int  # milliseconds saved by cutting this sentence (given the cuts before it)
    sentence: int = 0  # index into the line's sentences (`timing.sentences_of`)
    text: str = ""  # the sentence as written


class AgainstSlot:
    """Over/under of anything with a `slot` and a `duration` in ms: a story's Fit, a bulletin's timing."""

    slot: int
    duration: int

    @property
    def over(self) -> int:
        """Positive when it runs long."""
        return self.duration - self.slot

    @property
    def fits(self) -> bool:
        return self.over <= 0


@dataclass(frozen=True)
class Fit(AgainstSlot):
    """A story against its slot: positive `over` means it runs long."""

    slot: int
    duration: int
    cuts: tuple[Cut, ...] = field(default=())

    @property
    def still_over(self) -> int:
        """How long the story still runs over with every suggested cut made (0 when they bring it in)."""
        return max(0, self.over - sum(cut.saves for cut in self.cuts))
