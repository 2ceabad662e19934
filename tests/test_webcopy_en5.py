"""English credits and quotes, and page furniture in every language, in the forms set 6 and the fifth session's
English articles showed (made-up sentences in the shape of the real lines)."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import furniture
from broadcast.parse.quotes import who
from conftest import segment_shape


@pytest.mark.parametrize(
    "line, source, unread",
    [
        # the outlet reports citing someone: the outlet is the source; whom it cites is read
        (
            "The ministry's budget is cut the most, Tengrinews reports citing Senator Aidar Bekov, who spoke on Monday.",
            "Tengrinews", ", Tengrinews reports",
        ),
        ("Exports grew by a tenth, Trend reports with reference to the customs committee.", "Trend", ", Trend reports"),
        # the words were said to the outlet: its copy; the clause stays read (who said it to whom)
        ("Output will not be cut, Energy Minister Aidar Bekov told Reuters, raising the stakes.", "Reuters", ""),
        ("Three sources told Reuters last month that the quota was exceeded.", "Reuters", ""),
        ("The minister told The Astana Times that the plant would open in May.", "The Astana Times", ""),
        ("The akim told Kazinform’s correspondent about the new school.", "Kazinform", ""),
    ],
)
def test_english_credit_forms(line, source, unread):
    credit = find_credit(line, "en")
    assert credit is not None and credit.outlet and credit.source == source
    assert line[credit.start:credit.end] == unread


@pytest.mark.parametrize(
    "line",
    [
        "President Tokayev told Prime Minister Bektenov to act.",  # a person spoken to is no outlet
        "The minister told reporters the plant would open in May.",
        "He told the Ministry of Energy to revise the plan.",
    ],
)
def test_told_someone_who_is_no_outlet_is_no_credit(line):
    credit = find_credit(line, "en")
    assert credit is None or not credit.outlet


@pytest.mark.parametrize(
    "clause, kind, name, gender",
    [
        ("President's press service quoted him as saying via Twitter", "pronoun", "", "male"),
        ("the ministry quoted her as saying", "pronoun", "", "female"),
        ("Kazinform quoted Minister Bolat Akchulakov as saying", "named", "Bolat Akchulakov", "male"),
    ],
)
def test_an_office_quoting_someone_gives_the_words_to_the_one_quoted(clause, kind, name, gender):
    found = who(clause, "en")
    assert (found.kind, found.name, found.gender) == (kind, name, gender)


def test_the_press_service_s_quote_of_the_president_is_his_sot():
    text = (
        "Kazakh president welcomes the OPEC+ deal\n\n"
        "NUR-SULTAN, April 14. Kazakhstan welcomes the OPEC+ agreement, Kazakh President Kassym-Jomart Tokayev said "
        "at a meeting held by videoconference on Tuesday.\n\n"
        "\"We welcome the agreement on the coordinated output reduction. Kazakhstan took part in the talks as an "
        "observer,\" President's press service quoted him as saying via Twitter.\n\n"
        "The countries finalized the deal at an extraordinary meeting on April 12.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [("lead", ""), ("sot", "Kassym-Jomart Tokayev"), ("vo", "")]


@pytest.mark.parametrize(
    "line, what",
    [
        (": / In Kyrgyzstan / Incidents", "breadcrumb"),
        ("Home / News / Politics", "breadcrumb"),
        ("Главная » Новости » Общество", "breadcrumb"),
        ("Басты бет » Жаңалықтар", "breadcrumb"),
        ("Kyrgyzstan Review, 10 years ago", "date stamp"),
        ("2 часа назад", "date stamp"),
        ("3 сағат бұрын", "date stamp"),
        ("More on the issue:", "more to read"),
        ("More news", "more to read"),
        # not furniture: two parts may be a headline; a date's age inside a sentence is copy
        ("Kazakhstan / Russia", ""),
        ("The 24/7 service works now.", ""),
        ("He left the city 10 years ago", ""),
    ],
)
def test_breadcrumbs_ages_and_more_labels(line, what):
    assert furniture(line) == what


def test_a_deck_the_page_s_tools_part_from_the_story_is_the_page_s():
    # The Tengrinews shape: the deck is not restated by the first paragraph, but `• Found a bug?` (and a photo)
    # stand between them, which never stand inside a story.
    text = (
        "Реклама\n  1. Main\n  2. Economy\n\n"
        "Kazakh ministries see their budgets cut 01 апреля 2015, 02:35\n\n"
        "As part of state-wide austerity measures, Kazakhstan cuts expenditures of its ministries.\n"
        "  • Found a bug?\n\n"
        "Ministry of Finance of Kazakhstan ©Marat Abilov\n\n"
        "Of all the state bodies in Kazakhstan, the Ministry of Finance is feeling the cuts the most, Tengrinews "
        "reports citing Senator Aidar Bekov, who spoke at a briefing in Astana on March 27.\n\n"
        "\"The largest decrease in the total cuts falls on the Ministry of Finance. Its share is about a tenth,\" "
        "Bekov said.\n\n"
        "The cuts were announced by the President in February after the oil price fell by half.\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "Kazakh ministries see their budgets cut" and story.source == "Tengrinews"
    assert segment_shape(story) == [("lead", ""), ("sot", "Aidar Bekov"), ("vo", "")]
    assert story.segments[0].lines[0].source_line == 12
    assert "citing Senator Aidar Bekov" in story.segments[0].lines[0].spoken


def test_a_real_lead_with_a_photo_under_it_stays_the_lead():
    # a photo and its caption do stand inside a story: no deck then
    text = (
        "Main\nPolitics\n\n"
        "New bridge opens in Astana 11 January 2026, 16:16\n\n"
        "A new bridge over the Ishim river opened on Tuesday after two years of building work.\n\n"
        "The new bridge. Photo: Marat Abilov\n\n"
        "The bridge links the left bank with the old town and will carry four lanes of traffic and a cycle path.\n\n"
        "Officials expect the crossing to cut travel times across the city by a quarter during the morning rush.\n"
    )
    story = parse_text(text, language="en")
    assert story.segments[0].kind == "lead" and story.segments[0].lines[0].source_line == 6


def test_a_headline_over_a_paragraph_the_excerpt_cut_short():
    text = (
        ": / In Kyrgyzstan / Incidents\n\n"
        "Kyrgyzstan Review, 10 years ago\n\n"
        "Groups are formed to reveal persons who spread rumors about looting\n\n"
        "Talk of looting on March 24 is just rumors with no basis, Samudin Aidarov, deputy chief of the city police, "
        "told a press conference. He said groups are formed to reveal the persons who are spreading rumours about\n\n"
        "More on the issue:\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "Groups are formed to reveal persons who spread rumors about looting"
    assert segment_shape(story) == [("lead", "")]
    assert {line.source_line for line in story.lines} == {7}


@pytest.mark.parametrize(
    "line, source",
    [
        ("They visited the financial centre, Kazinform News Agency learned from the Akorda press service.", "Kazinform"),
        ("“We are friends of both,” the minister was cited as saying by BaigeNews.kz.", "BaigeNews.kz"),
        ("The minister himself, answering questions of 24.kg news agency, said the report was not accurate.", "24.kg"),
        ("Own sources of 24.kg news agency in the Government Office said the minister would step down.", "24.kg"),
    ],
)
def test_more_english_credit_forms(line, source):
    credit = find_credit(line, "en")
    assert credit is not None and credit.outlet and credit.source == source


@pytest.mark.parametrize(
    "line, place, source, rest",
    [
        ("BAKU, Azerbaijan, Feb. 19", "BAKU, Azerbaijan, Feb. 19", "", ""),
        ("Baku, Azerbaijan, Aug. 31", "Baku, Azerbaijan, Aug. 31", "", ""),
        ("Tashkent, May 21 -- According to the ministry, 61 citizens were released.", "Tashkent, May 21 --", "",
         "According to the ministry, 61 citizens were released."),
        ("Astana, July 1 (Xinhua) -- The visit opens a new chapter.", "Astana, July 1 (Xinhua) --", "Xinhua",
         "The visit opens a new chapter."),
    ],
)
def test_wire_datelines_with_a_country_a_short_month_or_a_double_dash(line, place, source, rest):
    from broadcast.parse.furniture import dateline

    found = dateline(line)
    assert found is not None and (found.text, found.source, found.rest) == (place, source, rest)
    assert dateline("Almaty, where 5 people live, is big.") is None


@pytest.mark.parametrize(
    "line, what",
    [
        ("President of Kazakhstan    Akorda presidential residence   Kazakhstan   2022 state of emergency", "tags"),
        ("This information may not be reproduced without reference to Kazakhstan Today.", "reprint or copyright notice"),
        (
            "This article was written by Aigul Bekova for Vlast.kz and published on August 21, 2024. An edited version "
            "is published on Global Voices under a media partnership agreement.",
            "feed line",
        ),
        ("дүйшөмбү, 23-октябрь, 2017 Бишкек убактысы 21:36", "date stamp"),
        ("Monday, 23 October 2017 Bishkek time 21:36", "date stamp"),
        ("The plan is    ready.", ""),
        ("This article was a great success for everyone.", ""),
    ],
)
def test_tag_lines_reprint_notes_republication_notes_and_weekday_stamps(line, what):
    assert furniture(line) == what


def test_a_title_case_headline_with_a_full_stop_is_the_title():
    text = (
        "дүйшөмбү, 23-октябрь, 2017 Бишкек убактысы 21:36\n\n"
        "President Askar Akayev Appeals To Nation To Be United.\n\n"
        "BISHKEK. President Askar Akayev appealed to Kyrgyzstanis to be united in his New Year speech. He said that "
        "the government has begun realizing the idea. The celebrations were held in peace.\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "President Askar Akayev Appeals To Nation To Be United"
    assert segment_shape(story) == [("lead", "")] and {line.source_line for line in story.lines} == {5}


def test_an_interview_headline_in_two_lines_and_a_subheading_in_capitals():
    text = (
        "Updated on April 26, 2024, 11:06AM (AST)\n\n"
        "Foreign Minister of Kazakhstan Yerlan IDRISOV:\n"
        "WIN-WIN IDEAS MAKE THE CORE OF KAZAKHSTAN'S FOREIGN POLICY\n\n\n"
        "Foreign Minister of Kazakhstan Yerlan IDRISOV summed up the results of the chairmanship in the CSTO and "
        "spoke about the benefits of EXPO-2017 for the country.\n\n"
        "CSTO: THE CHAIRMANSHIP REVIEW\n\n"
        "- Astana is handing over its CSTO chair to Kyrgyzstan. How do you assess the contribution of Kazakhstan?\n\n"
        "- When we came in office, we had a specific agenda. I believe that we have made a progress in all five "
        "priorities.\n\n"
        "In particular, we have built a system of exchange on cyber crime between the countries.\n\n"
        "- What are the odds that the board may suspend the membership of Uzbekistan?\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "WIN-WIN IDEAS MAKE THE CORE OF KAZAKHSTAN'S FOREIGN POLICY"
    assert segment_shape(story) == [("lead", ""), ("vo", ""), ("sot", "Yerlan Idrisov"), ("vo", "")]
    assert not {3, 10} & {line.source_line for line in story.lines}


def test_the_guest_s_label_with_a_full_stop_for_its_colon_is_still_the_guest_s():
    text = (
        "An interview with Prime Minister of Kazakhstan Karim Masimov\n\n"
        "Prime Minister of Kazakhstan Karim Masimov visited Moscow last week and spoke about the gas pipelines.\n\n"
        "Question: Will Kazakhstan take part in both pipelines?\n\n"
        "Karim Masimov: Kazakhstan will be a transit country in this particular project.\n\n"
        "Question: What are the largest investors in the Kazakh economy?\n\n"
        "Karim Masimov. The United States is, followed by the European Union, Russia, and China.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [
        ("lead", ""), ("vo", ""), ("sot", "Karim Masimov"), ("vo", ""), ("sot", "Karim Masimov")
    ]
    assert story.segments[-1].lines[0].text.startswith("The United States")


def test_a_pull_quote_over_its_speaker_s_name_is_the_speaker_s_sot():
    # the 24.kg shape: the words in the first person, no quotation marks, the name alone under them
    text = (
        "Atambayev: my friend may become president\n\n"
        "Kyrgyz President Almazbek Atambayev met residents of the village of Yntymak on Friday.\n\n"
        "He noted that he does not intend to hold public office after leaving the post of the president.\n\n"
        "Let those who thought that I would take public office sigh with relief.\n\n"
        "Almazbek Atambayev\n\n"
        "Recall, in April 2017 landslides came down in the district and 24 people were killed.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [("lead", ""), ("vo", ""), ("sot", "Almazbek Atambayev"), ("vo", "")]
    assert 9 not in {line.source_line for line in story.lines}
    # a name over a dash line is the attribution of what follows, not a pull quote's
    dialogue = text.replace("Almazbek Atambayev\n\nRecall", "Almazbek Atambayev\n– We will finish the houses.\n\nRecall")
    assert ("sot", "Almazbek Atambayev") in segment_shape(parse_text(dialogue, language="en"))


def test_a_wire_s_label_over_its_copy_is_the_source():
    text = (
        "Baku, Azerbaijan, Aug. 31\n\n"
        "Trend:\n\n"
        "The political consultations between the foreign ministries of Kazakhstan and Uzbekistan took place in Tashkent.\n\n"
        "The delegations discussed the trade between the two countries and the border.\n"
    )
    story = parse_text(text, language="en")
    assert story.source == "Trend" and {line.source_line for line in story.lines} == {5, 7}


def test_the_page_s_next_story_laid_out_as_ours_is_not_read():
    text = (
        "President visits Table Tennis Centre\n\n"
        "21.03.2022, 16:05 14216\n"
        "Kassym-Jomart Tokayev visited the Table Tennis Centre in Almaty, the Akorda press service reports.\n\n"
        "The President got acquainted with the sport complex and played table tennis with a young athlete.\n\n"
        "The centre has 12 tennis tables for competitions and 24 tables for trainings.\n"
        " \n"
        "Ministry commented on proposal to extend academic year\n\n"
        "30.03.2022, 13:55 1746\n"
        "The Minister of Education commented on the proposal to extend the academic year, Kazpravda.kz correspondent reports.\n"
    )
    story = parse_text(text, language="en")
    assert {line.source_line for line in story.lines} == {4, 6, 8} and story.source == ""


def test_a_bare_role_before_any_quote_means_the_one_the_copy_is_about():
    text = (
        "Minister of Transport Zhanat Beishenov plans to step down, sources in the Government Office said.\n\n"
        "Zhanat Beishenov himself, answering questions of reporters, noted that he was ready to support any decision. "
        "He said so after the arrest of his assistant Zhenishbek Nogoibaev.\n\n"
        "«Yes, I am ready to be held accountable up to dismissal,» the official said.\n\n"
        "Earlier, the Deputy Prime Minister resigned.\n"
    )
    story = parse_text(text, language="en")
    assert ("sot", "Zhanat Beishenov") in segment_shape(story)


# ---- page furniture in every language (set 5 and 6's kk and ru pages; made-up lines in their shape) ----------


def test_the_headline_again_without_the_breadcrumb_glued_before_it():
    headline = "Облыстық ауруханада он жыл бойы жөндеу жұмыстары жүргізілмеген"
    text = (
        f"Басты Жаңалықтар {headline}\n\n{headline}\n\n{headline}\n"
        "«Жұпыны тірліктен өзіміз де ұяламыз», -дейді дәрігерлер. Науқастар аурухананың күйіне қынжылады.\n\n"
        "Аурухананың әкімшілік ғимараты жарқырап тұр. Ал терапиялық бөлімдер ескі үйде орналасқан.\n"
    )
    story = parse_text(text, language="kk")
    assert story.title == headline
    assert {line.source_line for line in story.lines} == {6, 8}


def test_a_site_menu_line_over_the_date_and_the_headline_the_page_shows_again_over_its_photo():
    headline = "Облыс тұрғындарына берген уәдемізді орындап келе жатырмыз – өңір әкімі"
    text = (
        " date 2025-12-08 KZ\n"
        "ҚР президентінің телерадиокешені\n"
        "    21:32, 08 Желтоқсан 2025\n\n"
        f"    {headline}\n\n"
        "    АСТАНА. KAZINFORM – Облыста тиімсіз шығыстар анықталды. Бұл туралы облыс әкімі Нұрлыбек Нәлібаев айтты.\n\n"
        f"    {headline}\n"
        "    Фото: Дияр Бексұлтанов\n\n"
        "    – Сыбайлас жемқорлықпен барынша күресіп жатырмыз. Әлеуметтік салаға ерекше екпін қойылған, – деді Н. Нәлібаев.\n\n"
        "    Үнемделген қаражат өңірдің әлеуметтік инфрақұрылымын дамытуға жұмсалады.\n"
    )
    story = parse_text(text, language="kk")
    assert story.title == headline and story.source == "KAZINFORM"
    assert segment_shape(story) == [("lead", ""), ("sot", "Нұрлыбек Нәлібаев"), ("vo", "")]
    assert {line.source_line for line in story.lines} == {7, 12, 14}


def test_another_story_s_teaser_under_the_copy_its_headline_then_its_words_cut_short():
    text = (
        "В районе проголосовали работники культуры\n"
        "Работники культуры района не остались в стороне на референдуме и проголосовали на своих участках.\n"
        "«Мы понимаем, насколько важно участвовать в референдуме», – говорит директор Дома культуры Айдос Кудербаев.\n"
        "Жетісу облысындағы жастар арасында нашақорлыққа қарсы іс-шаралар кешені ұйымдастырылуда\n"
        "Жастардың бойына адамгершіліктің асыл қасиеттерін сіңіру, адам құқықтары мен бостандықтары…\n"
    )
    story = parse_text(text, language="ru")
    assert {line.source_line for line in story.lines} == {2, 3}


@pytest.mark.parametrize("language", ["ru", "en"])
def test_other_stories_headlines_under_the_copy_are_not_read(language):
    text = {
        "ru": (
            "В Сарани завершено переподключение домов к резервной системе теплоснабжения.\n"
            "Котельные обеспечены необходимым запасом топлива и рабочими.\n"
            "За октябрь жителям Сарани сделают перерасчёт за теплоснабжение.\n"
            "Касым-Жомарт Токаев направил Обращение к главам государств – членов ЕАЭС\n"
        ),
        "en": (
            "Kazakh President Nursultan Nazarbayev said a country of many peoples needs tolerance in language issues.\n"
            "The president urged officials to check how the law on languages is observed in all the provinces.\n"
            "Abramovich launched a counterattack on the British government — Kornilov\n"
            "Pashinyan hopes that Russia will restore roads to Turkey as soon as possible\n"
        ),
    }[language]
    story = parse_text(text, language=language)
    read = {line.source_line for line in story.lines}
    assert read == ({1, 2, 3} if language == "ru" else {1, 2})
    # a last paragraph that only lost its stop, in copy whose other lines do not all end theirs, is read
    loose = "Котельные готовы к зиме\nРаботы завершены в срок.\nЖители довольны результатом\n"
    assert {line.source_line for line in parse_text(loose, language="ru").lines} >= {3}


def test_a_rubric_word_over_an_interview_s_labelled_headline_and_a_pull_quote_subheading():
    text = (
        "Астана\n16 апреля, 2024\n\n"
        "Акежан Кажегельдин: У правительства нет команды\n\n"
        "Если нынешнее правительство отправить в турне на шесть лет, ни чиновники, ни народ этого не заметят.\n\n"
        "У кабмина нет программы – он выполняет поручения президента\n\n"
        "Вадим Борейко. Акежан Магжанович, как вы оцениваете потенциал правительства?\n\n"
        "Акежан Кажегельдин. Никак. Я могу объяснить — почему.\n"
    )
    story = parse_text(text, language="ru")
    assert story.title == "Акежан Кажегельдин: У правительства нет команды"
    assert {line.source_line for line in story.lines} == {6, 10, 12}


def test_a_pasted_headline_over_copy_that_the_page_s_links_follow():
    text = (
        "Облыста 150 орындық мектеп пайдалануға берілді\n"
        "Жаңа мектептің ашылу рәсіміне облыс әкімі Қырымбек Көшербаев қатысты. Мектепте заманауи зертханалар, спорт "
        "залы мен кітапхана бар.\n"
        "Айта кетейік, биыл ауданда үш жаңа мектеп ашылды, келесі жылы тағы екеуінің құрылысы басталады.\n"
        "Сондай-ақ оқыңыз\n"
        "Газ баллондарының қауіпсіздігі: құтқарушылар ескерту жасады\n"
        "20.03.2026, 20:50\n"
        "Премьер-министр Арал маңын көгалдандыруды тапсырды\n"
        "20.03.2026, 20:46\n"
    )
    story = parse_text(text, language="kk")
    assert story.title == "Облыста 150 орындық мектеп пайдалануға берілді"
    assert {line.source_line for line in story.lines} == {2, 3}


# ---- English quotes and credits of the fifth session's second check set -------------------------------------


def test_a_straight_quotation_closed_by_a_guillemet_before_its_clause():
    text = (
        "The President met the heads of the media today for the first time.\n\n"
        "The head of state said that the arrest of the deputy was a surprise for him.\n\n"
        "\"I hope that our Kazakh friends will be honest when conducting the investigation. We will not try to "
        "influence it, «the head of state added.\n\n"
        "«We consider him as our citizen,» Sooronbai Jeenbekov summed up.\n"
    )
    story = parse_text(text.replace("The President met", "President Sooronbai Jeenbekov met"), language="en")
    assert segment_shape(story) == [("lead", ""), ("vo", ""), ("sot", "Sooronbai Jeenbekov")]


def test_the_words_in_the_first_person_quoted_as_saying_by_an_outlet():
    text = (
        "The Foreign Ministry said it will ban entry to a Russian media executive over her remarks.\n"
        "Aibek Smadiyarov, spokesman for the Foreign Ministry, responded on Monday.\n"
        "The most frustrating thing is that our friends dont know about our country, he was quoted as saying by Tengri News.\n"
        "Last year, Kazakhstan announced new efforts to increase the usage of Kazakh in the media.\n"
    )
    story = parse_text(text, language="en")
    assert ("sot", "Aibek Smadiyarov") in segment_shape(story) and story.source == "Tengri News"


def test_a_dated_byline_names_the_outlet():
    text = (
        "15:51, 14 сентября 2023, Bishkek - 24.kg news agency , Jazgul MASALIEVA\n"
        "The will of the people must be respected, former speaker Abdygany Erkebaev said in the Parliament.\n"
        "He noted that every convocation of Parliament must work until the end of its term.\n"
    )
    story = parse_text(text, language="en")
    assert story.source == "24.kg" and 1 not in {line.source_line for line in story.lines}


def test_a_headline_over_its_longer_deck_is_the_title():
    text = (
        "Top officials in Kazakhstan dodge independent journalists\n"
        "In their long quest to obtain answers, journalists are constantly shunned\n"
        "Originally published on Global Voices\n"
        "The day after he was elected president in June 2019, Tokayev held a press conference and promised more.\n"
        "Instead, only the promises became a tradition, and the president appeared only at short briefings.\n"
        "Journalists who work with government agencies spoke about the obstacles they meet every day.\n"
    )
    story = parse_text(text, language="en")
    assert story.title == "Top officials in Kazakhstan dodge independent journalists"
    assert {line.source_line for line in story.lines} == {4, 5, 6}


# ---- the third check set's forms -------------------------------------------------------------------------------


def test_a_reporter_and_the_outlet_over_the_copy_are_a_byline_and_the_source():
    text = (
        "Baku, Azerbaijan, July 31\n\n"
        "Leman Zeynalova – Trend:\n\n"
        "The foreign ministers of Kazakhstan and Turkmenistan had a phone conversation about the summit, said a "
        "message from the Kazakh Foreign Ministry.\n\n"
        "The two ministers also discussed the preparations for the meetings of the two presidents.\n"
    )
    story = parse_text(text, language="en")
    assert story.source == "Trend" and segment_shape(story) == [("lead", ""), ("vo", "")]
    assert 3 not in {line.source_line for line in story.lines}


def test_according_to_an_address_opening_a_sentence_in_the_line_is_the_credit():
    credit = find_credit(
        "Turkmenistan will take part in the consultations in Moscow. According to the Turkmenistan.ru, the question "
        "was discussed at a government meeting.",
        "en",
    )
    assert credit is not None and credit.outlet and credit.source == "Turkmenistan.ru"


@pytest.mark.parametrize(
    "line, what",
    [
        ("Sergey Kwan has worked for The Times of Central Asia as a journalist, translator and editor since 1999.",
         "author's note"),
        ("Tuesday, December 1st, 2020", "date stamp"),
        ("Sergey Kwan said the talks went well.", ""),
    ],
)
def test_an_author_s_note_and_an_ordinal_date(line, what):
    assert furniture(line) == what


def test_a_dash_quote_closed_by_said_name_with_a_name_in_quotation_marks_inside():
    text = (
        "Meeting with Prime Minister Bakytzhan Sagintayev\n\n"
        "During the meeting, the Head of State was presented a report on the Cabinet's work in the first quarter.\n\n"
        "Nursultan Nazarbayev stressed the importance of implementing the development programs.\n\n"
        "- Kazakhstan soon expects the visit of the leadership of Turkmenistan, and the world exhibition \"EXPO-2017\" "
        "in Astana. We should keep in mind the main goals of the country, Nursultan Nazarbayev said.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story)[-1] == ("sot", "Nursultan Nazarbayev")


def test_a_curly_quotation_closed_by_an_opening_curly_mark_before_its_clause():
    text = (
        "The meeting was held under the chairmanship of President Kassym-Jomart Tokayev with the akims.\n\n"
        "The President noted the stable economic situation in the country.\n\n"
        "“Now we need to increase the confidence in the future of our country, “the President of Kazakhstan said.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story)[-1] == ("sot", "Kassym-Jomart Tokayev")


# ---- the fourth check set's forms -------------------------------------------------------------------------------


def test_a_correspondent_s_credit_names_the_outlet():
    credit = find_credit(
        "The mayor of Almaty held a meeting with the residents of Almaly district, \"Adyrna\" correspondent reported.", "en"
    )
    assert credit is not None and credit.outlet and credit.source == "Adyrna"


def test_words_whose_marks_were_lost_closed_by_a_clause_in_small_letters():
    text = (
        "Public activist Sanzhar Bokayev has raised concerns over the removal of paving stones in Almaty, Orda.kz reports.\n\n"
        "Bokayev called the police and demanded that an investigative task force be dispatched.\n\n"
        "The tiles were in excellent condition. They remove good paving stones, sell them, and lay new ones in their "
        "place. the activist said.\n\n"
        "Some 490 million tenge were allocated from the budget for the street.\n"
    )
    story = parse_text(text, language="en")
    assert segment_shape(story) == [("lead", ""), ("vo", ""), ("sot", "Sanzhar Bokayev"), ("vo", "")]
    # a sentence of the copy that only opens in small letters is not a clause (no verb of saying)
    plain = "The plant opened on Monday. it will employ 300 people from the district.\n"
    assert segment_shape(parse_text(plain, language="en")) == [("lead", "")]
