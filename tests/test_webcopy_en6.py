"""English copy and page furniture, session 6 (s6-i9-en): each rule with its published source noted."""
from __future__ import annotations

import pytest

from broadcast.parse import parse_text
from broadcast.parse.credits import find_credit
from broadcast.parse.furniture import dateline, furniture
from conftest import segment_shape


# The credit rule, settled once for every set: a name with a domain is an outlet's credit, a government's own
# site included (kt.kz copy ends `…, primeminister.kz reports.`); an office's name without one is not.
@pytest.mark.parametrize(
    "line, source",
    [
        ("At a Government session chaired by the Prime Minister, the heating season was reviewed, primeminister.kz reports.", "primeminister.kz"),
        ("The Head of State received the minister, Akorda.kz reports.", "Akorda.kz"),
    ],
)
def test_a_domain_is_an_outlet_s_credit_even_a_government_s_site(line, source):
    credit = find_credit(line, "en")
    assert credit is not None and credit.outlet and credit.source == source


def test_an_office_s_name_is_no_credit():
    credit = find_credit("The Head of State received the minister, Akorda reports.", "en")
    assert credit is None or not credit.outlet
    story = parse_text("The Head of State received the minister, Akorda reports.\n", "en")
    assert not story.source


def _read(story) -> str:
    return " ".join(line.spoken for segment in story.segments for line in segment.lines)


# The shape of RFE/RL's pages scraped whole (rferl.org/a/…/31117768.html, rferl.org/Watchdog/2021/7/2): the
# screen readers' link, the ticker's label, the headline, a photo's caption printed twice running, the dateline
# `ALMATY, Kazakhstan --` (a place, its country, a double dash: no date, no agency), a caption naming an old
# photo `(file photo)`, a person's name printed twice under a photo. Reworded.
RFERL_PAGE = (
    "Accessibility links\n\n"
    "Breaking News\n\n"
    "Kazakh Activist Goes On Trial For Ties With Banned Party\n\n"
    "Supporters of the activist gather outside the courtroom for his hearing, which they were not allowed to attend.\n"
    "Supporters of the activist gather outside the courtroom for his hearing, which they were not allowed to attend.\n\n"
    "ALMATY, Kazakhstan -- A Kazakh activist has gone on trial in the Almaty region for links with a banned party.\n\n"
    "He told the court that he had left the party before it was banned and had kept to peaceful means since then.\n\n"
    "Asqar Nurmaghanov (file photo)\n"
    "Asqar Nurmaghanov (file photo)\n\n"
    "A day earlier, a court in the central city of Qaraghandy sentenced another activist to a parole-like term.\n\n"
    "Zhasaral Quanyshalin\n"
    "Zhasaral Quanyshalin\n\n"
    "The authorities banned the party two years ago, calling it extremist, and have detained dozens of its backers.\n"
)


def test_rferl_s_page_furniture_and_its_dateline_are_not_read():
    story = parse_text(RFERL_PAGE, "en")
    assert story.title == "Kazakh Activist Goes On Trial For Ties With Banned Party"
    assert segment_shape(story) == [("lead", ""), ("vo", "")]
    assert story.segments[0].lines[0].source_line == 10
    read = _read(story)
    for unread in ("Accessibility", "Breaking", "Supporters", "file photo", "Nurmaghanov", "Quanyshalin", "ALMATY", "Kazakhstan --"):
        assert unread not in read


@pytest.mark.parametrize(
    "line, rest",
    [
        ("SHYMKENT, Kazakhstan -- A group of activists was jailed.", "A group of activists was jailed."),
        ("QONAEV, Kazakhstan -- A Kazakh court has replaced a sentence.", "A Kazakh court has replaced a sentence."),
        ("ATYRAU, Kazakhstan — Three activists were detained.", "Three activists were detained."),
    ],
)
def test_a_place_and_its_country_before_a_double_dash_is_a_dateline(line, rest):
    found = dateline(line)
    assert found is not None and found.rest == rest and found.source == ""


