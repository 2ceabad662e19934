"""The explicit markup a producer writes to correct the structure; it always wins over the heuristics.

    # title: Лукашенко в Астане
    # language: kk
    # source: Хабар 24
    [LEAD]
    ...anchor lines...
    [VO]
    [SOT Ирина Новикова | экономика ғылымдарының докторы | 0:12]
    [TAG]

Section headers: [LEAD], [VO], [SOT Name | title | tape], [TAG]; title and tape are optional. A line
starting with `#` is a comment (or `# key: value` metadata); a text line that must start with `[` or `#`
is written with a backslash before it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import languages
from ..errors import InputError
from .gender import GENDERS, guess_gender, is_gender
from ..house import House
from ..model import KINDS, Speaker, Story
from ..timecode import parse_duration
from .builder import StoryBuilder

MAGIC = "# broadcast markup"
_HEADER = re.compile(r"^\s*\[(?P<body>[^\]]*)\]\s*$")
_KNOWN = re.compile(r"^\s*\[\s*(LEAD|VO|SOT|TAG)\b", re.IGNORECASE)
_META = re.compile(r"^#\s*(?P<key>title|language|lang|source)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
# `#   line 5 (duplicate): duplicate of line 1; read once`: a note the writer copies from the article's reading.
_NOTE = re.compile(r"^#\s+line (?P<line>\d+) \((?P<kind>[\w-]+)\): (?P<message>.+)$")


def is_markup(text: str) -> bool:
    return text.lstrip("\ufeff").startswith(MAGIC) or any(_KNOWN.match(line) for line in text.split("\n"))


def escape(text: str) -> str:
    """A text line that would read as a header or comment gets a backslash (the markup writer uses this)."""
    return "\\" + text if text.startswith(("[", "#", "\\")) else text


def read(text: str, language: str | None, house: House, lexicons: tuple[Path, ...] = ()) -> Story:
    meta: dict[str, str] = {}
    for line in text.split("\n"):
        match = _META.match(line.strip())
        if match:
            meta.setdefault("language" if match["key"].lower() == "lang" else match["key"].lower(), match["value"].strip())
    code = language or meta.get("language") or languages.detect(text)
    story = StoryBuilder(language=languages.get(code, lexicons), house=house, title=meta.get("title", ""))
    draft = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        note = _NOTE.match(line)
        if note:  # what the transcript reader reported, carried along so a re-render keeps it
            story.warn(int(note["line"]), note["message"], note["kind"])
        if not line or line.startswith("#"):
            continue
        header = _HEADER.match(line)
        if header:
            draft = story.open(**_section(header["body"], number), opened_at=number)
            continue
        if draft is None:
            raise InputError(f"line {number}: text before the first section header ([LEAD], [VO], [SOT ...], [TAG])")
        story.add(draft, line[1:] if line.startswith("\\") else line, number)
    if "source" in meta:
        story.source = meta["source"]
    return story.story()


def _section(body: str, number: int) -> dict[str, Any]:
    """The keyword arguments of a section from its header, e.g. `SOT Ирина Новикова | докторы | 0:12`."""
    kind, _, rest = body.strip().partition(" ")
    kind = kind.lower()
    if kind not in KINDS:
        raise InputError(
            f"line {number}: unknown section [{body.strip()}]; use [LEAD], [VO], [SOT Name | title | 0:12] or [TAG]"
        )
    if kind != "sot":
        if rest.strip():
            raise InputError(f"line {number}: [{kind.upper()}] takes nothing after its name")
        return {"kind": kind}
    fields = [part.strip() for part in rest.split("|")]
    name = fields[0]
    if not name:
        raise InputError(f"line {number}: [SOT] needs the speaker's name: [SOT Name | title | 0:12]")
    if len(fields) > 4:
        raise InputError(f"line {number}: [SOT] has at most name | title | tape | gender")
    title = fields[1] if len(fields) > 1 else ""
    tape = None
    if len(fields) > 2 and fields[2]:
        try:
            tape = parse_duration(fields[2])
        except ValueError as error:
            raise InputError(f"line {number}: bad tape length: {error}") from None
    gender = fields[3].lower() if len(fields) > 3 and fields[3] else guess_gender(name)
    if not is_gender(gender):
        raise InputError(f"line {number}: gender must be one of {', '.join(GENDERS)}, not {fields[3]!r}")
    return {"kind": "sot", "speaker": Speaker(name=" ".join(name.split()), title=title, gender=gender), "tape": tape}
