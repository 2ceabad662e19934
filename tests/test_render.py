"""Rendering: golden outputs of the seed in every format, and what templates must show.

When a deliberate change alters an output, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff.
"""
from __future__ import annotations

import json
import os

import pytest

import broadcast
from broadcast.house import load_house
from broadcast.writers.story import formats

from conftest import GOLDEN, SEED

EXTENSIONS = {"prompter": "txt", "script": "md", "markup": "txt", "timing": "txt", "json": "json", "check": "txt"}


@pytest.fixture(scope="module")
def seed():
    return broadcast.load(SEED, slot=150)


def test_formats_are_the_house_templates_plus_json_and_check():
    # and the prompter's page, once broadcast.prompter is imported (it registers it)
    assert set(formats(load_house())) - {"page"} == set(EXTENSIONS)


@pytest.mark.parametrize("to", sorted(EXTENSIONS))
def test_golden(seed, to):
    out = seed.render(to=to)
    golden = GOLDEN / f"seed.{to}.{EXTENSIONS[to]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8"), f"{golden.name} changed; see the module docstring"


def test_prompter_cues_and_running_times(seed):
    out = seed.render(to="prompter")
    assert "[SOT: Ирина Новикова — экономика ғылымдарының докторы]" in out
    for timed in seed.timing.segments:
        minutes, seconds = divmod(round(timed.start / 1000), 60)
        assert f"{minutes}:{seconds:02d}  [" in out
    width = int(seed.house.settings["prompter_width"])
    body = out.split("\n")[2:]
    assert all(len(row) <= width for row in body if not row.startswith(("0:", "1:", "2:", "3:", "  ")) and " " in row)


def test_av_script_has_lower_third_in_video_column(seed):
    rows = [row for row in seed.render(to="script").split("\n") if row.startswith("| ") and "SOT" in row]
    assert len(rows) == 2
    video = rows[0].split(" | ")[1]
    assert "SUPER" in video and "Ирина Новикова" in video and "экономика ғылымдарының докторы" in video


def test_json_cut_list_matches_fit(seed):
    data = json.loads(seed.render(to="json"))
    assert data["slot"]["slot"] == 150 and data["slot"]["fits"] is False
    assert [c["source_line"] for c in data["slot"]["cuts"]] == [c.source_line for c in seed.fit.cuts]


def test_prompter_leaves_out_the_house_channel_attribution_but_the_script_keeps_it():
    timed = broadcast.load(SEED)
    assert "деп хабарлайды" not in timed.render("prompter")
    assert "қосып жүр." in timed.render("prompter")
    assert "деп хабарлайды Хабар 24" in timed.render("script")


def test_the_readme_worked_example_is_the_golden_timing_table():
    readme = (GOLDEN.parent.parent / "README.md").read_text(encoding="utf-8")
    command = "$ .venv/bin/broadcast time examples/khabar24-belarus-kk.txt --slot 2:30\n"
    shown = readme[readme.index(command) + len(command):]
    assert shown[: shown.index("```")] == (GOLDEN / "seed.timing.txt").read_text(encoding="utf-8")


def test_every_kind_lines_up_in_the_timing_table(tmp_path):
    """The longest kind (STANDUP) keeps the columns where the header puts them."""
    article = tmp_path / "kinds.txt"
    article.write_text(
        "# broadcast markup\n# language: kk\n\n[LEAD]\nБүгін Астанада жиын өтті.\n\n[NAT 0:04]\nшу\n\n"
        "[STANDUP Асқар Нұрлан | тілші]\nМен қазір алаңдамын.\n\n[SOT Ирина Новикова | экономист]\nБұл маңызды.\n",
        encoding="utf-8",
    )
    table = broadcast.load(article).render("timing").splitlines()
    header = table[1]
    rows = [row for row in table[2:] if row[:1].isdigit()]
    assert [row.split()[1] for row in rows] == ["LEAD", "NAT", "STANDUP", "SOT"]
    for row in rows:
        row = row.removesuffix("  tape")
        assert len(row) == len(header), row
        assert row.index(row.split()[2]) == header.index("SPEAKER"), row
