"""Bulletins: the rundown file read, timed and fitted. Durations come from the single-story API, never
from numbers written here: the language layer may change them, the arithmetic must hold regardless."""
from __future__ import annotations

from dataclasses import replace

import broadcast
from broadcast.timing import cut_order, time_story, without
from broadcast.rundown import apply_fit, load_bulletin, page_numbers, time_bulletin, time_items
from broadcast.rundown.timing import bulletin_as_shown

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "evening-bulletin.toml"


def test_time_bulletin_arithmetic():
    timing = time_bulletin([10_000, 20_000, 30_000], start=1_000_000, slot=70_000, slots=[None, 15_000, None])
    assert [row.hit for row in timing.items] == [1_000_000, 1_010_000, 1_030_000]
    assert [row.cume for row in timing.items] == [0, 10_000, 30_000]
    assert [row.back for row in timing.items] == [1_010_000, 1_020_000, 1_040_000]
    assert [row.over for row in timing.items] == [None, 5_000, None]
    assert (timing.duration, timing.over, timing.fits) == (60_000, -10_000, True)


def test_page_numbers_start_a_new_block_after_each_break():
    kinds = ["sting", "story", "break", "sting", "story", "break", "story"]
    assert page_numbers(kinds) == ["A1", "A2", "A3", "B1", "B2", "B3", "C1"]
    assert page_numbers(["break"] * 28)[-2:] == ["AA1", "AB1"]


def test_example_durations_are_the_single_story_api_s():
    bulletin = load_bulletin(EXAMPLE)
    for item in bulletin.items:
        if item.kind == "story":
            assert item.duration == broadcast.load(item.entry.file, lang=item.entry.lang).timing.duration
    assert [item.slug for item in bulletin.items] == ["OPEN", "BELARUS", "SCHOOLS", "HARVEST", "BREAK 1", "BACK", "METRO", "WEATHER", "CLOSE"]
    assert [item.page for item in bulletin.items][:6] == ["A1", "A2", "A3", "A4", "A5", "B1"]
    assert [entry.slug for entry in bulletin.floated] == ["FOOTBALL"]


def test_example_hit_and_back_times_add_up_to_the_clock():
    bulletin = load_bulletin(EXAMPLE)
    timing, rundown = bulletin.timing, bulletin.rundown
    rows = timing.items
    assert rows[0].hit == rundown.start
    for row, following in zip(rows, rows[1:]):
        assert row.hit + row.estimate == following.hit
    assert rows[-1].end == rundown.start + sum(item.duration for item in bulletin.items)
    for i, row in enumerate(rows):
        assert row.back == rundown.hard_out - sum(item.duration for item in bulletin.items[i:])
    assert rows[-1].back + rows[-1].estimate == rundown.hard_out
    assert timing.over == timing.duration - rundown.slot
    # The first item's back time is the on-air start exactly when the bulletin fills its slot.
    exact = load_bulletin(EXAMPLE, slot=timing.duration)
    assert exact.timing.items[0].back == rundown.start and exact.timing.over == 0


def test_start_and_slot_override_the_file():
    bulletin = load_bulletin(EXAMPLE, start=20 * 3_600_000, slot=300_000)
    assert (bulletin.timing.start, bulletin.timing.hard_out) == (20 * 3_600_000, 20 * 3_600_000 + 300_000)


def test_forty_seconds_over_gets_cuts_that_bring_it_in():
    fitting = load_bulletin(EXAMPLE)
    slot = fitting.timing.duration - 40_000
    bulletin = load_bulletin(EXAMPLE, slot=slot)
    assert bulletin.timing.over == 40_000
    fit = bulletin.fit
    assert fit.cuts and fit.fits and not fit.floats
    applied = apply_fit(bulletin.items, fit)
    retimed = time_items(applied, bulletin.rundown.start, slot)
    assert retimed.fits and retimed.duration == bulletin.timing.duration - fit.saves
    # Lowest value first: voice-over lines go before any bite, tag or lead.
    kinds = [bulletin.items[c.item].timed.story.segments[c.cut.segment].kind for c in fit.cuts]
    assert kinds == sorted(kinds, key=["vo", "sot", "tag", "lead"].index)
    # No more than it takes: with any one cut left out, the bulletin would not fit.
    for left_out in fit.cuts:
        rest = replace(fit, cuts=tuple(c for c in fit.cuts if c is not left_out))
        assert not time_items(apply_fit(bulletin.items, rest), bulletin.rundown.start, slot).fits


def _shortest(item) -> int:
    story = item.timed.story
    return time_story(without(story, set(cut_order(story))), item.timed.cast).duration


