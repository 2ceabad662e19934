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
