"""Reading: encodings newsrooms send, line ends, and inputs that are not text."""
from __future__ import annotations

import codecs

import pytest

from broadcast.errors import InputError
from broadcast.read import decode, read_text

TEXT = "Қос ел тығыз ынтымақтастық орнатып\nАлайда «Жол картасы» — 30%.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM, as Windows Notepad saves "Unicode"
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
    ],
)
def test_encodings_and_line_ends(data):
    assert decode(data) == TEXT


def test_cp1251_russian_export():
    text = "Визит президента Беларуси — «новый импульс», сообщает Хабар 24\r\n"
    assert decode(text.encode("cp1251")) == text.replace("\r\n", "\n")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
        (b"%PDF-1.7\n", "this is a PDF document"),
        (b"text\x00with\x00nuls", "binary data (NUL bytes)"),
        (b"", "no text"),
        (b"  \n\t\r\n ", "no text"),
        (bytes(range(1, 32)) * 4, "binary data (control characters)"),
    ],
)
def test_not_text(data, message):
    with pytest.raises(InputError) as error:
        decode(data, "x.txt")
    assert str(error.value).startswith("x.txt: " + message)


def test_missing_directory_and_unreadable(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    # Root reads any file, so the refusal the OS would give a user is simulated.
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(locked), "open", refuse)
    with pytest.raises(InputError, match="locked.txt: permission denied"):
        read_text(locked)


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Қазақстан жаңалықтары: Тоқаев сапармен келді\n", "kz1048"),  # Kazakh's own code page, not cp1251
        ("Привет, мир\n", "cp1251"),  # short: charset-normalizer alone guessed cp1125
        ("He said \u201cyes\u201d \u2014 it\u2019s done. Caf\u00e9.\n", "cp1252"),  # not `Cafй`
    ],
)
def test_legacy_code_pages_by_charset_normalizer(text, encoding):
    assert decode(text.encode(encoding)) == text


def test_an_encoding_that_cannot_be_told_is_refused_at_its_offset():
    with pytest.raises(InputError, match=r"not valid UTF-8 at byte 3 \(line 1\), and its encoding cannot be told"):
        decode(b"abc" + bytes(range(128, 256)) * 3)


def test_word_line_breaks_are_line_ends_not_binary():
    # Shift+Enter in Word pastes as a vertical tab: an article full of them is text, each one a line end.
    from broadcast.read import decode

    text = "В\vАстане\vоткрылась\vновая школа.\u2028Вторая строка.\n"
    assert decode(text.encode("utf-8")) == "В\nАстане\nоткрылась\nновая школа.\nВторая строка.\n"


def _with_stray_bytes(text: str, *after: str, byte: bytes = b"\xff") -> bytes:
    """`text` as UTF-8 with `byte` put in after each of the words `after`."""
    data = text.encode("utf-8")
    for word in after:
        at = data.index(word.encode("utf-8")) + len(word.encode("utf-8"))
        data = data[:at] + byte + data[at:]
    return data


KK = "Бүгін Астанада жаңа мектеп ашылды.\n\nМектепке 900 бала барады.\nОқу қыркүйекте басталады.\n"


def test_a_stray_byte_in_utf8_is_read_as_utf8_and_warned_at_its_offset_and_line():
    """Mostly valid UTF-8 with a stray byte was refused (before that, read as cp1251 and garbled): it is read as
    UTF-8, the byte shown as U+FFFD, with a warning naming the byte's offset and its line."""
    from broadcast.read import decode_warned

    data = _with_stray_bytes(KK, "бала")
    text, warnings = decode_warned(data, "a.txt")
    assert text == KK.replace("бала", "бала\ufffd")
    offset = data.index(b"\xff")
    assert [(warning.line, warning.kind) for warning in warnings] == [(3, "encoding")]
    assert f"byte {offset}:" in warnings[0].message
    with pytest.raises(InputError, match=f"a.txt: not valid UTF-8 at byte {offset} \\(line 3\\); the rest is UTF-8"):
        decode(data, "a.txt")  # a caller that cannot pass a warning on refuses it


def test_stray_bytes_after_a_bom_and_crlf_count_the_file_s_bytes_and_the_reader_s_lines():
    from broadcast.read import decode_warned

    data = codecs.BOM_UTF8 + _with_stray_bytes(KK.replace("\n", "\r\n"), "Астанада", "қыркүйекте", byte=b"\xd0")
    text, warnings = decode_warned(data)
    offsets = [index for index in range(len(data)) if data[index:index + 2] in (b"\xd0 ",)]
    assert [warning.line for warning in warnings] == [1, 4]
    assert [f"byte {offset}:" in warning.message for offset, warning in zip(offsets, warnings)] == [True, True]
    assert text.count("\ufffd") == 2 and "\r" not in text


