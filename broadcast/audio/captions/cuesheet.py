"""The cue sheet (.cues.json): each segment's start and end in the audio, kind, speaker, lower third and voice,
with the script's estimate beside the audio's real length (docs/contract.md#cue-sheet).

A bulletin's lists its items (slug, page, kind) with each story's segments inside. Times are seconds from the start
of the file, as in `--to json`."""
from __future__ import annotations

import json
from typing import Any

from ...writers.contract import seconds, speaker_dict
from ...writers.formats import Format, register
from ..cues import CueSheet, ItemCue, SegmentCue


def as_dict(sheet: CueSheet) -> dict[str, Any]:
    result: dict[str, Any] = {
        "audio": sheet.audio,
        "title": sheet.title,
        "language": sheet.language,
        "channel": sheet.channel,
        "duration": seconds(sheet.duration),
    }
    if sheet.items:  # a bulletin: its items in running order, each story's segments inside it
        result["estimate"] = seconds(sum(item.estimate for item in sheet.items))
        result["items"] = [_item(item) for item in sheet.items]
    else:
        result["estimate"] = seconds(sheet.estimate)
        result["segments"] = [_segment(cue) for cue in sheet.segments]
    if sheet.loudness is not None:
        result["loudness"] = {
            "target": sheet.target,
            "integrated": sheet.loudness.integrated,
            "true_peak": sheet.loudness.true_peak,
            "range": sheet.loudness.range,
        }
    return result


def _item(item: ItemCue) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "page": item.page,
        "kind": item.kind,
        "language": item.language or None,
        "start": seconds(item.start),
        "end": seconds(item.end),
        "duration": seconds(item.duration),
        "estimate": seconds(item.estimate),
        "speech_cut": seconds(item.words_cut),  # a story that overran its slot lost this much speech at its end
        "segments": [_segment(cue) for cue in item.segments],
    }


def _segment(cue: SegmentCue) -> dict[str, Any]:
    return {
        "kind": cue.segment.kind,
        "role": cue.segment.role,
        "speaker": speaker_dict(cue.segment.speaker),
        "lower_third": cue.lower_third,
        "voice": cue.voice,
        "engine": cue.engine,
        "start": seconds(cue.start),
        "end": seconds(cue.end),
        "duration": seconds(cue.duration),
        "estimate": seconds(cue.estimate),
        "spoken": seconds(cue.spoken),
        "lines": [
            {"text": line.text, "start": seconds(line.start), "end": seconds(line.speech_end), "tempo": round(line.tempo, 4)}
            for line in cue.lines
        ],
    }


def write(sheet: CueSheet) -> str:
    return json.dumps(as_dict(sheet), ensure_ascii=False, indent=2) + "\n"


register(Format("cues", "cues", ".cues.json", write=write, help="the cue sheet (JSON)"))
