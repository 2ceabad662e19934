"""The running order as MOS files (MOS protocol 2.8): one roCreate, then one roStorySend per item.

Saved MOS messages are a folder of XML files, one message each, ordered by messageID: what MOS tools
such as the BBC's mosromgr read (`mosromgr merge -i -f FOLDER/*`). Every story of the running order
carries its timing in mosExternalMetadata (TextTime: read; MediaTime: tape, breaks and stings), the
fields mosromgr sums for a story's duration.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from xml.etree import ElementTree
from xml.etree.ElementTree import Element, SubElement

from ..writers.contract import seconds
from ..output import write_folder_atomic
from ..writers.formats import Format, register
from ..writers.story import timed_segments
from .bulletin import Bulletin
from .model import Item

NCS_ID = "BROADCAST.NCS"  # we act as the newsroom system sending the running order
FRAME_RATE = 25  # objTB: samples a second; Kazakhstan broadcasts PAL, 25 frames a second
SUFFIX = ".mos.xml"
SCHEMA = "urn:broadcast:rundown:1"  # names our mosPayload fields (mosSchema is a URL or URN by the spec)


def mos_id(bulletin: Bulletin) -> str:
    return f"BROADCAST.{bulletin.house.name.upper()}.MOS"


def ro_id(bulletin: Bulletin, date: datetime.date) -> str:
    start = datetime.time(*_hms(bulletin.timing.start))
    return f"BROADCAST;{bulletin.house.name};{date.isoformat()}T{start.strftime('%H%M%S')}"


def _hms(milliseconds: int) -> tuple[int, int, int]:
    total = round(milliseconds / 1000) % 86_400
    return total // 3600, total // 60 % 60, total % 60


def _edit_duration(milliseconds: int) -> str:
    """roEdDur: HH:MM:SS."""
    total = round(milliseconds / 1000)
    return f"{total // 3600:02d}:{total // 60 % 60:02d}:{total % 60:02d}"


# What XML 1.0 cannot carry: control characters (but tab and line ends), lone surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(parent: Element, tag: str, value: object) -> Element:
    """A child element holding `value` as text; characters XML cannot hold are dropped, so every MOS file
    written parses (a \x01 in a line once made the file ill-formed)."""
    element = SubElement(parent, tag)
    element.text = _NOT_XML.sub("", str(value))
    return element


def _message(bulletin: Bulletin, number: int, kind: str) -> tuple[Element, Element]:
    root = Element("mos")
    _text(root, "mosID", mos_id(bulletin))
    _text(root, "ncsID", NCS_ID)
    _text(root, "messageID", number)
    return root, SubElement(root, kind)


def _story_id(ro: str, item: Item) -> str:
    return f"{ro},{item.page}"


def _metadata(parent: Element, item: Item) -> None:
    """Type, talent and durations in seconds: TextTime + MediaTime is the item's estimate, exactly."""
    if item.timed is not None:
        text, media = item.timed.timing.read, item.timed.timing.tape
    else:
        text, media = 0, item.duration
    metadata = SubElement(parent, "mosExternalMetadata")
    _text(metadata, "mosScope", "PLAYLIST")
    _text(metadata, "mosSchema", SCHEMA)
    payload = SubElement(metadata, "mosPayload")
    _text(payload, "Type", item.kind.upper())
    if item.talent:
        _text(payload, "Talent", item.talent)
    _text(payload, "TextTime", seconds(text))
    _text(payload, "MediaTime", seconds(media))


def _frames(milliseconds: int) -> int:
    return round(milliseconds * FRAME_RATE / 1000)


def _objects(item: Item) -> list[tuple[int | None, str, int]]:
    """The item's MOS objects as (segment index or None, slug, duration): each SOT's tape, or a break's
    or sting's own audio file."""
    if item.timed is None:
        return [(None, f"{item.kind.upper()}: {item.entry.audio.name}", item.duration)] if item.entry.audio else []
    return [
        (s.index, f"SOT {s.index}: {s.segment.speaker.lower_third if s.segment.speaker else ''}", s.timing.duration)
        for s in timed_segments(item.timed.story, item.timed.timing)
        if s.segment.kind == "sot"
    ]


