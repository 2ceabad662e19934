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
from typing import TYPE_CHECKING

from .errors import InputError
from .model import Story, Warning
from .read import decode_warned, read_bytes

if TYPE_CHECKING:
    import zipfile


@dataclass(frozen=True)
class Read:
    """What the read stage gives the parser: the text, and the furniture it already set aside.

    `origin` is the file's own line number of each line of `text` (0 for a line the read stage put in, such as
    the blank line of a pause between cues); empty when the text's lines are the file's. `accounted` are the file
    lines the text shows in no line of their own: the furniture one summary warning counts (a subtitle file's
    numbering and timecodes) and the cue lines joined to the sentence they go on. `title` is the story's title
    when the file names it (a web page's headline)."""

    text: str
    warnings: tuple[Warning, ...] = ()
    origin: tuple[int, ...] = ()
    accounted: frozenset[int] = frozenset()
    title: str = ""

    def line(self, number: int) -> int:
        """The file's line number of the text's line `number` (0, the whole story, stays 0)."""
        if not self.origin or not 0 < number <= len(self.origin):
            return number
        return self.origin[number - 1]

    def place(self, story: Story) -> Story:
        """The story parsed from `text`, told in the file's terms: its line numbers, the read stage's warnings
        among its own (by line), and the file's title."""
        if self.origin:
            story = replace(
                story,
                segments=tuple(
                    replace(
                        segment,
                        lines=tuple(replace(line, source_line=self.line(line.source_line)) for line in segment.lines),
                        speaker=segment.speaker and replace(
                            segment.speaker, source_line=self.line(segment.speaker.source_line)
                        ),
                    )
                    for segment in story.segments
                ),
                warnings=tuple(
                    replace(warning, line=self.line(warning.line), message=_LINE_IN_MESSAGE.sub(
                        lambda match: f"{match[1]}{self.line(int(match[2]))}", warning.message
                    ))
                    for warning in story.warnings
                ),
            )
        if self.title:
            story = replace(story, title=self.title)
        if self.warnings:
            story = replace(story, warnings=tuple(sorted((*self.warnings, *story.warnings), key=lambda w: w.line)))
        return story


_LINE_IN_MESSAGE = re.compile(r"(\bline )(\d+)")


def read_input(source: str | Path, strict: bool = False) -> Read:
    """Read a path (or `-`, stdin: always plain text) into text; the suffix chooses the format. `strict` refuses
    a byte that is not UTF-8 in UTF-8 text (where no warning would be seen: a rundown's story) instead of warning."""
    data, name = read_bytes(source)
    suffix = Path(name).suffix.casefold() if name != "stdin" else ""
    if suffix == ".docx":
        return docx(data, name)
    if suffix in (".html", ".htm"):
        return html(data, name, strict)
    text, damaged = decode_warned(data, name, strict)  # bytes that are not UTF-8 in UTF-8 text: warned at their offset
    read = subtitles(text) if suffix in (".srt", ".vtt") else Read(text)
    return replace(read, warnings=(*damaged, *read.warnings)) if damaged else read


_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_TIMECODE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
_VOICE = re.compile(r"<v(?:\.[\w.]+)?\s+([^>]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:[a-z][\w.]*)(?:\s[^>]*)?>|<\d{1,2}:\d{2}[^>]*>", re.IGNORECASE)
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}
# Broadcast captions mark a new speaker with `>>` (and a new story with `>>>`).
_SPEAKER_CHANGE = re.compile(r"^\s*>>>?\s*")
# A sentence is over at final punctuation, a closing quotation mark or bracket may follow it.
_SENTENCE_END = re.compile(r"[.!?…][\"»”')\]]*$")
# A silence this long between two cues, after a finished sentence, starts a new paragraph.
PAUSE = 0.5


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


@dataclass
class _Cue:
    start: float
    end: float
    lines: list[tuple[int, str]]  # (the file's line number, the cue text as read)
    voice: str = ""  # the WebVTT voice (`<v Name>`), if any
    new_speaker: bool = False  # the caption marks a change of speaker (`>>`)


