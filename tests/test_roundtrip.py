"""The markup round trip: `--to markup` read back gives the same segments, for the seed and every fixture."""
from __future__ import annotations

import pytest

import broadcast

from conftest import FIXTURES, SEED

PATHS = [SEED, *sorted(FIXTURES.glob("*/*.txt"))]


def segments(timed):
    return [
        (s.kind, s.role, s.speaker, s.tape, [(l.text, l.spoken) for l in s.lines]) for s in timed.story.segments
    ]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_markup_round_trip(path, tmp_path):
    first = broadcast.load(path)
    markup = tmp_path / "story.txt"
    markup.write_text(first.render(to="markup"), encoding="utf-8")
    second = broadcast.load(markup)
    assert segments(second) == segments(first)
    assert (second.story.language, second.story.title, second.story.source) == (
        first.story.language,
        first.story.title,
        first.story.source,
    )
    assert second.timing.duration == first.timing.duration
    # And the markup of the markup is the markup: the format is a fixed point.
    assert second.render(to="markup") == markup.read_text(encoding="utf-8")


def test_markup_escapes_lines_that_look_like_headers(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("[LEAD]\n\\[Фото] Сөз.\n\\# Хэштег\n", encoding="utf-8")
    first = broadcast.load(source, lang="kk")
    assert [l.text for l in first.story.lines] == ["[Фото] Сөз.", "# Хэштег"]
    again = tmp_path / "b.txt"
    again.write_text(first.render(to="markup"), encoding="utf-8")
    assert [l.text for l in broadcast.load(again).story.lines] == ["[Фото] Сөз.", "# Хэштег"]


def test_taped_sot_round_trip(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("[LEAD]\nСәлем.\n[SOT Ирина Новикова | докторы | 0:12.5]\nСөз.\n[SOT Асқар Жұмабаев | | 1:05 | male]\nИә.\n")
    first = broadcast.load(source, lang="kk")
    markup = first.render(to="markup")
    assert "[SOT Ирина Новикова | докторы | 0:12.5 | female]" in markup
    assert "[SOT Асқар Жұмабаев |  | 1:05 | male]" in markup
    again = tmp_path / "b.txt"
    again.write_text(markup, encoding="utf-8")
    assert segments(broadcast.load(again)) == segments(first)
