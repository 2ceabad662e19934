"""Bad input is one clear line: a table of cases across the commands (exit code, one stderr line, no traceback,
no file left, input unchanged), and the escaping of what reaches XML."""
from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree

import pytest
from lxml import etree  # the strict XML parser the MOS files are held to (a test dependency)

from broadcast.cli import main
from broadcast.read import decode

from conftest import ROOT, SEED

RUNDOWN = ROOT / "examples" / "evening-bulletin.toml"


def _utf8_with_a_stray_byte() -> bytes:
    data = SEED.read_bytes()
    middle = len(data) // 2
    while data[middle] & 0xC0 == 0x80:  # not inside a letter
        middle += 1
    return data[:middle] + b"\xff" + data[middle:]


ARTICLE = "Today 90 people came to the square in Astana.\n"
RUNDOWN_TEXT = 'title = "T"\nstart = "19:00:00"\nslot = "10:00"\n[[item]]\ntype = "story"\nslug = "A"\nfile = "a.txt"\n'
STORY = {"language": "en", "title": "T", "segments": [{"kind": "lead", "lines": [{"text": "Today 90 people came."}]}]}


def _rundown(old: str, new: str) -> str:
    assert old in RUNDOWN_TEXT
    return RUNDOWN_TEXT.replace(old, new)


def _story(value: str = "", segment: str = "", text: str = "") -> str:
    """The JSON story with `value` spliced in raw as an extra key, or `segment` as a raw key of the segment."""
    data = text or json.dumps(STORY)
    if value:
        data = data.replace('"segments":', f'"x": {value}, "segments":', 1)
    if segment:
        data = data.replace('{"kind": "lead",', f'{{{segment}, "kind": "lead",', 1)
    return data


DIGITS = "7" * 5000
DEEP = "[" * 100_000 + "]" * 100_000
ARTICLE_COMMANDS = ["script", "time", "check", "prompter"]
TOML_WITH_A_SYNTAX_ERROR = 'title = "T\n'

