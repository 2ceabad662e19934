"""Inputs other than plain text (broadcast/inputs.py): subtitles, Word documents, web pages."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from broadcast.errors import InputError
from broadcast.inputs import read_input, subtitles

from conftest import FIXTURES, ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True, cwd=ROOT, timeout=120)


VTT = """WEBVTT - evening news

NOTE exported by the captioning desk
two lines long

intro
00:00.000 --> 00:03.000 align:start
<v Anchor>Parliament passed the <b>budget</b> today.</v>

00:00:03.000 --> 00:00:06.000
It takes effect &amp; applies from January.
"""


def test_vtt_header_notes_cue_names_and_tags_are_set_aside_in_one_summary():
    read = subtitles(VTT)
    assert read.text.split("\n") == ["Parliament passed the budget today.", "It takes effect & applies from January."]
    assert read.origin == (8, 11)  # the file's line numbers of the text's lines
    assert [(w.line, w.message) for w in read.warnings] == [
        (1, "not read: subtitle numbering and timing (1 WebVTT header line, 2 WebVTT NOTE lines, 1 cue name, "
            "2 timecodes; lines 1–10)"),
    ]
    assert read.accounted == {1, 3, 4, 6, 7, 10}


def srt(*cues: tuple[float, float, str]) -> str:
    """SubRip text of (start, end, text) cues."""
    def stamp(seconds: float) -> str:
        return f"00:{int(seconds) // 60:02d}:{int(seconds) % 60:02d},{round(seconds % 1 * 1000):03d}"

    return "\n\n".join(f"{n}\n{stamp(start)} --> {stamp(end)}\n{text}" for n, (start, end, text) in enumerate(cues, 1)) + "\n"


def story_of(text: str, lang: str = "en"):
    from broadcast.parse import parse_text

    read = subtitles(text)
    return read, read.place(parse_text(read.text, language=lang))


def test_a_lead_over_several_cues_stays_whole_and_a_pause_after_a_sentence_starts_the_story():
    text = srt(
        (0.0, 2.5, "Parliament passed the budget"),
        (2.5, 5.0, "for next year today."),
        (5.0, 8.0, "Spending on schools grows by a tenth."),
        (9.5, 12.0, "The vote was close:"),  # the pause after a finished sentence: a new paragraph
        (12.0, 14.0, "52 deputies for"),
        (14.0, 16.0, "and 41 against."),
    )
    read, story = story_of(text)
    rows = [(segment.kind, [line.source_line for line in segment.lines]) for segment in story.segments]
    assert rows == [("lead", [3, 11]), ("vo", [15, 19])]  # the file's line numbers, a sentence a line
    assert story.segments[0].lines[0].text == "Parliament passed the budget for next year today."
    assert story.segments[1].lines[1].text == "52 deputies for and 41 against."
    assert read.accounted >= {7, 23}  # joined to the sentence they go on: read
    assert not [w for w in story.warnings if w.kind == "guess"]  # the pause parts lead and story: no guess


def test_a_sentence_is_never_parted_at_a_pause_inside_it():
    text = srt(
        (0.0, 2.0, "The minister said the plant"), (6.0, 8.0, "will open in May."), (8.0, 10.0, "Work starts now."),
    )
    read, story = story_of(text)
    assert read.text.split("\n") == ["The minister said the plant will open in May.", "Work starts now."]
    assert [segment.kind for segment in story.segments] == ["lead", "vo"]


@pytest.mark.parametrize(
    ("second", "third"),
    [(">> Work starts now.", "It ends in May."), ("<v Reporter>Work starts now.", "<v Reporter>It ends in May.")],
    ids=["chevrons", "webvtt-voice"],
)
def test_a_change_of_speaker_starts_a_paragraph(second, third):
    read = subtitles(srt((0.0, 2.0, "The plant opens today."), (2.0, 4.0, second), (4.0, 6.0, third)))
    assert read.text.split("\n") == ["The plant opens today.", "", "Work starts now.", "It ends in May."]
    assert read.origin == (3, 0, 7, 11)


def test_a_named_webvtt_voice_is_a_synch_with_that_speaker_and_a_role_voice_is_not():
    text = srt(
        (0.0, 3.0, "<v Anchor>The plant opens today."),
        (3.0, 6.0, "<v Reporter>Work took two years."),
        (6.0, 9.0, "<v Aigerim Sadykova>We hired three hundred people"),
        (9.0, 11.0, "from the town."),  # no voice: the same speaker goes on
        (11.0, 14.0, "<v Reporter>The first shift starts on Monday."),
    )
    read, story = story_of(text)
    assert read.text.split("\n") == [
        "The plant opens today.", "", "Work took two years.", "", "Aigerim Sadykova:",
        "We hired three hundred people from the town.", "", "The first shift starts on Monday.",
    ]
    assert read.origin == (3, 0, 7, 0, 11, 11, 0, 19)  # the name line is the cue line that names the voice
    rows = [(s.kind, s.speaker and s.speaker.name, [line.source_line for line in s.lines]) for s in story.segments]
    assert rows == [("lead", None, [3]), ("vo", None, [7]), ("sot", "Aigerim Sadykova", [11]), ("vo", None, [19])]
    assert story.segments[2].speaker.source_line == 11


def test_the_first_voice_reads_the_lead_even_when_it_is_a_name():
    text = srt((0.0, 3.0, "<v Aliya Nurova>The plant opens today."), (3.0, 6.0, "<v Reporter>Work took two years."))
    read, story = story_of(text)
    assert [s.kind for s in story.segments] == ["lead", "vo"]
    assert "Aliya Nurova:" not in read.text


@pytest.mark.parametrize(("gap", "paragraphs"), [(0.2, 1), (0.5, 2)])
def test_half_a_second_between_finished_sentences_parts_paragraphs(gap, paragraphs):
    """Captions of running speech follow each other within a few frames; half a second is a pause."""
    read = subtitles(srt((0.0, 2.0, "The plant opens today."), (2.0 + gap, 4.0, "Work took two years.")))
    assert read.text.count("\n\n") + 1 == paragraphs


def test_live_captions_without_punctuation_are_parted_where_they_pause():
    text = srt(
        (0.0, 2.0, "Parliament passed the budget"), (2.0, 4.0, "for next year today"),
        (6.0, 8.0, "Deputies voted fifty two"), (8.0, 10.0, "to forty one"),
    )
    read, story = story_of(text)
    assert read.text.split("\n") == ["Parliament passed the budget for next year today", "", "Deputies voted fifty two to forty one"]
    assert [(s.kind, [line.source_line for line in s.lines]) for s in story.segments] == [("lead", [3]), ("vo", [11])]


def test_a_name_and_title_line_stays_its_own_and_an_unfinished_line_before_a_pause_ends_its_paragraph():
    """A Khabar-style transcript exported cue by cue (lines without final punctuation) reads as the transcript."""
    text = srt(
        (0.0, 2.0, "В столице открылась новая поликлиника"),
        (2.0, 4.0, "Здание рассчитано на 500 пациентов, сообщает Хабар 24"),
        (6.0, 8.0, "Жители города рады открытию поликлиники"),
        (8.0, 10.0, "Аскар Жумабаев, житель"),
        (10.0, 12.0, "района:"),
        (12.0, 14.0, "— Раньше мы ездили на другой конец города."),
    )
    read, story = story_of(text, "ru")
    assert read.text.split("\n")[3:] == ["Жители города рады открытию поликлиники", "Аскар Жумабаев, житель района:",
                                         "— Раньше мы ездили на другой конец города."]
    assert [(s.kind, s.speaker and s.speaker.name) for s in story.segments] == [
        ("lead", None), ("vo", None), ("sot", "Аскар Жумабаев")
    ]


def test_a_long_subtitle_file_gives_one_summary_warning_not_one_per_timecode():
    text = srt(*((n * 2.0, n * 2.0 + 2, f"Sentence number {n} is here.") for n in range(500)))
    read, story = story_of(text)
    not_read = [w for w in story.warnings if w.kind == "not-read"]
    assert [w.message for w in not_read] == ["not read: subtitle numbering and timing (500 cue numbers, 500 timecodes; lines 1–1998)"]
    assert len(story.lines) == 500


def test_a_number_in_the_cue_text_is_read():
    read = subtitles("1\n00:00:01,000 --> 00:00:02,000\n2025\n")
    assert read.text == "2025" and read.origin == (3,)


def test_subtitles_without_cue_text_are_one_error():
    with pytest.raises(InputError, match="no cue text"):
        subtitles("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n")


def test_srt_through_the_command_keeps_the_file_line_numbers():
    result = run("script", FIXTURES / "en" / "terminal-captions.srt", "--to", "json")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    lines = [line["source_line"] for segment in story["segments"] for line in segment["lines"]]
    assert lines == [3, 8, 9, 21, 25]  # 4 and 13 go on the sentences of 3 and 9
    assert story["warnings"][0] == {
        "line": 1, "message": "not read: subtitle numbering and timing (6 cue numbers, 6 timecodes; lines 1–24)",
        "kind": "not-read",
    }
    assert story["segments"][0]["lines"][0]["text"] == "The new airport terminal in Shymkent opens on Monday, Khabar 24 reports."


def test_empty_srt_exits_1_with_one_line(tmp_path):
    path = tmp_path / "empty.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n", encoding="utf-8")
    result = run("script", path)
    assert result.returncode == 1
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_plain_text_is_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nText.\n", encoding="utf-8")
    assert read_input(path).text == "1\n00:00:01,000 --> 00:00:02,000\nText.\n"


def test_docx_paragraphs_are_lines_through_the_command(tmp_path):
    import docx

    document = docx.Document()
    for text in (
        "Parliament passed the budget today.",
        "",
        "It takes effect in January.",
        "Finance minister Madi Takiyev:",
        "- The budget keeps spending on schools.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "story.docx"
    document.save(str(path))
    result = run("script", path, "--to", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    rows = [(s["kind"], [line["source_line"] for line in s["lines"]]) for s in story["segments"]]
    assert rows == [("lead", [1]), ("vo", [3]), ("sot", [5])]
    assert story["segments"][2]["speaker"]["name"] == "Madi Takiyev"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
        ("text.docx", b"just text, renamed", "not a readable .docx"),
        ("empty.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no main text"),
    ],
)
def test_unreadable_inputs_are_one_line_exit_1(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("script", path)
    assert result.returncode == 1
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and says in err[0], err


def test_html_headline_byline_and_date_are_named_not_read():
    read = read_input(FIXTURES / "en" / "bridge-page.html")
    assert [w.message for w in read.warnings] == [
        "not read: headline «New bridge opens in Astana»",
        "not read: byline «Aliya Serikova»",
        "not read: date stamp «2025-11-20»",
        "not read: 2 blocks of the page outside its main text (9 words: menus, links, footer…), "
        "e.g. «Home News», «© 2025 Example News. All rights reserved.»",
    ]
    assert "New bridge opens" not in read.text and "Home" not in read.text and "rights reserved" not in read.text


def test_html_is_read_with_every_socket_blocked(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the .html reader tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert read_input(FIXTURES / "en" / "bridge-page.html").text.startswith("A new bridge across the Yesil")


SCHOOLS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Schools to get new heating | City News</title></head>
<body><header><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></header>
<main><article><h1>Schools to get new heating</h1>
<p>Twelve schools in the city will get new heating systems before the winter, the education department said.</p>
<p>The work will cost 2 billion tenge and is to be finished by October.</p>
<div class="share">Share: Facebook Telegram WhatsApp</div>
<p>Parents have complained about cold classrooms for three years running.</p></article>
<aside><h3>Most read</h3><ul><li><a href="/a">Bus fares go up from Monday across the whole region</a></li>
<li><a href="/b">New park opens by the river</a></li></ul></aside></main>
<div class="box"><p>The city also plans three new schools in the district next year, the akimat said.</p></div>
<footer><p>© 2025 City News. A long reprint notice that is not copy at all, as every page has.</p></footer></body></html>
"""


