"""The README's examples of the quote rule, the credit rule and the CIS labels are true: each is taken from the
README as it stands, run through the reader, and its stated result checked."""
from __future__ import annotations

import re

from broadcast.parse import parse_text

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(opening: str) -> str:
    """The README's text from `opening` on (its example is the first that follows)."""
    return README[README.index(opening):]


def _indented_block(text: str) -> list[str]:
    """The first block of lines indented by four spaces (a Markdown example) in `text`."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("    ") and line.strip())
    block = []
    for line in lines[first:]:
        if line.strip() and not line.startswith("    "):
            break
        block.append(line)
    return [line for line in block if line.strip()]


def _rows(story):
    return [
        (s.kind, (s.speaker.name, s.speaker.title) if s.speaker else None, [line.text for line in s.lines])
        for s in story.segments
    ]


def test_the_quote_rule_example_reads_as_the_readme_shows():
    """Left of the arrow: the copy; right: the markup the reader makes of it (sections and the guest's words)."""
    block = _indented_block(_section("**The quote rule**"))
    left, right = [], []
    for line in block:
        parts = re.split(r"\s{6,}(?:→\s+)?", line.strip(), maxsplit=1)
        if line.startswith("    ") and not line[4:5].isspace():
            left.append(parts[0])
            right.extend(parts[1:])
        else:
            right.append(line.strip())
    copy = "\n".join(left) + "\n"
    expected_markup = "\n".join(right).replace("[SOT", "\n[SOT")
    assert copy.startswith("Қала әкімі Ерболат Досаев") and "[SOT Ерболат Досаев | Қала әкімі]" in expected_markup
    # The markup's LEAD is the copy's first line; the README shows only its label.
    expected_markup = expected_markup.replace("[LEAD]", "[LEAD]\n" + left[0])
    story = parse_text(copy)
    assert _rows(story) == _rows(parse_text(expected_markup))
    assert any(w.kind == "guess" and "деді ол" in w.message for w in story.warnings)  # the pronoun: warned


def test_the_credit_rule_example_reads_as_the_readme_shows():
    line = next(line for line in _indented_block(_section("**The credit rule.**")) if "→" in line)
    copy, stated = (part.strip() for part in line.split("→"))
    source = re.search(r"source: ([^;]+);", stated)[1]
    said = re.search(r"read: «(.+)»", stated)[1]
    story = parse_text(copy + "\n")
    assert story.source == source == "Tengrinews.kz"
    (read,) = story.lines
    assert read.prompt == said and read.spoken == said
    assert "Tengrinews" in read.text  # the A/V script shows the credit


def test_the_cis_example_reads_as_the_readme_shows():
    section = _section("## CIS TV scripts")
    script = section.split("```")[1].strip("\n") + "\n"
    stated = "reads as lead, vo, nat (4 s), sot of Зоя Слесарёва (9 s)."
    assert stated in section
    story = parse_text(script)
    assert [s.kind for s in story.segments] == ["lead", "vo", "nat", "sot"]
    assert story.segments[2].tape == 4.0
    sot = story.segments[3]
    assert (sot.speaker.name, sot.speaker.title, sot.tape) == ("Зоя Слесарёва", "жительница Костаная", 9.0)
    assert [line.text for line in sot.lines] == ["Раньше тут пройти было невозможно."]
