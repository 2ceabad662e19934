"""Captions, cue sheet and label track: written from the real line times, within the screen's limits."""
from __future__ import annotations

import json

import pytest
import srt

from broadcast.audio.captions import write, writers
from broadcast.audio.captions.layout import MAX_CHARS, MAX_LINES, MAX_MS, MIN_MS, captions, split, wrap
from broadcast.audio.cues import CueSheet, LineCue, SegmentCue
from broadcast.model import Line, Segment, Speaker

LONG = (
    "Қос ел көптеген салаларда тығыз ынтымақтастық орнатып, бірлескен кәсіпорындар құру арқылы да "
    "экономиканың дамуына өзіндік үлес қосып жүр, деп хабарлайды Хабар 24"
)
GUEST = Speaker("Ирина Новикова", "экономика ғылымдарының докторы", "female")


def line_cue(text: str, start: int, speech: int, pause: int = 350) -> LineCue:
    return LineCue(text=text, start=start, speech_end=start + speech, end=start + speech + pause, tempo=1.0)


def sheet_of(*lines: LineCue, duration: int | None = None) -> CueSheet:
    lead = Segment("lead", "anchor", tuple(Line(cue.text, cue.text, 1) for cue in lines[:1]))
    sot = Segment("sot", "guest", tuple(Line(cue.text, cue.text, 2) for cue in lines[1:]), speaker=GUEST)
    segments = [SegmentCue(lead, "kk-anchor", "espeak", lines[0].start, lines[0].end, lines[0].end - lines[0].start, 0, lines[:1])]
    if lines[1:]:
        segments.append(SegmentCue(sot, "kk-guest-female", "espeak", lines[1].start, lines[-1].end, 1, 0, lines[1:]))
    return CueSheet("T", "kk", "Хабар 24", "d.mp3", duration or lines[-1].end, tuple(segments))


def assert_within_limits(shown, end_of_audio):
    previous_end = 0
    for caption in shown:
        assert caption.start >= previous_end, "captions overlap or go back in time"
        assert MIN_MS <= caption.end - caption.start <= MAX_MS
        assert 1 <= len(caption.lines) <= MAX_LINES and all(len(row) <= MAX_CHARS for row in caption.lines)
        previous_end = caption.end
    assert previous_end <= end_of_audio


def test_a_long_line_is_cut_at_words_and_timed_by_its_share_of_characters():
    pieces = split(line_cue(LONG, 1000, 9000))
    assert len(pieces) == 3  # 160 characters: two captions of two lines would overflow
    assert " ".join(" ".join(p.lines) for p in pieces) == LONG  # every word, in order, none cut
    assert pieces[0].start == 1000 and pieces[-1].end == 10000
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    characters = [len(" ".join(p.lines)) + 1 for p in pieces]
    for piece, share in zip(pieces, characters):
        assert (piece.end - piece.start) / 9000 == pytest.approx(share / sum(characters), abs=0.001)


def test_a_long_slow_line_gets_more_captions_to_stay_under_seven_seconds():
    pieces = split(line_cue("Бұл өте баяу оқылатын қысқа сөйлем", 0, 15000))
    assert len(pieces) == 3 and all(p.end - p.start <= MAX_MS for p in pieces)


def test_wrap_breaks_where_the_lines_are_most_even():
    assert wrap("бір екі".split()) == ("бір екі",)
    top, bottom = wrap(LONG.split()[:8])
    assert abs(len(top) - len(bottom)) <= 12 and max(len(top), len(bottom)) <= MAX_CHARS
    assert wrap(["а" * 50]) is None


def test_a_flash_is_held_a_second_or_joined_to_its_neighbour():
    shown = captions(sheet_of(line_cue("Иә.", 0, 300, pause=1000), line_cue("Жоқ.", 1300, 200, pause=0), line_cue("Мүмкін.", 1500, 300, pause=0), duration=1800))
    assert_within_limits(shown, 1800)
    assert " ".join(c.text for c in shown) == "Иә. Жоқ. Мүмкін."


