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
        ("kk", "ЖОО", "жы-о-о"),  # letter by letter
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
