"""`broadcast rundown` end to end: every output of the example bulletin, and bad rundowns as one-line
errors naming the item, exit 1, nothing written."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import broadcast
from broadcast.cli import main

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "evening-bulletin.toml"
ON_AIR = ["OPEN", "BELARUS", "SCHOOLS", "HARVEST", "BREAK 1", "BACK", "METRO", "WEATHER", "CLOSE"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "broadcast", "rundown", *map(str, args)], capture_output=True, cwd=ROOT, timeout=120)


def test_table_by_default(tmp_path):
    result = run(EXAMPLE)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    for slug in ON_AIR:
        assert slug in out
    assert "FOOTBALL" not in out.split("Floated")[0]  # floated: named, never timed
    assert "19:00:00" in out and "UNDER" in out and "\033[" not in out  # no colour in a pipe
    assert "Айгерім Сәрсенова" in out and "Дмитрий Ким" in out and "A1" in out and "B1" in out


def test_colours_only_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert main(["rundown", str(EXAMPLE), "--slot", "5:00"]) == 0
    out = capsys.readouterr().out
    assert "\033[31mOVER" in out  # the bulletin over, in red
    assert "\033[31mA2 " in out  # BELARUS runs over its own slot


def test_json_carries_the_story_contract_and_the_clock():
    result = run(EXAMPLE, "--to", "json")
    bulletin = json.loads(result.stdout)
    assert [item["slug"] for item in bulletin["items"]] == ON_AIR
    assert bulletin["floated"] == ["FOOTBALL"]
    belarus = bulletin["items"][1]
    single = json.loads(broadcast.load(ROOT / "examples" / "khabar24-belarus-kk.txt", slot=165).render("json"))
    assert belarus["story"] == single  # the same contract as `broadcast script --to json`
    assert belarus["estimate"] == single["duration"] and belarus["hit_clock"] == "19:00:12"
    for item, following in zip(bulletin["items"], bulletin["items"][1:]):
        assert following["hit"] == pytest.approx(item["hit"] + item["estimate"], abs=1e-6)
    last = bulletin["items"][-1]
    assert last["back"] + last["estimate"] == pytest.approx(bulletin["hard_out"]["s"], abs=1e-6)
    assert bulletin["start"]["clock"] == "19:00:00" and bulletin["hard_out"]["clock"] == "19:10:00"


@pytest.mark.parametrize("to, expected", [("prompter", "[OFF AIR]"), ("script", "| PAGE | SLUG |")])
def test_prompter_and_script_hold_every_item_in_order(to, expected, tmp_path):
    out = tmp_path / f"bulletin.{to}"
    assert main(["rundown", str(EXAMPLE), "--to", to, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert expected in text
    places = [text.index(f"{slug}  " if to == "prompter" else f"· {slug} ·") for slug in ON_AIR]
    assert places == sorted(places)
    assert "· FOOTBALL ·" not in text and "FOOTBALL  " not in text  # floated: at most named, never scripted
    assert "Ирина Новикова" in text and "Марат Искаков" in text


def test_start_and_slot_override_the_file():
    bulletin = json.loads(run(EXAMPLE, "--to", "json", "--start", "21:30", "--slot", "4:00").stdout)
    assert bulletin["start"]["clock"] == "21:30:00" and bulletin["hard_out"]["clock"] == "21:34:00"
    assert bulletin["over"] > 0 and bulletin["fit"]["fits"] and (bulletin["fit"]["cuts"] or bulletin["fit"]["floats"])


def test_mos_folder_is_replaced_whole_and_refuses_a_foreign_folder(tmp_path, capsys):
    out = tmp_path / "bulletin.mos"
    assert main(["rundown", str(EXAMPLE), "--to", "mos", "-o", str(out)]) == 0
    first = sorted(p.name for p in out.iterdir())
    assert first[0] == "0001-roCreate.mos.xml" and len(first) == 1 + len(ON_AIR)
    assert main(["rundown", str(EXAMPLE), "--to", "mos", "-o", str(out)]) == 0  # an earlier export is replaced
    assert sorted(p.name for p in out.iterdir()) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bulletin.mos"]  # no temporary folders left
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    assert main(["rundown", str(EXAMPLE), "--to", "mos", "-o", str(foreign)]) == 1
    assert "not replacing it" in capsys.readouterr().err and (foreign / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--to", "pdf"], "unknown bulletin format 'pdf'"),
        (["--to", "mos"], "--to mos writes a folder"),
        (["--start", "25:00"], "--start"),
        (["--slot", "soon"], "--slot"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run(EXAMPLE, *args)
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and message in err, err


GOOD_ITEMS = """
[[item]]
type = "sting"
slug = "OPEN"
duration = 10

