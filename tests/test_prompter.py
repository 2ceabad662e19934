"""The prompter page without a browser: its document follows the library's timing, its text is escaped,
its script is the only one the page allows; the live server's actions and its refusals."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import websockets.exceptions
import websockets.sync.client
from browser_helpers import Server
from conftest import ROOT

from broadcast import api
from broadcast.prompter import (
    bulletin_document,
    carry_position,
    render_page,
    story_document,
)
from broadcast.prompter.server import Transport, apply, needs_token, terminal_safe
from broadcast.prompter.source import Source
from broadcast.rundown import load_bulletin
from broadcast.rundown.timing import bulletin_as_shown
from broadcast.timing import as_shown

BULLETIN = ROOT / "examples" / "evening-bulletin.toml"
HOSTILE = (
    "[LEAD]\n"
    "Ақпарат <script>window.hacked = 1</script> бойынша \"><img src=x onerror=\"window.hacked=2\"> жаңалық.\n"
    "Шаблон {{ 7 * 7 }} және {% if true %}иә{% endif %} мәтін \x1b[31mқызыл\x1b[0m болып қалады.\n"
)


def test_segments_and_lines_keep_the_script_timing(seed_path: Path) -> None:
    timed = api.load(seed_path, slot=150)
    document = story_document(timed)
    (item,) = document.items
    shown = as_shown(timed.story, timed.timing)  # as the timing table shows it
    assert document.duration == shown.duration
    for segment, timing in zip(item.segments, shown.segments):
        assert (segment.start, segment.duration) == (timing.start, timing.duration)
        assert [line.start for line in segment.lines] == [line.start for line in timing.lines]
    cut = {(c.segment, c.line) for c in timed.fit.cuts}
    marked = {(s, i) for s, seg in enumerate(item.segments) for i, line in enumerate(seg.lines) if line.cut}
    assert marked == cut and cut
    assert document.slot == 150_000


def test_a_sentence_suggested_for_cutting_is_struck_alone(tmp_path: Path) -> None:
    article = tmp_path / "school.txt"
    article.write_text(
        "[LEAD]\nБүгін Астанада жаңа мектеп ашылды.\n\n"
        "[VO]\nМектепте мың бала оқиды. Ғимарат екі жылда салынды. Құрылысқа бес миллиард теңге жұмсалды.\n",
        encoding="utf-8",
    )
    full = api.load(article).timing.duration
    page = render_page(story_document(api.load(article, slot=(full - 1500) / 1000)))
    struck = re.findall(r'<span class="cut">(.*?)</span>', page)
    assert len(struck) == 1 and struck[0].endswith(".")
    assert 'class="line kf cut"' not in page


def test_natural_sound_and_a_russian_bite_are_waited_through_in_their_language(tmp_path: Path) -> None:
    article = tmp_path / "nat.txt"
    article.write_text(
        "[LEAD]\nБүгін Астанада жаңа мектеп ашылды.\n\n[NAT 0:05]\nҚоңырау соғылады\n\n"
        "[SOT Анна Петрова | директор | 0:08 | female | ru]\nМы долго ждали этот день.\n\n"
        "[STANDUP]\nМен қазір жаңа мектептің ауласындамын.\n",
        encoding="utf-8",
    )
    segments = story_document(api.load(article)).items[0].segments
    assert [(s.kind, s.wait, s.language) for s in segments] == [
        ("lead", False, "kk"), ("nat", True, "kk"), ("sot", True, "ru"), ("standup", False, "kk")
    ]
    assert segments[1].duration == 5000 and segments[2].duration == 8000
    page = render_page(story_document(api.load(article)))
    assert '<section class="seg sot wait" data-start="9000" data-end="17000" lang="ru"' in page


def test_a_house_style_names_its_cues(seed_path: Path, tmp_path: Path) -> None:
    house = tmp_path / "cis"
    shutil.copytree(ROOT / "templates" / "khabar24", house)
    settings = (house / "house.toml").read_text(encoding="utf-8")
    (house / "house.toml").write_text(
        settings.replace("[house]\n", '[house]\ncue_labels = {lead = "ВЕДУЩИЙ", vo = "ЗК", sot = "СИНХРОН"}\n', 1),
        encoding="utf-8",
    )
    document = story_document(api.load(seed_path, house=str(house)))
    assert [segment.cue for segment in document.items[0].segments[:3]] == ["ВЕДУЩИЙ", "ЗК", "СИНХРОН"]
    assert 'data-label="СИНХРОН"' in render_page(document)


def test_a_bulletin_runs_in_order_with_its_breaks() -> None:
    bulletin = load_bulletin(BULLETIN, checked=False)
    document = bulletin_document(bulletin)
    assert [item.slug for item in document.items] == [item.slug for item in bulletin.items]
    shown = bulletin_as_shown(bulletin.timing)
    assert [item.start for item in document.items] == [row.cume for row in shown.items]
    assert document.duration == shown.duration
    kinds = {item.kind for item in document.items}
    assert kinds == {"story", "break", "sting"}
    languages = {segment.language for item in document.items for segment in item.segments}
    assert languages == {"kk", "ru"}


def test_the_wpm_is_the_anchors_rate_in_words(seed_path: Path) -> None:
    timed = api.load(seed_path)
    anchor = timed.cast.anchor
    words = syllables = 0
    for segment, timing in zip(timed.story.segments, timed.timing.segments):
        if segment.role == "anchor":
            words += sum(len(line.spoken.split()) for line in segment.lines)
            syllables += sum(line.syllables for line in timing.lines)
    assert story_document(timed).items[0].wpm == round(anchor.read_rate * 60 * words / syllables)


def test_text_is_escaped_and_only_the_pages_own_script_runs(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    page = render_page(story_document(api.load(article)))
    assert "<script>window.hacked" not in page and "<img" not in page
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in page
    assert "{{ 7 * 7 }}" in page and "49" not in re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "connect-src 'none'" in page
    config = re.search(r'<script type="application/json" id="config">(.*?)</script>', page, flags=re.DOTALL)
    assert config and json.loads(config.group(1))["duration"] > 0


def test_the_place_is_kept_across_an_edit(seed_path: Path, tmp_path: Path) -> None:
    before = story_document(api.load(seed_path))
    text = seed_path.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text("Жаңа сөйлем қосылды.\n" + text, encoding="utf-8")  # the lead grows a line on top
    after = story_document(api.load(edited))
    line = before.items[0].segments[1].lines[2]  # a VO line, a third of the way in
    moved = carry_position(before, after, line.start + line.duration // 3)
    (same,) = [candidate for candidate in after.lines if candidate.text == line.text]
    assert moved == same.start + line.duration // 3
    assert moved > line.start  # everything below the new line starts later


def test_a_rundowns_story_files_are_followed() -> None:
    files = Source(str(BULLETIN)).files()
    assert files[0] == BULLETIN and (ROOT / "examples" / "bulletin" / "weather-ru.txt") in files
    assert (ROOT / "examples" / "bulletin" / "football-ru.txt") in files  # floated now, maybe not later


def test_the_command_writes_one_page(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "prompter.html"
    result = subprocess.run(
        [sys.executable, "-m", "broadcast", "prompter", str(seed_path), "--slot", "2:30", "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "http://" not in page and "https://" not in page
    assert 'class="line kf cut"' in page
    refused = subprocess.run(
        [sys.executable, "-m", "broadcast", "prompter", str(BULLETIN), "--house", "other", "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert refused.returncode == 2 and "--house" in refused.stderr


def test_control_actions_move_the_transport(seed_path: Path) -> None:
    document = story_document(api.load(seed_path))
    transport = Transport()
    starts = [segment.start for segment in document.items[0].segments]
    apply(transport, document, {"action": "next"})
    assert transport.position == starts[1]
    apply(transport, document, {"action": "next"})
    apply(transport, document, {"action": "previous"})  # right at a start: back one more
    assert transport.position == starts[1]
    apply(transport, document, {"action": "speed", "value": 150})
    apply(transport, document, {"action": "faster"})
    assert transport.speed == 155
    apply(transport, document, {"action": "seek", "position": 9999})
    assert transport.position == document.duration
    for bad in ({"action": "explode"}, {"action": "speed"}, {"action": "seek", "position": "x"}):
        with pytest.raises((TypeError, ValueError)):
            apply(transport, document, bad)


def test_an_articles_escape_sequences_never_reach_the_terminal() -> None:
    assert terminal_safe("Жаңалық \x1b[2J\x1b]0;pwned\x07 бүгін\u202e") == "Жаңалық ?[2J?]0;pwned? бүгін?"


def test_only_loopback_goes_without_a_token() -> None:
    assert not needs_token("127.0.0.1") and not needs_token("::1") and not needs_token("localhost")
    assert needs_token("127.0.0.2") and needs_token("0.0.0.0") and needs_token("192.0.2.7")


def _post(url: str, body: object, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_beyond_loopback_every_request_needs_the_token(seed_path: Path) -> None:
    server = Server(seed_path, host="127.0.0.2")  # Linux routes all of 127/8 to loopback; it is not 127.0.0.1
    try:
        assert server.token
        assert _post(server.base + "control", {"action": "play"}) == 403
        assert _post(server.base + "control", {"action": "play"}, {"Authorization": "Bearer wrong"}) == 403
        assert _get(server.base)[0] == 403 and _get(server.base + "state")[0] == 403
        assert _post(server.base + "control", {"action": "play"}, {"Authorization": f"Bearer {server.token}"}) == 200
        assert _post(server.base + f"control?token={server.token}", {"action": "pause"}) == 200
        status, page = _get(server.url)
        assert status == 200 and "connect-src 'self'" in page
        socket_url = server.base.replace("http://", "ws://") + "ws"
        with pytest.raises(websockets.exceptions.InvalidStatus):
            websockets.sync.client.connect(socket_url, open_timeout=5)
        with websockets.sync.client.connect(f"{socket_url}?token={server.token}", open_timeout=5) as screen:
            assert json.loads(screen.recv(timeout=5))["type"] == "script"
    finally:
        server.stop()


def test_the_server_serves_what_it_renders_and_nothing_else(seed_path: Path) -> None:
    server = Server(seed_path)
    try:
        assert server.token is None
        for path in ("etc/passwd", "../pyproject.toml", "static/page.js", "favicon.ico", str(seed_path).lstrip("/")):
            assert _get(server.base + path)[0] == 404
        assert _post(server.base + "control", {"action": "fly"}) == 400
        plain = urllib.request.Request(server.base + "control", data=b'{"action": "play"}', method="POST",
                                       headers={"Content-Type": "text/plain"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(plain, timeout=5)
        assert refused.value.code == 415  # what a page of another site could send without asking
        assert _post(server.base + "control", {"action": "play"}, {"Origin": "http://evil.example"}) == 403
    finally:
        server.stop()
