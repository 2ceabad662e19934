"""Lexicons: packaged, the user's (XDG config) and --lexicon files; how an entry is read; bad files."""
from __future__ import annotations

import subprocess
import sys

import pytest

from broadcast import languages
from broadcast.errors import InputError
from broadcast.languages.lexicon import load_lexicon

from conftest import ROOT


@pytest.mark.parametrize(
    "code,written,said",
    [
        ("kk", "ҚР", "Қазақстан Республикасы"),  # expanded
        ("kk", "ҚМГ", "қы-мы-гэ"),  # letter by letter
        ("kk", "НАТО", "НАТО"),  # as a word
        ("ru", "США", "эс-ша-а"),
        ("ru", "ООН", "ООН"),
        ("en", "EU", "ee-you"),
        ("en", "NATO", "NATO"),
    ],
)
def test_packaged_readings(code, written, said):
    assert languages.get(code).lexicon.reading(written) == said


def test_a_user_file_adds_and_overrides(tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text(
        '[expand]\n"АҚШ" = "Құрама Штаттар"\n[letters]\nwords = ["ХҚКО"]\n[say]\n"Лукашенко" = "Лукаше\u0301нко"\n',
        encoding="utf-8",
    )
    kk = languages.get("kk", [user])
    assert kk.spoken("АҚШ пен ХҚКО") == "Құрама Штаттар пен хы-қы-кы-о"
    assert kk.spoken("ЕАЭО") == "Еуразиялық экономикалық одақ"  # the packaged entries stay
    # A name keeps its case ending; the stress mark does not change the syllable count.
    assert kk.spoken("Лукашенконың") == "Лукаше\u0301нконың"
    assert kk.syllables(kk.spoken("Лукашенконың")) == 5
    assert languages.get("kk").spoken("АҚШ") == "Америка Құрама Штаттары"  # no file, no change


def test_the_xdg_config_lexicon_is_read(tmp_path, monkeypatch):
    folder = tmp_path / "broadcast" / "lexicons"
    folder.mkdir(parents=True)
    (folder / "ru.toml").write_text('[say]\n"Токаев" = "Тока\u0301ев"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert languages.get("ru").spoken("Президент Токаев") == "Президент Тока\u0301ев"


@pytest.mark.parametrize(
    "content,message",
    [("[expand\n", "lexicon"), ('[expand]\n"ҚР" = 5\n', "[expand]"), ('[letters]\nwords = "ҚР"\n', "[letters]")],
)
def test_a_bad_lexicon_is_an_input_error(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_lexicon("kk", [path])


def test_a_missing_lexicon_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_lexicon("kk", [tmp_path / "nope.toml"])


def test_cli_lexicon_option(tmp_path):
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('[expand]\n"ҚХДР" = "Корея Халық Демократиялық Республикасы"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("ҚХДР делегациясы келді.\n", encoding="utf-8")
    args = [sys.executable, "-m", "broadcast", "check", str(story), "--strict"]
    assert subprocess.run(args, capture_output=True, cwd=ROOT).returncode == 1
    result = subprocess.run([*args, "--lexicon", str(lexicon)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout
    bad = subprocess.run([*args, "--lexicon", str(tmp_path / "nope.toml")], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "lexicon" in bad.stderr


def test_a_later_file_moves_a_form_to_another_table(tmp_path):
    """The packaged lexicon spells США; a user who wants it expanded (or read as a word) gets that."""
    user = tmp_path / "mine.toml"
    user.write_text('[word]\nwords = ["США"]\n[expand]\n"ЕАЭС" = "Евразийский экономический союз"\n', encoding="utf-8")
    ru = languages.get("ru", [user])
    assert ru.spoken("США и ЕАЭС") == "США и Евразийский экономический союз"
    assert "США" not in ru.lexicon.letters and "ЕАЭС" not in ru.lexicon.letters


STORY_WITH_A_RUSSIAN_SOT = """# broadcast markup
# title: Лексикон
# language: kk

[LEAD]
ЖҚБ комитеті бүгін Астанада жиналды.

[SOT Анна Петренко | эксперт | | female | ru]
Сегодня ЦРДК сообщил о новых правилах для водителей.
"""
USER_LEXICON = """[expand]
"ЖҚБ" = "жол қозғалысы бойынша"
"ЦРДК" = "центр развития дорожной культуры"
[readability]
flesch = [206.835, 1.3, 60.1]
"""


def test_a_user_lexicon_reaches_every_stage(tmp_path, monkeypatch):
    """The pipeline resolves each language of the story once, with the user's lexicons (the Russian SOT's
    language too), and timing, the audio's speech and every writer take it from there: none looks a language up
    again (one that did would get the lexicons wrong)."""
    import json

    import broadcast
    from broadcast.audio.draft_cache import Layout
    from broadcast.audio.speech import segment_cues, story_jobs
    from broadcast.timing import time_story

    article = tmp_path / "story.txt"
    article.write_text(STORY_WITH_A_RUSSIAN_SOT, encoding="utf-8")
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(USER_LEXICON, encoding="utf-8")
    plain = broadcast.load(article)
    timed = broadcast.load(article, lexicons=[lexicon])
    lead, sot = timed.story.segments
    assert sot.language == "ru" and timed.languages.of(sot).code == "ru"
    assert timed.languages.of(sot).lexicon.knows("ЦРДК") and timed.languages.story.lexicon.knows("ЖҚБ")

    def no_lookup(*args, **kwargs):
        raise AssertionError(f"a language looked up again after the pipeline: {args}")

    monkeypatch.setattr(languages, "get", no_lookup)
    # parse: the spoken forms, in each segment's language
    assert lead.lines[0].spoken.startswith("жол қозғалысы бойынша комитеті")
    assert "центр развития дорожной культуры" in sot.lines[0].spoken
    # timing: the syllables said, the same when timed again with the carried languages
    assert timed.timing.segments[0].lines[0].syllables > plain.timing.segments[0].lines[0].syllables
    assert timed.timing.segments[1].lines[0].syllables > plain.timing.segments[1].lines[0].syllables
    assert time_story(timed.story, timed.cast, timed.languages) == timed.timing
    # writers: the JSON's readability has the user's Flesch weights (Kazakh has none of its own)
    story = json.loads(timed.render("json"))
    assert "flesch" in story["readability"] and "flesch" not in json.loads(plain.render("json"))["readability"]
    assert "центр развития" in story["segments"][1]["lines"][0]["spoken"]
    assert "Flesch" in timed.render("check") and "ЦРДК" not in timed.render("check")
    for to in ("prompter", "script", "timing", "markup"):
        assert timed.render(to)
    # audio: what is spoken, and where each written word lands (three spoken words before «комитеті»)
    jobs = story_jobs(timed, "espeak")
    assert [job.line.spoken for job in jobs] == [lead.lines[0].spoken, sot.lines[0].spoken]
    onsets = [[100 * word for word in range(len(job.line.spoken.split()))] for job in jobs]
    layout = Layout(placed=[(0, 1000, 1000), (1000, 2000, 2000)], natural=[1000, 1000], tempo=[1.0, 1.0], duration=2000,
                    words=onsets)
    cues = segment_cues(timed, jobs, layout)
    assert cues[0].lines[0].words[:2] == (0, 300)  # ЖҚБ is «жол қозғалысы бойынша»
    assert cues[1].lines[0].words[:3] == (0, 100, 500)  # ЦРДК is four words