def _object(parent: Element, tag: str, bulletin: Bulletin, story_id: str, number: int, slug: str, duration: int) -> None:
    element = SubElement(parent, tag)
    _text(element, "itemID", number)
    _text(element, "itemSlug", slug)
    _text(element, "objID", f"{story_id}.{number}")
    _text(element, "mosID", mos_id(bulletin))
    _text(element, "objDur", _frames(duration))
    _text(element, "objTB", FRAME_RATE)
    _text(element, "itemEdDur", _frames(duration))


def _story_head(parent: Element, story_id: str, item: Item) -> None:
    _text(parent, "storyID", story_id)
    _text(parent, "storySlug", item.slug)
    _text(parent, "storyNum", item.page)


def ro_create(bulletin: Bulletin, date: datetime.date) -> Element:
    ro = ro_id(bulletin, date)
    root, create = _message(bulletin, 1, "roCreate")
    _text(create, "roID", ro)
    _text(create, "roSlug", bulletin.rundown.title)
    _text(create, "roEdStart", datetime.datetime.combine(date, datetime.time(*_hms(bulletin.timing.start))).isoformat())
    _text(create, "roEdDur", _edit_duration(bulletin.timing.slot))
    for item in bulletin.items:
        story = SubElement(create, "story")
        story_id = _story_id(ro, item)
        _story_head(story, story_id, item)
        _metadata(story, item)
        for number, (_, slug, duration) in enumerate(_objects(item), start=1):
            _object(story, "item", bulletin, story_id, number, slug, duration)
    return root


def ro_story_send(bulletin: Bulletin, date: datetime.date, number: int, item: Item) -> Element:
    """A story with its script: a paragraph a line; cues are paragraphs in brackets (production notes).
    A break or sting is sent too, its body one note with its length."""
    ro = ro_id(bulletin, date)
    root, send = _message(bulletin, number, "roStorySend")
    _text(send, "roID", ro)
    story_id = _story_id(ro, item)
    _story_head(send, story_id, item)
    body = SubElement(send, "storyBody")
    objects = {index: (number, slug, duration) for number, (index, slug, duration) in enumerate(_objects(item), start=1)}
    if item.timed is None:
        _text(body, "p", f"({item.kind.upper()} {seconds(item.duration):.1f}s)")
        if None in objects:
            _object(body, "storyItem", bulletin, story_id, *objects[None])
    for s in timed_segments(item.timed.story, item.timed.timing) if item.timed else ():
        _text(body, "p", f"({s.cue[1:-1]} {s.timing.start_s:.1f}s +{s.timing.duration_s:.1f}s)")
        if s.index in objects:  # the tape plays where its cue stands
            _object(body, "storyItem", bulletin, story_id, *objects[s.index])
        for line in s.lines:
            _text(body, "p", line.line.prompt)
    _metadata(send, item)
    return root


def _bytes(root: Element) -> bytes:
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def mos_files(bulletin: Bulletin, date: datetime.date | None = None) -> dict[str, bytes]:
    """File name -> XML of every message, numbered in the order they are sent."""
    date = date or bulletin.rundown.date or datetime.date.today()
    files = {f"0001-roCreate{SUFFIX}": _bytes(ro_create(bulletin, date))}
    # Every item is sent, in running order: mosromgr (0.10) puts a sent story back at its index among
    # the roCreate's children, which keeps the order only when all stories before it were sent too.
    for number, item in enumerate(bulletin.items, start=2):
        files[f"{number:04d}-roStorySend-{item.page}{SUFFIX}"] = _bytes(ro_story_send(bulletin, date, number, item))
    return files


def write_mos(bulletin: Bulletin, folder: str | Path, date: datetime.date | None = None) -> None:
    """Write the MOS files as `folder`, all at once (a half-written running order is worse than none)."""
    write_folder_atomic(folder, mos_files(bulletin, date), keep_suffix=SUFFIX)


register(Format("mos", "bulletin", ".mos", folder_files=mos_files, file_suffix=SUFFIX,
                help="a folder of MOS 2.8 messages for a newsroom system"))