def subtitles(text: str) -> Read:
    """An .srt or .vtt file: the cue text is the copy, its sentences kept whole across cues; a pause after a
    finished sentence or a change of speaker starts a new paragraph. Cue numbers (or WebVTT cue names),
    timecodes, the WEBVTT header and NOTE/STYLE/REGION blocks are furniture, reported once in a summary.
    Formatting tags (<i>, <v Name>) are dropped."""
    lines = text.split("\n")
    cues: list[_Cue] = []
    set_aside: dict[str, list[int]] = {}

    def drop(index: int, what: str) -> None:
        set_aside.setdefault(what, []).append(index + 1)

    block_start = True  # at the first line of a block (after blank lines)
    skipping = ""  # inside a header, NOTE, STYLE or REGION block: what it is
    cue: _Cue | None = None
    for index, raw in enumerate(lines):
        stripped = raw.strip().lstrip("\ufeff")
        if not stripped:
            block_start, skipping, cue = True, "", None
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        timecode = _TIMECODE.match(stripped)
        if skipping:
            drop(index, skipping)
        elif index == 0 and stripped.startswith("WEBVTT"):
            skipping = "WebVTT header line"
            drop(index, skipping)
        elif block_start and re.match(r"^(?:NOTE|STYLE|REGION)\b", stripped):
            skipping = f"WebVTT {stripped.split()[0]} line"
            drop(index, skipping)
        elif timecode:
            drop(index, "timecode")
            cue = _Cue(_seconds(*timecode.groups()[:4]), _seconds(*timecode.groups()[4:]), [])
            cues.append(cue)
        elif block_start and _TIMECODE.match(following.strip()):
            drop(index, "cue number" if _CUE_NUMBER.match(stripped) else "cue name")
        else:
            if cue is None:  # text outside any cue (a hand-edited file): read it where it stands
                cue = _Cue(cues[-1].end if cues else 0.0, cues[-1].end if cues else 0.0, [])
                cues.append(cue)
            voice = _VOICE.search(raw)
            if voice and not cue.lines:
                cue.voice = " ".join(voice[1].split())
            written = _TAG.sub("", raw)
            for entity, char in _ENTITIES.items():
                written = written.replace(entity, char)
            if not cue.lines and _SPEAKER_CHANGE.match(written):
                cue.new_speaker, written = True, _SPEAKER_CHANGE.sub("", written)
            if written.strip():
                cue.lines.append((index + 1, written.strip()))
            else:
                drop(index, "formatting-only line")
        block_start = False
    return _paragraphs([cue for cue in cues if cue.lines], set_aside)


def _paragraphs(cues: list[_Cue], set_aside: dict[str, list[int]]) -> Read:
    """The cues' text as a producer writes it: a sentence parted over cue lines mid-way (`… 60 billion tenge` /
    `and has 12 gates.`) is joined into one line, numbered by the file line it starts on; a blank line parts
    paragraphs where the captions pause (PAUSE) or the speaker changes, unless the sentence goes on there. Any
    other line stays as the file has it (a `Name, title:` line stays its own, and the reader joins a paragraph's
    unpunctuated lines as it does a transcript's)."""
    if not cues:
        raise InputError("subtitles: no cue text (only numbers and timecodes)")
    text: list[str] = []
    origin: list[int] = []
    joined: list[int] = []  # cue lines that go on the line before: read, as part of it
    previous: _Cue | None = None
    presenter = next((cue.voice for cue in cues if cue.voice), "")  # the first voice reads the lead
    speaking = ""  # the voice of the words laid out last (a cue without `<v>` goes on in it)
    for cue in cues:
        voice = cue.voice or speaking
        parted = previous is None
        if previous is not None:
            before, first = previous.lines[-1][1], cue.lines[0][1]
            paused = cue.start - previous.end >= PAUSE
            if (paused or voice != speaking or cue.new_speaker) and not _goes_on(before, first) and not before.endswith(":"):
                text.append("")
                origin.append(0)
                parted = True
        if parted and voice != speaking and _is_guest(voice, presenter):
            # A named voice other than the presenter's is a guest: their words open with the `Name:` line a
            # transcript gives a synch, numbered by the cue line that names them.
            text.append(f"{voice}:")
            origin.append(cue.lines[0][0])
        speaking = voice
        for index, (number, written) in enumerate(cue.lines):
            new_speaker = index == 0 and cue.new_speaker
            if text and text[-1] and not new_speaker and _goes_on(text[-1], written) and len(text[-1].split()) < _LINE_WORDS:
                text[-1] = f"{text[-1]} {written}"
                joined.append(number)
            else:
                text.append(written)
                origin.append(number)
        previous = cue
    numbers = sorted(number for found in set_aside.values() for number in found)
    warnings: tuple[Warning, ...] = ()
    if numbers:
        counts = ", ".join(f"{len(found)} {what}{'s' if len(found) > 1 else ''}" for what, found in set_aside.items())
        summary = f"not read: subtitle numbering and timing ({counts}; lines {numbers[0]}–{numbers[-1]})"
        warnings = (Warning(numbers[0], summary, "not-read"),)
    return Read("\n".join(text), warnings, origin=tuple(origin), accounted=frozenset((*numbers, *joined)))


