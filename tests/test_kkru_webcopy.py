"""Kazakh and Russian web and agency copy: the forms set 4 and the kk/ru fixtures showed (made-up sentences in
the shape of real ones)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import dateline, furniture
from broadcast.parse.quotes import who
from broadcast.parse.speaker import split_attribution
from conftest import segment_shape


def _spoken(story):
    return " ".join(line.spoken for line in story.lines)


@pytest.mark.parametrize(
    "clause, kind, name",
    [
        # the speaker between `деп` and the verb, the addressee after it
        ("деп депутат Бас прокурор мен агенттіктің төрағасынан сұрады", "role", ""),
        ("деп Мемлекет басшысы атап өтті", "role", ""),
        ("деп Сенат спикері Мәулен Әшімбаев жауап берді", "named", "Мәулен Әшімбаев"),
        ("деп Тоқаев жазды", "named", "Тоқаев"),
        ("деп ол атап өтті", "pronoun", ""),
        # a role after a body (`ведомство басшысы`) is the body's head; a place after it is no part of it
        ("деді ведомство басшысы Мәжіліс кулуарында", "role", ""),
        # when it was said is no part of who said it
        ("сказал Нурлан Ахметов в понедельник", "named", "Нурлан Ахметов"),
        ("написал Президент в Twitter", "role", ""),
        # an outlet's credit after the speaker
        ("сказала министр здравоохранения Ажар Гиният, передает КазТАГ", "named", "Ажар Гиният"),
        # still an institution
        ("сообщили в министерстве", "institution", ""),
    ],
)
def test_who_the_kazakh_and_russian_clause_names(clause, kind, name):
    language = "ru" if any(word in clause for word in ("сказал", "написал", "сообщили")) else "kk"
    found = who(clause, language)
    assert found.kind == kind
    assert found.name == name


def test_a_kazakh_deputy_asking_with_the_addressee_between_is_his_sot():
    text = (
        "Депутат Ерлан Сапаров Мәжіліс отырысында ауыл тұрғындарының мәселесін көтерді.\n"
        "– Тұрғындар бес жылдан бері жаңа үй күтіп отыр. Қаржы бөлінген, бірақ құрылыс басталған жоқ, – деп депутат "
        "Бас прокурор мен Қаржы министрінен сұрады.\n"
        "Ол қаржының қайда кеткенін тексеруді талап етті.\n"
        "– Кеше олар бізге тағы келді, – деді депутат.\n"
    )
    assert segment_shape(parse_text(text)) == [
        ("lead", ""), ("sot", "Ерлан Сапаров"), ("vo", ""), ("sot", "Ерлан Сапаров"),
    ]


@pytest.mark.parametrize(
    "line, source, rest",
    [
        ("НУР-СУЛТАН, 16 мар - РИА Новости. Правительство решило продлить режим.", "РИА Новости", "Правительство"),
        ("Астана. 26 сентября. QOGAMMEDIA.KZ – Министр посетила больницу.", "QOGAMMEDIA.KZ", "Министр"),
        ("date 2018-09-26 ASTANA. KAZINFORM - The head of the region said.", "KAZINFORM", "The head"),
    ],
)
def test_more_datelines(line, source, rest):
    found = dateline(line)
    assert found is not None and found.source == source and found.rest.startswith(rest)


@pytest.mark.parametrize("line", ["РЕФЕРЕНДУМ ПО АЭС - 6 ОКТЯБРЯ", "ВЫБОРЫ – ГЛАВНОЕ"])
def test_a_banner_in_capitals_is_no_dateline(line):
    assert dateline(line) is None


@pytest.mark.parametrize(
    "line, what",
    [
        ("BD3A25DF-3DDC-4E8A-8E6D-6C261A670D6D", "image id"),
        ("IMG_4512.jpg", "image id"),
        ("в Instagram и нашем Telegram - канале", "share or follow prompt"),
        ("БІЗДІҢ ТЕЛЕГРАМ АРНАМЫЗҒА ҚОСЫЛЫҢЫЗ Ең соңғы жаңалықтар осында", "share or follow prompt"),
        ("Ақпарат көзі : https://www.gov.kz/memleket/entities", "source credit"),
        ("date 2022-08 YouTube Embed: No video/playlist ID has been supplied", "embedded post"),
        ("- Беседовал Аркадий ДУБНОВ, «Фергана.ру»", "interviewer's byline"),
        ("Әкім жарнама іліп жүргендерге ашуланды Фото: Бейнежазбадан", "photo caption"),
    ],
)
def test_more_furniture(line, what):
    assert furniture(line) == what


@pytest.mark.parametrize(
    "line",
    [
        "Президент в своем Telegram-канале написал, что работы идут по плану.",
        "«Наш Telegram-канал читают десять тысяч человек», – сказал он.",
        "Беседовал с жителями аким района.",
    ],
)
def test_copy_that_names_a_network_is_no_furniture(line):
    assert furniture(line) == ""


@pytest.mark.parametrize(
    "line, language, source",
    [
        ("Жолдар уақытша жабылды, деп хабарлайды 24kz.", "kk", "24kz"),
        ("По сообщению КазТАГ", "ru", "КазТАГ"),
    ],
)
def test_more_credits(line, language, source):
    credit = find_credit(line, language)
    assert credit is not None and credit.outlet and credit.source == source


def test_a_credit_after_a_quotes_speaker_is_the_source_and_not_the_speaker():
    text = (
        "Министр здравоохранения Ажар Гиният посетила сельские больницы области.\n"
        "\"Мы откроем еще десять врачебных амбулаторий в этом году\", - сказала министр, передает КазТАГ.\n"
        "Она добавила, что врачей не хватает.\n"
    )
    story = parse_text(text, language="ru")
    assert story.source == "КазТАГ"
    assert segment_shape(story) == [("lead", ""), ("sot", "Ажар Гиният"), ("vo", "")]


def test_html_tags_pasted_with_the_copy_are_taken_out():
    text = (
        "Ауылда жаңа мектеп ашылды\n"
        '<p>Жаңа мектеп 300 оқушыға арналған, деп хабарлайды <a href="https://kaz.inform.kz/">Kazinform</a>.</p>\n'
        "<div class=\"photo\"></div>\n"
        "Мектепте спорт залы мен асхана бар.\n"
    )
    story = parse_text(text, language="kk")
    assert story.source == "Kazinform"
    assert "<" not in _spoken(story) and "href" not in _spoken(story)
    assert any(w.line == 3 and w.message == "not read: HTML tags" for w in story.warnings)
    assert story.title == "Ауылда жаңа мектеп ашылды"


def test_a_comparison_is_no_html_tag():
    story = parse_text("Инфляция < 5% болады, ал өсім > 3% болады деп күтілуде.\n", language="kk")
    assert "5%" in story.lines[0].text and "3%" in story.lines[0].text


def test_a_speaker_label_with_the_hyphen_glued_to_the_surname():
    found = split_attribution("Елеген Сабилев- житель села Жаскайрата, Уалихановский район:")
    assert found is not None and found[0].name == "Елеген Сабилев" and found[0].title.startswith("житель села")


def test_a_dash_interview_questions_by_the_reporter_answers_by_the_guest():
    text = (
        "Ерлан Сапаров, фермер: Биыл егін жақсы шығады\n\n"
        "Ауыл шаруашылығы саласында жиырма жыл еңбек еткен фермер Ерлан Сапаровпен сұхбаттастық.\n\n"
        "– Ерлан аға, биылғы маусым қалай басталды?\n\n"
        "– Жаман емес. Жаңбыр уақытында жауды, жер ылғалды.\n\n"
        "Тұқымды ерте сеуіп үлгердік.\n\n"
        "– Техника жетеді ме?\n\n"
        "– Жетпейді, бірақ көршілер көмектеседі.\n"
    )
    story = parse_text(text, language="kk")
    assert story.title.startswith("Ерлан Сапаров, фермер")
    assert segment_shape(story) == [
        ("lead", ""), ("vo", ""), ("sot", "Ерлан Сапаров"), ("vo", ""), ("sot", "Ерлан Сапаров"),
    ]
    assert [line.source_line for line in story.segments[2].lines] == [7, 9]


def test_labels_make_an_interview_and_are_not_read():
    text = (
        "Аудан әкімі Серік Жанұзақов тілшімізге сұхбат берді.\n\n"
        "Тілші:\n\nЖол қашан жөнделеді?\n\n"
        "Әкім:\n\nКүзге дейін бітеміз.\n\n"
        "Тілші:\n\nМектеп ше?\n\n"
        "Әкім:\n\nКелесі жылы ашылады.\n"
    )
    story = parse_text(text, language="kk")
    assert segment_shape(story) == [
        ("lead", ""), ("vo", ""), ("sot", "Серік Жанұзақов"), ("vo", ""), ("sot", "Серік Жанұзақов"),
    ]
    assert "Тілші" not in _spoken(story) and "Әкім" not in _spoken(story)


def test_news_dash_dialogue_with_attributions_is_no_interview():
    text = (
        "Алматы әкімі Ерболат Досаев аудан әкімін сынады.\n\n"
        "– Неге жол жөнделмеген? – деп сұрады Ерболат Досаев.\n\n"
        "– Мердігер кешікті, – деп жауап берді аудан әкімі Асхат Сейітов.\n\n"
        "– Бір аптада бітіріңіз, – деді Досаев.\n"
    )
    story = parse_text(text, language="kk")
    assert [name for kind, name in segment_shape(story) if kind == "sot"] == ["Ерболат Досаев", "Асхат Сейітов", "Ерболат Досаев"]


def test_a_question_headline_over_copy_and_a_colon_that_brings_the_speaker_in():
    text = (
        "Ауылға жол қашан салынады?\n"
        "Аудан тұрғыны, белгілі ақын Ерлан Сапаров жергілікті жолдың жайын көтерді. Ол былай дейді:\n"
        "– Біз он жыл күттік. Жол әлі жоқ, балалар мектепке жаяу барады.\n"
        "Толық оқу...\n"
    )
    story = parse_text(text, language="kk")
    assert story.title == "Ауылға жол қашан салынады?"
    assert segment_shape(story) == [("lead", ""), ("sot", "Ерлан Сапаров")]
    assert any(w.line == 4 and w.message.startswith("not read") for w in story.warnings)


def test_a_known_given_name_ends_the_name_at_the_next_word():
    from broadcast.parse.quotes import mentions

    assert mentions("белгілі журналист Игорь Виттель Қазақстан мен Ресейдің достығы туралы айтты.") == [("Игорь Виттель", "")]


def test_a_date_in_figures_glued_to_the_headline_is_not_the_titles():
    text = "Жеңімпаздар қатарында қостанайлықтар бар! 13.02.2025\nЕлімізде жарыс өтті. Команда қола алды.\n"
    assert parse_text(text, language="kk").title == "Жеңімпаздар қатарында қостанайлықтар бар!"


def test_a_word_before_a_surname_named_in_full_earlier_is_not_a_given_name():
    text = (
        "Вице-премьер Серік Жұманғарин қауесетке жауап берді, деп хабарлайды Dalanews.kz Ulysmedia.kz-ке сілтеп.\n"
        "Әуелі Жұманғарин қауесеттерге пікір білдірмейтінін айтты.\n"
        "– Мен қауесеттерді талқыламаймын, – деп түсіндірді ол журналистерге.\n"
    )
    story = parse_text(text, language="kk")
    assert story.source == "Dalanews.kz"
    assert segment_shape(story)[-1] == ("sot", "Серік Жұманғарин")


@pytest.mark.parametrize(
    "line", ["Түркістан облысы әкімінің баспасөз қызметі", "Пресс-служба акимата Костанайской области"]
)
def test_the_press_services_sign_off_line_is_not_read(line):
    assert furniture(line) == "press service credit"


@pytest.mark.parametrize("line", ["Облыс әкімінің баспасөз қызметі хабарлады.", "Пресс-служба акимата сообщила о закрытии дорог."])
def test_a_press_service_sentence_is_copy(line):
    assert furniture(line) == ""


def test_a_quote_with_its_clause_alone_on_the_next_line():
    text = (
        "Аким города встретился с жителями района.\n"
        "Один из жителей пожаловался на дороги.\n"
        "Я вижу эти проблемы. Мы будем решать их планово, а не в спешке,\n"
        "сказал Ерлан Сапаров.\n"
        "И добавил о бюджете.\n"
        "Денег хватит на все дворы,\n"
        "заверил градоначальник.\n"
    )
    story = parse_text(text, language="ru")
    assert segment_shape(story) == [("lead", ""), ("vo", ""), ("sot", "Ерлан Сапаров"), ("vo", ""), ("sot", "Ерлан Сапаров")]
    assert "сказал" not in _spoken(story) and "заверил" not in _spoken(story)


def test_a_kazakh_passive_names_no_speaker():
    from broadcast.parse.quotes import says

    assert not says("деп жазылыпты", "kk") and not says("деп айтылған", "kk") and says("деп сұрады", "kk")


@pytest.mark.parametrize("line, what", [("2892", "counter"), ("174", "counter")])
def test_a_bare_number_is_a_counter(line, what):
    assert furniture(line) == what


@pytest.mark.parametrize(
    "clause, word",
    [("деді белсенді", "белсенді"), ("дейді жас жігіт", "жас жігіт"), ("деп ағынан жарылды Мақсат Айсауытов", "")],
)
def test_more_kazakh_speakers(clause, word):
    found = who(clause, "kk")
    assert found.kind in ("role", "named") and (found.word == word or found.name == "Мақсат Айсауытов")


def test_a_head_role_is_not_the_deputy():
    text = (
        "Кентте 48 пәтерлі үй пайдалануға берілді.\n"
        "«Биыл 11 үй салдық», – деді аудан әкімінің орынбасары Омарбек Қасымов.\n"
        "Тұрғындарды облыс әкімі Архимед Мұхамбетов құттықтады.\n"
        "«Облыста биыл 300 мың шаршы метр тұрғын үй салынады», - деді өңір басшысы.\n"
    )
    assert segment_shape(parse_text(text, language="kk"))[-1] == ("sot", "Архимед Мұхамбетов")
