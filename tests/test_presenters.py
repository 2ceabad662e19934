"""Presenters are people: a rundown's (or the house style's) [presenters] maps a presenter to a voice profile and
a read rate, so each story is timed at its presenter's own pace; `rundown` takes --voices and --cast."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import broadcast
from broadcast.errors import InputError
from broadcast.rundown import load_bulletin

from conftest import ROOT

STORY = ROOT / "examples" / "bulletin" / "harvest-kk.txt"
RUNDOWN = """title = "Presenters"
start = "19:00:00"
slot = "5:00"
presenter = "Айгерім Сәрсенова"
{table}
[[item]]
type = "story"
slug = "SLOW"
file = "harvest-kk.txt"

[[item]]
type = "story"
slug = "FAST"
file = "harvest-kk.txt"
presenter = "Дәурен Омаров"
"""
TABLE = """
[presenters]
"Айгерім Сәрсенова" = { voice = "kk-anchor", read_rate = 4.0 }
"Дәурен Омаров" = { read_rate = 6.0 }
"""


def _rundown(tmp_path, table=TABLE):
    shutil.copy(STORY, tmp_path / "harvest-kk.txt")
    path = tmp_path / "rundown.toml"
    path.write_text(RUNDOWN.format(table=table), encoding="utf-8")
    return path


def _anchor_seconds(item) -> float:
    return sum(t.duration for s, t in zip(item.timed.story.segments, item.timed.timing.segments) if s.role == "anchor")


def test_each_story_is_timed_at_its_presenters_own_rate(tmp_path):
    slow, fast = load_bulletin(_rundown(tmp_path)).items
    assert slow.timed.cast.anchor.name == "Айгерім Сәрсенова" and slow.timed.cast.anchor.read_rate == 4.0
    assert fast.timed.cast.anchor.name == "Дәурен Омаров" and fast.timed.cast.anchor.read_rate == 6.0
    assert fast.timed.cast.anchor.language == "kk" and fast.timed.cast.anchor.role == "anchor"
    assert _anchor_seconds(slow) > _anchor_seconds(fast) * 1.3  # 6.0 against 4.0 syllables a second
    assert slow.duration > fast.duration


def test_without_a_table_the_anchor_is_the_languages_own(tmp_path):
    slow, fast = load_bulletin(_rundown(tmp_path, table="")).items
    assert slow.duration == fast.duration == broadcast.load(STORY).timing.duration


def test_an_items_voice_and_cast_win_over_the_presenter(tmp_path):
    path = _rundown(tmp_path)
    slow, _ = load_bulletin(path, cast={"anchor": "kk-reporter"}).items
    assert slow.timed.cast.anchor.name == "kk-reporter"


def test_a_presenter_with_an_unknown_voice_is_an_input_error(tmp_path):
    path = _rundown(tmp_path, table='[presenters]\n"Айгерім Сәрсенова" = "no-such-voice"\n')
    with pytest.raises(InputError, match="no-such-voice"):
        load_bulletin(path)


def test_a_bad_presenters_table_names_the_rundown(tmp_path):
    path = _rundown(tmp_path, table='[presenters]\n"Айгерім Сәрсенова" = { read_rate = -1 }\n')
    with pytest.raises(InputError, match="rundown.toml.*read_rate"):
        load_bulletin(path)


def test_the_command_takes_voices_and_cast(tmp_path):
    path = _rundown(tmp_path, table="")
    voices = tmp_path / "voices"
    voices.mkdir()
    profile = (ROOT / "voices" / "kk-anchor.toml").read_text(encoding="utf-8")
    (voices / "slow-anchor.toml").write_text(_slow(profile), encoding="utf-8")
    command = [sys.executable, "-m", "broadcast", "rundown", str(path), "--to", "json"]
    plain = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    cast = subprocess.run([*command, "--voices", str(voices), "--cast", "anchor=slow-anchor"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert plain.returncode == 0 and cast.returncode == 0, cast.stderr
    assert "slow-anchor" in cast.stdout and "slow-anchor" not in plain.stdout


def _slow(profile: str) -> str:
    """kk-anchor renamed slow-anchor, reading at 3 syllables a second."""
    lines = []
    for line in profile.splitlines():
        if line.startswith("name"):
            line = 'name = "slow-anchor"'
        elif line.startswith("read_rate"):
            line = "read_rate = 3.0"
        lines.append(line)
    return "\n".join(lines) + "\n"


BILINGUAL = """title = "Bilingual"
start = "19:00:00"
slot = "5:00"
presenter = "Айгерім Сәрсенова"

