"""The attribution line that opens a SOT: `Name Surname, title:` alone on a line."""
from __future__ import annotations

import re

from ..gender import guess_gender
from ..model import Speaker

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_NAME_WORD = rf"[{_UPPER}](?:\.|[^\W\d_]*(?:[-'’][{_UPPER}]?[^\W\d_]+)*)"
# Two to four capitalised words (initials allowed), an optional title after a comma, a colon at the end.
# The quote may follow on the same line, opened by a dash or a quotation mark (print copy does this).
ATTRIBUTION = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*(?:,\s*(?P<title>[^:«\"“]{{1,120}}?))?\s*:"
    rf"(?:$|\s+(?P<quote>[-–—«\"“]\s*\S.*)$)"
)


def split_attribution(text: str) -> tuple[Speaker, str] | None:
    """The speaker an attribution line names and the quote after the colon ("" if none), or None."""
    match = ATTRIBUTION.match(text.strip())
    if not match:
        return None
    name = " ".join(match.group("name").split())
    title = " ".join((match.group("title") or "").split())
    return Speaker(name=name, title=title, gender=guess_gender(name)), (match.group("quote") or "").strip()


def parse_attribution(text: str) -> Speaker | None:
    """The speaker an attribution line names, or None if the line is not one."""
    found = split_attribution(text)
    return found[0] if found else None
