"""The bundled timing table and prompter written in code (writers/in_code.py): byte for byte what Jinja2 makes of
the shipped templates, on every fixture, with and without a slot; and `broadcast time` and `broadcast script --to
prompter` never import Jinja2."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from dataclasses import replace

import pytest

import broadcast
from broadcast.house import load_house
from broadcast.model import Cut, Fit, Speaker
from broadcast.resources import packaged
from broadcast.writers import in_code, story
from broadcast.writers.story_templates import environment, render_template

from conftest import FIXTURES, ROOT, SEED

COPIED = {"timing": in_code.timing_table, "prompter": in_code.prompter}


def _by_jinja(timed: broadcast.Timed, to: str) -> str:
    values = story.context(timed.story, timed.timing, timed.house, timed.fit, timed.languages, timed.cast)
    return render_template(environment((timed.house.folder,)), f"{to}.txt.j2", values)


def _by_code(timed: broadcast.Timed, to: str) -> str | None:
    values = story.context(timed.story, timed.timing, timed.house, timed.fit, timed.languages, timed.cast)
    return COPIED[to](values)


def test_the_copied_templates_are_the_shipped_ones():
    # A change to a shipped template sends it to Jinja2 (correct, but slow): copy the change into in_code.py and
    # give its new length and checksum there.
    for name, (length, checksum, _) in in_code._COPIED.items():
        data = (packaged("templates") / "khabar24" / name).read_bytes()
        assert (len(data), zlib.crc32(data)) == (length, checksum), f"{name} changed: update writers/in_code.py"
        assert in_code.writer(packaged("templates") / "khabar24" / name) is not None


@pytest.fixture(scope="module")
def fixture_texts():
    files = sorted([*FIXTURES.rglob("*.txt"), *(ROOT / "examples").glob("*.txt")])
    return [path.read_text(encoding="utf-8") for path in files]


@pytest.mark.parametrize("to", sorted(COPIED))
def test_code_writes_what_jinja2_writes_on_every_fixture(fixture_texts, to):
    assert len(fixture_texts) > 150
    for text in fixture_texts:
        timed = broadcast.prepare(text, checked=False)
        duration = timed.timing.duration / 1000
        # no slot; over a slot with cuts that bring it in or not; under a slot
        for slot in (None, max(1.0, duration * 0.4), max(1.0, duration * 0.9), duration + 30):
            fitted = timed if slot is None else broadcast.prepare(text, slot=slot, checked=False)
            assert _by_code(fitted, to) == _by_jinja(fitted, to), (to, text[:80], slot)
            assert fitted.render(to=to) == _by_jinja(fitted, to)


def test_code_writes_what_jinja2_writes_for_odd_values():
    timed = broadcast.load(SEED, slot=60)
    segments = list(timed.story.segments)
    long_name = Speaker(name="Александр Александрович Константинопольский-Длинноимённый", title="x" * 80)
    segments[0] = replace(segments[0], speaker=long_name, tape=12.5)
    segments[1] = replace(segments[1], kind="nat", tape=None)
    segments[2] = replace(segments[2], kind="sot", tape=None, language="ru")
    odd_story = replace(timed.story, segments=tuple(segments), title="")
    cuts = (Cut(0, 0, 3, 2500, 0, "слово " * 20), Cut(0, 1, 4, 1000, 0, "x" * 48), Cut(1, 0, 5, 10, 0, "y" * 49))
    for fit in (None, Fit(slot=60_000, duration=timed.timing.duration, cuts=cuts),
                Fit(slot=10_000, duration=timed.timing.duration), Fit(slot=10**7, duration=timed.timing.duration)):
        odd = replace(timed, story=odd_story, fit=fit)
        for to in COPIED:
            assert _by_code(odd, to) == _by_jinja(odd, to), (to, fit)


def test_an_edited_or_another_template_goes_through_jinja2(tmp_path):
    house = load_house()
    edited = tmp_path / "mine"
    edited.mkdir()
    for path in house.folder.iterdir():
        if path.is_file():
            (edited / path.name).write_bytes(path.read_bytes())
    assert in_code.writer(edited / "timing.txt.j2") is not None  # a copy of the shipped template: written in code
    table = edited / "timing.txt.j2"
    table.write_text(table.read_text(encoding="utf-8").replace("TOTAL (read", "ALL (read"), encoding="utf-8")
    assert in_code.writer(table) is None
    assert in_code.writer(edited / "script.md.j2") is None
    timed = broadcast.load(SEED, house=str(edited))
    assert "ALL (read" in timed.render(to="timing")
    assert timed.render(to="prompter") == broadcast.load(SEED).render(to="prompter")


def test_a_huge_prompter_width_is_left_to_the_sandbox():
    timed = broadcast.load(SEED)
    values = story.context(timed.story, timed.timing, timed.house, timed.fit, timed.languages, timed.cast)
    assert in_code.prompter({**values, "width": 2_000_000}) is None
    assert in_code.prompter({**values, "width": 0}) is None


@pytest.mark.parametrize("command", [["time"], ["script", "--to", "prompter"], ["script"]])
def test_timing_and_the_prompter_never_import_jinja2(tmp_path, command):
    probe = (
        "import runpy, sys, json, atexit\n"
        "atexit.register(lambda: print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('jinja2', 'markupsafe'))), file=sys.stderr))\n"
        f"sys.argv = ['broadcast', *{command!r}, {str(SEED)!r}, '--slot', '60']\n"
        "runpy.run_module('broadcast', run_name='__main__')\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    for _ in range(2):  # a fresh cache, then a filled one
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stderr.strip().splitlines()[-1]) == []
        assert "[END]" in done.stdout or "TOTAL (read" in done.stdout
