"""The prompter page in a real Chromium: how fast a 30-story bulletin's page opens and how smoothly it scrolls,
and screenshots of the page (a story and the bulletin, normal and mirrored) into out/.

    .venv/bin/python benchmarks/prompter_page.py [--shots DOCS_PNG]

Figures, not a pass/fail test. "Opens" is navigation start to the first frame the page draws; "frames" are
the intervals between animation frames while the bulletin scrolls at 100% and at 400% (the fastest an
operator sets it) for a few seconds, beside an empty page measured in the same run (what the machine itself
does to frames). Needs Debian's `chromium` and Playwright's Python package (the test extra).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_helpers import ARGS, chromium_path

from broadcast.pipeline import load
from broadcast.prompter import bulletin_document, render_page, story_document
from broadcast.rundown import load_bulletin

STORIES = sorted((ROOT / "examples" / "bulletin").glob("*.txt")) + [ROOT / "examples" / "khabar24-belarus-kk.txt"]
EXAMPLE = ROOT / "examples" / "khabar24-belarus-kk.txt"
BULLETIN = ROOT / "examples" / "evening-bulletin.toml"
COUNT = 30
SCROLL_SECONDS = 4
VIEWPORT = {"width": 1280, "height": 720}


def make_rundown(folder: Path) -> Path:
    """30 distinct stories (the examples, each made unique) with a break after every ten."""
    items = []
    for n in range(COUNT):
        text = STORIES[n % len(STORIES)].read_text(encoding="utf-8")
        story = folder / f"story-{n:02d}.txt"
        story.write_text(text.replace("\n", f" {n}\n", 1) if not text.startswith("#") else text, encoding="utf-8")
        items.append(f'[[item]]\ntype = "story"\nslug = "S{n:02d}"\nfile = "{story.name}"\n')
        if n % 10 == 9 and n < COUNT - 1:
            items.append(f'[[item]]\ntype = "break"\nslug = "BREAK {n // 10 + 1}"\nduration = "2:00"\n')
    rundown = folder / "thirty.toml"
    rundown.write_text('title = "30 stories"\nstart = "06:00:00"\nslot = "1:30:00"\n\n' + "\n".join(items), encoding="utf-8")
    return rundown


def open_page(browser, path: Path, query: str = ""):
    page = browser.new_page(viewport=VIEWPORT)
    started = time.perf_counter()
    page.goto(path.as_uri() + query)
    while not page.evaluate("window.prompter !== undefined && prompter.readyAt() !== null"):
        time.sleep(0.005)
    wall = (time.perf_counter() - started) * 1000
    return page, wall


def frames(page, speed: int) -> tuple[list[float], list[list[float]]]:
    """Animation frame intervals (ms) while the page scrolls at `speed` % for SCROLL_SECONDS, and the long
    animation frames Chromium reports (frames that took 50 ms or more), each as [its length, the page's own
    work in it: scripts plus style, layout and paint]. The rest of a long frame is the page waiting for the
    processor, which on a loaded machine is the machine's doing."""
    page.evaluate(f"prompter.act({{action: 'speed', value: {speed}}}); prompter.act({{action: 'play'}})")
    page.evaluate(
        "window.__frames = []; (function tick(last) { requestAnimationFrame(t => {"
        " if (last !== null) window.__frames.push(t - last); tick(t); }); })(null);"
        " window.__long = []; new PerformanceObserver(list => { for (const e of list.getEntries())"
        " window.__long.push([e.duration, e.scripts.reduce((sum, x) => sum + x.duration, 0)"
        " + (e.startTime + e.duration - e.renderStart)]); }).observe({type: 'long-animation-frame'});"
    )
    time.sleep(SCROLL_SECONDS)
    return page.evaluate("window.__frames"), page.evaluate("window.__long")


def shoot(page, position: float, name: str, mirrored: bool) -> None:
    page.evaluate(f"prompter.act({{action: 'pause'}}); prompter.act({{action: 'seek', position: {position / 1000}}})")
    if mirrored != page.evaluate("prompter.settings().mirror"):
        page.keyboard.press("m")
    page.wait_for_timeout(150)
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    page.screenshot(path=str(out / name))


