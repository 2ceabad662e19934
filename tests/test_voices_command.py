"""`broadcast voices`: every profile with its engine's readiness, as a table or JSON, no network asked."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from broadcast.cli import main

from conftest import ROOT

PACKAGED = [f"{lang}-{role}" for lang in ("en", "kk", "ru") for role in ("anchor", "guest-female", "guest-male", "reporter")]

EXTRA = {
    "ru-gtts.toml": 'name = "ru-gtts"\nlanguage = "ru"\nrole = "anchor"\nread_rate = 5.0\n[engine]\nname = "gtts"\n',
    "kk-gtts.toml": 'name = "kk-gtts"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 5.0\n[engine]\nname = "gtts"\n',
    "kk-piper.toml": (
        'name = "kk-piper"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 5.0\n'
        '[engine]\nname = "piper"\nmodel = "/nowhere/kk_KZ-issai-high.onnx"\n'
    ),
    "kk-odd.toml": 'name = "kk-odd"\nlanguage = "kk"\nrole = "guest"\nread_rate = 5.0\n[engine]\nname = "festival"\n',
}


@pytest.fixture(autouse=True)
def no_user_voices(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def voices_json(capsys, *args: str) -> dict[str, dict]:
    assert main(["voices", "--json", *args]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_lists_the_twelve_packaged_profiles_ready_offline(capsys):
    rows = voices_json(capsys)
    assert sorted(rows) == sorted(PACKAGED)
    for row in rows.values():
        assert (row["engine"], row["ready"], row["online"], row["status"]) == ("espeak", True, False, "ready, offline")
    assert rows["kk-guest-female"]["gender"] == "female" and rows["kk-reporter"]["read_rate"] == 5.2


def test_table_has_a_row_per_profile_with_its_status(capsys):
    assert main(["voices"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["VOICE", "LANG", "ROLE", "GENDER", "RATE", "ENGINE", "STATUS"]
    assert len(lines) == 13 and all(line.endswith("ready, offline") for line in lines[1:])


def test_extra_folders_show_why_an_engine_cannot_speak(tmp_path, capsys):
    for name, text in EXTRA.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = voices_json(capsys, "--voices", str(tmp_path))
    assert len(rows) == 16
    assert (rows["ru-gtts"]["ready"], rows["ru-gtts"]["online"], rows["ru-gtts"]["status"]) == (True, True, "online, needs network")
    assert not rows["kk-gtts"]["ready"] and "use espeak" in rows["kk-gtts"]["status"]
    assert (rows["kk-piper"]["ready"], rows["kk-piper"]["status"]) == (False, "model missing")
    assert not rows["kk-odd"]["ready"] and "unknown engine 'festival'" in rows["kk-odd"]["status"]


def test_the_users_own_profiles_are_listed(tmp_path, capsys):
    folder = tmp_path / "config" / "broadcast" / "voices"
    folder.mkdir(parents=True)
    (folder / "ru-gtts.toml").write_text(EXTRA["ru-gtts.toml"], encoding="utf-8")
    assert "ru-gtts" in voices_json(capsys)


def test_lang_filters_and_an_unknown_one_is_a_usage_error(capsys):
    assert sorted(voices_json(capsys, "--lang", "kk")) == [name for name in PACKAGED if name.startswith("kk")]
    assert main(["voices", "--lang", "xx"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_cli_prints_nothing_on_stderr(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "broadcast", "voices"], capture_output=True, text=True, env=env)
    assert result.returncode == 0 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 13
