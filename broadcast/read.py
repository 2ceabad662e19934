"""Reading: bytes from a file or stdin to clean text (encoding detected, line ends normalised)."""
from __future__ import annotations

import codecs
import os
import re
import sys
from pathlib import Path

from .errors import InputError, unreadable
from .model import Warning

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
_ANY_LINE_BREAK = re.compile(f"[{''.join(map(chr, _LINE_BREAKS))}]")
# The control characters that make text "binary": below 32, but not LF, TAB or FF (searched in C, not a loop in
# Python over every character: a long article has millions).
_CONTROL = re.compile("[\x00-\x08\x0b\x0d-\x1f]")


def decode(data: bytes, name: str = "input") -> str:
    """The text of `data` (see `decode_warned`) for a caller that cannot pass warnings on: UTF-8 with damaged
    bytes is refused at the first of them instead of read with a warning."""
    return decode_warned(data, name, strict=True)[0]


def decode_warned(data: bytes, name: str = "input", strict: bool = False) -> tuple[str, tuple[Warning, ...]]:
    """UTF-8 (BOM or not), UTF-16 with BOM, or a legacy code page read with confidence (cp1251, kz1048, cp1252);
    CRLF, CR and the other line breaks (Word's vertical tab, U+2028…) become LF.

    UTF-8 with a few bytes that are not UTF-8 (a stray byte, a cut letter) is read as UTF-8 with U+FFFD there and
    a warning naming each byte's offset and line: it is never read in a legacy code page, which would garble
    every letter. A file whose encoding cannot be told with confidence is refused, naming the first byte that is
    not UTF-8."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text")
    warnings: tuple[Warning, ...] = ()
    if data.startswith(codecs.BOM_UTF8):
        text, warnings = _utf8(data[len(codecs.BOM_UTF8):], name, strict, offset=len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    elif b"\x00" in data:
        raise InputError(f"{name}: binary data (NUL bytes), not text")
    else:
        text, warnings = _utf8(data, name, strict)
    text = _line_ends(text)
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputError(f"{name}: binary data (control characters), not text")
    if not text.strip():
        raise InputError(f"{name}: no text (the input is empty or only white space)")
    return text, warnings


def _line_ends(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # `translate` with a table looks up every character; most texts have none of these to change
    return text.translate(_LINE_BREAKS) if _ANY_LINE_BREAK.search(text) else text


# Bytes that are not UTF-8 become lone surrogates (one per byte) under this error handler: their places are kept.
_NOT_UTF8 = re.compile("[\udc80-\udcff]+")
_MOST_WARNED = 5  # warnings about single bytes; beyond them one warning counts the rest


def _utf8(data: bytes, name: str, strict: bool, offset: int = 0) -> tuple[str, tuple[Warning, ...]]:
    """`data` as UTF-8; when it is not valid UTF-8, see `decode_warned`. `offset`: bytes before `data` (a BOM)."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        first = error.start + offset
    text = data.decode("utf-8", errors="surrogateescape")
    runs = list(_NOT_UTF8.finditer(text))
    bad = sum(len(run.group()) for run in runs)  # bytes that are not UTF-8
    letters = sum(1 for char in text if ord(char) > 127) - bad  # characters beyond ASCII in real UTF-8
    where = f"byte {first} (line {_line_of(text, runs[0].start())})"
    if letters >= 2 and bad * 4 <= letters and (bad <= 3 or bad * 20 <= letters):  # UTF-8 with a few stray bytes
        if strict:
            raise InputError(f"{name}: not valid UTF-8 at {where}; the rest is UTF-8: fix or remove that byte")
        return _damaged(text, runs, offset)
    if letters >= 2 and letters * 4 >= bad:  # legacy text is almost never valid multi-byte UTF-8 (measured ≤ 3 %)
        raise InputError(
            f"{name}: not valid UTF-8 at {where}, yet much of it is "
            "UTF-8: the file mixes two encodings; save it as UTF-8"
        )
    # Kazakh and Russian newsroom exports from Windows tools come in cp1251 (or kz1048): the detector says which.
    encoding = _legacy_encoding(data)
    if encoding is not None:
        decoded = _decode(data, encoding, name)
        if letters or bad > 3:
            return decoded, ()
        # ASCII text with a byte or three beyond it: a code page's accented letter (Café) or a stray byte in a
        # UTF-8 file (sq\xe9uare) read as one. Which, no detector can tell: read, and said where.
        char = decoded[runs[0].start()]  # one byte, one character in both readings: the same place
        said = f"not UTF-8 at byte {first}: read as {encoding}, where it is {char!r}; if the file is UTF-8, that byte is damaged"
        if strict:
            raise InputError(f"{name}: {said}; save it as UTF-8")
        return decoded, (Warning(_line_of(text, runs[0].start()), said, "encoding"),)
    ascii_letters = sum(1 for char in text if char.isascii() and char.isalpha())
    if letters == 0 and bad * 50 <= ascii_letters and not strict:  # ASCII text, a stray byte no code page explains
        return _damaged(text, runs, offset)
    raise InputError(
        f"{name}: not valid UTF-8 at {where}, and its encoding cannot be told with confidence; save it as UTF-8"
    )


