"""Text from an article is escaped for where it goes: the terminal never gets its escape sequences raw, and
the Markdown A/V script never carries live HTML."""
from __future__ import annotations

import io

from broadcast.cli import main
from broadcast.commands._terminal import VisibleStream, visible

from conftest import SEED

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZWNobyBoaQ==\x07"


def _article(tmp_path, text: str):
    article = tmp_path / "a.txt"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].rstrip() + text
    article.write_text("\n".join(lines), encoding="utf-8")
    return article


def test_escape_sequences_never_reach_the_terminal_raw(tmp_path, capsys):
    """ANSI/OSC sequences in an article (a cleared screen, a window title, the clipboard) are shown as ␛..."""
    article = _article(tmp_path, " Алматы" + HOSTILE + " бүгін.")
    for arguments in (["script", str(article), "--to", "prompter"], ["time", str(article)], ["check", str(article)],
                      ["script", str(article), "--to", "script"]):
        main(arguments)
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, arguments
    main(["script", str(article), "--to", "prompter"])
    assert "\u241b]0;pwned\u2407" in capsys.readouterr().out  # shown, not dropped: the producer sees it


def test_an_error_naming_the_article_shows_its_escapes(tmp_path, capsys):
    assert main(["time", str(tmp_path / f"a{HOSTILE}.txt")]) in (1, 2)
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u241b" in err and err.count("\n") == 1


def test_our_own_colours_still_reach_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    VisibleStream(tty).write("\x1b[31mOVER\x1b[0m \x1b]0;x\x07\r\x1b[K")
    assert tty.getvalue() == "\x1b[31mOVER\x1b[0m \u241b]0;x\u2407\r\x1b[K"
    assert visible("a\x1b[31mb\x9bc\u202ed") == "a\u241b[31mb\ufffdc\ufffdd"  # not a terminal: nothing kept


def test_the_markdown_script_carries_no_live_html(tmp_path, capsys):
    """A Markdown viewer renders raw HTML: `<script>` and `<img onerror>` from an article are escaped."""
    article = _article(tmp_path, ' <script>alert(1)</script> <img src=x onerror="alert(2)"> A&B.')
    assert main(["script", str(article), "--to", "script"]) == 0
    out = capsys.readouterr().out
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "&lt;img src=x onerror=" in out
    assert "<br>" in out or "|" in out  # the template's own markup is kept
