"""The mixer and conform: lines land where the script's timing puts them; the bed ducks under speech."""
from __future__ import annotations


import pytest

from broadcast.pipeline import prepare
from broadcast.audio import engines, mix
from broadcast.audio.conform import FASTEST, SLOWEST, conform, tempo_for
from broadcast.audio.master import Options
from broadcast.audio.story import make
from broadcast.errors import InputError

from audio_helpers import ToneEngine, tone

SHORT = """Астанада жаңа мектеп ашылды. Онда мың бала оқиды.

Мектеп құрылысы екі жылға созылды. Ғимаратта зертханалар мен спорт залы бар.
Айгүл Сейітова, мектеп директоры:
- Біз балаларға заманауи білім береміз. Бұл біздің басты мақсатымыз.
Мектеп қыркүйектің бірінші жұлдызында жұмысын бастайды.
"""


def level(segment) -> float:
    """RMS in dBFS of a pydub segment (quiet = very negative)."""
    return segment.dBFS if segment.rms else -120.0


@pytest.fixture
def tone_engine(monkeypatch):
    engine = ToneEngine(factor=1.1)
    monkeypatch.setitem(engines._registry(), "tone", engine)
    return engine


def test_tempo_is_held_to_the_clean_range():
    assert tempo_for(1100, 1000) == pytest.approx(1.1)
    assert tempo_for(3000, 1000) == FASTEST
    assert tempo_for(500, 1000) == SLOWEST
    assert tempo_for(0, 1000) == 1.0


@pytest.mark.parametrize("source_ms, target_ms", [(1200, 1000), (900, 1000)])
def test_conform_stretches_to_the_target_at_the_mix_rate(source_ms, target_ms):
    clip, tempo = conform(tone(source_ms), target_ms, mix.MIX_RATE)
    assert clip.rate == mix.MIX_RATE
    assert tempo == pytest.approx(source_ms / target_ms)
    assert abs(clip.duration_ms - target_ms) <= 15


def test_a_segment_of_many_lines_is_conformed_in_several_runs():
    """1,800 lines in one segment made one ffmpeg filter graph over Linux's 128 KiB for an argument: "Argument
    list too long", a traceback. Each take still comes back at its own length."""
    from broadcast.audio.conform import conform_all, conformed_length

    clips = [(tone(40 + index % 7, rate=22050), 1.1) for index in range(700)]
    takes = conform_all(clips, mix.MIX_RATE)
    assert len(takes) == len(clips)
    for (clip, tempo), (take, _) in zip(clips, takes):
        assert take.frames == conformed_length(clip.frames, 22050, tempo, mix.MIX_RATE)


def test_conform_off_keeps_the_length():
    clip, tempo = conform(tone(1200), 1000, mix.MIX_RATE, enabled=False)
    assert tempo == 1.0 and abs(clip.duration_ms - 1200) <= 2


def test_lay_fills_slots_exactly_and_keeps_every_word_of_an_overrun():
    short, long = tone(800, rate=mix.MIX_RATE), tone(1500, rate=mix.MIX_RATE)
    pcm, placed = mix.lay([mix.Take(short, 1000, 300), mix.Take(long, 1000, 200), mix.Take(short, None, 0)])
    assert [(p.start, p.speech_end, p.end) for p in placed] == [(0, 800, 1300), (1300, 2800, 3000), (3000, 3800, 3800)]
    assert len(pcm) == 3800 * mix.MIX_RATE // 1000 * 2
    audio = mix.as_segment(pcm)
    assert level(audio[850:1250]) < -90 and level(audio[100:700]) > -30  # the pause is silent, the speech is not


def test_bed_ducks_under_speech_and_rises_in_the_gaps():
    speech = tone(2000, rate=mix.MIX_RATE, pitch=300)
    pcm, placed = mix.lay([mix.Take(speech, None, 2000), mix.Take(speech, None, 0)])
    voice = mix.as_segment(pcm)
    bed = tone(700, rate=44100, pitch=90, amplitude=20000)  # shorter than the lead: it loops
    mixed = mix.under(voice, bed, 0, len(voice), [(p.start, p.speech_end) for p in placed])
    music_in_gap = level(mixed[2500:3500])
    assert -40 < music_in_gap < level(voice[0:2000]) - 8  # audible in the gap, well under the speech
    only_bed = mixed.overlay(voice.invert_phase())  # the bed alone, speech cancelled out
    assert level(only_bed[2500:3500]) - level(only_bed[500:1500]) >= 10  # ducked by about 12 dB under speech