def _damaged(text: str, runs: list[re.Match[str]], offset: int) -> tuple[str, tuple[Warning, ...]]:
    """UTF-8 text with its bad bytes each shown as U+FFFD, and a warning for each naming its byte offset."""
    warnings, position, read = [], 0, 0  # read: bytes before `position`
    for run in runs[:_MOST_WARNED]:
        read += len(text[position:run.start()].encode("utf-8", errors="surrogateescape"))
        position = run.start()
        size = len(run.group())
        what = "a byte that is not UTF-8" if size == 1 else f"{size} bytes that are not UTF-8"
        warnings.append(Warning(
            _line_of(text, run.start()), f"not valid UTF-8 at byte {read + offset}: {what}, shown as \ufffd", "encoding"
        ))
    if len(runs) > _MOST_WARNED:
        rest = len(runs) - _MOST_WARNED
        warnings.append(Warning(
            _line_of(text, runs[_MOST_WARNED].start()),
            f"{rest} more place{'s' if rest > 1 else ''} not valid UTF-8 from here on, each shown as \ufffd", "encoding",
        ))
    return _NOT_UTF8.sub("\ufffd", text), tuple(warnings)


def _line_of(text: str, index: int) -> int:
    """The 1-based line of `text[index]`, counted as the reader counts lines (after line ends are normalised)."""
    return _line_ends(text[:index]).count("\n") + 1


# The code pages of our languages' newsrooms (Russian and Kazakh Windows exports, Kazakh's own, English), in the
# order a tie goes. Most a code page may show of what a decoding error looks like (charset-normalizer's
# "chaos", 0 to 1): beyond it the file is refused rather than garbled.
_CODE_PAGES = ("cp1251", "kz1048", "cp1252")
_MAX_CHAOS = 0.1
_CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_CYRILLIC |= {char.upper() for char in _CYRILLIC}
_EXPECTED = _CYRILLIC | set("àâäçéèêëîïôöùûüÿñáíóúß«»—–“”‘’„…№•°€ ")


def _legacy_encoding(data: bytes) -> str | None:
    """The code page of text that is not UTF-8, or None when none fits with confidence: among those
    charset-normalizer finds plausible (imported only here: most files are UTF-8), the one whose characters
    beyond ASCII are letters of kk, ru or en words or newsroom punctuation."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    if from_bytes(data).best() is None:  # no code page at all reads it without chaos
        return None
    scored = []
    for rank, encoding in enumerate(_CODE_PAGES):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # The detector folds code pages that decode alike into one, so each is measured itself.
        chaos = mess_ratio(text, maximum_threshold=_MAX_CHAOS * 2)
        if chaos > _MAX_CHAOS:
            continue
        cyrillic = sum(1 for char in text if char in _CYRILLIC)
        latin = sum(1 for char in text if char.isascii() and char.isalpha())
        if cyrillic and cyrillic * 2 < latin:  # a few "Cyrillic letters" in Latin text: stray bytes, not Russian
            continue
        high = [i for i, char in enumerate(text) if ord(char) > 127]
        good = sum(1 for i in high if _plausible(text, i))
        scored.append((good / max(len(high), 1), -chaos, -rank, encoding))
    if not scored or max(scored)[0] < 0.9:
        return None
    return max(scored)[3]


# Letters that are words by themselves (Russian prepositions and conjunctions; French `à`): any other letter
# beyond ASCII standing alone is a stray byte read as a letter (`hello ÿ world`).
_ONE_LETTER_WORDS = set("вВиИсСкКуУоОаАяЯà")


def _plausible(text: str, index: int) -> bool:
    """Whether `text[index]`, beyond ASCII, reads as newsroom text: punctuation we expect, or a letter of kk, ru or
    en inside a word of one script (a Cyrillic letter glued to a Latin one, `Cafй`, is cp1251 read for cp1252)."""
    char = text[index]
    if char not in _EXPECTED:
        return False
    if not char.isalpha():
        return True
    around = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
    if char in _CYRILLIC and any(other.isascii() and other.isalpha() for other in around):
        return False
    return any(other.isalpha() for other in around) or char in _ONE_LETTER_WORDS


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
            # As many bytes as the file holds, plus one to see its end: asking for MAX_BYTES + 1 at once made a
            # buffer of 5 MB for every article (a batch's thousand articles paid for it). A device, a FIFO or a
            # file that grew is read on, up to the limit.
            size = min(os.fstat(file.fileno()).st_size, MAX_BYTES)
            data = file.read(size + 1)
            if len(data) > size:
                data += file.read(MAX_BYTES + 1 - len(data))
            return _within_limit(data, str(path)), str(path)
    except OSError as error:
        raise unreadable(str(path), error, "an article") from None


def _within_limit(data: bytes, name: str) -> bytes:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: more than {MAX_BYTES // 1_000_000} MB of text; split it into stories")
    return data


def read_text(source: str | Path) -> str:
    """The text of a path or of stdin (`-`)."""
    data, name = read_bytes(source)
    return decode(data, name)