@pytest.mark.parametrize("line", ["NATO, Russia - talks resumed on Monday.", "USA, China and Russia met in Geneva."])
def test_capitals_and_a_country_without_a_double_dash_are_no_dateline(line):
    assert dateline(line) is None


@pytest.mark.parametrize(
    "line, what",
    [
        ("Accessibility links", "site navigation"),
        ("Ссылки для упрощенного доступа", "site navigation"),
        ("Breaking News", "site navigation"),
        ("Kazakh activist Noyan Rakhymzhanov (file photo)", "photo caption"),
        ("Аким области (фото из архива)", "photo caption"),
    ],
)
def test_page_labels_and_old_photos_captions(line, what):
    assert furniture(line) == what


def test_breaking_news_in_a_sentence_is_read():
    assert furniture("Breaking news reached the capital late on Monday.") == ""


# Agencies' datelines in their own forms (each seen on a published page): Kazinform with no dash before words that
# hold a date (inform.kz/en/kyrgyz-president-…_a3759078), Asia-Plus's year and double dash (old.asiaplustj.info/en/
# node/108750), Turan's slashes (turan.az/en/politics/…-hhajiyev), Anadolu's place and name on a line of their own
# (hurriyetdailynews.com/turkish-president-receives-kazakh-foreign-minister-163240).
@pytest.mark.parametrize(
    "line, source, rest",
    [
        ("BISHKEK. KAZINFORM On March 2-3 the President will pay a visit.", "KAZINFORM", "On March 2-3 the President will pay a visit."),
        ("DUSHANBE, September 5, 2011, Asia-Plus -- The President opened a stadium.", "Asia-Plus", "The President opened a stadium."),
        ("DUSHANBE, March 3, 2014, Asia-Plus:", "Asia-Plus", ""),
        ("Baku/02.10.20/Turan: Talks are possible, the adviser said.", "Turan", "Talks are possible, the adviser said."),
        ("ANKARA- Anadolu Agency", "Anadolu Agency", ""),
    ],
)
def test_agencies_datelines_in_their_own_forms(line, source, rest):
    found = dateline(line)
    assert found is not None and found.source == source and found.rest == rest


@pytest.mark.parametrize(
    "line", ["ВЫБОРЫ – ГЛАВНОЕ", "TASHKENT, May 5, 2020, Ministry of Health: new cases"]
)
def test_banners_and_offices_are_no_agency_dateline(line):
    found = dateline(line)
    assert found is None or not found.source


# Turan's page (turan.az, reworded): a caption, the headline, the dateline, the sentence broken over two lines, the
# quote, the last paragraph with the wire's end mark `-0-` glued to it; then the page's rubric, date and other
# stories' paragraphs, which the end mark leaves outside the story.
TURAN_PAGE = (
    "Hikmet Hajiyev. Photo from open sources.\n"
    "Talks possible after troops leave Karabakh - H.Hajiyev\n"
    "Baku/02.10.20/Turan: Armenia must withdraw its troops from the region soon, then talks on\n"
    "a settlement are possible, adviser to the president Hikmet Hajiyev told journalists on Friday.\n"
    "“If Armenia wants this escalation to end, it must end the occupation. The ball is in its court”, - he noted.\n"
    "The statement answers Armenia's recent words about its readiness for peaceful talks.-0-\n"
    "-\n"
    "- Finance\n"
    "- 2 October 2020 15:56\n"
    "Politics\n"
    "-\n"
    "On November 25, a district court in Baku turned down an economist's complaint about the search of his flat.\n"
    "-\n"
    "A former officer of the defence ministry has been sentenced to ten years in prison by a Baku court.\n"
)


def test_a_wire_s_end_mark_ends_the_story():
    story = parse_text(TURAN_PAGE, "en")
    assert story.source == "Turan"
    assert segment_shape(story) == [("lead", ""), ("sot", "Hikmet Hajiyev"), ("vo", "")]
    read = _read(story)
    assert "-0-" not in read and "zero" not in read and "court turned down" not in read and "Finance" not in read
    assert story.segments[-1].lines[-1].spoken.endswith("peaceful talks.")


