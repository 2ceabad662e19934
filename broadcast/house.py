"""House styles: a folder of templates plus its settings (`house.toml`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError, UsageError
from .resources import Stamps, file_stamp, packaged, read_toml, user_config, within

DEFAULT_HOUSE = "khabar24"
# The most words a channel's name takes with the words around it ("Хабар 24 телеарнасының тілшісі").
_NAME_WORDS = 6
# Characters a line of the lower-third super holds, unless the house style says (`super_width`).
SUPER_WIDTH = 32


@dataclass(frozen=True)
class House:
    name: str
    folder: Path
    channel: dict[str, str]  # language -> the channel's name
    aliases: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)
    audio: dict[str, Any] = field(default_factory=dict)  # the audio draft's sounds and pauses ([audio])
    presenters: dict[str, Any] = field(default_factory=dict)  # [presenters] as written: read by the rundown

    @property
    def super_width(self) -> int:
        """Characters a line of the lower-third super holds (`super_width`, 32 unless the house says)."""
        return int(self.settings.get("super_width", SUPER_WIDTH))

    def channel_name(self, language: str) -> str:
        return self.channel.get(language) or next(iter(self.channel.values()), "")

    def is_own(self, source: str) -> bool:
        """Whether `source` names this channel (then the attribution is not read on air); a word such
        as "арнасы" or "телеканал" around the name does not change that."""
        words = source.split()
        if len(words) > _NAME_WORDS:  # a sentence, not a name: the parser asks this of whole lines
            return False
        generic, own, openings = self._folded
        # Folding drops the spaces, so the words folded one by one and joined are the name folded whole. Each word
        # joined must still open one of the names: a line's first other word (`Беларусь`) already says no, and
        # the words after it are not folded.
        joined = ""
        for word in words:
            folded = _fold(word)
            if folded not in generic:
                joined += folded
                if joined not in openings:
                    return False
        return joined in own

    @cached_property
    def _folded(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The generic channel words, the channel's own names and every opening of one (`ха`, `хаба`), folded
        once: the parser asks per line."""
        generic = frozenset(_fold(word) for word in self.settings.get("channel_words", ()))
        own = frozenset(_fold(name) for name in (*self.channel.values(), *self.aliases))
        return generic, own, frozenset(name[:end] for name in own for end in range(len(name) + 1))


# What `_fold` drops: all but letters and digits (`\w` is exactly `str.isalnum()` plus the underscore).
_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    """The name case-folded, with only its letters and digits: the parser asks it of each word of each short
    line, so the words met are remembered."""
    return _NOT_ALNUM.sub("", name.casefold())


def house_files(house: House) -> list[Path]:
    """Every file of the house style's folder (settings, templates, sounds): no output may name one."""
    return [path for path in house.folder.rglob("*") if path.is_file()]


def house_dirs(houses: Iterable[Path] = ()) -> list[Path]:
    """Where a house style is looked up by name, first wins: `--houses` folders, the user's, the packaged."""
    return [*map(Path, houses), user_config("houses"), packaged("templates")]


def available(houses: Iterable[Path] = ()) -> list[str]:
    names = {path.parent.name for folder in house_dirs(houses) if folder.is_dir() for path in folder.glob("*/house.toml")}
    return sorted(names)


def _is_name(name: str) -> bool:
    return bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name and not Path(name).is_absolute()


def house_folders(name: str, houses: Iterable[Path] = (), within: Path | None = None) -> list[Path]:
    """The folders `name` may mean, in order. A name is looked up on the search path; then, as a folder, it
    is taken inside `within` (a rundown's folder: a house named in a file never reaches outside it), or,
    with no `within` (given on the command line), as the path it is."""
    candidates = [folder / name for folder in house_dirs(houses)] if _is_name(name) else []
    if within is None:
        return [*candidates, Path(name)]
    root = within.resolve()
    inside = (root / name).resolve()  # resolved: a link out of the folder is outside it too
    if inside != root and root not in inside.parents:
        if not any((folder / "house.toml").is_file() for folder in candidates):
            raise UsageError(f"house style {name!r} is outside the rundown's folder; name a house or a folder inside it")
        return candidates
    return [*candidates, inside]


