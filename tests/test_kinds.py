"""The segment kinds beyond lead/vo/sot/tag (nat, standup) and a segment's own language, through markup,
JSON, timing and the writers."""
from __future__ import annotations

import json

import pytest

import broadcast
from broadcast.errors import InputError

MIXED = """\
[LEAD]
Астанада жаңа саябақ ашылды.
[VO]
Саябақта 2025 ағаш отырғызылды.
[NAT 0:05]
шум толпы, аплодисменты
[SOT Анна Петренко | эксперт | | female | ru]
Мы посадили 2025 деревьев.
[STANDUP Дәурен Омаров | тілші]
Мен қазір саябақтың ортасында тұрмын.
[STANDUP ru]
Я стою в центре парка.
[TAG]
Саябақ ертең ашылады.
"""


def shape(timed):
    """Everything of the segments but the input line numbers (a markup file has its own)."""
    return [(s.kind, s.role, s.speaker, s.tape, s.language, [(l.text, l.spoken) for l in s.lines]) for s in timed.story.segments]


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    return broadcast.load(path, lang="kk")


def test_markup_reads_the_new_kinds_and_languages(mixed):
    segments = mixed.story.segments
    assert [s.kind for s in segments] == ["lead", "vo", "nat", "sot", "standup", "standup", "tag"]
    assert [s.language for s in segments] == [None, None, None, "ru", None, "ru", None]
    assert [s.role for s in segments] == ["anchor", "reporter", "reporter", "guest", "reporter", "reporter", "anchor"]
    assert segments[2].tape == 5.0 and not segments[2].read_aloud
    assert segments[4].speaker.name == "Дәурен Омаров" and segments[4].speaker.title == "тілші"
    assert segments[5].speaker is None


def test_a_segment_in_another_language_is_spoken_in_it(mixed):
    kazakh, russian = mixed.story.segments[1].lines[0].spoken, mixed.story.segments[3].lines[0].spoken
    assert "мың" in kazakh  # екі мың жиырма бес
    assert "тысяч" in russian  # две тысячи двадцать пять


def test_nat_is_not_read_and_runs_its_length(mixed):
    nat = mixed.story.segments[2]
    assert [line.spoken for line in nat.lines] == [""]
    timed = mixed.timing.segments[2]
    assert timed.duration == 5000 and timed.pause == 0
    # Its time is tape time, with the bite's.
    tape = sum(t.duration for s, t in zip(mixed.story.segments, mixed.timing.segments) if s.kind in ("nat", "sot"))
    assert mixed.timing.tape == tape
    assert mixed.timing.read + mixed.timing.tape == mixed.timing.duration


def test_a_nat_without_a_length_takes_no_time(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("[LEAD]\nСәлем.\n[NAT]\nшу\n[VO]\nСөз.\n", encoding="utf-8")
    timed = broadcast.load(path, lang="kk")
    assert timed.timing.segments[1].lines[0].duration == 0


def test_markup_round_trip_keeps_kinds_languages_and_lengths(mixed, tmp_path):
    markup = mixed.render(to="markup")
    assert "[NAT 0:05]" in markup
    assert "[SOT Анна Петренко | эксперт | | female | ru]" in markup
    assert "[STANDUP Дәурен Омаров | тілші | | male]" in markup
    assert "[STANDUP ru]" in markup
    again = tmp_path / "again.txt"
    again.write_text(markup, encoding="utf-8")
    second = broadcast.load(again)
    assert shape(second) == shape(mixed)
    assert second.timing == mixed.timing


def test_json_carries_the_segment_language_and_reads_it_back(mixed, tmp_path):
    data = json.loads(mixed.render(to="json"))
    assert [s["language"] for s in data["segments"]] == [None, None, None, "ru", None, "ru", None]
    assert [s["kind"] for s in data["segments"]][2] == "nat"
    path = tmp_path / "story.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    second = broadcast.load(path)
    assert second.story.segments == mixed.story.segments
    assert second.timing == mixed.timing


def test_a_russian_guest_gets_a_russian_voice(mixed):
    assert mixed.timing.segments[3].voice.startswith("ru-")
    assert mixed.timing.segments[1].voice.startswith("kk-")


def test_writers_show_the_new_kinds(mixed):
    prompter = mixed.render(to="prompter")
    assert "[NAT]" in prompter and "NAT SOUND (not read): шум толпы" in prompter
    assert "[SOT: Анна Петренко — эксперт · RU]" in prompter
    assert "[STANDUP: Дәурен Омаров — тілші]" in prompter
    assert "[STANDUP · RU]" in prompter
    script = mixed.render(to="script")
    assert "NAT — natural sound" in script and "NAT (not read): шум толпы" in script
    assert "STANDUP — reporter on camera — SUPER: **Дәурен Омаров**" in script
    assert "SOT (ru): Мы посадили" in script
    timing = mixed.render(to="timing")
    assert "NAT" in timing and "STANDUP" in timing


@pytest.mark.parametrize(
    "header, message",
    [
        ("[VO xx]", "line 2: [VO] takes only a language"),
        ("[SOT Анна | эксперт | | female | xx]", "line 2: unknown language 'xx'"),
        ("[NAT five]", "line 2: bad tape length"),
        ("[SOT A | b | | female | ru | more]", "line 2: [SOT] has at most"),
        ("[BREAK]", "line 2: unknown section [BREAK]"),
    ],
)
def test_bad_headers(header, message, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"# broadcast markup\n{header}\nСөз.\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        broadcast.load(path, lang="kk")
    assert str(error.value).startswith(message)


def test_bad_json_language(tmp_path):
    path = tmp_path / "a.json"
    path.write_text('{"segments": [{"kind": "vo", "language": "xx", "lines": ["a"]}]}')
    with pytest.raises(InputError, match="segment 1: language must be one of"):
        broadcast.load(path, lang="kk")
