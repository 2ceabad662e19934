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
    with pytest.raises(InputError, match="not valid UTF-8 at byte 3, and its encoding cannot be told"):
        decode(b"abc" + bytes(range(128, 256)) * 3)


def test_word_line_breaks_are_line_ends_not_binary():
    # Shift+Enter in Word pastes as a vertical tab: an article full of them is text, each one a line end.
    from broadcast.read import decode

    text = "В\vАстане\vоткрылась\vновая школа.\u2028Вторая строка.\n"
    assert decode(text.encode("utf-8")) == "В\nАстане\nоткрылась\nновая школа.\nВторая строка.\n"
