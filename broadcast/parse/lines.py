"""Building a Line: the written text for the prompter, the spoken form for timing and speech."""
from __future__ import annotations

import re

from ..house import House
from ..languages import Language
from ..languages._triggers import AnyGuard
from ..model import Line
from .credits import CREDIT_PATTERNS as _CREDIT_PATTERNS
from .credits import clean_source, credit_match, find_credit
from .per_read import once_by

DASH = "-–—"
_LEADING_DASH = re.compile(rf"^[{DASH}]\s*")


def strip_dash(text: str) -> str:
    """`- Біз ...` → `Біз ...`: the dash opens direct speech in a transcript; it is not read."""
    return _LEADING_DASH.sub("", text, count=1)


def starts_with_dash(text: str) -> bool:
    return bool(_LEADING_DASH.match(text)) and len(text) > 1


# Each language's source pattern's guard, by the pattern's id (hashing a pattern hashes its compiled code).
_GUARDS: dict[int, AnyGuard] = {}


def _guard(pattern: re.Pattern[str]) -> AnyGuard:
    """The words a language's source attribution needs (`деп`, `туралы`): most lines have none."""
    guard = _GUARDS.get(id(pattern))
    if guard is None or guard.patterns[0] is not pattern:  # the guard holds its pattern: the id is no other's
        guard = _GUARDS[id(pattern)] = AnyGuard((pattern,))
    return guard


@once_by(lambda text, language: (text, language.code))
def find_source(text: str, language: Language) -> re.Match[str] | None:
    """A trailing `..., деп хабарлайды X` attribution: set off from its sentence by a comma or a dash, or
    a sentence of its own (`Об этом сообщает X.`, `Khabar 24 reports.` on its own line)."""
    pattern = language.patterns.source
    match = pattern.search(text) if _guard(pattern).could_match(text) else None
    if not match:
        return credit_match(text, language.code)  # the wider credit forms (`передает «Хабар 24»`, `Trend reports`)
    before = text[: match.start()].rstrip()
    if before and match.group(0).lstrip()[:1] in (",", *DASH):
        return match
    if not before or before.endswith((".", "!", "?", "…")):
        return match
    return None


def is_whole_line(match: re.Match[str]) -> bool:
    """Whether the attribution is all the line says."""
    return not match.string[: match.start()].strip()


def source_name(match: re.Match[str]) -> str:
    """The source an attribution names, whichever of the pattern's `source…` groups holds it."""
    name = next((value.strip() for key, value in match.groupdict().items() if key.startswith("s") and value), "")
    return clean_source(name) if match.re.pattern in _CREDIT_PATTERNS else name


def build_line(text: str, source_line: int, language: Language, house: House) -> tuple[Line, str]:
    """The Line for `text`, and the source it attributes the story to ("" if none).

    An outlet's credit is the story's source and is not read on air (the A/V script shows it): the
    house channel never reads its own name, and another outlet's credit is read only where the house
    says so (`read_credits = true`). An office or a person as the origin of a statement is no outlet:
    the clause is read, and names no source.
    """
    unread = source = ""
    credit = find_credit(text, language.code)
    if credit is not None and (credit.outlet or house.is_own(credit.source)):
        source = credit.source
        if house.is_own(source) or not house.settings.get("read_credits", False):
            unread = text[credit.start:credit.end]
    prompt = Line(text=text, spoken="", source_line=source_line, unread=unread).prompt if unread else text
    return Line(text=text, spoken=language.spoken(prompt), source_line=source_line, unread=unread), source
