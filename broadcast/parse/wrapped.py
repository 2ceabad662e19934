"""Copy hard-wrapped at a fixed width (a syndication page, an e-mailed release) joined back into its paragraphs
before the read, so a quotation over several lines is one; the story is told in the file's line numbers again.

Every paragraph of such copy is broken into lines of about 65 characters. The page convention behind it: a
wrapped paragraph's lines are all about as long as the widest line, end mostly
without a sentence's stop, and the next line goes on in the middle of a sentence (a small letter). Copy pasted
as it is published has one line per paragraph, most of them longer than any wrapping width, and opens each
paragraph with a capital; a list of headlines opens each line with a capital too. So a text is taken as wrapped
only when both show: many lines of about the same width and many lines that go on in small letters.
"""
from __future__ import annotations

import re

from ..inputs import Read
from ..model import Warning

_WIDEST = 100  # a line longer than this is a paragraph of its own (no wrapping width is wider)
_SHORTEST = 40  # a wrapped line is at least this long (the width minus the next word, at most)
_SLACK = 25  # how much shorter than the widest a wrapped line may be
_LINES = 6  # at least this many lines of about the width
_GOES_ON = 3  # and at least this many going on in small letters
_SENTENCE_END = re.compile(r"[.!?…:;][\"»”’')\]]*$")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
# A line that ends with a word (or a comma) and the next that opens with a small letter: a sentence going on.
_GOES_ON_SCAN = re.compile(r"(?:[^\W\d_]|,)[ \t]*\n[ \t]*[^\W\d_A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
_SCAN_CHARS = 20_000  # a wrapped page shows it in its first screens


def unwrap(text: str) -> Read | None:
    """The text with its hard-wrapped paragraphs joined, each line's file number in `origin`, or None when the
    text is not hard-wrapped (most copy: one length check a line)."""
    if len(_GOES_ON_SCAN.findall(text, 0, _SCAN_CHARS)) < _GOES_ON:
        return None  # no line goes on in small letters from the line above: one scan of the text, no work a line
    lines = text.split("\n")
    lengths = [len(raw.strip()) for raw in lines]
    sized = [n for n in lengths if _SHORTEST <= n <= _WIDEST]
    if len(sized) < _LINES:
        return None
    width = max(sized)
    wrapped = [
        i for i in range(len(lines) - 1)
        if width - _SLACK <= lengths[i] <= width and lengths[i + 1]
    ]
    going_on = sum(1 for i in wrapped if lines[i + 1].strip()[:1].islower())
    if len(wrapped) < _LINES or going_on < _GOES_ON or 5 * going_on < 2 * len(wrapped):
        return None
    joined: list[str] = []
    origin: list[int] = []
    notes: list[Warning] = []
    open_quote = False
    for i, raw in enumerate(lines):
        number = i + 1
        text_ = raw.strip()
        if joined and _joins(lines, i - 1, lengths, width, open_quote):
            joined[-1] = f"{joined[-1].rstrip()} {text_}"
            notes.append(Warning(number, f"joined to line {origin[-1]}: the copy is hard-wrapped", "not-read"))
        else:
            joined.append(raw)
            origin.append(number)
            open_quote = False
        if text_:
            open_quote = open_quote != (len(_QUOTE_MARKS.findall(text_)) % 2 == 1)
    if len(joined) == len(lines):
        return None
    return Read("\n".join(joined), tuple(notes), origin=tuple(origin))


def _joins(lines: list[str], i: int, lengths: list[int], width: int, open_quote: bool) -> bool:
    """Whether line i + 1 goes on line i's paragraph: line i is about the width, the next is not blank, and
    line i's sentence (or its open quotation) goes on."""
    if not (width - _SLACK <= lengths[i] <= width and lengths[i + 1]):
        return False
    following = lines[i + 1].strip()
    if open_quote or not _SENTENCE_END.search(lines[i].rstrip()):
        return True
    return following[:1].islower()
