"""CIS TV scripts: the labels Russian and Kazakh newsrooms write, read as structure.

    ВЕДУЩИЙ: / ПОДВОДКА: / ЖҮРГІЗУШІ:     lead (after the package: the tag)
    ЗК: / ГЗК: / ЗТК: / БЗ                voice-over (БЗ: pictures without their sound)
    СНХ: / СИНХРОН: / СИНХ:               a synch (SOT): name and position on the same line or the next two,
                                          then TC IN/TC OUT, a file name or ХРОНО, then the words
    ЛАЙФ: / ИНТЕРШУМ: / ШУМ: / ОТБИВКА    natural sound (nat), not read, timed by its length (`ЛАЙФ 0:05`)
    СТЕНДАП:                              the reporter on camera
    ТИТР: / ПОДПИСЬ:                      a lower third: shown, not read (inside a synch: its speaker)
    ХРОНО:                                a running time (inside a synch or nat: its length)

A label is in capitals (`ЗК`, `СНХ: ...`), or in any case with a colon (`Синхрон:`) or alone on its line
(`Отбивка`), so a sentence that starts with the same word (`Ведущий специалист...`) stays a sentence.
Names in capitals (`Зоя СЛЕСАРЁВА`) are written as names; a position in capitals stays as written (it may
hold a place's name that no rule can tell). The published-transcript forms
`Дәурен ОМАРОВ, ТІЛШІ:` and `Анна Петренко, корреспондент:` open the reporter's own part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import languages
from ..house import House
from ..model import Speaker, Story
from ..timecode import parse_duration
from .builder import SegmentBuilder, StoryBuilder
from .gender import guess_gender
from .lines import strip_dash
from .speaker import caps_name, split_attribution

# (what the label opens, its spellings); the longer spelling first where one starts another.
LABELS: tuple[tuple[str, str], ...] = (
    ("lead", r"ВЕДУЩИЙ|ВЕДУЩАЯ|ВЕДУЩ\.|ВЕД\.|ПОДВОДКА|ЖҮРГІЗУШІ|ЖУРГИЗУШИ|ANCHOR"),
    ("vo", r"ГЗК|ЗТК|ЗК|БЗ|КОРР\.?|КОРРЕСПОНДЕНТ|ТІЛШІ|VO|V/O"),
    ("sot", r"СИНХРОН|СИНХ\.?|СНХ|SOT"),
    ("nat", r"ИНТЕРШУМ|ЛАЙФ|ШУМ|ОТБИВКА|NAT"),
    ("standup", r"СТЕНД-?АП|STAND-?UP"),
    ("super", r"ТИТР|ТИТРЫ|ПОДПИСЬ|ПЛАШКА|SUPER"),
    ("running", r"ХРОНОМЕТРАЖ|ХРОНО|TRT"),
)
_SPELLINGS = "|".join(f"(?P<{kind}>{spellings})" for kind, spellings in LABELS)
# `СНХ:`, `[ЗК]`, `ЛАЙФ (0:05)`, `Синхрон:`, `ОТБИВКА`: the label, what is in brackets after it, the rest.
_LABEL = re.compile(
    rf"^\s*[\[(]?(?P<label>{_SPELLINGS})(?![\w-])[\])]?\.?\s*(?:\((?P<note>[^)]*)\))?\s*(?P<colon>[:.\-–—]\s*)?(?P<rest>.*)$",
    re.IGNORECASE,
)
# A tape's in and out: `TC IN 00:12:10 TC OUT 00:12:25`, `IN: 10:15:20:05 / OUT: 10:15:35:00`.
_TIMECODE = r"\d{1,2}:\d{2}(?::\d{2})?(?:[:;.]\d{2})?"
_TC = re.compile(
    rf"^\s*(?:T[CС]\s*)?IN\s*:?\s*(?P<in>{_TIMECODE})?\s*[,;/]?\s*(?:(?:T[CС]\s*)?OUT\s*:?\s*(?P<out>{_TIMECODE}))?\s*$"
    rf"|^\s*T[CС]\s*OUT\s*:?\s*(?P<out_only>{_TIMECODE})\s*$",
    re.IGNORECASE,
)
_FILE = re.compile(r"^\s*(?:(?:файл|file|видео)\s*:\s*)?\S+\.(?:mp4|mxf|mov|avi|mpg|mpeg|mkv|wav|mp3|m4a|aac)\s*$", re.IGNORECASE)
# A length in a label's rest or note: `0:05`, `00:00:05`, `5 сек`, `5 с`, `5 sec`, `5 секунд`.
_LENGTH = re.compile(
    r"(?P<clock>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)|(?P<seconds>\d+(?:[.,]\d+)?)\s*(?:сек\w*|с\b|с\.|sec\w*|s\b)", re.IGNORECASE
)
# What a script's head carries before the story: its topic, the crew. Not read.
_HEAD = re.compile(
    r"^\s*(?:сюжет|тема|тақырып|название|story|автор|авторы|оператор|операторы|монтаж|режиссер|режиссёр|редактор|"
    r"выпускающий\s+редактор|продюсер|дата|эфир|рубрика|программа|бағдарлама)\s*:",
    re.IGNORECASE,
)
_TITLE = re.compile(r"^\s*(?:сюжет|тема|тақырып|название|story)\s*:\s*(?P<title>.+)$", re.IGNORECASE)
# The reporter's own part in a published transcript: `Дәурен ОМАРОВ, ТІЛШІ:`, `Анна Петренко, корреспондент:`.
_REPORTER = re.compile(
    r"^(?:\w+\s+)?(?:тілші|тілшісі|корреспондент|корр\.?|собкор|журналист|reporter|correspondent)$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?…][\"»”')]*$")
_SPEAKER_WORDS = 8
_TITLE_WORDS = 14


def is_reporter(speaker: Speaker) -> bool:
    """Whether an attribution names the story's own reporter (`Дәурен ОМАРОВ, ТІЛШІ:`), not a guest."""
    return bool(_REPORTER.match(speaker.title.strip()))


