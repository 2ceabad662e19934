"""The wheel carries templates/ and voices/: installed outside the repository, it renders the seed."""
from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # No build isolation: hatchling comes from the test extra, so nothing is downloaded here.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    (path,) = out.glob("broadcast_script-*.whl")
    return path


def test_wheel_contents(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "broadcast/templates/khabar24/house.toml" in names
    assert "broadcast/templates/khabar24/prompter.txt.j2" in names
    assert "broadcast/voices/kk-anchor.toml" in names
    assert {"broadcast/lexicons/kk.toml", "broadcast/lexicons/ru.toml", "broadcast/lexicons/en.toml"} <= set(names)
    assert not any(name.startswith(("tests/", "templates/", "voices/", "lexicons/")) for name in names)


def test_installed_wheel_renders_the_seed_from_elsewhere(wheel, tmp_path):
    target = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    ).stdout.strip()
    # The dependencies come from the test environment (read-only, through a .pth line); the package
    # itself only from the wheel, unpacked into the fresh environment.
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    with open(f"{site}/zz_deps.pth", "w") as pth:
        pth.write(sysconfig.get_paths()["purelib"] + "\n")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    code = "import broadcast, sys; from broadcast.cli import main; print(broadcast.__file__, file=sys.stderr); sys.exit(main())"
    result = subprocess.run(
        [python, "-I", "-c", code, "script", str(SEED), "--to", "prompter"],
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().startswith(site)  # the installed copy, not the checkout
    assert "[SOT: Ирина Новикова — экономика ғылымдарының докторы]" in result.stdout
