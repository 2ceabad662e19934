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
