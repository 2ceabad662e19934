"""What every parse must keep: nothing silently lost. Shared by the fixture tests (test_parse.py) and the property
test over generated news copy (test_property.py, benchmarks/property_texts.py), so both hold one rule."""
from __future__ import annotations

from typing import Collection

from broadcast.model import Story
from broadcast.parse.cis import is_label_line
from broadcast.parse.speaker import parse_attribution


def unaccounted(text: str, story: Story, accounted: Collection[int] = ()) -> list[int]:
    """The 1-based numbers of the non-blank input lines that are neither read (some Line's `source_line`),
    nor warned about, nor an attribution line or other structure (a CIS label, a speaker's lower third).

    `text` is the text as parsed: after reading (line ends normalised to LF). `accounted` are the lines the read
    stage accounts for (a subtitle file's numbering and timecodes in one summary warning, cue lines joined to the
    sentence they go on)."""
    read = {line.source_line for line in story.lines} | {s.speaker.source_line for s in story.segments if s.speaker}
    warned = {warning.line for warning in story.warnings} | set(accounted)
    return [
        number
        for number, raw in enumerate(text.split("\n"), start=1)
        if raw.strip() and not (number in read or number in warned or parse_attribution(raw) or structure(raw, story))
    ]


def structure(raw: str, story: Story) -> bool:
    """A CIS script's label, timecode or file line, or a line that only names a synch's speaker (it is
    the speaker's lower third)."""
    if is_label_line(raw):
        return True
    words = " ".join(raw.strip().rstrip(":").split()).casefold()
    supers = {" ".join(f"{s.name} {s.title}".split()).casefold() for s in story.speakers}
    return any(words and (words in lower_third) for lower_third in supers)


def attribution_only(text: str, story: Story) -> list[int]:
    """The lines `unaccounted` lets through only because they look like an attribution line, though no speaker
    of the story names that line as its `source_line` and no warning names it (stricter than the fixture rule:
    a figure of the property benchmark, not an assertion)."""
    read = {line.source_line for line in story.lines}
    warned = {warning.line for warning in story.warnings}
    named = {segment.speaker.source_line for segment in story.segments if segment.speaker}
    return [
        number
        for number, raw in enumerate(text.split("\n"), start=1)
        if raw.strip() and number not in read | warned | named and not structure(raw, story) and parse_attribution(raw)
    ]


def segment_rows(story: Story) -> list[str]:
    """A story's segment structure as the webcopy benchmarks count it: each segment's kind and its speaker's surname,
    runs of the same row counted once."""
    rows: list[str] = []
    for segment in story.segments:
        row = segment.kind + (f" {segment.speaker.name.split()[-1]}" if segment.speaker else "")
        if not rows or rows[-1] != row:
            rows.append(row)
    return rows