def test_sting_and_outro_frame_the_story():
    voice = mix.as_segment(tone(1000, rate=mix.MIX_RATE).samples)
    framed, offset = mix.with_ends(voice, tone(500, rate=44100), tone(300), after_sting=200, before_outro=100)
    assert offset == 700 and len(framed) == 2100


def test_segments_of_the_draft_land_where_the_script_says(tone_engine, tmp_path):
    timed = prepare(SHORT)
    draft = make(timed, tmp_path / "short.wav", Options(engine="tone", cache=tmp_path / "cache"))
    sheet = draft.sheet
    assert [cue.segment.kind for cue in sheet.segments] == ["lead", "vo", "sot", "vo"]
    for cue, timing in zip(sheet.segments, timed.timing.segments):
        assert (cue.start, cue.end) == (timing.start, timing.end)  # conform on: boundaries exactly as timed
        assert cue.spoken > cue.estimate  # the engine spoke 10% slow; conform brought it back
    # A line said no more than half its pause long keeps the engine's pace (the pause takes it up); the rest are
    # stretched back.
    lines = [line for cue in sheet.segments for line in cue.lines]
    assert all(line.tempo == 1.0 or 1.08 < line.tempo < 1.13 for line in lines)
    assert any(line.tempo == 1.0 for line in lines) and any(line.tempo > 1.08 for line in lines)
    assert sheet.duration == timed.timing.duration
    assert draft.made == tone_engine.calls == len(timed.story.lines)


def test_without_conform_the_draft_runs_as_long_as_the_engine_spoke(tone_engine, tmp_path):
    timed = prepare(SHORT)
    draft = make(timed, tmp_path / "short.wav", Options(engine="tone", cache=tmp_path / "cache", conform=False))
    for cue in draft.sheet.segments:
        assert cue.duration == pytest.approx(cue.spoken, abs=len(cue.lines) * 2)
        assert 0.07 < cue.difference < 0.13


def test_a_sting_shifts_every_cue(tone_engine, tmp_path):
    sting = tmp_path / "sting.wav"
    mix.as_segment(tone(1500, rate=mix.MIX_RATE).samples).export(sting, format="wav")
    timed = prepare(SHORT)
    draft = make(timed, tmp_path / "s.wav", Options(engine="tone", cache=tmp_path / "cache", sting=sting))
    gap = round(timed.house.audio["pause_after_sting"] * 1000)  # khabar24's pause after its sting
    assert draft.sheet.segments[0].start == 1500 + gap
    assert draft.sheet.duration == timed.timing.duration + 1500 + gap


def test_a_bed_plays_under_the_lead_only(tone_engine, tmp_path):
    bed = tmp_path / "bed.wav"
    mix.as_segment(tone(900, rate=mix.MIX_RATE, pitch=80, amplitude=15000).samples).export(bed, format="wav")
    timed = prepare(SHORT)
    plain = make(timed, tmp_path / "plain.wav", Options(engine="tone", cache=tmp_path / "cache"))
    bedded = make(timed, tmp_path / "bed.wav.wav", Options(engine="tone", cache=tmp_path / "cache", bed=bed))
    lead, vo = bedded.sheet.segments[0], bedded.sheet.segments[1]
    AudioSegment = mix.audio_segment()
    without, with_bed = (AudioSegment.from_file(path, format="wav") for path in (tmp_path / "plain.wav", tmp_path / "bed.wav.wav"))
    gap = slice(lead.lines[0].speech_end + 50, lead.lines[0].end - 50)  # the lead's sentence pause
    assert level(without[gap]) < -80 and level(with_bed[gap]) > -45  # the bed fills the pause under the lead
    after = slice(vo.lines[0].start + 2000, vo.lines[0].speech_end)
    # The bedded draft is metered as a whole, the plain one computed: match their levels before comparing.
    matched = without[after].apply_gain(with_bed[after].dBFS - without[after].dBFS)
    assert level((with_bed[after]).overlay(matched.invert_phase())) < -60  # and is gone under the VO
    assert plain.sheet.segments[0].start == lead.start  # a bed moves nothing