def test_html_headline_is_the_story_s_title_and_not_read(tmp_path):
    path = tmp_path / "schools.html"
    path.write_text(SCHOOLS_PAGE, encoding="utf-8")
    result = run("script", path, "--to", "json")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    assert story["title"] == "Schools to get new heating"
    said = " ".join(line["text"] for segment in story["segments"] for line in segment["lines"])
    assert "new heating systems" in said and "Schools to get new heating" not in said
    assert {"line": 0, "message": "not read: headline «Schools to get new heating»", "kind": "not-read"} in story["warnings"]


def test_html_what_the_extractor_leaves_out_is_counted_and_a_paragraph_of_copy_named():
    read = html_read(SCHOOLS_PAGE)
    messages = [w.message for w in read.warnings]
    assert messages[0] == "not read: headline «Schools to get new heating»"
    assert not any("date stamp" in message for message in messages)  # no date from the copyright line
    summary = [message for message in messages if "outside its main text" in message]
    assert len(summary) == 1 and summary[0].startswith("not read: 8 blocks of the page outside its main text (")
    assert "e.g. «Home», «Sport», «Share: Facebook Telegram WhatsApp»" in summary[0]  # `City` is a word of the copy
    named = [message for message in messages if "left out of the main text" in message]
    assert named == [
        "not read: a paragraph the page's extractor left out of the main text «The city also plans three new "
        "schools in the district next year,…»; if it is copy, paste it in"
    ]
    assert "Share" not in read.text and "Bus fares" not in read.text


