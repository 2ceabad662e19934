"""Where a prompter document comes from: an article (or markup, or JSON story) or a rundown file, read
again whenever the live server sees one of its files change."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Warning
from ..pipeline import load
from ..house import house_files
from ..rundown import load_bulletin, read_rundown
from ..rundown.bulletin import house_of
from .document import PromptDocument, bulletin_document, story_document


def is_rundown(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".toml"


@dataclass(frozen=True)
class Source:
    """An article or a rundown with the options it is read with (`load()`'s for an article; `slot` in
    seconds for either)."""

    path: str
    options: dict[str, Any] = field(default_factory=dict)

    def document(self) -> PromptDocument:
        return self.read()[0]

    def read(self) -> tuple[PromptDocument, tuple[Warning, ...]]:
        """The document, and the warnings of an article (a rundown's stories are refused on damaged bytes)."""
        name = str(Path(self.path).resolve()) if self.path != "-" else ""
        if is_rundown(self.path):
            slot = self.options.get("slot")
            bulletin = load_bulletin(
                self.path, slot=round(slot * 1000) if slot is not None else None, checked=False,
                houses=self.options.get("houses", ()),
            )
            return bulletin_document(bulletin, name), ()
        timed = load(self.path, **self.options)
        return story_document(timed, name), timed.story.warnings

    @property
    def is_rundown(self) -> bool:
        return is_rundown(self.path)

    def inputs(self) -> tuple[Path, ...]:
        """Every file a rundown's page is read from (the rundown, its stories and sounds, its house style's
        files): no output may name one."""
        rundown = read_rundown(self.path)
        return (*rundown.inputs, *house_files(house_of(rundown, self.options.get("houses", ()))))

    def files(self) -> list[Path]:
        """Every file the document is made of: an edit to any of them changes the page."""
        if self.path == "-":
            return []
        path = Path(self.path)
        if not is_rundown(path):
            return [path]
        return [path, *(entry.file for entry in read_rundown(path).entries if entry.file is not None)]