def test_far_over_floats_stories_from_the_bottom_then_cuts():
    items = load_bulletin(EXAMPLE).items
    # A second shorter than every story cut to the bone: cutting lines alone cannot make it.
    slot = sum(i.duration if i.timed is None else _shortest(i) for i in items) - 1000
    bulletin = load_bulletin(EXAMPLE, slot=slot)
    fit = bulletin.fit
    assert fit.floats and fit.fits
    assert "BELARUS" not in [f.slug for f in fit.floats]  # the top story stays
    applied = apply_fit(bulletin.items, fit)
    assert time_items(applied, 0, fit.slot).fits
    assert [f.slug for f in fit.floats] == [i.slug for i in bulletin.items if i.slug not in {a.slug for a in applied}]


def test_a_fitting_bulletin_gets_no_suggestion():
    bulletin = load_bulletin(EXAMPLE, slot=60 * 60_000)
    assert bulletin.fit.cuts == () and bulletin.fit.floats == ()


def test_hard_out_after_midnight_and_a_sting_with_its_own_audio(tmp_path):
    from broadcast.rundown import read_rundown
    from broadcast.rundown.mos import mos_files

    (tmp_path / "stings").mkdir()
    (tmp_path / "stings" / "open.wav").write_bytes(b"RIFF")
    (tmp_path / "harvest.txt").write_text((ROOT / "examples" / "bulletin" / "harvest-kk.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "late.toml").write_text(
        'title = "Түнгі жаңалықтар"\nstart = 23:58:00\nhard_out = "00:03:00"\n'
        '[[item]]\ntype = "sting"\nslug = "OPEN"\nduration = 10\naudio = "stings/open.wav"\n'
        '[[item]]\ntype = "story"\nslug = "HARVEST"\nfile = "harvest.txt"\n',
        encoding="utf-8",
    )
    rundown = read_rundown(tmp_path / "late.toml")
    assert (rundown.start, rundown.slot) == ((23 * 60 + 58) * 60_000, 5 * 60_000)
    bulletin = load_bulletin(tmp_path / "late.toml")
    assert bulletin.items[0].entry.audio == (tmp_path / "stings" / "open.wav").resolve()
    assert bulletin.timing.items[1].hit == rundown.start + 10_000
    roCreate = mos_files(bulletin)["0001-roCreate.mos.xml"].decode()
    assert "<itemSlug>STING: open.wav</itemSlug>" in roCreate and "<objDur>250</objDur>" in roCreate


def test_the_table_shows_times_that_add_up():
    """Cumes rounded to the second, each estimate the difference of rounded cumes: EST + CUME is the next
    CUME, the estimates add up to the TOTAL, and BACK - HIT is the same on every row."""
    timing = time_bulletin([10_400, 20_400, 30_400], start=1_000_000, slot=70_000, slots=[None, 20_000, None])
    shown = bulletin_as_shown(timing)
    assert [row.cume for row in shown.items] == [0, 10_000, 31_000]
    assert [row.estimate for row in shown.items] == [10_000, 21_000, 30_000]
    assert sum(row.estimate for row in shown.items) == shown.duration == 61_000
    assert {row.back - row.hit for row in shown.items} == {70_000 - 61_000}
    assert shown.items[1].over == 1_000


def test_rundown_items_read_their_files_through_the_read_stage(tmp_path):
    """A .srt, .docx or .html story reads in a rundown as it reads alone (not as raw text: no timecodes read),
    with the same rule for paths: inside the rundown's folder."""
    import docx
    import pytest

    from broadcast.errors import InputError
    from conftest import FIXTURES

    (tmp_path / "captions.srt").write_bytes((FIXTURES / "en" / "terminal-captions.srt").read_bytes())
    (tmp_path / "page.html").write_bytes((FIXTURES / "en" / "bridge-page.html").read_bytes())
    document = docx.Document()
    for text in ("Parliament passed the budget today.", "", "It takes effect in January."):
        document.add_paragraph(text)
    document.save(str(tmp_path / "budget.docx"))
    items = "".join(
        f'[[item]]\ntype = "story"\nslug = "{slug}"\nfile = "{name}"\nlang = "en"\n'
        for slug, name in (("CAPTIONS", "captions.srt"), ("BUDGET", "budget.docx"), ("BRIDGE", "page.html"))
    )
    (tmp_path / "news.toml").write_text(f'title = "News"\nstart = "19:00:00"\nslot = "5:00"\n{items}', encoding="utf-8")
    bulletin = load_bulletin(tmp_path / "news.toml")
    for item in bulletin.items:
        alone = broadcast.load(item.entry.file, lang="en")
        assert item.timed.story == alone.story and item.duration == alone.timing.duration
    captions = bulletin.items[0].timed.story
    assert not any("-->" in line.text for line in captions.lines)
    assert [line.source_line for line in captions.lines] == [3, 8, 9, 21, 25]
    assert bulletin.items[2].timed.story.title == alone.story.title

    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "news.toml").write_text(
        'title = "News"\nstart = "19:00:00"\nslot = "5:00"\n[[item]]\ntype = "story"\nslug = "OUT"\nfile = "../budget.docx"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="outside the rundown's folder"):
        load_bulletin(tmp_path / "inner" / "news.toml")