def check_given_house(name: str, houses: Iterable[Path] = (), inputs: Iterable[str | Path] = ()) -> None:
    """`--house` on the command line, before anything is read: a name on the search path, or a folder inside a
    `--houses` folder, or inside the folder of every input (stdin's: the current folder); as a rundown's house,
    never a folder elsewhere. UsageError otherwise; a name that is nowhere is load_house's to refuse."""
    houses = [Path(folder) for folder in houses]
    if _is_name(name) and any((folder / name / "house.toml").is_file() for folder in house_dirs(houses)):
        return
    folder = Path(name).resolve()  # resolved: `..` and a link out of the folder are outside it too
    if not (folder / "house.toml").is_file():
        return

    def inside(root: Path) -> bool:
        return folder == root or root in folder.parents

    if any(inside(root.resolve()) for root in houses):
        return
    roots = [Path.cwd() if str(given) == "-" else Path(given).resolve() for given in inputs]
    roots = [root if root.is_dir() else root.parent for root in roots] or [Path.cwd()]
    if not all(inside(root) for root in roots):
        raise UsageError(
            f"--house {name}: a house style is a name ({', '.join(available(houses))}) or a folder inside the "
            "article's folder; for one elsewhere, give its parent folder with --houses DIR and its name with --house"
        )


def load_house(name: str = DEFAULT_HOUSE, houses: Iterable[Path] = (), within: Path | None = None) -> House:
    """A house style by name (`--houses` folders, then the user's, then the packaged ones) or a folder:
    inside `within` when the name comes from a file (a rundown), else the path given on the command line."""
    houses = tuple(houses)
    for folder, settings_path in _settings_paths(name, houses, within):
        changed = file_stamp(settings_path)  # is it a file, and its stamp: one stat (a batch asks for every article)
        if changed is not None:
            return _read_house(folder, ((settings_path, changed),))
    raise UsageError(f"unknown house style {name!r}; known: {', '.join(available(houses))}")


def _settings_paths(name: str, houses: tuple[Path, ...], within: Path | None) -> tuple[tuple[Path, Path], ...]:
    """Each folder `name` may mean with its house.toml; on the command line's search path (no `within`),
    worked out once for the user's folder as the environment names it."""
    if within is not None:
        return tuple((folder, folder / "house.toml") for folder in house_folders(name, houses, within))
    key = (name, houses, user_config("houses"))
    found = _SETTINGS.get(key)
    if found is None:
        found = _SETTINGS[key] = tuple((folder, folder / "house.toml") for folder in house_folders(name, houses))
    return found


_SETTINGS: dict[tuple[str, tuple[Path, ...], Path], tuple[tuple[Path, Path], ...]] = {}


# What a house style's numbers may be: nan, inf or 0 for a width was a traceback in the templates.
_RANGES = [
    *[("house", key, (8, 400, "characters")) for key in ("prompter_width", "super_width", "script_width")],
    *[("audio", key, (0, 30, "seconds")) for key in ("pause_after_sting", "pause_before_outro")],
]


@cache
def _read_house(folder: Path, stamped: Stamps) -> House:
    """The house style of `folder`, read once until its house.toml changes."""
    [(settings_path, _)] = stamped
    data = read_toml(settings_path, "house style")
    house = data.get("house", {})
    for table, key, (low, high, what) in _RANGES:
        section = data.get(table, {})
        if isinstance(section, dict) and key in section and not within(section[key], low, high):
            raise InputError(
                f"house style {settings_path}: [{table}] {key} must be {what} from {low:g} to {high:g}, not {section[key]!r}"
            )
    return House(
        name=str(data.get("name", folder.name)),
        folder=folder,
        channel={str(k): str(v) for k, v in data.get("channel", {}).items()},
        aliases=tuple(house.get("aliases", ())),
        settings=house,
        audio=dict(data.get("audio", {})),
        presenters=dict(data.get("presenters", {})),
    )