@dataclass(frozen=True)
class Label:
    kind: str  # lead, vo, sot, nat, standup, super, running
    written: str  # the label as written: СНХ, Синхрон, ЛАЙФ
    rest: str  # what follows it on the line
    note: str  # what stands in brackets after it


def label(line: str) -> Label | None:
    """The CIS label that opens the line, if any: in capitals, or in any case with a colon after it or
    nothing else on the line."""
    match = _LABEL.match(line)
    if not match:
        return None
    written = match["label"]
    if not written.isupper() and not (match["colon"] or "").startswith(":") and match["rest"].strip():
        return None
    if not written.isupper() and match["label"].rstrip(".").casefold() in ("корр", "корреспондент", "тілші"):
        return None  # `Корреспондент: Анна Петренко` is a byline
    kind = next(kind for kind, _ in LABELS if match[kind])
    return Label(kind=kind, written=written, rest=match["rest"].strip(), note=(match["note"] or "").strip())


def is_label_line(line: str) -> bool:
    """Whether the line is only structure (a label, a timecode, a file name): it is accounted for, not read."""
    found = label(line)
    return bool(found and (not found.rest or found.kind in ("sot", "standup", "super", "running", "nat"))) or bool(
        _TC.match(line) and line.strip()
    ) or bool(_FILE.match(line))


def is_cis(text: str) -> bool:
    """Claims a text with at least two label lines, one of them a CIS label proper (not only ВЕДУЩИЙ)."""
    found = [label(line) for line in text.split("\n")[:400]]
    labels = [item for item in found if item is not None]
    return len(labels) >= 2 and any(item.kind not in ("lead",) for item in labels)


def length(text: str) -> float | None:
    """The seconds a label's rest or note gives (`0:05`, `5 сек`), or None."""
    match = _LENGTH.search(text)
    if not match:
        return None
    if match["clock"]:
        return parse_duration(match["clock"])
    return float(match["seconds"].replace(",", "."))


def _timecode_seconds(value: str) -> float:
    """`00:12:10` or `10:15:20:05` (frames at 25 a second) in seconds."""
    parts = re.split(r"[:;.]", value)
    frames = 0.0
    if len(parts) == 4:
        frames, parts = int(parts[3]) / 25, parts[:3]
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds + frames


def _names_a_person(text: str, words: int = _SPEAKER_WORDS) -> bool:
    """Short, no sentence end, not opening a quote: a name or a position line, not the synch's words."""
    text = text.strip()
    return bool(text) and len(text.split()) <= words and not _SENTENCE_END.search(text) and not text.startswith(
        ("-", "–", "—", "«", '"', "“", "„")
    )


