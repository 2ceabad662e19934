"""Inputs other than plain text, chosen by the file's suffix: subtitles (.srt, .vtt), Word (.docx), web pages
(.html). Each becomes plain text for the normal reader, plus the page furniture it set aside (warned, not read).

Subtitles keep the file's line numbers: a cue number, a timecode line or the WEBVTT header becomes a blank line,
so every line the reader reports is the original file's line. A .docx gives one line per paragraph; a web page
one paragraph of its main text per line, a blank line between (the numbers count those lines, not the HTML
source's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .model import Warning
from .read import decode_warned, read_bytes


@dataclass(frozen=True)
class Read:
    """What the read stage gives the parser: the text, and the furniture it already set aside."""

    text: str
    warnings: tuple[Warning, ...] = ()


def read_input(source: str | Path) -> Read:
    """Read a path (or `-`, stdin: always plain text) into text; the suffix chooses the format."""
    data, name = read_bytes(source)
    suffix = Path(name).suffix.casefold() if name != "stdin" else ""
    if suffix == ".docx":
        return docx(data, name)
    if suffix in (".html", ".htm"):
        return html(data, name)
    text, damaged = decode_warned(data, name)  # bytes that are not UTF-8 in UTF-8 text: warned at their offset
    read = subtitles(text) if suffix in (".srt", ".vtt") else Read(text)
    return replace(read, warnings=(*damaged, *read.warnings)) if damaged else read


_TIMECODE = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}(?:\s+.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
_TAG = re.compile(r"</?(?:[a-z][\w.]*)(?:\s[^>]*)?>|<\d{1,2}:\d{2}[^>]*>", re.IGNORECASE)
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


def subtitles(text: str) -> Read:
    """An .srt or .vtt file: the cue text is the copy; cue numbers (or WebVTT cue names), timecodes, the WEBVTT
    header and NOTE/STYLE/REGION blocks are furniture. Formatting tags (<i>, <v Name>) are dropped."""
    lines = text.split("\n")
    out = list(lines)
    warnings: list[Warning] = []

    def drop(index: int, what: str) -> None:
        out[index] = ""
        warnings.append(Warning(index + 1, f"not read: {what}", "not-read"))

    block_start = True  # at the first line of a block (after blank lines)
    skipping = ""  # inside a header, NOTE, STYLE or REGION block: what it is
    for index, raw in enumerate(lines):
        stripped = raw.strip().lstrip("\ufeff")
        if not stripped:
            block_start, skipping = True, ""
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if skipping:
            drop(index, skipping)
        elif index == 0 and stripped.startswith("WEBVTT"):
            skipping = "WebVTT header"
            drop(index, skipping)
        elif block_start and re.match(r"^(?:NOTE|STYLE|REGION)\b", stripped):
            skipping = f"WebVTT {stripped.split()[0]} block"
            drop(index, skipping)
        elif _TIMECODE.match(stripped):
            drop(index, "subtitle timecode")
        elif block_start and _TIMECODE.match(following.strip()):
            drop(index, "subtitle cue number" if _CUE_NUMBER.match(stripped) else "subtitle cue name")
        else:
            cue = _TAG.sub("", raw)
            for entity, char in _ENTITIES.items():
                cue = cue.replace(entity, char)
            if cue.strip():
                out[index] = cue.strip()
            else:
                drop(index, "subtitle formatting")
        block_start = False
    if not any(line.strip() for line in out):
        raise InputError("subtitles: no cue text (only numbers and timecodes)")
    return Read("\n".join(out), tuple(warnings))


def docx(data: bytes, name: str) -> Read:
    """A Word document: each paragraph is a line (empty paragraphs are blank lines)."""
    import io
    import zipfile

    try:
        import docx as python_docx  # python-docx; imported only for a .docx
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = python_docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(f"{name}: not a readable .docx ({type(error).__name__}: {error})".split("\n")[0]) from None
    except Exception as error:  # lxml's XMLSyntaxError and python-docx's own errors on a damaged part
        raise InputError(f"{name}: not a readable .docx ({type(error).__name__})") from None
    lines = [" ".join(paragraph.text.split()) for paragraph in document.paragraphs]
    if not any(lines):
        raise InputError(f"{name}: the .docx has no text")
    return Read("\n".join(lines))


def html(data: bytes, name: str) -> Read:
    """A saved web page: its main text (trafilatura, offline, nothing fetched) is the copy; the headline,
    byline and date it finds are furniture: named in warnings about the whole story (line 0), not read."""
    try:
        import trafilatura  # imported only for an .html
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading .html needs trafilatura (pip install trafilatura)") from None
    page, damaged = decode_warned(data, name)
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, favor_precision=True, fast=True,  # fast: no fallback that takes any text (menus)
        )
    except Exception as error:  # a page lxml cannot parse at all
        raise InputError(f"{name}: cannot read this web page ({type(error).__name__})") from None
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        raise InputError(f"{name}: no main text found in this web page")
    warnings = [
        Warning(0, f"not read: {what} «{' '.join(str(value).split())}»", "not-read")
        for what, value in (
            ("headline", getattr(found, "title", None)), ("byline", getattr(found, "author", None)),
            ("date stamp", getattr(found, "date", None)),
        )
        if value and str(value).strip()
    ]
    lines = [" ".join(line.split()) for line in text.split("\n")]
    title = " ".join(str(getattr(found, "title", None) or "").split())
    if title and lines and lines[0] == title:  # the page's headline heads its main text too: set aside once
        lines[0] = ""
    paragraphs = [line for line in lines if line]
    # The page's own lines are not the text's: a damaged byte is warned about the whole story.
    warnings += [Warning(0, warning.message, warning.kind) for warning in damaged]
    return Read("\n\n".join(paragraphs), tuple(warnings))  # a blank line between paragraphs, as on the page
