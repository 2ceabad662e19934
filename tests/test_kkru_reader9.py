"""The reader on Russian and Kazakh copy: the forms webcopy set 9 (benchmarks/webcopy_heldout9) showed on its first
run and s8's check set, each as a general rule (made-up sentences in the shape of real ones; the page each form was
seen on is noted beside it)."""
from __future__ import annotations

from broadcast.parse import parse_text
from broadcast.parse.furniture import furniture
from broadcast.parse.quotes import pieces


def _rows(story) -> list[str]:
    rows: list[str] = []
    for segment in story.segments:
        row = segment.kind + (f" {segment.speaker.name.split()[-1]}" if segment.speaker else "")
        if not rows or rows[-1] != row:
            rows.append(row)
    return rows


def test_a_site_address_alone_under_the_copy_is_its_credit_with_its_scheme_too():
    # valuyki.com: `http://mirbelogorya.ru/` under the copy, then the date and the comment counter
    text = (
        "В районе открыли два дома культуры.\n"
        "Ремонт закончился недавно, деньги выделили областной и местный бюджеты, и клубы снова работают.\n"
        "http://belnovosti.ru/\n"
        "16 ноября 2007\n"
    )
    assert parse_text(text, language="ru").source == "belnovosti.ru"
    # a link to one page is no credit
    linked = text.replace("http://belnovosti.ru/", "http://belnovosti.ru/news/123.html")
    assert parse_text(linked, language="ru").source == ""


def test_a_byline_with_the_surname_in_capitals_and_the_photo_by_the_author_are_not_read():
    # c-pravda.ru: `Владимир УСТЮГОВ.` and `Фото автора.` under a photo story
    text = (
        "Через такие ямы приходится пробираться жителям дома на улице Мира после ремонта двора. А после дождей они "
        "переплывают огромные лужи перед подъездами.\n\n"
        "Сергей КОЛЕСНИКОВ.\n\n"
        "Фото автора.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead"]
    assert {line.source_line for line in story.lines if line.spoken.strip()} == {1}
    for credit in ("Фото автора.", "Суреттер автордікі.", "Фото из открытых источников."):
        assert furniture(credit) == "photo credit"


def test_a_name_and_quote_headline_over_a_page_is_the_title():
    # m.gezitter.org: the close mark, a stamp, the old-date notice, `Депутат Ибраев: «…»` (no stop), the copy
    text = (
        "×\n \n\n22.12.2021 // 14:59\nОбратите внимание на дату публикации.\n\n"
        "Депутат Маратов: «Нужно разрешить депутатам прежнего созыва заходить в здание парламента»\n\n"
        "22 декабря депутат Саматбек Маратов заявил, что нынешний созыв парламента завершает свою работу.\n\n"
        "«Это последнее заседание созыва. Было бы хорошо, если бы нам разрешили входить в здание», сказал Маратов.\n\n"
        "Исполняющая обязанности спикера заявила, что это излишне.\n\nИсточник: Super.kg\n\nКомментарии:\n"
    )
    story = parse_text(text, language="ru")
    assert story.title.startswith("Депутат Маратов")
    assert _rows(story)[0] == "lead"
    assert 7 not in {line.source_line for line in story.lines if line.spoken.strip()}


def test_a_paragraph_closed_by_a_dash_clause_with_a_bracketed_aside_is_the_speakers():
    # sandbox.repost.uz: the opening dash lost, `, — сказала Матвиенко во время встречи с главой Сената Олий мажлиса
    # (верхней палаты парламента Узбекистана) Танзилой Нарбаевой.`
    text = (
        "Мы сейчас серьезно готовимся к визиту президента в Россию. Мы работаем совместно над наполнением этого "
        "визита, — сказала Петрова во время встречи с главой Сената Олий мажлиса (верхней палаты парламента "
        "Узбекистана) Танзилой Каримовой."
    )
    found = pieces(text, "ru")
    assert found is not None and found[0].quote and found[0].who is not None and found[0].who.name == "Петрова"


def test_a_paragraph_closed_by_an_inverted_clause_without_marks_is_the_speakers():
    # news.mail.ru (Sputnik): `…, сказал он.`; Kazakh `…, деді ол.` in the same order
    ru = "В последнее время в некоторых СМИ распространяются различные предположения и недостоверные сведения о её здоровье, сказал он."
    found = pieces(ru, "ru")
    assert found is not None and found[0].quote and found[0].who is not None and found[0].who.kind == "pronoun"
    kk = "Соңғы уақытта кейбір БАҚ-та оның денсаулығы туралы түрлі болжамдар мен жалған мәліметтер тарап жүр, деді ол."
    found = pieces(kk, "kk")
    assert found is not None and found[0].quote
    # reported speech keeps its `что`, a report keeps `сообщил`, an office is no speaker: the copy's
    assert pieces("Он сказал, что в районе откроют две школы и три детских сада уже в следующем году.", "ru") is None
    assert pieces("В районе откроют две школы и три детских сада уже в следующем году, сообщил он журналистам.", "ru") is None
    assert pieces("В районе откроют две школы и три детских сада уже в следующем году, сказали в акимате.", "ru") is None


def test_a_clause_alone_under_a_blank_line_gives_the_paragraph_above_to_its_speaker():
    # news.mail.ru: the statement, then `написал Айдос Укибай` as a paragraph of its own
    text = (
        "Советник Айдос Серикбаев обратился к журналистам и пользователям соцсетей.\n\n"
        "В связи с этим считаю необходимым разъяснить: лечение проходит в Национальном госпитале в Алматы.\n\n"
        "написал Айдос Серикбаев\n\n"
        "Он попросил представителей СМИ проявлять корректность.\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "sot Серикбаев", "vo"]
    assert 5 not in {line.source_line for line in story.lines if line.spoken.strip()}


def test_a_pronoun_before_the_verb_speaks_and_what_follows_the_verb_is_what_is_said():
    # valuyki.com: `…, но здесь же он указал на то, что в районе еще предстоит сделать: «…».` and the governor named
    # again by his given name and patronymic (`Евгений Степанович`)
    text = (
        "Открылись два дома культуры.\n"
        "Губернатор Евгений Савельев продолжает поездки по районам. Утром Евгений Степанович побывал на открытии клубов.\n"
        "Губернатору ремонт понравился, но здесь же он указал на то, что в районе еще предстоит сделать: «В районе еще "
        "два десятка домов культуры, которые необходимо ремонтировать. И я думаю, за два года они будут отремонтированы».\n"
    )
    story = parse_text(text, language="ru")
    assert _rows(story) == ["lead", "vo", "sot Савельев"]
