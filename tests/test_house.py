"""House styles: found by name on the search path, or as a folder inside the rundown's folder; nothing else."""
from __future__ import annotations

import shutil

import pytest

from broadcast.cli import main
from broadcast.errors import InputError
from broadcast.house import load_house
from broadcast.resources import packaged
from broadcast.rundown import load_bulletin

from conftest import SEED

RUNDOWN = """title = "T"
start = "19:00:00"
slot = "5:00"
house = "{house}"

[[item]]
type = "story"
slug = "ONE"
file = "story.txt"
"""


def _house(folder, channel="Outside TV"):
    """A house style that says where it was loaded from, in its prompter template."""
    shutil.copytree(packaged("templates") / "khabar24", folder)
    (folder / "house.toml").write_text(f'name = "{folder.name}"\n[channel]\nkk = "{channel}"\n', encoding="utf-8")
    (folder / "rundown" / "table.txt.j2").write_text("HOUSE {{ house.name }}\n", encoding="utf-8")
    return folder


def _rundown(folder, house):
    folder.mkdir(exist_ok=True)
    shutil.copy(SEED, folder / "story.txt")
    (folder / "ev.toml").write_text(RUNDOWN.format(house=house), encoding="utf-8")
    return folder / "ev.toml"


@pytest.mark.parametrize("reach", ["{outside}", "../outside", "sub/../../outside", "link"])
def test_a_rundown_cannot_load_a_house_outside_its_folder(tmp_path, capsys, reach):
    outside = _house(tmp_path / "outside")
    rundown = _rundown(tmp_path / "news", reach.format(outside=outside))
    (tmp_path / "news" / "sub").mkdir()
    (tmp_path / "news" / "link").symlink_to(outside)
    with pytest.raises(InputError, match="outside the rundown's folder"):
        load_bulletin(rundown)
    assert main(["rundown", str(rundown)]) == 1
    err = capsys.readouterr().err
    assert "outside the rundown's folder" in err and err.count("\n") == 1


def test_a_house_inside_the_rundown_s_folder_cannot_link_a_template_outside_it(tmp_path, capsys):
    outside = _house(tmp_path / "outside")
    (outside / "rundown" / "table.txt.j2").write_text("SECRET-OUTSIDE\n", encoding="utf-8")
    _house(tmp_path / "news" / "ours")
    (tmp_path / "news" / "ours" / "rundown" / "table.txt.j2").unlink()
    (tmp_path / "news" / "ours" / "rundown" / "table.txt.j2").symlink_to(outside / "rundown" / "table.txt.j2")
    assert main(["rundown", str(_rundown(tmp_path / "news", "ours"))]) == 1
    captured = capsys.readouterr()
    assert "SECRET" not in captured.out and "is a link out of its folder" in captured.err and captured.err.count("\n") == 1


def test_a_rundown_loads_a_house_inside_its_folder_and_by_name_from_houses(tmp_path, capsys):
    _house(tmp_path / "news" / "ours")
    rundown = _rundown(tmp_path / "news", "ours")
    assert main(["rundown", str(rundown)]) == 0
    assert capsys.readouterr().out == "HOUSE ours\n"
    _house(tmp_path / "shelf" / "shelved")
    rundown = _rundown(tmp_path / "news", "shelved")
    assert main(["rundown", str(rundown)]) == 1  # not on the search path
    capsys.readouterr()
    assert main(["rundown", str(rundown), "--houses", str(tmp_path / "shelf")]) == 0
    assert capsys.readouterr().out == "HOUSE shelved\n"


def test_the_user_houses_folder_is_on_the_search_path(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _house(tmp_path / "config" / "broadcast" / "houses" / "mine", channel="Mine TV")
    assert load_house("mine").channel_name("kk") == "Mine TV"
    assert load_house("khabar24").name == "khabar24"  # the packaged one stays found


def test_house_on_the_command_line_is_a_name_or_a_folder_inside_the_article_s(tmp_path, capsys):
    """`--house PATH` took any folder: like a rundown's house it is a name on the search path, a folder inside
    the article's folder, or inside a `--houses DIR` the user pointed at."""
    import shutil

    from broadcast.cli import main

    from conftest import ROOT, SEED

    elsewhere = tmp_path / "elsewhere" / "myhouse"
    shutil.copytree(ROOT / "templates" / "khabar24", elsewhere)
    desk = tmp_path / "desk"
    desk.mkdir()
    article = desk / "a.txt"
    shutil.copy(SEED, article)
    shutil.copytree(ROOT / "templates" / "khabar24", desk / "ours")
    for command in (["script", str(article)], ["time", str(article)], ["check", str(article)],
                    ["prompter", str(article), "-o", str(tmp_path / "p.html")],
                    ["audio", str(article), "-o", str(tmp_path / "a.mp3")]):
        for house in (str(elsewhere), str(desk / "ours" / ".." / ".." / "elsewhere" / "myhouse")):
            assert main([*command, "--house", house]) == 2, command
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and "a folder inside the article's folder" in err and "--houses" in err
        link = desk / "link"
        link.symlink_to(elsewhere, target_is_directory=True) if not link.exists() else None
        assert main([*command, "--house", str(link)]) == 2  # a link out of the folder is outside it
        capsys.readouterr()
    assert not (tmp_path / "p.html").exists() and not (tmp_path / "a.mp3").exists()
    # What stays usable: a folder inside the article's folder, a --houses DIR, a name, stdin from the current folder.
    assert main(["time", str(article), "--house", str(desk / "ours")]) == 0
    assert main(["time", str(article), "--houses", str(elsewhere.parent), "--house", str(elsewhere)]) == 0
    assert main(["time", str(article), "--houses", str(elsewhere.parent), "--house", "myhouse"]) == 0
    assert main(["script", str(article), str(article), "--house", str(desk / "ours"), "-o", str(tmp_path / "out")]) == 0
    assert main(["script", str(article), str(SEED), "--house", str(desk / "ours"), "-o", str(tmp_path / "out2")]) == 2