def test_the_same_recipe_is_copied_and_a_damaged_copy_is_made_again(tone_engine, tmp_path):
    timed = prepare(SHORT)
    options = Options(engine="tone", cache=tmp_path / "cache")
    first = make(timed, tmp_path / "a.mp3", options)
    again = make(timed, tmp_path / "b.mp3", options)
    assert (first.reused, again.reused) == (False, True) and again.made == 0
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
    assert again.sheet == first.sheet.__class__(**{**first.sheet.__dict__, "audio": "b.mp3"})
    kept = next((tmp_path / "cache" / "drafts").glob("*.audio"))
    kept.write_bytes(kept.read_bytes()[:1000])
    third = make(timed, tmp_path / "c.mp3", options)
    assert not third.reused and (tmp_path / "c.mp3").stat().st_size == (tmp_path / "a.mp3").stat().st_size
    louder = make(timed, tmp_path / "d.mp3", Options(engine="tone", cache=tmp_path / "cache", loudness=-16))
    assert not louder.reused  # another target is another recipe


@pytest.mark.parametrize("damage", ["one number", "recomputed checksum", "not json", "a folder", "deep nesting"])
def test_a_kept_draft_record_that_is_not_exactly_as_written_is_ignored_and_redone(tone_engine, tmp_path, damage):
    """Editing one number of the record once gave captions spread over 85 s: every record is checked
    (checksum over the whole record, then every field's type and range) or the draft is made again."""
    import hashlib
    import json

    from broadcast.audio import draft_cache

    timed = prepare(SHORT)
    options = Options(engine="tone", cache=tmp_path / "cache")
    first = make(timed, tmp_path / "a.wav", options)
    record = next((tmp_path / "cache" / "drafts").glob("*.json"))
    data = json.loads(record.read_text(encoding="utf-8"))
    data["layout"]["placed"][0][2] = 85_000
    if damage == "one number":
        record.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "recomputed checksum":  # the checksum fits, the layout does not fit the draft
        body = {name: data[name] for name in ("key", "layout", "audio_sha256")}
        data["sha256"] = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
        record.write_text(json.dumps(data), encoding="utf-8")
    elif damage == "not json":
        record.write_bytes(b"\xff\x00{")
    elif damage == "a folder":
        record.unlink()
        record.mkdir()
        (record / "x").write_text("x")
    else:
        record.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert draft_cache.DraftCache(record.parent).get(record.stem) is None
    again = make(timed, tmp_path / "b.wav", options)
    assert not again.reused and again.sheet.segments == first.sheet.segments
    assert record.is_file() and make(timed, tmp_path / "c.wav", options).reused  # the entry was put right


def test_a_clip_past_the_stretch_limit_runs_long_and_says_so(monkeypatch, tmp_path):
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine(factor=1.5))
    timed = prepare(SHORT)
    draft = make(timed, tmp_path / "slow.wav", Options(engine="tone", cache=tmp_path / "cache"))
    assert all(line.tempo == FASTEST for cue in draft.sheet.segments for line in cue.lines)
    for cue in draft.sheet.segments:
        assert 0.08 < cue.difference < 0.2  # 1.5 / 1.25: every word kept, the segment runs long
    assert draft.sheet.duration > timed.timing.duration


