"""Segments under construction, shared by the transcript and markup readers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import languages
from ..house import House
from ..languages import Language
from ..model import ROLE_OF_KIND, Line, Segment, Speaker, Story, Warning
from .gender import identify
from .lines import build_line, find_source

_TITLE_WORDS = 12


@dataclass
class SegmentBuilder:
    kind: str
    role: str = ""
    speaker: Speaker | None = None
    tape: float | None = None
    language: str | None = None  # None: the story's
    lines: list[Line] = field(default_factory=list)
    opened_at: int = 0  # the input line that opened it (a SOT's attribution), for a warning about it

    def freeze(self, story_language: str) -> Segment:
        return Segment(
            kind=self.kind,  # type: ignore[arg-type]
            role=(self.role or ROLE_OF_KIND[self.kind]),  # type: ignore[arg-type]
            lines=tuple(self.lines),
            speaker=self.speaker,
            tape=self.tape,
            language=None if self.language == story_language else self.language,
        )


@dataclass
class StoryBuilder:
    """What both readers fill: segments, warnings and the source found along the way."""

    language: Language
    house: House
    segments: list[SegmentBuilder] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    source: str = ""
    title: str = ""
    lexicons: tuple[Path, ...] = ()  # the user's lexicons, for a segment in another language

    def open(self, kind: str, **attributes: Any) -> SegmentBuilder:
        draft = SegmentBuilder(kind=kind, **attributes)
        self.segments.append(draft)
        return draft

    def add(self, draft: SegmentBuilder, text: str, number: int) -> None:
        if draft.kind == "nat":  # what the sound is, for the producer; nobody says it
            draft.lines.append(Line(text=text, spoken="", source_line=number))
            return
        line, source = build_line(text, number, self.language_of(draft), self.house)
        self.attribute(source)
        draft.lines.append(line)

    def language_of(self, draft: SegmentBuilder) -> Language:
        """The language a segment's lines are said in: its own, else the story's."""
        if draft.language in (None, self.language.code):
            return self.language
        return languages.get(draft.language, self.lexicons)

    def detect_languages(self, kinds: tuple[str, ...] = ("sot",)) -> None:
        """Each segment of `kinds` said plainly in another language (a Russian synch in a Kazakh story)
        is that language's: its lines are spoken and timed again in it, and the producer hears of it."""
        for draft in self.segments:
            if draft.kind not in kinds or draft.language is not None or not draft.lines:
                continue
            code = languages.detect_segment(" ".join(line.text for line in draft.lines), self.language.code)
            if code == self.language.code:
                continue
            draft.language = code
            language = self.language_of(draft)
            draft.lines = [
                replace(line, spoken=language.spoken(line.prompt)) for line in draft.lines
            ]
            self.warn(draft.lines[0].source_line, f"said in {code}, not {self.language.code}: spoken and timed as {code}", "language")

    def warn_guessed_genders(self) -> None:
        """A guest whose gender the names list, a patronymic or a family name does not tell is voiced by a
        guess: say so once per guest, where the guest first speaks."""
        seen: set[str] = set()
        for draft in self.segments:
            speaker = draft.speaker
            if speaker is None or draft.kind != "sot" or speaker.name in seen or not draft.lines:
                continue
            seen.add(speaker.name)
            if not identify(speaker.name)[1]:
                told = "unknown" if speaker.gender == "unknown" else f"taken as {speaker.gender}"
                self.warn(
                    draft.opened_at or draft.lines[0].source_line,
                    f"the gender of {speaker.name} is {told} (the name is not in the names list); "
                    f"give it in the markup: [SOT {speaker.name} | title | | female]",
                    "gender",
                )

    def attribute(self, source: str) -> None:
        """The first source named is the story's; the house channel goes by its own spelling."""
        if source and not self.source:
            self.source = self.house.channel_name(self.language.code) if self.house.is_own(source) else source

    def warn(self, number: int, message: str, kind: str = "note") -> None:
        self.warnings.append(Warning(line=number, message=message, kind=kind))

    def story(self) -> Story:
        segments = tuple(draft.freeze(self.language.code) for draft in self.segments if draft.lines)
        for draft in self.segments:
            if not draft.lines and draft.speaker:
                self.warn(draft.opened_at, f"SOT of {draft.speaker.name} has no words; left out", "empty-sot")
        return Story(
            language=self.language.code,
            title=self.title or _title(segments, self.language),
            segments=segments,
            source=self.source,
            warnings=tuple(sorted(self.warnings, key=lambda warning: warning.line)),
        )


def _title(segments: tuple[Segment, ...], language: Language) -> str:
    """The first words of the first sentence, without quotation marks or a source attribution: a slug
    a producer recognises."""
    if not segments:
        return ""
    first = segments[0].lines[0].text
    attribution = find_source(first, language)
    first = re.sub(r"[\"«»“”„]", "", first[: attribution.start()] if attribution else first)
    first = re.split(r"(?<=[.!?…])\s|,\s*[-–—]\s", first)[0].strip().rstrip(".")
    words = first.split()
    return " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")
