"""English copy and page furniture, session 7 (s7-i9-en): each rule with its published source noted; texts are
reworded from the pages, quotes kept in their published shape."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import furniture
from broadcast.parse.wrapped import unwrap
from conftest import segment_shape


def _shape(story) -> list[str]:
    """Kind and surname, consecutive rows of the same kind and speaker as one (as the webcopy benchmark)."""
    rows: list[str] = []
    for kind, name in segment_shape(story):
        row = f"{kind} {name.split()[-1]}" if name else kind
        if not rows or rows[-1] != row:
            rows.append(row)
    return rows


def _spoken(story) -> str:
    return " ".join(line.spoken for segment in story.segments for line in segment.lines)


# Trend's wire label with two bylines over the copy (trend.az, 2019-12-05, Guluzade on the Caspian ports):
# `By Eldar Janashvili, Nargiz Sadikhova – Trend:` is the byline and the outlet, never a `Name, title:` line.
TREND_TWO_BYLINES = """BAKU, Azerbaijan, Dec. 5

By Eldar Janashvili, Nargiz Sadikhova – Trend:

Kazakh and Azerbaijani ports will raise the region's transit potential, Azerbaijan's Minister of Transport, Communications and High Technologies Ramin Guluzade said, Trend reports.

He spoke at an event held in Baku on Dec. 4.

“Both countries are carrying out large projects on the shortest route between East and West,” Guluzade said.

The two countries also work together in many organisations, he said.

“We cooperate closely within the UN, the CIS and the Turkic Council,” the minister said.
"""


def test_two_bylines_and_the_outlet_over_the_copy_are_a_byline():
    story = parse_text(TREND_TWO_BYLINES, "en")
    assert story.source == "Trend"
    assert [s.kind for s in story.segments][0] == "lead"
    sots = [s.speaker.name for s in story.segments if s.kind == "sot"]
    assert sots == ["Ramin Guluzade", "Ramin Guluzade"]
    assert "Janashvili" not in _spoken(story)


def test_a_given_name_with_a_surname_s_ending_before_the_surname():
    # `… High Technologies Ramin Guluzade said`: "Ramin" ends as a surname may, but it is a given name with the
    # surname after it; the person is Ramin Guluzade, not "Technologies Ramin"
    story = parse_text(TREND_TWO_BYLINES, "en")
    assert all(s.speaker.name != "Technologies Ramin" for s in story.segments if s.speaker)


# A title standing for a named person (egemen.kz's English page, 2020-04-07): `Elbasy` (the Leader of the Nation,
# the First President) after Nursultan Nazarbayev's quote is him again.
ELBASY = """During the meeting, the First President of Kazakhstan said that the measures taken had slowed the infection. This is reported by the press service of the First President of Kazakhstan - Elbasy.

"I want to note the well-coordinated work of health care workers," Nursultan Nazarbayev said.

Elbasy noted the importance of the President's instructions.

"The economic situation in the world is difficult. But our country's performance in the first quarter is not bad," Elbasy said.

