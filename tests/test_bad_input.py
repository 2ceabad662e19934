"""Bad input is one clear line: a table of cases across the commands (exit code, one stderr line, no traceback,
no file left, input unchanged), and the escaping of what reaches XML."""
from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree

import pytest

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


CASES = [
    # (what, arguments, stdin or a file's bytes, exit code, words in the one line)
    ("stray byte in UTF-8", ["script", "{file}"], _utf8_with_a_stray_byte(), 1, "not valid UTF-8 at byte"),
    ("missing --voices folder", ["script", "{seed}", "--voices", "{tmp}/nope"], None, 1, "no such folder"),
    ("missing --voices folder (time)", ["time", "{seed}", "--voices", "{tmp}/nope"], None, 1, "no such folder"),
    ("output is the input", ["script", "{file}", "-o", "{file}"], SEED.read_bytes(), 2, "is an input"),
    ("template outside the sandbox", ["script", "{seed}", "--template", "{tmp}/t.j2"], None, 1, "template t.j2"),
]


@pytest.mark.parametrize("what, arguments, data, code, said", CASES, ids=[case[0] for case in CASES])
def test_bad_input_is_one_line_with_its_exit_code(tmp_path, capsys, what, arguments, data, code, said):
    article = tmp_path / "a.txt"
    if data is not None:
        article.write_bytes(data)
    (tmp_path / "t.j2").write_text("{{ cycler.__init__.__globals__.os.popen('id').read() }}", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    names = {"file": article, "seed": SEED, "tmp": tmp_path}
    assert main([part.format(**names) for part in arguments]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "Traceback" not in err, err
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # nothing left, input unchanged


def test_a_stray_byte_names_its_real_offset_and_cp1251_still_reads():
    """A UTF-8 file with one stray byte was read as cp1251 and garbled silently; real cp1251 still reads."""
    data = _utf8_with_a_stray_byte()
    offset = data.index(b"\xff")
    with pytest.raises(Exception, match=f"at byte {offset} "):
        decode(data)
    russian = "Ирина Новикова, доктор экономических наук:\n- Беларусь намерена торговать.\n".encode("cp1251")
    assert decode(russian).startswith("Ирина Новикова")


def test_control_characters_never_reach_a_mos_file(tmp_path):
    """A \\x01 in a line or a slug made the MOS file ill-formed (exit 0): every file written must parse."""
    folder = tmp_path / "show"
    shutil.copytree(RUNDOWN.parent, folder)
    rundown = folder / RUNDOWN.name
    rundown.write_text(rundown.read_text(encoding="utf-8").replace('slug = "BELARUS"', 'slug = "BEL\\u0001ARUS"'), encoding="utf-8")
    story = folder / "khabar24-belarus-kk.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("Беларусь", "Бела\x01русь\x1b[31m", 1), encoding="utf-8")
    assert main(["rundown", str(rundown), "--to", "mos", "-o", str(tmp_path / "out.mos")]) == 0
    files = sorted((tmp_path / "out.mos").iterdir())
    assert files
    for path in files:
        ElementTree.fromstring(path.read_bytes())  # strict: raises on any character XML cannot carry
        try:
            from lxml import etree
        except ImportError:
            continue
        etree.fromstring(path.read_bytes(), etree.XMLParser(recover=False))
