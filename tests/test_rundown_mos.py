"""MOS export read back by a real MOS reader: the BBC's mosromgr finds the same stories, order and
durations as the bulletin (durations come from the single-story API, never from numbers written here)."""
from __future__ import annotations

import datetime
import logging

import pytest

from broadcast.rundown import load_bulletin
from broadcast.rundown.mos import write_mos

from conftest import ROOT

mosromgr = pytest.importorskip("mosromgr")
from mosromgr.moscollection import MosCollection  # noqa: E402
from mosromgr.mostypes import MosFile, RunningOrder, StorySend  # noqa: E402

EXAMPLE = ROOT / "examples" / "evening-bulletin.toml"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    logging.getLogger("mosromgr").setLevel(logging.WARNING)
    bulletin = load_bulletin(EXAMPLE)
    folder = tmp_path_factory.mktemp("mos") / "evening.mos"
    write_mos(bulletin, folder)
    return bulletin, folder


def test_every_file_parses_with_a_strict_xml_parser(exported):
    from lxml import etree

    _, folder = exported
    strict = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    for path in sorted(folder.iterdir()):
        assert etree.fromstring(path.read_bytes(), strict).tag == "mos"


def test_every_file_is_a_mos_message_mosromgr_knows(exported):
    bulletin, folder = exported
    files = sorted(folder.iterdir())
    kinds = [type(MosFile.from_file(path)) for path in files]
    assert kinds == [RunningOrder] + [StorySend] * len(bulletin.items)
    assert [MosFile.from_file(path).message_id for path in files] == list(range(1, len(files) + 1))


def test_mosromgr_merges_the_folder_into_the_same_running_order(exported):
    bulletin, folder = exported
    collection = MosCollection.from_files(sorted(folder.iterdir()), allow_incomplete=True)
    collection.merge()
    ro = collection.ro
    assert ro.ro_slug == bulletin.rundown.title
    assert [story.slug for story in ro.stories] == [item.slug for item in bulletin.items]
    assert [story.duration for story in ro.stories] == pytest.approx([item.duration / 1000 for item in bulletin.items], abs=1e-3)
    assert ro.duration == pytest.approx(bulletin.timing.duration / 1000, abs=1e-3)
    start = datetime.datetime.combine(bulletin.rundown.date, datetime.time(19, 0))
    assert ro.start_time == start
    for story, row in zip(ro.stories, bulletin.timing.items):
        assert story.offset == pytest.approx(row.cume / 1000, abs=1e-3)
    # The script reads back, cues left out (mosromgr skips bracketed production notes).
    belarus = next(story for story in ro.stories if story.slug == "BELARUS")
    item = next(item for item in bulletin.items if item.slug == "BELARUS")
    assert belarus.script == [line.prompt for line in item.timed.story.lines]  # what the anchor reads
    assert [i.slug.split(":")[0] for i in belarus.items] == ["SOT 3", "SOT 5"]


def test_sot_objects_carry_their_length_in_frames(exported):
    bulletin, folder = exported
    ro = RunningOrder.from_file(folder / "0001-roCreate.mos.xml")
    belarus = next(story for story in ro.stories if story.slug == "BELARUS")
    item = next(item for item in bulletin.items if item.slug == "BELARUS")
    sots = [t for s, t in zip(item.timed.story.segments, item.timed.timing.segments) if s.kind == "sot"]
    for element, timing in zip(belarus.items, sots):
        assert int(element.xml.find("objTB").text) == 25
        assert int(element.xml.find("objDur").text) == round(timing.duration * 25 / 1000)