[[item]]
type = "story"
slug = "BELARUS"
file = "stories/belarus.txt"
"""
HEAD = 'title = "T"\nstart = "19:00:00"\nslot = "10:00"\n'


@pytest.mark.parametrize(
    "rundown, message",
    [
        (GOOD_ITEMS, "missing key 'title'"),
        ('title = "T"\nslot = "10:00"\n' + GOOD_ITEMS, "missing key 'start'"),
        ('title = "T"\nstart = "19:00"\n' + GOOD_ITEMS, "give either 'slot'"),
        (HEAD.replace("19:00:00", "25:00:00") + GOOD_ITEMS, "start: '25:00:00' is not a time of day"),
        (HEAD.replace('"10:00"', '"1:75"') + GOOD_ITEMS, "slot: '1:75': seconds must be under 60"),
        (HEAD, "no items"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nfile = "stories/belarus.txt"\n', "item 3: missing key 'slug'"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\n', "item 3 (X): a story needs the key 'file'"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "break"\nslug = "X"\n', "item 3 (X): a break needs the key 'duration'"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "break"\nslug = "X"\nduration = "2:xx"\n', "item 3 (X): duration:"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "news"\nslug = "X"\n', "item 3 (X): unknown type 'news'"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "stories/belarus.txt"\nreporter = "Y"\n', "item 3 (X): unknown key 'reporter'"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "stories/none.txt"\n', "item 3 (X): file 'stories/none.txt': no such file"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "../outside.txt"\n', "item 3 (X): file '../outside.txt' is outside"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "belarus"\nfile = "stories/belarus.txt"\n', "item 3 (belarus): duplicate slug: item 2"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "rundown.toml"\n', "item 3 (X): file 'rundown.toml' is the rundown itself (a loop)"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "other.toml"\n', "item 3 (X): file 'other.toml' is a rundown"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "stories/bad.txt"\n', "item 3 (X): stories/bad.txt: line 3: unknown section [FOO]"),
        (HEAD + GOOD_ITEMS + '[[item]]\ntype = "story"\nslug = "X"\nfile = "stories/empty.txt"\n', "item 3 (X): stories/empty.txt: no text"),
        (HEAD + GOOD_ITEMS.replace('file = "stories/belarus.txt"', 'file = "stories/belarus.txt"\nfloat = true').replace("duration = 10", "duration = 10\nfloat = true"), "every item is floated"),
        (HEAD + "[[item]\n", "not valid TOML"),
        (HEAD + GOOD_ITEMS + 'lang = "xx"\n', "item 2 (BELARUS): unknown language 'xx'"),
        (HEAD + GOOD_ITEMS + 'voice = "nobody"\n', "item 2 (BELARUS): unknown voice profile 'nobody'"),
        (HEAD + 'house = "nohouse"\n' + GOOD_ITEMS, "rundown.toml: unknown house style 'nohouse'"),
        (HEAD + GOOD_ITEMS.replace("duration = 10", "duration = 10\nfile = 'stories/belarus.txt'"), "item 1 (OPEN): a sting has no 'file'"),
    ],
)
def test_bad_rundowns_are_one_line_exit_1_nothing_written(rundown, message, tmp_path):
    folder = tmp_path / "show"
    (folder / "stories").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "khabar24-belarus-kk.txt", folder / "stories" / "belarus.txt")
    (folder / "stories" / "bad.txt").write_text("# broadcast markup\n[LEAD]\n[FOO]\nСөз\n", encoding="utf-8")
    (folder / "stories" / "empty.txt").write_text("", encoding="utf-8")
    (folder / "other.toml").write_text(HEAD + GOOD_ITEMS, encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Сөз.\n", encoding="utf-8")
    (folder / "rundown.toml").write_text(rundown, encoding="utf-8")
    for to in ("table", "mos"):
        out = tmp_path / f"out.{to}"
        result = run(folder / "rundown.toml", "--to", to, "-o", out)
        err = result.stderr.decode()
        assert result.returncode == 1, err
        assert err.count("\n") == 1 and err.startswith("broadcast: rundown.toml") and message in err, err
        assert "Traceback" not in err and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside.txt", "show"]


def test_audio_seam_hands_the_bulletin_and_the_draft_options(tmp_path, monkeypatch):
    import broadcast.api

    received = []

    from broadcast.commands import rundown

    monkeypatch.setattr(broadcast.api, "bulletin_audio", lambda bulletin, out, **options: received.append((bulletin, out, options)))
    monkeypatch.setattr(rundown, "report", lambda draft: "")
    out, cache = tmp_path / "draft.wav", tmp_path / "c"
    arguments = ["-o", str(tmp_path / "t.txt"), "--audio", str(out), "--loudness", "-16", "--cache", str(cache)]
    assert main(["rundown", str(EXAMPLE), *arguments]) == 0
    (bulletin, given, options), = received
    assert given == str(out) and [item.slug for item in bulletin.items] == ON_AIR
    assert all((item.timed is None) == (item.kind != "story") for item in bulletin.items)
    assert options["loudness"] == -16 and options["conform"] and options["cache"] == cache
    # -o is made before the render and handed over, to land together with the draft (all or nothing)
    (table,) = options["also_writes"]
    assert table.target == str(tmp_path / "t.txt") and "BELARUS" in table.data
    assert not (tmp_path / "t.txt").exists()


@pytest.mark.parametrize("audio, code, message", [("nowhere/b.mp3", 1, "does not exist"), ("b.ogg", 2, ".mp3 or .wav")])
def test_a_bad_audio_path_is_one_line_and_writes_nothing(tmp_path, audio, code, message):
    result = run(EXAMPLE, "-o", tmp_path / "table.txt", "--audio", tmp_path / audio)
    err = result.stderr.decode()
    assert result.returncode == code and err.count("\n") == 1 and message in err and "Traceback" not in err, err
    assert list(tmp_path.iterdir()) == []


def test_format_follows_output_extension(tmp_path):
    assert main(["rundown", str(EXAMPLE), "-o", str(tmp_path / "b.json")]) == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["floated"] == ["FOOTBALL"]
    assert main(["rundown", str(EXAMPLE), "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# ")
    assert main(["rundown", str(EXAMPLE), "-o", str(tmp_path / "b.mos")]) == 0
    assert (tmp_path / "b.mos" / "0001-roCreate.mos.xml").is_file()
