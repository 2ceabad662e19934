"""The bulletin's audio draft: items in running order, each at its cume time, one loudness, captions and cues."""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
import srt

from broadcast import api
from broadcast.audio import engines, mix
from broadcast.cli import main
from broadcast.rundown import load_bulletin

from audio_helpers import ToneEngine, decoded_seconds, ebur128, tone
from contract_schema import validator
from conftest import device_node

KAZAKH = """Астанада жаңа мектеп ашылды. Онда мың бала оқиды.

Мектеп құрылысы екі жылға созылды.
Айгүл Сейітова, мектеп директоры:
- Біз балаларға заманауи білім береміз.
"""

RUSSIAN = """В Алматы открылась новая станция метро. Она соединит два района.

Строительство шло три года.
"""

RUNDOWN = """title = "Test bulletin"
start = "19:00:00"
slot = "1:00"

[[item]]
type = "sting"
slug = "OPEN"
duration = 2
audio = "open.wav"

[[item]]
type = "story"
slug = "SCHOOL"
file = "school.txt"

[[item]]
type = "break"
slug = "BREAK"
duration = 3

[[item]]
type = "story"
slug = "METRO"
file = "metro.txt"
voice = "ru-anchor"
"""

STING_MS = 3000  # the sting's sound file runs longer than its 2 s slot


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """One render of a small rundown with the tone engine (fast), as WAV, its bulletin and its draft."""
    folder = tmp_path_factory.mktemp("show")
    (folder / "school.txt").write_text(KAZAKH, encoding="utf-8")
    (folder / "metro.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "rundown.toml").write_text(RUNDOWN, encoding="utf-8")
    sting = mix.as_segment(tone(STING_MS, rate=44100, pitch=440, amplitude=16000).samples, 44100)
    sting.export(folder / "open.wav", format="wav")
    (folder / "out").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
        bulletin = load_bulletin(folder / "rundown.toml")
        draft = api.bulletin_audio(bulletin, folder / "out" / "bulletin.wav", engine="tone", cache=folder / "cache")
    return folder, bulletin, draft


def test_every_item_starts_at_its_cume_time_and_the_file_runs_the_bulletin(rendered):
    folder, bulletin, draft = rendered
    sheet = draft.sheet
    assert [(item.slug, item.kind, item.page) for item in sheet.items] == [
        ("OPEN", "sting", "A1"), ("SCHOOL", "story", "A2"), ("BREAK", "break", "A3"), ("METRO", "story", "B1"),
    ]
    assert [item.start for item in sheet.items] == [row.cume for row in bulletin.timing.items]
    assert [item.duration for item in sheet.items] == [item.duration for item in bulletin.items]
    assert sheet.duration == bulletin.timing.duration
    assert decoded_seconds(folder / "out" / "bulletin.wav") == pytest.approx(bulletin.timing.duration / 1000, abs=0.02)


def test_each_story_speaks_in_its_own_casts_voices_with_bulletin_times(rendered):
    _, bulletin, draft = rendered
    school, metro = draft.sheet.items[1], draft.sheet.items[3]
    assert (school.language, metro.language) == ("kk", "ru")
    assert {cue.voice[:3] for cue in school.segments} == {"kk-"} and {cue.voice[:3] for cue in metro.segments} == {"ru-"}
    for item, story in ((school, bulletin.items[1]), (metro, bulletin.items[3])):
        assert [cue.segment.kind for cue in item.segments] == [segment.kind for segment in story.timed.story.segments]
        for cue, timing in zip(item.segments, story.timed.timing.segments):
            assert (cue.start, cue.end) == (item.start + timing.start, item.start + timing.end)


def test_the_cue_sheet_lists_items_with_their_segments(rendered):
    folder, _, draft = rendered
    cues = json.loads((folder / "out" / "bulletin.cues.json").read_text(encoding="utf-8"))
    validator("cue_sheet").validate(cues)  # the contract's schema (docs/contract.schema.json)
    assert cues["audio"] == "bulletin.wav" and cues["duration"] == draft.sheet.duration / 1000
    items = cues["items"]
    assert [(item["slug"], item["page"], item["kind"]) for item in items] == [
        ("OPEN", "A1", "sting"), ("SCHOOL", "A2", "story"), ("BREAK", "A3", "break"), ("METRO", "B1", "story"),
    ]
    assert [len(item["segments"]) for item in items] == [0, 3, 0, 2]
    sot = items[1]["segments"][2]
    assert sot["kind"] == "sot" and sot["lower_third"] == "Айгүл Сейітова / мектеп директоры" and sot["voice"].startswith("kk-guest")
    assert items[3]["segments"][0]["start"] == items[3]["start"]  # bulletin-absolute
    labels = (folder / "out" / "bulletin.labels.txt").read_text(encoding="utf-8").splitlines()
    assert len(labels) == 4 + 5 and labels[0].endswith("A1 OPEN (sting)") and labels[1].endswith("A2 SCHOOL (story)")


def test_captions_cover_the_stories_only_and_stay_within_the_audio(rendered):
    folder, _, draft = rendered
    captions = list(srt.parse((folder / "out" / "bulletin.srt").read_text(encoding="utf-8")))
    assert captions and all(c.end <= timedelta(milliseconds=draft.sheet.duration) for c in captions)
    for item in draft.sheet.items:
        if item.kind != "story":
            inside = [c for c in captions if timedelta(milliseconds=item.start) < c.start < timedelta(milliseconds=item.end)]
            assert inside == [], item.slug
    assert captions[0].start == timedelta(milliseconds=draft.sheet.items[1].start)
    assert "Астанада" in captions[0].content and any("Алматы" in c.content for c in captions)


def test_a_sting_longer_than_its_slot_is_cut_with_a_fade_and_a_break_is_silence(rendered):
    folder, _, draft = rendered
    sting, story, pause = draft.sheet.items[:3]
    assert (sting.spoken, sting.duration) == (STING_MS, 2000)
    audio = mix.audio_segment().from_file(folder / "out" / "bulletin.wav", format="wav")
    assert audio[800:1200].dBFS > -30  # the sting plays
    assert audio[1990:2000].dBFS < audio[800:1200].dBFS - 20  # and fades out at the end of its slot
    assert audio[pause.start + 10:pause.end - 10].rms == 0


def test_one_loudness_for_the_whole_bulletin_measured_on_the_file(rendered):
    folder, _, draft = rendered
    integrated, peak = ebur128(folder / "out" / "bulletin.wav")
    assert abs(integrated - -23) <= 0.5 and peak <= -1.0
    assert draft.sheet.loudness.integrated == pytest.approx(integrated, abs=0.1)


def test_the_command_writes_the_draft_and_reports_each_item(rendered, tmp_path, monkeypatch, capsys):
    folder, bulletin, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    out = tmp_path / "b.mp3"
    code = main(["rundown", str(folder / "rundown.toml"), "--audio", str(out), "--engine", "tone",
                 "--cache", str(folder / "cache"), "-o", str(tmp_path / "table.txt")])
    assert code == 0
    report = capsys.readouterr().out
    assert "clips: 0 made" in report  # the clips were cached by the first render
    assert abs(float(re.search(r"Loudness (-?[\d.]+) LUFS", report).group(1)) - -23) <= 0.2
    assert "ran 1.0s long: sound cut with a fade" in report.splitlines()[4]  # the sting's row
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["b.cues.json", "b.labels.txt", "b.mp3", "b.srt", "b.vtt", "table.txt"]
    assert decoded_seconds(out) == pytest.approx(bulletin.timing.duration / 1000, abs=0.08)


def test_a_sound_file_that_is_no_sound_is_one_line_and_writes_nothing(rendered, tmp_path, monkeypatch, capsys):
    folder, _, _ = rendered
    show = tmp_path / "show"
    show.mkdir()
    for name in ("school.txt", "metro.txt"):
        (show / name).write_text((folder / name).read_text(encoding="utf-8"), encoding="utf-8")
    (show / "rundown.toml").write_text(RUNDOWN, encoding="utf-8")
    (show / "open.wav").write_text("not a sound", encoding="utf-8")
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    out = tmp_path / "out"
    out.mkdir()
    arguments = ["--audio", str(out / "b.mp3"), "--engine", "tone", "--cache", str(folder / "cache"), "-o", str(out / "t.txt")]
    assert main(["rundown", str(show / "rundown.toml"), *arguments]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "open.wav" in err, err
    assert list(out.iterdir()) == []


def test_an_engine_that_cannot_speak_a_story_names_the_item(rendered, tmp_path, capsys):
    folder, _, _ = rendered
    arguments = ["--audio", str(tmp_path / "b.mp3"), "--engine", "gtts", "-o", str(tmp_path / "t.txt")]
    assert main(["rundown", str(folder / "rundown.toml"), *arguments]) == 2
    err = capsys.readouterr().err
    assert "item 2 (SCHOOL): engine 'gtts' cannot speak 'kk'" in err and list(tmp_path.iterdir()) == []


def test_a_story_too_slow_to_conform_is_cut_at_its_end_and_the_next_item_keeps_its_time(rendered, tmp_path):
    folder, bulletin, _ = rendered
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(engines._registry(), "tone", ToneEngine(factor=1.6))  # past conform's 1.25x
        draft = api.bulletin_audio(bulletin, tmp_path / "slow.wav", engine="tone", cache=tmp_path / "cache")
    school = draft.sheet.items[1]
    assert [item.start for item in draft.sheet.items] == [row.cume for row in bulletin.timing.items]
    assert school.spoken > school.duration and school.words_cut > 0
    assert all(line.end <= school.end for cue in school.segments for line in cue.lines)


def test_a_cold_render_counts_every_clip_it_made_even_those_spoken_ahead(rendered):
    """The next story's clips are spoken on a thread while a story is laid: the draft still says how many
    clips the render made (all of them, cold) and none come from the cache."""
    _, bulletin, draft = rendered
    lines = sum(len(segment.lines) for item in bulletin.items if item.timed for segment in item.timed.story.segments)
    assert draft.made + draft.cached == lines
    assert draft.cached == 0 and draft.made == lines


def _rundown_audio(folder, tmp_path, *output):
    return main(["rundown", str(folder / "rundown.toml"), "--audio", str(tmp_path / "b.mp3"), "--engine", "tone",
                 "--cache", str(folder / "cache"), *output])


def test_a_table_that_cannot_be_written_leaves_no_draft(rendered, tmp_path, monkeypatch, capsys):
    """`rundown --audio -o X`: all or nothing. A device that refuses the table (/dev/full) is written before any
    file is put in place; before, the draft landed first and stayed when the table then failed."""
    folder, _, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    full = device_node(tmp_path / "full", 7)
    assert _rundown_audio(folder, tmp_path, "-o", str(full)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{full}: cannot write" in err, err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full"]


def test_a_table_on_stdout_that_cannot_be_written_leaves_no_draft(rendered, tmp_path, monkeypatch, capsys):
    """`rundown --audio b.mp3 > /dev/full`: the table goes to stdout before the draft's files are put in place."""
    folder, _, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    out = tmp_path / "out"
    out.mkdir()
    with open(device_node(tmp_path / "full", 7), "w", encoding="utf-8") as stdout:
        monkeypatch.setattr("sys.stdout", stdout)
        assert _rundown_audio(folder, out) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "stdout: cannot write" in err, err
    assert list(out.iterdir()) == []


def test_a_table_whose_rename_fails_takes_the_draft_back(rendered, tmp_path, monkeypatch, capsys):
    """The table is renamed into place with the draft: when its rename fails, the draft's files already in
    place are taken back and an earlier file under an output's name is restored byte for byte."""
    import os

    folder, _, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    (tmp_path / "b.srt").write_text("earlier captions", encoding="utf-8")
    (tmp_path / "table.txt").write_text("earlier table", encoding="utf-8")
    real = os.replace

    def replace(source, target):
        if str(target).endswith("table.txt") and str(source).endswith(".tmp"):
            raise OSError(5, "Input/output error")
        return real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    assert _rundown_audio(folder, tmp_path, "-o", str(tmp_path / "table.txt")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "table.txt: cannot write" in err and "no other file was changed" in err, err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["b.srt", "table.txt"]
    assert (tmp_path / "b.srt").read_text(encoding="utf-8") == "earlier captions"
    assert (tmp_path / "table.txt").read_text(encoding="utf-8") == "earlier table"


def test_a_mos_folder_that_cannot_be_replaced_is_told_before_the_render(rendered, tmp_path, monkeypatch, capsys):
    """-o naming a folder that is not an earlier MOS export is refused before any clip is spoken; before, the
    draft was rendered and written, and only then was -o refused."""
    folder, _, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("keep me", encoding="utf-8")
    assert _rundown_audio(folder, tmp_path, "--to", "mos", "-o", str(notes)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an earlier export" in err, err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes"]
    assert (notes / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_a_mos_folder_lands_with_the_draft(rendered, tmp_path, monkeypatch, capsys):
    folder, _, _ = rendered
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.1))
    mos = tmp_path / "show.mos"
    assert _rundown_audio(folder, tmp_path, "-o", str(mos)) == 0
    report = capsys.readouterr().out
    assert str(mos) in report.splitlines()[0]
    assert sorted(path.name for path in mos.iterdir())[0] == "0001-roCreate.mos.xml"
    assert (tmp_path / "b.mp3").is_file() and not [path for path in tmp_path.iterdir() if path.name.startswith(".")]
