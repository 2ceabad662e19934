"""Reading a rundown file (TOML) into the model, with every mistake named by its item.

Paths are relative to the rundown file and must stay inside its folder tree; a rundown never includes
another rundown (nor itself), so there are no loops to follow.
"""
from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any, Callable

from .. import languages
from ..errors import InputError, unreadable
from ..house import DEFAULT_HOUSE
from ..read import MAX_BYTES
from ..resources import within
from ..voices import RANGES
from ..timecode import LONGEST, RANGE, parse_duration, parse_time_of_day
from .model import ITEM_KINDS, Entry, Presenter, Rundown

_TOP_KEYS = {"title", "start", "slot", "hard_out", "house", "presenter", "presenters", "date", "item"}
_ITEM_KEYS = {"type", "slug", "file", "slot", "presenter", "voice", "lang", "duration", "audio", "float"}
# Keys an item of each kind must have, and keys it must not have.
_NEEDS = {"story": ("file",), "break": ("duration",), "sting": ("duration",)}
_REFUSES = {"story": ("duration", "audio"), "break": ("file", "slot", "voice", "lang"), "sting": ("file", "slot", "voice", "lang")}


class _Where:
    """Builds one-line errors that name the rundown file and, where there is one, the item."""

    def __init__(self, path: Path, item: str = "") -> None:
        self.path, self.item = path, item

    def error(self, message: str) -> InputError:
        where = f"{self.path.name} {self.item}" if self.item else self.path.name
        return InputError(f"{where}: {message}")


def _duration(value: Any, key: str, where: _Where) -> int:
    """Milliseconds from `90`, `"1:30"` or `"0:01:30"`."""
    try:
        seconds = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else parse_duration(str(value))
    except ValueError as error:
        raise where.error(f"{key}: {error}") from None
    if seconds <= 0:
        raise where.error(f"{key} must be longer than 0")
    if not seconds <= LONGEST:  # also inf and nan
        raise where.error(f"{key} = {value!r} is out of range: a duration must be {RANGE}")
    return round(seconds * 1000)


def _time_of_day(value: Any, key: str, where: _Where) -> int:
    """Milliseconds after midnight from `"19:00:00"` or a TOML time `19:00:00`."""
    if isinstance(value, datetime.time):
        value = value.strftime("%H:%M:%S")
    try:
        return parse_time_of_day(str(value))
    except ValueError as error:
        raise where.error(f"{key}: {error}") from None


def _text(data: dict[str, Any], key: str, where: _Where, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise where.error(f"missing key {key!r}")
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"{key} must be a non-empty text")
    if "\0" in value:  # a house named with a NUL reached the file system: ValueError, a traceback
        raise where.error(f"{key} holds a NUL character (\\u0000)")
    return value.strip()


def _inside(folder: Path, value: Any, key: str, where: _Where, rundown: Path) -> Path:
    """A path relative to the rundown that exists, is a file, stays in its folder tree and is no rundown."""
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise where.error(f"{key} must be a path relative to the rundown")
    path = (folder / value).resolve()
    if not path.is_relative_to(folder):
        raise where.error(f"{key} {value!r} is outside the rundown's folder {folder}")
    if not path.exists():
        raise where.error(f"{key} {value!r}: no such file")
    if not path.is_file():
        raise where.error(f"{key} {value!r} is not a file")
    if path == rundown:
        raise where.error(f"{key} {value!r} is the rundown itself (a loop)")
    if path.suffix.lower() == ".toml":
        raise where.error(f"{key} {value!r} is a rundown or settings file; a rundown does not include rundowns")
    return path


def _entry(number: int, data: Any, rundown: Path, presenter: str) -> Entry:
    where = _Where(rundown, f"item {number}")
    if not isinstance(data, dict):
        raise where.error("must be a table ([[item]])")
    slug = _text(data, "slug", where)
    where = _Where(rundown, f"item {number} ({slug})")
    unknown = sorted(set(data) - _ITEM_KEYS)
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r}; known: {', '.join(sorted(_ITEM_KEYS))}")
    kind = _text(data, "type", where)
    if kind not in ITEM_KINDS:
        raise where.error(f"unknown type {kind!r}; known: {', '.join(ITEM_KINDS)}")
    for key in _NEEDS[kind]:
        if key not in data:
            raise where.error(f"a {kind} needs the key {key!r}")
    for key in _REFUSES[kind]:
        if key in data:
            raise where.error(f"a {kind} has no {key!r}")
    if "lang" in data and data["lang"] not in languages.codes():
        raise where.error(f"unknown language {data['lang']!r}; known: {', '.join(languages.codes())}")
    floated = data.get("float", False)
    if not isinstance(floated, bool):
        raise where.error("float must be true or false")
    folder = rundown.parent
    return Entry(
        number=number,
        kind=kind,  # type: ignore[arg-type]
        slug=slug,
        file=_inside(folder, data["file"], "file", where, rundown) if "file" in data else None,
        duration=_duration(data["duration"], "duration", where) if "duration" in data else None,
        slot=_duration(data["slot"], "slot", where) if "slot" in data else None,
        presenter=_text(data, "presenter", where) if "presenter" in data else presenter,
        voice=_text(data, "voice", where) if "voice" in data else None,
        lang=_text(data, "lang", where) if "lang" in data else None,
        audio=_inside(folder, data["audio"], "audio", where, rundown) if "audio" in data else None,
        floated=floated,
    )


