"""The JSON contract read back: another tool (or a person) edits `--to json` and renders it again.

Structure, speakers, tape lengths and the written text come from the JSON; the spoken form and the
timing are worked out again, so an edited text is never timed by its old words.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .. import languages
from ..errors import InputError
from ..house import House
from ..timecode import LONGEST, RANGE
from ..model import KINDS, ROLE_OF_KIND, Speaker, Story
from .builder import StoryBuilder
from .gender import GENDERS, is_gender


def is_json(text: str) -> bool:
    return text.lstrip("\ufeff \n\t").startswith("{")


class _Refused(ValueError):
    pass


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number JSON allows")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"{text[:20]} is too large a number")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > 18:  # no count, time or index in a story is longer; int() would refuse 4,300+ digits
        raise _Refused(f"{text[:20]}... ({len(text)} digits) is too large a number")
    return int(text)


def load(text: str) -> Any:
    """JSON as the contract allows it: no NaN or Infinity, no number beyond a float, bounded nesting, no half
    characters (lone surrogates); else one line."""
    try:
        data = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
        # "\ud800" is valid JSON but half a character: no writer (a file, the terminal, the prompter) can carry it.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return data
    except UnicodeEncodeError as error:
        raise InputError(
            f"not valid JSON input: \\u{ord(error.object[error.start]):04x} is half of a character (a lone surrogate)"
        ) from None
    except json.JSONDecodeError as error:
        raise InputError(f"line {error.lineno}: not valid JSON ({error.msg})") from None
    except _Refused as error:
        raise InputError(f"not valid JSON input: {error}") from None
    except RecursionError:
        raise InputError("not valid JSON input: nested too deeply") from None


def read(text: str, language: str | None, house: House, lexicons: tuple[Path, ...] = ()) -> Story:
    data = load(text)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise InputError("JSON input must be an object with a list of segments (the `--to json` contract)")
    code = language or data.get("language") or languages.detect(text)
    story = StoryBuilder(language=languages.get(code, lexicons), house=house, title=str(data.get("title") or ""), lexicons=lexicons)
    for index, item in enumerate(data["segments"], start=1):
        _segment(story, item, index)
    story.source = str(data.get("source") or story.source)
    return story.story()


def _segment(story: StoryBuilder, item: Any, index: int) -> None:
    where = f"segment {index}"
    if not isinstance(item, dict) or item.get("kind") not in KINDS:
        raise InputError(f"{where}: needs a kind, one of {', '.join(KINDS)}")
    kind = item["kind"]
    role = item.get("role") or ROLE_OF_KIND[kind]
    if role not in ("anchor", "reporter", "guest"):
        raise InputError(f"{where}: role must be anchor, reporter or guest, not {role!r}")
    speaker = _speaker(item.get("speaker"), where)
    if kind == "sot" and speaker is None:
        raise InputError(f"{where}: a SOT needs a speaker with a name")
    tape = item.get("tape")
    if tape is not None and (not isinstance(tape, (int, float)) or isinstance(tape, bool) or not 0 < tape <= LONGEST):
        raise InputError(f"{where}: tape must be a number of seconds {RANGE}")
    language = item.get("language")
    if language is not None and language not in languages.codes():
        raise InputError(f"{where}: language must be one of {', '.join(languages.codes())}, or null for the story's")
    draft = story.open(kind, role=role, speaker=speaker, tape=None if tape is None else float(tape), language=language)
    lines = item.get("lines")
    if not isinstance(lines, list) or not lines:
        raise InputError(f"{where}: needs a list of lines")
    for number, line in enumerate(lines, start=1):
        text = line.get("text") if isinstance(line, dict) else line
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}, line {number}: needs a text")
        source_line = line.get("source_line", 0) if isinstance(line, dict) else 0
        story.add(draft, text.strip(), source_line if isinstance(source_line, int) else 0)


def _speaker(value: Any, where: str) -> Speaker | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not str(value.get("name") or "").strip():
        raise InputError(f"{where}: a speaker needs a name")
    gender = value.get("gender") or "unknown"
    if not is_gender(gender):
        raise InputError(f"{where}: gender must be one of {', '.join(GENDERS)}")
    source_line = value.get("source_line", 0)
    return Speaker(
        name=str(value["name"]).strip(),
        title=str(value.get("title") or "").strip(),
        gender=gender,
        source_line=source_line if isinstance(source_line, int) else 0,
    )