# The sites' tools under and around the copy (news.az, open.kg, topnews.az, vestikavkaza.ru, asiaplustj.info pages).
@pytest.mark.parametrize(
    "line, what",
    [
        ("We use cookies and collect personal data through Yandex.Metrica to improve the site.", "site navigation"),
        ("Этот сайт использует файлы cookie для удобства читателей.", "site navigation"),
        ("date 2023-04-07 Yandex metrika counter", "site navigation"),
        ("+ ↺ − 16 px", "site navigation"),
        ("VK X OK WhatsApp Telegram", "site navigation"),
        ("Facebook Twitter WhatsApp", "site navigation"),
        ("All news", "site navigation"),
        ("Dear User, please take into consideration that all news are posted automatically.", "site administration note"),
        ("Авторизуйтесь, пожалуйста", "comment prompt"),
    ],
)
def test_the_site_s_tools_are_furniture(line, what):
    assert furniture(line) == what


@pytest.mark.parametrize("line", ["He said Telegram and WhatsApp were blocked.", "Cookies were sold at the fair."])
def test_sentences_naming_networks_or_cookies_are_read(line):
    assert furniture(line) == ""


def test_a_long_list_of_other_stories_headlines_and_the_page_s_label_under_it():
    # asiaplustj.info/en/node/108750 (reworded): the copy, then the page's list of other headlines and its `All news`.
    # (Left: a headline that asks a question with a colon, `Global bread price ranking: where does …?`, is read.)
    text = (
        "DUSHANBE, September 5, 2011, Asia-Plus -- The President opened a sports complex with 1,500 seats in Dushanbe.\n"
        "Work also began on two new 12-story buildings for the Tax Committee and the youth committee.\n"
        "The president ordered both buildings to be finished in two years, the source said.\n\n\n\n"
        "Street race involving a Russian blogger sparks legal questions\n"
        "New industrial zone inaugurated in Dushanbe with three factories\n"
        "Man arrested in Dushanbe for property fraud worth a million somonis\n"
        "Global bread price ranking: where does Tajikistan stand?\n"
        "Kazakhstan to limit beef exports until the end of the year\n"
        "Russia faces a chronic labour shortage, says development bank\n"
        "Over 5,000 Tajik citizens banned from leaving the country for debts\n"
        "Tajik police arrest suspect in attack on woman in Kazan\n"
        "Kyrgyzstan raises penalties for domestic violence under new law\n"
        "All news\n"
    )
    story = parse_text(text, "en")
    assert story.source == "Asia-Plus"
    read = _read(story)
    assert "Street race" not in read and "beef" not in read and "penalties" not in read
    assert "the source said." in read  # (the question in the list is still read: left)


# en.inform.kz/news/minister-abayev-status-of-kazakh-language-to-increase_a3008939 (reworded): a long quotation
# closed with no comma before a clause of a capitalised role and the verb.
def test_a_quotation_closed_without_a_comma_before_role_said():
    text = (
        "ASTANA. KAZINFORM The minister of information Dauren Abayev commented on the issues of the week on a TV show.\n\n"
        "\"More people finish school than enter universities, which means that the status of the Kazakh language will "
        "grow even more\" Minister said.\n\n"
        "He also spoke about the media.\n"
    )
    story = parse_text(text, "en")
    assert segment_shape(story) == [("lead", ""), ("sot", "Dauren Abayev"), ("vo", "")]


@pytest.mark.parametrize(
    "text",
    [
        "The talks, he added, were \"open and frank\" Officials said.\n",  # a short quotation: a phrase, not speech
        "They watched \"The Mountain Road to the Old Town Under the Snow\" Tokayev said.\n",
    ],
)
def test_a_short_quotation_before_a_clause_without_a_comma_stays_copy(text):
    story = parse_text("ASTANA. KAZINFORM The President met the minister on Monday in the capital.\n\n" + text, "en")
    assert all(segment.kind != "sot" for segment in story.segments)
