"""English copy and page furniture, session 7 (s7-i9-en): each rule with its published source noted; texts are
reworded from the pages, quotes kept in their published shape."""
from __future__ import annotations

from broadcast.parse import parse_text
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