# (what, arguments, files written into the work folder, exit code, words in the one line, environment)
CASES: list[tuple[str, list[str], dict[str, str | bytes], int, str, dict[str, str]]] = [
    ("encoding cannot be told", ["script", "{file}"], {"a.txt": b"hello \xff\xfe\xfd world\n"}, 1, "cannot be told", {}),
    # An article warns of a stray byte and goes on (tests/test_read.py); a rundown's story has no warning channel.
    ("stray byte in a rundown's story", ["rundown", "{rundown}"], {"a.txt": _utf8_with_a_stray_byte()}, 1,
     "not valid UTF-8 at byte", {}),
    ("missing --voices folder", ["script", "{seed}", "--voices", "{tmp}/nope"], {}, 1, "no such folder", {}),
    ("missing --voices folder (time)", ["time", "{seed}", "--voices", "{tmp}/nope"], {}, 1, "no such folder", {}),
    ("output is the input", ["script", "{file}", "-o", "{file}"], {"a.txt": SEED.read_bytes()}, 2, "is an input", {}),
    ("template outside the sandbox", ["script", "{seed}", "--template", "{tmp}/t.j2"], {}, 1, "template t.j2", {}),
    # --slot: absurd values name the valid range, other digits and forms are refused (exit 2), on every command
    *[
        (f"{command} --slot {slot}", [command, "{file}", "--slot", slot], {}, 2, said, {})
        for command in ARTICLE_COMMANDS
        for slot, said in [
            ("\u0669\u0660", "write the digits 0-9"), ("1e300", "at most 24:00:00"), ("9e29s", "at most 24:00:00"),
            ("100000000m", "at most 24:00:00"), ("25:00:00", "at most 24:00:00"), ("5", "seconds or minutes"),
        ]
    ],
    ("rundown --slot 1e300", ["rundown", "{rundown}", "--slot", "1e300"], {}, 2, "at most 24:00:00", {}),
    ("rundown --slot 48:00:00", ["rundown", "{rundown}", "--slot", "48:00:00"], {}, 2, "at most 24:00:00", {}),
    ("audio --slot 9e29s", ["audio", "{file}", "--slot", "9e29s", "-o", "{tmp}/a.mp3"], {}, 2, "is not a duration", {}),
    # a JSON story: no NaN or Infinity, no number beyond a float or 18 digits, no deep nesting, absurd tapes
    *[
        (f"{command} JSON {what}", [command, "{tmp}/s.json"], {"s.json": text}, 1, said, {})
        for command in ["script", "time", "check"]
        for what, text, said in [
            ("Infinity", _story("Infinity"), "Infinity is not a number"),
            ("NaN", _story("NaN"), "NaN is not a number"),
            ("1e309", _story("1e309"), "too large a number"),
            ("5,000 digits", _story(DIGITS), "too large a number"),
            ("100,000 deep", _story(DEEP), "nested too deeply"),
        ]
    ],
    *[
        (f"JSON {what}", ["script", "{tmp}/s.json"], {"s.json": text}, 1, said, {})
        for what, text, said in [
            ("-Infinity", _story("-Infinity"), "Infinity is not a number"),
            ("tape 1e308", _story(segment='"tape": 1e308'), "at most 24:00:00"),
            ("tape 9e29", _story(segment='"tape": 9e29'), "at most 24:00:00"),
            ("tape -1", _story(segment='"tape": -1'), "tape must be"),
            ("tape true", _story(segment='"tape": true'), "tape must be"),
            ("tape a string", _story(segment='"tape": "long"'), "tape must be"),
            ("not JSON", '{"segments": [', "not valid JSON"),
            ("segments not a list", '{"segments": {}}', "list of segments"),
            ("a list at the top", '[1, 2]', ""),
            ("unknown kind", _story(text=json.dumps(STORY).replace('"lead"', '"dance"')), "needs a kind"),
            ("no lines", _story(text=json.dumps(STORY).replace('"lines": [{"text": "Today 90 people came."}]', '"lines": []')), "lines"),
        ]
    ],
    ("prompter JSON Infinity", ["prompter", "{tmp}/s.json", "-o", "{tmp}/p.html"], {"s.json": _story("Infinity")}, 1, "Infinity", {}),
    # a rundown's times: inf, nan, absurd lengths and times of day
    *[
        (f"rundown {what}", ["rundown", "{rundown}"], {"r.toml": text}, 1, said, {})
        for what, text, said in [
            ("slot = inf", _rundown('slot = "10:00"', "slot = inf"), "at most 24:00:00"),
            ("slot = nan", _rundown('slot = "10:00"', "slot = nan"), "at most 24:00:00"),
            ("slot = -inf", _rundown('slot = "10:00"', "slot = -inf"), "longer than 0"),
            ("slot = 1e300", _rundown('slot = "10:00"', "slot = 1e300"), "at most 24:00:00"),
            ("slot = \"inf\"", _rundown('slot = "10:00"', 'slot = "inf"'), "is not a duration"),
            ("slot = \"nan\"", _rundown('slot = "10:00"', 'slot = "nan"'), "is not a duration"),
            ("slot in Arabic-Indic digits", _rundown('slot = "10:00"', 'slot = "\u0661\u0660:\u0660\u0660"'), "digits 0-9"),
            ("slot = 0", _rundown('slot = "10:00"', "slot = 0"), "longer than 0"),
            ("item duration 9e29", _rundown('file = "a.txt"\n', 'file = "a.txt"\nslot = 9e29\n'), "at most 24:00:00"),
            ("item slot nan", _rundown('file = "a.txt"\n', 'file = "a.txt"\nslot = nan\n'), "at most 24:00:00"),
            ("start = \"nan\"", _rundown('start = "19:00:00"', 'start = "nan"'), "not a time of day"),
            ("start = \"25:00\"", _rundown('start = "19:00:00"', 'start = "25:00"'), "hours 0-23"),
            ("start = inf", _rundown('start = "19:00:00"', "start = inf"), "not a time of day"),
            ("a TOML syntax error", TOML_WITH_A_SYNTAX_ERROR, ""),
            ("a missing story", _rundown('file = "a.txt"', 'file = "gone.txt"'), "gone.txt"),
            ("a story outside its folder", _rundown('file = "a.txt"', 'file = "../a.txt"'), ""),
            ("an unknown item type", _rundown('type = "story"', 'type = "dance"'), "dance"),
            # a NUL in a name that reaches the file system was a ValueError, a traceback
            ("house with a NUL", 'house = "a\\u0000b"\n' + RUNDOWN_TEXT, "NUL character"),
            ("a story's file with a NUL", _rundown('file = "a.txt"', 'file = "a\\u0000.txt"'), "a path relative"),
        ]
    ],
    ("rundown -o the rundown", ["rundown", "{rundown}", "-o", "{rundown}"], {}, 2, "is an input", {}),
    ("rundown --start 25:00:00", ["rundown", "{rundown}", "--start", "25:00:00"], {}, 2, "", {}),
    ("rundown --to nonsense", ["rundown", "{rundown}", "--to", "nonsense"], {}, 2, "", {}),
    ("rundown missing", ["rundown", "{tmp}/gone.toml"], {}, 1, "gone.toml", {}),
    ("rundown --voices missing", ["rundown", "{rundown}", "--voices", "{tmp}/nope"], {}, 1, "no such folder", {}),
    # a 5,000-digit number in the copy is read digit group by digit group (see below); other bad articles
    ("a missing article", ["script", "{tmp}/gone.txt"], {}, 1, "gone.txt", {}),
    ("an empty article", ["script", "{tmp}/e.txt"], {"e.txt": ""}, 1, "", {}),
    ("an article of only punctuation", ["script", "{tmp}/p.txt"], {"p.txt": "... !!! ??? --- «»\n;;\n"}, 1, "", {}),
    ("time: an article of only punctuation", ["time", "{tmp}/p.txt"], {"p.txt": "... !!! ???\n"}, 1, "", {}),
    ("a binary file", ["script", "{tmp}/b.txt"], {"b.txt": bytes(range(256)) * 8}, 1, "", {}),
    ("an unknown --lang", ["script", "{file}", "--lang", "xx"], {}, 2, "xx", {}),
    ("an unknown --to", ["script", "{file}", "--to", "pdf"], {}, 2, "pdf", {}),
    ("an unknown --house", ["script", "{file}", "--house", "nowhere"], {}, 2, "nowhere", {}),
    ("a bad --quotes", ["script", "{file}", "--quotes", "shout"], {}, 2, "shout", {}),
    ("a bad --cast", ["script", "{file}", "--cast", "nobody"], {}, 2, "", {}),
    ("a missing --lexicon", ["script", "{file}", "--lexicon", "{tmp}/gone.toml"], {}, 1, "gone.toml", {}),
    ("a --lexicon with a TOML error", ["script", "{file}", "--lexicon", "{tmp}/l.toml"], {"l.toml": TOML_WITH_A_SYNTAX_ERROR}, 1, "", {}),
    ("a missing --template", ["script", "{file}", "--template", "{tmp}/gone.j2"], {}, 1, "gone.j2", {}),
    ("a binary --template", ["script", "{file}", "--template", "{tmp}/b.j2"], {"b.j2": bytes(range(256))}, 1, "", {}),
    ("an unknown option", ["script", "{file}", "--frobnicate"], {}, 2, "frobnicate", {}),
    ("an unknown command", ["frobnicate"], {}, 2, "", {}),
    ("-o into a missing folder", ["script", "{file}", "-o", "{tmp}/no/such/out.txt"], {}, 1, "", {}),
    ("check --strict -o the input", ["check", "{file}", "-o", "{file}"], {}, 2, "is an input", {}),
    ("time -o the input", ["time", "{file}", "-o", "{file}"], {}, 2, "is an input", {}),
    ("prompter -o the input", ["prompter", "{file}", "-o", "{file}"], {}, 2, "is an input", {}),
    ("prompter --port 99999", ["prompter", "{file}", "--serve", "--port", "99999"], {}, 2, "", {}),
    ("prompter --port abc", ["prompter", "{file}", "--serve", "--port", "abc"], {}, 2, "", {}),
    ("voices --voices missing", ["voices", "--voices", "{tmp}/nope"], {}, 1, "no such folder", {}),
    ("voices --lang xx", ["voices", "--lang", "xx"], {}, 2, "xx", {}),
    # audio: every case fails before anything is rendered
    ("audio without -o", ["audio", "{file}"], {}, 2, "-o", {}),
    ("audio -o the input", ["audio", "{file}", "-o", "{file}"], {}, 2, "written as .mp3 or .wav", {}),
    ("audio -o the input (.mp3)", ["audio", "{tmp}/in.mp3", "--lang", "en", "-o", "{tmp}/in.mp3"], {"in.mp3": ARTICLE}, 2, "is an input", {}),
    ("audio --srt the input", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--srt", "{file}"], {}, 2, "is an input", {}),
    ("audio two outputs in one file", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--srt", "{tmp}/a.mp3"], {}, 2, "", {}),
    ("audio -o an unknown format", ["audio", "{file}", "-o", "{tmp}/a.xyz"], {}, 2, "", {}),
    ("audio --engine unknown", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--engine", "nope"], {}, 2, "nope", {}),
    ("audio --loudness inf", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--loudness", "inf"], {}, 2, "", {}),
    ("audio --loudness nan", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--loudness", "nan"], {}, 2, "", {}),
    ("audio --loudness 1e300", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--loudness", "1e300"], {}, 2, "", {}),
    ("audio a missing --bed", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--bed", "{tmp}/gone.wav"], {}, 1, "gone.wav", {}),
    ("audio a missing --sting", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--sting", "{tmp}/gone.wav"], {}, 1, "gone.wav", {}),
    ("audio --voices missing", ["audio", "{file}", "-o", "{tmp}/a.mp3", "--voices", "{tmp}/nope"], {}, 1, "no such folder", {}),
    *[
        (f"audio BROADCAST_GTTS_URL={url}", ["audio", "{file}", "--lang", "en", "--engine", "gtts", "-o", "{tmp}/a.mp3"], {}, 2,
         "BROADCAST_GTTS_URL", {"BROADCAST_GTTS_URL": url})
        for url in ["nonsense", "ftp://example.org", "http://:99999", "http://[::1", "http://a b", "http://a" + "b" * 5000]
    ],
    ("rundown --audio --loudness nan", ["rundown", "{rundown}", "--audio", "{tmp}/b.mp3", "--loudness", "nan"], {}, 2, "", {}),
    ("rundown --audio the rundown", ["rundown", "{rundown}", "--audio", "{rundown}"], {}, 2, "written as .mp3 or .wav", {}),
    # No output names a file the command reads: a rundown's stories and sounds (prompter too), the house style's
    # files, the voice profiles
    ("prompter RUNDOWN -o its story", ["prompter", "{rundown}", "-o", "{file}"], {}, 2, "is an input", {}),
    ("prompter RUNDOWN -o the rundown", ["prompter", "{rundown}", "-o", "{rundown}"], {}, 2, "is an input", {}),
    ("prompter RUNDOWN -o its sound", ["prompter", "{rundown}", "-o", "{tmp}/s.wav"],
     {"r.toml": RUNDOWN_TEXT + '[[item]]\ntype = "sting"\nslug = "S"\nduration = 5\naudio = "s.wav"\n', "s.wav": b"RIFF"},
     2, "is an input", {}),
    ("prompter RUNDOWN -o its house's file", ["prompter", "{rundown}", "-o", "{tmp}/h/house.toml"],
     {"r.toml": 'house = "h"\n' + RUNDOWN_TEXT, "h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n'}, 2, "is an input", {}),
    ("rundown -o its house's file", ["rundown", "{rundown}", "--to", "json", "-o", "{tmp}/h/house.toml"],
     {"r.toml": 'house = "h"\n' + RUNDOWN_TEXT, "h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n'}, 2, "is an input", {}),
    ("rundown -o a voice profile", ["rundown", "{rundown}", "--voices", "{tmp}/v", "-o", "{tmp}/v/en-anchor.toml"],
     {"v/en-anchor.toml": (ROOT / "voices" / "en-anchor.toml").read_text(encoding="utf-8")}, 2, "is an input", {}),
    ("script -o its house's template", ["script", "{file}", "--house", "{tmp}/h", "--template", "{tmp}/t2.j2", "-o",
     "{tmp}/h/prompter.txt.j2"], {"h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n', "h/prompter.txt.j2": "x",
                                  "t2.j2": "{{ story.title }}"}, 2, "is an input", {}),
    # A batch's outputs (-o DIR/) are checked as a single output is: none is a file of the house style or a lexicon
    ("time batch -o a house's folder holding an output's name", ["time", "{file}", "{tmp}/b.txt", "--house", "{tmp}/h", "-o",
     "{tmp}/h/"], {"b.txt": ARTICLE, "h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n', "h/a.timing.txt": "notes"},
     2, "is an input", {}),
    ("script batch -o a folder holding its lexicon", ["script", "{file}", "{tmp}/b.txt", "--lexicon", "{tmp}/out/a.prompter.txt",
     "-o", "{tmp}/out/"], {"b.txt": ARTICLE, "out/a.prompter.txt": "[names]\n"}, 2, "is an input", {}),
    ("time -o a voice profile", ["time", "{file}", "--voices", "{tmp}/v", "-o", "{tmp}/v/en-anchor.toml"],
     {"v/en-anchor.toml": (ROOT / "voices" / "en-anchor.toml").read_text(encoding="utf-8")}, 2, "is an input", {}),
    ("check -o the house's settings", ["check", "{file}", "--houses", "{tmp}", "--house", "h", "-o", "{tmp}/h/house.toml"],
     {"h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n'}, 2, "is an input", {}),
    ("prompter -o a voice profile", ["prompter", "{file}", "--voices", "{tmp}/v", "-o", "{tmp}/v/en-anchor.toml"],
     {"v/en-anchor.toml": (ROOT / "voices" / "en-anchor.toml").read_text(encoding="utf-8")}, 2, "is an input", {}),
    ("audio --srt the house's settings", ["audio", "{file}", "--house", "{tmp}/h", "-o", "{tmp}/a.mp3", "--srt",
     "{tmp}/h/house.toml"], {"h/house.toml": 'name = "h"\n[channel]\nen = "TV"\n'}, 2, "is an input", {}),
    # "\ud800" is valid JSON but half a character: it crashed every writer (UnicodeEncodeError)
    *[
        (f"JSON lone surrogate ({command})", [command, "{tmp}/s.json"], {"s.json": _story(text=json.dumps(STORY).replace(
            "Today", "Today \\ud800"))}, 1, "\\ud800 is half of a character", {})
        for command in ARTICLE_COMMANDS
    ],
    ("JSON lone low surrogate title", ["script", "-"], {"-": json.dumps(STORY).replace('"T"', '"T\\udc00"')}, 1,
     "half of a character", {}),
    ("--lang a helper module", ["script", "{file}", "--lang", "longwords"], {}, 2, "known: en, kk, ru", {}),
    # A template's own faulty expressions were tracebacks: one line naming the template
    *[
        (f"template {expression}", ["script", "{file}", "--template", "{tmp}/t2.j2"], {"t2.j2": expression}, 1,
         "template t2.j2: ", {})
        for expression in ["{{ 1/0 }}", "{{ 'a' + 1 }}", "{% for i in range(10**9) %}{% endfor %}",
                           "{{ (1, 2) | sum(start='x') }}"]
    ],
    ("rundown over 5 MB", ["rundown", "{rundown}"], {"r.toml": "#" * 5_000_001}, 1, "more than 5 MB", {}),
    ("lexicon over 5 MB", ["script", "{file}", "--lexicon", "{tmp}/l.toml"], {"l.toml": "#" * 5_000_001}, 1,
     "more than 5 MB", {}),
    # A voice profile's absurd numbers: timing overflowed (inf pause) or said 10^290 hours (1e-300 syllables/s)
    *[
        (f"voice profile {key} = {value}", ["time", "{file}", "--voices", "{tmp}/v"], {"v/en-anchor.toml": re.sub(
            f"(?m)^{key} = .*$", f"{key} = {value}", (ROOT / "voices" / "en-anchor.toml").read_text(encoding="utf-8"))},
         1, f"{key} must be", {})
        for key, value in [("read_rate", "inf"), ("read_rate", "nan"), ("read_rate", "1e-300"), ("read_rate", "1e308"),
                           ("pause_sentence", "inf"), ("pause_sentence", "nan"), ("pause_segment", "-5"),
                           ("breath", "-1")]
    ],
    ("presenter read_rate = inf", ["rundown", "{rundown}"],
     {"r.toml": RUNDOWN_TEXT.replace('[[item]]', '[presenters]\n"Ann" = { read_rate = inf }\n[[item]]', 1)}, 1,
     "read_rate must be syllables a second from 1 to 12", {}),
    # A house style's absurd numbers were tracebacks in its templates
    *[
        (f"house {key} = {value}", [command, "{file}", "--house", "{tmp}/h"], {"h/house.toml": re.sub(
            f"(?m)^{key} = .*$", f"{key} = {value}", (ROOT / "templates" / "khabar24" / "house.toml").read_text(encoding="utf-8"))},
         1, f"{key} must be", {})
        for command, key, value in [("script", "prompter_width", "nan"), ("check", "super_width", "inf"),
                                    ("prompter", "prompter_width", "0"), ("time", "pause_after_sting", "inf")]
    ],
    # stdin (`-`): the bytes under "-" are what the command reads; the same one line, nothing written
    ("stdin empty", ["script", "-"], {"-": b""}, 1, "stdin: no text", {}),
    ("stdin white space", ["time", "-"], {"-": b" \n\t\n"}, 1, "stdin: no text", {}),
    ("stdin a PNG", ["check", "-"], {"-": b"\x89PNG\r\n\x1a\n"}, 1, "stdin: this is a PNG image", {}),
    ("stdin a .docx", ["script", "-"], {"-": b"PK\x03\x04" + b"x" * 40}, 1, "ZIP archive", {}),
    ("stdin NUL bytes", ["prompter", "-"], {"-": b"Today\x00 90 people"}, 1, "stdin: binary data (NUL bytes)", {}),
    ("stdin control characters", ["time", "-"], {"-": b"\x1b[2J\x1b[2J\x1b[2J"}, 1, "control characters", {}),
    ("stdin only punctuation", ["script", "-"], {"-": b"... !!! ---\n"}, 1, "nothing to read", {}),
    ("stdin encoding cannot be told", ["time", "-"], {"-": b"hello \xff\xfe\xfd world\n"}, 1, "stdin: not valid UTF-8 at byte 6", {}),
    ("stdin two encodings", ["check", "-"], {"-": "Бүгін мектеп ашылды.\n".encode() + "Сегодня открылась школа.\n".encode("cp1251")},
     1, "mixes two encodings", {}),
    ("stdin over 5 MB", ["script", "-"], {"-": b"a " * 2_500_001}, 1, "stdin: more than 5 MB", {}),
    ("stdin JSON Infinity", ["script", "-"], {"-": _story("Infinity")}, 1, "Infinity", {}),
    ("stdin JSON nested deep", ["time", "-"], {"-": _story(DEEP)}, 1, "nested too deeply", {}),
    ("stdin JSON tape 1e308", ["check", "-"], {"-": _story(segment='"tape": 1e308')}, 1, "at most 24:00:00", {}),
    ("stdin markup unknown section", ["script", "-"], {"-": "[LEAD]\nText.\n[FOO]\nMore.\n"}, 1, "unknown section [FOO]", {}),
    ("stdin 5000-digit slot", ["time", "-", "--slot", DIGITS], {"-": ARTICLE}, 2, "--slot", {}),
    ("stdin to a file, bad", ["script", "-", "-o", "{tmp}/out.txt"], {"-": b""}, 1, "no text", {}),
    ("stdin prompter page, bad", ["prompter", "-", "-o", "{tmp}/p.html"], {"-": b"\x89PNG"}, 1, "PNG image", {}),
    ("stdin audio, bad", ["audio", "-", "-o", "{tmp}/a.mp3"], {"-": b"... ---\n"}, 1, "nothing to read", {}),
    ("stdin audio to stdout", ["audio", "-", "-o", "-"], {"-": ARTICLE}, 2, "written as .mp3 or .wav", {}),
    ("stdin --serve", ["prompter", "-", "--serve"], {"-": ARTICLE}, 2, "give its path, not -", {}),
    ("stdin rundown", ["rundown", "-"], {"-": RUNDOWN_TEXT}, 2, "not from - (stdin)", {}),
    ("stdin --lexicon -", ["script", "-", "--lexicon", "-"], {"-": ARTICLE}, 1, "lexicon -: no such file", {}),
    ("stdin --template -", ["script", "-", "--template", "-"], {"-": ARTICLE}, 1, "no such template", {}),
]


@pytest.mark.parametrize("what, arguments, files, code, said, env", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_one_line_with_its_exit_code(tmp_path, capsys, monkeypatch, what, arguments, files, code, said, env):
    work = tmp_path / "work"
    work.mkdir()
    files = dict(files)
    stdin = files.pop("-", None)  # what the command reads from `-`
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin if isinstance(stdin, bytes) else stdin.encode())))
    (work / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "r.toml").write_text(RUNDOWN_TEXT, encoding="utf-8")
    (work / "t.j2").write_text("{{ cycler.__init__.__globals__.os.popen('id').read() }}", encoding="utf-8")
    for name, data in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    before = {path: path.read_bytes() if path.is_file() else None for path in work.rglob("*")}
    names = {"file": work / "a.txt", "seed": SEED, "tmp": work, "rundown": work / "r.toml"}
    assert main([part.format(**names) for part in arguments]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("broadcast: ") and said in err and "Traceback" not in err, err
    assert {path: path.read_bytes() if path.is_file() else None for path in work.rglob("*")} == before  # nothing left, input unchanged


def test_the_table_covers_every_command_with_80_cases():
    assert len(CASES) >= 80
    assert {case[1][0] for case in CASES} >= {"script", "time", "check", "audio", "voices", "rundown", "prompter"}


@pytest.mark.parametrize("lang, text", [
    ("kk", "Бүгін {} адам келді."), ("en", "Today {} people came."), ("ru", "Сегодня пришли {} человек."),
])
def test_a_5000_digit_number_is_read_digit_group_by_digit_group(lang, text):
    """A figure of 5,000 digits was a traceback (int() refuses 4,300+): beyond 15 digits it is read in groups of three."""
    from broadcast import languages

    language = languages.get(lang)
    said = language.spoken(text.format("1" + "0" * 4998 + "7"))
    assert not any(character.isdigit() for character in said)
    assert said.count(",") >= 1666
    assert language.spoken(text.format("123456789012345")) != language.spoken(text.format("123,456,789,012,345,678"))


@pytest.mark.parametrize("text", [
    "[VO] Today 90 people came to the square.\nThey stayed for an hour.\n",
    "[Photo: Reuters]\nToday 90 people came to the square.\n",
    "# a note\n[VO]: Today 90 people came to the square.\n",
])
def test_an_article_opening_with_a_bracket_is_an_article_not_bad_markup(text):
    """A first line starting with `[VO] ` was refused as bad markup: only `# broadcast markup` or a known header
    alone on the first line makes a file markup."""
    from broadcast.parse import markup, parse_text

    assert not markup.is_markup(text)
    assert "90 people came" in " ".join(line.text for line in parse_text(text, language="en").lines)
    assert markup.is_markup("[LEAD]\nText.\n") and markup.is_markup("\ufeff# broadcast markup\n[VO]\nText.\n")
    assert markup.is_markup("# title: T\n\n[SOT Ann Lee | minister | 0:12]\nText.\n")


def test_a_stray_byte_names_its_real_offset_and_cp1251_still_reads():
    """A UTF-8 file with one stray byte was read as cp1251 and garbled silently; real cp1251 still reads."""
    data = _utf8_with_a_stray_byte()
    offset = data.index(b"\xff")
    with pytest.raises(Exception, match=f"at byte {offset} "):
        decode(data)
    russian = "Ирина Новикова, доктор экономических наук:\n- Беларусь намерена торговать.\n".encode("cp1251")
    assert decode(russian).startswith("Ирина Новикова")


def test_control_characters_never_reach_a_mos_file(tmp_path):
    """A \\x01 in a line or a slug made the MOS file ill-formed (exit 0): every file written must parse with a
    strict XML parser (lxml, recover off), whatever the rundown and its stories hold."""
    folder = tmp_path / "show"
    shutil.copytree(RUNDOWN.parent, folder)
    rundown = folder / RUNDOWN.name
    hostile = "\\u0001\\u001b[31m\\uFFFE\\uFFFF]]><&amp;\\u0085\\u009b\\u202e"
    rundown.write_text(rundown.read_text(encoding="utf-8").replace('slug = "BELARUS"', f'slug = "BEL{hostile}ARUS"')
                       .replace('presenter = "Дмитрий Ким"', f'presenter = "Дмитрий{hostile} Ким"'), encoding="utf-8")
    story = folder / "khabar24-belarus-kk.txt"
    text = story.read_text(encoding="utf-8").replace("Беларусь", "Бела\x01русь\x1b[31m\ufffe\uffff]]><&amp;\x9b", 1)
    story.write_text(text.replace("Ирина Новикова", "Ирина\x02 Новикова <b>", 1), encoding="utf-8")
    assert main(["rundown", str(rundown), "--to", "mos", "-o", str(tmp_path / "out.mos")]) == 0
    files = sorted((tmp_path / "out.mos").iterdir())
    assert len(files) > 5
    strict = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    for path in files:
        root = etree.fromstring(path.read_bytes(), strict)  # raises on any character XML cannot carry
        ElementTree.fromstring(path.read_bytes())
        assert root.tag == "mos"
    slugs = [slug.text for path in files for slug in etree.parse(str(path), strict).iter("storySlug")]
    assert "BEL[31m]]><&amp;\x85\x9b\u202eARUS" in slugs  # only what XML cannot carry is dropped


def test_a_file_name_that_is_not_utf8_is_no_traceback(tmp_path, capsys, monkeypatch):
    """A name with bytes that are not UTF-8 (Linux allows any) reached the prompter's page id and the parsed-TOML
    cache key as a lone surrogate: UnicodeEncodeError, a traceback."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article = tmp_path / "a\udcfe.txt"  # the bytes b"a\xfe.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    lexicon = tmp_path / "l\udcfd.toml"
    lexicon.write_text("[say]\n", encoding="utf-8")
    assert main(["prompter", str(article), "-o", str(tmp_path / "p.html")]) == 0
    assert main(["script", str(article), "--lexicon", str(lexicon)]) == 0
    assert main(["time", str(tmp_path / "gone\udcff.txt")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1 and "no such file" in err
