"""Credit and furniture forms held-out webcopy set 7 showed (made-up lines in the shape of the real ones): an
aggregator naming the site it took the story from, a wire's name glued to or bracketed before the copy, and the
lines a page prints around the story (the story is being updated, follow us, a hashtag over it)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import furniture


@pytest.mark.parametrize(
    "text, language, source",
    [
        # an aggregator (qazaq24.com) names where it took the story: that site is the source, the line is not read
        ("Как передает Aggregator.kz, основываясь на информации сайта Tengrinews.kz.", "ru", "Tengrinews.kz"),
        ("Aggregator.kz, Kazinform дереккөзінен алынған мәліметтерге сүйене отырып жаңалық жариялады.", "kk", "Kazinform"),
        # an agency in capitals glued to the first sentence by its feed (oreanda.ru)
        ("INTERFAX-NEWSThe ministry plans to open two schools this year.", "en", "INTERFAX-NEWS"),
        # a wire in brackets opening the copy another outlet reprints (trend.az reprinting RIA Novosti)
        ("( RIA Novosti ) - The mayor resigned on Monday, local police reported.", "en", "RIA Novosti"),
    ],
)
def test_an_aggregator_or_a_wire_names_the_source(text, language, source):
    credit = find_credit(text, language)
    assert credit is not None and credit.outlet and credit.source == source


def test_the_aggregators_line_is_not_read():
    story = parse_text(
        "Как передает Aggregator.kz, основываясь на информации сайта Tengrinews.kz.\n"
        "В Караганде открыли новый каток, передает Tengrinews.kz.\n",
        language="ru",
    )
    assert story.source == "Tengrinews.kz"
    assert all("основываясь" not in line.spoken for segment in story.segments for line in segment.lines)


@pytest.mark.parametrize(
    "text",
    [
        "NEW-YORKThe man said he would come back.",  # capitals glued on with no media word: no wire
        "(Almaty) - The city said the road is open.",  # a place in brackets: no wire
    ],
)
def test_capitals_or_brackets_alone_are_no_credit(text):
    credit = find_credit(text, "en")
    assert credit is None or not credit.outlet


@pytest.mark.parametrize(
    "text",
    [
        "Новость дополняется.",
        "Материал обновляется",
        "Жаңалық толықтырылуда.",
        "This story is developing.",
        "1 Подписывайтесь на Газету в MAX Все ключевые события — в нашем канале. Подписывайтесь!",
        "Stay in touch with the news of the Ministry — follow the official Telegram channel",
        "Маңызды жаңалықтар мен жаңартуларды өткізіп алмау үшін Example.kz сайтын қадағалаңыз.",
        "#Выборы в Казахстане",
        "Снег, метель, дорога, трасса, гололед, фото - Новости Example.kz от 11.09.2025 10:03 Фото: freepik",
    ],
)
def test_page_lines_around_the_story_are_furniture(text):
    assert furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "Новость о закрытии трассы дополняется каждый час, сказал аким.",
        "The story is developing fast in the region, police said.",
        "Он подписал указ о новых выплатах.",
        "Stay in touch with your relatives during the storm, the ministry urged.",
        "#1 in the region, the school was praised by the minister.",
    ],
)
def test_sentences_like_them_are_read(text):
    assert not furniture(text)
