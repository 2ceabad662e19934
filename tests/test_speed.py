"""The script path at full speed: what is read once per process, and read again after an edit."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

import broadcast
from broadcast.errors import InputError
from broadcast.house import load_house
from broadcast.voices import load_voices

from conftest import FIXTURES, ROOT


def _touch_later(path, seconds: int = 5) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_voice_profiles_are_read_once_and_again_after_an_edit(tmp_path):
    profile = tmp_path / "mine.toml"
    profile.write_text('name = "mine"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 4.0\n', encoding="utf-8")
    first = load_voices([tmp_path])
    assert load_voices([tmp_path])["mine"] is first["mine"]  # the same objects: nothing was read again
    profile.write_text('name = "mine"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 6.0\n', encoding="utf-8")
    _touch_later(profile)
    assert load_voices([tmp_path])["mine"].read_rate == 6.0


def test_a_house_style_is_read_once_and_again_after_an_edit(tmp_path):
    settings = tmp_path / "house.toml"
    settings.write_text('[channel]\nkk = "Біздің арна"\n', encoding="utf-8")
    assert load_house(str(tmp_path)) is load_house(str(tmp_path))
    settings.write_text('[channel]\nkk = "Жаңа арна"\n', encoding="utf-8")
    _touch_later(settings)
    assert load_house(str(tmp_path)).channel_name("kk") == "Жаңа арна"


def broadcast_cli(*args):
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_many_articles_give_one_output_each_named_after_it(tmp_path):
    kk, en = FIXTURES / "kk" / "prose.txt", FIXTURES / "en" / "speakers.txt"
    result = broadcast_cli("script", kk, en, "-o", f"{tmp_path}/out/")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["prose.prompter.txt", "speakers.prompter.txt"]
    assert (tmp_path / "out" / "prose.prompter.txt").read_text(encoding="utf-8") == broadcast.load(kk).render("prompter")
    result = broadcast_cli("script", kk, en, "--to", "json", "-o", tmp_path / "out")
    assert json.loads((tmp_path / "out" / "speakers.json").read_text(encoding="utf-8"))["language"] == "en"


def test_a_folder_or_a_glob_and_jobs_give_the_same_outputs(tmp_path):
    assert broadcast_cli("time", FIXTURES / "ru", "-o", tmp_path / "one/").returncode == 0
    # the folder reads every article in it (.txt, .srt, .html, ...), so the glob names them all too
    assert broadcast_cli("time", f"{FIXTURES}/ru/*", "--jobs", "2", "-o", tmp_path / "two/").returncode == 0
    one = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "two").iterdir()}
    assert one == two and len(one) == len(list((FIXTURES / "ru").glob("*")))
    assert all(name.endswith(".timing.txt") for name in one)


def test_a_failing_article_is_named_and_the_rest_go_on(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    good = FIXTURES / "kk" / "prose.txt"
    result = broadcast_cli("check", binary, tmp_path / "missing.txt", good, "-o", tmp_path / "out/")
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"broadcast: {binary}") and "missing.txt: no such file" in errors[1]
    assert errors[-1] == "broadcast: 2 of 3 articles failed" and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["prose.check.txt"]


def test_two_articles_with_one_name_are_refused_before_anything_is_written(tmp_path):
    result = broadcast_cli("script", FIXTURES / "kk" / "prose.txt", FIXTURES / "en" / "prose.txt", "-o", tmp_path / "o/")
    assert result.returncode == 2 and "would both be written to" in result.stderr
    assert not (tmp_path / "o").exists()  # not even the folder it would have made


def test_without_an_output_folder_the_texts_follow_each_other_on_stdout():
    result = broadcast_cli("time", FIXTURES / "kk" / "prose.txt", FIXTURES / "en" / "prose.txt")
    assert result.returncode == 0 and result.stdout.count("==> ") == 2


def test_the_progress_bar_is_drawn_on_a_terminal(tmp_path, monkeypatch):
    from broadcast.cli import main
    from broadcast.commands import _batch
    from broadcast.commands._progress import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(_batch, "progress_bar", lambda: progress_bar(screen))
    assert main(["script", str(FIXTURES / "kk"), "-o", str(tmp_path / "out")]) == 0
    assert f"] {len(list((FIXTURES / 'kk').glob('*.txt')))}/" in screen.getvalue()


def test_a_story_loads_only_its_own_language_and_number_words():
    code = (
        "import sys, broadcast\n"
        "broadcast.load(sys.argv[1]).render('prompter')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('broadcast.languages.', 'num2words.lang_')))\n"
        "print(' '.join(loaded))\n"
        "from num2words import num2words\n"  # the whole package still works for anyone who asks for it
        "assert num2words(21, lang='de') == 'einundzwanzig'\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "kk" / "belarus.txt")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "broadcast.languages.kk" in loaded and "num2words.lang_KZ" in loaded
    assert not {"broadcast.languages.en", "broadcast.languages.ru", "num2words.lang_DE"} & set(loaded)


def test_a_toml_file_is_kept_parsed_between_runs_and_read_again_after_an_edit(tmp_path):
    from broadcast.resources import read_toml, user_cache

    profile = tmp_path / "voice.toml"
    profile.write_text('name = "a"\nrate = 4.0\n', encoding="utf-8")
    assert read_toml(profile, "voice profile") == {"name": "a", "rate": 4.0}
    assert any(user_cache("parsed").glob("*.json"))  # kept for the next process
    profile.write_text('name = "a"\nrate = 5.5\n', encoding="utf-8")
    _touch_later(profile)
    assert read_toml(profile, "voice profile")["rate"] == 5.5
    profile.write_text('name = "a\n', encoding="utf-8")
    _touch_later(profile, 10)
    with pytest.raises(InputError, match="^voice profile .*voice.toml: "):
        read_toml(profile, "voice profile")


def test_a_start_up_with_nothing_edited_does_not_import_the_toml_parser(tmp_path):
    code = "import sys, broadcast; broadcast.load(sys.argv[1], checked=False).render('prompter'); print('tomllib' in sys.modules)"
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code, str(FIXTURES / "kk" / "prose.txt")], capture_output=True,
                           text=True, cwd=ROOT, env=environment) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"], [run.stderr for run in runs]


def test_a_template_compiled_in_an_earlier_run_is_compiled_again_after_an_edit(tmp_path):
    template = tmp_path / "mine.txt.j2"
    outputs = []
    for text in ("A {{ segments | length }}\n", "B {{ segments | length }}\n"):
        template.write_text(text, encoding="utf-8")
        result = broadcast_cli("script", FIXTURES / "kk" / "prose.txt", "--template", template)
        outputs.append(result.stdout)
    assert outputs[0].startswith("A ") and outputs[1].startswith("B ")


def test_a_folder_s_articles_are_its_article_files_not_a_rundown_nor_earlier_outputs(tmp_path):
    (tmp_path / "story.txt").write_text((FIXTURES / "kk" / "prose.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "evening.toml").write_text('title = "x"\n', encoding="utf-8")
    assert broadcast_cli("script", tmp_path, "-o", tmp_path).returncode == 0  # outputs beside the inputs
    assert broadcast_cli("script", tmp_path, "-o", tmp_path).returncode == 0  # and again: they are not read
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evening.toml", "story.prompter.txt", "story.txt"]


_WRAP_PIECES = ["a", "bb", "Сәлем", "—", "-", " ", "  ", "\u00a0", "\u2009", "x" * 40, "y" * 31, "z" * 33, "\t", "\n", "\r"]


@pytest.mark.parametrize("width", [1, 8, 32, 33])
def test_the_prompters_wrap_is_textwraps_row_for_row(width):
    """The wrap every prompter line goes through fills rows as textwrap does (white space at a row's ends
    dropped as textwrap drops it, a word longer than the row on its own row), without textwrap's cost."""
    import textwrap

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from broadcast.writers.wrap import textwrap_rows as _rows

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(_WRAP_PIECES), max_size=30).map("".join))
    def same(text):
        assert _rows(text, width) == textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)

    same()


