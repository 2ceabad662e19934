"""`broadcast check`: each rule on a small story, the seed end to end, and readability formulas."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import broadcast
from broadcast.readability import flesch, lix

from conftest import ROOT, SEED


def findings(text: str, lang: str, **options) -> set[tuple[int, str]]:
    timed = broadcast.prepare(text, lang=lang, **options)
    return {(warning.line, warning.kind) for warning in timed.findings}


def kinds_on(text: str, lang: str, line: int = 1) -> set[str]:
    return {kind for number, kind in findings(text, lang) if number == line}


@pytest.mark.parametrize(
    "lang,text,kind,expected",
    [
        ("kk", "Бұл көрсеткіш 2017 жылмен салыстырғанда 30%-ке артқан.", "figures", True),
        ("kk", "Сауда айналымы бір миллиард доллардан асады.", "figures", True),
        ("kk", "Бұл кезекті бір дәлелі.", "figures", False),
        ("ru", "В 2017 году 5 компаний вложили 30 млн долларов.", "numbers", True),
        ("ru", "В 2017 году вложили 30 млн долларов.", "numbers", False),
        ("en", "2019 was a record year.", "digits-first", True),
        ("en", "The year 2019 was a record.", "digits-first", False),
        ("kk", "ҚХДР делегациясы келді.", "abbreviation", True),
        ("kk", "АҚШ делегациясы келді.", "abbreviation", False),
        ("ru", "Делегация ЕАЭС и ООН прибыла.", "abbreviation", False),
        ("ru", "Делегация ЦАРЭС прибыла.", "abbreviation", True),
        ("en", "The ZZQ delegation arrived.", "abbreviation", True),
        ("kk", "ҚазАқпарат хабарлады.", "abbreviation", False),
        ("kk", "Сауда 5 млн долар болды.", "spelling", True),
        ("kk", "Сауда 5 млн долларға жетті.", "spelling", False),
        ("kk", "Өсім 30 пайз болды.", "spelling", True),
        ("ru", "Рост на 5 рублей и 2 тысячи.", "spelling", False),
        ("ru", "Рост на 30 прцентов.", "spelling", True),
        ("en", "Trade hit 5 million dolars.", "spelling", True),
        ("en", "Trade hit 5 million dollars.", "spelling", False),
        ("en", "McDonald arrived.", "abbreviation", False),
        ("kk", "Александр Ющенко келді.", "foreign-name", True),
        ("kk", "Александр Лукашенко келді.", "foreign-name", False),  # the packaged lexicon says it
        ("kk", "Қасым-Жомарт Тоқаев келді.", "foreign-name", False),
        ("kk", "John Smith келді.", "foreign-name", True),
        ("ru", "Прибыл Қасым-Жомарт Тоқаев.", "foreign-name", True),
        ("ru", "Прибыл Александр Лукашенко.", "foreign-name", False),
        ("en", "Lukashenko arrived in Astana.", "foreign-name", True),
        ("en", "Smith arrived in London.", "foreign-name", False),
    ],
)
def test_rule(lang, text, kind, expected):
    assert (kind in kinds_on(text, lang)) is expected


def test_breath_follows_the_voice_profile():
    long = "Қос ел көптеген салаларда тығыз ынтымақтастық орнатып бірлескен кәсіпорындар құру арқылы дамиды."
    assert "breath" in kinds_on(long, "kk")
    assert "breath" not in kinds_on("Қос ел дамиды.", "kk")


def test_a_known_name_is_not_flagged(tmp_path):
    lexicon = tmp_path / "names.toml"
    lexicon.write_text('[say]\n"Ющенко" = "Ющэнко"\n', encoding="utf-8")
    text = "Виктор Ющенконың сапары."
    assert "foreign-name" in kinds_on(text, "kk")
    assert "foreign-name" not in {k for _, k in findings(text, "kk", lexicons=[lexicon])}


def test_a_long_bite_is_flagged_on_its_first_line():
    quote = " ".join(["Біз тауар тасымалын әртараптандырамыз және жаңа жолдар ашамыз"] * 4)
    text = f"Жаңалық.\n\nИрина Новикова, экономика ғылымдарының докторы:\n- {quote}.\n"
    assert (4, "sot-long") in findings(text, "kk")


def _sot(attribution: str) -> str:
    return f"Жаңалық.\n\n{attribution}:\n- Біз тауар тасымалын әртараптандырамыз.\n"


@pytest.mark.parametrize(
    "attribution, flagged",
    [
        ("Ирина Новикова, экономика ғылымдарының докторы", False),  # 30 characters: fits a line of 32
        ("Ирина Новикова, Қазақстан Республикасы Ұлттық экономика министрлігінің бас сарапшысы", True),
        ("Александра-Виктория Константинопольская-Новикова, сарапшы", True),  # the name is 48
    ],
    ids=["fits", "long-title", "long-name"],
)
def test_a_lower_third_longer_than_the_super_is_flagged(attribution, flagged):
    assert ((4, "lower-third") in findings(_sot(attribution), "kk")) is flagged


def test_a_sot_without_a_title_is_flagged_and_the_width_is_the_house_s(tmp_path):
    untitled = broadcast.prepare("[LEAD]\nЖаңалық.\n\n[SOT Ирина Новикова]\nБіз келеміз.\n", lang="kk")
    assert [w.message for w in untitled.findings if w.kind == "lower-third"] == [
        "SOT of Ирина Новикова has no title for the lower third: [SOT Ирина Новикова | title]"
    ]
    house = tmp_path / "narrow"
    house.mkdir()
    (house / "house.toml").write_text('[channel]\nkk = "Хабар 24"\n[house]\nsuper_width = 20\n', encoding="utf-8")
    narrow = findings(_sot("Ирина Новикова, экономика ғылымдарының докторы"), "kk", house=str(house))
    assert (4, "lower-third") in narrow


def test_seed_names_the_lines_with_figures_and_long_sentences():
    found = findings(SEED.read_text(encoding="utf-8"), "kk")
    assert {(29, "figures"), (30, "figures"), (31, "figures")} <= found
    assert (31, "spelling") in found  # бір миллиард долардан: a general rule, not a seed case
    assert any(kind == "breath" for _, kind in found)
    assert (13, "sot-long") in found


def run(*args):
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_cli_check_on_seed_exits_0_and_strict_exits_1():
    result = run("check", SEED)
    assert result.returncode == 0, result.stderr
    for line in (29, 30, 31):
        assert f"line {line} " in result.stdout
    assert "readability: LIX" in result.stdout
    assert run("check", SEED, "--strict").returncode == 1


def test_cli_check_strict_on_a_clean_story_exits_0(tmp_path):
    story = tmp_path / "clean.txt"
    story.write_text("Қос ел дамиды.\n", encoding="utf-8")
    result = run("check", story, "--strict")
    assert result.returncode == 0, result.stdout
    assert "nothing found" in result.stdout


@pytest.mark.parametrize(
    "words,sentences,expected",
    [(["short", "words", "only"], 1, 3.0), (["international", "cooperation", "is", "good"], 2, 52.0), ([], 0, 0.0)],
)
def test_lix(words, sentences, expected):
    assert lix(words, sentences) == expected


def test_flesch():
    # 10 words, 1 sentence, 15 syllables with the English weights: 206.835 - 10.15 - 126.9
    assert flesch(10, 1, 15, [206.835, 1.015, 84.6]) == 69.8


def test_readability_in_json():
    timed = broadcast.load(SEED)
    data = json.loads(timed.render(to="json"))
    assert set(data["readability"]) == {"lix"}  # no Flesch weights for Kazakh
    en = broadcast.prepare("The minister arrived. The talks begin today.", lang="en")
    assert set(json.loads(en.render(to="json"))["readability"]) == {"lix", "flesch"}


@pytest.mark.parametrize(
    "lang,text,figure",
    [
        ("ru", "Встреча начнётся в 15:00.", "15:00 → пятнадцать ноль-ноль"),
        ("ru", "Форум пройдёт 14 ноября.", "пройдёт 14 ноября → пройдёт четырнадцатого ноября"),
        ("ru", "Граждане старше 65 лет получат льготы.", "старше 65 лет → старше шестидесяти пяти лет"),
        ("kk", "Өсім 4–5 пайыз болды.", "4–5 пайыз → төрт-бес пайыз"),
        ("en", "They signed a $45 million contract.", "a $45 million contract → a forty-five million dollar contract"),
    ],
)
def test_check_says_what_the_voice_says(lang, text, figure):
    """The figure `check` names is read by the same function as the voice's line: its reading is in the line."""
    timed = broadcast.prepare(text, lang=lang)
    messages = [warning.message for warning in timed.findings if warning.kind == "figures"]
    assert messages and figure in messages[0]
    said = figure.split(" → ")[1]
    assert said in timed.story.segments[0].lines[0].spoken


FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURES])
def test_every_figure_check_names_is_what_the_voice_says(path):
    """Over every fixture: each figure `check` lists (`written → said`) is said so in the spoken text the voice reads
    for that line; a line the voice does not read (a NAT cue: `ШУМ (2 сек.)`) has no figure to say with care."""
    timed = broadcast.load(path, lang=path.parent.name)
    spoken: dict[int, list[str]] = {}
    for segment in timed.story.segments:
        for line in segment.lines:
            spoken.setdefault(line.source_line, []).append(line.spoken)
    for warning in timed.findings:
        if warning.kind != "figures":
            continue
        said_line = " ".join(spoken.get(warning.line, []))
        for pair in warning.message.split(": ", 1)[1].split("; "):
            written, arrow, said = pair.partition(" → ")
            said = said if arrow else written  # a figure already in words is named once, as it is said
            assert said and said in said_line, (warning.line, written, said, said_line)
