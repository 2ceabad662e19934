"""The command line end to end: each command, exit codes, one-line errors, atomic outputs."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from broadcast.cli import main

from conftest import ROOT, SEED

AUDIO_MODULES = ("pydub", "gtts", "audioop", "espeakng_loader", "imageio_ffmpeg", "broadcast.engines", "broadcast.audio")


def run(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "broadcast", *map(str, args)], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_script_json_on_seed():
    result = run("script", SEED, "--to", "json")
    assert result.returncode == 0, result.stderr
    story = json.loads(result.stdout)
    assert (story["language"], story["source"]) == ("kk", "Хабар 24")
    assert [s["kind"] for s in story["segments"]] == ["lead", "vo", "sot", "vo", "sot", "vo"]
    assert story["segments"][2]["speaker"]["name"] == "Ирина Новикова"
    assert story["duration"] == pytest.approx(sum(s["duration"] for s in story["segments"]), abs=1e-6)
    assert {"line": 5, "message": "duplicate of line 1; read once", "kind": "duplicate"} in story["warnings"]
    # The check's findings ride along, each with its line and kind.
    assert {(w["line"], w["kind"]) for w in story["warnings"]} >= {(29, "figures"), (30, "figures"), (31, "figures")}


@pytest.mark.parametrize("slot", ["1:30", "90s", "1.5m", "90"])
def test_slot_forms_agree(slot, capsys):
    assert main(["time", str(SEED), "--slot", slot]) == 0
    [row] = [row for row in capsys.readouterr().out.splitlines() if row.startswith("SLOT")]
    assert row.split()[-1] == "1:30"


def test_stdin_and_stdout_dash():
    result = run("script", "-", "--to", "json", "-o", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0 and json.loads(result.stdout)["language"] == "kk"


def test_time_table_with_slot():
    result = run("time", SEED, "--slot", "1:30")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "OVER" in out and "To fit, cut" in out and "line 30 " in out
    assert "line 32" not in out  # the sign-off is never offered
    assert out.count("Ирина Новикова") == 2


def test_script_path_imports_no_audio_library():
    code = (
        "import sys, io, contextlib; from broadcast.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['script', {str(SEED)!r}, '--to', 'json'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {AUDIO_MODULES!r} or m in {AUDIO_MODULES!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_help_on_every_command():
    from broadcast.commands import COMMANDS

    for command in ["--help", *([c.NAME, "--help"] for c in COMMANDS)]:
        args = command if isinstance(command, list) else [command]
        result = run(*args)
        assert result.returncode == 0 and b"usage: broadcast" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["script", "a.txt", "--to", "prompter"],
        ["time", "a.txt", "b.txt", "-o", "out/", "--jobs", "2", "--slot", "1:30"],
        ["check", "-", "--lang", "kk", "--cast", "anchor=x"],
        ["rundown", "evening.toml", "--to", "json"],
        ["voices", "--json"],
        ["prompter", "a.txt"],
        ["audio", "a.txt", "-o", "draft.mp3", "--no-conform"],
    ],
)
def test_the_parser_of_one_command_reads_its_arguments_as_the_whole_parser_does(argv):
    from broadcast.cli import _command_named, build_parser

    assert _command_named(argv) == argv[0]
    whole, alone = build_parser().parse_args(argv), build_parser(_command_named(argv)).parse_args(argv)
    assert vars(alone) == vars(whole)


def test_a_command_is_named_after_its_module_and_only_it_is_imported_to_run_it():
    from broadcast.commands import COMMANDS, names

    assert [command.NAME for command in COMMANDS] == names() and names()[0] == "script"
    assert all(command.__name__ == f"broadcast.commands.{command.NAME}" for command in COMMANDS)
    code = (
        "import sys, io, contextlib; from broadcast.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['script', {str(SEED)!r}, '--to', 'prompter'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('broadcast.commands.') and '._' not in m))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['broadcast.commands.script']"


def test_the_program_leaves_with_its_output_flushed_its_exit_code_and_its_atexit_functions_run(tmp_path):
    code = (
        "import atexit, sys; from broadcast.cli import leave\n"
        f"atexit.register(lambda: open({str(tmp_path / 'ran')!r}, 'w').close())\n"
        "sys.stdout.write('written, never flushed'); leave(3)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (3, "written, never flushed", "")
    assert (tmp_path / "ran").exists()


def test_the_top_level_help_lists_every_command_with_its_help():
    from broadcast.commands import COMMANDS

    listed = run("--help").stdout.decode()
    for command in COMMANDS:
        assert command.NAME in listed and command.HELP.split()[0] in listed


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["script", "/nonexistent/a.txt"], 1, "no such file"),
        (["script", "{emptydir}"], 2, "no articles in it"),  # a folder is many articles (tests/test_speed.py)
        (["script", "{empty}"], 1, "no text"),
        (["script", "{blank}"], 1, "no text"),
        (["script", "{png}"], 1, "this is a PNG image"),
        (["script", "{nul}"], 1, "binary data"),
        (["script", "{bad_markup}"], 1, "line 2: unknown section [FOO]"),
        (["script", str(SEED), "--to", "pdf"], 2, "unknown format 'pdf'"),
        (["script", str(SEED), "--lang", "xx"], 2, "unknown language 'xx'"),
        (["script", str(SEED), "--slot", "1:75"], 2, "--slot"),
        (["script", str(SEED), "--slot", "soon"], 2, "--slot"),
        # A bare number under 10 may mean minutes: refused, with the forms that say which.
        (["script", str(SEED), "--slot", "1.5"], 2, "--slot 1.5: seconds or minutes? write it as 1:30, 90s or 1.5m"),
        (["time", str(SEED), "--slot", "9"], 2, "write it as 1:30, 90s or 1.5m"),
        (["script", str(SEED), "--template", "{tmp}/none.j2"], 1, "no such template"),
        (["script", str(SEED), "--cast", "anchor"], 2, "--cast takes ROLE=VOICE"),
        (["script", str(SEED), "--cast", "anchor=nobody"], 1, "unknown voice profile 'nobody'"),
        (["script"], 2, "arguments are required"),
        (["nonsense"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_exit_code(args, code, message, tmp_path):
    files = {
        "tmp": tmp_path,
        "emptydir": tmp_path / "nothing",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "png": tmp_path / "x.png",
        "nul": tmp_path / "nul.txt",
        "bad_markup": tmp_path / "bad.txt",
    }
    files["emptydir"].mkdir()
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \n\n\t\n")
    files["png"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    files["nul"].write_bytes(b"abc\x00def")
    files["bad_markup"].write_text("[LEAD]\n[FOO]\nСөз\n")
    result = run(*[a.format(**files) for a in args])
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert err.count("\n") == 1 and err.startswith("broadcast: ") and message in err
    assert "Traceback" not in err and result.stdout == b""


def test_output_is_atomic_and_input_untouched(tmp_path, monkeypatch, capsys):
    before = SEED.read_bytes()
    out = tmp_path / "script.md"
    out.write_text("previous version\n")
    assert main(["script", str(SEED), "--to", "script", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    # A failure while writing leaves the previous file as it was and no temp files behind.
    import broadcast.output as output

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    good = out.read_bytes()
    assert main(["script", str(SEED), "--to", "script", "-o", str(out)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["script.md"]
    assert SEED.read_bytes() == before


def test_output_into_missing_folder(tmp_path, capsys):
    assert main(["script", str(SEED), "-o", str(tmp_path / "no" / "out.txt")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_user_template(tmp_path):
    template = tmp_path / "mine.txt.j2"
    template.write_text("{{ story.title[:8] }}|{% for s in segments %}{{ s.segment.kind }}:{{ s.timing.duration }};{% endfor %}")
    result = run("script", SEED, "--template", template)
    out = result.stdout.decode()
    assert result.returncode == 0 and out.startswith("Беларусь|lead:")
    assert out.count("sot:") == 2


def test_broken_user_template_is_one_line(tmp_path):
    template = tmp_path / "bad.j2"
    template.write_text("{{ story.no_such_field }}")
    result = run("script", SEED, "--template", template)
    assert result.returncode == 1 and b"template bad.j2" in result.stderr and b"Traceback" not in result.stderr


def test_python_dash_m_and_console_script_agree():
    script = os.path.join(os.path.dirname(sys.executable), "broadcast")
    if not os.path.exists(script):
        pytest.skip("console script not installed in this environment")
    a = subprocess.run([script, "script", str(SEED), "--to", "json"], capture_output=True, timeout=60).stdout
    assert a == run("script", SEED, "--to", "json").stdout


def test_format_follows_output_extension(tmp_path):
    assert main(["script", str(SEED), "-o", str(tmp_path / "s.json")]) == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["language"] == "kk"
    assert main(["script", str(SEED), "-o", str(tmp_path / "s.md")]) == 0
    assert (tmp_path / "s.md").read_text(encoding="utf-8").startswith("# ")
