"""What every speech engine gives the audio draft: text and a voice in, a Clip out."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ...voices import VoiceProfile
from ..clip import Clip


@dataclass(frozen=True)
class Readiness:
    """Whether an engine can speak now, and if not, why (shown by `broadcast voices`)."""

    ready: bool
    online: bool  # needs the network
    detail: str = ""


class Engine(Protocol):
    name: str
    languages: frozenset[str]  # language codes this engine can speak

    def readiness(self, voice: VoiceProfile) -> Readiness: ...

    def settings(self, voice: VoiceProfile) -> dict[str, object]:
        """Everything about `voice` that changes the sound: part of the clip cache key."""
        ...

    def synthesize(self, text: str, voice: VoiceProfile) -> Clip:
        """Speak `text` (already the spoken form) as `voice`; raise EngineError on failure."""
        ...