def test_many_stray_bytes_are_warned_five_times_then_counted():
    from broadcast.read import decode_warned

    text = "".join(f"Мектепке {n} бала барады, оқу қыркүйекте басталады.\n" for n in range(200))
    data = _with_stray_bytes(text, *[f"{n} бала" for n in range(0, 200, 20)])
    _, warnings = decode_warned(data)
    assert len(warnings) == 6 and warnings[-1].message.startswith("5 more places not valid UTF-8")
    assert [warning.line for warning in warnings] == [1, 21, 41, 61, 81, 101]


def test_plain_ascii_with_a_stray_byte_no_code_page_explains_is_warned():
    from broadcast.read import decode_warned

    data = b"Today 90 people came to the square in Astana. They stayed for an hour and went home \xff quietly.\n"
    text, warnings = decode_warned(data)
    assert "home \ufffd quietly" in text and len(warnings) == 1 and "byte 84:" in warnings[0].message


def test_ascii_with_one_byte_a_code_page_reads_is_read_and_warned_where():
    """ASCII with one byte beyond it was read as cp1252 silently ("sq\\xe9uare" became "sqéuare"): a UTF-8 file
    with a stray byte cannot be told from a cp1252 one with an accent, so it is read and the byte is named."""
    from broadcast.read import decode_warned

    data = b"Today 90 people came to the sq\xe9uare in Astana. The mayor spoke about new roads.\n"
    text, warnings = decode_warned(data)
    assert "sq\u00e9uare" in text and len(warnings) == 1
    assert "not UTF-8 at byte 30: read as cp1252, where it is 'é'" in warnings[0].message and warnings[0].line == 1
    with pytest.raises(InputError, match="not UTF-8 at byte 30: read as cp1252"):
        decode(data)  # a caller that cannot pass a warning on (a rundown's story) refuses it


@pytest.mark.parametrize(
    "data, said",
    [
        # A few bytes in short Latin text: read as cp1251 this was "hello яюэ world", silently.
        (b"hello \xff\xfe\xfd world\n", "not valid UTF-8 at byte 6 (line 1), and its encoding cannot be told"),
        (b"Prime minister \xcc\xe8\xf8\xf3\xf1\xf2\xe8\xed said\n", "at byte 15 (line 1), and its encoding cannot"),
        # UTF-8 Kazakh with a cp1251 Russian line pasted in: neither reading is right.
        (KK.encode("utf-8") + "Сегодня в Астане открылась новая школа.\n".encode("cp1251"),
         f"at byte {len(KK.encode())} (line 5), yet much of it is UTF-8: the file mixes two encodings"),
    ],
)
def test_an_encoding_that_cannot_be_told_is_refused_naming_the_byte_and_line(data, said):
    from broadcast.read import decode_warned

    with pytest.raises(InputError, match=said.replace("(", "\\(").replace(")", "\\)")):
        decode_warned(data)


def test_legacy_text_is_never_valid_utf8_enough_to_be_taken_for_damaged_utf8():
    """Every Kazakh and Russian fixture saved as kz1048 and cp1251 reads back exactly, with no warning."""
    from broadcast.read import decode_warned

    from conftest import ROOT

    read = 0
    for path in sorted((ROOT / "tests" / "fixtures").glob("[kr][ku]/*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for encoding in ("kz1048", "cp1251"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert decode_warned(data, path.name) == (text, ()), (path.name, encoding)
            read += 1
    assert read >= 20


def test_a_stray_byte_on_the_command_line_is_one_warning_on_stderr_and_the_script(tmp_path, capsys, monkeypatch):
    import io
    import json

    from broadcast.cli import main

    data = _with_stray_bytes(KK, "бала")
    offset = data.index(b"\xff")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["script", "-", "--to", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == f"broadcast: warning: stdin: line 3: not valid UTF-8 at byte {offset}: a byte that is not UTF-8, shown as \ufffd\n"
    story = json.loads(out)
    assert {"line": 3, "message": f"not valid UTF-8 at byte {offset}: a byte that is not UTF-8, shown as \ufffd",
            "kind": "encoding"} in story["warnings"]
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    for command in (["time", str(article)], ["prompter", str(article), "-o", str(tmp_path / "p.html")],
                    ["script", str(article), str(article), "-o", str(tmp_path / "out")]):
        assert main(command) == 0, command
        err = capsys.readouterr().err
        assert err.count(f"{article}: line 3: not valid UTF-8 at byte {offset}") >= 1, (command, err)