In turn, the Prime Minister informed the First President about the measures taken.
"""


def test_elbasy_said_is_the_first_president_named_before():
    story = parse_text(ELBASY, "en")
    assert [s.speaker.name for s in story.segments if s.kind == "sot"] == ["Nursultan Nazarbayev"] * 2


# An ambassador's post `Ambassador to <country>` before his name (menafn.com, Trend's copy, 2023-09-11).
def test_ambassador_to_a_country_before_the_name_is_his_title():
    text = (
        "Kazakhstan plans to build a terminal in Baku port, said Kazakh Ambassador to Azerbaijan Alim Bayel at a "
        "roundtable, Trend reports.\n"
        "\"Kazakhstan is ready to build its own terminal in the port of Baku. Now we are negotiating on this issue,\" he emphasized.\n"
    )
    story = parse_text(text, "en")
    assert [s.speaker.name for s in story.segments if s.kind == "sot"] == ["Alim Bayel"]


# MENAFN's syndication page hard-wraps Trend's copy at about 65 characters (menafn.com, 2023-09-11): the wrapped
# lines of a paragraph are one paragraph, a quotation running over them one quotation; every file line is
# accounted for (joined ones with a note), and the page's reference code and disclaimer stay furniture.
WRAPPED = """(MENAFN- Trend News Agency) BAKU, Azerbaijan, September 11. Kazakhstan
plans to build a terminal in Baku port, said Kazakh Ambassador to
Azerbaijan Alim Bayel at a roundtable discussion on
"Azerbaijan-Kazakhstan relations: regional cooperation", Trend reports.
"The Trans-Caspian International Transport Route (TITR) is
capable of loading Kazakh exports under appropriate conditions.
Kazakhstan is ready to build its own terminal in the port of Baku.
Now we are negotiating on this issue," he emphasized.
According to him, the transport and logistics sector will become
the "backbone" of cooperation between Azerbaijan and
Kazakhstan.
"The current geopolitical situation is very complicated, but it
has provided us with unique opportunities. Both Kazakhstan and
Azerbaijan have a politically sound and correct view of things. We
need to act promptly, quickly," the ambassador added.
Currently, the TITR, which links China and Central Asian
countries with Europe via the Caspian Sea, has become one of the
key points of growth and attracts more and more attention from
other countries.
MENAFN11092023000187011040ID1107043863
Legal Disclaimer:
MENAFN provides the information "as is" without warranty of any kind.
"""


def test_hard_wrapped_copy_is_read_as_its_paragraphs():
    story = parse_text(WRAPPED, "en")
    assert _shape(story) == ["lead", "sot Bayel", "vo", "sot Bayel", "vo"]
    numbers = {line.source_line for s in story.segments for line in s.lines} | {w.line for w in story.warnings}
    lines = WRAPPED.split("\n")
    assert all(n in numbers for n, raw in enumerate(lines, start=1) if raw.strip())  # nothing lost
    said = _spoken(story)
    assert "MENAFN1109" not in said and "warranty" not in said


def test_copy_with_one_line_a_paragraph_is_not_unwrapped():
    assert unwrap(TREND_TWO_BYLINES) is None
    assert unwrap(ELBASY) is None
    # a list of other stories' headlines, each about as long, each opening with a capital: no wrapping
    headlines = "\n".join(
        f"Kazakhstan and its neighbour number {n} agree on new water sharing plans for the season" for n in range(10)
    )
    assert unwrap(headlines) is None


# A headline with a comma alone over the copy's paragraphs (azerbaijannewsgazette.com, Trend's copy, 2022-01):
# the headline, not the lead.
def test_a_headline_with_a_comma_over_several_paragraphs_is_the_headline():
    text = (
        "Azerbaijan, Kazakhstan transporting cargo along TRACECA corridor as usually\n\n"
        "Cargo moves between Azerbaijan and Kazakhstan along the TRACECA corridor as usual, Rufat Bayramov told Trend.\n\n"
        "Bayramov said that cargo goes both ways by ferry and railway.\n\n"
        "The protests began in Kazakhstan on January 2. Flights between the countries were suspended.\n"
    )
    story = parse_text(text, "en")
    assert story.title.startswith("Azerbaijan, Kazakhstan transporting")
    assert "TRACECA corridor as usually" not in _spoken(story)
    assert _shape(story)[0] == "lead"


# Check set F (s7-i9-en, /work/notes/s7-i9-en-checkset): page elements by kind, in every language.
@pytest.mark.parametrize(
    "line, kind",
    [
        ("link: https://24.kg/english/168508/", "web address"),  # 24.kg's permalink under the copy
        ("ОСТАВЬТЕ ОТВЕТ", "comment prompt"),  # asiaplus.news' comment form (a Russian form on an English page)
        ("Пожалуйста, введите ваш комментарий!", "comment prompt"),
        ("пожалуйста, введите ваше имя здесь", "comment prompt"),
        ("Leave a Reply", "comment prompt"),
        ("Your email address will not be published.", "comment prompt"),
        ("Ваш адрес email не будет опубликован. Обязательные поля помечены *", "comment prompt"),  # sochiweb.ru
        ("К.ҚОПАЕВА.", "author's signature"),  # aqtobegazeti.kz: the author's initial and surname under the copy
        ("Подробнее читайте на lenta.ru ...", "link to the whole story"),  # rodina.news' aggregator link
    ],
)
def test_page_elements_by_kind(line, kind):
    assert furniture(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Подробнее о планах рассказал аким.",  # a sentence of the copy
        "Leave a reply if you like the story and more",
        "К. Тоқаев сапармен келді.",
    ],
)
def test_copy_like_page_elements_is_read(line):
    assert furniture(line) == ""


def test_the_aggregator_s_link_names_the_story_s_source():
    text = (
        "2024-1-31 16:24 |\n"
        "Губернатор Самарской области отправил чиновников убирать снег на улицах. Глава региона возмутился, что дороги "
        "расчистить не успели.\n"
        "Подробнее читайте на lenta.ru ...\n"
    )
    story = parse_text(text, "ru")
    assert story.source == "lenta.ru"
    assert "lenta" not in _spoken(story)


@pytest.mark.parametrize(
    "line, source",
    [
        ("The press service of the Cabinet informed 24.kg news agency.", "24.kg"),  # 24.kg
        ("«Our friendship will continue,» Sadyr Japarov said in an interview with Kabar news agency.", "Kabar"),  # 24-kg.com
        ("Uali said in an interview to the Khabar 24 TV channel.", "Khabar 24 TV channel"),  # kt.kz (set 8)
        ("Oil production was not stopped, Minister Magzum Mirzagaliev said, Trend reports on Jan. 7.", "Trend"),
    ],
)
def test_more_english_credit_forms(line, source):
    credit = find_credit(line, "en")
    assert credit is not None and credit.outlet and credit.source == source


def test_informing_a_person_is_no_credit():
    credit = find_credit("He informed the minister about it.", "en")
    assert credit is None or not credit.outlet


def test_a_headline_with_a_comma_over_a_wire_s_dateline():
    # finance-rambler.ru, TASS copy: the headline (a comma in it) over `НУР-СУЛТАН, 7 января. /ТАСС/.`
    text = (
        "В Казахстане заявили, что не останавливали производство нефти и газа\n\n"
        "НУР-СУЛТАН, 7 января. /ТАСС/. Добыча нефти и газа на территории Казахстана не останавливалась.\n"
    )
    story = parse_text(text, "ru")
    assert story.source == "ТАСС" and _shape(story) == ["lead"]
    assert "заявили" not in _spoken(story)


def _sots(story) -> list[str]:
    return [s.speaker.name for s in story.segments if s.kind == "sot"]


def test_a_first_paragraph_that_opens_on_a_quote_stays_the_lead():
    # en.inform.kz (Karabalin, ConocoPhillips): after the dateline, the first paragraph is the minister's quote; its
    # clause says who he is, which the anchor's lead needs (as the golden en/24kg-atambayev-pullquote decided)
    text = (
        'ATYRAU. July 17. KAZINFORM "Kazakhstan does not interfere into the sale of the share in the project," '
        "Minister of Oil and Gas of Kazakhstan Uzakbai Karabalin said.\n\n"
        "The Minister commented on the rumors about the sale.\n"
    )
    story = parse_text(text, "en")
    assert _shape(story) == ["lead", "vo"] and story.source.casefold() == "kazinform"


def test_a_first_paragraph_quote_with_no_one_to_name_stays_the_lead():
    text = '"We will finish next year," officials said.\n\nThe works began in May.\n'
    assert _shape(parse_text(text, "en"))[0] == "lead"


def test_says_and_a_comma_before_the_quote():
    # asiaplustj.info (Japarov, April 2022): `…, Japarov says, “…”`
    text = (
        "Kyrgyz President Sadyr Japarov has promised to settle the border issue.\n\n"
        "In a statement posted on Facebook on April 13, Japarov says, “Indeed, there is a border problem. "
        "Negotiations are under way.”\n\n"
        "He addressed the people after the violence on April 12.\n"
    )
    assert _shape(parse_text(text, "en")) == ["lead", "sot Japarov", "vo"]


def test_a_curly_quotation_closed_by_a_straight_mark():
    # news.az (Bayel, 2023-09-11): `“Over the past four months, … from Kazakhstan," he said.`
    text = (
        "Cooperation has reached a new level, Kazakh Ambassador to Azerbaijan Alim Bayel said on Monday.\n\n"
        "“Over the past four months, our Prime Minister and ministers have visited Azerbaijan from Kazakhstan,\" he said.\n\n"
        "The diplomat said the trade turnover grew to $460 million in 2022.\n\n"
        "“This is a positive dynamic. We hope the volume of oil will reach several million tons,” he added.\n"
    )
    assert _shape(parse_text(text, "en")) == ["lead", "sot Bayel", "vo", "sot Bayel"]


def test_a_quotation_over_paragraphs_closed_with_no_clause_after_its_speaker():
    # ktrk.kg (Zhaparov's statement): the lead brings him in (`President Zhaparov said that …`), the quotation
    # runs over two paragraphs and closes (with a straight mark) with no clause: his
    text = (
        "President Sadyr Zhaparov made an address to the people. In his statement President Zhaparov said that "
        "the last days were days of trials and sorrow.\n\n"
        "“The territorial integrity of our Fatherland was under threat. We managed to preserve it.\n\n"
        'Unfortunately, we have suffered heavy losses. Thousands of our citizens were forced to leave their homes,".\n\n'
        "Zhaparov also expressed condolences to the families of the victims.\n"
    )
    assert _shape(parse_text(text, "en")) == ["lead", "sot Zhaparov", "vo"]


def test_the_governor_of_a_region_is_not_the_prime_minister_quoted_before():
    # en.inform.kz (Massimov answers e-mails, 2009): `?…?, the Governor of Akmola region responded.` is an unnamed
    # official's answer, not the Prime Minister's
    text = (
        "Kazakh Prime Minister Karim Massimov has commissioned mayors to settle problems with drinking water, Kazinform reports.\n"
        '"I have received e-mails with questions and I want mayors to answer them", K.Massimov said.\n'
        'The Premier was asked about drinking water in Stepnogorsk. "The problem is topical. Money will be allocated '
        'next year", the Governor of Akmola region responded.\n'
        "The Prime Minister decided to visit the bathhouse.\n"
    )
    assert _sots(parse_text(text, "en")) == ["Karim Massimov"]


def test_a_deck_the_copy_repeats_word_for_word_is_not_read():
    # centralasia.news (Tokayev's tasks to Mamin, 2021-03-27): the deck under the headline is a sentence the copy
    # says again inside a later paragraph (`Thirdly, the President instructed …`)
    text = (
        "President of Kazakhstan sets priority tasks to Government\n\n"
        "In particular, the President instructed to implement price controls on food products and prevent prices from rising.\n\n"
        "On March 25, President Kassym-Zhomart Tokayev held a working meeting with Prime Minister Askar Mamin.\n\n"
        "The President set priority tasks. Firstly, housing construction needs to be accelerated.\n\n"
        "Secondly, highways need to be built. Thirdly, the President instructed to implement price controls on food "
        "products and prevent prices from rising.\n"
    )
    story = parse_text(text, "en")
    assert _spoken(story).startswith("On March")
    assert _shape(story) == ["lead", "vo"]


def test_a_lead_printed_again_whole_is_not_a_deck():
    # the page repeating its lead from its start (tests/fixtures/kk/sn-togzhanov-torgai) is the repeat rule's
    from broadcast.parse.transcript import _repeated_deck

    lines = [
        "Headline of the story here",
        "",
        "The vice premier commented on the question of restoring the old region today.",
        "",
        "The vice premier commented on the question of restoring the old region today, Ulysmedia.kz reports.",
    ]
    assert _repeated_deck(lines, 1) == 0


def test_a_post_in_apposition_after_the_name():
    # kt.kz (set 8 en/kt-uali-interviews): `Berik Uali, press secretary of the President …, explained …`; his quote
    # lost its opening mark; `- added the press secretary of the President …` is him, not the President
    text = (
        "Berik Uali, press secretary of the President of the Republic of Kazakhstan, explained why the Head of State "
        "Kassym-Jomart Tokayev rarely gives interviews.\n\n"
        'I do not agree that he does not give interviews. We can say that the President is a man of action," Uali said '
        "in an interview to the Khabar 24 TV channel.\n\n"
        "He noted that a television interview is planned.\n\n"
        'People love to compare the President with the heads of other states. We are an independent country; we must '
        'have our own path." - added the press secretary of the President of the Republic of Kazakhstan.\n'
    )
    story = parse_text(text, "en")
    assert _sots(story) == ["Berik Uali", "Berik Uali"] and story.source.startswith("Khabar 24")
