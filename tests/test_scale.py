"""Bad input in bounded time: an over-long word is linear, an over-large file is one line and exit 1."""
from __future__ import annotations

import random
import time

import pytest

from broadcast.cli import main
from broadcast.read import MAX_BYTES


def _word(letters: int, alphabet: str) -> str:
    rng = random.Random(1)
    return "".join(rng.choice(alphabet) for _ in range(letters))


def test_a_200000_letter_word_finishes(tmp_path, capsys):
    """A 200,000-letter word took over 300 s (regular expressions tried from every letter, a compound split at
    every cut): every command on it is linear now. The bound is generous: seconds, not minutes."""
    article = tmp_path / "a.txt"
    article.write_text(
        f"Today in Almaty {_word(200_000, 'abcdefghijklmnopqrstuvwxyz')} news, Reuters reports.\n"
        f"В Москве сегодня {_word(200_000, 'абвгдежзиклмнопрстуфх')} новости.\n",
        encoding="utf-8",
    )
    for command in ("time", "check", "script"):
        start = time.perf_counter()
        assert main([command, str(article), "--lang", "en"]) in (0, 3), command
        assert time.perf_counter() - start < 30, command
        assert "Traceback" not in capsys.readouterr().err
    assert main(["script", str(article), "--lang", "en"]) == 0
    assert "Today in Almaty " + _word(200_000, "abcdefghijklmnopqrstuvwxyz") in capsys.readouterr().out  # kept whole


def test_more_than_5_mb_is_one_line_and_exit_1(tmp_path, capsys):
    article = tmp_path / "big.txt"
    article.write_bytes(b"Today in Almaty.\n" * (MAX_BYTES // 17 + 1))
    assert article.stat().st_size > MAX_BYTES
    assert main(["time", str(article)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "more than 5 MB" in err


def test_a_docx_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(tmp_path, capsys, monkeypatch):
    """A .docx is a zip: 1 MB that unpacks to 1 GB of XML took 2 GB of memory and 15 s before failing. The sizes
    the zip declares are checked first (no more than those is ever read)."""
    import zipfile

    import docx

    from broadcast.cli import main

    small = tmp_path / "small.docx"
    document = docx.Document()
    document.add_paragraph("Today 90 people came to the square in Astana.")
    document.save(small)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                at = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:at] + b"<!--" + b" " * 70_000_000 + b"-->" + data[at:]
            target.writestr(item.filename, data)
    assert bomb.stat().st_size < 1_000_000
    monkeypatch.setattr(docx, "Document", lambda *args: pytest.fail("unpacked"))
    assert main(["time", str(bomb)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bomb.docx: the .docx unpacks to 70 MB, over the 64 MB" in err


def test_an_article_is_read_whole_without_a_buffer_of_the_limit(tmp_path):
    """A file is read as large as it is (plus one byte to see its end); what reports no size (a device, a
    FIFO) is read on up to the limit, and refused past it."""
    import os
    import threading

    from broadcast.read import read_bytes

    from conftest import device_node

    article = tmp_path / "a.txt"
    article.write_bytes(b"Today in Almaty.\n" * 3)
    assert read_bytes(article)[0] == b"Today in Almaty.\n" * 3
    with pytest.raises(Exception, match="more than 5 MB"):
        read_bytes(device_node(tmp_path / "zero", 5))  # /dev/zero: size 0, never ends
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"From a pipe.\n" * 10_000))
    writer.start()
    assert read_bytes(fifo)[0] == b"From a pipe.\n" * 10_000
    writer.join()