def html_read(page: str):
    from broadcast.inputs import html

    return html(page.encode("utf-8"), "page.html")


def docx_of(path, *blocks, header: str = "", footer: str = ""):
    """A .docx at `path`: each block a paragraph (str) or a table (a list of rows of cells; a cell's lines
    parted by newlines)."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(len(row) for row in block))
        for row, cells in zip(table.rows, block):
            for cell, text in zip(row.cells, cells):
                lines = text.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def json_of(path, *args):
    result = run("script", path, "--to", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def rows_of(story):
    return [(s["kind"], (s["speaker"] or {}).get("name"), " ".join(line["text"] for line in s["lines"])) for s in story["segments"]]


def test_docx_two_column_av_script_reads_the_audio_column(tmp_path):
    path = docx_of(
        tmp_path / "av.docx",
        "BUDGET / Evening news",
        [
            ["VIDEO", "AUDIO"],
            ["ANCHOR ON CAM", "Parliament passed the budget today."],
            ["VO: wide shot of the chamber", "Deputies voted 52 to 41.\nThe budget takes effect in January."],
            ["SOT: Madi Takiyev, finance minister", "The budget keeps spending on schools."],
            ["VO: schools in Astana", "Twelve new schools open next year."],
        ],
    )
    story = json_of(path, "--lang", "en")
    assert rows_of(story) == [
        ("lead", None, "Parliament passed the budget today."),
        ("vo", None, "Deputies voted 52 to 41. The budget takes effect in January."),
        ("sot", "Madi Takiyev", "The budget keeps spending on schools."),
        ("vo", None, "Twelve new schools open next year."),
    ]
    messages = [w["message"] for w in story["warnings"] if w["kind"] == "not-read"]
    assert "not read: the table's header row «VIDEO | AUDIO»" in messages
    assert "not read: 3 shot notes of the VIDEO column, e.g. «ON CAM»" in messages


def test_docx_cis_label_table_is_read_by_its_labels(tmp_path):
    path = docx_of(
        tmp_path / "cis.docx",
        [
            ["ВЕДУЩИЙ", "В Костанае открыли новый парк. Его строили два года."],
            ["ЗК", "Парк занимает пять гектаров. Здесь высадили тысячу деревьев."],
            ["СНХ", "Ерлан Касымов, аким города\nМы хотели, чтобы у горожан было место для отдыха."],
            ["ЗК", "Второй парк откроют следующей весной."],
        ],
    )
    story = json_of(path)
    assert [(kind, name) for kind, name, _ in rows_of(story)] == [
        ("lead", None), ("vo", None), ("sot", "Ерлан Касымов"), ("vo", None)
    ]
    assert story["segments"][2]["speaker"]["title"] == "аким города"
    assert rows_of(story)[2][2] == "Мы хотели, чтобы у горожан было место для отдыха."


def test_docx_a_figures_table_headers_and_footers_are_named_not_read(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = docx_of(
        tmp_path / "figures.docx",
        "Parliament passed the budget today.",
        "",
        [["Year", "Spending"], ["2025", "18 trillion"], ["2026", "20 trillion"]],
        "It takes effect in January.",
        header="Evening news rundown — page 3",
        footer="Confidential: not for air",
    )
    import docx

    document = docx.Document(str(path))
    box = f'<w:r {nsdecls("w")}><w:txbxContent><w:p><w:r><w:t>Check the figures with the ministry</w:t></w:r></w:p></w:txbxContent></w:r>'
    document.paragraphs[0]._p.append(parse_xml(box))
    document.save(str(path))
    story = json_of(path, "--lang", "en")
    said = " ".join(line["text"] for segment in story["segments"] for line in segment["lines"])
    assert said == "Parliament passed the budget today. It takes effect in January."
    messages = [w["message"] for w in story["warnings"] if w["kind"] == "not-read" and w["line"] == 0]
    assert messages == [
        "not read: a table (3 rows × 2 columns), not script: «Year | Spending | 2025 | 18 trillion | 2026 | 20 trillion»",
        "not read: page header «Evening news rundown — page 3»",
        "not read: page footer «Confidential: not for air»",
        "not read: text box «Check the figures with the ministry»",
    ]


def test_docx_tracked_insertions_content_controls_and_line_breaks_are_read(tmp_path):
    """python-docx's paragraph text leaves out tracked insertions, content controls and smart tags: read, as
    Word shows them; deleted text is not; Shift+Enter parts lines (a `Name, title:` line stays its own)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    document = docx.Document()
    lead = document.add_paragraph("Parliament passed the ")
    lead._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="ed"><w:r><w:t>new </w:t></w:r></w:ins>'))
    lead._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="ed"><w:r><w:delText>old </w:delText></w:r></w:del>'))
    lead._p.append(parse_xml(f'<w:sdt {w}><w:sdtContent><w:r><w:t>budget</w:t></w:r></w:sdtContent></w:sdt>'))
    lead._p.append(parse_xml(f'<w:smartTag {w} w:uri="u" w:element="e"><w:r><w:t> today.</w:t></w:r></w:smartTag>'))
    document.add_paragraph("")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(  # before the section properties, which stay last
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>It takes effect in January.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    ))
    bite = document.add_paragraph("Finance minister Madi Takiyev:")
    bite.runs[0].add_break()
    bite.add_run("- The budget keeps spending on schools.")
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    read = read_input(path)
    assert read.text.split("\n") == [
        "Parliament passed the new budget today.", "", "It takes effect in January.",
        "Finance minister Madi Takiyev:", "- The budget keeps spending on schools.",
    ]
    story = json_of(path, "--lang", "en")
    assert [(s["kind"], (s["speaker"] or {}).get("name")) for s in story["segments"]] == [
        ("lead", None), ("vo", None), ("sot", "Madi Takiyev")
    ]


