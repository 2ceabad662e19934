"""Every JSON output validates against the contract's JSON Schema in docs/: the story, the bulletin, an audio draft's
cue sheet (here from a built sheet; tests/test_audio_cli.py and test_bulletin_audio.py validate rendered ones) and
`broadcast voices --json`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, GOLDEN, ROOT, SEED
from contract_schema import SCHEMA, validator

from broadcast.pipeline import load
from broadcast.rundown import load_bulletin, render_bulletin

ARTICLES = sorted(path for path in FIXTURES.rglob("*.txt"))


def test_a_cue_sheet_validates():
    from test_captions import line_cue, sheet_of

    from broadcast.audio.captions import write

    sheet = json.loads(write("cues", sheet_of(line_cue("Бірінші жол.", 0, 1500), line_cue("Екінші жол.", 1850, 1200))))
    validator("cue_sheet").validate(sheet)
    validator().validate(sheet)
    with pytest.raises(jsonschema.ValidationError):  # a story's sheet has its segments, a bulletin's its items
        validator("cue_sheet").validate({key: value for key, value in sheet.items() if key != "segments"})


def test_voices_json_validates(capsys, tmp_path, monkeypatch):
    from broadcast.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["voices", "--json"]) == 0
    validator("voices").validate(json.loads(capsys.readouterr().out))


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", [SEED, *ARTICLES], ids=lambda path: f"{path.parent.name}/{path.name}")
@pytest.mark.parametrize("slot", [None, 30])
def test_every_story_json_validates(path: Path, slot: int | None):
    story = json.loads(load(path, slot=slot).render("json"))
    validator("story").validate(story)
    validator().validate(story)


def test_the_golden_story_validates():
    validator("story").validate(json.loads((GOLDEN / "seed.json.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("slot", [None, 5 * 60_000, 60_000])
def test_the_bulletin_json_validates(slot: int | None):
    bulletin = load_bulletin(ROOT / "examples" / "evening-bulletin.toml", **({"slot": slot} if slot else {}))
    document = json.loads(render_bulletin(bulletin, "json"))
    validator("bulletin").validate(document)
    if slot:
        assert document["fit"]["cuts"] or document["fit"]["floats"]


def test_keys_may_be_added_but_not_taken_away():
    story = json.loads(load(SEED).render("json"))
    story["new_key"] = {"anything": 1}
    story["segments"][0]["another"] = []
    validator("story").validate(story)
    del story["segments"][0]["voice"]
    with pytest.raises(jsonschema.ValidationError):
        validator("story").validate(story)


def _anchors(document: Path) -> set[str]:
    """The GitHub-style anchors of a Markdown file's headings."""
    headings = re.findall(r"^#+\s+(.+)$", document.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", heading).strip().lower().replace(" ", "-") for heading in headings}


def test_every_citation_points_into_docs():
    """Code, voice profiles, templates and the README cite docs/ files and headings that exist, and nothing
    outside the repository."""
    places = [*(ROOT / "broadcast").rglob("*.py"), *(ROOT / "voices").glob("*.toml"), *(ROOT / "templates").rglob("*"), ROOT / "README.md"]
    cited = 0
    for place in (path for path in places if path.is_file()):
        text = place.read_text(encoding="utf-8", errors="replace")
        assert "REFERENCE.md" not in text and "DESIGN.md" not in text, f"{place} cites a document the repository lacks"
        for name, anchor in re.findall(r"docs/([\w.-]+\.(?:md|json))(?:#([\w-]+))?", text):
            document = ROOT / "docs" / name
            assert document.is_file(), f"{place}: docs/{name} does not exist"
            assert not anchor or anchor in _anchors(document), f"{place}: docs/{name} has no heading #{anchor}"
            cited += 1
    assert cited >= 15
