"""Reading: bytes from a file or stdin to clean text (encoding detected, line ends normalised)."""
from __future__ import annotations

import codecs
import sys
from pathlib import Path

from .errors import InputError

# Signatures of formats producers paste by mistake; named in the error so they know what happened.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx? save it as plain text)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"ID3": "an MP3 file",
    b"RIFF": "a RIFF (WAV/AVI) file",
    b"\xd0\xcf\x11\xe0": "an old Office document (.doc? save it as plain text)",
}


# Word's manual line break (Shift+Enter pastes as a vertical tab) and the other characters Unicode counts as line
# or paragraph ends: each is a line end, as the producer saw it, not a control character that makes text "binary".
_LINE_BREAKS = {ord(char): "\n" for char in "\v\x1c\x1d\x1e\x85\u2028\u2029"}


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, or a legacy code page charset-normalizer is confident of (cp1251,
    kz1048, ...); CRLF, CR and the other line breaks (Word's vertical tab, U+2028…) become LF."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[len(codecs.BOM_UTF8):], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            if _mostly_utf8(data):  # a stray byte in UTF-8 text: cp1251 would garble every letter silently
                raise InputError(
                    f"{name}: not valid UTF-8 at byte {error.start} (the rest is UTF-8: fix or remove that byte)"
                ) from None
            # Kazakh and Russian newsroom exports from Windows tools come in cp1251 (or kz1048): the detector says
            # which, and refuses to guess when it cannot tell.
            text = _decode(data, _legacy_encoding(data, error.start, name), name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\t\f")
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: binary data (control characters), not text")
    if not text.strip():
        raise InputError(f"{name}: no text (the input is empty or only white space)")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """Whether `data` holds real UTF-8 letters beyond ASCII and only a few bytes that are not UTF-8: then it is
    UTF-8 with damage, never a legacy code page (cp1251 text is almost never valid multi-byte UTF-8)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    letters = sum(1 for char in text if ord(char) > 127 and char != "\ufffd")
    return letters >= 2 and bad * 20 <= letters


# The code pages of our languages' newsrooms (Russian and Kazakh Windows exports, Kazakh's own, English), in the
# order a tie goes. Most a code page may show of what a decoding error looks like (charset-normalizer's
# "chaos", 0 to 1): beyond it the file is refused rather than garbled.
_CODE_PAGES = ("cp1251", "kz1048", "cp1252")
_MAX_CHAOS = 0.1
_CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_CYRILLIC |= {char.upper() for char in _CYRILLIC}
_EXPECTED = _CYRILLIC | set("àâäçéèêëîïôöùûüÿñáíóúß«»—–“”‘’„…№•°€ ")


def _legacy_encoding(data: bytes, offset: int, name: str) -> str:
    """The code page of text that is not UTF-8: among those charset-normalizer finds plausible (imported only
    here: most files are UTF-8), the one whose letters are those of kk, ru or en text (a Cyrillic letter
    glued to a Latin one is a wrong guess); an InputError naming the first byte that is not UTF-8 when none
    fits with confidence."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    scored = []
    if from_bytes(data).best() is not None:  # None: no code page at all reads it without chaos
        for rank, encoding in enumerate(_CODE_PAGES):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            # The detector folds code pages that decode alike into one, so each is measured itself.
            chaos = mess_ratio(text, maximum_threshold=_MAX_CHAOS * 2)
            if chaos > _MAX_CHAOS:
                continue
            high = [i for i, char in enumerate(text) if ord(char) > 127]
            good = sum(1 for i in high if text[i] in _EXPECTED and not _glued(text, i))
            scored.append((good / max(len(high), 1), -chaos, -rank, encoding))
    if not scored or max(scored)[0] < 0.9:
        raise InputError(
            f"{name}: not valid UTF-8 at byte {offset}, and its encoding cannot be told with confidence; "
            "save it as UTF-8"
        )
    return max(scored)[3]


def _glued(text: str, index: int) -> bool:
    """A Cyrillic letter with a Latin letter beside it (`Cafй`): cp1251 read for cp1252."""
    if text[index] not in _CYRILLIC:
        return False
    around = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
    return any(char.isascii() and char.isalpha() for char in around)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {error.start}") from None


# The largest article read: 5 MB is some 800,000 words, days on air. A bigger file is a mistake (a database dump,
# a log), and refusing it keeps time and memory bounded; stated in the README.
MAX_BYTES = 5_000_000


def read_bytes(source: str | Path) -> tuple[bytes, str]:
    """The raw bytes of a path or of stdin (`-`), and a name for messages; more than MAX_BYTES is refused
    (never read past it)."""
    if str(source) == "-":
        return _within_limit(sys.stdin.buffer.read(MAX_BYTES + 1), "stdin"), "stdin"
    path = Path(source)
    try:
        with path.open("rb") as file:
            return _within_limit(file.read(MAX_BYTES + 1), str(path)), str(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not an article") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _within_limit(data: bytes, name: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: more than {MAX_BYTES // 1_000_000} MB of text; split it into stories")
    return data


def read_text(source: str | Path) -> str:
    """The text of a path or of stdin (`-`)."""
    data, name = read_bytes(source)
    return decode(data, name)