def test_a_house_styles_formats_are_listed_again_when_a_template_is_added(tmp_path):
    import shutil

    from broadcast.resources import packaged
    from broadcast.writers.story import formats

    shutil.copytree(packaged("templates") / "khabar24", tmp_path / "mine")
    house = load_house(str(tmp_path / "mine"))
    assert "lower" not in formats(house)
    (tmp_path / "mine" / "lower.txt.j2").write_text("{{ story.title }}\n", encoding="utf-8")
    os.utime(tmp_path / "mine", ns=(0, (tmp_path / "mine").stat().st_mtime_ns + 1_000_000_000))
    assert "lower" in formats(house)


def _detect_the_slow_way(text: str) -> str:
    """languages.detect as it was written first: over every word's letters in Python."""
    from collections import Counter

    from broadcast.languages import _language

    lowered = text.lower()
    letters = {char: count for char, count in Counter(lowered).items() if char.isalpha()}
    cyrillic = sum(count for char, count in letters.items() if "\u0400" <= char <= "\u04ff")
    if cyrillic * 2 < sum(letters.values()):
        return "en"
    kazakh = set(_language("kk").letters)
    words = {w: c for w, c in Counter(lowered.split()).items() if any("\u0400" <= char <= "\u04ff" for char in w)}
    marked = sum(count for word, count in words.items() if kazakh & set(word))
    return "kk" if marked >= max(1, 0.15 * sum(words.values())) else "ru"


