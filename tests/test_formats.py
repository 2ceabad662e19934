"""The one table of output formats: code writers are entries, and a house style's template is a format with no
code change, for a story and for a bulletin alike; the commands take their lists and `-o` suffixes from it."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT, SEED

from broadcast.house import load_house
from broadcast.rundown import build, read_rundown, render_bulletin
from broadcast.writers import story as _story_writers  # noqa: F401  (registers json and check)
from broadcast.writers.formats import find, for_output, formats

BULLETIN = ROOT / "examples" / "evening-bulletin.toml"


def test_code_writers_and_templates_are_entries_with_their_suffix():
    house = load_house()
    story, bulletin = formats("story", house), formats("bulletin", house)
    assert {"prompter", "script", "markup", "timing", "json", "check"} <= set(story)
    assert {"table", "prompter", "script", "json", "mos"} <= set(bulletin)
    assert story["json"].suffix == ".json" and story["script"].suffix == ".md" and story["script"].template == "script.md.j2"
    assert bulletin["mos"].folder and bulletin["script"].template == "rundown/script.md.j2"
    assert for_output("story", house, "a/story.json", "prompter") == "json"
    assert for_output("story", house, "script.md", "prompter") == "script"
    assert for_output("story", house, "notes.txt", "prompter") == "prompter"  # three .txt formats: the default
    assert for_output("bulletin", house, "b.mos", "table") == "mos"


def _house_with_new_templates(tmp_path):
    house = tmp_path / "myhouse"
    shutil.copytree(ROOT / "templates" / "khabar24", house)
    (house / "teaser.txt.j2").write_text("TEASER {{ story.title }}\n", encoding="utf-8")
    (house / "rundown" / "slugs.csv.j2").write_text(
        "{% for row in rows %}{{ row.item.slug }},{{ row.timing.estimate | tc }}\n{% endfor %}", encoding="utf-8"
    )
    return house


def test_a_new_template_is_a_new_format_for_the_command_line(tmp_path):
    house = _house_with_new_templates(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "broadcast", "script", str(SEED), "--houses", str(tmp_path), "--house", "myhouse", "--to", "teaser"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0 and result.stdout.startswith("TEASER "), result.stderr
    rundown = tmp_path / "evening.toml"
    text = BULLETIN.read_text(encoding="utf-8").replace('house = "khabar24"', f'house = "{house}"')
    rundown.write_text(text, encoding="utf-8")
    for story in (ROOT / "examples").rglob("*.txt"):
        target = tmp_path / story.relative_to(ROOT / "examples")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(story, target)
    out = tmp_path / "slugs.csv"
    result = subprocess.run([sys.executable, "-m", "broadcast", "rundown", str(rundown), "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("OPEN,0:12")  # chosen by the .csv suffix: the only such format


def test_the_library_never_colours_the_command_line_does():
    bulletin = build(read_rundown(BULLETIN))
    plain = render_bulletin(bulletin, "table")
    assert "\033[" not in plain
    painted = render_bulletin(bulletin, "table", paint=lambda text, color: f"<{color}>{text}</{color}>")
    assert "<green>" in painted or "<red>" in painted
    assert find("bulletin", bulletin.house, "table").template == "rundown/table.txt.j2"


def test_the_prompter_page_is_a_format_of_a_story_and_of_a_bulletin(tmp_path):
    """`page` is an entry of the table like any other: `script --to page`, `-o x.html`, `rundown --to page` write
    what `broadcast prompter` writes."""
    from broadcast.prompter import page  # noqa: F401  (registers the page formats)

    house = load_house()
    assert formats("story", house)["page"].suffix == formats("bulletin", house)["page"].suffix == ".html"
    assert for_output("story", house, "a.html", "prompter") == "page"

    def broadcast(*arguments):
        result = subprocess.run([sys.executable, "-m", "broadcast", *map(str, arguments)], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        return page_of(result.stdout)

    def page_of(html):  # the page's ident names the file `broadcast prompter` follows; a format's, the title
        return re.sub(r'"ident": "\w+"', "", html)

    broadcast("prompter", SEED, "-o", tmp_path / "prompter.html")
    prompter = page_of((tmp_path / "prompter.html").read_text(encoding="utf-8"))
    broadcast("script", SEED, "-o", tmp_path / "script.html")  # the suffix picks the page
    assert broadcast("script", SEED, "--to", "page") == prompter
    assert page_of((tmp_path / "script.html").read_text(encoding="utf-8")) == prompter
    broadcast("prompter", BULLETIN, "-o", tmp_path / "bulletin.html")
    assert broadcast("rundown", BULLETIN, "--to", "page") == page_of((tmp_path / "bulletin.html").read_text(encoding="utf-8"))
