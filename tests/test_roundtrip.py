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


@pytest.mark.parametrize("path", PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_json_round_trip(path, tmp_path):
    first = broadcast.load(path)
    exported = tmp_path / "story.json"
    exported.write_text(first.render(to="json"), encoding="utf-8")
    second = broadcast.load(exported)
    assert segments(second) == segments(first)
    assert [l.source_line for l in second.story.lines] == [l.source_line for l in first.story.lines]
    assert second.timing == first.timing


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "line 1: not valid JSON"),
        ('{"title": "x"}', "JSON input must be an object with a list of segments"),
        ('{"segments": [{"kind": "news", "lines": ["a"]}]}', "segment 1: needs a kind"),
        ('{"segments": [{"kind": "sot", "lines": ["a"]}]}', "segment 1: a SOT needs a speaker"),
        ('{"segments": [{"kind": "vo", "lines": []}]}', "segment 1: needs a list of lines"),
        ('{"segments": [{"kind": "vo", "lines": [{"text": " "}]}]}', "segment 1, line 1: needs a text"),
        ('{"segments": [{"kind": "sot", "speaker": {"name": "A B"}, "tape": -1, "lines": ["a"]}]}', "segment 1: tape must be"),
    ],
)
def test_bad_json_input(text, message, tmp_path):
    from broadcast.errors import InputError

    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(InputError) as error:
        broadcast.load(path, lang="kk")
    assert str(error.value).startswith(message)


def test_markup_lists_what_the_reader_decided_and_carries_it_back(tmp_path):
    first = broadcast.load(FIXTURES / "en" / "oil-dateline.txt")
    markup = first.render(to="markup")
    notes = [row for row in markup.split("\n") if row.startswith("#   line ")]
    assert [row.split(":")[0] for row in notes] == [
        "#   line 1 (guess)",
        "#   line 2 (not-read)",
        "#   line 4 (not-read)",
        "#   line 13 (not-read)",
    ]
    path = tmp_path / "story.txt"
    path.write_text(markup, encoding="utf-8")
    carried = [(w.line, w.kind, w.message) for w in broadcast.load(path).story.warnings if w.kind != "breath"]
    assert (2, "not-read", "not read: byline") in carried