def _check_slugs(entries: list[Entry], where: _Where) -> None:
    """Slugs name items in every output and in MOS: each must be unique (newsrooms ignore case)."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        key = entry.slug.casefold()
        if key in seen:
            raise _Where(where.path, entry.name).error(f"duplicate slug: item {seen[key].number} has it too")
        seen[key] = entry


def read_rundown(path: str | Path, start: int | None = None, slot: int | None = None) -> Rundown:
    """The rundown file at `path`, checked; `start` and `slot` (milliseconds) override the file's."""
    rundown = Path(path).resolve()
    where = _Where(rundown)
    try:
        if rundown.stat().st_size > MAX_BYTES:  # as an article: a file this large is a mistake, and not read
            raise where.error(f"more than {MAX_BYTES // 1_000_000} MB; a rundown names its stories, it does not hold them")
        data = tomllib.loads(rundown.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError) as error:
        raise unreadable(str(path), error, "a rundown") from None
    except (OSError, UnicodeDecodeError) as error:
        raise where.error(f"cannot read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise where.error(f"not valid TOML ({error})") from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise where.error(f"unknown key {unknown[0]!r}; known: {', '.join(sorted(_TOP_KEYS))}")
    title = _text(data, "title", where)
    if start is None:
        if "start" not in data:
            raise where.error("missing key 'start' (the on-air time, e.g. \"19:00:00\")")
        start = _time_of_day(data["start"], "start", where)
    if slot is None:
        if ("slot" in data) == ("hard_out" in data):
            raise where.error("give either 'slot' (e.g. \"10:00\") or 'hard_out' (e.g. \"19:10:00\")")
        if "slot" in data:
            slot = _duration(data["slot"], "slot", where)
        else:
            hard_out = _time_of_day(data["hard_out"], "hard_out", where)
            file_start = _time_of_day(data.get("start", "00:00"), "start", where)
            slot = (hard_out - file_start) % 86_400_000  # a hard out after midnight is the next day
            if slot == 0:
                raise where.error("hard_out must be after start")
    date = data.get("date")
    if date is not None and not isinstance(date, datetime.date):
        raise where.error("date must be a TOML date like 2026-11-25")
    items = data.get("item")
    if not isinstance(items, list) or not items:
        raise where.error("no items: add [[item]] tables")
    presenter = _text(data, "presenter", where) if "presenter" in data else ""
    entries = [_entry(number, item, rundown, presenter) for number, item in enumerate(items, start=1)]
    _check_slugs(entries, where)
    return Rundown(
        path=rundown,
        title=title,
        start=start,
        slot=slot,
        entries=tuple(entries),
        house=_text(data, "house", where, DEFAULT_HOUSE),
        presenter=presenter,
        date=date,
        presenters=read_presenters(data.get("presenters", {}), where.error),
    )


def read_presenters(table: Any, error: Callable[[str], Exception]) -> dict[str, Presenter]:
    """A `[presenters]` table (a rundown's or a house style's): name = "voice", or name = { voice, read_rate }.
    A presenter who reads more than one language gives either by language: voice = { kk = "kk-anchor",
    ru = "ru-anchor" }, read_rate = { kk = 4.6, ru = 4.2 }."""
    if not isinstance(table, dict):
        raise error("presenters must be a table: name = { voice = \"kk-anchor\", read_rate = 4.6 }")
    presenters = {}
    for name, value in table.items():
        value = {"voice": value} if isinstance(value, str) else value
        if not isinstance(value, dict) or set(value) - {"voice", "read_rate"}:
            raise error(f"presenters: {name} takes voice and read_rate")
        voices, rates = _by_language(value.get("voice")), _by_language(value.get("read_rate"))
        for language, rate in rates.items():
            low, high, what = RANGES["read_rate"]
            if not within(rate, low, high):
                raise error(f"presenters: {name}'s read_rate{language and ' for ' + language} must be {what} "
                            f"from {low:g} to {high:g}")
        for language, voice in voices.items():
            if not isinstance(voice, str):
                raise error(f"presenters: {name}'s voice{language and ' for ' + language} must be a voice profile's name")
        rate = rates.pop("", None)
        presenters[str(name)] = Presenter(
            str(name), voices.pop("", None), float(rate) if rate is not None else None,
            voices=voices, rates={language: float(rate) for language, rate in rates.items()},
        )
    return presenters


def _by_language(value: Any) -> dict[str, Any]:
    """A presenter's voice or read rate: {"": it} for one given alone, {language: it} for a table by language."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {str(language): given for language, given in value.items() if str(language)}
    return {"": value}
