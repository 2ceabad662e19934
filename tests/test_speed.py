"""The script path at full speed: what is read once per process, and read again after an edit."""
from __future__ import annotations

import os

from broadcast.house import load_house
from broadcast.voices import load_voices


def _touch_later(path, seconds: int = 5) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_voice_profiles_are_read_once_and_again_after_an_edit(tmp_path):
    profile = tmp_path / "mine.toml"
    profile.write_text('name = "mine"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 4.0\n', encoding="utf-8")
    first = load_voices([tmp_path])
    assert load_voices([tmp_path])["mine"] is first["mine"]  # the same objects: nothing was read again
    profile.write_text('name = "mine"\nlanguage = "kk"\nrole = "anchor"\nread_rate = 6.0\n', encoding="utf-8")
    _touch_later(profile)
    assert load_voices([tmp_path])["mine"].read_rate == 6.0


def test_a_house_style_is_read_once_and_again_after_an_edit(tmp_path):
    settings = tmp_path / "house.toml"
    settings.write_text('[channel]\nkk = "Біздің арна"\n', encoding="utf-8")
    assert load_house(str(tmp_path)) is load_house(str(tmp_path))
    settings.write_text('[channel]\nkk = "Жаңа арна"\n', encoding="utf-8")
    _touch_later(settings)
    assert load_house(str(tmp_path)).channel_name("kk") == "Жаңа арна"