def test_the_house_style_names_the_sting_and_the_pause_after_it(tone_engine, tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    (house / "house.toml").write_text(
        'name = "test"\n[channel]\nkk = "Тест"\n[audio]\nsting = "sting.wav"\npause_after_sting = 0.5\n', encoding="utf-8"
    )
    mix.as_segment(tone(1200, rate=mix.MIX_RATE).samples).export(house / "sting.wav", format="wav")
    timed = prepare(SHORT, house=str(house))
    draft = make(timed, tmp_path / "h.wav", Options(engine="tone", cache=tmp_path / "cache"))
    assert draft.sheet.segments[0].start == 1700
    assert draft.sheet.channel == "Тест"
    (house / "house.toml").write_text('name = "test"\n[audio]\npause_after_sting = "long"\n', encoding="utf-8")
    with pytest.raises(InputError, match="pause_after_sting must be seconds"):
        make(prepare(SHORT, house=str(house)), tmp_path / "h.wav", Options(engine="tone", cache=tmp_path / "cache"))
    # A house names its own sounds: a path out of its folder is refused, not read.
    (house / "house.toml").write_text(f'name = "test"\n[audio]\nsting = "{tmp_path / "elsewhere.wav"}"\n', encoding="utf-8")
    (tmp_path / "elsewhere.wav").write_bytes((house / "sting.wav").read_bytes())
    with pytest.raises(InputError, match="sting must be a file inside its folder"):
        make(prepare(SHORT, house=str(house)), tmp_path / "h.wav", Options(engine="tone", cache=tmp_path / "cache"))


def test_a_sot_with_a_tape_length_runs_exactly_that_long(tone_engine, tmp_path):
    markup = (
        "# broadcast markup\n# language: kk\n\n[LEAD]\nАстанада жаңа мектеп ашылды.\n\n"
        "[SOT Айгүл Сейітова | мектеп директоры | {tape} | female]\nБіз балаларға заманауи білім береміз.\n\n"
        "[TAG]\nМектеп қыркүйекте ашылады.\n"
    )
    untaped = prepare(markup.format(tape=""))
    tape = round(untaped.timing.segments[1].duration / 1000 * 1.1, 1)  # the bite ran a little longer on tape
    timed = prepare(markup.format(tape=tape))
    draft = make(timed, tmp_path / "t.wav", Options(engine="tone", cache=tmp_path / "cache"))
    sot = draft.sheet.segments[1]
    assert sot.segment.tape == tape and sot.duration == round(tape * 1000) == sot.estimate
    assert draft.sheet.segments[2].start == sot.end  # a tape's length includes its in and out: no pause after


def test_two_guests_on_one_profile_get_voices_of_their_own(tone_engine, tmp_path):
    text = SHORT.replace(
        "Мектеп қыркүйектің",
        "Сәуле Оспанова, мұғалім:\n- Біз дайынбыз.\nМектеп қыркүйектің",
    )
    timed = prepare(text)
    guests = [s.speaker.name for s in timed.story.segments if s.kind == "sot"]
    assert guests == ["Айгүл Сейітова", "Сәуле Оспанова"]
    assert timed.cast.guests["Айгүл Сейітова"] is timed.cast.guests["Сәуле Оспанова"]  # one profile for timing
    sheet = make(timed, tmp_path / "two.wav", Options(engine="tone", cache=tmp_path / "cache")).sheet
    voices = [cue.voice for cue in sheet.segments if cue.segment.kind == "sot"]
    assert len(set(voices)) == 2 and voices[0] == "kk-guest-female"


def test_a_line_its_pause_can_take_up_is_not_stretched():
    """A line said up to its pause short, or up to half its pause long, keeps the engine's pace: the pause after
    it takes up the difference (the next line starts where the script puts it). Further off, it is stretched."""
    from broadcast.audio.speech import Job
    from broadcast.audio.takes import _room, _tempo

    job = Job(0, "vo", None, None, "tone", slot=4000, pause=400)  # type: ignore[arg-type]
    assert [_tempo(natural, job) for natural in (3600, 4000, 4200)] == [1.0, 1.0, 1.0]
    assert _tempo(3500, job) == pytest.approx(3500 / 4000) and _tempo(4300, job) == pytest.approx(4300 / 4000)
    assert _room(4200, 4000, 400) == 4400  # 200 ms over: the pause gives it
    assert _room(4300, 4000, 400) == 4700  # past half the pause: the line runs long, its pause whole
    assert _room(3900, 4000, 400) == 4300 and _room(4000, None, 400) == 4400


def test_a_segment_whose_takes_are_cached_waits_for_no_conform_run(tone_engine, tmp_path):
    """A mix redone: a segment whose takes are all in the cache is taken from it as soon as it is spoken, not after
    every segment is spoken (the batch a conform run waits for); one whose takes are not waits for the batch."""
    from broadcast.audio.clip_cache import ClipCache
    from broadcast.audio.speech import story_jobs
    from broadcast.audio.takes import _Conformer, _takes

    timed = prepare(SHORT)
    jobs = story_jobs(timed, "tone")
    segments = [[job for job in jobs if job.segment == index] for index in range(3)]
    said = [[tone_engine.synthesize(job.line.spoken, job.voice) for job in segment] for segment in segments]
    takes = ClipCache(tmp_path / "takes")
    _takes(segments[2], said[2], takes, True, lambda what: None)  # the third segment's takes cached
    conformer = _Conformer(takes, True, lambda what: None)
    try:
        first = conformer.submit(segments[0], said[0])  # the first run, at once
        second = conformer.submit(segments[1], said[1])  # not cached: waits for every segment to be spoken
        third = conformer.submit(segments[2], said[2])  # cached: taken now
        assert [take for take, _, _, _ in third.result(timeout=30)] == [
            take for take, _, _, _ in _takes(segments[2], said[2], takes, True, lambda what: None)]
        first.result(timeout=30)
        assert not second.done()
        conformer.spoken()
        assert len(second.result(timeout=30)) == len(segments[1])
    finally:
        conformer.close()
