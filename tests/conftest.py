"""Shared test set-up. Tests never reach the internet: every socket that is not loopback is refused."""
from __future__ import annotations

import ipaddress
import os
import socket
import stat
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


SEED = ROOT / "examples" / "khabar24-belarus-kk.txt"


def fixture_cases(paths, check: str) -> list:
    """The fixture paths as test cases; a fixture whose hand-decided structure gives `xfail_<check>` (in
    fixtures/structures.toml) is xfail(strict=True) with that reason: an invariant the reader breaks on it
    today, which a fix of the reader turns green."""
    import tomllib

    expected = tomllib.loads((FIXTURES / "structures.toml").read_text(encoding="utf-8"))
    cases = []
    for path in paths:
        reason = expected.get(f"{path.parent.name}/{path.name}", {}).get(f"xfail_{check}")
        cases.append(pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else path)
    return cases

# Modules whose tests render audio, build a wheel or run the command line in a fresh process again and again:
# `pytest -m "not slow"` leaves them out for the edit loop (`make test` and CI run everything).
SLOW_MODULES = {
    "test_audio_cli", "test_bulletin_audio", "test_mix", "test_loudness", "test_packaging", "test_rundown_cli",
    "test_gtts_loopback", "test_prompter_browser", "test_pieces",
}


# Single tests of otherwise quick modules that take seconds each (an audio render, a 200,000-letter word, a
# batch of processes, the CMU dictionary, hypothesis): slow too, so that `-m "not slow"` stays under a minute
# on two cores (the README's `tests` block gives the measured time; benchmarks/suite_speed.py measures it).
SLOW_TESTS = {
    "test_a_stopped_render_leaves_no_ffmpeg_no_temporary_file_and_no_output", "test_ffmpeg_dies_with_a_parent_killed_outright",
    "test_a_200000_letter_word_finishes", "test_the_english_table_is_what_tools_build_from_cmudict",
    "test_many_articles_give_one_output_each_named_after_it", "test_a_folder_or_a_glob_and_jobs_give_the_same_outputs",
    "test_news_copy_is_never_lost_nor_crashes", "test_adjacent_segments_are_within_one_lu_and_the_file_meets_r128",
    "test_each_caption_starts_within_100_ms_of_its_first_words_onset", "test_a_caption_carries_what_is_said_not_the_channels_credit",
    "test_the_draft_names_the_russian_voice_in_its_cues", "test_help_on_every_command",
    "test_the_prompter_page_is_a_format_of_a_story_and_of_a_bulletin", "test_docx_paragraphs_are_lines_through_the_command",
    "test_no_line_of_the_fixtures_is_skipped_by_a_step_that_would_match_it",
    "test_no_generated_text_is_skipped_by_a_step_that_would_match_it", "test_the_reported_true_peak_is_the_meters_on_the_file",
    "test_the_readme_python_example_runs_as_written",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module is not None else ""
        if module in SLOW_MODULES or getattr(item, "originalname", item.name) in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like never leave the machine
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name: resolving it would already be network traffic


class NetworkBlocked(OSError):
    pass


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    """Refuse connections to anything but loopback, for the whole run."""
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return original_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise NetworkBlocked(f"test tried to reach {address!r}")
        return original_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_loopback(host if host is not None else ""):
            raise NetworkBlocked(f"test tried to resolve {host!r}")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
    yield
    socket.socket.connect = original_connect
    socket.socket.connect_ex = original_connect_ex
    socket.getaddrinfo = original_getaddrinfo


@pytest.fixture
def seed_path() -> Path:
    return SEED


def segment_shape(story) -> list[tuple[str, str]]:
    """A story's structure as the reader's tests compare it: each segment's kind and its speaker's name."""
    return [(s.kind, s.speaker.name if s.speaker else "") for s in story.segments]


def device_node(path: Path, minor: int) -> Path:
    """A character device like /dev/null (1, 3) or /dev/full (1, 7), made in a temporary folder: tests never
    write to the system's own."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.fixture(autouse=True, scope="session")
def _caches_in_a_temporary_folder(tmp_path_factory):
    """What the script path keeps between runs (parsed TOML, compiled templates) goes to a temporary folder,
    never the user's own cache; child processes inherit it."""
    import os

    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The browser tests say in one line why they did not run, where they cannot (also under xdist, whose
    workers' skips the main process does not see)."""
    from browser_helpers import skip_reason

    reason = skip_reason()
    if reason:
        terminalreporter.write_line(reason)
