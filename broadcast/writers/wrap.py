"""A prompter line's rows: the text wrapped to the prompter's width as textwrap would, faster."""
from __future__ import annotations

import textwrap


def wrap(text: str, width: int = 32) -> list[str]:
    """Rows of at most `width` characters; a dash never opens a row (it would read as a new speaker's quote)."""
    rows = textwrap_rows(text, width) or [""]
    for index in range(len(rows) - 1, 0, -1):
        head, _, rest = rows[index].partition(" ")
        if head in ("-", "–", "—"):
            rows[index - 1] += f" {head}"
            rows[index] = rest
    return [row for row in rows if row] or [""]


# The white space textwrap turns into spaces (its `_whitespace`, a tab expanded first): a line with none of it
# but spaces is split as it is.
_MUNGED = frozenset("\t\n\x0b\x0c\r")
_WORDS_AND_SPACES = textwrap.TextWrapper.wordsep_simple_re


def textwrap_rows(text: str, width: int) -> list[str]:
    """`textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)`, row for row: its greedy fill
    of words and runs of spaces, with the same rules for white space at a row's ends, without building a
    TextWrapper and translating every character of every line (the prompter wraps every line it shows: this
    was half of a render). Text with tabs or other line-breaking white space, or an odd width, goes to textwrap."""
    if type(width) is not int or width <= 0 or not _MUNGED.isdisjoint(text):
        return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    chunks = [chunk for chunk in _WORDS_AND_SPACES.split(text) if chunk]
    rows: list[str] = []
    index, count = 0, len(chunks)
    while index < count:
        if rows and chunks[index].strip() == "":  # white space opening a row after the first is dropped
            index += 1
        row: list[str] = []
        length = 0
        while index < count and length + len(chunks[index]) <= width:
            length += len(chunks[index])
            row.append(chunks[index])
            index += 1
        if not row and index < count:  # a word longer than the row stands on a row of its own, unbroken
            row.append(chunks[index])
            index += 1
        if row and row[-1].strip() == "":  # and white space closing a row
            row.pop()
        if row:
            rows.append("".join(row))
    return rows
