"""The public Python API as the README shows it: its `## Python` example runs as written."""
from __future__ import annotations

import shutil

from conftest import ROOT, SEED


def test_the_readme_python_example_runs_as_written(tmp_path, monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[: code.index("```")]
    shutil.copy(SEED, tmp_path / "article.txt")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "VIDEO" in printed and (tmp_path / "draft.mp3").is_file() and (tmp_path / "draft.srt").is_file()
