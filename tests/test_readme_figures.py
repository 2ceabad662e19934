"""The README's measured figures are what the benchmark scripts recorded (benchmarks/readme_figures.py), not typed."""
from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("readme_figures", ROOT / "benchmarks" / "readme_figures.py")
assert _spec and _spec.loader
figures = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("readme_figures", figures)  # the measuring scripts import it by that name
_spec.loader.exec_module(figures)

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = figures.blocks(README)


def test_the_readme_has_figures_blocks():
    assert {"tests", "audio-report", "bulletin-render"} <= set(BLOCKS)


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_each_block_is_what_its_recorded_figures_give(name):
    assert (figures.FIGURES / f"{name}.json").is_file(), f"no benchmarks/figures/{name}.json: run the script that measures it"
    assert BLOCKS[name] == figures.block(name), f"README block {name} is stale: python benchmarks/readme_figures.py"


def test_every_recorded_figure_is_shown():
    recorded = {path.stem for path in figures.FIGURES.glob("*.json")}
    assert recorded <= set(BLOCKS), f"recorded but in no README block: {sorted(recorded - set(BLOCKS))}"


def test_the_counted_figures_appear_only_inside_blocks():
    """The test count, the bulletin's render time and the render report are never typed outside a block."""
    outside = figures.BLOCK.sub("", README)
    assert not re.search(r"\b\d[\d,]* tests\b", outside)
    assert not re.search(r"renders in \d", outside)
    assert "Loudness -23.0 LUFS (target" not in outside


def test_a_block_is_written_from_the_recorded_file(tmp_path, monkeypatch):
    """A stale block is rewritten from the file; text around it is kept."""
    readme = tmp_path / "README.md"
    readme.write_text("before\n<!-- figures:tests -->\nold figure\n<!-- /figures -->\nafter\n", encoding="utf-8")
    assert figures.stale(readme) == ["tests"]
    assert figures.write_readme(readme)
    assert readme.read_text(encoding="utf-8") == f"before\n<!-- figures:tests -->\n{figures.block('tests')}<!-- /figures -->\nafter\n"
    assert figures.stale(readme) == []
