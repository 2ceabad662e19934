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
    ],
)
def test_a_runaway_template_is_one_clean_error(tmp_path, capsys, source, said):
    template = tmp_path / "self.j2"
    template.write_text(source, encoding="utf-8")
    assert main(["script", str(SEED), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1


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
