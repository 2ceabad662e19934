"""Voice profiles (`voices/*.toml`): who reads, how fast, and which engine speaks for them."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError
from .model import Role, Segment, Story
from .resources import Stamps, packaged, read_toml, stamps, user_config, within

_REQUIRED = ("name", "language", "role", "read_rate")


@dataclass(frozen=True)
class VoiceProfile:
    name: str
    language: str
    role: str  # anchor | reporter | guest
    read_rate: float  # syllables per second, pauses excluded
    gender: str = "unknown"
    pause_sentence: float = 0.35
    pause_segment: float = 0.8
    breath: int = 32
    engine: dict[str, Any] = field(default_factory=dict)  # engine name and its own settings
    path: str = ""

    @property
    def engine_name(self) -> str:
        return str(self.engine.get("name", "espeak"))


def load_profile(path: Path) -> VoiceProfile:
    data = read_toml(path, "voice profile")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise InputError(f"voice profile {path}: missing {', '.join(missing)}")
    known = set(VoiceProfile.__dataclass_fields__) - {"path"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"voice profile {path}: unknown key {unknown[0]!r}")
    for key, (low, high, what) in RANGES.items():
        if key in data and not within(data[key], low, high):
            raise InputError(f"voice profile {path}: {key} must be {what} from {low:g} to {high:g}, not {data[key]!r}")
    try:
        profile = VoiceProfile(**data, path=str(path))
    except (TypeError, ValueError) as error:
        raise InputError(f"voice profile {path}: {error}") from None
    return profile


# What a voice profile's numbers may be: an absurd value (inf, nan, 1e-300 syllables a second) made timing
# overflow or print a reading time of 10^290 hours.
RANGES = {
    "read_rate": (1.0, 12.0, "syllables a second"),
    "pause_sentence": (0.0, 5.0, "seconds"),
    "pause_segment": (0.0, 10.0, "seconds"),
    "breath": (1, 200, "syllables"),
}


def voice_dirs(extra: Iterable[Path] = ()) -> list[Path]:
    """Later folders override earlier ones by profile name: packaged, then the user's, then `extra`."""
    return [packaged("voices"), user_config("voices"), *extra]


def load_voices(extra: Iterable[Path] = ()) -> dict[str, VoiceProfile]:
    """Every profile by name, later folders overriding earlier ones; read once until a file changes."""
    extra = tuple(extra)
    for folder in extra:  # a folder the user named and that is not there is a mistake, not "no extra voices"
        if not Path(folder).is_dir():
            raise InputError(f"--voices {folder}: no such folder")
    return dict(_load_voices(stamps(voice_files(extra))))


def voice_files(extra: Iterable[Path] = ()) -> list[Path]:
    """The voice profiles read, in order: packaged, the user's, then the `extra` folders' (no output may name one)."""
    shipped, *others = voice_dirs(extra)
    return [*_packaged_profiles(shipped), *(path for folder in others for path in _profiles_in(Path(folder)))]


@cache
def _packaged_profiles(folder: Path) -> tuple[Path, ...]:
    """The profiles that come with the package: part of the install, listed once per process."""
    return tuple(_profiles_in(folder))


def _profiles_in(folder: Path) -> list[Path]:
    """The profiles in `folder`, listed again only when a file was added, removed or renamed in it (which
    changes the folder's own change time): a batch asks for every article."""
    try:
        changed = folder.stat().st_mtime_ns
    except OSError:
        return []
    listed = _LISTED.get(folder)
    if listed is None or listed[0] != changed:
        listed = _LISTED[folder] = (changed, sorted(folder.glob("*.toml")) if folder.is_dir() else [])
    return listed[1]


_LISTED: dict[Path, tuple[int, list[Path]]] = {}


@cache
def _load_voices(stamped: Stamps) -> dict[str, VoiceProfile]:
    voices: dict[str, VoiceProfile] = {}
    for path, _ in stamped:
        profile = load_profile(path)
        voices[profile.name] = profile
    return voices


@dataclass(frozen=True)
class Cast:
    """The voices of one story: anchor, reporter and a guest voice for each speaker."""

    anchor: VoiceProfile
    reporter: VoiceProfile
    guests: dict[str, VoiceProfile]  # speaker name -> profile
    guest_default: VoiceProfile
    # (language, role) -> profile for segments said in another language than the story's, same role and gender.
    others: dict[tuple[str, Role], VoiceProfile] = field(default_factory=dict)

    def for_segment(self, segment: Segment) -> VoiceProfile:
        if segment.language and not (segment.role == "guest" and segment.speaker and segment.speaker.name in self.guests):
            other = self.others.get((segment.language, segment.role))
            if other is not None:
                return other
        if segment.role == "guest":
            if segment.speaker and segment.speaker.name in self.guests:
                return self.guests[segment.speaker.name]
            return self.guest_default
        return self.reporter if segment.role == "reporter" else self.anchor


def _pick(voices: dict[str, VoiceProfile], language: str, role: str, gender: str | None = None) -> VoiceProfile:
    candidates = [v for v in voices.values() if v.language == language and v.role == role]
    if gender:
        candidates = [v for v in candidates if v.gender == gender] or candidates
    if not candidates:
        raise InputError(f"no {role} voice profile for language {language!r}")
    return candidates[0]


def cast_for(story: Story, voices: dict[str, VoiceProfile] | None = None, overrides: dict[str, str] | None = None) -> Cast:
    """Choose voices for a story; `overrides` maps a role, a speaker's name or `*` (everyone) to a profile name."""
    voices = voices if voices is not None else load_voices()
    overrides = overrides or {}

    def named(key: str, fallback: VoiceProfile) -> VoiceProfile:
        key = key if key in overrides else "*"  # `*` casts one voice for everyone
        if key not in overrides:
            return fallback
        try:
            return voices[overrides[key]]
        except KeyError:
            raise InputError(f"unknown voice profile {overrides[key]!r}") from None

    anchor = named("anchor", _pick(voices, story.language, "anchor"))
    reporter = named("reporter", _pick(voices, story.language, "reporter"))
    guest_default = named("guest", _pick(voices, story.language, "guest"))
    # A guest speaks the language of their bites: a Russian synch in a Kazakh story gets a Russian voice.
    spoken_in: dict[str, str] = {}
    for segment in story.segments:
        if segment.speaker and segment.role == "guest":
            spoken_in.setdefault(segment.speaker.name, story.language_of(segment))
    guests = {
        speaker.name: named(speaker.name, _pick(voices, spoken_in.get(speaker.name, story.language), "guest", speaker.gender))
        for speaker in story.speakers
    }
    own = {"anchor": anchor, "reporter": reporter, "guest": guest_default}
    # `ROLE:LANGUAGE` in `overrides` casts that role's voice in another language (a bilingual presenter's).
    others = {
        (segment.language, segment.role): (
            named(f"{segment.role}:{segment.language}", own[segment.role])
            if f"{segment.role}:{segment.language}" in overrides
            else _pick(voices, segment.language, segment.role, own[segment.role].gender)
        )
        for segment in story.segments
        if segment.language and segment.language != story.language and segment.role in own
    }
    return Cast(anchor=anchor, reporter=reporter, guests=guests, guest_default=guest_default, others=others)


