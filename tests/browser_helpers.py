"""A real headless Chromium for the prompter tests: Debian's `chromium` driven by Playwright's Python package
(its own browser download is not used). Where either is missing the tests skip with one line saying why."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's chromium, or the browser BROADCAST_CHROMIUM names (set to nothing: no browser)."""
    if "BROADCAST_CHROMIUM" in os.environ:
        chosen = os.environ["BROADCAST_CHROMIUM"]
        return chosen if chosen and Path(chosen).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def skip_reason() -> str | None:
    if chromium_path() is None:
        return "browser tests skipped: no Chromium found (apt-get install chromium, or set BROADCAST_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests skipped: Playwright's Python package is not installed (pip install -e .[test])"
    return None


def launch() -> Iterator[object]:
    """A browser for a test module; skipped where none can be had (conftest says why, once, at the end)."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Server:
    """`broadcast prompter FILE --serve` in its own process, on a free port of `host`."""

    def __init__(self, path: Path, host: str = "127.0.0.1") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "broadcast", "prompter", str(path), "--serve", "--port", "0", "--host", host],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        first = self.process.stdout.readline() if self.process.stdout else ""
        if " on http" not in first:
            self.process.kill()
            raise RuntimeError(f"the server did not start: {first}{self.process.stderr.read() if self.process.stderr else ''}")
        self.url = first.rsplit(" on ", 1)[1].strip()
        self.base = self.url.split("?")[0]
        self.token = self.url.split("token=", 1)[1] if "token=" in self.url else None

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
