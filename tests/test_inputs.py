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


def test_vtt_header_notes_cue_names_and_tags_are_set_aside():
    read = subtitles(VTT)
    lines = read.text.split("\n")
    assert len(lines) == len(VTT.split("\n"))  # the file's line numbers are kept
    assert lines[7] == "Parliament passed the budget today."
    assert lines[10] == "It takes effect & applies from January."
    assert [(w.line, w.message) for w in read.warnings] == [
        (1, "not read: WebVTT header"),
        (3, "not read: WebVTT NOTE block"),
        (4, "not read: WebVTT NOTE block"),
        (6, "not read: subtitle cue name"),
        (7, "not read: subtitle timecode"),
        (10, "not read: subtitle timecode"),
    ]


def test_a_number_in_the_cue_text_is_read():
    read = subtitles("1\n00:00:01,000 --> 00:00:02,000\n2025\n")
    assert read.text.split("\n")[2] == "2025"


def test_subtitles_without_cue_text_are_one_error():
    with pytest.raises(InputError, match="no cue text"):
        subtitles("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n")


def test_srt_through_the_command_keeps_the_file_line_numbers():
    result = run("script", FIXTURES / "en" / "terminal-captions.srt", "--to", "json")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    lines = [line["source_line"] for segment in story["segments"] for line in segment["lines"]]
    assert lines == [3, 8, 9, 13, 21, 25]
    assert {"line": 2, "message": "not read: subtitle timecode", "kind": "not-read"} in story["warnings"]


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
