"""What the prompter page shows: a story or a whole bulletin as one timed running order. Plain data, no I/O.

Every time is in milliseconds from the top of the document (a story inside a bulletin starts at its cume
time), taken from the library's timing as its tables show it (`as_shown`, `bulletin_as_shown`: on the
second, adding up), so the page scrolls by the same times the producer reads; it never re-times.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Segment
from ..pipeline import Timed
from ..rundown import Bulletin
from ..rundown.timing import bulletin_as_shown
from ..rundown.writers import rows
from ..timing import as_shown
from ..writers.story import TimedSegment, timed_segments

# The words shown as a bite's IN and OUT cue.
CUE_WORDS = 4


@dataclass(frozen=True)
class PromptLine:
    key: str  # what identifies the line across edits of the file: item, segment and the line's text
    text: str
    start: int
    duration: int
    words: int
    cut: bool  # the whole line suggested for cutting to fit the slot
    # Where only some sentences are suggested for cutting: the line's sentences, each with whether it is.
    parts: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class PromptSegment:
    number: int  # 1-based in the story, as the script and rundown number it
    kind: str
    cue: str  # the cue as the house style labels it: `VO`, `SOT`, `СИНХРОН`
    language: str
    start: int
    duration: int
    lines: tuple[PromptLine, ...]
    speaker: str = ""
    lower_third: str = ""
    tape: bool = False  # a given tape length (else the bite's length is estimated from its words)
    in_words: str = ""
    out_words: str = ""
    wait: bool = False  # on tape (a bite, natural sound): not read, the prompter holds through its length

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass(frozen=True)
class PromptItem:
    """A story of the running order, or a break or sting the prompter waits through."""

    number: int
    kind: str  # story | break | sting
    slug: str
    title: str
    language: str
    start: int
    duration: int
    segments: tuple[PromptSegment, ...] = ()
    page: str = ""
    presenter: str = ""
    wpm: int = 0  # the presenter's own read rate in words per minute
    slot: int | None = None
    hit: int | None = None  # in a bulletin: the clock time it goes on air (ms after midnight)

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass(frozen=True)
class PromptDocument:
    title: str
    language: str
    items: tuple[PromptItem, ...]
    duration: int
    slot: int | None  # the slot the whole runs against (a story's --slot, a bulletin's slot)
    ident: str  # names the document in the page's local storage: settings are kept per document
    on_air: int | None = None  # a bulletin's on-air clock time (ms after midnight)

    @property
    def lines(self) -> list[PromptLine]:
        return [line for item in self.items for segment in item.segments for line in segment.lines]

    @property
    def words(self) -> int:
        return sum(line.words for line in self.lines)


def _cue(segment: Segment, labels: dict[str, str]) -> str:
    return labels.get(segment.kind, segment.kind.upper())


def _wpm(timed: Timed) -> int:
    """The anchor's read rate as words per minute: the profile's syllables per second, over the words and
    syllables of what the anchor reads in this story (pauses excluded, as the profile's rate is)."""
    anchor = timed.cast.anchor
    words = syllables = 0
    for segment, timing in zip(timed.story.segments, timed.timing.segments):
        if timing.voice == anchor.name:
            words += sum(len(line.spoken.split()) for line in segment.lines)
            syllables += sum(line.syllables for line in timing.lines)
    if not syllables:  # nothing read by the anchor: the language's words per syllable over the whole story
        words = sum(len(line.spoken.split()) for line in timed.story.lines)
        syllables = sum(line.syllables for timing in timed.timing.segments for line in timing.lines)
    return round(anchor.read_rate * 60 * words / syllables) if syllables else 0


def _segments(
    timed: Timed, segments: Sequence[TimedSegment], offset: int, labels: dict[str, str], item: int
) -> tuple[PromptSegment, ...]:
    result = []
    for timed_segment in segments:
        segment = timed_segment.segment
        words = segment.text.split()
        language = getattr(segment, "language", None) or timed.story.language
        lines = tuple(
            PromptLine(
                key=f"{item}:{timed_segment.index}:{line.line.prompt}",
                text=line.line.prompt,
                start=offset + line.timing.start,
                duration=line.timing.duration,
                words=len(line.line.prompt.split()),
                cut=line.cut,
                parts=line.parts if any(struck for _, struck in line.parts) and not line.cut else (),
            )
            for line in timed_segment.lines
        )
        speaker = segment.speaker
        result.append(
            PromptSegment(
                number=timed_segment.index,
                kind=segment.kind,
                cue=_cue(segment, labels),
                language=language,
                start=offset + timed_segment.timing.start,
                duration=timed_segment.timing.duration,
                lines=lines,
                speaker=speaker.name if speaker else "",
                lower_third=speaker.lower_third if speaker else "",
                tape=segment.tape is not None,
                in_words=" ".join(words[:CUE_WORDS]),
                out_words=" ".join(words[-CUE_WORDS:]),
                wait=segment.on_tape,
            )
        )
    return tuple(result)


def _labels(settings: dict[str, Any]) -> dict[str, str]:
    """The house style's own cue labels (`[house.cue_labels]`: sot = "СИНХРОН"), if it names any."""
    labels = settings.get("cue_labels") or {}
    return {str(kind): str(label) for kind, label in labels.items()} if isinstance(labels, dict) else {}


def _ident(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:12]  # a name's odd bytes


def story_document(timed: Timed, name: str = "") -> PromptDocument:
    """One story, with the cuts its slot asks for marked."""
    story = timed.story
    shown = as_shown(story, timed.timing)
    segments = _segments(timed, timed_segments(story, shown, timed.fit), 0, _labels(timed.house.settings), 1)
    item = PromptItem(
        number=1, kind="story", slug="", title=story.title, language=story.language, start=0,
        duration=shown.duration, segments=segments, presenter=timed.cast.anchor.name, wpm=_wpm(timed),
        slot=timed.fit.slot if timed.fit else None,
    )
    return PromptDocument(
        title=story.title, language=story.language, items=(item,), duration=shown.duration,
        slot=item.slot, ident=_ident("story", name or story.title),
    )


def bulletin_document(bulletin: Bulletin, name: str = "") -> PromptDocument:
    """A bulletin in running order: its stories with the cuts the bulletin's fit suggests, its breaks and
    stings as items to wait through."""
    labels = _labels(bulletin.house.settings)
    timing = bulletin_as_shown(bulletin.timing)
    items = []
    for number, row in enumerate(rows(bulletin, timing), start=1):
        item, start = row.item, row.timing.cume
        if item.timed is None:
            items.append(
                PromptItem(number=number, kind=item.kind, slug=item.slug, title=item.slug, language="",
                           start=start, duration=row.timing.estimate, page=item.page, hit=row.timing.hit)
            )
            continue
        timed = item.timed
        items.append(
            PromptItem(
                number=number, kind="story", slug=item.slug, title=timed.story.title, language=timed.story.language,
                start=start, duration=row.timing.estimate, segments=_segments(timed, row.segments, start, labels, number),
                page=item.page, presenter=item.talent, wpm=_wpm(timed), slot=item.entry.slot, hit=row.timing.hit,
            )
        )
    rundown = bulletin.rundown
    language = next((item.language for item in items if item.language), "")
    return PromptDocument(
        title=rundown.title, language=language, items=tuple(items), duration=timing.duration,
        slot=timing.slot, ident=_ident("bulletin", name or rundown.title), on_air=timing.start,
    )


def carry_position(old: PromptDocument, new: PromptDocument, position: int) -> int:
    """Where the reader is in `new`, who was at `position` (ms) in `old`: the same line (by its key, else
    its place in the same story), at the same fraction of it. An edit while on air keeps the place."""
    lines = old.lines
    current = _line_at(lines, position)
    if current is None:
        return min(position, new.duration)
    line, index = current
    fraction = (position - line.start) / line.duration if line.duration else 0.0
    fresh = new.lines
    same = [candidate for candidate in fresh if candidate.key == line.key]
    if same:
        target = same[0]
    else:  # the line itself was edited: the line at its place in the same story
        item = line.key.split(":", 1)[0]
        before = [old_line for old_line in lines[:index] if old_line.key.split(":", 1)[0] == item]
        siblings = [candidate for candidate in fresh if candidate.key.split(":", 1)[0] == item]
        if not siblings:
            return min(position, new.duration)
        target = siblings[min(len(before), len(siblings) - 1)]
    return round(target.start + min(max(fraction, 0.0), 1.0) * target.duration)


def _line_at(lines: Iterable[PromptLine], position: int) -> tuple[PromptLine, int] | None:
    found = None
    for index, line in enumerate(lines):
        if line.start <= position:
            found = (line, index)
        else:
            break
    return found