def main() -> None:
    if chromium_path() is None:
        sys.exit("no Chromium found (apt-get install chromium): nothing measured")
    from playwright.sync_api import sync_playwright

    docs_png = Path(sys.argv[sys.argv.index("--shots") + 1]) if "--shots" in sys.argv else None
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        started = time.perf_counter()
        thirty = bulletin_document(load_bulletin(make_rundown(Path(folder)), checked=False))
        html = render_page(thirty)
        render_ms = (time.perf_counter() - started) * 1000
        page_path = Path(folder) / "thirty.html"
        page_path.write_text(html, encoding="utf-8")
        lines = len(thirty.lines)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        try:
            opens, walls = [], []
            for _ in range(3):
                page, wall = open_page(browser, page_path)
                opens.append(page.evaluate("prompter.readyAt()"))
                walls.append(wall)
                page.close()
            measured = {}
            for speed in (100, 400):
                page, _ = open_page(browser, page_path)
                measured[speed] = frames(page, speed)
                page.close()
            # The same measure on an empty page in the same run: what the machine itself does to frames.
            empty = browser.new_page(viewport=VIEWPORT)
            empty.set_content("<p>empty</p>")
            empty.evaluate("window.prompter = {act() {}}")
            baseline = frames(empty, 100)
            empty.close()

            story = story_document(load(EXAMPLE, slot=150))
            story_path = Path(folder) / "story.html"
            story_path.write_text(render_page(story), encoding="utf-8")
            bulletin = bulletin_document(load_bulletin(BULLETIN, checked=False))
            bulletin_path = Path(folder) / "bulletin.html"
            bulletin_path.write_text(render_page(bulletin), encoding="utf-8")
            vo = story.items[0].segments[1]
            at = vo.lines[1].start + vo.lines[1].duration // 2
            sot = next(s for item in bulletin.items for s in item.segments if s.kind == "sot")
            for mirrored in (False, True):
                suffix = "-mirrored" if mirrored else ""
                page, _ = open_page(browser, story_path)
                shoot(page, at, f"prompter-story{suffix}.png", mirrored)
                page.close()
                page, _ = open_page(browser, bulletin_path)
                shoot(page, sot.start - 1500, f"prompter-bulletin{suffix}.png", mirrored)
                page.close()
            if docs_png is not None:  # the README's picture: small, at the story's first bite
                small = browser.new_page(viewport={"width": 960, "height": 540})
                small.goto(story_path.as_uri())
                small.wait_for_timeout(300)
                bite = next(s for s in story.items[0].segments if s.kind == "sot")
                shoot(small, bite.start - 2500, "prompter-small.png", False)
                small.screenshot(path=str(docs_png))
                small.close()
        finally:
            browser.close()

    print(f"30-story bulletin page: {len(html) / 1024:.0f} KiB, {lines} lines; rendered in {render_ms:.0f} ms (Python)")
    print(f"opens (navigation start to first frame): {min(opens):.0f} ms best, {max(opens):.0f} ms worst of 3; "
          f"from the test's side {min(walls):.0f} ms")
    rows = [(f"scroll at {speed}%", intervals) for speed, intervals in measured.items()]
    rows.append(("an empty page, same run", baseline))
    for name, (intervals, long) in rows:
        work = max((e[1] for e in long), default=0.0)
        print(f"{name:<24} {SCROLL_SECONDS} s: {len(intervals)} frames, mean {statistics.mean(intervals):.1f} ms, "
              f"longest {max(intervals):.1f} ms, over 50 ms: {len([f for f in intervals if f > 50])}; "
              f"the page's own work in the long ones: at most {work:.1f} ms")
    print("screenshots: out/prompter-story.png, out/prompter-story-mirrored.png, out/prompter-bulletin.png, "
          "out/prompter-bulletin-mirrored.png")


if __name__ == "__main__":
    main()
