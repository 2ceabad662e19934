"""Outlets' credits in Russian and Kazakh copy (and a signed quote glued to its signature): the forms the unseen
webcopy set 9 (benchmarks/webcopy_heldout9) showed on its first run (made-up sentences in the shape of real ones; the page each form was seen on is noted
beside it)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import dateline


@pytest.mark.parametrize(
    "text, language, source",
    [
        # the outlet, then whom it cites in marks with its kind in the dative (azattyqruhy.kz: `деп хабарлайды
        # Azattyq Rýhy «Алматы» телеарнасына сілтеме жасап`)
        ("Ауыл сусыз қалды, деп хабарлайды Azattyq Rýhy «Жетісу» телеарнасына сілтеме жасап.", "kk", "Azattyq Rýhy"),
        # an outlet in straight marks citing an office with a long name (ult.kz: `деп хабарлайды "Ұлт Ақпарат" ҚР
        # Туризм және спорт министрлігі «…» баспасөз қызметіне сілтеме жасап`)
        ('Құрама жеңіске жетті, деп хабарлайды "Дала Ақпарат" ҚР Мәдениет және спорт министрлігі «Ұлттық спорт '
         'түрлері орталығының» баспасөз қызметіне сілтеме жасап.', "kk", "Дала Ақпарат"),
        # an aggregator's link under the copy, in Russian on a Kazakh page too (smi24.kz: `Читать источник turkistan.tv`)
        ("Читать источник otyrar.kz", "kk", "otyrar.kz"),
        ("Читать источник otyrar.kz", "ru", "otyrar.kz"),
        # `Как пишет` inside a line, after a sentence, the outlet named by its kind (myseldon.com: `Как пишет районная
        # газета «Время и Жизнь»,`)
        ("Помог сосед. Как пишет районная газета «Светлый путь», мужчина перевёз людей.", "ru", "Светлый путь"),
        # the outlet's own source after it, `с` written with a Latin `c` (report.az: `Как сообщает Report cо ссылкой на
        # пресс-службу президента Узбекистана,`)
        ("Как сообщает Trend cо ссылкой на пресс-службу президента, договор подписан.", "ru", "Trend"),
        ("Как сообщает Trend со ссылкой на пресс-службу президента, договор подписан.", "ru", "Trend"),
    ],
)
def test_a_credit_form_names_the_outlet(text, language, source):
    credit = find_credit(text, language)
    assert credit is not None and credit.outlet and credit.source == source


def test_a_double_dateline_names_the_agency_after_the_second_place():
    # inform.kz: `НУР-СУЛТАН - УСТЬ-КАМЕНОГОРСК. КАЗИНФОРМ - …` (the desk's city, then the reporter's)
    found = dateline("АСТАНА - ПАВЛОДАР. КАЗИНФОРМ - В области открыли больницу.")
    assert found is not None and found.source == "КАЗИНФОРМ" and found.rest == "В области открыли больницу."


def test_a_headline_in_capitals_with_an_exclamation_is_no_dateline():
    # kz.vesti.kz (old): `ЕСТЬ РЕКОРДНЫЙ УРОЖАЙ РИСА!` after an empty weather widget
    assert dateline("ЕСТЬ РЕКОРДНЫЙ УРОЖАЙ ПШЕНИЦЫ!") is None
    story = parse_text("ЕСТЬ РЕКОРДНЫЙ УРОЖАЙ ПШЕНИЦЫ!\n\nАграрии области собрали рекордный урожай пшеницы.\n", language="ru")
    assert not story.source


def test_a_signed_quote_with_its_signature_glued_after_the_stop():
    # kaz.zakon.kz (Кеген bus crash): `…бақылауға алдым".Алматы облысы полиция департаментінің бастығы Бауыржан Әленов`
    text = (
        "Жамбыл ауданында жол-көлік оқиғасы болды.\n"
        "\"Оқиғаның барлық мән-жайы анықталып жатыр. Істі тергеу барысын бақылауға алдым\".Алматы облысы полиция "
        "департаментінің бастығы Серік Бекенов\n"
        "Сондай-ақ Бекенов жүргізушілерге ескерту жасады.\n"
    )
    story = parse_text(text, language="kk")
    kinds = [(segment.kind, segment.speaker.name if segment.speaker else "") for segment in story.segments]
    assert kinds == [("lead", ""), ("sot", "Серік Бекенов"), ("vo", "")]


def test_the_one_addressed_with_k_is_no_speaker():
    # knews.kg: `«…», — обратилась нардеп к спикеру Асылбеку Жеенбекову (СДПК).`: the deputy named in the lead speaks
    text = (
        "На заседании парламента депутат Гульнара Асанова сообщила, что квартиры выделяют не депутатам.\n\n"
        "«Решите, пожалуйста, этот вопрос как можно скорее», — обратилась нардеп к спикеру Талантбеку Исакову (СДПК).\n\n"
        "Спикер пообещал раздать списки.\n"
    )
    story = parse_text(text, language="ru")
    kinds = [(segment.kind, segment.speaker.name if segment.speaker else "") for segment in story.segments]
    assert kinds == [("lead", ""), ("sot", "Гульнара Асанова"), ("vo", "")]
