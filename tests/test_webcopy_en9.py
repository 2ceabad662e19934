"""Page clutter read aloud on webcopy set 9's first run (s7-late-en): each rule names the kind of page element and
the published page it was seen on; the lines are reworded from those pages."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.furniture import DATELINE, furniture


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a share menu scraped with its buttons' alt text (tengrinews.kz, English edition, 2011, UNICEF polio vaccine)
        ("whatsapp button telegram button facebook button copyLink button", "site navigation"),
        ("facebook icon twitter icon email icon", "site navigation"),
        # the typo prompt with `Ctrl Enter` and no plus (a Vologda district paper, 2021, the Rezhsky house of culture)
        ("Если Вы заметили ошибку в тексте, выделите его и нажмите Ctrl Enter.", "site navigation"),
        # a follow prompt naming the channel's handle (repost.uz, the Matvienko visit)
        ("Больше новостей в Телеграм-канале @SomeNewsUZ.", "share or follow prompt"),
        ("More news on our Telegram channel", "more to read"),
        # the social prompt under the story (alau.kz, 2026, the elevator fire)
        ("Мы есть в YouTube и в социальных сетях ВК и Одноклассники. Хотите получать рассылку?", "share or follow prompt"),
        # a city site's complaint box (kubena35.ru, the house of culture's sound)
        ("Не вывезли мусор, не горит фонарь? Столкнулись с бедой — сообщите о ней!", "comment prompt"),
        # WordPress's comment form in Kazakh and its recommendations label (old.kostanaytany.kz, Uzunkol roads)
        ("Э-пошта мекенжайыңыз жарияланбайды.", "comment prompt"),
        ("You may also like...", "more to read"),
        # a notice of the site being rebuilt (unicef.org, 2005, measles and rubella campaign)
        ("We're building a new Example.org.", "site administration note"),
        ("As we swap out old for new, pages will be in transition. Thanks for your patience.", "site administration note"),
    ],
)
def test_page_clutter_by_kind(line, kind):
    assert furniture(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Если что-то случилось, сообщите нам.",
        "The minister asked whether the plant was ready? Residents should tell us!",
        "More news on the harvest is expected next week from the ministry.",
        "We are building a new hospital in the district, the governor said.",
        "Facebook and Telegram were blocked for two hours on Monday.",
    ],
)
def test_copy_like_the_clutter_is_read(line):
    assert furniture(line) == ""


def test_a_date_glued_to_the_country_s_comma_is_a_date_not_a_wire():
    """`ASTANA, KASAKHSTAN,18 February 2005 -` (unicef.org, 2005): no space after the comma; the date, not a credit."""
    match = DATELINE.match("ASTANA, KASAKHSTAN,18 February 2005 - Almost a million young people will be immunized.")
    assert match is not None
    assert match["place"] == "ASTANA, KASAKHSTAN"
    assert match["date"].strip() == "18 February 2005"
    assert match["wire"] is None and match["agency"] is None


def test_a_share_button_line_under_the_story_is_not_read():
    """tengrinews.kz (English edition): the share buttons' alt text under a one-paragraph story."""
    story = parse_text(
        "UNICEF delivered vaccine to Kazakhstan\n\n"
        "Kazakhstan has completed a round of immunization of children against a disease. Children under six were "
        "inoculated across the country in the first week of April.\n\n"
        "whatsapp button telegram button facebook button copyLink button\n",
        language="en",
    )
    spoken = " ".join(line.spoken for segment in story.segments for line in segment.lines)
    assert "button" not in spoken
    assert [segment.kind for segment in story.segments] == ["lead"]
