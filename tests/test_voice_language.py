"""A segment said in another language than its story's is voiced in it: a Russian synch or stand-up inside a
Kazakh story gets a Russian voice of the same role and gender, Russian timing and Russian figures."""
from __future__ import annotations

import pytest

import broadcast
from broadcast import languages
from broadcast.audio import engines
from broadcast.audio.speech import story_jobs

from audio_helpers import ToneEngine

MIXED = """\
[LEAD]
Астанада жаңа саябақ ашылды.
[VO]
Саябаққа 300 адам келді.
[SOT Анна Петренко | эксперт | | female | ru]
Мы ждали на 300 человек больше.
[STANDUP ru]
Я стою в центре парка.
[SOT Айгүл Сейітова | тұрғын | | female]
Бұл бізге керек еді.
[TAG]
Саябақ ертең ашылады.
"""


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    return broadcast.load(path, lang="kk")


def test_each_segment_is_voiced_in_its_own_language_same_role_and_gender(mixed):
    voices = [job.voice for job in story_jobs(mixed, None)]
    assert [voice.name for voice in voices] == [
        "kk-anchor", "kk-reporter", "ru-guest-female", "ru-reporter", "kk-guest-female", "kk-anchor"]
    kk_reporter, ru_reporter = voices[1], voices[3]
    assert ru_reporter.gender == kk_reporter.gender


def test_a_russian_synch_says_its_figures_in_russian_and_is_timed_by_russian_rules(mixed):
    jobs = story_jobs(mixed, None)
    assert "триста" in jobs[2].line.spoken and "үш жүз" not in jobs[2].line.spoken
    assert "үш жүз" in jobs[1].line.spoken
    assert mixed.timing.segments[2].lines[0].syllables == languages.get("ru").syllables(jobs[2].line.spoken)


def test_the_draft_names_the_russian_voice_in_its_cues(mixed, tmp_path, monkeypatch):
    monkeypatch.setitem(engines._registry(), "tone", ToneEngine())
    draft = broadcast.api.audio(mixed, tmp_path / "mixed.wav", engine="tone", cache=tmp_path / "cache")
    assert [cue.voice for cue in draft.sheet.segments][2:4] == ["ru-guest-female", "ru-reporter"]