# A WebVTT voice that names a role, not a person: the presenter's or the reporter's words, never a synch.
_ROLE_VOICE = re.compile(
    r"^(?:anchor|presenter|host|newsreader|reporter|correspondent|narrator|voice-?over|vo|speaker\s*\d*|"
    r"ведущ\w*|диктор|корр\.?|корреспондент\w*|журналист\w*|жүргізуші|тілші|спикер\s*\d*)$",
    re.IGNORECASE,
)


def _is_guest(voice: str, presenter: str) -> bool:
    return bool(voice) and voice != presenter and not _ROLE_VOICE.match(voice)


_DASHES = ("-", "–", "—")
# A line ending so goes on in the next (a comma, a dash); a line opening in lower case goes on the line before.
_GOES_ON = re.compile(r"[,;–—-]$")
# Joined lines are kept to about this many words (a line break parts no paragraph).
_LINE_WORDS = 40


def _goes_on(before: str, line: str) -> bool:
    """Whether `line` goes on the sentence `before` left unfinished at a cue line's end (a script's label or
    file line is structure, never a sentence: `титр: Name` after `файл: clip.mxf`)."""
    from .parse.cis import is_label_line, label

    if _SENTENCE_END.search(before) or before.endswith(":") or line.startswith(_DASHES):
        return False
    if label(line) is not None or is_label_line(before):
        return False
    if _GOES_ON.search(before):
        return True
    return line.lstrip("«\"“„(")[:1].islower()  # not a figure: a date stamp under a headline starts so too


# What a .docx may unpack to: python-docx holds every part in memory and parses the XML whole (a 1 MB zip of
# 1 GB took 2 GB and 15 s). A Word file of the 5 MB of text an article may have is some 30 MB of XML.
_MOST_DOCX_XML = 64_000_000
_MOST_DOCX = 256_000_000


def _unpacked_within_limits(archive: zipfile.ZipFile, name: str) -> None:
    """InputError when the .docx's parts (their sizes as the zip declares them: no more is ever read) are over
    the limits: a zip bomb is refused before anything is unpacked."""
    sizes = [(info.filename, info.file_size) for info in archive.infolist()]
    xml = sum(size for part, size in sizes if part.endswith((".xml", ".rels")))
    if xml > _MOST_DOCX_XML or sum(size for _, size in sizes) > _MOST_DOCX:
        raise InputError(
            f"{name}: the .docx unpacks to {max(xml, sum(size for _, size in sizes)) // 1_000_000} MB, over the "
            f"{_MOST_DOCX_XML // 1_000_000} MB of text or {_MOST_DOCX // 1_000_000} MB in all a document may hold"
        )


