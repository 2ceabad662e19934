"""The explicit markup a producer writes to correct the structure; it always wins over the heuristics.

    # title: Лукашенко в Астане
    # language: kk
    # source: Хабар 24
    [LEAD]
    ...anchor lines...
    [VO]
    [SOT Ирина Новикова | экономика ғылымдарының докторы | 0:12]
    [NAT 0:05]
    шум площади
    [SOT Анна Петренко | эксперт | | female | ru]
    [STANDUP]
    [TAG]

Section headers: [LEAD], [VO], [TAG], [STANDUP], [NAT length], [SOT Name | title | tape | gender | language].
A SOT's fields after the name are optional; a STANDUP may take the same fields (the reporter, for the
super); LEAD, VO and TAG take only a language (`[VO ru]`), which is given when a segment is said in another
language than the story's. A NAT (natural sound) is not read: its lines say what the sound is, its length
is its time. A line starting with `#` is a comment (or `# key: value` metadata); a text line that must start
with `[` or `#` is written with a backslash before it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import languages
from ..errors import InputError
from .gender import GENDERS, guess_gender, is_gender
from ..house import House
from ..model import KINDS, Segment, Speaker, Story
from ..timecode import format_clock, parse_duration
from .builder import StoryBuilder

MAGIC = "# broadcast markup"
_HEADER = re.compile(r"^\s*\[(?P<body>[^\]]*)\]\s*$")
_KNOWN = re.compile(r"\[\s*(LEAD|VO|SOT|TAG|NAT|STANDUP)\b[^\]]*\]", re.IGNORECASE)
_META = re.compile(r"^#\s*(?P<key>title|language|lang|source)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
# `#   line 5 (duplicate): duplicate of line 1; read once`: a note the writer copies from the article's reading.
_NOTE = re.compile(r"^#\s+line (?P<line>\d+) \((?P<kind>[\w-]+)\): (?P<message>.+)$")


def is_markup(text: str) -> bool:
    """Markup: the first line is `# broadcast markup`; or the text has section headers (a `[...]` alone on its
    line) and either it opens with a known one (`[LEAD]`, `[SOT Name | title]`: a later unknown header is a
    typo, a clear error) or every one of them is known. An article whose first line merely starts with `[VO] `
    (a cue in running copy), or that carries some other bracket line (`[Photo: Reuters]`), is an article."""
    text = text.lstrip("\ufeff")
    if text.startswith(MAGIC):
        return True
    content = [line.strip() for line in text.split("\n") if line.strip() and not line.strip().startswith("#")]
    headers = [line for line in content if _HEADER.match(line)]
    if not headers:
        return False
    return bool(_KNOWN.fullmatch(content[0])) or all(_KNOWN.fullmatch(line) for line in headers)


def escape(text: str) -> str:
    """A text line that would read as a header or comment gets a backslash (the markup writer uses this)."""
    return "\\" + text if text.startswith(("[", "#", "\\")) else text


def header(segment: Segment) -> str:
    """The section header that reads back as `segment`: `[VO]`, `[VO ru]`, `[NAT 0:05]`, `[SOT A | b | | female]`."""
    kind = segment.kind.upper()
    tape = format_clock(round(segment.tape * 1000)) if segment.tape is not None else ""
    if segment.kind == "nat":
        return f"[NAT {tape}]" if tape else "[NAT]"
    speaker = segment.speaker
    if speaker is None:
        return f"[{kind} {segment.language}]" if segment.language else f"[{kind}]"
    language = f" | {segment.language}" if segment.language else ""
    return f"[{kind} {speaker.name} | {speaker.title} |{' ' + tape if tape else ''} | {speaker.gender}{language}]"


def read(text: str, language: str | None, house: House, lexicons: tuple[Path, ...] = ()) -> Story:
    meta: dict[str, str] = {}
    for line in text.split("\n"):
        match = _META.match(line.strip())
        if match:
            meta.setdefault("language" if match["key"].lower() == "lang" else match["key"].lower(), match["value"].strip())
    code = language or meta.get("language") or languages.detect(text)
    story = StoryBuilder(language=languages.get(code, lexicons), house=house, title=meta.get("title", ""), lexicons=lexicons)
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


_USAGE = "use [LEAD], [VO], [SOT Name | title | 0:12 | gender | language], [NAT 0:05], [STANDUP] or [TAG]"


def _section(body: str, number: int) -> dict[str, Any]:
    """The keyword arguments of a section from its header, e.g. `SOT Ирина Новикова | докторы | 0:12`."""
    kind, _, rest = body.strip().partition(" ")
    kind, rest = kind.lower(), rest.strip()
    if kind not in KINDS:
        raise InputError(f"line {number}: unknown section [{body.strip()}]; {_USAGE}")
    if kind == "nat":
        return {"kind": kind, "tape": _tape(rest.lstrip("|").strip(), number)}
    if kind in ("sot", "standup"):
        return _with_speaker(kind, rest, number)
    language = rest.lstrip("|").strip()
    if language and language not in languages.codes():
        raise InputError(f"line {number}: [{kind.upper()}] takes only a language ({', '.join(languages.codes())})")
    return {"kind": kind, "language": language or None}


def _with_speaker(kind: str, rest: str, number: int) -> dict[str, Any]:
    """A SOT's (or a stand-up's) fields: name | title | tape | gender | language."""
    if kind == "standup" and rest in languages.codes():  # `[STANDUP ru]`: no reporter named
        return {"kind": kind, "language": rest}
    fields = [part.strip() for part in rest.split("|")] if rest else []
    name = " ".join(fields[0].split()) if fields else ""
    if kind == "sot" and not name:
        raise InputError(f"line {number}: [SOT] needs the speaker's name: [SOT Name | title | 0:12]")
    if len(fields) > 5:
        raise InputError(f"line {number}: [{kind.upper()}] has at most name | title | tape | gender | language")
    fields += [""] * (5 - len(fields))
    _, title, tape, gender, language = fields
    gender = gender.lower() or guess_gender(name)
    if not is_gender(gender):
        raise InputError(f"line {number}: gender must be one of {', '.join(GENDERS)}, not {fields[3]!r}")
    if language and language not in languages.codes():
        raise InputError(f"line {number}: unknown language {language!r}; known: {', '.join(languages.codes())}")
    speaker = Speaker(name=name, title=title, gender=gender) if name else None
    return {"kind": kind, "speaker": speaker, "tape": _tape(tape, number), "language": language or None}


def _tape(value: str, number: int) -> float | None:
    if not value:
        return None
    try:
        return parse_duration(value)
    except ValueError as error:
        raise InputError(f"line {number}: bad tape length: {error}") from None