def _capitalised(text: str) -> bool:
    """`Дәурен Омаров`: a stand-up's label names its reporter only with a name's capitals."""
    words = text.split()
    return len(words) >= 2 and all(word[:1].isupper() for word in words[:2])


def _split_name(text: str) -> tuple[str, str]:
    """`Иван ИВАНОВ, директор школы` → (name, title); `/`, a spaced dash or a comma parts them."""
    text = text.strip().rstrip(":").strip()
    parts = re.split(r"\s*/\s*|\s+[-–—]\s+|\s*,\s*", text, maxsplit=1)
    name, title = (parts + [""])[:2]
    return caps_name(name.strip()), title.strip()


@dataclass
class _Reader:
    story: StoryBuilder
    lines: list[str]
    current: SegmentBuilder | None = None
    expecting: list[str] = field(default_factory=list)  # what the next short lines give: "name", "title"
    speaker_from: int = 0  # the line that named the open segment's speaker (0: not named yet)
    words_begun: bool = False  # the open segment has its first words

    def open(self, kind: str, number: int, **attributes: object) -> SegmentBuilder:
        self.current = self.story.open(kind, opened_at=number, **attributes)
        self.expecting, self.speaker_from, self.words_begun = [], 0, False
        return self.current

    def set_speaker(self, name: str, title: str, number: int) -> None:
        assert self.current is not None
        name = " ".join(name.split())
        self.current.speaker = Speaker(name=name, title=title, gender=guess_gender(name))
        self.speaker_from = number


def read(text: str, language: str | None, house: House, lexicons: tuple[Path, ...] = ()) -> Story:
    code = language or languages.detect(_words_only(text))
    lines = text.split("\n")
    reader = _Reader(story=StoryBuilder(language=languages.get(code, lexicons), house=house, lexicons=lexicons), lines=lines)
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            _read_line(reader, number, raw.strip())
    for draft in reader.story.segments:
        if draft.kind == "sot" and draft.speaker is None:
            draft.speaker = Speaker(name="Синхрон" if code != "en" else "SOT")
            reader.story.warn(draft.opened_at, "the synch names no speaker; give [SOT Name | title] in the markup", "guess")
    reader.story.detect_languages()
    reader.story.warn_guessed_genders()
    return reader.story.story()


def _words_only(text: str) -> str:
    """The text less its labels, for telling its language (labels are Russian in Kazakh scripts too)."""
    kept = []
    for line in text.split("\n"):
        found = label(line)
        kept.append(found.rest if found else line)
    return "\n".join(kept)


def _read_line(reader: _Reader, number: int, line: str) -> None:
    story = reader.story
    found = label(line)
    if found is not None:
        _open_label(reader, number, found, line)
        return
    if _TC.match(line) and reader.current is not None and reader.current.kind in ("sot", "standup", "nat"):
        _timecodes(reader, line)
        return
    if _FILE.match(line):
        return  # the clip's file: structure, for the editor
    if reader.current is None:
        _head(reader, number, line)
        return
    attribution = split_attribution(line)
    if attribution is not None and is_reporter(attribution[0]):
        draft = reader.open("vo", number)
        if attribution[1]:
            story.add(draft, strip_dash(attribution[1]), number)
        return
    # A position may be long (`head of oil and gas analytics at Halyk Finance`); a name is short.
    limit = _TITLE_WORDS if reader.expecting[:1] == ["title"] else _SPEAKER_WORDS
    if reader.expecting and _names_a_person(line, limit) and not reader.words_begun:
        what = reader.expecting.pop(0)
        if what == "name":
            name, title = _split_name(line)
            reader.set_speaker(name, title, number)
            if title:
                reader.expecting = []
        else:
            assert reader.current.speaker is not None
            reader.set_speaker(reader.current.speaker.name, line.rstrip(":").strip(), reader.speaker_from)
        return
    reader.expecting = []
    text = strip_dash(line) if reader.current.kind in ("sot", "standup") else line
    story.add(reader.current, text, number)
    reader.words_begun = True