def test_srt_parses_and_shows_the_written_text():
    sheet = sheet_of(line_cue(LONG, 0, 9000), line_cue("- Қазір <интеграция> & келесі қадам", 9350, 3000))
    parsed = list(srt.parse(write("srt", sheet)))
    assert [p.index for p in parsed] == [1, 2, 3, 4]
    assert parsed[-1].content == "- Қазір <интеграция> & келесі қадам"
    assert parsed[-1].start.total_seconds() == 9.35 and parsed[-1].end.total_seconds() == 12.35
    assert_within_limits(captions(sheet), sheet.duration)


def test_webvtt_has_its_header_dot_times_and_escapes_markup():
    text = write("vtt", sheet_of(line_cue("- Қазір <интеграция> & --> келесі", 0, 3000)))
    assert text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n")
    assert "&lt;интеграция> &amp; --&gt; келесі" in text


def test_cue_sheet_and_label_track_name_every_segment():
    sheet = sheet_of(line_cue("Кіріспе.", 0, 2000), line_cue("Сөз.", 2350, 1500, pause=0))
    cues = json.loads(write("cues", sheet))
    assert [(s["kind"], s["start"], s["end"]) for s in cues["segments"]] == [("lead", 0.0, 2.35), ("sot", 2.35, 3.85)]
    assert cues["segments"][1]["lower_third"] == "Ирина Новикова / экономика ғылымдарының докторы"
    assert cues["segments"][1]["speaker"]["gender"] == "female" and cues["segments"][1]["voice"] == "kk-guest-female"
    rows = [row.split("\t") for row in write("labels", sheet).splitlines()]
    assert rows[1] == ["2.350000", "3.850000", "2 SOT Ирина Новикова / экономика ғылымдарының докторы (kk-guest-female)"]


def test_the_caption_writers_are_entries_of_the_one_formats_table():
    """Each has its suffix beside the audio, and `broadcast audio` has an option for each (--srt, --no-srt)."""
    from broadcast.commands.audio import _FILES
    from broadcast.writers.formats import formats

    assert {name: entry.suffix for name, entry in writers().items()} == {
        "srt": ".srt", "vtt": ".vtt", "cues": ".cues.json", "labels": ".labels.txt"
    }
    assert writers() == formats("cues") and list(_FILES) == list(writers())


def _with_nat(description: str, length: int) -> CueSheet:
    lead = line_cue("Астанада жаңа саябақ ашылды.", 0, 2400)
    sound = LineCue(text=description, start=lead.end, speech_end=lead.end, end=lead.end + length, tempo=1.0)
    nat = Segment("nat", "reporter", (Line(description, "", 2),))
    segments = (
        SegmentCue(Segment("lead", "anchor", (Line(lead.text, lead.text, 1),)), "kk-anchor", "espeak", 0, lead.end, 0, 0, (lead,)),
        SegmentCue(nat, "kk-reporter", "espeak", sound.start, sound.end, length, length, (sound,)),
    )
    return CueSheet("T", "kk", "Хабар 24", "d.mp3", sound.end, segments)


def test_a_nat_is_captioned_as_a_sound_in_brackets_while_it_plays():
    """Caption guidelines show sound that is not speech in square brackets; a nat's description is not
    captioned as if someone said it, and it stays up for the sound (docs/sources.md#captions)."""
    shown = captions(_with_nat("шум толпы, аплодисменты", 5000))
    assert shown[-1].lines == ("[шум толпы, аплодисменты]",)
    assert (shown[-1].start, shown[-1].end) == (2750, 7750)


def test_a_long_nat_description_keeps_the_limits():
    shown = captions(_with_nat("толпа скандирует лозунги, гудят машины, где-то вдали играет духовой оркестр, "
                               "слышны аплодисменты и свист", 12000))
    assert_within_limits(shown, 2750 + 12000)
    label = " ".join(shown[-1].lines)
    assert label.startswith("[толпа") and label.endswith("…]") and shown[-1].end - shown[-1].start == MAX_MS