# A Kazakh news site's article page, in the shape of the agencies' (made up: no real outlet): menus, a currency
# widget, the date and a view counter, a wire dateline, a credit, an in-sentence quote, a subscription prompt,
# "read also" links and a reprint notice.
KAZAKH_PAGE = """<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8">
<title>Шымкентте жаңа көпір ашылды - Мысал Ақпарат</title>
<meta property="og:title" content="Шымкентте жаңа көпір ашылды">
<meta property="article:published_time" content="2025-10-14T09:12:00+05:00">
</head><body>
<header><nav><ul><li><a href="/">Басты бет</a></li><li><a href="/kz/society">Қоғам</a></li><li><a href="/kz/economy">Экономика</a></li><li><a href="/kz/sport">Спорт</a></li></ul></nav>
<div class="currency">USD 512.40 EUR 556.10</div></header>
<main><article>
<h1>Шымкентте жаңа көпір ашылды</h1>
<div class="meta"><span class="date">14.10.2025, 09:12</span> <span class="views">4821</span></div>
<p>ШЫМКЕНТ. 14 қазан. Мысал Ақпарат – Шымкентте Бадам өзені арқылы өтетін жаңа көпір пайдалануға берілді, деп хабарлайды Мысал Ақпарат тілшісі.</p>
<p>Көпірдің ұзындығы 220 метр, онда төрт жолақты көлік жолы мен екі жаяу жүргінші жолы бар.</p>
<p>«Бұл көпір қаланың екі ауданын жалғайды, кептеліс азаяды», – деді қала әкімі Ғабит Сыздықбеков.</p>
<p>Құрылысқа 9 миллиард теңге жұмсалды.</p>
<p>Telegram арнамызға жазылыңыз!</p>
</article>
<aside><h3>Тағы оқыңыз</h3><ul><li><a href="/a">Алматыда метроның жаңа бекеті ашылады</a></li><li><a href="/b">Астанада жаңа мектеп салынды</a></li></ul></aside></main>
<footer><p>Материалды көшіріп басқанда сілтеме міндетті. © 2025 Мысал Ақпарат</p></footer></body></html>
"""