def _open_label(reader: _Reader, number: int, found: Label, line: str) -> None:
    story, current = reader.story, reader.current
    if found.kind == "super":
        _super(reader, number, found)
        return
    if found.kind == "running":
        seconds = length(found.rest or found.note)
        if current is not None and current.kind in ("sot", "nat", "standup") and current.tape is None and seconds:
            current.tape = seconds
        else:
            story.warn(number, f"not read: running time as written ({found.rest or found.note}); the timing counts its own", "not-read")
        return
    kind = found.kind
    if kind == "lead" and any(draft.kind != "lead" for draft in story.segments):
        kind = "tag"
    if kind == "nat":
        draft = reader.open("nat", number, tape=length(f"{found.note} {found.rest}"))
        story.add(draft, _sound(found) or line, number)
        if draft.tape is None:
            story.warn(number, "natural sound without a length takes no time; write its length (ЛАЙФ 0:05)", "guess")
        return
    if kind == "lead" and current is not None and current.kind == "lead" and not found.rest:
        return  # a second ВЕДУЩИЙ in the lead continues it
    draft = reader.open(kind, number)
    # `СИНХРОН (RU):`: the segment's language, as the cis layout writes a segment in another language.
    if found.note.casefold() in languages.codes() and found.note.casefold() != story.language.code:
        draft.language = found.note.casefold()
    if kind in ("sot", "standup"):
        tape = length(found.note) if found.note else None
        draft.tape = tape
        rest = found.rest.rstrip(":").strip()
        inner = label(rest)
        if inner is not None and inner.kind == "super":  # `СНХ: ТИТР: NAME` (the cis layout): the super names them
            rest = inner.rest
        if kind == "sot" or rest:
            reader.expecting = ["name", "title"]
        if rest and _names_a_person(rest) and (kind == "sot" or _capitalised(rest)):
            name, title = _split_name(rest)
            reader.set_speaker(name, title, number)
            reader.expecting = [] if title else ["title"]
        elif rest:
            story.add(draft, strip_dash(rest), number)
            reader.words_begun, reader.expecting = True, []
        return
    if found.rest:
        story.add(draft, found.rest, number)
        reader.words_begun = True


def _sound(found: Label) -> str:
    """What a natural sound is, from its label's line less the label and its length (`ЛАЙФ 0:04 (смех)` →
    `(смех)`); "" when the label says nothing more (`Отбивка`: then the label itself says it)."""
    return re.sub(r"^[\s:.\-–—]+", "", _LENGTH.sub("", found.rest, count=1)).strip()


def _super(reader: _Reader, number: int, found: Label) -> None:
    """A ТИТР names the open synch's (or stand-up's) speaker when none is named yet; any other is shown on
    screen and reported, not read."""
    current = reader.current
    if current is not None and current.kind in ("sot", "standup") and not reader.words_begun:
        if current.speaker is None and found.rest:
            name, title = _split_name(found.rest)
            reader.set_speaker(name, title, number)
            reader.expecting = [] if title else ["title"]
            return
        if current.speaker is None:
            reader.expecting = ["name", "title"]
            return
        if found.rest and caps_name(found.rest).startswith(current.speaker.name):
            return  # the super repeats the name the label gave
    reader.story.warn(number, f"not read: lower third (shown on screen): {found.rest or found.written}", "not-read")


def _timecodes(reader: _Reader, line: str) -> None:
    """TC IN and TC OUT give the tape's length, when the label did not."""
    match = _TC.match(line)
    assert match is not None and reader.current is not None
    if match["in"] and match["out"] and reader.current.tape is None:
        seconds = _timecode_seconds(match["out"]) - _timecode_seconds(match["in"])
        if seconds > 0:
            reader.current.tape = round(seconds, 2)


def _head(reader: _Reader, number: int, line: str) -> None:
    """Before the first label: the script's head (topic, crew), not read; the topic is the title. Any
    other text before a label is the anchor's."""
    story = reader.story
    title = _TITLE.match(line)
    if title:
        story.title = title["title"].strip()
        story.warn(number, "read as the story's title; not read on air", "headline")
        return
    if _HEAD.match(line):
        story.warn(number, "not read: the script's head (crew, date)", "not-read")
        return
    if not story.segments and not story.title and _names_a_person(line) and not _SENTENCE_END.search(line):
        story.title = line
        story.warn(number, "read as the headline (the story's title); not read on air", "headline")
        return
    draft = reader.open("lead", number)
    story.add(draft, line, number)
