"""CIS TV scripts in: each label alone, the speaker forms, lengths, languages per segment; and the fixtures'
tapes and languages (their structures are in fixtures/structures.toml)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.cis import is_cis, label, length

from conftest import FIXTURES, SEED


@pytest.mark.parametrize(
    "line, kind, rest",
    [
        ("ВЕДУЩИЙ:", "lead", ""),
        ("ПОДВОДКА: В Астане открыли парк.", "lead", "В Астане открыли парк."),
        ("ЖҮРГІЗУШІ:", "lead", ""),
        ("ЗК:", "vo", ""),
        ("ГЗК: Текст за кадром.", "vo", "Текст за кадром."),
        ("ЗТК", "vo", ""),
        ("БЗ", "vo", ""),
        ("СНХ: Иван ИВАНОВ, директор", "sot", "Иван ИВАНОВ, директор"),
        ("СИНХРОН", "sot", ""),
        ("СИНХ.:", "sot", ""),
        ("Синхрон:", "sot", ""),
        ("[ЗК]", "vo", ""),
        ("ЛАЙФ 0:05", "nat", "0:05"),
        ("ИНТЕРШУМ (3 сек): қоңырау", "nat", "қоңырау"),
        ("ШУМ", "nat", ""),
        ("ОТБИВКА", "nat", ""),
        ("Отбивка", "nat", ""),
        ("СТЕНДАП:", "standup", ""),
        ("СТЕНД-АП:", "standup", ""),
        ("ТИТР: Алматы", "super", "Алматы"),
        ("ПОДПИСЬ: Иван Иванов", "super", "Иван Иванов"),
        ("ХРОНО: 1:35", "running", "1:35"),
        ("ХРОНОМЕТРАЖ 0:45", "running", "0:45"),
    ],
)
def test_labels(line, kind, rest):
    found = label(line)
    assert found is not None and (found.kind, found.rest) == (kind, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Ведущий специалист компании рассказал о планах.",  # the word, not the label
        "Шум на улице не стихал до утра.",
        "Зкрытый текст",
        "Корреспондент: Анна Петренко",  # a byline
        "Синхронное плавание вернулось в программу.",
    ],
)
def test_not_labels(line):
    assert label(line) is None


@pytest.mark.parametrize("text, seconds", [("0:05", 5.0), ("(3 сек)", 3.0), ("2 сек.", 2.0), ("00:01:10", 70.0), ("", None)])
def test_length(text, seconds):
    assert length(text) == seconds


def test_a_transcript_is_not_a_cis_script():
    assert not is_cis((FIXTURES / "kk" / "belarus.txt").read_text(encoding="utf-8"))
    assert is_cis("ВЕДУЩИЙ:\nСөз.\nЗК:\nСөз.\n")


def story(text: str, language: str | None = None):
    return parse_text(text, language=language)


@pytest.mark.parametrize(
    "script",
    [
        "ВЕДУЩИЙ:\nА.\nСНХ: Зоя СЛЕСАРЁВА, жительница города\n- Здесь было грязно.\n",
        "ВЕДУЩИЙ:\nА.\nСНХ: Зоя СЛЕСАРЁВА\nжительница города\n- Здесь было грязно.\n",
        "ВЕДУЩИЙ:\nА.\nСНХ:\nЗОЯ СЛЕСАРЁВА\nЖИТЕЛЬНИЦА ГОРОДА\n- Здесь было грязно.\n",
        "ВЕДУЩИЙ:\nА.\nсинхрон:\nЗоя Слесарёва / жительница города\nЗдесь было грязно.\n",
        "ВЕДУЩИЙ:\nА.\nСНХ\nТИТР: Зоя Слесарёва, жительница города\n- Здесь было грязно.\n",
        "ВЕДУЩИЙ:\nА.\nСНХ\nsinh_sl.mp4\nTC IN 00:01:10 TC OUT 00:01:16\nЗоя СЛЕСАРЁВА, жительница города:\n- Здесь было грязно.\n",
    ],
)
def test_the_speaker_on_the_label_line_or_the_next_two_caps_or_not(script):
    found = story(script, "ru")
    sot = found.segments[1]
    assert sot.kind == "sot" and sot.speaker.name == "Зоя Слесарёва"
    assert sot.speaker.title.casefold() == "жительница города"
    assert sot.speaker.gender == "female"
    assert [line.text for line in sot.lines] == ["Здесь было грязно."]


def test_timecodes_give_the_tape_length():
    found = story("ВЕДУЩИЙ:\nА.\nСНХ: Иван Петров, врач\nTC IN 10:00:05:00 TC OUT 10:00:17:12\n- Мы готовы.\n", "ru")
    assert found.segments[1].tape == 12.48


def test_a_synch_without_a_name_is_reported():
    found = story("ВЕДУЩИЙ:\nА.\nСНХ:\n- Мы готовы принять всех, кто придёт.\n", "ru")
    assert found.segments[1].kind == "sot"
    assert any(w.kind == "guess" and "names no speaker" in w.message for w in found.warnings)


def test_the_anchor_after_the_package_is_the_tag():
    found = story("ВЕДУЩИЙ:\nА.\nЗК:\nБ.\nВЕДУЩИЙ:\nВ.\n", "ru")
    assert [s.kind for s in found.segments] == ["lead", "vo", "tag"]


def test_a_super_outside_a_synch_is_shown_not_read():
    found = story("ВЕДУЩИЙ:\nА.\nЗК:\nБ.\nТИТР: Алматы, Медеу\n", "ru")
    assert [(w.line, w.kind) for w in found.warnings] == [(5, "not-read")]
    assert "Алматы" not in " ".join(line.spoken for line in found.lines)


def test_fixture_tapes_and_languages():
    kostanay = parse_text((FIXTURES / "ru" / "cis-parks-kostanay.txt").read_text(encoding="utf-8"))
    assert [s.tape for s in kostanay.segments] == [None, None, 4.0, 9.0, None, None, 9.0, None]
    kordai = parse_text((FIXTURES / "kk" / "cis-school-kordai.txt").read_text(encoding="utf-8"))
    assert [s.language for s in kordai.segments] == [None, None, None, None, None, "ru", None, None]
    assert kordai.segments[3].speaker.title == "ЖАМБЫЛ ОБЛЫСЫНЫҢ ӘКІМІ"
    synch = parse_text((FIXTURES / "kk" / "synch-russian.txt").read_text(encoding="utf-8"))
    assert synch.segments[2].language == "ru"
    assert "двадцать" not in synch.segments[2].lines[0].spoken  # no figures, but said by Russian rules:
    assert synch.segments[2].lines[0].spoken.startswith("В области Жетысу")


def test_a_russian_synch_in_a_kazakh_story_is_said_in_russian():
    found = story(
        "Астанада 2025 жылы жаңа саябақ ашылды.\n\nАнна Петренко, тұрғын:\n- Мы ждали этот парк 5 лет, и вот он открыт.\n",
        "kk",
    )
    sot = found.segments[-1]
    assert sot.language == "ru" and "пять лет" in sot.lines[0].spoken
    assert found.segments[0].language is None and "мың" in found.segments[0].lines[0].spoken


@pytest.mark.parametrize(
    "quote",
    [
        "- Біз жобаны келесі жылы аяқтаймыз.",
        "- Иә, солай.",  # short: too little to tell, keeps the story's language
        "- Конечно.",
    ],
)
def test_a_kazakh_or_short_synch_keeps_the_story_language(quote):
    found = story(f"Астанада жаңа саябақ ашылды.\n\nАнна Петренко, тұрғын:\n{quote}\n", "kk")
    assert found.segments[-1].language is None


def test_lang_that_the_text_contradicts_is_warned():
    text = (FIXTURES / "ru" / "belarus.txt").read_text(encoding="utf-8")
    found = parse_text(text, language="kk")
    assert found.warnings[0].kind == "language" and "reads as ru" in found.warnings[0].message
    assert not [w for w in parse_text(text, language="ru").warnings if w.kind == "language"]


@pytest.mark.parametrize(
    "name, gender, sure",
    [
        ("Ажар Ғиният", "female", True),
        ("Әсел Мұқанова", "female", True),
        ("Жанар Сейітқали", "female", True),
        ("Гүлнар Әбенова", "female", True),
        ("Айгерім Сәрсен", "female", True),
        ("Сандуғаш Ерменова", "female", True),
        ("Мария Ахметқызы", "female", True),
        ("Ерлан Нұрланұлы", "male", True),
        ("Дәурен Омаров", "male", True),
        ("Қасым-Жомарт Тоқаев", "male", True),
        ("Зоя СЛЕСАРЁВА", "female", True),
        ("Aigerim Sadykova", "female", True),
        ("Никита Ким", "male", True),
        ("Айша Ким", "female", False),  # not in the list: a guess from the ending
        ("Бекжан Ли", "male", False),
        ("Ли", "unknown", False),
    ],
)
def test_gender_from_the_names_list_and_endings(name, gender, sure):
    from broadcast.parse.gender import identify

    assert identify(name) == (gender, sure)


def test_a_guessed_gender_is_warned_once():
    found = story("ВЕДУЩИЙ:\nА.\nСНХ: Бекжан Ли, фермер\n- Урожай хороший.\nЗК:\nБ.\nСНХ: Бекжан Ли, фермер\n- Да.\n", "ru")
    warned = [(w.line, w.kind) for w in found.warnings if w.kind == "gender"]
    assert warned == [(3, "gender")]


def test_the_cis_house_lays_a_script_out_with_labels_supers_in_caps_and_running_times():
    import broadcast
    timed = broadcast.load(FIXTURES / "kk" / "cis-school-kordai.txt", house="cis")
    script = timed.render(to="script")
    rows = script.split("\n")
    assert rows[0].startswith("СЮЖЕТ:") and rows[1].startswith("ХРОНО:")
    assert "ЖҮРГІЗУШІ:    Жамбыл облысының" in script
    assert "СИНХРОН:      ТИТР: БЕРДІБЕК САПАРБАЕВ" in script
    assert "\n                    ЖАМБЫЛ ОБЛЫСЫНЫҢ ӘКІМІ\n" in script  # Kazakh capitals: і→І, ң→Ң
    assert "СИНХРОН (RU): ТИТР: САНДУҒАШ ЕРМЕНОВА" in script
    assert "СТЕНДАП:      ТИТР: ДӘУРЕН ОМАРОВ" in script
    assert "ЛАЙФ 0:03:" in script
    assert rows[-2].startswith("ХРОНО:") and rows[-2].split()[-1] == rows[1].split()[-1]


@pytest.mark.parametrize("arguments", [["-o", "x.html", "--to", "prompter"], ["-o", "x.docx"], ["-o", "x.txt", "--to", "json"]])
def test_an_output_name_that_is_not_the_formats_is_a_usage_error(arguments, tmp_path, monkeypatch):
    from broadcast.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["script", str(FIXTURES / "kk" / "prose.txt"), *arguments]) == 2
    assert not list(tmp_path.iterdir())


def test_lang_is_not_contradicted_by_synchs_marked_in_another_language():
    """Markup and JSON carry each segment's language: `[SOT … | ru]` in a Kazakh story is no contradiction of
    `--lang kk` (only the words in the story's own language are weighed), and each language survives the trip."""
    from broadcast.pipeline import prepare

    russian = "Мы уделяем особое внимание школам в сельской местности, потому что там учатся тысячи детей."
    text = (
        "# language: kk\n[LEAD]\nМектеп ашылды. Бұл жаңа мектеп.\n\n[VO ru]\n"
        "В области открыли школу на шестьсот мест, её строили целый год по национальному проекту.\n\n"
        f"[SOT Диас Есдаулетов | әкім орынбасары | | male | ru]\n{russian} {russian}\n"
    )
    found = parse_text(text, language="kk")
    assert [(s.kind, s.language) for s in found.segments] == [("lead", None), ("vo", "ru"), ("sot", "ru")]
    assert not [w for w in found.warnings if w.kind == "language"]
    timed = prepare(text, lang="kk")
    for to in ("json", "markup"):
        again = parse_text(timed.render(to))
        assert [(s.kind, s.language) for s in again.segments] == [("lead", None), ("vo", "ru"), ("sot", "ru")], to
        assert again.language == "kk"


MARKUP_STORY = """# broadcast markup
# title: Мектеп ашылды
# language: kk

[LEAD]
Алакөл ауданында жаңа мектеп ашылды.

[VO]
Мектеп бір жылда салынды. Мұнда спорт залы бар.

[NAT 0:05]
мектеп қоңырауы

[VO ru]
В области это вторая новая школа за год.

[SOT Диас Есдаулетов | облыс әкімінің орынбасары, Жетісу облысы бойынша білім беру мәселелері жөніндегі | 0:12 | male | ru]
Мы уделяем особое внимание школам в сельской местности.

[STANDUP Дәурен Омаров]
Жаңа мектепте спорт залы мен шеберхана бар. Оқу жылы осы аптада басталады, ал оқушылар саны жыл сайын өсіп келеді.

[TAG]
Облыста биыл тағы алты мектеп ашылады.
"""


def _round_trip_rows(story, tapes):
    """What the cis layout keeps: each segment's kind, role, speaker (the super is in capitals: name and position
    compare without case), gender, language, words (wrapped rows join again) and tape (a given one, else the
    ХРОНО the layout wrote)."""
    rows = []
    for segment, tape in zip(story.segments, tapes):
        speaker = segment.speaker
        who = (speaker.name.casefold(), speaker.title.casefold(), speaker.gender) if speaker else None
        rows.append((segment.kind, segment.role, who, segment.language, " ".join(line.text for line in segment.lines), tape))
    return rows


@pytest.mark.parametrize(
    "source",
    [*sorted(FIXTURES.glob("*/cis-*.txt")), SEED, FIXTURES / "en" / "speakers.txt", "markup"],
    ids=lambda source: source if isinstance(source, str) else f"{source.parent.name}/{source.name}",
)
def test_the_cis_layout_reads_back_into_the_same_structure(source, tmp_path):
    """`--house cis --to script` is a script the CIS reader reads again: the same segments, speakers, languages,
    words and tape lengths (the bundled example, the CIS fixtures, English labels, and every kind from markup)."""
    import broadcast

    if source == "markup":
        source = tmp_path / "story.txt"
        source.write_text(MARKUP_STORY, encoding="utf-8")
    timed = broadcast.load(source, house="cis")
    script = timed.render(to="script")
    assert is_cis(script)
    back = parse_text(script)
    from broadcast.timecode import format_duration, parse_duration
    from broadcast.timing import as_shown

    written = [  # the layout's ХРОНО of each tape: its length as the scripts show it, in whole seconds
        parse_duration(format_duration(s.duration - s.pause)) if seg.kind in ("sot", "nat", "standup") else None
        for seg, s in zip(timed.story.segments, as_shown(timed.story, timed.timing).segments)
    ]
    given = [seg.tape if seg.tape is not None else tape for seg, tape in zip(timed.story.segments, written)]
    # A nat without a length (an ОТБИВКА alone, as in cis-lowercase and cis-grain-omarov): written 0:00, read as none.
    given = [None if seg.kind == "nat" and seg.tape is None else tape for seg, tape in zip(timed.story.segments, given)]
    assert _round_trip_rows(back, [s.tape for s in back.segments]) == _round_trip_rows(timed.story, given)
    assert back.language == timed.story.language and back.title == timed.story.title


def test_the_cis_layout_s_own_forms_are_read():
    """`СИНХРОН (RU): ТИТР: NAME` / position / `- words` and `ЛАЙФ 0:04:  (sound)`, as the cis layout writes them."""
    found = parse_text(
        "ЖҮРГІЗУШІ:    Мектеп ашылды.\n\nЛАЙФ 0:04:    (мектеп қоңырауы)\n              ХРОНО: 0:04\n\n"
        "СИНХРОН (RU): ТИТР: САНДУҒАШ ЕРМЕНОВА\n                    АТА-АНА\n              - Мы очень долго ждали эту\n"
        "              школу. – Теперь всё есть.\n              ХРОНО: 0:06\n",
        "kk",
    )
    nat, sot = found.segments[1], found.segments[2]
    assert (nat.kind, [line.text for line in nat.lines], nat.tape) == ("nat", ["(мектеп қоңырауы)"], 4.0)
    assert (sot.speaker.name, sot.speaker.title, sot.language, sot.tape) == ("Сандуғаш Ерменова", "АТА-АНА", "ru", 6.0)


def test_a_wrapped_row_never_opens_with_a_dash():
    from broadcast.writers.story import FILTERS

    rows = FILTERS["wrap"]("Оқушылар мен мұғалімдерге жасалған жағдай – болашаққа жасалған қадам.", 42)
    assert rows == ["Оқушылар мен мұғалімдерге жасалған жағдай –", "болашаққа жасалған қадам."]