def docx(data: bytes, name: str) -> Read:
    """A Word document, in the order it is written: each paragraph is a line (an empty one a blank line), a
    script table is read by its columns (`_table`), any other table is named, not read. Page headers and
    footers, text boxes, footnotes and comments are named in warnings (line 0), not read."""
    import io
    import zipfile

    try:
        import docx as python_docx  # python-docx; imported only for a .docx
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        _unpacked_within_limits(zipfile.ZipFile(io.BytesIO(data)), name)
        document = python_docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(f"{name}: not a readable .docx ({type(error).__name__}: {error})".split("\n")[0]) from None
    except Exception as error:  # lxml's XMLSyntaxError and python-docx's own errors on a damaged part
        raise InputError(f"{name}: not a readable .docx ({type(error).__name__})") from None
    lines: list[str] = []
    warnings: list[Warning] = []
    for block in _body_blocks(document.element.body):
        if block.tag == _W + "tbl":
            table = python_docx.table.Table(block, document._body)
            read, unread = _table([[_cell_lines(cell) for cell in _cells(row)] for row in table.rows])
            if read and lines and lines[-1]:
                lines.append("")  # the table's rows are paragraphs of their own
            lines += read
            if read:
                lines.append("")
            warnings += [Warning(0, f"not read: {what}", "not-read") for what in unread]
        else:
            lines += _paragraph_lines(block)
    warnings += _docx_margins(document)
    if not any(lines):
        raise InputError(f"{name}: the .docx has no text" + (" it reads (see its tables)" if warnings else ""))
    return Read("\n".join(lines).strip("\n"), tuple(warnings))


def _words_of(text: str) -> str:
    return " ".join(text.split())


def _cells(row) -> list:
    """A row's cells, each once: a merged cell is repeated in python-docx's list."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_lines(cell) -> list[str]:
    return [line for paragraph in cell._tc.iter(_W + "p") for line in _paragraph_lines(paragraph) if line]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body_blocks(element):
    """The body's paragraphs and tables in order, also those inside content controls (`w:sdt`) and custom XML,
    which python-docx's own list leaves out."""
    for child in element.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _body_blocks(content)
        elif child.tag == _W + "customXml":
            yield from _body_blocks(child)


# Where a paragraph's text is not its own words: a text box (named apart), deleted or moved-away text.
_NOT_THE_PARAGRAPH_S = frozenset({_W + "txbxContent", _W + "del", _W + "moveFrom"})


def _paragraph_lines(paragraph) -> list[str]:
    """A paragraph's text as Word shows it (python-docx's `.text` leaves out tracked insertions, content
    controls and smart tags): every run's text, deleted text left out; a manual line break (Shift+Enter) parts
    lines, as a transcript's lines are parted. An empty paragraph is one blank line."""
    parts: list[str] = []
    for node in paragraph.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if any(ancestor.tag in _NOT_THE_PARAGRAPH_S for ancestor in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == _W + "t" else " " if node.tag == _W + "tab" else "\n")
    lines = [_words_of(line) for line in "".join(parts).split("\n")]
    while len(lines) > 1 and not lines[-1]:  # a break at the paragraph's end parts nothing
        lines.pop()
    return lines


# The header row of a two-column A/V script: the picture's column and the words' column.
_VIDEO_HEADER = re.compile(
    r"^(?:video|visuals?|picture|vision|видео|видеоряд|изображение|картинка|кадры?|бейне|бейнеқатар|сурет)\b",
    re.IGNORECASE,
)
_AUDIO_HEADER = re.compile(r"^(?:audio|sound|text|script|words|аудио|звук|текст|мәтін|дыбыс)\b", re.IGNORECASE)
# At least this share of a table's first-column cells are labels (ЗК, СНХ, LEAD) for it to be a label|text script.
_LABEL_SHARE = 0.6


