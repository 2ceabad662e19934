"""The one table of output formats (pandoc's writers table): each entry knows its name, what it writes (a story,
a bulletin, an audio draft's cue sheet), its file suffix and how: by code, or by a template of the house style.

A writer in code is one `register(Format(...))` beside its function, in whatever layer it lives (the story's
JSON here in writers/, the bulletin's and MOS in rundown/, the caption writers in audio/captions/, the prompter
page in prompter/: each imports this table, never the other way); a template `NAME.EXT.j2` in a house style's
folder (`rundown/NAME.EXT.j2` for a bulletin) is the format NAME with suffix `.EXT`, with no code at all. The
commands take their format lists and `-o` extensions from here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from ..errors import UsageError
from ..house import House
from ..resources import shipped

# What a format writes: a timed story, a bulletin, or the cue sheet of an audio draft (captions, cues, labels).
Subject = Literal["story", "bulletin", "cues"]

# Where a subject's templates live in a house style's folder (a cue sheet's formats are code only).
_TEMPLATE_FOLDERS: dict[str, str | None] = {"story": "", "bulletin": "rundown", "cues": None}


@dataclass(frozen=True)
class Format:
    """One output format. Exactly one of `write`, `folder_files` and `template` says how it is written."""

    name: str
    subject: Subject
    suffix: str  # the file suffix it is written with (".json", ".md", ".cues.json"); for a folder, the folder's (".mos")
    # Code that returns the text: a story format gets the template context, a bulletin format the bulletin, a
    # cue-sheet format the draft's CueSheet.
    write: Callable[..., str] | None = None
    # Code that makes a folder's files (name -> bytes) from the subject; the command writes them all at once.
    folder_files: Callable[[Any], dict[str, bytes]] | None = None
    file_suffix: str = ""  # for a folder, its files' suffix (".mos.xml"): a folder of only those is an earlier export
    template: str | None = None  # a template's path inside the house style's folder
    help: str = ""

    @property
    def folder(self) -> bool:
        return self.folder_files is not None


_CODE: dict[tuple[str, str], Format] = {}


def register(entry: Format) -> Format:
    """Add a format written by code; a later entry of the same subject and name replaces the earlier."""
    _CODE[(entry.subject, entry.name)] = entry
    return entry


def templates(subject: Subject, house: House | None) -> dict[str, Format]:
    """The formats the house style's templates make, by name."""
    where = _TEMPLATE_FOLDERS[subject]
    if where is None or house is None:
        return {}
    folder = house.folder / where
    listed = _LISTED.get((subject, folder))
    if listed is not None and shipped(folder):  # a bundled house style: part of the install, listed once
        return dict(listed[1])
    try:
        changed = os.stat(folder).st_mtime_ns
    except (OSError, ValueError):
        changed = None
    if changed is None or listed is None or listed[0] != changed:
        found = {}
        for path in sorted(folder.glob("*.j2")):
            name, _, rest = path.name.removesuffix(".j2").partition(".")
            template = f"{where}/{path.name}".lstrip("/")
            found[name] = Format(name, subject, f".{rest}" if rest else "", template=template)
        listed = (changed, found)
        if changed is not None:
            _LISTED[(subject, folder)] = listed
    return dict(listed[1])


# The templates of a folder as last listed, by the folder's change time (a template added, removed or renamed
# changes it): a batch renders every article through the same house style, and listed it anew each time.
_LISTED: dict[tuple[str, Path], tuple[int | None, dict[str, Format]]] = {}


def formats(subject: Subject, house: House | None = None) -> dict[str, Format]:
    """Every format of `subject` in `house`, by name: the house's templates, and the code writers (which a
    house style need not carry; a template of the same name gives way to them)."""
    return {**templates(subject, house), **{name: entry for (kind, name), entry in _CODE.items() if kind == subject}}


def find(subject: Subject, house: House | None, name: str) -> Format:
    """The format called `name`; a UsageError lists the known ones."""
    known = formats(subject, house)
    if name not in known:
        what = {"story": "format", "bulletin": "bulletin format", "cues": "caption or cue format"}[subject]
        raise UsageError(f"unknown {what} {name!r}; known: {', '.join(sorted(known))}")
    return known[name]


def for_output(subject: Subject, house: House, output: str | Path, default: str) -> str:
    """The format an output name implies by its suffix (`-o bulletin.mos`, `-o script.md`), when exactly one
    format has that suffix; else `default`."""
    suffix = Path(output).suffix.lower()
    if not suffix or str(output) == "-":
        return default
    matching = sorted(entry.name for entry in formats(subject, house).values() if entry.suffix == suffix)
    return matching[0] if len(matching) == 1 else default
