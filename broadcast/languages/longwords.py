"""Over-long words set aside while regular expressions run over a line.

Many of the spoken-form and credit patterns start at every letter of a word and run to its end, so a word of n
letters costs n² steps: a 200,000-letter word took minutes. No word a presenter reads is that long, and none of
those patterns has anything to find inside one, so each run of more than `LONG` letters is swapped for one
private-use character while the patterns run, and put back afterwards: linear in the length of the line.
"""
from __future__ import annotations

import re

LONG = 64  # letters: longer than any word in kk, ru or en (German compounds reach ~60)
MARK = "\ue000"
# Tried only where a run of letters begins (not again from each of its letters): the same runs, found in one pass.
_LONG_RUN = re.compile(rf"(?<![^\W\d_])[^\W\d_]{{{LONG + 1},}}")


def set_aside(text: str) -> tuple[str, list[re.Match[str]]]:
    """`text` with each over-long word replaced by MARK, and the words' matches, in order."""
    if len(text) <= LONG:  # most lines are shorter than one over-long word
        return text, []
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return text, runs
    return _LONG_RUN.sub(MARK, text), runs


def put_back(text: str, runs: list[re.Match[str]]) -> str:
    """The words `set_aside` took, back in place of their marks (a mark a step dropped stays dropped)."""
    if not runs:
        return text
    words = iter(run.group() for run in runs)
    return re.sub(MARK, lambda _: next(words, ""), text)


def original_offset(offset: int, runs: list[re.Match[str]]) -> int:
    """The offset in the original text of `offset` in the text `set_aside` made."""
    shift = 0
    for run in runs:
        if run.start() - shift >= offset:
            break
        shift += len(run.group()) - 1
    return offset + shift
