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


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_our_own_colours_still_reach_a_terminal():
    from broadcast.commands._terminal import ours, paint

    tty = Tty()
    VisibleStream(tty).write(paint("OVER", "red") + " \x1b]0;x\x07" + ours("erase line"))
    assert tty.getvalue() == "\x1b[31mOVER\x1b[0m \u241b]0;x\u2407\r\x1b[K"
    assert visible("a\x1b[31mb\x9bc\u202ed") == "a\u241b[31mb\ufffdc\ufffdd"  # not a terminal: nothing kept
    assert visible(paint("OVER", "red")) == "OVER"  # our markers: drawn on a terminal, dropped elsewhere


def test_our_own_colour_codes_in_an_article_do_not_colour_a_terminal(tmp_path, capsys, monkeypatch):
    """The codes we paint with (red, green, reset, the progress bar's line erase) used to pass the terminal's
    filter wherever they came from: an article's `ESC[31m` coloured the screen. Now only our markers draw."""
    import sys

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    ours = "\x1b[31m\x1b[32m\x1b[1m\x1b[0m\x1b[K"  # (a CR in an article is a line end)
    article = _article(tmp_path, f" Алматы{ours} бүгін.")
    article.write_text(ours + article.read_text(encoding="utf-8"), encoding="utf-8")  # in the title too
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    for arguments in (["time", str(article), "--slot", "0:10"], ["script", str(article)], ["check", str(article)]):
        main(arguments)
        out = capsys.readouterr().out
        assert "\u241b[31m\u241b[32m\u241b[1m\u241b[0m\u241b[K" in out, arguments
        painted = out.replace("\x1b[31mOVER", "").replace("\x1b[0m\n", "\n")  # the one row we paint
        assert "\x1b" not in painted and "\r" not in painted, arguments
    # A rundown paints whole rows of its table: a slug with our codes is shown, not obeyed.
    rundown = tmp_path / "r.toml"
    rundown.write_text(
        'title = "T"\nstart = "19:00:00"\nslot = "0:10"\n[[item]]\ntype = "story"\nslug = "A\\u001b[32mB"\n'
        'file = "a.txt"\n', encoding="utf-8",
    )
    main(["rundown", str(rundown)])
    out = capsys.readouterr().out
    assert "A\u241b[32mB" in out and "\x1b[31m" in out and "\x1b[32m" not in out


def test_a_file_name_on_the_progress_bar_cannot_draw(tmp_path, monkeypatch):
    from broadcast.commands import _batch
    from broadcast.commands._progress import progress_bar

    screen = Tty()
    monkeypatch.setattr(_batch, "progress_bar", lambda: progress_bar(screen))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\x1b[31m.txt").write_text("Today 90 people came to the square in Astana.\n", encoding="utf-8")
    assert main(["script", str(folder), "-o", str(tmp_path / "out")]) == 0
    drawn = screen.getvalue()
    assert "a\u241b[31m.txt" in drawn and "\x1b" not in drawn and "\r[" in drawn


def test_the_markdown_script_carries_no_live_html(tmp_path, capsys):
    """A Markdown viewer renders raw HTML: `<script>` and `<img onerror>` from an article never reach it live. Whole
    tags pasted with the copy are taken out by the reader; a tag cut off before its `>` stays in the text, escaped."""
    article = _article(tmp_path, ' <script>alert(1)</script> A&B <img src=x onerror="alert(2)"')
    assert main(["script", str(article), "--to", "script"]) == 0
    out = capsys.readouterr().out
    assert "<script" not in out and "<img" not in out
    assert "&lt;img src=x onerror=" in out
    assert "<br>" in out or "|" in out  # the template's own markup is kept


def test_the_markdown_script_carries_no_live_link_from_an_article(tmp_path, capsys):
    """`[x](javascript:...)` and `![x](...)` in an article were live Markdown links and images in the A/V script
    (story and rundown): brackets from input are escaped; the template's own Markdown is kept."""
    article = _article(tmp_path, " [click](javascript:alert(1)) ![pixel](http://x/p.png)")
    assert main(["script", str(article), "--to", "script"]) == 0
    out = capsys.readouterr().out
    assert "](" not in out.replace("\\](", "") and "\\[click\\](javascript:alert(1))" in out
    assert "| # | VIDEO | AUDIO | TIME |" in out
    rundown = tmp_path / "r.toml"
    rundown.write_text(
        'title = "T"\nstart = "19:00:00"\nslot = "10:00"\n[[item]]\ntype = "story"\nslug = "[a](javascript:b)"\n'
        'file = "a.txt"\n', encoding="utf-8",
    )
    assert main(["rundown", str(rundown), "--to", "script"]) == 0
    out = capsys.readouterr().out
    assert "](" not in out.replace("\\](", "") and "\\[a\\](javascript:b)" in out


def test_escape_sequences_never_reach_a_file_raw(tmp_path, capsys):
    """The terminal was kept clean, but a script, caption or page file carried the article's ESC and BEL raw:
    `cat script.md` cleared the screen and set the window's title. In every text output they are pictures."""
    article = _article(tmp_path, " Алматы" + HOSTILE + "\x9b\x7f бүгін.")
    outputs = {"prompter": "p.txt", "script": "s.md", "markup": "m.txt", "check": "c.txt", "page": "p.html"}
    for to, name in outputs.items():
        assert main(["script", str(article), "--to", to, "-o", str(tmp_path / name)]) == 0, to
    assert main(["time", str(article), "-o", str(tmp_path / "t.txt")]) == 0
    assert main(["audio", str(article), "-o", str(tmp_path / "d.wav"), "--cache", str(tmp_path / "cache")]) == 0
    capsys.readouterr()
    written = [path for path in tmp_path.iterdir() if path.is_file() and path.name != "a.txt" and path.suffix != ".wav"]
    assert len(written) == 10
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert not any(char in text for char in "\x1b\x07\x9b\x7f"), path.name
    assert "\u241b" in (tmp_path / "s.md").read_text(encoding="utf-8")  # shown, not dropped
    assert "\u241b]0;pwned\u2407" in (tmp_path / "d.srt").read_text(encoding="utf-8")


def test_the_live_prompter_page_and_its_updates_carry_no_control_character(tmp_path):
    """The server sends render_page and render_script itself (not through a file): the article's ESC reached the
    screens raw there."""
    import broadcast
    from broadcast.prompter.document import story_document
    from broadcast.prompter.page import render_page, render_script

    timed = broadcast.load(_article(tmp_path, " Алматы" + HOSTILE + " бүгін."))
    document = story_document(timed)
    for html in (render_page(document, live={"socket": "/ws", "token": "t"}), render_script(document)):
        assert "\x1b" not in html and "\x07" not in html and "\u241b]0;pwned" in html
