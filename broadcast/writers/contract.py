"""The story as JSON, the contract of docs/contract.md (schema: docs/contract.schema.json): keys may be added, never
renamed. Times are seconds."""
from __future__ import annotations

from typing import Any

from ..languages import StoryLanguages, of_story
from ..model import Fit, Speaker, Story, Timing
from ..readability import scores


def seconds(milliseconds: int) -> float:
    return round(milliseconds / 1000, 3)


def speaker_dict(speaker: Speaker | None) -> dict[str, str | int] | None:
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "title": speaker.title,
        "gender": speaker.gender,
        "lower_third": speaker.lower_third,
        # The input line that names the speaker (`Name, title:` or the clause after a quote), 0 if none.
        "source_line": speaker.source_line,
    }


def story_dict(story: Story, timing: Timing, fit: Fit | None = None, languages: StoryLanguages | None = None) -> dict[str, Any]:
    """The story with its timing, as the `--to json` object; `languages` as the pipeline resolved them (with the
    user's lexicons; without, the packaged and the user's own)."""
    segments = []
    for segment, timed in zip(story.segments, timing.segments):
        segments.append(
            {
                "kind": segment.kind,
                "role": segment.role,
                "speaker": speaker_dict(segment.speaker),
                "voice": timed.voice,
                "tape": segment.tape,
                "language": segment.language,
                "start": seconds(timed.start),
                "duration": seconds(timed.duration),
                "pause": seconds(timed.pause),
                "lines": [
                    {
                        "text": line.text,
                        "spoken": line.spoken,
                        "source_line": line.source_line,
                        "start": seconds(line_timing.start),
                        "duration": seconds(line_timing.duration),
                        "syllables": line_timing.syllables,
                    }
                    for line, line_timing in zip(segment.lines, timed.lines)
                ],
            }
        )
    result: dict[str, Any] = {
        "language": story.language,
        "title": story.title,
        "source": story.source,
        "duration": seconds(timing.duration),
        "read": seconds(timing.read),
        "tape": seconds(timing.tape),
        "segments": segments,
        "readability": scores(story, languages or of_story(story)),
        "warnings": [
            {"line": warning.line, "message": warning.message, "kind": warning.kind} for warning in story.warnings
        ],
    }
    if fit is not None:
        result["slot"] = {
            "slot": seconds(fit.slot),
            "over": seconds(fit.over),
            "fits": fit.fits,
            "still_over": seconds(fit.still_over),
            "cuts": [
                {
                    "source_line": cut.source_line, "segment": cut.segment, "line": cut.line, "sentence": cut.sentence,
                    "text": cut.text, "saves": seconds(cut.saves),
                }
                for cut in fit.cuts
            ],
        }
    return result
