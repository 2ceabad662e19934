"""Timing: invariants that must hold for every story, and the rules behind the numbers."""
from __future__ import annotations

from dataclasses import replace

import pytest

from broadcast import languages
from broadcast.model import Line, LineTiming, Segment, Story
from broadcast.parse import parse_text
import broadcast
from broadcast.timecode import format_duration, to_second
from broadcast.timing import as_shown, cut_order, fit, on_the_second, time_line, time_story, without
from broadcast.voices import cast_for, load_voices

from conftest import FIXTURES, fixture_cases

STORIES = sorted(FIXTURES.glob("*/*.txt"))


def timed(path):
    story = parse_text(path.read_text(encoding="utf-8"))
    cast = cast_for(story)
    return story, cast, time_story(story, cast)


@pytest.mark.parametrize("path", fixture_cases(STORIES, "timing"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_durations_add_up(path):
    story, cast, timing = timed(path)
    cursor = 0
    for segment, timed_segment in zip(story.segments, timing.segments, strict=True):
        assert timed_segment.start == cursor
        assert timed_segment.duration == sum(l.duration for l in timed_segment.lines) + timed_segment.pause
        line_cursor = timed_segment.start
        for line_timing in timed_segment.lines:
            # Only natural sound without a given length takes no time (it is reported).
            assert line_timing.start == line_cursor and (line_timing.duration > 0 or not segment.read_aloud)
            line_cursor += line_timing.duration
        cursor += timed_segment.duration
    assert timing.duration == cursor == sum(s.duration for s in timing.segments)
    assert timing.read + timing.tape == timing.duration
    assert timing.tape == sum(t.duration for s, t in zip(story.segments, timing.segments) if s.kind in ("sot", "nat"))
    assert timing.segments[-1].pause == 0  # no dead air after the story's last word


def test_line_time_grows_with_syllables():
    kk = languages.get("kk")
    voice = load_voices()["kk-anchor"]
    short = time_line("Қос ел.", kk, voice)
    longer = time_line("Қос ел тығыз ынтымақтастық орнатты.", kk, voice)
    assert longer[1] > short[1] and longer[0] > short[0]
    # The rate is the voice's: syllables / read_rate plus one sentence pause.
    assert longer[0] == round((longer[1] / voice.read_rate + voice.pause_sentence) * 1000)


@pytest.mark.parametrize("code, text", [("kk", "1992 жылы"), ("ru", "в 1992 году"), ("en", "in 1992")])
def test_digits_count_as_spoken(code, text):
    language = languages.get(code)
    spoken = language.spoken(text)
    assert not any(char.isdigit() for char in spoken)
    assert language.syllables(spoken) > language.syllables(language.spoken(text.replace("1992", "")))
    assert language.syllables(spoken) >= 6


def test_tape_length_wins_for_a_sot():
    story = parse_text((FIXTURES / "kk/belarus.txt").read_text(encoding="utf-8"))
    taped = replace(story, segments=tuple(replace(s, tape=12.5) if s.kind == "sot" else s for s in story.segments))
    cast = cast_for(taped)
    timing = time_story(taped, cast)
    for segment, timed_segment in zip(taped.segments, timing.segments):
        if segment.kind == "sot":
            assert timed_segment.duration == 12500 and timed_segment.pause == 0
            assert sum(l.duration for l in timed_segment.lines) == 12500
    assert timing.tape == 25000


def test_guest_voice_follows_speaker_gender():
    story = parse_text((FIXTURES / "kk/speakers.txt").read_text(encoding="utf-8"))
    cast = cast_for(story)
    assert cast.guests["Айгүл Сәрсенова"].gender == "female"
    assert cast.guests["Асқар Жұмабаев"].gender == "male"


def test_cut_order_puts_vo_tail_first_and_never_the_top_of_the_lead_nor_the_sign_off():
    story = parse_text((FIXTURES / "kk/belarus.txt").read_text(encoding="utf-8"))
    order = cut_order(story)
    lines = [story.segments[s].lines[i].source_line for s, i, _ in order]
    assert lines[:3] == [31, 30, 29]
    assert 32 not in lines  # the story's last sentence, its sign-off, stays
    assert 1 not in lines  # the lead's first line stays
    assert 13 not in lines and 26 not in lines  # each bite keeps its first sentence
    kinds = [story.segments[s].kind for s, _, _ in order]
    assert kinds.index("sot") > max(i for i, k in enumerate(kinds) if k == "vo")


@pytest.mark.parametrize("slot", [60, 90, 120, 150])
def test_fit_brings_story_within_slot_with_no_cut_to_spare(slot):
    story = parse_text((FIXTURES / "kk/belarus.txt").read_text(encoding="utf-8"))
    cast = cast_for(story)
    result = fit(story, cast, slot)
    assert result.duration == time_story(story, cast).duration
    assert not result.fits and result.over == result.duration - slot * 1000
    cut = {(c.segment, c.line, c.sentence) for c in result.cuts}
    after = time_story(without(story, cut), cast).duration
    assert after <= slot * 1000 and result.still_over == 0
    assert result.duration - sum(c.saves for c in result.cuts) == after
    # The smallest set: without any one of its cuts it would not fit.
    for unit in cut:
        assert time_story(without(story, cut - {unit}), cast).duration > slot * 1000


def _paragraphs(*lines: str) -> Story:
    """A lead and a voice-over whose lines are whole paragraphs, as web copy has them."""
    language = languages.get("kk")
    made = [Line(text, language.spoken(text), number) for number, text in enumerate(lines, start=1)]
    return Story(language="kk", title="x", segments=(
        Segment("lead", "anchor", tuple(made[:1])), Segment("vo", "reporter", tuple(made[1:])),
    ))


def test_a_few_seconds_over_cuts_one_sentence_not_a_paragraph():
    story = _paragraphs(
        "Астанада жаңа мектеп ашылды. Оған мыңнан астам оқушы барады.",
        "Мектеп үш жылда салынды. Құрылысқа облыстық бюджеттен қаржы бөлінді. Ғимаратта бассейн мен спорт залы бар.",
        "Ашылу салтанатына әкім қатысты.",
    )
    cast = cast_for(story)
    duration = time_story(story, cast).duration
    result = fit(story, cast, (duration - 2_000) / 1000)
    [cut] = result.cuts
    assert (cut.segment, cut.line) == (1, 0) and cut.text == "Ғимаратта бассейн мен спорт залы бар."
    assert cut.saves < time_story(story, cast).segments[1].lines[0].duration / 2  # a sentence, not the paragraph
    struck = without(story, {(cut.segment, cut.line, cut.sentence)}).segments[1].lines[0]
    assert struck.text == "Мектеп үш жылда салынды. Құрылысқа облыстық бюджеттен қаржы бөлінді."


def test_the_lead_s_first_sentence_and_the_sign_off_are_never_offered_and_still_over_says_by_how_much():
    story = _paragraphs("Астанада жаңа мектеп ашылды. Оған мыңнан астам оқушы барады.", "Ашылу салтанатына әкім қатысты.")
    cast = cast_for(story)
    result = fit(story, cast, 1)
    assert [(c.segment, c.line, c.sentence) for c in result.cuts] == [(0, 0, 1)]
    left = time_story(without(story, {(0, 0, 1)}), cast).duration
    assert result.still_over == left - 1_000 > 0
    timed = broadcast.prepare("[LEAD]\nАстанада жаңа мектеп ашылды.\n\n[VO]\nАшылу салтанатына әкім қатысты.\n", slot=10)
    assert timed.fit is not None and "still over by" not in timed.render("timing")
    short = broadcast.prepare("[LEAD]\nАстанада жаңа мектеп ашылды.\n\n[VO]\nАшылу салтанатына әкім қатысты.\n", slot=1)
    assert f"still over by {format_duration(short.fit.still_over)}" in short.render("timing")


def test_fit_when_under_cuts_nothing():
    story = Story(language="kk", title="x", segments=(Segment("lead", "anchor", (Line("Сәлем.", "Сәлем.", 1),)),))
    result = fit(story, cast_for(story), 60)
    assert result.fits and result.cuts == () and result.over < 0


def test_a_rate_change_is_one_number_in_one_profile(tmp_path, seed_path):
    """Doubling read_rate in a copy of the reporter's profile (same name, so it overrides) halves the
    reporter's reading time and touches nothing else."""
    import broadcast
    from broadcast.resources import packaged

    profile = (packaged("voices") / "kk-reporter.toml").read_text(encoding="utf-8")
    assert profile.count("read_rate =") == 1
    (tmp_path / "kk-reporter.toml").write_text(profile.replace("read_rate = 5.2", "read_rate = 10.4"), encoding="utf-8")
    before = broadcast.load(seed_path)
    after = broadcast.load(seed_path, voices=[tmp_path])
    for segment, old, new in zip(before.story.segments, before.timing.segments, after.timing.segments):
        for old_line, new_line, line in zip(old.lines, new.lines, segment.lines):
            pauses = languages.get("kk").sentence_ends(line.spoken) * 350
            if segment.role == "reporter":
                assert abs((new_line.duration - pauses) * 2 - (old_line.duration - pauses)) <= 2
            else:
                assert new_line.duration == old_line.duration


@pytest.mark.parametrize("path", STORIES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shown_times_add_up_as_a_table_shows_them(path):
    """Running times are rounded to the second and each duration is the difference of rounded starts:
    every row's start + duration is the next row's start, and the durations add up to the total shown."""
    story, _, timing = timed(path)
    shown = as_shown(story, timing)
    cursor = 0
    for exact, row in zip(timing.segments, shown.segments, strict=True):
        assert row.start == cursor == to_second(exact.start) and row.start % 1000 == 0
        assert row.end == to_second(exact.end)
        assert sum(line.duration for line in row.lines) + row.pause == row.duration
        cursor = row.end
    assert shown.duration == cursor == to_second(timing.duration)
    assert shown.read + shown.tape == shown.duration


def test_rounding_that_made_the_columns_not_add_up():
    # Exactly the seed's case before: 1:41.6 + 0:30.6 showed 0:31 and the next start 2:12.
    line = LineTiming(start=101_600, duration=30_600, syllables=0)
    assert (on_the_second(line).start, on_the_second(line).duration) == (102_000, 30_000)
    assert [to_second(ms) for ms in (499, 500, 1_500, 2_500, -500)] == [0, 1000, 2000, 3000, -1000]