_DETECT_PIECES = ["Қала", "қала", "город", "city", "әке", "ҚАЗ", "1", "—", "«", " ", "  ", "\n", "\u00a0", "\u2009", "\u3000",
                  "ё", "і", "I", "һ", "x", "ұлт", "Ұлт", "-", ".", "҂", "\u0483"]


def test_language_detection_counts_words_as_it_did_word_by_word():
    """detect() counts the words with Cyrillic and with Kazakh letters by a search in C: the same language as the
    loop over every word's letters, on every fixture and on made-up texts."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from broadcast.languages import detect

    for path in [*FIXTURES.rglob("*.txt"), *(ROOT / "examples").glob("*.txt")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert detect(text) == _detect_the_slow_way(text), path

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(_DETECT_PIECES), max_size=40).map("".join))
    def same(text):
        assert detect(text) == _detect_the_slow_way(text)

    same()


def test_the_packaged_data_files_are_looked_at_once_a_process_the_users_every_time(tmp_path, monkeypatch):
    """A batch asked for the change time of every packaged voice profile, lexicon and house style for each
    article: those are part of the install and are looked at once; a user's own file is looked at each time,
    so an edit of it is read at the next article."""
    from broadcast import resources
    from broadcast.languages import get

    article = FIXTURES / "kk" / "prose.txt"
    broadcast.load(article, checked=False)
    looked: list[str] = []
    real = os.stat
    monkeypatch.setattr(resources.os, "stat", lambda path, *a, **k: looked.append(str(path)) or real(path, *a, **k))
    broadcast.load(article, checked=False)
    for name in ("voices", "lexicons", "templates"):
        assert not [path for path in looked if path.startswith(str(resources.packaged(name)))], name
    mine = tmp_path / "broadcast" / "lexicons"
    mine.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (mine / "kk.toml").write_text('[expand]\n"ҚР" = "Бірінші"\n', encoding="utf-8")
    assert get("kk").lexicon.reading("ҚР") == "Бірінші"
    (mine / "kk.toml").write_text('[expand]\n"ҚР" = "Екінші"\n', encoding="utf-8")
    _touch_later(mine / "kk.toml")
    assert get("kk").lexicon.reading("ҚР") == "Екінші"
