"""Quotes in the forms real web copy writes them (made-up sentences in their shape)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.quotes import People, nominative, pieces, who
from conftest import segment_shape


@pytest.mark.parametrize(
    "line, language, words",
    [
        # quotation marks nested inside straight ones
        ('"Некоторые говорят: "не буду подписывать", и уезжают в командировки. Так нельзя", – сказал Токаев.', "ru",
         'Некоторые говорят: "не буду подписывать", и уезжают в командировки. Так нельзя.'),
        # the page lost the opening mark
        ('The guard has been suspended. The commission is looking into it," Azamat Kaldybekov, akim of the district said.',
         "en", "The guard has been suspended. The commission is looking into it."),
        # Kazakh direct speech with no quotation marks, only the dash
        ("Қазір мұндай қажеттілік жоқ. Мәселе күн тәртібінде тұрған жоқ, - деді Ералы Тоғжанов.", "kk",
         "Қазір мұндай қажеттілік жоқ. Мәселе күн тәртібінде тұрған жоқ."),
    ],
)
def test_a_whole_paragraph_quote(line, language, words):
    found = pieces(line, language)
    assert found is not None and len(found) == 1 and found[0].quote
    assert found[0].text == words
    assert found[0].who is not None and found[0].who.kind == "named"


@pytest.mark.parametrize(
    "line, language",
    [
        ("The deal is done, Tokayev said.", "en"),  # English reported speech: no marks, no quote
        ("Жоба «Нұрлы жол» бағдарламасы аясында жүзеге асты, деді ол.", "kk"),  # a name in marks, no dash
    ],
)
def test_not_a_whole_paragraph_quote(line, language):
    found = pieces(line, language)
    assert found is None or not any(piece.quote for piece in found)


def test_a_surname_alone_names_again_the_person_named_in_full():
    people = People()
    people.read("Kazakhstan's President Kassym Jomart Tokayev spoke in an interview.")
    people.read("Commenting on calls for Almaty Akim Bakytzhan Sagintayev to resign, Tokayev said that it was hard.")
    assert people.named[-1].name.endswith("Jomart Tokayev")


def test_he_said_after_a_surname_alone_means_that_person():
    text = (
        "President Kassym Jomart Tokayev gave an interview on Saturday, the outlet reports.\n\n"
        "Commenting on calls for Almaty Akim Bakytzhan Sagintayev to resign, Tokayev said that he faced a hard time.\n\n"
        "“He is a conscientious person, but I have to take the mood of residents into account,” he said.\n"
    )
    assert segment_shape(parse_text(text))[-1][1].endswith("Jomart Tokayev")


def test_words_in_a_quotation_are_not_a_mention():
    people = People()
    people.read('Министр Серик Жумангарин сказал: "Я поговорил с вице-премьером РФ. Потому что пробки".')
    assert [person.name for person in people.named] == ["Серик Жумангарин"]


@pytest.mark.parametrize(
    "line, language, name",
    [
        ("- Мы хотим наладить работу с прессой, - сказал Ш. Мукан. – Брифинги будут регулярными.", "ru", "Ш. Мукан"),
        ("«Жұмыс жоспар бойынша жүріп жатыр», – деді А.Мусаева.", "kk", "А. Мусаева"),
        ("The statement was clear, said Karin, adding: \"We will pursue dialogue with all partners\".", "en", "Karin"),
        ("По словам акима Бахыта Айтенова: «Все школы готовы к учебному году».", "ru", "Бахыт Айтенов"),
    ],
)
def test_the_speaker_behind_an_initial_a_participle_or_a_case(line, language, name):
    found = [piece for piece in pieces(line, language) or [] if piece.quote]
    assert found and found[0].who is not None and found[0].who.name == name


def test_a_clause_in_two_parts_is_not_read_as_the_quote():
    found = pieces("«Жұмыс жоспар бойынша жүріп жатыр», – деді ол, – деп қосты.", "kk")
    assert found is not None and [piece.text for piece in found] == ["Жұмыс жоспар бойынша жүріп жатыр."]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Бахыта Айтенова", "Бахыт Айтенов"),
        ("Ерболату Досаеву", "Ерболат Досаев"),
        ("Анны Петровой", "Анна Петрова"),
        ("Тоқаевтың", "Тоқаев"),
        ("Асель Айтенова", "Асель Айтенова"),  # a woman's name in the nominative stays
        ("Ерлан Қосанов", "Ерлан Қосанов"),
    ],
)
def test_a_name_in_another_case_back_in_the_nominative(name, expected):
    assert nominative(name, "ru") == expected


def test_said_and_a_surname_named_in_full_before():
    text = (
        "Foreign Minister Mukhtar Tleuberdi spoke at a joint press conference in Astana on Monday.\n\n"
        "“We consider relations with our neighbours an alliance within these structures,” said Mr. Tleuberdi ( quote by nur.kz).\n"
    )
    assert segment_shape(parse_text(text))[-1] == ("sot", "Mukhtar Tleuberdi")


@pytest.mark.parametrize(
    "clause, kind",
    [
        ("отметил первый заместитель начальника департамента полиции Атырауской области", "role"),
        ("заверил и.о. акима Акжайыкского района", "role"),
        ("сообщили в управлении здравоохранения", "institution"),
    ],
)
def test_a_post_is_a_person_an_office_is_not(clause, kind):
    from broadcast.parse.quotes import who

    assert who(clause, "ru").kind == kind


def test_a_name_after_a_genitive_post_is_put_back_in_the_nominative():
    people = People()
    people.read("По словам полковника полиции Куттыбая Садыкова, поиски продолжаются.")
    assert [person.name for person in people.named] == ["Куттыбай Садыков"]


def test_a_qualified_role_is_not_the_person_who_just_spoke():
    text = (
        "Бақытжан Сағынтаев Бостандық ауданының әкімі Алтай Рахымбетовке сын айтты, деп хабарлайды Adyrna.kz.\n\n"
        "- Біз күн сайын тексеру жүргізіп, бағаны төмендету жөнінде жұмыс істейміз, - деп жауап берді Алтай Рахымбетов.\n\n"
        "- Сонда неге заң бұзушылық бар, аудан әкімі жұмыс істемей ме, - деп сұрады Алматы әкімі.\n"
    )
    assert [name for kind, name in segment_shape(parse_text(text)) if kind == "sot"] == ["Алтай Рахымбетов", "Бақытжан Сағынтаев"]


def test_a_bare_role_means_the_story_s_own_person_named_first():
    text = (
        "Акиму Алматы Ерболату Досаеву во время встречи пожаловались на районного акима Гульнару Ахметжанову.\n\n"
        "\"Я не могу полагаться на мнение одного человека, мы во всём разберёмся\", - заявил аким.\n"
    )
    assert segment_shape(parse_text(text))[-1] == ("sot", "Ерболат Досаев")


def test_an_english_name_before_said_is_a_mention():
    people = People()
    people.read("Foreign Minister of the Republic Mukhtar Tleuberdi said on Monday that talks went well.")
    assert people.named[-1].name == "Mukhtar Tleuberdi"


def test_a_clause_that_goes_on_past_its_speaker_is_read_from_there():
    found = pieces("«Последствия могут быть разные», — сказал он, добавив, что прогноз по инфляции повышен.", "ru")
    assert found is not None and [piece.quote for piece in found] == [True, False]
    assert found[0].who is not None and found[0].who.kind == "pronoun"
    assert found[1].text.startswith("добавив, что прогноз")


def test_a_headline_over_paragraphs_with_no_blank_line_between_them():
    """Headline, blank line, then one paragraph a line: the blank under the headline (or around a photo credit)
    parts no paragraphs, so the lead is the first line and each quotation is its speaker's SOT."""
    text = (
        "Minister told journalists about the new tariff\n"
        "\n"
        "Astana. March 13. The tariff will rise in May, said Ruslan Akhmetov, Minister of Energy.\n"
        '"We have no other way. The plants are old and need new money," he said.\n'
        "He added that subsidies would stay.\n"
        '"Nobody will pay more than five percent extra this year," he added.\n'
        "\n"
        "Photo source: picture from an open source\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "Minister told journalists about the new tariff"
    assert segment_shape(story) == [("lead", ""), ("sot", "Ruslan Akhmetov"), ("vo", ""), ("sot", "Ruslan Akhmetov")]
    assert [line.source_line for line in story.segments[0].lines] == [3]


@pytest.mark.parametrize(
    "text, language, speaker",
    [
        # where it was said, after the pronoun
        ("Аким Алматы Ерлан Косанов ответил на вопросы жителей.\n"
         "«Мы закончим ремонт моста до зимы, работы идут по графику», - сказал он во время встречи в Медеуском районе.\n",
         "ru", "Ерлан Косанов"),
        # a Kazakh place in the locative after an initial and a surname
        ("Ауыл шаруашылығы министрі Айдарбек Сапаров киік туралы айтты.\n"
         "«Киік саны көбейіп келеді, оны реттеу керек деп ойлаймын», – деді А. Сапаров Парламент Мәжілісінде "
         "тілшілердің сұрағына жауап бере отырып.\n",
         "kk", "Айдарбек Сапаров"),
    ],
)
def test_where_it_was_said_is_not_part_of_the_speaker(text, language, speaker):
    story = parse_text(text, language=language)
    assert segment_shape(story)[1] == ("sot", speaker)


@pytest.mark.parametrize(
    "clause, kind, name",
    [
        # a name after the verb with its title in apposition, neither word in the names list
        ("said Mevlut Cavusoglu, Turkish Foreign Minister", "named", "Mevlut Cavusoglu"),
        ("said Dragomir Karic, a member of Serbian National Assembly", "named", "Dragomir Karic"),
        # a title before a surname alone
        ("Senator Reid was quoted as saying, referring to three areas", "named", "Reid"),
        ("Prime Minister Sagintayev addressed the newly appointed officials", "named", "Sagintayev"),
        ("Smadiyarov told reporters", "named", "Smadiyarov"),
        # capitalised words for a place or a body are not a name
        ("said Human Rights Watch", "unknown", ""),
        ("Halyk Finance said", "unknown", ""),
        ("said the Kazakh Foreign Ministry", "institution", ""),
        ("the President said", "role", ""),
    ],
)
def test_who_an_english_clause_names(clause, kind, name):
    found = who(clause, "en")
    assert (found.kind, found.name) == (kind, name)


def test_a_title_and_a_surname_mean_the_person_named_in_full_before():
    text = (
        "Prime Minister Bakytzhan Sagintayev congratulated the new governors at the meeting on Tuesday.\n\n"
        '"There is a lot of work ahead for you," Prime Minister Sagintayev addressed the officials at the session.\n'
    )
    assert segment_shape(parse_text(text, language="en")) == [("lead", ""), ("sot", "Bakytzhan Sagintayev")]


def test_the_president_is_a_role_not_a_person_named():
    text = (
        "Head of State Kassym-Jomart Tokayev met residents of Turkistan region today.\n\n"
        "The President said Kazakhstan will talk to Russia about the matter.\n\n"
        "«Good relations with neighbours guarantee peace,» the Head of State said.\n"
    )
    assert segment_shape(parse_text(text, language="en"))[-1] == ("sot", "Kassym-Jomart Tokayev")


def test_a_lost_opening_mark_with_a_quoted_term_inside_and_a_hyphenated_name():
    text = (
        "President Tokayev spoke about nuclear weapons at the forum, the agency reports.\n\n"
        'The so-called "nuclear club" is growing. Any use of these weapons would be a disaster for all," the President said.\n\n'
        "We know what this means. Kazakhstan gave up its arsenal and closed the test site for good,\" "
        "Kassym-Jomart Tokayev said.\n"
    )
    story = parse_text(text, language="en")
    assert [kind for kind, _ in segment_shape(story)] == ["lead", "sot"]
    assert segment_shape(story)[1][1].endswith("Tokayev") and len(story.segments[1].lines) == 2


def test_a_person_the_headline_names_is_the_one_a_role_means():
    text = (
        "Tokayev: Kassym-Jomart Tokayev warns of nuclear risks\n\n"
        "Speaking at the forum, the head of state discussed the threat of nuclear weapons, the agency reports.\n\n"
        'Even one explosion may have devastating consequences for all of us," the President said.\n'
    )
    assert segment_shape(parse_text(text, language="en"))[-1] == ("sot", "Kassym-Jomart Tokayev")


def test_quotation_marks_lost_to_question_marks_are_quotation_marks():
    text = (
        "ASTANA. KAZINFORM - Prime Minister Karim Massimov met the regional governors on Monday.\n\n"
        "?Growth in each region is the personal task of every governor?, the Premier said.\n"
        "?Is the money there? It is, and a lot of it?, K.Massimov said.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [("lead", ""), ("sot", "Karim Massimov")]
    assert story.segments[1].lines[1].text == "Is the money there? It is, and a lot of it."
    assert not any("?" in line.text[:1] for line in story.lines)


def test_a_quotation_opened_after_its_clause_goes_on_into_the_next_paragraph():
    text = (
        "Deputy Prime Minister Serik Zhumangarin met exporters in Almaty on Friday.\n\n"
        '"We will lift the export ban on sugar from next month," Zhumangarin said. "The market has stabilised.\n\n'
        '"Prices will be watched every week by the regional akimats."\n\n'
        "Exporters welcomed the decision.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [("lead", ""), ("sot", "Serik Zhumangarin"), ("vo", "")]
    assert [line.source_line for line in story.segments[1].lines] == [3, 5]


def test_a_headline_that_asks_is_the_title_but_an_interview_s_question_is_not():
    text = (
        "Will Kazakhstan build a second nuclear plant?\n\n"
        "The government will decide on a second plant by the end of the year, the energy minister told reporters.\n\n"
        "He said the site would be chosen after a study of the region.\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "Will Kazakhstan build a second nuclear plant?"
    assert story.lines[0].source_line == 3
    interview = "How did the season go?\n\n— It went well, the harvest is good.\n\nWhat comes next?\n\n— Selling the grain.\n"
    assert parse_text(interview, language="en").lines[0].source_line == 1


@pytest.mark.parametrize(
    "line, quote",
    [
        ("Guided by the Constitution, we uphold law and order and carry out reforms, said Tokayev.", True),
        ("Our only path is to build a Just, Safe and Clean Kazakhstan, Tokayev said.", True),
        # reported speech is in the third person: the copy's own sentence
        ("The country upholds law and order and carries out reforms, Tokayev said.", False),
        # the words after the last comma attribute nothing
        ("We will not raise prices this year, the company said on Monday in Almaty, at a briefing.", False),
    ],
)
def test_english_words_in_the_first_person_with_both_marks_lost(line, quote):
    found = pieces(line, "en")
    assert bool(found and found[0].quote) == quote


@pytest.mark.parametrize(
    "clause, name",
    [
        ("Nursultan Nazarbayev told Issekeshev", "Nursultan Nazarbayev"),  # the one told is not the speaker
        ("said Dauren Abayev", "Dauren Abayev"),
    ],
)
def test_after_told_the_name_is_the_one_spoken_to(clause, name):
    assert who(clause, "en").name == name


def test_an_english_post_with_what_it_is_of_is_the_title_a_role_means():
    text = (
        "The President of Tatarstan Rustam Minnikhanov and Astana Akim Asset Issekeshev opened a street on June 12.\n\n"
        "“Today we have become even closer. We are fraternal peoples,” said the President of Tatarstan.\n"
    )
    assert segment_shape(parse_text(text, language="en"))[-1] == ("sot", "Rustam Minnikhanov")
    people = People()
    people.read("The Minister of Information and Communications of Kazakhstan, Dauren Abayev commented on the call.")
    assert people.named[-1].title == "Minister of Information and Communications of Kazakhstan"


def test_a_quotation_with_marks_inside_it_and_in_its_clause():
    line = (
        '"In diplomacy you always watch for the things that "cannot be predicted"," Dauren Abayev said in an '
        'interview with the "Open Dialogue" programme.'
    )
    found = pieces(line, "en")
    assert found is not None and found[0].quote and found[0].who.name == "Dauren Abayev"
    assert found[0].text.startswith("In diplomacy") and "Open Dialogue" not in found[0].text


def test_reported_speech_before_a_colon_quote_is_the_copy_s():
    line = (
        "The statement made clear that Kazakhstan will act in its national interests, said Karin, adding: "
        '"Kazakhstan will pursue dialogue with all its partners".'
    )
    found = pieces(line, "en")
    assert [piece.quote for piece in found] == [False, True]
    assert found[0].text.startswith("The statement made clear") and found[1].who.name == "Karin"


def test_he_said_means_the_person_the_quote_s_own_paragraph_names():
    text = (
        "Almaty Mayor Akhmetzhan Yessimov visited the stations of the subway under construction on Tuesday.\n\n"
        "Director General of the builder Murat Ukshebayev noted that a department has been created to run the "
        'line. "We want the first stations to be beautiful and of high quality," he said.\n\n'
        'Mr Yessimov noted that the first station is a historical place. "It will be the central one," the Mayor noted.\n'
    )
    assert [row for row in segment_shape(parse_text(text, language="en")) if row[0] == "sot"] == [
        ("sot", "Murat Ukshebayev"), ("sot", "Akhmetzhan Yessimov")
    ]


def test_a_role_means_the_person_named_just_before_whose_title_has_the_word():
    text = (
        "First Vice Prime Minister Askar Mamin looked at the progress of the underground on a trip to Almaty today.\n\n"
        '"The two new stations are to be put into service by 2020," Askar Mamin said.\n\n'
        "According to Almaty mayor Bauyrzhan Baibek, bus routes will be arranged around the underground. "
        '"It will greatly reduce the traffic burden on the roads," the mayor added.\n'
    )
    story = parse_text(text, language="en")
    assert [row for row in segment_shape(story) if row[0] == "sot"] == [("sot", "Askar Mamin"), ("sot", "Bauyrzhan Baibek")]
    assert story.segments[-1].speaker.title == "Almaty mayor"  # not `According to Almaty mayor`


@pytest.mark.parametrize("verb", ["assured", "underlined", "stated", "reiterated", "confirmed"])
def test_more_english_verbs_attribute_a_quote(verb):
    found = who(f"Nazarbayev {verb}", "en")
    assert (found.kind, found.name) == ("named", "Nazarbayev") or found.kind == "unknown" and found.word == "Nazarbayev"
    line = f'"There is no need to worry, everything is under control," Nursultan Nazarbayev {verb}.'
    found_pieces = pieces(line, "en")
    assert found_pieces is not None and found_pieces[0].quote and found_pieces[0].who.name == "Nursultan Nazarbayev"


def test_the_words_after_a_post_s_of_are_what_it_is_of_not_a_name():
    text = (
        "Today, at the Cabinet’s weekly meeting in Astana, Minister of Digital Development and Aerospace Industry "
        "Bagdat Mussin announced that investments in base stations are falling.\n\n"
        "«Investments in the communication sector have declined by 28%, and they fall every year,» said the Minister.\n"
    )
    story = parse_text(text, language="en")
    assert story.segments[1].speaker.name == "Bagdat Mussin"
    assert story.segments[1].speaker.title == "Minister of Digital Development and Aerospace Industry"


def test_first_person_speech_closed_by_whom_it_was_said_to_is_the_speaker_s():
    text = (
        "Smadiyarov announced his resignation at today’s media briefing at the Ministry.\n\n"
        "I was preparing for this day. It's not a sudden decision; it's my personal choice. I have spoken from "
        "this rostrum for eight years, Smadiyarov addressed journalists.\n\n"
        "Aibek Smadiyarov had been the official spokesperson of the Foreign Ministry since 2018.\n"
    )
    assert segment_shape(parse_text(text, language="en")) == [("lead", ""), ("sot", "Smadiyarov"), ("vo", "")]
    third_person = (
        "He said the ministry was preparing for the day and that the decision was his, Smadiyarov told reporters.\n"
    )
    assert [kind for kind, _ in segment_shape(parse_text("Lead line of the story here.\n\n" + third_person, language="en"))] == [
        "lead", "vo"
    ]