def test_a_kazakh_news_page_reads_as_a_story(tmp_path):
    path = tmp_path / "kopir.html"
    path.write_text(KAZAKH_PAGE, encoding="utf-8")
    story = json_of(path)
    assert (story["language"], story["title"], story["source"]) == ("kk", "Шымкентте жаңа көпір ашылды", "Мысал Ақпарат")
    assert [(kind, name) for kind, name, _ in rows_of(story)] == [
        ("lead", None), ("vo", None), ("sot", "Ғабит Сыздықбеков"), ("vo", None)
    ]
    said = " ".join(line["spoken"] for segment in story["segments"] for line in segment["lines"])
    for furniture in ("Басты бет", "USD", "4821", "Telegram", "Тағы оқыңыз", "көшіріп", "ШЫМКЕНТ. 14"):
        assert furniture not in said
    messages = [w["message"] for w in story["warnings"]]
    assert any(message.startswith("not read: 10 blocks of the page outside its main text") for message in messages)


# A Russian city site's page (made up): a top menu, the byline, a credit, a dash-dialogue quote, "Читайте также",
# and a reader's comment, which the extractor leaves out and which is counted but not taken for lost copy.
RUSSIAN_PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>В Караганде отремонтируют 40 дворов | Пример-Новости</title>
<meta property="og:title" content="В Караганде отремонтируют 40 дворов">
</head><body>
<div class="top"><a href="/">Главная</a> <a href="/ru/city">Город</a> <a href="/ru/world">Мир</a> <a href="/login">Войти</a></div>
<div class="content"><div class="article">
<h1>В Караганде отремонтируют 40 дворов</h1>
<div class="author">Автор: Ирина Ким</div>
<p>В Караганде в этом году отремонтируют 40 дворов, сообщает Primer.kz.</p>
<p>На работы из местного бюджета выделили 2,5 миллиарда тенге. Во дворах уложат новый асфальт и установят детские площадки.</p>
<p>— Мы начнём с тех дворов, где жители ждут ремонта дольше всего, — сказал аким города Ермаганбет Булекбаев.</p>
<p>Читайте также: В Темиртау закрыли мост на ремонт</p>
<p>Работы должны завершиться к октябрю.</p>
</div>
<div class="comments"><h4>Комментарии (3)</h4><p>Хорошо бы и наш двор сделали, живём на Ерубаева уже десять лет без ремонта.</p></div>
</div>
<footer>При использовании материалов ссылка на Пример-Новости обязательна.</footer></body></html>
"""


def test_a_russian_news_page_reads_as_a_story_and_its_comments_are_not_lost_copy(tmp_path):
    path = tmp_path / "dvory.html"
    path.write_text(RUSSIAN_PAGE, encoding="utf-8")
    story = json_of(path)
    assert (story["language"], story["title"], story["source"]) == ("ru", "В Караганде отремонтируют 40 дворов", "Primer.kz")
    assert [(kind, name) for kind, name, _ in rows_of(story)] == [
        ("lead", None), ("vo", None), ("sot", "Ермаганбет Булекбаев"), ("vo", None)
    ]
    said = " ".join(line["spoken"] for segment in story["segments"] for line in segment["lines"])
    assert "Читайте" not in said and "Ерубаева" not in said and "Главная" not in said
    messages = [w["message"] for w in story["warnings"] if w["line"] == 0]
    assert "not read: byline «Ирина Ким»" in messages
    assert any(message.startswith("not read: 4 blocks of the page outside its main text") for message in messages)
    assert not any("left out of the main text" in message for message in messages)  # a comment is no lost copy


TRANSCRIPTS = [
    FIXTURES / f"{language}/{name}.txt"
    for language in ("kk", "ru", "en")
    for name in ("belarus", "speakers", "long-quote", "prose", "no-quotes")
] + [
    FIXTURES / name
    for name in (
        "ru/subtitles-caps.txt", "kk/flood-subtitles.txt", "en/airport-subtitles.txt", "ru/cis-lowercase.txt",
        "en/qazaqtv-experts-multipara.txt",  # a date stamp under the headline: not joined to it
    )
]


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_transcript_exported_cue_by_cue_reads_as_the_transcript(path):
    """Each line a cue, a blank line a 2-second pause: the same segments and speakers as the text, nothing lost."""
    from broadcast.parse import parse_text

    from invariants import unaccounted

    text = path.read_text(encoding="utf-8")
    cues, start, gap = [], 0.0, 0.0
    for line in text.split("\n"):
        if not line.strip():
            gap = 2.0
            continue
        cues.append((start + gap, start + gap + 2.0, line.strip()))
        start, gap = start + gap + 2.0, 0.0
    exported = srt(*cues)
    read, story = story_of(exported, path.parent.name)
    alone = parse_text(text, language=path.parent.name)
    assert [(s.kind, s.speaker and s.speaker.name) for s in story.segments] == [
        (s.kind, s.speaker and s.speaker.name) for s in alone.segments
    ]
    assert unaccounted(exported, story, read.accounted) == []
