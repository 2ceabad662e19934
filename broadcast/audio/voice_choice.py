"""Voices for the audio draft: every guest speaker sounds like no other voice in the story.

`voices.cast_for` gives each speaker the guest profile of their gender, so two female experts share one
profile; on air that sounds like one person. For espeak profiles the second and later speakers on a
profile get the next variant of its gender that the story does not use yet; timing is untouched (same
read_rate), and the clip cache sees the new variant in the engine's settings.
"""
from __future__ import annotations

from dataclasses import replace

from ..voices import Cast, VoiceProfile
from .engines.espeak import VARIANTS, voice_name


def _variant(voice: VoiceProfile) -> str:
    return voice_name(voice).partition("+")[2]


def distinct_guests(cast: Cast) -> Cast:
    """The cast with a variant of its own for each guest who shares an espeak profile with an earlier one."""
    used = {_variant(voice) for voice in (cast.anchor, cast.reporter, *cast.guests.values())}
    taken: set[str] = set()
    guests: dict[str, VoiceProfile] = {}
    for speaker, voice in cast.guests.items():
        spare = [v for v in VARIANTS.get(voice.gender, ()) if v not in used]
        if voice.engine_name == "espeak" and voice.name in taken and spare:
            used.add(spare[0])
            voice = replace(voice, name=f"{voice.name}+{spare[0]}", engine={**voice.engine, "variant": spare[0]})
        taken.add(voice.name)
        guests[speaker] = voice
    return replace(cast, guests=guests)