def _table(rows: list[list[list[str]]]) -> tuple[list[str], list[str]]:
    """A table's lines to read and what it leaves unread (named). A two-column A/V script (a VIDEO | AUDIO header)
    is read by its words' column, the picture column's labels kept, its shot notes named; a label | text script
    (CIS: ЗК | words) is read label by label; a one-column table is a box of copy; any other table (figures,
    a schedule) is named, not read."""
    from .parse.cis import label  # the labels a script table writes (ЗК, СНХ, ТИТР, LEAD)

    rows = [row for row in rows if any(row)]
    if not rows:
        return [], []
    width = max(len(row) for row in rows)
    header = [" ".join(cell) for cell in rows[0]]
    video = next((i for i, cell in enumerate(header) if _VIDEO_HEADER.match(cell)), None)
    audio = next((i for i, cell in enumerate(header) if _AUDIO_HEADER.match(cell)), None)
    lines: list[str] = []
    if video is not None and audio is not None:
        shots: list[str] = []
        for row in rows[1:]:
            for line in row[video] if video < len(row) else []:
                found = label(line)
                if found is None:
                    shots.append(line)
                elif found.kind in ("lead", "vo") and found.rest:  # `VO: wide shot of the chamber`: the label
                    lines.append(found.written)
                    shots.append(found.rest)
                else:  # `SOT: Name, title`, `ТИТР: …`, `ЛАЙФ 0:05`: the script's structure, kept whole
                    lines.append(line)
            lines += row[audio] if audio < len(row) else []
            lines.append("")
        unread = [f"the table's header row «{' | '.join(header)}»"]
        if shots:
            unread.append(f"{len(shots)} shot notes of the {header[video]} column, e.g. «{_shorten(shots[0])}»")
        return lines[:-1], unread
    first = [row[0] for row in rows if row and row[0]]
    if width >= 2 and first and sum(1 for cell in first if label(cell[0])) >= _LABEL_SHARE * len(first):
        for row in rows:
            lines += [line for cell in row for line in cell]
            lines.append("")
        return lines[:-1], []
    if width == 1:
        return [line for row in rows for line in row[0]], []
    cells = [" ".join(cell) for row in rows for cell in row if cell]
    return [], [f"a table ({len(rows)} rows × {width} columns), not script: «{_shorten(' | '.join(cells), 20)}»"]


