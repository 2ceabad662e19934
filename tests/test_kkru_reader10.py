"""The reader on Russian and Kazakh copy: the forms webcopy set 10 (benchmarks/webcopy_heldout10) showed on its first
run, each as a general rule (made-up sentences in the shape of real ones; the page each form was seen on is noted)."""
from __future__ import annotations

from broadcast.parse import parse_text
from invariants import segment_rows
from broadcast.parse.quotes import mentions


_rows = segment_rows


def test_a_given_name_and_patronymic_after_the_quote_is_the_person_named_before_by_given_name_and_surname():
    # dzen: `Директор кинотеатра Михаил Страхов рассказал …` / `- …, - сказал Михаил Валерьевич.`
    text = (
        "Директор кинотеатра «Октябрь» Павел Гринёв рассказал, что кинотеатр стал лучшим в области. В рейтинге "
        "оценивали работу всех кинотеатров региона, и город обошёл несколько крупных соседей.\n\n"
        "- Оценка значимая, быть лучшим всегда приятно. Оценка проводится по многим критериям, и это делается с "
        "поправкой на численность города, чтобы она была справедливой, - сказал Павел Андреевич.\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "sot Гринёв"]


def test_a_patronymic_in_any_case_is_part_of_the_name_not_its_surname():
    # joomag: `Для Светланы Ивановны Семенко гимназия …`
    assert [name.split()[-1] for name, _ in mentions("Для Марины Петровны Коваленко школа стала делом жизни.")] == [
        "Коваленко"
    ]
    assert [name.split()[-1] for name, _ in mentions("Он встретился с Олегом Ивановичем Сидоренко вчера.")] == [
        "Сидоренко"
    ]


def test_we_talked_with_in_the_intro_says_the_page_is_an_interview():
    # joomag: `Мы поговорили с директором гимназии …`, then one dash question and one dash answer
    text = (
        "Для Марины Петровны Коваленко гимназия стала главным делом жизни: она строила её с первого кирпича. Мы "
        "поговорили с директором и попросили её оценить, что изменилось за последние годы.\n\n"
        "- На Ваш взгляд, что изменилось в школе за последние пять лет?\n\n"
        "- Что-то меняется каждый год. Трудно сказать, что конкретно: и актовый зал другой, и в бассейне кое-что "
        "поменялось, и учителя пришли новые.\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "vo", "sot Коваленко"]


def test_his_words_quoted_by_a_correspondent_of_an_outlet_is_its_credit():
    # vladimirova (Lenta.ru): `… сообщил губернатор Андрей Воробьев. Его цитирует корреспондент «Ленты.ру» во вторник.`
    text = (
        "Десять новых больниц начнут строить в области весной, а открыть их планируют осенью будущего года, сообщил "
        "губернатор Сергей Петров. Его цитирует корреспондент «Известий» во вторник, 23 апреля.\n"
    )
    story = parse_text(text, language="ru")
    assert story.source == "Известий"
    assert "цитирует" not in " ".join(line.spoken for line in story.lines)


def test_a_dateline_with_the_agency_after_the_day_is_its_credit():
    # buzznet (PenzaNews): `Пенза, 13 марта 2023. PenzaNews. Губернатор …`
    text = (
        "Саратов, 14 марта 2023. VolgaNews. Губернатор области Роман Бусаргин проверил, как идёт строительство "
        "школы на тысячу мест. Работы идут с опережением графика, готовность объекта составляет более 80%.\n"
    )
    story = parse_text(text, language="ru")
    assert story.source == "VolgaNews"
    assert not story.lines[0].spoken.startswith("Саратов")


def test_an_aggregators_link_to_the_site_by_its_name_in_marks_is_not_read():
    # buzznet: `Читать новость полностью на сайте "ИА "PenzaNews"` under the copy
    from broadcast.parse.furniture import furniture

    assert furniture('Читать новость полностью на сайте "ИА "VolgaNews"')
    assert furniture("Читать полностью на сайте «Вести Саратов»")
    assert not furniture("Читать на сайте и в газете интересно.")


def test_a_headline_in_capitals_is_no_dateline_with_a_wire():
    # eskeldi: `СОҢҒЫ ҚОҢЫРАУ СЫҢҒЫР ҚАҚТЫ` over the copy was read as a place and a wire (a false credit)
    from broadcast.parse.furniture import dateline

    assert dateline("МЕКТЕП ЖЫЛЫ ҚОРЫТЫНДЫ ЖАСАДЫ") is None
    assert dateline("ASTANA. KAZINFORM") is not None  # a place, its stop, the wire: a dateline still
    text = (
        "АУЫЛ МЕКТЕБІ ЖАҢА ҒИМАРАТҚА КӨШТІ\n\n"
        "Өткен аптада ауылдағы мектептің жаңа ғимараты ашылды. Оқушылар мен ұстаздар жаңа сыныптарға қоныстанды.\n\n"
        "Салтанатты шараға аудан әкімі қатысып, ұстаздарды құттықтады. Ғимарат үш жылда салынды.\n"
    )
    assert parse_text(text, language="kk").source == ""


def test_a_post_with_a_body_in_the_genitive_is_a_role_not_a_name():
    # belta: `"…", - подчеркнула председатель Совета Республики.` after the lead named Наталья Кочанова
    text = (
        "Уровень взаимодействия двух стран - стратегический, заявила председатель Совета Республики Ирина Петрова на "
        "встрече с послом.\n"
        "Наши страны взаимодействуют по всем направлениям, отметила спикер. \"Это и торгово-экономическое "
        "сотрудничество. Гуманитарное и межпарламентское сотрудничество для нас очень важно\", - подчеркнула "
        "председатель Совета Республики.\n"
    )
    assert _rows(parse_text(text, language="ru"))[-1] == "sot Петрова"


def test_a_surname_in_capitals_in_the_copy_names_the_person_a_role_later_means():
    # iskra: `глава района Александр ГОНЧАРОВ представил …` / `Глава сказал:` / `- …`
    text = (
        "Депутаты избрали глав, и на заседании районной администрации глава района Пётр ЗАХАРОВ представил коллегам "
        "новичков.\n"
        "Но сначала он поблагодарил тех, кому выпало начинать работу на селе в новых условиях. Глава сказал:\n"
        "- В этой роли они были первыми, и им пришлось вводить в действие новый закон, создавать управленческие "
        "структуры, брать на себя ответственность.\n"
        "Пётр Николаевич вручил благодарственные письма бывшим главам поселений.\n"
    )
    assert _rows(parse_text(text, language="ru")) == ["lead", "vo", "sot Захаров", "vo"]