[presenters]
"Айгерім Сәрсенова" = { voice = { kk = "kk-anchor", ru = "ru-anchor" }, read_rate = { kk = 4.0, ru = 3.5 } }

[[item]]
type = "story"
slug = "BOTH"
file = "both.txt"

[[item]]
type = "story"
slug = "RU"
file = "metro-ru.txt"
"""
BOTH = "[LEAD]\nҚайырлы кеш, құрметті көрермен.\n[LEAD ru]\nДобрый вечер, уважаемые зрители.\n[VO]\nАстанада жаңа саябақ ашылды.\n"


def _bilingual(tmp_path, table: str | None = None):
    (tmp_path / "both.txt").write_text(BOTH, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "bulletin" / "almaty-metro-ru.txt", tmp_path / "metro-ru.txt")
    text = BILINGUAL if table is None else BILINGUAL.replace(BILINGUAL.split("\n")[6], table)
    path = tmp_path / "rundown.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bilingual_presenter_reads_each_language_in_their_voice_for_it(tmp_path):
    """One presenter, a voice and a rate per language: the Russian lead inside a Kazakh story is read in their
    Russian voice at their Russian rate, and so is a Russian story they present."""
    from broadcast.audio.speech import story_jobs

    both, russian = load_bulletin(_bilingual(tmp_path)).items
    voices = {job.segment: job.voice for job in story_jobs(both.timed, None)}
    kk, ru = voices[0], voices[1]
    assert (kk.name, kk.language, kk.read_rate) == ("Айгерім Сәрсенова", "kk", 4.0)
    assert (ru.name, ru.language, ru.read_rate, ru.role) == ("Айгерім Сәрсенова (ru)", "ru", 3.5, "anchor")
    anchor = russian.timed.cast.anchor
    assert (anchor.name, anchor.language, anchor.read_rate) == ("Айгерім Сәрсенова", "ru", 3.5)


def test_the_russian_lead_is_timed_at_the_presenters_russian_rate(tmp_path):
    slow = _bilingual(tmp_path)
    (tmp_path / "fast").mkdir()
    fast = _bilingual(tmp_path / "fast", table='"Айгерім Сәрсенова" = { voice = { kk = "kk-anchor", ru = "ru-anchor" }, '
                                               'read_rate = { kk = 4.0, ru = 7.0 } }')
    lead = [load_bulletin(path).items[0].timed.timing.segments[1].duration for path in (slow, fast)]
    assert lead[0] > lead[1] * 1.5  # 3.5 against 7.0 syllables a second
    kazakh = [load_bulletin(path).items[0].timed.timing.segments[0].duration for path in (slow, fast)]
    assert kazakh[0] == kazakh[1]


def test_cast_names_a_role_in_another_language(tmp_path):
    path = _bilingual(tmp_path)
    both, _ = load_bulletin(path, cast={"anchor:ru": "ru-reporter"}).items
    assert both.timed.cast.others[("ru", "anchor")].name == "ru-reporter"


@pytest.mark.parametrize(
    "table, message",
    [
        ('"Айгерім Сәрсенова" = { voice = { ru = "kk-anchor" } }', "voice for ru is 'kk-anchor', a kk voice"),
        ('"Айгерім Сәрсенова" = { voice = { ru = 3 } }', "voice for ru must be a voice profile"),
        ('"Айгерім Сәрсенова" = { read_rate = { ru = 0 } }', "read_rate for ru must be syllables a second"),
    ],
)
def test_a_bad_bilingual_presenter_is_an_input_error(tmp_path, table, message):
    with pytest.raises(InputError, match=message):
        load_bulletin(_bilingual(tmp_path, table))