def _docx_margins(document) -> list[Warning]:
    """What stands outside the document's body: page headers and footers, text boxes, footnotes, comments."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    found: list[tuple[str, str]] = []
    for section in document.sections:
        for what, part in (
            ("page header", section.header), ("first-page header", section.first_page_header),
            ("even-page header", section.even_page_header), ("page footer", section.footer),
            ("first-page footer", section.first_page_footer), ("even-page footer", section.even_page_footer),
        ):
            if part.is_linked_to_previous:
                continue
            text = " / ".join(line for line in (_words_of(p.text) for p in part.paragraphs) if line)
            if text:
                found.append((what, text))
    for box in document.element.body.iter(qn("w:txbxContent")):
        text = _words_of(" ".join(node.text or "" for node in box.iter(qn("w:t"))))
        if text:
            found.append(("text box", text))
    notes = {"/word/footnotes.xml": "footnote", "/word/endnotes.xml": "endnote", "/word/comments.xml": "comment"}
    for part in document.part.package.iter_parts():
        kind = notes.get(str(part.partname))
        if kind is None:
            continue
        for note in parse_xml(part.blob):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = _words_of(" ".join(node.text or "" for node in note.iter(qn("w:t"))))
            if text:
                found.append((kind, text))
    # A header repeated by every section is named once.
    return [Warning(0, f"not read: {what} «{_shorten(text, 20)}»", "not-read") for what, text in dict.fromkeys(found)]


def html(data: bytes, name: str, strict: bool = False) -> Read:
    """A saved web page: its main text (trafilatura, offline, nothing fetched) is the copy; its headline is the
    story's title; the headline, byline and date are furniture, named in warnings about the whole story (line 0),
    not read. What the extractor leaves out of the page is counted in one warning; a paragraph of it that reads
    like copy is named on its own, so no sentence of the story goes unseen."""
    try:
        import trafilatura  # imported only for an .html
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading .html needs trafilatura (pip install trafilatura)") from None
    page, damaged = decode_warned(data, name, strict)
    try:
        found = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False, favor_precision=True, fast=True,  # fast: no fallback that takes any text (menus)
            # The page's own date only: the extensive search takes a year from the copyright line for a date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a page lxml cannot parse at all
        raise InputError(f"{name}: cannot read this web page ({type(error).__name__})") from None
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        raise InputError(f"{name}: no main text found in this web page")
    furniture = {
        what: " ".join(str(value).split())
        for what, value in (
            ("headline", getattr(found, "title", None)), ("byline", getattr(found, "author", None)),
            ("date stamp", getattr(found, "date", None)),
        )
        if value and str(value).strip()
    }
    named = tuple(furniture.values())  # as the page has them: their words are named, not left out
    if "byline" in furniture:  # `Автор Ирина Ким`: the name is the byline
        furniture["byline"] = re.sub(r"^(?:by|author|автор|тілші)\b\s*:?\s*", "", furniture["byline"], flags=re.I)
    warnings = [Warning(0, f"not read: {what} «{value}»", "not-read") for what, value in furniture.items()]
    lines = [" ".join(line.split()) for line in text.split("\n")]
    title = furniture.get("headline", "")
    if title and lines and lines[0] == title:  # the page's headline heads its main text too: set aside once
        lines[0] = ""
    paragraphs = [line for line in lines if line]
    warnings += _left_out(page, paragraphs, named)
    # The page's own lines are not the text's: a damaged byte is warned about the whole story.
    warnings += [Warning(0, warning.message, warning.kind) for warning in damaged]
    # A blank line between paragraphs, as on the page; the headline is the title.
    return Read("\n\n".join(paragraphs), tuple(warnings), title=title)


# Elements that do not part a page's text into blocks.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var wbr".split()
)
_UNSEEN = ("script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe", "object")
# A left-out block with this many words that ends a sentence reads like copy: named on its own.
_COPY_WORDS = 8
_EXAMPLES = 3


def _left_out(page: str, paragraphs: list[str], furniture: tuple[str, ...]) -> list[Warning]:
    """Warnings for the page's text the extractor left out: one count of it all (menus, links, footer), and
    each block that reads like a paragraph of copy, named (not one inside the page's comments, footer, menus or
    side columns)."""
    kept = _words(" ".join((*paragraphs, *furniture)))
    left = [(block, around) for block, around in _blocks(page) if not _within(block, kept)]
    if not left:
        return []
    words = sum(len(block.split()) for block, _ in left)
    examples = ", ".join(f"«{_shorten(block)}»" for block, _ in left[:_EXAMPLES])
    found = [
        Warning(0, f"not read: {len(left)} blocks of the page outside its main text ({words} words: menus, links, "
                   f"footer…), e.g. {examples}", "not-read")
    ]
    found += [
        Warning(0, f"not read: a paragraph the page's extractor left out of the main text «{_shorten(block)}»; "
                   "if it is copy, paste it in", "not-read")
        for block, around in left
        if not around and len(block.split()) >= _COPY_WORDS and _SENTENCE_END.search(block)
    ]
    return found


# Parts of a page around the story (by tag, class or id): what is left out there is no lost copy.
_AROUND = re.compile(r"comment|footer|nav|menu|sidebar|aside|related|share|social|banner|widget|header|cookie", re.I)
_MARK = "\ue000"  # (a private-use character) put before a block's text when the block stands in such a part


def _blocks(page: str) -> list[tuple[str, bool]]:
    """The page's visible text, block by block (a paragraph, a list item, a menu's links), as a reader sees it;
    each with whether it stands in a part around the story (comments, footer, menus)."""
    import lxml.html  # type: ignore[import-untyped]  # no stubs; one call

    try:
        root = lxml.html.document_fromstring(page)
    except Exception:  # the extractor read it; its blocks cannot be told, so nothing is counted
        return []
    for element in list(root.iter(*_UNSEEN)):
        if element.getparent() is not None:
            element.drop_tree()
    around: dict[object, bool] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction
            continue
        parent = element.getparent()
        outside = around.get(parent, False) or bool(
            _AROUND.search(f"{element.tag} {element.get('class', '')} {element.get('id', '')}")
        )
        around[element] = outside
        if element.tag not in _INLINE:
            element.text = "\n" + (_MARK if outside else "") + (element.text or "")
            element.tail = "\n" + (_MARK if around.get(parent, False) else "") + (element.tail or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    return [(" ".join(line.replace(_MARK, "").split()), _MARK in line) for line in text.split("\n") if line.replace(_MARK, "").strip()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _within(block: str, kept: set[str]) -> bool:
    """Whether a block's words are (nearly all) in the main text or the named furniture: it was read or named."""
    words = re.findall(r"\w+", block.casefold())
    return not words or sum(1 for word in words if word in kept) >= 0.8 * len(words)


def _shorten(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")
