"""What a listener hears in the bundled example's draft (espeak): the voices at one level, segment to segment,
measured on the written file; and captions that come up when their first word is said, by the engine's own
word times."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
import srt

from broadcast import api, languages
from broadcast.audio.engines import espeak
from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.silence import trim
from broadcast.audio.speech import story_jobs, written_onsets

from audio_helpers import ebur128
from conftest import SEED


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sound")
    timed = api.load(SEED)
    api.audio(timed, folder / "draft.mp3", cache=folder / "cache")
    cues = json.loads((folder / "draft.cues.json").read_text(encoding="utf-8"))
    return folder, timed, cues


def _loudness(path, start: float, end: float) -> float:
    """Integrated loudness of [start, end) s of a file, by ffmpeg's own meter."""
    command = [ffmpeg_exe(), "-nostdin", "-nostats", "-ss", f"{start:.3f}", "-t", f"{end - start:.3f}", "-i", str(path),
               "-filter_complex", "ebur128", "-f", "null", "-"]
    summary = subprocess.run(command, capture_output=True, text=True, check=True).stderr.rsplit("Summary:", 1)[1]
    return float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))


def test_adjacent_segments_are_within_one_lu_and_the_file_meets_r128(draft):
    folder, _, cues = draft
    audio = folder / "draft.mp3"
    levels = [_loudness(audio, segment["start"], segment["end"]) for segment in cues["segments"]]
    voices = {segment["voice"] for segment in cues["segments"]}
    assert len(voices) >= 3  # anchor, reporter and guest: the voices that used to sit 2 LU apart
    assert max(abs(a - b) for a, b in zip(levels, levels[1:])) <= 1.0, levels
    integrated, peak = ebur128(audio)
    assert abs(integrated - -23) <= 0.5 and peak <= -1.0


def test_each_caption_starts_within_100_ms_of_its_first_words_onset(draft):
    folder, timed, cues = draft
    jobs = story_jobs(timed, None)
    lines = [line for segment in cues["segments"] for line in segment["lines"]]
    assert len(lines) == len(jobs)
    # Every written word's onset, from the engine's word events for the line alone, trimmed and stretched as laid.
    onsets: list[tuple[float, str, float]] = []  # (line start, word, onset s)
    for job, line in zip(jobs, lines):
        clip = trim(espeak.ENGINE.synthesize(job.line.spoken, job.voice))
        assert len(clip.words) == len(job.line.spoken.split())
        say = languages.get(timed.story.language).spoken
        written = written_onsets(line["text"], list(clip.words), say)
        for word, onset in zip(line["text"].split(), written):
            onsets.append((line["start"], word, line["start"] + onset / line["tempo"] / 1000))
    captions = list(srt.parse((folder / "draft.srt").read_text(encoding="utf-8")))
    assert len(captions) >= len(lines)
    position = 0
    for caption in captions:
        first = caption.content.split()[0]
        while onsets[position][1] != first:  # the caption's first word, in reading order
            position += 1
        assert abs(caption.start.total_seconds() - onsets[position][2]) <= 0.1, (caption.content, onsets[position])
        position += 1


def test_a_caption_carries_what_is_said_not_the_channels_credit(draft):
    folder, timed, _ = draft
    credited = [line for line in timed.story.lines if line.unread]
    assert credited  # the bundled example ends a line with ", деп хабарлайды Хабар 24"
    text = (folder / "draft.srt").read_text(encoding="utf-8")
    assert "Хабар 24" not in text and "хабарлайды" not in text


def test_a_written_figure_is_found_after_the_words_it_is_said_as():
    say = languages.get("kk").spoken
    onsets = written_onsets("құжатқа 1992 жылы қол қойылды", [0, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000], say)
    assert onsets == (0, 400, 1600, 1800, 2000)  # "1992" is six spoken words: "жылы" is the eighth


def test_the_reported_true_peak_is_the_meters_on_the_file(draft):
    """The streamed draft's true peak is computed (BS.1770's 4x interpolation of each take), not the largest
    sample plus a guess: it agrees with ffmpeg's ebur128 true-peak meter on the written file."""
    folder, _, cues = draft
    _, peak = ebur128(folder / "draft.mp3")
    assert cues["loudness"]["true_peak"] == pytest.approx(peak, abs=0.25)
    assert cues["loudness"]["true_peak"] <= -1.0


def test_the_reported_loudness_is_the_meters_on_the_file(draft):
    """No meter runs on the streamed path: the integrated loudness is computed from each take's K-weighted
    energy (BS.1770 gating over the programme's blocks), and it is what ffmpeg's ebur128 reads on the MP3."""
    folder, _, cues = draft
    integrated, _ = ebur128(folder / "draft.mp3")
    assert cues["loudness"]["integrated"] == pytest.approx(integrated, abs=0.1)
