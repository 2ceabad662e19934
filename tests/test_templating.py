"""Templates are data: a user's or a house's template cannot run code, read files or hang the render."""
from __future__ import annotations

import pytest

from broadcast.cli import main

from conftest import SEED

ESCAPES = [
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ story.__class__.__init__.__globals__ }}",
    "{{ house.folder.joinpath('/etc/passwd').read_text() }}",
    "{{ house.folder.__class__('/etc/hostname').read_text() }}",
    "{{ story.warnings.append(1) }}",
    "{{ lipsum() }}",
    "{{ self.__init__.__globals__ }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_a_template_cannot_reach_outside(tmp_path, capsys, source):
    template = tmp_path / "evil.j2"
    template.write_text(source, encoding="utf-8")
    code = main(["script", str(SEED), "--template", str(template)])
    captured = capsys.readouterr()
    assert code == 1, captured.out
    assert "uid=" not in captured.out and "root:" not in captured.out
    assert captured.err.startswith("broadcast: template evil.j2") and captured.err.count("\n") == 1


@pytest.mark.parametrize(
    "source, said",
    [
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself"),
        ("{% include 'self.j2' %}", "calls itself"),
        ("{{ 'x' * 10000000000 }}", "too large"),
        ("{{ 10 ** 100000000 }}", "exponent"),
        ("{% for s in segments %}{{ s.cue ", "line 1"),
        # A string of gigabytes built by a filter or a method, not by *: 10 GB filled for a minute before
        ("{{ 'x'|center(10**10) }}", "more memory"),
        ("{{ '%09999999999d'|format(1) }}", "more memory"),
        ("{{ '{:>9999999999}'.format(1) }}", "more memory"),
        ("{{ ('x' * 999999)|replace('x', 'x' * 999999) }}", "more memory"),
        ("{{ range(100000)|join('x' * 999999) }}", "more memory"),
    ],
)
def test_a_runaway_template_is_one_clean_error(tmp_path, capsys, source, said):
    template = tmp_path / "self.j2"
    template.write_text(source, encoding="utf-8")
    assert main(["script", str(SEED), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1


def test_a_template_looping_without_end_is_stopped_by_its_cpu_time(tmp_path, capsys, monkeypatch):
    """Nested loops over range() ran for hours: a render has a CPU budget (here 1 s), then one clean line."""
    import threading

    from broadcast.writers import templating

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("the CPU budget is kept in the main thread")
    monkeypatch.setattr(templating, "MAX_CPU_SECONDS", 1)
    template = tmp_path / "loop.j2"
    template.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", encoding="utf-8")
    assert main(["script", str(SEED), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert "template loop.j2: ran over 1 s of CPU" in err and err.count("\n") == 1
    assert main(["script", str(SEED), "--to", "json"]) == 0  # the limits are back as they were
    capsys.readouterr()


def test_a_template_that_links_out_of_its_folder_is_not_read(tmp_path, capsys):
    """A house style sent inside a rundown's folder, or a user's template, whose template or include is a link
    to a file outside its folder (/etc/passwd) was read into the script."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OUTSIDE", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "t.j2").write_text("{% include 'x.j2' %}", encoding="utf-8")
    (mine / "x.j2").symlink_to(secret)
    assert main(["script", str(SEED), "--template", str(mine / "t.j2")]) == 1
    captured = capsys.readouterr()
    assert "SECRET" not in captured.out and "x.j2 is a link out of its folder" in captured.err


def test_a_binary_template_is_one_clean_error(tmp_path, capsys):
    template = tmp_path / "bin.j2"
    template.write_bytes(b"\xff\xfe\x00\x01\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert main(["script", str(SEED), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("broadcast: template bin.j2: not UTF-8") and err.count("\n") == 1


def test_a_template_still_uses_our_values_methods_and_filters(tmp_path, capsys):
    template = tmp_path / "ok.j2"
    template.write_text(
        "{{ story.title | upper }}|{{ segments | length }}|{{ timing.duration | tc }}|{{ channel }}|"
        "{{ house.channel_name('kk') }}|{{ '-' * 3 }}|{{ story.title.split(' ') | first }}\n",
        encoding="utf-8",
    )
    assert main(["script", str(SEED), "--template", str(template)]) == 0
    out = capsys.readouterr().out
    fields = out.strip().split("|")
    assert fields[1] == "6" and fields[3] == fields[4] == "Хабар 24" and fields[5] == "---"


def test_compiled_templates_are_kept_only_in_a_folder_nobody_else_can_write(tmp_path, monkeypatch):
    # Compiled template code is run when it is loaded: a cache folder others can write to is no cache.
    import jinja2

    from broadcast.writers import story

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    env = jinja2.Environment()
    assert story._compiled_templates(env) is not None
    folder = next((tmp_path / "broadcast").iterdir())
    folder.chmod(0o777)
    assert story._compiled_templates(env) is None
    folder.chmod(0o700)
    assert story._compiled_templates(env) is not None


def test_only_a_users_templates_are_bounded(tmp_path, capsys, monkeypatch):
    """The memory and CPU bounds are for templates that are not ours (a user's house style, --template): the
    bundled house styles render without their system calls, a copy of one in the user's folder with them."""
    import shutil

    from broadcast.resources import packaged
    from broadcast.writers import templating

    bounded = []
    real = templating._bounded

    def counting():
        bounded.append(1)
        return real()

    monkeypatch.setattr(templating, "_bounded", counting)
    assert main(["script", str(SEED), "--to", "script"]) == 0
    ours = capsys.readouterr().out
    assert bounded == []
    mine = tmp_path / "houses"
    shutil.copytree(packaged("templates") / "khabar24", mine / "mine")
    assert main(["script", str(SEED), "--to", "script", "--houses", str(mine), "--house", "mine"]) == 0
    assert capsys.readouterr().out == ours and bounded == [1]
    template = tmp_path / "t.j2"
    template.write_text("{{ story.title }}", encoding="utf-8")
    assert main(["script", str(SEED), "--template", str(template)]) == 0
    assert bounded == [1, 1]
